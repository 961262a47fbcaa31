package ui

import (
	"context"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/casebookapp/casebook/data"
	"github.com/casebookapp/casebook/data/ingest"
	"github.com/casebookapp/casebook/data/sqlite"

	// Keeps Fyne quiet about a C.UTF-8 locale, as in the app.
	_ "github.com/casebookapp/casebook/ui/quietlocale"
)

// harness is a Casebook window on a real library of the bundled articles,
// in a t.TempDir(), driven through Fyne's test driver. Work that the UI
// hands to the UI goroutine is queued and run by pump on the test goroutine,
// so tests are deterministic and race-free.
type harness struct {
	t     *testing.T
	app   fyne.App
	lib   *sqlite.Library
	u     *UI
	queue chan func()
}

type harnessOption func(*Options)

func newHarness(t *testing.T, opts ...harnessOption) *harness {
	t.Helper()
	a := test.NewTempApp(t)
	lib := openSeededLibrary(t)
	return newHarnessOn(t, a, lib, opts...)
}

// newHarnessOn builds a window on an existing app and library, as a second
// run of the program would.
func newHarnessOn(t *testing.T, a fyne.App, lib *sqlite.Library, opts ...harnessOption) *harness {
	t.Helper()
	h := &harness{t: t, app: a, lib: lib, queue: make(chan func(), 1024)}
	o := Options{
		noteDebounce: 20 * time.Millisecond,
		do:           func(f func()) { h.queue <- f },
		statePath:    statePathOf(t, a),
	}
	for _, f := range opts {
		f(&o)
	}
	h.u = New(a, lib, o)
	h.u.Window.Resize(fyne.NewSize(1280, 820))
	h.u.Window.Show()
	return h
}

// statePaths gives each test app its own window state file, kept across
// the windows a test opens on it, as the app's storage would.
var statePaths sync.Map

func statePathOf(t *testing.T, a fyne.App) string {
	p, _ := statePaths.LoadOrStore(a, filepath.Join(t.TempDir(), "window-state.json"))
	return p.(string)
}

func openSeededLibrary(t *testing.T) *sqlite.Library {
	t.Helper()
	ctx := context.Background()
	lib, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "library.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { lib.Close() })
	arts, err := ingest.Seeds()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := lib.SyncArticles(ctx, arts); err != nil {
		t.Fatal(err)
	}
	return lib
}

// pump runs the queued UI work until the queue is empty.
func (h *harness) pump() {
	for {
		select {
		case f := <-h.queue:
			f()
		default:
			return
		}
	}
}

// waitFor runs queued UI work until cond holds, failing after a while.
func (h *harness) waitFor(what string, cond func() bool) {
	h.t.Helper()
	deadline := time.After(10 * time.Second)
	for !cond() {
		select {
		case f := <-h.queue:
			f()
		case <-time.After(5 * time.Millisecond):
		case <-deadline:
			h.t.Fatalf("timed out waiting for %s", what)
		}
	}
}

// articleByTitle finds a seed article whose title contains s.
func (h *harness) article(i int) data.ArticleSummary {
	h.t.Helper()
	if i >= len(h.u.articles) {
		h.t.Fatalf("the library has %d articles, not %d", len(h.u.articles), i+1)
	}
	return h.u.articles[i]
}

// rowWithText returns the reader row whose text contains s.
func (h *harness) rowWithText(s string) int {
	h.t.Helper()
	for i, m := range h.u.reader.rows {
		if indexRunes(m.text, []rune(s)) >= 0 {
			return i
		}
	}
	h.t.Fatalf("no passage of the open article contains %q", s)
	return -1
}

// indexRunes is strings.Index in runes.
func indexRunes(text, sub []rune) int {
	for i := 0; i+len(sub) <= len(text); i++ {
		ok := true
		for k := range sub {
			if text[i+k] != sub[k] {
				ok = false
				break
			}
		}
		if ok {
			return i
		}
	}
	return -1
}

// settle runs queued UI work until every write to the library is done and
// shown.
func (h *harness) settle() {
	h.t.Helper()
	h.pump()
	h.waitFor("the writes to be saved", func() bool { return h.u.writes.pending == 0 })
	h.pump()
}
