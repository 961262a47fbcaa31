package ui

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/casebookapp/casebook/data/ingest"
	"github.com/casebookapp/casebook/internal/text"
)

// importExtensions are the files File › Import… offers: articles, and a
// study group's annotation files (.json), which are merged.
var importExtensions = append(append([]string(nil), ingest.Extensions...), ".json")

// importRowsShown is how many files the import summary lists one by one.
const importRowsShown = 300

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
		u.app.Preferences().SetString(prefImportDir, filepath.Dir(path))
		u.importPaths([]string{path})
	}, u.Window)
	d.SetFilter(storage.NewExtensionFileFilter(importExtensions))
	u.setImportLocation(d)
	d.Resize(fyne.NewSize(800, 560))
	u.openModal(d, nil, d.Hide)
}

// setImportLocation opens d where the student keeps articles: the folder
// of the file last imported, or else Downloads, where a browser saves
// pages and PDFs (not the home folder, which holds everything else).
func (u *UI) setImportLocation(d *dialog.FileDialog) {
	if l := importLocation(u.app.Preferences().String(prefImportDir)); l != nil {
		d.SetLocation(l)
	}
}

// importLocation is the folder an import dialog starts in: last if it is
// still a folder, else ~/Downloads if there is one, else nil (the
// dialog's own choice).
func importLocation(last string) fyne.ListableURI {
	var dirs []string
	if last != "" {
		dirs = append(dirs, last)
	}
	if home, err := os.UserHomeDir(); err == nil {
		dirs = append(dirs, filepath.Join(home, "Downloads"))
	}
	for _, dir := range dirs {
		if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
			continue
		}
		if l, err := storage.ListerForURI(storage.NewFileURI(dir)); err == nil {
			return l
		}
	}
	return nil
}

// showImportFolder asks for a folder and imports every article and
// annotation file in it (File › Import folder…).
func (u *UI) showImportFolder() {
	d := dialog.NewFolderOpen(func(l fyne.ListableURI, err error) {
		if err != nil {
			u.showError(err)
			return
		}
		if l == nil {
			return
		}
		u.app.Preferences().SetString(prefImportDir, filepath.Dir(l.Path()))
		u.importPaths([]string{l.Path()})
	}, u.Window)
	u.setImportLocation(d)
	d.Resize(fyne.NewSize(800, 560))
	u.openModal(d, nil, d.Hide)
}

// dropped imports the files and folders dropped on the window.
func (u *UI) dropped(_ fyne.Position, uris []fyne.URI) {
	var paths []string
	for _, uri := range uris {
		if uri.Scheme() == "file" {
			paths = append(paths, uri.Path())
		}
	}
	if len(paths) > 0 {
		u.importPaths(paths)
	}
}

// importPaths imports files (or folders of them) off the UI goroutine
// through ingest.ImportFiles, with a progress bar, and then says what
// happened to each.
func (u *UI) importPaths(paths []string) {
	// An import can replace the open article's passages: the note being
	// typed is stored first, on the passage it was written for.
	u.notes.flush()
	saved := u.writes.barrier()
	bar := widget.NewProgressBar()
	label := widget.NewLabel("Looking for files to import…")
	prog := dialog.NewCustomWithoutButtons("Import", container.NewVBox(label, bar), u.Window)
	prog.Resize(fyne.NewSize(460, 0))
	u.openModal(prog, nil, nil)
	u.goBackground(func() {
		saved(u.ctx)
		percent := -1
		results := ingest.ImportFiles(u.ctx, u.lib, paths, func(done, total int, r ingest.FileResult) {
			// A batch of thousands of files moves the bar by the percent.
			if p := done * 100 / max(total, 1); p != percent || done == total {
				percent = p
				name := filepath.Base(r.Path)
				u.do(func() {
					bar.SetValue(float64(done) / float64(max(total, 1)))
					label.SetText(fmt.Sprintf("Imported %d of %d files (%s)", done, total, text.Clip(name, 40)))
				})
			}
		})
		u.do(func() {
			prog.Hide()
			u.importDone(results)
		})
	})
}

