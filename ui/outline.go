package ui

import (
	"context"
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/casebookapp/casebook/data"
	"github.com/casebookapp/casebook/data/export/cite"
)

// Keys of the outline: Alt+↑/↓ move the focused item (across sections at
// the ends); the menu's "Add to outline" places the reader's passage or
// selection in the outline's current section.
var (
	shortcutItemUp    = &desktop.CustomShortcut{KeyName: fyne.KeyUp, Modifier: fyne.KeyModifierAlt}
	shortcutItemDown  = &desktop.CustomShortcut{KeyName: fyne.KeyDown, Modifier: fyne.KeyModifierAlt}
	shortcutAddToOutl = &desktop.CustomShortcut{KeyName: fyne.KeyO, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift}
)

// outlinePanel is the Outline view beside the reader: the chosen outline's
// sections in order, each with the student's text and the passages,
// highlights and notes placed there (quote and citation; tapping one opens
// its passage). Several outlines per library: the picker switches.
type outlinePanel struct {
	store   outlineStore
	ctx     context.Context
	hooks   outlineHooks
	content fyne.CanvasObject
	picker  *widget.Select
	newBtn  *widget.Button
	addSec  *widget.Button
	// Export opens the export dialog on this outline (Word, Markdown or
	// HTML, as the essay's skeleton).
	Export *widget.Button
	// more offers renaming and deleting the outline.
	more *widget.Button
	// lastMenu is the More menu shown last, for tests.
	lastMenu *fyne.Menu
	// body holds one block per section.
	body *fyne.Container

	outline data.Outline
	names   []string
	// section is the index of the section new items go to: the last one
	// the student added to or clicked.
	section int
	// items are the item widgets shown, in outline order.
	items []*outlineItemView
	// bySection holds the item widgets of each section.
	bySection [][]*outlineItemView
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

// newOutlinePanel builds the outline panel on a store; ctx bounds its
// reads.
func newOutlinePanel(store outlineStore, ctx context.Context, hooks outlineHooks) *outlinePanel {
	hooks.fill()
	p := &outlinePanel{store: store, ctx: ctx, hooks: hooks}
	p.picker = widget.NewSelect(nil, func(name string) { p.show(name) })
	p.picker.PlaceHolder = "No outline yet"
	p.newBtn = widget.NewButtonWithIcon("New", theme.ContentAddIcon(), p.showNewDialog)
	p.addSec = widget.NewButtonWithIcon("Section", theme.ContentAddIcon(), p.showAddSection)
	p.Export = widget.NewButtonWithIcon("", theme.DocumentSaveIcon(), p.export)
	p.more = widget.NewButtonWithIcon("", theme.MoreVerticalIcon(), p.showMore)
	p.body = container.NewVBox()
	// The picker above its buttons: the panel stays as narrow as the notes.
	top := container.NewVBox(p.picker, container.NewHBox(p.newBtn, p.addSec, p.Export, p.more))
	p.content = container.NewBorder(container.NewPadded(top), nil, nil, nil, container.NewVScroll(p.body))
	p.reloadNames("")
	return p
}

// reloadNames lists the outlines in the picker and shows want (or the one
// shown, or the first).
func (p *outlinePanel) reloadNames(want string) {
	list, err := p.store.Outlines(p.ctx)
	if err != nil {
		p.hooks.showError(err)
		return
	}
	p.names = nil
	for _, o := range list {
		p.names = append(p.names, o.Name)
	}
	p.picker.Options = p.names
	if want == "" {
		want = p.outline.Name
	}
	if want == "" && len(p.names) > 0 {
		want = p.names[0]
	}
	p.addSec.Disable()
	if want == "" {
		p.outline = data.Outline{}
		p.body.RemoveAll()
		p.items = nil
		p.picker.Refresh()
		return
	}
	p.picker.SetSelected(want) // calls show
}

// newOutline creates an outline from a template, through the write queue,
// and shows it once it is saved; a refusal (a name taken) is shown then.
func (p *outlinePanel) newOutline(name, template string) {
	var o data.Outline
	p.hooks.write(laneOutline, func(ctx context.Context) (err error) {
		o, err = p.store.NewOutline(ctx, name, template)
		return err
	}, func(err error) {
		if err != nil {
			p.hooks.showError(err)
			return
		}
		p.section = 0
		p.reloadNames(o.Name)
	})
}

func (p *outlinePanel) showNewDialog() {
	name := widget.NewEntry()
	name.SetPlaceHolder("Liang case brief")
	var titles []string
	for _, t := range data.Templates {
		titles = append(titles, t.Title)
	}
	tmpl := widget.NewRadioGroup(titles, nil)
	tmpl.SetSelected(titles[0])
	p.hooks.showForm("New outline", "Create", "Cancel", []*widget.FormItem{
		{Text: "Name", Widget: name},
		{Text: "Template", Widget: tmpl},
	}, func(ok bool) {
		if !ok {
			return
		}
		p.newOutline(name.Text, tmpl.Selected)
	})
}

// export opens File › Export with this outline as the scope.
func (p *outlinePanel) export() { p.hooks.export() }

// showMore offers to rename or delete the outline shown.
func (p *outlinePanel) showMore() {
	if p.outline.ID == 0 {
		return
	}
	p.lastMenu = fyne.NewMenu("",
		&fyne.MenuItem{Label: "Rename outline…", Icon: theme.DocumentCreateIcon(), Action: p.showRename},
		&fyne.MenuItem{Label: "Delete outline…", Icon: theme.DeleteIcon(), Action: p.confirmDelete})
	c := p.hooks.canvas()
	if c == nil {
		c = fyne.CurrentApp().Driver().CanvasForObject(p.more)
	}
	if c == nil {
		return
	}
	widget.ShowPopUpMenuAtPosition(p.lastMenu, c, fyne.CurrentApp().Driver().AbsolutePositionForObject(p.more).AddXY(0, p.more.Size().Height))
}

func (p *outlinePanel) showRename() {
	p.hooks.askText("Rename outline", "Name", p.outline.Name, p.rename)
}

// rename gives the outline shown a new name, through the write queue.
func (p *outlinePanel) rename(name string) {
	id := p.outline.ID
	p.hooks.write(laneOutline, func(ctx context.Context) error {
		return p.store.RenameOutline(ctx, id, name)
	}, func(err error) {
		if err != nil {
			p.hooks.showError(err)
			return
		}
		p.reloadNames(strings.TrimSpace(name))
	})
}

func (p *outlinePanel) confirmDelete() {
	p.hooks.confirm("Delete outline", fmt.Sprintf("Delete the outline “%s”? Its passages, highlights and notes stay in the library; its headings and your text under them go.", p.outline.Name), p.delete)
}

// delete removes the outline shown, through the write queue (text typed
// in it is saved first, in the same lane), and shows another.
func (p *outlinePanel) delete() {
	id := p.outline.ID
	p.flushText()
	p.hooks.write(laneOutline, func(ctx context.Context) error {
		return p.store.DeleteOutline(ctx, id)
	}, func(err error) {
		if err != nil {
			p.hooks.showError(err)
			return
		}
		if p.outline.ID == id {
			p.deleted()
		} else {
			p.reloadNames(p.picker.Selected)
		}
	})
}

// deleted shows another outline than the one just deleted.
func (p *outlinePanel) deleted() {
	p.outline = data.Outline{}
	p.body.RemoveAll()
	p.items = nil
	p.picker.ClearSelected()
	p.reloadNames("")
}

func (p *outlinePanel) confirmDeleteSection(s data.Section) {
	msg := fmt.Sprintf("Remove the section “%s”?", s.Heading)
	if len(s.Items) > 0 || strings.TrimSpace(s.Text) != "" {
		msg += " Your text under it and the places of its items go; the passages, highlights and notes stay in the library."
	}
	p.hooks.confirm("Remove section", msg, func() {
		p.edit(func(ctx context.Context) error { return p.store.DeleteSection(ctx, s.ID) }, func() {
			if p.section >= len(p.outline.Sections)-1 {
				p.section = max(0, p.section-1)
			}
		})
	})
}

func (p *outlinePanel) showAddSection() {
	if p.outline.ID == 0 {
		return
	}
	id := p.outline.ID
	p.hooks.askText("Add a section", "Heading", "", func(heading string) {
		p.edit(func(ctx context.Context) error {
			_, err := p.store.AddSection(ctx, id, heading)
			return err
		}, nil)
	})
}

// show loads an outline by name and lays it out.
func (p *outlinePanel) show(name string) {
	if name == "" {
		return
	}
	o, err := p.store.OutlineByName(p.ctx, name)
	if err != nil {
		p.hooks.showError(err)
		return
	}
	if o.ID != p.outline.ID {
		p.section = 0
	}
	p.outline = o
	p.addSec.Enable()
	p.build()
}

// refresh reloads the outline shown (after a change here or in the reader).
func (p *outlinePanel) refresh() {
	if p.outline.ID == 0 {
		return
	}
	o, err := p.store.Outline(p.ctx, p.outline.ID)
	if err != nil {
		p.hooks.showError(err)
		return
	}
	p.outline = o
	p.build()
}

// citation is an item's in-text citation in the student's citation style
// (Edit › Citation style), as the quote list shows it.
func (p *outlinePanel) citation(it data.OutlineItem) string {
	a, ok := p.hooks.knownArticle(it.ArticleID)
	if !ok {
		art, err := p.store.Article(p.ctx, it.ArticleID)
		if err != nil {
			return ""
		}
		a = art
	}
	style := p.hooks.citeStyle()
	if style == cite.Chicago {
		return style.ShortNote(a, it.Para).String()
	}
	return style.InText(a, it.Para).String()
}

func (p *outlinePanel) build() {
	p.body.RemoveAll()
	p.items = nil
	p.targets = nil
	p.bySection = make([][]*outlineItemView, len(p.outline.Sections))
	var focus *outlineItemView
	for si, s := range p.outline.Sections {
		si, s := si, s
		heading := widget.NewEntry()
		heading.SetText(s.Heading)
		heading.OnSubmitted = func(h string) {
			// The field already shows the new heading: nothing is
			// rebuilt unless the library refuses it.
			p.save(func(ctx context.Context) error { return p.store.RenameSection(ctx, s.ID, h) })
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
			p.items = append(p.items, v)
			p.bySection[si] = append(p.bySection[si], v)
			block.Add(v)
			if it.ID == p.focusItem {
				focus = v
			}
		}
		block.Add(widget.NewSeparator())
		p.body.Add(block)
	}
	p.body.Refresh()
	if c := p.hooks.canvas(); focus != nil && c != nil {
		c.Focus(focus)
	}
}

func (p *outlinePanel) moveSection(id int64, delta int) {
	p.edit(func(ctx context.Context) error { return p.store.MoveSection(ctx, id, delta) }, nil)
}

// setSection makes section i the one new items go to.
func (p *outlinePanel) setSection(i int) {
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
func (p *outlinePanel) typed(section int64, text string) {
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
	p.textTimer = time.AfterFunc(p.hooks.debounce, func() {
		p.hooks.do(func() {
			if gen == p.textGen {
				p.flushText()
			}
		})
	})
}

// flushText queues the section texts typed since they were last queued, in
// the outline's lane: before any later change to the outline (a section
// removed), and before the window quits.
func (p *outlinePanel) flushText() {
	if p.textTimer != nil {
		p.textTimer.Stop()
	}
	p.textGen++
	for id := range p.dirty {
		id, text := id, p.unsaved[id]
		p.hooks.write(laneOutline, func(ctx context.Context) error {
			return p.store.SetSectionText(ctx, id, text)
		}, func(err error) {
			if err != nil {
				p.hooks.showError(err)
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
func (p *outlinePanel) edit(run func(ctx context.Context) error, after func()) {
	p.flushText()
	p.hooks.write(laneOutline, run, func(err error) {
		if err != nil {
			p.hooks.showError(err)
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
func (p *outlinePanel) save(run func(ctx context.Context) error) {
	p.flushText()
	p.hooks.write(laneOutline, run, func(err error) {
		if err != nil {
			p.hooks.showError(err)
			p.refresh()
		}
	})
}

// laneOutline is the write lane of changes to the outlines' sections and
// items.
const laneOutline = "outline"
