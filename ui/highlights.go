package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/casebookapp/casebook/data"
	"github.com/casebookapp/casebook/internal/text"
)

// HighlightsPanel lists every highlight of the library with its colour,
// quote, article and paragraph, filtered by colour, article and words.
// Choosing one opens it in the reader.
type HighlightsPanel struct {
	u   *UI
	tab *container.TabItem

	Colour  *widget.Select
	Article *widget.Select
	Filter  *keyEntry
	List    *widget.List
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

func newHighlightsPanel(u *UI) *HighlightsPanel {
	p := &HighlightsPanel{u: u}
	p.Colour = widget.NewSelect(nil, func(string) { p.apply() })
	p.Article = widget.NewSelect(nil, func(string) { p.apply() })
	p.Filter = newKeyEntry(u)
	p.Filter.SetPlaceHolder("Words in the quote…")
	p.Filter.OnChanged = func(string) { p.apply() }
	p.Filter.onEscape = func() { p.Filter.SetText("") }
	p.List = widget.NewList(
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
			if c, ok := p.u.colour(row.h.Colour); ok {
				box.Objects[1].(*widget.Icon).SetResource(swatchResource(c.RGB))
			}
			body.Objects[1].(*mutedLabel).SetText(p.where(row))
		})
	p.List.OnSelected = func(i widget.ListItemID) {
		p.List.Unselect(i)
		if i < len(p.shown) {
			p.open(p.shown[i].h)
		}
	}
	p.empty = emptyState("No highlights", "Select words in the reader and press Ctrl+1 … Ctrl+5, or choose a colour in the toolbar.")
	filters := container.NewVBox(container.NewGridWithColumns(2, p.Colour, p.Article), p.Filter)
	p.tab = container.NewTabItem("Highlights", container.NewBorder(filters, nil, nil, nil, container.NewStack(p.List, p.empty)))
	p.refresh()
	return p
}

// refresh reloads the highlights and the filters' choices.
func (p *HighlightsPanel) refresh() {
	u := p.u
	hs, err := u.lib.Highlights(u.ctx, 0)
	if err != nil {
		u.showError(err)
		return
	}
	// Paragraph numbers, read once per article that has highlights.
	paras := map[int64]int{}
	read := map[int64]bool{}
	p.all = p.all[:0]
	for _, h := range hs {
		if !read[h.ArticleID] {
			read[h.ArticleID] = true
			if ps, err := u.lib.Passages(u.ctx, h.ArticleID); err == nil {
				for _, ps := range ps {
					paras[ps.ID] = ps.N
				}
			}
		}
		title := fmt.Sprintf("Article %d", h.ArticleID)
		if a, ok := u.articleSummary(h.ArticleID); ok {
			title = displayTitle(a.Article)
		}
		p.all = append(p.all, highlightRow{h: h, title: title, para: paras[h.PassageID]})
	}

	colours := []string{anyColour}
	for _, c := range u.colours {
		colours = append(colours, c.Meaning)
	}
	articles := []string{anyArticle}
	for _, a := range u.articles {
		articles = append(articles, text.Clip(displayTitle(a.Article), 60))
	}
	setOptionsKeeping(p.Colour, colours, anyColour)
	setOptionsKeeping(p.Article, articles, anyArticle)
	p.tab.Text = fmt.Sprintf("Highlights (%d)", len(p.all))
	p.apply()
}

// apply shows the highlights the filters keep.
func (p *HighlightsPanel) apply() {
	u := p.u
	var colour string
	if i := p.Colour.SelectedIndex(); i > 0 && i-1 < len(u.colours) {
		colour = u.colours[i-1].Key
	}
	var article int64
	if i := p.Article.SelectedIndex(); i > 0 && i-1 < len(u.articles) {
		article = u.articles[i-1].ID
	}
	words := strings.Fields(strings.ToLower(p.Filter.Text))
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
	p.List.Refresh()
}

// open shows a highlight's passage in the reader.
func (p *HighlightsPanel) open(h data.Highlight) {
	u := p.u
	if u.Reader.article.ID != h.ArticleID {
		u.OpenArticle(h.ArticleID)
	}
	if row, ok := u.Reader.byID[h.PassageID]; ok {
		u.Reader.scrollToRow(row)
		u.Reader.setCurrent(row)
	}
}

// where is a row's second line: the colour's meaning, the ¶ and the
// article, in that order. The title is long and the line is cut at the
// panel's width: after it, the ¶ was never seen.
func (p *HighlightsPanel) where(row highlightRow) string {
	var parts []string
	if c, ok := p.u.colour(row.h.Colour); ok {
		parts = append(parts, c.Meaning)
	}
	if row.para > 0 {
		parts = append(parts, fmt.Sprintf("¶ %d", row.para))
	}
	return strings.Join(append(parts, row.title), " · ")
}
