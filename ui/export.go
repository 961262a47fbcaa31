package ui

import (
	"bytes"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"time"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
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

// ExportDialog is the open File › Export… dialog, kept for tests: the
// options, and a live preview of the export they describe.
type ExportDialog struct {
	u *UI

	Format, Style, Scope, ScopeValue, Order *widget.Select
	// Timeline and People add the study aids as sections of a Markdown,
	// Word or HTML export.
	Timeline, People *widget.Check
	// Name is the student's name, the creator of the annotations in a W3C
	// export: optional, asked here and remembered.
	Name *widget.Entry
	// Preview shows the export as text: Markdown for a Word document, the
	// file itself for the text formats.
	Preview *widget.Label
	summary *mutedLabel
	dialog  *dialog.ConfirmDialog

	// doc is the library's export data, loaded off the UI goroutine when
	// the dialog opens; loaded says it has arrived.
	doc    export.Document
	loaded bool
	tags   []string
	// gen numbers the preview requests; only the latest is shown.
	gen, shown int
}

// showExport opens the export dialog (File › Export…, Ctrl+E).
func (u *UI) showExport() {
	u.Notes.flush()
	saved := u.writes.barrier()
	d := &ExportDialog{u: u}
	u.exportDialog = d

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
	d.Format = widget.NewSelect(fl, changed)
	d.Style = widget.NewSelect(sl, changed)
	d.Order = widget.NewSelect(ol, changed)
	d.ScopeValue = widget.NewSelect(nil, changed)
	d.Scope = widget.NewSelect(scopeKinds, func(string) { d.scopeKindChanged() })
	d.Format.SetSelectedIndex(0)
	d.Style.SetSelectedIndex(0)
	for i, s := range exportStyles {
		if s.style == u.citeStyle() {
			d.Style.SetSelectedIndex(i)
		}
	}
	d.Order.SetSelectedIndex(0)
	d.Scope.SetSelectedIndex(scopeAll)
	d.Timeline = widget.NewCheck("Timeline", func(bool) { d.updatePreview() })
	d.People = widget.NewCheck("People and organisations", func(bool) { d.updatePreview() })

	d.Name = widget.NewEntry()
	d.Name.SetText(u.App.Preferences().String(prefUserName))
	d.Name.SetPlaceHolder("Optional: shown to classmates you share annotations with")
	form := widget.NewForm(
		widget.NewFormItem("Format", d.Format),
		widget.NewFormItem("Citations", d.Style),
		widget.NewFormItem("Include", container.NewGridWithColumns(2, d.Scope, d.ScopeValue)),
		widget.NewFormItem("Order", d.Order),
		widget.NewFormItem("Your name", d.Name),
		widget.NewFormItem("Also", container.NewHBox(d.Timeline, d.People)),
	)
	d.Preview = widget.NewLabel("Loading your highlights and notes…")
	d.Preview.Wrapping = fyne.TextWrapWord
	d.Preview.TextStyle.Monospace = true
	d.summary = newMutedLabel("")
	heading := widget.NewLabelWithStyle("Preview", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	top := container.NewVBox(form, widget.NewSeparator(), heading, d.summary)
	content := container.NewBorder(top, nil, nil, nil, container.NewVScroll(d.Preview))

	d.dialog = dialog.NewCustomConfirm("Export quotes and notes", "Export…", "Cancel", content, func(ok bool) {
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
		u.do(func() {
			if err != nil {
				d.Preview.SetText("")
				d.summary.SetText("The library could not be read: " + data.ErrorMessage(err))
				return
			}
			d.doc, d.loaded = doc, true
			d.tags = documentTags(doc)
			d.scopeKindChanged()
		})
	})
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
func (d *ExportDialog) scopeKindChanged() {
	u := d.u
	var opts []string
	sel := 0
	switch d.Scope.SelectedIndex() {
	case scopeArticle:
		for i, a := range u.articles {
			opts = append(opts, text.Clip(displayTitle(a.Article), 60))
			if a.ID == u.Reader.article.ID {
				sel = i
			}
		}
	case scopeColour:
		for _, c := range u.colours {
			opts = append(opts, c.Meaning)
		}
	case scopeTag:
		for _, t := range d.tags {
			opts = append(opts, "#"+t)
		}
	case scopeOutline:
		for i, o := range d.doc.Outlines {
			opts = append(opts, o.Name)
			if u.Outline != nil && o.ID == u.Outline.outline.ID {
				sel = i
			}
		}
	}
	d.ScopeValue.OnChanged = nil
	d.ScopeValue.Options = opts
	d.ScopeValue.ClearSelected()
	switch {
	case d.Scope.SelectedIndex() == scopeAll:
		d.ScopeValue.PlaceHolder = "All articles, colours and tags"
		d.ScopeValue.Disable()
	case len(opts) == 0 && d.Scope.SelectedIndex() == scopeOutline:
		d.ScopeValue.PlaceHolder = "No outlines yet: start one in the Outline tab"
		d.ScopeValue.Disable()
	case len(opts) == 0:
		d.ScopeValue.PlaceHolder = "No tags yet: add #tags to your notes"
		d.ScopeValue.Disable()
	default:
		d.ScopeValue.PlaceHolder = "(Choose one)"
		d.ScopeValue.Enable()
		d.ScopeValue.SetSelectedIndex(sel)
	}
	d.ScopeValue.Refresh()
	d.ScopeValue.OnChanged = func(string) { d.updatePreview() }
	d.updatePreview()
}

// Options returns the export the dialog describes.
func (d *ExportDialog) Options() export.Options {
	opt := export.Options{
		Format: exportFormats[max(d.Format.SelectedIndex(), 0)].format,
		Style:  exportStyles[max(d.Style.SelectedIndex(), 0)].style,
		Order:  exportOrders[max(d.Order.SelectedIndex(), 0)].order,
	}
	if d.Name != nil {
		opt.Creator = strings.TrimSpace(d.Name.Text)
	}
	if d.Timeline != nil && !d.Timeline.Disabled() {
		opt.Include = export.Include{Timeline: d.Timeline.Checked, People: d.People.Checked}
	}
	i := d.ScopeValue.SelectedIndex()
	switch d.Scope.SelectedIndex() {
	case scopeArticle:
		if i >= 0 && i < len(d.u.articles) {
			opt.Scope.ArticleID = d.u.articles[i].ID
		}
	case scopeColour:
		if i >= 0 && i < len(d.u.colours) {
			opt.Scope.Colour = d.u.colours[i].Key
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
func (d *ExportDialog) ext() string {
	return exportFormats[max(d.Format.SelectedIndex(), 0)].ext
}

// updatePreview renders the preview of the current options off the UI
// goroutine. Options can change faster than a large library renders: each
// request is numbered, and only the latest is shown.
func (d *ExportDialog) updatePreview() {
	if !d.loaded || d.Format == nil || d.Style == nil || d.Order == nil || d.ScopeValue == nil {
		return
	}
	// The timeline and people sections go in documents, not in CSV or JSON.
	if f := exportFormats[max(d.Format.SelectedIndex(), 0)].format; f == export.CSV || f == export.JSON {
		d.Timeline.Disable()
		d.People.Disable()
	} else {
		d.Timeline.Enable()
		d.People.Enable()
	}
	d.gen++
	gen := d.gen
	doc, opt := d.doc, d.Options()
	d.summary.SetText("Updating the preview…")
	d.u.goBackground(func() {
		text, summary := renderPreview(doc, opt)
		d.u.do(func() {
			if gen != d.gen {
				return
			}
			d.shown = gen
			d.Preview.SetText(text)
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
func (d *ExportDialog) defaultFileName() string {
	opt := d.Options()
	name := "casebook-quotes"
	switch {
	case opt.Scope.ArticleID != 0:
		if a, ok := d.u.articleSummary(opt.Scope.ArticleID); ok {
			name = slug(displayTitle(a.Article), 40)
		}
	case opt.Scope.Colour != "":
		meaning := opt.Scope.Colour
		if c, ok := d.u.colour(meaning); ok {
			meaning = c.Meaning
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
func (d *ExportDialog) chooseFile() {
	u := d.u
	opt, ext := d.Options(), d.ext()
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
		d.exportTo(path, opt, ext)
	}, u.Window)
	save.SetFileName(d.defaultFileName())
	save.SetFilter(storage.NewExtensionFileFilter([]string{ext}))
	if dir := u.App.Preferences().String(prefExportFolder); dir != "" {
		if l, err := storage.ListerForURI(storage.NewFileURI(dir)); err == nil {
			save.SetLocation(l)
		}
	}
	save.Resize(fyne.NewSize(800, 560))
	save.Show()
}

// exportTo writes the export to path, adding the format's extension when
// the name has none, and remembers the folder.
func (d *ExportDialog) exportTo(path string, opt export.Options, ext string) {
	if filepath.Ext(path) == "" {
		path += ext
	}
	d.u.App.Preferences().SetString(prefExportFolder, filepath.Dir(path))
	d.u.App.Preferences().SetString(prefUserName, opt.Creator)
	// The dialog has the library's export data already: what the preview
	// showed is what is written.
	var doc *export.Document
	if d.loaded {
		doc = &d.doc
	}
	d.u.exportDoc(path, opt, doc)
}

// ExportResult is what the last export did, as its closing message says.
type ExportResult struct {
	Path    string
	Report  export.Report
	Err     error
	Message string
}

// ExportTo writes the library's highlights and notes to path off the UI
// goroutine, with a progress bar when it takes a while, and then says what
// was written and which quotes failed the verbatim check. The file is
// written whole or not at all.
func (u *UI) ExportTo(path string, opt export.Options) { u.exportDoc(path, opt, nil) }

// exportDoc is ExportTo of a document already loaded, or, when doc is nil,
// of the library as it is now.
func (u *UI) exportDoc(path string, opt export.Options, doc *export.Document) {
	u.Notes.flush()
	saved := u.writes.barrier()
	bar := widget.NewProgressBar()
	label := widget.NewLabel("Exporting…")
	prog := dialog.NewCustomWithoutButtons("Export", container.NewVBox(label, bar), u.Window)
	prog.Resize(fyne.NewSize(420, 0))
	finished := false
	// A small export is done before a progress bar could be read.
	time.AfterFunc(300*time.Millisecond, func() {
		u.do(func() {
			if !finished {
				u.openModal(prog, nil, nil)
			}
		})
	})
	percent := -1
	opt.Progress = func(done, total int) {
		// Called once per entry: tell the UI only when the bar moves.
		p := done * 100 / max(total, 1)
		if p == percent {
			return
		}
		percent = p
		u.do(func() {
			bar.SetValue(float64(done) / float64(max(total, 1)))
			label.SetText(fmt.Sprintf("Exporting %d of %d…", done, total))
		})
	}
	u.goBackground(func() {
		saved(u.ctx)
		var err error
		if doc == nil {
			var loaded export.Document
			loaded, err = export.Load(u.ctx, u.lib)
			if err == nil && opt.Include != (export.Include{}) {
				err = withAids(u, &loaded, glance.Case{}, false)
			}
			doc = &loaded
		}
		var rep export.Report
		if err == nil {
			rep, err = export.WriteFile(path, *doc, opt)
		}
		u.do(func() {
			finished = true
			prog.Hide()
			u.exportDone(ExportResult{Path: path, Report: rep, Err: err})
		})
	})
}

// exportDone says what an export wrote, and lists the quotes that no longer
// appear word for word in their source.
func (u *UI) exportDone(res ExportResult) {
	if res.Err != nil {
		res.Message = "Nothing was written: " + data.ErrorMessage(res.Err)
		u.lastExport = res
		u.showError(res.Err)
		return
	}
	rep := res.Report
	var b strings.Builder
	if rep.Entries == 0 {
		b.WriteString("Nothing matched these choices, so the file only has its heading. Highlight a passage or write a note, or include more.\n\n")
	}
	fmt.Fprintf(&b, "Exported %s and %s from %s to\n%s",
		text.Plural(rep.Highlights, "highlight", "highlights"), text.Plural(rep.Notes, "note", "notes"), text.Plural(rep.Articles, "article", "articles"), res.Path)
	if len(rep.Failures) > 0 {
		fmt.Fprintf(&b, "\n\n%s no longer appear word for word in their source. They are exported, marked, and listed at the end of the file:",
			text.Plural(len(rep.Failures), "quote", "quotes"))
	}
	msg := widget.NewLabel(b.String())
	msg.Wrapping = fyne.TextWrapWord
	items := []fyne.CanvasObject{msg}
	for _, f := range rep.Failures {
		line := "• " + f.String()
		b.WriteString("\n" + line)
		items = append(items, newMutedLabel(line))
	}
	res.Message = b.String()
	u.lastExport = res

	title := "Export finished"
	icon := theme.ConfirmIcon()
	if len(rep.Failures) > 0 {
		title = "Export finished, with quotes to check"
		icon = theme.WarningIcon()
	}
	body := container.NewBorder(nil, nil, container.NewVBox(widget.NewIcon(icon)), nil, container.NewVScroll(container.NewVBox(items...)))
	d := dialog.NewCustom(title, "Close", body, u.Window)
	h := float32(200)
	if len(rep.Failures) > 0 {
		h = 380
	}
	d.Resize(fyne.NewSize(620, h))
	u.showMessage(d)
}

// mismatchLine tells how many quotes failed the verbatim check, with verbs
// and pronouns that agree: "1 quote no longer matches its source".
func mismatchLine(n int) string {
	if n == 1 {
		return "1 quote no longer matches its source word for word; it is marked in the file."
	}
	return fmt.Sprintf("%d quotes no longer match their source word for word; they are marked in the file.", n)
}
