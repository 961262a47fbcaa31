package ui

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/casebookapp/casebook/data"
	"github.com/casebookapp/casebook/data/casefacts"
	"github.com/casebookapp/casebook/data/glance"
	"github.com/casebookapp/casebook/data/sqlite"
)

// UI is the controller of the window: it builds each component on its
// store and wires the component's hooks to the others here. The moves
// between components (a note opens its passage in the reader, the reader's
// current passage shows its notes) are made in these functions, not by the
// components.

// readerHooks wires the reader to the window.
func (u *UI) readerHooks() readerHooks {
	return readerHooks{
		Canvas:    canvasOf(u.Window),
		Do:        u.do,
		Colours:   func() []data.Colour { return u.colours },
		ShowError: u.showError,
		Copy:      func(s string) { u.App.Clipboard().SetContent(s) },
		Leaving:   func() { u.Notes.flush() },
		Opened: func(a data.Article) {
			u.Notes.showPassage(nil)
			if a.ID != 0 {
				u.rememberState()
			}
		},
		CurrentChanged: func(p *data.Passage) {
			// A note that lost its place stays in the notes panel while
			// the student picks the words to attach it to.
			if u.Notes.orphan == nil {
				u.Notes.showPassage(p)
			}
		},
		OtherKey:         u.typedKey,
		EditDetails:      u.showMetaEditor,
		OpenSource:       u.openSource,
		Highlight:        u.highlight,
		Recolour:         u.recolourHighlight,
		RemoveHighlight:  u.removeHighlight,
		AddNote:          func() { u.Notes.addNote() },
		CopyWithCitation: func() { u.copyAction(true) },
		AddToTimeline:    u.showAddToTimeline,
		OutlineMenu: func(row, off int) []*fyne.MenuItem {
			return u.Outline.menuItems(func() (data.NewItem, bool) { return u.Reader.outlineTargetAt(row, off) })
		},
		DropPassage: func(id int64, at fyne.Position) { u.Outline.dropPassage(id, at) },
		Tips:        u,
		Fit:         u,
	}
}

// notesHooks wires the notes panel to the window.
func (u *UI) notesHooks() notesHooks {
	return notesHooks{
		Canvas:   canvasOf(u.Window),
		Do:       u.do,
		Debounce: u.opts.NoteDebounce,
		Write: func(lane string, run func(ctx context.Context) error, done func(error)) {
			u.writes.submit(lane, run, done)
		},
		ShowError: u.showError,
		ShowInfo:  u.showInfo,
		Target:    func() (passageSpan, bool) { return u.Reader.Target() },
		ShowPassage: func(id int64, again bool) {
			u.Reader.showPassage(id, again)
		},
		ClearSelection: func() { u.Reader.clearSelection() },
		OpenNote:       u.openNote,
		ArticleTitle: func(id int64) (string, bool) {
			a, ok := u.articleSummary(id)
			return displayTitle(a.Article), ok
		},
		Changed:     u.annotationsChanged,
		TagsChanged: func() { u.Search.filtersChanged() },
		PushUndo:    u.undo.push,
		Undo: func(step int) bool {
			st, ok := u.undo.remove(step)
			if ok {
				u.runUndo(st)
			}
			return ok
		},
		Tags:       func() []string { return u.tags },
		Refocusing: func() bool { return u.refocusing },
		Keys:       u,
		Tips:       u,
		Fit:        u,
	}
}

// openNote shows a note's passage in the reader and its card. A note that
// lost its place opens its article and shows the note alone, to edit,
// delete or attach to new words.
func (u *UI) openNote(n data.Note) {
	if n.Orphan() {
		if _, ok := u.articleSummary(n.ArticleID); ok && u.Reader.article.ID != n.ArticleID {
			u.openArticle(n.ArticleID)
		}
		u.Notes.showOrphan(n)
		return
	}
	if u.openPassage(n.ArticleID, n.PassageID) {
		u.Notes.content.SelectIndex(0)
	}
}

// highlightsHooks wires the highlights panel to the window.
func (u *UI) highlightsHooks() highlightsHooks {
	return highlightsHooks{
		ShowError:   u.showError,
		Colours:     func() []data.Colour { return u.colours },
		Articles:    func() []data.ArticleSummary { return u.articles },
		OpenPassage: func(article, passage int64) { u.openPassage(article, passage) },
		Keys:        u,
	}
}

// openPassage shows a passage of an article in the reader, scrolled to
// and current. It reports whether the article has the passage.
func (u *UI) openPassage(articleID, passageID int64) bool {
	if u.Reader.article.ID != articleID {
		u.openArticle(articleID)
	}
	row, ok := u.Reader.byID[passageID]
	if ok {
		u.Reader.scrollToRow(row)
		u.Reader.setCurrent(row)
	}
	return ok
}

