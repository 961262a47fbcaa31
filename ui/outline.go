package ui

import (
	"context"
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/casebookapp/casebook/data"
	"github.com/casebookapp/casebook/data/export/cite"
	"github.com/casebookapp/casebook/internal/text"
)

// Keys of the outline: Alt+↑/↓ move the focused item (across sections at
// the ends); the menu's "Add to outline" places the reader's passage or
// selection in the outline's current section.
var (
	shortcutItemUp    = &desktop.CustomShortcut{KeyName: fyne.KeyUp, Modifier: fyne.KeyModifierAlt}
	shortcutItemDown  = &desktop.CustomShortcut{KeyName: fyne.KeyDown, Modifier: fyne.KeyModifierAlt}
	shortcutAddToOutl = &desktop.CustomShortcut{KeyName: fyne.KeyO, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift}
)

// OutlinePanel is the Outline view beside the reader: the chosen outline's
// sections in order, each with the student's text and the passages,
// highlights and notes placed there (quote and citation; tapping one opens
// its passage). Several outlines per library: the picker switches.
type OutlinePanel struct {
	u       *UI
	content fyne.CanvasObject
	Picker  *widget.Select
	NewBtn  *widget.Button
	AddSec  *widget.Button
	// Export opens the export dialog on this outline (Word, Markdown or
	// HTML, as the essay's skeleton).
	Export *widget.Button
	// More offers renaming and deleting the outline.
	More *widget.Button
	// lastMenu is the More menu shown last, for tests.
	lastMenu *fyne.Menu
	// Body holds one block per section.
	Body *fyne.Container

	outline data.Outline
	names   []string
	// section is the index of the section new items go to: the last one
	// the student added to or clicked.
	section int
	// Items are the item widgets shown, in outline order.
	Items []*OutlineItemView
	// bySection holds the item widgets of each section.
	bySection [][]*OutlineItemView
	// focusItem is the item to give the focus back to after a rebuild.
	focusItem int64
	// targets are the sections' "add here" buttons, in order.
	targets []*widget.Button
	// unsaved holds the text typed under sections (by section id) until
	// it is saved; dirty marks what was typed since it was last queued.
	// A rebuild shows the unsaved text, not the library's older one.
	unsaved   map[int64]string
	dirty     map[int64]bool
	textTimer *time.Timer
	textGen   int
}

// sidePanel is what stands beside the reader: the notes, and the outline in
// a second tab.
func (u *UI) sidePanel() fyne.CanvasObject {
	u.sideTabs = newWrapTabs(
		container.NewTabItemWithIcon("Notes", theme.DocumentCreateIcon(), u.Notes.content),
		container.NewTabItemWithIcon("Outline", theme.ListIcon(), u.Outline.content))
	return u.sideTabs
}

func newOutlinePanel(u *UI) *OutlinePanel {
	p := &OutlinePanel{u: u}
	p.Picker = widget.NewSelect(nil, func(name string) { p.show(name) })
	p.Picker.PlaceHolder = "No outline yet"
	p.NewBtn = widget.NewButtonWithIcon("New", theme.ContentAddIcon(), p.showNewDialog)
	p.AddSec = widget.NewButtonWithIcon("Section", theme.ContentAddIcon(), p.showAddSection)
	p.Export = widget.NewButtonWithIcon("", theme.DocumentSaveIcon(), p.export)
	p.More = widget.NewButtonWithIcon("", theme.MoreVerticalIcon(), p.showMore)
	p.Body = container.NewVBox()
	// The picker above its buttons: the panel stays as narrow as the notes.
	top := container.NewVBox(p.Picker, container.NewHBox(p.NewBtn, p.AddSec, p.Export, p.More))
	p.content = container.NewBorder(container.NewPadded(top), nil, nil, nil, container.NewVScroll(p.Body))
	p.reloadNames("")
	return p
}

// reloadNames lists the outlines in the picker and shows want (or the one
// shown, or the first).
func (p *OutlinePanel) reloadNames(want string) {
	u := p.u
	list, err := u.lib.Outlines(u.ctx)
	if err != nil {
		u.showError(err)
		return
	}
	p.names = nil
	for _, o := range list {
		p.names = append(p.names, o.Name)
	}
	p.Picker.Options = p.names
	if want == "" {
		want = p.outline.Name
	}
	if want == "" && len(p.names) > 0 {
		want = p.names[0]
	}
	p.AddSec.Disable()
	if want == "" {
		p.outline = data.Outline{}
		p.Body.RemoveAll()
		p.Items = nil
		p.Picker.Refresh()
		return
	}
	p.Picker.SetSelected(want) // calls show
}

