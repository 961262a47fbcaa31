package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// wrapTabs is a tab container whose tab buttons wrap onto more rows when the
// panel is narrow or the text large, so every tab keeps its label in view.
// Fyne's AppTabs moves the tabs that do not fit into a "…" menu instead,
// which hid the Highlights tab at 800 px and at large text.
//
// It keeps AppTabs' API for what Casebook uses: Items, SelectIndex,
// SelectedIndex, Append and Refresh (after changing an item's Text).
type wrapTabs struct {
	widget.BaseWidget
	Items []*container.TabItem
	// Buttons are the tab buttons, one per item, for tests and the keyboard.
	Buttons  []*widget.Button
	selected int
	bar      *fyne.Container
	flow     *tabFlow
	stack    *fyne.Container
	box      *fyne.Container
}

func newWrapTabs(items ...*container.TabItem) *wrapTabs {
	t := &wrapTabs{Items: items}
	t.flow = &tabFlow{}
	t.bar = container.New(t.flow)
	t.stack = container.NewStack()
	t.box = container.NewBorder(container.NewVBox(t.bar, widget.NewSeparator()), nil, nil, nil, t.stack)
	// The bar's height changed with its width: lay the panel out again once
	// this layout is done.
	t.flow.changed = t.box.Refresh
	t.ExtendBaseWidget(t)
	t.rebuild()
	return t
}

// CreateRenderer implements fyne.Widget.
func (t *wrapTabs) CreateRenderer() fyne.WidgetRenderer {
	return &wrapTabsRenderer{t: t}
}

// wrapTabsRenderer lays out the tabs' box. Its Refresh does not refresh the
// tabs' contents: a theme change already refreshes every object once, and a
// label change only needs its button and the layout.
type wrapTabsRenderer struct{ t *wrapTabs }

func (r *wrapTabsRenderer) Layout(size fyne.Size) {
	r.t.box.Resize(size)
	r.t.box.Layout.Layout(r.t.box.Objects, size)
}
func (r *wrapTabsRenderer) MinSize() fyne.Size           { return r.t.box.MinSize() }
func (r *wrapTabsRenderer) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{r.t.box} }
func (r *wrapTabsRenderer) Destroy()                     {}
func (r *wrapTabsRenderer) Refresh() {
	r.Layout(r.t.Size())
	canvas.Refresh(r.t)
}

// Refresh shows the items' current labels, icons and contents.
func (t *wrapTabs) Refresh() {
	t.rebuild()
	t.BaseWidget.Refresh()
}

// rebuild makes the buttons and stack match Items, reusing what it can.
func (t *wrapTabs) rebuild() {
	for len(t.Buttons) < len(t.Items) {
		i := len(t.Buttons)
		t.Buttons = append(t.Buttons, widget.NewButton("", func() { t.SelectIndex(i) }))
	}
	t.Buttons = t.Buttons[:len(t.Items)]
	objs := make([]fyne.CanvasObject, len(t.Items))
	if t.selected >= len(t.Items) {
		t.selected = max(0, len(t.Items)-1)
	}
	for i, it := range t.Items {
		b := t.Buttons[i]
		changed := b.Text != it.Text || b.Icon != it.Icon
		b.Text, b.Icon = it.Text, it.Icon
		imp := widget.LowImportance
		if i == t.selected {
			imp = widget.HighImportance
		}
		if changed || b.Importance != imp {
			b.Importance = imp
			b.Refresh()
		}
		objs[i] = b
	}
	// Only a change of items lays the bar out again.
	if !sameObjects(t.bar.Objects, objs) {
		t.bar.Objects = objs
		t.bar.Refresh()
	}
	// Only the tab in front is in the window's tree: a text-size step or a
	// theme change then refreshes what is shown, not every list in every
	// tab. A tab brought to the front is refreshed whole, so it shows the
	// current theme.
	var shown []fyne.CanvasObject
	if len(t.Items) > 0 {
		shown = []fyne.CanvasObject{t.Items[t.selected].Content}
	}
	if !sameObjects(t.stack.Objects, shown) {
		t.stack.Objects = shown
		for _, o := range shown {
			o.Show()
		}
		t.stack.Refresh()
	}
}

func sameObjects(a, b []fyne.CanvasObject) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// SelectIndex brings the i-th tab to the front.
func (t *wrapTabs) SelectIndex(i int) {
	if i < 0 || i >= len(t.Items) || i == t.selected {
		return
	}
	t.selected = i
	t.rebuild()
}

// SelectedIndex is the index of the tab in front.
func (t *wrapTabs) SelectedIndex() int { return t.selected }

// Append adds a tab at the end.
func (t *wrapTabs) Append(item *container.TabItem) {
	t.Items = append(t.Items, item)
	t.Refresh()
}

// tabFlow lays tab buttons out left to right, starting a new row when the
// next does not fit. Its minimum width is the widest button, so a split
// never makes the panel narrower than a label.
type tabFlow struct {
	width   float32 // the width at the last layout
	rows    int
	changed func() // called (later) when the number of rows changes
}

// place positions objs (when move) in width and returns the rows and height.
func (l *tabFlow) place(objs []fyne.CanvasObject, width float32, move bool) (rows int, height float32) {
	gap := theme.Padding() / 2
	x, y, rowH := float32(0), float32(0), float32(0)
	rows = 1
	for _, o := range objs {
		m := o.MinSize()
		if x > 0 && x+m.Width > width {
			x, y = 0, y+rowH+gap
			rowH = 0
			rows++
		}
		if move {
			o.Move(fyne.NewPos(x, y))
			o.Resize(fyne.NewSize(min(m.Width, width), m.Height))
		}
		x += m.Width + gap
		rowH = max(rowH, m.Height)
	}
	return rows, y + rowH
}

// Layout implements fyne.Layout.
func (l *tabFlow) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	rows, _ := l.place(objs, size.Width, true)
	l.width = size.Width
	if rows != l.rows {
		l.rows = rows
		// The bar's height changed with its width: lay the window out again
		// once this layout is done.
		if l.changed != nil {
			fyne.Do(l.changed)
		}
	}
}

// MinSize implements fyne.Layout: as wide as the widest button, as high as
// the rows at the last width.
func (l *tabFlow) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var w float32
	for _, o := range objs {
		w = max(w, o.MinSize().Width)
	}
	width := l.width
	if width <= 0 {
		width = 1e6
	}
	_, h := l.place(objs, max(width, w), false)
	return fyne.NewSize(w, h)
}
