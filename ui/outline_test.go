package ui

import (
	"context"
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/casebookapp/casebook/data"
	"github.com/casebookapp/casebook/data/sqlite"
)

// closeMenus removes the pop-up menus a right-click left open, as a click
// on one of their items does.
func closeMenus(c fyne.Canvas) {
	for o := c.Overlays().Top(); o != nil; o = c.Overlays().Top() {
		c.Overlays().Remove(o)
	}
}

// menuItem finds an item of a menu by the start of its label.
func menuItem(t *testing.T, m *fyne.Menu, label string) *fyne.MenuItem {
	t.Helper()
	for _, it := range m.Items {
		if strings.HasPrefix(it.Label, label) {
			return it
		}
	}
	t.Fatalf("no menu item %q", label)
	return nil
}

func outlineShape(t *testing.T, lib *sqlite.Library, name string) map[string][]string {
	t.Helper()
	o, err := lib.OutlineByName(context.Background(), name)
	if err != nil {
		t.Fatal(err)
	}
	m := map[string][]string{}
	for _, s := range o.Sections {
		for _, it := range s.Items {
			m[s.Heading] = append(m[s.Heading], string(it.Kind)+":"+strconv.Itoa(it.Para))
		}
	}
	return m
}

// A case brief built beside the reader: right-click › Add to outline ›
// Facts, the keyboard for the current passage, a highlight under the
// pointer into Reactions; Alt+↓ moves an item on; tapping an item opens
// its passage; the student's text is kept.
func TestOutlinePanel(t *testing.T) {
	h := newHarness(t)
	u := h.u
	p := u.outline
	if p.picker.Selected != "" || len(p.body.Objects) != 0 {
		t.Fatalf("a new library shows an outline")
	}
	p.newOutline("Liang brief", "Case brief")
	h.settle()
	h.pump()
	if p.picker.Selected != "Liang brief" || len(p.body.Objects) != 6 {
		t.Fatalf("outline shown: %q with %d sections", p.picker.Selected, len(p.body.Objects))
	}
	afro := articleTitled(t, h, "Asian Organization")
	u.openArticle(afro.ID)
	h.pump()

	// Right-click on ¶4 › Add to outline › Facts.
	row := h.rowWithText("ricocheted off of the stairwell wall")
	u.reader.scrollToRow(row)
	h.pump()
	v, ok := u.reader.viewOf(row)
	if !ok {
		t.Fatal("the row is not on screen")
	}
	v.TappedSecondary(&fyne.PointEvent{Position: v.positionOf(3)})
	add := menuItem(t, u.reader.lastMenu, "Add to outline")
	menuItem(t, add.ChildMenu, "Facts").Action()
	closeMenus(u.Window.Canvas())
	h.settle() // the item is written off the UI goroutine

	// The keyboard: the current passage goes into the section last used.
	u.reader.setCurrent(h.rowWithText("Liang was convicted of manslaughter"))
	if !u.runShortcut(shortcutAddToOutl) {
		t.Fatal("Ctrl+Shift+O is not bound")
	}
	// A highlight under the pointer goes in as a highlight, into Reactions.
	row7 := h.rowWithText("APALA believes")
	u.reader.setCurrent(row7)
	u.highlight("green")
	h.settle() // the highlight is written off the UI goroutine
	u.reader.scrollToRow(row7)
	h.pump()
	v7, _ := u.reader.viewOf(row7)
	v7.TappedSecondary(&fyne.PointEvent{Position: v7.positionOf(5)})
	menuItem(t, menuItem(t, u.reader.lastMenu, "Add to outline").ChildMenu, "Reactions").Action()
	closeMenus(u.Window.Canvas())
	h.settle()

	want := map[string][]string{"Facts": {"passage:3", "passage:4"}, "Reactions": {"highlight:6"}}
	if got := outlineShape(t, h.lib, "Liang brief"); !equalShape(got, want) {
		t.Fatalf("outline %v, want %v", got, want)
	}
	if len(p.items) != 3 || !strings.Contains(p.items[0].text(), "On Nov. 20, 2014") || !strings.Contains(p.items[0].text(), "para. 3)") {
		t.Fatalf("items shown: %d, first %q", len(p.items), p.items[0].text())
	}

	// Alt+↓ on the last item of Facts takes it to Procedural history, and
	// keeps the focus on it.
	item := p.items[1]
	test.Tap(item)
	h.pump()
	if u.reader.Article().ID != afro.ID || u.reader.current != h.rowWithText("Liang was convicted of manslaughter") {
		t.Errorf("tapping the item does not open its passage")
	}
	u.Window.Canvas().Focus(item)
	item.TypedShortcut(shortcutItemDown)
	h.settle() // the move is written off the UI goroutine
	want = map[string][]string{"Facts": {"passage:3"}, "Procedural history": {"passage:4"}, "Reactions": {"highlight:6"}}
	if got := outlineShape(t, h.lib, "Liang brief"); !equalShape(got, want) {
		t.Errorf("after Alt+↓: %v, want %v", got, want)
	}
	if f, ok := u.Window.Canvas().Focused().(*outlineItemView); !ok || f.item.Para != 4 {
		t.Errorf("the focus did not follow the moved item")
	}
	if focused, ok := u.Window.Canvas().Focused().(*outlineItemView); ok {
		focused.TypedShortcut(shortcutItemUp)
		h.settle()
		if got := outlineShape(t, h.lib, "Liang brief"); !equalShape(got, map[string][]string{"Facts": {"passage:3", "passage:4"}, "Reactions": {"highlight:6"}}) {
			t.Errorf("after Alt+↑: %v", got)
		}
	}

	// The student's text under Issue is saved as typed.
	issueText := p.body.Objects[2]
	entry := findMultiLine(issueText)
	if entry == nil {
		t.Fatal("no text field under Issue")
	}
	test.Type(entry, "Was the sentence lenient?")
	// The text is saved once typing pauses, off the UI goroutine.
	h.waitFor("the text to be queued", func() bool { return len(p.dirty) == 0 })
	h.settle()
	o, _ := h.lib.OutlineByName(context.Background(), "Liang brief")
	if o.Sections[2].Text != "Was the sentence lenient?" {
		t.Errorf("section text %q", o.Sections[2].Text)
	}

	// Removing the highlight takes its item out of the outline view.
	hs, _ := h.lib.Highlights(context.Background(), afro.ID)
	u.removeHighlight(hs[0])
	h.settle() // the removal is written off the UI goroutine
	if len(p.items) != 2 {
		t.Errorf("after removing the highlight the outline shows %d items", len(p.items))
	}

	// Several outlines: a second one, and back.
	p.newOutline("Essay", "Argumentative essay")
	h.settle()
	if p.picker.Selected != "Essay" || len(p.body.Objects) != 5 || len(p.picker.Options) != 2 {
		t.Errorf("second outline: %q %d %v", p.picker.Selected, len(p.body.Objects), p.picker.Options)
	}
	p.picker.SetSelected("Liang brief")
	if len(p.items) != 2 {
		t.Errorf("back to the brief: %d items", len(p.items))
	}

	// The outline's Export button opens the export dialog on it: Word by
	// default, the essay skeleton in the preview.
	test.Tap(p.Export)
	d := u.exportDialog
	if d == nil {
		t.Fatal("no export dialog")
	}
	waitPreview(h, d)
	opt := d.options()
	if opt.Scope.Outline != "Liang brief" || !strings.HasSuffix(d.defaultFileName(), ".docx") {
		t.Errorf("export options %+v, file %q", opt, d.defaultFileName())
	}
	at := 0
	for _, w := range []string{"# Liang brief", "## Facts", "para. 4)", "## Issue", "Was the sentence lenient?", "## References"} {
		i := strings.Index(d.preview.Text[at:], w)
		if i < 0 {
			t.Fatalf("%q missing or out of order in the preview:\n%s", w, d.preview.Text)
		}
		at += i + len(w)
	}
	if !strings.Contains(d.summary.text, "skeleton") {
		t.Errorf("summary %q", d.summary.text)
	}
}

