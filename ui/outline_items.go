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

// The outline's items: placed from the reader (its menu, its keys, a
// passage dragged by its number), moved, removed and opened.

// moveItem moves an item up or down the outline and keeps the focus on it.
func (p *outlinePanel) moveItem(id int64, delta int) {
	p.edit(func(ctx context.Context) error { return p.store.MoveItem(ctx, id, delta) }, func() { p.focusItem = id })
}

func (p *outlinePanel) removeItem(id int64) {
	p.edit(func(ctx context.Context) error { return p.store.RemoveItem(ctx, id) }, nil)
}

// add places an item in a section of the outline shown.
func (p *outlinePanel) add(section int, item data.NewItem) {
	if p.outline.ID == 0 || section < 0 || section >= len(p.outline.Sections) {
		p.hooks.showInfo("No outline", "Create an outline first: Outline › New.")
		return
	}
	id := p.outline.Sections[section].ID
	// The next item added from the keyboard goes here too, even before
	// this one is saved.
	p.section = section
	p.edit(func(ctx context.Context) error {
		_, err := p.store.AddToSection(ctx, id, item, -1)
		return err
	}, func() {
		// Show the outline, so the student sees the item arrive.
		p.hooks.reveal()
	})
}

// addHere places an item (the reader's selection, a highlight under it, or
// its current passage) in the current section.
func (p *outlinePanel) addHere(item data.NewItem) {
	p.add(p.section, item)
}

// menuItems returns "Add to outline › Section" for the reader's context
// menu; target is what a section's item places (the highlight under the
// pointer, or the passage).
func (p *outlinePanel) menuItems(target func() (data.NewItem, bool)) []*fyne.MenuItem {
	if p.outline.ID == 0 {
		return []*fyne.MenuItem{{Label: "Add to outline…", Action: p.showNewDialog}}
	}
	var secs []*fyne.MenuItem
	for i, s := range p.outline.Sections {
		i := i
		secs = append(secs, &fyne.MenuItem{Label: s.Heading, Action: func() {
			if item, ok := target(); ok {
				p.add(i, item)
			}
		}})
	}
	return []*fyne.MenuItem{{Label: "Add to outline “" + text.Clip(p.outline.Name, 24) + "”", Icon: theme.ListIcon(), ChildMenu: fyne.NewMenu("", secs...)}}
}

// openItem shows an item's passage in the reader.
func (p *outlinePanel) openItem(it data.OutlineItem) {
	p.hooks.openPassage(it.ArticleID, it.PassageID)
}

// dropPassage places a passage dragged from the reader where it was
// dropped in the outline. A drop anywhere else does nothing.
func (p *outlinePanel) dropPassage(passageID int64, at fyne.Position) {
	if p.outline.ID == 0 || !p.content.Visible() {
		return
	}
	d := fyne.CurrentApp().Driver()
	pos, size := d.AbsolutePositionForObject(p.content), p.content.Size()
	if at.X < pos.X || at.X > pos.X+size.Width || at.Y < pos.Y || at.Y > pos.Y+size.Height {
		return
	}
	si, index := p.dropTarget(at, nil)
	if si < 0 {
		return
	}
	section := p.outline.Sections[si].ID
	var it data.OutlineItem
	p.edit(func(ctx context.Context) (err error) {
		it, err = p.store.AddToSection(ctx, section, data.NewItem{PassageID: passageID}, index)
		return err
	}, func() {
		p.section = si
		p.focusItem = it.ID
	})
}

// dropTarget returns the section under an absolute position, and the place
// in it: before the first of its items (other than skip) whose middle is
// below the position.
func (p *outlinePanel) dropTarget(at fyne.Position, skip *outlineItemView) (section, index int) {
	d := fyne.CurrentApp().Driver()
	si := -1
	for i, block := range p.body.Objects {
		top := d.AbsolutePositionForObject(block).Y
		switch {
		case i == 0 && at.Y < top:
			si = 0
		case at.Y >= top && at.Y < top+block.Size().Height:
			si = i
		}
	}
	if si < 0 {
		si = len(p.body.Objects) - 1 // below the last section
	}
	if si < 0 || si >= len(p.outline.Sections) {
		return -1, 0
	}
	for _, o := range p.bySection[si] {
		if o != skip && d.AbsolutePositionForObject(o).Y+o.Size().Height/2 < at.Y {
			index++
		}
	}
	return si, index
}

