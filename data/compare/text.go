package compare

import (
	"strings"
	"unicode"

	"github.com/casebookapp/casebook/data/casefacts"
	"github.com/casebookapp/casebook/data/search"
)

// token is one word, number or punctuation mark of a passage.
type token struct {
	text  string // as written, possessive kept
	low   string // folded, possessive and apostrophes dropped
	start int    // byte offsets into the passage text
	end   int
	punct bool
	cap   bool // starts with an upper-case letter
	num   bool // all digits (after dropping "," thousands separators)
	// sentStart is set on the first word of a sentence, where a capital
	// letter says nothing about a name.
	sentStart bool
}

// tokenize splits text into words (letters and digits, joined by inner
// hyphens, apostrophes and dots inside abbreviations such as "a.m") and
// punctuation marks.
func tokenize(text string) []token {
	var toks []token
	// The runes and their byte offsets (an invalid byte is one rune).
	var rs []rune
	var offs []int
	for i, r := range text {
		rs = append(rs, r)
		offs = append(offs, i)
	}
	offs = append(offs, len(text))
	isWord := func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
	joiner := func(r rune) bool {
		return r == '-' || r == '\'' || r == '’' || r == '‐' || r == '‑'
	}
	sent := true
	for i := 0; i < len(rs); {
		r := rs[i]
		switch {
		case isWord(r):
			j := i + 1
			for j < len(rs) {
				if isWord(rs[j]) {
					j++
				} else if j+1 < len(rs) && joiner(rs[j]) && isWord(rs[j+1]) {
					j += 2
				} else if rs[j] == ',' && j+3 < len(rs) && unicode.IsDigit(rs[j-1]) && unicode.IsDigit(rs[j+1]) && unicode.IsDigit(rs[j+2]) && unicode.IsDigit(rs[j+3]) && (j+4 == len(rs) || !isWord(rs[j+4])) {
					j += 4 // 1,000
				} else {
					break
				}
			}
			w := string(rs[i:j])
			t := token{text: w, start: offs[i], end: offs[j], sentStart: sent}
			t.cap = unicode.IsUpper(rs[i])
			t.low = normWord(w)
			t.num = t.low != "" && strings.IndexFunc(t.low, func(r rune) bool { return r < '0' || r > '9' }) < 0
			toks = append(toks, t)
			sent = false
			i = j
		case unicode.IsSpace(r):
			i++
		default:
			t := token{text: string(r), low: string(r), start: offs[i], end: offs[i+1], punct: true}
			toks = append(toks, t)
			if r == '.' || r == '!' || r == '?' {
				// A dot after an abbreviation ("Feb.", "Mr.") or an
				// initial ("J.") does not end the sentence: the same rule
				// as the timeline's and the reader's sentences.
				if r != '.' || !casefacts.EndsAbbreviation(text[:offs[i]]) {
					sent = true
				}
			}
			if r == '“' || r == '"' || r == ':' {
				sent = true
			}
			i++
		}
	}
	return toks
}

// normWord folds a word and drops apostrophes, a possessive 's, and the
// thousands separators of a number.
func normWord(w string) string {
	s := search.Fold(w)
	s = punctFolder.Replace(s)
	if strings.HasSuffix(s, "'s") {
		s = s[:len(s)-2]
	} else if strings.HasSuffix(s, "s'") {
		s = s[:len(s)-1]
	}
	s = strings.ReplaceAll(s, "'", "")
	if len(s) > 0 && s[0] >= '0' && s[0] <= '9' {
		s = strings.ReplaceAll(s, ",", "")
	}
	return s
}

// punctFolder writes typographic apostrophes and hyphens plainly.
var punctFolder = strings.NewReplacer("’", "'", "‐", "-", "‑", "-")

// stopwords are function words and the words of reporting ("said", "told")
// that say nothing about what a passage reports.
var stopwords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`a about above after again against all also am an and any are as at be
		because been before being below between both but by can could did do does doing down during each few
		for from further get got had has have having he her here hers herself him himself his how i if in into
		is it its itself just many me more most much my myself nor not of off on once only or other our ours
		ourselves out over own same she should so some such than that the their theirs them themselves then
		there these they this those through to too under until up very was we were what when where which
		while who whom why will with would you your yours yourself yourselves said says say told tells according
		statement one like even let also its may might must us who's it's de la le`) {
		m[w] = true
	}
	return m
}()

// stem strips the common English inflections so that "convicted" and
// "conviction", "ricocheted" and "ricochet", "hours" and "hour" meet. It is
// deliberately crude: both articles go through the same function, so it
// only has to be consistent.
func stem(w string) string {
	if len(w) <= 3 {
		return w
	}
	for _, suf := range []string{"ations", "ation", "ions", "ion", "ings", "ing", "edly", "ied", "ies", "ed", "es", "s"} {
		if strings.HasSuffix(w, suf) && len(w)-len(suf) >= 4 {
			if suf == "s" && strings.HasSuffix(w, "ss") {
				continue
			}
			w = w[:len(w)-len(suf)]
			if suf == "ied" || suf == "ies" {
				w += "y"
			}
			break
		}
	}
	if len(w) >= 5 && strings.HasSuffix(w, "e") {
		w = w[:len(w)-1]
	}
	return w
}

// singular turns a unit word into its singular: "hours" -> "hour".
func singular(w string) string {
	switch {
	case strings.HasSuffix(w, "ies") && len(w) > 4:
		return w[:len(w)-3] + "y"
	case strings.HasSuffix(w, "ss"):
		return w
	case strings.HasSuffix(w, "s") && len(w) > 3:
		return w[:len(w)-1]
	}
	return w
}

var numberWords = map[string]int{
	"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
	"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
	"seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
	"sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "thousand": 1000,
	"dozen": 12,
}
