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
)

// highlightBar is the reader's toolbar: one button per legend colour, remove,
// add a note, and the legend editor. When the window is too narrow for the
// colours' names, the buttons collapse to their swatches (the Highlight menu
// and the legend editor still name them).
type highlightBar struct {
	u       *UI
	bar     *fyne.Container
	buttons []*widget.Button // with the colours' names
	compact []*widget.Button // swatches only
	remove  *widget.Button
	note    *widget.Button
	noteIcn *widget.Button
	legend  *widget.Button
	layout  *collapsingBar
}

func newHighlightBar(u *UI) *highlightBar {
	b := &highlightBar{u: u}
	b.remove = widget.NewButtonWithIcon("", theme.ContentClearIcon(), func() { u.RemoveHighlightAtTarget() })
	b.note = widget.NewButtonWithIcon("Note", theme.DocumentCreateIcon(), func() { u.Notes.AddNote() })
	b.noteIcn = widget.NewButtonWithIcon("", theme.DocumentCreateIcon(), func() { u.Notes.AddNote() })
	b.legend = widget.NewButtonWithIcon("", theme.SettingsIcon(), func() { u.showLegendEditor() })
	for _, btn := range []*widget.Button{b.remove, b.note, b.noteIcn, b.legend} {
		btn.Importance = widget.LowImportance
	}
	b.layout = &collapsingBar{b: b}
	b.bar = container.New(b.layout)
	b.rebuild()
	return b
}

// rebuild makes the colour buttons from the legend (after a rename).
func (b *highlightBar) rebuild() {
	b.buttons, b.compact = nil, nil
	for _, c := range b.u.colours {
		key := c.Key
		full := widget.NewButtonWithIcon(c.Meaning, swatchResource(c.RGB), func() { b.u.Highlight(key) })
		small := widget.NewButtonWithIcon("", swatchResource(c.RGB), func() { b.u.Highlight(key) })
		full.Importance, small.Importance = widget.LowImportance, widget.LowImportance
		b.buttons = append(b.buttons, full)
		b.compact = append(b.compact, small)
	}
	b.layout.sep = widget.NewSeparator()
	var objs []fyne.CanvasObject
	for _, btn := range b.buttons {
		objs = append(objs, btn)
	}
	for _, btn := range b.compact {
		objs = append(objs, btn)
	}
	objs = append(objs, b.layout.sep, b.remove, b.note, b.noteIcn, b.legend)
	b.bar.Objects = objs
	b.bar.Refresh()
}

// Compact reports whether the toolbar shows swatches without names.
func (b *highlightBar) Compact() bool { return b.layout.compact }

// collapsingBar lays the toolbar out in a row: the named buttons when they
// fit, the swatches alone when they do not. Its minimum width is that of the
// swatches, so that the toolbar never keeps the window wide.
type collapsingBar struct {
	b       *highlightBar
	sep     fyne.CanvasObject
	compact bool
}

// row returns the objects of one form of the toolbar, in order.
func (l *collapsingBar) row(compact bool) []fyne.CanvasObject {
	var objs []fyne.CanvasObject
	colours, note := l.b.buttons, l.b.note
	if compact {
		colours, note = l.b.compact, l.b.noteIcn
	}
	for _, btn := range colours {
		objs = append(objs, btn)
	}
	return append(objs, l.sep, l.b.remove, note, l.b.legend)
}

// rowSize is the size of a row of objects laid side by side.
func rowSize(objs []fyne.CanvasObject, gap float32) fyne.Size {
	var s fyne.Size
	for i, o := range objs {
		m := o.MinSize()
		if i > 0 {
			s.Width += gap
		}
		s.Width += m.Width
		s.Height = max(s.Height, m.Height)
	}
	return s
}

// Layout implements fyne.Layout.
func (l *collapsingBar) Layout(_ []fyne.CanvasObject, size fyne.Size) {
	gap := theme.Padding()
	full := l.row(false)
	l.compact = rowSize(full, gap).Width > size.Width
	show := full
	hide := l.row(true)
	if l.compact {
		show, hide = hide, show
	}
	for _, o := range hide {
		if o != l.sep && o != l.b.remove && o != l.b.legend {
			o.Hide()
		}
	}
	x := float32(0)
	for _, o := range show {
		o.Show()
		m := o.MinSize()
		w := m.Width
		if o == l.sep {
			w = theme.SeparatorThicknessSize()
			o.Move(fyne.NewPos(x, gap))
			o.Resize(fyne.NewSize(w, size.Height-2*gap))
		} else {
			o.Move(fyne.NewPos(x, (size.Height-m.Height)/2))
			o.Resize(m)
		}
		x += w + gap
	}
}

// MinSize implements fyne.Layout: the swatches' row.
func (l *collapsingBar) MinSize([]fyne.CanvasObject) fyne.Size {
	return rowSize(l.row(true), theme.Padding())
}

// swatches are the swatch icons made so far, by colour.
var swatches = map[string]fyne.Resource{}

// swatchResource is a small rounded square of a legend colour, as an icon.
func swatchResource(rgb string) fyne.Resource {
	if r, ok := swatches[rgb]; ok {
		return r
	}
	r := newSwatch(rgb)
	swatches[rgb] = r
	return r
}

