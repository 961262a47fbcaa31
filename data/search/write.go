// Writing the index: Put and Delete, inside the caller's transaction, each
// one generation of document rows, posting segments, new terms and df
// changes.

package search

import (
	"cmp"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"sort"
	"strings"
	"unsafe"
)

// bumpGen increments the generation counter. As the transaction's first
// write it also takes SQLite's write lock, so generations are handed out in
// commit order.
func bumpGen(ctx context.Context, tx *sql.Tx) (int64, error) {
	var g int64
	err := tx.QueryRowContext(ctx, `UPDATE search_meta SET value = value + 1 WHERE key = 'gen' RETURNING value`).Scan(&g)
	if err != nil {
		return 0, fmt.Errorf("search: %w", err)
	}
	return g, nil
}

// writer holds one Put's or Delete's batch inside the caller's write
// transaction. Its memory grows with the batch's distinct words and
// postings, never with the library: a word is a slot, a posting three
// numbers in flat slices.
type writer struct {
	ctx context.Context
	tx  *sql.Tx
	gen int64
	ix  *Index
	// maxID is the largest term id in the library before this batch.
	maxID uint32

	// The batch's words, by slot.
	words   *termSet
	globals []uint32 // slot -> term id, once resolved
	dfDelta []int32  // slot -> documents added that hold it
	// The batch's postings in the order written, which is document key
	// order: the word's slot, the document, the word's frequency in it.
	pslot []int32
	pkey  []int64
	ptf   []uint32
	// forgot holds the df changes of the old versions of replaced and
	// deleted documents, by term id (forget), and gone the tombstones
	// they leave: a term the old version held and the new one does not,
	// and the document.
	forgot  map[uint32]int32
	goneID  []uint32
	goneKey []int64
	// old reads a document's stored version, and toks is its scratch
	// (forget).
	old  *sql.Stmt
	toks []stoken
}

// newWriter starts a batch in tx: the next generation, the vocabulary's
// extent and the statement forget reads with, which the caller closes.
func (ix *Index) newWriter(ctx context.Context, tx *sql.Tx) (*writer, error) {
	g, err := bumpGen(ctx, tx)
	if err != nil {
		return nil, err
	}
	w := &writer{ctx: ctx, tx: tx, gen: g, ix: ix, words: newTermSet(), forgot: map[uint32]int32{}}
	var max sql.NullInt64
	if err := tx.QueryRowContext(ctx, `SELECT MAX(id) FROM search_terms`).Scan(&max); err != nil {
		return nil, fmt.Errorf("search: %w", err)
	}
	w.maxID = uint32(max.Int64)
	if w.old, err = tx.PrepareContext(ctx, `SELECT live, toks FROM search_docs WHERE key = ?`); err != nil {
		return nil, fmt.Errorf("search: %w", err)
	}
	return w, nil
}

// termsPerDoc is how many new terms a document may bring, at most, in the
// choice between resolving a batch's words one by one (resolveTerms) and
// reading every term newer than the read state (resolveNewer): a Put reads
// the newer terms whole only when there are fewer of them than termsPerDoc
// times its documents, so that a batch costs in proportion to its own
// words, whatever the library holds (an import into a library of 2 million
// words does not read them all for each batch).
const termsPerDoc = 8

// sortedIDsFrom is the number of new words from which a batch numbers them
// in word order rather than in order of first appearance; see resolve.
// Below it, the term index's pages that random-order inserts touch fit in
// the connection's 16 MB page cache (about 30 bytes an entry).
const sortedIDsFrom = 1 << 19

