package ui

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/casebookapp/casebook/data"
	"github.com/casebookapp/casebook/data/export"
)

// studyAidsLoaded waits until the case at a glance has been extracted n
// times.
func (h *harness) studyAidsLoaded(n int) {
	h.t.Helper()
	h.waitFor("the timeline and people", func() bool { return h.u.aids.loaded >= n && !h.u.aids.loading })
}

// currentRef is the reader's article and the current passage's number.
func (h *harness) currentPara() (int64, int) {
	p, ok := h.u.reader.currentPassage()
	if !ok {
		return h.u.reader.article.ID, -1
	}
	return h.u.reader.article.ID, p.N
}

func TestTimelineViewListsAndOpens(t *testing.T) {
	h := newHarness(t)
	h.studyAidsLoaded(1)
	tl := h.u.aids.timeline
	h.u.aids.tabs.SelectIndex(1)

	// Grouped by year and month.
	var headings []string
	for _, r := range tl.rows {
		if r.event < 0 {
			headings = append(headings, r.heading)
		}
	}
	if !strings.Contains(strings.Join(headings, "|"), "2016|February 2016") || headings[len(headings)-1] != "Date not resolved" {
		t.Errorf("headings %q", headings)
	}

	conviction := -1
	for i, e := range tl.Events() {
		if e.Date.String() == "2016-02-11" && strings.Contains(e.Label, "convicted") {
			conviction = i
		}
	}
	if conviction < 0 {
		t.Fatal("no conviction in the timeline view")
	}
	// Selecting the entry opens its first passage in the reader.
	h.u.openArticle(h.article(2).ID)
	tl.Select(conviction)
	first := tl.Events()[conviction].Passages[0]
	if a, n := h.currentPara(); a != first.Article || n != first.Para {
		t.Errorf("reader at %d:%d, want %d:%d", a, n, first.Article, first.Para)
	}
	// Each source is a button that opens its passage.
	test.Tap(button(t, tl.detail, "Ex-Cop Peter Liang"))
	if a, _ := h.currentPara(); a != 3 {
		t.Errorf("source button opened article %d, want 3", a)
	}

	// Filter and the disputed switch.
	test.Type(tl.filter, "apolog")
	events := 0
	for _, r := range tl.rows {
		if r.event >= 0 {
			events++
			if !strings.Contains(strings.ToLower(tl.events[r.event].Label), "apolog") {
				t.Errorf("filter kept %q", tl.events[r.event].Label)
			}
		}
	}
	if events != 1 {
		t.Errorf("filter apolog: %d entries", events)
	}
	tl.filter.SetText("")
	test.Tap(tl.disputed)
	for _, r := range tl.rows {
		if r.event >= 0 && !tl.events[r.event].Disputed {
			t.Errorf("disputed only kept %q", tl.events[r.event].Label)
		}
	}
	test.Tap(tl.disputed)

	// Hide the conviction: stored as a correction, gone after extraction.
	tl.Select(conviction)
	test.Tap(button(t, tl.detail, "Hide"))
	// A correction is applied to the extraction the view has: the
	// articles are not read again, so no "Reading articles" bar shows.
	if tl.loading.Visible() {
		t.Errorf("hiding an entry reads the articles again: %q", tl.status.Text)
	}
	h.studyAidsLoaded(2)
	for _, e := range tl.Events() {
		if e.Date.String() == "2016-02-11" && strings.Contains(e.Label, "convicted") {
			t.Error("hidden entry still listed")
		}
	}
	cs, err := h.lib.Corrections(context.Background(), data.TargetEvent)
	if err != nil || len(cs) != 1 || cs[0].Action != data.FixHide {
		t.Errorf("corrections %+v, %v", cs, err)
	}
}

