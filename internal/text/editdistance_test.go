package text

import (
	"math/rand"
	"testing"
)

func TestEditDistance(t *testing.T) {
	for _, c := range []struct {
		a, b string
		max  int
		want int
	}{
		{"", "", 0, 0},
		{"", "abc", 3, 3},
		{"", "abc", 2, -1},
		{"", "abc", -1, 3},
		{"gurley", "gurley", 0, 0},
		{"gurley", "gurly", 1, 1},    // a deletion
		{"gurly", "gurley", 1, 1},    // an insertion
		{"gurley", "gurlay", 1, 1},   // a substitution
		{"gurley", "gurlay", 0, -1},  // past the bound
		{"kitten", "sitting", 3, 3},  // the textbook case
		{"kitten", "sitting", 2, -1}, // one past the bound
		{"kitten", "sitting", -1, 3}, // no bound
		{"liang", "laing", 2, 2},     // a swap is two edits
		{"Liang", "liang", 1, 1},     // case counts: callers lower-case
		{"thompson", "thomson", 2, 1},
		{"akai", "akaigurley", 5, -1}, // lengths alone pass the bound
		{"akai", "akaigurley", -1, 6},
		{"peter", "pedro", 3, 3},
		{"peter", "pedro", 2, -1},
		{"café", "cafe", 1, 1}, // runes, not bytes
		{"naïve", "naive", 0, -1},
		{"shechtman", "shectman", 2, 1},
	} {
		if got := WithinEdits(c.a, c.b, c.max); got != c.want {
			t.Errorf("WithinEdits(%q, %q, %d) = %d, want %d", c.a, c.b, c.max, got, c.want)
		}
		if got := WithinEdits(c.b, c.a, c.max); got != c.want {
			t.Errorf("WithinEdits(%q, %q, %d) = %d, want %d (not symmetric)", c.b, c.a, c.max, got, c.want)
		}
	}
}

// bruteDistance is the plain recursive definition.
func bruteDistance(a, b []rune) int {
	if len(a) == 0 {
		return len(b)
	}
	if len(b) == 0 {
		return len(a)
	}
	c := 1
	if a[0] == b[0] {
		c = 0
	}
	return min(bruteDistance(a[1:], b)+1, bruteDistance(a, b[1:])+1, bruteDistance(a[1:], b[1:])+c)
}

// TestEditDistanceAgainstBruteForce checks the distance, bounded and not,
// against the recursive definition on random short words over a small
// alphabet, and on words longer than the stack row.
func TestEditDistanceAgainstBruteForce(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	word := func(n int) []rune {
		r := make([]rune, rng.Intn(n))
		for i := range r {
			r[i] = []rune("abé")[rng.Intn(3)]
		}
		return r
	}
	for n := 0; n < 3000; n++ {
		a, b, max := word(7), word(7), rng.Intn(6)-1
		want := bruteDistance(a, b)
		if max >= 0 && want > max {
			want = -1
		}
		if got := EditDistance(a, b, max); got != want {
			t.Fatalf("EditDistance(%q, %q, %d) = %d, want %d", string(a), string(b), max, got, want)
		}
	}
	// Past the 64-entry row kept on the stack: the same as a short prefix
	// on both sides plus the brute-forced tail.
	long := []rune("the quick brown fox jumps over the lazy dog and keeps running far away")
	for n := 0; n < 200; n++ {
		a, b := word(6), word(6)
		want := bruteDistance(a, b)
		x, y := append(append([]rune{}, long...), a...), append(append([]rune{}, long...), b...)
		if got := EditDistance(x, y, -1); got != want {
			t.Fatalf("EditDistance(long+%q, long+%q) = %d, want %d", string(a), string(b), got, want)
		}
	}
}

func FuzzEditDistance(f *testing.F) {
	f.Add("kitten", "sitting", 2)
	f.Add("café", "cafe", -1)
	f.Fuzz(func(t *testing.T, a, b string, max int) {
		ra, rb := []rune(a), []rune(b)
		if len(ra) > 6 || len(rb) > 6 {
			return
		}
		max = max%8 - 1
		want := bruteDistance(ra, rb)
		if max >= 0 && want > max {
			want = -1
		}
		if got := EditDistance(ra, rb, max); got != want {
			t.Fatalf("EditDistance(%q, %q, %d) = %d, want %d", a, b, max, got, want)
		}
	})
}

// BenchmarkEditDistance measures the two uses: names within two edits
// (casefacts, compare) and a drifted quote, unbounded (anchor).
func BenchmarkEditDistance(b *testing.B) {
	names := [][2]string{{"gurley", "gurly"}, {"thompson", "thomson"}, {"shechtman", "shectman"}, {"liang", "laing"}, {"peter", "pedro"}, {"akai", "kenneth"}}
	quote := []rune("Liang fired one shot into the darkened stairwell, and the bullet ricocheted off a wall")
	drift := []rune("Liang fired a shot into the darkened stairwell and the bullet ricocheted off the wall")
	b.Run("names", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			for _, p := range names {
				WithinEdits(p[0], p[1], 2)
			}
		}
	})
	b.Run("quote", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			EditDistance(quote, drift, -1)
		}
	})
}
