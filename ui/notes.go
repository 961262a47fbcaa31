package ui

import (
	"context"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/casebookapp/casebook/data"
	"github.com/casebookapp/casebook/internal/text"
)

// notesPanel shows the notes of the current passage, editable in place and
// saved as the user types, and the list of all notes. A note that lost its
// place when its article's text changed (an orphan) is in that list,
// marked; opened, it can be edited, deleted, or attached to new words.
type notesPanel struct {
	store   noteStore
	ctx     context.Context
	hooks   notesHooks
	content *wrapTabs

	passage *data.Passage
	heading *widget.Label
	quote   *mutedLabel
	addBtn  *keyButton
	cards   *fyne.Container
	empty   *fyne.Container
	undoBar *fyne.Container
	undoMsg *widget.Label
	undoBtn *widget.Button
	// undoStep is the undo step of the note the bar offers to restore.
	undoStep int

	// Cards are the editors of the current passage's notes, in order.
	Cards []*noteCard

	All *widget.List
	all []data.Note
	// orphan is the note that lost its place shown in the Passage tab,
	// instead of a passage's notes (nil when none is).
	orphan *data.Note
	allTab *container.TabItem
}

// newNotesPanel builds the notes panel on a store; ctx bounds its reads.
func newNotesPanel(store noteStore, ctx context.Context, hooks notesHooks) *notesPanel {
	hooks.fill()
	p := &notesPanel{store: store, ctx: ctx, hooks: hooks}
	u := hooks.keys
	p.heading = widget.NewLabelWithStyle("Notes", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	// In a narrow panel or at large text, "Notes on the caption" wraps
	// beside Add note, between words, or Add note goes under it;
	// truncated, it showed "No…".
	p.quote = newMutedLabel("").italic()
	p.addBtn = newKeyButton(u, "Add note", theme.ContentAddIcon(), func() { p.addNote() })
	p.addBtn.Importance = widget.HighImportance
	p.cards = container.NewVBox()
	p.empty = emptyState("No passage chosen", "Click a passage in the reader to see its notes. Ctrl+N writes a new one.")
	p.undoMsg = widget.NewLabel("")
	p.undoBtn = widget.NewButtonWithIcon("Undo", theme.ContentUndoIcon(), func() { p.undoDelete() })
	p.undoBar = container.NewBorder(nil, nil, nil, p.undoBtn, p.undoMsg)
	p.undoBar.Hide()

	top := container.NewVBox(newBesideOrUnder(fitWords(p.heading), p.addBtn.ring.around(p.addBtn), hooks.fit.relayout), p.quote)
	passageTab := container.NewBorder(hooks.fit.upTo(top, 0.3), p.undoBar, nil, nil,
		container.NewStack(container.NewVScroll(p.cards), p.empty))

	p.All = p.noteList(&p.all)
	p.allTab = container.NewTabItem("All notes", container.NewStack(p.All))
	p.content = newWrapTabs(container.NewTabItem("Passage", passageTab), p.allTab)
	p.showPassage(nil)
	p.refreshLists()
	return p
}

// noteList lists notes from the whole library; a tap opens the passage.
func (p *notesPanel) noteList(notes *[]data.Note) *widget.List {
	l := widget.NewList(
		func() int { return len(*notes) },
		func() fyne.CanvasObject {
			where := widget.NewLabel("where")
			where.TextStyle.Bold = true
			where.Truncation = fyne.TextTruncateEllipsis
			body := widget.NewLabel("body")
			body.Truncation = fyne.TextTruncateEllipsis
			extra := newMutedLabel("tags").caption().truncated()
			return container.New(&tightVBox{gap: -10}, where, body, extra)
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			if i >= len(*notes) {
				return
			}
			n := (*notes)[i]
			objs := o.(*fyne.Container).Objects
			objs[0].(*widget.Label).SetText(p.noteWhere(n))
			body := firstLine(n.Body)
			if body == "" {
				body = "(empty note)"
			}
			objs[1].(*widget.Label).SetText(body)
			extra := "“" + text.Clip(n.Quote, 60) + "”"
			if len(n.Tags) > 0 {
				extra = "#" + strings.Join(n.Tags, " #") + "  ·  " + extra
			}
			if n.From != "" {
				extra = "From " + n.From + "  ·  " + extra
			}
			objs[2].(*mutedLabel).SetText(extra)
		})
	l.OnSelected = func(i widget.ListItemID) {
		l.Unselect(i)
		if i < len(*notes) {
			p.hooks.openNote((*notes)[i])
		}
	}
	return l
}

// noteWhere says where a note belongs: "Article title · para. 4".
func (p *notesPanel) noteWhere(n data.Note) string {
	title := fmt.Sprintf("Article %d", n.ArticleID)
	if t, ok := p.hooks.articleTitle(n.ArticleID); ok {
		title = t
	}
	if n.Orphan() {
		return "⚠ Place lost · " + title
	}
	if n.Para > 0 {
		return title + " · para. " + fmt.Sprint(n.Para)
	}
	return title
}

func firstLine(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = s[:i]
	}
	return s
}

// refreshLists reloads the list of all notes, the orphans last.
func (p *notesPanel) refreshLists() {
	all, err := p.store.Notes(p.ctx, data.NoteFilter{})
	if err != nil {
		p.hooks.showError(err)
		return
	}
	p.all = all
	p.allTab.Text = fmt.Sprintf("All notes (%d)", len(p.all))
	p.All.Refresh()
	p.content.Refresh()
}

