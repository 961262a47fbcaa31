package search

import (
	"compress/gzip"
	"context"
	"crypto/sha256"
	"database/sql"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// storeMigrations are the store's migrations that made the search tables
// before this package owned them, kept as they were in testdata.
var storeMigrations = []string{"0002_search.sql", "0003_search_terms_index.sql", "0008_search_snapshot.sql"}

// libraryByStore writes at path the search tables as the store's first n
// search migrations left them in a library of an older Casebook.
func libraryByStore(tb testing.TB, path string, n int) *sql.DB {
	tb.Helper()
	db := openSecond(tb, path)
	for _, name := range storeMigrations[:n] {
		b, err := os.ReadFile(filepath.Join("testdata", "store-migrations", name))
		if err != nil {
			tb.Fatal(err)
		}
		if _, err := db.Exec(string(b)); err != nil {
			tb.Fatalf("%s: %v", name, err)
		}
	}
	return db
}

// schemaOf lists db's tables and indexes with the statements that made
// them, and its search_meta rows other than the schema version.
func schemaOf(tb testing.TB, db *sql.DB) string {
	tb.Helper()
	var out []string
	rows, err := db.Query(`SELECT type, name, tbl_name, coalesce(sql, '') FROM sqlite_master ORDER BY name`)
	if err != nil {
		tb.Fatal(err)
	}
	defer rows.Close()
	for rows.Next() {
		var typ, name, tbl, stmt string
		if err := rows.Scan(&typ, &name, &tbl, &stmt); err != nil {
			tb.Fatal(err)
		}
		out = append(out, strings.Join([]string{typ, name, tbl, stmt}, " | "))
	}
	rows, err = db.Query(`SELECT key, value FROM search_meta WHERE key <> 'schema' ORDER BY key`)
	if err != nil {
		tb.Fatal(err)
	}
	defer rows.Close()
	for rows.Next() {
		var k string
		var v int64
		if err := rows.Scan(&k, &v); err != nil {
			tb.Fatal(err)
		}
		out = append(out, fmt.Sprintf("meta %s = %d", k, v))
	}
	return strings.Join(out, "\n")
}

func versionOf(tb testing.TB, db *sql.DB) int {
	tb.Helper()
	v, err := Version(context.Background(), db)
	if err != nil {
		tb.Fatal(err)
	}
	return v
}

// TestSchemaAsTheStoreMadeIt: the tables Migrate makes in a new library are
// those the store's old migrations made, statement for statement; a library
// the old migrations made, wholly or in part (an older Casebook that had
// run only some of them), is recognised at its version and brought up to
// date, and then records its version.
func TestSchemaAsTheStoreMadeIt(t *testing.T) {
	dir := t.TempDir()
	fresh := openDB(t, filepath.Join(dir, "new.db"))
	want := schemaOf(t, fresh)
	if v := versionOf(t, fresh); v != SchemaVersion {
		t.Fatalf("a new library's schema version is %d, want %d", v, SchemaVersion)
	}
	if n := strings.Count(want, "\n"); n < 8 {
		t.Fatalf("the new schema is too small to compare:\n%s", want)
	}
	for n := 0; n <= len(storeMigrations); n++ {
		old := libraryByStore(t, filepath.Join(dir, fmt.Sprintf("old%d.db", n)), n)
		if v := versionOf(t, old); v != n {
			t.Errorf("after %d store migrations the version reads %d, want %d", n, v, n)
		}
		migrate(t, old)
		if got := schemaOf(t, old); got != want {
			t.Errorf("after %d store migrations and Migrate the schema is\n%s\nwant\n%s", n, got, want)
		}
		if v := versionOf(t, old); v != SchemaVersion {
			t.Errorf("after %d store migrations and Migrate the version is %d, want %d", n, v, SchemaVersion)
		}
	}
}

// TestMigrateRefusesNewer: tables a newer Casebook changed are not touched.
func TestMigrateRefusesNewer(t *testing.T) {
	db := openDB(t, filepath.Join(t.TempDir(), "library.db"))
	if _, err := db.Exec(`UPDATE search_meta SET value = ? WHERE key = 'schema'`, SchemaVersion+1); err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	if err := Migrate(ctx, tx); err == nil || !strings.Contains(err.Error(), "newer") {
		t.Errorf("Migrate on a newer schema: %v, want an error saying it is newer", err)
	}
}

// oldLibrary unpacks into a temporary folder a library an earlier Casebook
// made, when the store's migrations made the search tables: the build of
// commit a9dbfa3 created it, loaded the three seed articles and a fourth
// article (the paragraphs of pages-dev/lwn-1), added a note, searched and
// closed, which stored a search snapshot (generation 5).
func oldLibrary(tb testing.TB) string {
	tb.Helper()
	f, err := os.Open(filepath.Join("testdata", "library-a9dbfa3.db.gz"))
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		tb.Fatal(err)
	}
	path := filepath.Join(tb.TempDir(), "library.db")
	out, err := os.Create(path)
	if err != nil {
		tb.Fatal(err)
	}
	if _, err := io.Copy(out, zr); err != nil {
		tb.Fatal(err)
	}
	if err := out.Close(); err != nil {
		tb.Fatal(err)
	}
	return path
}

