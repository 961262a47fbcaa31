package search

import (
	"cmp"
	"context"
	"encoding/binary"
	"fmt"
	"slices"
)

// A snapshot (search_snapshot.data) is a state encoded in one blob, so
// that a new process loads the index in one read instead of reading and
// sorting the tables: at 230,000 passages that took most of a cold
// `casebook search`. The vocabulary is laid out for bulk copies (decoding
// two million terms one varint and one append at a time took 200 ms):
//
//   - a format byte, then the number of term ids n;
//   - n bytes: each id's length in bytes (0: not in use), then the terms'
//     bytes, by id, end to end;
//   - per id its df;
//   - the number of sorted terms, then their ids in sorted order, then
//     their lcp (see vocab), one byte each;
//   - the number of live documents, then per document in key order: key
//     minus the previous key, generation, passage minus key/2 (zigzag),
//     article minus the previous article (zigzag), length.
//
// Numbers are uvarints unless said otherwise.
const snapshotFormat byte = 2

// snapshotDue reports whether so much was applied to st since its
// snapshot that storing a new one pays: more than 1,024 terms and
// documents and a twentieth of the library.
func snapshotDue(st *state) bool {
	return st.sinceSnapshot > 1024+(len(st.voc.sorted)+st.nLive)/20
}

func encodeSnapshot(st *state) []byte {
	v := st.voc
	b := make([]byte, 0, 1+len(v.text)+8*len(v.blen)+12*st.nLive)
	b = append(b, snapshotFormat)
	b = binary.AppendUvarint(b, uint64(len(v.blen)))
	b = append(b, v.blen...)
	for id := range v.blen {
		b = append(b, v.term(uint32(id))...)
	}
	for _, df := range v.df {
		b = binary.AppendUvarint(b, uint64(df))
	}
	b = binary.AppendUvarint(b, uint64(len(v.sorted)))
	for _, id := range v.sorted {
		b = binary.AppendUvarint(b, uint64(id))
	}
	b = append(b, v.lcp...)
	b = binary.AppendUvarint(b, uint64(st.nLive))
	var prevKey, prevArticle int64
	for _, s := range st.liveByKey() {
		key := st.keys[s]
		b = binary.AppendUvarint(b, uint64(key-prevKey))
		b = binary.AppendUvarint(b, uint64(st.gens[s]))
		b = binary.AppendVarint(b, st.passage[s]-key/2)
		b = binary.AppendVarint(b, st.article[s]-prevArticle)
		b = binary.AppendUvarint(b, uint64(st.length[s]))
		prevKey, prevArticle = key, st.article[s]
	}
	return b
}

// liveByKey returns the live slots in key order.
func (st *state) liveByKey() []uint32 {
	out := make([]uint32, 0, st.nLive)
	if !st.sparse {
		for _, s1 := range st.dense {
			if s1 != 0 {
				out = append(out, s1-1)
			}
		}
		return out
	}
	for s, live := range st.live {
		if live {
			out = append(out, uint32(s))
		}
	}
	slices.SortFunc(out, func(a, b uint32) int { return cmp.Compare(st.keys[a], st.keys[b]) })
	return out
}

