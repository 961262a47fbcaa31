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
	// canvas is the canvas the reader is shown on, for the focus.
	canvas func() fyne.Canvas
	// do runs a function on the UI goroutine, later.
	do func(func())
	// colours returns the colour legend.
	colours   func() []data.Colour
	showError func(error)
	// copy puts text on the clipboard.
	copy func(string)
	// leaving is called before the reader shows another article (or none),
	// opened after: a zero article when the reader was closed.
	leaving func()
	opened  func(data.Article)
	// currentChanged is called when another passage (nil: none) becomes
	// the current one.
	currentChanged func(*data.Passage)
	// otherKey is given the keys the reader does not handle.
	otherKey func(*fyne.KeyEvent)

	// The header's buttons and the context menu.
	editDetails      func()
	openSource       func()
	highlight        func(colour string)
	recolour         func(h data.Highlight, colour string)
	removeHighlight  func(data.Highlight)
	addNote          func()
	copyWithCitation func()
	// addToTimeline offers an event from a passage, labelled with the
	// selected words (if any).
	addToTimeline func(p data.Passage, sel string) *addToTimeline
	// outlineMenu returns the context menu's items that add a row's
	// passage (or the highlight at rune off) to the outline.
	outlineMenu func(row, off int) []*fyne.MenuItem
	// dropPassage is called when a passage dragged by its number is
	// dropped at an absolute position.
	dropPassage func(passageID int64, at fyne.Position)
	// tips shows the buttons' tooltips; fit fits the header to the window.
	tips tipShower
	fit  windowFit
}

// fill gives every nil hook one that does nothing.
func (h *readerHooks) fill() {
	if h.fit == nil {
		h.fit = noFit{}
	}
	nop := func() {}
	if h.canvas == nil {
		h.canvas = func() fyne.Canvas { return nil }
	}
	if h.do == nil {
		h.do = func(f func()) { f() }
	}
	if h.colours == nil {
		h.colours = func() []data.Colour { return nil }
	}
	if h.showError == nil {
		h.showError = func(err error) { fyne.LogError("reader", err) }
	}
	if h.copy == nil {
		h.copy = func(string) {}
	}
	for _, f := range []*func(){&h.leaving, &h.editDetails, &h.openSource, &h.addNote, &h.copyWithCitation} {
		if *f == nil {
			*f = nop
		}
	}
	if h.opened == nil {
		h.opened = func(data.Article) {}
	}
	if h.currentChanged == nil {
		h.currentChanged = func(*data.Passage) {}
	}
	if h.otherKey == nil {
		h.otherKey = func(*fyne.KeyEvent) {}
	}
	if h.highlight == nil {
		h.highlight = func(string) {}
	}
	if h.recolour == nil {
		h.recolour = func(data.Highlight, string) {}
	}
	if h.removeHighlight == nil {
		h.removeHighlight = func(data.Highlight) {}
	}
	if h.addToTimeline == nil {
		h.addToTimeline = func(data.Passage, string) *addToTimeline { return nil }
	}
	if h.outlineMenu == nil {
		h.outlineMenu = func(int, int) []*fyne.MenuItem { return nil }
	}
	if h.dropPassage == nil {
		h.dropPassage = func(int64, fyne.Position) {}
	}
	if h.tips == nil {
		h.tips = noTips{}
	}
}

// editorHooks is what a panel that saves what the student types needs of
// the window: the notes panel and the outline share it.
type editorHooks struct {
	// canvas is the canvas the panel is shown on, for the focus (and the
	// outline's More menu).
	canvas func() fyne.Canvas
	// do runs a function on the UI goroutine, later.
	do func(func())
	// debounce is how long typing must pause before the text is saved.
	debounce time.Duration
	// write runs a write to the library after the earlier ones of its
	// lane, off the UI goroutine; done is then called on the UI goroutine.
	write     func(lane string, run func(ctx context.Context) error, done func(err error))
	showError func(error)
	showInfo  func(title, message string)
}

