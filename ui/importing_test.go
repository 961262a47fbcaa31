package ui

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"

	"github.com/casebookapp/casebook/data"
	"github.com/casebookapp/casebook/data/export"
	"github.com/casebookapp/casebook/data/ingest"
	"github.com/casebookapp/casebook/data/webanno"
)

func TestImportAndExport(t *testing.T) {
	h := newHarness(t)
	u := h.u
	dir := t.TempDir()

	file := filepath.Join(dir, "rally.txt")
	text := "Rally in Brooklyn\n\nHundreds marched in Brooklyn on Saturday in support of Peter Liang.\n\nOrganisers said the verdict singled him out.\n"
	if err := os.WriteFile(file, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
	u.importPaths([]string{file})
	h.waitFor("the import", func() bool { return len(u.articles) == 4 })
	if got := u.reader.Article().ID; got != u.articles[3].ID {
		t.Errorf("after the import the reader shows article %d, want the new %d", got, u.articles[3].ID)
	}

	p := u.reader.rows[0].passage
	if _, err := h.lib.AddHighlight(context.Background(), p.ID, 0, 8, "green"); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "notes.md")
	u.exportTo(out, export.Options{Format: export.Markdown})
	h.waitFor("the export", func() bool { return u.lastExport.path == out })
	if b, err := os.ReadFile(out); err != nil || !strings.Contains(string(b), string(u.reader.rows[0].text[:8])) {
		t.Fatalf("the export lacks the highlight (%v)", err)
	}

	t.Run("ReportsQuotesThatFailTheVerbatimCheck", func(t *testing.T) {
		// The article's file changes: the highlighted words are gone.
		changed := "Rally in Brooklyn\n\nA crowd gathered in Brooklyn on Saturday.\n\nOrganisers said the verdict singled him out.\n"
		if err := os.WriteFile(file, []byte(changed), 0o600); err != nil {
			t.Fatal(err)
		}
		u.lastImport = nil
		u.importPaths([]string{file})
		h.waitFor("the re-import", func() bool { return u.lastImport != nil })
		if r := u.lastImport[0]; r.Status != ingest.FileUpdated || r.Orphaned != 1 {
			t.Fatalf("re-import = %s with %d orphaned, want updated with 1", r.Status, r.Orphaned)
		}
		if got := u.lastImport[0].Detail(); !strings.Contains(got, "Orphans") {
			t.Errorf("the summary does not say where the orphan went: %q", got)
		}
		u.exportTo(out, export.Options{Format: export.Markdown})
		h.waitFor("the export", func() bool { return u.lastExport.report.Failures != nil })
		if msg := u.lastExport.message; !strings.Contains(msg, "no longer appear word for word") || !strings.Contains(msg, "Hundreds") {
			t.Errorf("the message does not list the failed quote:\n%s", msg)
		}
	})
}

