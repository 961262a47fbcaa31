package ui

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// typeRune delivers a typed character as the driver does: to the focused
// widget, or to the canvas's handler.
func (h *harness) typeRune(r rune) {
	c := h.u.Window.Canvas()
	if f := c.Focused(); f != nil {
		f.TypedRune(r)
	} else if on := c.OnTypedRune(); on != nil {
		on(r)
	}
}

func TestDialogsOwnTheKeys(t *testing.T) {
	ctx := context.Background()

	t.Run("EscapeClosesAnInfoDialogNotTheSearch", func(t *testing.T) {
		h := newHarness(t)
		u := h.u
		test.Type(u.search.entry, "liang")
		u.Window.Canvas().Unfocus()
		u.showInfo("Import finished", "3 articles imported.")
		h.press(fyne.KeyEscape)
		if u.modalOpen() {
			t.Fatal("Escape did not close the information dialog")
		}
		if got := u.search.entry.Text; got != "liang" {
			t.Errorf("Escape reached the search behind the dialog: it is now %q", got)
		}
	})

	t.Run("EnterClosesAMessage", func(t *testing.T) {
		h := newHarness(t)
		h.u.showAbout()
		h.press(fyne.KeyReturn)
		if h.u.modalOpen() {
			t.Fatal("Enter did not close the About dialog")
		}
	})

	t.Run("MenuShortcutsDoNothingBehindADialog", func(t *testing.T) {
		h := newHarness(t)
		u := h.u
		u.reader.setCurrent(1)
		u.showShortcuts()
		h.shortcut(colourShortcut(0))
		h.shortcut(shortcutFind)
		h.shortcut(shortcutNewNote)
		if hs, _ := h.lib.Highlights(ctx, u.reader.Article().ID); len(hs) != 0 {
			t.Errorf("Ctrl+1 highlighted behind the dialog: %+v", hs)
		}
		if len(u.notes.Cards) != 0 {
			t.Error("Ctrl+N started a note behind the dialog")
		}
		if u.Window.Canvas().Focused() == u.search.entry {
			t.Error("Ctrl+F focused the search behind the dialog")
		}
		h.press(fyne.KeyEscape)
		h.shortcut(colourShortcut(0))
		if hs, _ := h.lib.Highlights(ctx, u.reader.Article().ID); len(hs) != 1 {
			t.Errorf("with the dialog closed Ctrl+1 made %d highlights, want 1", len(hs))
		}
	})

	t.Run("SpaceThatClosesADialogIsNotTyped", func(t *testing.T) {
		h := newHarness(t)
		u := h.u
		c := u.Window.Canvas()
		u.reader.setCurrent(0)
		card := u.notes.addNote()
		test.Type(card.editor, "Draft")
		u.showInfo("Export finished", "Saved to notes.md.")
		c.FocusNext() // Tab to the dialog's button
		btn := c.Focused()
		if btn == nil {
			t.Fatal("Tab did not reach the dialog's button")
		}
		btn.TypedKey(&fyne.KeyEvent{Name: fyne.KeySpace})
		h.typeRune(' ')
		if u.modalOpen() {
			t.Fatal("Space on the button did not close the dialog")
		}
		h.settle()
		if got := card.editor.Text; got != "Draft" {
			t.Errorf("the Space that closed the dialog reached the note: %q", got)
		}
		if c.Focused() != card.editor {
			t.Errorf("after the dialog the focus is on %T, want back on the note", c.Focused())
		}
	})

	t.Run("EnterSavesEscapeCancelsTheLegend", func(t *testing.T) {
		h := newHarness(t)
		u := h.u
		u.showLegendEditor()
		c := u.Window.Canvas()
		c.FocusNext()
		e, ok := c.Focused().(*dialogEntry)
		if !ok {
			t.Fatalf("Tab in the legend focused %T, want its first field", c.Focused())
		}
		e.SetText("Key evidence")
		h.press(fyne.KeyReturn)
		h.settle()
		if u.modalOpen() {
			t.Fatal("Enter in a field did not save and close the legend")
		}
		cs, _ := h.lib.Colours(ctx)
		if cs[0].Meaning != "Key evidence" {
			t.Errorf("colour 1 means %q after Enter, want “Key evidence”", cs[0].Meaning)
		}
		u.showLegendEditor()
		c.FocusNext()
		c.Focused().(*dialogEntry).SetText("Thrown away")
		h.press(fyne.KeyEscape)
		h.settle()
		cs, _ = h.lib.Colours(ctx)
		if u.modalOpen() || cs[0].Meaning != "Key evidence" {
			t.Errorf("Escape: dialog open %v, colour 1 means %q; want closed and unchanged", u.modalOpen(), cs[0].Meaning)
		}
	})
}

