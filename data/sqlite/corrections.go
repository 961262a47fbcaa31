package sqlite

import (
	"context"
	"database/sql"
	"strings"

	"github.com/casebookapp/casebook/data"
)

var fixActions = map[string]map[string]bool{
	data.TargetPerson: {data.FixHide: true, data.FixRename: true, data.FixMerge: true, data.FixRole: true, data.FixKind: true},
	data.TargetEvent:  {data.FixHide: true, data.FixDate: true, data.FixLabel: true, data.FixAdd: true},
}

// AddCorrection stores a correction. A new correction of the same kind to the
// same person or event replaces the earlier one (adding events excepted:
// each is kept). It checks what it can: a known action, a non-empty key, a
// valid date and kind.
func (l *Library) AddCorrection(ctx context.Context, c data.Correction) (data.Correction, error) {
	c.Key = strings.TrimSpace(c.Key)
	c.Value = strings.TrimSpace(c.Value)
	c.Label = strings.TrimSpace(c.Label)
	if !fixActions[c.Target][c.Action] {
		return data.Correction{}, data.Errorf(data.EINVALID, "cannot %s a %s", c.Action, orText(c.Target, "entry"))
	}
	if c.Key == "" {
		return data.Correction{}, data.Errorf(data.EINVALID, "say which %s to correct", c.Target)
	}
	switch c.Action {
	case data.FixRename, data.FixMerge, data.FixRole:
		if c.Value == "" {
			return data.Correction{}, data.Errorf(data.EINVALID, "the new %s is empty", map[string]string{data.FixRename: "name", data.FixMerge: "name to merge into", data.FixRole: "role"}[c.Action])
		}
	case data.FixKind:
		if c.Value != "person" && c.Value != "organisation" {
			return data.Correction{}, data.Errorf(data.EINVALID, "%q is not a kind: use person or organisation", c.Value)
		}
	case data.FixDate:
		if !data.ValidDate(c.Value) || c.Value == "" {
			return data.Correction{}, data.Errorf(data.EINVALID, "%q is not a date: write 2016-02-11, 2016-02 or 2016", c.Value)
		}
	case data.FixLabel:
		if c.Label == "" {
			return data.Correction{}, data.Errorf(data.EINVALID, "the label is empty")
		}
	case data.FixAdd:
		if !data.ValidDate(c.Value) || c.Value == "" {
			return data.Correction{}, data.Errorf(data.EINVALID, "%q is not a date: write 2016-02-11, 2016-02 or 2016", c.Value)
		}
		if c.Label == "" {
			return data.Correction{}, data.Errorf(data.EINVALID, "give the event a label")
		}
	}
	c.At = l.now().UTC()
	err := l.update(ctx, func(tx *sql.Tx) error {
		if c.Action != data.FixAdd {
			if _, err := tx.ExecContext(ctx, `DELETE FROM case_corrections WHERE target = ? AND action = ? AND key = ? COLLATE NOCASE AND origin = ?`,
				c.Target, c.Action, c.Key, c.Origin); err != nil {
				return err
			}
		}
		res, err := tx.ExecContext(ctx, `INSERT INTO case_corrections (target, action, key, origin, value, label, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
			c.Target, c.Action, c.Key, c.Origin, c.Value, c.Label, formatTime(c.At))
		if err != nil {
			return err
		}
		c.ID, err = res.LastInsertId()
		return err
	})
	if err != nil {
		return data.Correction{}, err
	}
	return c, nil
}

// Corrections lists the corrections of a target ("person" or "event"; ""
// for both) in the order they were made, which is the order they apply in.
func (l *Library) Corrections(ctx context.Context, target string) ([]data.Correction, error) {
	rows, err := l.db.QueryContext(ctx, `SELECT id, target, action, key, origin, value, label, created_at
		FROM case_corrections WHERE ? = '' OR target = ? ORDER BY id`, target, target)
	return collect(rows, err, func(s scanner) (data.Correction, error) {
		var c data.Correction
		var at string
		err := s.Scan(&c.ID, &c.Target, &c.Action, &c.Key, &c.Origin, &c.Value, &c.Label, &at)
		c.At = parseTime(at)
		return c, err
	})
}

// DeleteCorrection removes a correction (to undo it).
func (l *Library) DeleteCorrection(ctx context.Context, id int64) error {
	return l.update(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `DELETE FROM case_corrections WHERE id = ?`, id)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return data.Errorf(data.ENOTFOUND, "there is no correction %d", id)
		}
		return nil
	})
}

// ReadingPassages returns the body and caption passages of every article,
// ordered by article and position: what the study aids read.
func (l *Library) ReadingPassages(ctx context.Context) ([]data.Passage, error) {
	return queryPassages(ctx, l.db, `p.kind IN ('body', 'caption')`)
}
