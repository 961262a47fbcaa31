package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
)

// BenchmarkKeystrokeToResults measures one keystroke in the search bar until
// its results are on screen: the query off the UI goroutine on the bundled
// library, then the result list refreshed (test driver, software painter).
func BenchmarkKeystrokeToResults(b *testing.B) {
	t := &testing.T{}
	h := newHarness(t)
	s := h.u.search
	queries := []string{"probaton", "probation", "commnity service", "Liang sentenc"}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		s.entry.SetText(queries[i%len(queries)])
		h.waitFor("results", func() bool { return s.shown == s.gen })
	}
}

// BenchmarkResizeLongArticle measures recomputing every row's height of a
// 240-passage article for a new width and handing them to the list.
func BenchmarkResizeLongArticle(b *testing.B) {
	t := &testing.T{}
	h := newHarness(t)
	r := h.u.reader
	base := r.rows
	for len(r.rows) < 240 {
		for _, m := range base {
			c := newPassageModel(m.passage)
			c.passage.ID = int64(len(r.rows) + 100000)
			r.rows = append(r.rows, c)
		}
	}
	r.list.Refresh()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		r.sizeRows(float32(600 + i%2*200))
	}
}

// BenchmarkDragSelect measures one mouse-drag event over a passage of the
// reader, from the event to the passage redrawn with the new selection: the
// renderer moves its rectangles, it does not build new canvas objects. Run
// with -benchmem: allocs/op is what a drag costs per event.
func BenchmarkDragSelect(b *testing.B) {
	t := &testing.T{}
	h := newHarness(t)
	r := h.u.reader
	row := 0
	for i, m := range r.rows {
		if len(m.text) > len(r.rows[row].text) {
			row = i
		}
	}
	r.scrollToRow(row)
	h.pump()
	v, ok := r.viewOf(row)
	if !ok {
		b.Fatal("the longest passage is not on screen")
	}
	m := v.metrics()
	from := v.positionOf(0).AddXY(1, m.lineH/2)
	v.MouseDown(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: from}, Button: desktop.MouseButtonPrimary})
	// Positions across every line, so that each event moves the caret.
	var to []fyne.Position
	for off := 1; off < len(v.model.text); off += 3 {
		to = append(to, v.positionOf(off).AddXY(1, m.lineH/2))
	}
	for _, p := range to { // warm the text measure cache, as a first drag does
		v.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: p}})
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		v.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: to[i%len(to)]}})
	}
	b.StopTimer()
	v.DragEnd()
}

// BenchmarkTextSizeStep measures one step of View › Larger text on the
// longest seed article: the theme applied to the whole window, every
// passage measured again at the new size, its height given to the list, and
// the visible rows laid out (test driver).
func BenchmarkTextSizeStep(b *testing.B) {
	t := &testing.T{}
	h := newHarness(t)
	u := h.u
	u.openArticle(h.article(2).ID)
	h.pump()
	c := u.Window.Canvas()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		// Up from 80 % to 200 % and down again, one 10 % step at a time,
		// as a student's steps go.
		k := i % 24
		if k >= 12 {
			k = 24 - k
		}
		u.setTextScale(0.8 + float32(k)*0.1)
		// Lay the window out as a frame would.
		u.Window.Content().Resize(c.Size())
		h.pump()
	}
}
