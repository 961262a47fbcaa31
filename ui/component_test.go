package ui

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/casebookapp/casebook/data"
	"github.com/casebookapp/casebook/data/casefacts"
	"github.com/casebookapp/casebook/data/compare"
	"github.com/casebookapp/casebook/data/export"
	"github.com/casebookapp/casebook/data/glance"
)

// These tests build one component alone, on a small fake store (the
// outline, whose store is a dozen writes, on a small library) and with
// hooks that record what it asks of the window: no UI.

// fakeStore is an in-memory article with its highlights and notes. It
// is a readerStore and a noteStore.
type fakeStore struct {
	article  data.Article
	passages []data.Passage
	hls      []data.Highlight
	notes    []data.Note
	nextID   int64
	// fail, when set, is returned by every write.
	fail error
}

func newFakeStore() *fakeStore {
	s := &fakeStore{nextID: 100}
	s.article = data.Article{ID: 7, Meta: data.Meta{Title: "Officer Liang sentenced", Outlet: "The Daily", Author: "A. Writer", Date: "2016-04-19"}}
	texts := []string{
		"Peter Liang was sentenced to five years’ probation.",
		"The judge reduced the charge.",
		"Supporters gathered outside the court.",
	}
	for i, t := range texts {
		s.passages = append(s.passages, data.Passage{ID: int64(i + 1), ArticleID: 7, Seq: i, N: i + 1, Kind: data.KindBody, Text: t})
	}
	s.hls = []data.Highlight{{ID: 1, ArticleID: 7, Anchor: data.Anchor{PassageID: 1, Start: 0, End: 11, Quote: "Peter Liang"}, Colour: "yellow"}}
	s.notes = []data.Note{{ID: 1, ArticleID: 7, Anchor: data.Anchor{PassageID: 2, End: 0}, Para: 2, Body: "Why reduced?"}}
	return s
}

func (s *fakeStore) Article(_ context.Context, id int64) (data.Article, error) {
	if id != s.article.ID {
		return data.Article{}, errors.New("no such article")
	}
	return s.article, nil
}

func (s *fakeStore) Passages(_ context.Context, id int64) ([]data.Passage, error) {
	return slices.Clone(s.passages), nil
}

func (s *fakeStore) Highlights(_ context.Context, id int64) ([]data.Highlight, error) {
	return slices.Clone(s.hls), nil
}

func (s *fakeStore) Notes(_ context.Context, f data.NoteFilter) ([]data.Note, error) {
	var out []data.Note
	for _, n := range s.notes {
		if f.PassageID != 0 && n.PassageID != f.PassageID || f.ArticleID != 0 && n.ArticleID != f.ArticleID {
			continue
		}
		out = append(out, n)
	}
	return out, nil
}

func (s *fakeStore) AddNote(_ context.Context, nn data.NewNote) (data.Note, error) {
	if s.fail != nil {
		return data.Note{}, s.fail
	}
	s.nextID++
	n := data.Note{ID: s.nextID, ArticleID: 7, Anchor: data.Anchor{PassageID: nn.PassageID, Start: nn.Start, End: nn.End}, Body: nn.Body, Tags: nn.Tags, CreatedAt: time.Now(), UpdatedAt: time.Now()}
	s.notes = append(s.notes, n)
	return n, nil
}

func (s *fakeStore) UpdateNote(_ context.Context, id int64, body string, tags []string) (data.Note, error) {
	if s.fail != nil {
		return data.Note{}, s.fail
	}
	for i := range s.notes {
		if s.notes[i].ID == id {
			s.notes[i].Body, s.notes[i].Tags = body, tags
			return s.notes[i], nil
		}
	}
	return data.Note{}, errors.New("no such note")
}

func (s *fakeStore) DeleteNote(_ context.Context, ids ...int64) error {
	if s.fail != nil {
		return s.fail
	}
	s.notes = slices.DeleteFunc(s.notes, func(n data.Note) bool { return slices.Contains(ids, n.ID) })
	return nil
}

func (s *fakeStore) RestoreNote(context.Context, ...int64) error {
	return errors.New("the fake keeps no trash")
}

func (s *fakeStore) AttachNote(_ context.Context, id, passageID int64, start, end int) (data.Note, error) {
	for i := range s.notes {
		if s.notes[i].ID == id {
			s.notes[i].PassageID, s.notes[i].Start, s.notes[i].End = passageID, start, end
			return s.notes[i], nil
		}
	}
	return data.Note{}, errors.New("no such note")
}

// newComponentApp is a test app with Casebook's theme.
func newComponentApp(t *testing.T) fyne.App {
	a := test.NewTempApp(t)
	a.Settings().SetTheme(newTheme(themeSystem, 1))
	return a
}

var testLegend = []data.Colour{{Key: "yellow", RGB: "#ffd54f", Meaning: "Key fact"}, {Key: "green", RGB: "#81c784", Meaning: "Quote"}}

