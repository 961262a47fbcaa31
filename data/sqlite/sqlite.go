// Package sqlite is Casebook's store: the library file (SQLite, shared by
// the window and the CLI) that keeps the articles, their passages and the
// student's highlights, notes, outlines and corrections, with the search
// index (package search) in the same transactions. Library is the store;
// the types it reads and writes are package data's, save the few that are
// the store's own answers (search results, comparisons and the decisions
// on them, an undo's report). The schema is the numbered migrations in
// migration/, embedded in the binary; the search index applies its own.
//
// It is the only package that links SQLite (cgo). It builds on search (the
// index), anchor (re-attaching annotations when an article's text changes),
// compare (lining up two articles) and titlecase (the APA title). The
// domain, the exports and the importers take the small interfaces they
// need, which *Library satisfies.
package sqlite

import (
	"bytes"
	"context"
	"crypto/rand"
	"database/sql"
	"embed"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"syscall"
	"time"

	"github.com/casebookapp/casebook/data"
	"github.com/casebookapp/casebook/data/search"
	_ "github.com/mattn/go-sqlite3" // the database/sql driver
)

//go:embed migration/*.sql
var migrationFS embed.FS

// applicationID marks a SQLite file as a Casebook library ("CSKB").
const applicationID = 0x43534B42

// sqliteHeader starts every SQLite database file.
var sqliteHeader = []byte("SQLite format 3\x00")

// Library is a Casebook library: one SQLite file shared by the GUI and the CLI.
// Its methods are safe for concurrent use.
type Library struct {
	db    *sql.DB
	path  string
	index *search.Index
	// readOnly says why the library cannot be changed, or is "".
	readOnly string
	// now is the clock, replaced in tests.
	now func() time.Time
}

// Open opens the library at path, creating it if it does not exist, and
// brings its schema up to date. A file that is not a Casebook library is
// refused with ENOTLIBRARY and left untouched. Before a migration changes an
// existing library, a copy is kept beside it.
//
// A new library is built in a temporary file beside path and linked into
// place only when complete, so a process killed while creating it leaves
// either no library or a whole one, and several processes creating it at
// once all open the same one. An empty or half-made file (an older version
// killed on its first run; there is nothing of the student's in it) is
// started again.
//
// The library opens read-only, and says why in ReadOnly, when it is in a
// place Casebook cannot write to, or when a newer Casebook has upgraded it.
func Open(ctx context.Context, path string) (*Library, error) {
	if path == "" {
		return nil, data.Errorf(data.EINVALID, "no library path given")
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, data.Errorf(data.EINVALID, "library path %q: %v", path, err)
	}
	for attempt := 0; attempt < 5; attempt++ {
		state, info, err := inspect(ctx, abs)
		if err != nil {
			return nil, err
		}
		switch state {
		case stateLibrary:
			return openLibrary(ctx, abs)
		case stateHalfMade:
			if err := removeHalfMade(abs, info); err != nil {
				return nil, err
			}
		}
		if err := create(ctx, abs); err != nil {
			return nil, err
		}
	}
	return nil, data.Errorf(data.EINTERNAL, "the library %s could not be created; try again", abs)
}

// Path returns the absolute path of the library file.
func (l *Library) Path() string { return l.path }

// ReadOnly returns why the library is open for reading only, or "" when it
// can be changed.
func (l *Library) ReadOnly() string { return l.readOnly }

// Close closes the library.
func (l *Library) Close() error {
	l.index.Close()
	return l.db.Close()
}

// dsn builds a go-sqlite3 data source name. WAL lets the GUI and the CLI read
// while the other writes; "immediate" transactions take the write lock at
// BEGIN, so two writers never deadlock upgrading a read lock; synchronous
// NORMAL in WAL mode keeps every committed transaction across a crash of the
// process and never corrupts the file (only a power cut can lose the last
// few commits).
func dsn(path string, readOnly bool) string {
	u := fileURI(path)
	if readOnly {
		return u + "?mode=ro&_busy_timeout=10000"
	}
	q := url.Values{}
	q.Set("_foreign_keys", "on")
	q.Set("_journal_mode", "WAL")
	q.Set("_synchronous", "NORMAL")
	q.Set("_busy_timeout", "10000")
	q.Set("_txlock", "immediate")
	// Keep prepared statements per connection: the store and the search
	// index run the same few statements over and over (an import of 2,000
	// articles runs each of them thousands of times).
	q.Set("_stmt_cache_size", "128")
	// A 16 MB page cache per connection instead of 2 MB: an import batch
	// touches the same posting and B-tree pages over and over, and with the
	// default it read them back from the file 370 times per article.
	q.Set("_cache_size", "-16000")
	return u + "?" + q.Encode()
}

