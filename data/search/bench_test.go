package search

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/casebookapp/casebook/internal/gencorpus"
	"github.com/sahilm/fuzzy"
)

// The generated corpus: benchPassages passages of 20 to 110 words drawn from
// a Zipf-distributed vocabulary (English function words first, then
// synthetic words), with hyphenated compounds, possessives, capitalised
// sentence starts, and planted names. It is deterministic: the same seed
// gives the same text on every machine.
const (
	benchPassages       = 200_000
	benchCorpusVersion  = 1
	benchBatch          = 40_000 // passages per transaction, like a 2,000-article import
	benchPassagesPerArt = 20
)

var commonWords = strings.Fields(`the of and to a in that is was he for it with as his on be at by had not are but
from or have an they which one you were her all she there would their we him been has when who will more no if out
so said what up its about into than them can only other new some could time these two may then do first any my now
such like our over man me even most made after also did many before must through back years where much your way well
down should because each just those people how too little state good very make world still own see men work long
here get both between life being under never day same another know while last might us great old year off come since
against go came right used take three police officer court judge trial jury verdict sentence community`)

var plantedNames = []string{"Peter Liang", "Akai Gurley", "Kimberly Ballinger", "Danny Chun", "Ken Thompson",
	"Melissa Butler", "Shaun Landau", "Paul Shechtman", "Scott Rynecki", "Gregory Cendana"}

// benchLimit is how many hits each benchmark query asks for. It stays what
// these benchmarks have always asked for, so that their figures compare
// across versions; the search bar and the CLI ask for
// data.DefaultSearchLimit.
const benchLimit = 20

type benchCorpus struct {
	vocab []string // by Zipf rank
	texts []string
}

var (
	vocabOnce  sync.Once
	benchVocab []string
)

// benchVocabulary returns the corpus vocabulary by Zipf rank, without
// generating the texts (the vocabulary is drawn first from the same seed).
func benchVocabulary() []string {
	vocabOnce.Do(func() { benchVocab = generateCorpus(0).vocab })
	return benchVocab
}

// benchTexts generates the corpus texts. They are not kept, so that memory
// figures measure the index, not the generator.
func benchTexts() []string { return generateCorpus(benchPassages).texts }

func generateCorpus(n int) *benchCorpus {
	rng := rand.New(rand.NewPCG(2016, 4))
	seen := map[string]bool{}
	c := &benchCorpus{}
	for _, w := range commonWords {
		if !seen[w] {
			seen[w] = true
			c.vocab = append(c.vocab, w)
		}
	}
	for len(c.vocab) < 60_000 {
		w := gencorpus.Word(rng)
		if len(w) >= 2 && !seen[w] {
			seen[w] = true
			c.vocab = append(c.vocab, w)
		}
	}
	zipf := rand.NewZipf(rng, 1.07, 2, uint64(len(c.vocab)-1))
	c.texts = make([]string, n)
	var b strings.Builder
	for i := range c.texts {
		b.Reset()
		words := 20 + rng.IntN(91)
		plant := -1
		if rng.IntN(100) < 5 {
			plant = rng.IntN(words)
		}
		capital := true
		for j := 0; j < words; j++ {
			if j > 0 {
				b.WriteByte(' ')
			}
			if j == plant {
				b.WriteString(plantedNames[rng.IntN(len(plantedNames))])
				if rng.IntN(3) == 0 {
					b.WriteString("’s")
				}
				capital = false
				continue
			}
			w := c.vocab[zipf.Uint64()]
			if capital {
				w = strings.ToUpper(w[:1]) + w[1:]
				capital = false
			}
			b.WriteString(w)
			switch r := rng.IntN(100); {
			case r < 1:
				b.WriteByte('-')
				b.WriteString(c.vocab[zipf.Uint64()])
			case r < 4:
				b.WriteString("'s")
			case r < 10:
				b.WriteString(".")
				capital = true
			case r < 14:
				b.WriteString(",")
			}
		}
		b.WriteByte('.')
		c.texts[i] = b.String()
	}
	return c
}

func corpusDocs(texts []string) []Doc {
	docs := make([]Doc, len(texts))
	for i, t := range texts {
		id := int64(i + 1)
		docs[i] = Doc{ID: id, Source: SourcePassage, Passage: id, Article: int64(i/benchPassagesPerArt + 1), Text: t}
	}
	return docs
}

// buildLibrary indexes docs into db, a transaction per benchBatch passages.
func buildLibrary(tb testing.TB, db *sql.DB, ix *Index, docs []Doc) time.Duration {
	start := time.Now()
	for i := 0; i < len(docs); i += benchBatch {
		put(tb, db, ix, docs[i:min(i+benchBatch, len(docs))]...)
	}
	return time.Since(start)
}