// TestReaderAlone builds the reader on a fake store: it opens the article,
// draws its highlight and note marker, and tells the window which passage
// is current, what to highlight and what to copy.
func TestReaderAlone(t *testing.T) {
	newComponentApp(t)
	store := newFakeStore()
	var current []int64
	var highlighted []string
	var copied string
	var opened data.Article
	r := newReader(store, context.Background(), readerHooks{
		colours: func() []data.Colour { return testLegend },
		opened:  func(a data.Article) { opened = a },
		currentChanged: func(p *data.Passage) {
			if p != nil {
				current = append(current, p.ID)
			}
		},
		highlight: func(key string) { highlighted = append(highlighted, key) },
		copy:      func(s string) { copied = s },
	})
	w := test.NewTempWindow(t, r.content)
	r.hooks.canvas = w.Canvas
	w.Resize(fyne.NewSize(700, 500))

	r.open(7)
	if opened.ID != 7 || r.Rows() != 3 || r.title.Text != "Officer Liang sentenced" {
		t.Fatalf("opened %d with %d rows, title %q", opened.ID, r.Rows(), r.title.Text)
	}
	if got := len(r.rows[0].highlights); got != 1 {
		t.Errorf("row 0 draws %d highlights, want 1", got)
	}
	if r.rows[1].notes != 1 || r.rows[0].notes != 0 {
		t.Errorf("note markers = %d, %d, want 0, 1", r.rows[0].notes, r.rows[1].notes)
	}

	// A tap makes a passage current; the keyboard moves on.
	v, ok := r.viewOf(1)
	if !ok {
		t.Fatal("row 1 is not on screen")
	}
	test.Tap(v)
	r.focus()
	if w.Canvas().Focused() != r.keys {
		t.Fatal("the reader did not take the keyboard")
	}
	r.keys.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	if !slices.Equal(current, []int64{2, 3}) {
		t.Errorf("current passages = %v, want [2 3]", current)
	}
	if sp, ok := r.Target(); !ok || sp.passage.ID != 3 || !sp.whole() {
		t.Errorf("target = %+v, %v, want the whole of passage 3", sp, ok)
	}

	// The context menu offers the legend's colours and copies.
	v, _ = r.viewOf(0)
	v.TappedSecondary(&fyne.PointEvent{Position: v.positionOf(2)})
	menuItem(t, r.lastMenu, "Highlight passage: Quote").Action()
	if !slices.Equal(highlighted, []string{"green"}) {
		t.Errorf("highlighted %v, want [green]", highlighted)
	}
	menuItem(t, r.lastMenu, "Remove highlight") // the one under the pointer
	menuItem(t, r.lastMenu, "Copy text only").Action()
	if copied != store.passages[0].Text {
		t.Errorf("copied %q, want the passage", copied)
	}
	closeMenus(w.Canvas())

	// Closing tells the window that no article is open.
	r.close()
	if opened.ID != 0 || r.Rows() != 0 || r.header.Visible() || !r.empty.Visible() {
		t.Errorf("after close: article %d, %d rows, header shown %v", opened.ID, r.Rows(), r.header.Visible())
	}
	if _, ok := r.currentPassage(); ok {
		t.Error("a passage is current with no article open")
	}
}

// TestNotesPanelAlone builds the notes panel on a fake store: it shows a
// passage's notes, saves a new one as the student types, says when a save
// failed, and deletes.
func TestNotesPanelAlone(t *testing.T) {
	newComponentApp(t)
	store := newFakeStore()
	queue := make(chan func(), 64)
	changed := 0
	var shown []int64
	p := newNotesPanel(store, context.Background(), notesHooks{
		editorHooks: editorHooks{do: func(f func()) { queue <- f }, debounce: 5 * time.Millisecond},
		target: func() (passageSpan, bool) {
			return passageSpan{passage: store.passages[0], start: 0, end: 11}, true
		},
		showPassage:  func(id int64, again bool) { shown = append(shown, id) },
		articleTitle: func(int64) (string, bool) { return "Officer Liang sentenced", true },
		changed:      func() { changed++ },
	})
	w := test.NewTempWindow(t, p.content)
	p.hooks.canvas = w.Canvas
	w.Resize(fyne.NewSize(400, 600))
	pump := func(cond func() bool) {
		t.Helper()
		deadline := time.After(5 * time.Second)
		for !cond() {
			select {
			case f := <-queue:
				f()
			case <-deadline:
				t.Fatal("timed out")
			}
		}
	}

	if p.All.Length() != 1 || !strings.HasPrefix(p.allTab.Text, "All notes (1)") {
		t.Errorf("all notes: %d rows, tab %q", p.All.Length(), p.allTab.Text)
	}
	if got := p.noteWhere(store.notes[0]); got != "Officer Liang sentenced · para. 2" {
		t.Errorf("the list says %q", got)
	}

	// The notes of passage 2.
	ps := store.passages[1]
	p.showPassage(&ps)
	if len(p.Cards) != 1 || p.Cards[0].editor.Text != "Why reduced?" || p.heading.Text != "Notes on ¶ 2" {
		t.Fatalf("passage 2 shows %d cards, heading %q", len(p.Cards), p.heading.Text)
	}

	// A new note on the reader's target goes on "Peter Liang" of passage 1.
	c := p.addNote()
	if c == nil || !slices.Equal(shown, []int64{1}) {
		t.Fatalf("AddNote: card %v, the reader was asked to show %v", c != nil, shown)
	}
	if w.Canvas().Focused() != c.editor {
		t.Error("the new note's editor has not the focus")
	}
	test.Type(c.editor, "Probation, #sentence")
	pump(func() bool { return c.note.ID != 0 })
	n := store.notes[len(store.notes)-1]
	if n.Body != "Probation, #sentence" || n.PassageID != 1 || n.End != 11 || !slices.Equal(n.Tags, []string{"sentence"}) {
		t.Errorf("saved %+v", n)
	}
	if changed != 1 {
		t.Errorf("Changed called %d times, want once for a new note", changed)
	}

	// A failed save keeps the text and says so.
	store.fail = errors.New("disk full")
	test.Type(c.editor, "!")
	pump(func() bool { return strings.HasPrefix(c.status.text, "Not saved") })
	if !c.dirty || c.editor.Text != "Probation, #sentence!" {
		t.Errorf("after a failed save: dirty %v, text %q", c.dirty, c.editor.Text)
	}
	store.fail = nil
	c.saveNow()
	if store.notes[len(store.notes)-1].Body != "Probation, #sentence!" {
		t.Error("the retried save did not reach the store")
	}

	// Delete.
	before := len(store.notes)
	test.Tap(c.Delete)
	if len(store.notes) != before-1 || len(p.Cards) != 1 || !p.undoBar.Visible() {
		t.Errorf("after delete: %d notes (was %d), %d cards, undo bar %v", len(store.notes), before, len(p.Cards), p.undoBar.Visible())
	}
}