// resolve gives every slot its term id: the read state's (ids of committed
// terms never change, so it is a valid source even when stale), else the
// library's, else a new one. New terms are numbered in order of first
// appearance, which gives frequent words small ids and so short token
// streams (numbering them in word order made the token streams of a
// library of 200k passages 23% larger); but a batch of more than sortedIDsFrom new words numbers
// them in word order, so that the rows of search_terms and of its index on
// term both go in in order (inserting two million words in random order
// into the index took most of an import's time).
func (w *writer) resolve(docs int) error {
	n := w.words.len()
	w.globals = make([]uint32, n)
	var known uint32
	var missing []int32
	w.ix.vmu.RLock()
	if st := w.ix.st; st != nil {
		known = st.voc.maxID()
		for sl := range int32(n) {
			if id, ok := st.voc.lookup(w.words.term(sl)); ok {
				w.globals[sl] = id
			} else {
				missing = append(missing, sl)
			}
		}
	} else {
		missing = make([]int32, n)
		for sl := range missing {
			missing[sl] = int32(sl)
		}
	}
	w.ix.vmu.RUnlock()
	found := func(id uint32, term string) {
		if sl, ok := w.words.find(unsafe.Slice(unsafe.StringData(term), len(term))); ok {
			w.globals[sl] = id
		}
	}
	if int64(w.maxID)-int64(known) <= termsPerDoc*int64(docs) {
		if err := readTerms(w.ctx, w.tx, known, found); err != nil {
			return err
		}
	} else {
		for len(missing) > 0 {
			part := missing[:min(inChunk, len(missing))]
			missing = missing[len(part):]
			args := make([]any, len(part))
			for i, sl := range part {
				args[i] = w.words.term(sl)
			}
			err := queryIn(w.ctx, w.tx, `SELECT id, term FROM search_terms WHERE term IN (?)`, args, func(rows *sql.Rows) error {
				var id int64
				var term string
				if err := rows.Scan(&id, &term); err != nil {
					return err
				}
				found(uint32(id), term)
				return nil
			})
			if err != nil {
				return err
			}
		}
	}
	var fresh []int32
	for sl, id := range w.globals {
		if id == 0 {
			fresh = append(fresh, int32(sl))
		}
	}
	if len(fresh) > sortedIDsFrom {
		slices.SortFunc(fresh, func(a, b int32) int { return strings.Compare(w.words.term(a), w.words.term(b)) })
	}
	terms := newInserter(w.ctx, w.tx, "search_terms", "id", "term")
	for i, sl := range fresh {
		id := w.maxID + 1 + uint32(i)
		w.globals[sl] = id
		if err := terms.add(id, w.words.term(sl)); err != nil {
			return err
		}
	}
	return terms.flush()
}

// forget subtracts the stored version of document key, when it is indexed
// and live, from the document frequencies of its terms, and leaves seen
// holding those terms (none when there is no such version). It reports
// whether there was one.
func (w *writer) forget(key int64, seen map[uint32]bool) (bool, error) {
	clear(seen)
	var live bool
	var blob []byte
	err := w.old.QueryRowContext(w.ctx, key).Scan(&live, &blob)
	if errors.Is(err, sql.ErrNoRows) || (err == nil && !live) {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("search: %w", err)
	}
	if w.toks, err = decodeTokens(w.toks[:0], blob); err != nil {
		return false, err
	}
	for _, t := range w.toks {
		if !seen[t.term] {
			seen[t.term] = true
			w.forgot[t.term]--
		}
	}
	return true, nil
}

// bury writes a tombstone posting for each term left in seen: the old
// version of document key held it and the new one (if any) does not.
func (w *writer) bury(key int64, seen map[uint32]bool) {
	for id := range seen {
		w.goneID = append(w.goneID, id)
		w.goneKey = append(w.goneKey, key)
	}
}

