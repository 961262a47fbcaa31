package ui

import (
	"archive/zip"
	"context"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/storage"

	"github.com/casebookapp/casebook/data"
	"github.com/casebookapp/casebook/data/export"
	"github.com/casebookapp/casebook/data/ingest"
)

// waitPreview waits until the export dialog shows the preview of its
// current options.
func waitPreview(h *harness, d *exportDialog) {
	h.t.Helper()
	h.waitFor("the preview", func() bool { return d.loaded && d.shown == d.gen && d.gen > 0 })
}

func TestExportDialog(t *testing.T) {
	ctx := context.Background()
	h := newHarness(t)
	u := h.u
	first := u.reader.rows[0].passage
	second := u.reader.rows[1].passage
	green, err := h.lib.AddHighlight(ctx, first.ID, 0, 11, "green")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := h.lib.AddNote(ctx, data.NewNote{PassageID: first.ID, HighlightID: green.ID, Start: 0, End: 11, Body: "Names <b>both</b> men & \"quotes\"", Tags: []string{"evidence"}}); err != nil {
		t.Fatal(err)
	}
	if _, err := h.lib.AddHighlight(ctx, second.ID, 3, 20, "red"); err != nil {
		t.Fatal(err)
	}
	greenQuote := green.Quote
	redQuote := string([]rune(second.Text)[3:20])

	if !u.runShortcut(shortcutExport) {
		t.Fatal("Ctrl+E runs no menu item")
	}
	d := u.exportDialog
	if d == nil {
		t.Fatal("Ctrl+E did not open the export dialog")
	}
	waitPreview(h, d)

	t.Run("PreviewFollowsTheOptions", func(t *testing.T) {
		md := d.preview.Text
		if !strings.Contains(md, greenQuote) || !strings.Contains(md, redQuote) {
			t.Fatalf("the preview lacks the quotes %q and %q:\n%s", greenQuote, redQuote, md)
		}
		if !strings.Contains(d.summary.text, "Word document") {
			t.Errorf("the Word preview does not say it is shown as Markdown: %q", d.summary.text)
		}

		d.format.SetSelectedIndex(2) // HTML
		waitPreview(h, d)
		if !strings.Contains(strings.ToLower(d.preview.Text), "<html") {
			t.Errorf("the HTML preview is not HTML:\n%.300s", d.preview.Text)
		}
		if !strings.Contains(d.preview.Text, "&lt;b&gt;both&lt;/b&gt;") {
			t.Errorf("the HTML preview does not escape the note's markup")
		}

		d.format.SetSelectedIndex(1) // Markdown
		d.style.SetSelectedIndex(0)
		waitPreview(h, d)
		apa := d.preview.Text
		d.style.SetSelectedIndex(1) // MLA
		waitPreview(h, d)
		if d.preview.Text == apa {
			t.Error("the preview did not change from APA to MLA")
		}
		if !strings.Contains(d.preview.Text, "par. 1") {
			t.Errorf("the MLA preview has no \"par. 1\" pin-point:\n%s", d.preview.Text)
		}
	})

	t.Run("Scope", func(t *testing.T) {
		d.scope.SetSelectedIndex(scopeColour)
		red := -1
		for i, c := range u.colours {
			if c.Key == "red" {
				red = i
			}
		}
		d.scopeValue.SetSelectedIndex(red)
		waitPreview(h, d)
		if got := d.options().Scope; got.Colour != "red" {
			t.Fatalf("scope = %+v, want colour red", got)
		}
		if strings.Contains(d.preview.Text, greenQuote) || !strings.Contains(d.preview.Text, redQuote) {
			t.Errorf("the red-only preview shows the wrong quotes:\n%s", d.preview.Text)
		}

		d.scope.SetSelectedIndex(scopeTag)
		if got := d.scopeValue.Options; len(got) != 1 || got[0] != "#evidence" {
			t.Fatalf("tag choices = %q, want [#evidence]", got)
		}
		waitPreview(h, d)
		if !strings.Contains(d.preview.Text, greenQuote) || strings.Contains(d.preview.Text, redQuote) {
			t.Errorf("the #evidence preview shows the wrong quotes:\n%s", d.preview.Text)
		}

		d.scope.SetSelectedIndex(scopeArticle)
		d.scopeValue.SetSelectedIndex(1)
		waitPreview(h, d)
		if !strings.Contains(d.summary.text, "Nothing to export") {
			t.Errorf("an article without highlights: summary %q", d.summary.text)
		}
		d.scope.SetSelectedIndex(scopeAll)
		if !d.scopeValue.Disabled() {
			t.Error("with everything chosen, the second scope menu is still enabled")
		}
		waitPreview(h, d)
	})

	t.Run("OnlyTheLatestPreviewShows", func(t *testing.T) {
		d.format.SetSelectedIndex(3) // CSV
		d.format.SetSelectedIndex(4) // JSON, chosen before the CSV preview arrives
		waitPreview(h, d)
		if !json.Valid([]byte(d.preview.Text)) {
			t.Errorf("the preview is not the JSON chosen last:\n%.300s", d.preview.Text)
		}
	})

	dir := t.TempDir()
	written := func(t *testing.T, format int, name string) []byte {
		t.Helper()
		d.format.SetSelectedIndex(format)
		d.style.SetSelectedIndex(0)
		want := d.ext()
		if got := d.defaultFileName(); !strings.HasSuffix(got, want) {
			t.Errorf("suggested file name %q lacks %s", got, want)
		}
		d.exportTo(filepath.Join(dir, name), d.options(), d.ext())
		path := filepath.Join(dir, name+want)
		h.waitFor("the export", func() bool { return u.lastExport.path == path })
		if u.lastExport.err != nil {
			t.Fatal(u.lastExport.err)
		}
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		return b
	}

	t.Run("WritesWord", func(t *testing.T) {
		b := written(t, 0, "essay")
		if got := d.defaultFileName(); got != "casebook-quotes-apa.docx" {
			t.Errorf("suggested file name = %q", got)
		}
		zr, err := zip.NewReader(strings.NewReader(string(b)), int64(len(b)))
		if err != nil {
			t.Fatalf("the .docx is not a zip: %v", err)
		}
		var text strings.Builder
		for _, f := range zr.File {
			if f.Name != "word/document.xml" {
				continue
			}
			rc, err := f.Open()
			if err != nil {
				t.Fatal(err)
			}
			dec := xml.NewDecoder(rc)
			for {
				tok, err := dec.Token()
				if err == io.EOF {
					break
				}
				if err != nil {
					t.Fatalf("word/document.xml: %v", err)
				}
				if cd, ok := tok.(xml.CharData); ok {
					text.Write(cd)
				}
			}
			rc.Close()
		}
		if !strings.Contains(text.String(), greenQuote) {
			t.Errorf("the Word document lacks the quote %q", greenQuote)
		}
		if !strings.Contains(u.lastExport.message, "Exported 2 highlights and 1 note") {
			t.Errorf("message = %q", u.lastExport.message)
		}
	})

	t.Run("WritesCSV", func(t *testing.T) {
		rows, err := csv.NewReader(strings.NewReader(string(written(t, 3, "sheet")))).ReadAll()
		if err != nil {
			t.Fatalf("the CSV does not parse: %v", err)
		}
		found := false
		for _, r := range rows {
			for _, c := range r {
				if strings.Contains(c, "<b>both</b> men & \"quotes\"") {
					found = true
				}
			}
		}
		if !found {
			t.Errorf("no CSV cell holds the note intact: %q", rows)
		}
	})

	t.Run("WritesAnnotationsThatImport", func(t *testing.T) {
		b := written(t, 4, "group")
		var doc map[string]any
		if err := json.Unmarshal(b, &doc); err != nil {
			t.Fatalf("the annotation file does not parse: %v", err)
		}
		path := filepath.Join(dir, "group.json")
		res := ingest.ImportFiles(ctx, openSeededLibrary(t), []string{path}, nil)
		if len(res) != 1 || res[0].Status != ingest.FileMerged || res[0].Merge.Added != 3 {
			t.Errorf("a classmate importing %s got %+v", path, res)
		}
	})

	t.Run("FailureLeavesNoFile", func(t *testing.T) {
		// The target is a folder: the rename fails after the export was
		// written to its temporary file.
		target := filepath.Join(dir, "taken")
		if err := os.Mkdir(target, 0o755); err != nil {
			t.Fatal(err)
		}
		u.exportTo(target, export.Options{Format: export.Markdown})
		h.waitFor("the failed export", func() bool { return u.lastExport.path == target })
		if u.lastExport.err == nil {
			t.Fatal("exporting onto a folder succeeded")
		}
		left, _ := filepath.Glob(filepath.Join(dir, ".casebook-export-*"))
		if len(left) > 0 {
			t.Errorf("a failed export left %q behind", left)
		}
		u.exportTo(filepath.Join(dir, "missing", "x.md"), export.Options{Format: export.Markdown})
		h.waitFor("the second failed export", func() bool { return strings.HasSuffix(u.lastExport.path, "x.md") })
		if _, err := os.Stat(filepath.Join(dir, "missing")); err == nil || u.lastExport.err == nil {
			t.Error("an export into a missing folder did not fail cleanly")
		}
	})
}

