package ui

import (
	"context"
	"fmt"
	"strings"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/casebookapp/casebook/data"
	"github.com/casebookapp/casebook/internal/text"
)

// searcher runs search queries; sqlite.Library is one. Search is called off the
// UI goroutine and must be safe for concurrent use.
type searcher interface {
	Search(ctx context.Context, query string, opt data.SearchOptions) ([]data.SearchResult, error)
}

// completer suggests words for the word being typed; sqlite.Library is one.
type completer interface {
	Complete(q string, n int) []string
}

// maxSuggestions is how many completions the bar offers.
const maxSuggestions = 4

// searchBar is the search entry at the top of the window and the results
// that replace the library sidebar while a query is typed.
type searchBar struct {
	searcher searcher
	tags     tagLister
	ctx      context.Context
	hooks    searchHooks
	bar      *fyne.Container
	entry    *searchEntry

	// results lists the hits of the latest query.
	results *keyList
	hits    []data.SearchResult
	active  int
	status  *widget.Label
	// suggestions offers completions of the word being typed.
	suggestions *fyne.Container
	// chips show the filters set, under the search field, each with a
	// button that clears it; Escape clears them all with the query.
	chips *fyne.Container
	pane  *fyne.Container
	empty *fyne.Container

	// Filters.
	article *widget.Select
	colour  *widget.Select
	tag     *widget.Select
	hasNote *widget.Check

	// clearing is set while the filters are being reset.
	clearing bool
	// chipsFor is the state of the filters the chips show.
	chipsFor string
	gen      int // the latest query's generation: older results are dropped
	cancel   context.CancelFunc
	// shown is the generation whose results are on screen.
	shown int
}

// searchEntry is the search field: Up and Down move through the results,
// Enter opens the chosen one, Escape clears.
type searchEntry struct {
	widget.Entry
	s *searchBar
}

// TypedKey implements fyne.Focusable.
func (e *searchEntry) TypedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeyDown:
		e.s.move(1)
	case fyne.KeyUp:
		e.s.move(-1)
	case fyne.KeyEscape:
		e.s.clear()
	case fyne.KeyF6:
		e.s.hooks.keys.cycleFocus()
	default:
		e.Entry.TypedKey(ev)
	}
}

// newSearchBar builds the search bar on a searcher and the library's
// tags; ctx bounds its queries.
func newSearchBar(searcher searcher, tags tagLister, ctx context.Context, hooks searchHooks) *searchBar {
	hooks.fill()
	s := &searchBar{searcher: searcher, tags: tags, ctx: ctx, hooks: hooks}
	s.entry = &searchEntry{s: s}
	s.entry.ExtendBaseWidget(s.entry)
	s.entry.SetPlaceHolder("Search articles and notes — typos are fine (Ctrl+F)")
	s.entry.ActionItem = widget.NewIcon(theme.SearchIcon())
	s.entry.OnChanged = func(string) { s.run() }
	s.entry.OnSubmitted = func(string) { s.openActive() }
	s.chips = container.New(fitRow{})
	s.chips.Hide()
	s.bar = container.NewVBox(s.entry, s.chips)

	s.status = widget.NewLabel("")
	s.status.TextStyle.Bold = true
	s.status.Truncation = fyne.TextTruncateEllipsis
	s.results = newKeyList(
		func() int { return len(s.hits) },
		func() fyne.CanvasObject { return newResultRow() },
		func(i widget.ListItemID, o fyne.CanvasObject) {
			if i < len(s.hits) {
				o.(*resultRow).set(s.hits[i], s.articleTitle(s.hits[i]))
			}
		})
	s.results.onKey = windowKeys(hooks.keys)
	s.results.OnSelected = func(i widget.ListItemID) {
		s.active = i
		s.open(i)
	}

	s.article = widget.NewSelect(nil, func(string) { s.run() })
	s.colour = widget.NewSelect(nil, func(string) { s.run() })
	s.tag = widget.NewSelect(nil, func(string) { s.run() })
	s.hasNote = widget.NewCheck("Has a note", func(bool) { s.run() })
	s.empty = emptyState("No matches", "")
	// The suggestions show as many whole words as fit, rather than scroll
	// or widen the sidebar.
	s.suggestions = container.New(fitRow{})
	s.suggestions.Hide()
	return s
}

