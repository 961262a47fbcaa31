package search

import (
	"container/list"
	"context"
	"database/sql"
	"database/sql/driver"
	"fmt"
	"sort"
	"sync"
)

// BM25 parameters.
const (
	bm25K1 = 1.2
	bm25B  = 0.75
)

// state is the in-memory image of the committed index at generation gen.
// Documents live in slots; a replaced document gets a new slot and its old
// slot is marked dead, so cached posting lists that name the old slot stay
// correct without being rewritten.
type state struct {
	gen int64
	voc *vocab

	// dense maps a document key to its live slot+1 (0: none) while keys
	// stay compact (they are rowids, so they do): decoding a long posting
	// list is then a run of array reads. Past that, sparse is set and
	// slotOf maps keys to slots instead.
	dense   []uint32
	sparse  bool
	slotOf  map[int64]uint32
	keys    []int64
	gens    []int64
	passage []int64
	article []int64
	length  []uint32
	live    []bool
	// norm is BM25's length normalisation k1*(1-b+b*len/avglen), per slot.
	norm     []float32
	nLive    int
	totalLen int64
	dead     int
	// sinceSnapshot counts the terms and documents applied since the
	// stored snapshot the state was loaded from (all of them when it was
	// loaded from the tables): Close stores a new snapshot when it is
	// large (see snapshotDue).
	sinceSnapshot int
}

func newState() *state {
	return &state{voc: newVocab()}
}

// slot returns the live slot of a document key.
func (st *state) slot(key int64) (uint32, bool) {
	if !st.sparse {
		if key < 0 || key >= int64(len(st.dense)) || st.dense[key] == 0 {
			return 0, false
		}
		return st.dense[key] - 1, true
	}
	s, ok := st.slotOf[key]
	return s, ok
}

// addDoc puts a document version in a new slot, killing its previous slot.
func (st *state) addDoc(key, gen int64, live bool, passage, article int64, length uint32) {
	if s, ok := st.slot(key); ok {
		st.live[s] = false
		st.nLive--
		st.totalLen -= int64(st.length[s])
		st.dead++
		if st.sparse {
			delete(st.slotOf, key)
		} else {
			st.dense[key] = 0
		}
	}
	if !live {
		return
	}
	s := uint32(len(st.keys))
	if !st.sparse && (key < 0 || key > 4*int64(len(st.keys))+1<<20) {
		st.sparse = true
		st.slotOf = make(map[int64]uint32, st.nLive+1)
		for k, s1 := range st.dense {
			if s1 != 0 {
				st.slotOf[int64(k)] = s1 - 1
			}
		}
		st.dense = nil
	}
	if st.sparse {
		st.slotOf[key] = s
	} else {
		if key >= int64(len(st.dense)) {
			st.dense = append(st.dense, make([]uint32, key+1-int64(len(st.dense))+int64(len(st.dense))/2+1024)...)
		}
		st.dense[key] = s + 1
	}
	st.keys = append(st.keys, key)
	st.gens = append(st.gens, gen)
	st.passage = append(st.passage, passage)
	st.article = append(st.article, article)
	st.length = append(st.length, length)
	st.live = append(st.live, true)
	st.nLive++
	st.totalLen += int64(length)
}

func (st *state) renorm() {
	avg := 1.0
	if st.nLive > 0 && st.totalLen > 0 {
		avg = float64(st.totalLen) / float64(st.nLive)
	}
	st.norm = st.norm[:0]
	for _, l := range st.length {
		st.norm = append(st.norm, float32(bm25K1*(1-bm25B+bm25B*float64(l)/avg)))
	}
}

