// Package ui is Casebook's desktop interface, built with Fyne: the library
// sidebar, the reader with its own passage widget (real background
// highlights and mouse selection), the search bar, and the notes panel.
//
// It has no SQL and does not import the store: New takes a Store (store.go),
// the interface *sqlite.Library satisfies, which the controller holds, and
// the components reach it only through small interfaces (see below). It
// imports no Fyne driver, so that every screen can be driven headless by
// Fyne's test package. cmd/casebook creates the app and calls New.
//
// The components (reader, notesPanel, highlightsPanel, searchBar,
// libraryPane, timelineView, peopleView, outlinePanel, compareView, the
// export dialog, the article-details form and the bin) do not hold the
// window: each takes the small store interface it reads (readerStore,
// noteStore, outlineStore, …, beside it or in wiring.go) and a struct of
// hooks, and can be built alone (component_test.go). UI is the controller
// that wires them (controller.go) and owns the moves between them. Only
// New, Store, Options (its Placer) and UI's Window are used outside the
// package.
package ui

import (
	"context"
	"net/url"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/casebookapp/casebook/data"
	"github.com/casebookapp/casebook/data/ingest"
)

// Preference keys. The window remembers its size, the last article, the
// reading position in it, the theme and the text size.
const (
	prefWidth     = "window.width"
	prefHeight    = "window.height"
	prefArticle   = "reader.article"
	prefLibrary   = "reader.library" // the library the remembered article is in
	prefPassage   = "reader.passage" // sequence number of the top passage
	prefTheme     = "view.theme"
	prefTextSize  = "view.textsize"
	prefImportDir = "import.folder" // where File › Import… last found a file
)

// Options adjusts a UI; the zero value is what the app uses.
type Options struct {
	// searcher runs search queries. Zero means the library's own search.
	searcher searcher
	// noteDebounce is how long typing must pause before a note is saved.
	// Zero means the default, 600 ms.
	noteDebounce time.Duration
	// do runs a function on the UI goroutine. Zero means fyne.Do; tests
	// queue the calls and run them on the test goroutine.
	do func(func())
	// openURL opens a web address; zero means the app's (the browser).
	openURL func(*url.URL) error
	// statePath is the file that keeps the window's size and reading
	// place. Zero means window-state.json in <UserConfigDir>/casebook.
	statePath string
	// Placer reads and sets the window's position on the screen, which
	// Fyne cannot. Zero means only the window's size is kept.
	Placer WindowPlacer
}

// WindowPlacer reads and sets where a window is on the screen, in pixels.
// cmd/casebook gives one for X11 (internal/xwindow); on Wayland, where
// clients may not place their windows, and elsewhere there is none, and the
// window comes back at its size only.
type WindowPlacer interface {
	// Position returns the window's top-left corner; ok is false when it
	// is not known.
	Position(w fyne.Window) (x, y int, ok bool)
	// Move puts the window's top-left corner at x, y, or as near as keeps
	// it on a monitor, and reports whether it moved.
	Move(w fyne.Window, x, y int) bool
	// Monitor returns the size of the monitor the window is on; ok is
	// false when it is not known.
	Monitor(w fyne.Window) (width, height int, ok bool)
}

// UI is Casebook's main window and the widgets that tests drive.
type UI struct {
	app    fyne.App
	Window fyne.Window

	lib  Store
	opts Options
	// ctx is cancelled when the window quits: work still running in the
	// background (import, export, search) stops using the library.
	ctx    context.Context
	cancel context.CancelFunc
	// background counts the goroutines the UI started, which Quit waits
	// for before the library is closed.
	background sync.WaitGroup

	// articles is the library as the sidebar shows it.
	articles []data.ArticleSummary
	colours  []data.Colour
	tags     []string // the library's tags, for completion

	// sidebar is the library sidebar; library is its list of articles,
	// libraryFilter its quick filter.
	sidebar       *libraryPane
	library       *keyList
	libraryFilter *keyEntry
	reader        *reader
	search        *searchBar
	notes         *notesPanel
	highlights    *highlightsPanel
	// outline is the outline view beside the reader (a tab by the notes).
	outline *outlinePanel
	// compare is the Compare window while it is open.
	compare       *compareView
	compareWindow fyne.Window
	sideTabs      *wrapTabs

	undo         undoStack
	metaEditor   *metaEditor
	exportDialog *exportDialog
	lastExport   exportResult
	lastImport   []ingest.FileResult
	left         *fyne.Container // library or search results
	toolbar      *highlightBar
	// undoImport is the last import summary's "Undo import" button.
	undoImport *widget.Button
	quitting   bool
	// tip is the tooltip showing, of the button tipOf, in tipLayer: a
	// layer of the window's content above the rest.
	tip      *fyne.Container
	tipOf    *tipButton
	tipLayer *fyne.Container
	// state is the window state as last loaded or saved.
	state windowState
	// placed is set once the shown window has been put back in its place.
	placed bool
	// refocusing is set while the focus is away between a dialog closing
	// and the focus going back: a note editor stays open meanwhile.
	refocusing bool
	// modals are the open dialogs, the top one last.
	modals []*modal
	// writes runs the writes to the library off the UI goroutine;
	// saveLabel says what it is doing.
	writes    *writeQueue
	saveLabel *widget.Label
	// status says what was just done (an article deleted or restored).
	status    *widget.Label
	statusGen int
	trash     *trashDialog
	aids      *studyAids // the Timeline and People views (glance.go)
}

