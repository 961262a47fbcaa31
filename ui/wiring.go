package ui

import (
	"context"
	"fmt"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/casebookapp/casebook/data"
	"github.com/casebookapp/casebook/data/casefacts"
	"github.com/casebookapp/casebook/data/export/cite"
	"github.com/casebookapp/casebook/data/glance"
	"github.com/casebookapp/casebook/data/sqlite"
)

// The window's components do not hold the window. Each one takes the small
// store it reads (an interface of the library's methods it calls) and a
// struct of hooks: what it asks of the rest of the window. UI, the
// controller, fills the hooks in New and owns the moves between components
// (open this passage in the reader, show that note). A component can then
// be built alone, on a fake store or a small library, and tested by itself.

// readerStore is what the reader reads: an article, its passages, and the
// highlights and notes drawn on them.
type readerStore interface {
	Article(ctx context.Context, id int64) (data.Article, error)
	Passages(ctx context.Context, articleID int64) ([]data.Passage, error)
	Highlights(ctx context.Context, articleID int64) ([]data.Highlight, error)
	Notes(ctx context.Context, f data.NoteFilter) ([]data.Note, error)
}

// noteStore is what the notes panel reads and writes: notes.
type noteStore interface {
	Notes(ctx context.Context, f data.NoteFilter) ([]data.Note, error)
	AddNote(ctx context.Context, nn data.NewNote) (data.Note, error)
	UpdateNote(ctx context.Context, id int64, body string, tags []string) (data.Note, error)
	DeleteNote(ctx context.Context, ids ...int64) error
	RestoreNote(ctx context.Context, ids ...int64) error
	AttachNote(ctx context.Context, id, passageID int64, start, end int) (data.Note, error)
}

// readerHooks are what the reader asks of the rest of the window. Nil
// hooks do nothing.
type readerHooks struct {
	// Canvas is the canvas the reader is shown on, for the focus.
	Canvas func() fyne.Canvas
	// Do runs a function on the UI goroutine, later.
	Do func(func())
	// Colours returns the colour legend.
	Colours   func() []data.Colour
	ShowError func(error)
	// Copy puts text on the clipboard.
	Copy func(string)
	// Leaving is called before the reader shows another article (or none),
	// Opened after: a zero article when the reader was closed.
	Leaving func()
	Opened  func(data.Article)
	// CurrentChanged is called when another passage (nil: none) becomes
	// the current one.
	CurrentChanged func(*data.Passage)
	// OtherKey is given the keys the reader does not handle.
	OtherKey func(*fyne.KeyEvent)

	// The header's buttons and the context menu.
	EditDetails      func()
	OpenSource       func()
	Highlight        func(colour string)
	Recolour         func(h data.Highlight, colour string)
	RemoveHighlight  func(data.Highlight)
	AddNote          func()
	CopyWithCitation func()
	// AddToTimeline offers an event from a passage, labelled with the
	// selected words (if any).
	AddToTimeline func(p data.Passage, sel string) *addToTimeline
	// OutlineMenu returns the context menu's items that add a row's
	// passage (or the highlight at rune off) to the outline.
	OutlineMenu func(row, off int) []*fyne.MenuItem
	// DropPassage is called when a passage dragged by its number is
	// dropped at an absolute position.
	DropPassage func(passageID int64, at fyne.Position)
	// Tips shows the buttons' tooltips; Fit fits the header to the window.
	Tips tipShower
	Fit  windowFit
}

