package anchor

import "unicode"

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
