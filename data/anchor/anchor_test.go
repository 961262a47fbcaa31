package anchor

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/casebookapp/casebook/data"
	"github.com/casebookapp/casebook/internal/text"
)

var article = []string{
	"Ex-Cop Peter Liang Apologizes to Akai Gurley's Domestic Partner in Meeting",
	"Former New York Police Department Officer Peter Liang apologized Thursday morning to the domestic partner of Akai Gurley, whom he shot and killed in a Brooklyn housing project in November 2014.",
	"The bullet, fired from the eighth floor, ricocheted off a cement wall, striking Gurley who had entered with his friend Melissa Butler from the floor below.",
	"“Liang, on a number of occasions, expressed his sorrow and remorse,” Rynecki said.",
	"Rynecki said Ballinger wanted Liang to know that because of the shooting, her daughter no longer had a father.",
}

// target marks the first occurrence of quote in passages[passage].
func target(t *testing.T, passages []string, passage int, quote string) Target {
	t.Helper()
	i := strings.Index(passages[passage], quote)
	if i < 0 {
		t.Fatalf("%q not in passage %d", quote, passage)
	}
	start := utf8.RuneCountInString(passages[passage][:i])
	return NewTarget(passages, passage, start, start+utf8.RuneCountInString(quote))
}

// runes returns the runes [start, end) of s.
func runes(s string, start, end int) string { return string([]rune(s)[start:end]) }

func TestLocate(t *testing.T) {
	inserted := append([]string{article[0], "Editor's note: this story was updated on Friday."}, article[1:]...)
	typoOld := append([]string(nil), article...)
	typoOld[2] = strings.Replace(article[2], "ricocheted off a cement", "ricochetted of a cement", 1)
	deleted := append(append([]string(nil), article[:2]...), article[3:]...)
	edited := append([]string(nil), article...)
	edited[1] = "UPDATED: " + article[1]
	repeated := []string{
		"Rynecki said the meeting was short. Later, in court, Rynecki said the apology was sincere.",
	}
	tests := map[string]struct {
		old     []string
		passage int
		quote   string
		// hint overrides the target's position when not nil.
		hint     *[2]int
		new      []string
		found    bool
		passage2 int
		text     string
		errors   int
	}{
		"unchanged": {
			old: article, passage: 2, quote: "ricocheted off a cement wall",
			new: article, found: true, passage2: 2, text: "ricocheted off a cement wall",
		},
		"paragraph inserted before": {
			old: article, passage: 3, quote: "expressed his sorrow and remorse",
			new: inserted, found: true, passage2: 4, text: "expressed his sorrow and remorse",
		},
		"text inserted inside the passage": {
			old: article, passage: 1, quote: "apologized Thursday morning",
			new: edited, found: true, passage2: 1, text: "apologized Thursday morning",
		},
		"typo fixed inside the quote": {
			old: typoOld, passage: 2, quote: "ricochetted of a cement wall",
			new: article, found: true, passage2: 2, text: "ricocheted off a cement wall", errors: 2,
		},
		"highlighted paragraph deleted": {
			old: article, passage: 2, quote: "ricocheted off a cement wall",
			new: deleted, found: false,
		},
		"short quote of a deleted paragraph is not placed elsewhere by chance": {
			old: article, passage: 2, quote: "Gurley",
			new: deleted, found: false,
		},
		"unique quote wins over a misleading position hint": {
			old: repeated, passage: 0, quote: "Rynecki said the apology", hint: &[2]int{0, 0},
			new: repeated, found: true, passage2: 0, text: "Rynecki said the apology",
		},
		"repeated phrase with context picks the right one": {
			old: repeated, passage: 0, quote: "Rynecki said",
			new: append([]string{"Background: Rynecki said nothing then."}, repeated...), found: true, passage2: 1, text: "Rynecki said",
		},
		"long quote survives new context": {
			old: article, passage: 2, quote: "fired from the eighth floor, ricocheted off a cement wall",
			new: []string{"Witnesses said the bullet, fired from the eighth floor, ricocheted off a cement wall."}, found: true, passage2: 0,
			text: "fired from the eighth floor, ricocheted off a cement wall",
		},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			tg := target(t, tt.old, tt.passage, tt.quote)
			if tt.hint != nil {
				tg.Passage, tg.Start = tt.hint[0], tt.hint[1]
			}
			m, ok := Locate(tt.new, tg)
			if ok != tt.found {
				t.Fatalf("found = %v, want %v (match %+v)", ok, tt.found, m)
			}
			if !ok {
				return
			}
			if m.Passage != tt.passage2 {
				t.Errorf("passage = %d, want %d", m.Passage, tt.passage2)
			}
			if got := runes(tt.new[m.Passage], m.Start, m.End); got != tt.text {
				t.Errorf("matched %q, want %q", got, tt.text)
			}
			if m.Errors != tt.errors {
				t.Errorf("errors = %d, want %d", m.Errors, tt.errors)
			}
			if m.Score <= 0 || m.Score > 1 {
				t.Errorf("score %v out of (0, 1]", m.Score)
			}
		})
	}
}

