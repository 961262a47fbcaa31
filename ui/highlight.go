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

// highlightBar is the reader's toolbar: one button per legend colour, named
// with its meaning, then remove, add a note, and the legend editor. When the
// window is too narrow for one row, the buttons wrap onto more rows: the
// colours' meanings stay readable at any width and text size.
type highlightBar struct {
	hooks   toolbarHooks
	bar     *fyne.Container
	buttons []*tipButton // one per colour, with its meaning
	remove  *tipButton
	note    *tipButton
	legend  *tipButton
	layout  *flowBar
}

// newHighlightBar builds the toolbar.
func newHighlightBar(hooks toolbarHooks) *highlightBar {
	hooks.fill()
	b := &highlightBar{hooks: hooks}
	b.remove = newTipButton(hooks.tips, "", theme.ContentClearIcon(), "Remove the highlight from the selection or passage", func() { b.hooks.removeHighlight() })
	b.note = newTipButton(hooks.tips, "Note", theme.DocumentCreateIcon(), "New note on the selection or passage (Ctrl+N)", func() { b.hooks.addNote() })
	b.legend = newTipButton(hooks.tips, "", theme.SettingsIcon(), "Rename what the colours mean", func() { b.hooks.editLegend() })
	for _, btn := range []*tipButton{b.remove, b.note, b.legend} {
		btn.Importance = widget.LowImportance
	}
	b.layout = &flowBar{b: b}
	b.bar = container.New(b.layout)
	b.rebuild()
	return b
}

// rebuild makes the colour buttons from the legend (after a rename).
func (b *highlightBar) rebuild() {
	b.buttons = nil
	for i, c := range b.hooks.colours() {
		key := c.Key
		tip := fmt.Sprintf("Highlight the selection or passage: %s (Ctrl+%d)", c.Meaning, i+1)
		btn := newTipButton(b.hooks.tips, c.Meaning, swatchResource(c.RGB), tip, func() { b.hooks.highlight(key) })
		btn.Importance = widget.LowImportance
		b.buttons = append(b.buttons, btn)
	}
	b.layout.sep = widget.NewSeparator()
	b.bar.Objects = b.layout.items()
	b.bar.Refresh()
}

// rows says on how many rows the toolbar is laid out.
func (b *highlightBar) rows() int { return b.layout.rows }

// flowBar lays the toolbar's buttons out left to right, wrapping onto a new
// row when one is full. Its height depends on its width: like a wrapped
// label, it reports the height for the width it was last laid out at, and
// has the window laid out again when that changes the number of rows.
type flowBar struct {
	b     *highlightBar
	sep   fyne.CanvasObject
	width float32
	rows  int
}

// items are the toolbar's objects, in order.
func (l *flowBar) items() []fyne.CanvasObject {
	var objs []fyne.CanvasObject
	for _, btn := range l.b.buttons {
		objs = append(objs, btn)
	}
	return append(objs, l.sep, l.b.remove, l.b.note, l.b.legend)
}

// place lays the items out in rows for a width, moving them when apply is
// set; it returns the number of rows and the height they take.
func (l *flowBar) place(width float32, apply bool) (int, float32) {
	gap := theme.Padding()
	items := l.items()
	x, y, rowH := float32(0), float32(0), float32(0)
	rows := 1
	// The row's items, placed once the row's height is known.
	var row []fyne.CanvasObject
	flush := func() {
		if !apply {
			return
		}
		rx := float32(0)
		for _, o := range row {
			m := o.MinSize()
			if o == l.sep {
				w := theme.SeparatorThicknessSize()
				o.Move(fyne.NewPos(rx, y+gap))
				o.Resize(fyne.NewSize(w, rowH-2*gap))
				rx += w + gap
				continue
			}
			o.Move(fyne.NewPos(rx, y+(rowH-m.Height)/2))
			o.Resize(m)
			rx += m.Width + gap
		}
		row = row[:0]
	}
	for _, o := range items {
		m := o.MinSize()
		w := m.Width
		if o == l.sep {
			w = theme.SeparatorThicknessSize()
		}
		if x > 0 && x+w > width {
			flush()
			x, y = 0, y+rowH+gap
			rowH = 0
			rows++
		}
		row = append(row, o)
		x += w + gap
		rowH = max(rowH, m.Height)
	}
	flush()
	return rows, y + rowH
}

// Layout implements fyne.Layout.
func (l *flowBar) Layout(_ []fyne.CanvasObject, size fyne.Size) {
	rows, _ := l.place(size.Width, true)
	l.width = size.Width
	if rows != l.rows {
		l.rows = rows
		// The toolbar's height changed: the window is laid out again, once
		// this layout is done.
		l.b.hooks.relayout()
	}
}

// MinSize implements fyne.Layout: as wide as the widest button, as high as
// the rows at the last width.
func (l *flowBar) MinSize([]fyne.CanvasObject) fyne.Size {
	var w float32
	for _, o := range l.items() {
		w = max(w, o.MinSize().Width)
	}
	width := l.width
	if width <= 0 {
		width = 1e6 // not laid out yet: one row
	}
	_, h := l.place(max(width, w), false)
	return fyne.NewSize(w, h)
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

// highlight applies a legend colour to the selection, or to the whole
// current passage when nothing is selected.
func (u *UI) highlight(key string) {
	r := u.reader
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

// removeHighlightAtTarget removes the highlights under the selection, or
// those of the current passage.
func (u *UI) removeHighlightAtTarget() {
	r := u.reader
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
	u.reader.reloadAnnotations()
	u.refreshLibrary()
	u.notes.refreshLists()
	if u.highlights != nil {
		u.highlights.refresh()
	}
	u.search.filtersChanged()
	u.outline.refresh()
}

// showLegendEditor lets the user rename what each colour means.
func (u *UI) showLegendEditor() {
	entries := make([]*dialogEntry, len(u.colours))
	form := widget.NewForm()
	for i, c := range u.colours {
		e := newDialogEntry(u.modalKey)
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
	u.search.filtersChanged()
	u.highlights.refresh()
	u.reader.list.Refresh()
}