func TestPeopleViewListsAndOpens(t *testing.T) {
	h := newHarness(t)
	h.studyAidsLoaded(1)
	pv := h.u.aids.people
	h.u.aids.tabs.SelectIndex(2)
	if pv.rows[0].heading != "People (22)" {
		t.Errorf("first heading %q", pv.rows[0].heading)
	}
	orgs := false
	for _, r := range pv.rows {
		if strings.HasPrefix(r.heading, "Organisations") {
			orgs = true
		}
	}
	if !orgs {
		t.Error("no Organisations group")
	}
	test.Type(pv.filter, "shech")
	var names []string
	for _, r := range pv.rows {
		if r.entity >= 0 {
			names = append(names, pv.people[r.entity].Name)
		}
	}
	if strings.Join(names, ",") != "Paul Shechtman,Schectman" {
		t.Errorf("filter shech: %v", names)
	}
	if !pv.Select("Schectman") {
		t.Fatal("cannot select Schectman")
	}
	found := false
	for _, o := range pv.detail.Objects {
		if l, ok := o.(*widget.Label); ok && strings.Contains(l.Text, "misspelling of Paul Shechtman") {
			found = true
		}
	}
	if !found {
		t.Error("the variant is not flagged")
	}
	pv.filter.SetText("")
	if !pv.Select("Peter Liang") {
		t.Fatal("cannot select Peter Liang")
	}
	// A mention opens its passage in the reader.
	test.Tap(button(t, pv.detail, "para. 7"))
	if _, n := h.currentPara(); n != 7 {
		t.Errorf("reader at para. %d, want 7", n)
	}
	// Hide John Kasich.
	pv.Select("John Kasich")
	test.Tap(button(t, pv.detail, "Hide"))
	h.studyAidsLoaded(2)
	for _, e := range pv.People() {
		if e.Name == "John Kasich" {
			t.Error("hidden person still listed")
		}
	}
}

func TestAddToTimelineFromThePassage(t *testing.T) {
	h := newHarness(t)
	h.studyAidsLoaded(1)
	h.u.openArticle(3)
	row := h.rowWithText("Cathy Dang, executive director")
	f := h.u.reader.addToTimeline(row)
	if f == nil || !strings.HasPrefix(f.label.Text, "Cathy Dang") || f.date.Text != "2016-03-24" {
		t.Fatalf("form: %+v", f)
	}
	f.date.SetText("2016-03-23")
	f.label.SetText("CAAAV disappointed by the recommendation")
	if !h.u.addToTimeline(f) {
		t.Fatal("not added")
	}
	h.studyAidsLoaded(2)
	added := false
	for _, e := range h.u.aids.timeline.Events() {
		if e.Added && e.Label == "CAAAV disappointed by the recommendation" && e.Date.String() == "2016-03-23" {
			added = true
		}
	}
	if !added {
		t.Error("added event not in the timeline view")
	}
}

// popUpMenu finds the pop-up menu an overlay shows.
func popUpMenu(o fyne.CanvasObject) *widget.PopUpMenu {
	var found *widget.PopUpMenu
	walk(o, func(c fyne.CanvasObject) {
		if m, ok := c.(*widget.PopUpMenu); ok && found == nil {
			found = m
		}
	})
	return found
}

// popUpItem finds the item of a pop-up menu whose text is label.
func popUpItem(m *widget.PopUpMenu, label string) fyne.Tappable {
	var has func(o fyne.CanvasObject) bool
	has = func(o fyne.CanvasObject) bool {
		switch x := o.(type) {
		case *canvas.Text:
			return x.Text == label
		case *fyne.Container:
			for _, c := range x.Objects {
				if has(c) {
					return true
				}
			}
		case fyne.Widget:
			for _, c := range test.WidgetRenderer(x).Objects() {
				if has(c) {
					return true
				}
			}
		}
		return false
	}
	for _, it := range m.Items {
		if has(it) {
			if tp, ok := it.(fyne.Tappable); ok {
				return tp
			}
		}
	}
	return nil
}

