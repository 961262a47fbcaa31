package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"slices"

	"github.com/casebookapp/casebook/data"
)

// Rearranging an outline: moving its sections and items, and removing an
// item. Each change is one transaction that also dates the outline.

// MoveSection moves a section by delta places (-1 up, +1 down) among its
// outline's sections, stopping at either end.
func (l *Library) MoveSection(ctx context.Context, sectionID int64, delta int) error {
	return l.update(ctx, func(tx *sql.Tx) error {
		oid, err := sectionOutline(ctx, tx, sectionID)
		if err != nil {
			return err
		}
		rows, err := tx.QueryContext(ctx, `SELECT id FROM outline_sections WHERE outline_id = ? ORDER BY position, id`, oid)
		ids, err := collect(rows, err, scanOne[int64])
		if err != nil {
			return err
		}
		if err := renumber(ctx, tx, "outline_sections", move(ids, sectionID, delta)); err != nil {
			return err
		}
		return touchOutline(ctx, tx, l.now(), oid)
	})
}

// MoveItem moves an item by delta places within its section. Moving the
// first item up (or the last down) carries it to the end of the section
// before (or the start of the section after), so that Alt+↑ and Alt+↓ can
// take an item anywhere in the outline.
func (l *Library) MoveItem(ctx context.Context, itemID int64, delta int) error {
	return l.update(ctx, func(tx *sql.Tx) error {
		var sid int64
		err := tx.QueryRowContext(ctx, `SELECT section_id FROM outline_items WHERE id = ?`, itemID).Scan(&sid)
		if errors.Is(err, sql.ErrNoRows) {
			return data.Errorf(data.ENOTFOUND, "there is no such outline item")
		}
		if err != nil {
			return err
		}
		oid, err := sectionOutline(ctx, tx, sid)
		if err != nil {
			return err
		}
		rows, err := tx.QueryContext(ctx, `SELECT id FROM outline_items WHERE section_id = ? ORDER BY position, id`, sid)
		ids, err := collect(rows, err, scanOne[int64])
		if err != nil {
			return err
		}
		at := slices.Index(ids, itemID)
		to := at + delta
		if to >= 0 && to < len(ids) {
			if err := renumber(ctx, tx, "outline_items", move(ids, itemID, delta)); err != nil {
				return err
			}
			return touchOutline(ctx, tx, l.now(), oid)
		}
		// Across the edge: into the neighbouring section, if there is one.
		rows, err = tx.QueryContext(ctx, `SELECT id FROM outline_sections WHERE outline_id = ? ORDER BY position, id`, oid)
		secs, err := collect(rows, err, scanOne[int64])
		if err != nil {
			return err
		}
		si := slices.Index(secs, sid)
		if delta < 0 {
			si--
		} else {
			si++
		}
		if si < 0 || si >= len(secs) {
			return nil // already first or last in the outline
		}
		rows, err = tx.QueryContext(ctx, `SELECT id FROM outline_items WHERE section_id = ? ORDER BY position, id`, secs[si])
		dest, err := collect(rows, err, scanOne[int64])
		if err != nil {
			return err
		}
		if delta < 0 {
			dest = append(dest, itemID)
		} else {
			dest = append([]int64{itemID}, dest...)
		}
		if _, err := tx.ExecContext(ctx, `UPDATE outline_items SET section_id = ? WHERE id = ?`, secs[si], itemID); err != nil {
			return err
		}
		if err := renumber(ctx, tx, "outline_items", dest); err != nil {
			return err
		}
		return touchOutline(ctx, tx, l.now(), oid)
	})
}

// MoveItemTo moves an item to place index (0 for first; past the end, or
// negative, for last) of a section of its outline, as a drag and drop does.
func (l *Library) MoveItemTo(ctx context.Context, itemID, sectionID int64, index int) error {
	return l.update(ctx, func(tx *sql.Tx) error {
		var from int64
		err := tx.QueryRowContext(ctx, `SELECT section_id FROM outline_items WHERE id = ?`, itemID).Scan(&from)
		if errors.Is(err, sql.ErrNoRows) {
			return data.Errorf(data.ENOTFOUND, "there is no such outline item")
		}
		if err != nil {
			return err
		}
		o1, err := sectionOutline(ctx, tx, from)
		if err != nil {
			return err
		}
		o2, err := sectionOutline(ctx, tx, sectionID)
		if err != nil {
			return err
		}
		if o1 != o2 {
			return data.Errorf(data.EINVALID, "an item can only move within its outline")
		}
		if err := placeItem(ctx, tx, itemID, sectionID, index); err != nil {
			return err
		}
		return touchOutline(ctx, tx, l.now(), o1)
	})
}

// placeItem puts an item at place index of a section (past the end, or
// negative, for last) and numbers the section's items again.
func placeItem(ctx context.Context, tx *sql.Tx, itemID, sectionID int64, index int) error {
	rows, err := tx.QueryContext(ctx, `SELECT id FROM outline_items WHERE section_id = ? AND id <> ? ORDER BY position, id`, sectionID, itemID)
	ids, err := collect(rows, err, scanOne[int64])
	if err != nil {
		return err
	}
	if index < 0 || index > len(ids) {
		index = len(ids)
	}
	ids = slices.Insert(ids, index, itemID)
	if _, err := tx.ExecContext(ctx, `UPDATE outline_items SET section_id = ? WHERE id = ?`, sectionID, itemID); err != nil {
		return err
	}
	return renumber(ctx, tx, "outline_items", ids)
}

// RemoveItem takes an item out of its outline; what it placed stays in the
// library.
func (l *Library) RemoveItem(ctx context.Context, itemID int64) error {
	return l.update(ctx, func(tx *sql.Tx) error {
		var oid int64
		err := tx.QueryRowContext(ctx, `SELECT s.outline_id FROM outline_items i JOIN outline_sections s ON s.id = i.section_id WHERE i.id = ?`, itemID).Scan(&oid)
		if errors.Is(err, sql.ErrNoRows) {
			return data.Errorf(data.ENOTFOUND, "there is no such outline item")
		}
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM outline_items WHERE id = ?`, itemID); err != nil {
			return err
		}
		// A change of the student's: a classmate's outline is theirs now.
		return touchOutline(ctx, tx, l.now(), oid)
	})
}

// move returns ids with id moved by delta places, clamped to the ends.
func move(ids []int64, id int64, delta int) []int64 {
	at := slices.Index(ids, id)
	if at < 0 {
		return ids
	}
	to := min(max(at+delta, 0), len(ids)-1)
	out := slices.Delete(slices.Clone(ids), at, at+1)
	return slices.Insert(out, to, id)
}

// renumber writes positions 0..n-1 in the order of ids.
func renumber(ctx context.Context, tx *sql.Tx, table string, ids []int64) error {
	for i, id := range ids {
		if _, err := tx.ExecContext(ctx, `UPDATE `+table+` SET position = ? WHERE id = ?`, i, id); err != nil {
			return err
		}
	}
	return nil
}
