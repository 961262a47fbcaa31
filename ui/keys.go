package ui

import (
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"

	"github.com/casebookapp/casebook/data/casefacts"
)

// readerKeys is the reader's keyboard target. It wraps the list of passages
// and holds the focus for all of them: the list recycles its passage
// widgets, so the keys act on the reader's current passage and selection,
// which the widgets only show.
//
//	↑/↓                    previous / next passage, scrolled into view
//	Shift+→ / Shift+←      extend the selection by a word
//	Ctrl+Shift+→ / ←       … by a sentence
//	Shift+Home / Shift+End … to the start / end of the passage
//	Escape                 clear the selection
type readerKeys struct {
	widget.BaseWidget
	r       *reader
	content fyne.CanvasObject
	shift   bool
}

func newReaderKeys(r *reader, content fyne.CanvasObject) *readerKeys {
	k := &readerKeys{r: r, content: content}
	k.ExtendBaseWidget(k)
	return k
}

// CreateRenderer implements fyne.Widget.
func (k *readerKeys) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(k.content)
}

// FocusGained implements fyne.Focusable: the current passage shows the
// focus. Reached by Tab, the reader makes the first passage in view the
// current one.
func (k *readerKeys) FocusGained() {
	r := k.r
	r.hasFocus = true
	if r.current < 0 && !r.pressing && len(r.rows) > 0 {
		r.setCurrent(r.topRow())
	}
	r.refreshRow(r.current)
}

// FocusLost implements fyne.Focusable.
func (k *readerKeys) FocusLost() {
	k.shift = false
	k.r.hasFocus = false
	k.r.refreshRow(k.r.current)
}

// TypedRune implements fyne.Focusable; the reader is read-only.
func (k *readerKeys) TypedRune(rune) {}

// KeyDown implements desktop.Keyable: it tracks the shift key.
func (k *readerKeys) KeyDown(ev *fyne.KeyEvent) {
	if ev.Name == desktop.KeyShiftLeft || ev.Name == desktop.KeyShiftRight {
		k.shift = true
	}
}

// KeyUp implements desktop.Keyable.
func (k *readerKeys) KeyUp(ev *fyne.KeyEvent) {
	if ev.Name == desktop.KeyShiftLeft || ev.Name == desktop.KeyShiftRight {
		k.shift = false
	}
}

// TypedKey implements fyne.Focusable.
func (k *readerKeys) TypedKey(ev *fyne.KeyEvent) {
	r := k.r
	switch ev.Name {
	case fyne.KeyUp:
		r.moveCurrent(-1)
	case fyne.KeyDown:
		r.moveCurrent(1)
	case fyne.KeyRight, fyne.KeyLeft, fyne.KeyHome, fyne.KeyEnd:
		if !k.shift {
			r.clearSelection()
			return
		}
		r.extendSelection(ev.Name, false)
	case fyne.KeyEscape:
		if r.selRow >= 0 {
			r.clearSelection()
		} else {
			r.hooks.otherKey(ev)
		}
	default:
		r.hooks.otherKey(ev)
	}
}

// TypedShortcut implements fyne.Shortcutable: Ctrl+Shift+arrows extend the
// selection by sentences; Ctrl+C copies the selection or the passage.
func (k *readerKeys) TypedShortcut(s fyne.Shortcut) {
	switch s := s.(type) {
	case *desktop.CustomShortcut:
		if s.Modifier == fyne.KeyModifierShortcutDefault|fyne.KeyModifierShift &&
			(s.KeyName == fyne.KeyRight || s.KeyName == fyne.KeyLeft) {
			k.r.extendSelection(s.KeyName, true)
		}
	case *fyne.ShortcutCopy:
		k.r.copyTarget()
	}
}

// focus gives the reader the keyboard (Ctrl+R): its current passage, or the
// first passage in view when none is current, scrolled into view.
func (r *reader) focus() {
	if len(r.rows) == 0 {
		return
	}
	if r.current < 0 {
		r.setCurrent(r.topRow())
	}
	r.scrollIntoView(r.current)
	if c := r.hooks.canvas(); c != nil {
		c.Focus(r.keys)
	}
}

// refreshRow redraws a row if it is on screen.
func (r *reader) refreshRow(row int) {
	if row >= 0 && row < len(r.rows) {
		r.list.RefreshItem(row)
	}
}

// moveCurrent makes the previous (-1) or next (+1) passage the current one,
// and scrolls it into view. The selection goes: it belonged to the passage
// left behind.
func (r *reader) moveCurrent(d int) {
	if len(r.rows) == 0 {
		return
	}
	row := r.current
	if row < 0 {
		row = r.topRow()
	} else {
		row = clamp(row+d, 0, len(r.rows)-1)
	}
	r.clearSelection()
	r.setCurrent(row)
	r.scrollIntoView(row)
}

