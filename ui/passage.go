package ui

import (
	"image/color"
	"math"
	"sort"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
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
	m.tokens = tokenize(m.text, textMeasurer(size))
	m.tokenSize = size
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
// colour, search matches outlined), the selection, and a note marker. It owns
// the selection: mouse down and drag select a span, shift+arrow keys extend it.
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
	// current marks the passage the notes panel shows.
	current bool

	anchor, caret int // the selection, runes [min, max); equal when empty
	shift         bool
	dragging      bool
	focused       bool

	onTapped    func(v *passageView)
	onSelection func(v *passageView, start, end int)
	onSecondary func(v *passageView, off int, at fyne.Position)
	// onCarry, if set, makes the "¶ N" gutter a handle: dragging from it
	// carries the whole passage, dropped at an absolute position.
	onCarry  func(v *passageView, at fyne.Position)
	carrying bool
	carryAt  fyne.Position

	// lines is the layout at the last width.
	lines []line
	width float32
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
		v.lines = nil
		v.width = 0
	}
	v.model = m
	v.Refresh()
}

// Selection returns the selected runes [start, end); start == end when
// nothing is selected.
func (v *passageView) Selection() (int, int) {
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
	size := th.Size(theme.SizeNameText) * v.scale
	textH := fyne.MeasureText("Mg", size, fyne.TextStyle{}).Height
	m := passageMetrics{size: size, textH: textH, lineH: float32(int(textH*1.3 + 0.5)), padV: th.Size(theme.SizeNamePadding)}
	if v.gutter {
		m.gutterW = fyne.MeasureText("¶ 000", size*0.85, fyne.TextStyle{}).Width + 3*th.Size(theme.SizeNamePadding)
		m.markerW = 34
	}
	return m
}

// layout wraps the passage for a widget of the given width.
func (v *passageView) layout(width float32) passageMetrics {
	m := v.metrics()
	if v.model == nil {
		v.lines = nil
		return m
	}
	v.model.ensureTokens(m.size)
	v.lines = wrap(v.model.text, v.model.tokens, textWidth(m, width), textMeasurer(m.size))
	if v.maxLines > 0 && len(v.lines) > v.maxLines {
		v.lines = v.lines[:v.maxLines]
	}
	v.width = width
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
	measure := textMeasurer(m.size)
	runes := v.model.text[ln.start:ln.end]
	k := sort.Search(len(runes)+1, func(k int) bool { return measure(string(runes[:k])) >= x })
	if k > len(runes) {
		return ln.end
	}
	if k > 0 && x-measure(string(runes[:k-1])) < measure(string(runes[:k]))-x {
		k--
	}
	return ln.start + k
}

// positionOf returns the top-left of rune offset off in the widget, and the
// line height; tests and the context menu use it.
func (v *passageView) positionOf(off int) fyne.Position {
	m := v.metrics()
	if v.model == nil || len(v.lines) == 0 {
		return fyne.NewPos(m.gutterW, m.padV)
	}
	i := lineOf(v.lines, off)
	ln := v.lines[i]
	off = clamp(off, ln.start, ln.end)
	x := textMeasurer(m.size)(string(v.model.text[ln.start:off]))
	return fyne.NewPos(m.gutterW+x, m.padV+float32(i)*m.lineH)
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
	if c := fyne.CurrentApp().Driver().CanvasForObject(v); c != nil && !v.focused {
		c.Focus(v)
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
	v.Refresh()
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
	v.caret = v.offsetAt(ev.Position)
	v.Refresh()
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
		s, e := v.Selection()
		v.onSelection(v, s, e)
	}
}

// FocusGained implements fyne.Focusable.
func (v *passageView) FocusGained() { v.focused = true; v.Refresh() }

// FocusLost implements fyne.Focusable.
func (v *passageView) FocusLost() { v.focused, v.shift = false, false; v.Refresh() }

// TypedRune implements fyne.Focusable; a passage is read-only.
func (v *passageView) TypedRune(rune) {}

// KeyDown tracks the shift key for keyboard selection.
func (v *passageView) KeyDown(ev *fyne.KeyEvent) {
	if ev.Name == desktop.KeyShiftLeft || ev.Name == desktop.KeyShiftRight {
		v.shift = true
	}
}

// KeyUp tracks the shift key for keyboard selection.
func (v *passageView) KeyUp(ev *fyne.KeyEvent) {
	if ev.Name == desktop.KeyShiftLeft || ev.Name == desktop.KeyShiftRight {
		v.shift = false
	}
}

