package search

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestParseQuery(t *testing.T) {
	tests := map[string]struct {
		in   string
		want string
	}{
		"words":              {"Peter Liang ", "peter liang"},
		"typing last word":   {"peter lia", "peter lia*"},
		"phrase":             {`"second degree" manslaughter `, `"second" "degree" manslaughter`},
		"curly phrase":       {"“five years” probation", `"five" "years" probation*`},
		"unclosed phrase":    {`liang "second deg`, `liang "second" "deg*"`},
		"hyphen joins":       {"second-degree ", "second degree |seconddegree"},
		"hyphen typing":      {"fifth-fl", "fifth fl* |fifthfl"},
		"possessive":         {"Liang’s apology ", "liang apology"},
		"operators":          {"liang AND gurley NEAR(chun) -probation *", "liang and gurley near chun probation"},
		"hashtag":            {"#BlackLivesMatter", "blacklivesmatter*"},
		"repeats dropped":    {"the cop the ", "the cop"},
		"emoji only":         {"🙂🙂", ""},
		"empty":              {"", ""},
		"quotes only":        {`""""`, ""},
		"trailing quote":     {"liang'", "liang"},
		"accents":            {"Café ", "cafe"},
		"repeats not capped": {strings.Repeat("w ", 40) + "xxx", "w xxx*"},
		"many words capped":  {"a b c d e f g h i j k l m n o p q r s t", "a b c d e f g h i j k l m n o p"},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			if got := parseQuery(tc.in).String(); got != tc.want {
				t.Errorf("parseQuery(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

func TestParseQueryLong(t *testing.T) {
	var b strings.Builder
	for i := 0; b.Len() < 10<<10; i++ {
		b.WriteString("word")
		b.WriteByte(byte('a' + i%26))
		b.WriteString(" é🙂 ")
	}
	q := parseQuery(b.String())
	if got, want := len(q.words), maxWords; got != want {
		t.Errorf("len(Words) = %d, want %d", got, want)
	}
}

// checkQuery verifies the invariants every parsed query keeps.
func checkQuery(t *testing.T, in string, q parsedQuery) {
	if len(q.words) > maxWords {
		t.Fatalf("%q: %d words", in, len(q.words))
	}
	free := map[string]bool{}
	for i, w := range q.words {
		if w.term == "" || !utf8.ValidString(w.term) {
			t.Fatalf("%q: bad term %q", in, w.term)
		}
		if Fold(w.term) != w.term {
			t.Fatalf("%q: term %q is not folded", in, w.term)
		}
		if utf8.RuneCountInString(w.term) > maxTermRunes {
			t.Fatalf("%q: term %q too long", in, w.term)
		}
		if w.prefix && i != len(q.words)-1 {
			t.Fatalf("%q: prefix on word %d of %d", in, i, len(q.words))
		}
		if w.phrase == 0 {
			if free[w.term] {
				t.Fatalf("%q: repeated free word %q", in, w.term)
			}
			free[w.term] = true
		}
	}
	for _, j := range q.joins {
		if len(j.words) < 2 {
			t.Fatalf("%q: join %v", in, j)
		}
		for _, i := range j.words {
			if i < 0 || i >= len(q.words) {
				t.Fatalf("%q: join %v out of range", in, j)
			}
		}
	}
}

func FuzzParseQuery(f *testing.F) {
	for _, s := range []string{"", `"`, `"a b`, "second-degree", "AND NEAR( -x * #y", "Liang’s", "🙂", "a\u0301", "x-", "-", "1,000.5", strings.Repeat("é", 300)} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		q := parseQuery(s)
		checkQuery(t, s, q)
		// Parsing is deterministic.
		if a, b := q.String(), parseQuery(s).String(); a != b {
			t.Fatalf("%q parsed as %q then %q", s, a, b)
		}
	})
}
