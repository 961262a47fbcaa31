package ui

import (
	"context"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/casebookapp/casebook/data"
	"github.com/casebookapp/casebook/data/compare"
	"github.com/casebookapp/casebook/internal/text"
)

// compareView shows two articles side by side in a window of its own: their
// passages aligned where they report the same thing (each pair is one row,
// so pairs scroll together; a passage with no counterpart stands alone on
// its side), and above them the differences Compare flagged, each with both
// passages, to mark as a real disagreement or to dismiss.
type compareView struct {
	store   compareStore
	ctx     context.Context
	hooks   compareHooks
	content fyne.CanvasObject
	A, B    *widget.Select
	// rows holds one row per aligned pair or unpaired passage.
	rows *fyne.Container
	// flags holds one card per difference not yet dismissed.
	flags *fyne.Container

	ids        []int64 // article ids, parallel to the selects' options
	a, b       int64
	texts      [2]map[int]string // paragraph texts by citation number
	result     compare.Result
	decisions  []compare.FlagDecision
	flagsLabel *widget.Label
	runs       int  // comparisons started, to drop a stale one's result
	comparing  bool // a comparison is running in the background
}

// compareStore is what the Compare view reads and writes: a comparison of
// two articles, and the student's decisions on its differences.
type compareStore interface {
	Compare(ctx context.Context, a, b int64) (compare.Comparison, error)
	CompareDecisions(ctx context.Context, a, b int64) ([]compare.FlagDecision, error)
	MarkDisagreement(ctx context.Context, a, b int64, d compare.Difference) (compare.Disagreement, error)
	DismissDifference(ctx context.Context, a, b int64, d compare.Difference) error
}

// compareHooks are what the Compare view asks of the window. Nil hooks do
// nothing (work runs at once).
type compareHooks struct {
	// articles are the library's articles, to choose from.
	articles func() []data.ArticleSummary
	// do runs a function on the UI goroutine, later; background runs one
	// off it (the comparison).
	do         func(func())
	background func(func())
	// write runs a write to the library after the earlier ones of its
	// lane, off the UI goroutine; done is then called on the UI goroutine.
	write     func(lane string, run func(ctx context.Context) error, done func(err error))
	showError func(error)
	// changed is called when a disagreement was marked: highlights and
	// notes were added.
	changed func()
}

// fill gives every nil hook a default.
func (h *compareHooks) fill() {
	if h.articles == nil {
		h.articles = func() []data.ArticleSummary { return nil }
	}
	if h.do == nil {
		h.do = func(f func()) { f() }
	}
	if h.background == nil {
		h.background = func(f func()) { f() }
	}
	if h.write == nil {
		h.write = func(_ string, run func(context.Context) error, done func(error)) { done(run(context.Background())) }
	}
	if h.showError == nil {
		h.showError = func(err error) { fyne.LogError("compare", err) }
	}
	if h.changed == nil {
		h.changed = func() {}
	}
}

// showCompare opens the Compare window on two articles (0 leaves a side to
// choose).
func (u *UI) showCompare(a, b int64) *compareView {
	if u.compare == nil {
		u.compare = newCompareView(u.lib, u.ctx, compareHooks{
			articles:   func() []data.ArticleSummary { return u.articles },
			do:         u.do,
			background: u.goBackground,
			write: func(lane string, run func(ctx context.Context) error, done func(error)) {
				u.writes.submit(lane, run, done)
			},
			showError: u.showError,
			changed:   u.annotationsChanged,
		})
		u.compareWindow = u.app.NewWindow("Compare two articles")
		u.compareWindow.Resize(fyne.NewSize(1100, 760))
		u.compareWindow.SetOnClosed(func() { u.compare, u.compareWindow = nil, nil })
		u.compareWindow.SetContent(u.compare.content)
	}
	c := u.compare
	c.setChoices()
	if a != 0 {
		c.choose(c.A, a)
	}
	if b != 0 {
		c.choose(c.B, b)
	}
	u.compareWindow.Show()
	u.compareWindow.RequestFocus()
	return c
}