func findMultiLine(o fyne.CanvasObject) *widget.Entry {
	var found *widget.Entry
	walk(o, func(c fyne.CanvasObject) {
		if e, ok := c.(*widget.Entry); ok && e.MultiLine && found == nil {
			found = e
		}
	})
	return found
}

func equalShape(a, b map[string][]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if strings.Join(v, ",") != strings.Join(b[k], ",") {
			return false
		}
	}
	return true
}

// Sections are removed, outlines renamed and deleted, each after asking.
func TestOutlineManage(t *testing.T) {
	h := newHarness(t)
	u := h.u
	p := u.outline
	p.newOutline("Draft", "essay")
	h.settle()
	p.newOutline("Brief", "brief")
	h.settle()
	yes := func() {
		t.Helper()
		top := u.Window.Canvas().Overlays().Top()
		if top == nil {
			t.Fatal("nothing asked")
		}
		test.Tap(button(t, top, "Yes"))
		h.settle() // the change is written off the UI goroutine
	}
	// Remove "Issue", the third section of the brief.
	var drop *widget.Button
	walk(p.body.Objects[2], func(o fyne.CanvasObject) {
		if b, ok := o.(*widget.Button); ok && b.Icon != nil && b.Icon.Name() == theme.DeleteIcon().Name() && drop == nil {
			drop = b
		}
	})
	closeMenus(u.Window.Canvas())
	if drop == nil {
		t.Fatal("no remove button on the section")
	}
	test.Tap(drop)
	yes()
	o, _ := h.lib.OutlineByName(context.Background(), "Brief")
	var hs []string
	for _, s := range o.Sections {
		hs = append(hs, s.Heading)
	}
	if strings.Join(hs, ",") != "Facts,Procedural history,Outcome,Reasoning,Reactions" || len(p.body.Objects) != 5 {
		t.Errorf("sections after removing Issue: %v (%d shown)", hs, len(p.body.Objects))
	}

	p.rename("Liang brief")
	h.settle()
	if p.picker.Selected != "Liang brief" || strings.Join(p.picker.Options, ",") != "Draft,Liang brief" {
		t.Errorf("after renaming: %q %v", p.picker.Selected, p.picker.Options)
	}
	p.rename("draft")
	h.settle()
	if p.picker.Selected != "Liang brief" {
		t.Errorf("renaming onto another outline's name changed it: %q", p.picker.Selected)
	}
	closeMenus(u.Window.Canvas()) // the error dialog

	test.Tap(p.more)
	menuItem(t, p.lastMenu, "Delete outline").Action()
	closeMenus(u.Window.Canvas())
	p.confirmDelete()
	yes()
	if list, _ := h.lib.Outlines(context.Background()); len(list) != 1 || list[0].Name != "Draft" {
		t.Errorf("outlines after deleting: %+v", list)
	}
	if p.picker.Selected != "Draft" || len(p.body.Objects) != 5 {
		t.Errorf("after deleting, the panel shows %q with %d sections", p.picker.Selected, len(p.body.Objects))
	}
}