// TestHighlightsPanelAlone builds the highlights panel on a fake store: it
// lists the highlight with its meaning and paragraph, filters it by colour
// and words, and asks the window to open its passage.
func TestHighlightsPanelAlone(t *testing.T) {
	newComponentApp(t)
	store := newFakeStore()
	store.hls = append(store.hls, data.Highlight{ID: 2, ArticleID: 7, Anchor: data.Anchor{PassageID: 3, Start: 0, End: 11, Quote: "Supporters gathered"}, Colour: "green"})
	var opened [][2]int64
	p := newHighlightsPanel(store, context.Background(), highlightsHooks{
		colours:     func() []data.Colour { return testLegend },
		articles:    func() []data.ArticleSummary { return []data.ArticleSummary{{Article: store.article}} },
		openPassage: func(a, ps int64) { opened = append(opened, [2]int64{a, ps}) },
	})
	w := test.NewTempWindow(t, container.NewAppTabs(p.tab))
	w.Resize(fyne.NewSize(400, 500))

	if p.tab.Text != "Highlights (2)" || len(p.shown) != 2 {
		t.Fatalf("tab %q shows %d rows", p.tab.Text, len(p.shown))
	}
	if p.shown[1].para != 3 || p.shown[1].title != "Officer Liang sentenced" {
		t.Errorf("second row: para %d, title %q", p.shown[1].para, p.shown[1].title)
	}
	p.Colour.SetSelectedIndex(2) // Quote: green
	if len(p.shown) != 1 || p.shown[0].h.ID != 2 {
		t.Errorf("filtered by green: %d rows", len(p.shown))
	}
	p.Colour.SetSelectedIndex(0)
	test.Type(p.filter, "peter")
	if len(p.shown) != 1 || p.shown[0].h.ID != 1 {
		t.Fatalf("filtered by words: %d rows", len(p.shown))
	}
	p.list.Select(0)
	if len(opened) != 1 || opened[0] != [2]int64{7, 1} {
		t.Errorf("opened %v, want passage 1 of article 7", opened)
	}
	test.Type(p.filter, "zzz")
	if len(p.shown) != 0 || !p.empty.Visible() {
		t.Error("no match does not show the empty state")
	}
}

// Search finds the passages containing every word of q, as the library's
// search would without the typos; the fake's searches are counted.
func (s *fakeStore) Search(_ context.Context, q string, opt data.SearchOptions) ([]data.SearchResult, error) {
	var out []data.SearchResult
	for _, p := range s.passages {
		text := strings.ToLower(p.Text)
		ok := true
		var matches [][2]int
		for _, w := range strings.Fields(strings.ToLower(q)) {
			i := strings.Index(text, w)
			if i < 0 {
				ok = false
				break
			}
			start := len([]rune(text[:i]))
			matches = append(matches, [2]int{start, start + len([]rune(w))})
		}
		if ok {
			out = append(out, data.SearchResult{Article: 7, Title: s.article.Title, PassageID: p.ID, Passage: p.N, Text: p.Text, In: "passage", Matches: matches})
		}
	}
	return out, nil
}

func (s *fakeStore) Tags(context.Context) ([]string, error) { return []string{"sentence"}, nil }

// TestSearchBarAlone builds the search bar on a fake searcher: typing
// shows the results in the sidebar's place, choosing one asks the window
// to open it, and an empty query gives the library back.
func TestSearchBarAlone(t *testing.T) {
	newComponentApp(t)
	store := newFakeStore()
	var opened []data.SearchResult
	var tags []string
	shown, cleared := false, 0
	s := newSearchBar(store, store, context.Background(), searchHooks{
		colours:      func() []data.Colour { return testLegend },
		articles:     func() []data.ArticleSummary { return []data.ArticleSummary{{Article: store.article}} },
		tagsRead:     func(ts []string) { tags = ts },
		showResults:  func(on bool) { shown = on },
		resultsShown: func() bool { return shown },
		openResult:   func(h data.SearchResult) { opened = append(opened, h) },
		clearMatches: func() { cleared++ },
	})
	w := test.NewTempWindow(t, container.NewBorder(s.bar, nil, s.resultsPane(), nil))
	s.hooks.canvas = w.Canvas
	w.Resize(fyne.NewSize(800, 600))

	if !slices.Equal(tags, []string{"sentence"}) || !slices.Equal(s.tag.Options, []string{anyTag, "#sentence"}) {
		t.Errorf("tags read %v, filter offers %v", tags, s.tag.Options)
	}
	s.focus()
	test.Type(s.entry, "judge")
	if !shown || len(s.hits) != 1 || s.hits[0].PassageID != 2 {
		t.Fatalf("results shown %v, hits %+v", shown, s.hits)
	}
	if got := s.status.Text; got != "1 result for “judge”" {
		t.Errorf("status %q", got)
	}
	s.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	s.openActive()
	if len(opened) == 0 || opened[len(opened)-1].PassageID != 2 {
		t.Errorf("opened %+v, want passage 2", opened)
	}
	s.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if shown || s.entry.Text != "" || cleared == 0 {
		t.Errorf("after Escape: results shown %v, query %q, matches cleared %d times", shown, s.entry.Text, cleared)
	}
}

// TestLibraryPaneAlone builds the library sidebar alone: it lists the
// articles it is given, filters them, and asks the window to open one.
func TestLibraryPaneAlone(t *testing.T) {
	newComponentApp(t)
	var opened []int64
	current := int64(0)
	p := newLibraryPane(libraryHooks{
		open:    func(id int64) { opened = append(opened, id); current = id },
		current: func() int64 { return current },
	})
	w := test.NewTempWindow(t, p.content)
	w.Resize(fyne.NewSize(300, 500))
	if !p.empty.Visible() {
		t.Error("an empty library does not say so")
	}
	p.set([]data.ArticleSummary{
		{Article: data.Article{ID: 1, Meta: data.Meta{Title: "Officer Liang sentenced", Outlet: "The Daily"}}, Passages: 3, Notes: 1},
		{Article: data.Article{ID: 2, Meta: data.Meta{Title: "Vigil for Akai Gurley", Outlet: "AFRO"}}},
	})
	if p.empty.Visible() || p.list.Length() != 2 {
		t.Fatalf("%d rows, empty state %v", p.list.Length(), p.empty.Visible())
	}
	test.Type(p.Filter, "akai")
	if p.list.Length() != 1 || p.articles[p.listed[0]].ID != 2 {
		t.Fatalf("filter akai: %d rows", p.list.Length())
	}
	p.list.Select(0)
	if !slices.Equal(opened, []int64{2}) {
		t.Errorf("opened %v, want [2]", opened)
	}
	p.Filter.SetText("zzz")
	if p.list.Length() != 0 || !p.noMatch.Visible() {
		t.Error("no match does not say so")
	}
	p.Filter.SetText("")
	if p.list.Length() != 2 || p.noMatch.Visible() {
		t.Error("clearing the filter does not list every article")
	}
}

