package ui

import (
	"context"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/casebookapp/casebook/data"
)

func TestWindow(t *testing.T) {
	h := newHarness(t)
	u := h.u

	t.Run("ShowsTheLibrary", func(t *testing.T) {
		if got, want := u.Window.Title(), "Casebook"; got != want {
			t.Errorf("title = %q, want %q", got, want)
		}
		if got, want := u.library.Length(), 3; got != want {
			t.Fatalf("sidebar rows = %d, want %d", got, want)
		}
		for _, a := range u.articles {
			if a.Title == "" || a.Passages == 0 {
				t.Errorf("article %d: title %q, %d passages", a.ID, a.Title, a.Passages)
			}
		}
		if !u.sidebar.empty.Hidden {
			t.Error("the empty-library hint shows although there are articles")
		}
	})

	t.Run("OpensTheFirstArticle", func(t *testing.T) {
		first := h.article(0)
		if got := u.reader.Article().ID; got != first.ID {
			t.Fatalf("reader shows article %d, want %d", got, first.ID)
		}
		all, err := h.lib.Passages(context.Background(), first.ID)
		if err != nil {
			t.Fatal(err)
		}
		flow := 0
		for _, p := range all {
			if p.Kind.InFlow() {
				flow++
			}
		}
		if got := u.reader.Rows(); got != flow || flow <= first.Passages {
			t.Errorf("reader rows = %d, want the %d body and caption passages (%d numbered)", got, flow, first.Passages)
		}
		if got := u.reader.title.Text; got != first.Title {
			t.Errorf("header title = %q, want %q", got, first.Title)
		}
		if !strings.Contains(u.reader.meta.text, first.Outlet) {
			t.Errorf("header meta %q lacks the outlet %q", u.reader.meta.text, first.Outlet)
		}
	})

	t.Run("NumbersOnlyBodyParagraphs", func(t *testing.T) {
		last := h.article(2)
		u.library.Select(2)
		if got := u.reader.Article().ID; got != last.ID {
			t.Fatalf("after choosing it in the sidebar the reader shows %d, want %d", got, last.ID)
		}
		// Captions and credits ("Image: Peter Liang", "… Mary Altaffer /
		// Pool via AP") keep their place without a number; body
		// paragraphs count 1, 2, 3 as a reader counts them.
		n, captions := 0, 0
		for i, m := range u.reader.rows {
			want := 0
			if m.passage.Kind.Numbered() {
				n++
				want = n
			} else {
				captions++
				if m.passage.Kind != data.KindCaption {
					t.Errorf("row %d is a %s passage", i, m.passage.Kind)
				}
			}
			if got := m.passage.N; got != want {
				t.Errorf("row %d (%s) shows ¶ %d, want ¶ %d", i, m.passage.Kind, got, want)
			}
			if strings.Contains(string(m.text), "Pool via AP") && m.passage.N != 0 {
				t.Errorf("the photo credit %q is numbered", string(m.text))
			}
		}
		if captions == 0 || n != last.Passages {
			t.Errorf("%d numbered rows (want %d) and %d captions (want some)", n, last.Passages, captions)
		}
	})
}

