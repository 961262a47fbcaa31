package data

import (
	"context"
	"database/sql"
	"strings"
	"time"
)

// Correction targets and actions for the case at a glance (the people index
// and the timeline).
const (
	TargetPerson = "person"
	TargetEvent  = "event"

	FixHide   = "hide"
	FixRename = "rename"
	FixMerge  = "merge"
	FixRole   = "role"
	FixKind   = "kind"
	FixDate   = "date"
	FixLabel  = "label"
	FixAdd    = "add"
)

// Correction is one of the student's corrections to what Casebook extracted
// from the articles. It is keyed by text, not by row ids, so that it
// survives a re-import of the article and a new extraction: a person by a
// name or alias, an event by the sentence that reports it (Key) in an
// article (Origin). An added event is keyed by its passage's text.
type Correction struct {
	ID     int64     `json:"id"`
	Target string    `json:"target"`
	Action string    `json:"action"`
	Key    string    `json:"key"`
	Origin string    `json:"origin,omitempty"`
	Value  string    `json:"value,omitempty"`
	Label  string    `json:"label,omitempty"`
	At     time.Time `json:"created_at"`
}

var fixActions = map[string]map[string]bool{
	TargetPerson: {FixHide: true, FixRename: true, FixMerge: true, FixRole: true, FixKind: true},
	TargetEvent:  {FixHide: true, FixDate: true, FixLabel: true, FixAdd: true},
}

// AddCorrection stores a correction. A new correction of the same kind to the
// same person or event replaces the earlier one (adding events excepted:
// each is kept). It checks what it can: a known action, a non-empty key, a
// valid date and kind.
func (l *Library) AddCorrection(ctx context.Context, c Correction) (Correction, error) {
	c.Key = strings.TrimSpace(c.Key)
	c.Value = strings.TrimSpace(c.Value)
	c.Label = strings.TrimSpace(c.Label)
	if !fixActions[c.Target][c.Action] {
		return Correction{}, Errorf(EINVALID, "cannot %s a %s", c.Action, orText(c.Target, "entry"))
	}
	if c.Key == "" {
		return Correction{}, Errorf(EINVALID, "say which %s to correct", c.Target)
	}
	switch c.Action {
	case FixRename, FixMerge, FixRole:
		if c.Value == "" {
			return Correction{}, Errorf(EINVALID, "the new %s is empty", map[string]string{FixRename: "name", FixMerge: "name to merge into", FixRole: "role"}[c.Action])
		}
	case FixKind:
		if c.Value != "person" && c.Value != "organisation" {
			return Correction{}, Errorf(EINVALID, "%q is not a kind: use person or organisation", c.Value)
		}
	case FixDate:
		if !ValidDate(c.Value) || c.Value == "" {
			return Correction{}, Errorf(EINVALID, "%q is not a date: write 2016-02-11, 2016-02 or 2016", c.Value)
		}
	case FixLabel:
		if c.Label == "" {
			return Correction{}, Errorf(EINVALID, "the label is empty")
		}
	case FixAdd:
		if !ValidDate(c.Value) || c.Value == "" {
			return Correction{}, Errorf(EINVALID, "%q is not a date: write 2016-02-11, 2016-02 or 2016", c.Value)
		}
		if c.Label == "" {
			return Correction{}, Errorf(EINVALID, "give the event a label")
		}
	}
	c.At = l.now().UTC()
	err := l.update(ctx, func(tx *sql.Tx) error {
		if c.Action != FixAdd {
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
		return Correction{}, err
	}
	return c, nil
}

// Corrections lists the corrections of a target ("person" or "event"; ""
// for both) in the order they were made, which is the order they apply in.
func (l *Library) Corrections(ctx context.Context, target string) ([]Correction, error) {
	rows, err := l.db.QueryContext(ctx, `SELECT id, target, action, key, origin, value, label, created_at
		FROM case_corrections WHERE ? = '' OR target = ? ORDER BY id`, target, target)
	return collect(rows, err, func(s scanner) (Correction, error) {
		var c Correction
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
			return Errorf(ENOTFOUND, "there is no correction %d", id)
		}
		return nil
	})
}

// ReadingPassages returns the body and caption passages of every article,
// ordered by article and position: what the study aids read.
func (l *Library) ReadingPassages(ctx context.Context) ([]Passage, error) {
	return queryPassages(ctx, l.db, `p.kind IN ('body', 'caption')`)
}