// drop moves an item to where it was dropped: into the section under the
// pointer, before the first of its items whose middle is below the pointer.
func (p *outlinePanel) drop(v *outlineItemView, at fyne.Position) {
	si, index := p.dropTarget(at, v)
	if si < 0 {
		return
	}
	id, section := v.item.ID, p.outline.Sections[si].ID
	p.edit(func(ctx context.Context) error { return p.store.MoveItemTo(ctx, id, section, index) }, func() {
		p.section = si
		p.focusItem = id
	})
}

// outlineItemView is one item of the outline: its quotes and citation, its
// notes; tap to open the passage, drag it or press Alt+↑/↓ (when focused) to
// move it.
type outlineItemView struct {
	widget.BaseWidget
	p       *outlinePanel
	item    data.OutlineItem
	label   *widget.Label
	focused bool
	// dragAt is where the pointer is while the item is dragged.
	dragAt   fyne.Position
	dragging bool
}

// Dragged follows the pointer while the item is dragged.
func (v *outlineItemView) Dragged(ev *fyne.DragEvent) {
	v.dragging = true
	v.dragAt = ev.AbsolutePosition
	v.label.Importance = widget.HighImportance
	v.label.Refresh()
}

// DragEnd drops the item where the pointer is.
func (v *outlineItemView) DragEnd() {
	if !v.dragging {
		return
	}
	v.dragging = false
	v.label.Importance = widget.MediumImportance
	v.p.drop(v, v.dragAt)
}

func newOutlineItemView(p *outlinePanel, it data.OutlineItem) *outlineItemView {
	v := &outlineItemView{p: p, item: it}
	var b strings.Builder
	for i, q := range it.Quotes {
		if i > 0 {
			b.WriteString("\n")
		}
		fmt.Fprintf(&b, "“%s” %s", text.Clip(q, 280), p.citation(it))
	}
	for _, n := range it.Notes {
		b.WriteString("\n✎ " + text.Clip(n, 200))
	}
	v.label = widget.NewLabel(b.String())
	v.label.Wrapping = fyne.TextWrapWord
	v.ExtendBaseWidget(v)
	return v
}

// text is what the item shows.
func (v *outlineItemView) text() string { return v.label.Text }

// CreateRenderer implements fyne.Widget.
func (v *outlineItemView) CreateRenderer() fyne.WidgetRenderer {
	up := widget.NewButtonWithIcon("", theme.MoveUpIcon(), func() { v.p.moveItem(v.item.ID, -1) })
	down := widget.NewButtonWithIcon("", theme.MoveDownIcon(), func() { v.p.moveItem(v.item.ID, +1) })
	remove := widget.NewButtonWithIcon("", theme.DeleteIcon(), func() { v.p.removeItem(v.item.ID) })
	for _, b := range []*widget.Button{up, down, remove} {
		b.Importance = widget.LowImportance
	}
	return widget.NewSimpleRenderer(container.NewBorder(nil, nil, nil, container.NewVBox(up, down, remove), v.label))
}

// Tapped opens the item's passage and takes the focus, for Alt+↑/↓.
func (v *outlineItemView) Tapped(*fyne.PointEvent) {
	if c := fyne.CurrentApp().Driver().CanvasForObject(v); c != nil {
		c.Focus(v)
	}
	v.p.openItem(v.item)
}

// FocusGained implements fyne.Focusable.
func (v *outlineItemView) FocusGained() {
	v.focused = true
	v.label.TextStyle.Bold = true
	v.label.Refresh()
}

// FocusLost implements fyne.Focusable.
func (v *outlineItemView) FocusLost() {
	v.focused = false
	v.label.TextStyle.Bold = false
	v.label.Refresh()
}

// TypedRune implements fyne.Focusable.
func (v *outlineItemView) TypedRune(rune) {}

// TypedKey opens the passage on Return.
func (v *outlineItemView) TypedKey(ev *fyne.KeyEvent) {
	if ev.Name == fyne.KeyReturn || ev.Name == fyne.KeyEnter {
		v.p.openItem(v.item)
	}
}

// TypedShortcut moves the item with Alt+↑ and Alt+↓.
func (v *outlineItemView) TypedShortcut(s fyne.Shortcut) {
	switch s.ShortcutName() {
	case shortcutItemUp.ShortcutName():
		v.p.moveItem(v.item.ID, -1)
	case shortcutItemDown.ShortcutName():
		v.p.moveItem(v.item.ID, +1)
	}
}