// fill gives every nil hook a default: a write runs at once, an error goes
// to the log under name, the rest do nothing.
func (h *editorHooks) fill(name string) {
	if h.canvas == nil {
		h.canvas = func() fyne.Canvas { return nil }
	}
	if h.do == nil {
		h.do = func(f func()) { f() }
	}
	if h.debounce <= 0 {
		h.debounce = 600 * time.Millisecond
	}
	if h.write == nil {
		h.write = func(_ string, run func(context.Context) error, done func(error)) { done(run(context.Background())) }
	}
	if h.showError == nil {
		h.showError = func(err error) { fyne.LogError(name, err) }
	}
	if h.showInfo == nil {
		h.showInfo = func(string, string) {}
	}
}

// notesHooks are what the notes panel asks of the rest of the window. Nil
// hooks do nothing.
type notesHooks struct {
	editorHooks
	// target is the words a new note goes on: the reader's selection, or
	// its current passage.
	target func() (passageSpan, bool)
	// showPassage makes a passage the reader's current one, whose notes
	// the panel then shows (again: afresh, even if it already was).
	showPassage func(id int64, again bool)
	// clearSelection clears the reader's selection.
	clearSelection func()
	// openNote shows a note chosen in the list of all notes.
	openNote func(data.Note)
	// articleTitle is the title an article is listed with.
	articleTitle func(id int64) (string, bool)
	// changed is called when notes were added, deleted or moved: counts
	// and markers change. tagsChanged when a note's tags changed.
	changed     func()
	tagsChanged func()
	// pushUndo puts a step on the undo stack and returns its id; undo
	// takes step id off the stack and undoes it, reporting whether it was
	// still there.
	pushUndo func(label string, undo func(ctx context.Context) error) int
	undo     func(step int) bool
	// tags are the library's tags, for completion.
	tags func() []string
	// refocusing reports that the focus is away only while a dialog
	// closes: an editor losing it stays open.
	refocusing func() bool
	// keys takes F6 and Escape; tips shows the buttons' tooltips; fit
	// fits the heading and the quote to the window.
	keys paneKeys
	tips tipShower
	fit  windowFit
}