// fileURI is path as an SQLite file: URI, its %, ? and # escaped, without
// a query.
func fileURI(path string) string {
	return "file:" + strings.NewReplacer("%", "%25", "?", "%3f", "#", "%23").Replace(path)
}

// fileState is what inspect finds at a library path.
type fileState int

const (
	stateAbsent   fileState = iota // no file: create one
	stateHalfMade                  // an empty or half-made file: nothing in it, start again
	stateLibrary                   // a Casebook library
)

// inspect says what is at path, without changing it (only a -wal file left
// by a killed process may be recovered into it, as SQLite does on any
// open). Anything that is neither absent, half-made nor a library is an
// error that says what it is.
func inspect(ctx context.Context, path string) (fileState, os.FileInfo, error) {
	st, err := os.Stat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return stateAbsent, nil, nil
	case err != nil:
		return 0, nil, data.FileError("cannot read the library "+path, err)
	case st.IsDir():
		return 0, nil, data.Errorf(data.ENOTLIBRARY, "%s is a folder, not a Casebook library", path)
	}
	wal, _ := os.Stat(path + "-wal")
	walData := wal != nil && wal.Size() > 0

	f, err := os.Open(path)
	if err != nil {
		return 0, nil, data.FileError("cannot read the library "+path, err)
	}
	head := make([]byte, 100)
	n, _ := io.ReadFull(f, head)
	f.Close()
	head = head[:n]
	switch {
	case n == 0 && !walData:
		return stateHalfMade, st, nil
	case n < len(sqliteHeader):
		if bytes.HasPrefix(sqliteHeader, head) && !walData {
			return stateHalfMade, st, nil
		}
		return 0, nil, data.Errorf(data.ENOTLIBRARY, "%s is not a Casebook library (it is not a SQLite database)", path)
	case n > 0 && !bytes.HasPrefix(head, sqliteHeader):
		return 0, nil, data.Errorf(data.ENOTLIBRARY, "%s is not a Casebook library (it is not a SQLite database)", path)
	}
	if n == 100 {
		id := binary.BigEndian.Uint32(head[68:72])
		switch {
		case id == applicationID:
			if err := checkLength(path, head, st.Size(), walData); err != nil {
				return 0, nil, err
			}
			return stateLibrary, st, nil
		case id != 0:
			return 0, nil, data.Errorf(data.ENOTLIBRARY, "%s is not a Casebook library (it is another program's SQLite database)", path)
		}
	}

	// No mark in the file's header: a library an older Casebook was still
	// creating (its first writes may be in the -wal file), or another
	// program's database. SQLite reads the -wal file too.
	mode := "ro"
	if walData && writable(path) {
		mode = "rw" // reading a -wal file left by a killed process needs to recover it
	}
	db, err := sql.Open("sqlite3", fileURI(path)+"?mode="+mode)
	if err != nil {
		return 0, nil, err
	}
	defer db.Close()
	var id int64
	if err := db.QueryRowContext(ctx, "PRAGMA application_id").Scan(&id); err != nil {
		return 0, nil, openError(path, err)
	}
	if id == applicationID {
		return stateLibrary, st, nil
	}
	var tables, migrated int
	if err := db.QueryRowContext(ctx, `SELECT count(*) FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' AND name <> 'migrations'`).Scan(&tables); err != nil {
		return 0, nil, openError(path, err)
	}
	_ = db.QueryRowContext(ctx, `SELECT count(*) FROM migrations`).Scan(&migrated)
	if id == 0 && tables == 0 && migrated == 0 {
		return stateHalfMade, st, nil
	}
	return 0, nil, data.Errorf(data.ENOTLIBRARY, "%s is not a Casebook library (it is another program's SQLite database)", path)
}

