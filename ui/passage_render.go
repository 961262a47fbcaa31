package ui

import (
	"image/color"
	"math"
	"sort"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"

	"github.com/casebookapp/casebook/data"
)

// decorations returns the backgrounds of highlights and search matches, in
// drawing order, appended to buf.
func (v *passageView) decorations(buf []span) []span {
	variant := currentVariant()
	for _, h := range mergeHighlights(v.model.highlights) {
		var c color.Color = color.NRGBA{R: 0xff, G: 0xd5, B: 0x4f, A: 0x80}
		if v.colour != nil {
			c = v.colour(h.Colour)
		}
		buf = append(buf, span{start: h.Start, end: h.End, fill: highlightFill(c, variant)})
	}
	for _, mt := range v.model.matches {
		buf = append(buf, span{start: mt[0], end: mt[1], fill: matchFill(variant), stroke: matchStroke(variant)})
	}
	return buf
}

// spans returns the backgrounds to draw: highlights, then search matches,
// then the selection, so that later ones are drawn on top.
func (v *passageView) spans() []span {
	out := v.decorations(nil)
	if s, e := v.selection(); s < e {
		out = append(out, span{start: s, end: e, fill: v.Theme().Color(theme.ColorNameSelection, currentVariant())})
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

// passageRenderer draws a passageView. Its canvas objects are made once and
// kept in pools that grow as needed; build updates them in place and lists
// the ones in use.
type passageRenderer struct {
	v       *passageView
	objects []fyne.CanvasObject

	bar, ring *canvas.Rectangle
	rects     []*canvas.Rectangle
	texts     []*canvas.Text
	more      *canvas.Text
	gutter    *canvas.Text
	gutterN   int
	badge     *canvas.Rectangle
	badgeText *canvas.Text
	badgeN    int

	// decor are the highlight and match backgrounds of the last full
	// build, reused while only the selection changes.
	decor []span
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

// rect returns the k-th background rectangle of the pool.
func (r *passageRenderer) rect(k int) *canvas.Rectangle {
	for len(r.rects) <= k {
		r.rects = append(r.rects, canvas.NewRectangle(color.Transparent))
	}
	return r.rects[k]
}

// text returns the k-th line of text of the pool.
func (r *passageRenderer) text(k int) *canvas.Text {
	for len(r.texts) <= k {
		r.texts = append(r.texts, canvas.NewText("", color.Black))
	}
	return r.texts[k]
}

// build lays the passage out at size and updates its canvas objects: the
// current-passage bar and focus ring, one rectangle per background span per
// line, then one canvas.Text per line, then the gutter and the note marker.
// Every text starts on a whole device pixel (see snap).
func (r *passageRenderer) build(size fyne.Size) {
	v := r.v
	selectionOnly := v.selectionOnly
	v.selectionOnly = false
	r.objects = r.objects[:0]
	if v.model == nil {
		return
	}
	m := v.layout(size.Width)
	th := v.Theme()
	variant := currentVariant()
	fg := th.Color(theme.ColorNameForeground, variant)
	if !v.model.passage.Kind.Numbered() {
		// A photo caption reads as one: muted, and without a ¶ number.
		fg = th.Color(colorNameMuted, variant)
	}
	scale := canvasScale(v)

	if v.focused {
		if r.ring == nil {
			r.ring = canvas.NewRectangle(color.Transparent)
			r.ring.StrokeWidth = 2
			r.ring.CornerRadius = 4
		}
		r.ring.FillColor = th.Color(theme.ColorNameHover, variant)
		r.ring.StrokeColor = th.Color(theme.ColorNameFocus, variant)
		r.ring.Move(fyne.NewPos(1, 1))
		r.ring.Resize(fyne.NewSize(size.Width-2, size.Height-2))
		r.objects = append(r.objects, r.ring)
	}
	if v.current {
		if r.bar == nil {
			r.bar = canvas.NewRectangle(color.Transparent)
			r.bar.CornerRadius = 1.5
		}
		r.bar.FillColor = th.Color(theme.ColorNamePrimary, variant)
		r.bar.Move(fyne.NewPos(2, m.padV))
		r.bar.Resize(fyne.NewSize(3, size.Height-2*m.padV))
		r.objects = append(r.objects, r.bar)
	}

	if !selectionOnly || r.decor == nil {
		r.decor = v.decorations(r.decor[:0])
	}
	k := 0
	var spaceW float32
	drawSpan := func(sp span) {
		for i, ln := range v.lines {
			s, e := max(sp.start, ln.start), min(sp.end, ln.end)
			if s >= e {
				continue
			}
			y := m.padV + float32(i)*m.lineH
			x1, x2 := m.gutterW+v.lineX(i, s, m.size), m.gutterW+v.lineX(i, e, m.size)
			// A span that runs on to the next line covers the space at the
			// end of this one too, so that a highlight reads as one piece.
			if sp.end > ln.end && i+1 < len(v.lines) && ln.next > ln.end {
				if spaceW == 0 {
					spaceW = fyne.MeasureText(" ", m.size, fyne.TextStyle{}).Width
				}
				x2 += spaceW
			}
			rect := r.rect(k)
			k++
			rect.FillColor = sp.fill
			if sp.stroke != nil {
				rect.StrokeColor = sp.stroke
				rect.StrokeWidth = 1.5
				rect.CornerRadius = 3
			} else {
				rect.StrokeColor, rect.StrokeWidth = nil, 0
				rect.CornerRadius = 2
			}
			rect.Move(fyne.NewPos(x1-1, y+1))
			rect.Resize(fyne.NewSize(x2-x1+2, m.lineH-2))
			r.objects = append(r.objects, rect)
		}
	}
	for _, sp := range r.decor {
		drawSpan(sp)
	}
	if s, e := v.selection(); s < e {
		drawSpan(span{start: s, end: e, fill: th.Color(theme.ColorNameSelection, variant)})
	}

	k = 0
	for i, ln := range v.lines {
		// One run per line, whatever the spans: the text has one colour, and
		// every extra run is another texture that can land between pixels.
		y := snap(m.padV+float32(i)*m.lineH+(m.lineH-m.textH)/2, scale)
		if ln.start < ln.end {
			t := r.text(k)
			k++
			t.Text, t.Color, t.TextSize = v.lineText[i], fg, m.size
			t.Move(fyne.NewPos(snap(m.gutterW, scale), y))
			r.objects = append(r.objects, t)
		}
		if v.maxLines > 0 && i == len(v.lines)-1 && ln.next < len(v.model.text) {
			if r.more == nil {
				r.more = canvas.NewText("…", fg)
			}
			r.more.Color, r.more.TextSize = fg, m.size
			r.more.Move(fyne.NewPos(snap(m.gutterW+v.lineX(i, ln.end, m.size)+2, scale), y))
			r.objects = append(r.objects, r.more)
		}
	}
	if v.gutter && v.model.passage.N > 0 {
		// Only body paragraphs are numbered; a caption keeps its place
		// without a number.
		if r.gutter == nil || r.gutterN != v.model.passage.N {
			if r.gutter == nil {
				r.gutter = canvas.NewText("", fg)
			}
			r.gutter.Text = "¶ " + strconv.Itoa(v.model.passage.N)
			r.gutterN = v.model.passage.N
		}
		g := r.gutter
		g.Color = th.Color(theme.ColorNamePlaceHolder, variant)
		g.TextSize = m.size * 0.85
		// Right-aligned by hand: the painter's own alignment offset is not
		// snapped to pixels.
		gs := g.MinSize()
		right := m.gutterW - th.Size(theme.SizeNamePadding)
		g.Move(fyne.NewPos(snap(right-gs.Width, scale), snap(m.padV+(m.lineH-gs.Height)/2, scale)))
		r.objects = append(r.objects, g)
	}
	if v.gutter && v.model.notes > 0 {
		if r.badge == nil {
			r.badge = canvas.NewRectangle(color.Transparent)
			r.badgeText = canvas.NewText("", fg)
			r.badgeText.TextStyle.Bold = true
		}
		if r.badgeN != v.model.notes {
			r.badgeText.Text = strconv.Itoa(v.model.notes)
			r.badgeN = v.model.notes
		}
		grow := th.Size(theme.SizeNameText) / 14
		bh := 18 * grow
		r.badge.FillColor = th.Color(theme.ColorNamePrimary, variant)
		r.badge.CornerRadius = bh / 2
		label := r.badgeText
		label.Color = th.Color(theme.ColorNameForegroundOnPrimary, variant)
		label.TextSize = m.size * 0.75
		ls := label.MinSize()
		bw := max(22*grow, ls.Width+10)
		x := snap(size.Width-m.markerW+(m.markerW-bw)/2, scale)
		y := snap(m.padV+(m.lineH-bh)/2, scale)
		r.badge.Move(fyne.NewPos(x, y))
		r.badge.Resize(fyne.NewSize(bw, bh))
		label.Move(fyne.NewPos(snap(x+(bw-ls.Width)/2, scale), snap(y+(bh-ls.Height)/2, scale)))
		r.objects = append(r.objects, r.badge, label)
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
