package sqlite_test

import (
	"bytes"
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/casebookapp/casebook/data"
	"github.com/casebookapp/casebook/data/sqlite"
)

// openTest opens a new library in a temporary folder.
func openTest(t testing.TB) *sqlite.Library {
	t.Helper()
	l, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "library.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { l.Close() })
	return l
}

// article builds a NewArticle from paragraphs given as "kind|text".
func article(origin string, paras ...string) data.NewArticle {
	a := data.NewArticle{Origin: origin, Meta: data.Meta{Title: "Title of " + origin, Source: origin}}
	var orig []string
	for _, p := range paras {
		kind, text, _ := strings.Cut(p, "|")
		a.Passages = append(a.Passages, data.NewPassage{Kind: data.Kind(kind), Text: text})
		orig = append(orig, text)
	}
	a.Original = strings.Join(orig, "\n\n")
	return a
}

var sample = article("test:a",
	"title|A Headline",
	"byline|By Jane Doe",
	"body|The officer fired once in the dark stairwell.",
	"caption|A photo of the stairwell.",
	"boilerplate|Follow us on Facebook.",
	"body|The judge imposed 800 hours of community service.",
)

func mustImport(t testing.TB, l *sqlite.Library, a data.NewArticle) data.Article {
	t.Helper()
	r, err := l.ImportArticle(context.Background(), a)
	if err != nil {
		t.Fatal(err)
	}
	return r.Article
}

func TestOpen(t *testing.T) {
	ctx := context.Background()
	t.Run("OK", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "sub", "library.db")
		l, err := sqlite.Open(ctx, path)
		if err != nil {
			t.Fatal(err)
		}
		defer l.Close()
		st, err := os.Stat(path)
		if err != nil {
			t.Fatal(err)
		}
		if got, want := st.Mode().Perm(), os.FileMode(0o600); got != want {
			t.Errorf("mode = %v, want %v", got, want)
		}
		if err := l.Check(ctx); err != nil {
			t.Error(err)
		}
		cs, err := l.Colours(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if got, want := cs, data.DefaultColours; !reflect.DeepEqual(got, want) {
			t.Errorf("colours = %v, want %v", got, want)
		}
	})

	t.Run("Reopen", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "library.db")
		l, err := sqlite.Open(ctx, path)
		if err != nil {
			t.Fatal(err)
		}
		mustImport(t, l, sample)
		l.Close()
		l, err = sqlite.Open(ctx, path)
		if err != nil {
			t.Fatal(err)
		}
		defer l.Close()
		as, err := l.Articles(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if len(as) != 1 {
			t.Fatalf("got %d articles after reopening, want 1", len(as))
		}
		if _, err := os.Stat(path + ".before-0001_init.bak"); err == nil {
			t.Error("a backup was made although no migration ran")
		}
	})

	t.Run("WALAndForeignKeys", func(t *testing.T) {
		l := openTest(t)
		l.Close()
		db, err := sql.Open("sqlite3", l.Path())
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		var mode string
		if err := db.QueryRow("PRAGMA journal_mode").Scan(&mode); err != nil {
			t.Fatal(err)
		}
		if mode != "wal" {
			t.Errorf("journal_mode = %q, want wal", mode)
		}
	})

	tests := map[string][]byte{
		"RandomBytes": bytes.Repeat([]byte{0x8b, 0x00, 0x17, 0xfe}, 2048),
		"Text":        []byte("hello, this is not a database\n"),
	}
	for name, content := range tests {
		t.Run("ErrNotLibrary/"+name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "x.db")
			if err := os.WriteFile(path, content, 0o644); err != nil {
				t.Fatal(err)
			}
			_, err := sqlite.Open(ctx, path)
			if got, want := data.ErrorCode(err), data.ENOTLIBRARY; got != want {
				t.Fatalf("code = %q (%v), want %q", got, err, want)
			}
			after, _ := os.ReadFile(path)
			if !bytes.Equal(after, content) {
				t.Error("the file was changed")
			}
		})
	}

	t.Run("ErrNotLibrary/OtherSQLite", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "other.db")
		db, err := sql.Open("sqlite3", path)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := db.Exec(`CREATE TABLE songs (title TEXT); INSERT INTO songs VALUES ('x')`); err != nil {
			t.Fatal(err)
		}
		db.Close()
		before, _ := os.ReadFile(path)
		_, err = sqlite.Open(ctx, path)
		if got, want := data.ErrorCode(err), data.ENOTLIBRARY; got != want {
			t.Fatalf("code = %q (%v), want %q", got, err, want)
		}
		if !strings.Contains(err.Error(), "another program") {
			t.Errorf("message %q does not say what the file is", err)
		}
		after, _ := os.ReadFile(path)
		if !bytes.Equal(before, after) {
			t.Error("the other program's database was changed")
		}
	})
}

// TestMigrationBackup checks that a library made by an older schema is copied
// before a newer migration touches it.
func TestMigrationBackup(t *testing.T) {
	ctx := context.Background()
	l := openTest(t)
	mustImport(t, l, sample)
	path := l.Path()
	l.Close()

	// Pretend the last migration has not run yet.
	db, err := sql.Open("sqlite3", path)
	if err != nil {
		t.Fatal(err)
	}
	var last string
	if err := db.QueryRow(`SELECT max(name) FROM migrations`).Scan(&last); err != nil {
		t.Fatal(err)
	}
	if last == "migration/0001_init.sql" {
		db.Close()
		t.Skip("only one migration: nothing to back up before")
	}
	if _, err := db.Exec(`DELETE FROM migrations WHERE name = ?`, last); err != nil {
		t.Fatal(err)
	}
	db.Close()
	// Re-running a migration whose tables exist fails; the backup must be there anyway.
	_, _ = sqlite.Open(ctx, path)
	base := strings.TrimSuffix(filepath.Base(last), ".sql")
	if _, err := os.Stat(path + ".before-" + base + ".bak"); err != nil {
		t.Errorf("no backup before %s: %v", last, err)
	}
}