// New builds the main window on lib. It does not show it.
func New(a fyne.App, lib Store, opts Options) *UI {
	if opts.noteDebounce <= 0 {
		opts.noteDebounce = 600 * time.Millisecond
	}
	if opts.do == nil {
		opts.do = fyne.Do
	}
	if opts.searcher == nil {
		opts.searcher = lib
	}
	u := &UI{app: a, lib: lib, opts: opts}
	protectSaveDialogs()
	u.ctx, u.cancel = context.WithCancel(context.Background())
	// Not u.do: the queue's count must come down even while quitting.
	u.writes = newWriteQueue(u.ctx, opts.do, func() bool { return u.quitting })
	u.saveLabel = widget.NewLabel("")
	u.saveLabel.Importance = widget.LowImportance
	u.status = widget.NewLabel("")
	u.writes.onState = u.showSaveState
	prefs := a.Preferences()
	a.Settings().SetTheme(newTheme(prefs.StringWithFallback(prefTheme, themeSystem), float32(prefs.FloatWithFallback(prefTextSize, 1))))

	u.Window = a.NewWindow("Casebook")
	u.Window.SetMaster()
	u.state = u.loadState()
	width, height := u.state.Width, u.state.Height
	if width <= 0 || height <= 0 {
		width, height = 1280, 820
	}
	u.Window.Resize(fyne.NewSize(width, height))
	// The window can be placed once the driver has shown it.
	a.Lifecycle().SetOnStarted(u.placeWindow)

	u.loadColours()
	u.reader = newReader(lib, u.ctx, u.readerHooks())
	u.notes = newNotesPanel(lib, u.ctx, u.notesHooks())
	u.outline = newOutlinePanel(lib, u.ctx, u.outlineHooks())
	u.search = newSearchBar(opts.searcher, lib, u.ctx, u.searchHooks())
	u.sidebar = newLibraryPane(u.libraryHooks())
	u.library, u.libraryFilter = u.sidebar.list, u.sidebar.Filter
	u.toolbar = newHighlightBar(u.toolbarHooks())
	u.registerSideViews()

	u.left = container.NewStack(u.sidebar.content, u.search.resultsPane())
	u.search.showResults(false)

	// The toolbar spans the reader and the notes: it acts on both.
	work := container.NewHSplit(u.reader.content, u.sidePanel())
	work.Offset = 0.68
	right := container.NewBorder(u.toolbar.bar, nil, nil, nil, work)
	main := container.NewHSplit(u.withStudyAids(u.left), right)
	main.Offset = 0.21
	// What was just done and whether it is saved show beside the search
	// field, taking no row of their own.
	top := container.NewPadded(container.NewBorder(nil, nil, nil, container.NewHBox(u.status, u.saveLabel), u.search.bar))
	u.tipLayer = container.NewWithoutLayout()
	u.Window.SetContent(container.NewStack(container.NewBorder(top, nil, nil, nil, main), u.tipLayer))
	u.Window.SetMainMenu(u.makeMenu())
	u.Window.SetCloseIntercept(func() { u.quit() })
	u.Window.SetOnDropped(u.dropped)
	u.Window.Canvas().SetOnTypedKey(u.typedKey)

	u.refreshLibrary()
	u.restore()
	if why := lib.ReadOnly(); why != "" {
		u.Window.SetTitle("Casebook (read only)")
		u.showInfo("Open for reading only", why)
	}
	// Load the search index while the student looks at the window, so the
	// first keystroke in the search bar is answered as fast as the rest.
	u.goBackground(func() { _ = lib.PrepareSearch(u.ctx) })
	return u
}

// registerSideViews adds the views beside the notes ("Passage", "All
// notes"): Highlights goes beside All notes; a new view is one more line
// here.
func (u *UI) registerSideViews() {
	u.highlights = newHighlightsPanel(u.lib, u.ctx, u.highlightsHooks())
	u.addSideView(u.highlights.tab, 2)
}

// sidePanel is what stands beside the reader: the notes, and the outline in
// a second tab.
func (u *UI) sidePanel() fyne.CanvasObject {
	u.sideTabs = newWrapTabs(
		container.NewTabItemWithIcon("Notes", theme.DocumentCreateIcon(), u.notes.content),
		container.NewTabItemWithIcon("Outline", theme.ListIcon(), u.outline.content))
	return u.sideTabs
}

