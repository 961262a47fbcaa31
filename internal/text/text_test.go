package text

import (
	"reflect"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

func TestOneLine(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"", ""},
		{"a", "a"},
		{"  two\nlines \t here ", "two lines here"},
		{"non\u00a0breaking", "non breaking"},
		{"\n\n", ""},
	} {
		if got := OneLine(c.in); got != c.want {
			t.Errorf("OneLine(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestClip(t *testing.T) {
	for _, c := range []struct {
		in   string
		n    int
		want string
	}{
		{"short", 10, "short"},
		{"exactly10!", 10, "exactly10!"},
		{"eleven runes", 11, "eleven run…"},
		{"Akai Gurley", 6, "Akai…"}, // the space before the ellipsis goes
		{"Akai Gurley", 5, "Akai…"},
		{"Peter\nLiang  fired", 12, "Peter Liang…"},
		{"  padded  ", 10, "padded"},
		{"Brooklyn’s housing", 10, "Brooklyn’…"},
		{"日本語のテキスト", 4, "日本語…"},
		{"cafe\u0301 au lait", 5, "caf…"}, // é is e + U+0301: kept together
		{"cafe\u0301 au lait", 6, "cafe\u0301…"},
		{"abc", 1, "…"},
		{"abc", 0, ""},
		{"abc", -3, ""},
		{"", 5, ""},
	} {
		if got := Clip(c.in, c.n); got != c.want {
			t.Errorf("Clip(%q, %d) = %q, want %q", c.in, c.n, got, c.want)
		}
	}
}

func TestPluralAndNoun(t *testing.T) {
	for _, c := range []struct {
		n          int
		plural, nn string
	}{
		{0, "0 notes", "notes"},
		{1, "1 note", "note"},
		{2, "2 notes", "notes"},
		{-1, "-1 notes", "notes"},
		{1000, "1000 notes", "notes"},
	} {
		if got := Plural(c.n, "note", "notes"); got != c.plural {
			t.Errorf("Plural(%d) = %q, want %q", c.n, got, c.plural)
		}
		if got := Noun(c.n, "note", "notes"); got != c.nn {
			t.Errorf("Noun(%d) = %q, want %q", c.n, got, c.nn)
		}
	}
	if got := Plural(3, "entry", "entries"); got != "3 entries" {
		t.Errorf("irregular plural: %q", got)
	}
}

func TestSnippet(t *testing.T) {
	long := "The officer fired into the dark stairwell of the Pink Houses, where Akai Gurley was walking down with his girlfriend, and the bullet ricocheted off a wall."
	at := func(s, w string) [2]int {
		i := strings.Index(s, w)
		return [2]int{i, i + len(w)} // ASCII: bytes are runes
	}
	for _, c := range []struct {
		name        string
		text        string
		matches     [][2]int
		lead, width int
		want        string
		marked      []string
	}{
		{"no matches, no width", long, nil, 20, 0, long, nil},
		{"early match stays", long, [][2]int{at(long, "officer")}, 20, 0, long, []string{"officer"}},
		{"late match: start cut at a word", long, [][2]int{at(long, "Gurley")}, 20, 0,
			"… where Akai Gurley was walking down with his girlfriend, and the bullet ricocheted off a wall.", []string{"Gurley"}},
		{"fits the width", long, [][2]int{at(long, "wall")}, 10, len(long), long, []string{"wall"}},
		{"both ends cut at words", long, [][2]int{at(long, "Gurley")}, 20, 40,
			"… where Akai Gurley was walking down with …", []string{"Gurley"}},
		{"matches outside dropped, across trimmed", long, [][2]int{at(long, "Gurley"), at(long, "bullet"), at(long, "The")}, 20, 40,
			"… where Akai Gurley was walking down with …", []string{"Gurley"}},
		{"no word end after the match: hard cut", "xx " + strings.Repeat("y", 50), [][2]int{{3, 53}}, 1, 20,
			"… " + strings.Repeat("y", 20) + " …", []string{strings.Repeat("y", 20)}},
	} {
		got, ms := Snippet([]rune(c.text), c.matches, c.lead, c.width)
		if string(got) != c.want {
			t.Errorf("%s: snippet %q, want %q", c.name, string(got), c.want)
		}
		var marked []string
		for _, m := range ms {
			marked = append(marked, string(got[m[0]:m[1]]))
		}
		if !reflect.DeepEqual(marked, c.marked) {
			t.Errorf("%s: matches mark %q, want %q", c.name, marked, c.marked)
		}
	}
}

// FuzzClip checks what every clip promises: one line, at most n runes, a
// cut between runes (the result is a prefix of the one-line text), and an
// ellipsis exactly when something was cut.
func FuzzClip(f *testing.F) {
	for _, s := range []string{"", "Akai Gurley", "日本語のテキスト", "cafe\u0301 au lait", "a\n\tb  c", "\xff\xfe bad", "e\u0301\u0301\u0301"} {
		for _, n := range []int{-1, 0, 1, 2, 5, 40} {
			f.Add(s, n)
		}
	}
	f.Fuzz(func(t *testing.T, s string, n int) {
		if n > 1<<16 || n < -1<<16 {
			n %= 1 << 16
		}
		got := Clip(s, n)
		line := OneLine(s)
		if n < 1 {
			if got != "" {
				t.Fatalf("Clip(%q, %d) = %q, want empty", s, n, got)
			}
			return
		}
		if c := utf8.RuneCountInString(got); c > n {
			t.Fatalf("Clip(%q, %d) = %q: %d runes", s, n, got, c)
		}
		if strings.ContainsAny(got, "\n\r\t") || strings.Contains(got, "  ") {
			t.Fatalf("Clip(%q, %d) = %q: not on one line", s, n, got)
		}
		if got == line {
			if utf8.RuneCountInString(line) > n {
				t.Fatalf("Clip(%q, %d) did not cut", s, n)
			}
			return
		}
		kept, ok := strings.CutSuffix(got, ellipsis)
		if !ok {
			t.Fatalf("Clip(%q, %d) = %q: cut without an ellipsis", s, n, got)
		}
		if !strings.HasPrefix(line, kept) {
			t.Fatalf("Clip(%q, %d) = %q: not a prefix of %q", s, n, got, line)
		}
		rest := line[len(kept):]
		if rest == "" {
			t.Fatalf("Clip(%q, %d) = %q: ellipsis but nothing cut", s, n, got)
		}
		if utf8.ValidString(line) && !utf8.ValidString(kept) {
			t.Fatalf("Clip(%q, %d) = %q: cut inside a rune", s, n, got)
		}
		if strings.HasSuffix(kept, " ") {
			t.Fatalf("Clip(%q, %d) = %q: space before the ellipsis", s, n, got)
		}
		if r, _ := utf8.DecodeRuneInString(rest); unicode.Is(unicode.M, r) && kept != "" {
			t.Fatalf("Clip(%q, %d) = %q: cut before a combining mark", s, n, got)
		}
	})
}

// FuzzSnippet checks that a snippet's matches mark the same words in the
// cut text as in the whole text, and that the width holds.
func FuzzSnippet(f *testing.F) {
	f.Add("The officer fired into the dark stairwell of the Pink Houses", 30, 35, 10, 20)
	f.Add("short", 0, 5, 0, 0)
	f.Fuzz(func(t *testing.T, s string, ms, me, lead, width int) {
		text := []rune(s)
		if len(text) == 0 || lead < 0 || width < 0 || width > 1000 || lead > 1000 {
			return
		}
		ms, me = abs(ms)%len(text), abs(me)%(len(text)+1)
		if ms >= me {
			return
		}
		got, shifted := Snippet(text, [][2]int{{ms, me}}, lead, width)
		if width > 0 {
			body := strings.TrimSuffix(strings.TrimPrefix(string(got), ellipsis+" "), " "+ellipsis)
			if n := utf8.RuneCountInString(body); n > width && len(text) > width {
				t.Fatalf("snippet of %d runes, width %d", n, width)
			}
		}
		for _, m := range shifted {
			if m[0] < 0 || m[1] > len(got) || m[0] >= m[1] {
				t.Fatalf("match %v outside the snippet of %d runes", m, len(got))
			}
			w := string(got[m[0]:m[1]])
			if !strings.Contains(string(text[ms:me]), w) {
				t.Fatalf("shifted match %q is not part of %q", w, string(text[ms:me]))
			}
		}
		if width == 0 && len(shifted) != 1 {
			t.Fatalf("without a width the match must stay: %v", shifted)
		}
	})
}

func abs(n int) int {
	if n < 0 {
		if n == -n { // the smallest int
			return 0
		}
		return -n
	}
	return n
}