func openLibrary(tb testing.TB, path string) *sql.DB {
	db, err := sql.Open("sqlite3", "file:"+path+"?_journal_mode=WAL&_busy_timeout=5000&_synchronous=NORMAL")
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { db.Close() })
	return db
}

// benchLibraryPath returns a library holding the 200k corpus, built once and
// cached in the temporary directory under a name that changes with the
// corpus and the schema.
func benchLibraryPath(b *testing.B) string {
	schema, err := schemaSQL()
	if err != nil {
		b.Fatal(err)
	}
	sum := sha256.Sum256(append(schema, strconv.Itoa(benchCorpusVersion)...))
	path := filepath.Join(os.TempDir(), "casebook-search-bench-"+hex.EncodeToString(sum[:6])+".db")
	if _, err := os.Stat(path); err == nil {
		return path
	}
	tmp := path + ".building"
	os.Remove(tmp)
	db := openDB(b, tmp)
	ix, err := Open(context.Background(), db)
	if err != nil {
		b.Fatal(err)
	}
	d := buildLibrary(b, db, ix, corpusDocs(benchTexts()))
	b.Logf("built the cached 200k library in %v", d)
	ix.Close()
	if _, err := db.Exec(`PRAGMA wal_checkpoint(TRUNCATE)`); err != nil {
		b.Fatal(err)
	}
	db.Close()
	if err := os.Rename(tmp, path); err != nil {
		b.Fatal(err)
	}
	os.Remove(tmp + "-wal")
	os.Remove(tmp + "-shm")
	return path
}

// BenchmarkBuild200k indexes the 200k corpus into a new library, in
// transactions of 40,000 passages, and reports the time and the file size.
// Run it with -benchtime=1x.
func BenchmarkBuild200k(b *testing.B) {
	docs := corpusDocs(benchTexts())
	for i := 0; i < b.N; i++ {
		path := filepath.Join(b.TempDir(), "library.db")
		db := openDB(b, path)
		ix, err := Open(context.Background(), db)
		if err != nil {
			b.Fatal(err)
		}
		runtime.GC()
		b.ResetTimer()
		d := buildLibrary(b, db, ix, docs)
		b.StopTimer()
		db.Exec(`PRAGMA wal_checkpoint(TRUNCATE)`)
		st, err := os.Stat(path)
		if err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(d.Seconds(), "build-s")
		b.ReportMetric(float64(st.Size())/(1<<20), "file-MB")
		ix.Close()
		db.Close()
	}
}

// querySets are the benchmark's query types, generated from the corpus
// vocabulary. A trailing space means the word is complete.
func querySets(vocab []string) [][2]any {
	c := &benchCorpus{vocab: vocab}
	rng := rand.New(rand.NewPCG(7, 11))
	pick := func(lo, hi, minLen int) string {
		for {
			w := c.vocab[lo+rng.IntN(hi-lo)]
			if len([]rune(w)) >= minLen {
				return w
			}
		}
	}
	have := map[string]bool{}
	for _, w := range c.vocab {
		have[w] = true
	}
	typo := func(w string) string {
		for {
			r := []rune(w)
			i := rng.IntN(len(r) - 1)
			switch rng.IntN(4) {
			case 0:
				r[i] = rune('a' + rng.IntN(26))
			case 1:
				r = append(r[:i], r[i+1:]...)
			case 2:
				r = append(r[:i+1], r[i:]...)
				r[i] = rune('a' + rng.IntN(26))
			case 3:
				r[i], r[i+1] = r[i+1], r[i]
			}
			if s := string(r); !have[s] {
				return s
			}
		}
	}
	var rare, common, typos, prefixes, three []string
	for i := 0; i < 40; i++ {
		rare = append(rare, pick(5000, 60000, 4)+" ")
		prefixes = append(prefixes, func() string {
			w := pick(0, 20000, 5)
			return w[:1+i%5]
		}())
		three = append(three, pick(0, 100, 1)+" "+pick(100, 5000, 4)+" "+func() string {
			w := pick(100, 20000, 5)
			return w[:len(w)-1]
		}())
	}
	for i := 0; i < 30; i++ {
		common = append(common, c.vocab[i]+" ")
		typos = append(typos, typo(pick(200, 20000, 5))+" ")
	}
	typos = append(typos, "bailinger ", "ken tompson ", "shechtmen ", "rynecky ", "probaton ", "landou ", "cendanna ", "guerley ", "lang ", "thomsen ")
	three = append(three, "peter liang ballinger ", "the officer liang ", "danny chun senten", "kimberly ballinger apolog")
	common = append(common, "the", "a", "of the ", "the and of ")
	return [][2]any{{"rare", rare}, {"common", common}, {"typo", typos}, {"prefix", prefixes}, {"three", three}}
}

