//go:build cgo

// The store (package data/sqlite) needs cgo: these tests, which run an
// export or an import against a real library, build only with it.

package ingest_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/casebookapp/casebook/data/ingest"
	"github.com/casebookapp/casebook/data/sqlite"
	"github.com/casebookapp/casebook/internal/gencorpus"
)

// The import benchmarks run on generated articles of the BBC News corpus's
// shape (see package gencorpus).
const bbcArticles = gencorpus.BBCArticles

func bbcArticle(i, copy int) string { return gencorpus.BBCArticle(i, copy) }

// writeBBC writes n generated articles, first to first+n-1, as text files in
// a new folder and returns it.
func writeBBC(tb testing.TB, first, n, copy int) string {
	dir := filepath.Join(tb.TempDir(), "bbc-"+strconv.Itoa(copy))
	if err := os.MkdirAll(dir, 0o755); err != nil {
		tb.Fatal(err)
	}
	for i := first; i < first+n; i++ {
		write(tb, filepath.Join(dir, fmt.Sprintf("%05d.txt", i)), bbcArticle(i, copy))
	}
	return dir
}

// importDir imports a folder through ingest.ImportFiles, as `casebook import`
// does, and fails unless every file was added.
func importDir(tb testing.TB, lib *sqlite.Library, dir string) time.Duration {
	start := time.Now()
	res := ingest.ImportFiles(context.Background(), lib, []string{dir}, nil)
	d := time.Since(start)
	for _, x := range res {
		if x.Status != ingest.FileAdded {
			tb.Fatalf("%s: %s %v", x.Path, x.Status, x.Err)
		}
	}
	return d
}

// BenchmarkImportBBC imports the 2,225 generated articles into a new
// library (goal: 5 s).
func BenchmarkImportBBC(b *testing.B) {
	dir := writeBBC(b, 0, bbcArticles, 0)
	for b.Loop() {
		b.StopTimer()
		lib := openLib(b)
		b.StartTimer()
		importDir(b, lib, dir)
		b.StopTimer()
		lib.Close()
		b.StartTimer()
	}
	b.ReportMetric(bbcArticles, "articles/op")
}

// TestMain removes the library BenchmarkImportBBCInto230k builds.
func TestMain(m *testing.M) {
	code := m.Run()
	if big.dir != "" {
		os.RemoveAll(big.dir)
	}
	os.Exit(code)
}

// big is the library of 230k passages, built once per run of the test
// binary.
var big struct {
	once     sync.Once
	dir      string
	path     string
	passages int
	err      error
}

// bigArticles is how many generated articles make about 230,000 passages:
// the corpus 10 times over (copies 1 to 10, so that none is a duplicate of
// the articles a benchmark then imports).
const bigArticles = 10 * 2300

// bigLibrary builds the library of 230k passages once, through an import
// batch (Library.BeginImport) as ImportFiles stores files, but from text
// generated in memory, and returns its path.
func bigLibrary(b *testing.B) string {
	big.once.Do(func() {
		start := time.Now()
		big.dir, big.err = os.MkdirTemp("", "casebook-bench-230k-")
		if big.err != nil {
			return
		}
		big.path = filepath.Join(big.dir, "library.db")
		ctx := context.Background()
		lib, err := sqlite.Open(ctx, big.path)
		if err != nil {
			big.err = err
			return
		}
		defer lib.Close()
		for first := 0; first < bigArticles && big.err == nil; first += 1000 {
			batch, err := lib.BeginImport(ctx)
			if err != nil {
				big.err = err
				return
			}
			for i := first; i < min(first+1000, bigArticles); i++ {
				copy := 1 + i/2300
				a, err := ingest.Parse(bbcArticle(i%2300, copy), fmt.Sprintf("bench:%d/%d", copy, i), "")
				if err == nil {
					_, err = batch.Article(a)
				}
				if err != nil {
					batch.Rollback()
					big.err = err
					return
				}
				for _, p := range a.Passages {
					if p.Kind.Numbered() {
						big.passages++
					}
				}
			}
			big.err = batch.Commit()
		}
		b.Logf("built a library of %d passages in %v", big.passages, time.Since(start))
	})
	if big.err != nil {
		b.Fatal(big.err)
	}
	return big.path
}

// copyFile copies the library at src (checkpointed: no WAL) to dst.
func copyFile(b *testing.B, src, dst string) {
	in, err := os.ReadFile(src)
	if err != nil {
		b.Fatal(err)
	}
	if err := os.WriteFile(dst, in, 0o600); err != nil {
		b.Fatal(err)
	}
}

// BenchmarkImportBBCInto230k imports the 2,225 generated articles into a
// library that already holds about 230,000 passages (goal: 8 s). The
// library is built once per run (about a minute) and copied for each
// iteration.
func BenchmarkImportBBCInto230k(b *testing.B) {
	src := bigLibrary(b)
	dir := writeBBC(b, 0, bbcArticles, 0)
	for b.Loop() {
		b.StopTimer()
		path := filepath.Join(b.TempDir(), "library.db")
		copyFile(b, src, path)
		lib, err := sqlite.Open(context.Background(), path)
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		importDir(b, lib, dir)
		b.StopTimer()
		lib.Close()
		os.Remove(path)
		b.StartTimer()
	}
	b.ReportMetric(float64(big.passages), "passages-before")
}

// BenchmarkImportBBC34k imports the corpus 16 times over, 35,600 articles,
// into a new library, one `casebook import` of 2,225 files after another
// (goal: 90 s in all). It takes a minute or more, so it runs only when
// CASEBOOK_BENCH_34K is set:
//
//	CASEBOOK_BENCH_34K=1 go test ./data/ingest -run XXX -bench ImportBBC34k -benchtime 1x
func BenchmarkImportBBC34k(b *testing.B) {
	if os.Getenv("CASEBOOK_BENCH_34K") == "" {
		b.Skip("set CASEBOOK_BENCH_34K=1 to run this benchmark (over a minute)")
	}
	dirs := make([]string, 16)
	for c := range dirs {
		dirs[c] = writeBBC(b, 0, bbcArticles, c)
	}
	for b.Loop() {
		b.StopTimer()
		lib := openLib(b)
		b.StartTimer()
		var each []string
		for _, dir := range dirs {
			each = append(each, fmt.Sprintf("%.1f", importDir(b, lib, dir).Seconds()))
		}
		b.StopTimer()
		b.Logf("seconds per import of 2,225 files: %s", strings.Join(each, " "))
		lib.Close()
		b.StartTimer()
	}
	b.ReportMetric(16*bbcArticles, "articles/op")
}
