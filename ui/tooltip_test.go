package ui

import (
	"context"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

func TestTooltips(t *testing.T) {
	h := newHarness(t)
	u := h.u
	bar := u.toolbar
	icons := []*tipButton{bar.remove, bar.legend}
	u.reader.setCurrent(0)
	h.shortcut(shortcutNewNote)
	icons = append(icons, u.notes.Cards[0].Delete)
	for _, b := range bar.buttons {
		if b.tip == "" || b.Text == "" {
			t.Errorf("colour button %q has no meaning or no tooltip", b.Text)
		}
	}
	for i, b := range icons {
		if b.Text != "" || b.tip == "" {
			t.Errorf("icon button %d: label %q, tooltip %q; want an icon with a tooltip", i, b.Text, b.tip)
		}
	}

	b := bar.legend
	b.MouseIn(&desktop.MouseEvent{})
	h.waitFor("the tooltip", func() bool { return u.tip != nil && u.tip.Visible() })
	if got := u.tip.Objects[1].(*widget.Label).Text; got != b.tip {
		t.Errorf("tooltip says %q, want %q", got, b.tip)
	}
	// A tooltip is not a dialog: the shortcuts still work.
	h.shortcut(colourShortcut(0))
	if hs, _ := h.lib.Highlights(context.Background(), u.reader.Article().ID); len(hs) != 1 {
		t.Errorf("Ctrl+1 with a tooltip showing made %d highlights, want 1", len(hs))
	}
	b.MouseOut()
	if u.tip != nil {
		t.Error("the tooltip stays after the pointer left")
	}

	// A click on a button whose tooltip shows presses the button.
	edit := u.reader.edit
	tapped := 0
	edit.OnTapped = func() { tapped++ }
	edit.MouseIn(&desktop.MouseEvent{})
	h.waitFor("the tooltip", func() bool { return u.tip != nil && u.tip.Visible() })
	c := u.Window.Canvas()
	at := fyne.CurrentApp().Driver().AbsolutePositionForObject(edit).AddXY(edit.Size().Width/2, edit.Size().Height/2)
	test.TapCanvas(c, at)
	if tapped != 1 {
		t.Errorf("a click on a button showing its tooltip pressed it %d times, want once", tapped)
	}
	if u.tip != nil {
		t.Error("the tooltip stays after its button was pressed")
	}
}