// extendSelection moves the selection's free end in the current passage by a
// word (or a sentence) right or left, or to the passage's start or end. A
// selection in another passage is dropped: a new one starts at the start of
// the current passage.
func (r *reader) extendSelection(key fyne.KeyName, sentence bool) {
	if r.current < 0 || r.current >= len(r.rows) {
		return
	}
	row := r.current
	text := r.rows[row].text
	anchor, caret := 0, 0
	if r.selRow == row {
		anchor, caret = r.selAnchor, r.selCaret
	}
	switch {
	case key == fyne.KeyHome:
		caret = 0
	case key == fyne.KeyEnd:
		caret = len(text)
	case key == fyne.KeyRight && sentence:
		caret = nextSentenceEnd(text, caret)
	case key == fyne.KeyLeft && sentence:
		caret = prevSentenceStart(text, caret)
	case key == fyne.KeyRight:
		caret = nextWordEnd(text, caret)
	case key == fyne.KeyLeft && caret > anchor:
		// Shrinking a selection made rightwards: back to the end of the
		// word before, never past the anchor.
		caret = max(anchor, prevWordEnd(text, caret))
	case key == fyne.KeyLeft:
		caret = prevWordStart(text, caret)
	}
	r.setSelection(row, anchor, caret)
	if v, ok := r.viewOf(row); ok && v.model == r.rows[row] {
		v.anchor, v.caret = anchor, caret
		v.refreshSelection()
	}
}

// scrollIntoView scrolls the reader as little as it takes to show row whole
// (or its top, when it is taller than the reader).
func (r *reader) scrollIntoView(row int) {
	if row < 0 || row >= len(r.rows) {
		return
	}
	if len(r.heights) != len(r.rows) {
		r.list.ScrollTo(row)
		return
	}
	view := r.list.Size().Height
	off := r.list.GetScrollOffset()
	top := r.rowOffset(row)
	bottom := top + r.heights[row]
	switch {
	case top < off || r.heights[row] > view:
		r.list.ScrollToOffset(max(0, top-8))
	case bottom > off+view:
		r.list.ScrollToOffset(bottom - view + 8)
	}
}

// nextWordEnd returns the end of the word after offset i: spaces and
// punctuation are skipped, then the word.
func nextWordEnd(text []rune, i int) int {
	n := len(text)
	for i < n && !inWord(text[i]) {
		i++
	}
	for i < n && inWord(text[i]) {
		i++
	}
	return i
}

// prevWordStart returns the start of the word before offset i.
func prevWordStart(text []rune, i int) int {
	for i > 0 && !inWord(text[i-1]) {
		i--
	}
	for i > 0 && inWord(text[i-1]) {
		i--
	}
	return i
}

// prevWordEnd returns the end of the word before the one offset i is in or
// after.
func prevWordEnd(text []rune, i int) int {
	for i > 0 && inWord(text[i-1]) {
		i--
	}
	for i > 0 && !inWord(text[i-1]) {
		i--
	}
	return i
}

// sentenceEndsAt reports whether a sentence ends just before offset i: after
// a full stop, question or exclamation mark (and any closing quotes or
// brackets) followed by a space or the end of the text. A full stop after
// an abbreviation or an initial ("On Nov. 20", "Mr. Liang") ends none.
func sentenceEndsAt(text []rune, i int) bool {
	if i <= 0 || i > len(text) || (i < len(text) && !unicode.IsSpace(text[i])) {
		return false
	}
	j := i - 1
	for j > 0 && isCloser(text[j]) {
		j--
	}
	switch text[j] {
	case '?', '!', '…':
		return true
	case '.':
		return i == len(text) || !casefacts.EndsAbbreviation(string(text[max(0, j-16):j]))
	}
	return false
}

func isCloser(r rune) bool {
	switch r {
	case '"', '\'', '”', '’', ')', ']', '»':
		return true
	}
	return false
}

// nextSentenceEnd returns the end of the sentence after offset i (its
// closing punctuation included, the space after it not).
func nextSentenceEnd(text []rune, i int) int {
	n := len(text)
	for i < n && unicode.IsSpace(text[i]) {
		i++
	}
	for i < n {
		i++
		if sentenceEndsAt(text, i) {
			return i
		}
	}
	return n
}

// prevSentenceStart returns the start of the sentence before offset i.
func prevSentenceStart(text []rune, i int) int {
	for i > 0 && unicode.IsSpace(text[i-1]) {
		i--
	}
	for i > 0 {
		i--
		if sentenceEndsAt(text, i) {
			for i < len(text) && unicode.IsSpace(text[i]) {
				i++
			}
			return i
		}
	}
	return 0
}

// keyList is a widget.List that gives the window's own keys (F6, Escape)
// back to the window.
type keyList struct {
	widget.List
	onKey func(ev *fyne.KeyEvent) bool
	// ring shows while the list has the keyboard.
	ring focusRing
}