// newCompareView builds the Compare view on a store; ctx bounds its reads.
func newCompareView(store compareStore, ctx context.Context, hooks compareHooks) *compareView {
	hooks.fill()
	c := &compareView{store: store, ctx: ctx, hooks: hooks}
	c.A = widget.NewSelect(nil, func(string) { c.run() })
	c.B = widget.NewSelect(nil, func(string) { c.run() })
	c.A.PlaceHolder, c.B.PlaceHolder = "Choose article A", "Choose article B"
	c.rows = container.NewVBox()
	c.flags = container.NewVBox()
	c.flagsLabel = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	top := container.NewGridWithColumns(2, c.A, c.B)
	flags := container.NewBorder(c.flagsLabel, nil, nil, nil, container.NewVScroll(c.flags))
	split := container.NewVSplit(flags, container.NewVScroll(c.rows))
	split.Offset = 0.45
	c.content = container.NewBorder(container.NewPadded(top), nil, nil, nil, split)
	return c
}

// setChoices lists the library's articles in both selects.
func (c *compareView) setChoices() {
	c.ids = nil
	var names []string
	for _, a := range c.hooks.articles() {
		c.ids = append(c.ids, a.ID)
		names = append(names, articleChoice(a.Article))
	}
	c.A.Options, c.B.Options = names, names
	c.A.Refresh()
	c.B.Refresh()
}

func articleChoice(a data.Article) string {
	s := fmt.Sprintf("%d. %s", a.ID, text.Clip(orUntitled(a.Title), 60))
	if a.Outlet != "" {
		s += " (" + a.Outlet + ")"
	}
	return s
}

func orUntitled(t string) string {
	if t == "" {
		return "Untitled article"
	}
	return t
}

func (c *compareView) choose(s *widget.Select, id int64) {
	for i, x := range c.ids {
		if x == id {
			s.SetSelectedIndex(i)
		}
	}
}

func (c *compareView) selected(s *widget.Select) int64 {
	if i := s.SelectedIndex(); i >= 0 && i < len(c.ids) {
		return c.ids[i]
	}
	return 0
}

// run compares the two chosen articles and shows the result. The articles
// are read and compared in the background; a result that arrives after the
// student chose other articles is dropped.
func (c *compareView) run() {
	a, b := c.selected(c.A), c.selected(c.B)
	c.runs++
	run := c.runs
	c.rows.RemoveAll()
	c.flags.RemoveAll()
	c.flagsLabel.SetText("")
	c.a, c.b = a, b
	c.comparing = false
	if a == 0 || b == 0 {
		return
	}
	if a == b {
		c.flagsLabel.SetText("Choose two different articles.")
		return
	}
	c.comparing = true
	c.flagsLabel.SetText("Comparing…")
	c.hooks.background(func() {
		r, err := c.store.Compare(c.ctx, a, b)
		var ds []compare.FlagDecision
		if err == nil {
			ds, err = c.store.CompareDecisions(c.ctx, a, b)
		}
		c.hooks.do(func() {
			if run != c.runs {
				return
			}
			c.comparing = false
			if err != nil {
				c.flagsLabel.SetText("")
				c.hooks.showError(err)
				return
			}
			c.result, c.texts, c.decisions = r.Result, r.Texts(), ds
			c.showRows()
			c.showFlags()
		})
	})
}

// compareRow is one row of the side-by-side view: a pair, or a passage of
// one side alone (the other para is 0).
type compareRow struct {
	a, b int
	pair *compare.Pair
}

// layoutRows orders the rows: A's passages in reading order, each with its
// pairs; then each of B's unpaired passages after the row of the B passage
// before it, so that both sides read in order as far as the pairs allow.
func layoutRows(r compare.Result, nA, nB int) []compareRow {
	var rows []compareRow
	pairedB := map[int]bool{}
	for i := range r.Pairs {
		pairedB[r.Pairs[i].B.Para] = true
	}
	for a := 1; a <= nA; a++ {
		found := false
		for i := range r.Pairs {
			if r.Pairs[i].A.Para == a {
				rows = append(rows, compareRow{a: a, b: r.Pairs[i].B.Para, pair: &r.Pairs[i]})
				found = true
			}
		}
		if !found {
			rows = append(rows, compareRow{a: a})
		}
	}
	for b := 1; b <= nB; b++ {
		if pairedB[b] {
			continue
		}
		at := 0 // after the last row showing a B passage before b
		for i, row := range rows {
			if row.b != 0 && row.b < b {
				at = i + 1
			}
		}
		rows = append(rows[:at], append([]compareRow{{b: b}}, rows[at:]...)...)
	}
	return rows
}

