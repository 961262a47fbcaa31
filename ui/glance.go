package ui

import (
	"context"
	"fmt"
	"strings"
	"sync/atomic"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/casebookapp/casebook/data"
	"github.com/casebookapp/casebook/data/casefacts"
	"github.com/casebookapp/casebook/data/glance"
	"github.com/casebookapp/casebook/internal/text"
)

// studyAids is the case at a glance: the Timeline and People views beside
// the library, fed by package glance off the UI goroutine and refreshed when
// the articles change (an import, an edited date). Like the other
// components it holds its store and its hooks, not the window.
type studyAids struct {
	lib   studyAidStore
	ctx   context.Context
	hooks studyAidsHooks
	tabs  *wrapTabs
	// Case is what the views show.
	Case glance.Case
	// sig is the articles the case was built from (ids, hashes, dates), so
	// that only a change to them extracts again.
	sig      string
	loading  bool
	again    bool // a refresh was asked for while loading
	loaded   int  // how many times a load finished (tests wait on it)
	timeline *timelineView
	people   *peopleView
	// adding is the open Add to timeline form, kept for tests.
	adding *addToTimeline
}

// newStudyAids builds the Timeline and People views and puts them in tabs
// after the library pane. Nothing is read until changed is called.
func newStudyAids(lib studyAidStore, ctx context.Context, library fyne.CanvasObject, hooks studyAidsHooks) *studyAids {
	hooks.fill()
	s := &studyAids{lib: lib, ctx: ctx, hooks: hooks}
	views := studyAidHooks{
		openRef:   hooks.openRef,
		refLabel:  hooks.refLabel,
		askText:   hooks.askText,
		correct:   s.correct,
		fixEvent:  s.fixEvent,
		showError: hooks.showError,
	}
	s.timeline = newTimelineView(views)
	s.people = newPeopleView(views)
	s.tabs = newWrapTabs(
		container.NewTabItem("Library", library),
		container.NewTabItem("Timeline", s.timeline.content),
		container.NewTabItem("People", s.people.content),
	)
	return s
}

// withStudyAids puts the library pane and the study aids in tabs. It is the
// window layout's hook for them.
func (u *UI) withStudyAids(library fyne.CanvasObject) fyne.CanvasObject {
	u.aids = newStudyAids(u.lib, u.ctx, library, u.studyAidsHooks())
	return u.aids.tabs
}

// showLibraryTab brings the library (and search results) to the front.
func (u *UI) showLibraryTab() {
	if u.aids != nil && u.aids.tabs.SelectedIndex() != 0 {
		u.aids.tabs.SelectIndex(0)
	}
}

// articlesSignature identifies the articles' texts and dates.
func articlesSignature(arts []data.ArticleSummary) string {
	var b strings.Builder
	for _, a := range arts {
		fmt.Fprintf(&b, "%d:%s:%s;", a.ID, a.Hash, a.Date)
	}
	return b.String()
}

// studyAidsChanged extracts again if the articles changed since the last
// extraction (or always, with force: a correction was made).
func (u *UI) studyAidsChanged(force bool) {
	if u.aids != nil {
		u.aids.changed(force)
	}
}

// changed extracts again if the articles changed since the last
// extraction (or always, with force: a correction was made).
func (s *studyAids) changed(force bool) {
	h := s.hooks
	arts := h.articles()
	sig := articlesSignature(arts)
	if !force && sig == s.sig {
		return
	}
	if s.loading {
		s.again = true
		return
	}
	s.loading = true
	// Only a correction was made: apply the corrections again to the
	// extraction the views have, which is at once, rather than read every
	// article again.
	recorrect := sig == s.sig && s.loaded > 0
	if !recorrect {
		s.timeline.setLoading(len(arts))
		s.people.setLoading(len(arts))
	}
	last := s.Case
	h.goBackground(func() {
		var percent atomic.Int64
		percent.Store(-1)
		progress := func(done, total int) {
			// Called from the reading goroutines: tell the UI when the bar
			// moves by a percent.
			p := int64(done * 100 / max(total, 1))
			if old := percent.Load(); p > old && percent.CompareAndSwap(old, p) {
				h.do(func() {
					s.timeline.setProgress(done, total)
					s.people.setProgress(done, total)
				})
			}
		}
		var c glance.Case
		var err error
		if recorrect {
			c, err = glance.Recorrect(s.ctx, s.lib, last)
		} else {
			c, err = glance.LoadProgress(s.ctx, s.lib, progress)
		}
		h.do(func() {
			s.loading = false
			s.loaded++
			if err != nil {
				s.timeline.setLoading(-1)
				s.people.setLoading(-1)
				h.showError(err)
				return
			}
			s.sig = sig
			s.Case = c
			s.timeline.setCase(c)
			s.people.setCase(c)
			if s.again {
				s.again = false
				s.changed(true)
			}
		})
	})
}

// title is an article's title as the views cite it.
func (u *UI) articleTitle(id int64) string {
	if a, ok := u.articleSummary(id); ok && a.Title != "" {
		return a.Title
	}
	return fmt.Sprintf("Article %d", id)
}

