// Package search is Casebook's typo-tolerant passage search: an inverted
// index kept in the SQLite library, updated inside the store's own write
// transactions, and searched as the user types.
//
// # Use
//
// The store opens the index once (Open is cheap), calls Put and Delete with
// its own write transaction whenever passages or notes change, and Search
// for every keystroke. Hits name the passage (and note) and carry match
// spans as rune offsets into the document's text; the store has the text.
// The first Search after Open loads the vocabulary and document table
// (about 0.4 s at 200,000 passages): call Refresh in the background at
// start-up to take that off the first keystroke. Do not call Search while
// holding a write transaction on a library limited to one connection: it
// would wait for that connection.
//
// # Storage
//
// The index lives in the tables of migrations 0002_search.sql and
// 0003_search_terms_index.sql. Every Put and
// Delete bumps a generation counter (search_meta 'gen') and writes rows
// stamped with it: the document's row (search_docs, with its token stream),
// one posting segment per term it contains (search_postings), new terms
// (search_terms, insert-only, ids in commit order) and one row of document
// frequency changes (search_df). A batch therefore appends and never
// rewrites a large posting list; a term's newer, smaller segments are merged
// when it has more than maxSegments, and df rows are summed when they pile
// up. A posting is valid only when its generation equals the document's
// current one, so replaced and deleted documents need no posting updates;
// their postings are dropped when the segments holding them are merged
// (see livePostings for when a merge cannot tell cheaply).
//
// # Caches and transactions
//
// An Index keeps the vocabulary, per-document data, decoded posting lists
// and recent token streams in memory. Put and Delete never change that
// memory: they only write through the caller's transaction, so a rollback
// leaves nothing to undo. Search (and Refresh) compare the committed
// generation with the cached one and, when it changed, read only the rows
// written since (by generation), then drop the cached posting lists of the
// terms those rows contain.
//
// # Matching and ranking
//
// Each query word is matched against the vocabulary: exactly; as a prefix
// when it is the word being typed; by English inflection ("apologies",
// "apology"); and with typos (see typoBudget), using a Levenshtein automaton
// run over the sorted vocabulary as a trie. Runs of words also match their
// joined form ("fifth floor", "fifthfloor"). The candidate terms' posting
// lists are scored term at a time into dense per-document accumulators, and
// a heap keeps the best. Documents rank by coverage (how many query words
// they match, content words before function words), then closeness (exact,
// prefix, typo), then proximity of the matched words, then BM25, then
// reading order. Proximity, quoted phrases and match spans come from the
// token streams of the best few hundred documents only.
package search

import (
	"cmp"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"sort"
	"sync"
)

// Source says what kind of text a document is.
type Source uint8

// The document sources.
const (
	// SourcePassage is a paragraph of an article.
	SourcePassage Source = 0
	// SourceNote is a note attached to a passage.
	SourceNote Source = 1
)

// String returns "passage" or "note".
func (s Source) String() string {
	if s == SourceNote {
		return "note"
	}
	return "passage"
}

// Doc is one text to index.
type Doc struct {
	// ID is the passage id for a passage, the note id for a note.
	ID int64
	// Source is SourcePassage or SourceNote.
	Source Source
	// Passage is the passage the text belongs to: for a passage, its own id
	// (0 is read as ID); for a note, the passage it is attached to.
	Passage int64
	// Article is the article the passage belongs to.
	Article int64
	// Text is the text to index, as it is shown: match spans are rune
	// offsets into it.
	Text string
}

func docKey(src Source, id int64) int64 { return id<<1 | int64(src&1) }

// keySource and keyID split a document key.
func keySource(key int64) Source { return Source(key & 1) }
func keyID(key int64) int64      { return key >> 1 }

// maxSegments is how many posting segments a term may have before its newer,
// smaller segments are merged.
const maxSegments = 16

// Index is a search index stored in a SQLite library. It is safe for
// concurrent use.
type Index struct {
	db      *sql.DB
	genStmt *sql.Stmt
	segStmt *sql.Stmt

	// mu guards st. Searches hold it for reading; a refresh for writing.
	mu sync.RWMutex
	st *state
	// vmu also guards st, its vocabulary, its document versions (slotOf,
	// dense, gens) and gen, for writers: Put and Delete take it, briefly,
	// instead of mu, which a search holds while it waits for a connection
	// that the writer's transaction may be holding.
	vmu sync.RWMutex
	// refreshMu serialises refreshes.
	refreshMu sync.Mutex

	cache *lru[uint32, *plist]
	// toks caches token streams by slot. A slot is one version of one
	// document, so entries never go stale; dead ones age out.
	toks     *lru[uint32, []byte]
	scratch  sync.Pool
	scanners sync.Pool
}

