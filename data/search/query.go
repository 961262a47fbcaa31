package search

import (
	"strings"
	"unicode/utf8"
)

// MaxWords is the most query words a search uses. Words after it are ignored:
// a pasted page of text still searches, by its first words.
const MaxWords = 16

// maxQueryBytes bounds how much of a query is read at all.
const maxQueryBytes = 16 << 10

// Query is a parsed search query. The zero Query matches nothing.
type Query struct {
	// Words are the query's words, folded, in the order typed, without
	// repeats of the same free word.
	Words []Word
	// Joins are runs of words that were written as one hyphenated compound
	// ("second-degree"); the run also matches the joined form
	// ("seconddegree") as a single word of a text.
	Joins []Join
}

// Word is one word of a query.
type Word struct {
	// Term is the word as the index stores it: folded, without apostrophes
	// or a possessive 's.
	Term string
	// Prefix is set on the last word when the query ends inside it, as
	// while typing: it also matches longer words that start with it.
	Prefix bool
	// Phrase is 0 for a free word, or the 1-based number of the quoted
	// phrase the word belongs to. Phrase words match exactly (no typos) and
	// must be adjacent, in order.
	Phrase int
}

// Join is an alternative spelling of several query words as one word.
type Join struct {
	// Words holds the indexes in Query.Words of the words joined.
	Words []int
	// Term is the joined, folded word.
	Term string
}

// isQuote reports whether r opens or closes a quoted phrase.
func isQuote(r rune) bool {
	switch r {
	case '"', '\u201C', '\u201D', '\u201E', '\u201F', '\u00AB', '\u00BB', '\uFF02':
		return true
	}
	return false
}

// ParseQuery reads what a user typed into a search box. It never fails:
// operators of other search syntaxes (AND, NEAR(, *, a leading -, #) are read
// as plain words or as punctuation, double quotes (straight or curly) delimit
// exact phrases, an unclosed quote runs to the end, and only the first
// MaxWords words are kept.
func ParseQuery(q string) Query {
	if len(q) > maxQueryBytes {
		i := maxQueryBytes
		for i > 0 && !utf8.RuneStart(q[i]) {
			i--
		}
		q = q[:i]
	}
	var (
		out    Query
		tz     tokenizer
		seen   = map[string]int{}
		phrase int
	)
	// Split into segments: outside quotes, inside quotes, ...
	type segment struct {
		text   string
		quoted bool
		last   bool
	}
	var segs []segment
	inQuote := false
	start := 0
	for i, r := range q {
		if isQuote(r) {
			segs = append(segs, segment{text: q[start:i], quoted: inQuote})
			inQuote = !inQuote
			start = i + utf8.RuneLen(r)
		}
	}
	segs = append(segs, segment{text: q[start:], quoted: inQuote, last: true})

	for _, sg := range segs {
		if len(out.Words) >= MaxWords {
			break
		}
		toks := tz.tokens(sg.text)
		if len(toks) == 0 {
			continue
		}
		// The final word is being typed when nothing follows it.
		typing := sg.last && toks[len(toks)-1].end == utf8.RuneCountInString(sg.text) &&
			!strings.HasSuffix(sg.text, "'") && !strings.HasSuffix(sg.text, "\u2019")
		if sg.quoted {
			phrase++
		}
		idx := map[int]int{} // token position -> word index
		for ti, t := range toks {
			if t.joined {
				continue
			}
			if len(out.Words) >= MaxWords {
				break
			}
			isLast := ti == len(toks)-1
			term := string(tz.term(t))
			if !sg.quoted {
				if j, ok := seen[term]; ok {
					idx[t.pos] = j
					continue
				}
				seen[term] = len(out.Words)
			}
			w := Word{Term: term, Prefix: isLast && typing}
			if sg.quoted {
				w.Phrase = phrase
			}
			idx[t.pos] = len(out.Words)
			out.Words = append(out.Words, w)
		}
		if sg.quoted {
			continue
		}
		// Joined forms of hyphenated compounds.
		for ti, t := range toks {
			if !t.joined {
				continue
			}
			var ws []int
			for _, p := range toks[ti+1:] {
				if p.joined || p.start >= t.end {
					break
				}
				j, ok := idx[p.pos]
				if !ok {
					ws = nil
					break
				}
				ws = append(ws, j)
			}
			if len(ws) > 1 {
				out.Joins = append(out.Joins, Join{Words: ws, Term: string(tz.term(t))})
			}
		}
	}
	return out
}

// String renders the query in a canonical form, for logs and tests:
// phrase words in quotes, a prefix word with a trailing '*', joins after '|'.
func (q Query) String() string {
	var b strings.Builder
	for i, w := range q.Words {
		if i > 0 {
			b.WriteByte(' ')
		}
		if w.Phrase != 0 {
			b.WriteByte('"')
		}
		b.WriteString(w.Term)
		if w.Prefix {
			b.WriteByte('*')
		}
		if w.Phrase != 0 {
			b.WriteByte('"')
		}
	}
	for _, j := range q.Joins {
		b.WriteString(" |")
		b.WriteString(j.Term)
	}
	return b.String()
}
