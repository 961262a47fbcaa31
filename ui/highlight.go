package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/casebookapp/casebook/data"
)

// highlightBar is the reader's toolbar: one button per legend colour, remove,
// add a note, and the legend editor.
type highlightBar struct {
	u       *UI
	bar     *fyne.Container
	buttons []*widget.Button
	remove  *widget.Button
	note    *widget.Button
}

func newHighlightBar(u *UI) *highlightBar {
	b := &highlightBar{u: u}
	b.remove = widget.NewButtonWithIcon("", theme.ContentClearIcon(), func() { u.RemoveHighlightAtTarget() })
	b.note = widget.NewButtonWithIcon("Note", theme.DocumentCreateIcon(), func() { u.Notes.AddNote() })
	legend := widget.NewButtonWithIcon("", theme.SettingsIcon(), func() { u.showLegendEditor() })
	for _, btn := range []*widget.Button{b.remove, b.note, legend} {
		btn.Importance = widget.LowImportance
	}
	b.bar = container.NewHBox()
	b.rebuild(legend)
	return b
}

// rebuild makes the colour buttons from the legend (after a rename).
func (b *highlightBar) rebuild(legend ...*widget.Button) {
	var keep fyne.CanvasObject
	if len(legend) > 0 {
		keep = legend[0]
	} else if n := len(b.bar.Objects); n > 0 {
		keep = b.bar.Objects[n-1]
	}
	b.buttons = b.buttons[:0]
	objs := []fyne.CanvasObject{}
	for _, c := range b.u.colours {
		key := c.Key
		btn := widget.NewButtonWithIcon(c.Meaning, swatchResource(c.RGB), func() { b.u.Highlight(key) })
		btn.Importance = widget.LowImportance
		b.buttons = append(b.buttons, btn)
		objs = append(objs, btn)
	}
	objs = append(objs, widget.NewSeparator(), b.remove, b.note, keep)
	b.bar.Objects = objs
	b.bar.Refresh()
}

// swatchResource is a small rounded square of a legend colour, as an icon.
func swatchResource(rgb string) fyne.Resource {
	c := parseRGB(rgb)
	svg := fmt.Sprintf(`<svg xmlns="http://www.w3.org/2000/svg" width="24" height="24" viewBox="0 0 24 24"><rect x="3" y="3" width="18" height="18" rx="4" fill="#%02x%02x%02x"/></svg>`, c.R, c.G, c.B)
	return fyne.NewStaticResource(fmt.Sprintf("swatch-%02x%02x%02x.svg", c.R, c.G, c.B), []byte(svg))
}

// Highlight applies a legend colour to the selection, or to the whole
// current passage when nothing is selected.
func (u *UI) Highlight(key string) {
	r := u.Reader
	row, s, e, ok := r.target()
	if !ok {
		dialog.ShowInformation("Nothing to highlight", "Select some text in the reader, or click a passage, then choose a colour.", u.Window)
		return
	}
	h, err := u.lib.AddHighlight(u.ctx, r.rows[row].passage.ID, s, e, key)
	if err != nil {
		u.showError(err)
		return
	}
	id := h.ID
	u.undo.push("highlight", func() error { return u.lib.DeleteHighlight(u.ctx, id) })
	r.clearSelection()
	u.annotationsChanged()
}

// recolourHighlight gives a highlight another legend colour.
func (u *UI) recolourHighlight(h data.Highlight, key string) {
	if _, err := u.lib.RecolourHighlight(u.ctx, h.ID, key); err != nil {
		u.showError(err)
		return
	}
	old := h.Colour
	u.undo.push("recolour", func() error {
		_, err := u.lib.RecolourHighlight(u.ctx, h.ID, old)
		return err
	})
	u.annotationsChanged()
}

// removeHighlight deletes a highlight; Undo brings it back.
func (u *UI) removeHighlight(h data.Highlight) {
	if err := u.lib.DeleteHighlight(u.ctx, h.ID); err != nil {
		u.showError(err)
		return
	}
	u.undo.push("remove highlight", func() error { return u.lib.RestoreHighlight(u.ctx, h.ID) })
	u.annotationsChanged()
}

// RemoveHighlightAtTarget removes the highlights under the selection, or
// those of the current passage.
func (u *UI) RemoveHighlightAtTarget() {
	r := u.Reader
	row, s, e, ok := r.target()
	if !ok {
		return
	}
	var hit []data.Highlight
	for _, h := range r.rows[row].highlights {
		if h.Start < e && h.End > s {
			hit = append(hit, h)
		}
	}
	if len(hit) == 0 {
		return
	}
	for _, h := range hit {
		if err := u.lib.DeleteHighlight(u.ctx, h.ID); err != nil {
			u.showError(err)
			return
		}
	}
	u.undo.push("remove highlight", func() error {
		for _, h := range hit {
			if err := u.lib.RestoreHighlight(u.ctx, h.ID); err != nil {
				return err
			}
		}
		return nil
	})
	r.clearSelection()
	u.annotationsChanged()
}

// annotationsChanged redraws what shows highlights and notes: the reader,
// the sidebar counts, the notes lists.
func (u *UI) annotationsChanged() {
	u.Reader.reloadAnnotations()
	u.refreshLibrary()
	u.Notes.refreshLists()
	u.Search.filtersChanged()
}

// showLegendEditor lets the user rename what each colour means.
func (u *UI) showLegendEditor() {
	entries := make([]*widget.Entry, len(u.colours))
	form := widget.NewForm()
	for i, c := range u.colours {
		e := widget.NewEntry()
		e.SetText(c.Meaning)
		entries[i] = e
		form.Items = append(form.Items, &widget.FormItem{Text: fmt.Sprintf("%s  (Ctrl+%d)", c.Key, i+1), Widget: container.NewBorder(nil, nil, widget.NewIcon(swatchResource(c.RGB)), nil, e)})
	}
	d := dialog.NewCustomConfirm("Colour legend", "Save", "Cancel", form, func(ok bool) {
		if !ok {
			return
		}
		for i, c := range u.colours {
			if entries[i].Text == c.Meaning {
				continue
			}
			if err := u.lib.RenameColour(u.ctx, c.Key, entries[i].Text); err != nil {
				u.showError(err)
				return
			}
		}
		u.legendChanged()
	}, u.Window)
	d.Resize(fyne.NewSize(460, 0))
	d.Show()
}

// legendChanged reloads the legend everywhere it shows.
func (u *UI) legendChanged() {
	u.loadColours()
	u.toolbar.rebuild()
	u.Window.SetMainMenu(u.makeMenu())
	u.Search.filtersChanged()
	u.Reader.List.Refresh()
}
