package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// TestTabsKeepTheirLabels checks that in a narrow window and at large text
// every tab of the side panels (Library/Timeline/People, Notes/Outline,
// Passage/All notes/Highlights) stays on screen with its whole label, rather
// than moving into a "…" menu, and that a tap on it brings it to the front.
func TestTabsKeepTheirLabels(t *testing.T) {
	h := newHarness(t)
	u := h.u
	groups := map[string]*wrapTabs{"left": u.aids.tabs, "side": u.sideTabs, "notes": u.notes.content}
	// shown tells whether o is in the window and visible.
	shown := func(o fyne.CanvasObject) bool {
		found := false
		var walk func(fyne.CanvasObject)
		walk = func(c fyne.CanvasObject) {
			if c == o {
				found = c.Visible()
			}
			switch c := c.(type) {
			case fyne.Widget:
				for _, k := range test.TempWidgetRenderer(t, c).Objects() {
					walk(k)
				}
			case *fyne.Container:
				for _, k := range c.Objects {
					walk(k)
				}
			}
		}
		walk(u.Window.Content())
		return found
	}
	win := func() fyne.Size { return u.Window.Canvas().Size() }
	check := func(when string) {
		t.Helper()
		h.pump()
		h.pump()
		if w := u.Window.Content().MinSize().Width; w > 800 {
			t.Errorf("%s: the window cannot be narrower than %v", when, w)
		}
		for name, tabs := range groups {
			if len(tabs.Buttons) != len(tabs.Items) {
				t.Fatalf("%s: %s tabs have %d buttons for %d items", when, name, len(tabs.Buttons), len(tabs.Items))
			}
			bar := tabs.bar
			for i, b := range tabs.Buttons {
				if b.Text != tabs.Items[i].Text || b.Text == "" {
					t.Errorf("%s: %s tab %d shows %q, want %q", when, name, i, b.Text, tabs.Items[i].Text)
				}
				if !b.Visible() {
					t.Errorf("%s: %s tab %q is hidden", when, name, b.Text)
				}
				p, s := b.Position(), b.Size()
				if s.Width < b.MinSize().Width-0.5 || s.Height < b.MinSize().Height-0.5 {
					t.Errorf("%s: %s tab %q is squeezed to %v (needs %v)", when, name, b.Text, s, b.MinSize())
				}
				if p.X < 0 || p.Y < 0 || p.X+s.Width > bar.Size().Width+0.5 || p.Y+s.Height > bar.Size().Height+0.5 {
					t.Errorf("%s: %s tab %q (%v at %v) is cut off by its bar (%v)", when, name, b.Text, s, p, bar.Size())
				}
				abs := fyne.CurrentApp().Driver().AbsolutePositionForObject(b)
				if abs.X+s.Width > win().Width+0.5 || abs.Y+s.Height > win().Height+0.5 {
					t.Errorf("%s: %s tab %q at %v is outside the window (%v)", when, name, b.Text, abs, win())
				}
			}
		}
		// Every tab can be reached with a tap, Highlights included.
		hl := u.notes.content.Buttons[2]
		if !strings.HasPrefix(hl.Text, "Highlights") {
			t.Fatalf("%s: the third notes tab is %q", when, hl.Text)
		}
		test.Tap(hl)
		if u.notes.content.SelectedIndex() != 2 || !shown(u.highlights.tab.Content) {
			t.Errorf("%s: tapping Highlights shows tab %d", when, u.notes.content.SelectedIndex())
		}
		test.Tap(u.notes.content.Buttons[0])
		if u.notes.content.SelectedIndex() != 0 || shown(u.highlights.tab.Content) {
			t.Errorf("%s: tapping Passage shows tab %d", when, u.notes.content.SelectedIndex())
		}
		if b := u.notes.content.Buttons[0]; b.Importance != widget.HighImportance {
			t.Errorf("%s: the tab in front does not stand out", when)
		}
	}
	check("at 1280 wide")
	u.Window.Resize(fyne.NewSize(800, 700))
	check("at 800 wide")
	for _, s := range []float32{1.3, 1.5, 2} {
		u.setTextScale(s)
		check("at 800 wide and larger text")
	}
	u.setTextScale(1)
}