// TestExportWritesThePreviewedDocument checks that the export dialog writes
// the document it loaded for its preview, rather than reading the library
// again.
func TestExportWritesThePreviewedDocument(t *testing.T) {
	ctx := context.Background()
	h := newHarness(t)
	u := h.u
	first := u.reader.rows[0].passage
	if _, err := h.lib.AddHighlight(ctx, first.ID, 0, 11, "green"); err != nil {
		t.Fatal(err)
	}
	u.showExport()
	d := u.exportDialog
	waitPreview(h, d)
	d.format.SetSelectedIndex(3) // CSV
	waitPreview(h, d)
	// Changed behind the dialog's back: not in the preview, so not in the
	// file.
	if _, err := h.lib.AddHighlight(ctx, u.reader.rows[1].passage.ID, 0, 11, "red"); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "quotes.csv")
	d.exportTo(path, d.options(), d.ext())
	h.waitFor("the export", func() bool { return u.lastExport.path == path })
	if u.lastExport.err != nil {
		t.Fatal(u.lastExport.err)
	}
	if got := u.lastExport.report.Highlights; got != 1 {
		t.Errorf("the export wrote %d highlights, want the 1 of the preview", got)
	}

	// The student's name, optional, is the annotations' creator in the W3C
	// export, and is remembered for the next export.
	d.name.SetText("Mei Chen")
	d.format.SetSelectedIndex(4) // W3C JSON
	waitPreview(h, d)
	if !strings.Contains(d.preview.Text, `"name": "Mei Chen"`) {
		t.Errorf("the W3C preview has no creator:\n%.600s", d.preview.Text)
	}
	jsonPath := filepath.Join(t.TempDir(), "shared.jsonld")
	d.exportTo(jsonPath, d.options(), d.ext())
	h.waitFor("the export", func() bool { return u.lastExport.path == jsonPath })
	if got := u.app.Preferences().String(prefUserName); got != "Mei Chen" {
		t.Errorf("the name was not remembered: %q", got)
	}
}