// searchHooks wires the search bar to the window.
func (u *UI) searchHooks() searchHooks {
	return searchHooks{
		Canvas:     canvasOf(u.Window),
		Do:         u.do,
		Background: u.goBackground,
		ShowError:  u.showError,
		Colours:    func() []data.Colour { return u.colours },
		Articles:   func() []data.ArticleSummary { return u.articles },
		TagsRead:   func(tags []string) { u.tags = tags },
		ShowResults: func(on bool) {
			if u.left == nil {
				return
			}
			lib, res := u.left.Objects[0], u.left.Objects[1]
			if on {
				u.showLibraryTab()
				lib.Hide()
				res.Show()
			} else {
				res.Hide()
				lib.Show()
			}
		},
		ResultsShown: func() bool { return u.left != nil && u.left.Objects[1].Visible() },
		OpenResult:   u.openResult,
		ClearMatches: func() { u.Reader.setMatches(-1, nil) },
		Keys:         u,
	}
}

// openResult shows a search result in the reader: its article, the
// passage scrolled into view with the matched words marked, and its notes.
func (u *UI) openResult(h sqlite.SearchResult) {
	if u.Reader.article.ID != h.Article {
		u.openArticle(h.Article)
	}
	row, ok := u.Reader.byID[h.PassageID]
	if !ok {
		return
	}
	var matches [][2]int
	if h.In != "note" {
		matches = h.Matches
	}
	u.Reader.setMatches(row, matches)
	u.Reader.scrollToRow(row)
	u.Reader.setCurrent(row)
}

// libraryHooks wires the library sidebar to the window.
func (u *UI) libraryHooks() libraryHooks {
	return libraryHooks{
		Open:    func(id int64) { u.Reader.open(id) },
		Current: func() int64 { return u.Reader.article.ID },
		Keys:    u,
	}
}

// toolbarHooks wires the toolbar to the reader and the notes.
func (u *UI) toolbarHooks() toolbarHooks {
	return toolbarHooks{
		Colours:         func() []data.Colour { return u.colours },
		Highlight:       u.highlight,
		RemoveHighlight: u.removeHighlightAtTarget,
		AddNote:         func() { u.Notes.addNote() },
		EditLegend:      u.showLegendEditor,
		Relayout:        u.relayout,
		Tips:            u,
	}
}

// studyAidHooks wires the Timeline and People views to the window.
func (u *UI) studyAidHooks() studyAidHooks {
	return studyAidHooks{
		OpenRef:  u.openRef,
		RefLabel: u.refLabel,
		AskText: func(title, field, value string, done func(string)) {
			u.askText(title, field, value, done)
		},
		Correct: u.correct,
		FixEvent: func(c glance.Case, e casefacts.Event, action, value string) {
			u.saveCorrection(func(ctx context.Context) error {
				_, err := glance.FixEvent(ctx, u.lib, c, e, action, value)
				return err
			})
		},
		ShowError: u.showError,
	}
}

// outlineHooks wires the outline panel to the window.
func (u *UI) outlineHooks() outlineHooks {
	return outlineHooks{
		Canvas:   canvasOf(u.Window),
		Do:       u.do,
		Debounce: u.opts.NoteDebounce,
		Write: func(lane string, run func(ctx context.Context) error, done func(error)) {
			u.writes.submit(lane, run, done)
		},
		ShowError: u.showError,
		ShowInfo:  u.showInfo,
		AskText: func(title, field, value string, done func(string)) {
			u.askText(title, field, value, done)
		},
		Confirm: func(title, msg string, yes func()) { u.confirm(title, msg, yes) },
		ShowForm: func(title, confirm, dismiss string, items []*widget.FormItem, done func(bool)) {
			dialog.ShowForm(title, confirm, dismiss, items, done, u.Window)
		},
		Export: func() {
			u.showExport()
			if d := u.exportDialog; d != nil {
				d.Scope.SetSelectedIndex(scopeOutline)
			}
		},
		Reveal: func() {
			if u.sideTabs != nil {
				u.sideTabs.SelectIndex(1)
			}
		},
		OpenPassage: func(articleID, passageID int64) {
			u.openArticle(articleID)
			u.openPassage(articleID, passageID)
		},
		KnownArticle: func(id int64) (data.Article, bool) {
			a, ok := u.articleSummary(id)
			return a.Article, ok
		},
		CiteStyle: u.citeStyle,
	}
}

// addToOutline places the reader's selection (a highlight under it) or
// current passage in the outline's current section.
func (u *UI) addToOutline() {
	if item, ok := u.Reader.outlineTarget(-1); ok {
		u.Outline.addHere(item)
	}
}