// TestNarrowWindow checks that the colours' meanings stay readable in a
// narrow window and at large text: the toolbar wraps onto more rows rather
// than shrinking its buttons to bare swatches, and no button is cut off.
func TestNarrowWindow(t *testing.T) {
	h := newHarness(t)
	u := h.u
	checkBar := func(when string) {
		t.Helper()
		h.pump()
		bar := u.toolbar.bar
		for i, b := range u.toolbar.buttons {
			if !b.Visible() || b.Text != u.colours[i].Meaning {
				t.Errorf("%s: colour %d shows %q (visible %v), want its meaning", when, i, b.Text, b.Visible())
			}
			p, s := b.Position(), b.Size()
			if p.X+s.Width > bar.Size().Width+0.5 || p.Y+s.Height > bar.Size().Height+0.5 || s.Width < b.MinSize().Width-0.5 {
				t.Errorf("%s: colour %d's button (%v at %v) is cut off by the toolbar (%v)", when, i, s, p, bar.Size())
			}
		}
	}
	checkBar("at 1280 wide")
	if u.toolbar.rows() != 1 {
		t.Errorf("at 1280 wide the toolbar has %d rows, want 1", u.toolbar.rows())
	}
	if w := u.Window.Content().MinSize().Width; w > 700 {
		t.Errorf("the window cannot be narrower than %v; the toolbar must not hold it wide", w)
	}
	u.Window.Resize(fyne.NewSize(800, 700))
	checkBar("at 800 wide")
	if u.toolbar.rows() < 2 {
		t.Errorf("at 800 wide the toolbar has %d rows; its buttons cannot all fit in one", u.toolbar.rows())
	}
	u.setTextScale(2)
	checkBar("at 800 wide and 200 % text")
	u.setTextScale(1)
	u.reader.setCurrent(0)
	test.Tap(u.toolbar.buttons[2])
	h.settle()
	hs, err := h.lib.Highlights(context.Background(), u.reader.Article().ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(hs) != 1 || hs[0].Colour != u.colours[2].Key {
		t.Errorf("the third colour made highlights %+v, want one in %s", hs, u.colours[2].Key)
	}
	u.Window.Resize(fyne.NewSize(1280, 820))
	checkBar("widened again")
	if u.toolbar.rows() != 1 {
		t.Errorf("widened again, the toolbar has %d rows", u.toolbar.rows())
	}
}

func TestSearch(t *testing.T) {
	t.Run("Completion", func(t *testing.T) {
		h := newHarness(t)
		s := h.u.search
		test.Type(s.entry, "liang balli")
		h.waitFor("suggestions", func() bool { return s.shown == s.gen && s.suggestions.Visible() })
		var chosen *widget.Button
		for _, o := range s.suggestions.Objects {
			if b, ok := o.(*widget.Button); ok && b.Text == "ballinger" {
				chosen = b
			}
		}
		if chosen == nil {
			t.Fatalf("no “ballinger” among the suggestions (%d objects)", len(s.suggestions.Objects))
		}
		test.Tap(chosen)
		h.pump()
		if got, want := s.entry.Text, "liang ballinger "; got != want {
			t.Errorf("entry = %q, want %q", got, want)
		}
		h.waitFor("results", func() bool { return s.shown == s.gen })
		if s.suggestions.Visible() {
			t.Error("suggestions still offered for a finished word")
		}
		if len(s.hits) == 0 || !strings.Contains(s.hits[0].Text, "Ballinger") {
			t.Errorf("top result after completion: %+v", s.hits)
		}
	})

	t.Run("ResultsAsYouType", func(t *testing.T) {
		h := newHarness(t)
		s := h.u.search
		test.Type(s.entry, "probaton")
		h.waitFor("results", func() bool { return s.shown == s.gen && len(s.hits) > 0 })
		if !h.u.left.Objects[1].Visible() || h.u.left.Objects[0].Visible() {
			t.Error("the results do not replace the library while searching")
		}
		top := s.hits[0]
		if !strings.Contains(strings.ToLower(top.Text), "probation") {
			t.Errorf("top result %q does not contain “probation”", top.Text)
		}
		if len(top.Matches) == 0 {
			t.Error("the top result has no matched words")
		}
		if !strings.Contains(s.status.Text, "for “probaton”") {
			t.Errorf("status = %q", s.status.Text)
		}
		s.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
		h.pump()
		if s.entry.Text != "" || !h.u.left.Objects[0].Visible() {
			t.Error("Escape does not clear the search and bring the library back")
		}
	})

	t.Run("NoMatchesSaysSo", func(t *testing.T) {
		h := newHarness(t)
		s := h.u.search
		test.Type(s.entry, "zzqxv")
		h.waitFor("the query to finish", func() bool { return s.shown == s.gen })
		if len(s.hits) != 0 || s.empty.Hidden {
			t.Errorf("hits = %d, empty state hidden = %v", len(s.hits), s.empty.Hidden)
		}
	})

	t.Run("StaleResultsAreDropped", func(t *testing.T) {
		gate := newGatedSearcher("slow")
		h := newHarness(t, func(o *Options) { o.searcher = gate })
		s := h.u.search
		test.Type(s.entry, "slow")
		<-gate.begun
		test.Type(s.entry, "er")
		h.waitFor("the newer query", func() bool { return s.shown == s.gen })
		close(gate.release)
		gate.wg.Wait()
		h.pump()
		if len(s.hits) != 1 || s.hits[0].Title != "slower" {
			t.Fatalf("shown results = %+v, want the one for “slower”", s.hits)
		}
	})

	t.Run("FilterByArticle", func(t *testing.T) {
		h := newHarness(t)
		s := h.u.search
		want := h.article(2).ID
		s.article.SetSelectedIndex(3)
		test.Type(s.entry, "Liang")
		h.waitFor("results", func() bool { return s.shown == s.gen && len(s.hits) > 0 })
		for _, r := range s.hits {
			if r.Article != want {
				t.Errorf("result from article %d, want only %d", r.Article, want)
			}
		}
	})
}

// TestResultOfUntitledArticle checks that a search result names an article
// without a title as the sidebar does, not with an empty name.
func TestResultOfUntitledArticle(t *testing.T) {
	h := newHarness(t)
	u, s := h.u, h.u.search
	a := h.article(0)
	meta := a.Meta
	meta.Title = ""
	if _, err := h.lib.UpdateMeta(context.Background(), a.ID, meta); err != nil {
		t.Fatal(err)
	}
	u.refreshLibrary()
	s.article.SetSelectedIndex(1)
	test.Type(s.entry, "Liang")
	h.waitFor("results", func() bool { return s.shown == s.gen && len(s.hits) > 0 })
	row := s.results.CreateItem()
	s.results.UpdateItem(0, row)
	got := row.(*resultRow).where.Text
	want := displayTitle(u.articles[0].Article)
	if want == "" || !strings.HasSuffix(got, " · "+want) {
		t.Errorf("result row says %q, want it to end with the article's name %q", got, want)
	}
}

// gatedSearcher answers at once, except for one query that waits for
// release: a slow search that a newer query overtakes.
type gatedSearcher struct {
	slow    string
	release chan struct{}
	begun   chan struct{}
	once    sync.Once
	wg      sync.WaitGroup
}

func newGatedSearcher(slow string) *gatedSearcher {
	return &gatedSearcher{slow: slow, release: make(chan struct{}), begun: make(chan struct{})}
}

func (g *gatedSearcher) Search(ctx context.Context, q string, opt data.SearchOptions) ([]data.SearchResult, error) {
	if q == g.slow {
		g.wg.Add(1)
		defer g.wg.Done()
		g.once.Do(func() { close(g.begun) })
		<-g.release
	}
	return []data.SearchResult{{Article: 1, Title: q, Passage: 1, Text: q}}, nil
}

// TestQuitStopsBackgroundWork checks that quitting cancels the work the UI
// runs in the background and waits for it, so that the library is not used
// after the window is gone.
func TestQuitStopsBackgroundWork(t *testing.T) {
	slow := &stuckSearcher{begun: make(chan struct{})}
	h := newHarness(t, func(o *Options) { o.searcher = slow })
	u := h.u
	test.Type(u.search.entry, "q")
	<-slow.begun
	u.quit()
	if !slow.cancelled.Load() {
		t.Error("the search running at quit was not cancelled")
	}
	if !slow.returned.Load() {
		t.Error("Quit returned before the search running in the background")
	}
	ran := false
	u.do(func() { ran = true })
	h.pump()
	if ran {
		t.Error("widgets were still changed after quit")
	}
}

// stuckSearcher's search runs until it is cancelled, or for 5 s.
type stuckSearcher struct {
	begun               chan struct{}
	once                sync.Once
	cancelled, returned atomic.Bool
}

func (s *stuckSearcher) Search(ctx context.Context, q string, opt data.SearchOptions) ([]data.SearchResult, error) {
	s.once.Do(func() { close(s.begun) })
	select {
	case <-ctx.Done():
		s.cancelled.Store(true)
	case <-time.After(5 * time.Second):
	}
	// Some clean-up after the cancellation, which Quit must wait for.
	time.Sleep(50 * time.Millisecond)
	s.returned.Store(true)
	return nil, ctx.Err()
}

func TestOpenSearchResult(t *testing.T) {
	h := newHarness(t)
	u, s := h.u, h.u.search
	test.Type(s.entry, "community service hours")
	h.waitFor("results", func() bool { return s.shown == s.gen && len(s.hits) > 0 })
	hit := s.hits[0]

	s.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	h.pump()

	if got := u.reader.Article().ID; got != hit.Article {
		t.Fatalf("reader shows article %d, want %d", got, hit.Article)
	}
	p, ok := u.reader.currentPassage()
	if !ok || p.ID != hit.PassageID {
		t.Fatalf("current passage = %d (%v), want %d", p.ID, ok, hit.PassageID)
	}
	row := u.reader.byID[hit.PassageID]
	if got := u.reader.rows[row].matches; len(got) == 0 || got[0] != hit.Matches[0] {
		t.Errorf("row matches = %v, want %v", got, hit.Matches)
	}
	top, bottom := u.reader.list.GetScrollOffset(), u.reader.list.GetScrollOffset()+u.reader.list.Size().Height
	if y := u.reader.rowOffset(row); y < top || y+u.reader.heights[row] > bottom {
		t.Errorf("row %d at %.0f–%.0f is outside the visible %.0f–%.0f", row, y, y+u.reader.heights[row], top, bottom)
	}
	v, ok := u.reader.viewOf(row)
	if !ok {
		t.Fatalf("row %d is not on screen", row)
	}
	outlined := 0
	for _, sp := range v.spans() {
		if sp.stroke != nil {
			outlined++
		}
	}
	if outlined != len(hit.Matches) {
		t.Errorf("the passage draws %d outlined matches, want %d", outlined, len(hit.Matches))
	}
}

// dragSelect selects runes [s, e) of row with the mouse.
func dragSelect(t *testing.T, h *harness, row, s, e int) *passageView {
	t.Helper()
	h.u.reader.scrollToRow(row)
	h.pump()
	v, ok := h.u.reader.viewOf(row)
	if !ok {
		t.Fatalf("row %d is not on screen", row)
	}
	m := v.metrics()
	from := v.positionOf(s).AddXY(0.5, m.lineH/2)
	to := v.positionOf(e).AddXY(0.5, m.lineH/2)
	v.MouseDown(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: from}, Button: desktop.MouseButtonPrimary})
	v.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: to}, Dragged: fyne.Delta{DX: to.X - from.X, DY: to.Y - from.Y}})
	v.DragEnd()
	v.MouseUp(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: to}, Button: desktop.MouseButtonPrimary})
	return v
}

