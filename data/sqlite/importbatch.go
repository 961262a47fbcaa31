package sqlite

import (
	"context"
	"database/sql"
	"errors"

	"github.com/casebookapp/casebook/data"
	"github.com/casebookapp/casebook/data/search"
)

// importBatch is the store's data.ImportBatch. It stores many imported
// articles in one write transaction, each under a SAVEPOINT of its own, so
// that a file that fails rolls back alone
// while the others pay for one commit (and one index write per term)
// together. The new articles' passages are indexed when the batch commits,
// in one search.Index.Put: a term the batch's articles share is written
// once, not once per article.
//
// A batch holds the library's write lock until Commit or Rollback: keep it
// short (the importer bounds it in time) so that the window and other
// processes can write between batches. It is not safe for concurrent use.
type importBatch struct {
	l   *Library
	ctx context.Context
	tx  *sql.Tx
	// pending holds the passages of the articles added so far, to index
	// at Commit.
	pending []search.Doc
	// titles holds the library's headlines, read at the first article
	// and kept up to date with the batch's own.
	titles titleIndex
	done   bool
}

// BeginImport starts an import batch. The transaction does not end when
// ctx is cancelled (what is stored stays whole); the statements of the
// articles stored after that fail.
func (l *Library) BeginImport(ctx context.Context) (data.ImportBatch, error) {
	if err := l.checkWritable(); err != nil {
		return nil, err
	}
	tx, err := l.db.BeginTx(context.WithoutCancel(ctx), nil)
	if err != nil {
		return nil, dbError(err)
	}
	return &importBatch{l: l, ctx: ctx, tx: tx}, nil
}

// Article stores one article, as ImportArticle does, under a savepoint:
// when it fails, the library is as it was before the call and the batch
// goes on. An error from which the batch cannot go on (the savepoint
// itself failed) is marked by Broken; the caller then rolls the batch back.
func (b *importBatch) Article(a data.NewArticle) (data.PutResult, error) {
	if b.done {
		return data.PutResult{}, data.ErrBatchBroken
	}
	ctx, tx := b.ctx, b.tx
	// Updating an article re-indexes it at once, and the article may be
	// one this batch added: index what is pending first, outside the
	// savepoint, so that a failure of this file cannot undo it.
	var exists bool
	if err := tx.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM articles WHERE origin = ?)`, a.Origin).Scan(&exists); err != nil {
		return data.PutResult{}, err
	}
	if exists && len(b.pending) > 0 {
		if err := b.l.index.Put(ctx, tx, b.pending...); err != nil {
			return data.PutResult{}, b.broken(err)
		}
		b.pending = b.pending[:0]
	}
	if _, err := tx.ExecContext(ctx, `SAVEPOINT import_file`); err != nil {
		return data.PutResult{}, b.broken(err)
	}
	if b.titles == nil {
		t, err := loadTitles(ctx, tx)
		if err != nil {
			return data.PutResult{}, err
		}
		b.titles = t
	}
	var docs []search.Doc
	r, err := b.l.putArticle(ctx, tx, a, false, &docs, b.titles)
	if err != nil {
		// Not ctx: a cancelled import must still undo the file.
		if _, rerr := tx.ExecContext(context.WithoutCancel(ctx), `ROLLBACK TO import_file; RELEASE import_file`); rerr != nil {
			return data.PutResult{}, b.broken(errors.Join(err, rerr))
		}
		return data.PutResult{}, err
	}
	if _, err := tx.ExecContext(ctx, `RELEASE import_file`); err != nil {
		return data.PutResult{}, b.broken(err)
	}
	b.pending = append(b.pending, docs...)
	b.titles.add(r.Article.ID, r.Article.Title)
	return r, nil
}

// broken marks the batch as unusable and returns err so marked.
func (b *importBatch) broken(err error) error {
	b.done = true
	return data.BrokenBatch(err)
}

// Commit indexes the batch's new passages and commits. When it fails,
// nothing of the batch is stored.
func (b *importBatch) Commit() error {
	if b.done {
		b.tx.Rollback()
		return data.ErrBatchBroken
	}
	b.done = true
	ctx := context.WithoutCancel(b.ctx)
	if err := b.l.index.Put(ctx, b.tx, b.pending...); err != nil {
		b.tx.Rollback()
		return err
	}
	if err := b.tx.Commit(); err != nil {
		return dbError(err)
	}
	return nil
}

// Rollback ends the batch with nothing of it stored. It does nothing after
// Commit.
func (b *importBatch) Rollback() {
	b.done = true
	b.tx.Rollback()
}