// checkLength refuses a library file shorter than its header says: it was
// cut off (a copy that did not finish, a full disk).
func checkLength(path string, head []byte, size int64, walData bool) error {
	pageSize := int64(binary.BigEndian.Uint16(head[16:18]))
	if pageSize == 1 {
		pageSize = 65536
	}
	pages := int64(binary.BigEndian.Uint32(head[28:32]))
	// The page count is valid only when the file's change counter says so.
	valid := bytes.Equal(head[24:28], head[92:96]) && pages > 0
	if valid && !walData && pageSize*pages > size {
		return data.Errorf(data.EDAMAGED, "the library %s is damaged: the file is %d bytes but should be %d (it was cut off, perhaps by a copy that did not finish). Casebook has not changed it; restore it from a backup (%s.before-*.bak, if there is one)",
			path, size, pageSize*pages, filepath.Base(path))
	}
	return nil
}

// removeHalfMade deletes a half-made library (see inspect), if it is still
// the file that was inspected, with its -wal and -shm files.
func removeHalfMade(path string, was os.FileInfo) error {
	now, err := os.Stat(path)
	if err != nil || !os.SameFile(now, was) {
		return nil // gone or replaced meanwhile: look again
	}
	for _, p := range []string{path + "-wal", path + "-shm", path} {
		if err := os.Remove(p); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return data.FileError("cannot start the half-made library "+path+" again", err)
		}
	}
	return nil
}

// create builds a new library in a temporary file beside path and links it
// into place. If another process created the library meanwhile, theirs is
// kept and this one discarded: either way there is one whole library.
func create(ctx context.Context, path string) error {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return data.FileError("cannot create the library folder "+dir, err)
	}
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".new-*") // mode 0600
	if err != nil {
		return data.FileError("cannot create the library "+path, err)
	}
	name := tmp.Name()
	tmp.Close()
	defer func() {
		for _, p := range []string{name + "-wal", name + "-shm", name} {
			os.Remove(p)
		}
	}()
	db, err := sql.Open("sqlite3", dsn(name, false))
	if err != nil {
		return err
	}
	l := &Library{db: db, path: name, now: time.Now}
	err = l.migrate(ctx, true)
	if err == nil {
		// Everything into the main file, so that the file linked into
		// place is the whole library.
		_, err = db.ExecContext(ctx, `PRAGMA wal_checkpoint(TRUNCATE)`)
	}
	if cerr := db.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return openError(path, err)
	}
	if err := syncFile(name); err != nil {
		return data.FileError("cannot create the library "+path, err)
	}
	if err := os.Link(name, path); err != nil && !errors.Is(err, fs.ErrExist) {
		// A file system without hard links: rename, unless the library
		// appeared meanwhile.
		if _, serr := os.Stat(path); serr == nil {
			return nil
		}
		if err := os.Rename(name, path); err != nil {
			return data.FileError("cannot create the library "+path, err)
		}
	}
	return syncFile(dir)
}

// syncFile flushes a file or folder to the disk.
func syncFile(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	if err := f.Sync(); err != nil && !errors.Is(err, syscall.EINVAL) {
		return err
	}
	return nil
}