func TestHighlight(t *testing.T) {
	ctx := context.Background()

	t.Run("SelectWithTheMouseAndHighlight", func(t *testing.T) {
		h := newHarness(t)
		u := h.u
		row := h.rowWithText("five years’ probation")
		text := u.reader.rows[row].text
		s := indexRunes(text, []rune("five years’ probation"))
		e := s + len([]rune("five years’ probation"))
		dragSelect(t, h, row, s, e)
		if gs, ge := u.reader.selSpan(); u.reader.selRow != row || gs != s || ge != e {
			t.Fatalf("selection = row %d [%d,%d), want row %d [%d,%d)", u.reader.selRow, gs, ge, row, s, e)
		}
		if !u.runShortcut(colourShortcut(2)) {
			t.Fatal("Ctrl+3 is not bound")
		}
		h.settle()
		hs, err := h.lib.Highlights(ctx, u.reader.Article().ID)
		if err != nil {
			t.Fatal(err)
		}
		if len(hs) != 1 {
			t.Fatalf("highlights = %d, want 1", len(hs))
		}
		if got, want := hs[0].Quote, "five years’ probation"; got != want {
			t.Errorf("quote = %q, want %q", got, want)
		}
		if got, want := hs[0].Colour, "green"; got != want {
			t.Errorf("colour = %q, want %q", got, want)
		}
		if got := u.articles[0].Highlights; got != 1 {
			t.Errorf("sidebar count = %d, want 1", got)
		}
		if got := len(u.reader.rows[row].highlights); got != 1 {
			t.Errorf("the reader draws %d highlights on the row, want 1", got)
		}
		if u.reader.selRow != -1 {
			t.Error("the selection stays after highlighting")
		}
	})

	t.Run("ShiftArrowExtendsFromTheMouseCaret", func(t *testing.T) {
		h := newHarness(t)
		dragSelect(t, h, 1, 4, 4)
		h.press(desktop.KeyShiftLeft, fyne.KeyRight, fyne.KeyRight)
		r := h.u.reader
		s, e := r.selSpan()
		if r.selRow != 1 || s != 4 || e != nextWordEnd(r.rows[1].text, nextWordEnd(r.rows[1].text, 4)) {
			t.Errorf("reader selection = row %d [%d,%d), want two words from the caret at 4", r.selRow, s, e)
		}
		if v, ok := r.viewOf(1); !ok || v.caret != e {
			t.Error("the passage widget does not show the keyboard's selection")
		}
	})

	t.Run("WholePassageRecolourRemoveUndo", func(t *testing.T) {
		h := newHarness(t)
		u := h.u
		u.reader.setCurrent(2)
		u.highlight("yellow")
		h.settle()
		hs, _ := h.lib.Highlights(ctx, u.reader.Article().ID)
		if len(hs) != 1 || hs[0].Start != 0 || hs[0].End != len(u.reader.rows[2].text) {
			t.Fatalf("highlights = %+v, want the whole passage", hs)
		}
		u.recolourHighlight(hs[0], "purple")
		h.settle()
		u.removeHighlightAtTarget()
		h.settle()
		if hs, _ := h.lib.Highlights(ctx, u.reader.Article().ID); len(hs) != 0 {
			t.Fatalf("after removing, %d highlights remain", len(hs))
		}
		u.runShortcut(shortcutUndo)
		h.settle()
		hs, _ = h.lib.Highlights(ctx, u.reader.Article().ID)
		if len(hs) != 1 || hs[0].Colour != "purple" {
			t.Fatalf("after undo, highlights = %+v, want the purple one back", hs)
		}
	})
}

