package ui

import (
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

// Reader shows one article: its citable metadata, then its numbered passages
// in a virtualised list of passage widgets.
type Reader struct {
	u       *UI
	article data.Article
	rows    []*passageModel
	byID    map[int64]int // passage id → row
	// lastMenu is the context menu shown last, for tests.
	lastMenu *fyne.Menu

	List  *widget.List
	title *widget.Label
	meta  *mutedLabel
	edit  *tipButton
	// OpenSource opens the article's web address in the browser.
	OpenSource *tipButton
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

func newReader(u *UI) *Reader {
	r := &Reader{u: u, current: -1, selRow: -1, byID: map[int64]int{}, shown: map[int]*passageView{}, proto: newPassageView()}
	r.proto.scale = readerScale
	r.title = widget.NewLabel("")
	r.title.SizeName = theme.SizeNameSubHeadingText
	r.title.TextStyle.Bold = true
	r.title.Wrapping = fyne.TextWrapWord
	r.meta = newMutedLabel("")
	// Icons with tooltips: at large text, labelled buttons would squeeze
	// the title into a narrow column.
	r.edit = newTipButton(u, "", theme.DocumentCreateIcon(), "Edit the article's details (title, outlet, authors, date, source)", func() { u.showMetaEditor() })
	r.edit.Importance = widget.LowImportance
	r.OpenSource = newTipButton(u, "", theme.ComputerIcon(), "Open the article's web page in the browser", func() { u.openSource() })
	r.OpenSource.Importance = widget.LowImportance
	r.OpenSource.Hide()
	r.header = container.NewBorder(nil, widget.NewSeparator(), nil, container.NewVBox(r.edit, r.OpenSource), u.upTo(container.New(&tightVBox{gap: -8}, fitWords(r.title), r.meta), 0.3))

	r.List = widget.NewList(
		func() int { return len(r.rows) },
		func() fyne.CanvasObject { return r.newRowView() },
		func(i widget.ListItemID, o fyne.CanvasObject) { r.bind(i, o.(*passageView)) })
	r.List.HideSeparators = true

	r.empty = emptyState("No article open", "Choose an article in the library on the left, or search for a passage above (Ctrl+F).")
	sized := container.New(&widthWatcher{onWidth: func(w float32) { r.sizeRows(w); r.fitHeader() }}, r.List)
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

func (r *Reader) newRowView() *passageView {
	v := newPassageView()
	v.scale = readerScale
	v.colour = func(key string) color.Color {
		c, _ := r.u.colour(key)
		return parseRGB(c.RGB)
	}
	v.onPress = func() {
		if c := r.u.Window.Canvas(); c.Focused() != r.keys {
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
			r.u.Outline.dropPassage(r.rows[row].passage.ID, at)
		}
	}
	return v
}

// viewOf returns the widget showing row, if the row is on screen.
func (r *Reader) viewOf(row int) (*passageView, bool) {
	if row < 0 || row >= len(r.rows) {
		return nil, false
	}
	v, ok := r.shown[row]
	return v, ok
}

// rowOf finds the row a (recycled) passage widget currently shows.
func (r *Reader) rowOf(v *passageView) (int, bool) {
	if v.model == nil {
		return 0, false
	}
	row, ok := r.byID[v.model.passage.ID]
	return row, ok
}

// bind shows row i in a recycled passage widget.
func (r *Reader) bind(i int, v *passageView) {
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
func (r *Reader) open(id int64) {
	u := r.u
	art, err := u.lib.Article(u.ctx, id)
	if err != nil {
		u.showError(err)
		return
	}
	ps, err := u.lib.Passages(u.ctx, id)
	if err != nil {
		u.showError(err)
		return
	}
	r.u.Notes.flush()
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
	r.sizeRows(r.List.Size().Width)
	r.List.Refresh()
	r.List.ScrollToTop()
	u.Notes.showPassage(nil)
	u.rememberState()
}

// close shows no article: the library is empty.
func (r *Reader) close() {
	r.u.Notes.flush()
	r.article = data.Article{}
	r.rows = nil
	r.byID = map[int64]int{}
	r.shown = map[int]*passageView{}
	r.current, r.selRow = -1, -1
	r.header.Hide()
	r.content.Objects[0].Hide()
	r.empty.Show()
	r.List.Refresh()
	r.u.Notes.showPassage(nil)
}

// loadAnnotations reads the article's highlights and note counts into the
// row models.
func (r *Reader) loadAnnotations() {
	u := r.u
	hs, err := u.lib.Highlights(u.ctx, r.article.ID)
	if err != nil {
		u.showError(err)
		return
	}
	notes, err := u.lib.Notes(u.ctx, data.NoteFilter{ArticleID: r.article.ID})
	if err != nil {
		u.showError(err)
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
func (r *Reader) reloadAnnotations() {
	if r.article.ID == 0 {
		return
	}
	r.loadAnnotations()
	r.List.Refresh()
}

// showHeader fills the title and the metadata line.
func (r *Reader) showHeader() {
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
		r.OpenSource.Show()
	} else {
		r.OpenSource.Hide()
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
	link, ok := sourceURL(u.Reader.article)
	if !ok {
		u.showInfo("No web address", "This article's source is not a web address. Edit its details to add one.")
		return
	}
	open := u.opts.OpenURL
	if open == nil {
		open = u.App.OpenURL
	}
	if err := open(link); err != nil {
		fyne.LogError("opening "+link.String(), err)
		u.showInfo("The browser did not open", "Casebook could not open "+link.String()+". Copy it from the article's details instead.")
	}
}

// setCurrent makes a row the passage whose notes the notes panel shows.
func (r *Reader) setCurrent(row int) {
	if row == r.current {
		return
	}
	old := r.current
	r.current = row
	if old >= 0 && old < len(r.rows) {
		r.List.RefreshItem(old)
	}
	if r.u.Notes.orphan != nil {
		// A note that lost its place stays in the notes panel while the
		// student picks the words to attach it to.
		r.refreshRow(row)
		return
	}
	if row >= 0 && row < len(r.rows) {
		r.List.RefreshItem(row)
		r.u.Notes.showPassage(&r.rows[row].passage)
	} else {
		r.u.Notes.showPassage(nil)
	}
}

// CurrentPassage returns the passage the notes panel shows.
func (r *Reader) CurrentPassage() (data.Passage, bool) {
	if r.current < 0 || r.current >= len(r.rows) {
		return data.Passage{}, false
	}
	return r.rows[r.current].passage, true
}

// Rows returns how many passages the reader shows.
func (r *Reader) Rows() int { return len(r.rows) }

// Article returns the article the reader shows.
func (r *Reader) Article() data.Article { return r.article }

// setSelection records the selection of a row, from anchor to caret, and
// clears any selection in another row.
func (r *Reader) setSelection(row, anchor, caret int) {
	if r.selRow >= 0 && r.selRow != row {
		old := r.selRow
		r.selRow = -1
		r.List.RefreshItem(old)
	}
	r.selRow, r.selAnchor, r.selCaret = row, anchor, caret
}

// selSpan returns the selection's runes [start, end), in its row.
func (r *Reader) selSpan() (start, end int) {
	return min(r.selAnchor, r.selCaret), max(r.selAnchor, r.selCaret)
}

// clearSelection forgets the selection.
func (r *Reader) clearSelection() {
	if r.selRow < 0 {
		return
	}
	old := r.selRow
	r.selRow = -1
	r.List.RefreshItem(old)
}

// target returns the passage and span a highlight or note applies to: the
// selection (widened to whole words), or else the whole current passage.
func (r *Reader) target() (row, start, end int, ok bool) {
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
func (r *Reader) setMatches(row int, matches [][2]int) {
	for i, m := range r.rows {
		if i != row && m.matches != nil {
			m.matches = nil
		}
	}
	if row >= 0 && row < len(r.rows) {
		r.rows[row].matches = matches
	}
	r.List.Refresh()
}

// rowOffset is the scroll offset at which row starts.
func (r *Reader) rowOffset(row int) float32 {
	pad := r.List.Theme().Size(theme.SizeNamePadding)
	y := float32(0)
	for i := 0; i < row && i < len(r.heights); i++ {
		y += r.heights[i] + pad
	}
	return y
}

// scrollToRow brings row to the top of the reader, a little below the edge.
func (r *Reader) scrollToRow(row int) {
	if row < 0 || row >= len(r.rows) {
		return
	}
	if len(r.heights) != len(r.rows) {
		r.List.ScrollTo(row)
		return
	}
	r.List.ScrollToOffset(max(0, r.rowOffset(row)-8))
}

// topRow returns the first row visible at the current scroll offset.
func (r *Reader) topRow() int {
	off := r.List.GetScrollOffset()
	pad := r.List.Theme().Size(theme.SizeNamePadding)
	y := float32(0)
	for i, h := range r.heights {
		if y+h+pad > off+8 {
			return i
		}
		y += h + pad
	}
	return 0
}

// topSeq returns the sequence number of the top visible passage, which stays
// meaningful when the window is resized.
func (r *Reader) topSeq() int {
	if len(r.rows) == 0 {
		return 0
	}
	return r.rows[r.topRow()].passage.Seq
}

// scrollToSeq scrolls to the passage with the given sequence number.
func (r *Reader) scrollToSeq(seq int) {
	for i, m := range r.rows {
		if m.passage.Seq >= seq {
			if i > 0 {
				r.scrollToRow(i)
			}
			return
		}
	}
}

// sizeRows computes every row's height for a width and gives them to the
// list in one batch, keeping the top passage in place.
func (r *Reader) sizeRows(width float32) {
	if width <= 0 || (width == r.heightsWidth && len(r.heights) == len(r.rows)) {
		return
	}
	top := r.topRow()
	m := r.proto.metrics()
	r.heights = make([]float32, len(r.rows))
	for i, pm := range r.rows {
		r.heights[i] = passageHeight(m, pm, width)
	}
	r.heightsWidth = width
	r.measured++
	setItemHeights(r.List, r.heights)
	if top > 0 {
		r.List.ScrollToOffset(r.rowOffset(top))
	}
}

// fitHeader has the reader laid out again when the header's wrapped title
// needs another height at the new width: a wrapped label only knows its
// height once it has been given its width, after the layout asked for it.
func (r *Reader) fitHeader() {
	if r.body == nil || r.fitting || !r.header.Visible() {
		return
	}
	want := r.header.MinSize().Height
	if d := want - r.header.Size().Height; d > 0.5 || d < -0.5 {
		// Not now: this runs inside the body's own layout.
		r.fitting = true
		r.u.do(func() {
			r.fitting = false
			r.body.Refresh()
		})
	}
}

// setItemHeights gives a list all its row heights at once. List.SetItemHeight
// refreshes the whole list on every call, which makes a resize of a long
// article take seconds; with the list emptied for the duration, each call
// costs a map write, and one refresh at the end lays the rows out.
func setItemHeights(l *widget.List, heights []float32) {
	length, create, update := l.Length, l.CreateItem, l.UpdateItem
	l.Length = func() int { return 0 }
	l.CreateItem = nil
	l.UpdateItem = func(widget.ListItemID, fyne.CanvasObject) {}
	for i, h := range heights {
		l.SetItemHeight(i, h)
	}
	l.Length, l.CreateItem, l.UpdateItem = length, create, update
	l.Refresh()
}

// widthWatcher lays out its single child at full size and reports width
// changes first, so that row heights are right before the rows are drawn.
type widthWatcher struct {
	onWidth func(float32)
}

// Layout implements fyne.Layout.
func (w *widthWatcher) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	w.onWidth(size.Width)
	for _, o := range objs {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
}

// MinSize implements fyne.Layout.
func (w *widthWatcher) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var s fyne.Size
	for _, o := range objs {
		s = s.Max(o.MinSize())
	}
	return s
}

// showContextMenu offers highlighting, recolouring, removing and notes for
// the passage under the pointer.
func (r *Reader) showContextMenu(row, off int, at fyne.Position) {
	u := r.u
	if s, e := r.selSpan(); r.selRow != row || s == e || off < s || off > e {
		r.clearSelection()
	}
	r.setCurrent(row)
	var items []*fyne.MenuItem
	what := "passage"
	if r.selRow == row {
		what = "selection"
	}
	for i, c := range u.colours {
		key := c.Key
		items = append(items, &fyne.MenuItem{
			Label:    fmt.Sprintf("Highlight %s: %s", what, c.Meaning),
			Icon:     swatchResource(c.RGB),
			Shortcut: colourShortcut(i),
			Action:   func() { u.Highlight(key) },
		})
	}
	if h, ok := r.highlightAt(row, off); ok {
		var recolour []*fyne.MenuItem
		for _, c := range u.colours {
			if c.Key == h.Colour {
				continue
			}
			key := c.Key
			recolour = append(recolour, &fyne.MenuItem{Label: c.Meaning, Icon: swatchResource(c.RGB), Action: func() { u.recolourHighlight(h, key) }})
		}
		items = append(items, fyne.NewMenuItemSeparator())
		if h.From != "" {
			// Whose highlight it is, as a classmate's note card says.
			items = append(items, &fyne.MenuItem{Label: "From " + h.From, Icon: theme.AccountIcon(), Disabled: true})
		}
		items = append(items,
			&fyne.MenuItem{Label: "Change colour of “" + text.Clip(h.Quote, 30) + "”", ChildMenu: fyne.NewMenu("", recolour...)},
			&fyne.MenuItem{Label: "Remove highlight", Icon: theme.DeleteIcon(), Action: func() { u.removeHighlight(h) }})
	}
	items = append(items, fyne.NewMenuItemSeparator(),
		&fyne.MenuItem{Label: "Add note", Icon: theme.DocumentCreateIcon(), Shortcut: shortcutNewNote, Action: func() { u.Notes.AddNote() }},
		&fyne.MenuItem{Label: "Copy with citation", Icon: theme.ContentCopyIcon(), Action: func() { u.copyAction(true) }},
		&fyne.MenuItem{Label: "Copy text only", Action: func() { r.copyTarget() }},
		&fyne.MenuItem{Label: "Add to timeline…", Icon: theme.HistoryIcon(), Action: func() { r.addToTimeline(row) }})
	items = append(items, u.Outline.menuItems(row, off)...)
	r.lastMenu = fyne.NewMenu("", items...)
	widget.ShowPopUpMenuAtPosition(r.lastMenu, u.Window.Canvas(), at)
}

// highlightAt returns the highlight under rune offset off of row; the
// shortest wins when several overlap.
func (r *Reader) highlightAt(row, off int) (data.Highlight, bool) {
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
func (r *Reader) copyTarget() {
	row, s, e, ok := r.target()
	if !ok {
		return
	}
	r.u.App.Clipboard().SetContent(string(r.rows[row].text[s:e]))
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
