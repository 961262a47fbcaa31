package glance_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/casebookapp/casebook/data"
	"github.com/casebookapp/casebook/data/glance"
	"github.com/casebookapp/casebook/data/ingest"
	"github.com/casebookapp/casebook/data/sqlite"
	"github.com/casebookapp/casebook/internal/gencorpus"
)

// newsText is a generated news article of about 700 words: a headline, a
// byline, and 14 paragraphs of gencorpus's case reports.
func newsText(r *rand.Rand, i int) string {
	var b strings.Builder
	fmt.Fprintf(&b, "Story number %d about the case\n\nBy %s\n\n", i, gencorpus.CaseName(r))
	for p := 0; p < 14; p++ {
		b.WriteString(gencorpus.CaseParagraph(r))
		b.WriteString("\n\n")
	}
	return b.String()
}

// BenchmarkLoad2000 reads 2,000 imported articles from the library and
// extracts the people index and the timeline, corrections applied: what the
// Timeline and People views wait for (off the UI goroutine) after an import.
func BenchmarkLoad2000(b *testing.B) {
	ctx := context.Background()
	lib, err := sqlite.Open(ctx, filepath.Join(b.TempDir(), "library.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer lib.Close()
	r := rand.New(rand.NewPCG(3, 4))
	arts := make([]data.NewArticle, 2000)
	for i := range arts {
		a, err := ingest.Parse(newsText(r, i), fmt.Sprintf("gen:%d.txt", i), fmt.Sprintf("%d.txt", i))
		if err != nil {
			b.Fatal(err)
		}
		a.Date = gencorpus.CaseDate(r)
		arts[i] = a
	}
	if _, err := lib.SyncArticles(ctx, arts); err != nil {
		b.Fatal(err)
	}
	if _, err := lib.AddCorrection(ctx, data.Correction{Target: data.TargetPerson, Action: data.FixHide, Key: "Maria Lopez"}); err != nil {
		b.Fatal(err)
	}
	var ru0, ru1 syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru0)
	n := 0
	var c glance.Case
	for b.Loop() {
		if c, err = glance.Load(ctx, lib); err != nil {
			b.Fatal(err)
		}
		n++
	}
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru1)
	cpu := time.Duration(ru1.Utime.Nano()+ru1.Stime.Nano()-ru0.Utime.Nano()-ru0.Stime.Nano()) / time.Duration(n)
	b.ReportMetric(cpu.Seconds(), "cpu-s/op")
	// A correction then is applied without extracting again.
	b.StopTimer()
	t0 := time.Now()
	if _, err := glance.Recorrect(ctx, lib, c); err != nil {
		b.Fatal(err)
	}
	b.ReportMetric(time.Since(t0).Seconds(), "recorrect-s")
	b.ReportMetric(float64(len(c.People)), "entries")
	b.ReportMetric(float64(len(c.Timeline)), "events")
}