// TestLocateRepeatedOffsets checks the exact offsets chosen between two
// occurrences of a phrase in one passage.
func TestLocateRepeatedOffsets(t *testing.T) {
	p := []string{"He said no. Then, asked again, he said no. Finally he said yes."}
	tests := map[string]struct {
		occurrence int // 0-based occurrence of "said no" marked
		want       int // rune offset expected
	}{
		"first":  {0, strings.Index(p[0], "said no")},
		"second": {1, strings.LastIndex(p[0], "said no")},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			at := strings.Index(p[0], "said no")
			if tt.occurrence == 1 {
				at = strings.LastIndex(p[0], "said no")
			}
			tg := NewTarget(p, 0, at, at+len("said no"))
			// Move the hint away so only the context decides.
			tg.Start = 0
			if tt.occurrence == 0 {
				tg.Start = len(p[0])
			}
			m, ok := Locate(p, tg)
			if !ok {
				t.Fatal("not found")
			}
			if got := m.Start; got != tt.want {
				t.Errorf("Start = %d, want %d", got, tt.want)
			}
		})
	}
}

func TestLocateEdgeCases(t *testing.T) {
	tests := map[string]struct {
		passages []string
		target   Target
		found    bool
	}{
		"empty quote":       {article, Target{}, false},
		"no passages":       {nil, Target{Quote: "x"}, false},
		"hint out of range": {article, Target{Quote: "Rynecki said Ballinger", Passage: 99, Start: -4}, true},
		"whole passage, no context": {
			[]string{"Intro.", "Liang declined to comment."},
			Target{Quote: "Liang declined to coment.", Passage: 1}, true,
		},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			if _, ok := Locate(tt.passages, tt.target); ok != tt.found {
				t.Errorf("found = %v, want %v", ok, tt.found)
			}
		})
	}
}

func TestApproxSearch(t *testing.T) {
	tests := map[string]struct {
		pattern, text string
		k             int
		want          []candidate
	}{
		"exact":        {"abc", "xxabcxx", 0, []candidate{{2, 5, 0}}},
		"substitution": {"abcdef", "zzabXdefzz", 1, []candidate{{2, 8, 1}}},
		"insertion":    {"abcdef", "zzabcXdefzz", 1, []candidate{{2, 9, 1}}},
		"deletion":     {"abcdef", "zzabdefzz", 1, []candidate{{2, 7, 1}}},
		"two places":   {"abcd", "abcd--abXd", 1, []candidate{{0, 4, 0}, {6, 10, 1}}},
		"none":         {"abcdef", "uvwxyz", 1, nil},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			got := approxSearch([]rune(tt.pattern), []rune(tt.text), tt.k)
			if len(got) != len(tt.want) {
				t.Fatalf("approxSearch = %v, want %v", got, tt.want)
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Errorf("candidate %d = %v, want %v", i, got[i], tt.want[i])
				}
			}
		})
	}
}

