package ui

import (
	"context"
	"fmt"
	"image/color"
	"net/url"
	"strings"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/casebookapp/casebook/data"
	"github.com/casebookapp/casebook/internal/text"
)

// reader shows one article: its citable metadata, then its numbered passages
// in a virtualised list of passage widgets.
type reader struct {
	store   readerStore
	ctx     context.Context
	hooks   readerHooks
	article data.Article
	rows    []*passageModel
	byID    map[int64]int // passage id → row
	// lastMenu is the context menu shown last, for tests.
	lastMenu *fyne.Menu

	list  *widget.List
	title *widget.Label
	meta  *mutedLabel
	edit  *tipButton
	// openSource opens the article's web address in the browser.
	openSource *tipButton
	header     *fyne.Container
	empty      *fyne.Container
	content    *fyne.Container
	body       *fyne.Container
	fitting    bool

	// current is the row whose notes the notes panel shows, or -1.
	current int
	// The selection: runes between selAnchor and selCaret of row selRow
	// (-1: none). An empty one is the caret.
	selRow              int
	selAnchor, selCaret int

	// heights are the rows' heights at heightsWidth.
	heights      []float32
	heightsWidth float32
	// measured counts the times every row was measured (tests keep a
	// text-size step to one).
	measured int
	proto    *passageView
	// shown maps rows to the widgets that last showed them.
	shown map[int]*passageView

	// keys is the reader's keyboard target; hasFocus says it has the
	// focus, pressing that a mouse press is giving it the focus.
	keys     *readerKeys
	hasFocus bool
	pressing bool
}

// newReader builds a reader on a store; ctx bounds its reads.
func newReader(store readerStore, ctx context.Context, hooks readerHooks) *reader {
	hooks.fill()
	r := &reader{store: store, ctx: ctx, hooks: hooks, current: -1, selRow: -1, byID: map[int64]int{}, shown: map[int]*passageView{}, proto: newPassageView()}
	r.proto.scale = readerScale
	r.title = widget.NewLabel("")
	r.title.SizeName = theme.SizeNameSubHeadingText
	r.title.TextStyle.Bold = true
	r.title.Wrapping = fyne.TextWrapWord
	r.meta = newMutedLabel("")
	// Icons with tooltips: at large text, labelled buttons would squeeze
	// the title into a narrow column.
	r.edit = newTipButton(hooks.tips, "", theme.DocumentCreateIcon(), "Edit the article's details (title, outlet, authors, date, source)", func() { r.hooks.editDetails() })
	r.edit.Importance = widget.LowImportance
	r.openSource = newTipButton(hooks.tips, "", theme.ComputerIcon(), "Open the article's web page in the browser", func() { r.hooks.openSource() })
	r.openSource.Importance = widget.LowImportance
	r.openSource.Hide()
	r.header = container.NewBorder(nil, widget.NewSeparator(), nil, container.NewVBox(r.edit, r.openSource), hooks.fit.upTo(container.New(&tightVBox{gap: -8}, fitWords(r.title), r.meta), 0.3))

	r.list = widget.NewList(
		func() int { return len(r.rows) },
		func() fyne.CanvasObject { return r.newRowView() },
		func(i widget.ListItemID, o fyne.CanvasObject) { r.bind(i, o.(*passageView)) })
	r.list.HideSeparators = true

	r.empty = emptyState("No article open", "Choose an article in the library on the left, or search for a passage above (Ctrl+F).")
	sized := container.New(&widthWatcher{onWidth: func(w float32) { r.sizeRows(w); r.fitHeader() }}, r.list)
	r.keys = newReaderKeys(r, sized)
	body := container.NewBorder(r.header, nil, nil, nil, r.keys)
	r.body = body
	r.content = container.NewStack(body, r.empty)
	body.Hide()
	r.header.Hide()
	return r
}

// readerScale makes the reading text a little larger than the interface's.
const readerScale = 1.12

func (r *reader) newRowView() *passageView {
	v := newPassageView()
	v.scale = readerScale
	v.colour = func(key string) color.Color {
		c, _ := r.colour(key)
		return parseRGB(c.RGB)
	}
	v.onPress = func() {
		if c := r.hooks.canvas(); c != nil && c.Focused() != r.keys {
			r.pressing = true
			c.Focus(r.keys)
			r.pressing = false
		}
	}
	v.onTapped = func(v *passageView) {
		if row, ok := r.rowOf(v); ok {
			r.setCurrent(row)
		}
	}
	v.onSelection = func(v *passageView, s, e int) {
		row, ok := r.rowOf(v)
		if !ok {
			return
		}
		r.setSelection(row, v.anchor, v.caret)
		if r.current != row {
			r.setCurrent(row)
		}
	}
	v.onSecondary = func(v *passageView, off int, at fyne.Position) {
		if row, ok := r.rowOf(v); ok {
			r.showContextMenu(row, off, at)
		}
	}
	// Dragging a passage by its number drops it into the outline.
	v.onCarry = func(v *passageView, at fyne.Position) {
		if row, ok := r.rowOf(v); ok {
			r.hooks.dropPassage(r.rows[row].passage.ID, at)
		}
	}
	return v
}

