package search

import (
	"encoding/binary"
	"errors"
	"sort"
)

// errCorrupt reports an index blob that does not decode. It means the library
// file was damaged; rebuilding the index (Put of every document) repairs it.
var errCorrupt = errors.New("search: corrupt index data")

// A token stream (search_docs.toks) is a sequence of three uvarints per
// token: term id<<1 | joined, start minus the previous token's start, and
// end minus start, all in runes. Positions are implicit: each primary token
// takes the next position; a joined token comes just before its first part
// and shares its position.

func appendToken(b []byte, id uint32, joined bool, start, prevStart, end int) []byte {
	x := uint64(id) << 1
	if joined {
		x |= 1
	}
	b = binary.AppendUvarint(b, x)
	b = binary.AppendUvarint(b, uint64(start-prevStart))
	return binary.AppendUvarint(b, uint64(end-start))
}

// stoken is a decoded token of a stored token stream.
type stoken struct {
	term       uint32
	joined     bool
	pos        int32
	start, end int32
}

// uvarint reads a uvarint from the front of b and returns it with the rest
// of b; ok is false when b does not start with one.
func uvarint(b []byte) (x uint64, rest []byte, ok bool) {
	x, n := binary.Uvarint(b)
	if n <= 0 {
		return 0, b, false
	}
	return x, b[n:], true
}

// decodeTokens appends the tokens of a stored stream to dst.
func decodeTokens(dst []stoken, b []byte) ([]stoken, error) {
	var start int64
	var pos int32
	for len(b) > 0 {
		var x, ds, l uint64
		ok := false
		if x, b, ok = uvarint(b); ok {
			if ds, b, ok = uvarint(b); ok {
				l, b, ok = uvarint(b)
			}
		}
		if !ok {
			return dst, errCorrupt
		}
		start += int64(ds)
		t := stoken{term: uint32(x >> 1), joined: x&1 == 1, pos: pos, start: int32(start), end: int32(start + int64(l))}
		if !t.joined {
			pos++
		}
		dst = append(dst, t)
	}
	return dst, nil
}

// Posting segments (search_postings.data) start with a format byte. A raw
// segment, written by one Put, holds uvarint pairs (key delta, tf) sorted by
// document key, all of the row's generation. A merged segment holds triples
// (key delta, gen, tf).
const (
	segRaw    byte = 0
	segMerged byte = 1
)

// posting is one document's entry in a term's posting list.
type posting struct {
	key int64
	gen int64
	tf  uint32
}

// encodeRaw encodes n postings, the ith given by posting, sorted by key.
func encodeRaw(n int, posting func(i int) (key int64, tf uint32)) []byte {
	b := make([]byte, 1, 1+3*n)
	b[0] = segRaw
	var prev int64
	for i := range n {
		k, tf := posting(i)
		b = binary.AppendUvarint(b, uint64(k-prev))
		b = binary.AppendUvarint(b, uint64(tf))
		prev = k
	}
	return b
}

func encodeMerged(ps []posting) []byte {
	b := make([]byte, 1, 1+5*len(ps))
	b[0] = segMerged
	var prev int64
	for _, p := range ps {
		b = binary.AppendUvarint(b, uint64(p.key-prev))
		b = binary.AppendUvarint(b, uint64(p.gen))
		b = binary.AppendUvarint(b, uint64(p.tf))
		prev = p.key
	}
	return b
}

// decodeSegment calls fn for each posting of a segment whose row generation
// is gen.
func decodeSegment(b []byte, gen int64, fn func(key, gen int64, tf uint32)) error {
	if len(b) == 0 {
		return errCorrupt
	}
	format := b[0]
	if format != segRaw && format != segMerged {
		return errCorrupt
	}
	b = b[1:]
	var key int64
	for len(b) > 0 {
		d, rest, ok := uvarint(b)
		if !ok {
			return errCorrupt
		}
		key += int64(d)
		g := gen
		if format == segMerged {
			var x uint64
			if x, rest, ok = uvarint(rest); !ok {
				return errCorrupt
			}
			g = int64(x)
		}
		var tf uint64
		if tf, b, ok = uvarint(rest); !ok {
			return errCorrupt
		}
		fn(key, g, uint32(tf))
	}
	return nil
}

// mergePostings sorts postings by key and keeps, for each key, only the one
// of the highest generation: older ones belong to replaced versions.
func mergePostings(ps []posting) []posting {
	sort.Slice(ps, func(i, j int) bool {
		if ps[i].key != ps[j].key {
			return ps[i].key < ps[j].key
		}
		return ps[i].gen > ps[j].gen
	})
	out := ps[:0]
	for _, p := range ps {
		if len(out) > 0 && p.key == out[len(out)-1].key {
			continue
		}
		out = append(out, p)
	}
	return out
}

// A df change row (search_df.data) is a list of pairs, sorted by term id:
// uvarint id delta, zigzag varint change.

// dfChange is a change to one term's document frequency.
type dfChange struct {
	id uint32
	d  int64
}

// encodeDF encodes changes, which are sorted by id with no id twice; zero
// changes are left out. It returns nil when nothing is left.
func encodeDF(changes []dfChange) []byte {
	var e dfEncoder
	for _, c := range changes {
		e.add(c.id, c.d)
	}
	return e.b
}

// dfEncoder encodes a df change row one change at a time, in id order.
// Its b is nil while nothing but zero changes were added.
type dfEncoder struct {
	b    []byte
	prev uint32
}

func (e *dfEncoder) add(id uint32, d int64) {
	if d == 0 {
		return
	}
	e.b = binary.AppendUvarint(e.b, uint64(id-e.prev))
	e.b = binary.AppendVarint(e.b, d)
	e.prev = id
}

func decodeDF(b []byte, fn func(id uint32, d int64)) error {
	var id uint32
	for len(b) > 0 {
		x, rest, ok := uvarint(b)
		if !ok {
			return errCorrupt
		}
		b = rest
		d, n := binary.Varint(b)
		if n <= 0 {
			return errCorrupt
		}
		b = b[n:]
		id += uint32(x)
		fn(id, d)
	}
	return nil
}