// TypedKey moves the caret; with shift held the selection follows it.
func (v *passageView) TypedKey(ev *fyne.KeyEvent) {
	if v.model == nil {
		return
	}
	n := len(v.model.text)
	caret := v.caret
	switch ev.Name {
	case fyne.KeyLeft:
		caret--
	case fyne.KeyRight:
		caret++
	case fyne.KeyUp, fyne.KeyDown:
		if len(v.lines) == 0 {
			return
		}
		m := v.metrics()
		p := v.positionOf(caret)
		dy := m.lineH
		if ev.Name == fyne.KeyUp {
			dy = -m.lineH
		}
		y := p.Y + dy + m.lineH/2
		switch {
		case y < 0:
			caret = 0
		case y > m.padV+float32(len(v.lines))*m.lineH:
			caret = n
		default:
			caret = v.offsetAt(fyne.NewPos(p.X, y))
		}
	case fyne.KeyHome:
		caret = v.lines[lineOf(v.lines, caret)].start
	case fyne.KeyEnd:
		caret = v.lines[lineOf(v.lines, caret)].end
	case fyne.KeyEscape:
		v.anchor = v.caret
		v.Refresh()
		v.notifySelection()
		return
	default:
		return
	}
	v.caret = clamp(caret, 0, n)
	if !v.shift {
		v.anchor = v.caret
	}
	v.Refresh()
	v.notifySelection()
}

// spans returns the backgrounds to draw: highlights, then search matches,
// then the selection, so that later ones are drawn on top.
func (v *passageView) spans() []span {
	var out []span
	th := v.Theme()
	variant := currentVariant()
	for _, h := range mergeHighlights(v.model.highlights) {
		var c color.Color = color.NRGBA{R: 0xff, G: 0xd5, B: 0x4f, A: 0x80}
		if v.colour != nil {
			c = v.colour(h.Colour)
		}
		out = append(out, span{start: h.Start, end: h.End, fill: highlightFill(c, variant)})
	}
	for _, mt := range v.model.matches {
		out = append(out, span{start: mt[0], end: mt[1], fill: matchFill(variant), stroke: matchStroke(variant)})
	}
	if s, e := v.Selection(); s < e {
		out = append(out, span{start: s, end: e, fill: th.Color(theme.ColorNameSelection, variant)})
	}
	return out
}

// mergeHighlights joins overlapping or touching highlights of one colour, so
// that they draw as one rectangle per line, without seams.
func mergeHighlights(hs []data.Highlight) []data.Highlight {
	if len(hs) < 2 {
		return hs
	}
	sorted := append([]data.Highlight(nil), hs...)
	sort.SliceStable(sorted, func(i, j int) bool { return sorted[i].Start < sorted[j].Start })
	var out []data.Highlight
	for _, h := range sorted {
		merged := false
		for k := range out {
			if out[k].Colour == h.Colour && h.Start <= out[k].End && h.End >= out[k].Start {
				out[k].Start = min(out[k].Start, h.Start)
				out[k].End = max(out[k].End, h.End)
				merged = true
				break
			}
		}
		if !merged {
			out = append(out, h)
		}
	}
	return out
}

type passageRenderer struct {
	v       *passageView
	objects []fyne.CanvasObject
}

func (r *passageRenderer) Destroy() {}

func (r *passageRenderer) Objects() []fyne.CanvasObject { return r.objects }

func (r *passageRenderer) MinSize() fyne.Size {
	m := r.v.metrics()
	if r.v.maxLines > 0 {
		// Snippets are list rows of a fixed height.
		return fyne.NewSize(80, 2*m.padV+float32(r.v.maxLines)*m.lineH)
	}
	w := r.v.width
	if w <= 0 {
		return fyne.NewSize(m.gutterW+m.markerW+80, 2*m.padV+m.lineH)
	}
	if r.v.model == nil {
		return fyne.NewSize(0, 2*m.padV+m.lineH)
	}
	n := len(r.v.lines)
	if n == 0 {
		n = 1
	}
	return fyne.NewSize(m.gutterW+m.markerW+40, 2*m.padV+float32(n)*m.lineH)
}

func (r *passageRenderer) Layout(size fyne.Size) {
	r.build(size)
}

func (r *passageRenderer) Refresh() {
	r.build(r.v.Size())
	canvas.Refresh(r.v)
}

