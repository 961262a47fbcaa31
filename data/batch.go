package data

import (
	"errors"
	"fmt"
)

// ImportBatch stores many imported articles in one write transaction, each
// under a savepoint of its own, so that a file that fails rolls back alone
// while the others pay for one commit together. It holds the library's
// write lock until Commit or Rollback: keep it short. It is not safe for
// concurrent use. The store's BeginImport starts one.
type ImportBatch interface {
	// Article stores one article: when it fails, the library is as it was
	// before the call and the batch goes on. An error from which the batch
	// cannot go on is marked by Broken; the caller then rolls the batch
	// back.
	Article(a NewArticle) (PutResult, error)
	// Commit stores the batch. When it fails, nothing of the batch is
	// stored.
	Commit() error
	// Rollback ends the batch with nothing of it stored. It does nothing
	// after Commit.
	Rollback()
}

// ErrBatchBroken is returned by a batch that can no longer store anything.
var ErrBatchBroken = errors.New("the import batch was stopped by an earlier error")

// BrokenBatch marks err as an error after which an import batch cannot go
// on (see Broken).
func BrokenBatch(err error) error { return &brokenError{err} }

type brokenError struct{ err error }

func (e *brokenError) Error() string { return fmt.Sprintf("import batch: %v", e.err) }
func (e *brokenError) Unwrap() error { return e.err }

// Broken reports an error from ImportBatch.Article after which the batch
// must be rolled back (and its files stored again, one transaction each).
func Broken(err error) bool {
	var be *brokenError
	return errors.As(err, &be) || errors.Is(err, ErrBatchBroken)
}