func TestNotes(t *testing.T) {
	ctx := context.Background()

	t.Run("SavedAfterTheDebounce", func(t *testing.T) {
		h := newHarness(t)
		u := h.u
		row := h.rowWithText("probation")
		v := dragSelect(t, h, row, 0, 0)
		test.Tap(v)
		p, _ := u.reader.currentPassage()
		if !u.runShortcut(shortcutNewNote) {
			t.Fatal("Ctrl+N is not bound")
		}
		if len(u.notes.Cards) != 1 {
			t.Fatalf("cards = %d, want 1", len(u.notes.Cards))
		}
		if got := len(u.notes.cards.Objects); got != 1 {
			t.Errorf("the notes tab shows %d items with one note; the empty-passage hint must go", got)
		}
		card := u.notes.Cards[0]
		test.Type(card.editor, "Judge Chun: probation, not prison.")
		test.Type(card.tags, "sentence, judge")
		h.waitFor("the note to be saved", func() bool {
			ns, _ := h.lib.Notes(ctx, data.NoteFilter{PassageID: p.ID})
			return len(ns) == 1 && ns[0].Body == "Judge Chun: probation, not prison." && len(ns[0].Tags) == 2
		})
		h.settle()
		if got := u.reader.rows[row].notes; got != 1 {
			t.Errorf("note marker count = %d, want 1", got)
		}
		if got := u.articles[0].Notes; got != 1 {
			t.Errorf("sidebar notes = %d, want 1", got)
		}
		if got := len(u.notes.all); got != 1 {
			t.Errorf("all-notes list = %d, want 1", got)
		}
	})

	t.Run("SavedOnFocusLoss", func(t *testing.T) {
		h := newHarness(t, func(o *Options) { o.noteDebounce = 1 << 40 })
		u := h.u
		u.reader.setCurrent(0)
		card := u.notes.addNote()
		test.Type(card.editor, "Check the date")
		u.Window.Canvas().Focus(u.search.entry)
		h.settle()
		ns, _ := h.lib.Notes(ctx, data.NoteFilter{ArticleID: u.reader.Article().ID})
		if len(ns) != 1 || ns[0].Body != "Check the date" {
			t.Fatalf("notes = %+v, want the note saved when the editor lost the focus", ns)
		}
	})

	t.Run("SavedOnQuit", func(t *testing.T) {
		h := newHarness(t, func(o *Options) { o.noteDebounce = 1 << 40 })
		u := h.u
		u.reader.setCurrent(1)
		card := u.notes.addNote()
		test.Type(card.editor, "Last thought")
		u.quit()
		ns, _ := h.lib.Notes(ctx, data.NoteFilter{})
		if len(ns) != 1 || ns[0].Body != "Last thought" {
			t.Fatalf("notes = %+v, want the note saved on quit", ns)
		}
	})

	t.Run("DeleteAndUndo", func(t *testing.T) {
		h := newHarness(t)
		u := h.u
		p := u.reader.rows[3].passage
		n, err := h.lib.AddNote(ctx, data.NewNote{PassageID: p.ID, Body: "keep me", Tags: []string{"x"}})
		if err != nil {
			t.Fatal(err)
		}
		u.reader.setCurrent(3)
		if len(u.notes.Cards) != 1 || u.notes.Cards[0].editor.Text != "keep me" {
			t.Fatalf("cards = %d, want the stored note", len(u.notes.Cards))
		}
		test.Tap(u.notes.Cards[0].Delete)
		h.settle()
		if ns, _ := h.lib.Notes(ctx, data.NoteFilter{PassageID: p.ID}); len(ns) != 0 {
			t.Fatalf("after delete, %d notes remain", len(ns))
		}
		if len(u.notes.Cards) != 0 || u.notes.undoBar.Hidden {
			t.Errorf("cards = %d, undo bar hidden = %v", len(u.notes.Cards), u.notes.undoBar.Hidden)
		}
		u.runShortcut(shortcutUndo)
		h.settle()
		ns, _ := h.lib.Notes(ctx, data.NoteFilter{PassageID: p.ID})
		if len(ns) != 1 || ns[0].ID != n.ID || ns[0].Body != "keep me" {
			t.Fatalf("after undo, notes = %+v", ns)
		}
		if len(u.notes.Cards) != 1 {
			t.Errorf("after undo, cards = %d, want 1", len(u.notes.Cards))
		}
	})
}