// TestTimelineAlone builds the Timeline view alone on a case: it groups
// the events by year and month, filters the disputed ones, opens an
// event's first passage and asks for a fix of its date.
func TestTimelineAlone(t *testing.T) {
	newComponentApp(t)
	ref := casefacts.Ref{Article: 7, Para: 2, Kind: "body"}
	c := glance.Case{Timeline: []casefacts.Event{
		{Date: casefacts.Date{Y: 2014, M: 11, D: 20}, Precision: "day", Label: "Gurley is shot", Passages: []casefacts.Ref{ref}, Sources: []casefacts.Source{{Ref: ref}}},
		{Date: casefacts.Date{Y: 2016, M: 4, D: 19}, Precision: "day", Label: "Liang is sentenced", Disputed: true, Dispute: "sources differ"},
	}}
	var opened []casefacts.Ref
	var asked []string
	var fixed []string
	v := newTimelineView(studyAidHooks{
		openRef: func(r casefacts.Ref) { opened = append(opened, r) },
		askText: func(title, field, value string, done func(string)) {
			asked = append(asked, title+": "+value)
			done("2014-11-21")
		},
		fixEvent: func(got glance.Case, e casefacts.Event, action, value string) {
			fixed = append(fixed, e.Label+" "+action+" "+value)
		},
	})
	w := test.NewTempWindow(t, v.content)
	w.Resize(fyne.NewSize(320, 600))
	v.setCase(c)
	// 2014, November 2014, the event; 2016, April 2016, the event.
	if len(v.rows) != 6 || v.rows[0].heading != "2014" || v.rows[1].heading != "November 2014" {
		t.Fatalf("rows = %+v", v.rows)
	}
	v.disputed.SetChecked(true)
	if len(v.rows) != 3 || v.rows[2].event != 1 {
		t.Fatalf("disputed only: rows = %+v", v.rows)
	}
	v.disputed.SetChecked(false)
	v.Select(0)
	if len(opened) != 1 || opened[0] != ref {
		t.Errorf("opened %v, want %v", opened, ref)
	}
	fix := findButton(v.detail, "Fix date…")
	if fix == nil {
		t.Fatal("the event has no Fix date button")
	}
	test.Tap(fix)
	if !slices.Equal(asked, []string{"Fix the date: 2014-11-20"}) || !slices.Equal(fixed, []string{"Gurley is shot " + data.FixDate + " 2014-11-21"}) {
		t.Errorf("asked %v, fixed %v", asked, fixed)
	}
}

// findButton finds a button by its text among o and what it contains.
func findButton(o fyne.CanvasObject, text string) *widget.Button {
	switch o := o.(type) {
	case *widget.Button:
		if o.Text == text {
			return o
		}
	case *fyne.Container:
		for _, c := range o.Objects {
			if b := findButton(c, text); b != nil {
				return b
			}
		}
	}
	return nil
}

// TestNotesPanelAttachesAnOrphan shows a note that lost its place alone in
// the panel and attaches it to the reader's target.
func TestNotesPanelAttachesAnOrphan(t *testing.T) {
	newComponentApp(t)
	store := newFakeStore()
	orphan := data.Note{ID: 9, ArticleID: 7, Anchor: data.Anchor{Quote: "the old words"}, Body: "Lost"}
	store.notes = append(store.notes, orphan)
	var shown []string
	cleared, changed := 0, 0
	p := newNotesPanel(store, context.Background(), notesHooks{
		target: func() (passageSpan, bool) {
			return passageSpan{passage: store.passages[2], start: 0, end: 10}, true
		},
		showPassage:    func(id int64, again bool) { shown = append(shown, fmt.Sprint(id, again)) },
		clearSelection: func() { cleared++ },
		changed:        func() { changed++ },
	})
	w := test.NewTempWindow(t, p.content)
	w.Resize(fyne.NewSize(400, 600))
	if got := p.noteWhere(orphan); got != "⚠ Place lost · Article 7" {
		t.Errorf("the list says %q", got)
	}
	p.showOrphan(orphan)
	if p.orphan == nil || len(p.Cards) != 1 || p.Cards[0].Attach == nil || !strings.Contains(p.quote.text, "the old words") {
		t.Fatalf("orphan shown: %v, %d cards, quote %q", p.orphan != nil, len(p.Cards), p.quote.text)
	}
	test.Tap(p.Cards[0].Attach)
	n := store.notes[len(store.notes)-1]
	if n.PassageID != 3 || n.Start != 0 || n.End != 10 {
		t.Errorf("attached to passage %d [%d,%d), want 3 [0,10)", n.PassageID, n.Start, n.End)
	}
	if p.orphan != nil || cleared != 1 || changed != 1 || !slices.Equal(shown, []string{"3 true"}) {
		t.Errorf("after attach: orphan %v, selection cleared %d, changed %d, shown %v", p.orphan != nil, cleared, changed, shown)
	}
}

