package ui

import (
	"bytes"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"github.com/casebookapp/casebook/data"
	"github.com/casebookapp/casebook/data/export"
	"github.com/casebookapp/casebook/data/export/cite"
	"github.com/casebookapp/casebook/data/glance"
	"github.com/casebookapp/casebook/internal/text"
)

// prefExportFolder is the folder of the last export, where the save dialog
// opens next time.
const prefExportFolder = "export.folder"

// prefUserName is the student's name, the creator of shared annotations.
const prefUserName = "user.name"

// exportFormats names the formats as the export dialog offers them. An
// annotation file is saved as .json, the extension File › Import… merges.
var exportFormats = []struct {
	label  string
	format export.Format
	ext    string
}{
	{"Word document (.docx)", export.DOCX, ".docx"},
	{"Markdown (.md)", export.Markdown, ".md"},
	{"Web page, print-ready (.html)", export.HTML, ".html"},
	{"Spreadsheet (.csv)", export.CSV, ".csv"},
	{"Annotations for a study group (.json)", export.JSON, ".json"},
}

var exportStyles = []struct {
	label string
	style cite.Style
}{
	{"APA 7", cite.APA},
	{"MLA 9", cite.MLA},
	{"Chicago 17 (notes-bibliography)", cite.Chicago},
}

var exportOrders = []struct {
	label string
	order export.Order
}{
	{"Reading order", export.ByReading},
	{"By colour meaning", export.ByColour},
	{"By tag", export.ByTag},
}

// The kinds of scope, in the order the dialog offers them.
const (
	scopeAll = iota
	scopeArticle
	scopeColour
	scopeTag
	scopeOutline
)

var scopeKinds = []string{"Everything", "One article", "One colour", "One tag", "One outline (essay skeleton)"}

// previewEntries is how many entries the preview renders at most; a large
// library previews its first entries, and the file has them all.
const previewEntries = 150

// previewRunes is how much preview text the dialog shows at most.
const previewRunes = 12000

// exportDialog is the open File › Export… dialog, kept for tests: the
// options, and a live preview of the export they describe.
type exportDialog struct {
	hooks exportHooks

	format, style, scope, scopeValue, order *widget.Select
	// timeline and people add the study aids as sections of a Markdown,
	// Word or HTML export.
	timeline, people *widget.Check
	// name is the student's name, the creator of the annotations in a W3C
	// export: optional, asked here and remembered.
	name *widget.Entry
	// preview shows the export as text: Markdown for a Word document, the
	// file itself for the text formats.
	preview *widget.Label
	summary *mutedLabel
	content fyne.CanvasObject
	dialog  *dialog.ConfirmDialog

	// doc is the library's export data, loaded off the UI goroutine when
	// the dialog opens; loaded says it has arrived.
	doc    export.Document
	loaded bool
	tags   []string
	// gen numbers the preview requests; only the latest is shown.
	gen, shown int
}

// exportHooks are what the export dialog asks of the window. Nil hooks
// do nothing (work runs at once).
type exportHooks struct {
	// articles and colours are the library's articles and colour legend,
	// to choose from; currentArticle and currentOutline are the ones open
	// (0: none), chosen first.
	articles       func() []data.ArticleSummary
	colours        func() []data.Colour
	currentArticle func() int64
	currentOutline func() int64
	// citeStyle is the student's citation style, chosen first.
	citeStyle func() cite.Style
	// prefs keeps the student's name and the export folder.
	prefs fyne.Preferences
	// do runs a function on the UI goroutine, later; background runs one
	// off it (the preview).
	do         func(func())
	background func(func())
	// saveFile asks where to save a file named name with extension ext,
	// in folder dir (if not empty), and runs done with the path chosen.
	saveFile func(name, ext, dir string, done func(path string))
	// export writes the export to path; doc is the library's export data
	// when the dialog has it.
	export func(path string, opt export.Options, doc *export.Document)
}

