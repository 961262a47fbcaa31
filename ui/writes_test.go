package ui

import (
	"context"
	"database/sql"
	"sync/atomic"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	_ "github.com/mattn/go-sqlite3"

	"github.com/casebookapp/casebook/data"
)

// lockLibrary takes the library's write lock from another connection, as
// an import from the command line would, and returns the function that
// lets it go.
func lockLibrary(t *testing.T, path string) (release func()) {
	t.Helper()
	db, err := sql.Open("sqlite3", "file:"+path+"?_journal_mode=WAL&_busy_timeout=5000&_txlock=immediate")
	if err != nil {
		t.Fatal(err)
	}
	tx, err := db.Begin()
	if err != nil {
		t.Fatal(err)
	}
	// A write inside the transaction: the lock is held until it ends.
	if _, err := tx.Exec(`UPDATE articles SET title = title WHERE id = 0`); err != nil {
		t.Fatal(err)
	}
	released := false
	release = func() {
		if !released {
			released = true
			tx.Rollback()
			db.Close()
		}
	}
	t.Cleanup(release)
	return release
}

// TestWindowAnswersWhileLibraryLocked highlights and writes a note while
// another program holds the library's write lock: the window keeps
// answering keys, says it is waiting, and saves everything once the lock
// is let go.
func TestWindowAnswersWhileLibraryLocked(t *testing.T) {
	ctx := context.Background()
	h := newHarness(t)
	u, r := h.u, h.u.reader
	release := lockLibrary(t, h.lib.Path())

	h.shortcut(shortcutReader)
	u.runShortcut(colourShortcut(1)) // on the first passage
	h.pump()
	// The window answers while the highlight waits for the lock.
	h.press(fyne.KeyDown)
	if r.current != 1 {
		t.Fatalf("↓ while the library is locked left the current passage at %d", r.current)
	}
	u.runShortcut(shortcutNewNote)
	test.Type(u.notes.Cards[0].editor, "Written while locked")
	u.notes.flush()
	h.pump()
	h.waitFor("the window to say it is waiting", func() bool { return u.saveLabel.Text == "Waiting for the library…" })
	if u.notes.Cards[0].status.text != "Saving…" {
		t.Errorf("the note says %q while it waits, want “Saving…”", u.notes.Cards[0].status.text)
	}
	if hs, _ := h.lib.Highlights(ctx, r.Article().ID); len(hs) != 0 {
		t.Fatalf("a highlight was written although the library was locked: %+v", hs)
	}

	release()
	h.settle()
	hs, err := h.lib.Highlights(ctx, r.Article().ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(hs) != 1 || hs[0].PassageID != r.rows[0].passage.ID {
		t.Errorf("after the lock was let go, highlights = %+v, want one on the first passage", hs)
	}
	ns, _ := h.lib.Notes(ctx, data.NoteFilter{PassageID: r.rows[1].passage.ID})
	if len(ns) != 1 || ns[0].Body != "Written while locked" {
		t.Errorf("after the lock was let go, notes = %+v, want the one written", ns)
	}
	if u.saveLabel.Text != "All changes saved" {
		t.Errorf("save state = %q, want “All changes saved”", u.saveLabel.Text)
	}
	if st := u.notes.Cards[0].status.text; st == "Saving…" || st == "" {
		t.Errorf("the note still says %q once saved", st)
	}
}

// TestWriteQueueRetriesBusyAndKeepsOrder checks that a write refused with
// "busy" is tried again until it goes through, and that the writes of a
// lane run in the order they were made.
func TestWriteQueueRetriesBusyAndKeepsOrder(t *testing.T) {
	h := newHarness(t)
	q := h.u.writes
	q.retry = time.Millisecond
	var tries atomic.Int32
	var order []int
	var got []error
	for i := 0; i < 3; i++ {
		i := i
		q.submit("lane", func(context.Context) error {
			if i == 0 && tries.Add(1) < 3 {
				return data.Errorf(data.EBUSY, "busy")
			}
			order = append(order, i) // lane writes never overlap
			return nil
		}, func(err error) { got = append(got, err) })
	}
	h.settle()
	if tries.Load() != 3 {
		t.Errorf("the busy write was tried %d times, want 3", tries.Load())
	}
	if len(order) != 3 || order[0] != 0 || order[1] != 1 || order[2] != 2 {
		t.Errorf("writes ran in the order %v, want [0 1 2]", order)
	}
	if len(got) != 3 || got[0] != nil {
		t.Errorf("done got %v, want three nil errors", got)
	}
}

// TestStatusShownAfterSaving checks that what was just done is still said
// beside the search field once a change has been saved: the label the
// window shows is the one that says it.
func TestStatusShownAfterSaving(t *testing.T) {
	h := newHarness(t)
	u := h.u
	shown := u.status
	h.shortcut(shortcutReader)
	u.runShortcut(colourShortcut(1))
	h.settle()
	if u.saveLabel.Text != "All changes saved" {
		t.Fatalf("save state = %q, want “All changes saved”", u.saveLabel.Text)
	}
	u.say("Article deleted")
	if shown.Text != "Article deleted" {
		t.Errorf("after a save the window's status label says %q, want “Article deleted”", shown.Text)
	}
}

// TestWriteQueueAlone builds the write queue with no window: a slow write
// counts as waiting (onState is told), its done runs through do with its
// error, and once quitting a finished write's done no longer runs while
// the count of pending writes still comes down.
func TestWriteQueueAlone(t *testing.T) {
	queue := make(chan func(), 64)
	quitting := false
	q := newWriteQueue(context.Background(), func(f func()) { queue <- f }, func() bool { return quitting })
	q.slow = time.Millisecond
	states := 0
	q.onState = func() { states++ }
	// run does what the queue asked of the UI goroutine until cond.
	run := func(what string, cond func() bool) {
		t.Helper()
		deadline := time.After(10 * time.Second)
		for !cond() {
			select {
			case f := <-queue:
				f()
			case <-deadline:
				t.Fatalf("waited too long for %s", what)
			}
		}
	}
	release := make(chan struct{})
	wantErr := data.Errorf(data.EINVALID, "refused")
	var got []error
	q.submit("a", func(context.Context) error { <-release; return wantErr }, func(err error) { got = append(got, err) })
	if q.pending != 1 || states != 1 {
		t.Fatalf("after submit: pending %d, states %d", q.pending, states)
	}
	run("the slow write to wait", q.Waiting)
	close(release)
	run("the write's done", func() bool { return len(got) == 1 && !q.Waiting() })
	if got[0] != wantErr || q.pending != 0 || states < 3 {
		t.Errorf("done got %v; pending %d; states %d", got, q.pending, states)
	}

	quitting = true
	before := states
	q.submit("a", func(context.Context) error { return nil }, func(err error) { got = append(got, err) })
	run("the count to come down", func() bool { return q.pending == 0 })
	if len(got) != 1 || states != before {
		t.Errorf("after quitting: done ran %d times, onState %d times", len(got)-1, states-before)
	}
	if !q.wait(time.Second) {
		t.Error("the queue's writes did not finish")
	}
}
