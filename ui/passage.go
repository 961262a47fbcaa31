package ui

import (
	"image/color"
	"sort"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/casebookapp/casebook/data"
)

// passageModel is what the reader knows about one passage: its text, the
// highlights and search matches drawn on it, and how many notes it has. The
// list recycles passage widgets, so everything a row shows lives here.
type passageModel struct {
	passage    data.Passage
	text       []rune
	highlights []data.Highlight
	matches    [][2]int
	notes      int

	// tokens are the passage's words, measured at tokenSize.
	tokens    []token
	tokenSize float32
}

func newPassageModel(p data.Passage) *passageModel {
	return &passageModel{passage: p, text: []rune(p.Text)}
}

// ensureTokens measures the words of the passage at size, once per size.
func (m *passageModel) ensureTokens(size float32) {
	if m.tokens != nil && m.tokenSize == size {
		return
	}
	m.tokens = tokenize(m.text, wordMeasurer(size))
	m.tokenSize = size
}

// wordWidths remembers the width of each word at each text size, across
// passages: an article repeats its words ("the", "Liang", "said"), and a
// text-size step measures every word of it again. Fyne's own cache is keyed
// by size too, but each miss shapes the word with HarfBuzz. It is used on
// the UI goroutine only.
var wordWidths = map[wordKey]float32{}

type wordKey struct {
	size float32
	word string
}

// wordWidthsMax bounds the cache; it is emptied when full.
const wordWidthsMax = 100_000

// wordMeasurer returns a measureFunc for the reader's font at size that
// measures each distinct word once.
func wordMeasurer(size float32) measureFunc {
	return func(s string) float32 {
		k := wordKey{size, s}
		if w, ok := wordWidths[k]; ok {
			return w
		}
		if len(wordWidths) >= wordWidthsMax {
			clear(wordWidths)
		}
		w := fyne.MeasureText(s, size, fyne.TextStyle{}).Width
		wordWidths[k] = w
		return w
	}
}

// textMeasurer returns a measureFunc for the reader's font at size.
func textMeasurer(size float32) measureFunc {
	return func(s string) float32 { return fyne.MeasureText(s, size, fyne.TextStyle{}).Width }
}

// span is a range of runes drawn with one background.
type span struct {
	start, end int
	fill       color.Color
	stroke     color.Color
}

// passageMetrics are the sizes a passage is laid out with.
type passageMetrics struct {
	size    float32 // text size
	textH   float32 // height of one line of text
	lineH   float32 // distance between lines
	padV    float32 // space above and below the text
	gutterW float32 // width of the "¶ N" gutter (0 without one)
	markerW float32 // width kept on the right for the note marker
}

// passageView draws one passage: its number in a gutter, its words wrapped to
// the width, highlight rectangles behind spans (user highlights in their
// colour, search matches outlined), the selection, and a note marker. Mouse
// down and drag select a span; the reader's keyboard target moves the
// selection by words and sentences and tells the view what to show.
//
// Its renderer makes its canvas objects once and updates them: a drag or a
// key that moves the selection moves rectangles, it does not allocate new
// ones.
type passageView struct {
	widget.BaseWidget

	model *passageModel
	// colour returns the fill of a legend colour key.
	colour func(key string) color.Color
	// gutter shows "¶ N" on the left; result snippets have none.
	gutter bool
	// maxLines cuts the passage after that many lines (0: no limit).
	maxLines int
	// scale multiplies the theme's text size.
	scale float32
	// current marks the reader's current passage: the one the notes panel
	// shows and the keys act on. focused adds the focus ring, when the
	// reader has the keyboard.
	current, focused bool

	anchor, caret int // the selection, runes [min, max); equal when empty
	shift         bool
	dragging      bool
	// selectionOnly says that only the selection changed since the last
	// refresh: the highlights and matches drawn are still right.
	selectionOnly bool

	onTapped    func(v *passageView)
	onSelection func(v *passageView, start, end int)
	onSecondary func(v *passageView, off int, at fyne.Position)
	// onPress is called when a mouse button goes down on the passage: the
	// reader takes the keyboard focus.
	onPress func()
	// onCarry, if set, makes the "¶ N" gutter a handle: dragging from it
	// carries the whole passage, dropped at an absolute position.
	onCarry  func(v *passageView, at fyne.Position)
	carrying bool
	carryAt  fyne.Position

	// lines is the layout at the last width, lineText the text of each
	// line; laidModel and laidSize are what it was laid out for.
	lines     []line
	lineText  []string
	width     float32
	laidModel *passageModel
	laidSize  float32

	// metrics cache, for metricsSize (text size × scale).
	m           passageMetrics
	metricsSize float32
	metricsOK   bool
}

func newPassageView() *passageView {
	v := &passageView{gutter: true, scale: 1}
	v.ExtendBaseWidget(v)
	return v
}