func newKeyList(length func() int, create func() fyne.CanvasObject, update func(widget.ListItemID, fyne.CanvasObject)) *keyList {
	l := &keyList{ring: newFocusRing()}
	l.Length, l.CreateItem, l.UpdateItem = length, create, update
	l.ExtendBaseWidget(l)
	return l
}

// TypedKey implements fyne.Focusable.
func (l *keyList) TypedKey(ev *fyne.KeyEvent) {
	if l.onKey != nil && l.onKey(ev) {
		return
	}
	l.List.TypedKey(ev)
}

// FocusGained implements fyne.Focusable.
func (l *keyList) FocusGained() {
	l.List.FocusGained()
	l.ring.show(true)
}

// FocusLost implements fyne.Focusable.
func (l *keyList) FocusLost() {
	l.List.FocusLost()
	l.ring.show(false)
}

// keyEntry is a widget.Entry that lets the window handle F6 (and, when
// onEscape is set, Escape).
type keyEntry struct {
	widget.Entry
	u        paneKeys
	onEscape func()
}

func newKeyEntry(u paneKeys) *keyEntry {
	e := &keyEntry{u: u}
	e.ExtendBaseWidget(e)
	return e
}

// TypedKey implements fyne.Focusable.
func (e *keyEntry) TypedKey(ev *fyne.KeyEvent) {
	switch {
	case ev.Name == fyne.KeyF6:
		e.u.cycleFocus()
	case ev.Name == fyne.KeyEscape && e.onEscape != nil:
		e.onEscape()
	default:
		e.Entry.TypedKey(ev)
	}
}

// pane is one stop of F6's cycle through the window.
type pane int

const (
	paneSearch pane = iota
	paneLibrary
	paneReader
	paneNotes
	paneCount
)

// focusedPane says which stop of the cycle has the focus; ok is false when
// none has.
func (u *UI) focusedPane() (pane, bool) {
	f := u.Window.Canvas().Focused()
	switch {
	case f == nil:
		return 0, false
	case f == u.search.entry:
		return paneSearch, true
	case f == u.library || f == u.libraryFilter || f == u.search.results:
		return paneLibrary, true
	case f == u.reader.keys:
		return paneReader, true
	}
	if u.notes.owns(f) {
		return paneNotes, true
	}
	return 0, false
}

// cycleFocus moves the focus to the next pane (F6): search, library,
// reader, notes, and round again.
func (u *UI) cycleFocus() {
	if u.modalOpen() {
		return
	}
	p, ok := u.focusedPane()
	next := paneSearch
	if ok {
		next = (p + 1) % paneCount
	}
	u.focusPane(next)
}

// focusPane gives the keyboard to a pane.
func (u *UI) focusPane(p pane) {
	c := u.Window.Canvas()
	switch p {
	case paneSearch:
		u.search.focus()
	case paneLibrary:
		u.showLibraryTab()
		if u.search.showing() {
			c.Focus(u.search.results)
		} else if len(u.sidebar.listed) > 0 {
			c.Focus(u.library)
		} else {
			c.Focus(u.libraryFilter)
		}
	case paneReader:
		if len(u.reader.rows) == 0 {
			u.focusPane(paneNotes)
			return
		}
		u.reader.focus()
	case paneNotes:
		if u.sideTabs != nil {
			u.sideTabs.SelectIndex(0)
		}
		u.notes.focus()
	}
}

// windowKeys returns what handles the window's own keys for a list that
// passes them on: F6 moves to the next pane. It reports whether it took
// the key.
func windowKeys(keys paneKeys) func(ev *fyne.KeyEvent) bool {
	return func(ev *fyne.KeyEvent) bool {
		if ev.Name == fyne.KeyF6 {
			keys.cycleFocus()
			return true
		}
		return false
	}
}

// keyButton is a button that passes F6 to the window and Escape to the
// reader, like the other widgets of the notes panel.
type keyButton struct {
	widget.Button
	u paneKeys
	// ring shows while the button has the keyboard (where it is shown
	// with ring.around).
	ring focusRing
}

func newKeyButton(u paneKeys, label string, icon fyne.Resource, tapped func()) *keyButton {
	b := &keyButton{u: u, ring: newFocusRing()}
	b.Text, b.Icon, b.OnTapped = label, icon, tapped
	b.ExtendBaseWidget(b)
	return b
}

// FocusGained implements fyne.Focusable.
func (b *keyButton) FocusGained() {
	b.Button.FocusGained()
	b.ring.show(true)
}

// FocusLost implements fyne.Focusable.
func (b *keyButton) FocusLost() {
	b.Button.FocusLost()
	b.ring.show(false)
}

// TypedKey implements fyne.Focusable.
func (b *keyButton) TypedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeyF6:
		b.u.cycleFocus()
	case fyne.KeyEscape:
		b.u.focusReader()
	default:
		b.Button.TypedKey(ev)
	}
}