// TestNoteTagsReachTheSearchFilter checks that a note's tags are offered
// by the search bar's tag filter as soon as the note is saved, and that an
// edit shows in the list of all notes.
func TestNoteTagsReachTheSearchFilter(t *testing.T) {
	ctx := context.Background()
	h := newHarness(t)
	u := h.u
	hasTag := func(tag string) bool { return contains(u.search.tag.Options, "#"+tag) }
	u.reader.setCurrent(4)
	card := u.notes.addNote()
	test.Type(card.tags, "judge")
	test.Type(card.editor, "Chun")
	h.waitFor("the first save", func() bool { return card.note.ID != 0 })
	h.settle()
	if !hasTag("judge") {
		t.Errorf("tag filter = %v, want #judge after the first note", u.search.tag.Options)
	}
	test.Type(card.tags, ", ruling")
	test.Type(card.editor, " said")
	h.waitFor("the edit", func() bool {
		n, err := h.lib.Note(ctx, card.note.ID)
		return err == nil && len(n.Tags) == 2 && !card.dirty
	})
	h.settle()
	if !hasTag("ruling") {
		t.Errorf("tag filter = %v, want #ruling after the edit", u.search.tag.Options)
	}
	if len(u.notes.all) != 1 || u.notes.all[0].Body != "Chun said" || len(u.notes.all[0].Tags) != 2 {
		t.Errorf("all-notes list = %+v, want the edited note", u.notes.all)
	}
	if got, want := u.notes.noteWhere(u.notes.all[0]), displayTitle(u.reader.article)+" · para. "+strconv.Itoa(u.reader.rows[4].passage.N); got != want || u.reader.rows[4].passage.N == 0 {
		t.Errorf("the list says the note is at %q, want %q", got, want)
	}
}

// TestNoteTypingReusesOneTimer checks that typing in a note resets one
// save timer, rather than starting one per keystroke.
func TestNoteTypingReusesOneTimer(t *testing.T) {
	h := newHarness(t, func(o *Options) { o.noteDebounce = 1 << 40 })
	u := h.u
	u.reader.setCurrent(0)
	card := u.notes.addNote()
	test.Type(card.editor, "a")
	timer := card.timer
	test.Type(card.editor, "bc")
	if card.timer != timer {
		t.Error("a keystroke started another save timer")
	}
	if got := card.status.text; got != "Editing…" {
		t.Errorf("status = %q while typing", got)
	}
	u.notes.flush()
	h.settle()
	if card.note.Body != "abc" {
		t.Errorf("saved body = %q, want %q", card.note.Body, "abc")
	}
}

