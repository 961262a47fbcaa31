//go:build cgo

// The store (package data/sqlite) needs cgo: these tests, which run an
// export or an import against a real library, build only with it.

package ingest_test

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/casebookapp/casebook/data/ingest"
)

// An export becomes one article per story in the library, and importing
// it again changes nothing.
func TestImportExport(t *testing.T) {
	lib := openLib(t)
	ctx := context.Background()
	path := filepath.Join("..", "..", "testdata", "import", "exports", "nexis.txt")
	var progress []string
	res := ingest.ImportFiles(ctx, lib, []string{path}, func(done, total int, r ingest.FileResult) {
		progress = append(progress, r.Article.Title)
	})
	if len(res) != 2 || res[0].Status != ingest.FileAdded || res[1].Status != ingest.FileAdded {
		t.Fatalf("results %+v", res)
	}
	if len(progress) != 2 {
		t.Errorf("progress told %d results, want 2", len(progress))
	}
	res = ingest.ImportFiles(ctx, lib, []string{path}, nil)
	for _, r := range res {
		if r.Status != ingest.FileDuplicate {
			t.Errorf("re-import: %s %v", r.Status, r.Err)
		}
	}
}

// The import report names the citation details the file does not show.
func TestImportReportNamesUnknowns(t *testing.T) {
	lib := openLib(t)
	dir := t.TempDir()
	path := filepath.Join(dir, "verdict.txt")
	write(t, path, "Liang Found Guilty\n\nA Brooklyn jury convicted former officer Peter Liang on Thursday.\n")
	res := ingest.ImportFiles(context.Background(), lib, []string{path}, nil)
	if len(res) != 1 {
		t.Fatalf("%d results", len(res))
	}
	want := "; not found in the file: author, outlet, date (Edit details… adds them)"
	if got := res[0].Detail(); !strings.HasSuffix(got, want) {
		t.Errorf("Detail() = %q, want it to end %q", got, want)
	}
	res = ingest.ImportFiles(context.Background(), lib, []string{filepath.Join("..", "..", "testdata", "import", "exports", "factiva.txt")}, nil)
	if got := res[0].Detail(); strings.Contains(got, "not found") {
		t.Errorf("Detail() = %q names unknowns for an article that has all", got)
	}
}
