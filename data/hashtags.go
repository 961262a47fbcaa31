package data

import "unicode"

// HashTags returns the #tags written in a note's text, in order: a '#' at
// the start of a word, then a letter, then letters, digits, '-' and '_'
// ("#sentencing", "#APALA", "#race-and-policing"). A Markdown heading
// ("# Title"), a number ("#1") and a '#' inside a word or an address
// ("page#top") are not tags.
func HashTags(text string) []string {
	rs := []rune(text)
	var out []string
	for i := 0; i < len(rs); i++ {
		if rs[i] != '#' || (i > 0 && !unicode.IsSpace(rs[i-1]) && !unicode.IsPunct(rs[i-1])) || (i > 0 && rs[i-1] == '#') {
			continue
		}
		j := i + 1
		if j >= len(rs) || !unicode.IsLetter(rs[j]) {
			continue
		}
		for j < len(rs) && (unicode.IsLetter(rs[j]) || unicode.IsDigit(rs[j]) || rs[j] == '-' || rs[j] == '_') {
			j++
		}
		// A tag does not end with a hyphen: "#bail-" is "#bail".
		end := j
		for end > i+1 && (rs[end-1] == '-' || rs[end-1] == '_') {
			end--
		}
		out = append(out, string(rs[i+1:end]))
		i = j - 1
	}
	return out
}
