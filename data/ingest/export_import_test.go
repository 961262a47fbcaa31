package ingest_test

import (
	"context"
	"path/filepath"
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
