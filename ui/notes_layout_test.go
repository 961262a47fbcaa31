package ui

import (
	"testing"

	"fyne.io/fyne/v2"
)

// TestNotesHeadingKeepsClearOfAddNote: in a narrow window the "Notes on the
// caption" heading was drawn under the Add note button beside it.
func TestNotesHeadingKeepsClearOfAddNote(t *testing.T) {
	h := newHarness(t)
	u := h.u
	u.openArticle(h.article(0).ID)
	for _, w := range []float32{1280, 900, 700} {
		u.Window.Resize(fyne.NewSize(w, 700))
		for row := range u.reader.rows {
			u.reader.setCurrent(row)
			hd, b := u.notes.heading, u.notes.addBtn
			if !hd.Visible() || !b.Visible() {
				continue
			}
			if need, got := hd.MinSize().Width, hd.Size().Width; need > got+0.5 {
				t.Errorf("window %v wide, %q: the heading needs %v but has %v, under the button", w, hd.Text, need, got)
			}
		}
	}
}
