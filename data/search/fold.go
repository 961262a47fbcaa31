package search

import (
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// maxTermRunes bounds the length of an indexed or searched word. Longer runs
// of letters are not words a student would type (base64, URLs without
// punctuation), and the bound keeps the typo automaton's rows small.
const maxTermRunes = 48

// token is one word of a text, folded for search.
type token struct {
	term string
	// start and end are rune offsets [start, end) into the original text.
	start, end int
	// pos is the word's position, counting primary tokens from 0.
	pos int
	// joined marks the secondary token of a hyphenated compound
	// ("seconddegree" for "second-degree"). It shares the position of the
	// compound's first part and does not count towards the text's length.
	joined bool
}

// foldTable holds the folded form of every rune below foldTableSize, computed
// once: case, accents and compatibility forms (ligatures, full-width letters)
// removed. An empty entry means the rune folds away (a combining mark).
const foldTableSize = 0x3000

var foldTable [foldTableSize]string

func init() {
	for r := rune(0); r < foldTableSize; r++ {
		foldTable[r] = foldSlow(r)
	}
}

// special lists letters that Unicode decomposition leaves alone but a reader
// takes for plain Latin letters.
var special = map[rune]string{
	'ß': "ss", 'ẞ': "ss", 'æ': "ae", 'Æ': "ae", 'œ': "oe", 'Œ': "oe",
	'ø': "o", 'Ø': "o", 'ł': "l", 'Ł': "l", 'đ': "d", 'Đ': "d", 'ð': "d", 'Ð': "d",
	'þ': "th", 'Þ': "th", 'ı': "i", 'ĸ': "k", 'ŉ': "n",
}

func foldSlow(r rune) string {
	if r < utf8.RuneSelf {
		if 'A' <= r && r <= 'Z' {
			r += 'a' - 'A'
		}
		return string(r)
	}
	if s, ok := special[r]; ok {
		return s
	}
	var out []rune
	for _, d := range norm.NFKD.String(string(r)) {
		if unicode.Is(unicode.Mn, d) {
			continue
		}
		if s, ok := special[d]; ok {
			out = append(out, []rune(s)...)
			continue
		}
		out = append(out, unicode.ToLower(d))
	}
	return string(out)
}

// foldRune returns the search form of r.
func foldRune(r rune) string {
	if r >= 0 && r < foldTableSize {
		return foldTable[r]
	}
	return foldSlow(r)
}

// Fold returns s as the index sees it: lower case, without accents, with
// compatibility forms (ligatures, full-width letters) spelled out. It does not
// split words; Tokens does.
func Fold(s string) string {
	var b []byte
	for _, r := range s {
		b = append(b, foldRune(r)...)
	}
	return string(b)
}

// runeClass says how the tokenizer treats a rune.
type runeClass uint8

const (
	classSep        runeClass = iota // ends a word
	classWord                        // letter or digit
	classIdeograph                   // a word on its own (Han, kana)
	classMark                        // combining mark: part of the word before it
	classHyphen                      // joins two words into a compound
	classApostrophe                  // inside a word: dropped; a possessive 's is dropped too
	classSoft                        // invisible inside a word (soft hyphen, zero-width joiner)
)

func classify(r rune) runeClass {
	if r < utf8.RuneSelf {
		switch {
		case 'a' <= r && r <= 'z', 'A' <= r && r <= 'Z', '0' <= r && r <= '9':
			return classWord
		case r == '-':
			return classHyphen
		case r == '\'' || r == '`':
			return classApostrophe
		}
		return classSep
	}
	switch r {
	case '\u2010', '\u2011': // hyphen, non-breaking hyphen
		return classHyphen
	case '\u2019', '\u2018', '\u02BC', '\u2032', '\uFF07': // curly apostrophes, modifier letter apostrophe, prime
		return classApostrophe
	case '\u00AD', '\u200D', '\u200C', '\u2060': // soft hyphen, zero-width (non-)joiner, word joiner
		return classSoft
	}
	switch {
	case unicode.Is(unicode.Han, r), unicode.Is(unicode.Hiragana, r), unicode.Is(unicode.Katakana, r):
		return classIdeograph
	case unicode.IsLetter(r), unicode.IsNumber(r):
		return classWord
	case unicode.IsMark(r):
		return classMark
	}
	return classSep
}

// tokenizer splits a text into folded words. It is reused to avoid
// allocations; the zero value is ready to use.
type tokenizer struct {
	runes []rune
	cls   []runeClass
	buf   []byte
	parts []token
	out   []token
}

// Tokens splits text into folded words, in reading order. The result is only
// valid until the next call.
func (tz *tokenizer) tokens(text string) []token {
	tz.runes = tz.runes[:0]
	tz.cls = tz.cls[:0]
	for _, r := range text {
		tz.runes = append(tz.runes, r)
		tz.cls = append(tz.cls, classify(r))
	}
	tz.out = tz.out[:0]
	tz.parts = tz.parts[:0]
	rs, cls := tz.runes, tz.cls
	pos := 0
	n := len(rs)
	wordAt := func(i int) bool { return i < n && i >= 0 && cls[i] == classWord }
	i := 0
	for i < n {
		c := cls[i]
		if c == classIdeograph {
			tz.flush(&pos)
			if f := foldRune(rs[i]); f != "" {
				tz.out = append(tz.out, token{term: f, start: i, end: i + 1, pos: pos})
				pos++
			}
			i++
			continue
		}
		if c != classWord {
			tz.flush(&pos)
			i++
			continue
		}
		// A word: letters and digits, with marks, soft characters,
		// apostrophes inside it and digit group separators.
		start := i
		tz.buf = tz.buf[:0]
		end := i
	word:
		for i < n {
			switch cls[i] {
			case classWord, classMark:
				tz.buf = append(tz.buf, foldRune(rs[i])...)
				i++
				end = i
			case classSoft:
				i++
				end = i
			case classApostrophe:
				if !wordAt(i + 1) {
					break word
				}
				// A possessive 's ends the word; the span keeps it so the
				// highlight covers "Liang's" while the term is "liang".
				if (rs[i+1] == 's' || rs[i+1] == 'S') && !wordAt(i+2) {
					i += 2
					end = i
					break word
				}
				i++ // "don't" -> "dont", "O'Brien" -> "obrien"
			case classSep:
				// "1,000" and "3.5" stay one number.
				if (rs[i] == ',' || rs[i] == '.') && i > 0 && isDigit(rs[i-1]) && i+1 < n && isDigit(rs[i+1]) {
					i++
					continue
				}
				break word
			default:
				break word
			}
		}
		if len(tz.buf) > 0 {
			tz.parts = append(tz.parts, token{term: string(tz.buf), start: start, end: end})
		}
		// A hyphen between two words continues the compound.
		if i < n && cls[i] == classHyphen && wordAt(i+1) && len(tz.buf) > 0 {
			i++
			continue
		}
		tz.flush(&pos)
	}
	tz.flush(&pos)
	return tz.out
}

func isDigit(r rune) bool { return '0' <= r && r <= '9' }

// flush emits the words of the compound being read: the joined form first
// (when there are several parts), then each part.
func (tz *tokenizer) flush(pos *int) {
	parts := tz.parts
	if len(parts) == 0 {
		return
	}
	if len(parts) > 1 {
		tz.buf = tz.buf[:0]
		for _, p := range parts {
			tz.buf = append(tz.buf, p.term...)
		}
		if utf8.RuneCount(tz.buf) <= maxTermRunes {
			tz.out = append(tz.out, token{term: string(tz.buf), start: parts[0].start, end: parts[len(parts)-1].end, pos: *pos, joined: true})
		}
	}
	for _, p := range parts {
		if utf8.RuneCountInString(p.term) > maxTermRunes {
			continue
		}
		p.pos = *pos
		*pos++
		tz.out = append(tz.out, p)
	}
	tz.parts = tz.parts[:0]
}