func percentile(ds []time.Duration, p float64) time.Duration {
	if len(ds) == 0 {
		return 0
	}
	s := append([]time.Duration(nil), ds...)
	sort.Slice(s, func(i, j int) bool { return s[i] < s[j] })
	i := int(p * float64(len(s)-1))
	return s[i]
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

func rssMB() float64 {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(b), "\n") {
		if strings.HasPrefix(line, "VmRSS:") {
			f := strings.Fields(line)
			kb, _ := strconv.ParseFloat(f[1], 64)
			return kb / 1024
		}
	}
	return 0
}

// BenchmarkSearch200k measures search latency per query type on the 200k
// corpus: p50, p95 and max over all queries of the type, warm (posting lists
// cached, the steady state while typing) and cold (first use of each
// term's postings since the caches were emptied). It also reports the
// first search after Open (loading the vocabulary and document table),
// resident memory, and a plain fuzzy.Find scan over all passage texts as
// the baseline.
func BenchmarkSearch200k(b *testing.B) {
	path := benchLibraryPath(b)
	db := openLibrary(b, path)
	ctx := context.Background()
	ix, err := Open(ctx, db)
	if err != nil {
		b.Fatal(err)
	}
	defer ix.Close()
	start := time.Now()
	if _, err := ix.Search(ctx, "liang ", Options{}); err != nil {
		b.Fatal(err)
	}
	firstSearch := time.Since(start)
	var all []time.Duration
	for _, set := range querySets(benchVocabulary()) {
		name, queries := set[0].(string), set[1].([]string)
		b.Run(name, func(b *testing.B) {
			ix.cache.reset()
			var cold, warm []time.Duration
			run := func(dst *[]time.Duration) {
				for _, q := range queries {
					t0 := time.Now()
					hits, err := ix.Search(ctx, q, Options{Limit: benchLimit})
					if err != nil {
						b.Fatal(err)
					}
					*dst = append(*dst, time.Since(t0))
					if len(hits) == 0 && name != "typo" {
						b.Fatalf("%q found nothing", q)
					}
				}
			}
			run(&cold)
			if testing.Verbose() {
				for i, d := range cold {
					if d > 5*time.Millisecond {
						b.Logf("cold %q: %.1f ms", queries[i], ms(d))
					}
				}
			}
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				run(&warm)
			}
			b.StopTimer()
			if testing.Verbose() {
				for i, d := range warm {
					if d > 5*time.Millisecond {
						b.Logf("warm %q: %.1f ms", queries[i%len(queries)], ms(d))
					}
				}
			}
			all = append(all, warm...)
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(queries)), "ns/query")
			b.ReportMetric(ms(percentile(warm, 0.5)), "p50-ms")
			b.ReportMetric(ms(percentile(warm, 0.95)), "p95-ms")
			b.ReportMetric(ms(percentile(warm, 1)), "max-ms")
			b.ReportMetric(ms(percentile(cold, 0.95)), "cold-p95-ms")
			b.ReportMetric(ms(percentile(cold, 1)), "cold-max-ms")
			b.ReportMetric(0, "ns/op")
		})
	}
	b.Run("memory", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			debug.FreeOSMemory()
		}
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		st, _ := os.Stat(path)
		b.ReportMetric(ms(firstSearch), "first-search-ms")
		b.ReportMetric(rssMB(), "rss-MB")
		b.ReportMetric(float64(m.HeapInuse)/(1<<20), "heap-MB")
		b.ReportMetric(float64(st.Size())/(1<<20), "file-MB")
		b.ReportMetric(0, "ns/op")
	})
	b.Run("fuzzy-scan-baseline", func(b *testing.B) {
		b.StopTimer()
		texts := benchTexts()
		b.StartTimer()
		var ds []time.Duration
		for i := 0; i < b.N; i++ {
			t0 := time.Now()
			fuzzy.Find("liang", texts)
			ds = append(ds, time.Since(t0))
		}
		p50 := percentile(ds, 0.5)
		b.ReportMetric(ms(p50), "scan-ms")
		b.ReportMetric(float64(p50)/float64(percentile(all, 0.5)), "x-p50")
		b.ReportMetric(float64(p50)/float64(percentile(all, 0.95)), "x-p95")
		b.ReportMetric(0, "ns/op")
	})
	// The overall distribution over every query type.
	b.Logf("all types, warm: p50 %.2f ms, p95 %.2f ms, max %.2f ms (%d queries)",
		ms(percentile(all, 0.5)), ms(percentile(all, 0.95)), ms(percentile(all, 1)), len(all))
}

