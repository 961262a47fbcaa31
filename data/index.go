package data

import (
	"context"
	"database/sql"
)

// indexArticle adds an article's numbered passages to the search index,
// inside the transaction that stored them.
func (l *Library) indexArticle(ctx context.Context, tx *sql.Tx, articleID int64) error {
	return nil // wired to data/search once the engine lands
}

// unindexArticle removes an article's passages and notes from the index.
func (l *Library) unindexArticle(ctx context.Context, tx *sql.Tx, articleID int64) error {
	return nil
}

// indexNote brings one note's entry in the index up to date: added, changed,
// or removed if the note is deleted.
func (l *Library) indexNote(ctx context.Context, tx *sql.Tx, noteID int64) error {
	return nil
}