// fill gives every nil hook one that does nothing.
func (h *readerHooks) fill() {
	if h.Fit == nil {
		h.Fit = noFit{}
	}
	nop := func() {}
	if h.Canvas == nil {
		h.Canvas = func() fyne.Canvas { return nil }
	}
	if h.Do == nil {
		h.Do = func(f func()) { f() }
	}
	if h.Colours == nil {
		h.Colours = func() []data.Colour { return nil }
	}
	if h.ShowError == nil {
		h.ShowError = func(err error) { fyne.LogError("reader", err) }
	}
	if h.Copy == nil {
		h.Copy = func(string) {}
	}
	for _, f := range []*func(){&h.Leaving, &h.EditDetails, &h.OpenSource, &h.AddNote, &h.CopyWithCitation} {
		if *f == nil {
			*f = nop
		}
	}
	if h.Opened == nil {
		h.Opened = func(data.Article) {}
	}
	if h.CurrentChanged == nil {
		h.CurrentChanged = func(*data.Passage) {}
	}
	if h.OtherKey == nil {
		h.OtherKey = func(*fyne.KeyEvent) {}
	}
	if h.Highlight == nil {
		h.Highlight = func(string) {}
	}
	if h.Recolour == nil {
		h.Recolour = func(data.Highlight, string) {}
	}
	if h.RemoveHighlight == nil {
		h.RemoveHighlight = func(data.Highlight) {}
	}
	if h.AddToTimeline == nil {
		h.AddToTimeline = func(data.Passage, string) *addToTimeline { return nil }
	}
	if h.OutlineMenu == nil {
		h.OutlineMenu = func(int, int) []*fyne.MenuItem { return nil }
	}
	if h.DropPassage == nil {
		h.DropPassage = func(int64, fyne.Position) {}
	}
	if h.Tips == nil {
		h.Tips = noTips{}
	}
}

// notesHooks are what the notes panel asks of the rest of the window. Nil
// hooks do nothing.
type notesHooks struct {
	// Canvas is the canvas the panel is shown on, for the focus.
	Canvas func() fyne.Canvas
	// Do runs a function on the UI goroutine, later.
	Do func(func())
	// Debounce is how long typing must pause before a note is saved.
	Debounce time.Duration
	// Write runs a write to the library after the earlier ones of its
	// lane, off the UI goroutine; done is then called on the UI goroutine.
	Write     func(lane string, run func(ctx context.Context) error, done func(err error))
	ShowError func(error)
	ShowInfo  func(title, message string)
	// Target is the words a new note goes on: the reader's selection, or
	// its current passage.
	Target func() (passageSpan, bool)
	// ShowPassage makes a passage the reader's current one, whose notes
	// the panel then shows (again: afresh, even if it already was).
	ShowPassage func(id int64, again bool)
	// ClearSelection clears the reader's selection.
	ClearSelection func()
	// OpenNote shows a note chosen in the list of all notes.
	OpenNote func(data.Note)
	// ArticleTitle is the title an article is listed with.
	ArticleTitle func(id int64) (string, bool)
	// Changed is called when notes were added, deleted or moved: counts
	// and markers change. TagsChanged when a note's tags changed.
	Changed     func()
	TagsChanged func()
	// PushUndo puts a step on the undo stack and returns its id; Undo
	// takes step id off the stack and undoes it, reporting whether it was
	// still there.
	PushUndo func(label string, undo func(ctx context.Context) error) int
	Undo     func(step int) bool
	// Tags are the library's tags, for completion.
	Tags func() []string
	// Refocusing reports that the focus is away only while a dialog
	// closes: an editor losing it stays open.
	Refocusing func() bool
	// Keys takes F6 and Escape; Tips shows the buttons' tooltips; Fit
	// fits the heading and the quote to the window.
	Keys paneKeys
	Tips tipShower
	Fit  windowFit
}

// fill gives every nil hook a default: a write runs at once, the rest do
// nothing.
func (h *notesHooks) fill() {
	if h.Canvas == nil {
		h.Canvas = func() fyne.Canvas { return nil }
	}
	if h.Do == nil {
		h.Do = func(f func()) { f() }
	}
	if h.Debounce <= 0 {
		h.Debounce = 600 * time.Millisecond
	}
	if h.Write == nil {
		h.Write = func(_ string, run func(context.Context) error, done func(error)) { done(run(context.Background())) }
	}
	if h.ShowError == nil {
		h.ShowError = func(err error) { fyne.LogError("notes", err) }
	}
	if h.ShowInfo == nil {
		h.ShowInfo = func(string, string) {}
	}
	if h.Target == nil {
		h.Target = func() (passageSpan, bool) { return passageSpan{}, false }
	}
	if h.ShowPassage == nil {
		h.ShowPassage = func(int64, bool) {}
	}
	if h.OpenNote == nil {
		h.OpenNote = func(data.Note) {}
	}
	if h.ArticleTitle == nil {
		h.ArticleTitle = func(int64) (string, bool) { return "", false }
	}
	for _, f := range []*func(){&h.ClearSelection, &h.Changed, &h.TagsChanged} {
		if *f == nil {
			*f = func() {}
		}
	}
	if h.PushUndo == nil {
		h.PushUndo = func(string, func(context.Context) error) int { return 0 }
	}
	if h.Undo == nil {
		h.Undo = func(int) bool { return false }
	}
	if h.Tags == nil {
		h.Tags = func() []string { return nil }
	}
	if h.Refocusing == nil {
		h.Refocusing = func() bool { return false }
	}
	if h.Keys == nil {
		h.Keys = noKeys{}
	}
	if h.Tips == nil {
		h.Tips = noTips{}
	}
	if h.Fit == nil {
		h.Fit = noFit{}
	}
}