// BenchmarkSearchSeeds runs the quality queries over the three bundled
// articles.
func BenchmarkSearchSeeds(b *testing.B) {
	db, ix := newIndex(b)
	put(b, db, ix, seedDocs(b)...)
	ctx := context.Background()
	var queries []string
	for _, tc := range qualityQueries {
		queries = append(queries, tc.query)
	}
	sort.Strings(queries)
	var ds []time.Duration
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, q := range queries {
			t0 := time.Now()
			if _, err := ix.Search(ctx, q, Options{}); err != nil {
				b.Fatal(err)
			}
			ds = append(ds, time.Since(t0))
		}
	}
	b.StopTimer()
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(queries)), "ns/query")
	b.ReportMetric(ms(percentile(ds, 0.5)), "p50-ms")
	b.ReportMetric(ms(percentile(ds, 0.95)), "p95-ms")
	b.ReportMetric(ms(percentile(ds, 1)), "max-ms")
}

// BenchmarkComplete measures word completion over the 200k vocabulary.
func BenchmarkComplete(b *testing.B) {
	db := openLibrary(b, benchLibraryPath(b))
	ctx := context.Background()
	ix, err := Open(ctx, db)
	if err != nil {
		b.Fatal(err)
	}
	defer ix.Close()
	if err := ix.Refresh(ctx); err != nil {
		b.Fatal(err)
	}
	prefixes := []string{"t", "ba", "sch", "ballin", "thomp", "brai"}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, p := range prefixes {
			ix.Complete(p, 10)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(prefixes)), "ns/query")
}

// copyLibrary copies the cached 200k library to a temporary file.
func copyLibrary(b *testing.B) string {
	src := benchLibraryPath(b)
	dst := filepath.Join(b.TempDir(), "library.db")
	data, err := os.ReadFile(src)
	if err != nil {
		b.Fatal(err)
	}
	if err := os.WriteFile(dst, data, 0o600); err != nil {
		b.Fatal(err)
	}
	return dst
}

// BenchmarkImport40k adds 40,000 new passages (2,000 articles) to the 200k
// library in one transaction, as an import does, and then searches once so
// that the cost of refreshing an open index is counted too. Run it with
// -benchtime=1x.
func BenchmarkImport40k(b *testing.B) {
	texts := generateCorpus(benchPassages + benchBatch).texts[benchPassages:]
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		db := openLibrary(b, copyLibrary(b))
		ctx := context.Background()
		ix, err := Open(ctx, db)
		if err != nil {
			b.Fatal(err)
		}
		if err := ix.Refresh(ctx); err != nil {
			b.Fatal(err)
		}
		docs := make([]Doc, len(texts))
		for j, t := range texts {
			id := int64(benchPassages + j + 1)
			docs[j] = Doc{ID: id, Source: SourcePassage, Passage: id, Article: int64(id/benchPassagesPerArt + 1), Text: t}
		}
		b.StartTimer()
		t0 := time.Now()
		put(b, db, ix, docs...)
		putTime := time.Since(t0)
		if _, err := ix.Search(ctx, "liang ", Options{}); err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(putTime.Seconds(), "put-s")
		b.ReportMetric((time.Since(t0)-putTime).Seconds()*1000, "refresh+search-ms")
		ix.Close()
		db.Close()
	}
}

// BenchmarkNoteSave200k replaces one note in the 200k library, as autosave
// does while the user types, and searches after each save.
func BenchmarkNoteSave200k(b *testing.B) {
	db := openLibrary(b, copyLibrary(b))
	ctx := context.Background()
	ix, err := Open(ctx, db)
	if err != nil {
		b.Fatal(err)
	}
	defer ix.Close()
	if _, err := ix.Search(ctx, "liang ", Options{}); err != nil {
		b.Fatal(err)
	}
	var puts, searches []time.Duration
	note := "The judge said Liang never intended to shoot; compare with the DA's recommendation of probation and "
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		t0 := time.Now()
		put(b, db, ix, Doc{ID: 1, Source: SourceNote, Passage: 5, Article: 1, Text: note + strconv.Itoa(i)})
		t1 := time.Now()
		if _, err := ix.Search(ctx, "probation liang", Options{}); err != nil {
			b.Fatal(err)
		}
		puts = append(puts, t1.Sub(t0))
		searches = append(searches, time.Since(t1))
	}
	b.ReportMetric(ms(percentile(puts, 0.5)), "put-p50-ms")
	b.ReportMetric(ms(percentile(puts, 0.95)), "put-p95-ms")
	b.ReportMetric(ms(percentile(searches, 0.5)), "search-after-p50-ms")
	b.ReportMetric(ms(percentile(searches, 0.95)), "search-after-p95-ms")
}