func fileSum(tb testing.TB, path string) [32]byte {
	tb.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		tb.Fatal(err)
	}
	return sha256.Sum256(b)
}

// TestOldLibrary opens a library an earlier Casebook made: Migrate finds it
// up to date and writes nothing, and the index searches it as it is, loaded
// from its stored snapshot, with nothing indexed again.
func TestOldLibrary(t *testing.T) {
	ctx := context.Background()
	path := oldLibrary(t)
	before := fileSum(t, path)
	db := openSecond(t, path)
	if v := versionOf(t, db); v != SchemaVersion {
		t.Fatalf("the old library's version reads %d, want %d", v, SchemaVersion)
	}
	migrate(t, db)
	if _, err := db.Exec(`PRAGMA wal_checkpoint(TRUNCATE)`); err != nil {
		t.Fatal(err)
	}
	if fileSum(t, path) != before {
		t.Fatal("Migrate changed a library that was up to date")
	}
	var gen, snapGen int64
	if err := db.QueryRow(`SELECT value FROM search_meta WHERE key = 'gen'`).Scan(&gen); err != nil {
		t.Fatal(err)
	}
	if err := db.QueryRow(`SELECT gen FROM search_snapshot`).Scan(&snapGen); err != nil {
		t.Fatal(err)
	}
	if gen != 5 || snapGen != 5 {
		t.Fatalf("the old library is at generation %d with a snapshot of %d, want 5 and 5", gen, snapGen)
	}

	ix, err := Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	hits := search(t, ix, "ken tompson", Options{Limit: 5})
	if len(hits) == 0 {
		t.Fatal(`"ken tompson" found nothing in the old library`)
	}
	if ix.st.sinceSnapshot != 0 {
		t.Errorf("the index was loaded from the tables (%d terms and documents since the snapshot), not from the old library's snapshot", ix.st.sinceSnapshot)
	}
	notes, err := ix.Search(ctx, "prosecutor's later statment", Options{Limit: 5})
	if err != nil {
		t.Fatal(err)
	}
	if len(notes) == 0 || notes[0].Source != SourceNote || notes[0].Note != 1 {
		t.Errorf("the old library's note was not found first: %+v", notes)
	}
	// Writing goes on from the old library's generation.
	put(t, db, ix, Doc{ID: 1000, Source: SourcePassage, Article: 4, Text: "Quokkas in the stairwell."})
	if got := search(t, ix, "quokkas", Options{}); len(got) != 1 || got[0].Passage != 1000 {
		t.Errorf("a passage added to the old library: found %+v, want passage 1000", got)
	}
	if err := db.QueryRow(`SELECT value FROM search_meta WHERE key = 'gen'`).Scan(&gen); err != nil || gen != 6 {
		t.Errorf("after one Put the generation is %d (%v), want 6", gen, err)
	}
}
