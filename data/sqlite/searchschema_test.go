package sqlite_test

import (
	"compress/gzip"
	"context"
	"database/sql"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/casebookapp/casebook/data"
	"github.com/casebookapp/casebook/data/search"
	"github.com/casebookapp/casebook/data/sqlite"
)

// unpackOldLibrary unpacks a library an earlier Casebook made, when the
// store's migrations created the search tables (see data/search's
// TestOldLibrary for how it was made), into a temporary folder.
func unpackOldLibrary(t *testing.T) string {
	t.Helper()
	f, err := os.Open(filepath.Join("..", "search", "testdata", "library-a9dbfa3.db.gz"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "library.db")
	out, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.Copy(out, zr); err != nil {
		t.Fatal(err)
	}
	if err := out.Close(); err != nil {
		t.Fatal(err)
	}
	return path
}

// searchTables reads what the search index holds, to compare before and
// after: its counters, snapshot, documents and terms.
func searchTables(t *testing.T, path string) string {
	t.Helper()
	db, err := sql.Open("sqlite3", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var out []string
	for _, q := range []string{
		`SELECT group_concat(key || '=' || value, ' ') FROM (SELECT * FROM search_meta ORDER BY key)`,
		`SELECT gen || ':' || length(data) || ':' || hex(substr(data, 1, 64)) || hex(substr(data, -64)) FROM search_snapshot`,
		`SELECT count(*) || ' docs, max gen ' || max(gen) FROM search_docs`,
		`SELECT count(*) || ' terms' FROM search_terms`,
		`SELECT count(*) || ' segments' FROM search_postings`,
	} {
		var s sql.NullString
		if err := db.QueryRow(q).Scan(&s); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
		out = append(out, s.String)
	}
	return strings.Join(out, "; ")
}

// TestOpenLibraryOfOlderCasebook: a library whose search tables the store's
// old migrations made opens for writing, with no backup (nothing needs
// upgrading), and searches with its index as it was: nothing is indexed
// again, its snapshot stays.
func TestOpenLibraryOfOlderCasebook(t *testing.T) {
	ctx := context.Background()
	path := unpackOldLibrary(t)
	before := searchTables(t, path)
	if !strings.Contains(before, "gen=5") || strings.Contains(before, "schema=") {
		t.Fatalf("unexpected old library: %s", before)
	}
	l, err := sqlite.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	if why := l.ReadOnly(); why != "" {
		t.Errorf("the old library opened read-only: %s", why)
	}
	res, err := l.Search(ctx, "ken tompson", data.SearchOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(res) == 0 || !strings.Contains(res[0].Text, "Thompson") {
		t.Errorf(`"ken tompson" in the old library: %+v`, res)
	}
	res, err = l.Search(ctx, "prosecutor statment", data.SearchOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(res) == 0 || res[0].In != "note" {
		t.Errorf("the old library's note was not found first: %+v", res)
	}
	l.Close()
	if after := searchTables(t, path); after != before {
		t.Errorf("opening and searching the old library changed its index:\nbefore %s\nafter  %s", before, after)
	}
	backups, _ := filepath.Glob(path + ".before-*")
	if len(backups) != 0 {
		t.Errorf("opening an up-to-date library made backups: %v", backups)
	}
}

// TestNewerSearchSchemaOpensReadOnly: search tables a newer Casebook changed
// make the library read-only, as a newer store migration does.
func TestNewerSearchSchemaOpensReadOnly(t *testing.T) {
	ctx := context.Background()
	l := openTest(t)
	path := l.Path()
	l.Close()
	db, err := sql.Open("sqlite3", path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`UPDATE search_meta SET value = ? WHERE key = 'schema'`, search.SchemaVersion+1); err != nil {
		t.Fatal(err)
	}
	db.Close()
	l, err = sqlite.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	if why := l.ReadOnly(); !strings.Contains(why, "newer version of Casebook") {
		t.Errorf("ReadOnly() = %q, want it to say a newer Casebook made the library", why)
	}
}

// TestSearchSchemaUpgradeOnOpen: a library whose search tables are behind
// this build's (here the old library without its snapshot table, as if
// made before it existed) is backed up, then upgraded by search.Migrate
// when it opens, and keeps its index.
func TestSearchSchemaUpgradeOnOpen(t *testing.T) {
	ctx := context.Background()
	path := unpackOldLibrary(t)
	db, err := sql.Open("sqlite3", path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`DROP TABLE search_snapshot`); err != nil {
		t.Fatal(err)
	}
	db.Close()
	l, err := sqlite.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	if why := l.ReadOnly(); why != "" {
		t.Fatalf("the library opened read-only: %s", why)
	}
	if _, err := os.Stat(path + ".before-search-schema-3.bak"); err != nil {
		t.Errorf("no backup before the search schema's upgrade: %v", err)
	}
	res, err := l.Search(ctx, "ken tompson", data.SearchOptions{})
	if err != nil || len(res) == 0 {
		t.Fatalf(`"ken tompson" after the upgrade: %d results, %v`, len(res), err)
	}
	l.Close()
	after := searchTables(t, path) // reads search_snapshot: the table is back
	if !strings.Contains(after, "gen=5") || !strings.Contains(after, "schema=3") {
		t.Errorf("after the upgrade the index holds %s, want generation 5 and schema 3", after)
	}
}
