package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/casebookapp/casebook/data/ingest"
	"github.com/casebookapp/casebook/data/sqlite"
	"github.com/casebookapp/casebook/internal/gencorpus"
)

// procRun is one run of the casebook binary: its wall time, its peak memory
// (maximum resident set size) and its stderr.
type procRun struct {
	wall   time.Duration
	rssMB  float64
	stderr string
}

func runBinary(b *testing.B, db string, args ...string) procRun {
	b.Helper()
	cmd := exec.Command(binary, append([]string{"--db", db}, args...)...)
	cmd.Env = append(os.Environ(), "CASEBOOK_DB=")
	var errb bytes.Buffer
	cmd.Stderr = &errb
	start := time.Now()
	if err := cmd.Run(); err != nil {
		b.Fatalf("casebook %v: %v\n%s", args, err, errb.String())
	}
	wall := time.Since(start)
	ru := cmd.ProcessState.SysUsage().(*syscall.Rusage)
	return procRun{wall, float64(ru.Maxrss) / 1024, errb.String()}
}

var statsLine = regexp.MustCompile(`search: load (\d+) ms, query ([\d.]+) ms, (\d+) results`)

// searchStats runs `casebook search --stats` n times, each a new process,
// and reports the median wall time, load and query times, and the largest
// peak memory.
func searchStats(b *testing.B, db string, n int, query ...string) {
	var walls, loads, queries []float64
	var rss float64
	for range n {
		r := runBinary(b, db, append([]string{"search", "--stats"}, query...)...)
		m := statsLine.FindStringSubmatch(r.stderr)
		if m == nil || m[3] == "0" {
			b.Fatalf("search %v: %q", query, r.stderr)
		}
		load, _ := strconv.ParseFloat(m[1], 64)
		q, _ := strconv.ParseFloat(m[2], 64)
		walls, loads, queries = append(walls, ms(r.wall)), append(loads, load), append(queries, q)
		rss = max(rss, r.rssMB)
	}
	b.Logf("cold searches, in order: wall %.0f ms, load %v ms, query %v ms", walls, loads, queries)
	median := func(xs []float64) float64 { sort.Float64s(xs); return xs[len(xs)/2] }
	b.ReportMetric(median(walls), "cold-search-ms")
	b.ReportMetric(median(loads), "load-ms")
	b.ReportMetric(median(queries), "query-ms")
	b.ReportMetric(rss, "search-MB")
}

// BenchmarkHugeVocabulary imports one 18 MB file of 2 million distinct
// made-up words through `casebook import` (goal: under 400 MB), then
// searches the library in new processes (goal: 500 ms and 300 MB each).
// Memory is the processes' peak resident set. Run it with -benchtime 1x.
func BenchmarkHugeVocabulary(b *testing.B) {
	dir := b.TempDir()
	file := filepath.Join(dir, "words.txt")
	if err := os.WriteFile(file, []byte(gencorpus.HugeVocabulary(2_000_000)), 0o644); err != nil {
		b.Fatal(err)
	}
	for i := 0; b.Loop(); i++ {
		db := filepath.Join(dir, fmt.Sprintf("library-%d.db", i))
		imp := runBinary(b, db, "import", file)
		b.ReportMetric(imp.wall.Seconds(), "import-s")
		b.ReportMetric(imp.rssMB, "import-MB")
		// A word of the file, one with a typo, and a prefix.
		searchStats(b, db, 3, "bababaca")
		searchStats(b, db, 1, "bababacx")
		b.ReportMetric(0, "ns/op")
	}
}

// big230k is a library of about 230,000 passages (the BBC-shaped corpus
// ten times over), built once per run of the test binary.
var big230k struct {
	once sync.Once
	path string
	err  error
}

func library230k(b *testing.B) string {
	big230k.once.Do(func() {
		start := time.Now()
		dir, err := os.MkdirTemp("", "casebook-cli-230k-")
		if err != nil {
			big230k.err = err
			return
		}
		cleanup = append(cleanup, dir)
		big230k.path = filepath.Join(dir, "library.db")
		ctx := context.Background()
		lib, err := sqlite.Open(ctx, big230k.path)
		if err != nil {
			big230k.err = err
			return
		}
		defer lib.Close()
		n := 10 * 2300
		for first := 0; first < n && big230k.err == nil; first += 1000 {
			batch, err := lib.BeginImport(ctx)
			if err != nil {
				big230k.err = err
				return
			}
			for i := first; i < min(first+1000, n); i++ {
				a, err := ingest.Parse(gencorpus.BBCArticle(i%2300, 1+i/2300), fmt.Sprintf("bench:%d", i), "")
				if err == nil {
					_, err = batch.Article(a)
				}
				if err != nil {
					batch.Rollback()
					big230k.err = err
					return
				}
			}
			big230k.err = batch.Commit()
		}
		b.Logf("built a library of 23,000 articles in %v", time.Since(start))
	})
	if big230k.err != nil {
		b.Fatal(big230k.err)
	}
	return big230k.path
}

// BenchmarkColdSearch230k runs `casebook search --stats` as a new process
// on a library of about 230,000 passages (goal: 300 ms in all, the process
// started and the library opened included). Run it with -benchtime 1x.
func BenchmarkColdSearch230k(b *testing.B) {
	db := library230k(b)
	runBinary(b, db, "articles") // the first open after the build
	for b.Loop() {
		searchStats(b, db, 5, "government", "minister")
		b.ReportMetric(0, "ns/op")
	}
}
