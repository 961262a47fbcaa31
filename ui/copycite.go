package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"

	"github.com/casebookapp/casebook/data/export/cite"
)

// prefCiteStyle remembers the citation style the student chose for copying
// quotes (and as the export dialog's first choice).
const prefCiteStyle = "cite.style"

// Ctrl+C copies the reader's selection with its citation; Ctrl+Shift+C the
// text alone. In a text field both copy as usual.
var (
	shortcutCopyCited = &fyne.ShortcutCopy{}
	shortcutCopyPlain = &desktop.CustomShortcut{KeyName: fyne.KeyC, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift}
)

// citeStyle is the student's citation style, APA unless chosen otherwise.
func (u *UI) citeStyle() cite.Style {
	s, err := cite.ParseStyle(u.app.Preferences().String(prefCiteStyle))
	if err != nil {
		return cite.APA
	}
	return s
}

// setCiteStyle chooses and remembers the citation style.
func (u *UI) setCiteStyle(s cite.Style) {
	u.app.Preferences().SetString(prefCiteStyle, string(s))
	u.Window.SetMainMenu(u.makeMenu())
}

// citeStyleMenu lists the styles, the chosen one checked.
func (u *UI) citeStyleMenu() *fyne.Menu {
	var items []*fyne.MenuItem
	current := u.citeStyle()
	for _, s := range cite.Styles {
		items = append(items, &fyne.MenuItem{Label: s.Name(), Checked: s == current, Action: func() { u.setCiteStyle(s) }})
	}
	return fyne.NewMenu("", items...)
}

// copyItems are the Edit menu's copy commands.
func (u *UI) copyItems() []*fyne.MenuItem {
	return []*fyne.MenuItem{
		{Label: "Copy with citation", Icon: theme.ContentCopyIcon(), Shortcut: shortcutCopyCited, Action: func() { u.copyAction(true) }},
		{Label: "Copy text only", Shortcut: shortcutCopyPlain, Action: func() { u.copyAction(false) }},
		{Label: "Citation style", ChildMenu: u.citeStyleMenu()},
	}
}

// copyAction gives Ctrl+C to a text field being edited; otherwise it copies
// the reader's selection (or current passage), with its citation when
// cited is set.
func (u *UI) copyAction(cited bool) {
	type editable interface {
		fyne.Shortcutable
		SelectedText() string
	}
	if e, ok := u.Window.Canvas().Focused().(editable); ok {
		e.TypedShortcut(&fyne.ShortcutCopy{Clipboard: u.app.Clipboard()})
		return
	}
	if !cited {
		u.reader.copyTarget()
		return
	}
	if s, ok := u.reader.citedText(u.citeStyle()); ok {
		u.app.Clipboard().SetContent(s)
	}
}

// citedText returns the selected text, or the current passage, as a
// student pastes it into an essay: in curly quotation marks (a quotation
// inside it in single ones), then its in-text citation with the paragraph
// number in the style given: “…” (Wang, 2016, para. 7) in APA, “…” (Wang,
// par. 7) in MLA. Chicago cites in a footnote: the quote is followed by a
// blank line and the full note to paste as the footnote's text.
func (r *reader) citedText(style cite.Style) (string, bool) {
	row, s, e, ok := r.target()
	if !ok {
		return "", false
	}
	quote := strings.TrimSpace(string(r.rows[row].text[s:e]))
	if quote == "" {
		return "", false
	}
	quote = cite.Quotation(quote)
	para := r.rows[row].passage.N
	if style == cite.Chicago {
		return quote + "\n\n" + style.Note(r.article, para).String(), true
	}
	return quote + " " + style.InText(r.article, para).String(), true
}