// highlightStore is what the highlights panel reads: every highlight, and
// the passages of their articles for the paragraph numbers.
type highlightStore interface {
	Highlights(ctx context.Context, articleID int64) ([]data.Highlight, error)
	Passages(ctx context.Context, articleID int64) ([]data.Passage, error)
}

// highlightsHooks are what the highlights panel asks of the window.
type highlightsHooks struct {
	ShowError func(error)
	// Colours returns the colour legend, Articles the library's articles.
	Colours  func() []data.Colour
	Articles func() []data.ArticleSummary
	// OpenPassage shows a passage of an article in the reader.
	OpenPassage func(articleID, passageID int64)
	Keys        paneKeys
}

// fill gives every nil hook one that does nothing.
func (h *highlightsHooks) fill() {
	if h.ShowError == nil {
		h.ShowError = func(err error) { fyne.LogError("highlights", err) }
	}
	if h.Colours == nil {
		h.Colours = func() []data.Colour { return nil }
	}
	if h.Articles == nil {
		h.Articles = func() []data.ArticleSummary { return nil }
	}
	if h.OpenPassage == nil {
		h.OpenPassage = func(int64, int64) {}
	}
	if h.Keys == nil {
		h.Keys = noKeys{}
	}
}

// tagLister lists the library's tags; sqlite.Library is one.
type tagLister interface {
	Tags(ctx context.Context) ([]string, error)
}

// searchHooks are what the search bar asks of the window. Nil hooks do
// nothing.
type searchHooks struct {
	// Canvas is the canvas the bar is shown on, for the focus.
	Canvas func() fyne.Canvas
	// Do runs a function on the UI goroutine, later; Background runs one
	// off it (the queries).
	Do         func(func())
	Background func(func())
	ShowError  func(error)
	// Colours returns the colour legend, Articles the library's articles.
	Colours  func() []data.Colour
	Articles func() []data.ArticleSummary
	// TagsRead is given the library's tags each time the filters read them.
	TagsRead func([]string)
	// ShowResults puts the results in the library sidebar's place (or the
	// library back); ResultsShown reports which shows.
	ShowResults  func(on bool)
	ResultsShown func() bool
	// OpenResult shows a result's passage in the reader, with the matches
	// marked when the result is a passage; ClearMatches unmarks them.
	OpenResult   func(sqlite.SearchResult)
	ClearMatches func()
	Keys         paneKeys
}

// fill gives every nil hook one that does nothing (Background runs at
// once).
func (h *searchHooks) fill() {
	if h.Canvas == nil {
		h.Canvas = func() fyne.Canvas { return nil }
	}
	if h.Do == nil {
		h.Do = func(f func()) { f() }
	}
	if h.Background == nil {
		h.Background = func(f func()) { f() }
	}
	if h.ShowError == nil {
		h.ShowError = func(err error) { fyne.LogError("search", err) }
	}
	if h.Colours == nil {
		h.Colours = func() []data.Colour { return nil }
	}
	if h.Articles == nil {
		h.Articles = func() []data.ArticleSummary { return nil }
	}
	if h.TagsRead == nil {
		h.TagsRead = func([]string) {}
	}
	if h.ShowResults == nil {
		h.ShowResults = func(bool) {}
	}
	if h.ResultsShown == nil {
		h.ResultsShown = func() bool { return false }
	}
	if h.OpenResult == nil {
		h.OpenResult = func(sqlite.SearchResult) {}
	}
	if h.ClearMatches == nil {
		h.ClearMatches = func() {}
	}
	if h.Keys == nil {
		h.Keys = noKeys{}
	}
}

// libraryHooks are what the library sidebar asks of the window.
type libraryHooks struct {
	// Open opens an article chosen in the list; Current is the article
	// open, whose row stays selected.
	Open    func(id int64)
	Current func() int64
	Keys    paneKeys
}

