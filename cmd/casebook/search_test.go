package main

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// TestSnippet checks the CLI's search snippet: one line, the match marked
// and in view, cut at words with an ellipsis at each cut, and a short
// passage shown whole.
func TestSnippet(t *testing.T) {
	long := strings.Repeat("Officers patrolled the stairwells of the Pink Houses that autumn.\n", 6) +
		"Liang fired once into the dark. " + strings.Repeat("The bullet ricocheted off a wall and struck Gurley. ", 6)
	i := utf8.RuneCountInString(long[:strings.Index(long, "fired")])
	got := snippet(long, [][2]int{{i, i + 5}}, 100)
	if !strings.HasPrefix(got, "… ") || !strings.HasSuffix(got, " …") {
		t.Errorf("a long passage is not cut at both ends: %q", got)
	}
	if !strings.Contains(got, "Liang **fired** once") {
		t.Errorf("the match is not marked in view: %q", got)
	}
	if strings.Contains(got, "\n") {
		t.Errorf("the snippet is not on one line: %q", got)
	}
	body := strings.TrimSuffix(strings.TrimPrefix(got, "… "), " …")
	if n := utf8.RuneCountInString(strings.ReplaceAll(body, "**", "")); n > 100 {
		t.Errorf("the snippet keeps %d runes, more than 100: %q", n, got)
	}
	words := map[string]bool{}
	for _, w := range strings.Fields(long) {
		words[w] = true
	}
	for _, w := range strings.Fields(body) {
		if !words[strings.ReplaceAll(w, "**", "")] {
			t.Errorf("the snippet cuts inside a word (%q): %q", w, got)
		}
	}
	short := "Liang apologised to Hertencia Petersen."
	if got := snippet(short, [][2]int{{6, 16}}, 100); got != "Liang **apologised** to Hertencia Petersen." {
		t.Errorf("a short passage: %q", got)
	}
}