func (h *exportHooks) fill() {
	if h.articles == nil {
		h.articles = func() []data.ArticleSummary { return nil }
	}
	if h.colours == nil {
		h.colours = func() []data.Colour { return nil }
	}
	for _, f := range []*func() int64{&h.currentArticle, &h.currentOutline} {
		if *f == nil {
			*f = func() int64 { return 0 }
		}
	}
	if h.citeStyle == nil {
		h.citeStyle = func() cite.Style { return cite.APA }
	}
	if h.prefs == nil {
		h.prefs = fyne.CurrentApp().Preferences()
	}
	if h.do == nil {
		h.do = func(f func()) { f() }
	}
	if h.background == nil {
		h.background = func(f func()) { f() }
	}
	if h.saveFile == nil {
		h.saveFile = func(string, string, string, func(string)) {}
	}
	if h.export == nil {
		h.export = func(string, export.Options, *export.Document) {}
	}
}

// showExport opens the export dialog (File › Export…, Ctrl+E).
func (u *UI) showExport() {
	u.notes.flush()
	saved := u.writes.barrier()
	d := newExportDialog(u.exportHooks())
	u.exportDialog = d
	d.dialog = dialog.NewCustomConfirm("Export quotes and notes", "Export…", "Cancel", d.content, func(ok bool) {
		u.exportDialog = nil
		if ok {
			d.chooseFile()
		}
	}, u.Window)
	d.dialog.Resize(fyne.NewSize(min(900, u.Window.Canvas().Size().Width-40), min(680, u.Window.Canvas().Size().Height-40)))
	u.openModal(d.dialog, d.dialog.Confirm, d.dialog.Hide)

	aids, haveAids := glance.Case{}, false
	if u.aids != nil && u.aids.loaded > 0 && !u.aids.loading {
		aids, haveAids = u.aids.Case, true
	}
	u.goBackground(func() {
		saved(u.ctx)
		doc, err := export.Load(u.ctx, u.lib)
		if err == nil {
			err = withAids(u, &doc, aids, haveAids)
		}
		u.do(func() { d.loadedDoc(doc, err) })
	})
}