// TestToolbarAlone builds the highlight toolbar alone: a button per legend
// colour highlights in it, Note adds a note, and a width too narrow for
// one row wraps the buttons and asks for the window to be laid out again.
func TestToolbarAlone(t *testing.T) {
	newComponentApp(t)
	var did []string
	relayouts := 0
	b := newHighlightBar(toolbarHooks{
		colours:   func() []data.Colour { return testLegend },
		highlight: func(key string) { did = append(did, "highlight "+key) },
		addNote:   func() { did = append(did, "note") },
		relayout:  func() { relayouts++ },
	})
	w := test.NewTempWindow(t, container.NewBorder(b.bar, nil, nil, nil))
	w.Resize(fyne.NewSize(900, 300))
	if len(b.buttons) != 2 || b.buttons[1].Text != "Quote" {
		t.Fatalf("%d colour buttons", len(b.buttons))
	}
	test.Tap(b.buttons[1])
	test.Tap(b.note)
	if !slices.Equal(did, []string{"highlight green", "note"}) {
		t.Errorf("did %v", did)
	}
	if b.rows() != 1 {
		t.Errorf("at 900 wide: %d rows", b.rows())
	}
	before := relayouts
	w.Resize(fyne.NewSize(150, 300))
	if b.rows() < 2 || relayouts == before {
		t.Errorf("at 150 wide: %d rows, relaid out %d times", b.rows(), relayouts-before)
	}
}

// TestPeopleAlone builds the People view alone on a case: it groups
// people and organisations, and a merge into a name nobody has is refused
// with an error while one into a known name is stored as a correction.
func TestPeopleAlone(t *testing.T) {
	newComponentApp(t)
	ref := casefacts.Ref{Article: 7, Para: 1, Kind: "body"}
	c := glance.Case{People: []casefacts.Entity{
		{Name: "Peter Liang", Kind: casefacts.Person, Role: "officer", Mentions: []casefacts.Ref{ref}},
		{Name: "Peter Lang", Kind: casefacts.Person, VariantOf: "Peter Liang", Mentions: []casefacts.Ref{ref}},
		{Name: "NYPD", Kind: casefacts.Organisation, Mentions: []casefacts.Ref{ref}},
	}}
	var answer string
	var corrections []data.Correction
	var errs []error
	var opened []casefacts.Ref
	v := newPeopleView(studyAidHooks{
		openRef:   func(r casefacts.Ref) { opened = append(opened, r) },
		askText:   func(_, _, _ string, done func(string)) { done(answer) },
		correct:   func(c data.Correction) { corrections = append(corrections, c) },
		showError: func(err error) { errs = append(errs, err) },
	})
	w := test.NewTempWindow(t, v.content)
	w.Resize(fyne.NewSize(320, 600))
	v.setCase(c)
	if len(v.rows) != 5 || v.rows[0].heading != "People (2)" || v.rows[3].heading != "Organisations (1)" {
		t.Fatalf("rows = %+v", v.rows)
	}
	if !v.Select("Peter Lang") {
		t.Fatal("no entry Peter Lang")
	}
	test.Tap(findButton(v.detail, "Article 7, para. 1"))
	if len(opened) != 1 || opened[0] != ref {
		t.Errorf("opened %v", opened)
	}
	answer = "Nobody"
	test.Tap(findButton(v.detail, "Merge into…"))
	if len(errs) != 1 || len(corrections) != 0 {
		t.Fatalf("merge into an unknown name: errors %v, corrections %v", errs, corrections)
	}
	answer = "Peter Liang"
	test.Tap(findButton(v.detail, "Merge into…"))
	want := data.Correction{Target: data.TargetPerson, Action: data.FixMerge, Key: "Peter Lang", Value: "Peter Liang"}
	if len(corrections) != 1 || corrections[0] != want {
		t.Errorf("corrections %+v, want %+v", corrections, want)
	}
}

// TestOutlinePanelAlone builds the outline panel on a small library, with
// no window: a new outline from the form it asks for, an item placed and
// opened, text typed under a section saved once typing pauses, and the
// outline deleted after the question it asks.
func TestOutlinePanelAlone(t *testing.T) {
	newComponentApp(t)
	ctx := context.Background()
	lib := openSeededLibrary(t)
	arts, err := lib.Articles(ctx)
	if err != nil || len(arts) == 0 {
		t.Fatalf("articles: %v, %v", arts, err)
	}
	art := arts[0].Article
	queue := make(chan func(), 64)
	var did []string
	var opened [][2]int64
	var asked []string
	p := newOutlinePanel(lib, ctx, outlineHooks{
		editorHooks: editorHooks{do: func(f func()) { queue <- f }, debounce: 5 * time.Millisecond},
		showForm: func(title, _, _ string, items []*widget.FormItem, done func(bool)) {
			asked = append(asked, title)
			items[0].Widget.(*widget.Entry).SetText("Liang brief")
			items[1].Widget.(*widget.RadioGroup).SetSelected("Case brief")
			done(true)
		},
		confirm: func(title, _ string, yes func()) {
			asked = append(asked, title)
			yes()
		},
		export:       func() { did = append(did, "export") },
		reveal:       func() { did = append(did, "reveal") },
		openPassage:  func(a, ps int64) { opened = append(opened, [2]int64{a, ps}) },
		knownArticle: func(id int64) (data.Article, bool) { return art, id == art.ID },
	})
	w := test.NewTempWindow(t, p.content)
	p.hooks.canvas = w.Canvas
	w.Resize(fyne.NewSize(400, 700))
	if p.picker.Selected != "" || len(p.body.Objects) != 0 || !p.addSec.Disabled() {
		t.Fatal("a new library shows an outline")
	}

	test.Tap(p.newBtn)
	if p.picker.Selected != "Liang brief" || len(p.body.Objects) != 6 || p.addSec.Disabled() {
		t.Fatalf("after New: %q with %d sections (asked %v)", p.picker.Selected, len(p.body.Objects), asked)
	}

	// An item placed in the second section, shown with its citation.
	ps, err := lib.Passage(ctx, art.ID, 2)
	if err != nil {
		t.Fatal(err)
	}
	p.add(1, data.NewItem{PassageID: ps.ID})
	if len(p.items) != 1 || len(p.bySection[1]) != 1 || !strings.Contains(p.items[0].text(), "para. 2)") {
		t.Fatalf("items shown: %d, in section 2: %d", len(p.items), len(p.bySection[1]))
	}
	test.Tap(p.items[0])
	if len(opened) != 1 || opened[0] != [2]int64{art.ID, ps.ID} {
		t.Errorf("opened %v, want passage %d of article %d", opened, ps.ID, art.ID)
	}
	// The next item goes to the section last added to.
	p.addHere(data.NewItem{PassageID: ps.ID + 1})
	if len(p.bySection[1]) != 2 {
		t.Errorf("addHere placed the item elsewhere: section 2 has %d", len(p.bySection[1]))
	}

	// Text typed under the first section is saved once typing pauses.
	test.Type(findMultiLine(p.body.Objects[0]), "Liang was convicted.")
	deadline := time.After(5 * time.Second)
	for len(p.dirty) != 0 {
		select {
		case f := <-queue:
			f()
		case <-deadline:
			t.Fatal("the text was never saved")
		}
	}
	o, err := lib.OutlineByName(ctx, "Liang brief")
	if err != nil || o.Sections[0].Text != "Liang was convicted." {
		t.Errorf("section text %q (%v)", o.Sections[0].Text, err)
	}

	test.Tap(p.Export)
	p.confirmDelete()
	if list, _ := lib.Outlines(ctx); len(list) != 0 || p.picker.Selected != "" || len(p.body.Objects) != 0 {
		t.Errorf("after delete: outlines %+v, the panel shows %q", list, p.picker.Selected)
	}
	if !slices.Equal(did, []string{"reveal", "reveal", "export"}) || !slices.Equal(asked, []string{"New outline", "Delete outline"}) {
		t.Errorf("asked the window to %v; asked %v", did, asked)
	}
}