// toolbarHooks are what the toolbar's buttons do, and what it asks of the
// window. Nil hooks do nothing.
type toolbarHooks struct {
	// Colours returns the colour legend.
	Colours         func() []data.Colour
	Highlight       func(colour string)
	RemoveHighlight func()
	AddNote         func()
	EditLegend      func()
	// Relayout has the window laid out again, later: the toolbar's height
	// changed.
	Relayout func()
	Tips     tipShower
}

// fill gives every nil hook one that does nothing.
func (h *toolbarHooks) fill() {
	if h.Colours == nil {
		h.Colours = func() []data.Colour { return nil }
	}
	if h.Highlight == nil {
		h.Highlight = func(string) {}
	}
	for _, f := range []*func(){&h.RemoveHighlight, &h.AddNote, &h.EditLegend, &h.Relayout} {
		if *f == nil {
			*f = func() {}
		}
	}
	if h.Tips == nil {
		h.Tips = noTips{}
	}
}

// studyAidHooks are what the Timeline and People views ask of the window.
// Nil hooks do nothing.
type studyAidHooks struct {
	// OpenRef opens a passage in the reader; RefLabel names it.
	OpenRef  func(casefacts.Ref)
	RefLabel func(casefacts.Ref) string
	// AskText asks for one line of text and runs done with it.
	AskText func(title, field, value string, done func(string))
	// Correct stores a correction, FixEvent one to an event of a case;
	// both extract again.
	Correct   func(data.Correction)
	FixEvent  func(c glance.Case, e casefacts.Event, action, value string)
	ShowError func(error)
}

// fill gives every nil hook one that does nothing.
func (h *studyAidHooks) fill() {
	if h.OpenRef == nil {
		h.OpenRef = func(casefacts.Ref) {}
	}
	if h.RefLabel == nil {
		h.RefLabel = func(r casefacts.Ref) string { return fmt.Sprintf("Article %d, para. %d", r.Article, r.Para) }
	}
	if h.AskText == nil {
		h.AskText = func(string, string, string, func(string)) {}
	}
	if h.Correct == nil {
		h.Correct = func(data.Correction) {}
	}
	if h.FixEvent == nil {
		h.FixEvent = func(glance.Case, casefacts.Event, string, string) {}
	}
	if h.ShowError == nil {
		h.ShowError = func(err error) { fyne.LogError("study aids", err) }
	}
}

// passageSpan is the runes [Start, End) of a passage: what a highlight or a
// note applies to.
type passageSpan struct {
	Passage    data.Passage
	Start, End int
}

// whole reports a span that is the whole passage.
func (s passageSpan) whole() bool {
	return s.Start == 0 && s.End == len([]rune(s.Passage.Text))
}

// paneKeys is where a widget of a pane passes the window's keys: F6 moves
// to the next pane, Escape goes back to the reader.
type paneKeys interface {
	cycleFocus()
	focusReader()
}

// tipShower shows the tooltips of tip buttons, one at a time.
type tipShower interface {
	do(func())
	showTip(*tipButton)
	hideTip(*tipButton)
}

// windowFit fits a component to the window at large text: upTo shows an
// object whole up to a fraction of the window's height and scrolls it
// beyond; relayout has the window laid out again, later.
type windowFit interface {
	upTo(obj fyne.CanvasObject, frac float32) *fyne.Container
	relayout()
}

// noFit is a windowFit for a component built alone: there is no window
// to fit.
type noFit struct{}

func (noFit) upTo(obj fyne.CanvasObject, _ float32) *fyne.Container {
	return container.NewStack(obj)
}
func (noFit) relayout() {}

// noTips is a tipShower for a component built alone: no tooltips.
type noTips struct{}

func (noTips) do(func())          {}
func (noTips) showTip(*tipButton) {}
func (noTips) hideTip(*tipButton) {}

// noKeys is a paneKeys for a component built alone: there are no other
// panes.
type noKeys struct{}

func (noKeys) cycleFocus()  {}
func (noKeys) focusReader() {}

// focusReader gives the reader the keyboard.
func (u *UI) focusReader() { u.Reader.focus() }

// canvasOf returns a function giving the canvas of a window, for a hook.
func canvasOf(w fyne.Window) func() fyne.Canvas {
	return func() fyne.Canvas { return w.Canvas() }
}