// NewOutline creates an outline from a template, through the write queue,
// and shows it once it is saved; a refusal (a name taken) is shown then.
func (p *OutlinePanel) NewOutline(name, template string) {
	var o data.Outline
	p.u.writes.submit(laneOutline, func(ctx context.Context) (err error) {
		o, err = p.u.lib.NewOutline(ctx, name, template)
		return err
	}, func(err error) {
		if err != nil {
			p.u.showError(err)
			return
		}
		p.section = 0
		p.reloadNames(o.Name)
	})
}

func (p *OutlinePanel) showNewDialog() {
	name := widget.NewEntry()
	name.SetPlaceHolder("Liang case brief")
	var titles []string
	for _, t := range data.Templates {
		titles = append(titles, t.Title)
	}
	tmpl := widget.NewRadioGroup(titles, nil)
	tmpl.SetSelected(titles[0])
	dialog.ShowForm("New outline", "Create", "Cancel", []*widget.FormItem{
		{Text: "Name", Widget: name},
		{Text: "Template", Widget: tmpl},
	}, func(ok bool) {
		if !ok {
			return
		}
		p.NewOutline(name.Text, tmpl.Selected)
	}, p.u.Window)
}

// export opens File › Export with this outline as the scope.
func (p *OutlinePanel) export() {
	p.u.showExport()
	if d := p.u.exportDialog; d != nil {
		d.Scope.SetSelectedIndex(scopeOutline)
	}
}

// showMore offers to rename or delete the outline shown.
func (p *OutlinePanel) showMore() {
	if p.outline.ID == 0 {
		return
	}
	p.lastMenu = fyne.NewMenu("",
		&fyne.MenuItem{Label: "Rename outline…", Icon: theme.DocumentCreateIcon(), Action: p.showRename},
		&fyne.MenuItem{Label: "Delete outline…", Icon: theme.DeleteIcon(), Action: p.confirmDelete})
	c := p.u.Window.Canvas()
	widget.ShowPopUpMenuAtPosition(p.lastMenu, c, fyne.CurrentApp().Driver().AbsolutePositionForObject(p.More).AddXY(0, p.More.Size().Height))
}

func (p *OutlinePanel) showRename() {
	p.u.askText("Rename outline", "Name", p.outline.Name, p.Rename)
}

// Rename gives the outline shown a new name, through the write queue.
func (p *OutlinePanel) Rename(name string) {
	id := p.outline.ID
	p.u.writes.submit(laneOutline, func(ctx context.Context) error {
		return p.u.lib.RenameOutline(ctx, id, name)
	}, func(err error) {
		if err != nil {
			p.u.showError(err)
			return
		}
		p.reloadNames(strings.TrimSpace(name))
	})
}

func (p *OutlinePanel) confirmDelete() {
	p.u.confirm("Delete outline", fmt.Sprintf("Delete the outline “%s”? Its passages, highlights and notes stay in the library; its headings and your text under them go.", p.outline.Name), p.Delete)
}

// Delete removes the outline shown, through the write queue (text typed
// in it is saved first, in the same lane), and shows another.
func (p *OutlinePanel) Delete() {
	id := p.outline.ID
	p.flushText()
	p.u.writes.submit(laneOutline, func(ctx context.Context) error {
		return p.u.lib.DeleteOutline(ctx, id)
	}, func(err error) {
		if err != nil {
			p.u.showError(err)
			return
		}
		if p.outline.ID == id {
			p.deleted()
		} else {
			p.reloadNames(p.Picker.Selected)
		}
	})
}

// deleted shows another outline than the one just deleted.
func (p *OutlinePanel) deleted() {
	p.outline = data.Outline{}
	p.Body.RemoveAll()
	p.Items = nil
	p.Picker.ClearSelected()
	p.reloadNames("")
}