// openLibrary opens an existing library: read-write and up to date, or
// read-only when its place cannot be written or a newer Casebook made it.
func openLibrary(ctx context.Context, path string) (*Library, error) {
	readOnly := ""
	source := dsn(path, false)
	if !writable(path) {
		readOnly = "The library is in a place Casebook cannot write to, so it is open for reading only: you can read, search and export, but not change it. Move it to a folder you can write to (or ask for write permission) to change it."
		source = dsn(path, true)
		if _, err := os.Stat(path + "-wal"); err != nil {
			// Nothing to recover and no -shm file can be made: read the
			// file as it is.
			source += "&immutable=1"
		}
	}
	db, err := sql.Open("sqlite3", source)
	if err != nil {
		return nil, err
	}
	l := &Library{db: db, path: path, now: time.Now, readOnly: readOnly}
	fail := func(err error) (*Library, error) {
		db.Close()
		return nil, openError(path, err)
	}
	names, applied, err := l.migrations(ctx)
	if err != nil {
		return fail(err)
	}
	known := map[string]bool{}
	for _, n := range names {
		known[n] = true
	}
	var newer, pending []string
	for n := range applied {
		if !known[n] {
			newer = append(newer, n)
		}
	}
	for _, n := range names {
		if !applied[n] {
			pending = append(pending, n)
		}
	}
	// The search index's tables are package search's own (search.Migrate):
	// a version behind or ahead of this build counts as a migration.
	sv, err := search.Version(ctx, db)
	if err != nil {
		return fail(err)
	}
	if sv > search.SchemaVersion {
		newer = append(newer, "search schema")
	} else if sv < search.SchemaVersion {
		pending = append(pending, "search schema")
	}
	switch {
	case len(newer) > 0:
		// A newer Casebook upgraded it: writing with this version's idea
		// of the schema could damage it.
		if readOnly == "" {
			db.Close()
			if db, err = sql.Open("sqlite3", dsn(path, true)); err != nil {
				return nil, err
			}
			l.db = db
		}
		l.readOnly = "This library was last changed by a newer version of Casebook, so this version opens it for reading only: you can read, search and export, but not change it. Install the newer Casebook to change it."
	case len(pending) > 0 && readOnly != "":
		return fail(data.Errorf(data.EREADONLY, "the library %s needs upgrading for this version of Casebook, but it is in a place Casebook cannot write to; move it to a folder you can write to", path))
	case len(pending) > 0:
		if err := l.migrate(ctx, false); err != nil {
			return fail(err)
		}
	}
	if l.index, err = search.Open(ctx, l.db); err != nil {
		return fail(err)
	}
	return l, nil
}

// migrations lists the embedded migrations, sorted, and those the library
// records as applied.
func (l *Library) migrations(ctx context.Context) ([]string, map[string]bool, error) {
	names, err := fs.Glob(migrationFS, "migration/*.sql")
	if err != nil {
		return nil, nil, err
	}
	sort.Strings(names)
	applied := map[string]bool{}
	var exists int
	if err := l.db.QueryRowContext(ctx, `SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'migrations'`).Scan(&exists); err != nil {
		return nil, nil, err
	}
	if exists == 0 {
		return names, applied, nil
	}
	rows, err := l.db.QueryContext(ctx, `SELECT name FROM migrations`)
	done, err := collect(rows, err, scanOne[string])
	if err != nil {
		return nil, nil, fmt.Errorf("read migrations: %w", err)
	}
	for _, n := range done {
		applied[n] = true
	}
	return names, applied, nil
}

