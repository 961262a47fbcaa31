package ui

import (
	"context"
	"fmt"
	"net/url"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

func TestHighlightsPanel(t *testing.T) {
	ctx := context.Background()
	h := newHarness(t)
	u := h.u
	p := u.highlights
	if got := u.notes.content.Items[2]; got != p.tab {
		t.Errorf("the third tab is %q, want Highlights beside All notes", got.Text)
	}
	// Two highlights in the first article, one in the third.
	u.reader.setCurrent(1)
	u.highlight("red")
	h.settle()
	u.reader.setCurrent(3)
	u.highlight("green")
	h.settle()
	third := h.article(2)
	u.openArticle(third.ID)
	row := h.rowWithText("probation")
	u.reader.setCurrent(row)
	u.highlight("red")
	h.settle()

	if got := len(p.shown); got != 3 {
		t.Fatalf("the panel lists %d highlights, want 3", got)
	}
	if p.tab.Text != "Highlights (3)" {
		t.Errorf("tab = %q", p.tab.Text)
	}
	p.Colour.SetSelectedIndex(2) // the second colour of the legend: red
	if got := len(p.shown); got != 2 {
		t.Errorf("filtered by red: %d highlights, want 2", got)
	}
	p.article.SetSelectedIndex(3)
	if got := len(p.shown); got != 1 || p.shown[0].h.ArticleID != third.ID {
		t.Errorf("red in the third article: %+v, want the one highlight there", p.shown)
	}
	p.Colour.SetSelectedIndex(0)
	p.article.SetSelectedIndex(0)
	test.Type(p.filter, "probation")
	if got := len(p.shown); got != 1 {
		t.Errorf("filtered by “probation”: %d highlights, want 1", got)
	}
	if p.shown[0].para != u.reader.rows[row].passage.N {
		t.Errorf("the row says para. %d, want %d", p.shown[0].para, u.reader.rows[row].passage.N)
	}
	// The ¶ is read before the title, which the panel's width cuts.
	u.notes.content.SelectIndex(2)
	h.pump()
	where := p.where(p.shown[0])
	para := fmt.Sprintf("¶ %d", u.reader.rows[row].passage.N)
	if i, j := strings.Index(where, para), strings.Index(where, p.shown[0].title); i < 0 || j < i {
		t.Errorf("the row's second line %q does not give %q before the title", where, para)
	} else if w := fyne.MeasureText(where[:j], theme.CaptionTextSize(), fyne.TextStyle{}).Width; w > p.list.Size().Width-60 {
		t.Errorf("%q is %v wide: it does not show in a %v wide panel", where[:j], w, p.list.Size().Width)
	}
	p.filter.SetText("no such words at all")
	if p.empty.Hidden {
		t.Error("no empty state when nothing matches")
	}
	p.filter.SetText("")

	// Choosing a highlight of the first article opens it there.
	first := h.article(0)
	for i, r := range p.shown {
		if r.h.ArticleID == first.ID && r.h.Colour == "green" {
			p.list.Select(i)
		}
	}
	if u.reader.Article().ID != first.ID || u.reader.current != 3 {
		t.Errorf("choosing the green highlight showed article %d row %d, want %d row 3", u.reader.Article().ID, u.reader.current, first.ID)
	}
	hs, _ := h.lib.Highlights(ctx, 0)
	if len(hs) != 3 {
		t.Errorf("the library has %d highlights", len(hs))
	}
}

func TestOpenSource(t *testing.T) {
	var opened []string
	h := newHarness(t, func(o *Options) {
		o.openURL = func(u *url.URL) error { opened = append(opened, u.String()); return nil }
	})
	u := h.u
	if !u.reader.openSource.Visible() {
		t.Fatal("no Open source button for an article with a web address")
	}
	test.Tap(u.reader.openSource)
	if len(opened) != 1 || opened[0] != u.reader.Article().Source {
		t.Errorf("opened %v, want the article's source %q", opened, u.reader.Article().Source)
	}
}

func TestSearchFilterChips(t *testing.T) {
	h := newHarness(t)
	s := h.u.search
	test.Type(s.entry, "liang")
	h.waitFor("results", func() bool { return s.shown == s.gen })
	s.colour.SetSelectedIndex(1)
	s.entry.SetText("")
	h.pump()
	if !s.chips.Visible() || !chipsSay(s, "Colour: "+h.u.colours[0].Meaning) {
		t.Fatal("a filter left from an earlier search is not shown as a chip")
	}
	test.Type(s.entry, "probation")
	h.waitFor("results", func() bool { return s.shown == s.gen })
	if s.options().Colour != h.u.colours[0].Key {
		t.Error("the filter left set does not apply to the new search")
	}
	s.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	h.pump()
	if s.entry.Text != "" || s.filtered() || s.chips.Visible() {
		t.Errorf("Escape left query %q, filtered %v, chips %v; want all cleared", s.entry.Text, s.filtered(), s.chips.Visible())
	}
}

// chipsSay reports whether a chip with the label shows.
func chipsSay(s *searchBar, label string) bool {
	for _, o := range s.chips.Objects {
		if b, ok := o.(*widget.Button); ok && b.Text == label {
			return true
		}
	}
	return false
}

// TestFitRowNeverCutsAChip lays completion chips out in a narrow row: those
// that do not fit whole are hidden, and no visible one crosses the edge.
func TestFitRowNeverCutsAChip(t *testing.T) {
	test.NewTempApp(t)
	var objs []fyne.CanvasObject
	for _, w := range []string{"Complete:", "ballinger", "brooklyn", "probation", "sentencing"} {
		objs = append(objs, widget.NewButton(w, nil))
	}
	c := container.New(fitRow{}, objs...)
	for _, width := range []float32{90, 200, 333, 1000} {
		c.Resize(fyne.NewSize(width, 40))
		shown := 0
		for _, o := range objs {
			if !o.Visible() {
				continue
			}
			shown++
			if o.Position().X+o.Size().Width > width || o.Size().Width < o.MinSize().Width {
				t.Errorf("width %v: a chip is cut (%v at %v)", width, o.Size(), o.Position())
			}
		}
		if width >= 1000 && shown != len(objs) {
			t.Errorf("width %v: %d of %d chips shown", width, shown, len(objs))
		}
		if width == 200 && shown == len(objs) {
			t.Errorf("width 200: every chip shown; some cannot fit")
		}
	}
}

// TestHighlightsTabCountShows checks the count the Highlights tab's button
// shows, not only its item's text: after a highlight is added (and no note
// changes, which used to redraw the tabs), the button says the new count.
func TestHighlightsTabCountShows(t *testing.T) {
	h := newHarness(t)
	u := h.u
	idx := -1
	for i, it := range u.notes.content.Items {
		if it == u.highlights.tab {
			idx = i
		}
	}
	if idx < 0 {
		t.Fatal("no Highlights tab")
	}
	for n := 1; n <= 2; n++ {
		u.reader.setCurrent(n)
		u.highlight("red")
		h.settle()
		want := fmt.Sprintf("Highlights (%d)", n)
		if got := u.notes.content.Buttons[idx].Text; got != want {
			t.Errorf("after %d highlights the tab shows %q, want %q", n, got, want)
		}
	}
}
