package compare

import (
	"strings"
	"testing"
)

func paras(texts ...string) []Passage {
	out := make([]Passage, len(texts))
	for i, t := range texts {
		out[i] = Passage{N: i + 1, Text: t}
	}
	return out
}

// A fact's text is always the passage's own words.
func FuzzFacts(f *testing.F) {
	for _, p := range paras(
		"The branch opened on June 3, 1962, and lent 40,000 books last year.",
		"Councilwoman Maria Delgado said the closure would save $2 million a year.",
		"Several protesters face charges of aggravated criminal trespass.",
		"On Tuesday, Brooklyn judge Danny Chun ordered Liang to serve five years’ probation and complete 800 hours of community service.",
	) {
		f.Add(p.Text)
	}
	f.Add("On Nov. 20, 2014, $ 5-. May 3 1,000,000 five-years’ second degree manslaughter Judge A B")
	f.Fuzz(func(t *testing.T, s string) {
		toks := tokenize(s)
		for _, fa := range extractFacts(s, toks) {
			if fa.at < 0 || fa.at > len(s) || !strings.HasPrefix(s[fa.at:], fa.text) {
				t.Fatalf("fact %+v is not at its offset in %q", fa, s)
			}
		}
		Compare(paras(s), paras(s, "x"))
	})
}
