package search

import (
	"strings"
	"unicode/utf8"
)

// maxWords is the most query words a search uses. Words after it are ignored:
// a pasted page of text still searches, by its first words.
const maxWords = 16

// maxQueryBytes bounds how much of a query is read at all.
const maxQueryBytes = 16 << 10

// parsedQuery is a parsed search query. The zero parsedQuery matches nothing.
type parsedQuery struct {
	// words are the query's words, folded, in the order typed, without
	// repeats of the same free word.
	words []queryWord
	// joins are runs of words that were written as one hyphenated compound
	// ("second-degree"); the run also matches the joined form
	// ("seconddegree") as a single word of a text.
	joins []queryJoin
}

// queryWord is one word of a query.
type queryWord struct {
	// term is the word as the index stores it: folded, without apostrophes
	// or a possessive 's.
	term string
	// prefix is set on the last word when the query ends inside it, as
	// while typing: it also matches longer words that start with it.
	prefix bool
	// phrase is 0 for a free word, or the 1-based number of the quoted
	// phrase the word belongs to. Phrase words match exactly (no typos) and
	// must be adjacent, in order.
	phrase int
}

// queryJoin is an alternative spelling of several query words as one word.
type queryJoin struct {
	// words holds the indexes in parsedQuery.words of the words joined.
	words []int
	// term is the joined, folded word.
	term string
}

// isQuote reports whether r opens or closes a quoted phrase.
func isQuote(r rune) bool {
	switch r {
	case '"', '\u201C', '\u201D', '\u201E', '\u201F', '\u00AB', '\u00BB', '\uFF02':
		return true
	}
	return false
}

// parseQuery reads what a user typed into a search box. It never fails:
// operators of other search syntaxes (AND, NEAR(, *, a leading -, #) are read
// as plain words or as punctuation, double quotes (straight or curly) delimit
// exact phrases, an unclosed quote runs to the end, and only the first
// maxWords words are kept.
func parseQuery(q string) parsedQuery {
	if len(q) > maxQueryBytes {
		i := maxQueryBytes
		for i > 0 && !utf8.RuneStart(q[i]) {
			i--
		}
		q = q[:i]
	}
	var (
		out    parsedQuery
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
		if len(out.words) >= maxWords {
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
			if len(out.words) >= maxWords {
				break
			}
			isLast := ti == len(toks)-1
			term := string(tz.term(t))
			if !sg.quoted {
				if j, ok := seen[term]; ok {
					idx[t.pos] = j
					continue
				}
				seen[term] = len(out.words)
			}
			w := queryWord{term: term, prefix: isLast && typing}
			if sg.quoted {
				w.phrase = phrase
			}
			idx[t.pos] = len(out.words)
			out.words = append(out.words, w)
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
				out.joins = append(out.joins, queryJoin{words: ws, term: string(tz.term(t))})
			}
		}
	}
	return out
}

// String renders the query in a canonical form, for logs and tests:
// phrase words in quotes, a prefix word with a trailing '*', joins after '|'.
func (q parsedQuery) String() string {
	var b strings.Builder
	for i, w := range q.words {
		if i > 0 {
			b.WriteByte(' ')
		}
		if w.phrase != 0 {
			b.WriteByte('"')
		}
		b.WriteString(w.term)
		if w.prefix {
			b.WriteByte('*')
		}
		if w.phrase != 0 {
			b.WriteByte('"')
		}
	}
	for _, j := range q.joins {
		b.WriteString(" |")
		b.WriteString(j.term)
	}
	return b.String()
}
