package search

import (
	"container/heap"
	"context"
	"database/sql"
	"math"
	"math/bits"
	"sort"
	"strings"
)

// DefaultLimit is the number of hits Search returns when Options.Limit is not
// positive.
const DefaultLimit = 20

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

// Options restricts and sizes a search.
type Options struct {
	// Limit is the most hits returned; DefaultLimit when not positive.
	Limit int
	// Articles restricts the search to these articles; nil means all.
	Articles []int64
	// Allow, when not nil, is asked about each candidate passage (notes are
	// asked about the passage they are attached to) and keeps it only when
	// it returns true. The store uses it for colour, has-note and tag
	// filters. It is called while the index is locked for reading, so it
	// must not call the Index.
	Allow func(passage int64) bool
}

// Span is a matched word in a document's text, as rune offsets [Start, End).
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Hit is one search result.
type Hit struct {
	// Source says whether the match is in the passage itself or in one of
	// its notes.
	Source Source
	// Passage is the passage matched, or the passage the matching note is
	// attached to.
	Passage int64
	// Article is the passage's article.
	Article int64
	// Note is the note's id when Source is SourceNote, else 0.
	Note int64
	// Score orders the hits, higher first; equal scores are in reading
	// order. It combines, in order of precedence, coverage, closeness,
	// proximity and BM25 relevance.
	Score float64
	// Words is how many of the query's words the document matches.
	Words int
	// Matches are the matched words, including typo and prefix matches, as
	// rune offsets into the passage's text (or the note's, for a note),
	// sorted and not overlapping.
	Matches []Span
}

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
	q      Query
	cands  []cand
	byTerm map[uint32][]int32
	strong uint32
	weak   uint32
	phrase uint32 // words in quoted phrases
}