// fakeComparer compares two fixed articles and keeps the decisions taken.
type fakeComparer struct {
	decisions []compare.FlagDecision
}

func (f *fakeComparer) Compare(_ context.Context, a, b int64) (compare.Comparison, error) {
	if a == b {
		return compare.Comparison{}, errors.New("the same article")
	}
	return compare.Comparison{
		Result: compare.Result{
			Pairs: []compare.Pair{{A: compare.Ref{Para: 1}, B: compare.Ref{Para: 2}, Score: 0.8, Because: []string{"probation"}}},
			Differences: []compare.Difference{
				{Topic: "hours of community service", A: compare.Side{Para: 1, Text: "800 hours"}, B: compare.Side{Para: 2, Text: "500 hours"}},
				{Topic: "charge", A: compare.Side{Para: 1, Text: "manslaughter"}, B: compare.Side{Para: 1, Text: "negligent homicide"}},
			},
		},
		A: []compare.Passage{{N: 1, Text: "Liang got 800 hours of manslaughter."}},
		B: []compare.Passage{{N: 1, Text: "Negligent homicide."}, {N: 2, Text: "Liang got 500 hours."}},
	}, nil
}

func (f *fakeComparer) CompareDecisions(context.Context, int64, int64) ([]compare.FlagDecision, error) {
	return slices.Clone(f.decisions), nil
}

func (f *fakeComparer) MarkDisagreement(_ context.Context, _, _ int64, d compare.Difference) (compare.Disagreement, error) {
	f.decisions = append(f.decisions, compare.FlagDecision{Topic: d.Topic, TextA: d.A.Text, TextB: d.B.Text, Status: compare.FlagDisputed})
	return compare.Disagreement{}, nil
}

func (f *fakeComparer) DismissDifference(_ context.Context, _, _ int64, d compare.Difference) error {
	f.decisions = append(f.decisions, compare.FlagDecision{Topic: d.Topic, TextA: d.A.Text, TextB: d.B.Text, Status: compare.FlagDismissed})
	return nil
}

// TestCompareViewAlone builds the Compare view on a fake comparer, with no
// window of its own: it lays out the pair and the lone passage, shows the
// differences, and marks one as a disagreement and dismisses the other.
func TestCompareViewAlone(t *testing.T) {
	newComponentApp(t)
	store := &fakeComparer{}
	changed := 0
	c := newCompareView(store, context.Background(), compareHooks{
		articles: func() []data.ArticleSummary {
			return []data.ArticleSummary{
				{Article: data.Article{ID: 1, Meta: data.Meta{Title: "Liang sentenced", Outlet: "AFRO"}}},
				{Article: data.Article{ID: 2, Meta: data.Meta{Title: "Liang apologizes"}}},
			}
		},
		changed: func() { changed++ },
	})
	w := test.NewTempWindow(t, c.content)
	w.Resize(fyne.NewSize(900, 700))
	c.setChoices()
	if !slices.Equal(c.A.Options, []string{"1. Liang sentenced (AFRO)", "2. Liang apologizes"}) {
		t.Errorf("choices %v", c.A.Options)
	}
	c.choose(c.A, 1)
	c.choose(c.B, 1)
	if !strings.Contains(c.flagsLabel.Text, "two different articles") {
		t.Errorf("the same article twice: %q", c.flagsLabel.Text)
	}
	c.choose(c.B, 2)
	// ¶1 of A with ¶2 of B, and B's ¶1 alone before it.
	if len(c.rows.Objects) != 2 || !strings.Contains(texts(c.rows.Objects[0]), "¶1  Negligent homicide.") || !strings.Contains(texts(c.rows.Objects[1]), "linked by: probation") {
		t.Fatalf("rows:\n%s", texts(c.rows))
	}
	if c.flagsLabel.Text != "1 aligned pairs; 2 differences to check:" || len(c.flags.Objects) != 2 {
		t.Fatalf("flags %q, %d cards", c.flagsLabel.Text, len(c.flags.Objects))
	}
	test.Tap(button(t, c.flags.Objects[0], "Mark as disagreement"))
	if changed != 1 || !strings.Contains(texts(c.flags.Objects[0]), "Marked as a disagreement") {
		t.Errorf("after marking: changed %d, card:\n%s", changed, texts(c.flags.Objects[0]))
	}
	test.Tap(button(t, c.flags.Objects[1], "Dismiss"))
	if len(c.flags.Objects) != 1 || strings.Contains(texts(c.flags), "negligent homicide") {
		t.Errorf("the dismissed difference still shows:\n%s", texts(c.flags))
	}
}

// fakeTrash is a bin of deleted articles.
type fakeTrash struct {
	deleted  []data.ArticleSummary
	restored []int64
	fail     error
}

