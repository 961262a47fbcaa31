package ui

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"sync/atomic"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/casebookapp/casebook/data"
	"github.com/casebookapp/casebook/internal/text"
)

// NotesPanel shows the notes of the current passage, editable in place and
// saved as the user types, and the list of all notes. A note that lost its
// place when its article's text changed (an orphan) is in that list,
// marked; opened, it can be edited, deleted, or attached to new words.
type NotesPanel struct {
	u       *UI
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
	Cards []*NoteCard

	All *widget.List
	all []data.Note
	// orphan is the note that lost its place shown in the Passage tab,
	// instead of a passage's notes (nil when none is).
	orphan *data.Note
	allTab *container.TabItem
}

// NoteCard edits one note: its Markdown text, its tags, and shows when it was
// created and last saved.
type NoteCard struct {
	p      *NotesPanel
	note   data.Note // ID 0 until the first save
	draft  data.NewNote
	Editor *noteEntry
	// Preview shows the note's Markdown rendered while it is not edited.
	Preview *notePreview
	Tags    *noteEntry
	// TagHints completes the tag being typed from the library's tags.
	TagHints *fyne.Container
	// Grow makes the editor large.
	Grow   *tipButton
	large  bool
	rows   int
	status *mutedLabel
	Delete *tipButton
	// Attach puts a note that lost its place on new words.
	Attach *widget.Button
	box    *fyne.Container
	timer  *time.Timer
	// due is when typing will have paused long enough for a save.
	due   time.Time
	dirty bool
	// saving counts this note's writes queued and not yet done.
	saving int
	// id is the note's id as its write lane knows it: set by the write
	// that added the note, read by the writes after it.
	id atomic.Int64
}

// noteEntry is an Entry that reports losing the focus, so that a note is
// saved as soon as the user clicks elsewhere.
type noteEntry struct {
	widget.Entry
	u           *UI
	onFocusLost func()
}

func newNoteEntry(u *UI, multi bool) *noteEntry {
	e := &noteEntry{u: u}
	e.MultiLine = multi
	if multi {
		e.Wrapping = fyne.TextWrapWord
		e.SetMinRowsVisible(4)
	}
	e.ExtendBaseWidget(e)
	return e
}

// TypedKey implements fyne.Focusable: Escape goes back to the reader, F6
// to the next pane.
func (e *noteEntry) TypedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeyEscape:
		if e.u != nil {
			e.u.Reader.Focus()
		}
	case fyne.KeyF6:
		if e.u != nil {
			e.u.cycleFocus()
		}
	default:
		e.Entry.TypedKey(ev)
	}
}

// AcceptsTab implements fyne.Tabbable: Tab moves from the note's text to
// its tags, as in a form; Ctrl+Tab types a tab.
func (e *noteEntry) AcceptsTab() bool { return false }

// TypedShortcut implements fyne.Shortcutable: Ctrl+Tab types a tab in the
// note's text.
func (e *noteEntry) TypedShortcut(s fyne.Shortcut) {
	if cs, ok := s.(*desktop.CustomShortcut); ok && cs.KeyName == fyne.KeyTab && cs.Modifier == fyne.KeyModifierControl {
		if e.MultiLine {
			e.TypedRune('\t')
		}
		return
	}
	e.Entry.TypedShortcut(s)
}

// FocusLost implements fyne.Focusable.
func (e *noteEntry) FocusLost() {
	e.Entry.FocusLost()
	if e.onFocusLost != nil {
		e.onFocusLost()
	}
}

func newNotesPanel(u *UI) *NotesPanel {
	p := &NotesPanel{u: u}
	p.heading = widget.NewLabelWithStyle("Notes", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	// In a narrow panel or at large text, "Notes on the caption" wraps
	// beside Add note, between words, or Add note goes under it;
	// truncated, it showed "No…".
	p.quote = newMutedLabel("").italic()
	p.addBtn = newKeyButton(u, "Add note", theme.ContentAddIcon(), func() { p.AddNote() })
	p.addBtn.Importance = widget.HighImportance
	p.cards = container.NewVBox()
	p.empty = emptyState("No passage chosen", "Click a passage in the reader to see its notes. Ctrl+N writes a new one.")
	p.undoMsg = widget.NewLabel("")
	p.undoBtn = widget.NewButtonWithIcon("Undo", theme.ContentUndoIcon(), func() { p.undoDelete() })
	p.undoBar = container.NewBorder(nil, nil, nil, p.undoBtn, p.undoMsg)
	p.undoBar.Hide()

	top := container.NewVBox(newBesideOrUnder(fitWords(p.heading), p.addBtn.ring.around(p.addBtn), u.relayout), p.quote)
	passageTab := container.NewBorder(u.upTo(top, 0.3), p.undoBar, nil, nil,
		container.NewStack(container.NewVScroll(p.cards), p.empty))

	p.All = p.noteList(&p.all)
	p.allTab = container.NewTabItem("All notes", container.NewStack(p.All))
	p.content = newWrapTabs(container.NewTabItem("Passage", passageTab), p.allTab)
	p.showPassage(nil)
	p.refreshLists()
	return p
}

// noteList lists notes from the whole library; a tap opens the passage.
func (p *NotesPanel) noteList(notes *[]data.Note) *widget.List {
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
			p.u.openNote((*notes)[i])
		}
	}
	return l
}