// setModel shows another passage (the list recycles widgets).
func (v *passageView) setModel(m *passageModel) {
	if v.model != m {
		v.anchor, v.caret = 0, 0
		v.invalidate()
	}
	v.model = m
	v.Refresh()
}

// invalidate forgets the layout, so that the next one wraps the text again.
func (v *passageView) invalidate() {
	v.lines, v.lineText = v.lines[:0], v.lineText[:0]
	v.width = 0
	v.laidModel = nil
}

// selection returns the selected runes [start, end); start == end when
// nothing is selected.
func (v *passageView) selection() (int, int) {
	if v.anchor <= v.caret {
		return v.anchor, v.caret
	}
	return v.caret, v.anchor
}

// Select selects runes [start, end) of the passage.
func (v *passageView) Select(start, end int) {
	n := 0
	if v.model != nil {
		n = len(v.model.text)
	}
	v.anchor, v.caret = clamp(start, 0, n), clamp(end, 0, n)
	v.refreshSelection()
}

// refreshSelection redraws the passage after a change of selection only.
func (v *passageView) refreshSelection() {
	v.selectionOnly = true
	v.Refresh()
}

func clamp(x, lo, hi int) int {
	if x < lo {
		return lo
	}
	if x > hi {
		return hi
	}
	return x
}

func (v *passageView) metrics() passageMetrics {
	th := v.Theme()
	base := th.Size(theme.SizeNameText)
	size := base * v.scale
	if v.metricsOK && v.metricsSize == size {
		return v.m
	}
	textH := fyne.MeasureText("Mg", size, fyne.TextStyle{}).Height
	m := passageMetrics{size: size, textH: textH, lineH: float32(int(textH*1.3 + 0.5)), padV: th.Size(theme.SizeNamePadding)}
	if v.gutter {
		m.gutterW = fyne.MeasureText("¶ 000", size*0.85, fyne.TextStyle{}).Width + 3*th.Size(theme.SizeNamePadding)
		// The note marker grows with the interface's text size.
		m.markerW = 34 * base / 14
	}
	v.m, v.metricsSize, v.metricsOK = m, size, true
	return m
}

// layout wraps the passage for a widget of the given width, unless it is
// already laid out for that width, passage and text size.
func (v *passageView) layout(width float32) passageMetrics {
	m := v.metrics()
	if v.model == nil {
		v.lines, v.lineText = v.lines[:0], v.lineText[:0]
		return m
	}
	if v.laidModel == v.model && v.width == width && v.laidSize == m.size && len(v.lines) > 0 {
		return m
	}
	v.model.ensureTokens(m.size)
	v.lines = wrap(v.model.text, v.model.tokens, textWidth(m, width), textMeasurer(m.size))
	if v.maxLines > 0 && len(v.lines) > v.maxLines {
		v.lines = v.lines[:v.maxLines]
	}
	v.lineText = v.lineText[:0]
	for _, ln := range v.lines {
		v.lineText = append(v.lineText, string(v.model.text[ln.start:ln.end]))
	}
	v.width, v.laidModel, v.laidSize = width, v.model, m.size
	return m
}

// textWidth is the width left for words in a widget of the given width.
func textWidth(m passageMetrics, width float32) float32 {
	w := width - m.gutterW - m.markerW - 2
	if w < 40 {
		w = 40
	}
	return w
}

// passageHeight is the height a passage needs at a width, computed from its
// measured words without a widget: the reader sizes every row this way.
func passageHeight(m passageMetrics, pm *passageModel, width float32) float32 {
	pm.ensureTokens(m.size)
	n := len(wrap(pm.text, pm.tokens, textWidth(m, width), textMeasurer(m.size)))
	if n == 0 {
		n = 1
	}
	return 2*m.padV + float32(n)*m.lineH
}

// byteOffset returns the byte offset of rune k in s.
func byteOffset(s string, k int) int {
	for i := range s {
		if k == 0 {
			return i
		}
		k--
	}
	return len(s)
}

// lineX is the x of rune offset off of line i, from the start of the text.
// It measures a prefix of the line's text, which needs no new string.
func (v *passageView) lineX(i int, off int, size float32) float32 {
	ln := v.lines[i]
	k := clamp(off, ln.start, ln.end) - ln.start
	if k == 0 {
		return 0
	}
	s := v.lineText[i]
	return fyne.MeasureText(s[:byteOffset(s, k)], size, fyne.TextStyle{}).Width
}