// Put adds documents to the index, or replaces them if already indexed (by
// Source and ID), inside the caller's write transaction. If the transaction
// rolls back, the index is unchanged: open indexes refresh from committed
// data only. When docs holds the same document twice, the last one wins.
func (ix *Index) Put(ctx context.Context, tx *sql.Tx, docs ...Doc) error {
	if len(docs) == 0 {
		return nil
	}
	w, err := ix.newWriter(ctx, tx)
	if err != nil {
		return err
	}
	defer w.old.Close()
	// One entry per document key, the last given; written in key order so
	// that posting lists come out sorted.
	last := make(map[int64]int, len(docs))
	for i, d := range docs {
		last[docKey(d.Source, d.ID)] = i
	}
	order := make([]int, 0, len(last))
	for _, i := range last {
		order = append(order, i)
	}
	sort.Slice(order, func(a, b int) bool {
		return docKey(docs[order[a]].Source, docs[order[a]].ID) < docKey(docs[order[b]].Source, docs[order[b]].ID)
	})

	// The words first, to give them ids; the texts are tokenized again
	// below rather than kept: a batch may hold millions of words.
	// Postings are counted too, so that their slices are made once at
	// their size: grown by appending, they left as much garbage behind.
	var tz tokenizer
	var lastIn []int32 // slot -> the last document that held it, plus 1
	postings := 0
	for j, i := range order {
		for _, t := range tz.tokens(docs[i].Text) {
			sl := w.words.add(tz.term(t))
			if int(sl) == len(lastIn) {
				lastIn = append(lastIn, 0)
			}
			if lastIn[sl] != int32(j)+1 {
				lastIn[sl] = int32(j) + 1
				postings++
			}
		}
	}
	lastIn = nil
	w.pslot, w.pkey, w.ptf = make([]int32, 0, postings), make([]int64, 0, postings), make([]uint32, 0, postings)
	if err := w.resolve(len(order)); err != nil {
		return err
	}
	w.dfDelta = make([]int32, w.words.len())

	var maxKey sql.NullInt64
	if err := tx.QueryRowContext(ctx, `SELECT MAX(key) FROM search_docs`).Scan(&maxKey); err != nil {
		return fmt.Errorf("search: %w", err)
	}
	docRows := newInserter(ctx, tx, "search_docs", "key", "gen", "live", "passage", "article", "len", "toks")
	var (
		tf   = make([]uint32, w.words.len()) // by slot, for the current document
		seen = map[uint32]bool{}
		in   []int32 // the slots of the current document
	)
	for _, i := range order {
		d := docs[i]
		key := docKey(d.Source, d.ID)
		passage := d.Passage
		if d.Source == SourcePassage && passage == 0 {
			passage = d.ID
		}
		clear(seen)
		if maxKey.Valid && key <= maxKey.Int64 {
			if _, err := w.forget(key, seen); err != nil {
				return err
			}
		}
		toks := tz.tokens(d.Text)
		blob := make([]byte, 0, 4*len(toks))
		in = in[:0]
		prevStart, length := 0, 0
		for _, t := range toks {
			sl, _ := w.words.find(tz.term(t))
			blob = appendToken(blob, w.globals[sl], t.joined, t.start, prevStart, t.end)
			prevStart = t.start
			if !t.joined {
				length++
			}
			if tf[sl] == 0 {
				in = append(in, sl)
			}
			tf[sl]++
		}
		for _, sl := range in {
			w.pslot = append(w.pslot, sl)
			w.pkey = append(w.pkey, key)
			w.ptf = append(w.ptf, tf[sl])
			tf[sl] = 0
			w.dfDelta[sl]++
			delete(seen, w.globals[sl])
		}
		w.bury(key, seen)
		if err := docRows.add(key, w.gen, 1, passage, d.Article, length, blob); err != nil {
			return err
		}
	}
	if err := docRows.flush(); err != nil {
		return err
	}
	return w.finish()
}

// Delete removes documents from the index inside the caller's write
// transaction. Ids that are not indexed are ignored.
func (ix *Index) Delete(ctx context.Context, tx *sql.Tx, src Source, ids ...int64) error {
	if len(ids) == 0 {
		return nil
	}
	w, err := ix.newWriter(ctx, tx)
	if err != nil {
		return err
	}
	defer w.old.Close()
	delStmt, err := tx.PrepareContext(ctx, `UPDATE search_docs SET live = 0, gen = ?, len = 0, toks = x'' WHERE key = ?`)
	if err != nil {
		return fmt.Errorf("search: %w", err)
	}
	defer delStmt.Close()
	seen := map[uint32]bool{}
	for _, id := range ids {
		key := docKey(src, id)
		indexed, err := w.forget(key, seen)
		if err != nil {
			return err
		}
		if !indexed {
			continue
		}
		w.bury(key, seen)
		if _, err := delStmt.ExecContext(ctx, w.gen, key); err != nil {
			return fmt.Errorf("search: %w", err)
		}
	}
	return w.finish()
}

