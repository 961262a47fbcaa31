package ui

import (
	"testing"
)

// TestTextSizeStepMeasuresOnce checks that a text-size step measures the
// reader's rows once, in the new size, and that every shown passage gets the
// height its wrapped lines need: nothing is clipped and no row is left at
// the old size's height.
func TestTextSizeStepMeasuresOnce(t *testing.T) {
	h := newHarness(t)
	u := h.u
	u.openArticle(h.article(2).ID)
	h.pump()
	r := u.reader
	for _, s := range []float32{1.1, 1.3, 2, 1.5, 1} {
		before := r.measured
		u.setTextScale(s)
		h.pump()
		if n := r.measured - before; n != 1 {
			t.Errorf("at %v %% text the rows were measured %d times, want once", s*100, n)
		}
		m := r.proto.metrics()
		width := r.list.Size().Width
		if len(r.heights) != len(r.rows) || r.heightsWidth != width {
			t.Fatalf("at %v %% text: %d heights for %d rows at width %v (list %v)", s*100, len(r.heights), len(r.rows), r.heightsWidth, width)
		}
		if len(r.shown) == 0 {
			t.Fatalf("at %v %% text no passage is shown", s*100)
		}
		off, view := r.list.GetScrollOffset(), r.list.Size().Height
		checked := 0
		for i, v := range r.shown {
			// r.shown keeps widgets the list has put back in its pool.
			if top := r.rowOffset(i); top > off+view || top+r.heights[i] < off {
				continue
			}
			checked++
			want := passageHeight(m, r.rows[i], width)
			if r.heights[i] != want {
				t.Errorf("at %v %% text row %d is %v high, its text needs %v", s*100, i, r.heights[i], want)
			}
			if v.model != r.rows[i] || !v.Visible() {
				continue
			}
			if got := v.Size().Height; got+0.5 < want {
				t.Errorf("at %v %% text passage %d is drawn %v high, its text needs %v", s*100, i, got, want)
			}
			lm := v.layout(v.Size().Width)
			if lm.size != m.size {
				t.Errorf("at %v %% text passage %d is laid out at size %v, want %v", s*100, i, lm.size, m.size)
			}
			if need := 2*lm.padV + float32(len(v.lines))*lm.lineH; need > v.Size().Height+0.5 {
				t.Errorf("at %v %% text passage %d has %d lines (%v high) in %v: clipped", s*100, i, len(v.lines), need, v.Size().Height)
			}
		}
		if checked == 0 {
			t.Errorf("at %v %% text no passage is in view", s*100)
		}
	}
}

// TestTextSizeStepsComeBack steps the text up and down again: each step
// lands on a whole 10 %, so that going back reaches the very size it left
// (not 99.99998 %) and the words measured at it are not measured again.
func TestTextSizeStepsComeBack(t *testing.T) {
	h := newHarness(t)
	u := h.u
	u.openArticle(h.article(2).ID)
	h.pump()
	for i := 0; i < 5; i++ {
		u.runShortcut(shortcutBigger)
		h.pump()
	}
	if got := u.textScale(); got != 1.5 {
		t.Errorf("five steps up from 100 %% reached %.9f, want 1.5", got)
	}
	measured := len(wordWidths)
	for i := 0; i < 5; i++ {
		u.runShortcut(shortcutSmaller)
		h.pump()
	}
	if got := u.textScale(); got != 1 {
		t.Errorf("five steps up and five down reached %.9f, want 1", got)
	}
	if n := len(wordWidths) - measured; n > 0 {
		t.Errorf("stepping back through sizes already shown measured %d words again", n)
	}
	for i := 0; i < 15; i++ {
		u.runShortcut(shortcutBigger)
		h.pump()
	}
	if got := u.textScale(); got != 2 {
		t.Errorf("many steps up reached %.9f, want 2", got)
	}
	// Ctrl+0 goes straight back to normal, as in a browser.
	if !u.runShortcut(shortcutNormalSize) {
		t.Fatal("Ctrl+0 is no shortcut of the menu")
	}
	h.pump()
	if got := u.textScale(); got != 1 {
		t.Errorf("after Ctrl+0 the text is at %.9f, want 1", got)
	}
}