func (p *OutlinePanel) confirmDeleteSection(s data.Section) {
	msg := fmt.Sprintf("Remove the section “%s”?", s.Heading)
	if len(s.Items) > 0 || strings.TrimSpace(s.Text) != "" {
		msg += " Your text under it and the places of its items go; the passages, highlights and notes stay in the library."
	}
	p.u.confirm("Remove section", msg, func() {
		p.edit(func(ctx context.Context) error { return p.u.lib.DeleteSection(ctx, s.ID) }, func() {
			if p.section >= len(p.outline.Sections)-1 {
				p.section = max(0, p.section-1)
			}
		})
	})
}

func (p *OutlinePanel) showAddSection() {
	if p.outline.ID == 0 {
		return
	}
	id := p.outline.ID
	p.u.askText("Add a section", "Heading", "", func(heading string) {
		p.edit(func(ctx context.Context) error {
			_, err := p.u.lib.AddSection(ctx, id, heading)
			return err
		}, nil)
	})
}

// show loads an outline by name and lays it out.
func (p *OutlinePanel) show(name string) {
	if name == "" {
		return
	}
	o, err := p.u.lib.OutlineByName(p.u.ctx, name)
	if err != nil {
		p.u.showError(err)
		return
	}
	if o.ID != p.outline.ID {
		p.section = 0
	}
	p.outline = o
	p.AddSec.Enable()
	p.build()
}

// refresh reloads the outline shown (after a change here or in the reader).
func (p *OutlinePanel) refresh() {
	if p.outline.ID == 0 {
		return
	}
	o, err := p.u.lib.Outline(p.u.ctx, p.outline.ID)
	if err != nil {
		p.u.showError(err)
		return
	}
	p.outline = o
	p.build()
}

// citation is an item's in-text citation in the student's citation style
// (Edit › Citation style), as the quote list shows it.
func (p *OutlinePanel) citation(it data.OutlineItem) string {
	a, ok := p.u.articleSummary(it.ArticleID)
	if !ok {
		art, err := p.u.lib.Article(p.u.ctx, it.ArticleID)
		if err != nil {
			return ""
		}
		a.Article = art
	}
	style := p.u.citeStyle()
	if style == cite.Chicago {
		return style.ShortNote(a.Article, it.Para).String()
	}
	return style.InText(a.Article, it.Para).String()
}

func (p *OutlinePanel) build() {
	p.Body.RemoveAll()
	p.Items = nil
	p.targets = nil
	p.bySection = make([][]*OutlineItemView, len(p.outline.Sections))
	var focus *OutlineItemView
	for si, s := range p.outline.Sections {
		si, s := si, s
		heading := widget.NewEntry()
		heading.SetText(s.Heading)
		heading.OnSubmitted = func(h string) {
			// The field already shows the new heading: nothing is
			// rebuilt unless the library refuses it.
			p.save(func(ctx context.Context) error { return p.u.lib.RenameSection(ctx, s.ID, h) })
		}
		up := widget.NewButtonWithIcon("", theme.MoveUpIcon(), func() { p.moveSection(s.ID, -1) })
		down := widget.NewButtonWithIcon("", theme.MoveDownIcon(), func() { p.moveSection(s.ID, +1) })
		drop := widget.NewButtonWithIcon("", theme.DeleteIcon(), func() { p.confirmDeleteSection(s) })
		target := widget.NewButtonWithIcon("", theme.RadioButtonIcon(), func() { p.setSection(si) })
		p.targets = append(p.targets, target)
		if si == p.section {
			target.SetIcon(theme.RadioButtonCheckedIcon())
		}
		for _, b := range []*widget.Button{up, down, drop, target} {
			b.Importance = widget.LowImportance
		}
		text := widget.NewMultiLineEntry()
		text.SetPlaceHolder("Your text under " + s.Heading)
		text.Wrapping = fyne.TextWrapWord
		if t, ok := p.unsaved[s.ID]; ok {
			text.SetText(t)
		} else {
			text.SetText(s.Text)
		}
		// Saved when typing pauses, as a note is, through the write queue.
		text.OnChanged = func(t string) { p.typed(s.ID, t) }
		block := container.NewVBox(container.NewBorder(nil, nil, target, container.NewHBox(up, down, drop), heading), text)
		for _, it := range s.Items {
			v := newOutlineItemView(p, it)
			p.Items = append(p.Items, v)
			p.bySection[si] = append(p.bySection[si], v)
			block.Add(v)
			if it.ID == p.focusItem {
				focus = v
			}
		}
		block.Add(widget.NewSeparator())
		p.Body.Add(block)
	}
	p.Body.Refresh()
	if focus != nil {
		p.u.Window.Canvas().Focus(focus)
	}
}