// FuzzLocate checks that Locate never panics, returns offsets inside the
// passage, and never accepts a match with more edits than it allows.
func FuzzLocate(f *testing.F) {
	f.Add("the bullet ricocheted off a wall", "bullet ricochetted", "the ", " off", 0, 4)
	f.Add("aaaa aaaa aaaa", "aa", "", "", 3, 99)
	f.Add("é“Liang”é", "Liang", "é“", "”", -1, -1)
	f.Fuzz(func(t *testing.T, text, quote, prefix, suffix string, passage, start int) {
		passages := strings.Split(text, "\n")
		m, ok := Locate(passages, Target{Quote: quote, Prefix: prefix, Suffix: suffix, Passage: passage, Start: start})
		if !ok {
			return
		}
		if m.Passage < 0 || m.Passage >= len(passages) {
			t.Fatalf("passage %d out of range", m.Passage)
		}
		n := utf8.RuneCountInString(passages[m.Passage])
		if m.Start < 0 || m.Start > m.End || m.End > n {
			t.Fatalf("offsets [%d, %d) outside passage of %d runes", m.Start, m.End, n)
		}
		q := []rune(quote)
		got := []rune(passages[m.Passage])[m.Start:m.End]
		if d := editDistance(q, got); d > len(q)/4 || d != m.Errors {
			t.Fatalf("match %q for %q: distance %d, reported %d", string(got), quote, d, m.Errors)
		}
		// A quote that began (ended) at a word boundary is placed at one.
		r := []rune(passages[m.Passage])
		if data.WordBoundary([]rune(prefix+quote), len([]rune(prefix))) && !data.WordBoundary(r, m.Start) ||
			data.WordBoundary([]rune(quote+suffix), len(q)) && !data.WordBoundary(r, m.End) {
			t.Fatalf("match %q for %q cuts a word", string(got), quote)
		}
	})
}

// BenchmarkLocateOrphan measures the worst common case: a long quote that
// is no longer in a long article, so every passage is searched fuzzily.
func BenchmarkLocateOrphan(b *testing.B) {
	var passages []string
	for i := range 50 {
		passages = append(passages, strings.Repeat(article[i%len(article)]+" ", 10))
	}
	tg := Target{
		Quote:  strings.Repeat("A sentence that the article no longer holds anywhere at all. ", 3),
		Prefix: "some text before the quote here", Suffix: "and some text after the quote", Passage: 10, Start: 5,
	}
	for b.Loop() {
		if _, ok := Locate(passages, tg); ok {
			b.Fatal("found")
		}
	}
}

// reimport200 is a 200-passage article with 200 annotations, and the same
// article re-imported with a word changed in every tenth passage.
func reimport200() (old, changed []string, targets []Target) {
	// Passages of 40 to 80 words drawn from the article's vocabulary, so
	// that, as in a real article, most quotes occur once.
	vocab := strings.Fields(strings.Join(article, " "))
	r := rand.New(rand.NewPCG(1, 2))
	for range 200 {
		words := make([]string, 40+r.IntN(40))
		for j := range words {
			words[j] = vocab[r.IntN(len(vocab))]
		}
		old = append(old, strings.Join(words, " "))
	}
	changed = slices.Clone(old)
	for i := 0; i < len(changed); i += 10 {
		changed[i] = "Edited: " + strings.Replace(changed[i], " ", " and ", 3)
	}
	for i := range 200 {
		p := (i * 7) % len(old)
		n := utf8.RuneCountInString(old[p])
		start := (i * 13) % (n / 2)
		targets = append(targets, NewTarget(old, p, start, start+20+i%40))
	}
	return old, changed, targets
}

// TestPreparedLocate checks that a prepared article places every target
// where Locate does.
func TestPreparedLocate(t *testing.T) {
	old, changed, targets := reimport200()
	for _, passages := range [][]string{old, changed, article, nil} {
		p := Prepare(passages)
		for _, tg := range append(targets, Target{}, Target{Quote: "Liang", Passage: -3, Start: 1 << 20}) {
			m1, ok1 := Locate(passages, tg)
			m2, ok2 := p.Locate(tg)
			if m1 != m2 || ok1 != ok2 {
				t.Fatalf("%+v: Locate = %+v %v, prepared = %+v %v", tg, m1, ok1, m2, ok2)
			}
		}
	}
}

// BenchmarkReanchor200 places 200 annotations in a re-imported 200-passage
// article, preparing the article for each one (Locate) or once (Prepare).
func BenchmarkReanchor200(b *testing.B) {
	_, changed, targets := reimport200()
	b.Run("Locate", func(b *testing.B) {
		for b.Loop() {
			for _, tg := range targets {
				Locate(changed, tg)
			}
		}
	})
	b.Run("Prepared", func(b *testing.B) {
		for b.Loop() {
			p := Prepare(changed)
			for _, tg := range targets {
				p.Locate(tg)
			}
		}
	})
}

// editDistance is the unbounded distance, for the checks above whose fuzz
// arguments shadow package text.
func editDistance(a, b []rune) int { return text.EditDistance(a, b, -1) }
