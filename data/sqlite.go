package data

import (
	"bytes"
	"context"
	"crypto/rand"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/casebookapp/casebook/data/search"
	"github.com/mattn/go-sqlite3"
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
	// now is the clock, replaced in tests.
	now func() time.Time
}

// DefaultPath returns where the library lives unless --db or CASEBOOK_DB say
// otherwise: <UserConfigDir>/casebook/library.db.
func DefaultPath() (string, error) {
	if p := os.Getenv("CASEBOOK_DB"); p != "" {
		return p, nil
	}
	dir, err := os.UserConfigDir()
	if err != nil {
		return "", Errorf(EINVALID, "cannot find a configuration folder for the library (%v); use --db PATH", err)
	}
	return filepath.Join(dir, "casebook", "library.db"), nil
}

// Open opens the library at path, creating it (mode 0600, in a folder it
// creates) if it does not exist, and brings its schema up to date. A file
// that is not a Casebook library is refused with ENOTLIBRARY and left
// untouched. Before a migration changes an existing library, a copy is kept
// beside it.
func Open(ctx context.Context, path string) (*Library, error) {
	if path == "" {
		return nil, Errorf(EINVALID, "no library path given")
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, Errorf(EINVALID, "library path %q: %v", path, err)
	}
	fresh, err := prepareFile(ctx, abs)
	if err != nil {
		return nil, err
	}
	db, err := sql.Open("sqlite3", dsn(abs, false))
	if err != nil {
		return nil, fmt.Errorf("open library %s: %w", abs, err)
	}
	l := &Library{db: db, path: abs, now: time.Now}
	if err := l.migrate(ctx, fresh); err != nil {
		db.Close()
		return nil, err
	}
	if l.index, err = search.Open(ctx, db); err != nil {
		db.Close()
		return nil, err
	}
	if err := l.deriveSentenceTitles(ctx); err != nil {
		l.Close()
		return nil, err
	}
	return l, nil
}

// Path returns the absolute path of the library file.
func (l *Library) Path() string { return l.path }

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
	u := "file:" + strings.NewReplacer("%", "%25", "?", "%3f", "#", "%23").Replace(path)
	if readOnly {
		return u + "?mode=ro"
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

// prepareFile makes sure path is either absent (it is then created empty with
// mode 0600), empty, or a Casebook library. It reports whether the library is
// new. It never writes to an existing non-empty file.
func prepareFile(ctx context.Context, path string) (fresh bool, err error) {
	st, err := os.Stat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
			return false, Errorf(EINVALID, "cannot create the library folder: %v", err)
		}
		f, err := os.OpenFile(path, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o600)
		if err != nil {
			return false, Errorf(EINVALID, "cannot create the library %s: %v", path, err)
		}
		return true, f.Close()
	case err != nil:
		return false, Errorf(EINVALID, "cannot read the library %s: %v", path, err)
	case st.IsDir():
		return false, Errorf(ENOTLIBRARY, "%s is a folder, not a Casebook library", path)
	case st.Size() == 0:
		return true, nil
	}

	f, err := os.Open(path)
	if err != nil {
		return false, Errorf(EINVALID, "cannot read the library %s: %v", path, err)
	}
	head := make([]byte, len(sqliteHeader))
	_, err = io.ReadFull(f, head)
	f.Close()
	if err != nil || !bytes.Equal(head, sqliteHeader) {
		return false, Errorf(ENOTLIBRARY, "%s is not a Casebook library (it is not a SQLite database)", path)
	}

	// Look inside read-only, so that another program's database is not
	// switched to WAL or otherwise changed by the check.
	db, err := sql.Open("sqlite3", dsn(path, true))
	if err != nil {
		return false, fmt.Errorf("check library %s: %w", path, err)
	}
	defer db.Close()
	var id int64
	if err := db.QueryRowContext(ctx, "PRAGMA application_id").Scan(&id); err != nil {
		return false, Errorf(ENOTLIBRARY, "%s is not a Casebook library (%v)", path, err)
	}
	if id != applicationID {
		return false, Errorf(ENOTLIBRARY, "%s is not a Casebook library (it is another program's SQLite database)", path)
	}
	return false, nil
}

// migrate applies the embedded migrations that have not run yet, one
// transaction each, recording each in the migrations table.
func (l *Library) migrate(ctx context.Context, fresh bool) error {
	if fresh {
		// Mark the file as ours before anything else is written.
		if _, err := l.db.ExecContext(ctx, fmt.Sprintf("PRAGMA application_id = %d", applicationID)); err != nil {
			return fmt.Errorf("initialise library: %w", err)
		}
	}
	if _, err := l.db.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)`); err != nil {
		return fmt.Errorf("create migrations table: %w", err)
	}
	names, err := fs.Glob(migrationFS, "migration/*.sql")
	if err != nil {
		return err
	}
	sort.Strings(names)

	rows, err := l.db.QueryContext(ctx, `SELECT name FROM migrations`)
	done, err := collect(rows, err, scanOne[string])
	if err != nil {
		return fmt.Errorf("read migrations: %w", err)
	}
	applied := map[string]bool{}
	for _, n := range done {
		applied[n] = true
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
	return nil
}

// backup copies the library beside itself before migration name changes it.
func (l *Library) backup(ctx context.Context, name string) error {
	dst := fmt.Sprintf("%s.before-%s.bak", l.path, strings.TrimSuffix(filepath.Base(name), ".sql"))
	_ = os.Remove(dst) // VACUUM INTO refuses to overwrite; a stale copy of the same step is replaced.
	if _, err := l.db.ExecContext(ctx, `VACUUM INTO ?`, dst); err != nil {
		return fmt.Errorf("back up library before %s: %w", name, err)
	}
	return os.Chmod(dst, 0o600)
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
	if _, err := tx.ExecContext(ctx, string(body)); err != nil {
		return fmt.Errorf("migration %s: %w", name, err)
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

// update runs fn in one write transaction, committed if fn returns nil,
// and tells the search index which it was (its segment-count hints).
func (l *Library) update(ctx context.Context, fn func(tx *sql.Tx) error) (err error) {
	tx, err := l.db.BeginTx(ctx, nil)
	if err != nil {
		return dbError(err)
	}
	committed := false
	defer func() {
		if !committed {
			tx.Rollback()
		}
		l.index.Settle(committed)
	}()
	if err := fn(tx); err != nil {
		return err
	}
	if err := tx.Commit(); err != nil {
		return dbError(err)
	}
	committed = true
	return nil
}

// dbError turns SQLite's busy and read-only conditions into messages a
// student can act on.
func dbError(err error) error {
	var se sqlite3.Error
	if errors.As(err, &se) {
		switch se.Code {
		case sqlite3.ErrBusy, sqlite3.ErrLocked:
			return Errorf(EBUSY, "the library is busy in another Casebook window; try again")
		case sqlite3.ErrReadonly, sqlite3.ErrPerm, sqlite3.ErrCantOpen:
			return Errorf(EINVALID, "the library cannot be written: %v", err)
		case sqlite3.ErrFull:
			return Errorf(EINVALID, "the disk is full; nothing was changed")
		}
	}
	return err
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
