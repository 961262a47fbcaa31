// Package anchor re-attaches annotations to an article whose text has
// changed, the way Hypothesis re-anchors a text-quote selector. It works on
// plain strings, with package data's word rules and internal/text's edit
// distance; the store calls it when an article is imported again and when
// it places a classmate's annotations.
//
// An annotation remembers its quote, a little text before and after it
// (its context) and where it was (passage index and rune offset). Prepare
// readies the article's new passages once, and Locate looks for each quote
// in them:
//
//  1. Every exact occurrence of the quote is scored by how well the text
//     around it matches the stored context and how close it is to the old
//     place. The best one wins if its context agrees (at least half the
//     context matches) or the quote is long enough (minUniqueQuote runes)
//     to identify its place alone.
//  2. Otherwise the quote is searched approximately, allowing up to one
//     edit in four (insertions, deletions, substitutions; Sellers'
//     algorithm with Ukkonen's cut-off), and each candidate is scored the
//     same way, with the quote's own similarity weighing most. A fuzzy
//     match must also have its context agree.
//  3. Anything else is not found: the caller keeps the annotation as an
//     orphan.
//
// The weights follow Hypothesis: quote 50, prefix 20, suffix 20, position
// 2. Everything is measured in runes, and the result depends only on the
// inputs.
package anchor

import (
	"github.com/casebookapp/casebook/data"
	"github.com/casebookapp/casebook/internal/text"
)

// minUniqueQuote is the length, in runes, from which an exact quote is
// trusted without its context.
const minUniqueQuote = 32

// Target is what an annotation remembers about the text it marks.
type Target struct {
	// Quote is the marked text, verbatim.
	Quote string
	// Prefix and Suffix are up to 32 runes (data.QuoteContext) of the passage just
	// before and just after the quote.
	Prefix, Suffix string
	// Passage (an index into the article's passages) and Start (a rune
	// offset into that passage) are where the quote was. They only break
	// ties between otherwise equal places.
	Passage, Start int
}

// Match is the place Locate found for a Target.
type Match struct {
	// Passage is the index of the passage in the slice given to Locate.
	Passage int
	// Start and End are rune offsets [Start, End) into that passage.
	Start, End int
	// errors is the number of edits between the quote and the matched
	// text: 0 for an exact match.
	errors int
	// score, between 0 and 1, weighs the quote, context and position
	// agreement.
	score float64
}

// Passages is an article's passages made ready for locating quotes in them.
// It is not changed by Locate, so one Passages may serve several goroutines.
type Passages struct {
	texts   [][]rune
	offsets []int // rune offset of each passage in the whole article
	total   int
}

// Prepare readies passages (the article's new passage texts) for Locate.
func Prepare(passages []string) *Passages {
	p := &Passages{texts: make([][]rune, len(passages)), offsets: make([]int, len(passages))}
	for i, text := range passages {
		p.texts[i] = []rune(text)
		p.offsets[i] = p.total
		p.total += len(p.texts[i])
	}
	return p
}

// Locate finds the best place for t among the passages (the article's new
// passage texts), or reports false when the quote cannot be placed with
// confidence. An empty quote is never found.
func (p *Passages) Locate(t Target) (Match, bool) {
	quote := []rune(t.Quote)
	if len(quote) == 0 || len(p.texts) == 0 {
		return Match{}, false
	}
	s := newScorer(p, t, quote)

	// 1. Exact matches.
	best, found := Match{}, false
	for pi, text := range p.texts {
		for i := 0; i+len(quote) <= len(text); i++ {
			if text[i] != quote[0] || !equalRunes(text[i:i+len(quote)], quote) || !s.wholeWords(text, i, i+len(quote)) {
				continue
			}
			m, ok := s.score(pi, i, i+len(quote), 0)
			if ok && (!found || better(m, best, s)) {
				best, found = m, true
			}
		}
	}
	if found {
		return best, true
	}

	// 2. Approximate matches.
	k := len(quote) / 4
	if k == 0 {
		return Match{}, false
	}
	for pi, text := range p.texts {
		for _, c := range approxSearch(quote, text, k) {
			for _, c := range s.snap(quote, text, c, k) {
				m, ok := s.score(pi, c.start, c.end, c.errors)
				if ok && (!found || better(m, best, s)) {
					best, found = m, true
				}
			}
		}
	}
	return best, found
}

