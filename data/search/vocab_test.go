package search

import (
	"context"
	"fmt"
	"math/rand/v2"
	"sort"
	"strings"
	"testing"
)

// osa is the optimal string alignment distance, computed directly.
func osa(a, b []rune) int {
	d := make([][]int, len(a)+1)
	for i := range d {
		d[i] = make([]int, len(b)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(a); i++ {
		for j := 1; j <= len(b); j++ {
			c := 1
			if a[i-1] == b[j-1] {
				c = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+c)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(a)][len(b)]
}

// bruteClass is what scan must report for term t and query q.
func bruteClass(q, t []rune, k, kp int) (uint8, bool) {
	best := uint8(255)
	if d := osa(q, t); d <= k {
		best = uint8(2 * d)
	}
	if kp >= 0 {
		for n := 0; n <= len(t); n++ {
			if d := osa(q, t[:n]); d <= kp && uint8(2*d+1) < best {
				best = uint8(2*d + 1)
			}
		}
	}
	return best, best != 255
}

func TestScanMatchesBruteForce(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	letters := []rune("abcdeé")
	word := func() string {
		n := 1 + rng.IntN(10)
		r := make([]rune, n)
		for i := range r {
			r[i] = letters[rng.IntN(len(letters))]
		}
		return string(r)
	}
	v := newVocab()
	added := map[string]bool{} // lookup sees only sorted terms
	for id := uint32(1); id <= 1500; id++ {
		w := word()
		if !added[w] {
			added[w] = true
			v.add(id, w)
			v.addDF(id, 1)
		}
	}
	v.resort()
	var sc scanner
	for n := 0; n < 600; n++ {
		q := []rune(word())
		k, kp := rng.IntN(3), rng.IntN(4)-1
		if kp > k {
			kp = k
		}
		got := map[string]uint8{}
		v.scan(&sc, q, k, kp, func(id uint32, class uint8) {
			if _, dup := got[v.term(id)]; dup {
				t.Fatalf("scan(%q) reported %q twice", string(q), v.term(id))
			}
			got[v.term(id)] = class
		})
		want := map[string]uint8{}
		for _, id := range v.sorted {
			if c, ok := bruteClass(q, v.runes(id), k, kp); ok {
				want[v.term(id)] = c
			}
		}
		if fmt.Sprint(sorted(got)) != fmt.Sprint(sorted(want)) {
			t.Fatalf("scan(%q, k=%d, kp=%d)\n got %v\nwant %v", string(q), k, kp, sorted(got), sorted(want))
		}
	}
}

func sorted(m map[string]uint8) []string {
	var out []string
	for k, v := range m {
		out = append(out, fmt.Sprintf("%s:%d", k, v))
	}
	sort.Strings(out)
	return out
}

func TestTypoBudget(t *testing.T) {
	tests := map[string]struct {
		word string
		want int
	}{
		"three letters": {"cop", 0},
		"four letters":  {"chun", 1},
		"seven letters": {"tompson", 1},
		"eight letters": {"probaton", 2},
		"accented":      {"été", 0},
		"year":          {"2014", 0},
		"mixed digits":  {"covid19", 0},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			if got := typoBudget(tc.word); got != tc.want {
				t.Errorf("typoBudget(%q) = %d, want %d", tc.word, got, tc.want)
			}
		})
	}
}

func TestPrefixRange(t *testing.T) {
	v := newVocab()
	for i, w := range []string{"scale", "scapegoat", "scapegoated", "scar", "sc", "sd"} {
		v.add(uint32(i+1), w)
	}
	v.resort()
	tests := map[string]struct {
		prefix string
		want   string
	}{
		"several": {"scape", "[scapegoat scapegoated]"},
		"exact":   {"sd", "[sd]"},
		"none":    {"zz", "[]"},
		"all sc":  {"sc", "[sc scale scapegoat scapegoated scar]"},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			lo, hi := v.prefixRange(tc.prefix)
			var got []string
			for _, id := range v.sorted[lo:hi] {
				got = append(got, v.term(id))
			}
			if fmt.Sprint(got) != tc.want && !(len(got) == 0 && tc.want == "[]") {
				t.Errorf("prefixRange(%q) = %v, want %s", tc.prefix, got, tc.want)
			}
		})
	}
}

