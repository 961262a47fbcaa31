package ui

import (
	"bytes"
	"fmt"
	"os"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"github.com/casebookapp/casebook/data"
	"github.com/casebookapp/casebook/data/export"
	"github.com/casebookapp/casebook/data/export/cite"
	"github.com/casebookapp/casebook/data/ingest"
)

// importExtensions are the files File › Import… offers.
var importExtensions = []string{".txt", ".md", ".markdown", ".html", ".htm", ".json", ".jsonld"}

// showImport asks for a file to import (File › Import…, Ctrl+O).
func (u *UI) showImport() {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			u.showError(err)
			return
		}
		if r == nil {
			return
		}
		path := r.URI().Path()
		r.Close()
		u.ImportPaths([]string{path})
	}, u.Window)
	d.SetFilter(storage.NewExtensionFileFilter(importExtensions))
	d.Resize(fyne.NewSize(800, 560))
	d.Show()
}

// dropped imports files dropped on the window.
func (u *UI) dropped(_ fyne.Position, uris []fyne.URI) {
	var paths []string
	for _, uri := range uris {
		if uri.Scheme() == "file" {
			paths = append(paths, uri.Path())
		}
	}
	if len(paths) > 0 {
		u.ImportPaths(paths)
	}
}

// ImportPaths imports files (or folders of them) off the UI goroutine, with
// a progress bar, and then says what happened to each.
func (u *UI) ImportPaths(paths []string) {
	bar := widget.NewProgressBar()
	label := widget.NewLabel("Importing…")
	prog := dialog.NewCustomWithoutButtons("Import", container.NewVBox(label, bar), u.Window)
	prog.Resize(fyne.NewSize(420, 0))
	prog.Show()
	go func() {
		results := ingest.ImportFiles(u.ctx, u.lib, paths, func(done, total int, r ingest.FileResult) {
			u.do(func() {
				bar.SetValue(float64(done) / float64(max(total, 1)))
				label.SetText(fmt.Sprintf("Imported %d of %d files…", done, total))
			})
		})
		u.do(func() {
			prog.Hide()
			u.importDone(results)
		})
	}()
}

// importDone reloads the library and reports each file's outcome.
func (u *UI) importDone(results []ingest.FileResult) {
	u.refreshLibrary()
	u.annotationsChanged()
	if len(results) == 0 {
		dialog.ShowInformation("Nothing imported", "No .txt, .md, .html or annotation (.json) files were found there.", u.Window)
		return
	}
	var lines []string
	var last int64
	for _, r := range results {
		name := r.Path
		if i := strings.LastIndexByte(name, '/'); i >= 0 {
			name = name[i+1:]
		}
		switch r.Status {
		case ingest.FileAdded, ingest.FileUpdated:
			lines = append(lines, fmt.Sprintf("%s: %s, “%s”, %d passages", name, r.Status, clip(displayTitle(r.Article), 50), r.Passages))
			last = r.Article.ID
		case ingest.FileMerged:
			lines = append(lines, fmt.Sprintf("%s: annotations merged", name))
		default:
			lines = append(lines, fmt.Sprintf("%s: %s", name, data.ErrorMessage(r.Err)))
		}
	}
	if last != 0 {
		u.OpenArticle(last)
	}
	msg := widget.NewLabel(strings.Join(lines, "\n"))
	msg.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustom("Import", "Close", container.NewVScroll(msg), u.Window)
	d.Resize(fyne.NewSize(560, 260))
	d.Show()
}

// exportFormats names the formats as the export dialog offers them.
var exportFormats = []struct {
	label  string
	format export.Format
}{
	{"Word document (.docx)", export.DOCX},
	{"Markdown (.md)", export.Markdown},
	{"Web page, print-ready (.html)", export.HTML},
	{"Spreadsheet (.csv)", export.CSV},
	{"Study-group annotations (.jsonld)", export.JSON},
}

var exportStyles = []struct {
	label string
	style cite.Style
}{
	{"APA 7", cite.APA},
	{"MLA 9", cite.MLA},
	{"Chicago 17 (notes-bibliography)", cite.Chicago},
}

// showExport asks for a format and a citation style, then a file name, and
// writes the export (File › Export…, Ctrl+E).
func (u *UI) showExport() {
	var fl, sl []string
	for _, f := range exportFormats {
		fl = append(fl, f.label)
	}
	for _, s := range exportStyles {
		sl = append(sl, s.label)
	}
	format := widget.NewSelect(fl, nil)
	format.SetSelectedIndex(0)
	style := widget.NewSelect(sl, nil)
	style.SetSelectedIndex(0)
	form := widget.NewForm(widget.NewFormItem("Format", format), widget.NewFormItem("Citations", style))
	hint := wrapLabel("Every highlight and note, in reading order, with its quote, its citation (para. N) and a reference list.")
	d := dialog.NewCustomConfirm("Export", "Choose file…", "Cancel", container.NewVBox(form, hint), func(ok bool) {
		if !ok {
			return
		}
		f := exportFormats[max(format.SelectedIndex(), 0)].format
		s := exportStyles[max(style.SelectedIndex(), 0)].style
		save := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
			if err != nil {
				u.showError(err)
				return
			}
			if w == nil {
				return
			}
			path := w.URI().Path()
			w.Close()
			u.ExportTo(path, export.Options{Format: f, Style: s})
		}, u.Window)
		save.SetFileName("casebook-notes" + f.Ext())
		save.Resize(fyne.NewSize(800, 560))
		save.Show()
	}, u.Window)
	d.Resize(fyne.NewSize(480, 0))
	d.Show()
}

// ExportTo writes the library's highlights and notes to path off the UI
// goroutine, with a progress bar, and reports quotes that failed the
// verbatim check.
func (u *UI) ExportTo(path string, opt export.Options) {
	u.Notes.flush()
	bar := widget.NewProgressBar()
	prog := dialog.NewCustomWithoutButtons("Export", container.NewVBox(widget.NewLabel("Exporting…"), bar), u.Window)
	prog.Resize(fyne.NewSize(420, 0))
	prog.Show()
	opt.Progress = func(done, total int) {
		u.do(func() { bar.SetValue(float64(done) / float64(max(total, 1))) })
	}
	go func() {
		var buf bytes.Buffer
		doc, err := export.Load(u.ctx, u.lib)
		var rep export.Report
		if err == nil {
			rep, err = export.Write(&buf, doc, opt)
		}
		if err == nil {
			err = os.WriteFile(path, buf.Bytes(), 0o644)
		}
		u.do(func() {
			prog.Hide()
			if err != nil {
				u.showError(err)
				return
			}
			msg := fmt.Sprintf("Exported %d highlights and %d notes from %d articles to\n%s", rep.Highlights, rep.Notes, rep.Articles, path)
			if len(rep.Failures) > 0 {
				var fs []string
				for _, f := range rep.Failures {
					fs = append(fs, f.String())
				}
				msg += "\n\nThese quotes no longer appear word for word in their source (they are marked in the export):\n" + strings.Join(fs, "\n")
			}
			dialog.ShowInformation("Export finished", msg, u.Window)
		})
	}()
}
