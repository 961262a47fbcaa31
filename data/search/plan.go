// Planning a query: each query word resolved against the vocabulary to the
// candidate terms it matches (exact, prefix, inflection, typo, joined).

package search

import (
	"math"
	"math/bits"
	"sort"
	"strings"
)

// Candidate caps per query word. Prefix expansions of a short prefix are
// limited to the most frequent words, typo candidates to the closest and then
// most frequent ones.
const (
	maxTypoCands       = 24
	maxPrefixTypoCands = 12
	maxPhraseCands     = 8192 // documents checked for a quoted phrase at most
)

// prefixCap is how many words a prefix of n runes may expand to.
func prefixCap(n int) int {
	switch n {
	case 1:
		return 12
	case 2:
		return 24
	case 3:
		return 48
	}
	return 96
}

// classWeight scales a term's BM25 weight by how closely it matched.
var classWeight = [numClasses]float32{1, 0.9, 0.7, 0.6, 0.5, 0.4}

// minBudget is the least number of postings a query word's expansions may
// add, however small the library.
const minBudget = 1 << 16

// weakShare: a query word whose exact form is in more than this share of the
// documents counts for coverage only after the other words, like a stopword,
// once the library has minWeakDocs documents (in a handful of passages
// about one case, its main names are in most of them and still matter).
const (
	weakShare   = 0.3
	minWeakDocs = 100
)

// cand is a vocabulary term searched for one or more query words.
type cand struct {
	term   uint32
	bits   uint32 // query words it matches
	class  uint8
	df     uint32
	weight float32
}

// plan is a query resolved against the vocabulary.
type plan struct {
	q      parsedQuery
	cands  []cand
	byTerm map[uint32][]int32
	strong uint32
	weak   uint32
	phrase uint32 // words in quoted phrases
}

