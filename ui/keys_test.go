package ui

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"

	"github.com/casebookapp/casebook/data"
)

// press types keys on the window as the desktop driver does: to the focused
// widget (KeyDown, then TypedKey, then KeyUp), or to the canvas's handler
// when nothing has the focus. A shift key given first is held down for the
// keys after it.
func (h *harness) press(keys ...fyne.KeyName) {
	h.t.Helper()
	c := h.u.Window.Canvas()
	shift := len(keys) > 0 && (keys[0] == desktop.KeyShiftLeft || keys[0] == desktop.KeyShiftRight)
	if shift {
		if k, ok := c.Focused().(desktop.Keyable); ok {
			k.KeyDown(&fyne.KeyEvent{Name: keys[0]})
		}
		keys = keys[1:]
	}
	for _, name := range keys {
		ev := &fyne.KeyEvent{Name: name}
		if f := c.Focused(); f != nil {
			if k, ok := f.(desktop.Keyable); ok {
				k.KeyDown(ev)
			}
			f.TypedKey(ev)
			if k, ok := c.Focused().(desktop.Keyable); ok {
				k.KeyUp(ev)
			}
		} else if on := c.OnTypedKey(); on != nil {
			on(ev)
		}
		h.pump()
	}
	if shift {
		if k, ok := c.Focused().(desktop.Keyable); ok {
			k.KeyUp(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
		}
	}
}

// shortcut presses a key combination as the desktop driver does: the main
// menu's item for it first, else the focused widget's TypedShortcut.
func (h *harness) shortcut(s fyne.Shortcut) {
	h.t.Helper()
	if !h.u.runShortcut(s) {
		if f, ok := h.u.Window.Canvas().Focused().(fyne.Shortcutable); ok {
			f.TypedShortcut(s)
		}
	}
	h.settle()
}

var ctrlShift = fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift

// selectedText is the reader's selection as text.
func selectedText(r *reader) string {
	if r.selRow < 0 {
		return ""
	}
	s, e := r.selSpan()
	return string(r.rows[r.selRow].text[s:e])
}

// TestKeyboardReadingLoop reads, selects, highlights and annotates without
// the mouse, as a student would on a fresh start.
func TestKeyboardReadingLoop(t *testing.T) {
	ctx := context.Background()
	h := newHarness(t)
	u, r := h.u, h.u.reader
	c := u.Window.Canvas()
	// The longest of the bundled articles.
	u.openArticle(h.article(2).ID)
	if len(r.rows) < 16 {
		t.Fatalf("the article has %d passages; the test needs 16", len(r.rows))
	}

	// Ctrl+R: the first passage in view becomes current and has the focus.
	h.shortcut(shortcutReader)
	if c.Focused() != r.keys {
		t.Fatalf("Ctrl+R focused %T, want the reader", c.Focused())
	}
	if r.current != 0 {
		t.Fatalf("current passage = %d on a fresh start, want the first in view, 0", r.current)
	}
	assertOneCurrentLook(t, r)

	// ↓ moves on and scrolls the passage into view.
	for i := 0; i < 14; i++ {
		h.press(fyne.KeyDown)
	}
	if r.current != 14 {
		t.Fatalf("after 14 × ↓ the current passage is %d, want 14", r.current)
	}
	off, view := r.list.GetScrollOffset(), r.list.Size().Height
	if top := r.rowOffset(14); top < off || top+r.heights[14] > off+view+1 {
		t.Errorf("passage 14 at [%v, %v] is not in the view [%v, %v]", top, top+r.heights[14], off, off+view)
	}
	if _, ok := r.viewOf(14); !ok {
		t.Error("the current passage has no widget on screen")
	}
	h.press(fyne.KeyUp)
	if r.current != 13 {
		t.Fatalf("↑ went to %d, want 13", r.current)
	}
	assertOneCurrentLook(t, r)

	text := string(r.rows[13].text)
	words := strings.Fields(text)
	// Shift+→ three times: the first three words.
	h.press(desktop.KeyShiftLeft, fyne.KeyRight, fyne.KeyRight, fyne.KeyRight)
	if got, want := selectedText(r), strings.Join(words[:3], " "); strings.TrimRight(got, ",.;:") != strings.TrimRight(want, ",.;:") {
		t.Errorf("Shift+→ ×3 selected %q, want %q", got, want)
	}
	h.press(desktop.KeyShiftLeft, fyne.KeyLeft)
	if got, want := selectedText(r), strings.Join(words[:2], " "); strings.TrimRight(got, ",.;:") != strings.TrimRight(want, ",.;:") {
		t.Errorf("then Shift+← selected %q, want %q", got, want)
	}
	h.press(desktop.KeyShiftLeft, fyne.KeyEnd)
	if got := selectedText(r); got != text {
		t.Errorf("Shift+End selected %q, want the whole passage", got)
	}
	h.press(desktop.KeyShiftLeft, fyne.KeyHome)
	if got := selectedText(r); got != "" {
		t.Errorf("Shift+Home back to the start left %q selected", got)
	}
	// Ctrl+Shift+→: the first sentence.
	h.shortcut(&desktop.CustomShortcut{KeyName: fyne.KeyRight, Modifier: ctrlShift})
	first := selectedText(r)
	if first == "" || !strings.HasPrefix(text, first) || !strings.ContainsAny(first[len(first)-1:], ".?!”\"") {
		t.Errorf("Ctrl+Shift+→ selected %q, want the passage's first sentence", first)
	}

	// Ctrl+3 highlights the selection.
	h.press(desktop.KeyShiftLeft, fyne.KeyHome)
	h.press(desktop.KeyShiftLeft, fyne.KeyRight, fyne.KeyRight)
	want := selectedText(r)
	h.shortcut(colourShortcut(2))
	hs, err := h.lib.Highlights(ctx, r.Article().ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(hs) != 1 || hs[0].Quote != strings.TrimRight(want, ",.;:") || hs[0].Colour != u.colours[2].Key {
		t.Fatalf("Ctrl+3 made %+v, want one %s highlight of %q", hs, u.colours[2].Key, want)
	}
	if c.Focused() != r.keys {
		t.Error("highlighting took the focus from the reader")
	}

	// Ctrl+1 with nothing selected highlights the whole focused passage.
	h.press(fyne.KeyDown)
	h.shortcut(colourShortcut(0))
	hs, _ = h.lib.Highlights(ctx, r.Article().ID)
	if len(hs) != 2 || hs[1].PassageID != r.rows[14].passage.ID || hs[1].Start != 0 || hs[1].End != len(r.rows[14].text) {
		t.Fatalf("Ctrl+1 made %+v, want the whole of passage 14", hs)
	}

	// Ctrl+N on a selection, type, Escape back to the reader.
	h.press(desktop.KeyShiftLeft, fyne.KeyRight)
	quote := selectedText(r)
	h.shortcut(shortcutNewNote)
	if len(u.notes.Cards) != 1 || c.Focused() != u.notes.Cards[0].editor {
		t.Fatalf("Ctrl+N: %d cards, focus on %T; want the new note's editor", len(u.notes.Cards), c.Focused())
	}
	test.Type(u.notes.Cards[0].editor, "Compare with the sentencing")
	h.press(fyne.KeyEscape)
	if c.Focused() != r.keys {
		t.Fatalf("Escape in the note left the focus on %T, want the reader", c.Focused())
	}
	h.waitFor("the note saved", func() bool { return u.notes.Cards[0].note.ID != 0 })
	notes, err := h.lib.Notes(ctx, data.NoteFilter{PassageID: r.rows[14].passage.ID})
	if err != nil {
		t.Fatal(err)
	}
	if len(notes) != 1 || notes[0].Body != "Compare with the sentencing" || notes[0].Quote != quote {
		t.Errorf("notes on the passage = %+v, want one on %q", notes, quote)
	}
	if r.current != 14 {
		t.Errorf("after the note the current passage is %d, want 14", r.current)
	}
}

// assertOneCurrentLook checks that exactly the current passage is drawn as
// current, with the focus ring while the reader has the keyboard.
func assertOneCurrentLook(t *testing.T, r *reader) {
	t.Helper()
	for row, v := range r.shown {
		if v.model != r.rows[row] {
			continue
		}
		if got, want := v.current, row == r.current; got != want {
			t.Errorf("row %d drawn current = %v, want %v", row, got, want)
		}
		if got, want := v.focused, row == r.current && r.hasFocus; got != want {
			t.Errorf("row %d drawn focused = %v, want %v", row, got, want)
		}
	}
}

func TestF6CyclesThePanes(t *testing.T) {
	h := newHarness(t)
	u := h.u
	c := u.Window.Canvas()
	want := []struct {
		name string
		is   func(fyne.Focusable) bool
	}{
		{"search", func(f fyne.Focusable) bool { return f == u.search.entry }},
		{"library", func(f fyne.Focusable) bool { return f == u.library }},
		{"reader", func(f fyne.Focusable) bool { return f == u.reader.keys }},
		{"notes", func(f fyne.Focusable) bool { return f == u.notes.addBtn }},
		{"search", func(f fyne.Focusable) bool { return f == u.search.entry }},
	}
	for i, w := range want {
		h.press(fyne.KeyF6)
		if !w.is(c.Focused()) {
			t.Fatalf("F6 #%d focused %T, want the %s", i+1, c.Focused(), w.name)
		}
	}
	if u.reader.current != 0 {
		t.Errorf("F6 to the reader made passage %d current, want the first in view", u.reader.current)
	}
}

func TestWordAndSentenceSteps(t *testing.T) {
	text := []rune(`Liang’s lawyer said: “He is sorry.” The judge agreed? Yes! On Nov. 20, 2014, Mr. Liang fired. Then 5 years’ probation.`)
	var got []string
	for i := 0; i < len(text); {
		j := nextSentenceEnd(text, i)
		got = append(got, string(text[i:j]))
		if j == i {
			break
		}
		i = j
	}
	// "Nov." and "Mr." end no sentence (tried in the real window:
	// Ctrl+Shift+→ selected "On Nov.").
	want := []string{`Liang’s lawyer said: “He is sorry.”`, ` The judge agreed?`, ` Yes!`, ` On Nov. 20, 2014, Mr. Liang fired.`, ` Then 5 years’ probation.`}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("sentences = %q, want %q", got, want)
	}
	if s := prevSentenceStart(text, len(text)); string(text[s:]) != "Then 5 years’ probation." {
		t.Errorf("prevSentenceStart from the end = %q", string(text[s:]))
	}
	if e := nextWordEnd(text, 0); string(text[:e]) != "Liang’s" {
		t.Errorf("first word = %q", string(text[:e]))
	}
	if e := nextWordEnd(text, 7); string(text[:e]) != "Liang’s lawyer" {
		t.Errorf("two words = %q", string(text[:e]))
	}
	if s := prevWordStart(text, 14); s != 8 {
		t.Errorf("prevWordStart(14) = %d, want 8", s)
	}
}

func TestNoteTabAndHashTags(t *testing.T) {
	ctx := context.Background()
	h := newHarness(t)
	u := h.u
	c := u.Window.Canvas()
	u.reader.setCurrent(2)
	h.shortcut(shortcutNewNote)
	card := u.notes.Cards[0]
	test.Type(card.editor, "Compare #sentencing")
	card.editor.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyTab, Modifier: fyne.KeyModifierControl})
	if got := card.editor.Text; got != "Compare #sentencing\t" {
		t.Errorf("Ctrl+Tab typed %q, want a tab at the end", got)
	}
	// Tab is the driver's: a field that does not accept it gives the focus
	// to the next one.
	if card.editor.AcceptsTab() {
		t.Fatal("the note's text takes Tab for itself")
	}
	c.FocusNext()
	if c.Focused() != card.tags {
		t.Fatalf("Tab from the text went to %T, want the tags", c.Focused())
	}
	test.Type(card.tags, "judge")
	c.Unfocus()
	h.settle()
	ns, err := h.lib.Notes(ctx, data.NoteFilter{PassageID: u.reader.rows[2].passage.ID})
	if err != nil {
		t.Fatal(err)
	}
	if len(ns) != 1 || strings.Join(ns[0].Tags, ",") != "judge,sentencing" {
		t.Errorf("notes = %+v, want one tagged judge and sentencing", ns)
	}
}

// TestFocusVisibleInEveryPane moves the keyboard with F6 through the
// panes: where Fyne's own look does not show it (the library list, whose
// focused row is the selected one; the Add note button), a ring does, and
// only on the pane that has the keyboard.
func TestFocusVisibleInEveryPane(t *testing.T) {
	h := newHarness(t)
	u := h.u
	c := u.Window.Canvas()
	u.focusPane(paneLibrary)
	if c.Focused() != u.library || !u.library.ring.rect.Visible() {
		t.Errorf("the library has the keyboard (%v) but no ring shows", c.Focused() == u.library)
	}
	u.reader.setCurrent(0)
	u.focusPane(paneNotes)
	add := u.notes.addBtn
	if c.Focused() != add || !add.ring.rect.Visible() {
		t.Errorf("Add note has the keyboard (%v) but no ring shows", c.Focused() == add)
	}
	if u.library.ring.rect.Visible() {
		t.Error("the library's ring stays after the keyboard left it")
	}
	u.focusPane(paneReader)
	if add.ring.rect.Visible() {
		t.Error("Add note's ring stays after the keyboard left it")
	}
}
