package ui

import (
	"fmt"
	"image/color"
	"sort"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/sahilm/fuzzy"

	"github.com/casebookapp/casebook/data"
	"github.com/casebookapp/casebook/internal/text"
)

// libraryRow is one article in the sidebar: title, outlet and date, counts.
type libraryRow struct {
	widget.BaseWidget
	title, meta, counts *widget.Label
}

func newLibraryRow() *libraryRow {
	r := &libraryRow{
		title:  widget.NewLabel("Article title"),
		meta:   widget.NewLabel("Outlet · date"),
		counts: widget.NewLabel("0 passages"),
	}
	r.title.TextStyle.Bold = true
	r.title.Truncation = fyne.TextTruncateEllipsis
	r.meta.Truncation = fyne.TextTruncateEllipsis
	// The counts line ran under the split, cut mid-word, in a narrow
	// sidebar.
	r.counts.Truncation = fyne.TextTruncateEllipsis
	r.meta.SizeName = theme.SizeNameCaptionText
	r.counts.SizeName = theme.SizeNameCaptionText
	r.ExtendBaseWidget(r)
	return r
}

// CreateRenderer implements fyne.Widget; the three labels are stacked
// tightly so that a row reads as one entry.
func (r *libraryRow) CreateRenderer() fyne.WidgetRenderer {
	box := container.New(&tightVBox{gap: -10}, r.title, r.meta, r.counts)
	return widget.NewSimpleRenderer(box)
}

func (r *libraryRow) set(a data.ArticleSummary) {
	setLabel(r.title, displayTitle(a.Article))
	setLabel(r.meta, outletAndDate(a.Meta))
	setLabel(r.counts, countsLine(a))
}

// setLabel sets l's text only when it changed. A list refresh (as on every
// text-size step) binds each visible row again; SetText with the same text
// would lay every label out once more, after the theme walk already has.
func setLabel(l *widget.Label, s string) {
	if l.Text != s {
		l.SetText(s)
	}
}

// displayTitle is the article's title, or its source when it has none.
func displayTitle(a data.Article) string {
	if t := strings.TrimSpace(a.Title); t != "" {
		return t
	}
	if a.Source != "" {
		return a.Source
	}
	return fmt.Sprintf("Article %d", a.ID)
}

// outletAndDate is the sidebar's second line: "NBC News · 24 Mar 2016".
func outletAndDate(m data.Meta) string {
	outlet := m.Outlet
	if outlet == "" {
		outlet = "Unknown outlet"
	}
	return outlet + " · " + humanDate(m.Date, true)
}

// countsLine is the sidebar's third line.
func countsLine(a data.ArticleSummary) string {
	return text.Plural(a.Passages, "passage", "passages") + " · " +
		text.Plural(a.Highlights, "highlight", "highlights") + " · " +
		text.Plural(a.Notes, "note", "notes")
}

var monthNames = []string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"}

// humanDate turns an ISO date prefix into "24 March 2016", "April 2016" or
// "2016"; short uses three-letter months. An empty date is "date unknown".
func humanDate(iso string, short bool) string {
	month := func(mm string) string {
		var m int
		fmt.Sscanf(mm, "%d", &m)
		if m < 1 || m > 12 {
			return mm
		}
		if short {
			return monthNames[m-1][:3]
		}
		return monthNames[m-1]
	}
	switch len(iso) {
	case 10:
		day := strings.TrimPrefix(iso[8:10], "0")
		return day + " " + month(iso[5:7]) + " " + iso[:4]
	case 7:
		return month(iso[5:7]) + " " + iso[:4]
	case 4:
		return iso
	case 0:
		return "date unknown"
	}
	return iso
}

// libraryPane is the library sidebar: a heading, a quick filter, the
// articles it keeps, or an empty state. It is given the articles; it reads
// nothing itself.
type libraryPane struct {
	hooks libraryHooks
	// articles is the library as the sidebar shows it; names are what the
	// filter matches of each; listed indexes articles by the rows shown.
	articles []data.ArticleSummary
	names    []string
	listed   []int

	list *keyList
	// Filter narrows the list to the articles whose title, outlet or
	// author match what is typed.
	Filter  *keyEntry
	empty   *fyne.Container
	noMatch *fyne.Container
	content fyne.CanvasObject
}