func TestInflections(t *testing.T) {
	v := newVocab()
	for i, w := range []string{"apology", "apologies", "apologized", "protest", "protested", "protesters", "rally", "rallies", "cop", "cops"} {
		v.add(uint32(i+1), w)
	}
	v.resort()
	tests := map[string]struct {
		term string
		want string
	}{
		"plural to singular": {"apologies", "[apologized:2 apology:2]"},
		"singular to others": {"apology", "[apologies:2 apologized:2]"},
		"stem extended":      {"protest", "[protested:1 protesters:1]"},
		"swapped ending":     {"protesting", "[protest:2 protested:2 protesters:2]"},
		"y and ies":          {"rally", "[rallies:2]"},
		"short word":         {"cop", "[]"},
		"no relatives":       {"zebra", "[]"},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			m := map[string]uint8{}
			for _, f := range inflections(v, tc.term) {
				m[v.term(f.id)] = f.class
			}
			got := sorted(m)
			if fmt.Sprint(got) != tc.want && !(len(got) == 0 && tc.want == "[]") {
				t.Errorf("inflections(%q) = %v, want %s", tc.term, got, tc.want)
			}
		})
	}
}

// TestInsertSorted checks that adding terms one by one gives the same
// order, lcp and links as sorting from scratch.
func TestInsertSorted(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	word := func() string {
		r := make([]rune, 1+rng.IntN(6))
		for i := range r {
			r[i] = rune('a' + rng.IntN(4))
		}
		return string(r)
	}
	a, b := newVocab(), newVocab()
	id := uint32(0)
	for n := 0; n < 60; n++ {
		var batch []uint32
		for k := 0; k < 1+rng.IntN(5); k++ {
			w := word()
			if _, ok := a.lookup(w); ok {
				continue
			}
			id++
			a.add(id, w)
			b.add(id, w)
			batch = append(batch, id)
		}
		a.insertSorted(batch)
		b.resort()
		if fmt.Sprint(a.sorted, a.lcp, a.nxt) != fmt.Sprint(b.sorted, b.lcp, b.nxt) {
			t.Fatalf("after %d batches:\ninserted %v %v %v\n  sorted %v %v %v", n, a.sorted, a.lcp, a.nxt, b.sorted, b.lcp, b.nxt)
		}
	}
}

// TestLongStoredTerm checks that a stored term longer than maxTermRunes
// (the tokenizer never writes one, but a library may hold one) does not
// make the typo automaton index past its rows on a long query sharing the
// term's prefix.
func TestLongStoredTerm(t *testing.T) {
	long := strings.Repeat("abcdefghij", 10) // 100 runes
	q := long[:maxTermRunes]

	v := newVocab()
	v.add(1, long)
	v.add(2, q)
	v.add(3, long[:maxTermRunes+1])
	v.insertSorted([]uint32{1, 2, 3})
	v.scan(new(scanner), []rune(q), 2, 2, func(uint32, uint8) {})
	v.resort()
	v.scan(new(scanner), []rune(q), 2, 2, func(uint32, uint8) {})
	if got := v.maxID(); got != 3 {
		t.Errorf("maxID %d, want 3", got)
	}

	ctx := context.Background()
	db, ix := newIndex(t)
	put(t, db, ix, passage(1, 1, "Plain text."))
	if err := ix.Refresh(ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`INSERT INTO search_terms (id, term) VALUES (1000, ?)`, long); err != nil {
		t.Fatal(err)
	}
	put(t, db, ix, passage(2, 1, q))
	fresh, err := Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	defer fresh.Close()
	for _, x := range []*Index{ix, fresh} {
		for _, s := range []string{q, q + " "} {
			if got, want := ids(search(t, x, s, Options{})), "p2"; got != want {
				t.Errorf("Search(%q) = %q, want %q", s, got, want)
			}
		}
	}
}

// TestInsertSortedBatches checks the one-pass merge of insertSorted on
// batches of every size, including ones larger than the vocabulary and
// ones that land before, between and after all existing terms.
func TestInsertSortedBatches(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	word := func() string {
		r := make([]rune, 1+rng.IntN(8))
		for i := range r {
			r[i] = rune('a' + rng.IntN(5))
		}
		return string(r)
	}
	a, b := newVocab(), newVocab()
	id := uint32(0)
	added := map[string]bool{} // lookup sees only sorted terms
	for n, size := range []int{1, 0, 3, 700, 1, 2, 300, 40, 1000, 5, 1, 2000} {
		var batch []uint32
		for k := 0; k < size; k++ {
			w := word()
			if n == 4 {
				w = "`" + w // sorts before every earlier term
			}
			if added[w] {
				continue
			}
			added[w] = true
			id++
			a.add(id, w)
			b.add(id, w)
			batch = append(batch, id)
		}
		rng.Shuffle(len(batch), func(i, j int) { batch[i], batch[j] = batch[j], batch[i] })
		a.insertSorted(batch)
		b.resort()
		if fmt.Sprint(a.sorted, a.lcp, a.nxt) != fmt.Sprint(b.sorted, b.lcp, b.nxt) {
			t.Fatalf("after batch %d (%d terms): merged order differs from a full sort", n, len(batch))
		}
	}
}