// noteWhere says where a note belongs: "Article title · para. 4".
func (p *NotesPanel) noteWhere(n data.Note) string {
	title := fmt.Sprintf("Article %d", n.ArticleID)
	if a, ok := p.u.articleSummary(n.ArticleID); ok {
		title = displayTitle(a.Article)
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
func (p *NotesPanel) refreshLists() {
	all, err := p.u.lib.Notes(p.u.ctx, data.NoteFilter{})
	if err != nil {
		p.u.showError(err)
		return
	}
	p.all = all
	p.allTab.Text = fmt.Sprintf("All notes (%d)", len(p.all))
	p.All.Refresh()
	p.content.Refresh()
}

// showPassage shows the notes of a passage, or an empty state for nil.
func (p *NotesPanel) showPassage(ps *data.Passage) {
	p.flush()
	if ps == nil || p.passage == nil || ps.ID != p.passage.ID {
		// The bar speaks of a note of the passage it was deleted from.
		p.hideUndoBar()
	}
	// A card going away does not keep the focus (Ctrl+Z would go to it).
	if c := p.u.Window.Canvas(); c != nil && p.owns(c.Focused()) && c.Focused() != p.addBtn {
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
	notes, err := p.u.lib.Notes(p.u.ctx, data.NoteFilter{PassageID: ps.ID})
	if err != nil {
		p.u.showError(err)
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
func (p *NotesPanel) refreshPassage() {
	if p.passage != nil {
		ps := *p.passage
		p.showPassage(&ps)
	}
}

func (p *NotesPanel) addCard(c *NoteCard) {
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

// AddNote starts a new note on the selection, or on the current passage.
// It is stored as soon as it has some text.
func (p *NotesPanel) AddNote() *NoteCard {
	r := p.u.Reader
	row, s, e, ok := r.target()
	if !ok {
		p.u.showInfo("Choose a passage first", "Click a passage in the reader (or select some words in it), then add a note.")
		return nil
	}
	ps := r.rows[row].passage
	if p.passage == nil || p.passage.ID != ps.ID {
		r.setCurrent(row)
	}
	p.content.SelectIndex(0)
	draft := data.NewNote{PassageID: ps.ID}
	if s > 0 || e < len(r.rows[row].text) {
		draft.Start, draft.End = s, e
	}
	c := newNoteCard(p, data.Note{}, draft)
	p.addCard(c)
	if cv := p.u.Window.Canvas(); cv != nil {
		cv.Focus(c.Editor)
	}
	return c
}

func newNoteCard(p *NotesPanel, n data.Note, draft data.NewNote) *NoteCard {
	c := &NoteCard{p: p, note: n, draft: draft}
	c.id.Store(n.ID)
	c.Editor = newNoteEntry(p.u, true)
	c.Editor.SetPlaceHolder("Write a note (Markdown). It saves itself.")
	c.Editor.SetText(n.Body)
	c.Tags = newNoteEntry(p.u, false)
	// Short enough to be read whole in the notes panel at 1280 px.
	c.Tags.SetPlaceHolder("Tags, by commas (or #tag in the note)")
	c.Tags.SetText(strings.Join(n.Tags, ", "))
	c.Editor.OnChanged = func(string) { c.changed(); c.fitEditor() }
	c.Tags.OnChanged = func(string) { c.changed(); c.suggestTags() }
	c.Editor.onFocusLost = func() { c.saveNow(); c.preview() }
	c.Tags.onFocusLost = c.saveNow
	c.Preview = newNotePreview(c.edit)
	c.Preview.Hide()
	c.TagHints = newTagHints()
	c.Grow = newTipButton(p.u, "", theme.ViewFullScreenIcon(), "Make the editor large", func() { c.toggleLarge() })
	c.Grow.Importance = widget.LowImportance
	c.status = newMutedLabel("").caption()
	c.Delete = newTipButton(p.u, "", theme.DeleteIcon(), "Delete this note (Ctrl+Z brings it back)", func() { c.delete() })
	c.Delete.Importance = widget.LowImportance
	var quote fyne.CanvasObject = layoutSpacer(0)
	if q := c.quoteText(); q != "" {
		quote = newMutedLabel("on “" + text.Clip(q, 90) + "”").italic()
	}
	c.showStatus()
	c.box = container.NewVBox(
		quote,
		c.Editor,
		c.Preview,
		c.Tags,
		c.TagHints,
		container.NewBorder(nil, nil, nil, container.NewHBox(c.Grow, c.Delete), c.status),
		widget.NewSeparator(),
	)
	c.fitEditor()
	// A saved note shows rendered; a new one opens for writing.
	if n.ID != 0 {
		c.preview()
	}
	return c
}

// quoteText is the span the note is attached to, when it is not the whole
// passage.
func (c *NoteCard) quoteText() string {
	ps := c.p.passage
	if ps == nil {
		return ""
	}
	n := len([]rune(ps.Text))
	s, e := c.note.Start, c.note.End
	if c.note.ID == 0 {
		s, e = c.draft.Start, c.draft.End
	}
	if e == 0 || (s == 0 && e == n) || e > n {
		return ""
	}
	return string([]rune(ps.Text)[s:e])
}

func (c *NoteCard) changed() {
	if c.note.ID != 0 && c.Editor.Text == c.note.Body && c.Tags.Text == strings.Join(c.note.Tags, ", ") {
		return
	}
	if !c.dirty {
		c.dirty = true
		c.status.SetText("Editing…")
	}
	wait := c.p.u.opts.NoteDebounce
	c.due = time.Now().Add(wait)
	if c.timer == nil {
		c.timer = time.AfterFunc(wait, func() { c.p.u.do(c.debounced) })
	} else {
		c.timer.Reset(wait)
	}
}

// debounced saves the note once typing has paused. A timer that fired just
// before a keystroke reset it finds the note not due yet, and leaves the
// save to the reset timer.
func (c *NoteCard) debounced() {
	if c.dirty && !time.Now().Before(c.due) {
		c.saveNow()
	}
}

// lane is the write lane of this note: its saves and its deletion run in
// order.
func (c *NoteCard) lane() string { return fmt.Sprintf("note %p", c) }

// saveNow queues a save of the note if it changed: the first time with
// AddNote, then with UpdateNote. The note says "Saving…" until it is saved.
func (c *NoteCard) saveNow() {
	if c.timer != nil {
		c.timer.Stop()
	}
	if !c.dirty {
		return
	}
	u := c.p.u
	// Commas separate tags; a #tag in the text is one too.
	body := c.Editor.Text
	tags := data.NormaliseTags(append(strings.Split(c.Tags.Text, ","), data.HashTags(body)...))
	if c.note.ID == 0 && c.saving == 0 && strings.TrimSpace(body) == "" {
		return // nothing to keep yet
	}
	draft := c.draft
	c.dirty = false
	c.saving++
	c.status.SetText("Saving…")
	var n data.Note
	u.writes.submit(c.lane(), func(ctx context.Context) (err error) {
		if id := c.id.Load(); id != 0 {
			n, err = u.lib.UpdateNote(ctx, id, body, tags)
			return err
		}
		if strings.TrimSpace(body) == "" {
			return nil // emptied before its first save: nothing to keep
		}
		draft.Body, draft.Tags = body, tags
		n, err = u.lib.AddNote(ctx, draft)
		if err == nil {
			c.id.Store(n.ID)
		}
		return err
	}, func(err error) { c.saved(n, err) })
}

// saved shows the result of a save, on the UI goroutine.
func (c *NoteCard) saved(n data.Note, err error) {
	u := c.p.u
	c.saving--
	if err != nil {
		// Kept in the editor, and saved again with the next change or
		// when the note loses the focus.
		c.dirty = true
		c.status.SetText("Not saved: " + data.ErrorMessage(err))
		return
	}
	if n.ID == 0 {
		c.showStatus()
		return
	}
	old := c.note
	c.note = n
	if c.saving == 0 && !c.dirty {
		c.showStatus()
	}
	switch {
	case old.ID == 0:
		// A new note: counts, markers, lists and the tag filter change.
		u.annotationsChanged()
	case !slices.Equal(old.Tags, n.Tags):
		c.p.replaceInLists(n)
		u.Search.filtersChanged()
	default:
		c.p.replaceInLists(n)
	}
}

// replaceInLists shows an edited note in the lists of notes in place.
func (p *NotesPanel) replaceInLists(n data.Note) {
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

func (c *NoteCard) showStatus() {
	n := c.note
	if n.ID == 0 {
		c.status.SetText("New note: saved when you write something")
		return
	}
	s := "Created " + n.CreatedAt.Local().Format("2 Jan 2006, 15:04")
	if n.From != "" {
		s = "From " + n.From + " · " + s
	}
	if n.UpdatedAt.Sub(n.CreatedAt) > time.Second {
		s += " · saved " + n.UpdatedAt.Local().Format("15:04")
	} else {
		s += " · saved"
	}
	c.status.SetText(s)
}

// delete removes the note; Undo (Ctrl+Z or the bar's button) restores it.
func (c *NoteCard) delete() {
	p, u := c.p, c.p.u
	if c.timer != nil {
		c.timer.Stop()
	}
	c.dirty = false
	if c.note.ID != 0 || c.saving > 0 {
		// After the note's own saves, in its lane: it has an id by then.
		var id int64
		u.writes.submit(c.lane(), func(ctx context.Context) error {
			id = c.id.Load()
			if id == 0 {
				return nil
			}
			return u.lib.DeleteNote(ctx, id)
		}, func(err error) {
			if err != nil {
				u.showError(err)
				return
			}
			if id == 0 {
				return
			}
			p.undoStep = u.undo.push("delete note", func(ctx context.Context) error { return u.lib.RestoreNote(ctx, id) })
			p.undoMsg.SetText("Note deleted.")
			p.undoBar.Show()
			u.annotationsChanged()
		})
	}
	if f := u.Window.Canvas().Focused(); f == c.Editor || f == c.Tags {
		u.Window.Canvas().Unfocus()
	}
	for i, k := range p.Cards {
		if k == c {
			p.Cards = append(p.Cards[:i:i], p.Cards[i+1:]...)
		}
	}
	for i, o := range p.cards.Objects {
		if o == c.box {
			p.cards.Objects = append(p.cards.Objects[:i:i], p.cards.Objects[i+1:]...)
			break
		}
	}
	p.cards.Refresh()
	u.annotationsChanged()
}

// undoDelete restores the note the bar speaks of, whatever was done since,
// and takes its step off the undo stack.
func (p *NotesPanel) undoDelete() {
	st, ok := p.u.undo.remove(p.undoStep)
	if !ok {
		p.hideUndoBar()
		return
	}
	p.u.runUndo(st)
}

// hideUndoBar hides the "Note deleted" bar.
func (p *NotesPanel) hideUndoBar() {
	p.undoStep = 0
	p.undoBar.Hide()
}

// owns reports whether a focused widget is part of the notes panel.
func (p *NotesPanel) owns(f fyne.Focusable) bool {
	if f == p.addBtn {
		return true
	}
	for _, c := range p.Cards {
		if f == c.Editor || f == c.Tags || f == c.Delete {
			return true
		}
	}
	return false
}

// Focus gives the keyboard to the notes of the current passage: its first
// note, or the Add note button.
func (p *NotesPanel) Focus() {
	c := p.u.Window.Canvas()
	p.content.SelectIndex(0)
	if len(p.Cards) > 0 {
		p.Cards[0].edit()
	} else if !p.addBtn.Disabled() {
		c.Focus(p.addBtn)
	}
}

// showOrphan shows a note that lost its place, with the words it was on
// and a button that attaches it to the reader's selection or passage.
func (p *NotesPanel) showOrphan(n data.Note) {
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

// attach gives a note that lost its place the reader's selection, or its
// current passage.
func (c *NoteCard) attach() {
	p, u := c.p, c.p.u
	r := u.Reader
	row, s, e, ok := r.target()
	if !ok {
		u.showInfo("Choose the words first", "Select the words this note belongs to in the reader, or click a passage, then Attach here.")
		return
	}
	ps := r.rows[row].passage
	if s == 0 && e == len(r.rows[row].text) {
		e = 0 // the whole passage
	}
	c.saveNow()
	var n data.Note
	u.writes.submit(c.lane(), func(ctx context.Context) (err error) {
		n, err = u.lib.AttachNote(ctx, c.id.Load(), ps.ID, s, e)
		return err
	}, func(err error) {
		if err != nil {
			u.showError(err)
			return
		}
		p.orphan = nil
		r.clearSelection()
		u.annotationsChanged()
		if rr, ok := r.byID[n.PassageID]; ok {
			r.current = -1 // show the passage's notes afresh
			r.setCurrent(rr)
		}
	})
}

// flush saves every note being edited, at once.
func (p *NotesPanel) flush() {
	for _, c := range p.Cards {
		c.saveNow()
	}
}

// openNote shows a note's passage in the reader and its card. A note that
// lost its place opens its article and shows the note alone, to edit,
// delete or attach to new words.
func (u *UI) openNote(n data.Note) {
	if n.Orphan() {
		if _, ok := u.articleSummary(n.ArticleID); ok && u.Reader.article.ID != n.ArticleID {
			u.OpenArticle(n.ArticleID)
		}
		u.Notes.showOrphan(n)
		return
	}
	if u.Reader.article.ID != n.ArticleID {
		u.OpenArticle(n.ArticleID)
	}
	if row, ok := u.Reader.byID[n.PassageID]; ok {
		u.Reader.scrollToRow(row)
		u.Reader.setCurrent(row)
		u.Notes.content.SelectIndex(0)
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
