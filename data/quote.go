package data

import "unicode"

// contextLen is how many runes of text before and after a quote an
// annotation keeps (see QuoteContext).
const contextLen = 32

// QuoteContext returns the prefix and suffix to store with a new annotation
// on the runes [start, end) of text: up to contextLen runes on each side.
// Offsets outside the text are clamped.
func QuoteContext(text string, start, end int) (prefix, suffix string) {
	r := []rune(text)
	start = max(0, min(start, len(r)))
	end = max(start, min(end, len(r)))
	return string(r[max(0, start-contextLen):start]), string(r[end:min(len(r), end+contextLen)])
}

// isWordRune reports a rune that belongs to a word: a letter, a digit or a
// combining mark.
func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}

// WordBoundary reports whether offset i of text is not inside a word: at
// either end of the text, or between two runes that are not both part of a
// word. An apostrophe between letters ("Gurley's") is inside the word.
func WordBoundary(text []rune, i int) bool {
	if i <= 0 || i >= len(text) {
		return true
	}
	a, b := text[i-1], text[i]
	if isApostrophe(a) && i >= 2 && isWordRune(text[i-2]) && isWordRune(b) {
		return false
	}
	if isApostrophe(b) && i+1 < len(text) && isWordRune(a) && isWordRune(text[i+1]) {
		return false
	}
	return !(isWordRune(a) && isWordRune(b))
}

func isApostrophe(r rune) bool { return r == '\'' || r == '’' }