func TestDropFolder(t *testing.T) {
	h := newHarness(t)
	u := h.u
	ctx := context.Background()
	if _, err := h.lib.AddHighlight(ctx, u.reader.rows[0].passage.ID, 0, 5, "blue"); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	folder := filepath.Join(dir, "readings")
	if err := os.MkdirAll(filepath.Join(folder, "week2"), 0o755); err != nil {
		t.Fatal(err)
	}
	write := func(path, text string) {
		t.Helper()
		if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	write(filepath.Join(folder, "vigil.md"), "# Vigil for Akai Gurley\n\nNeighbours lit candles at the Pink Houses.\n")
	write(filepath.Join(folder, "week2", "verdict.txt"), "Verdict\n\nThe jury found Liang guilty of manslaughter.\n")
	// A study group's annotations, exported from this very library.
	doc, err := export.Load(ctx, h.lib)
	if err != nil {
		t.Fatal(err)
	}
	f, err := os.Create(filepath.Join(folder, "group.json"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := export.Write(f, doc, export.Options{Format: export.JSON}); err != nil {
		t.Fatal(err)
	}
	f.Close()
	bad := filepath.Join(dir, "scan.pdf")
	write(bad, "%PDF-1.4")

	u.dropped(fyne.NewPos(400, 300), []fyne.URI{storage.NewFileURI(folder), storage.NewFileURI(bad)})
	h.waitFor("the import", func() bool { return u.lastImport != nil })

	got := map[string]ingest.FileStatus{}
	for _, r := range u.lastImport {
		got[filepath.Base(r.Path)] = r.Status
	}
	want := map[string]ingest.FileStatus{
		"vigil.md": ingest.FileAdded, "verdict.txt": ingest.FileAdded, "group.json": ingest.FileMerged, "scan.pdf": ingest.FileFailed,
	}
	for name, st := range want {
		if got[name] != st {
			t.Errorf("%s: %q, want %q (all: %v)", name, got[name], st, got)
		}
	}
	if n := len(u.articles); n != 5 {
		t.Errorf("the library has %d articles after the drop, want 5", n)
	}
	if got, want := importSummary(u.lastImport), "2 articles added, 1 annotation file merged, 1 file could not be imported."; got != want {
		t.Errorf("summary = %q, want %q", got, want)
	}
	for _, r := range u.lastImport {
		detail := r.Detail()
		switch r.Status {
		case ingest.FileMerged:
			if !strings.Contains(detail, "0 annotations added, 0 updated, 1 unchanged") {
				t.Errorf("merged file detail = %q", detail)
			}
		case ingest.FileFailed:
			if detail == "" || !strings.Contains(detail, "scan.pdf") {
				t.Errorf("failed file detail = %q, want the reason", detail)
			}
		case ingest.FileAdded:
			if filepath.Base(r.Path) == "vigil.md" && detail != fmt.Sprintf("article %d “Vigil for Akai Gurley”, 1 paragraph; not found in the file: author, outlet, date (Edit details… adds them)", r.Article.ID) {
				t.Errorf("added file detail = %q", detail)
			}
		}
	}
}

// TestImportUpdatesOpenArticle re-imports the open article's file while a
// note on it is being typed: the note is stored, and the reader shows the
// new text on live passage ids.
func TestImportUpdatesOpenArticle(t *testing.T) {
	ctx := context.Background()
	h := newHarness(t, func(o *Options) { o.noteDebounce = 1 << 40 })
	u := h.u
	file := filepath.Join(t.TempDir(), "rally.txt")
	write := func(text string) {
		t.Helper()
		if err := os.WriteFile(file, []byte(text), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	write("Rally in Brooklyn\n\nHundreds marched in Brooklyn on Saturday in support of Peter Liang.\n\nOrganisers said the verdict singled him out.\n")
	// Another article imported after it, so that the new passages cannot
	// take the old ones' ids.
	later := filepath.Join(filepath.Dir(file), "vigil.txt")
	if err := os.WriteFile(later, []byte("Vigil\n\nNeighbours lit candles.\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	u.importPaths([]string{file, later})
	h.waitFor("the import", func() bool { return u.lastImport != nil })
	id := u.lastImport[0].Article.ID
	u.openArticle(id)

	u.reader.setCurrent(1)
	card := u.notes.addNote()
	test.Type(card.editor, "Who organised it?")
	write("Rally in Brooklyn\n\nA crowd gathered in Brooklyn on Saturday.\n\nOrganisers said the verdict singled him out.\n")
	u.lastImport = nil
	u.importPaths([]string{file})
	h.waitFor("the re-import", func() bool { return u.lastImport != nil })

	ns, err := h.lib.Notes(ctx, data.NoteFilter{ArticleID: id})
	if err != nil {
		t.Fatal(err)
	}
	if len(ns) != 1 || ns[0].Body != "Who organised it?" {
		t.Fatalf("notes = %+v, want the note typed during the import", ns)
	}
	if got := u.reader.Article().ID; got != id {
		t.Fatalf("the reader shows article %d, want the updated %d", got, id)
	}
	ps, err := h.lib.Passages(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	live := map[int64]bool{}
	for _, p := range ps {
		live[p.ID] = true
	}
	for i, m := range u.reader.rows {
		if !live[m.passage.ID] {
			t.Errorf("row %d shows passage %d, which the import replaced", i, m.passage.ID)
		}
	}
	if h.rowWithText("A crowd gathered") < 0 {
		t.Error("the reader does not show the new text")
	}
}

// TestUndoImport merges a classmate's file from the import dialog and takes
// it back with the summary's "Undo import" button: the classmate's note is
// gone, the student's own is untouched.
func TestUndoImport(t *testing.T) {
	ctx := context.Background()
	h := newHarness(t)
	u := h.u
	p := u.reader.rows[1].passage
	own, err := h.lib.AddNote(ctx, data.NewNote{PassageID: p.ID, Body: "Mine."})
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "alex.json")
	f, err := os.Create(file)
	if err != nil {
		t.Fatal(err)
	}
	art, _ := h.lib.Article(ctx, p.ArticleID)
	anns := []data.Annotation{
		{UID: "alex-1", Motivation: "commenting", Source: "urn:casebook:sha256:" + art.Hash, Hash: art.Hash, Para: p.N, Start: 0, End: len([]rune(p.Text)), Quote: p.Text, Body: "Alex's point.", Modified: time.Now().Add(-time.Minute)},
		// Alex's file also carries the student's own note, rewritten.
		{UID: own.UID, Motivation: "commenting", Source: "urn:casebook:sha256:" + art.Hash, Hash: art.Hash, Para: p.N, Start: 0, End: len([]rune(p.Text)), Quote: p.Text, Body: "", Modified: time.Now().Add(time.Hour)},
	}
	if err := webanno.WriteBundle(f, "Alex", time.Now(), anns, nil); err != nil {
		t.Fatal(err)
	}
	f.Close()

	u.importPaths([]string{file})
	h.waitFor("the merge", func() bool { return u.lastImport != nil })
	if n, _ := h.lib.Note(ctx, own.ID); n.Body != "Mine." {
		t.Fatalf("the merge changed the student's own note to %q", n.Body)
	}
	ns, _ := h.lib.Notes(ctx, data.NoteFilter{PassageID: p.ID})
	if len(ns) != 3 {
		t.Fatalf("after the merge %d notes on the passage, want 3: %+v", len(ns), ns)
	}
	if u.undoImport == nil {
		t.Fatal("the import summary has no Undo import button")
	}
	test.Tap(u.undoImport)
	h.settle() // undo runs off the UI goroutine
	ns, _ = h.lib.Notes(ctx, data.NoteFilter{PassageID: p.ID})
	if len(ns) != 1 || ns[0].ID != own.ID || ns[0].Body != "Mine." {
		t.Errorf("after Undo import: %+v", ns)
	}
}

// TestImportStartsWhereArticlesAre: File › Import… opens in the folder of
// the file last imported, or else in Downloads, where a browser saves
// pages and PDFs; not in the home folder, which the student reviewer had
// to scroll out of.
func TestImportStartsWhereArticlesAre(t *testing.T) {
	home := t.TempDir()
	t.Setenv("HOME", home)
	if got := importLocation(""); got != nil {
		t.Errorf("with no Downloads and no last folder the dialog starts in %v; want its own choice", got)
	}
	downloads := filepath.Join(home, "Downloads")
	if err := os.Mkdir(downloads, 0o755); err != nil {
		t.Fatal(err)
	}
	if got := importLocation(""); got == nil || got.Path() != downloads {
		t.Errorf("the first import starts in %v; want %s", got, downloads)
	}
	last := t.TempDir()
	if got := importLocation(last); got == nil || got.Path() != last {
		t.Errorf("after an import from %s the next starts in %v", last, got)
	}
	if got := importLocation(filepath.Join(last, "gone")); got == nil || got.Path() != downloads {
		t.Errorf("with the last folder gone the dialog starts in %v; want %s", got, downloads)
	}
}