// TestNoteUndoBar checks that the "Note deleted" bar restores that note,
// not whatever was done last.
func TestNoteUndoBar(t *testing.T) {
	ctx := context.Background()
	h := newHarness(t)
	u := h.u
	p := u.reader.rows[3].passage
	n, err := h.lib.AddNote(ctx, data.NewNote{PassageID: p.ID, Body: "keep me"})
	if err != nil {
		t.Fatal(err)
	}
	u.reader.setCurrent(3)
	test.Tap(u.notes.Cards[0].Delete)
	h.settle()
	u.highlight("red")
	h.settle()
	if !u.notes.undoBar.Visible() {
		t.Fatal("the undo bar went when a highlight was made in the same passage")
	}
	test.Tap(u.notes.undoBtn)
	h.settle()
	ns, _ := h.lib.Notes(ctx, data.NoteFilter{PassageID: p.ID})
	if len(ns) != 1 || ns[0].ID != n.ID {
		t.Fatalf("after the bar's undo, notes = %+v, want the deleted one back", ns)
	}
	if hs, _ := h.lib.Highlights(ctx, u.reader.Article().ID); len(hs) != 1 {
		t.Errorf("after the bar's undo, %d highlights, want the new one kept", len(hs))
	}
	if u.notes.undoBar.Visible() {
		t.Error("the undo bar stays after restoring the note")
	}
	if len(u.notes.Cards) != 1 {
		t.Errorf("cards = %d, want the restored note", len(u.notes.Cards))
	}
	// Ctrl+Z now takes back the highlight, and the note's step is gone.
	u.runShortcut(shortcutUndo)
	h.settle()
	if hs, _ := h.lib.Highlights(ctx, u.reader.Article().ID); len(hs) != 0 {
		t.Errorf("Ctrl+Z left %d highlights, want the highlight taken back", len(hs))
	}
	if len(u.undo.steps) != 0 {
		t.Errorf("%d undo steps remain, want none", len(u.undo.steps))
	}

	t.Run("HiddenWhenThePassageChanges", func(t *testing.T) {
		test.Tap(u.notes.Cards[0].Delete)
		h.settle()
		if !u.notes.undoBar.Visible() {
			t.Fatal("no undo bar after deleting a note")
		}
		u.reader.setCurrent(4)
		if u.notes.undoBar.Visible() {
			t.Error("the undo bar of a note of another passage stays")
		}
	})
}

func TestRemembersWindowAndPosition(t *testing.T) {
	a := test.NewTempApp(t)
	lib := openSeededLibrary(t)
	h := newHarnessOn(t, a, lib)
	last := h.article(2)
	h.u.openArticle(last.ID)
	h.u.Window.Resize(fyne.NewSize(1100, 760))
	h.u.reader.scrollToRow(12)
	top := h.u.reader.topRow()
	if top == 0 {
		t.Fatal("the reader did not scroll")
	}
	h.u.quit()

	again := newHarnessOn(t, a, lib)
	if got := again.u.reader.Article().ID; got != last.ID {
		t.Errorf("reopened on article %d, want %d", got, last.ID)
	}
	if got := again.u.reader.topRow(); got != top {
		t.Errorf("reopened at row %d, want %d", got, top)
	}
	st := again.u.loadState()
	if st.Width != 1100 || st.Height != 760 {
		t.Errorf("remembered size = %v × %v, want 1100 × 760", st.Width, st.Height)
	}
}

func TestOpensFirstArticleOfAnotherLibrary(t *testing.T) {
	a := test.NewTempApp(t)
	h := newHarnessOn(t, a, openSeededLibrary(t))
	h.u.openArticle(h.article(2).ID)
	h.u.reader.scrollToRow(12)
	h.u.quit()

	t.Run("AnotherLibrary", func(t *testing.T) {
		// The same ids exist in the new library, but they are not what the
		// user was reading.
		other := newHarnessOn(t, a, openSeededLibrary(t))
		if got, want := other.u.reader.Article().ID, other.article(0).ID; got != want {
			t.Errorf("a new library opened on article %d, want its first, %d", got, want)
		}
		if got := other.u.reader.topRow(); got != 0 {
			t.Errorf("a new library opened scrolled to row %d, want the top", got)
		}
	})

	t.Run("ArticleGone", func(t *testing.T) {
		lib := openSeededLibrary(t)
		again := newHarnessOn(t, a, lib)
		again.u.quit()
		if err := again.u.saveState(windowState{Width: 900, Height: 700, Library: lib.Path(), Article: 9999}); err != nil {
			t.Fatal(err)
		}
		again = newHarnessOn(t, a, lib)
		if got, want := again.u.reader.Article().ID, again.article(0).ID; got != want {
			t.Errorf("with the remembered article gone it opened %d, want the first, %d", got, want)
		}
	})
}

