// Package text holds the small helpers that put text on one line, shorten
// it, count with the right noun and cut a snippet around a match. The UI,
// the CLI and the exports all show text this way, so they share one copy.
// It also measures how far apart two texts are (EditDistance), for the
// re-anchoring of quotes and the spelling checks of names.
package text

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// ellipsis marks where Clip and Snippet cut text.
const ellipsis = "…"

// OneLine joins the lines of s and collapses every run of white space to
// one space, for text that must stay on one line (a label, a heading, a list
// item, an error message).
func OneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// Clip puts s on one line (as OneLine does) and shortens it to at most n
// runes, ellipsis included. A cut falls between runes, never inside one,
// and never between a letter and the accent that follows it; the space
// before the ellipsis is dropped. Text that fits is returned whole, and
// n < 1 gives "".
func Clip(s string, n int) string {
	s = OneLine(s)
	if n < 1 {
		return ""
	}
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	// cut is the byte offset after n-1 runes: room for the ellipsis.
	cut := 0
	for range n - 1 {
		_, size := utf8.DecodeRuneInString(s[cut:])
		cut += size
	}
	// Keep a letter and its combining marks together.
	for cut > 0 {
		r, _ := utf8.DecodeRuneInString(s[cut:])
		if !unicode.Is(unicode.M, r) {
			break
		}
		_, size := utf8.DecodeLastRuneInString(s[:cut])
		cut -= size
	}
	return strings.TrimRight(s[:cut], " ") + ellipsis
}

// Plural writes a count with its noun: "1 note", "3 notes", "0 notes".
func Plural(n int, one, many string) string {
	return strconv.Itoa(n) + " " + Noun(n, one, many)
}

// Noun is one when n is 1 and many otherwise, for a count written apart
// from its noun ("50+ results").
func Noun(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// Snippet cuts text so that its first match shows, and shifts the matches
// (rune offsets [start, end)) to the cut text.
//
// When width > 0 and text fits in width runes it is returned as it is.
// Otherwise, when the first match starts more than lead runes in, the
// snippet starts at the beginning of the word about lead/2 runes before it,
// after "… ". When width > 0 it then keeps at most width runes of the text,
// ending at the end of a word if one ends after the first match, before
// " …". Matches outside the snippet are dropped, those across a cut are
// trimmed to it. The text is not put on one line: the offsets stay valid.
func Snippet(text []rune, matches [][2]int, lead, width int) ([]rune, [][2]int) {
	if width > 0 && len(text) <= width {
		return text, matches
	}
	start, end := 0, len(text)
	if len(matches) > 0 && matches[0][0] > lead && matches[0][0] <= len(text) {
		start = max(0, matches[0][0]-lead/2)
		for start > 0 && !unicode.IsSpace(text[start-1]) {
			start--
		}
	}
	if width > 0 && end-start > width {
		end = start + width
		keep := start
		if len(matches) > 0 {
			keep = min(max(matches[0][1], start), end)
		}
		// End after the last whole word, if that keeps the first match.
		for e := end; e > keep; e-- {
			if unicode.IsSpace(text[e]) {
				end = e
				break
			}
		}
		for end > start && unicode.IsSpace(text[end-1]) {
			end--
		}
	}
	var out []rune
	if start > 0 {
		out = append(out, []rune(ellipsis+" ")...)
	}
	shift := start - len(out)
	out = append(out, text[start:end]...)
	if end < len(text) {
		out = append(out, []rune(" "+ellipsis)...)
	}
	var ms [][2]int
	for _, m := range matches {
		s, e := max(m[0], start), min(m[1], end)
		if s >= e {
			continue
		}
		ms = append(ms, [2]int{s - shift, e - shift})
	}
	return out, ms
}