// showPassage shows the notes of a passage, or an empty state for nil.
func (p *notesPanel) showPassage(ps *data.Passage) {
	p.flush()
	if ps == nil || p.passage == nil || ps.ID != p.passage.ID {
		// The bar speaks of a note of the passage it was deleted from.
		p.hideUndoBar()
	}
	// A card going away does not keep the focus (Ctrl+Z would go to it).
	if c := p.hooks.canvas(); c != nil && p.owns(c.Focused()) && c.Focused() != p.addBtn {
		c.Unfocus()
	}
	p.passage = ps
	p.orphan = nil
	p.Cards = nil
	p.cards.Objects = nil
	if ps == nil {
		p.heading.SetText("Notes")
		p.quote.SetText("")
		p.quote.Hide()
		p.addBtn.Disable()
		p.empty.Show()
		p.cards.Refresh()
		return
	}
	if ps.N > 0 {
		p.heading.SetText(fmt.Sprintf("Notes on ¶ %d", ps.N))
	} else {
		p.heading.SetText("Notes on the " + string(ps.Kind))
	}
	p.quote.SetText(quoted(text.Clip(ps.Text, 140)))
	p.quote.Show()
	p.addBtn.Enable()
	p.empty.Hide()
	notes, err := p.store.Notes(p.ctx, data.NoteFilter{PassageID: ps.ID})
	if err != nil {
		p.hooks.showError(err)
		return
	}
	for _, n := range notes {
		p.addCard(newNoteCard(p, n, data.NewNote{}))
	}
	if len(notes) == 0 {
		hint := newMutedLabel("No notes on this passage yet. Add one with the button above or Ctrl+N; it saves itself as you type.")
		p.cards.Objects = append(p.cards.Objects, hint)
	}
	p.cards.Refresh()
}

// refreshPassage reloads the current passage's notes (after an undo).
func (p *notesPanel) refreshPassage() {
	if p.passage != nil {
		ps := *p.passage
		p.showPassage(&ps)
	}
}

func (p *notesPanel) addCard(c *noteCard) {
	p.Cards = append(p.Cards, c)
	// The hint about an empty passage goes when the first note comes.
	if len(p.cards.Objects) == 1 {
		if _, ok := p.cards.Objects[0].(*mutedLabel); ok {
			p.cards.Objects = nil
		}
	}
	p.cards.Objects = append(p.cards.Objects, c.box)
	p.cards.Refresh()
}

// addNote starts a new note on the selection, or on the current passage.
// It is stored as soon as it has some text.
func (p *notesPanel) addNote() *noteCard {
	t, ok := p.hooks.target()
	if !ok {
		p.hooks.showInfo("Choose a passage first", "Click a passage in the reader (or select some words in it), then add a note.")
		return nil
	}
	if p.passage == nil || p.passage.ID != t.passage.ID {
		p.hooks.showPassage(t.passage.ID, false)
	}
	p.content.SelectIndex(0)
	draft := data.NewNote{PassageID: t.passage.ID}
	if !t.whole() {
		draft.Start, draft.End = t.start, t.end
	}
	c := newNoteCard(p, data.Note{}, draft)
	p.addCard(c)
	if cv := p.hooks.canvas(); cv != nil {
		cv.Focus(c.editor)
	}
	return c
}

// replaceInLists shows an edited note in the lists of notes in place.
func (p *notesPanel) replaceInLists(n data.Note) {
	for _, l := range []struct {
		notes []data.Note
		list  *widget.List
	}{{p.all, p.All}} {
		for i := range l.notes {
			if l.notes[i].ID == n.ID {
				l.notes[i] = n
				l.list.RefreshItem(i)
				return
			}
		}
	}
}

// undoDelete restores the note the bar speaks of, whatever was done since,
// and takes its step off the undo stack.
func (p *notesPanel) undoDelete() {
	if !p.hooks.undo(p.undoStep) {
		p.hideUndoBar()
	}
}

// hideUndoBar hides the "Note deleted" bar.
func (p *notesPanel) hideUndoBar() {
	p.undoStep = 0
	p.undoBar.Hide()
}

// owns reports whether a focused widget is part of the notes panel.
func (p *notesPanel) owns(f fyne.Focusable) bool {
	if f == p.addBtn {
		return true
	}
	for _, c := range p.Cards {
		if f == c.editor || f == c.tags || f == c.Delete {
			return true
		}
	}
	return false
}

// focus gives the keyboard to the notes of the current passage: its first
// note, or the Add note button.
func (p *notesPanel) focus() {
	p.content.SelectIndex(0)
	if len(p.Cards) > 0 {
		p.Cards[0].edit()
	} else if c := p.hooks.canvas(); c != nil && !p.addBtn.Disabled() {
		c.Focus(p.addBtn)
	}
}

// showOrphan shows a note that lost its place, with the words it was on
// and a button that attaches it to the reader's selection or passage.
func (p *notesPanel) showOrphan(n data.Note) {
	p.showPassage(nil)
	p.orphan = &n
	p.content.SelectIndex(0)
	p.empty.Hide()
	p.heading.SetText("A note that lost its place")
	p.quote.SetText("It was on " + quoted(text.Clip(n.Quote, 140)) + ". Select the words it belongs to in the reader (or click a passage), then Attach here.")
	p.quote.Show()
	c := newNoteCard(p, n, data.NewNote{})
	c.Attach = widget.NewButtonWithIcon("Attach here", theme.MailAttachmentIcon(), func() { c.attach() })
	c.Attach.Importance = widget.HighImportance
	c.box.Objects = append([]fyne.CanvasObject{c.Attach}, c.box.Objects...)
	p.addCard(c)
}

// flush saves every note being edited, at once.
func (p *notesPanel) flush() {
	for _, c := range p.Cards {
		c.saveNow()
	}
}

// quoted puts text between quotation marks, unless it already opens with
// one (a passage that is itself a quotation).
func quoted(s string) string {
	if strings.HasPrefix(s, "“") || strings.HasPrefix(s, "\"") {
		return s
	}
	return "“" + s + "”"
}