// fill gives every nil hook a default: a write runs at once, the rest do
// nothing.
func (h *notesHooks) fill() {
	h.editorHooks.fill("notes")
	if h.target == nil {
		h.target = func() (passageSpan, bool) { return passageSpan{}, false }
	}
	if h.showPassage == nil {
		h.showPassage = func(int64, bool) {}
	}
	if h.openNote == nil {
		h.openNote = func(data.Note) {}
	}
	if h.articleTitle == nil {
		h.articleTitle = func(int64) (string, bool) { return "", false }
	}
	for _, f := range []*func(){&h.clearSelection, &h.changed, &h.tagsChanged} {
		if *f == nil {
			*f = func() {}
		}
	}
	if h.pushUndo == nil {
		h.pushUndo = func(string, func(context.Context) error) int { return 0 }
	}
	if h.undo == nil {
		h.undo = func(int) bool { return false }
	}
	if h.tags == nil {
		h.tags = func() []string { return nil }
	}
	if h.refocusing == nil {
		h.refocusing = func() bool { return false }
	}
	if h.keys == nil {
		h.keys = noKeys{}
	}
	if h.tips == nil {
		h.tips = noTips{}
	}
	if h.fit == nil {
		h.fit = noFit{}
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
	showError func(error)
	// colours returns the colour legend, articles the library's articles.
	colours  func() []data.Colour
	articles func() []data.ArticleSummary
	// openPassage shows a passage of an article in the reader.
	openPassage func(articleID, passageID int64)
	// retitled redraws the tabs the panel's tab is in, after its text
	// (the count) changed.
	retitled func()
	keys     paneKeys
}

// fill gives every nil hook one that does nothing.
func (h *highlightsHooks) fill() {
	if h.showError == nil {
		h.showError = func(err error) { fyne.LogError("highlights", err) }
	}
	if h.colours == nil {
		h.colours = func() []data.Colour { return nil }
	}
	if h.articles == nil {
		h.articles = func() []data.ArticleSummary { return nil }
	}
	if h.openPassage == nil {
		h.openPassage = func(int64, int64) {}
	}
	if h.retitled == nil {
		h.retitled = func() {}
	}
	if h.keys == nil {
		h.keys = noKeys{}
	}
}

// tagLister lists the library's tags; sqlite.Library is one.
type tagLister interface {
	Tags(ctx context.Context) ([]string, error)
}

// searchHooks are what the search bar asks of the window. Nil hooks do
// nothing.
type searchHooks struct {
	// canvas is the canvas the bar is shown on, for the focus.
	canvas func() fyne.Canvas
	// do runs a function on the UI goroutine, later; background runs one
	// off it (the queries).
	do         func(func())
	background func(func())
	showError  func(error)
	// colours returns the colour legend, articles the library's articles.
	colours  func() []data.Colour
	articles func() []data.ArticleSummary
	// tagsRead is given the library's tags each time the filters read them.
	tagsRead func([]string)
	// showResults puts the results in the library sidebar's place (or the
	// library back); resultsShown reports which shows.
	showResults  func(on bool)
	resultsShown func() bool
	// openResult shows a result's passage in the reader, with the matches
	// marked when the result is a passage; clearMatches unmarks them.
	openResult   func(data.SearchResult)
	clearMatches func()
	keys         paneKeys
}

// fill gives every nil hook one that does nothing (Background runs at
// once).
func (h *searchHooks) fill() {
	if h.canvas == nil {
		h.canvas = func() fyne.Canvas { return nil }
	}
	if h.do == nil {
		h.do = func(f func()) { f() }
	}
	if h.background == nil {
		h.background = func(f func()) { f() }
	}
	if h.showError == nil {
		h.showError = func(err error) { fyne.LogError("search", err) }
	}
	if h.colours == nil {
		h.colours = func() []data.Colour { return nil }
	}
	if h.articles == nil {
		h.articles = func() []data.ArticleSummary { return nil }
	}
	if h.tagsRead == nil {
		h.tagsRead = func([]string) {}
	}
	if h.showResults == nil {
		h.showResults = func(bool) {}
	}
	if h.resultsShown == nil {
		h.resultsShown = func() bool { return false }
	}
	if h.openResult == nil {
		h.openResult = func(data.SearchResult) {}
	}
	if h.clearMatches == nil {
		h.clearMatches = func() {}
	}
	if h.keys == nil {
		h.keys = noKeys{}
	}
}

// libraryHooks are what the library sidebar asks of the window.
type libraryHooks struct {
	// open opens an article chosen in the list; current is the article
	// open, whose row stays selected.
	open    func(id int64)
	current func() int64
	keys    paneKeys
}

// toolbarHooks are what the toolbar's buttons do, and what it asks of the
// window. Nil hooks do nothing.
type toolbarHooks struct {
	// colours returns the colour legend.
	colours         func() []data.Colour
	highlight       func(colour string)
	removeHighlight func()
	addNote         func()
	editLegend      func()
	// relayout has the window laid out again, later: the toolbar's height
	// changed.
	relayout func()
	tips     tipShower
}

// fill gives every nil hook one that does nothing.
func (h *toolbarHooks) fill() {
	if h.colours == nil {
		h.colours = func() []data.Colour { return nil }
	}
	if h.highlight == nil {
		h.highlight = func(string) {}
	}
	for _, f := range []*func(){&h.removeHighlight, &h.addNote, &h.editLegend, &h.relayout} {
		if *f == nil {
			*f = func() {}
		}
	}
	if h.tips == nil {
		h.tips = noTips{}
	}
}

// studyAidHooks are what the Timeline and People views ask of the window.
// Nil hooks do nothing.
type studyAidHooks struct {
	// openRef opens a passage in the reader; refLabel names it.
	openRef  func(casefacts.Ref)
	refLabel func(casefacts.Ref) string
	// askText asks for one line of text and runs done with it.
	askText func(title, field, value string, done func(string))
	// correct stores a correction, fixEvent one to an event of a case;
	// both extract again.
	correct   func(data.Correction)
	fixEvent  func(c glance.Case, e casefacts.Event, action, value string)
	showError func(error)
}

// fill gives every nil hook one that does nothing.
func (h *studyAidHooks) fill() {
	if h.openRef == nil {
		h.openRef = func(casefacts.Ref) {}
	}
	if h.refLabel == nil {
		h.refLabel = func(r casefacts.Ref) string { return fmt.Sprintf("Article %d, para. %d", r.Article, r.Para) }
	}
	if h.askText == nil {
		h.askText = func(string, string, string, func(string)) {}
	}
	if h.correct == nil {
		h.correct = func(data.Correction) {}
	}
	if h.fixEvent == nil {
		h.fixEvent = func(glance.Case, casefacts.Event, string, string) {}
	}
	if h.showError == nil {
		h.showError = func(err error) { fyne.LogError("study aids", err) }
	}
}

// studyAidStore is what the study aids read and write: the articles and
// their reading passages, and the corrections made to the extraction
// (glance's library).
type studyAidStore interface {
	glance.Library
}

// studyAidsHooks are what the study aids ask of the window: the views'
// hooks (correct and fixEvent are the study aids' own), and the window's
// goroutines, articles and write queue. Nil hooks do nothing, or run at
// once.
type studyAidsHooks struct {
	openRef   func(casefacts.Ref)
	refLabel  func(casefacts.Ref) string
	askText   func(title, field, value string, done func(string))
	showError func(error)
	// do runs a function on the UI goroutine, later; goBackground runs
	// one off it.
	do           func(func())
	goBackground func(func())
	// articles are the library's articles as the window last listed them.
	articles func() []data.ArticleSummary
	// write runs a write in a lane of the write queue, then done with its
	// error on the UI goroutine.
	write func(lane string, run func(ctx context.Context) error, done func(error))
}

// fill gives every nil hook one that does nothing, or runs at once.
func (h *studyAidsHooks) fill() {
	v := studyAidHooks{openRef: h.openRef, refLabel: h.refLabel, askText: h.askText, showError: h.showError}
	v.fill()
	h.openRef, h.refLabel, h.askText, h.showError = v.openRef, v.refLabel, v.askText, v.showError
	if h.do == nil {
		h.do = func(f func()) { f() }
	}
	if h.goBackground == nil {
		h.goBackground = func(f func()) { f() }
	}
	if h.articles == nil {
		h.articles = func() []data.ArticleSummary { return nil }
	}
	if h.write == nil {
		h.write = func(_ string, run func(ctx context.Context) error, done func(error)) {
			done(run(context.Background()))
		}
	}
}

// passageSpan is the runes [Start, End) of a passage: what a highlight or a
// note applies to.
type passageSpan struct {
	passage    data.Passage
	start, end int
}

// whole reports a span that is the whole passage.
func (s passageSpan) whole() bool {
	return s.start == 0 && s.end == len([]rune(s.passage.Text))
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
func (u *UI) focusReader() { u.reader.focus() }

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
	editorHooks
	// askText asks for one line of text and runs done with it; confirm
	// asks a Yes/No question and runs yes on Yes; showForm shows a form
	// and runs done with whether it was confirmed.
	askText  func(title, field, value string, done func(string))
	confirm  func(title, message string, yes func())
	showForm func(title, confirm, dismiss string, items []*widget.FormItem, done func(bool))
	// export opens the export dialog on the outline shown.
	export func()
	// reveal brings the panel into view (its tab), when an item arrives.
	reveal func()
	// openPassage shows a passage of an article in the reader.
	openPassage func(articleID, passageID int64)
	// knownArticle returns an article as the library sidebar lists it;
	// citeStyle is the student's citation style.
	knownArticle func(id int64) (data.Article, bool)
	citeStyle    func() cite.Style
}

// fill gives every nil hook a default: a write runs at once, the rest do
// nothing.
func (h *outlineHooks) fill() {
	h.editorHooks.fill("outline")
	if h.askText == nil {
		h.askText = func(string, string, string, func(string)) {}
	}
	if h.confirm == nil {
		h.confirm = func(string, string, func()) {}
	}
	if h.showForm == nil {
		h.showForm = func(string, string, string, []*widget.FormItem, func(bool)) {}
	}
	for _, f := range []*func(){&h.export, &h.reveal} {
		if *f == nil {
			*f = func() {}
		}
	}
	if h.openPassage == nil {
		h.openPassage = func(int64, int64) {}
	}
	if h.knownArticle == nil {
		h.knownArticle = func(int64) (data.Article, bool) { return data.Article{}, false }
	}
	if h.citeStyle == nil {
		h.citeStyle = func() cite.Style { return cite.APA }
	}
}
