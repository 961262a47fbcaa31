package casefacts

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
		{"gurley", "gurley", 0, 0},
		{"gurley", "gurly", 1, 1},    // a deletion
		{"gurly", "gurley", 1, 1},    // an insertion
		{"gurley", "gurlay", 1, 1},   // a substitution
		{"gurley", "gurlay", 0, -1},  // past the bound
		{"kitten", "sitting", 3, 3},  // the textbook case
		{"kitten", "sitting", 2, -1}, // one past the bound
		{"liang", "laing", 2, 2},     // a swap is two edits
		{"Liang", "liang", 1, 1},     // case counts: callers lower-case
		{"thompson", "thomson", 2, 1},
		{"akai", "akaigurley", 5, -1}, // lengths alone pass the bound
		{"peter", "pedro", 3, 3},
		{"peter", "pedro", 2, -1},
		{"café", "cafe", 1, 1}, // runes, not bytes
		{"naïve", "naive", 0, -1},
		{"shechtman", "shectman", 2, 1},
	} {
		if got := EditDistance(c.a, c.b, c.max); got != c.want {
			t.Errorf("EditDistance(%q, %q, %d) = %d, want %d", c.a, c.b, c.max, got, c.want)
		}
		if got := EditDistance(c.b, c.a, c.max); got != c.want {
			t.Errorf("EditDistance(%q, %q, %d) = %d, want %d (not symmetric)", c.b, c.a, c.max, got, c.want)
		}
	}
}

// TestEditDistanceAgainstBruteForce checks the bounded distance against the
// plain recursive definition on random short words over a small alphabet.
func TestEditDistanceAgainstBruteForce(t *testing.T) {
	var dist func(a, b []rune) int
	dist = func(a, b []rune) int {
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
		return min(dist(a[1:], b)+1, dist(a, b[1:])+1, dist(a[1:], b[1:])+c)
	}
	rng := rand.New(rand.NewSource(1))
	word := func() string {
		r := make([]rune, rng.Intn(7))
		for i := range r {
			r[i] = []rune("abé")[rng.Intn(3)]
		}
		return string(r)
	}
	for n := 0; n < 2000; n++ {
		a, b, max := word(), word(), rng.Intn(5)
		want := dist([]rune(a), []rune(b))
		if want > max {
			want = -1
		}
		if got := EditDistance(a, b, max); got != want {
			t.Fatalf("EditDistance(%q, %q, %d) = %d, want %d", a, b, max, got, want)
		}
	}
}