// Refresh brings the index's in-memory caches up to the committed state of
// the library. Search calls it itself; the store may call it after a commit
// (or at start-up, in the background) to take the cost off the next search.
func (ix *Index) Refresh(ctx context.Context) error {
	var g int64
	if err := ix.genStmt.QueryRowContext(ctx).Scan(&g); err != nil {
		return fmt.Errorf("search: %w", err)
	}
	ix.mu.RLock()
	fresh := ix.st != nil && ix.st.gen == g
	ix.mu.RUnlock()
	if fresh {
		return nil
	}
	// Only refreshes change st, and they hold refreshMu: st and its
	// fields can be read without mu below.
	ix.refreshMu.Lock()
	defer ix.refreshMu.Unlock()
	cur := ix.st

	// A read snapshot on a pinned connection, not ix.db.BeginTx: the store
	// opens its library with _txlock=immediate, which go-sqlite3 applies
	// to every BeginTx whatever its TxOptions say, so a Refresh would take
	// SQLite's write lock, wait behind every writer and block the store's
	// own saves for as long as it reads. BEGIN DEFERRED on a plain
	// connection only takes a WAL read snapshot, at its first SELECT.
	snap, err := ix.openSnapshot(ctx)
	if err != nil {
		return err
	}
	defer snap.release()
	if err := snap.conn.QueryRowContext(ctx, `SELECT value FROM search_meta WHERE key = 'gen'`).Scan(&g); err != nil {
		return fmt.Errorf("search: %w", err)
	}
	switch {
	case cur != nil && cur.gen == g:
		return nil
	case cur == nil || g < cur.gen || cur.dead > 2*cur.nLive+1024:
		st, err := loadState(ctx, snap.conn, g)
		if err != nil {
			return err
		}
		// Release the connection before waiting for searches to end:
		// one of them may be waiting for a connection.
		snap.release()
		ix.mu.Lock()
		ix.vmu.Lock()
		ix.st = st
		ix.vmu.Unlock()
		ix.cache.reset()
		ix.toks.reset()
		ix.mu.Unlock()
		return nil
	}
	return ix.applyChanges(ctx, snap.conn, snap.release, cur, g)
}

// querier is what the index reads through: a read snapshot's pinned
// connection (*sql.Conn), a writer's transaction (*sql.Tx), or the pool
// (*sql.DB).
type querier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// snapshot is a read transaction on a connection of its own.
type snapshot struct {
	conn  *sql.Conn
	begun bool
}

// openSnapshot pins a connection and begins a deferred (read) transaction
// on it.
func (ix *Index) openSnapshot(ctx context.Context) (*snapshot, error) {
	conn, err := ix.db.Conn(ctx)
	if err != nil {
		return nil, fmt.Errorf("search: %w", err)
	}
	s := &snapshot{conn: conn}
	if _, err := conn.ExecContext(ctx, "BEGIN DEFERRED"); err != nil {
		s.release()
		return nil, fmt.Errorf("search: %w", err)
	}
	s.begun = true
	return s, nil
}

// release ends the read transaction and returns the connection to the
// pool; it may be called more than once. A connection whose ROLLBACK fails
// is discarded rather than handed back with a transaction still open.
func (s *snapshot) release() {
	if s.conn == nil {
		return
	}
	if s.begun {
		// Not ctx: a cancelled search must still end the transaction.
		if _, err := s.conn.ExecContext(context.Background(), "ROLLBACK"); err != nil {
			s.conn.Raw(func(any) error { return driver.ErrBadConn })
		}
	}
	s.conn.Close()
	s.conn = nil
}

// loadState reads the whole committed index through q, a snapshot that saw
// generation gen: the stored snapshot (search_snapshot) and what was
// committed after it, or, without one, the tables. It uses no other
// connection, so that a library limited to one connection works.
func loadState(ctx context.Context, q querier, gen int64) (*state, error) {
	st, err := readSnapshot(ctx, q, gen)
	if err != nil {
		return nil, err
	}
	if st == nil { // none, or damaged: the tables have it all
		return loadTables(ctx, q, gen)
	}
	ch, err := readChanges(ctx, q, st, false)
	if err != nil {
		return nil, err
	}
	st.apply(ch, gen)
	return st, nil
}

