package sqlite

import (
	"context"
	"database/sql"

	"github.com/casebookapp/casebook/data"
)

// AttachNote gives a note a new place: runes [start, end) of a passage, or
// the whole passage when end is 0. It is how a note that lost its place
// (an orphan) is put back, on words the student chose; its quote becomes
// those words. A note attached to a highlight is detached from it.
func (l *Library) AttachNote(ctx context.Context, id, passageID int64, start, end int) (data.Note, error) {
	var n data.Note
	err := l.update(ctx, func(tx *sql.Tx) error {
		p, err := numberedPassage(ctx, tx, passageID)
		if err != nil {
			return err
		}
		if end == 0 {
			start, end = 0, len([]rune(p.Text))
		}
		an, err := makeAnchor(p, start, end)
		if err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, `
			UPDATE notes SET article_id = ?, passage_id = ?, highlight_id = NULL, start = ?, end = ?,
				quote = ?, prefix = ?, suffix = ?, updated_at = ?
			WHERE id = ? AND deleted_at IS NULL`,
			p.ArticleID, p.ID, an.Start, an.End, an.Quote, an.Prefix, an.Suffix, formatTime(l.now()), id)
		if err != nil {
			return err
		}
		if k, _ := res.RowsAffected(); k == 0 {
			return data.Errorf(data.ENOTFOUND, "there is no note %d", id)
		}
		if err := l.indexNotes(ctx, tx, id); err != nil {
			return err
		}
		n, err = getNote(ctx, tx, id)
		return err
	})
	return n, err
}
