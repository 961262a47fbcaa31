package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// The reader's rows: their heights at a width, measured without widgets,
// and scrolling by row and by passage.

// rowOffset is the scroll offset at which row starts.
func (r *reader) rowOffset(row int) float32 {
	pad := r.list.Theme().Size(theme.SizeNamePadding)
	y := float32(0)
	for i := 0; i < row && i < len(r.heights); i++ {
		y += r.heights[i] + pad
	}
	return y
}

// scrollToRow brings row to the top of the reader, a little below the edge.
func (r *reader) scrollToRow(row int) {
	if row < 0 || row >= len(r.rows) {
		return
	}
	if len(r.heights) != len(r.rows) {
		r.list.ScrollTo(row)
		return
	}
	r.list.ScrollToOffset(max(0, r.rowOffset(row)-8))
}

// topRow returns the first row visible at the current scroll offset.
func (r *reader) topRow() int {
	off := r.list.GetScrollOffset()
	pad := r.list.Theme().Size(theme.SizeNamePadding)
	y := float32(0)
	for i, h := range r.heights {
		if y+h+pad > off+8 {
			return i
		}
		y += h + pad
	}
	return 0
}

// topSeq returns the sequence number of the top visible passage, which stays
// meaningful when the window is resized.
func (r *reader) topSeq() int {
	if len(r.rows) == 0 {
		return 0
	}
	return r.rows[r.topRow()].passage.Seq
}

// scrollToSeq scrolls to the passage with the given sequence number.
func (r *reader) scrollToSeq(seq int) {
	for i, m := range r.rows {
		if m.passage.Seq >= seq {
			if i > 0 {
				r.scrollToRow(i)
			}
			return
		}
	}
}

// sizeRows computes every row's height for a width and gives them to the
// list in one batch, keeping the top passage in place.
func (r *reader) sizeRows(width float32) {
	if width <= 0 || (width == r.heightsWidth && len(r.heights) == len(r.rows)) {
		return
	}
	top := r.topRow()
	m := r.proto.metrics()
	r.heights = make([]float32, len(r.rows))
	for i, pm := range r.rows {
		r.heights[i] = passageHeight(m, pm, width)
	}
	r.heightsWidth = width
	r.measured++
	setItemHeights(r.list, r.heights)
	if top > 0 {
		r.list.ScrollToOffset(r.rowOffset(top))
	}
}

// fitHeader has the reader laid out again when the header's wrapped title
// needs another height at the new width: a wrapped label only knows its
// height once it has been given its width, after the layout asked for it.
func (r *reader) fitHeader() {
	if r.body == nil || r.fitting || !r.header.Visible() {
		return
	}
	want := r.header.MinSize().Height
	if d := want - r.header.Size().Height; d > 0.5 || d < -0.5 {
		// Not now: this runs inside the body's own layout.
		r.fitting = true
		r.hooks.do(func() {
			r.fitting = false
			r.body.Refresh()
		})
	}
}

// setItemHeights gives a list all its row heights at once. List.SetItemHeight
// refreshes the whole list on every call, which makes a resize of a long
// article take seconds; with the list emptied for the duration, each call
// costs a map write, and one refresh at the end lays the rows out.
func setItemHeights(l *widget.List, heights []float32) {
	length, create, update := l.Length, l.CreateItem, l.UpdateItem
	l.Length = func() int { return 0 }
	l.CreateItem = nil
	l.UpdateItem = func(widget.ListItemID, fyne.CanvasObject) {}
	for i, h := range heights {
		l.SetItemHeight(i, h)
	}
	l.Length, l.CreateItem, l.UpdateItem = length, create, update
	l.Refresh()
}

// widthWatcher lays out its single child at full size and reports width
// changes first, so that row heights are right before the rows are drawn.
type widthWatcher struct {
	onWidth func(float32)
}

// Layout implements fyne.Layout.
func (w *widthWatcher) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	w.onWidth(size.Width)
	for _, o := range objs {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
}

// MinSize implements fyne.Layout.
func (w *widthWatcher) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var s fyne.Size
	for _, o := range objs {
		s = s.Max(o.MinSize())
	}
	return s
}