// refLabel cites a passage: "Ex-Cop Peter Liang Apo…, para. 7".
func (u *UI) refLabel(r casefacts.Ref) string {
	where := "para. " + fmt.Sprint(r.Para)
	if r.Para == 0 {
		where = r.Kind
	}
	// Short enough for the sidebar: a longer button would widen it and
	// squeeze the reader whenever an entry is chosen.
	return text.Clip(u.articleTitle(r.Article), 22) + ", " + where
}

// openRef opens a passage in the reader: its article, scrolled to it.
func (u *UI) openRef(r casefacts.Ref) {
	if u.reader.article.ID != r.Article {
		u.openArticle(r.Article)
	}
	for row, m := range u.reader.rows {
		p := m.passage
		if r.Para != 0 && p.N == r.Para || r.Para == 0 && p.Seq == r.Seq && string(p.Kind) == r.Kind {
			u.reader.scrollToRow(row)
			u.reader.setCurrent(row)
			return
		}
	}
}

// refButtons are the passages of an entry, each a button that opens it.
func (h studyAidHooks) refButtons(refs []casefacts.Ref) []fyne.CanvasObject {
	var out []fyne.CanvasObject
	for _, r := range refs {
		r := r
		b := widget.NewButton(h.refLabel(r), func() { h.openRef(r) })
		b.Alignment = widget.ButtonAlignLeading
		out = append(out, b)
	}
	return out
}

// aidList is what the Timeline and People views share: a filter entry, the
// list with a details pane under it (hidden until an entry is chosen), a
// pane that says the articles are being read, with a progress bar, and a
// label for when there is nothing to list. Each view keeps its own rows and
// details.
type aidList struct {
	// filter narrows the list to the entries that contain what is typed.
	filter *widget.Entry
	list   *widget.List
	// detail shows the selected entry: its sources and corrections.
	detail *fyne.Container

	loading *fyne.Container
	status  *widget.Label
	bar     *widget.ProgressBar
	empty   *widget.Label
	content fyne.CanvasObject
	split   *container.Split
	reading string // what the articles are read for: "dates", "names"
}

// aidListSpec describes a view's part of its aidList.
type aidListSpec struct {
	filterHint, emptyText, reading string
	splitOffset                    float64
	// above are put between the filter and the loading pane.
	above     []fyne.CanvasObject
	length    func() int
	createRow func() fyne.CanvasObject
	updateRow func(widget.ListItemID, fyne.CanvasObject)
	choose    func(widget.ListItemID)
	// refill rebuilds the rows when the filter changes.
	refill func()
}

func newAidList(spec aidListSpec) aidList {
	a := aidList{reading: spec.reading}
	a.filter = widget.NewEntry()
	a.filter.SetPlaceHolder(spec.filterHint)
	a.filter.OnChanged = func(string) { spec.refill() }
	a.list = widget.NewList(spec.length, spec.createRow, spec.updateRow)
	a.list.OnSelected = spec.choose
	a.detail = container.NewVBox()
	a.status = widget.NewLabel("")
	a.status.Wrapping = fyne.TextWrapWord
	a.bar = widget.NewProgressBar()
	a.loading = container.NewVBox(a.status, a.bar)
	a.loading.Hide()
	a.empty = widget.NewLabel(spec.emptyText)
	a.empty.Wrapping = fyne.TextWrapWord
	a.empty.Hide()
	top := container.NewVBox(a.filter)
	for _, o := range spec.above {
		top.Add(o)
	}
	top.Add(a.loading)
	top.Add(a.empty)
	a.split = container.NewVSplit(a.list, container.NewVScroll(a.detail))
	a.split.Offset = spec.splitOffset
	a.split.Trailing.Hide() // until an entry is chosen
	a.content = container.NewBorder(top, nil, nil, nil, a.split)
	return a
}

// setLoading shows that the articles are being read (n of them), or, with
// n < 0, that reading failed.
func (a *aidList) setLoading(n int) {
	if n < 0 {
		a.loading.Hide()
		return
	}
	a.status.SetText(fmt.Sprintf("Reading %d articles for %s…", n, a.reading))
	a.bar.SetValue(0)
	a.loading.Show()
}

// setProgress moves the progress bar: done of total articles read.
func (a *aidList) setProgress(done, total int) {
	a.status.SetText(fmt.Sprintf("Reading articles for %s: %d of %d…", a.reading, done, total))
	a.bar.SetValue(float64(done) / float64(max(total, 1)))
}

// listed shows the rows just rebuilt, with none chosen; none says the view
// has no entries at all (the empty-state label shows unless still loading).
func (a *aidList) listed(none bool) {
	if none && !a.loading.Visible() {
		a.empty.Show()
	} else {
		a.empty.Hide()
	}
	a.list.UnselectAll()
	a.list.Refresh()
}

// clearDetail empties the details pane, shows it if an entry is chosen
// (hides it if not) and returns chosen, so that the view fills it.
func (a *aidList) clearDetail(chosen bool) bool {
	a.detail.RemoveAll()
	showDetailPane(a.split, chosen)
	return chosen
}

