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

// noteCard edits one note: its Markdown text, its tags, and shows when it was
// created and last saved.
type noteCard struct {
	p      *notesPanel
	note   data.Note // ID 0 until the first save
	draft  data.NewNote
	editor *noteEntry
	// Preview shows the note's Markdown rendered while it is not edited.
	Preview *notePreview
	tags    *noteEntry
	// tagHints completes the tag being typed from the library's tags.
	tagHints *fyne.Container
	// grow makes the editor large.
	grow   *tipButton
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
	u           paneKeys
	onFocusLost func()
}

func newNoteEntry(u paneKeys, multi bool) *noteEntry {
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
			e.u.focusReader()
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

func newNoteCard(p *notesPanel, n data.Note, draft data.NewNote) *noteCard {
	c := &noteCard{p: p, note: n, draft: draft}
	c.id.Store(n.ID)
	c.editor = newNoteEntry(p.hooks.keys, true)
	c.editor.SetPlaceHolder("Write a note (Markdown). It saves itself.")
	c.editor.SetText(n.Body)
	c.tags = newNoteEntry(p.hooks.keys, false)
	// Short enough to be read whole in the notes panel at 1280 px.
	c.tags.SetPlaceHolder("Tags, by commas (or #tag in the note)")
	c.tags.SetText(strings.Join(n.Tags, ", "))
	c.editor.OnChanged = func(string) { c.changed(); c.fitEditor() }
	c.tags.OnChanged = func(string) { c.changed(); c.suggestTags() }
	c.editor.onFocusLost = func() { c.saveNow(); c.preview() }
	c.tags.onFocusLost = c.saveNow
	c.Preview = newNotePreview(c.edit)
	c.Preview.Hide()
	c.tagHints = newTagHints()
	c.grow = newTipButton(p.hooks.tips, "", theme.ViewFullScreenIcon(), "Make the editor large", func() { c.toggleLarge() })
	c.grow.Importance = widget.LowImportance
	c.status = newMutedLabel("").caption()
	c.Delete = newTipButton(p.hooks.tips, "", theme.DeleteIcon(), "Delete this note (Ctrl+Z brings it back)", func() { c.delete() })
	c.Delete.Importance = widget.LowImportance
	var quote fyne.CanvasObject = layoutSpacer(0)
	if q := c.quoteText(); q != "" {
		quote = newMutedLabel("on “" + text.Clip(q, 90) + "”").italic()
	}
	c.showStatus()
	c.box = container.NewVBox(
		quote,
		c.editor,
		c.Preview,
		c.tags,
		c.tagHints,
		container.NewBorder(nil, nil, nil, container.NewHBox(c.grow, c.Delete), c.status),
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
func (c *noteCard) quoteText() string {
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

func (c *noteCard) changed() {
	if c.note.ID != 0 && c.editor.Text == c.note.Body && c.tags.Text == strings.Join(c.note.Tags, ", ") {
		return
	}
	if !c.dirty {
		c.dirty = true
		c.status.SetText("Editing…")
	}
	wait := c.p.hooks.debounce
	c.due = time.Now().Add(wait)
	if c.timer == nil {
		c.timer = time.AfterFunc(wait, func() { c.p.hooks.do(c.debounced) })
	} else {
		c.timer.Reset(wait)
	}
}

// debounced saves the note once typing has paused. A timer that fired just
// before a keystroke reset it finds the note not due yet, and leaves the
// save to the reset timer.
func (c *noteCard) debounced() {
	if c.dirty && !time.Now().Before(c.due) {
		c.saveNow()
	}
}

// lane is the write lane of this note: its saves and its deletion run in
// order.
func (c *noteCard) lane() string { return fmt.Sprintf("note %p", c) }

// saveNow queues a save of the note if it changed: the first time with
// AddNote, then with UpdateNote. The note says "Saving…" until it is saved.
func (c *noteCard) saveNow() {
	if c.timer != nil {
		c.timer.Stop()
	}
	if !c.dirty {
		return
	}
	p := c.p
	// Commas separate tags; a #tag in the text is one too.
	body := c.editor.Text
	tags := data.NormaliseTags(append(strings.Split(c.tags.Text, ","), data.HashTags(body)...))
	if c.note.ID == 0 && c.saving == 0 && strings.TrimSpace(body) == "" {
		return // nothing to keep yet
	}
	draft := c.draft
	c.dirty = false
	c.saving++
	c.status.SetText("Saving…")
	var n data.Note
	p.hooks.write(c.lane(), func(ctx context.Context) (err error) {
		if id := c.id.Load(); id != 0 {
			n, err = p.store.UpdateNote(ctx, id, body, tags)
			return err
		}
		if strings.TrimSpace(body) == "" {
			return nil // emptied before its first save: nothing to keep
		}
		draft.Body, draft.Tags = body, tags
		n, err = p.store.AddNote(ctx, draft)
		if err == nil {
			c.id.Store(n.ID)
		}
		return err
	}, func(err error) { c.saved(n, err) })
}

// saved shows the result of a save, on the UI goroutine.
func (c *noteCard) saved(n data.Note, err error) {
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
		c.p.hooks.changed()
	case !slices.Equal(old.Tags, n.Tags):
		c.p.replaceInLists(n)
		c.p.hooks.tagsChanged()
	default:
		c.p.replaceInLists(n)
	}
}

func (c *noteCard) showStatus() {
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
func (c *noteCard) delete() {
	p, h := c.p, c.p.hooks
	if c.timer != nil {
		c.timer.Stop()
	}
	c.dirty = false
	if c.note.ID != 0 || c.saving > 0 {
		// After the note's own saves, in its lane: it has an id by then.
		var id int64
		h.write(c.lane(), func(ctx context.Context) error {
			id = c.id.Load()
			if id == 0 {
				return nil
			}
			return p.store.DeleteNote(ctx, id)
		}, func(err error) {
			if err != nil {
				h.showError(err)
				return
			}
			if id == 0 {
				return
			}
			p.undoStep = h.pushUndo("delete note", func(ctx context.Context) error { return p.store.RestoreNote(ctx, id) })
			p.undoMsg.SetText("Note deleted.")
			p.undoBar.Show()
			h.changed()
		})
	}
	if cv := h.canvas(); cv != nil {
		if f := cv.Focused(); f == c.editor || f == c.tags {
			cv.Unfocus()
		}
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
	h.changed()
}

// attach gives a note that lost its place the reader's selection, or its
// current passage.
func (c *noteCard) attach() {
	p, h := c.p, c.p.hooks
	t, ok := h.target()
	if !ok {
		h.showInfo("Choose the words first", "Select the words this note belongs to in the reader, or click a passage, then Attach here.")
		return
	}
	s, e := t.start, t.end
	if t.whole() {
		e = 0 // the whole passage
	}
	c.saveNow()
	var n data.Note
	h.write(c.lane(), func(ctx context.Context) (err error) {
		n, err = p.store.AttachNote(ctx, c.id.Load(), t.passage.ID, s, e)
		return err
	}, func(err error) {
		if err != nil {
			h.showError(err)
			return
		}
		p.orphan = nil
		h.clearSelection()
		h.changed()
		// The passage's notes are shown afresh.
		h.showPassage(n.PassageID, true)
	})
}