// importDone reloads the library, reopens the open article when the import
// gave it a new text (its old passages are gone), opens the last article
// added, and shows what happened to each file.
func (u *UI) importDone(results []ingest.FileResult) {
	u.lastImport = results
	if open := u.reader.article.ID; open != 0 {
		for _, r := range results {
			if r.Status == ingest.FileUpdated && r.Article.ID == open {
				seq := u.reader.topSeq()
				u.reader.open(open)
				u.reader.scrollToSeq(seq)
				break
			}
		}
	}
	u.annotationsChanged()
	if len(results) == 0 {
		u.showInfo("Nothing imported", "No article (.txt, .md, .html) or annotation (.json) files were found there.")
		return
	}
	var last int64
	for _, r := range results {
		if r.Status == ingest.FileAdded || r.Status == ingest.FileUpdated {
			last = r.Article.ID
		}
	}
	if last != 0 {
		u.openArticle(last)
	}

	rows := []fyne.CanvasObject{}
	for i, r := range results {
		if i == importRowsShown {
			rows = append(rows, newMutedLabel("… and "+text.Plural(len(results)-i, "more file", "more files")+" (see the counts above)."))
			break
		}
		rows = append(rows, importRow(r))
	}
	head := widget.NewLabelWithStyle(importSummary(results), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	head.Wrapping = fyne.TextWrapWord
	body := container.NewBorder(container.NewVBox(head, widget.NewSeparator()), nil, nil, nil,
		container.NewVScroll(container.NewVBox(rows...)))
	var merges []int64
	for _, r := range results {
		if r.Status == ingest.FileMerged && r.Merge.Import != 0 {
			merges = append(merges, r.Merge.Import)
		}
	}
	var d *dialog.CustomDialog
	if len(merges) > 0 {
		// A merge is one step the student can take back: here, or later
		// with Edit › Undo.
		step := u.undo.push("Undo import", func(ctx context.Context) error { return u.undoMerges(ctx, merges) })
		u.undoImport = widget.NewButtonWithIcon("Undo import", theme.ContentUndoIcon(), func() {
			if st, ok := u.undo.remove(step); ok {
				u.runUndo(st)
			}
			d.Hide()
		})
		d = dialog.NewCustom("Import finished", "Close", body, u.Window)
		d.SetButtons([]fyne.CanvasObject{u.undoImport, widget.NewButton("Close", func() { d.Hide() })})
	} else {
		d = dialog.NewCustom("Import finished", "Close", body, u.Window)
	}
	d.Resize(fyne.NewSize(640, min(560, 190+float32(len(rows))*72)))
	u.showMessage(d)
}

// undoMerges undoes merges of classmates' files, newest first.
func (u *UI) undoMerges(ctx context.Context, ids []int64) error {
	for i := len(ids) - 1; i >= 0; i-- {
		if _, err := u.lib.UndoImport(ctx, ids[i]); err != nil {
			return err
		}
	}
	return nil
}

// importSummary counts the outcomes: "2 articles added, 1 annotation file
// merged, 1 file failed."
func importSummary(results []ingest.FileResult) string {
	counts := map[ingest.FileStatus]int{}
	for _, r := range results {
		counts[r.Status]++
	}
	var parts []string
	add := func(st ingest.FileStatus, one, many string) {
		if n := counts[st]; n > 0 {
			parts = append(parts, text.Plural(n, one, many))
		}
	}
	add(ingest.FileAdded, "article added", "articles added")
	add(ingest.FileUpdated, "article updated", "articles updated")
	add(ingest.FileDuplicate, "file already in the library", "files already in the library")
	add(ingest.FileMerged, "annotation file merged", "annotation files merged")
	add(ingest.FileFailed, "file could not be imported", "files could not be imported")
	add(ingest.FileSkipped, "file skipped (see the list for why)", "files skipped (see the list for why)")
	return strings.Join(parts, ", ") + "."
}

// importStatusLabel names a file's outcome, coloured by what it means.
func importStatusLabel(st ingest.FileStatus) *widget.Label {
	l := widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	switch st {
	case ingest.FileAdded:
		l.Text, l.Importance = "Added", widget.SuccessImportance
	case ingest.FileUpdated:
		l.Text, l.Importance = "Updated", widget.HighImportance
	case ingest.FileDuplicate:
		l.Text = "Already there"
	case ingest.FileMerged:
		l.Text, l.Importance = "Merged", widget.HighImportance
	case ingest.FileSkipped:
		l.Text, l.Importance = "Skipped", widget.WarningImportance
	default:
		l.Text, l.Importance = "Failed", widget.DangerImportance
	}
	return l
}

// importRow is one file in the import summary: its outcome, its name, and
// what it became or why it failed.
func importRow(r ingest.FileResult) fyne.CanvasObject {
	name := widget.NewLabel(filepath.Base(r.Path))
	name.Truncation = fyne.TextTruncateEllipsis
	top := container.NewBorder(nil, nil, importStatusLabel(r.Status), nil, name)
	return container.New(&tightVBox{gap: -12}, top, newMutedLabel(r.Detail()))
}