func (c *compareView) showRows() {
	rows := layoutRows(c.result, len(c.texts[0]), len(c.texts[1]))
	for _, row := range rows {
		side := func(i, para int) fyne.CanvasObject {
			if para == 0 {
				return widget.NewLabel("")
			}
			l := widget.NewLabel(fmt.Sprintf("¶%d  %s", para, c.texts[i][para]))
			l.Wrapping = fyne.TextWrapWord
			return l
		}
		grid := container.NewGridWithColumns(2, side(0, row.a), side(1, row.b))
		if row.pair == nil {
			c.rows.Add(container.NewVBox(grid, widget.NewSeparator()))
			continue
		}
		why := widget.NewLabelWithStyle(fmt.Sprintf("Same report (%.2f), linked by: %s", row.pair.Score, strings.Join(row.pair.Because, ", ")),
			fyne.TextAlignCenter, fyne.TextStyle{Italic: true})
		c.rows.Add(container.NewVBox(why, grid, widget.NewSeparator()))
	}
	c.rows.Refresh()
}

// decision returns the student's decision on a difference, if any.
func (c *compareView) decision(d compare.Difference) (compare.FlagDecision, bool) {
	for _, f := range c.decisions {
		if f.Matches(d) {
			return f, true
		}
	}
	return compare.FlagDecision{}, false
}

func (c *compareView) showFlags() {
	c.flags.RemoveAll()
	shown := 0
	for _, d := range c.result.Differences {
		f, decided := c.decision(d)
		if decided && f.Status == compare.FlagDismissed {
			continue
		}
		shown++
		d := d
		title := widget.NewLabelWithStyle(strings.ToUpper(d.Topic[:1])+d.Topic[1:], fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		side := func(label string, s compare.Side, texts map[int]string) fyne.CanvasObject {
			l := widget.NewLabel(fmt.Sprintf("%s ¶%d: “%s” — %s", label, s.Para, s.Text, texts[s.Para]))
			l.Wrapping = fyne.TextWrapWord
			return l
		}
		var actions fyne.CanvasObject
		if decided {
			actions = widget.NewLabel("Marked as a disagreement (red highlights with a note on both passages)")
		} else {
			mark := widget.NewButtonWithIcon("Mark as disagreement", swatchResource("#ef5350"), func() { c.markDisagreement(d) })
			dismiss := widget.NewButtonWithIcon("Dismiss", theme.CancelIcon(), func() { c.dismiss(d) })
			actions = container.NewHBox(mark, dismiss)
		}
		c.flags.Add(container.NewVBox(title, side("A", d.A, c.texts[0]), side("B", d.B, c.texts[1]), actions, widget.NewSeparator()))
	}
	switch {
	case len(c.result.Differences) == 0:
		c.flagsLabel.SetText(fmt.Sprintf("%d aligned pairs; no differences in figures, dates, charges or names.", len(c.result.Pairs)))
	default:
		c.flagsLabel.SetText(fmt.Sprintf("%d aligned pairs; %d differences to check:", len(c.result.Pairs), shown))
	}
	c.flags.Refresh()
}

// markDisagreement turns a flag into red Disputed highlights on both
// passages, each with a note quoting both versions.
// It is saved through the write queue, in the lane of the highlights.
func (c *compareView) markDisagreement(d compare.Difference) {
	a, b := c.a, c.b
	c.hooks.write(laneAnnotations, func(ctx context.Context) error {
		_, err := c.store.MarkDisagreement(ctx, a, b, d)
		return err
	}, func(err error) {
		if err != nil {
			c.hooks.showError(err)
			return
		}
		c.hooks.changed()
		c.decided()
	})
}

// dismiss hides a flag for good, saved through the write queue.
func (c *compareView) dismiss(d compare.Difference) {
	a, b := c.a, c.b
	c.hooks.write(laneAnnotations, func(ctx context.Context) error {
		return c.store.DismissDifference(ctx, a, b, d)
	}, func(err error) {
		if err != nil {
			c.hooks.showError(err)
			return
		}
		c.decided()
	})
}

// decided reads the student's decisions again after one and shows the
// flags with them.
func (c *compareView) decided() {
	ds, err := c.store.CompareDecisions(c.ctx, c.a, c.b)
	if err != nil {
		c.hooks.showError(err)
		return
	}
	c.decisions = ds
	c.showFlags()
}