func newSwatch(rgb string) fyne.Resource {
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
		u.showInfo("Nothing to highlight", "Select some text in the reader, or click a passage, then choose a colour.")
		return
	}
	// Highlighting exactly the span of a highlight recolours it: undo then
	// gives it its old colour back rather than deleting it.
	var existing *data.Highlight
	for i, h := range r.rows[row].highlights {
		if h.Start == s && h.End == e {
			existing = &r.rows[row].highlights[i]
			break
		}
	}
	passage := r.rows[row].passage.ID
	var old string
	if existing != nil {
		old = existing.Colour
	}
	var h data.Highlight
	r.clearSelection()
	u.writes.submit(laneAnnotations, func(ctx context.Context) (err error) {
		h, err = u.lib.AddHighlight(ctx, passage, s, e, key)
		return err
	}, func(err error) {
		if err != nil {
			u.showError(err)
			return
		}
		id := h.ID
		switch {
		case old == "":
			u.undo.push("highlight", func(ctx context.Context) error { return u.lib.DeleteHighlight(ctx, id) })
		case old != h.Colour:
			u.undo.push("recolour", func(ctx context.Context) error {
				_, err := u.lib.RecolourHighlight(ctx, id, old)
				return err
			})
		}
		u.annotationsChanged()
	})
}

// laneAnnotations is the write lane of highlights and undo: they run in the
// order they were made.
const laneAnnotations = "annotations"

// recolourHighlight gives a highlight another legend colour.
func (u *UI) recolourHighlight(h data.Highlight, key string) {
	u.writes.submit(laneAnnotations, func(ctx context.Context) error {
		_, err := u.lib.RecolourHighlight(ctx, h.ID, key)
		return err
	}, func(err error) {
		if err != nil {
			u.showError(err)
			return
		}
		old := h.Colour
		u.undo.push("recolour", func(ctx context.Context) error {
			_, err := u.lib.RecolourHighlight(ctx, h.ID, old)
			return err
		})
		u.annotationsChanged()
	})
}

// removeHighlight deletes a highlight; Undo brings it back.
func (u *UI) removeHighlight(h data.Highlight) {
	u.writes.submit(laneAnnotations, func(ctx context.Context) error {
		return u.lib.DeleteHighlight(ctx, h.ID)
	}, func(err error) {
		if err != nil {
			u.showError(err)
			return
		}
		u.undo.push("remove highlight", func(ctx context.Context) error { return u.lib.RestoreHighlight(ctx, h.ID) })
		u.annotationsChanged()
	})
}

// RemoveHighlightAtTarget removes the highlights under the selection, or
// those of the current passage.
func (u *UI) RemoveHighlightAtTarget() {
	r := u.Reader
	row, s, e, ok := r.target()
	if !ok {
		return
	}
	var ids []int64
	for _, h := range r.rows[row].highlights {
		if h.Start < e && h.End > s {
			ids = append(ids, h.ID)
		}
	}
	if len(ids) == 0 {
		return
	}
	// One transaction and one undo step: all of them go, or come back.
	r.clearSelection()
	u.writes.submit(laneAnnotations, func(ctx context.Context) error {
		return u.lib.DeleteHighlight(ctx, ids...)
	}, func(err error) {
		if err != nil {
			u.showError(err)
			return
		}
		u.undo.push("remove highlight", func(ctx context.Context) error { return u.lib.RestoreHighlight(ctx, ids...) })
		u.annotationsChanged()
	})
}

// annotationsChanged redraws what shows highlights and notes: the reader,
// the sidebar counts, the notes lists.
func (u *UI) annotationsChanged() {
	u.Reader.reloadAnnotations()
	u.refreshLibrary()
	u.Notes.refreshLists()
	if u.Highlights != nil {
		u.Highlights.refresh()
	}
	u.Search.filtersChanged()
}

// showLegendEditor lets the user rename what each colour means.
func (u *UI) showLegendEditor() {
	entries := make([]*dialogEntry, len(u.colours))
	form := widget.NewForm()
	for i, c := range u.colours {
		e := newDialogEntry(u)
		e.SetText(c.Meaning)
		entries[i] = e
		form.Items = append(form.Items, &widget.FormItem{Text: fmt.Sprintf("%s  (Ctrl+%d)", c.Key, i+1), Widget: container.NewBorder(nil, nil, widget.NewIcon(swatchResource(c.RGB)), nil, e)})
	}
	d := dialog.NewCustomConfirm("Colour legend", "Save", "Cancel", form, func(ok bool) {
		if !ok {
			return
		}
		type rename struct{ key, meaning string }
		var renames []rename
		for i, c := range u.colours {
			if entries[i].Text != c.Meaning {
				renames = append(renames, rename{c.Key, entries[i].Text})
			}
		}
		u.writes.submit("legend", func(ctx context.Context) error {
			for _, r := range renames {
				if err := u.lib.RenameColour(ctx, r.key, r.meaning); err != nil {
					return err
				}
			}
			return nil
		}, func(err error) {
			u.showError(err)
			u.legendChanged()
		})
	}, u.Window)
	d.Resize(fyne.NewSize(460, 0))
	u.openModal(d, d.Confirm, d.Hide)
}

// legendChanged reloads the legend everywhere it shows.
func (u *UI) legendChanged() {
	u.loadColours()
	u.toolbar.rebuild()
	u.Window.SetMainMenu(u.makeMenu())
	u.Search.filtersChanged()
	u.Highlights.refresh()
	u.Reader.List.Refresh()
}
