package ui

import (
	"context"

	"fyne.io/fyne/v2"

	"github.com/casebookapp/casebook/data"
)

// The window's components do not hold the window. Each one takes the small
// store it reads (an interface of the library's methods it calls) and a
// struct of hooks: what it asks of the rest of the window. UI, the
// controller, fills the hooks in New and owns the moves between components
// (open this passage in the reader, show that note). A component can then
// be built alone, on a fake store or a small library, and tested by itself.

// ReaderStore is what the reader reads: an article, its passages, and the
// highlights and notes drawn on them.
type ReaderStore interface {
	Article(ctx context.Context, id int64) (data.Article, error)
	Passages(ctx context.Context, articleID int64) ([]data.Passage, error)
	Highlights(ctx context.Context, articleID int64) ([]data.Highlight, error)
	Notes(ctx context.Context, f data.NoteFilter) ([]data.Note, error)
}

// NoteStore is what the notes panel reads and writes: notes.
type NoteStore interface {
	Notes(ctx context.Context, f data.NoteFilter) ([]data.Note, error)
	AddNote(ctx context.Context, nn data.NewNote) (data.Note, error)
	UpdateNote(ctx context.Context, id int64, body string, tags []string) (data.Note, error)
	DeleteNote(ctx context.Context, ids ...int64) error
	RestoreNote(ctx context.Context, ids ...int64) error
	AttachNote(ctx context.Context, id, passageID int64, start, end int) (data.Note, error)
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
func (u *UI) focusReader() { u.Reader.Focus() }

// canvasOf returns a function giving the canvas of a window, for a hook.
func canvasOf(w fyne.Window) func() fyne.Canvas {
	return func() fyne.Canvas { return w.Canvas() }
}