func TestMetaEditor(t *testing.T) {
	h := newHarness(t)
	u := h.u
	id := u.reader.Article().ID

	u.showMetaEditor()
	ed := u.metaEditor
	ed.date.SetText("19 April")
	if ed.Save() {
		t.Fatal("a date that is not ISO was accepted")
	}
	h.settle()
	ed.title.SetText("A corrected title")
	ed.date.SetText("2016-04-19")
	if !ed.Save() {
		t.Fatal("saving valid details failed")
	}
	h.settle()
	a, err := h.lib.Article(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	if a.Title != "A corrected title" || a.Date != "2016-04-19" {
		t.Errorf("stored = %q %q", a.Title, a.Date)
	}
	// A new title derives a new APA title; the type and the APA title can be
	// set by hand.
	if a.SentenceTitle != "A corrected title" {
		t.Errorf("sentence title = %q, want it derived from the new title", a.SentenceTitle)
	}
	u.showMetaEditor()
	ed = u.metaEditor
	if ed.Type.Selected == "" {
		t.Error("the source type is not shown")
	}
	ed.Type.SetSelected("Blog")
	ed.sentenceTitle.SetText("A corrected title about NYPD")
	ed.accessed.SetText("2026-05-01")
	if !ed.Save() {
		t.Fatal("saving the type failed")
	}
	h.settle()
	a, _ = h.lib.Article(context.Background(), id)
	if a.Type != data.Blog || a.SentenceTitle != "A corrected title about NYPD" || a.Accessed != "2026-05-01" {
		t.Errorf("stored type %q, APA title %q, accessed %q", a.Type, a.SentenceTitle, a.Accessed)
	}
	if u.reader.title.Text != "A corrected title" || u.articles[0].Title != "A corrected title" {
		t.Error("the reader header or the sidebar still show the old title")
	}
}

func TestMenu(t *testing.T) {
	h := newHarness(t)
	menu := h.u.Window.MainMenu()
	var labels []string
	for _, m := range menu.Items {
		labels = append(labels, m.Label)
	}
	if got, want := strings.Join(labels, ","), "File,Edit,Highlight,View,Help"; got != want {
		t.Errorf("menus = %s, want %s", got, want)
	}
	for _, sc := range []fyne.Shortcut{shortcutFind, shortcutNewNote, shortcutUndo, shortcutQuit, shortcutExport, colourShortcut(0), colourShortcut(4)} {
		found := false
		for _, m := range menu.Items {
			for _, it := range m.Items {
				if it.Shortcut != nil && it.Shortcut.ShortcutName() == sc.ShortcutName() {
					found = true
				}
			}
		}
		if !found {
			t.Errorf("no menu item for %s", sc.ShortcutName())
		}
	}
	h.u.runShortcut(shortcutFind)
	if h.u.Window.Canvas().Focused() != h.u.search.entry {
		t.Error("Ctrl+F does not focus the search field")
	}
	h.u.setTheme(themeDark)
	if currentVariant() != theme.VariantDark {
		t.Error("View › Dark does not switch to the dark variant")
	}
}

func TestSnapToWords(t *testing.T) {
	text := []rune("Liang’s conviction drew protests, the APALA said.")
	tests := map[string]struct {
		s, e       int
		start, end int
	}{
		"inside one word":        {9, 12, 8, 18},   // "onv" -> "conviction"
		"across words":           {2, 11, 0, 18},   // "ang’s con" -> "Liang’s conviction"
		"whole words stay":       {8, 18, 8, 18},   // "conviction"
		"spaces trimmed":         {18, 24, 19, 23}, // " drew " -> "drew"
		"stops at punctuation":   {26, 32, 24, 32}, // "otests" -> "protests"
		"only spaces left alone": {18, 19, 18, 19},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			s, e := snapToWords(text, tc.s, tc.e)
			if s != tc.start || e != tc.end {
				t.Errorf("snap(%d, %d) = %d, %d (%q), want %d, %d (%q)", tc.s, tc.e, s, e, string(text[s:e]), tc.start, tc.end, string(text[tc.start:tc.end]))
			}
		})
	}
}

func TestLibraryFilter(t *testing.T) {
	h := newHarness(t)
	u := h.u
	if got := u.library.Length(); got != 3 {
		t.Fatalf("%d articles listed, want 3", got)
	}
	test.Type(u.libraryFilter, "liang apolog")
	h.pump()
	if got := u.library.Length(); got < 1 {
		t.Fatalf("filter %q lists no article", u.libraryFilter.Text)
	}
	if a := u.sidebar.articles[u.sidebar.listed[0]]; !strings.HasPrefix(a.Title, "Ex-Cop Peter Liang Apologizes") {
		t.Errorf("filter put %q first", a.Title)
	}
	u.libraryFilter.SetText("afro")
	if got := u.library.Length(); got != 1 || u.sidebar.articles[u.sidebar.listed[0]].Outlet != "AFRO" {
		t.Errorf("outlet filter: %d rows", got)
	}
	u.libraryFilter.SetText("wang")
	if got := u.library.Length(); got != 1 || u.sidebar.articles[u.sidebar.listed[0]].Author != "Frances Kai-Hwa Wang" {
		t.Errorf("author filter: %d rows", got)
	}
	u.libraryFilter.SetText("zzzz")
	if got := u.library.Length(); got != 0 || !u.sidebar.noMatch.Visible() {
		t.Errorf("no match: %d rows, empty state shown %v", got, u.sidebar.noMatch.Visible())
	}
	u.libraryFilter.SetText("")
	if got := u.library.Length(); got != 3 || u.sidebar.noMatch.Visible() {
		t.Errorf("cleared filter: %d rows", got)
	}
}

// TestOpenArticleOnce checks that asking for the open article again leaves
// the reader as it is: it is not read from the library a second time, which
// would drop the current passage and the note being typed.
func TestOpenArticleOnce(t *testing.T) {
	h := newHarness(t, func(o *Options) { o.noteDebounce = 1 << 40 })
	u := h.u
	second := h.article(1)
	u.openArticle(second.ID)
	if got := u.reader.Article().ID; got != second.ID {
		t.Fatalf("the reader shows %d, want %d", got, second.ID)
	}
	u.reader.setCurrent(2)
	card := u.notes.addNote()
	test.Type(card.editor, "half a thought")
	u.openArticle(second.ID)
	if p, ok := u.reader.currentPassage(); !ok || p.ID != u.reader.rows[2].passage.ID {
		t.Errorf("opening the open article again lost the current passage")
	}
	if len(u.notes.Cards) != 1 || u.notes.Cards[0] != card {
		t.Errorf("opening the open article again replaced the note being typed")
	}
}

