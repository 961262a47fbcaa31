package ui

import (
	"fmt"
	"testing"

	"fyne.io/fyne/v2"

	"github.com/casebookapp/casebook/data/export/cite"
)

// TestCopyWithCitation selects words in the reader with the mouse and
// copies them: Ctrl+C gives the quote in curly quotation marks with its
// in-text citation in the chosen style, Ctrl+Shift+C the text alone, and
// the style chosen in Edit › Citation style is remembered.
func TestCopyWithCitation(t *testing.T) {
	h := newHarness(t)
	u := h.u
	quote := "five years’ probation"
	row := h.rowWithText(quote)
	text := u.reader.rows[row].text
	s := indexRunes(text, []rune(quote))
	dragSelect(t, h, row, s, s+len([]rune(quote)))
	para := u.reader.rows[row].passage.N
	if para == 0 {
		t.Fatal("the quoted passage has no paragraph number")
	}

	copied := func(sc fyne.Shortcut) string {
		t.Helper()
		u.app.Clipboard().SetContent("")
		if !u.runShortcut(sc) {
			t.Fatalf("%s is not bound", sc.ShortcutName())
		}
		return u.app.Clipboard().Content()
	}
	if got, want := copied(&fyne.ShortcutCopy{}), fmt.Sprintf("“%s” (“Asian Organization Opposes,” 2016, para. %d)", quote, para); got != want {
		t.Errorf("Ctrl+C copied %q, want %q", got, want)
	}
	if got := copied(shortcutCopyPlain); got != quote {
		t.Errorf("Ctrl+Shift+C copied %q, want the text alone", got)
	}

	// Choose MLA in Edit › Citation style.
	var styles *fyne.Menu
	for _, m := range u.Window.MainMenu().Items {
		for _, it := range m.Items {
			if it.Label == "Citation style" {
				styles = it.ChildMenu
			}
		}
	}
	if styles == nil {
		t.Fatal("no Citation style menu")
	}
	for _, it := range styles.Items {
		if it.Label == cite.MLA.Name() {
			it.Action()
		}
	}
	if got, want := copied(&fyne.ShortcutCopy{}), fmt.Sprintf("“%s” (“Asian Organization Opposes,” par. %d)", quote, para); got != want {
		t.Errorf("Ctrl+C in MLA copied %q, want %q", got, want)
	}
	if got := u.app.Preferences().String(prefCiteStyle); got != string(cite.MLA) {
		t.Errorf("the style was not remembered: %q", got)
	}
	checked := ""
	for _, m := range u.Window.MainMenu().Items {
		for _, it := range m.Items {
			if it.Label == "Citation style" {
				for _, s := range it.ChildMenu.Items {
					if s.Checked {
						checked = s.Label
					}
				}
			}
		}
	}
	if checked != cite.MLA.Name() {
		t.Errorf("the menu checks %q, want MLA", checked)
	}

	// A quotation inside the quote becomes single quotation marks.
	u.reader.rows[row].text = []rune("He said “no jail time” then.")
	u.reader.setSelection(row, 0, len(u.reader.rows[row].text))
	if got, want := copied(&fyne.ShortcutCopy{}), fmt.Sprintf("“He said ‘no jail time’ then.” (“Asian Organization Opposes,” par. %d)", para); got != want {
		t.Errorf("nested quotation copied as %q, want %q", got, want)
	}
}

// TestCopyInTextField checks that Ctrl+C in a text field copies the
// field's selection as usual, not the reader's.
func TestCopyInTextField(t *testing.T) {
	h := newHarness(t)
	u := h.u
	u.search.focus()
	e, ok := u.Window.Canvas().Focused().(interface {
		fyne.Shortcutable
		SetText(string)
	})
	if !ok {
		t.Fatal("the search field is not a focusable entry")
	}
	e.SetText("Gurley")
	e.TypedShortcut(&fyne.ShortcutSelectAll{})
	u.app.Clipboard().SetContent("")
	u.runShortcut(&fyne.ShortcutCopy{})
	if got := u.app.Clipboard().Content(); got != "Gurley" {
		t.Errorf("Ctrl+C in the search field copied %q, want its text", got)
	}
}
