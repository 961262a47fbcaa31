package casefacts_test

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/casebookapp/casebook/data/casefacts"
)

func BenchmarkBundled(b *testing.B) {
	arts := seedArticles(b)
	b.ResetTimer()
	for b.Loop() {
		casefacts.People(arts)
		casefacts.Timeline(arts)
	}
}

// generated makes n news-like articles of about 600 words each, from
// sentences with names, titles, organisations, places and dates of every
// kind the extraction reads.
func generated(n int) []casefacts.Article {
	r := rand.New(rand.NewPCG(1, 2))
	given := []string{"Maria", "James", "Wei", "Aisha", "Carlos", "Priya", "John", "Fatima", "Olga", "Kenji", "Amara", "Luis"}
	family := []string{"Lopez", "Chen", "Okafor", "Smith", "Ivanova", "Tanaka", "Haddad", "Singh", "Brown", "Novak", "Mensah", "Garcia"}
	orgs := []string{"Legal Aid Society", "City Housing Authority", "National Tenants Alliance", "Metro Police Department", "Civil Rights Union (CRU)", "Daily Ledger News"}
	months := []string{"Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."}
	days := []string{"Monday", "Tuesday", "Wednesday", "Thursday", "Friday"}
	pick := func(xs []string) string { return xs[r.IntN(len(xs))] }
	name := func() string { return pick(given) + " " + pick(family) }
	templates := []func() string{
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
			return fmt.Sprintf("Protesters gathered outside City Hall one day after the verdict, and %s addressed the rally on %s.", name(), pick(days))
		},
		func() string {
			return "The weather in the city stayed mild, and traffic moved slowly along the avenue as the morning went on."
		},
	}
	out := make([]casefacts.Article, n)
	for i := range out {
		a := casefacts.Article{ID: int64(i + 1), Date: fmt.Sprintf("20%02d-%02d-%02d", 10+r.IntN(10), 1+r.IntN(12), 1+r.IntN(28))}
		for p := 1; p <= 14; p++ {
			var sb strings.Builder
			for s := 0; s < 3; s++ {
				sb.WriteString(templates[r.IntN(len(templates))]())
				sb.WriteString(" ")
			}
			a.Passages = append(a.Passages, casefacts.Passage{Para: p, Kind: "body", Text: strings.TrimSpace(sb.String())})
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