func TestImportArticle(t *testing.T) {
	ctx := context.Background()
	t.Run("OK", func(t *testing.T) {
		l := openTest(t)
		a := mustImport(t, l, sample)
		if a.ID != 1 || a.Title != "Title of test:a" || a.Hash != data.Hash(sample.Original) {
			t.Errorf("article = %+v", a)
		}
		ps, err := l.Passages(ctx, a.ID)
		if err != nil {
			t.Fatal(err)
		}
		var got []int
		for _, p := range ps {
			got = append(got, p.N)
		}
		// Only body paragraphs are numbered: the caption keeps its place
		// without a number.
		if want := []int{0, 0, 1, 0, 0, 2}; !reflect.DeepEqual(got, want) {
			t.Errorf("numbers = %v, want %v", got, want)
		}
		p, err := l.Passage(ctx, a.ID, 2)
		if err != nil {
			t.Fatal(err)
		}
		if got, want := p.Text, "The judge imposed 800 hours of community service."; got != want {
			t.Errorf("para 2 = %q, want %q", got, want)
		}
		orig, err := l.Original(ctx, a.ID)
		if err != nil || orig != sample.Original {
			t.Errorf("original = %q, %v", orig, err)
		}
	})

	t.Run("ErrDuplicate", func(t *testing.T) {
		l := openTest(t)
		mustImport(t, l, sample)
		same := sample
		same.Origin = "test:copy"
		_, err := l.ImportArticle(ctx, same)
		if got, want := data.ErrorCode(err), data.EDUPLICATE; got != want {
			t.Fatalf("code = %q (%v), want %q", got, err, want)
		}
		_, err = l.ImportArticle(ctx, sample)
		if got, want := data.ErrorCode(err), data.EDUPLICATE; got != want {
			t.Fatalf("same origin: code = %q (%v), want %q", got, err, want)
		}
		as, _ := l.Articles(ctx)
		if len(as) != 1 {
			t.Errorf("%d articles, want 1", len(as))
		}
	})

	t.Run("ErrInvalid", func(t *testing.T) {
		tests := map[string]data.NewArticle{
			"NoBody":  article("test:b", "title|Only a title", "boilerplate|Follow us"),
			"Empty":   {Origin: "test:c"},
			"BadKind": article("test:d", "poem|Roses"),
		}
		for name, a := range tests {
			t.Run(name, func(t *testing.T) {
				l := openTest(t)
				_, err := l.ImportArticle(ctx, a)
				if got, want := data.ErrorCode(err), data.EINVALID; got != want {
					t.Fatalf("code = %q (%v), want %q", got, err, want)
				}
				if as, _ := l.Articles(ctx); len(as) != 0 {
					t.Errorf("a failed import left %d articles", len(as))
				}
			})
		}
	})

	t.Run("SyncIsIdempotent", func(t *testing.T) {
		l := openTest(t)
		other := article("test:e", "body|Another text.")
		for i := 0; i < 3; i++ {
			res, err := l.SyncArticles(ctx, []data.NewArticle{sample, other})
			if err != nil {
				t.Fatal(err)
			}
			want := data.Added
			if i > 0 {
				want = data.Unchanged
			}
			for _, r := range res {
				if r.Status != want {
					t.Errorf("run %d: %s is %s, want %s", i, r.Article.Origin, r.Status, want)
				}
			}
		}
		as, _ := l.Articles(ctx)
		if len(as) != 2 || as[0].ID != 1 || as[1].ID != 2 {
			t.Errorf("articles = %+v", as)
		}
	})
}

func TestUpdateMeta(t *testing.T) {
	ctx := context.Background()
	l := openTest(t)
	a := mustImport(t, l, sample)
	t.Run("OK", func(t *testing.T) {
		m := data.Meta{Title: " New Title ", Outlet: "NBC News", Author: "A. One; B. Two", Date: "2016-03", Source: "https://example.org/x"}
		got, err := l.UpdateMeta(ctx, a.ID, m)
		if err != nil {
			t.Fatal(err)
		}
		if got.Title != "New Title" || got.Date != "2016-03" || len(got.Authors()) != 2 {
			t.Errorf("article = %+v", got)
		}
		// A new text for the same origin keeps the user's metadata.
		changed := sample
		changed.Original += "\n\nMore."
		changed.Passages = append(changed.Passages, data.NewPassage{Kind: data.KindBody, Text: "More."})
		r, err := l.SyncArticles(ctx, []data.NewArticle{changed})
		if err != nil {
			t.Fatal(err)
		}
		if r[0].Status != data.Updated || r[0].Article.Title != "New Title" {
			t.Errorf("after update: %+v", r[0])
		}
	})
	t.Run("ErrInvalid", func(t *testing.T) {
		for _, d := range []string{"March 2016", "2016-13", "2016-02-32", "16-01-01"} {
			if _, err := l.UpdateMeta(ctx, a.ID, data.Meta{Date: d}); data.ErrorCode(err) != data.EINVALID {
				t.Errorf("date %q: err = %v, want invalid", d, err)
			}
		}
	})
	t.Run("ErrNotFound", func(t *testing.T) {
		if _, err := l.UpdateMeta(ctx, 99, data.Meta{}); data.ErrorCode(err) != data.ENOTFOUND {
			t.Errorf("err = %v, want not found", err)
		}
	})
}
