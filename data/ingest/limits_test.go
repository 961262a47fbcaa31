//go:build cgo

// The store (package data/sqlite) needs cgo: these tests, which run an
// export or an import against a real library, build only with it.

package ingest_test

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/casebookapp/casebook/data"
	"github.com/casebookapp/casebook/data/ingest"
	"github.com/casebookapp/casebook/data/sqlite"
	"github.com/casebookapp/casebook/data/webanno"
	"github.com/casebookapp/casebook/internal/nobody"
)

// manyNotes returns n notes on the seed article's passages, as a classmate's
// Casebook would export them.
func manyNotes(t *testing.T, lib *sqlite.Library, n int) []data.Annotation {
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
	if err := webanno.WriteBundle(f, "big", time.Now(), manyNotes(t, lib, 33000), nil); err != nil {
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
	if err := webanno.WriteBundle(&buf, "sample", time.Now(), manyNotes(t, lib, sample), nil); err != nil {
		t.Fatal(err)
	}
	perNote := float64(buf.Len()) / sample
	need := int64(perNote * 100000)
	t.Logf("export writes %.0f bytes per annotation; 100,000 need %.1f MB; the limit is %d MB", perNote, float64(need)/(1<<20), ingest.MaxAnnotationFileSize>>20)
	if need > ingest.MaxAnnotationFileSize {
		t.Errorf("an export of 100,000 annotations (%d bytes) is over the import limit (%d)", need, ingest.MaxAnnotationFileSize)
	}
}

func seededLib(t *testing.T) *sqlite.Library {
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

// importWithin runs ImportFiles, failing the test if it has not returned
// within a few seconds (a named pipe used to make it wait for ever).
func importWithin(t *testing.T, lib *sqlite.Library, paths ...string) []ingest.FileResult {
	t.Helper()
	done := make(chan []ingest.FileResult, 1)
	go func() { done <- ingest.ImportFiles(context.Background(), lib, paths, nil) }()
	select {
	case res := <-done:
		return res
	case <-time.After(10 * time.Second):
		t.Fatalf("ImportFiles(%v) still running after 10 s", paths)
		return nil
	}
}

// TestImportFolderWithOddFiles imports a folder holding a named pipe, a
// link to a file outside it (a private key) and a link to a file inside it:
// the import finishes, names what it skipped and why, and imports neither
// the pipe nor the key.
func TestImportFolderWithOddFiles(t *testing.T) {
	lib := openLib(t)
	dir := t.TempDir()
	folder := filepath.Join(dir, "readings")
	os.MkdirAll(filepath.Join(folder, "sub"), 0o755)
	write(t, filepath.Join(folder, "vigil.txt"), "Vigil\n\nNeighbours lit candles at the Pink Houses on Saturday night.\n")
	write(t, filepath.Join(folder, "sub", "verdict.txt"), "Verdict\n\nThe jury found the officer guilty of manslaughter in February.\n")
	secret := filepath.Join(dir, "id_rsa.txt")
	write(t, secret, "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtz\n")
	if err := os.Symlink(secret, filepath.Join(folder, "key.txt")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(folder, "sub", "verdict.txt"), filepath.Join(folder, "inside.txt")); err != nil {
		t.Fatal(err)
	}
	pipe := filepath.Join(folder, "pipe.txt")
	if err := syscall.Mkfifo(pipe, 0o644); err != nil {
		t.Fatal(err)
	}
	res := importWithin(t, lib, folder)
	got := map[string]ingest.FileResult{}
	for _, r := range res {
		got[filepath.Base(r.Path)] = r
	}
	for name, want := range map[string]ingest.FileStatus{
		"vigil.txt": ingest.FileAdded, "inside.txt": ingest.FileAdded, "verdict.txt": ingest.FileDuplicate, // the link comes first, by name
		"key.txt": ingest.FileSkipped, "pipe.txt": ingest.FileSkipped,
	} {
		if got[name].Status != want {
			t.Errorf("%s: %q (%s), want %q", name, got[name].Status, got[name].Detail(), want)
		}
	}
	if d := got["pipe.txt"].Detail(); !strings.Contains(d, "named pipe") {
		t.Errorf("the pipe's detail does not say what it is: %q", d)
	}
	if d := got["key.txt"].Detail(); !strings.Contains(d, "outside") {
		t.Errorf("the link's detail does not say why: %q", d)
	}
	arts, _ := lib.Articles(context.Background())
	for _, a := range arts {
		if strings.Contains(a.Title, "PRIVATE KEY") {
			t.Errorf("the private key was imported as article %d", a.ID)
		}
	}

	// A pipe named on its own is refused, not waited on.
	if res := importWithin(t, lib, pipe); res[0].Status != ingest.FileFailed || !strings.Contains(res[0].Detail(), "named pipe") {
		t.Errorf("a pipe named directly: %s %q", res[0].Status, res[0].Detail())
	}
	if res := importWithin(t, lib, filepath.Join(folder, "pipe.json")); res[0].Status != ingest.FileFailed {
		t.Errorf("a missing .json: %s", res[0].Status)
	}
}

// TestImportFolderNamesWhatItCannotRead imports a folder a student keeps
// their readings in: besides the articles, a Word 97 document and an
// OpenDocument file Casebook cannot read. They are named as skipped, with
// the kinds of files Casebook does import, rather than left out without a
// word; hidden files stay out of the report.
func TestImportFolderNamesWhatItCannotRead(t *testing.T) {
	lib := openLib(t)
	folder := t.TempDir()
	write(t, filepath.Join(folder, "vigil.txt"), "Vigil\n\nNeighbours lit candles at the Pink Houses on Saturday night.\n")
	write(t, filepath.Join(folder, "verdict.doc"), "\xd0\xcf\x11\xe0 an old Word document")
	write(t, filepath.Join(folder, "sentence.odt"), "PK an OpenDocument file")
	write(t, filepath.Join(folder, ".DS_Store"), "hidden")
	res := importWithin(t, lib, folder)
	got := map[string]ingest.FileResult{}
	for _, r := range res {
		got[filepath.Base(r.Path)] = r
	}
	if got["vigil.txt"].Status != ingest.FileAdded {
		t.Errorf("vigil.txt: %s %q", got["vigil.txt"].Status, got["vigil.txt"].Detail())
	}
	for _, name := range []string{"verdict.doc", "sentence.odt"} {
		r, ok := got[name]
		if !ok || r.Status != ingest.FileSkipped {
			t.Errorf("%s: not reported as skipped (%+v)", name, r)
			continue
		}
		if d := r.Detail(); !strings.Contains(d, filepath.Ext(name)) || !strings.Contains(d, ".docx") {
			t.Errorf("%s: the detail does not say why and what Casebook reads: %q", name, d)
		}
	}
	if _, ok := got[".DS_Store"]; ok {
		t.Error("a hidden file is reported")
	}
}

// TestImportUnreadableFolder: a folder that cannot be read is reported.
func TestImportUnreadableFolder(t *testing.T) {
	if os.Geteuid() == 0 {
		// Root reads any folder: run this test again as nobody.
		nobody.Run(t, "^TestImportUnreadableFolder$")
		return
	}
	lib := openLib(t)
	folder := t.TempDir()
	write(t, filepath.Join(folder, "a.txt"), "Vigil\n\nNeighbours lit candles at the Pink Houses on Saturday night.\n")
	locked := filepath.Join(folder, "locked")
	os.Mkdir(locked, 0o755)
	write(t, filepath.Join(locked, "b.txt"), "Verdict\n\nThe jury found the officer guilty of manslaughter in February.\n")
	os.Chmod(locked, 0)
	t.Cleanup(func() { os.Chmod(locked, 0o755) })
	res := importWithin(t, lib, folder)
	failed := false
	for _, r := range res {
		if r.Status == ingest.FileFailed && strings.Contains(r.Detail(), "locked") {
			failed = true
		}
	}
	if !failed {
		t.Errorf("the unreadable folder is not reported: %+v", res)
	}
}

// TestImportReportsRepairedBytes: the import's line for a UTF-8 file with a
// bad byte says what was repaired.
func TestImportReportsRepairedBytes(t *testing.T) {
	lib := openLib(t)
	path := filepath.Join(t.TempDir(), "vigil.txt")
	write(t, path, "Vigil at the café\n\nNeighbours met at the café near the Pink Houses, and a cyclist\xff passed by.\n")
	res := ingest.ImportFiles(context.Background(), lib, []string{path}, nil)
	if res[0].Status != ingest.FileAdded || !strings.Contains(res[0].Detail(), "not valid UTF-8") {
		t.Errorf("%s: %q", res[0].Status, res[0].Detail())
	}
}
