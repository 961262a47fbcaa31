package data

import (
	"math/rand"
	"regexp"
	"strings"
	"testing"
	"time"
)

// TestMonthNumber checks the month table against the time package's
// names: every name, its first three letters and "sept" in any case, and
// nothing else among the prefixes of the names.
func TestMonthNumber(t *testing.T) {
	for m := time.January; m <= time.December; m++ {
		name := m.String()
		for i := 1; i <= len(name); i++ {
			p := name[:i]
			want := 0
			if i == 3 || i == len(name) || p == "Sept" {
				want = int(m)
			}
			for _, w := range []string{p, strings.ToLower(p), strings.ToUpper(p)} {
				if got := MonthNumber(w); got != want {
					t.Errorf("MonthNumber(%q) = %d, want %d", w, got, want)
				}
			}
		}
	}
	for _, w := range []string{"", "Sept.", "Jan.", "mai", "Avril", "Septembers", "Décembre", "januaryjanuary"} {
		if got := MonthNumber(w); got != 0 {
			t.Errorf("MonthNumber(%q) = %d, want 0", w, got)
		}
	}
}

func TestFrenchMonthNumber(t *testing.T) {
	names := []string{"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"}
	for i, n := range names {
		plain := strings.NewReplacer("é", "e", "û", "u").Replace(n)
		for _, w := range []string{n, plain, strings.ToUpper(n), strings.ToUpper(plain), strings.ToUpper(n[:1]) + n[1:]} {
			if got := FrenchMonthNumber(w); got != i+1 {
				t.Errorf("FrenchMonthNumber(%q) = %d, want %d", w, got, i+1)
			}
		}
	}
	for _, w := range []string{"", "jan", "April", "févr", "fevrier.", "aoùt", "marss"} {
		if got := FrenchMonthNumber(w); got != 0 {
			t.Errorf("FrenchMonthNumber(%q) = %d, want 0", w, got)
		}
	}
}

// TestValidDayAndISODate checks every day from 1 to 32 of every month of
// four centuries (leap rules included) against the time package.
func TestValidDayAndISODate(t *testing.T) {
	for y := 1900; y < 2300; y++ {
		for m := 0; m <= 13; m++ {
			for d := 0; d <= 32; d++ {
				tm := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
				want := m >= 1 && m <= 12 && d >= 1 && tm.Day() == d && int(tm.Month()) == m
				if got := ValidDay(y, m, d); got != want {
					t.Fatalf("ValidDay(%d, %d, %d) = %v, want %v", y, m, d, got, want)
				}
				if want && DaysIn(y, m) < d {
					t.Fatalf("DaysIn(%d, %d) = %d, but day %d exists", y, m, DaysIn(y, m), d)
				}
			}
		}
	}
	for _, c := range []struct {
		y, m, d int
		want    string
	}{{2016, 4, 19, "2016-04-19"}, {2016, 12, 0, "2016-12"}, {2016, 0, 0, "2016"}, {987, 1, 2, "0987-01-02"}} {
		if got := ISODate(c.y, c.m, c.d); got != c.want {
			t.Errorf("ISODate(%d, %d, %d) = %q, want %q", c.y, c.m, c.d, got, c.want)
		}
		if !ValidDate(ISODate(c.y, c.m, c.d)) {
			t.Errorf("ISODate(%d, %d, %d) is no valid date", c.y, c.m, c.d)
		}
	}
}

func BenchmarkMonthNumber(b *testing.B) {
	words := strings.Fields("Liang Gurley February Brooklyn Sept Thompson December May NYPD Chun")
	for i := 0; i < b.N; i++ {
		for _, w := range words {
			MonthNumber(w)
		}
	}
}

// TestWeekdayOf checks the day names against the time package's, in three
// cases, and that abbreviations and look-alikes are no day.
func TestWeekdayOf(t *testing.T) {
	for d := time.Sunday; d <= time.Saturday; d++ {
		for _, w := range []string{d.String(), strings.ToLower(d.String()), strings.ToUpper(d.String())} {
			if got, ok := WeekdayOf(w); !ok || got != d {
				t.Errorf("WeekdayOf(%q) = %v, %v", w, got, ok)
			}
		}
	}
	for _, w := range []string{"", "thu", "Thurs", "Thursdays", "ſunday", "sundae", "mardi"} {
		if got, ok := WeekdayOf(w); ok {
			t.Errorf("WeekdayOf(%q) = %v, want none", w, got)
		}
	}
}

// TestDateParts checks DateParts against a regular expression of the
// stored form on every string of up to ten characters over an alphabet
// that can spell dates and near misses, sampled.
func TestDateParts(t *testing.T) {
	re := regexp.MustCompile(`^(\d{4})(?:-(0[1-9]|1[0-2])(?:-(0[1-9]|[12]\d|3[01]))?)?$`)
	rng := rand.New(rand.NewSource(1))
	alpha := "0123-+ 9x"
	inputs := []string{"2016", "2016-04", "2016-04-19", "2016-00", "2016-13", "2016-04-00", "2016-04-32", "2016-4", "+201", "2016-02-30", "0000", ""}
	for i := 0; i < 200000; i++ {
		b := make([]byte, []int{4, 7, 10, rng.Intn(11)}[rng.Intn(4)])
		for j := range b {
			b[j] = alpha[rng.Intn(len(alpha))]
			if j == 4 || j == 7 {
				if rng.Intn(4) > 0 {
					b[j] = '-'
				}
			}
		}
		inputs = append(inputs, string(b))
	}
	for _, s := range inputs {
		y, m, d, ok := DateParts(s)
		sub := re.FindStringSubmatch(s)
		if ok != (sub != nil) {
			t.Fatalf("DateParts(%q) ok = %v", s, ok)
		}
		if ok && ISODate(y, m, d) != s {
			t.Fatalf("DateParts(%q) = %d, %d, %d", s, y, m, d)
		}
		if ValidDate(s) != (ok || s == "") {
			t.Fatalf("ValidDate(%q) disagrees with DateParts", s)
		}
	}
}
