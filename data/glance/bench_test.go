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
)

// newsText is a generated news article of about 700 words: a headline, a
// byline, and paragraphs with names, titles, organisations, places and
// dates.
func newsText(r *rand.Rand, i int) string {
	given := []string{"Maria", "James", "Wei", "Aisha", "Carlos", "Priya", "John", "Fatima", "Olga", "Kenji"}
	family := []string{"Lopez", "Chen", "Okafor", "Smith", "Ivanova", "Tanaka", "Haddad", "Singh", "Brown", "Novak"}
	orgs := []string{"Legal Aid Society", "City Housing Authority", "National Tenants Alliance", "Metro Police Department", "Civil Rights Union (CRU)"}
	months := []string{"Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."}
	days := []string{"Monday", "Tuesday", "Wednesday", "Thursday", "Friday"}
	pick := func(xs []string) string { return xs[r.IntN(len(xs))] }
	name := func() string { return pick(given) + " " + pick(family) }
	sentences := []func() string{
		func() string {
			return fmt.Sprintf("On %s %d, %d, %s was arrested by officers of the %s in Brooklyn.", pick(months), 1+r.IntN(28), 2010+r.IntN(10), name(), pick(orgs))
		},
		func() string {
			return fmt.Sprintf("District Attorney %s said on %s that the office would seek a sentence of %d years.", name(), pick(days), 1+r.IntN(9))
		},
		func() string {
			return fmt.Sprintf("%s, a spokeswoman for the %s, told reporters last month that the case was closed.", name(), pick(orgs))
		},
		func() string {
			return fmt.Sprintf("The jury convicted %s in %s of manslaughter, according to %s, the defendant's attorney.", pick(family), pick(months[:4]), name())
		},
		func() string {
			return "The weather in the city stayed mild, and traffic moved slowly along the avenue as the morning went on."
		},
	}
	var b strings.Builder
	fmt.Fprintf(&b, "Story number %d about the case\n\nBy %s\n\n", i, name())
	for p := 0; p < 14; p++ {
		for s := 0; s < 3; s++ {
			b.WriteString(sentences[r.IntN(len(sentences))]())
			b.WriteString(" ")
		}
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
		a.Date = fmt.Sprintf("20%02d-%02d-%02d", 10+r.IntN(10), 1+r.IntN(12), 1+r.IntN(28))
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
