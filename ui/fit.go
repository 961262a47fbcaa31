package ui

import (
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// wordsFit holds a word-wrapped label and keeps it at least as wide as its
// longest word, so that a narrow panel or large text wraps it between words
// ("Notes on / the caption") and never cuts one ("No…", "Not / es").
type wordsFit struct{ l *widget.Label }

// fitWords makes l wrap between words in a container no narrower than
// its longest word.
func fitWords(l *widget.Label) *fyne.Container {
	l.Truncation = fyne.TextTruncateOff
	l.Wrapping = fyne.TextWrapWord
	return container.New(wordsFit{l}, l)
}

// Layout implements fyne.Layout.
func (f wordsFit) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objs {
		o.Move(fyne.Position{})
		o.Resize(size)
	}
}

// MinSize implements fyne.Layout: the longest word's width, and the height
// of the label wrapped at its width.
func (f wordsFit) MinSize([]fyne.CanvasObject) fyne.Size {
	size := theme.TextSize()
	if f.l.SizeName != "" {
		size = theme.Size(f.l.SizeName)
	}
	var w float32
	for _, word := range strings.Fields(f.l.Text) {
		w = max(w, fyne.MeasureText(word, size, f.l.TextStyle).Width)
	}
	return fyne.NewSize(w+2*theme.InnerPadding(), f.l.MinSize().Height)
}

// placeHolderFit keeps an entry at least as wide as its placeholder, so
// that "Find an article…" is read whole at any text size.
type placeHolderFit struct{ e *widget.Entry }

// fitPlaceHolder puts obj (the entry e, or a widget extending it) in a
// container no narrower than e's placeholder.
func fitPlaceHolder(obj fyne.CanvasObject, e *widget.Entry) *fyne.Container {
	return container.New(placeHolderFit{e}, obj)
}

// Layout implements fyne.Layout.
func (f placeHolderFit) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objs {
		o.Move(fyne.Position{})
		o.Resize(size)
	}
}

// MinSize implements fyne.Layout: the entry's own, widened to show its
// placeholder whole (the text, the entry's padding and its border).
func (f placeHolderFit) MinSize([]fyne.CanvasObject) fyne.Size {
	m := f.e.MinSize()
	w := fyne.MeasureText(f.e.PlaceHolder, theme.TextSize(), f.e.TextStyle).Width +
		2*theme.InnerPadding() + 2*theme.InputBorderSize() + theme.Padding()
	return fyne.NewSize(max(m.Width, w), m.Height)
}

// besideOrUnder lays a heading (made with fitWords) out with a button: on
// one row, the button on the right, while the heading's longest word fits
// beside it; in a narrower panel the button goes under the heading. Its
// height depends on its width, like a wrapped label's: it reports the
// height for the width it was last laid out at, and calls relayout when
// that changes the number of rows.
type besideOrUnder struct {
	heading  *fyne.Container
	button   fyne.CanvasObject
	relayout func()
	width    float32
	under    bool
	lastH    float32 // the heading's height at the last layout
}

func newBesideOrUnder(heading *fyne.Container, button fyne.CanvasObject, relayout func()) *fyne.Container {
	l := &besideOrUnder{heading: heading, button: button, relayout: relayout}
	return container.New(l, heading, button)
}

// fits reports whether the heading's longest word fits beside the button
// in width.
func (l *besideOrUnder) fits(width float32) bool {
	return l.heading.MinSize().Width+theme.Padding()+l.button.MinSize().Width <= width
}