// outlineStore is what the outline panel reads and writes: the outlines,
// their sections and items, and an article for a citation.
type outlineStore interface {
	Outlines(ctx context.Context) ([]data.OutlineSummary, error)
	Outline(ctx context.Context, id int64) (data.Outline, error)
	OutlineByName(ctx context.Context, name string) (data.Outline, error)
	NewOutline(ctx context.Context, name, template string) (data.Outline, error)
	RenameOutline(ctx context.Context, id int64, name string) error
	DeleteOutline(ctx context.Context, id int64) error
	AddSection(ctx context.Context, outlineID int64, heading string) (data.Section, error)
	RenameSection(ctx context.Context, sectionID int64, heading string) error
	SetSectionText(ctx context.Context, sectionID int64, text string) error
	MoveSection(ctx context.Context, sectionID int64, delta int) error
	DeleteSection(ctx context.Context, sectionID int64) error
	AddToSection(ctx context.Context, sectionID int64, ni data.NewItem, index int) (data.OutlineItem, error)
	MoveItem(ctx context.Context, itemID int64, delta int) error
	MoveItemTo(ctx context.Context, itemID, sectionID int64, index int) error
	RemoveItem(ctx context.Context, itemID int64) error
	Article(ctx context.Context, id int64) (data.Article, error)
}

// outlineHooks are what the outline panel asks of the window. Nil hooks
// do nothing (a write runs at once).
type outlineHooks struct {
	// Canvas is the canvas the panel is shown on, for the focus and the
	// More menu.
	Canvas func() fyne.Canvas
	// Do runs a function on the UI goroutine, later.
	Do func(func())
	// Debounce is how long typing under a section must pause before the
	// text is saved.
	Debounce time.Duration
	// Write runs a write to the library after the earlier ones of its
	// lane, off the UI goroutine; done is then called on the UI goroutine.
	Write     func(lane string, run func(ctx context.Context) error, done func(err error))
	ShowError func(error)
	ShowInfo  func(title, message string)
	// AskText asks for one line of text and runs done with it; Confirm
	// asks a Yes/No question and runs yes on Yes; ShowForm shows a form
	// and runs done with whether it was confirmed.
	AskText  func(title, field, value string, done func(string))
	Confirm  func(title, message string, yes func())
	ShowForm func(title, confirm, dismiss string, items []*widget.FormItem, done func(bool))
	// Export opens the export dialog on the outline shown.
	Export func()
	// Reveal brings the panel into view (its tab), when an item arrives.
	Reveal func()
	// OpenPassage shows a passage of an article in the reader.
	OpenPassage func(articleID, passageID int64)
	// KnownArticle returns an article as the library sidebar lists it;
	// CiteStyle is the student's citation style.
	KnownArticle func(id int64) (data.Article, bool)
	CiteStyle    func() cite.Style
}

// fill gives every nil hook a default: a write runs at once, the rest do
// nothing.
func (h *outlineHooks) fill() {
	if h.Canvas == nil {
		h.Canvas = func() fyne.Canvas { return nil }
	}
	if h.Do == nil {
		h.Do = func(f func()) { f() }
	}
	if h.Debounce <= 0 {
		h.Debounce = 600 * time.Millisecond
	}
	if h.Write == nil {
		h.Write = func(_ string, run func(context.Context) error, done func(error)) { done(run(context.Background())) }
	}
	if h.ShowError == nil {
		h.ShowError = func(err error) { fyne.LogError("outline", err) }
	}
	if h.ShowInfo == nil {
		h.ShowInfo = func(string, string) {}
	}
	if h.AskText == nil {
		h.AskText = func(string, string, string, func(string)) {}
	}
	if h.Confirm == nil {
		h.Confirm = func(string, string, func()) {}
	}
	if h.ShowForm == nil {
		h.ShowForm = func(string, string, string, []*widget.FormItem, func(bool)) {}
	}
	for _, f := range []*func(){&h.Export, &h.Reveal} {
		if *f == nil {
			*f = func() {}
		}
	}
	if h.OpenPassage == nil {
		h.OpenPassage = func(int64, int64) {}
	}
	if h.KnownArticle == nil {
		h.KnownArticle = func(int64) (data.Article, bool) { return data.Article{}, false }
	}
	if h.CiteStyle == nil {
		h.CiteStyle = func() cite.Style { return cite.APA }
	}
}
