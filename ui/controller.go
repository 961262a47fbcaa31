package ui

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/casebookapp/casebook/data"
)

// UI is the controller of the window: it builds each component on its
// store and wires the component's hooks to the others here. The moves
// between components (a note opens its passage in the reader, the reader's
// current passage shows its notes) are made in these functions, not by the
// components.

// readerHooks wires the reader to the window.
func (u *UI) readerHooks() readerHooks {
	return readerHooks{
		canvas:    canvasOf(u.Window),
		do:        u.do,
		colours:   func() []data.Colour { return u.colours },
		showError: u.showError,
		copy:      func(s string) { u.app.Clipboard().SetContent(s) },
		leaving:   func() { u.notes.flush() },
		opened: func(a data.Article) {
			u.notes.showPassage(nil)
			if a.ID != 0 {
				u.rememberState()
			}
		},
		currentChanged: func(p *data.Passage) {
			// A note that lost its place stays in the notes panel while
			// the student picks the words to attach it to.
			if u.notes.orphan == nil {
				u.notes.showPassage(p)
			}
		},
		otherKey:         u.typedKey,
		editDetails:      u.showMetaEditor,
		openSource:       u.openSource,
		highlight:        u.highlight,
		recolour:         u.recolourHighlight,
		removeHighlight:  u.removeHighlight,
		addNote:          func() { u.notes.addNote() },
		copyWithCitation: func() { u.copyAction(true) },
		addToTimeline:    u.showAddToTimeline,
		outlineMenu: func(row, off int) []*fyne.MenuItem {
			return u.outline.menuItems(func() (data.NewItem, bool) { return u.reader.outlineTargetAt(row, off) })
		},
		dropPassage: func(id int64, at fyne.Position) { u.outline.dropPassage(id, at) },
		tips:        u,
		fit:         u,
	}
}

// editorHooks wires a panel that saves typed text to the window's write
// queue, dialogs and debounce.
func (u *UI) editorHooks() editorHooks {
	return editorHooks{
		canvas:   canvasOf(u.Window),
		do:       u.do,
		debounce: u.opts.noteDebounce,
		write: func(lane string, run func(ctx context.Context) error, done func(error)) {
			u.writes.submit(lane, run, done)
		},
		showError: u.showError,
		showInfo:  u.showInfo,
	}
}

// notesHooks wires the notes panel to the window.
func (u *UI) notesHooks() notesHooks {
	return notesHooks{
		editorHooks: u.editorHooks(),
		target:      func() (passageSpan, bool) { return u.reader.Target() },
		showPassage: func(id int64, again bool) {
			u.reader.showPassage(id, again)
		},
		clearSelection: func() { u.reader.clearSelection() },
		openNote:       u.openNote,
		articleTitle: func(id int64) (string, bool) {
			a, ok := u.articleSummary(id)
			return displayTitle(a.Article), ok
		},
		changed:     u.annotationsChanged,
		tagsChanged: func() { u.search.filtersChanged() },
		pushUndo:    u.undo.push,
		undo: func(step int) bool {
			st, ok := u.undo.remove(step)
			if ok {
				u.runUndo(st)
			}
			return ok
		},
		tags:       func() []string { return u.tags },
		refocusing: func() bool { return u.refocusing },
		keys:       u,
		tips:       u,
		fit:        u,
	}
}

// openNote shows a note's passage in the reader and its card. A note that
// lost its place opens its article and shows the note alone, to edit,
// delete or attach to new words.
func (u *UI) openNote(n data.Note) {
	if n.Orphan() {
		if _, ok := u.articleSummary(n.ArticleID); ok && u.reader.article.ID != n.ArticleID {
			u.openArticle(n.ArticleID)
		}
		u.notes.showOrphan(n)
		return
	}
	if u.openPassage(n.ArticleID, n.PassageID) {
		u.notes.content.SelectIndex(0)
	}
}

// highlightsHooks wires the highlights panel to the window.
func (u *UI) highlightsHooks() highlightsHooks {
	return highlightsHooks{
		showError:   u.showError,
		colours:     func() []data.Colour { return u.colours },
		articles:    func() []data.ArticleSummary { return u.articles },
		openPassage: func(article, passage int64) { u.openPassage(article, passage) },
		retitled: func() {
			if u.notes != nil {
				u.notes.content.Refresh()
			}
		},
		keys: u,
	}
}