// decodeSnapshot decodes a snapshot of generation gen. It copies what it
// keeps: b may be reused after.
func decodeSnapshot(b []byte, gen int64) (*state, error) {
	if len(b) == 0 || b[0] != snapshotFormat {
		return nil, errCorrupt
	}
	b = b[1:]
	ok := true
	next := func() uint64 {
		var x uint64
		if ok {
			x, b, ok = uvarint(b)
		}
		return x
	}
	// take returns the next n bytes.
	take := func(n uint64) []byte {
		if !ok || n > uint64(len(b)) {
			ok = false
			return nil
		}
		x := b[:n]
		b = b[n:]
		return x
	}
	st := newState()
	st.gen = gen
	v := st.voc
	n := next()
	blen := take(n)
	if !ok {
		return nil, errCorrupt
	}
	v.grow(int(n))
	copy(v.blen, blen)
	size := uint64(0)
	for id, l := range v.blen {
		v.off[id] = uint32(size)
		size += uint64(l)
	}
	v.text = append([]byte(nil), take(size)...)
	for id := range n {
		v.df[id] = uint32(next())
	}
	ns := next()
	if !ok || ns > n {
		return nil, errCorrupt
	}
	v.sorted = make([]uint32, ns)
	for i := range v.sorted {
		id := next()
		if !ok || id >= n || v.blen[id] == 0 {
			return nil, errCorrupt
		}
		v.sorted[i] = uint32(id)
	}
	v.lcp = append([]uint8(nil), take(ns)...)
	nd := next()
	if !ok || nd > uint64(len(b)) {
		return nil, errCorrupt
	}
	var key, article int64
	for range nd {
		key += int64(next())
		g := int64(next())
		passage, r, ok2 := varint(b, ok)
		b = r
		art, r, ok3 := varint(b, ok2)
		b = r
		ok = ok3
		article += art
		length := next()
		if !ok {
			return nil, errCorrupt
		}
		st.addDoc(key, g, true, passage+key/2, article, uint32(length))
	}
	if !ok || len(b) != 0 {
		return nil, errCorrupt
	}
	v.relink()
	st.renorm()
	return st, nil
}

// varint reads a zigzag varint from the front of b when ok.
func varint(b []byte, ok bool) (int64, []byte, bool) {
	if !ok {
		return 0, b, false
	}
	x, n := binary.Varint(b)
	if n <= 0 {
		return 0, b, false
	}
	return x, b[n:], true
}

// saveSnapshot stores a snapshot of the index's state when one is due (see
// snapshotDue), or whenever it has one with force. It is only an optimisation, so it does not wait for the
// write lock: if another connection or process holds it, nothing is
// stored, and a later Close tries again.
func (ix *Index) saveSnapshot(ctx context.Context, force bool) error {
	ix.mu.RLock()
	st := ix.st
	if st == nil || !(force || snapshotDue(st)) {
		ix.mu.RUnlock()
		return nil
	}
	blob, gen := encodeSnapshot(st), st.gen
	ix.mu.RUnlock()

	conn, err := ix.db.Conn(ctx)
	if err != nil {
		return fmt.Errorf("search: snapshot: %w", err)
	}
	defer conn.Close()
	var timeout int64
	if err := conn.QueryRowContext(ctx, `PRAGMA busy_timeout`).Scan(&timeout); err != nil {
		return fmt.Errorf("search: snapshot: %w", err)
	}
	defer conn.ExecContext(context.Background(), fmt.Sprintf(`PRAGMA busy_timeout = %d`, timeout))
	if _, err := conn.ExecContext(ctx, `PRAGMA busy_timeout = 50`); err != nil {
		return fmt.Errorf("search: snapshot: %w", err)
	}
	if _, err := conn.ExecContext(ctx, `BEGIN IMMEDIATE`); err != nil {
		return fmt.Errorf("search: snapshot: %w", err)
	}
	// Not ctx from here: the transaction must end.
	bg := context.Background()
	_, err = conn.ExecContext(bg, `INSERT OR REPLACE INTO search_snapshot (id, gen, data)
		SELECT 1, ?, ? WHERE NOT EXISTS (SELECT 1 FROM search_snapshot WHERE gen >= ?)`, gen, blob, gen)
	if err == nil {
		_, err = conn.ExecContext(bg, `COMMIT`)
	}
	if err != nil {
		conn.ExecContext(bg, `ROLLBACK`)
		return fmt.Errorf("search: snapshot: %w", err)
	}
	ix.mu.Lock()
	if ix.st == st && st.gen == gen {
		st.sinceSnapshot = 0
	}
	ix.mu.Unlock()
	return nil
}
