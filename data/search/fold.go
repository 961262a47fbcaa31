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
	// off and n locate the folded term in the tokenizer's arena.
	off, n int32
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

// Fold returns s folded as the index folds words: lower case, without
// accents, with compatibility forms (ligatures, full-width letters) spelled
// out. It neither splits words nor drops apostrophes and possessives; the
// index's tokenizer does that too.
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

var asciiClass [utf8.RuneSelf]runeClass

func init() {
	for r := rune(0); r < utf8.RuneSelf; r++ {
		asciiClass[r] = classifySlow(r)
	}
}

func classify(r rune) runeClass {
	if r < utf8.RuneSelf {
		return asciiClass[r]
	}
	return classifySlow(r)
}

func classifySlow(r rune) runeClass {
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
	arena []byte // folded terms
	parts []token
	out   []token
	pos   int
}

// term returns the folded term of t, valid until the next call to tokens.
func (tz *tokenizer) term(t token) []byte { return tz.arena[t.off : t.off+t.n] }

// decodeAt returns the rune at byte offset i of s, its size, and its class;
// past the end it returns classSep and size 0.
func decodeAt(s string, i int) (rune, int, runeClass) {
	if i >= len(s) {
		return 0, 0, classSep
	}
	if b := s[i]; b < utf8.RuneSelf {
		return rune(b), 1, asciiClass[b]
	}
	r, size := utf8.DecodeRuneInString(s[i:])
	return r, size, classify(r)
}

func (tz *tokenizer) appendFold(r rune) {
	if r < utf8.RuneSelf {
		if 'A' <= r && r <= 'Z' {
			r += 'a' - 'A'
		}
		tz.arena = append(tz.arena, byte(r))
		return
	}
	tz.arena = append(tz.arena, foldRune(r)...)
}

// tokens splits text into folded words, in reading order. The result is only
// valid until the next call.
func (tz *tokenizer) tokens(text string) []token {
	tz.arena = tz.arena[:0]
	tz.out = tz.out[:0]
	tz.parts = tz.parts[:0]
	tz.pos = 0
	i, ri := 0, 0 // byte and rune offsets
	for i < len(text) {
		r, size, c := decodeAt(text, i)
		if c == classIdeograph {
			tz.flush()
			off := len(tz.arena)
			tz.appendFold(r)
			if n := len(tz.arena) - off; n > 0 {
				tz.out = append(tz.out, token{off: int32(off), n: int32(n), start: ri, end: ri + 1, pos: tz.pos})
				tz.pos++
			}
			i += size
			ri++
			continue
		}
		if c != classWord {
			tz.flush()
			i += size
			ri++
			continue
		}
		// A word: letters and digits, with marks, soft characters,
		// apostrophes inside it and digit group separators.
		start, end := ri, ri
		off := len(tz.arena)
		var prev rune
	word:
		for i < len(text) {
			r, size, c := decodeAt(text, i)
			switch c {
			case classWord, classMark:
				tz.appendFold(r)
				prev = r
				i += size
				ri++
				end = ri
			case classSoft:
				i += size
				ri++
				end = ri
			case classApostrophe:
				r1, s1, c1 := decodeAt(text, i+size)
				if c1 != classWord {
					break word
				}
				// A possessive 's ends the word; the span keeps it so the
				// highlight covers "Liang's" while the term is "liang".
				if r1 == 's' || r1 == 'S' {
					if _, _, c2 := decodeAt(text, i+size+s1); c2 != classWord {
						i += size + s1
						ri += 2
						end = ri
						break word
					}
				}
				i += size // "don't" -> "dont", "O'Brien" -> "obrien"
				ri++
			case classSep:
				// "1,000" and "3.5" stay one number.
				if (r == ',' || r == '.') && isDigit(prev) {
					if r1, _, _ := decodeAt(text, i+size); isDigit(r1) {
						i += size
						ri++
						continue
					}
				}
				break word
			default:
				break word
			}
		}
		if n := len(tz.arena) - off; n > 0 {
			tz.parts = append(tz.parts, token{off: int32(off), n: int32(n), start: start, end: end})
		}
		// A hyphen between two words continues the compound.
		if _, hs, hc := decodeAt(text, i); hc == classHyphen && len(tz.parts) > 0 {
			if _, _, c1 := decodeAt(text, i+hs); c1 == classWord {
				i += hs
				ri++
				continue
			}
		}
		tz.flush()
	}
	tz.flush()
	return tz.out
}

func isDigit(r rune) bool { return '0' <= r && r <= '9' }

// flush emits the words of the compound being read: the joined form first
// (when there are several parts), then each part. The parts' terms are
// adjacent in the arena, so the joined term is their common range.
func (tz *tokenizer) flush() {
	parts := tz.parts
	if len(parts) == 0 {
		return
	}
	if len(parts) > 1 {
		first, last := parts[0], parts[len(parts)-1]
		j := token{off: first.off, n: last.off + last.n - first.off, start: first.start, end: last.end, pos: tz.pos, joined: true}
		if utf8.RuneCount(tz.term(j)) <= maxTermRunes {
			tz.out = append(tz.out, j)
		}
	}
	for _, p := range parts {
		if utf8.RuneCount(tz.term(p)) > maxTermRunes {
			continue
		}
		p.pos = tz.pos
		tz.pos++
		tz.out = append(tz.out, p)
	}
	tz.parts = tz.parts[:0]
}