// Open returns the index stored in db, which must have the tables of
// migration 0002_search.sql. Open is cheap: it reads nothing but the schema
// check; the vocabulary and document table are loaded by the first Search
// (or Refresh) and kept up to date incrementally.
func Open(ctx context.Context, db *sql.DB) (*Index, error) {
	var format int64
	err := db.QueryRowContext(ctx, `SELECT value FROM search_meta WHERE key = 'format'`).Scan(&format)
	if err != nil {
		return nil, fmt.Errorf("search: open index: %w", err)
	}
	if format != 1 {
		return nil, fmt.Errorf("search: unknown index format %d", format)
	}
	ix := &Index{db: db,
		cache: newLRU[uint32](plistCacheBytes, (*plist).bytes),
		toks:  newLRU[uint32](toksCacheBytes, func(b []byte) int { return len(b) + 64 }),
	}
	if ix.genStmt, err = db.PrepareContext(ctx, `SELECT value FROM search_meta WHERE key = 'gen'`); err != nil {
		return nil, fmt.Errorf("search: open index: %w", err)
	}
	if ix.segStmt, err = db.PrepareContext(ctx, `SELECT gen, data FROM search_postings WHERE term = ?`); err != nil {
		ix.genStmt.Close()
		return nil, fmt.Errorf("search: open index: %w", err)
	}
	ix.scanners.New = func() any { return new(scanner) }
	return ix, nil
}

// Close releases the index's prepared statements. It does not close db.
func (ix *Index) Close() error {
	return errors.Join(ix.genStmt.Close(), ix.segStmt.Close())
}

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

// termAcc collects the postings of one term in a Put batch.
type termAcc struct {
	keys []int64
	tfs  []uint32
}

// writer resolves term ids and df changes inside one write transaction.
type writer struct {
	ctx context.Context
	tx  *sql.Tx
	gen int64
	ix  *Index
	// maxID is the largest term id in use, including this batch's.
	maxID uint32
	// resolved is set once every term of the batch that the read state
	// does not hold has been looked up in the library (resolveTerms): a
	// term found in neither is new.
	resolved bool

	ids      map[string]int32 // term → slot, for the terms resolved in this batch
	newTerms []string         // terms added by this batch, ids known+1...
	firstNew uint32
	// The batch's per-term state is kept in dense slices indexed by a
	// local slot, so that a small Put (one article) costs in proportion to
	// its own words and not to the size of the vocabulary.
	slots   map[uint32]int32 // term id → slot
	globals []uint32         // slot → term id
	dfDelta []int64          // by slot
	acc     []*termAcc       // the batch's postings, by slot
	toks    []stoken         // forget's scratch

	// changed maps the documents written since generation changedBase,
	// when loaded and usable, to their current generation (loadChanged).
	changed       map[int64]int64
	changedBase   int64
	changedLoaded bool
}

// slot returns the local slot of term id, giving it one if it has none.
func (w *writer) slot(id uint32) int32 {
	if s, ok := w.slots[id]; ok {
		return s
	}
	s := int32(len(w.globals))
	w.slots[id] = s
	w.globals = append(w.globals, id)
	w.dfDelta = append(w.dfDelta, 0)
	w.acc = append(w.acc, nil)
	return s
}

func (ix *Index) newWriter(ctx context.Context, tx *sql.Tx) (*writer, error) {
	g, err := bumpGen(ctx, tx)
	if err != nil {
		return nil, err
	}
	w := &writer{ctx: ctx, tx: tx, gen: g, ix: ix, ids: map[string]int32{}, slots: map[uint32]int32{}}
	var max sql.NullInt64
	if err := tx.QueryRowContext(ctx, `SELECT MAX(id) FROM search_terms`).Scan(&max); err != nil {
		return nil, fmt.Errorf("search: %w", err)
	}
	w.maxID = uint32(max.Int64)
	w.firstNew = w.maxID + 1
	return w, nil
}

