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
	a := u.Reader.article
	if a.ID == 0 {
		u.showInfo("No article open", "Open the article to delete in the library first.")
		return
	}
	u.Notes.flush()
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
			u.OpenArticle(u.articles[0].ID)
		} else {
			u.Reader.close()
		}
	})
}

// TrashDialog is the open bin of deleted articles, kept for tests.
type TrashDialog struct {
	Articles []data.ArticleSummary
	Restore  []*widget.Button
}

// showTrash lists the deleted articles, each with a button that restores
// it with its highlights and notes.
func (u *UI) showTrash() {
	arts, err := u.lib.DeletedArticles(u.ctx)
	if err != nil {
		u.showError(err)
		return
	}
	td := &TrashDialog{Articles: arts}
	box := container.NewVBox()
	if len(arts) == 0 {
		box.Add(newMutedLabel("No deleted articles. An article you delete comes here with its highlights and notes, and can be restored."))
	}
	var m *modal
	for _, a := range arts {
		a := a
		title := widget.NewLabelWithStyle(text.Clip(displayTitle(a.Article), 70), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		counts := newMutedLabel(text.Plural(a.Highlights, "highlight", "highlights") + " · " + text.Plural(a.Notes, "note", "notes"))
		var restore *widget.Button
		restore = widget.NewButtonWithIcon("Restore", theme.ContentUndoIcon(), func() {
			restore.Disable()
			u.writes.submit(laneAnnotations, func(ctx context.Context) error {
				return u.lib.RestoreArticle(ctx, a.ID)
			}, func(err error) {
				if err != nil {
					u.showError(err)
					return
				}
				u.say(fmt.Sprintf("“%s” restored", text.Clip(displayTitle(a.Article), 30)))
				u.annotationsChanged()
				if m != nil {
					m.d.Hide()
				}
				u.OpenArticle(a.ID)
			})
		})
		td.Restore = append(td.Restore, restore)
		box.Add(container.NewBorder(nil, nil, nil, restore, container.New(&tightVBox{gap: -8}, title, counts)))
	}
	u.trash = td
	d := dialog.NewCustom("Deleted articles", "Close", container.NewVScroll(box), u.Window)
	d.Resize(fyne.NewSize(560, min(480, 160+float32(len(arts))*64)))
	m = u.showMessage(d)
}
