package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/casebookapp/casebook/data"
	"github.com/casebookapp/casebook/data/casefacts"
	"github.com/casebookapp/casebook/data/glance"
	"github.com/casebookapp/casebook/internal/text"
)

// peopleView lists the people and organisations the articles name, grouped
// by kind, with their roles and mention counts; selecting one lists its
// mentions, each opening its passage in the reader, and offers the
// corrections.
type peopleView struct {
	hooks studyAidHooks
	// aidList's Filter narrows the list to entries whose name, alias or
	// role contain what is typed.
	aidList

	people   []casefacts.Entity
	rows     []pRow
	selected int
}

type pRow struct {
	heading string
	entity  int
}

func newPeopleView(hooks studyAidHooks) *peopleView {
	hooks.fill()
	v := &peopleView{hooks: hooks, selected: -1}
	v.aidList = newAidList(aidListSpec{
		filterHint:  "Filter people and organisations",
		emptyText:   "No people or organisations yet. Import articles (File › Import…) and the names they mention appear here.",
		reading:     "names",
		splitOffset: 0.55,
		length:      func() int { return len(v.rows) },
		createRow: func() fyne.CanvasObject {
			count := widget.NewLabel("99")
			name := widget.NewLabel("")
			name.Truncation = fyne.TextTruncateEllipsis
			return container.NewBorder(nil, nil, nil, count, name)
		},
		updateRow: v.updateRow,
		choose:    v.choose,
		refill:    v.fill,
	})
	return v
}

func (v *peopleView) setCase(c glance.Case) {
	v.loading.Hide()
	v.people = c.People
	v.fill()
}

// People are the entries the view shows.
func (v *peopleView) People() []casefacts.Entity { return v.people }

func (v *peopleView) fill() {
	v.rows = v.rows[:0]
	counts := map[string]int{}
	var kept []int
	for i, e := range v.people {
		if matchesFilter(v.filter.Text, e.Name, e.Role, strings.Join(e.Aliases, " "), e.VariantOf) {
			kept = append(kept, i)
			counts[e.Kind]++
		}
	}
	last := ""
	for _, i := range kept {
		if k := v.people[i].Kind; k != last {
			last = k
			head := map[string]string{casefacts.Person: "People", casefacts.Organisation: "Organisations"}[k]
			v.rows = append(v.rows, pRow{heading: fmt.Sprintf("%s (%d)", head, counts[k]), entity: -1})
		}
		v.rows = append(v.rows, pRow{entity: i})
	}
	v.listed(len(v.people) == 0)
	v.showDetail(-1)
}

func (v *peopleView) updateRow(i widget.ListItemID, o fyne.CanvasObject) {
	if i >= len(v.rows) {
		return
	}
	c := o.(*fyne.Container)
	name := c.Objects[0].(*widget.Label)
	count := c.Objects[1].(*widget.Label)
	r := v.rows[i]
	if r.entity < 0 {
		name.TextStyle = fyne.TextStyle{Bold: true}
		name.SetText(r.heading)
		count.Hide()
		return
	}
	e := v.people[r.entity]
	name.TextStyle = fyne.TextStyle{}
	text := e.Name
	if e.VariantOf != "" {
		text = "⚠ " + text + " — misspelling of " + e.VariantOf + "?"
	} else if e.Role != "" {
		text += " — " + e.Role
	}
	name.SetText(text)
	count.SetText(fmt.Sprint(len(e.Mentions)))
	count.Show()
}

func (v *peopleView) choose(i widget.ListItemID) {
	if i >= len(v.rows) || v.rows[i].entity < 0 {
		v.list.Unselect(i)
		return
	}
	v.showDetail(v.rows[i].entity)
}

// Select selects the entry named name (tests use it).
func (v *peopleView) Select(name string) bool {
	for row, r := range v.rows {
		if r.entity >= 0 && strings.EqualFold(v.people[r.entity].Name, name) {
			v.list.Select(row)
			return true
		}
	}
	return false
}

func (v *peopleView) showDetail(i int) {
	v.selected = i
	if !v.clearDetail(i >= 0 && i < len(v.people)) {
		return
	}
	h := v.hooks
	e := v.people[i]
	name := widget.NewLabelWithStyle(e.Name, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	name.Wrapping = fyne.TextWrapWord
	v.detail.Add(name)
	about := e.Kind
	if e.Role != "" {
		about += " · " + e.Role
	}
	if len(e.Aliases) > 0 {
		about += " · also " + strings.Join(e.Aliases, ", ")
	}
	l := newMutedLabel(about)
	v.detail.Add(l)
	if e.VariantOf != "" {
		w := widget.NewLabel("⚠ Possibly a misspelling of " + e.VariantOf + " in the source: check before citing it.")
		w.Wrapping = fyne.TextWrapWord
		v.detail.Add(w)
	}
	v.detail.Add(widget.NewLabel(fmt.Sprintf("Mentioned in %s:", text.Plural(len(e.Mentions), "passage", "passages"))))
	for _, b := range h.refButtons(e.Mentions) {
		v.detail.Add(b)
	}
	fix := func(action, value string) {
		h.correct(data.Correction{Target: data.TargetPerson, Action: action, Key: e.Name, Value: value})
	}
	// Two by two: in a row the four were wider than the sidebar.
	v.detail.Add(container.NewGridWithColumns(2,
		widget.NewButton("Rename…", func() { h.askText("Rename", "Name", e.Name, func(s string) { fix(data.FixRename, s) }) }),
		widget.NewButton("Merge into…", func() {
			h.askText("Merge into", "Name of the entry to merge into", e.VariantOf, func(s string) {
				if !v.known(s) {
					h.showError(data.Errorf(data.ENOTFOUND, "no one in the index is called %q", s))
					return
				}
				fix(data.FixMerge, s)
			})
		}),
		widget.NewButton("Role…", func() { h.askText("Role", "Role", e.Role, func(s string) { fix(data.FixRole, s) }) }),
		widget.NewButton("Hide", func() { fix(data.FixHide, "") }),
	))
}

// known reports whether an entry of the index has the name or alias.
func (v *peopleView) known(name string) bool {
	for _, e := range v.people {
		if e.Named(name) {
			return true
		}
	}
	return false
}
