package anchor

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"github.com/casebookapp/casebook/data"
)

// seedParagraphs reads the paragraphs of the bundled articles.
func seedParagraphs(t *testing.T) []string {
	t.Helper()
	files, _ := filepath.Glob("../../seeds/*.txt")
	var out []string
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range strings.Split(string(b), "\n\n") {
			if p = strings.TrimSpace(p); len(strings.Fields(p)) >= 12 {
				out = append(out, p)
			}
		}
	}
	if len(out) < 20 {
		t.Fatalf("only %d paragraphs in the seeds", len(out))
	}
	return out
}

// changeWords replaces, deletes or inserts a few words of p, as an
// article's new version does.
func changeWords(rng *rand.Rand, p string) string {
	words := strings.Fields(p)
	for n := 1 + rng.IntN(3); n > 0; n-- {
		i := rng.IntN(len(words))
		switch rng.IntN(4) {
		case 0:
			words = append(words[:i:i], words[i+1:]...)
		case 1:
			words = append(words[:i:i], append([]string{"reportedly"}, words[i:]...)...)
		case 2:
			words[i] = words[i] + "ly"
		default:
			words[i] = strings.ToUpper(words[i][:1]) + "x" + words[i][1:]
		}
	}
	return strings.Join(words, " ")
}

// TestLocateKeepsWholeWords selects whole paragraphs (as a mouse selection
// of a paragraph does), changes a few words of the text, and re-anchors: the
// quote placed must start and end at word boundaries of the new text, or
// not be placed at all. It checks thousands of such changes, brute force.
func TestLocateKeepsWholeWords(t *testing.T) {
	paras := seedParagraphs(t)
	rng := rand.New(rand.NewPCG(9, 9))
	bad := 0
	trials := 1500
	if testing.Short() {
		trials = 300
	}
	for trial := 0; trial < trials; trial++ {
		i := rng.IntN(len(paras) - 2)
		old := []string{paras[i], paras[i+1], paras[i+2]}
		tg := newTarget(old, 1, 0, len([]rune(old[1])))
		// A selection inside the paragraph, from a word to a word.
		if trial%2 == 1 {
			r := []rune(old[1])
			starts, ends := wordEdges(r)
			a := starts[rng.IntN(len(starts)/2)]
			b := ends[len(ends)/2+rng.IntN(len(ends)/2)]
			tg = newTarget(old, 1, a, b)
		}
		fresh := []string{old[0], changeWords(rng, old[1]), old[2]}
		m, ok := locate(fresh, tg)
		if !ok {
			continue
		}
		text := []rune(fresh[m.Passage])
		if !data.WordBoundary(text, m.Start) || !data.WordBoundary(text, m.End) {
			bad++
			if bad <= 5 {
				t.Errorf("trial %d: placed %q, cut mid-word in %q", trial, string(text[m.Start:m.End]), fresh[m.Passage])
			}
		}
	}
	if bad > 0 {
		t.Errorf("%d of %d re-anchored quotes were cut mid-word", bad, trials)
	}
}

// wordEdges lists the offsets where a word starts and where one ends.
func wordEdges(r []rune) (starts, ends []int) {
	for i := 0; i <= len(r); i++ {
		if !data.WordBoundary(r, i) {
			continue
		}
		if i < len(r) && isWordRune(r[i]) {
			starts = append(starts, i)
		}
		if i > 0 && isWordRune(r[i-1]) {
			ends = append(ends, i)
		}
	}
	return starts, ends
}

// isWordRune is data.WordBoundary's idea of a rune inside a word.
func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}