// finish writes the batch's posting segments, one per term, and its df
// changes, then merges what has piled up.
func (w *writer) finish() error {
	ctx, tx := w.ctx, w.tx
	// Tombstones join their term's postings, with frequency 0, in a slot
	// of their own when the batch does not hold the term.
	if len(w.goneID) > 0 {
		slotOf := make(map[uint32]int32, len(w.globals))
		for sl, id := range w.globals {
			slotOf[id] = int32(sl)
		}
		for i, id := range w.goneID {
			sl, ok := slotOf[id]
			if !ok {
				sl = w.words.placeholder()
				slotOf[id] = sl
				w.globals = append(w.globals, id)
				w.dfDelta = append(w.dfDelta, 0)
			}
			w.pslot = append(w.pslot, sl)
			w.pkey = append(w.pkey, w.goneKey[i])
			w.ptf = append(w.ptf, 0)
		}
	}
	// The postings of each slot, in document order: a counting sort of
	// the postings by slot (start[sl] is where slot sl's begin in idx).
	n := w.words.len()
	start := make([]int32, n+1)
	for _, sl := range w.pslot {
		start[sl+1]++
	}
	for sl := range n {
		start[sl+1] += start[sl]
	}
	idx := make([]int32, len(w.pslot))
	next := slices.Clone(start[:n])
	for p, sl := range w.pslot {
		idx[next[sl]] = int32(p)
		next[sl]++
	}
	next = nil
	// Segments go in in term order, the order of the table's key.
	bySlot := make([]int32, 0, n)
	for sl := range n {
		if start[sl+1] > start[sl] {
			bySlot = append(bySlot, int32(sl))
		}
	}
	slices.SortFunc(bySlot, func(a, b int32) int { return cmp.Compare(w.globals[a], w.globals[b]) })
	segs := newInserter(ctx, tx, "search_postings", "term", "gen", "n", "data")
	var old []uint32 // touched terms that may have older segments
	for _, sl := range bySlot {
		ps := idx[start[sl]:start[sl+1]]
		// Postings are in key order, tombstones after them.
		slices.SortFunc(ps, func(a, b int32) int { return cmp.Compare(w.pkey[a], w.pkey[b]) })
		b := encodeRaw(len(ps), func(i int) (int64, uint32) { return w.pkey[ps[i]], w.ptf[ps[i]] })
		id := w.globals[sl]
		if err := segs.add(id, w.gen, len(ps), b); err != nil {
			return err
		}
		if id <= w.maxID {
			old = append(old, id)
		}
	}
	if err := segs.flush(); err != nil {
		return err
	}
	w.pslot, w.pkey, w.ptf, idx, start = nil, nil, nil, nil, nil

	// The df changes in id order: the added documents' by slot, in
	// bySlot's order, merged with the forgotten ones'.
	forgot := make([]uint32, 0, len(w.forgot))
	for id := range w.forgot {
		forgot = append(forgot, id)
	}
	slices.Sort(forgot)
	var df dfEncoder
	for _, sl := range bySlot {
		id := w.globals[sl]
		for len(forgot) > 0 && forgot[0] < id {
			df.add(forgot[0], int64(w.forgot[forgot[0]]))
			forgot = forgot[1:]
		}
		d := int64(w.dfDelta[sl])
		if len(forgot) > 0 && forgot[0] == id {
			d += int64(w.forgot[id])
			forgot = forgot[1:]
		}
		df.add(id, d)
	}
	for _, id := range forgot {
		df.add(id, int64(w.forgot[id]))
	}
	if blob := df.b; blob != nil {
		if _, err := tx.ExecContext(ctx, `INSERT INTO search_df (gen, base, data) VALUES (?, 0, ?)`, w.gen, blob); err != nil {
			return fmt.Errorf("search: %w", err)
		}
		if err := w.mergeDF(); err != nil {
			return err
		}
	}
	// A new term has the one segment just written: only older ones may
	// need merging.
	return w.mergeSegments(old)
}