// plan resolves each query word to candidate terms.
func (ix *Index) plan(st *state, q Query) *plan {
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
	for i, w := range q.Words {
		bit := uint32(1) << i
		exact, hasExact := voc.lookup(w.Term)
		if hasExact && voc.df[exact] > 0 {
			add(exact, bit, classExact)
		}
		stop := stopwords[w.Term]
		if stop || (hasExact && n >= minWeakDocs && float64(voc.df[exact]) > weakShare*n) {
			p.weak |= bit
		} else {
			p.strong |= bit
		}
		if w.Phrase != 0 {
			p.phrase |= bit
		}
		k := typoBudget(w.Term)
		if w.Phrase != 0 || stop {
			k = 0
		}
		kp := -1
		if w.Prefix {
			kp = 0
			if k > 0 && len([]rune(w.Term)) >= 5 {
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
			voc.scan(sc, []rune(w.Term), k, kp, collect)
		case kp == 0:
			// A short prefix can match thousands of words: keep only
			// the most frequent, without sorting them all.
			lo, hi := voc.prefixRange(w.Term)
			limit := prefixCap(len([]rune(w.Term)))
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
		if w.Phrase == 0 && !stop {
			for _, f := range inflections(voc, w.Term) {
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
		for _, fs := range [][]found{best(pre, prefixCap(len([]rune(w.Term)))), best(typo, maxTypoCands), best(preTypo, maxPrefixTypoCands)} {
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
	for _, j := range q.Joins {
		addJoin(j.Term, j.Words)
	}
	for i := range q.Words {
		term := q.Words[i].Term
		ws := []int{i}
		for j := i + 1; j < len(q.Words) && j < i+3; j++ {
			if q.Words[i].Phrase != 0 || q.Words[j].Phrase != 0 {
				break
			}
			term += q.Words[j].Term
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

// scratch holds the per-document accumulators of one search.
type scratch struct {
	mask    []uint32
	pen     []uint8
	score   []float32
	touched []uint32
}

func (ix *Index) getScratch(n int) *scratch {
	sc, _ := ix.scratch.Get().(*scratch)
	if sc == nil {
		sc = &scratch{}
	}
	if len(sc.mask) < n {
		n2 := n + n/4
		sc.mask = make([]uint32, n2)
		sc.pen = make([]uint8, n2)
		sc.score = make([]float32, n2)
	}
	sc.touched = sc.touched[:0]
	return sc
}

func (ix *Index) putScratch(sc *scratch) {
	for _, s := range sc.touched {
		sc.mask[s] = 0
		sc.pen[s] = 0
		sc.score[s] = 0
	}
	sc.touched = sc.touched[:0]
	ix.scratch.Put(sc)
}

// ranked is a candidate document with its ranking key.
type ranked struct {
	slot    uint32
	cov     int
	pen     int
	prox    int
	score   float32
	passage int64
	key     int64
	words   int
	spans   []Span
}

// better reports whether a ranks before b.
func better(a, b *ranked) bool {
	if a.cov != b.cov {
		return a.cov > b.cov
	}
	if a.pen != b.pen {
		return a.pen < b.pen
	}
	if a.prox != b.prox {
		return a.prox < b.prox
	}
	if a.score != b.score {
		return a.score > b.score
	}
	if a.passage != b.passage {
		return a.passage < b.passage
	}
	return a.key < b.key
}

// worstFirst is a heap whose root is the worst-ranked document.
type worstFirst []ranked

func (h worstFirst) Len() int           { return len(h) }
func (h worstFirst) Less(i, j int) bool { return better(&h[j], &h[i]) }
func (h worstFirst) Swap(i, j int)      { h[i], h[j] = h[j], h[i] }
func (h *worstFirst) Push(x any)        { *h = append(*h, x.(ranked)) }
func (h *worstFirst) Pop() any {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}

// Search finds the documents that best match query. Whatever query holds,
// it is not an error: a query without words returns no hits. Errors come
// only from the database or ctx.
func (ix *Index) Search(ctx context.Context, query string, opt Options) ([]Hit, error) {
	q := ParseQuery(query)
	if len(q.Words) == 0 {
		return nil, nil
	}
	if err := ix.Refresh(ctx); err != nil {
		return nil, err
	}
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	st := ix.st
	if st == nil || st.nLive == 0 {
		return nil, nil
	}
	limit := opt.Limit
	if limit <= 0 {
		limit = DefaultLimit
	}
	p := ix.plan(st, q)
	if len(p.cands) == 0 {
		return nil, nil
	}

	// Stage 1: score every document that matches a candidate term.
	sc := ix.getScratch(len(st.keys))
	defer ix.putScratch(sc)
	mask, pen, score, live, norm := sc.mask, sc.pen, sc.score, st.live, st.norm
	for _, c := range p.cands {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		pl, err := ix.postings(ctx, st, c.term)
		if err != nil {
			return nil, err
		}
		tfs := pl.tfs
		w := c.weight * (bm25K1 + 1)
		for j, s := range pl.slots {
			if !live[s] {
				continue
			}
			m := mask[s]
			if m&c.bits == c.bits {
				continue
			}
			if m == 0 {
				sc.touched = append(sc.touched, s)
			}
			mask[s] = m | c.bits
			pen[s] += c.class * uint8(bits.OnesCount32(c.bits&^m))
			tf := float32(tfs[j])
			score[s] += w * tf / (tf + norm[s])
		}
	}

	// Stage 2: the best documents by coverage, closeness and BM25 get
	// proximity, phrases and spans from their token streams.
	var articles map[int64]bool
	if opt.Articles != nil {
		articles = make(map[int64]bool, len(opt.Articles))
		for _, a := range opt.Articles {
			articles[a] = true
		}
	}
	// The pool re-ranked with positions. Proximity ranks before BM25, so
	// with several words the pool is wider: the closest documents need
	// not be the ones BM25 likes best.
	// Both are clamped to the number of candidate documents: no more can
	// be returned, and a huge Limit (math.MaxInt) must neither overflow
	// nor size an allocation.
	limit = min(limit, len(sc.touched))
	if limit == 0 {
		return nil, nil
	}
	pool := min(limit+48, len(sc.touched))
	if len(q.Words) > 1 {
		pool = min(limit+200, len(sc.touched))
	}
	for {
		h := make(worstFirst, 0, pool)
		eligible := 0
		for _, s := range sc.touched {
			m := mask[s]
			if m&p.phrase != p.phrase {
				continue
			}
			cov, pn, sco := p.coverage(m), int(pen[s]), score[s]
			if len(h) == pool {
				// Most documents lose to the worst kept one on the
				// first keys; only ties need the rest of the record.
				w := &h[0]
				if cov < w.cov || (cov == w.cov && (pn > w.pen || (pn == w.pen && sco < w.score))) {
					eligible++
					continue
				}
			}
			r := ranked{slot: s, cov: cov, pen: pn, score: sco, passage: st.passage[s], key: st.keys[s]}
			if len(h) == pool && !better(&r, &h[0]) {
				eligible++
				continue
			}
			if articles != nil && !articles[st.article[s]] {
				continue
			}
			if opt.Allow != nil && !opt.Allow(st.passage[s]) {
				continue
			}
			eligible++
			if len(h) == pool {
				h[0] = r
				heap.Fix(&h, 0)
			} else {
				heap.Push(&h, r)
			}
		}
		res, err := ix.rerank(ctx, st, p, h)
		if err != nil {
			return nil, err
		}
		// A quoted phrase may fail in many candidates: look further.
		if len(res) < limit && eligible > len(h) && pool < maxPhraseCands {
			pool = min(4*pool, len(sc.touched))
			continue
		}
		if len(res) > limit {
			res = res[:limit]
		}
		hits := make([]Hit, len(res))
		for i, r := range res {
			hits[i] = Hit{
				Source:  keySource(r.key),
				Passage: r.passage,
				Article: st.article[r.slot],
				Score:   scoreOf(r),
				Words:   r.words,
				Matches: r.spans,
			}
			if hits[i].Source == SourceNote {
				hits[i].Note = keyID(r.key)
			}
		}
		return hits, nil
	}
}

// scoreOf folds the ranking key into one number that orders hits the same
// way (reading order aside).
func scoreOf(r ranked) float64 {
	bm := float64(r.score)
	return float64(r.cov)*1e9 + float64(999-r.pen)*1e6 + float64(999-r.prox)*1e3 + 999*bm/(bm+1)
}

// maxProx caps the distance counted between two matched words.
const maxProx = 8

// occ is one occurrence of a query word in a document.
type occ struct {
	pos        int32
	start, end int32
}

// rerank reads the token streams of the candidates in h and ranks them
// fully: closeness and coverage from the actual tokens, phrase checks,
// proximity, spans.
func (ix *Index) rerank(ctx context.Context, st *state, p *plan, h worstFirst) ([]ranked, error) {
	if len(h) == 0 {
		return nil, nil
	}
	nw := len(p.q.Words)
	var (
		toks    []stoken
		occs    = make([][]occ, nw)
		content = make([][]occ, nw)
		best    = make([]uint8, nw)
		out     = make([]ranked, 0, len(h))
		spans   []Span
	)
	blobs, err := ix.tokenStreams(ctx, st, h)
	if err != nil {
		return nil, err
	}
	for i, blob := range blobs {
		r := h[i]
		if blob == nil {
			continue // changed since the last refresh; the next search sees it
		}
		if toks, err = decodeTokens(toks[:0], blob); err != nil {
			return nil, err
		}
		for i := range occs {
			occs[i] = occs[i][:0]
			best[i] = 255
		}
		for _, t := range toks {
			for _, ci := range p.byTerm[t.term] {
				c := &p.cands[ci]
				off := int32(0)
				for b := c.bits; b != 0; b &= b - 1 {
					i := bits.TrailingZeros32(b)
					o := occ{pos: t.pos + off, start: t.start, end: t.end}
					off++
					switch {
					case c.class < best[i]:
						best[i] = c.class
						occs[i] = append(occs[i][:0], o)
					case c.class == best[i]:
						occs[i] = append(occs[i], o)
					}
				}
			}
		}
		if !checkPhrases(p.q.Words, occs) {
			continue
		}
		var m uint32
		r.pen = 0
		r.words = 0
		for i := range best {
			if best[i] != 255 {
				m |= 1 << i
				r.pen += int(best[i])
				r.words++
			}
		}
		if m == 0 {
			continue
		}
		r.cov = p.coverage(m)
		// Proximity among the content words, when two of them matched:
		// where "the" occurs says nothing.
		if bits.OnesCount32(m&p.strong) >= 2 {
			for i := range occs {
				content[i] = nil
				if p.strong&(1<<i) != 0 {
					content[i] = occs[i]
				}
			}
			r.prox = proximity(content)
		} else {
			r.prox = proximity(occs)
		}
		spans = spans[:0]
		for _, os := range occs {
			for _, o := range os {
				spans = append(spans, Span{int(o.start), int(o.end)})
			}
		}
		r.spans = mergeSpans(spans)
		out = append(out, r)
	}
	sort.Slice(out, func(i, j int) bool { return better(&out[i], &out[j]) })
	return out, nil
}

// tokenStreams returns the token streams of the documents in h, in order,
// from the cache or in one query; nil for a document whose stored version
// is not the one st knows.
func (ix *Index) tokenStreams(ctx context.Context, st *state, h worstFirst) ([][]byte, error) {
	blobs := make([][]byte, len(h))
	var keys []any
	at := map[int64]int{}
	for i, r := range h {
		if b, ok := ix.toks.get(r.slot); ok {
			blobs[i] = b
			continue
		}
		keys = append(keys, r.key)
		at[r.key] = i
	}
	if len(keys) == 0 {
		return blobs, nil
	}
	// In chunks (queryIn): SQLite bounds the number of parameters, and a
	// large Limit asks for many documents.
	err := queryIn(ctx, ix.db, `SELECT key, gen, toks FROM search_docs WHERE key IN (?)`, keys, func(rows *sql.Rows) error {
		var key, gen int64
		var blob []byte
		if err := rows.Scan(&key, &gen, &blob); err != nil {
			return err
		}
		i := at[key]
		if st.gens[h[i].slot] != gen {
			return nil
		}
		if blob == nil {
			blob = []byte{}
		}
		blobs[i] = blob
		ix.toks.put(h[i].slot, blob)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return blobs, nil
}

// checkPhrases keeps, for each quoted phrase, only the occurrences of its
// words that are part of a complete, in-order, adjacent instance, and
// reports whether every phrase has one.
func checkPhrases(words []Word, occs [][]occ) bool {
	for a := 0; a < len(words); {
		ph := words[a].Phrase
		if ph == 0 {
			a++
			continue
		}
		b := a
		for b+1 < len(words) && words[b+1].Phrase == ph {
			b++
		}
		var keep [][]occ
		if b > a {
			keep = make([][]occ, b-a+1)
			for _, o := range occs[a] {
				ok := true
				var inst []occ
				for r := 1; r <= b-a && ok; r++ {
					ok = false
					for _, o2 := range occs[a+r] {
						if o2.pos == o.pos+int32(r) {
							ok = true
							inst = append(inst, o2)
							break
						}
					}
				}
				if ok {
					keep[0] = append(keep[0], o)
					for r, o2 := range inst {
						keep[r+1] = append(keep[r+1], o2)
					}
				}
			}
			for r := range keep {
				occs[a+r] = append(occs[a+r][:0], keep[r]...)
			}
		}
		if len(occs[a]) == 0 {
			return false
		}
		a = b + 1
	}
	return true
}

// proximity sums, over consecutive matched query words, how far apart their
// closest occurrences are (0 when adjacent and in order; a reversed pair
// costs one more), each capped at maxProx.
func proximity(occs [][]occ) int {
	total := 0
	prev := -1
	for i, os := range occs {
		if len(os) == 0 {
			continue
		}
		if prev >= 0 {
			d := maxProx
			a := occs[prev]
			if len(a) > 64 {
				a = a[:64]
			}
			b := os
			if len(b) > 64 {
				b = b[:64]
			}
			for _, x := range a {
				for _, y := range b {
					var e int
					if y.pos > x.pos {
						e = int(y.pos-x.pos) - 1
					} else {
						e = int(x.pos - y.pos)
					}
					if e < d {
						d = e
					}
				}
			}
			total += d
		}
		prev = i
	}
	return total
}

// mergeSpans sorts spans and merges overlapping ones.
func mergeSpans(spans []Span) []Span {
	if len(spans) == 0 {
		return nil
	}
	sort.Slice(spans, func(i, j int) bool {
		if spans[i].Start != spans[j].Start {
			return spans[i].Start < spans[j].Start
		}
		return spans[i].End > spans[j].End
	})
	out := []Span{spans[0]}
	for _, s := range spans[1:] {
		last := &out[len(out)-1]
		if s.Start < last.End {
			if s.End > last.End {
				last.End = s.End
			}
			continue
		}
		out = append(out, s)
	}
	return out
}