func (p *OutlinePanel) moveSection(id int64, delta int) {
	p.edit(func(ctx context.Context) error { return p.u.lib.MoveSection(ctx, id, delta) }, nil)
}

// setSection makes section i the one new items go to.
func (p *OutlinePanel) setSection(i int) {
	p.section = i
	for k, b := range p.targets {
		if k == i {
			b.SetIcon(theme.RadioButtonCheckedIcon())
		} else {
			b.SetIcon(theme.RadioButtonIcon())
		}
	}
}

// typed keeps the text typed under a section and saves it once typing has
// paused for the note debounce: a write per keystroke queued hundreds of
// writes behind a locked library.
func (p *OutlinePanel) typed(section int64, text string) {
	if p.unsaved == nil {
		p.unsaved, p.dirty = map[int64]string{}, map[int64]bool{}
	}
	p.unsaved[section] = text
	p.dirty[section] = true
	p.textGen++
	gen := p.textGen
	if p.textTimer != nil {
		p.textTimer.Stop()
	}
	p.textTimer = time.AfterFunc(p.u.opts.NoteDebounce, func() {
		p.u.do(func() {
			if gen == p.textGen {
				p.flushText()
			}
		})
	})
}

// flushText queues the section texts typed since they were last queued, in
// the outline's lane: before any later change to the outline (a section
// removed), and before the window quits.
func (p *OutlinePanel) flushText() {
	if p.textTimer != nil {
		p.textTimer.Stop()
	}
	p.textGen++
	for id := range p.dirty {
		id, text := id, p.unsaved[id]
		p.u.writes.submit(laneOutline, func(ctx context.Context) error {
			return p.u.lib.SetSectionText(ctx, id, text)
		}, func(err error) {
			if err != nil {
				p.u.showError(err)
				return
			}
			if t, ok := p.unsaved[id]; ok && t == text && !p.dirty[id] {
				delete(p.unsaved, id)
			}
		})
	}
	clear(p.dirty)
}

// edit runs a change to the outline through the write queue, in the
// outline's lane so changes are saved in the order made (text typed first),
// then runs after (if not nil) and shows the outline again.
func (p *OutlinePanel) edit(run func(ctx context.Context) error, after func()) {
	p.flushText()
	p.u.writes.submit(laneOutline, run, func(err error) {
		if err != nil {
			p.u.showError(err)
			return
		}
		if after != nil {
			after()
		}
		p.refresh()
	})
}

// save runs a change the panel already shows (a section renamed in its
// field) through the outline's lane; only a refusal shows the outline
// again, as the library keeps it.
func (p *OutlinePanel) save(run func(ctx context.Context) error) {
	p.flushText()
	p.u.writes.submit(laneOutline, run, func(err error) {
		if err != nil {
			p.u.showError(err)
			p.refresh()
		}
	})
}

// laneOutline is the write lane of changes to the outlines' sections and
// items.
const laneOutline = "outline"

// MoveItem moves an item up or down the outline and keeps the focus on it.
func (p *OutlinePanel) MoveItem(id int64, delta int) {
	p.edit(func(ctx context.Context) error { return p.u.lib.MoveItem(ctx, id, delta) }, func() { p.focusItem = id })
}

func (p *OutlinePanel) removeItem(id int64) {
	p.edit(func(ctx context.Context) error { return p.u.lib.RemoveItem(ctx, id) }, nil)
}

// Add places an item in a section of the outline shown.
func (p *OutlinePanel) Add(section int, item data.NewItem) {
	if p.outline.ID == 0 || section < 0 || section >= len(p.outline.Sections) {
		p.u.showInfo("No outline", "Create an outline first: Outline › New.")
		return
	}
	id := p.outline.Sections[section].ID
	// The next item added from the keyboard goes here too, even before
	// this one is saved.
	p.section = section
	p.edit(func(ctx context.Context) error {
		_, err := p.u.lib.AddToSection(ctx, id, item, -1)
		return err
	}, func() {
		// Show the outline, so the student sees the item arrive.
		if p.u.sideTabs != nil {
			p.u.sideTabs.SelectIndex(1)
		}
	})
}

// addTarget places the reader's selection (a highlight under it) or current
// passage in the current section.
func (p *OutlinePanel) addTarget() {
	if item, ok := p.u.Reader.outlineTarget(-1); ok {
		p.Add(p.section, item)
	}
}

