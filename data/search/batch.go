package search

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
)

// batchRows is how many rows one multi-row INSERT carries. Fewer, larger
// statements cut the per-statement cost of database/sql and cgo, which
// dominates when a batch writes hundreds of thousands of small rows.
const batchRows = 64

// inserter writes rows through multi-row INSERT statements.
type inserter struct {
	ctx   context.Context
	tx    *sql.Tx
	head  string // "INSERT INTO t (a, b) VALUES "
	full  *sql.Stmt
	args  []any
	rows  int
	tuple string
}

func newInserter(ctx context.Context, tx *sql.Tx, table string, cols ...string) *inserter {
	in := &inserter{ctx: ctx, tx: tx}
	in.head = "INSERT OR REPLACE INTO " + table + " (" + strings.Join(cols, ", ") + ") VALUES "
	in.tuple = "(" + strings.TrimSuffix(strings.Repeat("?, ", len(cols)), ", ") + ")"
	return in
}

// add queues one row, writing a full batch when there is one.
func (in *inserter) add(vals ...any) error {
	in.args = append(in.args, vals...)
	in.rows++
	if in.rows == batchRows {
		// Prepared on the first full batch only: a small Put (one
		// article) never fills one, and preparing a statement of
		// batchRows tuples costs more than its rows.
		if in.full == nil {
			var err error
			in.full, err = in.tx.PrepareContext(in.ctx, in.head+strings.TrimSuffix(strings.Repeat(in.tuple+", ", batchRows), ", "))
			if err != nil {
				return fmt.Errorf("search: %w", err)
			}
		}
		if _, err := in.full.ExecContext(in.ctx, in.args...); err != nil {
			return fmt.Errorf("search: %w", err)
		}
		in.args = in.args[:0]
		in.rows = 0
	}
	return nil
}

// flush writes the queued rows and releases the statement.
func (in *inserter) flush() error {
	if in.full != nil {
		defer in.full.Close()
	}
	if in.rows == 0 {
		return nil
	}
	q := in.head + strings.TrimSuffix(strings.Repeat(in.tuple+", ", in.rows), ", ")
	if _, err := in.tx.ExecContext(in.ctx, q, in.args...); err != nil {
		return fmt.Errorf("search: %w", err)
	}
	in.args = in.args[:0]
	in.rows = 0
	return nil
}

// inChunk is how many values one IN (...) list carries, well below
// SQLite's bound on a statement's parameters.
const inChunk = 500

// queryIn runs query, which holds one "IN (?)", for vals inChunk at a time,
// the placeholder expanded to as many, and calls scan for each row.
func queryIn(ctx context.Context, q querier, query string, vals []any, scan func(*sql.Rows) error) error {
	for len(vals) > 0 {
		part := vals[:min(inChunk, len(vals))]
		vals = vals[len(part):]
		expanded := strings.Replace(query, "IN (?)", "IN (?"+strings.Repeat(",?", len(part)-1)+")", 1)
		rows, err := q.QueryContext(ctx, expanded, part...)
		if err != nil {
			return fmt.Errorf("search: %w", err)
		}
		for rows.Next() {
			if err = scan(rows); err != nil {
				break
			}
		}
		if err == nil {
			err = rows.Err()
		}
		rows.Close()
		if err != nil {
			return fmt.Errorf("search: %w", err)
		}
	}
	return nil
}