// termSlot returns the batch slot of term (its id is w.globals[slot]),
// assigning the term a new id if the library has never seen it. Ids of
// committed terms never change, so the read state is a valid source even
// inside a transaction.
func (w *writer) termSlot(b []byte) (int32, error) {
	if sl, ok := w.ids[string(b)]; ok {
		return sl, nil
	}
	w.ix.vmu.RLock()
	var id uint32
	ok := false
	if st := w.ix.st; st != nil {
		id, ok = st.voc.byTerm[string(b)]
	}
	w.ix.vmu.RUnlock()
	if !ok && !w.resolved {
		return 0, errors.New("search: internal error: term looked up before the batch's terms were resolved")
	}
	term := string(b)
	if !ok {
		w.maxID++
		id = w.maxID
		w.newTerms = append(w.newTerms, term)
	}
	sl := w.slot(id)
	w.ids[term] = sl
	return sl, nil
}

// termsPerDoc is how many new terms a document may bring, at most, in the
// choice between resolving a batch's words one by one (resolveTerms) and
// reading every term newer than the read state (resolveNewer): a Put reads
// the newer terms whole only when there are fewer of them than termsPerDoc
// times its documents, so that a batch costs in proportion to its own
// words, whatever the library holds (an import into a library of 2 million
// words does not read them all for each batch).
const termsPerDoc = 8

// resolveTerms looks up, in the library, the ids of the batch's terms that
// the read state does not hold (it may be stale: nothing has searched since
// other batches were written), with one indexed query per 500 terms, so
// that a long run of small imports costs in proportion to their own words
// rather than to the whole vocabulary.
func (w *writer) resolveTerms(terms map[string]bool) error {
	w.ix.vmu.RLock()
	var missing []any
	for t := range terms {
		if st := w.ix.st; st != nil {
			if _, ok := st.voc.byTerm[t]; ok {
				continue
			}
		}
		missing = append(missing, t)
	}
	w.ix.vmu.RUnlock()
	err := queryIn(w.ctx, w.tx, `SELECT id, term FROM search_terms WHERE term IN (?)`, missing, func(rows *sql.Rows) error {
		var id int64
		var term string
		if err := rows.Scan(&id, &term); err != nil {
			return err
		}
		w.ids[term] = w.slot(uint32(id))
		return nil
	})
	if err != nil {
		return err
	}
	w.resolved = true
	return nil
}

// resolveNewer reads every term committed since the read state was loaded
// (all of them if it never was): one scan, cheaper than word-by-word
// lookups when the batch is large beside them (see termsPerDoc).
func (w *writer) resolveNewer() error {
	var known uint32
	w.ix.vmu.RLock()
	if st := w.ix.st; st != nil {
		known = st.voc.maxID()
	}
	w.ix.vmu.RUnlock()
	err := readTerms(w.ctx, w.tx, known, func(id uint32, term string) { w.ids[term] = w.slot(id) })
	w.resolved = err == nil
	return err
}

func (w *writer) addDF(id uint32, d int64) {
	w.dfDelta[w.slot(id)] += d
}

