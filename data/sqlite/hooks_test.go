package sqlite

import (
	"context"
	"database/sql"
	"errors"

	"github.com/casebookapp/casebook/data"
)

// SetBackupHook lets the external tests watch a backup being made.
func SetBackupHook(f func(path string)) { backupHook = f }

// Original returns an article's text exactly as it was loaded, so that the
// external tests can check it is kept. The app never reads it back.
func (l *Library) Original(ctx context.Context, id int64) (string, error) {
	var s string
	err := l.db.QueryRowContext(ctx, `SELECT original FROM articles WHERE id = ?`, id).Scan(&s)
	if errors.Is(err, sql.ErrNoRows) {
		return "", data.Errorf(data.ENOTFOUND, "there is no article %d", id)
	}
	return s, err
}