// offsetAt returns the rune offset nearest to a position in the widget.
func (v *passageView) offsetAt(pos fyne.Position) int {
	if v.model == nil || len(v.lines) == 0 {
		return 0
	}
	m := v.metrics()
	i := int((pos.Y - m.padV) / m.lineH)
	if pos.Y < m.padV {
		i = 0
	}
	if i >= len(v.lines) {
		return v.lines[len(v.lines)-1].end
	}
	ln := v.lines[i]
	x := pos.X - m.gutterW
	if x <= 0 {
		return ln.start
	}
	n := ln.end - ln.start
	k := sort.Search(n+1, func(k int) bool { return v.lineX(i, ln.start+k, m.size) >= x })
	if k > n {
		return ln.end
	}
	if k > 0 && x-v.lineX(i, ln.start+k-1, m.size) < v.lineX(i, ln.start+k, m.size)-x {
		k--
	}
	return ln.start + k
}

// positionOf returns the top-left of rune offset off in the widget; tests
// and the context menu use it.
func (v *passageView) positionOf(off int) fyne.Position {
	m := v.metrics()
	if v.model == nil || len(v.lines) == 0 {
		return fyne.NewPos(m.gutterW, m.padV)
	}
	i := lineOf(v.lines, off)
	return fyne.NewPos(m.gutterW+v.lineX(i, off, m.size), m.padV+float32(i)*m.lineH)
}

// CreateRenderer implements fyne.Widget.
func (v *passageView) CreateRenderer() fyne.WidgetRenderer {
	return &passageRenderer{v: v}
}

// Cursor shows a text cursor over the passage.
func (v *passageView) Cursor() desktop.Cursor { return desktop.TextCursor }

// MouseIn implements desktop.Hoverable so that the list row underneath does
// not draw a hover background over the text.
func (v *passageView) MouseIn(*desktop.MouseEvent) {}

// MouseMoved implements desktop.Hoverable.
func (v *passageView) MouseMoved(*desktop.MouseEvent) {}

// MouseOut implements desktop.Hoverable.
func (v *passageView) MouseOut() {}

// MouseDown starts a selection, or extends it when shift is held.
func (v *passageView) MouseDown(ev *desktop.MouseEvent) {
	if ev.Button != desktop.MouseButtonPrimary || v.model == nil {
		return
	}
	if v.onPress != nil {
		v.onPress()
	}
	if v.inHandle(ev.Position) {
		v.carrying, v.carryAt = true, ev.AbsolutePosition
		return
	}
	off := v.offsetAt(ev.Position)
	if ev.Modifier&fyne.KeyModifierShift != 0 || v.shift {
		v.caret = off
	} else {
		v.anchor, v.caret = off, off
	}
	v.dragging = true
	v.refreshSelection()
}

// MouseUp ends a mouse selection and reports it.
func (v *passageView) MouseUp(*desktop.MouseEvent) {
	v.carrying = false
	if !v.dragging {
		return
	}
	v.dragging = false
	v.notifySelection()
}

// Dragged extends the selection to the pointer.
func (v *passageView) Dragged(ev *fyne.DragEvent) {
	if v.model == nil {
		return
	}
	if !v.dragging && !v.carrying && v.inHandle(ev.Position.SubtractXY(ev.Dragged.DX, ev.Dragged.DY)) {
		v.carrying = true // a drag the driver started without a mouse down
	}
	if v.carrying {
		v.carryAt = ev.AbsolutePosition
		return
	}
	if !v.dragging {
		// A drag that the driver started without a mouse down (tests, touch).
		v.anchor = v.offsetAt(ev.Position.SubtractXY(ev.Dragged.DX, ev.Dragged.DY))
		v.dragging = true
	}
	caret := v.offsetAt(ev.Position)
	if caret == v.caret {
		return // the selection did not change: nothing to draw
	}
	v.caret = caret
	v.refreshSelection()
}

// DragEnd reports the selection made by dragging.
func (v *passageView) DragEnd() {
	if v.carrying {
		v.carrying = false
		v.onCarry(v, v.carryAt)
		return
	}
	v.dragging = false
	v.notifySelection()
}

// inHandle reports whether a point of the widget is on the "¶ N" gutter
// that carries the passage.
func (v *passageView) inHandle(pos fyne.Position) bool {
	return v.gutter && v.onCarry != nil && v.model != nil && pos.X >= 0 && pos.X < v.metrics().gutterW
}

// Tapped makes this the current passage.
func (v *passageView) Tapped(*fyne.PointEvent) {
	if v.onTapped != nil {
		v.onTapped(v)
	}
}

// TappedSecondary opens the passage's context menu.
func (v *passageView) TappedSecondary(ev *fyne.PointEvent) {
	if v.onSecondary != nil && v.model != nil {
		v.onSecondary(v, v.offsetAt(ev.Position), ev.AbsolutePosition)
	}
}

func (v *passageView) notifySelection() {
	if v.onSelection != nil {
		s, e := v.selection()
		v.onSelection(v, s, e)
	}
}