// Dragging an item drops it where the pointer is: in another section, or
// before another item.
func TestOutlineDrag(t *testing.T) {
	ctx := context.Background()
	h := newHarness(t)
	u := h.u
	p := u.outline
	p.newOutline("Brief", "brief")
	h.settle()
	afro := articleTitled(t, h, "Asian Organization")
	for _, n := range []int{4, 5, 7} {
		ps, _ := h.lib.Passage(ctx, afro.ID, n)
		p.add(0, data.NewItem{PassageID: ps.ID})
	}
	h.settle() // the items are written off the UI goroutine
	d := fyne.CurrentApp().Driver()
	dragTo := func(v *outlineItemView, at fyne.Position) {
		v.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{AbsolutePosition: at}, Dragged: fyne.Delta{DY: 10}})
		v.DragEnd()
		h.settle() // the move is written off the UI goroutine
	}
	// ¶7 above ¶4: the top of the first item.
	first := p.items[0]
	dragTo(p.items[2], d.AbsolutePositionForObject(first).AddXY(5, 2))
	if got := outlineShape(t, h.lib, "Brief"); strings.Join(got["Facts"], ",") != "passage:7,passage:4,passage:5" {
		t.Errorf("after dropping ¶7 on top: %v", got)
	}
	// ¶4 into Outcome, the fourth section.
	outcome := p.body.Objects[3]
	dragTo(p.items[1], d.AbsolutePositionForObject(outcome).AddXY(5, outcome.Size().Height/2))
	want := map[string][]string{"Facts": {"passage:7", "passage:5"}, "Outcome": {"passage:4"}}
	if got := outlineShape(t, h.lib, "Brief"); !equalShape(got, want) {
		t.Errorf("after dropping ¶4 on Outcome: %v, want %v", got, want)
	}

	// A passage dragged from the reader by its number, dropped on
	// Procedural history (on screen: the panel scrolls).
	u.openArticle(afro.ID)
	h.pump()
	row := h.rowWithText("Cendana wrote")
	u.reader.scrollToRow(row)
	h.pump()
	v, ok := u.reader.viewOf(row)
	if !ok {
		t.Fatal("the row is not on screen")
	}
	procedural := p.body.Objects[1]
	target := d.AbsolutePositionForObject(procedural).AddXY(5, procedural.Size().Height/2)
	v.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: fyne.NewPos(42, 10), AbsolutePosition: target}, Dragged: fyne.Delta{DX: 40}})
	v.DragEnd()
	h.settle() // the item is written off the UI goroutine
	want["Procedural history"] = []string{"passage:8"}
	if got := outlineShape(t, h.lib, "Brief"); !equalShape(got, want) {
		t.Errorf("after dragging ¶9 from the reader: %v, want %v", got, want)
	}
	if s, e := u.reader.selSpan(); u.reader.selRow >= 0 && s != e {
		t.Errorf("carrying the passage selected text")
	}
	// Dropped outside the outline, it goes nowhere.
	v.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: fyne.NewPos(42, 10), AbsolutePosition: fyne.NewPos(400, 400)}, Dragged: fyne.Delta{DX: 40}})
	v.DragEnd()
	h.settle()
	if got := outlineShape(t, h.lib, "Brief"); !equalShape(got, want) {
		t.Errorf("a drop on the reader changed the outline: %v", got)
	}
}

