package ingest_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/casebookapp/casebook/data"
	"github.com/casebookapp/casebook/data/ingest"
)

// The import benchmarks run on generated articles of the BBC News corpus's
// shape (2,225 articles): a title, then about ten paragraphs, about 2.2 kB in
// all, drawn from a Zipf-distributed vocabulary of English function words
// and 40,000 made-up words. Generation is deterministic.
const bbcArticles = 2225

// bbcVocab is the generator's vocabulary by Zipf rank.
var bbcVocab = func() []string {
	rng := rand.New(rand.NewPCG(2225, 1))
	vocab := strings.Fields(`the of and to a in that is was he for it with as his on be at by had not are but
from or have an they which one you were her all she there would their we him been has when who will more no if
out so said what up its about into than them can only other new some could time these two may then do first any
my now such like our over man me even most made after also did many before must through back years where much
your way well down should because each just those people how too little state good very make world still own see
men work long here get both between life being under never day same another know while last might us great old
year off come since against go came right used take three government minister election market company film`)
	seen := map[string]bool{}
	for _, w := range vocab {
		seen[w] = true
	}
	onsets := strings.Fields("b c d f g h j k l m n p r s t v w z br ch cl cr dr fl gr pl pr sh st th tr sl sp")
	vowels := strings.Fields("a e i o u ai ea ou ie oa")
	codas := []string{"", "", "n", "r", "s", "t", "l", "nd", "st", "ck", "m", "rd"}
	for len(vocab) < 40_000 {
		var b strings.Builder
		for i, syl := 0, 1+rng.IntN(4); i < syl; i++ {
			b.WriteString(onsets[rng.IntN(len(onsets))])
			b.WriteString(vowels[rng.IntN(len(vowels))])
			if i == syl-1 || rng.IntN(3) == 0 {
				b.WriteString(codas[rng.IntN(len(codas))])
			}
		}
		if w := b.String(); len(w) >= 2 && !seen[w] {
			seen[w] = true
			vocab = append(vocab, w)
		}
	}
	return vocab
}()

// bbcArticle generates article i of a corpus: the same i gives the same text.
// copy makes the text of an otherwise identical article differ (the corpus
// imported again is new articles, not duplicates).
func bbcArticle(i, copy int) string {
	rng := rand.New(rand.NewPCG(uint64(i), 7))
	zipf := rand.NewZipf(rng, 1.07, 2, uint64(len(bbcVocab)-1))
	var b strings.Builder
	sentence := func(words int) {
		for j := 0; j < words; j++ {
			w := bbcVocab[zipf.Uint64()]
			if j == 0 {
				w = strings.ToUpper(w[:1]) + w[1:]
			} else {
				b.WriteByte(' ')
			}
			b.WriteString(w)
			if j > 0 && j < words-1 && rng.IntN(12) == 0 {
				b.WriteByte(',')
			}
		}
	}
	sentence(4 + rng.IntN(5))
	b.WriteString("\n\n")
	for p, paras := 0, 8+rng.IntN(5); p < paras; p++ {
		for s, n := 0, 1+rng.IntN(3); s < n; s++ {
			if s > 0 {
				b.WriteByte(' ')
			}
			sentence(10 + rng.IntN(16))
			b.WriteByte('.')
		}
		if p == 0 {
			fmt.Fprintf(&b, " Report %d-%d.", i, copy)
		}
		b.WriteString("\n\n")
	}
	return b.String()
}

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
func importDir(tb testing.TB, lib *data.Library, dir string) time.Duration {
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

// bigLibrary builds the library of 230k passages once, through
// data.ImportBatch as ImportFiles stores files, but from text generated
// in memory, and returns its path.
func bigLibrary(b *testing.B) string {
	big.once.Do(func() {
		start := time.Now()
		big.dir, big.err = os.MkdirTemp("", "casebook-bench-230k-")
		if big.err != nil {
			return
		}
		big.path = filepath.Join(big.dir, "library.db")
		ctx := context.Background()
		lib, err := data.Open(ctx, big.path)
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
		lib, err := data.Open(context.Background(), path)
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
