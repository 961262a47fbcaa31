// Keeping what writers append small: df change rows summed, a term's
// posting segments merged, both inside the writer's transaction.

package search

import (
	"database/sql"
	"fmt"
	"slices"
)

// maxSegments is how many posting segments a term may have before its newer,
// smaller segments are merged.
const maxSegments = 16

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
	err := readDF(ctx, tx, 0, func() { clear(sum) }, func(id uint32, d int64) {
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
// rarely. The merged segment keeps one posting per document, the newest:
// an older one belongs to a version since replaced or deleted, and the
// newer posting or tombstone that says so is always in the merge too (a
// merge takes the newest segments). Tombstones themselves are dropped when
// the merge takes every segment of the term, as nothing older is left for
// them to hide. So posting lists do not grow with edit history, and a
// merge reads nothing but the term's own segments.
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
	ps = mergePostings(ps)
	if j == 0 {
		ps = slices.DeleteFunc(ps, func(p posting) bool { return p.tf == 0 })
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