// resultsPane is the sidebar shown while searching.
func (s *searchBar) resultsPane() fyne.CanvasObject {
	filters := container.NewVBox(
		s.article,
		container.NewGridWithColumns(2, s.colour, s.tag),
		s.hasNote,
		widget.NewSeparator(),
	)
	s.pane = container.NewBorder(container.NewVBox(s.status, s.suggestions, filters), nil, nil, nil,
		container.NewStack(s.results.ring.around(s.results), s.empty))
	s.articlesChanged()
	s.filtersChanged()
	return s.pane
}

// focus puts the cursor in the search field (Ctrl+F).
func (s *searchBar) focus() {
	if c := s.hooks.canvas(); c != nil {
		c.Focus(s.entry)
	}
}

// clear empties the query and the filters, and brings the library back.
func (s *searchBar) clear() {
	s.resetFilters()
	s.entry.SetText("")
	s.showChips()
}

// filtered reports whether a filter is set.
func (s *searchBar) filtered() bool {
	return s.article.SelectedIndex() > 0 || s.colour.SelectedIndex() > 0 || s.tag.SelectedIndex() > 0 || s.hasNote.Checked
}

// resetFilters sets every filter back to "any", without running a query.
func (s *searchBar) resetFilters() {
	s.clearing = true
	defer func() { s.clearing = false }()
	s.article.SetSelectedIndex(0)
	s.colour.SetSelectedIndex(0)
	s.tag.SetSelectedIndex(0)
	s.hasNote.SetChecked(false)
}

// showChips shows one chip per filter set.
func (s *searchBar) showChips() {
	key := fmt.Sprint(s.article.SelectedIndex(), s.colour.Selected, s.tag.Selected, s.hasNote.Checked)
	if key == s.chipsFor {
		return
	}
	s.chipsFor = key
	s.chips.RemoveAll()
	chip := func(label string, clear func()) {
		b := widget.NewButtonWithIcon(label, theme.CancelIcon(), func() {
			clear()
			s.showChips()
		})
		b.Importance = widget.LowImportance
		b.IconPlacement = widget.ButtonIconTrailingText
		s.chips.Add(b)
	}
	if s.article.SelectedIndex() > 0 {
		chip("Article: "+text.Clip(s.article.Selected, 30), func() { s.article.SetSelectedIndex(0) })
	}
	if s.colour.SelectedIndex() > 0 {
		chip("Colour: "+s.colour.Selected, func() { s.colour.SetSelectedIndex(0) })
	}
	if s.tag.SelectedIndex() > 0 {
		chip("Tag: "+s.tag.Selected, func() { s.tag.SetSelectedIndex(0) })
	}
	if s.hasNote.Checked {
		chip("Has a note", func() { s.hasNote.SetChecked(false) })
	}
	if len(s.chips.Objects) == 0 {
		s.chips.Hide()
		return
	}
	hint := widget.NewLabel("Filters (Esc clears):")
	hint.Importance = widget.LowImportance
	s.chips.Objects = append([]fyne.CanvasObject{hint}, s.chips.Objects...)
	s.chips.Show()
	s.chips.Refresh()
}

// showing reports whether the results replace the library.
func (s *searchBar) showing() bool { return s.hooks.resultsShown() }

// showResults swaps the library sidebar for the results, or back.
func (s *searchBar) showResults(on bool) { s.hooks.showResults(on) }

const (
	anyArticle = "All articles"
	anyColour  = "Any colour"
	anyTag     = "Any tag"
)

// articlesChanged refills the article filter.
func (s *searchBar) articlesChanged() {
	if s.article == nil {
		return
	}
	opts := []string{anyArticle}
	for _, a := range s.hooks.articles() {
		opts = append(opts, text.Clip(displayTitle(a.Article), 60))
	}
	sel := s.article.Selected
	s.article.Options = opts
	if sel == "" || !contains(opts, sel) {
		sel = anyArticle
	}
	s.article.SetSelectedIndex(indexOf(opts, sel))
}

func contains(xs []string, x string) bool { return indexOf(xs, x) >= 0 }

func indexOf(xs []string, x string) int {
	for i, v := range xs {
		if v == x {
			return i
		}
	}
	return -1
}