// plan resolves each query word to candidate terms.
func (ix *Index) plan(st *state, q parsedQuery) *plan {
	p := &plan{q: q, byTerm: map[uint32][]int32{}}
	voc := st.voc
	n := float64(st.nLive)
	idf := func(df uint32) float32 {
		d := float64(df)
		return float32(math.Log(1 + (n-d+0.5)/(d+0.5)))
	}
	add := func(id uint32, bits uint32, class uint8) {
		df := voc.df[id]
		if df == 0 {
			return
		}
		p.cands = append(p.cands, cand{term: id, bits: bits, class: class, df: df, weight: idf(df) * classWeight[class]})
	}
	sc := ix.scanners.Get().(*scanner)
	defer ix.scanners.Put(sc)
	var typo, pre, preTypo []found
	for i, w := range q.words {
		bit := uint32(1) << i
		exact, hasExact := voc.lookup(w.term)
		if hasExact && voc.df[exact] > 0 {
			add(exact, bit, classExact)
		}
		stop := stopwords[w.term]
		if stop || (hasExact && n >= minWeakDocs && float64(voc.df[exact]) > weakShare*n) {
			p.weak |= bit
		} else {
			p.strong |= bit
		}
		if w.phrase != 0 {
			p.phrase |= bit
		}
		k := typoBudget(w.term)
		if w.phrase != 0 || stop {
			k = 0
		}
		kp := -1
		if w.prefix {
			kp = 0
			if k > 0 && len([]rune(w.term)) >= 5 {
				kp = k
			}
		}
		typo, pre, preTypo = typo[:0], pre[:0], preTypo[:0]
		// classes keeps each candidate's closest class.
		classes := map[uint32]uint8{}
		collect := func(id uint32, class uint8) {
			if (id == exact && hasExact) || voc.df[id] == 0 {
				return
			}
			if c, ok := classes[id]; !ok || class < c {
				classes[id] = class
			}
		}
		switch {
		case k > 0 || kp > 0:
			voc.scan(sc, []rune(w.term), k, kp, collect)
		case kp == 0:
			// A short prefix can match thousands of words: keep only
			// the most frequent, without sorting them all.
			lo, hi := voc.prefixRange(w.term)
			limit := prefixCap(len([]rune(w.term)))
			var top []uint32
			for _, id := range voc.sorted[lo:hi] {
				if (id == exact && hasExact) || voc.df[id] == 0 {
					continue
				}
				if len(top) == limit && voc.df[id] <= voc.df[top[limit-1]] {
					continue
				}
				i := sort.Search(len(top), func(i int) bool { return voc.df[id] > voc.df[top[i]] })
				if len(top) < limit {
					top = append(top, 0)
				}
				copy(top[i+1:], top[i:len(top)-1])
				top[i] = id
			}
			for _, id := range top {
				collect(id, classPrefix)
			}
		}
		// Closest first, then most frequent: the likeliest intended words.
		best := func(fs []found, max int) []found {
			sort.Slice(fs, func(a, b int) bool {
				if fs[a].class != fs[b].class {
					return fs[a].class < fs[b].class
				}
				if voc.df[fs[a].id] != voc.df[fs[b].id] {
					return voc.df[fs[a].id] > voc.df[fs[b].id]
				}
				return fs[a].id < fs[b].id
			})
			if len(fs) > max {
				fs = fs[:max]
			}
			return fs
		}
		// Other inflections of the word: "apologies" finds "apology",
		// "protest" finds "protested" even when it is not the last word.
		if w.phrase == 0 && !stop {
			for _, f := range inflections(voc, w.term) {
				collect(f.id, f.class)
			}
		}
		for id, class := range classes {
			switch class {
			case classPrefix:
				pre = append(pre, found{id, class})
			case classTypo1, classTypo2:
				typo = append(typo, found{id, class})
			case classPrefixTypo1, classPrefixTypo2:
				preTypo = append(preTypo, found{id, class})
			}
		}
		// Expansions stop when their postings add up to a pass over the
		// whole library (or minBudget): beyond that, a very short prefix
		// ("t") or a common word's typo neighbours ("they" ~ "the") would
		// only add work, not answers.
		budget := max(int64(st.nLive), minBudget)
		for _, fs := range [][]found{best(pre, prefixCap(len([]rune(w.term)))), best(typo, maxTypoCands), best(preTypo, maxPrefixTypoCands)} {
			for _, f := range fs {
				if budget <= 0 {
					break
				}
				budget -= int64(voc.df[f.id])
				add(f.id, bit, f.class)
			}
		}
	}
	// Words written as one: hyphenated compounds of the query, and two or
	// three adjacent free words ("on going" finds "ongoing", "black lives
	// matter" finds "#BlackLivesMatter").
	joined := map[string]bool{}
	addJoin := func(term string, ws []int) {
		if joined[term] {
			return
		}
		joined[term] = true
		id, ok := voc.lookup(term)
		if !ok {
			return
		}
		var b uint32
		for _, i := range ws {
			b |= 1 << i
		}
		add(id, b, classExact)
	}
	for _, j := range q.joins {
		addJoin(j.term, j.words)
	}
	for i := range q.words {
		term := q.words[i].term
		ws := []int{i}
		for j := i + 1; j < len(q.words) && j < i+3; j++ {
			if q.words[i].phrase != 0 || q.words[j].phrase != 0 {
				break
			}
			term += q.words[j].term
			ws = append(ws, j)
			if len(term) > maxTermRunes {
				break
			}
			addJoin(term, append([]int(nil), ws...))
		}
	}
	// Best classes first, so that a document takes each word's closest
	// match; rarer terms first within a class, for their higher weight.
	sort.SliceStable(p.cands, func(a, b int) bool {
		if p.cands[a].class != p.cands[b].class {
			return p.cands[a].class < p.cands[b].class
		}
		return p.cands[a].df < p.cands[b].df
	})
	for i, c := range p.cands {
		p.byTerm[c.term] = append(p.byTerm[c.term], int32(i))
	}
	return p
}

// suffixes are the English endings that inflections swaps.
var suffixes = []string{"", "s", "es", "ed", "d", "ing", "ings", "er", "ers", "ies", "ied", "y", "ly",
	"ion", "ions", "ment", "ments", "ize", "ized", "izes", "ise", "ised", "ises", "e"}

// found is a vocabulary term found for a query word.
type found struct {
	id    uint32
	class uint8
}

// inflections finds the vocabulary words that differ from term only by an
// English ending: term plus an ending (prefix class: it extends what was
// typed) or term with its ending swapped (one-typo class). It is a handful
// of exact look-ups, not a scan.
func inflections(voc *vocab, term string) []found {
	if typoBudget(term) == 0 {
		return nil
	}
	var out []found
	seen := map[string]bool{term: true}
	for _, strip := range suffixes {
		stem, ok := strings.CutSuffix(term, strip)
		if !ok || len(stem) < 3 || (strip == "" && stem != term) {
			continue
		}
		class := classTypo1
		if strip == "" {
			class = classPrefix
		}
		for _, add := range suffixes {
			w := stem + add
			if seen[w] {
				continue
			}
			seen[w] = true
			if id, ok := voc.lookup(w); ok {
				out = append(out, found{id, class})
			}
		}
	}
	return out
}

// coverage ranks how many query words a document matches: strong words
// first, then weak ones.
func (p *plan) coverage(mask uint32) int {
	return bits.OnesCount32(mask&p.strong)*32 + bits.OnesCount32(mask&p.weak)
}