// menuItems returns "Add to outline › Section" for the reader's context
// menu; off is the rune offset under the pointer.
func (p *OutlinePanel) menuItems(row, off int) []*fyne.MenuItem {
	if p.outline.ID == 0 {
		return []*fyne.MenuItem{{Label: "Add to outline…", Action: p.showNewDialog}}
	}
	var secs []*fyne.MenuItem
	for i, s := range p.outline.Sections {
		i := i
		secs = append(secs, &fyne.MenuItem{Label: s.Heading, Action: func() {
			if item, ok := p.u.Reader.outlineTargetAt(row, off); ok {
				p.Add(i, item)
			}
		}})
	}
	return []*fyne.MenuItem{{Label: "Add to outline “" + text.Clip(p.outline.Name, 24) + "”", Icon: theme.ListIcon(), ChildMenu: fyne.NewMenu("", secs...)}}
}

// outlineTargetAt is what a right-click at rune off of a row places: the
// highlight under the pointer, else the whole passage.
func (r *Reader) outlineTargetAt(row, off int) (data.NewItem, bool) {
	if row < 0 || row >= len(r.rows) {
		return data.NewItem{}, false
	}
	if off >= 0 {
		if h, ok := r.highlightAt(row, off); ok {
			return data.NewItem{HighlightID: h.ID}, true
		}
	}
	return data.NewItem{PassageID: r.rows[row].passage.ID}, true
}

// outlineTarget is what the keyboard places: the highlight under the
// selection if there is one, else the current passage.
func (r *Reader) outlineTarget(int) (data.NewItem, bool) {
	row, s, _, ok := r.target()
	if !ok {
		return data.NewItem{}, false
	}
	if r.selRow == row {
		return r.outlineTargetAt(row, s)
	}
	return r.outlineTargetAt(row, -1)
}

// openItem shows an item's passage in the reader.
func (p *OutlinePanel) openItem(it data.OutlineItem) {
	u := p.u
	u.OpenArticle(it.ArticleID)
	if row, ok := u.Reader.byID[it.PassageID]; ok {
		u.Reader.scrollToRow(row)
		u.Reader.setCurrent(row)
	}
}

// dropPassage places a passage dragged from the reader where it was
// dropped in the outline. A drop anywhere else does nothing.
func (p *OutlinePanel) dropPassage(passageID int64, at fyne.Position) {
	if p.outline.ID == 0 || !p.content.Visible() {
		return
	}
	d := fyne.CurrentApp().Driver()
	pos, size := d.AbsolutePositionForObject(p.content), p.content.Size()
	if at.X < pos.X || at.X > pos.X+size.Width || at.Y < pos.Y || at.Y > pos.Y+size.Height {
		return
	}
	si, index := p.dropTarget(at, nil)
	if si < 0 {
		return
	}
	section := p.outline.Sections[si].ID
	var it data.OutlineItem
	p.edit(func(ctx context.Context) (err error) {
		it, err = p.u.lib.AddToSection(ctx, section, data.NewItem{PassageID: passageID}, index)
		return err
	}, func() {
		p.section = si
		p.focusItem = it.ID
	})
}

// dropTarget returns the section under an absolute position, and the place
// in it: before the first of its items (other than skip) whose middle is
// below the position.
func (p *OutlinePanel) dropTarget(at fyne.Position, skip *OutlineItemView) (section, index int) {
	d := fyne.CurrentApp().Driver()
	si := -1
	for i, block := range p.Body.Objects {
		top := d.AbsolutePositionForObject(block).Y
		switch {
		case i == 0 && at.Y < top:
			si = 0
		case at.Y >= top && at.Y < top+block.Size().Height:
			si = i
		}
	}
	if si < 0 {
		si = len(p.Body.Objects) - 1 // below the last section
	}
	if si < 0 || si >= len(p.outline.Sections) {
		return -1, 0
	}
	for _, o := range p.bySection[si] {
		if o != skip && d.AbsolutePositionForObject(o).Y+o.Size().Height/2 < at.Y {
			index++
		}
	}
	return si, index
}

