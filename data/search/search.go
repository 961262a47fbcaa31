// Searching: the candidate terms' postings scored into per-document
// accumulators, the best kept in a heap and re-ranked (rerank.go).

package search

import (
	"container/heap"
	"context"
	"math"
	"math/bits"
)

// Options restricts and sizes a search.
type Options struct {
	// Limit is the most hits returned; every hit when not positive. The
	// index has no default of its own: the store asks for the number its
	// caller wants (data.DefaultSearchLimit unless told otherwise).
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
	// article is the passage's article.
	article int64
	// Note is the note's id when Source is SourceNote, else 0.
	Note int64
	// Score orders the hits, higher first; equal scores are in reading
	// order. It combines, in order of precedence, coverage, closeness,
	// proximity and BM25 relevance.
	Score float64
	// words is how many of the query's words the document matches.
	words int
	// Matches are the matched words, including typo and prefix matches, as
	// rune offsets into the passage's text (or the note's, for a note),
	// sorted and not overlapping.
	Matches []Span
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
	q := parseQuery(query)
	if len(q.words) == 0 {
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
		limit = math.MaxInt // clamped to the candidates below
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
	if len(q.words) > 1 {
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
				article: st.article[r.slot],
				Score:   scoreOf(r),
				words:   r.words,
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