// filtersChanged refills the colour and tag filters after the legend or
// the notes changed, and reruns the query.
func (s *searchBar) filtersChanged() {
	if s.colour == nil {
		return
	}
	colours := []string{anyColour}
	for _, c := range s.hooks.colours() {
		colours = append(colours, c.Meaning)
	}
	tags, err := s.tags.Tags(s.ctx)
	if err != nil {
		s.hooks.showError(err)
	}
	s.hooks.tagsRead(tags)
	tagOpts := []string{anyTag}
	for _, t := range tags {
		tagOpts = append(tagOpts, "#"+t)
	}
	setOptionsKeeping(s.colour, colours, anyColour)
	setOptionsKeeping(s.tag, tagOpts, anyTag)
	if s.entry.Text != "" {
		s.run()
	}
}

// options reads the filters into search options.
func (s *searchBar) options() data.SearchOptions {
	opt := data.SearchOptions{Limit: data.DefaultSearchLimit, HasNote: s.hasNote.Checked}
	if as := s.hooks.articles(); s.article.SelectedIndex() > 0 && s.article.SelectedIndex()-1 < len(as) {
		opt.Article = as[s.article.SelectedIndex()-1].ID
	}
	if cs := s.hooks.colours(); s.colour.SelectedIndex() > 0 && s.colour.SelectedIndex()-1 < len(cs) {
		opt.Colour = cs[s.colour.SelectedIndex()-1].Key
	}
	if i := s.tag.SelectedIndex(); i > 0 {
		opt.Tag = strings.TrimPrefix(s.tag.Selected, "#")
	}
	return opt
}

// run starts the query in the field off the UI goroutine. Each run has a
// generation; results that come back for an older one are dropped, so that
// typing more never shows results for an older query.
func (s *searchBar) run() {
	if s.pane == nil || s.clearing {
		return
	}
	s.showChips()
	q := s.entry.Text
	s.gen++
	gen := s.gen
	if s.cancel != nil {
		s.cancel()
		s.cancel = nil
	}
	if strings.TrimSpace(q) == "" {
		s.hits = nil
		s.shown = gen
		s.results.Refresh()
		s.showResults(false)
		s.hooks.clearMatches()
		return
	}
	s.showResults(true)
	searcher := s.searcher
	opt := s.options()
	filtered := opt.Article != 0 || opt.Colour != "" || opt.HasNote || opt.Tag != ""
	ctx, cancel := context.WithCancel(s.ctx)
	s.cancel = cancel
	s.hooks.background(func() {
		hits, err := searcher.Search(ctx, q, opt)
		var words []string
		if c, ok := searcher.(completer); ok && err == nil {
			words = completions(c, q)
		}
		if ctx.Err() != nil {
			return // a newer query replaced this one
		}
		s.hooks.do(func() {
			s.showHits(gen, q, hits, err, filtered)
			s.showSuggestions(gen, q, words)
		})
	})
}

// completions returns the words to offer for the word being typed: none
// once it is finished (followed by a space) or shorter than two letters,
// and never the word itself.
func completions(c completer, q string) []string {
	fields := strings.Fields(q)
	if len(fields) == 0 || strings.HasSuffix(q, " ") || len([]rune(fields[len(fields)-1])) < 2 {
		return nil
	}
	last := strings.ToLower(strings.Trim(fields[len(fields)-1], `"'“”‘’`))
	var out []string
	for _, w := range c.Complete(q, maxSuggestions+1) {
		if w != last && len(out) < maxSuggestions {
			out = append(out, w)
		}
	}
	return out
}

// showSuggestions offers completions of the word being typed; choosing one
// puts it in place of that word.
func (s *searchBar) showSuggestions(gen int, q string, words []string) {
	if gen != s.gen {
		return
	}
	s.suggestions.RemoveAll()
	if len(words) == 0 {
		s.suggestions.Hide()
		return
	}
	label := widget.NewLabel("Complete:")
	label.Importance = widget.LowImportance
	s.suggestions.Add(label)
	for _, w := range words {
		w := w
		b := widget.NewButton(w, func() { s.complete(q, w) })
		b.Importance = widget.LowImportance
		s.suggestions.Add(b)
	}
	s.suggestions.Show()
}

// complete replaces the last word of q by w and searches again.
func (s *searchBar) complete(q, w string) {
	trimmed := strings.TrimRightFunc(q, unicode.IsSpace)
	i := strings.LastIndexFunc(trimmed, unicode.IsSpace)
	s.entry.SetText(trimmed[:i+1] + w + " ")
	s.focus()
}