// A section's heading is asked in the window's one-line dialog: Enter adds
// it, and Escape cancels without adding.
func TestOutlineAddSectionAsksWithTheFormDialog(t *testing.T) {
	h := newHarness(t)
	u := h.u
	p := u.outline
	p.newOutline("Draft", "essay")
	h.settle()
	before := len(p.outline.Sections)

	e := u.askTextFor(func() { p.showAddSection() })
	test.Type(e, "  Sentencing  ")
	h.press(fyne.KeyReturn)
	h.settle()
	if u.modalOpen() {
		t.Fatal("Enter did not close the dialog")
	}
	o, _ := h.lib.OutlineByName(context.Background(), "Draft")
	if len(o.Sections) != before+1 || o.Sections[len(o.Sections)-1].Heading != "Sentencing" {
		t.Fatalf("sections after Enter: %+v", o.Sections)
	}

	e = u.askTextFor(func() { p.showAddSection() })
	test.Type(e, "Dropped")
	h.press(fyne.KeyEscape)
	h.settle()
	o, _ = h.lib.OutlineByName(context.Background(), "Draft")
	if u.modalOpen() || len(o.Sections) != before+1 {
		t.Errorf("after Escape: open %v, %d sections", u.modalOpen(), len(o.Sections))
	}
}

// askTextFor runs open, which asks with askText, and returns the field.
func (u *UI) askTextFor(open func()) *dialogEntry {
	open()
	var found *dialogEntry
	walk(u.Window.Canvas().Overlays().Top(), func(o fyne.CanvasObject) {
		if e, ok := o.(*dialogEntry); ok && found == nil {
			found = e
		}
	})
	return found
}

// Deleting an outline asks in a modal dialog: Enter alone deletes nothing,
// and Escape answers No.
func TestOutlineDeleteAsksModally(t *testing.T) {
	h := newHarness(t)
	u := h.u
	p := u.outline
	p.newOutline("Draft", "essay")
	h.settle()
	p.confirmDelete()
	h.press(fyne.KeyReturn)
	h.pump()
	if !u.modalOpen() {
		t.Error("Enter closed the question")
	}
	h.press(fyne.KeyEscape)
	h.pump()
	if u.modalOpen() {
		t.Error("Escape did not close the question")
	}
	if _, err := h.lib.OutlineByName(context.Background(), "Draft"); err != nil {
		t.Errorf("the outline is gone: %v", err)
	}
}

