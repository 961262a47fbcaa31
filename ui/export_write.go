package ui

import (
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/casebookapp/casebook/data"
	"github.com/casebookapp/casebook/data/export"
	"github.com/casebookapp/casebook/data/glance"
	"github.com/casebookapp/casebook/internal/text"
)

// Writing an export: off the UI goroutine, with a progress bar when it
// takes a while, and a closing message that says what was written.

// exportResult is what the last export did, as its closing message says.
type exportResult struct {
	path    string
	report  export.Report
	err     error
	message string
}

// exportTo writes the library's highlights and notes to path off the UI
// goroutine, with a progress bar when it takes a while, and then says what
// was written and which quotes failed the verbatim check. The file is
// written whole or not at all.
func (u *UI) exportTo(path string, opt export.Options) { u.exportDoc(path, opt, nil) }

// exportDoc is exportTo of a document already loaded, or, when doc is nil,
// of the library as it is now.
func (u *UI) exportDoc(path string, opt export.Options, doc *export.Document) {
	u.notes.flush()
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
			u.exportDone(exportResult{path: path, report: rep, err: err})
		})
	})
}

// exportDone says what an export wrote, and lists the quotes that no longer
// appear word for word in their source.
func (u *UI) exportDone(res exportResult) {
	if res.err != nil {
		res.message = "Nothing was written: " + data.ErrorMessage(res.err)
		u.lastExport = res
		u.showError(res.err)
		return
	}
	rep := res.report
	var b strings.Builder
	if rep.Entries == 0 {
		b.WriteString("Nothing matched these choices, so the file only has its heading. Highlight a passage or write a note, or include more.\n\n")
	}
	fmt.Fprintf(&b, "Exported %s and %s from %s to\n%s",
		text.Plural(rep.Highlights, "highlight", "highlights"), text.Plural(rep.Notes, "note", "notes"), text.Plural(rep.Articles, "article", "articles"), res.path)
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
	res.message = b.String()
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