// viewOf returns the widget showing row, if the row is on screen.
func (r *reader) viewOf(row int) (*passageView, bool) {
	if row < 0 || row >= len(r.rows) {
		return nil, false
	}
	v, ok := r.shown[row]
	return v, ok
}

// rowOf finds the row a (recycled) passage widget currently shows.
func (r *reader) rowOf(v *passageView) (int, bool) {
	if v.model == nil {
		return 0, false
	}
	row, ok := r.byID[v.model.passage.ID]
	return row, ok
}

// bind shows row i in a recycled passage widget.
func (r *reader) bind(i int, v *passageView) {
	if i >= len(r.rows) {
		return
	}
	if v.model != r.rows[i] {
		v.anchor, v.caret = 0, 0
		v.invalidate()
	}
	v.model = r.rows[i]
	for row, w := range r.shown {
		if w == v {
			delete(r.shown, row)
		}
	}
	r.shown[i] = v
	v.current = i == r.current
	v.focused = v.current && r.hasFocus
	if i == r.selRow {
		v.anchor, v.caret = r.selAnchor, r.selCaret
	} else if !v.dragging {
		v.anchor, v.caret = 0, 0
	}
	v.Refresh()
}

// open loads an article into the reader.
func (r *reader) open(id int64) {
	art, err := r.store.Article(r.ctx, id)
	if err != nil {
		r.hooks.showError(err)
		return
	}
	ps, err := r.store.Passages(r.ctx, id)
	if err != nil {
		r.hooks.showError(err)
		return
	}
	r.hooks.leaving()
	r.article = art
	r.rows = nil
	r.byID = map[int64]int{}
	r.shown = map[int]*passageView{}
	for _, p := range ps {
		if !p.Kind.InFlow() {
			continue
		}
		r.byID[p.ID] = len(r.rows)
		r.rows = append(r.rows, newPassageModel(p))
	}
	r.current, r.selRow = -1, -1
	r.loadAnnotations()
	r.showHeader()
	r.empty.Hide()
	r.header.Show()
	r.content.Objects[0].Show()
	r.heightsWidth = 0
	r.sizeRows(r.list.Size().Width)
	r.list.Refresh()
	r.list.ScrollToTop()
	r.hooks.opened(art)
}

// close shows no article: the library is empty.
func (r *reader) close() {
	r.hooks.leaving()
	r.article = data.Article{}
	r.rows = nil
	r.byID = map[int64]int{}
	r.shown = map[int]*passageView{}
	r.current, r.selRow = -1, -1
	r.header.Hide()
	r.content.Objects[0].Hide()
	r.empty.Show()
	r.list.Refresh()
	r.hooks.opened(data.Article{})
}

// loadAnnotations reads the article's highlights and note counts into the
// row models.
func (r *reader) loadAnnotations() {
	hs, err := r.store.Highlights(r.ctx, r.article.ID)
	if err != nil {
		r.hooks.showError(err)
		return
	}
	notes, err := r.store.Notes(r.ctx, data.NoteFilter{ArticleID: r.article.ID})
	if err != nil {
		r.hooks.showError(err)
		return
	}
	for _, m := range r.rows {
		m.highlights, m.notes = nil, 0
	}
	for _, h := range hs {
		if row, ok := r.byID[h.PassageID]; ok {
			r.rows[row].highlights = append(r.rows[row].highlights, h)
		}
	}
	for _, n := range notes {
		if row, ok := r.byID[n.PassageID]; ok {
			r.rows[row].notes++
		}
	}
}

// reloadAnnotations refreshes highlights and note markers after a change.
func (r *reader) reloadAnnotations() {
	if r.article.ID == 0 {
		return
	}
	r.loadAnnotations()
	r.list.Refresh()
}

// showHeader fills the title and the metadata line.
func (r *reader) showHeader() {
	a := r.article
	r.title.SetText(displayTitle(a))
	var parts []string
	if a.Outlet != "" {
		parts = append(parts, a.Outlet)
	} else {
		parts = append(parts, "Unknown outlet")
	}
	if a.Author != "" {
		parts = append(parts, "By "+strings.Join(a.Authors(), ", "))
	}
	parts = append(parts, humanDate(a.Date, false))
	line := strings.Join(parts, "  ·  ")
	if a.Source != "" {
		line += "\n" + a.Source
	}
	r.meta.SetText(line)
	if _, ok := sourceURL(a); ok {
		r.openSource.Show()
	} else {
		r.openSource.Hide()
	}
}