// openPassage shows a passage of an article in the reader, scrolled to
// and current. It reports whether the article has the passage.
func (u *UI) openPassage(articleID, passageID int64) bool {
	if u.reader.article.ID != articleID {
		u.openArticle(articleID)
	}
	row, ok := u.reader.byID[passageID]
	if ok {
		u.reader.scrollToRow(row)
		u.reader.setCurrent(row)
	}
	return ok
}

// searchHooks wires the search bar to the window.
func (u *UI) searchHooks() searchHooks {
	return searchHooks{
		canvas:     canvasOf(u.Window),
		do:         u.do,
		background: u.goBackground,
		showError:  u.showError,
		colours:    func() []data.Colour { return u.colours },
		articles:   func() []data.ArticleSummary { return u.articles },
		tagsRead:   func(tags []string) { u.tags = tags },
		showResults: func(on bool) {
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
		resultsShown: func() bool { return u.left != nil && u.left.Objects[1].Visible() },
		openResult:   u.openResult,
		clearMatches: func() { u.reader.setMatches(-1, nil) },
		keys:         u,
	}
}

// openResult shows a search result in the reader: its article, the
// passage scrolled into view with the matched words marked, and its notes.
func (u *UI) openResult(h data.SearchResult) {
	if u.reader.article.ID != h.Article {
		u.openArticle(h.Article)
	}
	row, ok := u.reader.byID[h.PassageID]
	if !ok {
		return
	}
	var matches [][2]int
	if h.In != "note" {
		matches = h.Matches
	}
	u.reader.setMatches(row, matches)
	u.reader.scrollToRow(row)
	u.reader.setCurrent(row)
}

// libraryHooks wires the library sidebar to the window.
func (u *UI) libraryHooks() libraryHooks {
	return libraryHooks{
		open:    func(id int64) { u.reader.open(id) },
		current: func() int64 { return u.reader.article.ID },
		keys:    u,
	}
}

// toolbarHooks wires the toolbar to the reader and the notes.
func (u *UI) toolbarHooks() toolbarHooks {
	return toolbarHooks{
		colours:         func() []data.Colour { return u.colours },
		highlight:       u.highlight,
		removeHighlight: u.removeHighlightAtTarget,
		addNote:         func() { u.notes.addNote() },
		editLegend:      u.showLegendEditor,
		relayout:        u.relayout,
		tips:            u,
	}
}

// studyAidsHooks wires the study aids (the Timeline and People views) to
// the window.
func (u *UI) studyAidsHooks() studyAidsHooks {
	return studyAidsHooks{
		openRef:  u.openRef,
		refLabel: u.refLabel,
		askText: func(title, field, value string, done func(string)) {
			u.askText(title, field, value, done)
		},
		showError:    u.showError,
		do:           u.do,
		goBackground: u.goBackground,
		articles:     func() []data.ArticleSummary { return u.articles },
		write:        u.writes.submit,
	}
}

// outlineHooks wires the outline panel to the window.
func (u *UI) outlineHooks() outlineHooks {
	return outlineHooks{
		editorHooks: u.editorHooks(),
		askText: func(title, field, value string, done func(string)) {
			u.askText(title, field, value, done)
		},
		confirm: func(title, msg string, yes func()) { u.confirm(title, msg, yes) },
		showForm: func(title, confirm, dismiss string, items []*widget.FormItem, done func(bool)) {
			dialog.ShowForm(title, confirm, dismiss, items, done, u.Window)
		},
		export: func() {
			u.showExport()
			if d := u.exportDialog; d != nil {
				d.scope.SetSelectedIndex(scopeOutline)
			}
		},
		reveal: func() {
			if u.sideTabs != nil {
				u.sideTabs.SelectIndex(1)
			}
		},
		openPassage: func(articleID, passageID int64) {
			u.openArticle(articleID)
			u.openPassage(articleID, passageID)
		},
		knownArticle: func(id int64) (data.Article, bool) {
			a, ok := u.articleSummary(id)
			return a.Article, ok
		},
		citeStyle: u.citeStyle,
	}
}

// addToOutline places the reader's selection (a highlight under it) or
// current passage in the outline's current section.
func (u *UI) addToOutline() {
	if item, ok := u.reader.outlineTarget(-1); ok {
		u.outline.addHere(item)
	}
}
