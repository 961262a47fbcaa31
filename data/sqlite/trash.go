package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"strings"

	"github.com/casebookapp/casebook/data"
)

// seedOrigin starts the Origin of a bundled article, which cannot be
// deleted (the next start would bring it back).
const seedOrigin = "seed:"

// DeleteArticle moves an imported article to the bin of deleted articles,
// with its highlights and notes: it leaves the library, the search and the
// lists, and RestoreArticle brings it all back.
func (l *Library) DeleteArticle(ctx context.Context, id int64) error {
	return l.update(ctx, func(tx *sql.Tx) error {
		var origin, title string
		var deleted sql.NullString
		err := tx.QueryRowContext(ctx, `SELECT origin, title, deleted_at FROM articles WHERE id = ?`, id).Scan(&origin, &title, &deleted)
		if errors.Is(err, sql.ErrNoRows) {
			return data.Errorf(data.ENOTFOUND, "there is no article %d", id)
		}
		if err != nil {
			return err
		}
		if strings.HasPrefix(origin, seedOrigin) {
			return data.Errorf(data.EINVALID, "“%s” comes with Casebook and cannot be deleted", title)
		}
		if deleted.Valid {
			return nil
		}
		if _, err := tx.ExecContext(ctx, `UPDATE articles SET deleted_at = ? WHERE id = ?`, formatTime(l.now()), id); err != nil {
			return err
		}
		return l.unindexArticle(ctx, tx, id)
	})
}

// RestoreArticle takes an article out of the bin, with its highlights and
// notes.
func (l *Library) RestoreArticle(ctx context.Context, id int64) error {
	return l.update(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE articles SET deleted_at = NULL WHERE id = ? AND deleted_at IS NOT NULL`, id)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return data.Errorf(data.ENOTFOUND, "article %d is not in the bin", id)
		}
		return l.indexArticle(ctx, tx, id)
	})
}

// DeletedArticles lists the bin: the deleted articles, the most recently
// deleted first, with their highlights and notes counted.
func (l *Library) DeletedArticles(ctx context.Context) ([]data.ArticleSummary, error) {
	return l.articleSummaries(ctx, `a.deleted_at IS NOT NULL ORDER BY a.deleted_at DESC, a.id`)
}

// liveArticles is the condition that keeps the rows of articles not in the
// bin; col names the article id column.
func liveArticles(col string) string {
	return col + " IN (SELECT id FROM articles WHERE deleted_at IS NULL)"
}