// newLibraryPane builds the library sidebar, empty until set.
func newLibraryPane(hooks libraryHooks) *libraryPane {
	if hooks.open == nil {
		hooks.open = func(int64) {}
	}
	if hooks.current == nil {
		hooks.current = func() int64 { return 0 }
	}
	if hooks.keys == nil {
		hooks.keys = noKeys{}
	}
	p := &libraryPane{hooks: hooks}
	p.list = newKeyList(
		func() int { return len(p.listed) },
		func() fyne.CanvasObject { return newLibraryRow() },
		func(i widget.ListItemID, o fyne.CanvasObject) {
			if i < len(p.listed) {
				o.(*libraryRow).set(p.articles[p.listed[i]])
			}
		})
	p.list.onKey = windowKeys(hooks.keys)
	p.list.OnSelected = func(i widget.ListItemID) {
		if i < len(p.listed) {
			if a := p.articles[p.listed[i]]; a.ID != p.hooks.current() {
				p.hooks.open(a.ID)
			}
		}
	}
	heading := widget.NewLabelWithStyle("Library", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	p.Filter = newKeyEntry(hooks.keys)
	p.Filter.SetPlaceHolder("Find an article…")
	p.Filter.OnChanged = func(string) { p.filter() }
	p.empty = emptyState("No articles yet",
		"Add saved web pages, text or Markdown files with File › Import…, or drop them on this window.")
	p.noMatch = emptyState("No article matches", "Try fewer letters, or clear the filter.")
	p.noMatch.Hide()
	top := container.NewVBox(heading, fitPlaceHolder(p.Filter, &p.Filter.Entry))
	p.content = container.NewBorder(top, nil, nil, nil, container.NewStack(p.list.ring.around(p.list), p.empty, p.noMatch))
	return p
}

// set shows the library's articles, filtered as the filter says.
func (p *libraryPane) set(arts []data.ArticleSummary) {
	p.articles = arts
	p.names = articleNames(arts)
	p.filter()
	if len(arts) == 0 {
		p.empty.Show()
	} else {
		p.empty.Hide()
	}
	p.list.Refresh()
}

// articleNames returns what the library filter matches for each article:
// title, outlet and author, folded to lower case.
func articleNames(arts []data.ArticleSummary) []string {
	names := make([]string, len(arts))
	for i, a := range arts {
		names[i] = strings.ToLower(displayTitle(a.Article) + " " + a.Outlet + " " + a.Author)
	}
	return names
}

// filter shows the articles whose title, outlet or author contain
// the letters of each word of the filter in order ("lang apol" finds
// "Ex-Cop Peter Liang Apologizes…"), best match first, or every article in load order when the
// filter is empty. sahilm/fuzzy does the matching and ranking: short names
// are what it is good at.
func (p *libraryPane) filter() {
	q := strings.ToLower(strings.Join(strings.Fields(p.Filter.Text), " "))
	p.listed = p.listed[:0]
	if q == "" {
		for i := range p.articles {
			p.listed = append(p.listed, i)
		}
	} else {
		p.listed = append(p.listed, matchArticles(q, p.names)...)
	}
	if q != "" && len(p.listed) == 0 && len(p.articles) > 0 {
		p.noMatch.Show()
	} else {
		p.noMatch.Hide()
	}
	p.list.UnselectAll()
	p.list.Refresh()
	p.selectArticle(p.hooks.current())
}

// matchArticles returns the indices of the names that match every word of
// q as a subsequence, best total score first (ties in load order).
func matchArticles(q string, names []string) []int {
	score := map[int]int{}
	for i, w := range strings.Fields(q) {
		next := map[int]int{}
		for _, m := range fuzzy.Find(w, names) {
			if prev, ok := score[m.Index]; ok || i == 0 {
				next[m.Index] = prev + m.Score
			}
		}
		score = next
	}
	out := make([]int, 0, len(score))
	for i := range score {
		out = append(out, i)
	}
	sort.Slice(out, func(a, b int) bool {
		if score[out[a]] != score[out[b]] {
			return score[out[a]] > score[out[b]]
		}
		return out[a] < out[b]
	})
	return out
}

// selectArticle selects an article's row, if the filter shows it.
func (p *libraryPane) selectArticle(id int64) {
	for i, ai := range p.listed {
		if p.articles[ai].ID == id {
			p.list.Select(i)
			return
		}
	}
}

// refreshLibrary reloads the articles and their counts.
func (u *UI) refreshLibrary() {
	arts, err := u.lib.Articles(u.ctx)
	if err != nil {
		u.showError(err)
		return
	}
	u.articles = arts
	u.sidebar.set(arts)
	u.search.articlesChanged()
	u.studyAidsChanged(false)
}

// articleSummary returns the sidebar's entry for an article.
func (u *UI) articleSummary(id int64) (data.ArticleSummary, bool) {
	for _, a := range u.articles {
		if a.ID == id {
			return a, true
		}
	}
	return data.ArticleSummary{}, false
}

// emptyState explains, in the middle of an empty area, what to do.
func emptyState(title, hint string) *fyne.Container {
	t := widget.NewLabelWithStyle(title, fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	h := newMutedLabel(hint).centered()
	// The title wraps between words in a narrow panel at large text, and
	// the whole scrolls rather than make the window taller.
	return container.NewStack(container.NewVScroll(container.NewVBox(layoutSpacer(40), fitWords(t), h)))
}

// setEmptyState changes the title and hint of an emptyState.
func setEmptyState(c *fyne.Container, title, hint string) {
	box := c.Objects[0].(*container.Scroll).Content.(*fyne.Container)
	box.Objects[1].(*fyne.Container).Objects[0].(*widget.Label).SetText(title)
	box.Objects[2].(*mutedLabel).SetText(hint)
}

// layoutSpacer is a fixed vertical gap.
func layoutSpacer(h float32) fyne.CanvasObject {
	r := canvas.NewRectangle(color.Transparent)
	r.SetMinSize(fyne.NewSize(1, h))
	return r
}

// tightVBox stacks objects vertically with a fixed gap (negative to pull
// labels' own padding together).
type tightVBox struct{ gap float32 }

// Layout implements fyne.Layout.
func (t *tightVBox) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	y := float32(0)
	for _, o := range objs {
		if !o.Visible() {
			continue
		}
		h := o.MinSize().Height
		o.Move(fyne.NewPos(0, y))
		o.Resize(fyne.NewSize(size.Width, h))
		y += h + t.gap
	}
}

// MinSize implements fyne.Layout.
func (t *tightVBox) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var s fyne.Size
	n := 0
	for _, o := range objs {
		if !o.Visible() {
			continue
		}
		m := o.MinSize()
		s.Width = max(s.Width, m.Width)
		s.Height += m.Height
		n++
	}
	if n > 1 {
		s.Height += t.gap * float32(n-1)
	}
	return s
}