// sourceURL is the article's source when it is a web address.
func sourceURL(a data.Article) (*url.URL, bool) {
	u, err := url.Parse(strings.TrimSpace(a.Source))
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, false
	}
	return u, true
}

// openSource opens the open article's web address in the browser.
func (u *UI) openSource() {
	link, ok := sourceURL(u.reader.article)
	if !ok {
		u.showInfo("No web address", "This article's source is not a web address. Edit its details to add one.")
		return
	}
	open := u.opts.openURL
	if open == nil {
		open = u.app.OpenURL
	}
	if err := open(link); err != nil {
		fyne.LogError("opening "+link.String(), err)
		u.showInfo("The browser did not open", "Casebook could not open "+link.String()+". Copy it from the article's details instead.")
	}
}

// setCurrent makes a row the passage whose notes the notes panel shows.
func (r *reader) setCurrent(row int) {
	if row == r.current {
		return
	}
	old := r.current
	r.current = row
	if old >= 0 && old < len(r.rows) {
		r.list.RefreshItem(old)
	}
	if row >= 0 && row < len(r.rows) {
		r.list.RefreshItem(row)
		r.hooks.currentChanged(&r.rows[row].passage)
	} else {
		r.hooks.currentChanged(nil)
	}
}

// Target returns the span a highlight or a note applies to: the selection
// (widened to whole words), or else the whole current passage.
func (r *reader) Target() (passageSpan, bool) {
	row, s, e, ok := r.target()
	if !ok {
		return passageSpan{}, false
	}
	return passageSpan{passage: r.rows[row].passage, start: s, end: e}, true
}

// showPassage makes a passage of the open article the current one; again
// tells the notes panel to show its notes afresh even when it already is.
// It reports whether the open article has the passage.
func (r *reader) showPassage(id int64, again bool) bool {
	row, ok := r.byID[id]
	if !ok {
		return false
	}
	if again {
		r.current = -1
	}
	r.setCurrent(row)
	return true
}

// colour returns the legend's entry for a colour key.
func (r *reader) colour(key string) (data.Colour, bool) {
	for _, c := range r.hooks.colours() {
		if c.Key == key {
			return c, true
		}
	}
	return data.Colour{}, false
}

// currentPassage returns the passage the notes panel shows.
func (r *reader) currentPassage() (data.Passage, bool) {
	if r.current < 0 || r.current >= len(r.rows) {
		return data.Passage{}, false
	}
	return r.rows[r.current].passage, true
}

// Rows returns how many passages the reader shows.
func (r *reader) Rows() int { return len(r.rows) }

// Article returns the article the reader shows.
func (r *reader) Article() data.Article { return r.article }

// setSelection records the selection of a row, from anchor to caret, and
// clears any selection in another row.
func (r *reader) setSelection(row, anchor, caret int) {
	if r.selRow >= 0 && r.selRow != row {
		old := r.selRow
		r.selRow = -1
		r.list.RefreshItem(old)
	}
	r.selRow, r.selAnchor, r.selCaret = row, anchor, caret
}

// selSpan returns the selection's runes [start, end), in its row.
func (r *reader) selSpan() (start, end int) {
	return min(r.selAnchor, r.selCaret), max(r.selAnchor, r.selCaret)
}

// clearSelection forgets the selection.
func (r *reader) clearSelection() {
	if r.selRow < 0 {
		return
	}
	old := r.selRow
	r.selRow = -1
	r.list.RefreshItem(old)
}

// target returns the passage and span a highlight or note applies to: the
// selection (widened to whole words), or else the whole current passage.
func (r *reader) target() (row, start, end int, ok bool) {
	if s, e := r.selSpan(); r.selRow >= 0 && s < e {
		s, e = snapToWords(r.rows[r.selRow].text, s, e)
		return r.selRow, s, e, true
	}
	if r.current >= 0 && r.current < len(r.rows) {
		return r.current, 0, len(r.rows[r.current].text), true
	}
	return 0, 0, 0, false
}

// setMatches marks search matches in one row and clears them elsewhere.
func (r *reader) setMatches(row int, matches [][2]int) {
	for i, m := range r.rows {
		if i != row && m.matches != nil {
			m.matches = nil
		}
	}
	if row >= 0 && row < len(r.rows) {
		r.rows[row].matches = matches
	}
	r.list.Refresh()
}