// better orders matches: higher score, then fewer errors, then nearer the
// old place, then earlier in the article.
func better(a, b Match, s *scorer) bool {
	switch {
	case a.score != b.score:
		return a.score > b.score
	case a.errors != b.errors:
		return a.errors < b.errors
	}
	da, db := abs(s.global(a.Passage, a.Start)-s.hint), abs(s.global(b.Passage, b.Start)-s.hint)
	if da != db {
		return da < db
	}
	return a.Passage < b.Passage || a.Passage == b.Passage && a.Start < b.Start
}

// scorer holds what scoring a candidate for one target needs.
type scorer struct {
	*Passages
	hint           int
	quoteLen       int
	prefix, suffix []rune
	// wordStart and wordEnd say that the quote began and ended at a word
	// boundary where it was: its new place must too.
	wordStart, wordEnd bool
}

func newScorer(p *Passages, t Target, quote []rune) *scorer {
	s := &scorer{Passages: p, quoteLen: len(quote), prefix: []rune(t.Prefix), suffix: []rune(t.Suffix)}
	s.wordStart = data.WordBoundary(append(append([]rune{}, s.prefix...), quote...), len(s.prefix))
	s.wordEnd = data.WordBoundary(append(append([]rune{}, quote...), s.suffix...), len(quote))
	hp := clamp(t.Passage, 0, len(p.texts)-1)
	s.hint = p.offsets[hp] + clamp(t.Start, 0, len(p.texts[hp]))
	return s
}

func (s *scorer) global(passage, start int) int { return s.offsets[passage] + start }

// score weighs a candidate [start, end) of passage with the given number
// of quote errors, and says whether it is acceptable (see the package
// comment).
func (s *scorer) score(passage, start, end, errors int) (Match, bool) {
	text := s.texts[passage]
	quoteSim := 1 - float64(errors)/float64(s.quoteLen)

	before := text[max(0, start-len(s.prefix)):start]
	after := text[end:min(len(text), end+len(s.suffix))]
	prefixSim, suffixSim := similarity(s.prefix, before), similarity(s.suffix, after)
	hasContext := len(s.prefix)+len(s.suffix) > 0
	contextSim := 1.0
	if hasContext {
		// Weigh each side by its length, so a stub of context at a
		// passage edge counts for little.
		contextSim = (prefixSim*float64(len(s.prefix)) + suffixSim*float64(len(s.suffix))) /
			float64(len(s.prefix)+len(s.suffix))
	}
	posSim := 1.0
	if s.total > 0 {
		posSim = 1 - float64(abs(s.global(passage, start)-s.hint))/float64(s.total)
	}
	score := (50*quoteSim + 20*prefixSim + 20*suffixSim + 2*posSim) / 92

	ok := contextSim >= 0.5 || !hasContext
	if errors == 0 && s.quoteLen >= minUniqueQuote {
		ok = true
	}
	return Match{Passage: passage, Start: start, End: end, errors: errors, score: score}, ok
}

// wholeWords reports whether [start, end) of text begins and ends at word
// boundaries where the quote did.
func (s *scorer) wholeWords(text []rune, start, end int) bool {
	return (!s.wordStart || data.WordBoundary(text, start)) && (!s.wordEnd || data.WordBoundary(text, end))
}

// snap moves an approximate occurrence's ends that fall inside a word to
// the word boundaries on either side, and returns those of the variants
// still within k edits of the quote: a re-anchored quote never cuts a word
// that the original did not.
func (s *scorer) snap(quote, passage []rune, c candidate, k int) []candidate {
	if s.wholeWords(passage, c.start, c.end) {
		return []candidate{c}
	}
	starts, ends := []int{c.start}, []int{c.end}
	if s.wordStart && !data.WordBoundary(passage, c.start) {
		starts = []int{boundaryBefore(passage, c.start), boundaryAfter(passage, c.start)}
	}
	if s.wordEnd && !data.WordBoundary(passage, c.end) {
		ends = []int{boundaryAfter(passage, c.end), boundaryBefore(passage, c.end)}
	}
	var out []candidate
	for _, a := range starts {
		for _, b := range ends {
			if b <= a {
				continue
			}
			if e := text.EditDistance(quote, passage[a:b], k); e >= 0 && e <= k {
				out = append(out, candidate{start: a, end: b, errors: e})
			}
		}
	}
	return out
}

// boundaryBefore and boundaryAfter find the nearest word boundary before
// and after offset i of text.
func boundaryBefore(text []rune, i int) int {
	for i > 0 && !data.WordBoundary(text, i) {
		i--
	}
	return i
}

