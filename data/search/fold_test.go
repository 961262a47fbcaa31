package search

import (
	"strings"
	"testing"
)

// render shows tokens as term@[start,end) with a + for joined forms.
func render(text string) string {
	var tz tokenizer
	var parts []string
	for _, t := range tz.tokens(text) {
		s := string(tz.term(t))
		if t.joined {
			s = "+" + s
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, " ")
}

func TestTokens(t *testing.T) {
	tests := map[string]struct {
		text string
		want string
	}{
		"case":               {"Peter LIANG", "peter liang"},
		"accents":            {"Café Zürich naïve", "cafe zurich naive"},
		"decomposed accents": {"Cafe\u0301", "cafe"},
		"ligature and width": {"ﬁnal ＡＢＣ", "final abc"},
		"special letters":    {"Straße Łódź Æsir", "strasse lodz aesir"},
		"possessive":         {"Liang's gun", "liang gun"},
		"curly possessive":   {"Liang’s apology", "liang apology"},
		"plural possessive":  {"Sanders' campaign", "sanders campaign"},
		"contraction":        {"don't Won't", "dont wont"},
		"inner apostrophe":   {"O’Brien", "obrien"},
		"quoted":             {"‘scapegoated’ “startled”", "scapegoated startled"},
		"hyphen":             {"second-degree", "+seconddegree second degree"},
		"three parts":        {"28-year-old", "+28yearold 28 year old"},
		"unicode hyphen":     {"fifth‐floor", "+fifthfloor fifth floor"},
		"dash is a break":    {"accident—a notion", "accident a notion"},
		"spaced hyphen":      {"a - b", "a b"},
		"soft hyphen":        {"man\u00ADslaughter", "manslaughter"},
		"numbers":            {"800 hours, $1,000 and 3.5", "800 hours 1000 and 35"},
		"time":               {"10:45 a.m.", "10 45 a m"},
		"hashtag":            {"#BlackLivesMatter", "blacklivesmatter"},
		"emoji":              {"liang🙂gurley", "liang gurley"},
		"han":                {"梁彼得 Liang", "梁 彼 得 liang"},
		"empty":              {"", ""},
		"punctuation only":   {"-- ' \" * ( )", ""},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			if got := render(tc.text); got != tc.want {
				t.Errorf("tokens(%q) = %q, want %q", tc.text, got, tc.want)
			}
		})
	}
}

func TestTokenSpans(t *testing.T) {
	tests := map[string]struct {
		text string
		want []string // the original text under each token
	}{
		"possessive keeps 's": {"Liang’s apology", []string{"Liang’s", "apology"}},
		"compound":            {"a second-degree charge", []string{"a", "second-degree", "second", "degree", "charge"}},
		"accent before":       {"Café Liang", []string{"Café", "Liang"}},
		"decomposed":          {"Cafe\u0301 x", []string{"Cafe\u0301", "x"}},
		"astral before":       {"🙂🙂 Gurley", []string{"Gurley"}},
		"expanding fold":      {"Straße Chun", []string{"Straße", "Chun"}},
		"closing quote":       {"“scapegoated” because", []string{"scapegoated", "because"}},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			var tz tokenizer
			rs := []rune(tc.text)
			var got []string
			for _, tok := range tz.tokens(tc.text) {
				got = append(got, string(rs[tok.start:tok.end]))
			}
			if strings.Join(got, "|") != strings.Join(tc.want, "|") {
				t.Errorf("spans of %q = %q, want %q", tc.text, got, tc.want)
			}
		})
	}
}

func TestTokenPositions(t *testing.T) {
	var tz tokenizer
	var got []int
	for _, tok := range tz.tokens("a second-degree charge") {
		got = append(got, tok.pos)
	}
	want := []int{0, 1, 1, 2, 3} // a, +seconddegree, second, degree, charge
	if len(got) != len(want) {
		t.Fatalf("positions = %v, want %v", got, want)
	}
	for i := range got {
		if got[i] != want[i] {
			t.Fatalf("positions = %v, want %v", got, want)
		}
	}
}

func TestFold(t *testing.T) {
	tests := map[string]struct{ in, want string }{
		"ascii":     {"Hello", "hello"},
		"accents":   {"ÉLÈVE", "eleve"},
		"eszett":    {"Straße", "strasse"},
		"unchanged": {"liang", "liang"},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			if got := Fold(tc.in); got != tc.want {
				t.Errorf("Fold(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}