// migrate applies the embedded migrations that have not run yet, one
// transaction each, recording each in the migrations table, then the search
// index's schema (migrateSearch). Another process
// may be upgrading the same library: each migration checks again, holding
// the write lock, that it has not run.
func (l *Library) migrate(ctx context.Context, fresh bool) error {
	if fresh {
		// Mark the file as ours before anything else is written.
		if _, err := l.db.ExecContext(ctx, fmt.Sprintf("PRAGMA application_id = %d", applicationID)); err != nil {
			return fmt.Errorf("initialise library: %w", err)
		}
		if _, err := l.db.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)`); err != nil {
			return fmt.Errorf("create migrations table: %w", err)
		}
	}
	names, applied, err := l.migrations(ctx)
	if err != nil {
		return err
	}
	backedUp := false
	for _, name := range names {
		if applied[name] {
			continue
		}
		if len(applied) > 0 && !backedUp {
			if err := l.backup(ctx, name); err != nil {
				return err
			}
			backedUp = true
		}
		if err := l.applyMigration(ctx, name); err != nil {
			return err
		}
	}
	return l.migrateSearch(ctx, len(applied) > 0 && !backedUp)
}

// migrateSearch creates or upgrades the search index's tables, after the
// store's own migrations and in a transaction of its own: package search
// owns that schema (search.Migrate), and no store migration touches it.
// An existing library not yet backed up is backed up first.
func (l *Library) migrateSearch(ctx context.Context, backup bool) error {
	v, err := search.Version(ctx, l.db)
	if err != nil || v >= search.SchemaVersion {
		return err
	}
	if backup {
		if err := l.backup(ctx, fmt.Sprintf("search-schema-%d", v+1)); err != nil {
			return err
		}
	}
	tx, err := l.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if err := search.Migrate(ctx, tx); err != nil {
		return err
	}
	return tx.Commit()
}

// backup copies the library beside itself before migration name changes it.
// The copy is made in a file created 0600 (only the student can read it,
// from the first byte) and renamed into place when complete.
func (l *Library) backup(ctx context.Context, name string) error {
	dst := fmt.Sprintf("%s.before-%s.bak", l.path, strings.TrimSuffix(filepath.Base(name), ".sql"))
	tmp, err := os.CreateTemp(filepath.Dir(l.path), "."+filepath.Base(dst)+".*")
	if err != nil {
		return data.FileError("cannot back up the library before upgrading it", err)
	}
	tmpName := tmp.Name()
	tmp.Close()
	defer os.Remove(tmpName)
	// VACUUM INTO writes into an existing file only if it is empty, as
	// this one is; it keeps the file's mode.
	if _, err := l.db.ExecContext(ctx, `VACUUM INTO ?`, tmpName); err != nil {
		return fmt.Errorf("back up library before %s: %w", name, err)
	}
	if backupHook != nil {
		backupHook(tmpName)
	}
	if err := os.Rename(tmpName, dst); err != nil {
		return data.FileError("cannot back up the library before upgrading it", err)
	}
	return nil
}

// backupHook, set by tests, sees the backup file once written, before it
// is renamed into place.
var backupHook func(path string)

// afterMigration holds the steps, written in Go, that complete a
// migration in its own transaction: what SQL alone cannot derive.
var afterMigration = map[string]func(context.Context, *sql.Tx) error{
	// Articles stored before sentence-case titles existed get theirs.
	"migration/0005_source_type.sql": deriveSentenceTitles,
}

func (l *Library) applyMigration(ctx context.Context, name string) error {
	body, err := fs.ReadFile(migrationFS, name)
	if err != nil {
		return err
	}
	tx, err := l.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	var done int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM migrations WHERE name = ?`, name).Scan(&done); err != nil || done > 0 {
		return err // another process applied it meanwhile
	}
	if _, err := tx.ExecContext(ctx, string(body)); err != nil {
		return fmt.Errorf("migration %s: %w", name, err)
	}
	if step := afterMigration[name]; step != nil {
		if err := step(ctx, tx); err != nil {
			return fmt.Errorf("migration %s: %w", name, err)
		}
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO migrations (name, applied_at) VALUES (?, ?)`, name, formatTime(l.now())); err != nil {
		return err
	}
	return tx.Commit()
}

// Check runs SQLite's integrity check and returns an error unless it says "ok".
func (l *Library) Check(ctx context.Context) error {
	var res string
	if err := l.db.QueryRowContext(ctx, `PRAGMA integrity_check`).Scan(&res); err != nil {
		return err
	}
	if res != "ok" {
		return fmt.Errorf("integrity check: %s", res)
	}
	return nil
}

// checkWritable refuses a write to a library open for reading only, with
// the reason the student is shown. Every write transaction starts with it.
func (l *Library) checkWritable() error {
	if l.readOnly != "" {
		return data.Errorf(data.EREADONLY, "%s", l.readOnly)
	}
	return nil
}

// update runs fn in one write transaction, committed if fn returns nil.
func (l *Library) update(ctx context.Context, fn func(tx *sql.Tx) error) (err error) {
	if err := l.checkWritable(); err != nil {
		return err
	}
	tx, err := l.db.BeginTx(ctx, nil)
	if err != nil {
		return dbError(err)
	}
	defer tx.Rollback()
	if err := fn(tx); err != nil {
		return dbError(err)
	}
	if err := tx.Commit(); err != nil {
		return dbError(err)
	}
	return nil
}

func formatTime(t time.Time) string { return t.UTC().Format(time.RFC3339Nano) }

func parseTime(s string) time.Time {
	t, _ := time.Parse(time.RFC3339Nano, s)
	return t
}

// newUID returns a random RFC 4122 version 4 UUID.
func newUID() string {
	var b [16]byte
	_, _ = rand.Read(b[:])
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:16])
}