func boundaryAfter(text []rune, i int) int {
	for i < len(text) && !data.WordBoundary(text, i) {
		i++
	}
	return i
}

// similarity is 1 minus the edit distance between want and got over the
// length of want; 1 when want is empty.
func similarity(want, got []rune) float64 {
	if len(want) == 0 {
		return 1
	}
	return max(0, 1-float64(text.EditDistance(want, got, -1))/float64(len(want)))
}

// candidate is an approximate occurrence of a pattern.
type candidate struct{ start, end, errors int }

// maxCandidates bounds the approximate occurrences kept per passage, the
// ones with fewest errors, to keep a pathological text cheap.
const maxCandidates = 64

// approxSearch returns the places in text where pattern occurs with at
// most k edits: for each run of adjacent end positions within k, the end
// with fewest errors, and the start that goes with it.
func approxSearch(pattern, text []rune, k int) []candidate {
	m := len(pattern)
	if m == 0 || len(text) == 0 || len(text) < m-k {
		return nil
	}
	// Sellers' algorithm: col[i] is the least edit distance between
	// pattern[:i] and a substring of text ending at the current position.
	// Ukkonen's cut-off: rows past lact are above k and are not computed.
	col := make([]int, m+1)
	for i := range col {
		col[i] = min(i, k+1)
	}
	lact := min(k, m)
	type end struct{ pos, errors int }
	var ends []end
	for j, c := range text {
		diag := col[0]
		limit := min(lact+1, m)
		for i := 1; i <= limit; i++ {
			left := col[i]
			if i > lact {
				left = k + 1
			}
			cost := 1
			if pattern[i-1] == c {
				cost = 0
			}
			v := min(diag+cost, left+1, col[i-1]+1, k+1)
			diag = left
			col[i] = v
		}
		lact = limit
		for lact > 0 && col[lact] > k {
			lact--
		}
		if lact == m {
			ends = append(ends, end{j + 1, col[m]})
		}
	}

	// Keep the best end of each run of adjacent ends.
	var best []end
	for i := 0; i < len(ends); {
		j, b := i, ends[i]
		for j+1 < len(ends) && ends[j+1].pos == ends[j].pos+1 {
			j++
			if ends[j].errors < b.errors {
				b = ends[j]
			}
		}
		best = append(best, b)
		i = j + 1
	}
	if len(best) > maxCandidates {
		// Stable selection of the fewest errors, in text order.
		limit := k
		for e := 0; e <= k; e++ {
			n := 0
			for _, b := range best {
				if b.errors <= e {
					n++
				}
			}
			if n >= maxCandidates {
				limit = e
				break
			}
		}
		kept := best[:0]
		for _, b := range best {
			if b.errors <= limit && len(kept) < maxCandidates {
				kept = append(kept, b)
			}
		}
		best = kept
	}

	out := make([]candidate, 0, len(best))
	for _, b := range best {
		start, errs := alignStart(pattern, text, b.pos, k)
		out = append(out, candidate{start: start, end: b.pos, errors: errs})
	}
	return out
}

// alignStart finds where the occurrence of pattern ending at end starts:
// the start giving the fewest edits, and of those the one whose length is
// closest to the pattern's.
func alignStart(pattern, text []rune, end, k int) (int, int) {
	m := len(pattern)
	lo := max(0, end-m-k)
	seg := text[lo:end]
	n := len(seg)
	// row[j] is the edit distance between the last i runes of pattern and
	// the last j runes of seg, computed backwards.
	row := make([]int, n+1)
	for j := range row {
		row[j] = j
	}
	for i := 1; i <= m; i++ {
		diag := row[0]
		row[0] = i
		for j := 1; j <= n; j++ {
			cost := 1
			if pattern[m-i] == seg[n-j] {
				cost = 0
			}
			up := row[j]
			row[j] = min(diag+cost, up+1, row[j-1]+1)
			diag = up
		}
	}
	bestJ := 0
	for j := 1; j <= n; j++ {
		if row[j] < row[bestJ] || row[j] == row[bestJ] && abs(j-m) < abs(bestJ-m) {
			bestJ = j
		}
	}
	return end - bestJ, row[bestJ]
}

func equalRunes(a, b []rune) bool {
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func clamp(v, lo, hi int) int { return max(lo, min(v, hi)) }

func abs(v int) int {
	if v < 0 {
		return -v
	}
	return v
}