// addSideView adds a tab beside the notes at index at (the end when at is
// out of range).
func (u *UI) addSideView(item *container.TabItem, at int) {
	tabs := u.notes.content
	if at < 0 || at >= len(tabs.Items) {
		tabs.Append(item)
		return
	}
	tabs.Items = append(tabs.Items[:at:at], append([]*container.TabItem{item}, tabs.Items[at:]...)...)
	tabs.Refresh()
}

// do runs f on the UI goroutine. Every widget change made from a goroutine
// (search, saving) goes through it. Once the window quits, nothing more is
// shown.
func (u *UI) do(f func()) {
	u.opts.do(func() {
		if !u.quitting {
			f()
		}
	})
}

// goBackground runs f off the UI goroutine; Quit waits for it to return.
// It is called on the UI goroutine, and starts nothing once quitting.
func (u *UI) goBackground(f func()) {
	if u.quitting {
		return
	}
	u.background.Add(1)
	go func() {
		defer u.background.Done()
		f()
	}()
}

// quitWait bounds how long Quit waits for background work to stop, and
// quitWriteWait how long it waits for the last writes to be saved.
const (
	quitWait      = 2 * time.Second
	quitWriteWait = 30 * time.Second
)

// say shows a short message beside the search field for a few seconds.
func (u *UI) say(msg string) {
	u.status.SetText(msg)
	u.statusGen++
	gen := u.statusGen
	time.AfterFunc(statusShown, func() {
		u.do(func() {
			if gen == u.statusGen {
				u.status.SetText("")
			}
		})
	})
}

// statusShown is how long a message of say stays.
const statusShown = 8 * time.Second

// showSaveState says whether changes are being saved, or waiting for the
// library, beside the toolbar.
func (u *UI) showSaveState() {
	switch {
	case u.writes.Waiting():
		// Another program holds the library's write lock: the changes are
		// kept and saved when it lets go.
		u.saveLabel.SetText("Waiting for the library…")
		u.saveLabel.Importance = widget.WarningImportance
	case u.writes.pending > 0:
		u.saveLabel.SetText("Saving…")
		u.saveLabel.Importance = widget.LowImportance
	default:
		u.saveLabel.SetText("All changes saved")
		u.saveLabel.Importance = widget.LowImportance
	}
	u.saveLabel.Refresh()
}

// showError tells the user what went wrong, in the library's own words.
func (u *UI) showError(err error) {
	if err == nil {
		return
	}
	u.showMessage(dialog.NewError(friendlyError{err}, u.Window))
}

// friendlyError shows data's user-facing message rather than a Go error.
type friendlyError struct{ err error }

func (e friendlyError) Error() string { return data.ErrorMessage(e.err) }

// loadColours reads the colour legend.
func (u *UI) loadColours() {
	cs, err := u.lib.Colours(u.ctx)
	if err != nil {
		u.showError(err)
		return
	}
	u.colours = cs
}

// restore reopens the last article at the passage the user was reading. An
// article id means nothing in another library (the same id can be another
// article there), so a library opened for the first time, or a remembered
// article that is gone, opens on the first article instead.
func (u *UI) restore() {
	st := u.state
	id := st.Article
	found := false
	if st.Library == u.lib.Path() {
		_, found = u.articleSummary(id)
	}
	if !found {
		id = 0
		if len(u.articles) > 0 {
			id = u.articles[0].ID
		}
	}
	if id == 0 {
		return
	}
	u.openArticle(id)
	if found {
		u.reader.scrollToSeq(st.Seq)
	}
}

// openArticle shows an article in the reader and selects it in the sidebar.
// Selecting the row opens the article when the filter lists it; it is
// opened here only when it is not.
func (u *UI) openArticle(id int64) {
	u.sidebar.selectArticle(id)
	if u.reader.article.ID != id {
		u.reader.open(id)
	}
}

// quit saves every pending note and the window state, stops the work
// running in the background (waiting for it a moment), then quits the app.
func (u *UI) quit() {
	if u.quitting {
		return
	}
	u.notes.flush()
	u.outline.flushText()
	u.quitting = true
	u.rememberState()
	// Every change made is saved before the library closes; a library
	// locked by another program is waited for a while.
	u.writes.wait(quitWriteWait)
	u.cancel()
	done := make(chan struct{})
	go func() {
		u.background.Wait()
		close(done)
	}()
	select {
	case <-done:
	case <-time.After(quitWait):
	}
	u.app.Quit()
}

// typedKey handles keys typed when no widget has the focus, and those the
// reader passes on: F6 moves to the next pane, Escape clears the search.
func (u *UI) typedKey(ev *fyne.KeyEvent) {
	if u.modalKey(ev) {
		return
	}
	switch ev.Name {
	case fyne.KeyF6:
		u.cycleFocus()
	case fyne.KeyEscape:
		if u.search.entry.Text != "" || u.search.filtered() {
			u.search.clear()
		}
	}
}
