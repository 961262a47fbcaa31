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
			if got := ParseQuery(tc.in).String(); got != tc.want {
				t.Errorf("ParseQuery(%q) = %q, want %q", tc.in, got, tc.want)
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
	q := ParseQuery(b.String())
	if got, want := len(q.Words), MaxWords; got != want {
		t.Errorf("len(Words) = %d, want %d", got, want)
	}
}

// checkQuery verifies the invariants every parsed query keeps.
func checkQuery(t *testing.T, in string, q Query) {
	if len(q.Words) > MaxWords {
		t.Fatalf("%q: %d words", in, len(q.Words))
	}
	free := map[string]bool{}
	for i, w := range q.Words {
		if w.Term == "" || !utf8.ValidString(w.Term) {
			t.Fatalf("%q: bad term %q", in, w.Term)
		}
		if Fold(w.Term) != w.Term {
			t.Fatalf("%q: term %q is not folded", in, w.Term)
		}
		if utf8.RuneCountInString(w.Term) > maxTermRunes {
			t.Fatalf("%q: term %q too long", in, w.Term)
		}
		if w.Prefix && i != len(q.Words)-1 {
			t.Fatalf("%q: prefix on word %d of %d", in, i, len(q.Words))
		}
		if w.Phrase == 0 {
			if free[w.Term] {
				t.Fatalf("%q: repeated free word %q", in, w.Term)
			}
			free[w.Term] = true
		}
	}
	for _, j := range q.Joins {
		if len(j.Words) < 2 {
			t.Fatalf("%q: join %v", in, j)
		}
		for _, i := range j.Words {
			if i < 0 || i >= len(q.Words) {
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
		q := ParseQuery(s)
		checkQuery(t, s, q)
		// Parsing is deterministic.
		if a, b := q.String(), ParseQuery(s).String(); a != b {
			t.Fatalf("%q parsed as %q then %q", s, a, b)
		}
	})
}