func TestAddToTimelineFromTheContextMenu(t *testing.T) {
	h := newHarness(t)
	h.studyAidsLoaded(1)
	h.u.openArticle(3)
	row := h.rowWithText("Cathy Dang, executive director")
	h.u.reader.showContextMenu(row, 0, fyne.NewPos(100, 100))
	menu := popUpMenu(h.u.Window.Canvas().Overlays().Top())
	if menu == nil {
		t.Fatal("no context menu")
	}
	item := popUpItem(menu, "Add to timeline…")
	if item == nil {
		t.Fatal("the context menu has no Add to timeline…")
	}
	test.Tap(item)
	f := h.u.aids.adding
	if f == nil || !strings.HasPrefix(f.label.Text, "Cathy Dang") {
		t.Fatalf("form %+v", f)
	}

	// A date that cannot be read keeps the form open with what was typed;
	// Escape then cancels it.
	f.date.SetText("not a date")
	h.press(fyne.KeyReturn)
	h.pump()
	if !h.u.modalOpen() || f.date.Text != "not a date" {
		t.Errorf("a bad date closed the form (open %v, date %q)", h.u.modalOpen(), f.date.Text)
	}
	closeErrors := func() {
		for h.u.modalOpen() && h.u.modals[len(h.u.modals)-1].d != f.dialog {
			h.press(fyne.KeyEscape)
			h.pump()
		}
	}
	closeErrors()
	if !h.u.modalOpen() {
		t.Fatal("a bad date closed the form")
	}
	h.press(fyne.KeyEscape)
	h.pump()
	if h.u.modalOpen() {
		t.Error("Escape did not close the form")
	}
}

func TestStudyAidsRefreshAfterImport(t *testing.T) {
	h := newHarness(t)
	h.studyAidsLoaded(1)
	path := filepath.Join(t.TempDir(), "rally.txt")
	text := "Rally for Officer\n\nCity Councilwoman Linda Park, who represents Lower Manhattan, said on Feb. 19, 2016 that she understood the anger but urged calm.\n"
	if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
	h.u.importPaths([]string{path})
	h.studyAidsLoaded(2)
	h.pump()
	if v := h.u.aids.timeline.bar.Value; v != 1 {
		t.Errorf("the progress bar ended at %v", v)
	}
	found := false
	for _, e := range h.u.aids.people.People() {
		if e.Name == "Linda Park" {
			found = true
		}
	}
	if !found {
		t.Error("the imported article's people are not listed")
	}
	found = false
	for _, e := range h.u.aids.timeline.Events() {
		if e.Date.String() == "2016-02-19" {
			found = true
		}
	}
	if !found {
		t.Error("the imported article's dates are not listed")
	}
}

func TestExportDialogIncludesTheStudyAids(t *testing.T) {
	h := newHarness(t)
	h.studyAidsLoaded(1)
	u := h.u
	u.showExport()
	d := u.exportDialog
	waitPreview(h, d)
	d.format.SetSelectedIndex(1) // Markdown
	waitPreview(h, d)
	if strings.Contains(d.preview.Text, "## Timeline") {
		t.Fatal("timeline in the preview before it was asked for")
	}
	test.Tap(d.timeline)
	test.Tap(d.people)
	waitPreview(h, d)
	for _, want := range []string{"## Timeline", "## People and organisations", "Liang convicted of manslaughter"} {
		if !strings.Contains(d.preview.Text, want) {
			t.Errorf("the preview lacks %q", want)
		}
	}
	if !strings.Contains(d.summary.text, "With the timeline") {
		t.Errorf("summary %q", d.summary.text)
	}
	d.format.SetSelectedIndex(3) // CSV: no such sections
	waitPreview(h, d)
	if !d.timeline.Disabled() || d.options().Include != (export.Include{}) {
		t.Error("the sections are offered for CSV")
	}
	d.format.SetSelectedIndex(1)
	waitPreview(h, d)
	path := filepath.Join(t.TempDir(), "case.md")
	d.exportTo(path, d.options(), d.ext())
	h.waitFor("the export", func() bool { return u.lastExport.path == path })
	if u.lastExport.err != nil {
		t.Fatal(u.lastExport.err)
	}
	b, err := os.ReadFile(path)
	if err != nil || !strings.Contains(string(b), "## People and organisations") || u.lastExport.report.PeopleEntries == 0 {
		t.Errorf("file: %v, report %+v", err, u.lastExport.report)
	}
}

