package data

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"strings"
)

// The columns a merge may change, which undoing it puts back.
var undoColumns = map[string][]string{
	"highlights": {"article_id", "passage_id", "start", "end", "quote", "prefix", "suffix", "colour",
		"updated_at", "deleted_at", "creator", "from_name", "peer", "from_uid", "from_modified"},
	"notes": {"article_id", "passage_id", "highlight_id", "start", "end", "quote", "prefix", "suffix", "body",
		"updated_at", "deleted_at", "creator", "from_name", "peer", "from_uid", "from_modified"},
}

// record notes, for UndoLastImport, that the merge added the row id of table
// (existed false) or is about to change it (existed true: the row as it is
// now is kept). The first change of a merge opens its record.
func (m *merger) record(table string, id int64, existed bool) error {
	if m.importID == 0 {
		res, err := m.tx.ExecContext(m.ctx, `INSERT INTO imports (file, from_name, at) VALUES (?, ?, ?)`, m.from.File, m.from.Name, formatTime(m.now))
		if err != nil {
			return err
		}
		if m.importID, err = res.LastInsertId(); err != nil {
			return err
		}
	}
	if !existed {
		_, err := m.tx.ExecContext(m.ctx, `INSERT INTO import_changes (import_id, tbl, row_id) VALUES (?, ?, ?)`, m.importID, table, id)
		return err
	}
	// A row changed twice by one merge keeps its first state.
	var n int
	if err := m.tx.QueryRowContext(m.ctx, `SELECT count(*) FROM import_changes WHERE import_id = ? AND tbl = ? AND row_id = ?`, m.importID, table, id).Scan(&n); err != nil || n > 0 {
		return err
	}
	var fields []string
	for _, c := range undoColumns[table] {
		fields = append(fields, "'"+c+"', "+c)
	}
	if table == "notes" {
		fields = append(fields, `'tags', json((SELECT json_group_array(t.name) FROM note_tags nt JOIN tags t ON t.id = nt.tag_id WHERE nt.note_id = notes.id))`)
	}
	_, err := m.tx.ExecContext(m.ctx, `INSERT INTO import_changes (import_id, tbl, row_id, before)
		SELECT ?, ?, id, json_object(`+strings.Join(fields, ", ")+`) FROM `+table+` WHERE id = ?`, m.importID, table, id)
	return err
}

// UndoReport says what undoing a merge did.
type UndoReport struct {
	// File is the merged file, From whom it came from.
	File, From string
	// Removed counts the highlights and notes the merge had added, Restored
	// those it had changed and that are now as they were.
	Removed, Restored int
}

// UndoLastImport undoes the last merge of a classmate's file that is not
// undone yet, in one transaction: what it added is removed, and what it
// changed is put back as it was. ENOTFOUND if there is none.
func (l *Library) UndoLastImport(ctx context.Context) (UndoReport, error) {
	return l.UndoImport(ctx, 0)
}

// UndoImport undoes the merge whose MergeReport.Import is id (the last one
// not undone yet if id is 0), as UndoLastImport does.
func (l *Library) UndoImport(ctx context.Context, id int64) (UndoReport, error) {
	var rep UndoReport
	err := l.update(ctx, func(tx *sql.Tx) error {
		rep = UndoReport{}
		err := tx.QueryRowContext(ctx, `SELECT id, file, from_name FROM imports WHERE undone_at IS NULL AND (?1 = 0 OR id = ?1) ORDER BY id DESC LIMIT 1`, id).Scan(&id, &rep.File, &rep.From)
		if errors.Is(err, sql.ErrNoRows) {
			return Errorf(ENOTFOUND, "there is no merged annotation file to undo")
		}
		if err != nil {
			return err
		}
		type change struct {
			table  string
			row    int64
			before sql.NullString
		}
		rows, err := tx.QueryContext(ctx, `SELECT tbl, row_id, before FROM import_changes WHERE import_id = ? ORDER BY id DESC`, id)
		changes, err := collect(rows, err, func(s scanner) (change, error) {
			var c change
			return c, s.Scan(&c.table, &c.row, &c.before)
		})
		if err != nil {
			return err
		}
		var notes []int64
		for _, c := range changes {
			if c.table == "outlines" && !c.before.Valid {
				// An outline the merge added (its sections and items go
				// with it).
				if _, err := tx.ExecContext(ctx, `DELETE FROM outlines WHERE id = ?`, c.row); err != nil {
					return err
				}
				continue
			}
			cols, ok := undoColumns[c.table]
			if !ok {
				continue
			}
			if c.table == "notes" {
				notes = append(notes, c.row)
			}
			if !c.before.Valid {
				if _, err := tx.ExecContext(ctx, `DELETE FROM `+c.table+` WHERE id = ?`, c.row); err != nil {
					return err
				}
				rep.Removed++
				continue
			}
			set := make([]string, len(cols))
			for i, col := range cols {
				v := "json_extract(?1, '$." + col + "')"
				switch col {
				case "passage_id": // gone if the article got a new text since
					v = "(SELECT id FROM passages WHERE id = " + v + ")"
				case "highlight_id":
					v = "(SELECT id FROM highlights WHERE id = " + v + ")"
				}
				set[i] = col + " = " + v
			}
			if _, err := tx.ExecContext(ctx, `UPDATE `+c.table+` SET `+strings.Join(set, ", ")+` WHERE id = ?2`, c.before.String, c.row); err != nil {
				return err
			}
			if c.table == "notes" {
				var before struct {
					Tags []string `json:"tags"`
				}
				if err := json.Unmarshal([]byte(c.before.String), &before); err != nil {
					return err
				}
				if err := setTags(ctx, tx, c.row, before.Tags); err != nil {
					return err
				}
			}
			rep.Restored++
		}
		if _, err := tx.ExecContext(ctx, `UPDATE imports SET undone_at = ? WHERE id = ?`, formatTime(l.now()), id); err != nil {
			return err
		}
		return l.indexNotes(ctx, tx, notes...)
	})
	return rep, err
}