// drop moves an item to where it was dropped: into the section under the
// pointer, before the first of its items whose middle is below the pointer.
func (p *OutlinePanel) drop(v *OutlineItemView, at fyne.Position) {
	si, index := p.dropTarget(at, v)
	if si < 0 {
		return
	}
	id, section := v.Item.ID, p.outline.Sections[si].ID
	p.edit(func(ctx context.Context) error { return p.u.lib.MoveItemTo(ctx, id, section, index) }, func() {
		p.section = si
		p.focusItem = id
	})
}

// OutlineItemView is one item of the outline: its quotes and citation, its
// notes; tap to open the passage, drag it or press Alt+↑/↓ (when focused) to
// move it.
type OutlineItemView struct {
	widget.BaseWidget
	p       *OutlinePanel
	Item    data.OutlineItem
	label   *widget.Label
	focused bool
	// dragAt is where the pointer is while the item is dragged.
	dragAt   fyne.Position
	dragging bool
}

// Dragged follows the pointer while the item is dragged.
func (v *OutlineItemView) Dragged(ev *fyne.DragEvent) {
	v.dragging = true
	v.dragAt = ev.AbsolutePosition
	v.label.Importance = widget.HighImportance
	v.label.Refresh()
}

// DragEnd drops the item where the pointer is.
func (v *OutlineItemView) DragEnd() {
	if !v.dragging {
		return
	}
	v.dragging = false
	v.label.Importance = widget.MediumImportance
	v.p.drop(v, v.dragAt)
}

func newOutlineItemView(p *OutlinePanel, it data.OutlineItem) *OutlineItemView {
	v := &OutlineItemView{p: p, Item: it}
	var b strings.Builder
	for i, q := range it.Quotes {
		if i > 0 {
			b.WriteString("\n")
		}
		fmt.Fprintf(&b, "“%s” %s", text.Clip(q, 280), p.citation(it))
	}
	for _, n := range it.Notes {
		b.WriteString("\n✎ " + text.Clip(n, 200))
	}
	v.label = widget.NewLabel(b.String())
	v.label.Wrapping = fyne.TextWrapWord
	v.ExtendBaseWidget(v)
	return v
}

// Text is what the item shows.
func (v *OutlineItemView) Text() string { return v.label.Text }

// CreateRenderer implements fyne.Widget.
func (v *OutlineItemView) CreateRenderer() fyne.WidgetRenderer {
	up := widget.NewButtonWithIcon("", theme.MoveUpIcon(), func() { v.p.MoveItem(v.Item.ID, -1) })
	down := widget.NewButtonWithIcon("", theme.MoveDownIcon(), func() { v.p.MoveItem(v.Item.ID, +1) })
	remove := widget.NewButtonWithIcon("", theme.DeleteIcon(), func() { v.p.removeItem(v.Item.ID) })
	for _, b := range []*widget.Button{up, down, remove} {
		b.Importance = widget.LowImportance
	}
	return widget.NewSimpleRenderer(container.NewBorder(nil, nil, nil, container.NewVBox(up, down, remove), v.label))
}

// Tapped opens the item's passage and takes the focus, for Alt+↑/↓.
func (v *OutlineItemView) Tapped(*fyne.PointEvent) {
	if c := fyne.CurrentApp().Driver().CanvasForObject(v); c != nil {
		c.Focus(v)
	}
	v.p.openItem(v.Item)
}

// FocusGained implements fyne.Focusable.
func (v *OutlineItemView) FocusGained() {
	v.focused = true
	v.label.TextStyle.Bold = true
	v.label.Refresh()
}

// FocusLost implements fyne.Focusable.
func (v *OutlineItemView) FocusLost() {
	v.focused = false
	v.label.TextStyle.Bold = false
	v.label.Refresh()
}

// TypedRune implements fyne.Focusable.
func (v *OutlineItemView) TypedRune(rune) {}

// TypedKey opens the passage on Return.
func (v *OutlineItemView) TypedKey(ev *fyne.KeyEvent) {
	if ev.Name == fyne.KeyReturn || ev.Name == fyne.KeyEnter {
		v.p.openItem(v.Item)
	}
}

// TypedShortcut moves the item with Alt+↑ and Alt+↓.
func (v *OutlineItemView) TypedShortcut(s fyne.Shortcut) {
	switch s.ShortcutName() {
	case shortcutItemUp.ShortcutName():
		v.p.MoveItem(v.Item.ID, -1)
	case shortcutItemDown.ShortcutName():
		v.p.MoveItem(v.Item.ID, +1)
	}
}