// showHits puts a query's results on screen, unless a newer query was typed.
// filtered says the query had filters, which the empty state then blames.
func (s *searchBar) showHits(gen int, q string, hits []data.SearchResult, err error, filtered bool) {
	if gen != s.gen {
		return
	}
	s.shown = gen
	s.hits = hits
	s.active = 0
	s.results.UnselectAll()
	s.results.Refresh()
	s.results.ScrollToTop()
	switch {
	case err != nil:
		s.status.SetText("Search")
		s.setEmpty("Search failed", data.ErrorMessage(err))
	case len(hits) == 0:
		s.status.SetText("No results")
		hint := "No passage or note matches “" + text.Clip(q, 40) + "”. Check the spelling, or try fewer words."
		if filtered {
			hint = "No passage matches “" + text.Clip(q, 40) + "” with these filters. Try removing a filter."
		}
		s.setEmpty("No matches", hint)
	default:
		s.empty.Hide()
		more := ""
		if len(hits) == data.DefaultSearchLimit {
			more = "+"
		}
		s.status.SetText(fmt.Sprintf("%d%s %s for “%s”", len(hits), more, text.Noun(len(hits), "result", "results"), text.Clip(q, 30)))
	}
}

func (s *searchBar) setEmpty(title, hint string) {
	setEmptyState(s.empty, title, hint)
	s.empty.Show()
}

// move changes the chosen result with the arrow keys.
func (s *searchBar) move(d int) {
	if len(s.hits) == 0 {
		return
	}
	s.active = clamp(s.active+d, 0, len(s.hits)-1)
	s.results.ScrollTo(s.active)
	s.results.Select(s.active)
	s.focus()
}

// openActive opens the chosen result (Enter).
func (s *searchBar) openActive() {
	if s.active < len(s.hits) {
		s.open(s.active)
	}
}

// open shows result i in the reader: its article, the passage scrolled into
// view with the matched words marked, and its notes.
func (s *searchBar) open(i int) {
	if i < 0 || i >= len(s.hits) {
		return
	}
	s.hooks.openResult(s.hits[i])
}

// resultRow is one search result: where it is, then the passage (or note)
// with the matched words marked.
type resultRow struct {
	widget.BaseWidget
	where   *widget.Label
	snippet *passageView
}

// articleTitle names a result's article as the library sidebar does, so
// that an untitled article is named by its source.
func (s *searchBar) articleTitle(h data.SearchResult) string {
	for _, a := range s.hooks.articles() {
		if a.ID == h.Article {
			return displayTitle(a.Article)
		}
	}
	return displayTitle(data.Article{ID: h.Article, Meta: data.Meta{Title: h.Title}})
}

func newResultRow() *resultRow {
	r := &resultRow{where: widget.NewLabel("Article · para. 1"), snippet: newPassageView()}
	r.where.TextStyle.Bold = true
	r.where.SizeName = theme.SizeNameCaptionText
	r.where.Truncation = fyne.TextTruncateEllipsis
	r.snippet.gutter = false
	r.snippet.maxLines = 3
	r.snippet.scale = 0.95
	r.snippet.model = &passageModel{text: []rune("Passage text\nsecond line\nthird line")}
	r.ExtendBaseWidget(r)
	return r
}

// CreateRenderer implements fyne.Widget.
func (r *resultRow) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.New(&tightVBox{gap: -6}, r.where, r.snippet))
}

// set shows a result of the article called title.
func (r *resultRow) set(h data.SearchResult, title string) {
	where := "para. " + fmt.Sprint(h.Passage) + " · " + title
	if h.Passage == 0 {
		where = "caption · " + title
	}
	if h.In == "note" {
		where = "Your note · " + where
	}
	r.where.SetText(where)
	snip, matches := text.Snippet([]rune(h.Text), h.Matches, 90, 0)
	r.snippet.model = &passageModel{text: snip, matches: matches}
	r.snippet.invalidate()
	r.snippet.Refresh()
}

// setOptionsKeeping gives a filter's Select new options, keeping the choice
// if it is still one of them and going back to def if not.
func setOptionsKeeping(sel *widget.Select, opts []string, def string) {
	cur := sel.Selected
	sel.Options = opts
	if !contains(opts, cur) {
		cur = def
	}
	sel.Selected = cur
	sel.Refresh()
}