// TestOutlineWritesWhileLocked types under a section, renames the outline
// and creates another while another program holds the library's write
// lock: each call returns at once, the text typed makes one write when
// typing pauses (not one per keystroke), and everything is saved, in
// order, once the lock is let go.
func TestOutlineWritesWhileLocked(t *testing.T) {
	ctx := context.Background()
	h := newHarness(t)
	u, p := h.u, h.u.outline
	p.newOutline("Brief", "brief")
	h.settle()
	release := lockLibrary(t, h.lib.Path())

	entry := findMultiLine(p.body.Objects[0])
	if entry == nil {
		t.Fatal("no text field under the first section")
	}
	test.Type(entry, "Liang was convicted of manslaughter.")
	if n := u.writes.pending; n != 0 {
		t.Errorf("typing queued %d writes before it paused, want none", n)
	}
	h.waitFor("the text to be queued", func() bool { return len(p.dirty) == 0 })
	if n := u.writes.pending; n != 1 {
		t.Errorf("typing 36 characters queued %d writes, want one", n)
	}
	p.rename("Liang brief")
	p.newOutline("Essay", "essay")
	h.pump()
	h.waitFor("the window to say it is waiting", func() bool { return u.saveLabel.Text == "Waiting for the library…" })
	if list, _ := h.lib.Outlines(ctx); len(list) != 1 || list[0].Name != "Brief" {
		t.Fatalf("the outlines changed while the library was locked: %+v", list)
	}
	// A rebuild meanwhile shows the text typed, not the library's.
	p.refresh()
	if e := findMultiLine(p.body.Objects[0]); e == nil || e.Text != "Liang was convicted of manslaughter." {
		t.Errorf("after a rebuild the section shows %v", e)
	}

	release()
	h.settle()
	o, err := h.lib.OutlineByName(ctx, "Liang brief")
	if err != nil {
		t.Fatal(err)
	}
	if o.Sections[0].Text != "Liang was convicted of manslaughter." {
		t.Errorf("section text %q", o.Sections[0].Text)
	}
	if list, _ := h.lib.Outlines(ctx); len(list) != 2 {
		t.Errorf("outlines after the lock was let go: %+v", list)
	}
	if p.picker.Selected != "Essay" {
		t.Errorf("the panel shows %q, want the new outline", p.picker.Selected)
	}
}

// TestOutlineTextSavedOnQuit quits while typing under a section has not
// paused: the text is saved before the window closes.
func TestOutlineTextSavedOnQuit(t *testing.T) {
	h := newHarness(t)
	p := h.u.outline
	p.newOutline("Brief", "brief")
	h.settle()
	test.Type(findMultiLine(p.body.Objects[0]), "Typed just before quitting")
	h.u.quit()
	o, err := h.lib.OutlineByName(context.Background(), "Brief")
	if err != nil {
		t.Fatal(err)
	}
	if o.Sections[0].Text != "Typed just before quitting" {
		t.Errorf("after quitting the section text is %q", o.Sections[0].Text)
	}
}

// TestOutlineRenameSectionKeepsPanel renames a section in its field: the
// heading is saved and the panel is not rebuilt (the field the student
// typed in stays, with the focus and the scroll).
func TestOutlineRenameSectionKeepsPanel(t *testing.T) {
	h := newHarness(t)
	p := h.u.outline
	p.newOutline("Brief", "brief")
	h.settle()
	block := p.body.Objects[0]
	var heading *widget.Entry
	walk(block, func(c fyne.CanvasObject) {
		if e, ok := c.(*widget.Entry); ok && !e.MultiLine && heading == nil {
			heading = e
		}
	})
	if heading == nil {
		t.Fatal("no heading field")
	}
	heading.SetText("What happened")
	heading.OnSubmitted(heading.Text)
	h.settle()
	o, _ := h.lib.OutlineByName(context.Background(), "Brief")
	if o.Sections[0].Heading != "What happened" {
		t.Errorf("heading saved as %q", o.Sections[0].Heading)
	}
	if p.body.Objects[0] != block {
		t.Error("renaming a section rebuilt the outline panel")
	}
}