// showContextMenu offers highlighting, recolouring, removing and notes for
// the passage under the pointer.
func (r *reader) showContextMenu(row, off int, at fyne.Position) {
	h := r.hooks
	colours := h.colours()
	if s, e := r.selSpan(); r.selRow != row || s == e || off < s || off > e {
		r.clearSelection()
	}
	r.setCurrent(row)
	var items []*fyne.MenuItem
	what := "passage"
	if r.selRow == row {
		what = "selection"
	}
	for i, c := range colours {
		key := c.Key
		items = append(items, &fyne.MenuItem{
			Label:    fmt.Sprintf("Highlight %s: %s", what, c.Meaning),
			Icon:     swatchResource(c.RGB),
			Shortcut: colourShortcut(i),
			Action:   func() { h.highlight(key) },
		})
	}
	if hl, ok := r.highlightAt(row, off); ok {
		var recolour []*fyne.MenuItem
		for _, c := range colours {
			if c.Key == hl.Colour {
				continue
			}
			key := c.Key
			recolour = append(recolour, &fyne.MenuItem{Label: c.Meaning, Icon: swatchResource(c.RGB), Action: func() { h.recolour(hl, key) }})
		}
		items = append(items, fyne.NewMenuItemSeparator())
		if hl.From != "" {
			// Whose highlight it is, as a classmate's note card says.
			items = append(items, &fyne.MenuItem{Label: "From " + hl.From, Icon: theme.AccountIcon(), Disabled: true})
		}
		items = append(items,
			&fyne.MenuItem{Label: "Change colour of “" + text.Clip(hl.Quote, 30) + "”", ChildMenu: fyne.NewMenu("", recolour...)},
			&fyne.MenuItem{Label: "Remove highlight", Icon: theme.DeleteIcon(), Action: func() { h.removeHighlight(hl) }})
	}
	items = append(items, fyne.NewMenuItemSeparator(),
		&fyne.MenuItem{Label: "Add note", Icon: theme.DocumentCreateIcon(), Shortcut: shortcutNewNote, Action: func() { h.addNote() }},
		&fyne.MenuItem{Label: "Copy with citation", Icon: theme.ContentCopyIcon(), Action: func() { h.copyWithCitation() }},
		&fyne.MenuItem{Label: "Copy text only", Action: func() { r.copyTarget() }},
		&fyne.MenuItem{Label: "Add to timeline…", Icon: theme.HistoryIcon(), Action: func() { r.addToTimeline(row) }})
	items = append(items, h.outlineMenu(row, off)...)
	r.lastMenu = fyne.NewMenu("", items...)
	if c := h.canvas(); c != nil {
		widget.ShowPopUpMenuAtPosition(r.lastMenu, c, at)
	}
}

// highlightAt returns the highlight under rune offset off of row; the
// shortest wins when several overlap.
func (r *reader) highlightAt(row, off int) (data.Highlight, bool) {
	var best data.Highlight
	found := false
	for _, h := range r.rows[row].highlights {
		if off >= h.Start && off < h.End && (!found || h.End-h.Start < best.End-best.Start) {
			best, found = h, true
		}
	}
	return best, found
}

// copyTarget puts the selected text, or the current passage, on the
// clipboard.
func (r *reader) copyTarget() {
	row, s, e, ok := r.target()
	if !ok {
		return
	}
	r.hooks.copy(string(r.rows[row].text[s:e]))
}

// snapToWords widens [s, e) of text to whole words and trims the spaces at
// its ends, as readers do, so that a quick drag that starts or stops inside
// a word still highlights (and quotes) the whole word. A selection of
// nothing but spaces is left as it is.
func snapToWords(text []rune, s, e int) (int, int) {
	s0, e0 := s, e
	for s < e && unicode.IsSpace(text[s]) {
		s++
	}
	for e > s && unicode.IsSpace(text[e-1]) {
		e--
	}
	if s == e {
		return s0, e0
	}
	for s > 0 && inWord(text[s-1]) && inWord(text[s]) {
		s--
	}
	for e < len(text) && inWord(text[e]) && inWord(text[e-1]) {
		e++
	}
	return s, e
}

// inWord reports a rune that belongs to a word: a letter, a digit, or an
// apostrophe ("Liang’s").
func inWord(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || r == '\'' || r == '’'
}

// outlineTargetAt is what a right-click at rune off of a row places: the
// highlight under the pointer, else the whole passage.
func (r *reader) outlineTargetAt(row, off int) (data.NewItem, bool) {
	if row < 0 || row >= len(r.rows) {
		return data.NewItem{}, false
	}
	if off >= 0 {
		if h, ok := r.highlightAt(row, off); ok {
			return data.NewItem{HighlightID: h.ID}, true
		}
	}
	return data.NewItem{PassageID: r.rows[row].passage.ID}, true
}

// outlineTarget is what the keyboard places: the highlight under the
// selection if there is one, else the current passage.
func (r *reader) outlineTarget(int) (data.NewItem, bool) {
	row, s, _, ok := r.target()
	if !ok {
		return data.NewItem{}, false
	}
	if r.selRow == row {
		return r.outlineTargetAt(row, s)
	}
	return r.outlineTargetAt(row, -1)
}