// newExportDialog builds the export dialog's options and preview; the
// preview shows once loadedDoc gives it the library's export data.
func newExportDialog(hooks exportHooks) *exportDialog {
	hooks.fill()
	d := &exportDialog{hooks: hooks}
	var fl, sl, ol []string
	for _, f := range exportFormats {
		fl = append(fl, f.label)
	}
	for _, s := range exportStyles {
		sl = append(sl, s.label)
	}
	for _, o := range exportOrders {
		ol = append(ol, o.label)
	}
	changed := func(string) { d.updatePreview() }
	d.format = widget.NewSelect(fl, changed)
	d.style = widget.NewSelect(sl, changed)
	d.order = widget.NewSelect(ol, changed)
	d.scopeValue = widget.NewSelect(nil, changed)
	d.scope = widget.NewSelect(scopeKinds, func(string) { d.scopeKindChanged() })
	d.format.SetSelectedIndex(0)
	d.style.SetSelectedIndex(0)
	for i, s := range exportStyles {
		if s.style == hooks.citeStyle() {
			d.style.SetSelectedIndex(i)
		}
	}
	d.order.SetSelectedIndex(0)
	d.scope.SetSelectedIndex(scopeAll)
	d.timeline = widget.NewCheck("Timeline", func(bool) { d.updatePreview() })
	d.people = widget.NewCheck("People and organisations", func(bool) { d.updatePreview() })

	d.name = widget.NewEntry()
	d.name.SetText(hooks.prefs.String(prefUserName))
	d.name.SetPlaceHolder("Optional: shown to classmates you share annotations with")
	form := widget.NewForm(
		widget.NewFormItem("Format", d.format),
		widget.NewFormItem("Citations", d.style),
		widget.NewFormItem("Include", container.NewGridWithColumns(2, d.scope, d.scopeValue)),
		widget.NewFormItem("Order", d.order),
		widget.NewFormItem("Your name", d.name),
		widget.NewFormItem("Also", container.NewHBox(d.timeline, d.people)),
	)
	d.preview = widget.NewLabel("Loading your highlights and notes…")
	d.preview.Wrapping = fyne.TextWrapWord
	d.preview.TextStyle.Monospace = true
	d.summary = newMutedLabel("")
	heading := widget.NewLabelWithStyle("Preview", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	top := container.NewVBox(form, widget.NewSeparator(), heading, d.summary)
	d.content = container.NewBorder(top, nil, nil, nil, container.NewVScroll(d.preview))
	return d
}

// loadedDoc shows the library's export data, or why it could not be read.
func (d *exportDialog) loadedDoc(doc export.Document, err error) {
	if err != nil {
		d.preview.SetText("")
		d.summary.SetText("The library could not be read: " + data.ErrorMessage(err))
		return
	}
	d.doc, d.loaded = doc, true
	d.tags = documentTags(doc)
	d.scopeKindChanged()
}

// withAids adds the timeline and people index to an export document: the
// ones the views show, or freshly extracted.
func withAids(u *UI, doc *export.Document, c glance.Case, have bool) error {
	if !have {
		var err error
		if c, err = glance.Load(u.ctx, u.lib); err != nil {
			return err
		}
	}
	doc.Timeline, doc.People = c.Timeline, c.People
	return nil
}

// documentTags returns the tags of an export's entries, each once, sorted
// without regard to case.
func documentTags(doc export.Document) []string {
	var all []string
	for _, e := range doc.Entries {
		all = append(all, e.Tags()...)
	}
	tags := data.NormaliseTags(all)
	slices.SortStableFunc(tags, func(a, b string) int {
		return strings.Compare(strings.ToLower(a), strings.ToLower(b))
	})
	return tags
}

// scopeKindChanged fills the second scope menu with the articles, colours
// or tags to choose from.
func (d *exportDialog) scopeKindChanged() {
	var opts []string
	sel := 0
	switch d.scope.SelectedIndex() {
	case scopeArticle:
		current := d.hooks.currentArticle()
		for i, a := range d.hooks.articles() {
			opts = append(opts, text.Clip(displayTitle(a.Article), 60))
			if a.ID == current {
				sel = i
			}
		}
	case scopeColour:
		for _, c := range d.hooks.colours() {
			opts = append(opts, c.Meaning)
		}
	case scopeTag:
		for _, t := range d.tags {
			opts = append(opts, "#"+t)
		}
	case scopeOutline:
		current := d.hooks.currentOutline()
		for i, o := range d.doc.Outlines {
			opts = append(opts, o.Name)
			if current != 0 && o.ID == current {
				sel = i
			}
		}
	}
	d.scopeValue.OnChanged = nil
	d.scopeValue.Options = opts
	d.scopeValue.ClearSelected()
	switch {
	case d.scope.SelectedIndex() == scopeAll:
		d.scopeValue.PlaceHolder = "All articles, colours and tags"
		d.scopeValue.Disable()
	case len(opts) == 0 && d.scope.SelectedIndex() == scopeOutline:
		d.scopeValue.PlaceHolder = "No outlines yet: start one in the Outline tab"
		d.scopeValue.Disable()
	case len(opts) == 0:
		d.scopeValue.PlaceHolder = "No tags yet: add #tags to your notes"
		d.scopeValue.Disable()
	default:
		d.scopeValue.PlaceHolder = "(Choose one)"
		d.scopeValue.Enable()
		d.scopeValue.SetSelectedIndex(sel)
	}
	d.scopeValue.Refresh()
	d.scopeValue.OnChanged = func(string) { d.updatePreview() }
	d.updatePreview()
}

// options returns the export the dialog describes.
func (d *exportDialog) options() export.Options {
	opt := export.Options{
		Format: exportFormats[max(d.format.SelectedIndex(), 0)].format,
		Style:  exportStyles[max(d.style.SelectedIndex(), 0)].style,
		Order:  exportOrders[max(d.order.SelectedIndex(), 0)].order,
	}
	if d.name != nil {
		opt.Creator = strings.TrimSpace(d.name.Text)
	}
	if d.timeline != nil && !d.timeline.Disabled() {
		opt.Include = export.Include{Timeline: d.timeline.Checked, People: d.people.Checked}
	}
	i := d.scopeValue.SelectedIndex()
	switch d.scope.SelectedIndex() {
	case scopeArticle:
		if arts := d.hooks.articles(); i >= 0 && i < len(arts) {
			opt.Scope.ArticleID = arts[i].ID
		}
	case scopeColour:
		if cs := d.hooks.colours(); i >= 0 && i < len(cs) {
			opt.Scope.Colour = cs[i].Key
		}
	case scopeTag:
		if i >= 0 && i < len(d.tags) {
			opt.Scope.Tag = d.tags[i]
		}
	case scopeOutline:
		if i >= 0 && i < len(d.doc.Outlines) {
			opt.Scope.Outline = d.doc.Outlines[i].Name
		}
	}
	return opt
}

// ext returns the file extension of the chosen format.
func (d *exportDialog) ext() string {
	return exportFormats[max(d.format.SelectedIndex(), 0)].ext
}

// updatePreview renders the preview of the current options off the UI
// goroutine. Options can change faster than a large library renders: each
// request is numbered, and only the latest is shown.
func (d *exportDialog) updatePreview() {
	if !d.loaded || d.format == nil || d.style == nil || d.order == nil || d.scopeValue == nil {
		return
	}
	// The timeline and people sections go in documents, not in CSV or JSON.
	if f := exportFormats[max(d.format.SelectedIndex(), 0)].format; f == export.CSV || f == export.JSON {
		d.timeline.Disable()
		d.people.Disable()
	} else {
		d.timeline.Enable()
		d.people.Enable()
	}
	d.gen++
	gen := d.gen
	doc, opt := d.doc, d.options()
	d.summary.SetText("Updating the preview…")
	d.hooks.background(func() {
		text, summary := renderPreview(doc, opt)
		d.hooks.do(func() {
			if gen != d.gen {
				return
			}
			d.shown = gen
			d.preview.SetText(text)
			d.summary.SetText(summary)
		})
	})
}

// renderPreview renders an export as the preview shows it, with a line
// that says what the file will hold.
func renderPreview(doc export.Document, opt export.Options) (preview, summary string) {
	entries := export.Select(doc.Entries, opt.Scope)
	total := len(entries)
	if opt.Scope.Outline != "" {
		// An outline places its own entries, in its own order: all of them.
		total = -1
	} else if total > previewEntries {
		doc.Entries = entries[:previewEntries]
	}
	as := "The file will hold"
	if opt.Format == export.DOCX {
		as = "Shown as Markdown; the Word document has the same headings, quotes, notes and references. It will hold"
		opt.Format = export.Markdown
	}
	var buf bytes.Buffer
	rep, err := export.Write(&buf, doc, opt)
	if err != nil {
		return "", "The preview failed: " + data.ErrorMessage(err)
	}
	if total < 0 {
		total = rep.Entries
		as = strings.Replace(as, "It will hold", "It will be the outline's skeleton, with", 1)
	}
	if total == 0 && opt.Scope.Outline != "" {
		return clipPreview(buf.String(), previewRunes), "The outline has no quotes yet: the file will hold its headings and your text."
	}
	if total == 0 && opt.Include == (export.Include{}) {
		return buf.String(), "Nothing to export with these choices yet: highlight a passage or write a note, or include more."
	}
	summary = fmt.Sprintf("%s %s from %s.", as, text.Plural(total, "quote or note", "quotes and notes"), text.Plural(rep.Articles, "article", "articles"))
	if total > previewEntries {
		summary = fmt.Sprintf("%s %s; the preview shows the first %d.", as, text.Plural(total, "entry", "entries"), previewEntries)
	}
	if opt.Include.Timeline {
		summary += fmt.Sprintf(" With the timeline (%s).", text.Plural(rep.TimelineEntries, "entry", "entries"))
	}
	if opt.Include.People {
		summary += fmt.Sprintf(" With the people and organisations (%s).", text.Plural(rep.PeopleEntries, "entry", "entries"))
	}
	if n := len(rep.Failures); n > 0 {
		summary += " " + mismatchLine(n)
	}
	return clipPreview(buf.String(), previewRunes), summary
}

// clipPreview cuts a preview to about n runes, at the end of a line.
func clipPreview(s string, n int) string {
	rs := []rune(s)
	if len(rs) <= n {
		return s
	}
	cut := string(rs[:n])
	if i := strings.LastIndexByte(cut, '\n'); i > 0 {
		cut = cut[:i]
	}
	return cut + "\n\n…"
}

// defaultFileName is the name the save dialog suggests: what is exported,
// and the citation style, with the format's extension.
func (d *exportDialog) defaultFileName() string {
	opt := d.options()
	name := "casebook-quotes"
	switch {
	case opt.Scope.ArticleID != 0:
		for _, a := range d.hooks.articles() {
			if a.ID == opt.Scope.ArticleID {
				name = slug(displayTitle(a.Article), 40)
				break
			}
		}
	case opt.Scope.Colour != "":
		meaning := opt.Scope.Colour
		for _, c := range d.hooks.colours() {
			if c.Key == meaning {
				meaning = c.Meaning
				break
			}
		}
		name = "casebook-" + slug(meaning, 30)
	case opt.Scope.Tag != "":
		name = "casebook-" + slug(opt.Scope.Tag, 30)
	case opt.Scope.Outline != "":
		name = slug(opt.Scope.Outline, 40)
	}
	if opt.Format == export.JSON {
		return name + "-annotations" + d.ext()
	}
	return name + "-" + string(opt.Style) + d.ext()
}

// slug makes a file name part from s: lower-case letters and digits joined
// by hyphens, at most n runes.
func slug(s string, n int) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			dash = false
		} else {
			dash = true
		}
	}
	rs := []rune(b.String())
	if len(rs) > n {
		rs = rs[:n]
	}
	out := strings.Trim(string(rs), "-")
	if out == "" {
		return "casebook-quotes"
	}
	return out
}

