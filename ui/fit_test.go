package ui

import (
	"image/color"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// TestNothingClipsWhenNarrow lays the window out 800 px wide at 100 % and
// 200 % text and checks that the window fits a small screen, that every
// label shown is wide enough for its text (a truncated one at least for its
// first word, a wrapped one for its longest), and the library filter for
// its placeholder.
func TestNothingClipsWhenNarrow(t *testing.T) {
	h := newHarness(t)
	u := h.u
	u.Window.Resize(fyne.NewSize(800, 700))
	for _, scale := range []float32{1, 2} {
		u.setTextScale(scale)
		h.pump()
		u.Window.Content().Refresh()
		h.pump()
		c := u.Window.Canvas()
		if got := c.Size().Width; got > 800.5 {
			t.Fatalf("at %v %% text the window grew to %v wide", scale*100, got)
		}
		// The window fits an 800 × 768 screen: a long title or quote
		// wrapped in a narrow column scrolls instead of making it taller.
		if m := u.Window.Content().MinSize(); m.Width > 800 || m.Height > 768 {
			t.Errorf("at %v %% text the window needs at least %v × %v", scale*100, m.Width, m.Height)
		}
		checked := 0
		walkVisible(t, u.Window.Content(), func(o fyne.CanvasObject) {
			l, ok := o.(*widget.Label)
			if !ok || l.Text == "" || l.Size().Width == 0 {
				return
			}
			size := theme.TextSize()
			if l.SizeName != "" {
				size = theme.Size(l.SizeName)
			}
			var need float32
			var what string
			switch {
			case l.Wrapping != fyne.TextWrapOff:
				for _, w := range strings.Fields(l.Text) {
					need = max(need, fyne.MeasureText(w, size, l.TextStyle).Width)
				}
				what = "its longest word"
			case l.Truncation != fyne.TextTruncateOff:
				need = fyne.MeasureText(strings.Fields(l.Text)[0], size, l.TextStyle).Width
				what = "its first word"
			default:
				need = fyne.MeasureText(l.Text, size, l.TextStyle).Width
				what = "its text"
			}
			checked++
			if need+2*theme.InnerPadding() > l.Size().Width+1 {
				t.Errorf("at %v %% text, 800 px wide: the label %q is %v wide, %s needs %v", scale*100, l.Text, l.Size().Width, what, need+2*theme.InnerPadding())
			}
		})
		if checked < 10 {
			t.Errorf("at %v %% text only %d labels were checked", scale*100, checked)
		}
		e := u.libraryFilter
		need := fyne.MeasureText(e.PlaceHolder, theme.TextSize(), e.TextStyle).Width + 2*theme.InnerPadding()
		if e.Size().Width < need {
			t.Errorf("at %v %% text, 800 px wide: the library filter is %v wide, its placeholder %q needs %v", scale*100, e.Size().Width, e.PlaceHolder, need)
		}
	}
}

// walkVisible calls f for every object shown in the tree under o.
func walkVisible(t *testing.T, o fyne.CanvasObject, f func(fyne.CanvasObject)) {
	if !o.Visible() {
		return
	}
	f(o)
	switch x := o.(type) {
	case *widget.Label:
		// Its text is drawn by a RichText inside: checked as a label.
	case fyne.Widget:
		for _, ch := range test.TempWidgetRenderer(t, x).Objects() {
			walkVisible(t, ch, f)
		}
	case *fyne.Container:
		for _, ch := range x.Objects {
			walkVisible(t, ch, f)
		}
	}
}

// TestArticleDetailsPlaceholdersFit opens Article details for an article
// with no author and no access date: every empty field's placeholder is
// read whole.
func TestArticleDetailsPlaceholdersFit(t *testing.T) {
	h := newHarness(t)
	u := h.u
	u.showMetaEditor()
	h.pump()
	m := u.metaEditor
	if m == nil {
		t.Fatal("Article details did not open")
	}
	m.accessed.SetText("")
	m.author.SetText("")
	m.date.SetText("")
	for _, e := range []*dialogEntry{m.accessed, m.author, m.date} {
		need := fyne.MeasureText(e.PlaceHolder, theme.TextSize(), e.TextStyle).Width + 2*theme.InnerPadding()
		if w := e.Size().Width; w < need {
			t.Errorf("the field is %v wide, its placeholder %q needs %v", w, e.PlaceHolder, need)
		}
	}
}

// TestCapHeightAlone builds upTo's container with no window: it asks for
// its content's whole height while that is at most the fraction of the
// height it is given, that fraction beyond, and the whole height before
// the window has a size.
func TestCapHeightAlone(t *testing.T) {
	newComponentApp(t)
	tall := canvas.NewRectangle(color.Black)
	tall.SetMinSize(fyne.NewSize(50, 500))
	window := float32(0)
	c := newCapHeight(tall, 0.3, func() float32 { return window })
	for _, tc := range []struct{ window, want float32 }{{0, 500}, {1000, 300}, {2000, 500}} {
		window = tc.window
		if got := c.MinSize().Height; got != tc.want {
			t.Errorf("in a window %v high: min height %v, want %v", tc.window, got, tc.want)
		}
	}
}