// Layout implements fyne.Layout.
func (l *besideOrUnder) Layout(_ []fyne.CanvasObject, size fyne.Size) {
	b := l.button.MinSize()
	under := !l.fits(size.Width)
	if under {
		// The wrapped label's height follows its width: size it once to
		// learn it.
		l.heading.Resize(fyne.NewSize(size.Width, size.Height))
		l.heading.Resize(fyne.NewSize(size.Width, l.heading.MinSize().Height))
		l.heading.Move(fyne.Position{})
		l.button.Move(fyne.NewPos(0, l.heading.Size().Height))
	} else {
		w := size.Width - b.Width - theme.Padding()
		// The wrapped label's height follows its width: size it once to
		// learn it.
		l.heading.Resize(fyne.NewSize(w, size.Height))
		h := l.heading.MinSize().Height
		l.heading.Resize(fyne.NewSize(w, max(h, b.Height)))
		l.heading.Move(fyne.Position{})
		l.button.Move(fyne.NewPos(size.Width-b.Width, (max(h, b.Height)-b.Height)/2))
	}
	l.button.Resize(b)
	changed := l.width > 0 && (under != l.under || l.heading.MinSize().Height != l.lastH)
	l.width, l.under, l.lastH = size.Width, under, l.heading.MinSize().Height
	if changed && l.relayout != nil {
		l.relayout()
	}
}

// MinSize implements fyne.Layout: as wide as the heading's longest word or
// the button, as high as the rows at the last width.
func (l *besideOrUnder) MinSize([]fyne.CanvasObject) fyne.Size {
	h, b := l.heading.MinSize(), l.button.MinSize()
	w := max(h.Width, b.Width)
	if l.width > 0 && l.under {
		return fyne.NewSize(w, h.Height+b.Height)
	}
	return fyne.NewSize(w, max(h.Height, b.Height))
}

// relayout has the window laid out again once the current layout is done:
// a part whose height follows its width changed its number of rows.
func (u *UI) relayout() {
	u.do(func() {
		if c := u.Window.Content(); c != nil {
			c.Refresh()
		}
	})
}

// upTo shows obj whole while it takes at most frac of the window's height,
// and scrolls it beyond. A long title, or a quoted passage, wrapped in a
// narrow column at 200 % text would otherwise make the window's minimum
// height taller than the screen.
func (u *UI) upTo(obj fyne.CanvasObject, frac float32) *fyne.Container {
	return newCapHeight(obj, frac, func() float32 { return u.Window.Canvas().Size().Height })
}

// newCapHeight shows obj whole while it takes at most frac of height (the
// window's, as it is now), and scrolls it beyond.
func newCapHeight(obj fyne.CanvasObject, frac float32, height func() float32) *fyne.Container {
	return container.New(&capHeight{height: height, obj: obj, frac: frac}, container.NewVScroll(obj))
}

// capHeight lays out a scroll around obj, reporting obj's minimum height
// up to a fraction of the window's.
type capHeight struct {
	// height is the window's height now.
	height func() float32
	obj    fyne.CanvasObject
	frac   float32
}

// Layout implements fyne.Layout.
func (c *capHeight) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objs {
		o.Move(fyne.Position{})
		o.Resize(size)
	}
}

// MinSize implements fyne.Layout.
func (c *capHeight) MinSize([]fyne.CanvasObject) fyne.Size {
	m := c.obj.MinSize()
	if limit := c.height() * c.frac; limit > 0 && m.Height > limit {
		m.Height = limit
	}
	return m
}

// focusRing is an outline shown around a widget while it has the
// keyboard, where Fyne's own focus look does not show: a list whose
// focused row is also the selected one, a coloured button.
type focusRing struct{ rect *canvas.Rectangle }

func newFocusRing() focusRing {
	r := canvas.NewRectangle(color.Transparent)
	r.StrokeColor = theme.Color(theme.ColorNamePrimary)
	r.StrokeWidth = 2
	r.CornerRadius = theme.InputRadiusSize()
	r.Hide()
	return focusRing{r}
}

// around puts the ring over obj; it takes no clicks.
func (f focusRing) around(obj fyne.CanvasObject) *fyne.Container {
	return container.NewStack(obj, f.rect)
}

func (f focusRing) show(on bool) {
	if on {
		f.rect.StrokeColor = theme.Color(theme.ColorNamePrimary)
		f.rect.Show()
	} else {
		f.rect.Hide()
	}
}