// TestStudyAidListsFillTheTabUntilAnEntryIsChosen checks that the Timeline
// and People lists take the whole tab while no entry is chosen: an empty
// details pane under them only squeezed the list into half the sidebar.
func TestStudyAidListsFillTheTabUntilAnEntryIsChosen(t *testing.T) {
	h := newHarness(t)
	h.studyAidsLoaded(1)
	tl, pv := h.u.aids.timeline, h.u.aids.people
	for name, c := range map[string]struct {
		tab    int
		list   *widget.List
		split  *container.Split
		choose func()
	}{
		"timeline": {1, tl.list, tl.split, func() { tl.Select(0) }},
		"people":   {2, pv.list, pv.split, func() { pv.Select(pv.people[0].Name) }},
	} {
		h.u.aids.tabs.SelectIndex(c.tab)
		c.split.Refresh()
		if got, want := c.list.Size().Height, c.split.Size().Height; got < want-1 {
			t.Errorf("%s: with nothing chosen the list is %v high of %v", name, got, want)
		}
		c.choose()
		c.split.Refresh()
		if got, want := c.list.Size().Height, c.split.Size().Height; got > want*0.8 {
			t.Errorf("%s: with an entry chosen the list is %v high of %v: no room for its details", name, got, want)
		}
	}
}

// TestTimelineRowKeepsRoomForTheLabel: in the sidebar, an unresolved date
// as long as "less than one week after" took the whole row, clipped, and
// left the event's label no room at all.
func TestTimelineRowKeepsRoomForTheLabel(t *testing.T) {
	h := newHarness(t)
	h.studyAidsLoaded(1)
	tl := h.u.aids.timeline
	checked := 0
	for i, r := range tl.rows {
		if r.event < 0 {
			continue
		}
		o := tl.list.CreateItem()
		tl.list.UpdateItem(i, o)
		o.Resize(fyne.NewSize(260, o.MinSize().Height))
		o.(*fyne.Container).Layout.Layout(o.(*fyne.Container).Objects, o.Size())
		label := o.(*fyne.Container).Objects[0].(*widget.Label)
		col := o.(*fyne.Container).Objects[1].(*fyne.Container)
		date := col.Objects[0].(*widget.Label)
		if label.Size().Width < 130 {
			t.Errorf("row %q / %q: the label has %v of 260", date.Text, label.Text, label.Size().Width)
		}
		if col.Position().X+col.Size().Width > label.Position().X+0.5 || date.Size().Width > col.Size().Width {
			t.Errorf("row %q: the date runs under the label", date.Text)
		}
		checked++
	}
	if checked == 0 {
		t.Fatal("no timeline rows")
	}
}

// TestChoosingAnEntryKeepsTheSidebarWidth: the details of a chosen entry
// (a button per source, named by its article's title) made the Timeline
// and People tabs wider than the sidebar, which then grew and squeezed the
// reader.
func TestChoosingAnEntryKeepsTheSidebarWidth(t *testing.T) {
	h := newHarness(t)
	h.studyAidsLoaded(1)
	tl, pv := h.u.aids.timeline, h.u.aids.people
	for _, c := range []struct {
		name    string
		tab     int
		content fyne.CanvasObject
		choose  func()
	}{
		{"timeline", 1, tl.content, func() { tl.Select(0) }},
		{"people", 2, pv.content, func() { pv.Select(pv.people[0].Name) }},
	} {
		h.u.aids.tabs.SelectIndex(c.tab)
		c.choose()
		if need, has := c.content.MinSize().Width, c.content.Size().Width; need > has+1 {
			t.Errorf("%s: the chosen entry needs %v of the sidebar's %v", c.name, need, has)
		}
	}
}
