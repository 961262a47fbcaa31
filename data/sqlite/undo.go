package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"strings"

	"github.com/casebookapp/casebook/data"
)

// The columns a merge may change, which undoing it puts back.
var undoColumns = map[string][]string{
	"highlights": {"article_id", "passage_id", "start", "end", "quote", "prefix", "suffix", "colour",
		"updated_at", "deleted_at", "creator", "from_name", "peer", "from_uid", "from_modified"},
	"notes": {"article_id", "passage_id", "highlight_id", "start", "end", "quote", "prefix", "suffix", "body",
		"updated_at", "deleted_at", "creator", "from_name", "peer", "from_uid", "from_modified"},
	"outlines": {"name", "template", "updated_at", "from_name", "peer", "from_uid", "from_modified"},
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
	if table == "outlines" {
		// An outline is kept whole: its sections and their items.
		fields = append(fields, `'sections', json((SELECT json_group_array(json_object('id', s.id, 'position', s.position, 'heading', s.heading, 'body', s.body,
			'items', json((SELECT json_group_array(json_object('id', i.id, 'position', i.position, 'kind', i.kind, 'article_id', i.article_id,
				'passage_id', i.passage_id, 'highlight_id', i.highlight_id, 'note_id', i.note_id, 'text', i.text))
				FROM outline_items i WHERE i.section_id = s.id)))) FROM outline_sections s WHERE s.outline_id = outlines.id))`)
	}
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

// UndoLastImport undoes the last merge of a classmate's file that is not
// undone yet, in one transaction: what it added is removed, and what it
// changed is put back as it was. ENOTFOUND if there is none.
func (l *Library) UndoLastImport(ctx context.Context) (data.UndoReport, error) {
	return l.UndoImport(ctx, 0)
}

// UndoImport undoes the merge whose MergeReport.Import is id (the last one
// not undone yet if id is 0), as UndoLastImport does.
func (l *Library) UndoImport(ctx context.Context, id int64) (data.UndoReport, error) {
	var rep data.UndoReport
	err := l.update(ctx, func(tx *sql.Tx) error {
		rep = data.UndoReport{}
		err := tx.QueryRowContext(ctx, `SELECT id, file, from_name FROM imports WHERE undone_at IS NULL AND (?1 = 0 OR id = ?1) ORDER BY id DESC LIMIT 1`, id).Scan(&id, &rep.File, &rep.From)
		if errors.Is(err, sql.ErrNoRows) {
			return data.Errorf(data.ENOTFOUND, "there is no merged annotation file to undo")
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
			if c.table == "outlines" {
				// An outline the merge added goes, with its sections and
				// items; one it changed is put back whole.
				if c.before.Valid {
					err = restoreOutline(ctx, tx, c.row, c.before.String)
				} else {
					_, err = tx.ExecContext(ctx, `DELETE FROM outlines WHERE id = ?`, c.row)
				}
				if err != nil {
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

// restoreOutline puts an outline's columns, sections and items back as
// record kept them (before, JSON). Section and item ids come back too
// unless another row took them since; an item whose highlight or note is
// gone is left out, as deleting it would have removed the item.
func restoreOutline(ctx context.Context, tx *sql.Tx, id int64, before string) error {
	cols := undoColumns["outlines"]
	set := make([]string, len(cols))
	for i, col := range cols {
		set[i] = col + " = json_extract(?1, '$." + col + "')"
	}
	if _, err := tx.ExecContext(ctx, `UPDATE outlines SET `+strings.Join(set, ", ")+` WHERE id = ?2`, before, id); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM outline_sections WHERE outline_id = ?`, id); err != nil {
		return err
	}
	var b struct {
		Sections []struct {
			ID       int64  `json:"id"`
			Position int    `json:"position"`
			Heading  string `json:"heading"`
			Body     string `json:"body"`
			Items    []struct {
				ID          int64  `json:"id"`
				Position    int    `json:"position"`
				Kind        string `json:"kind"`
				ArticleID   int64  `json:"article_id"`
				PassageID   *int64 `json:"passage_id"`
				HighlightID *int64 `json:"highlight_id"`
				NoteID      *int64 `json:"note_id"`
				Text        string `json:"text"`
			} `json:"items"`
		} `json:"sections"`
	}
	if err := json.Unmarshal([]byte(before), &b); err != nil {
		return err
	}
	for _, s := range b.Sections {
		res, err := tx.ExecContext(ctx, `INSERT INTO outline_sections (id, outline_id, position, heading, body)
			VALUES ((SELECT CASE WHEN EXISTS (SELECT 1 FROM outline_sections WHERE id = ?1) THEN NULL ELSE ?1 END), ?, ?, ?, ?)`,
			s.ID, id, s.Position, s.Heading, s.Body)
		if err != nil {
			return err
		}
		sid, err := res.LastInsertId()
		if err != nil {
			return err
		}
		for _, it := range s.Items {
			if _, err := tx.ExecContext(ctx, `INSERT INTO outline_items (id, section_id, position, kind, article_id, passage_id, highlight_id, note_id, text)
				SELECT (SELECT CASE WHEN EXISTS (SELECT 1 FROM outline_items WHERE id = ?1) THEN NULL ELSE ?1 END), ?2, ?3, ?4, ?5,
					(SELECT id FROM passages WHERE id = ?6), ?7, ?8, ?9
				WHERE EXISTS (SELECT 1 FROM articles WHERE id = ?5)
					AND (?7 IS NULL OR EXISTS (SELECT 1 FROM highlights WHERE id = ?7))
					AND (?8 IS NULL OR EXISTS (SELECT 1 FROM notes WHERE id = ?8))`,
				it.ID, sid, it.Position, it.Kind, it.ArticleID, it.PassageID, it.HighlightID, it.NoteID, it.Text); err != nil {
				return err
			}
		}
	}
	return nil
}