// build lays the passage out at size and makes its canvas objects: one
// rectangle per background span per line, then one canvas.Text per line,
// then the gutter and the note marker. Every text starts on a whole device
// pixel (see snap).
func (r *passageRenderer) build(size fyne.Size) {
	v := r.v
	r.objects = r.objects[:0]
	if v.model == nil {
		return
	}
	m := v.layout(size.Width)
	th := v.Theme()
	variant := currentVariant()
	measure := textMeasurer(m.size)
	text := v.model.text
	fg := th.Color(theme.ColorNameForeground, variant)
	if !v.model.passage.Kind.Numbered() {
		// A photo caption reads as one: muted, and without a ¶ number.
		fg = th.Color(colorNameMuted, variant)
	}
	scale := canvasScale(v)

	if v.current {
		bar := canvas.NewRectangle(th.Color(theme.ColorNamePrimary, variant))
		bar.CornerRadius = 1.5
		bar.Move(fyne.NewPos(2, m.padV))
		bar.Resize(fyne.NewSize(3, size.Height-2*m.padV))
		r.objects = append(r.objects, bar)
	}

	spans := v.spans()
	xOf := func(ln line, off int) float32 {
		return m.gutterW + measure(string(text[ln.start:clamp(off, ln.start, ln.end)]))
	}
	for i, ln := range v.lines {
		y := m.padV + float32(i)*m.lineH
		for _, sp := range spans {
			s, e := max(sp.start, ln.start), min(sp.end, ln.end)
			if s >= e {
				continue
			}
			x1, x2 := xOf(ln, s), xOf(ln, e)
			// A span that runs on to the next line covers the space at the
			// end of this one too, so that a highlight reads as one piece.
			if sp.end > ln.end && i+1 < len(v.lines) && ln.next > ln.end {
				x2 += measure(" ")
			}
			rect := canvas.NewRectangle(sp.fill)
			if sp.stroke != nil {
				rect.StrokeColor = sp.stroke
				rect.StrokeWidth = 1.5
				rect.CornerRadius = 3
			} else {
				rect.CornerRadius = 2
			}
			rect.Move(fyne.NewPos(x1-1, y+1))
			rect.Resize(fyne.NewSize(x2-x1+2, m.lineH-2))
			r.objects = append(r.objects, rect)
		}
	}
	for i, ln := range v.lines {
		// One run per line, whatever the spans: the text has one colour, and
		// every extra run is another texture that can land between pixels.
		y := snap(m.padV+float32(i)*m.lineH+(m.lineH-m.textH)/2, scale)
		if ln.start < ln.end {
			t := canvas.NewText(string(text[ln.start:ln.end]), fg)
			t.TextSize = m.size
			t.Move(fyne.NewPos(snap(m.gutterW, scale), y))
			r.objects = append(r.objects, t)
		}
		if v.maxLines > 0 && i == len(v.lines)-1 && ln.next < len(text) {
			t := canvas.NewText("…", fg)
			t.TextSize = m.size
			t.Move(fyne.NewPos(snap(xOf(ln, ln.end)+2, scale), y))
			r.objects = append(r.objects, t)
		}
	}
	if v.gutter && v.model.passage.N > 0 {
		// Only body paragraphs are numbered; a caption keeps its place
		// without a number.
		muted := th.Color(theme.ColorNamePlaceHolder, variant)
		g := canvas.NewText("¶ "+strconv.Itoa(v.model.passage.N), muted)
		g.TextSize = m.size * 0.85
		// Right-aligned by hand: the painter's own alignment offset is not
		// snapped to pixels.
		gs := g.MinSize()
		right := m.gutterW - th.Size(theme.SizeNamePadding)
		g.Move(fyne.NewPos(snap(right-gs.Width, scale), snap(m.padV+(m.lineH-gs.Height)/2, scale)))
		r.objects = append(r.objects, g)
	}
	if v.gutter && v.model.notes > 0 {
		primary := th.Color(theme.ColorNamePrimary, variant)
		badge := canvas.NewRectangle(primary)
		badge.CornerRadius = 9
		label := canvas.NewText(strconv.Itoa(v.model.notes), th.Color(theme.ColorNameForegroundOnPrimary, variant))
		label.TextSize = m.size * 0.75
		label.TextStyle.Bold = true
		ls := label.MinSize()
		bw := max(float32(22), ls.Width+10)
		x := snap(size.Width-m.markerW+(m.markerW-bw)/2, scale)
		y := snap(m.padV+(m.lineH-18)/2, scale)
		badge.Move(fyne.NewPos(x, y))
		badge.Resize(fyne.NewSize(bw, 18))
		label.Move(fyne.NewPos(snap(x+(bw-ls.Width)/2, scale), snap(y+(18-ls.Height)/2, scale)))
		r.objects = append(r.objects, badge, label)
	}
}

// canvasScale returns the scale of the canvas that shows o: device pixels
// per Fyne unit.
func canvasScale(o fyne.CanvasObject) float32 {
	if app := fyne.CurrentApp(); app != nil {
		if c := app.Driver().CanvasForObject(o); c != nil && c.Scale() > 0 {
			return c.Scale()
		}
	}
	return 1
}

// snap rounds a coordinate to a whole device pixel. The GL painter draws a
// text as a texture as wide as the text's width rounded to pixels, on a
// quad whose edges are the text's position and end each rounded to pixels:
// a text that starts between pixels can get a quad one pixel narrower or
// shorter than its texture, which is then resampled and looks dim and
// blurred. From a whole pixel, the two always agree.
func snap(x, scale float32) float32 {
	if scale <= 0 {
		scale = 1
	}
	return float32(math.Round(float64(x*scale))) / scale
}
