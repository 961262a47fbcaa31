package ui

import (
	"math"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"

	"github.com/casebookapp/casebook/data"
)

// TestPassageTextOnWholePixels checks that the passage widget draws one text
// per line, however many highlights, matches and selections cross it, and
// that every text starts on a whole device pixel, so that the GL painter
// never resamples a line into a dimmer, blurred stretch.
func TestPassageTextOnWholePixels(t *testing.T) {
	test.NewTempApp(t)
	text := "Islander Alliance (NQAPIA) said in a statement to NBC News. “As we wait for Peter Liang’s sentencing on Tuesday, we hope that he will be held accountable for his crimes."
	m := newPassageModel(data.Passage{ID: 1, N: 2, Text: text})
	m.highlights = []data.Highlight{
		{Anchor: data.Anchor{Start: 27, End: 60}, Colour: "yellow"},
		{Anchor: data.Anchor{Start: 5, End: 12}, Colour: "red"},
	}
	m.matches = [][2]int{{62, 64}, {100, 100}}
	m.notes = 2
	v := newPassageView()
	v.scale = readerScale
	v.setModel(m)
	v.Select(70, 90)
	for _, width := range []float32{333.3, 517.77, 640} {
		v.Resize(fyne.NewSize(width, 200))
		r := test.TempWidgetRenderer(t, v).(*passageRenderer)
		r.Layout(v.Size())
		texts := 0
		for _, o := range r.objects {
			tx, ok := o.(*canvas.Text)
			if !ok {
				continue
			}
			if tx.Text != "¶ 2" && tx.Text != "2" {
				texts++
			}
			p := tx.Position()
			if p.X != float32(math.Round(float64(p.X))) || p.Y != float32(math.Round(float64(p.Y))) {
				t.Errorf("width %v: %q starts at (%v, %v), between pixels", width, tx.Text, p.X, p.Y)
			}
		}
		if got, want := texts, len(v.lines); got != want {
			t.Errorf("width %v: %d runs of text for %d lines; highlights and the selection must not split a line", width, got, want)
		}
	}
}

func TestSnap(t *testing.T) {
	tests := map[string]struct {
		x, scale, want float32
	}{
		"scale 1":          {48.859, 1, 49},
		"scale 1, down":    {7.102, 1, 7},
		"scale 1.5":        {48.859, 1.5, 48.666668},
		"scale 2, half":    {10.3, 2, 10.5},
		"zero scale is 1x": {3.4, 0, 3},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			got := snap(tc.x, tc.scale)
			if math.Abs(float64(got-tc.want)) > 1e-4 {
				t.Errorf("snap(%v, %v) = %v, want %v", tc.x, tc.scale, got, tc.want)
			}
			s := tc.scale
			if s == 0 {
				s = 1
			}
			if px := float64(got * s); math.Abs(px-math.Round(px)) > 1e-4 {
				t.Errorf("snap(%v, %v) = %v is %v device pixels, not a whole number", tc.x, tc.scale, got, px)
			}
		})
	}
}

func TestQuoted(t *testing.T) {
	tests := map[string]struct{ in, want string }{
		"plain":         {"Liang was convicted", "“Liang was convicted”"},
		"curly opening": {"“As queer API people…", "“As queer API people…"},
		"straight":      {`"But if we believe`, `"But if we believe`},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			if got := quoted(tc.in); got != tc.want {
				t.Errorf("quoted(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}
