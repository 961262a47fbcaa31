package casefacts_test

import (
	"math/rand/v2"
	"syscall"
	"testing"
	"time"

	"github.com/casebookapp/casebook/data/casefacts"
	"github.com/casebookapp/casebook/internal/gencorpus"
)

func BenchmarkBundled(b *testing.B) {
	arts := seedArticles(b)
	b.ResetTimer()
	for b.Loop() {
		casefacts.People(arts)
		casefacts.Timeline(arts)
	}
}

// generated makes n news-like articles of 14 paragraphs, about 700 words
// each, from gencorpus's case reports: names, titles, organisations, places
// and dates of every kind the extraction reads.
func generated(n int) []casefacts.Article {
	r := rand.New(rand.NewPCG(1, 2))
	out := make([]casefacts.Article, n)
	for i := range out {
		a := casefacts.Article{ID: int64(i + 1), Date: gencorpus.CaseDate(r)}
		for p := 1; p <= 14; p++ {
			a.Passages = append(a.Passages, casefacts.Passage{Para: p, Kind: "body", Text: gencorpus.CaseParagraph(r)})
		}
		out[i] = a
	}
	return out
}

func BenchmarkGenerated2000(b *testing.B) {
	arts := generated(2000) // 14 paragraphs, about 700 words each
	cpu0 := cpuTime()
	n := 0
	for b.Loop() {
		casefacts.People(arts)
		casefacts.Timeline(arts)
		n++
	}
	// The machine may be shared: CPU time per run says what the work costs
	// whatever else is running (wall time ≈ CPU time / cores when idle).
	b.ReportMetric((cpuTime()-cpu0).Seconds()/float64(n), "cpu-s/op")
}

func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