// forget subtracts an old version of a document, its stored token stream,
// from the document frequencies of its terms.
func (w *writer) forget(blob []byte, seen map[uint32]bool) error {
	clear(seen)
	var err error
	if w.toks, err = decodeTokens(w.toks[:0], blob); err != nil {
		return err
	}
	for _, t := range w.toks {
		if !seen[t.term] {
			seen[t.term] = true
			w.addDF(t.term, -1)
		}
	}
	return nil
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

	var maxKey sql.NullInt64
	if err := tx.QueryRowContext(ctx, `SELECT MAX(key) FROM search_docs`).Scan(&maxKey); err != nil {
		return fmt.Errorf("search: %w", err)
	}
	oldStmt, err := tx.PrepareContext(ctx, `SELECT live, toks FROM search_docs WHERE key = ?`)
	if err != nil {
		return fmt.Errorf("search: %w", err)
	}
	defer oldStmt.Close()
	docRows := newInserter(ctx, tx, "search_docs", "key", "gen", "live", "passage", "article", "len", "toks")

	var (
		tz   tokenizer
		tf   []uint32 // by slot, for the current document
		seen = map[uint32]bool{}
		ids  []uint32
	)
	var known uint32
	ix.vmu.RLock()
	if ix.st != nil {
		known = ix.st.voc.maxID()
	}
	ix.vmu.RUnlock()
	if int64(w.maxID)-int64(known) > termsPerDoc*int64(len(order)) {
		terms := map[string]bool{}
		for _, i := range order {
			for _, t := range tz.tokens(docs[i].Text) {
				if b := tz.term(t); !terms[string(b)] {
					terms[string(b)] = true
				}
			}
		}
		if err := w.resolveTerms(terms); err != nil {
			return err
		}
	} else if err := w.resolveNewer(); err != nil {
		return err
	}
	for _, i := range order {
		d := docs[i]
		key := docKey(d.Source, d.ID)
		passage := d.Passage
		if d.Source == SourcePassage && passage == 0 {
			passage = d.ID
		}
		if maxKey.Valid && key <= maxKey.Int64 {
			var live bool
			var old []byte
			err := oldStmt.QueryRowContext(ctx, key).Scan(&live, &old)
			if err != nil && !errors.Is(err, sql.ErrNoRows) {
				return fmt.Errorf("search: %w", err)
			}
			if err == nil && live {
				if err := w.forget(old, seen); err != nil {
					return err
				}
			}
		}
		toks := tz.tokens(d.Text)
		blob := make([]byte, 0, 4*len(toks))
		ids = ids[:0]
		prevStart, length := 0, 0
		for _, t := range toks {
			sl, err := w.termSlot(tz.term(t))
			if err != nil {
				return err
			}
			blob = appendToken(blob, w.globals[sl], t.joined, t.start, prevStart, t.end)
			prevStart = t.start
			if !t.joined {
				length++
			}
			for int(sl) >= len(tf) {
				tf = append(tf, 0)
			}
			if tf[sl] == 0 {
				ids = append(ids, uint32(sl))
			}
			tf[sl]++
		}
		for _, sl := range ids {
			a := w.acc[sl]
			if a == nil {
				a = &termAcc{}
				w.acc[sl] = a
			}
			a.keys = append(a.keys, key)
			a.tfs = append(a.tfs, tf[sl])
			tf[sl] = 0
			w.dfDelta[sl]++
		}
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
	oldStmt, err := tx.PrepareContext(ctx, `SELECT live, toks FROM search_docs WHERE key = ?`)
	if err != nil {
		return fmt.Errorf("search: %w", err)
	}
	defer oldStmt.Close()
	delStmt, err := tx.PrepareContext(ctx, `UPDATE search_docs SET live = 0, gen = ?, len = 0, toks = x'' WHERE key = ?`)
	if err != nil {
		return fmt.Errorf("search: %w", err)
	}
	defer delStmt.Close()
	seen := map[uint32]bool{}
	for _, id := range ids {
		key := docKey(src, id)
		var live bool
		var old []byte
		err := oldStmt.QueryRowContext(ctx, key).Scan(&live, &old)
		if errors.Is(err, sql.ErrNoRows) || (err == nil && !live) {
			continue
		}
		if err != nil {
			return fmt.Errorf("search: %w", err)
		}
		if err := w.forget(old, seen); err != nil {
			return err
		}
		if _, err := delStmt.ExecContext(ctx, w.gen, key); err != nil {
			return fmt.Errorf("search: %w", err)
		}
	}
	return w.finish()
}

// finish writes the batch's posting segments, new terms and df changes,
// then merges what has piled up.
func (w *writer) finish() error {
	ctx, tx := w.ctx, w.tx
	segs := newInserter(ctx, tx, "search_postings", "term", "gen", "n", "data")
	// Segments go in in term order, the order of the table's key.
	var touched []uint32
	for sl, a := range w.acc {
		if a != nil {
			touched = append(touched, w.globals[sl])
		}
	}
	slices.Sort(touched)
	for _, id := range touched {
		a := w.acc[w.slots[id]]
		if err := segs.add(id, w.gen, len(a.keys), encodeRaw(a.keys, a.tfs)); err != nil {
			return err
		}
	}
	if err := segs.flush(); err != nil {
		return err
	}
	if len(w.newTerms) > 0 {
		terms := newInserter(ctx, tx, "search_terms", "id", "term")
		for i, term := range w.newTerms {
			if err := terms.add(w.firstNew+uint32(i), term); err != nil {
				return err
			}
		}
		if err := terms.flush(); err != nil {
			return err
		}
	}
	var delta []dfChange
	for sl, d := range w.dfDelta {
		if d != 0 {
			delta = append(delta, dfChange{w.globals[sl], d})
		}
	}
	slices.SortFunc(delta, func(a, b dfChange) int { return cmp.Compare(a.id, b.id) })
	if blob := encodeDF(delta); blob != nil {
		if _, err := tx.ExecContext(ctx, `INSERT INTO search_df (gen, base, data) VALUES (?, 0, ?)`, w.gen, blob); err != nil {
			return fmt.Errorf("search: %w", err)
		}
		if err := w.mergeDF(); err != nil {
			return err
		}
	}
	return w.mergeSegments(touched)
}

// maxDFRows is how many df change rows may pile up before they are summed.
const maxDFRows = 32

// mergeDF sums the df change rows into one base row when there are too many.
func (w *writer) mergeDF() error {
	ctx, tx := w.ctx, w.tx
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM search_df`).Scan(&n); err != nil {
		return fmt.Errorf("search: %w", err)
	}
	if n <= maxDFRows {
		return nil
	}
	// Term ids are dense: sum by id in a slice, which also yields them in
	// the order the row is encoded in.
	sum := make([]int64, w.maxID+1)
	err := readDF(ctx, tx, 0, func(base bool) { clear(sum) }, func(id uint32, d int64) {
		if int(id) >= len(sum) {
			sum = append(sum, make([]int64, int(id)+1-len(sum))...)
		}
		sum[id] += d
	})
	if err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM search_df`); err != nil {
		return fmt.Errorf("search: %w", err)
	}
	changes := make([]dfChange, 0, len(sum))
	for id, d := range sum {
		if d != 0 {
			changes = append(changes, dfChange{uint32(id), d})
		}
	}
	blob := encodeDF(changes)
	if blob == nil {
		blob = []byte{}
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO search_df (gen, base, data) VALUES (?, 1, ?)`, w.gen, blob); err != nil {
		return fmt.Errorf("search: %w", err)
	}
	return nil
}

// mergeSegments merges the segments of the batch's terms that have more
// than maxSegments. The touched terms' segments are counted every time,
// with one GROUP BY per 500 terms over the (term, gen) key: an import
// writes one Put per batch of files, not per file, so counting is a small
// share of a Put, and nothing is remembered across transactions (a count
// remembered from a transaction that later rolled back would be wrong).
func (w *writer) mergeSegments(touched []uint32) error {
	ids := make([]any, len(touched))
	for i, id := range touched {
		ids[i] = id
	}
	var merge []uint32
	err := queryIn(w.ctx, w.tx, `SELECT term, COUNT(*) FROM search_postings WHERE term IN (?) GROUP BY term`, ids, func(rows *sql.Rows) error {
		var id uint32
		var c int
		if err := rows.Scan(&id, &c); err != nil {
			return err
		}
		if c > maxSegments {
			merge = append(merge, id)
		}
		return nil
	})
	if err != nil {
		return err
	}
	for _, id := range merge {
		if err := w.merge(id); err != nil {
			return err
		}
	}
	return nil
}

// merge folds a term's newest segments into one, size-tiered: it takes
// segments from the newest back while the next older one is no more than
// four times what it has gathered, so a large base list is rewritten only
// rarely. The merged segment keeps only the postings of documents' current
// versions, so posting lists do not grow with edit history.
func (w *writer) merge(term uint32) error {
	ctx, tx := w.ctx, w.tx
	rows, err := tx.QueryContext(ctx, `SELECT gen, n FROM search_postings WHERE term = ? ORDER BY gen`, term)
	if err != nil {
		return fmt.Errorf("search: %w", err)
	}
	type seg struct{ gen, n int64 }
	var segs []seg
	for rows.Next() {
		var s seg
		if err := rows.Scan(&s.gen, &s.n); err != nil {
			rows.Close()
			return fmt.Errorf("search: %w", err)
		}
		segs = append(segs, s)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fmt.Errorf("search: %w", err)
	}
	if len(segs) < 2 {
		return nil
	}
	j := len(segs) - 1
	total := segs[j].n
	for j > 0 && (segs[j-1].n <= 4*total || len(segs)-j < 2) {
		j--
		total += segs[j].n
	}
	var ps []posting
	rows, err = tx.QueryContext(ctx, `SELECT gen, data FROM search_postings WHERE term = ? AND gen >= ? ORDER BY gen`, term, segs[j].gen)
	if err != nil {
		return fmt.Errorf("search: %w", err)
	}
	for rows.Next() {
		var gen int64
		var data sql.RawBytes
		if err := rows.Scan(&gen, &data); err != nil {
			rows.Close()
			return fmt.Errorf("search: %w", err)
		}
		err := decodeSegment(data, gen, func(key, gen int64, tf uint32) {
			ps = append(ps, posting{key: key, gen: gen, tf: tf})
		})
		if err != nil {
			rows.Close()
			return err
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fmt.Errorf("search: %w", err)
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM search_postings WHERE term = ? AND gen >= ?`, term, segs[j].gen); err != nil {
		return fmt.Errorf("search: %w", err)
	}
	ps, err = w.livePostings(mergePostings(ps))
	if err != nil {
		return err
	}
	if len(ps) == 0 {
		return nil
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO search_postings (term, gen, n, data) VALUES (?, ?, ?, ?)`,
		term, segs[len(segs)-1].gen, len(ps), encodeMerged(ps)); err != nil {
		return fmt.Errorf("search: %w", err)
	}
	return nil
}

// livePostings keeps the postings, sorted by key with one per key, that
// belong to a document's current version: those whose (key, gen) is a
// live row of search_docs as this transaction sees it. The others, of
// replaced and deleted documents, would only be skipped by every search.
//
// Looking every posting up in the library made a common term's merges cost
// far more than the merge itself (BenchmarkImport2000 of data/ingest went
// from 5-7 s to 9-18 s). So the check uses this Index's in-memory state
// when it is recent (the store refreshes it after its commits and on every
// search): the document versions it holds, corrected by the few documents
// written since (loadChanged). Without such a state only a small merge is
// checked in the library; a large one keeps its stale postings, which
// searches skip, for a later merge to drop.
func (w *writer) livePostings(ps []posting) ([]posting, error) {
	if !w.changedLoaded {
		if err := w.loadChanged(); err != nil {
			return nil, err
		}
	}
	out := ps[:0]
	if w.changed != nil {
		w.ix.vmu.RLock()
		// A refresh may have moved st on since loadChanged, but only to
		// a committed generation this transaction sees: a document not
		// in changed is unchanged since changedBase, in st too.
		if st := w.ix.st; st != nil && st.gen >= w.changedBase {
			for _, p := range ps {
				g, ok := w.changed[p.key]
				if !ok {
					var s uint32
					if s, ok = st.slot(p.key); ok {
						g = st.gens[s]
					}
				}
				if ok && g == p.gen {
					out = append(out, p)
				}
			}
			w.ix.vmu.RUnlock()
			return out, nil
		}
		w.ix.vmu.RUnlock()
	}
	if len(ps) > maxLookups {
		return ps, nil
	}
	keys := make([]any, len(ps))
	for i, p := range ps {
		keys[i] = p.key
	}
	current := make(map[int64]int64, len(ps))
	err := queryIn(w.ctx, w.tx, `SELECT key, gen FROM search_docs WHERE live = 1 AND key IN (?)`, keys, func(rows *sql.Rows) error {
		var key, gen int64
		if err := rows.Scan(&key, &gen); err != nil {
			return err
		}
		current[key] = gen
		return nil
	})
	if err != nil {
		return nil, err
	}
	for _, p := range ps {
		if g, ok := current[p.key]; ok && g == p.gen {
			out = append(out, p)
		}
	}
	return out, nil
}

// maxChanged is the most documents written since the Index's state that
// loadChanged reads; maxLookups the most postings livePostings looks up in
// the library one by one.
const (
	maxChanged = 4096
	maxLookups = 256
)

// loadChanged reads, once per writer, the current generation of every
// document written (or deleted) since the generation of the Index's state,
// this transaction's own writes included, over the search_docs_gen index.
// Together with that state they give every document's current version:
// generations are handed out in commit order, so a document not written
// since is as the state has it. A deleted document's row carries the
// Delete's generation, which no posting has. When there is no state, or
// too much was written since it, w.changed stays nil.
func (w *writer) loadChanged() error {
	w.changedLoaded = true
	w.ix.vmu.RLock()
	st := w.ix.st
	var base int64
	if st != nil {
		base = st.gen
	}
	w.ix.vmu.RUnlock()
	if st == nil {
		return nil
	}
	rows, err := w.tx.QueryContext(w.ctx, `SELECT key, gen FROM search_docs WHERE gen > ? LIMIT ?`, base, maxChanged+1)
	if err != nil {
		return fmt.Errorf("search: %w", err)
	}
	defer rows.Close()
	changed := map[int64]int64{}
	for rows.Next() {
		var key, gen int64
		if err := rows.Scan(&key, &gen); err != nil {
			return fmt.Errorf("search: %w", err)
		}
		changed[key] = gen
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("search: %w", err)
	}
	if len(changed) <= maxChanged {
		w.changed, w.changedBase = changed, base
	}
	return nil
}
