package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// notePreview shows a note's Markdown rendered while it is not being
// edited; a click (or Enter when focused) edits it.
type notePreview struct {
	widget.BaseWidget
	text   *widget.RichText
	onEdit func()
}

func newNotePreview(onEdit func()) *notePreview {
	p := &notePreview{text: widget.NewRichText(), onEdit: onEdit}
	p.text.Wrapping = fyne.TextWrapWord
	p.ExtendBaseWidget(p)
	return p
}

// CreateRenderer implements fyne.Widget.
func (p *notePreview) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(p.text)
}

// Tapped implements fyne.Tappable: the note opens for editing.
func (p *notePreview) Tapped(*fyne.PointEvent) {
	if p.onEdit != nil {
		p.onEdit()
	}
}

// show renders Markdown.
func (p *notePreview) show(md string) {
	p.text.ParseMarkdown(md)
}

// Minimum and maximum rows of a note's editor: it grows with its text, up
// to editorMaxRows, or to editorLargeRows when made large.
const (
	editorMinRows   = 4
	editorMaxRows   = 14
	editorLargeRows = 30
)

// fitEditor gives the editor as many rows as its text needs, counting the
// lines it wraps to at its width.
func (c *noteCard) fitEditor() {
	e := c.editor
	rows := 1
	width := e.Size().Width - 2*theme.InnerPadding()
	size := e.Theme().Size(theme.SizeNameText)
	for _, line := range strings.Split(e.Text, "\n") {
		n := 1
		if width > 20 && line != "" {
			n = int(fyne.MeasureText(line, size, fyne.TextStyle{}).Width/width) + 1
		}
		rows += n
	}
	limit := editorMaxRows
	if c.large {
		limit = editorLargeRows
	}
	rows = min(max(rows, editorMinRows), limit)
	if c.large {
		rows = limit
	}
	if rows != c.rows {
		c.rows = rows
		e.SetMinRowsVisible(rows)
		c.p.cards.Refresh()
	}
}

// toggleLarge makes the editor large, or back to fit its text.
func (c *noteCard) toggleLarge() {
	c.large = !c.large
	if c.large {
		c.grow.SetIcon(theme.ViewRestoreIcon())
		c.grow.tip = "Make the editor fit its text again"
	} else {
		c.grow.SetIcon(theme.ViewFullScreenIcon())
		c.grow.tip = "Make the editor large"
	}
	c.rows = 0
	c.edit()
	c.fitEditor()
}

// edit shows the editor instead of the rendered note, and focuses it.
func (c *noteCard) edit() {
	c.Preview.Hide()
	c.editor.Show()
	if cv := c.p.hooks.canvas(); cv != nil {
		cv.Focus(c.editor)
	}
}

// preview shows the note rendered, when it has text and is not edited.
func (c *noteCard) preview() {
	if strings.TrimSpace(c.editor.Text) == "" || c.p.hooks.refocusing() {
		return
	}
	c.Preview.show(c.editor.Text)
	c.editor.Hide()
	c.Preview.Show()
}

// tagSuggestions offers the library's tags that start with the tag being
// typed in the tags field; a tap completes it.
func (c *noteCard) suggestTags() {
	c.tagHints.RemoveAll()
	text := c.tags.Text
	i := strings.LastIndex(text, ",")
	typed := strings.ToLower(strings.TrimLeft(strings.TrimSpace(text[i+1:]), "#"))
	if typed == "" {
		c.tagHints.Hide()
		return
	}
	have := map[string]bool{}
	for _, t := range strings.Split(text[:i+1], ",") {
		have[strings.ToLower(strings.TrimSpace(t))] = true
	}
	for _, t := range c.p.hooks.tags() {
		lt := strings.ToLower(t)
		if strings.HasPrefix(lt, typed) && lt != typed && !have[lt] {
			t := t
			b := widget.NewButton("#"+t, func() {
				c.tags.SetText(strings.TrimSpace(text[:i+1]+" "+t) + ", ")
				c.tags.CursorColumn = len([]rune(c.tags.Text))
				c.tags.Refresh()
				c.tagHints.Hide()
				if cv := c.p.hooks.canvas(); cv != nil {
					cv.Focus(c.tags)
				}
			})
			b.Importance = widget.LowImportance
			c.tagHints.Add(b)
		}
	}
	if len(c.tagHints.Objects) == 0 {
		c.tagHints.Hide()
		return
	}
	c.tagHints.Show()
}

// newTagHints is the row of tag completions under a note's tags field.
func newTagHints() *fyne.Container {
	c := container.New(fitRow{})
	c.Hide()
	return c
}