// chooseFile asks where to save the export, then writes it.
func (d *exportDialog) chooseFile() {
	opt, ext := d.options(), d.ext()
	d.hooks.saveFile(d.defaultFileName(), ext, d.hooks.prefs.String(prefExportFolder), func(path string) {
		d.exportTo(path, opt, ext)
	})
}

// saveFile asks where to save a file named name with extension ext, in
// folder dir (if not empty), and runs done with the path chosen.
func (u *UI) saveFile(name, ext, dir string, done func(path string)) {
	save := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil {
			u.showError(err)
			return
		}
		if w == nil {
			return
		}
		path := w.URI().Path()
		// The save dialog has created the file; the export replaces it
		// whole, through a temporary file.
		w.Close()
		done(path)
	}, u.Window)
	save.SetFileName(name)
	save.SetFilter(storage.NewExtensionFileFilter([]string{ext}))
	if dir != "" {
		if l, err := storage.ListerForURI(storage.NewFileURI(dir)); err == nil {
			save.SetLocation(l)
		}
	}
	save.Resize(fyne.NewSize(800, 560))
	save.Show()
}

// exportHooks wires the export dialog to the window.
func (u *UI) exportHooks() exportHooks {
	return exportHooks{
		articles:       func() []data.ArticleSummary { return u.articles },
		colours:        func() []data.Colour { return u.colours },
		currentArticle: func() int64 { return u.reader.article.ID },
		currentOutline: func() int64 {
			if u.outline == nil {
				return 0
			}
			return u.outline.outline.ID
		},
		citeStyle:  u.citeStyle,
		prefs:      u.app.Preferences(),
		do:         u.do,
		background: u.goBackground,
		saveFile:   u.saveFile,
		export:     u.exportDoc,
	}
}

// exportTo writes the export to path, adding the format's extension when
// the name has none, and remembers the folder.
func (d *exportDialog) exportTo(path string, opt export.Options, ext string) {
	if filepath.Ext(path) == "" {
		path += ext
	}
	d.hooks.prefs.SetString(prefExportFolder, filepath.Dir(path))
	d.hooks.prefs.SetString(prefUserName, opt.Creator)
	// The dialog has the library's export data already: what the preview
	// showed is what is written.
	var doc *export.Document
	if d.loaded {
		doc = &d.doc
	}
	d.hooks.export(path, opt, doc)
}
