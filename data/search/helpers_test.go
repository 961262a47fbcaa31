package search

import (
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"strings"
	"testing"

	_ "github.com/mattn/go-sqlite3"
)

// openDB creates a library file at path with the search schema (Migrate), opened with
// the store's settings (data/sqlite/sqlite.go): every BeginTx takes the write lock
// at once (BEGIN IMMEDIATE), and lock waits give up after 10 s.
func openDB(tb testing.TB, path string) *sql.DB {
	tb.Helper()
	db, err := sql.Open("sqlite3", "file:"+path+"?_journal_mode=WAL&_busy_timeout=10000&_synchronous=NORMAL&_txlock=immediate")
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { db.Close() })
	migrate(tb, db)
	return db
}

// migrate creates or upgrades the search tables of db, as the store does.
func migrate(tb testing.TB, db *sql.DB) {
	tb.Helper()
	ctx := context.Background()
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		tb.Fatal(err)
	}
	defer tx.Rollback()
	if err := Migrate(ctx, tx); err != nil {
		tb.Fatal(err)
	}
	if err := tx.Commit(); err != nil {
		tb.Fatal(err)
	}
}

// openSecond opens, as openDB does, a library that openDB made: another
// process's view of the same file.
func openSecond(tb testing.TB, path string) *sql.DB {
	tb.Helper()
	db, err := sql.Open("sqlite3", "file:"+path+"?_journal_mode=WAL&_busy_timeout=10000&_synchronous=NORMAL&_txlock=immediate")
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { db.Close() })
	return db
}

// schemaSQL returns the search schema's files, in order.
func schemaSQL() ([]byte, error) {
	var all []byte
	for _, s := range schemaSteps {
		b, err := schemaFS.ReadFile(s.file)
		if err != nil {
			return nil, err
		}
		all = append(append(all, b...), '\n')
	}
	return all, nil
}

// newIndex opens a fresh index in a temporary library.
func newIndex(tb testing.TB) (*sql.DB, *Index) {
	tb.Helper()
	db := openDB(tb, filepath.Join(tb.TempDir(), "library.db"))
	ix, err := Open(context.Background(), db)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { ix.Close() })
	return db, ix
}

// put indexes docs in one committed transaction.
func put(tb testing.TB, db *sql.DB, ix *Index, docs ...Doc) {
	tb.Helper()
	ctx := context.Background()
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		tb.Fatal(err)
	}
	defer tx.Rollback()
	if err := ix.Put(ctx, tx, docs...); err != nil {
		tb.Fatal(err)
	}
	if err := tx.Commit(); err != nil {
		tb.Fatal(err)
	}
}

// seedDocs reads the bundled articles, one passage per non-empty line.
// Passage ids run from 1 across the files in name order; article ids are
// 1, 2, 3.
func seedDocs(tb testing.TB) []Doc {
	tb.Helper()
	files, err := filepath.Glob("../../seeds/*.txt")
	if err != nil || len(files) != 3 {
		tb.Fatalf("seeds: %v %v", files, err)
	}
	var docs []Doc
	for a, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		for _, line := range strings.Split(string(b), "\n") {
			line = strings.TrimSpace(line)
			if line == "" {
				continue
			}
			id := int64(len(docs) + 1)
			docs = append(docs, Doc{ID: id, Source: SourcePassage, Passage: id, Article: int64(a + 1), Text: line})
		}
	}
	return docs
}