func TestMetaEditorDates(t *testing.T) {
	tests := map[string]struct {
		typed, want string
		hint        string
	}{
		"american":   {typed: "April 19, 2016", want: "2016-04-19"},
		"british":    {typed: "19 April 2016", want: "2016-04-19"},
		"iso":        {typed: "2016-04-19", want: "2016-04-19"},
		"month":      {typed: "April 2016", want: "2016-04"},
		"empty":      {typed: "", want: ""},
		"ambiguous":  {typed: "04/05/2016", hint: "two ways"},
		"not a date": {typed: "spring", hint: "April 19, 2016"},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			h := newHarness(t)
			u := h.u
			id := u.reader.Article().ID
			u.showMetaEditor()
			ed := u.metaEditor
			ed.outlet.SetText("The Outlet")
			ed.date.SetText(tc.typed)
			if tc.hint != "" {
				if !ed.confirm.Disabled() {
					t.Error("Save is enabled with an invalid date")
				}
				if !strings.Contains(ed.dateHint.Text, tc.hint) {
					t.Errorf("the form says %q under the date, want a hint with %q", ed.dateHint.Text, tc.hint)
				}
				u.Window.Canvas().Focus(ed.date)
				h.press(fyne.KeyReturn)
				h.settle()
				if !u.modalOpen() || u.metaEditor != ed {
					t.Fatal("Enter with an invalid date closed the dialog")
				}
				if ed.date.Text != tc.typed || ed.outlet.Text != "The Outlet" {
					t.Errorf("what was typed is gone: date %q, outlet %q", ed.date.Text, ed.outlet.Text)
				}
				a, _ := h.lib.Article(context.Background(), id)
				if a.Outlet == "The Outlet" {
					t.Error("the invalid details were saved")
				}
				return
			}
			u.Window.Canvas().Focus(ed.outlet)
			h.press(fyne.KeyReturn)
			h.settle()
			if u.modalOpen() {
				t.Fatalf("Enter did not save: the form says %q", ed.dateHint.Text)
			}
			a, err := h.lib.Article(context.Background(), id)
			if err != nil {
				t.Fatal(err)
			}
			if a.Date != tc.want || a.Outlet != "The Outlet" {
				t.Errorf("stored date %q, outlet %q; want %q, “The Outlet”", a.Date, a.Outlet, tc.want)
			}
		})
	}
}

// TestCopyInADialogField checks that Ctrl+C, bound to the menu's Copy
// with citation, copies from a dialog's field while the dialog is open,
// and does not copy the reader's passage behind it.
func TestCopyInADialogField(t *testing.T) {
	h := newHarness(t)
	u := h.u
	u.reader.setCurrent(0)
	u.showLegendEditor()
	c := u.Window.Canvas()
	c.FocusNext()
	e, ok := c.Focused().(*dialogEntry)
	if !ok {
		t.Fatalf("focused %T, want the legend's first field", c.Focused())
	}
	e.TypedShortcut(&fyne.ShortcutSelectAll{})
	h.shortcut(shortcutCopyCited)
	if got := u.app.Clipboard().Content(); got != e.Text {
		t.Errorf("Ctrl+C in the dialog's field copied %q, want %q", got, e.Text)
	}
}