func (f *fakeTrash) DeletedArticles(context.Context) ([]data.ArticleSummary, error) {
	return slices.Clone(f.deleted), nil
}

func (f *fakeTrash) RestoreArticle(_ context.Context, id int64) error {
	if f.fail != nil {
		return f.fail
	}
	f.restored = append(f.restored, id)
	return nil
}

// TestTrashDialogAlone builds the bin on a fake store: it lists the
// deleted articles with their counts, restores one and tells the window,
// and shows a refusal without telling it the article is back.
func TestTrashDialogAlone(t *testing.T) {
	newComponentApp(t)
	store := &fakeTrash{deleted: []data.ArticleSummary{
		{Article: data.Article{ID: 4, Meta: data.Meta{Title: "Rally in Brooklyn"}}, Highlights: 2, Notes: 1},
		{Article: data.Article{ID: 5, Meta: data.Meta{Title: "Vigil"}}},
	}}
	var restored []int64
	var errs []error
	td, err := newTrashDialog(store, context.Background(), trashHooks{
		showError: func(err error) { errs = append(errs, err) },
		restored:  func(a data.ArticleSummary) { restored = append(restored, a.ID) },
	})
	if err != nil {
		t.Fatal(err)
	}
	w := test.NewTempWindow(t, td.content)
	w.Resize(fyne.NewSize(560, 400))
	var counts []string
	walk(td.content, func(o fyne.CanvasObject) {
		if l, ok := o.(*mutedLabel); ok {
			counts = append(counts, l.text)
		}
	})
	if len(td.restore) != 2 || !slices.Equal(counts, []string{"2 highlights · 1 note", "0 highlights · 0 notes"}) {
		t.Fatalf("%d restore buttons, counts %q", len(td.restore), counts)
	}
	test.Tap(td.restore[0])
	if !slices.Equal(store.restored, []int64{4}) || !slices.Equal(restored, []int64{4}) || !td.restore[0].Disabled() {
		t.Errorf("restored %v, window told %v", store.restored, restored)
	}
	store.fail = errors.New("library locked")
	test.Tap(td.restore[1])
	if len(errs) != 1 || len(restored) != 1 {
		t.Errorf("a refused restore: errors %v, window told %v", errs, restored)
	}
}

// fakeMetaStore stores an article's details, or refuses.
type fakeMetaStore struct {
	saved []data.Meta
	fail  error
}

func (f *fakeMetaStore) UpdateMeta(_ context.Context, id int64, m data.Meta) (data.Article, error) {
	if f.fail != nil {
		return data.Article{}, f.fail
	}
	f.saved = append(f.saved, m)
	return data.Article{ID: id, Meta: m}, nil
}

// TestMetaEditorAlone builds the article-details form on a fake store,
// with a Save button of its own: a date it cannot read disables Save and
// says why, a refused save keeps the form open with what was typed, and a
// save tells the window and closes.
func TestMetaEditorAlone(t *testing.T) {
	newComponentApp(t)
	store := &fakeMetaStore{}
	var saved []data.Article
	m := newMetaEditor(store, data.Article{ID: 7, Meta: data.Meta{Title: "Officer Liang sentenced", Date: "2016-04-19"}}, metaHooks{
		saved: func(a data.Article) { saved = append(saved, a) },
	})
	closed := 0
	save := widget.NewButton("Save", nil)
	save.OnTapped = func() {
		if !save.Disabled() && m.save() {
			closed++
		}
	}
	m.attach(save, func() { closed++ })
	w := test.NewTempWindow(t, container.NewVBox(m.content, save))
	w.Resize(fyne.NewSize(600, 700))
	if m.date.Text != humanDate("2016-04-19", false) || !strings.Contains(m.dateHint.Text, "Read as") || save.Disabled() {
		t.Fatalf("date %q, hint %q, Save disabled %v", m.date.Text, m.dateHint.Text, save.Disabled())
	}

	m.date.SetText("the 45th of Smarch")
	if !save.Disabled() || m.dateHint.Importance != widget.DangerImportance || m.Save() {
		t.Errorf("an unreadable date: Save disabled %v, hint %q", save.Disabled(), m.dateHint.Text)
	}

	m.date.SetText("2016-04-20")
	m.title.SetText("Liang sentenced to probation")
	store.fail = errors.New("disk full")
	if !m.Save() {
		t.Fatal("valid details were not saved")
	}
	if closed != 0 || !strings.HasPrefix(m.dateHint.Text, "Not saved") || m.title.Text != "Liang sentenced to probation" || save.Disabled() {
		t.Errorf("a refused save: closed %d, hint %q, title %q", closed, m.dateHint.Text, m.title.Text)
	}

	store.fail = nil
	m.Save()
	if closed != 1 || len(saved) != 1 || saved[0].Title != "Liang sentenced to probation" || saved[0].Date != "2016-04-20" {
		t.Errorf("after saving: closed %d, window told %+v", closed, saved)
	}
}

