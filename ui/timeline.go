package ui

import (
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/casebookapp/casebook/data"
	"github.com/casebookapp/casebook/data/casefacts"
	"github.com/casebookapp/casebook/data/glance"
	"github.com/casebookapp/casebook/internal/text"
)

// timelineView lists the dated events, by date, under year and month
// headings; an entry shows its date, label and sources, and selecting it
// opens its first passage and shows the rest below with the corrections.
type timelineView struct {
	hooks studyAidHooks
	// kase is the case shown, which a fix corrects.
	kase glance.Case
	// aidList's Filter narrows the list to entries whose label, date or
	// wording contain what is typed.
	aidList
	// disputed shows only the entries the sources disagree on.
	disputed *widget.Check

	events   []casefacts.Event
	rows     []tlRow
	selected int // index into events, -1 for none
}

// tlRow is a row of the list: a heading or an event.
type tlRow struct {
	heading string
	year    bool
	event   int
}

func newTimelineView(hooks studyAidHooks) *timelineView {
	hooks.fill()
	v := &timelineView{hooks: hooks, selected: -1}
	v.disputed = widget.NewCheck("Disputed only", func(bool) { v.fill() })
	v.aidList = newAidList(aidListSpec{
		filterHint:  "Filter the timeline",
		emptyText:   "No dated events yet. Import articles (File › Import…) and the dates they report appear here.",
		reading:     "dates",
		splitOffset: 0.6,
		above:       []fyne.CanvasObject{v.disputed},
		length:      func() int { return len(v.rows) },
		createRow: func() fyne.CanvasObject {
			// The date column is as wide as a full date: a longer
			// unresolved date ("less than one week after") is cut short
			// there (the details show it whole) rather than taking the
			// label's room.
			date := widget.NewLabel("2016-02-11")
			date.TextStyle.Monospace = true
			col := date.MinSize()
			col.Width += theme.Padding() // room for rounding, or the date itself is cut
			date.Truncation = fyne.TextTruncateEllipsis
			label := widget.NewLabel("")
			label.Truncation = fyne.TextTruncateEllipsis
			return container.NewBorder(nil, nil, container.NewGridWrap(col, date), nil, label)
		},
		updateRow: v.updateRow,
		choose:    v.choose,
		refill:    v.fill,
	})
	return v
}

func (v *timelineView) setCase(c glance.Case) {
	v.loading.Hide()
	v.kase = c
	v.events = c.Timeline
	v.fill()
}

// fill rebuilds the rows from the events and the filter.
func (v *timelineView) fill() {
	keep := -1
	if v.selected >= 0 && v.selected < len(v.events) {
		keep = v.selected
	}
	v.rows = v.rows[:0]
	lastYear, lastMonth := "", ""
	for i, e := range v.events {
		if v.disputed.Checked && !e.Disputed {
			continue
		}
		if !matchesFilter(v.filter.Text, e.Label, e.Date.String(), e.Date.Readable(), strings.Join(e.AsWritten, " "), e.Dispute) {
			continue
		}
		year, month := "Date not resolved", ""
		if e.Date.Known() {
			year = fmt.Sprint(e.Date.Y)
			if e.Date.M > 0 {
				month = time.Month(e.Date.M).String() + " " + year
			}
		}
		if year != lastYear {
			v.rows = append(v.rows, tlRow{heading: year, year: true, event: -1})
			lastYear, lastMonth = year, ""
		}
		if month != "" && month != lastMonth {
			v.rows = append(v.rows, tlRow{heading: month, event: -1})
			lastMonth = month
		}
		v.rows = append(v.rows, tlRow{event: i})
	}
	v.listed(len(v.events) == 0)
	v.selected = -1
	v.showDetail(keep)
}

func (v *timelineView) updateRow(i widget.ListItemID, o fyne.CanvasObject) {
	if i >= len(v.rows) {
		return
	}
	c := o.(*fyne.Container)
	label := c.Objects[0].(*widget.Label)
	dateCol := c.Objects[1].(*fyne.Container)
	date := dateCol.Objects[0].(*widget.Label)
	r := v.rows[i]
	if r.event < 0 {
		date.SetText("")
		dateCol.Hide()
		label.TextStyle = fyne.TextStyle{Bold: true}
		if !r.year {
			label.TextStyle = fyne.TextStyle{Italic: true}
		}
		label.SetText(r.heading)
		return
	}
	e := v.events[r.event]
	when := e.Date.String()
	if !e.Date.Known() {
		when = strings.Join(e.AsWritten, ", ")
	}
	date.SetText(when)
	dateCol.Show()
	label.TextStyle = fyne.TextStyle{}
	mark := ""
	switch {
	case e.Disputed:
		mark = "⚠ "
	case e.Added:
		mark = "+ "
	}
	label.SetText(fmt.Sprintf("%s%s  (%s)", mark, e.Label, text.Plural(len(e.Passages), "source", "sources")))
}

// choose selects row i: an event opens its first passage in the reader.
func (v *timelineView) choose(i widget.ListItemID) {
	if i >= len(v.rows) || v.rows[i].event < 0 {
		v.list.Unselect(i)
		return
	}
	ev := v.rows[i].event
	v.showDetail(ev)
	if ps := v.events[ev].Passages; len(ps) > 0 {
		v.hooks.openRef(ps[0])
	}
}

// Select selects the entry for event i of the timeline (tests and the
// keyboard use it).
func (v *timelineView) Select(event int) {
	for row, r := range v.rows {
		if r.event == event {
			v.list.Select(row)
			return
		}
	}
}

// Events are the entries the view shows, in order.
func (v *timelineView) Events() []casefacts.Event { return v.events }

func (v *timelineView) showDetail(ev int) {
	v.selected = ev
	if !v.clearDetail(ev >= 0 && ev < len(v.events)) {
		return
	}
	h := v.hooks
	e := v.events[ev]
	title := widget.NewLabelWithStyle(e.Label, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.Wrapping = fyne.TextWrapWord
	when := e.Date.Readable()
	if !e.Date.Known() {
		when = "Not resolved: the text says " + strings.Join(e.AsWritten, ", ")
	} else {
		when += " (" + e.Precision + "; the text says " + strings.Join(e.AsWritten, ", ") + ")"
	}
	v.detail.Add(title)
	v.detail.Add(newMutedLabel(when))
	if e.Dispute != "" {
		d := widget.NewLabel("⚠ " + e.Dispute)
		d.Wrapping = fyne.TextWrapWord
		v.detail.Add(d)
	}
	for _, b := range h.refButtons(e.Passages) {
		v.detail.Add(b)
	}
	if len(e.Sources) > 0 {
		// Two columns: in a row the three were wider than the sidebar.
		v.detail.Add(container.NewGridWithColumns(2,
			widget.NewButton("Fix date…", func() {
				h.askText("Fix the date", "Date", e.Date.String(), func(s string) { v.fix(e, data.FixDate, s) })
			}),
			widget.NewButton("Fix label…", func() {
				h.askText("Fix the label", "Label", e.Label, func(s string) { v.fix(e, data.FixLabel, s) })
			}),
			widget.NewButton("Hide", func() { v.fix(e, data.FixHide, "") }),
		))
	}
}

// fix stores a correction to an event and extracts again.
func (v *timelineView) fix(e casefacts.Event, action, value string) {
	// The case is replaced, never changed in place, when extraction is done.
	v.hooks.fixEvent(v.kase, e, action, value)
}
