package ingest_test

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/casebookapp/casebook/data"
	"github.com/casebookapp/casebook/data/export"
	"github.com/casebookapp/casebook/data/ingest"
)

// manyNotes returns n notes on the seed article's passages, as a classmate's
// Casebook would export them.
func manyNotes(t *testing.T, lib *data.Library, n int) []data.Annotation {
	t.Helper()
	ctx := context.Background()
	art, err := lib.Article(ctx, 1)
	if err != nil {
		t.Fatal(err)
	}
	ps, err := lib.Passages(ctx, 1)
	if err != nil {
		t.Fatal(err)
	}
	var numbered []data.Passage
	for _, p := range ps {
		if p.N > 0 {
			numbered = append(numbered, p)
		}
	}
	when := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	out := make([]data.Annotation, n)
	for i := range out {
		p := numbered[i%len(numbered)]
		out[i] = data.Annotation{UID: fmt.Sprintf("00000000-0000-4000-8000-%012d", i), Motivation: "commenting",
			Source: "urn:casebook:sha256:" + art.Hash, Title: art.Title, Hash: art.Hash, Para: p.N,
			Start: 0, End: len([]rune(p.Text)), Quote: p.Text, Body: fmt.Sprintf("Note number %d on this paragraph.", i),
			Created: when, Modified: when}
	}
	return out
}

// TestImportManyAnnotations: a file of 33,000 annotations (over SQLite's
// 32,766 variables in one statement) merges.
func TestImportManyAnnotations(t *testing.T) {
	if testing.Short() {
		t.Skip("long: 33,000 annotations")
	}
	ctx := context.Background()
	lib := seededLib(t)
	file := filepath.Join(t.TempDir(), "big.json")
	f, err := os.Create(file)
	if err != nil {
		t.Fatal(err)
	}
	if err := export.WriteAnnotations(f, "big", time.Now(), manyNotes(t, lib, 33000)); err != nil {
		t.Fatal(err)
	}
	f.Close()
	res := ingest.ImportFiles(ctx, lib, []string{file}, nil)
	if len(res) != 1 || res[0].Status != ingest.FileMerged || res[0].Merge.Added != 33000 {
		t.Fatalf("import of 33,000 annotations: %s %s", res[0].Status, res[0].Detail())
	}
}

// TestAnnotationLimitFitsExports measures what Casebook's export writes per
// annotation (notes quoting whole paragraphs, the largest usual kind) and
// checks that the import limit takes the export of a library of 100,000
// of them.
func TestAnnotationLimitFitsExports(t *testing.T) {
	lib := seededLib(t)
	var buf bytes.Buffer
	const sample = 2000
	if err := export.WriteAnnotations(&buf, "sample", time.Now(), manyNotes(t, lib, sample)); err != nil {
		t.Fatal(err)
	}
	perNote := float64(buf.Len()) / sample
	need := int64(perNote * 100000)
	t.Logf("export writes %.0f bytes per annotation; 100,000 need %.1f MB; the limit is %d MB", perNote, float64(need)/(1<<20), ingest.MaxAnnotationFileSize>>20)
	if need > ingest.MaxAnnotationFileSize {
		t.Errorf("an export of 100,000 annotations (%d bytes) is over the import limit (%d)", need, ingest.MaxAnnotationFileSize)
	}
}

func seededLib(t *testing.T) *data.Library {
	t.Helper()
	lib := openLib(t)
	seeds, err := ingest.Seeds()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := lib.SyncArticles(context.Background(), seeds); err != nil {
		t.Fatal(err)
	}
	return lib
}