// TestExportDialogAlone builds the export dialog with no window, on an
// export document of one highlight: the preview shows the quote, the
// article scope starts on the open article and names the file after it,
// and Export asks where to save and writes what the dialog describes.
func TestExportDialogAlone(t *testing.T) {
	a := newComponentApp(t)
	store := newFakeStore()
	art := store.article
	h := store.hls[0]
	doc := export.Document{
		Entries:  []export.Entry{{Article: art, Passage: store.passages[0], Highlight: &h}},
		Colours:  testLegend,
		Articles: []data.Article{art},
	}
	var asked []string
	var exported []export.Options
	d := newExportDialog(exportHooks{
		articles:       func() []data.ArticleSummary { return []data.ArticleSummary{{Article: art}} },
		colours:        func() []data.Colour { return testLegend },
		currentArticle: func() int64 { return art.ID },
		prefs:          a.Preferences(),
		saveFile: func(name, ext, dir string, done func(string)) {
			asked = append(asked, name)
			done(filepath.Join(t.TempDir(), "quotes"))
		},
		export: func(path string, opt export.Options, got *export.Document) {
			if got == nil || len(got.Entries) != 1 || filepath.Ext(path) != ".docx" {
				t.Errorf("exported %q with document %v", path, got)
			}
			exported = append(exported, opt)
		},
	})
	w := test.NewTempWindow(t, d.content)
	w.Resize(fyne.NewSize(900, 680))
	d.loadedDoc(doc, nil)
	if !strings.Contains(d.preview.Text, "Peter Liang") || !strings.Contains(d.summary.text, "1 quote or note from 1 article") {
		t.Fatalf("preview %q, summary %q", d.preview.Text, d.summary.text)
	}
	d.scope.SetSelectedIndex(scopeArticle)
	if d.scopeValue.SelectedIndex() != 0 || d.options().Scope.ArticleID != art.ID {
		t.Errorf("article scope: %d chosen, options %+v", d.scopeValue.SelectedIndex(), d.options().Scope)
	}
	d.name.SetText("Sam")
	d.chooseFile()
	if len(asked) != 1 || !strings.HasPrefix(asked[0], "officer-liang-sentenced-") {
		t.Errorf("the save dialog suggested %v", asked)
	}
	if len(exported) != 1 || exported[0].Scope.ArticleID != art.ID || exported[0].Creator != "Sam" || a.Preferences().String(prefUserName) != "Sam" {
		t.Errorf("exported %+v; name remembered %q", exported, a.Preferences().String(prefUserName))
	}
}

// TestStudyAidsAlone builds the study aids on a small library, with no
// window: loading fills the Timeline and People views off the caller's
// goroutine (the bar moving through do), an unchanged library is not read
// again, and a correction made in the People view goes through the write
// hook and shows once the corrections are applied again.
func TestStudyAidsAlone(t *testing.T) {
	newComponentApp(t)
	ctx := context.Background()
	lib := openSeededLibrary(t)
	arts, err := lib.Articles(ctx)
	if err != nil || len(arts) == 0 {
		t.Fatalf("articles: %v, %v", arts, err)
	}
	queue := make(chan func(), 1024)
	var lanes []string
	var errs []error
	var opened []casefacts.Ref
	answer := ""
	s := newStudyAids(lib, ctx, widget.NewLabel("the library"), studyAidsHooks{
		openRef:      func(r casefacts.Ref) { opened = append(opened, r) },
		askText:      func(_, _, _ string, done func(string)) { done(answer) },
		showError:    func(err error) { errs = append(errs, err) },
		do:           func(f func()) { queue <- f },
		goBackground: func(f func()) { go f() },
		articles:     func() []data.ArticleSummary { return arts },
		write: func(lane string, run func(ctx context.Context) error, done func(error)) {
			lanes = append(lanes, lane)
			done(run(ctx))
		},
	})
	w := test.NewTempWindow(t, s.tabs)
	w.Resize(fyne.NewSize(360, 700))
	// loadedTimes runs what the study aids queued until n loads finished.
	loadedTimes := func(n int) {
		t.Helper()
		deadline := time.After(30 * time.Second)
		for s.loaded < n || s.loading {
			select {
			case f := <-queue:
				f()
			case <-deadline:
				t.Fatalf("the study aids loaded %d times, want %d", s.loaded, n)
			}
		}
	}
	if len(s.tabs.Items) != 3 || s.tabs.Items[1].Text != "Timeline" || s.tabs.Items[2].Text != "People" {
		t.Fatalf("tabs: %d", len(s.tabs.Items))
	}

	s.changed(false)
	if !s.loading || !s.timeline.loading.Visible() {
		t.Error("loading does not show that the articles are being read")
	}
	loadedTimes(1)
	if len(errs) != 0 {
		t.Fatalf("errors: %v", errs)
	}
	if len(s.timeline.Events()) == 0 || len(s.people.People()) == 0 || s.timeline.loading.Visible() {
		t.Fatalf("after loading: %d events, %d people", len(s.timeline.Events()), len(s.people.People()))
	}
	if v := s.timeline.bar.Value; v != 1 {
		t.Errorf("the progress bar stopped at %v", v)
	}
	// The same articles: nothing is read again.
	s.changed(false)
	if s.loading {
		t.Error("an unchanged library is read again")
	}

	// Rename someone in the People view: the correction is written through
	// the write hook's corrections lane and shows.
	name := ""
	for _, p := range s.people.People() {
		if p.Name == "Peter Liang" {
			name = p.Name
		}
	}
	if name == "" || !s.people.Select(name) {
		t.Fatalf("no Peter Liang among %d people", len(s.people.People()))
	}
	test.Tap(findButton(s.people.detail, findRefLabel(s.people.detail)))
	if len(opened) != 1 {
		t.Errorf("opened %v, want a passage mentioning %s", opened, name)
	}
	answer = "Officer Peter Liang"
	test.Tap(findButton(s.people.detail, "Rename…"))
	loadedTimes(2)
	if len(lanes) != 1 || lanes[0] != laneCorrections || len(errs) != 0 {
		t.Fatalf("writes in lanes %v, errors %v", lanes, errs)
	}
	renamed := false
	for _, p := range s.people.People() {
		if p.Name == name {
			t.Errorf("%s is still listed after the rename", name)
		}
		renamed = renamed || p.Name == answer
	}
	if !renamed {
		t.Errorf("no %q after the rename", answer)
	}
	fixes, err := lib.Corrections(ctx, data.TargetPerson)
	if err != nil || len(fixes) != 1 || fixes[0].Key != name || fixes[0].Value != answer {
		t.Errorf("stored corrections %+v, %v", fixes, err)
	}
}

// findRefLabel is the text of the first passage button in a details
// pane: the one whose label cites an article.
func findRefLabel(o fyne.CanvasObject) string {
	var out string
	var walk func(fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if out != "" {
			return
		}
		switch v := o.(type) {
		case *widget.Button:
			if strings.HasPrefix(v.Text, "Article ") {
				out = v.Text
			}
		case *fyne.Container:
			for _, c := range v.Objects {
				walk(c)
			}
		}
	}
	walk(o)
	return out
}
