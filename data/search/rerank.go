// Re-ranking the best candidates from their token streams: phrases,
// closeness, proximity and match spans.

package search

import (
	"context"
	"database/sql"
	"math/bits"
	"sort"
)

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
	nw := len(p.q.words)
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
		if !checkPhrases(p.q.words, occs) {
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
func checkPhrases(words []queryWord, occs [][]occ) bool {
	for a := 0; a < len(words); {
		ph := words[a].phrase
		if ph == 0 {
			a++
			continue
		}
		b := a
		for b+1 < len(words) && words[b+1].phrase == ph {
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