func TestMismatchLine(t *testing.T) {
	for n, want := range map[int]string{
		1: "1 quote no longer matches its source word for word; it is marked in the file.",
		2: "2 quotes no longer match their source word for word; they are marked in the file.",
	} {
		if got := mismatchLine(n); got != want {
			t.Errorf("mismatchLine(%d) = %q, want %q", n, got, want)
		}
	}
}

// TestSaveDialogCannotWipeTheLibrary: Fyne's save dialog opens the chosen
// file for writing before Casebook sees the name. Choosing the library must
// neither empty it then nor let the export write over it.
func TestSaveDialogCannotWipeTheLibrary(t *testing.T) {
	h := newHarness(t)
	u := h.u
	before, err := os.ReadFile(h.lib.Path())
	if err != nil || len(before) == 0 {
		t.Fatal(err)
	}
	// What the save dialog does with the chosen name, then our callback.
	w, err := storage.Writer(storage.NewFileURI(h.lib.Path()))
	if err != nil {
		t.Fatal(err)
	}
	w.Close()
	if st, _ := os.Stat(h.lib.Path()); st.Size() != int64(len(before)) {
		t.Fatalf("opening the library in the save dialog changed it to %d bytes", st.Size())
	}
	u.exportTo(h.lib.Path(), export.Options{Format: export.Markdown})
	h.waitFor("the export", func() bool { return u.lastExport.path == h.lib.Path() })
	if u.lastExport.err == nil || !strings.Contains(u.lastExport.message, "library") {
		t.Errorf("the export over the library was not refused: %q", u.lastExport.message)
	}
	if err := h.lib.Check(context.Background()); err != nil {
		t.Fatal(err)
	}
}
