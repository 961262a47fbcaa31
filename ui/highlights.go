package ui

import (
	"context"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/casebookapp/casebook/data"
	"github.com/casebookapp/casebook/internal/text"
)

// highlightsPanel lists every highlight of the library with its colour,
// quote, article and paragraph, filtered by colour, article and words.
// Choosing one opens it in the reader.
type highlightsPanel struct {
	store highlightStore
	ctx   context.Context
	hooks highlightsHooks
	tab   *container.TabItem

	Colour  *widget.Select
	article *widget.Select
	filter  *keyEntry
	list    *widget.List
	empty   *fyne.Container

	all   []highlightRow // every highlight, in reading order
	shown []highlightRow // those the filters keep
}

// highlightRow is a highlight with what the list says about where it is.
type highlightRow struct {
	h     data.Highlight
	title string
	para  int
}

// newHighlightsPanel builds the highlights panel on a store; ctx bounds
// its reads.
func newHighlightsPanel(store highlightStore, ctx context.Context, hooks highlightsHooks) *highlightsPanel {
	hooks.fill()
	p := &highlightsPanel{store: store, ctx: ctx, hooks: hooks}
	p.Colour = widget.NewSelect(nil, func(string) { p.apply() })
	p.article = widget.NewSelect(nil, func(string) { p.apply() })
	p.filter = newKeyEntry(hooks.keys)
	p.filter.SetPlaceHolder("Words in the quote…")
	p.filter.OnChanged = func(string) { p.apply() }
	p.filter.onEscape = func() { p.filter.SetText("") }
	p.list = widget.NewList(
		func() int { return len(p.shown) },
		func() fyne.CanvasObject {
			swatch := widget.NewIcon(swatchResource("#999999"))
			quote := widget.NewLabel("quote")
			quote.Truncation = fyne.TextTruncateEllipsis
			where := newMutedLabel("where").caption().truncated()
			return container.NewBorder(nil, nil, swatch, nil, container.New(&tightVBox{gap: -10}, quote, where))
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			if i >= len(p.shown) {
				return
			}
			row := p.shown[i]
			box := o.(*fyne.Container)
			body := box.Objects[0].(*fyne.Container)
			body.Objects[0].(*widget.Label).SetText("“" + text.Clip(row.h.Quote, 120) + "”")
			if c, ok := p.colour(row.h.Colour); ok {
				box.Objects[1].(*widget.Icon).SetResource(swatchResource(c.RGB))
			}
			body.Objects[1].(*mutedLabel).SetText(p.where(row))
		})
	p.list.OnSelected = func(i widget.ListItemID) {
		p.list.Unselect(i)
		if i < len(p.shown) {
			p.open(p.shown[i].h)
		}
	}
	p.empty = emptyState("No highlights", "Select words in the reader and press Ctrl+1 … Ctrl+5, or choose a colour in the toolbar.")
	filters := container.NewVBox(container.NewGridWithColumns(2, p.Colour, p.article), p.filter)
	p.tab = container.NewTabItem("Highlights", container.NewBorder(filters, nil, nil, nil, container.NewStack(p.list, p.empty)))
	p.refresh()
	return p
}

// refresh reloads the highlights and the filters' choices.
func (p *highlightsPanel) refresh() {
	hs, err := p.store.Highlights(p.ctx, 0)
	if err != nil {
		p.hooks.showError(err)
		return
	}
	articles := p.hooks.articles()
	titles := make(map[int64]string, len(articles))
	for _, a := range articles {
		titles[a.ID] = displayTitle(a.Article)
	}
	// Paragraph numbers, read once per article that has highlights.
	paras := map[int64]int{}
	read := map[int64]bool{}
	p.all = p.all[:0]
	for _, h := range hs {
		if !read[h.ArticleID] {
			read[h.ArticleID] = true
			if ps, err := p.store.Passages(p.ctx, h.ArticleID); err == nil {
				for _, ps := range ps {
					paras[ps.ID] = ps.N
				}
			}
		}
		title, ok := titles[h.ArticleID]
		if !ok {
			title = fmt.Sprintf("Article %d", h.ArticleID)
		}
		p.all = append(p.all, highlightRow{h: h, title: title, para: paras[h.PassageID]})
	}

	colours := []string{anyColour}
	for _, c := range p.hooks.colours() {
		colours = append(colours, c.Meaning)
	}
	choices := []string{anyArticle}
	for _, a := range articles {
		choices = append(choices, text.Clip(displayTitle(a.Article), 60))
	}
	setOptionsKeeping(p.Colour, colours, anyColour)
	setOptionsKeeping(p.article, choices, anyArticle)
	if text := fmt.Sprintf("Highlights (%d)", len(p.all)); text != p.tab.Text {
		p.tab.Text = text
		p.hooks.retitled()
	}
	p.apply()
}

// apply shows the highlights the filters keep.
func (p *highlightsPanel) apply() {
	var colour string
	if cs := p.hooks.colours(); p.Colour.SelectedIndex() > 0 && p.Colour.SelectedIndex()-1 < len(cs) {
		colour = cs[p.Colour.SelectedIndex()-1].Key
	}
	var article int64
	if as := p.hooks.articles(); p.article.SelectedIndex() > 0 && p.article.SelectedIndex()-1 < len(as) {
		article = as[p.article.SelectedIndex()-1].ID
	}
	words := strings.Fields(strings.ToLower(p.filter.Text))
	p.shown = p.shown[:0]
	for _, row := range p.all {
		if colour != "" && row.h.Colour != colour || article != 0 && row.h.ArticleID != article {
			continue
		}
		quote := strings.ToLower(row.h.Quote)
		ok := true
		for _, w := range words {
			if !strings.Contains(quote, w) {
				ok = false
				break
			}
		}
		if ok {
			p.shown = append(p.shown, row)
		}
	}
	if len(p.shown) == 0 {
		t, h := "No highlights", "Select words in the reader and press Ctrl+1 … Ctrl+5, or choose a colour in the toolbar."
		if len(p.all) > 0 {
			t, h = "No highlight matches", "Try another colour or article, or fewer words."
		}
		setEmptyState(p.empty, t, h)
		p.empty.Show()
	} else {
		p.empty.Hide()
	}
	p.list.Refresh()
}

// open shows a highlight's passage in the reader.
func (p *highlightsPanel) open(h data.Highlight) {
	p.hooks.openPassage(h.ArticleID, h.PassageID)
}

// colour returns the legend's entry for a colour key.
func (p *highlightsPanel) colour(key string) (data.Colour, bool) {
	for _, c := range p.hooks.colours() {
		if c.Key == key {
			return c, true
		}
	}
	return data.Colour{}, false
}

// where is a row's second line: the colour's meaning, the ¶ and the
// article, in that order. The title is long and the line is cut at the
// panel's width: after it, the ¶ was never seen.
func (p *highlightsPanel) where(row highlightRow) string {
	var parts []string
	if c, ok := p.colour(row.h.Colour); ok {
		parts = append(parts, c.Meaning)
	}
	if row.para > 0 {
		parts = append(parts, fmt.Sprintf("¶ %d", row.para))
	}
	return strings.Join(append(parts, row.title), " · ")
}