// addToTimeline is the form that adds an event from a passage.
type addToTimeline struct {
	date, label *dialogEntry
	passage     data.Passage
	dialog      *formDialog
}

// showAddToTimeline asks for the date and label of an event the student
// adds from a passage (the reader's context menu).
func (u *UI) showAddToTimeline(p data.Passage, selection string) *addToTimeline {
	f := &addToTimeline{date: newDialogEntry(u.modalKey), label: newDialogEntry(u.modalKey), passage: p}
	f.date.SetPlaceHolder("2016-02-11, 2016-02 or 2016")
	if a, ok := u.articleSummary(p.ArticleID); ok {
		f.date.SetText(a.Date)
	}
	label := selection
	if label == "" {
		label = p.Text
	}
	f.label.SetText(text.Clip(label, 100))
	// A formDialog: Enter adds, Escape cancels, and a date that cannot be
	// read leaves the dialog open with what was typed.
	form := widget.NewForm(widget.NewFormItem("Date", f.date), widget.NewFormItem("Label", f.label))
	f.dialog = u.newFormDialog("Add to timeline", "Add", form, func() bool { return u.addToTimeline(f) })
	f.dialog.Resize(fyne.NewSize(520, 0))
	f.dialog.show(u)
	if u.aids != nil {
		u.aids.adding = f
	}
	return f
}

// addToTimeline stores the event the form describes.
func (u *UI) addToTimeline(f *addToTimeline) bool {
	if u.aids == nil {
		if _, err := glance.AddEvent(u.ctx, u.lib, f.passage, f.date.Text, f.label.Text); err != nil {
			u.showError(err)
			return false
		}
		return true
	}
	return u.aids.addEvent(f.passage, f.date.Text, f.label.Text)
}

// addEvent stores an event the student adds from a passage, and extracts
// again; it reports whether the event was stored.
func (s *studyAids) addEvent(p data.Passage, date, label string) bool {
	if _, err := glance.AddEvent(s.ctx, s.lib, p, date, label); err != nil {
		s.hooks.showError(err)
		return false
	}
	s.changed(true)
	return true
}

// askText asks for one line of text and runs done with it.
// It is a formDialog like the others, so Enter saves, Escape cancels and
// the window's shortcuts wait while it is open.
func (u *UI) askText(title, field, value string, done func(string)) *dialogEntry {
	e := newDialogEntry(u.modalKey)
	e.SetText(value)
	form := widget.NewForm(widget.NewFormItem(field, e))
	d := u.newFormDialog(title, "Save", form, func() bool {
		if t := strings.TrimSpace(e.Text); t != "" {
			done(t)
		}
		return true
	})
	d.Resize(fyne.NewSize(480, 0))
	d.show(u)
	return e
}

// correct stores a correction and extracts again.
func (s *studyAids) correct(c data.Correction) {
	s.saveCorrection(func(ctx context.Context) error {
		_, err := s.lib.AddCorrection(ctx, c)
		return err
	})
}

// fixEvent stores a correction (hide, date or label) to an event of c and
// extracts again.
func (s *studyAids) fixEvent(c glance.Case, e casefacts.Event, action, value string) {
	s.saveCorrection(func(ctx context.Context) error {
		_, err := glance.FixEvent(ctx, s.lib, c, e, action, value)
		return err
	})
}

// saveCorrection runs a correction's write through the write queue, so the
// window does not wait on the library's lock, then applies the corrections
// to what the timeline and people show.
func (s *studyAids) saveCorrection(run func(ctx context.Context) error) {
	s.hooks.write(laneCorrections, run, func(err error) {
		if err != nil {
			s.hooks.showError(err)
			return
		}
		s.changed(true)
	})
}

// laneCorrections is the write lane of timeline and people corrections:
// they are saved in the order they were made.
const laneCorrections = "corrections"

// matchesFilter reports whether every word of the filter is in one of the
// texts (any case).
func matchesFilter(filter string, texts ...string) bool {
	all := strings.ToLower(strings.Join(texts, " "))
	for _, w := range strings.Fields(strings.ToLower(filter)) {
		if !strings.Contains(all, w) {
			return false
		}
	}
	return true
}

// addToTimeline offers to add an event from a passage of the reader, with
// the selection (if any) as its label.
func (r *reader) addToTimeline(row int) *addToTimeline {
	if row < 0 || row >= len(r.rows) {
		return nil
	}
	sel := ""
	if s, e := r.selSpan(); r.selRow == row && s < e {
		sel = string(r.rows[row].text[s:e])
	}
	return r.hooks.addToTimeline(r.rows[row].passage, sel)
}

// showDetailPane shows or hides the details under a study aid's list: while
// no entry is chosen the list takes the whole tab rather than sharing it
// with an empty pane.
func showDetailPane(split *container.Split, show bool) {
	if split.Trailing.Visible() == show {
		return
	}
	if show {
		split.Trailing.Show()
	} else {
		split.Trailing.Hide()
	}
	split.Refresh()
}