func TestHighlightUndo(t *testing.T) {
	ctx := context.Background()

	t.Run("RecolouringTheSameSpanUndoesToTheOldColour", func(t *testing.T) {
		h := newHarness(t)
		u := h.u
		u.reader.setCurrent(2)
		u.highlight("yellow")
		h.settle()
		u.highlight("green") // the same span: a recolouring
		h.settle()
		hs, _ := h.lib.Highlights(ctx, u.reader.Article().ID)
		if len(hs) != 1 || hs[0].Colour != "green" {
			t.Fatalf("highlights = %+v, want one, green", hs)
		}
		u.runShortcut(shortcutUndo)
		h.settle()
		hs, _ = h.lib.Highlights(ctx, u.reader.Article().ID)
		if len(hs) != 1 || hs[0].Colour != "yellow" {
			t.Fatalf("after undo, highlights = %+v, want the yellow one", hs)
		}
		u.runShortcut(shortcutUndo)
		h.settle()
		if hs, _ := h.lib.Highlights(ctx, u.reader.Article().ID); len(hs) != 0 {
			t.Fatalf("after a second undo, highlights = %+v, want none", hs)
		}
	})

	t.Run("RemoveSeveralUndoesInOneStep", func(t *testing.T) {
		h := newHarness(t)
		u := h.u
		p := u.reader.rows[1].passage
		for _, span := range [][2]int{{0, 10}, {20, 40}, {50, 70}} {
			if _, err := h.lib.AddHighlight(ctx, p.ID, span[0], span[1], "blue"); err != nil {
				t.Fatal(err)
			}
		}
		u.reader.reloadAnnotations()
		u.reader.setCurrent(1)
		u.removeHighlightAtTarget()
		h.settle()
		if hs, _ := h.lib.Highlights(ctx, u.reader.Article().ID); len(hs) != 0 {
			t.Fatalf("after removing, %d highlights remain", len(hs))
		}
		if got := len(u.undo.steps); got != 1 {
			t.Errorf("removing three highlights left %d undo steps, want 1", got)
		}
		u.runShortcut(shortcutUndo)
		h.settle()
		if hs, _ := h.lib.Highlights(ctx, u.reader.Article().ID); len(hs) != 3 {
			t.Errorf("after undo, %d highlights, want the 3 back", len(hs))
		}
	})
}

// fakePlacer keeps a window's position as a window system would.
type fakePlacer struct {
	x, y  int
	known bool
	moves int
	// monW, monH is the monitor's size; zero when not known.
	monW, monH int
}

func (p *fakePlacer) Monitor(fyne.Window) (int, int, bool) {
	return p.monW, p.monH, p.monW > 0
}

func (p *fakePlacer) Position(fyne.Window) (int, int, bool) { return p.x, p.y, p.known }

func (p *fakePlacer) Move(_ fyne.Window, x, y int) bool {
	p.x, p.y, p.known = x, y, true
	p.moves++
	return true
}

func TestRemembersWindowPlace(t *testing.T) {
	a := test.NewTempApp(t)
	lib := openSeededLibrary(t)
	p := &fakePlacer{x: 230, y: 140, known: true}
	withPlacer := func(o *Options) { o.Placer = p }
	h := newHarnessOn(t, a, lib, withPlacer)
	// The driver calls placeWindow once it has shown the window.
	h.u.placeWindow()
	h.u.quit()

	p.x, p.y = 0, 0
	again := newHarnessOn(t, a, lib, withPlacer)
	again.u.placeWindow()
	if p.moves != 1 || p.x != 230 || p.y != 140 {
		t.Errorf("after a restart the window was moved %d times, to %d,%d; want once, to 230,140", p.moves, p.x, p.y)
	}
	again.u.quit()

	t.Run("FitsASmallMonitor", func(t *testing.T) {
		// A first run on a 1366×768 laptop: the window's first size is
		// taller than the screen, so it is made to fit.
		q := &fakePlacer{monW: 1366, monH: 768}
		a := test.NewTempApp(t)
		h := newHarnessOn(t, a, lib, func(o *Options) { o.Placer = q })
		h.u.Window.Resize(fyne.NewSize(1280, 820))
		h.u.placeWindow()
		if got := h.u.Window.Canvas().Size(); got.Height > 768*0.9 || got.Width > 1366 {
			t.Errorf("on a 1366×768 monitor the window is %v; want it to fit", got)
		}
		h.u.quit()
		// A window that fits is left as it is.
		big := &fakePlacer{monW: 2560, monH: 1440}
		h2 := newHarnessOn(t, a, lib, func(o *Options) { o.Placer = big })
		h2.u.Window.Resize(fyne.NewSize(1000, 700))
		h2.u.placeWindow()
		if got := h2.u.Window.Canvas().Size(); got.Width != 1000 || got.Height != 700 {
			t.Errorf("on a large monitor the window became %v; want 1000×700 kept", got)
		}
		h2.u.quit()
	})

	t.Run("PositionUnknown", func(t *testing.T) {
		// Where the position cannot be read (Wayland), none is saved and
		// the window is not moved on the next start.
		q := &fakePlacer{}
		a := test.NewTempApp(t)
		one := newHarnessOn(t, a, lib, func(o *Options) { o.Placer = q })
		one.u.placeWindow()
		one.u.quit()
		two := newHarnessOn(t, a, lib, func(o *Options) { o.Placer = q })
		two.u.placeWindow()
		if q.moves != 0 {
			t.Errorf("the window was moved %d times with no position saved", q.moves)
		}
		if st := two.u.loadState(); st.Placed {
			t.Errorf("a position was saved though none was known: %+v", st)
		}
	})
}