// readSnapshot decodes the stored snapshot, if there is one of generation
// gen or earlier and it decodes; else it returns nil. The blob is decoded
// in place (sql.RawBytes): it can be tens of megabytes.
func readSnapshot(ctx context.Context, q querier, gen int64) (*state, error) {
	rows, err := q.QueryContext(ctx, `SELECT gen, data FROM search_snapshot WHERE gen <= ?`, gen)
	if err != nil {
		return nil, fmt.Errorf("search: %w", err)
	}
	defer rows.Close()
	if !rows.Next() {
		return nil, rows.Err()
	}
	var sgen int64
	var blob sql.RawBytes
	if err := rows.Scan(&sgen, &blob); err != nil {
		return nil, fmt.Errorf("search: %w", err)
	}
	st, err := decodeSnapshot(blob, sgen)
	if err != nil {
		return nil, nil
	}
	return st, nil
}

// loadTables reads the whole committed index from its tables through q.
// The terms come in sorted order, over the index on term (SQLite compares
// bytes, as Go does), so the vocabulary need not be sorted again.
func loadTables(ctx context.Context, q querier, gen int64) (*state, error) {
	st := newState()
	st.gen = gen
	var maxID int64
	if err := q.QueryRowContext(ctx, `SELECT COALESCE(MAX(id), 0) FROM search_terms`).Scan(&maxID); err != nil {
		return nil, fmt.Errorf("search: %w", err)
	}
	st.voc.grow(int(maxID) + 1)
	rows, err := q.QueryContext(ctx, `SELECT id, term FROM search_terms ORDER BY term`)
	if err != nil {
		return nil, fmt.Errorf("search: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var term sql.RawBytes
		if err := rows.Scan(&id, &term); err != nil {
			return nil, fmt.Errorf("search: %w", err)
		}
		st.voc.add(uint32(id), string(term))
		if st.voc.term(uint32(id)) != "" {
			st.voc.sorted = append(st.voc.sorted, uint32(id))
		}
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("search: %w", err)
	}
	rows.Close()
	st.voc.relcp()
	if err := readDF(ctx, q, 0, func() {}, st.voc.addDF); err != nil {
		return nil, err
	}
	rows, err = q.QueryContext(ctx, `SELECT key, gen, passage, article, len FROM search_docs WHERE live = 1 ORDER BY key`)
	if err != nil {
		return nil, fmt.Errorf("search: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var key, g, passage, article, length int64
		if err := rows.Scan(&key, &g, &passage, &article, &length); err != nil {
			return nil, fmt.Errorf("search: %w", err)
		}
		st.addDoc(key, g, true, passage, article, uint32(length))
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("search: %w", err)
	}
	st.renorm()
	st.sinceSnapshot = len(st.voc.sorted) + st.nLive
	return st, nil
}

// readTerms calls fn for each term with an id above since.
func readTerms(ctx context.Context, tx querier, since uint32, fn func(id uint32, term string)) error {
	rows, err := tx.QueryContext(ctx, `SELECT id, term FROM search_terms WHERE id > ?`, since)
	if err != nil {
		return fmt.Errorf("search: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var term string
		if err := rows.Scan(&id, &term); err != nil {
			return fmt.Errorf("search: %w", err)
		}
		fn(uint32(id), term)
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("search: %w", err)
	}
	return nil
}

// readDF reads the df change rows written after generation since, in order.
// A base row holds the sum of everything before it: base is called first so
// that the caller can start from zero.
func readDF(ctx context.Context, tx querier, since int64, base func(), fn func(id uint32, d int64)) error {
	rows, err := tx.QueryContext(ctx, `SELECT base, data FROM search_df WHERE gen > ? ORDER BY gen`, since)
	if err != nil {
		return fmt.Errorf("search: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var isBase bool
		var data sql.RawBytes
		if err := rows.Scan(&isBase, &data); err != nil {
			return fmt.Errorf("search: %w", err)
		}
		if isBase {
			base()
		}
		if err := decodeDF(data, fn); err != nil {
			return err
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("search: %w", err)
	}
	return nil
}

// changes is what was committed after a state's generation.
type changes struct {
	terms []termRow
	// dfs are the df changes to apply; when rebase is set, they start
	// from a base row: df is cleared first.
	dfs    []dfChange
	rebase bool
	docs   []docRow
	// touched holds the terms of the documents written (with toks only).
	touched map[uint32]bool
}

type termRow struct {
	id   uint32
	term string
}

type docRow struct {
	key, gen, passage, article int64
	live                       bool
	length                     uint32
}

// readChanges reads through q what was committed after cur's generation
// (and terms after its largest id). With toks, it also collects the terms
// of the documents written, whose cached posting lists are stale.
func readChanges(ctx context.Context, q querier, cur *state, toks bool) (*changes, error) {
	ch := &changes{}
	if err := readTerms(ctx, q, cur.voc.maxID(), func(id uint32, term string) {
		ch.terms = append(ch.terms, termRow{id, term})
	}); err != nil {
		return nil, err
	}
	if err := readDF(ctx, q, cur.gen, func() { ch.rebase = true; ch.dfs = ch.dfs[:0] }, func(id uint32, d int64) {
		ch.dfs = append(ch.dfs, dfChange{id, d})
	}); err != nil {
		return nil, err
	}
	cols := `key, gen, live, passage, article, len`
	if toks {
		cols += `, toks`
		ch.touched = map[uint32]bool{}
	}
	rows, err := q.QueryContext(ctx, `SELECT `+cols+` FROM search_docs WHERE gen > ?`, cur.gen)
	if err != nil {
		return nil, fmt.Errorf("search: %w", err)
	}
	defer rows.Close()
	var ts []stoken
	for rows.Next() {
		var d docRow
		var blob sql.RawBytes
		var length int64
		dest := []any{&d.key, &d.gen, &d.live, &d.passage, &d.article, &length}
		if toks {
			dest = append(dest, &blob)
		}
		if err := rows.Scan(dest...); err != nil {
			return nil, fmt.Errorf("search: %w", err)
		}
		d.length = uint32(length)
		ch.docs = append(ch.docs, d)
		if toks {
			if ts, err = decodeTokens(ts[:0], blob); err != nil {
				return nil, err
			}
			for _, t := range ts {
				ch.touched[t.term] = true
			}
		}
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("search: %w", err)
	}
	// Applied in key order, so that slots come out the same whatever
	// order SQLite returned the rows in. (ORDER BY in the query would make
	// SQLite scan the whole table in key order instead of using the gen
	// index.)
	sort.Slice(ch.docs, func(i, j int) bool { return ch.docs[i].key < ch.docs[j].key })
	return ch, nil
}

// apply brings st to generation g with ch. The caller holds whatever
// guards st.
func (st *state) apply(ch *changes, g int64) {
	var added []uint32
	for _, t := range ch.terms {
		st.voc.add(t.id, t.term)
		added = append(added, t.id)
	}
	if len(added) > 0 {
		st.voc.insertSorted(added)
	}
	if ch.rebase {
		clear(st.voc.df)
	}
	for _, d := range ch.dfs {
		st.voc.addDF(d.id, d.d)
	}
	for _, d := range ch.docs {
		st.addDoc(d.key, d.gen, d.live, d.passage, d.article, d.length)
	}
	st.gen = g
	st.sinceSnapshot += len(ch.terms) + len(ch.docs)
	st.renorm()
}

// applyChanges reads, through the snapshot q, what was committed after
// cur.gen and applies it to cur. It calls release once it has read all it
// needs.
func (ix *Index) applyChanges(ctx context.Context, q querier, release func(), cur *state, g int64) error {
	ch, err := readChanges(ctx, q, cur, true)
	if err != nil {
		return err
	}
	// Release the connection before waiting for searches to end: one of
	// them may be waiting for a connection.
	release()
	ix.mu.Lock()
	defer ix.mu.Unlock()
	// Writers read the vocabulary under vmu.
	ix.vmu.Lock()
	cur.apply(ch, g)
	ix.vmu.Unlock()
	ix.cache.invalidate(ch.touched)
	return nil
}

// plist is a decoded posting list: the live slots that contain a term, with
// the term's frequency in each (capped at 255).
type plist struct {
	slots []uint32
	tfs   []uint8
}

func (p *plist) bytes() int { return 5*len(p.slots) + 64 }

// plistCacheBytes bounds the memory of decoded posting lists, and
// toksCacheBytes that of token streams kept for re-ranking.
const (
	plistCacheBytes = 96 << 20
	toksCacheBytes  = 24 << 20
)

// lru is a size-bounded cache, least recently used out first. It is safe for
// concurrent use.
type lru[K comparable, V any] struct {
	mu    sync.Mutex
	max   int
	size  int
	cost  func(V) int
	order *list.List // of *lruEntry[K, V], most recent at front
	items map[K]*list.Element
}

type lruEntry[K comparable, V any] struct {
	key K
	val V
}

func newLRU[K comparable, V any](max int, cost func(V) int) *lru[K, V] {
	return &lru[K, V]{max: max, cost: cost, order: list.New(), items: map[K]*list.Element{}}
}

func (c *lru[K, V]) get(k K) (V, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if e, ok := c.items[k]; ok {
		c.order.MoveToFront(e)
		return e.Value.(*lruEntry[K, V]).val, true
	}
	var zero V
	return zero, false
}

func (c *lru[K, V]) put(k K, v V) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if e, ok := c.items[k]; ok {
		c.size -= c.cost(e.Value.(*lruEntry[K, V]).val)
		c.order.Remove(e)
	}
	c.items[k] = c.order.PushFront(&lruEntry[K, V]{k, v})
	c.size += c.cost(v)
	for c.size > c.max && c.order.Len() > 1 {
		e := c.order.Back()
		c.removeLocked(e)
	}
}

func (c *lru[K, V]) removeLocked(e *list.Element) {
	ce := e.Value.(*lruEntry[K, V])
	c.order.Remove(e)
	delete(c.items, ce.key)
	c.size -= c.cost(ce.val)
}

// invalidate drops the entries whose keys are in keys.
func (c *lru[K, V]) invalidate(keys map[K]bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(keys) > len(c.items) {
		for k, e := range c.items {
			if keys[k] {
				c.removeLocked(e)
			}
		}
		return
	}
	for k := range keys {
		if e, ok := c.items[k]; ok {
			c.removeLocked(e)
		}
	}
}

func (c *lru[K, V]) reset() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.order.Init()
	clear(c.items)
	c.size = 0
}

// postings returns the posting list of a term as of st. The caller holds
// ix.mu for reading.
func (ix *Index) postings(ctx context.Context, st *state, term uint32) (*plist, error) {
	if pl, ok := ix.cache.get(term); ok {
		return pl, nil
	}
	rows, err := ix.segStmt.QueryContext(ctx, term)
	if err != nil {
		return nil, fmt.Errorf("search: %w", err)
	}
	defer rows.Close()
	pl := &plist{}
	if df := st.voc.df; int(term) < len(df) {
		pl.slots = make([]uint32, 0, df[term])
		pl.tfs = make([]uint8, 0, df[term])
	}
	for rows.Next() {
		var g int64
		var data sql.RawBytes
		if err := rows.Scan(&g, &data); err != nil {
			return nil, fmt.Errorf("search: %w", err)
		}
		err := decodeSegment(data, g, func(key, gen int64, tf uint32) {
			s, ok := st.slot(key)
			// A tombstone (tf 0) says the document's version of gen
			// no longer holds the term.
			if !ok || st.gens[s] != gen || tf == 0 {
				return
			}
			if tf > 255 {
				tf = 255
			}
			pl.slots = append(pl.slots, s)
			pl.tfs = append(pl.tfs, uint8(tf))
		})
		if err != nil {
			return nil, err
		}
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("search: %w", err)
	}
	ix.cache.put(term, pl)
	return pl, nil
}
