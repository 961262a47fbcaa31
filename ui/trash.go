package ui

import (
	"context"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/casebookapp/casebook/data"
	"github.com/casebookapp/casebook/internal/text"
)

// deleteArticle moves the open article, with its highlights and notes, to
// the bin of deleted articles. Ctrl+Z, or File › Deleted articles…, brings
// it back.
func (u *UI) deleteArticle() {
	a := u.reader.article
	if a.ID == 0 {
		u.showInfo("No article open", "Open the article to delete in the library first.")
		return
	}
	u.notes.flush()
	u.writes.submit(laneAnnotations, func(ctx context.Context) error {
		return u.lib.DeleteArticle(ctx, a.ID)
	}, func(err error) {
		if err != nil {
			u.showError(err)
			return
		}
		u.undo.push("delete article", func(ctx context.Context) error { return u.lib.RestoreArticle(ctx, a.ID) })
		u.say(fmt.Sprintf("“%s” deleted (Ctrl+Z undoes)", text.Clip(displayTitle(a), 30)))
		u.annotationsChanged()
		if len(u.articles) > 0 {
			u.openArticle(u.articles[0].ID)
		} else {
			u.reader.close()
		}
	})
}

// trashStore is what the bin of deleted articles reads and writes.
type trashStore interface {
	DeletedArticles(ctx context.Context) ([]data.ArticleSummary, error)
	RestoreArticle(ctx context.Context, id int64) error
}

// trashHooks are what the bin asks of the window. Nil hooks do nothing (a
// write runs at once).
type trashHooks struct {
	// write runs a write to the library after the earlier ones of its
	// lane, off the UI goroutine; done is then called on the UI goroutine.
	write     func(lane string, run func(ctx context.Context) error, done func(err error))
	showError func(error)
	// restored is called once an article is back in the library.
	restored func(data.ArticleSummary)
}

func (h *trashHooks) fill() {
	if h.write == nil {
		h.write = func(_ string, run func(context.Context) error, done func(error)) { done(run(context.Background())) }
	}
	if h.showError == nil {
		h.showError = func(err error) { fyne.LogError("trash", err) }
	}
	if h.restored == nil {
		h.restored = func(data.ArticleSummary) {}
	}
}

// trashDialog is the bin of deleted articles, each with a button that
// restores it with its highlights and notes.
type trashDialog struct {
	articles []data.ArticleSummary
	restore  []*widget.Button
	content  fyne.CanvasObject
}

// newTrashDialog lists the deleted articles of a store.
func newTrashDialog(store trashStore, ctx context.Context, hooks trashHooks) (*trashDialog, error) {
	hooks.fill()
	arts, err := store.DeletedArticles(ctx)
	if err != nil {
		return nil, err
	}
	td := &trashDialog{articles: arts}
	box := container.NewVBox()
	if len(arts) == 0 {
		box.Add(newMutedLabel("No deleted articles. An article you delete comes here with its highlights and notes, and can be restored."))
	}
	for _, a := range arts {
		a := a
		title := widget.NewLabelWithStyle(text.Clip(displayTitle(a.Article), 70), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		counts := newMutedLabel(text.Plural(a.Highlights, "highlight", "highlights") + " · " + text.Plural(a.Notes, "note", "notes"))
		var restore *widget.Button
		restore = widget.NewButtonWithIcon("Restore", theme.ContentUndoIcon(), func() {
			restore.Disable()
			hooks.write(laneAnnotations, func(ctx context.Context) error {
				return store.RestoreArticle(ctx, a.ID)
			}, func(err error) {
				if err != nil {
					hooks.showError(err)
					return
				}
				hooks.restored(a)
			})
		})
		td.restore = append(td.restore, restore)
		box.Add(container.NewBorder(nil, nil, nil, restore, container.New(&tightVBox{gap: -8}, title, counts)))
	}
	td.content = container.NewVScroll(box)
	return td, nil
}

// showTrash shows the bin of deleted articles; an article restored is
// opened.
func (u *UI) showTrash() {
	var m *modal
	td, err := newTrashDialog(u.lib, u.ctx, trashHooks{
		write: func(lane string, run func(ctx context.Context) error, done func(error)) {
			u.writes.submit(lane, run, done)
		},
		showError: u.showError,
		restored: func(a data.ArticleSummary) {
			u.say(fmt.Sprintf("“%s” restored", text.Clip(displayTitle(a.Article), 30)))
			u.annotationsChanged()
			if m != nil {
				m.d.Hide()
			}
			u.openArticle(a.ID)
		},
	})
	if err != nil {
		u.showError(err)
		return
	}
	u.trash = td
	d := dialog.NewCustom("Deleted articles", "Close", td.content, u.Window)
	d.Resize(fyne.NewSize(560, min(480, 160+float32(len(td.articles))*64)))
	m = u.showMessage(d)
}
