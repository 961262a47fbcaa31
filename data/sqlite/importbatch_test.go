package sqlite_test

import (
	"context"
	"database/sql"
	"testing"

	"github.com/casebookapp/casebook/data"
)

// TestImportBatchFileFailsAlone stores three articles in one batch; the
// second fails after its article row and first passages were written (a
// trigger refuses one of its paragraphs). It must leave no trace, in the
// tables or in the index, while the first and third are stored, searchable,
// by the one commit; an update in the same batch re-indexes an article the
// batch added.
func TestImportBatchFileFailsAlone(t *testing.T) {
	ctx := context.Background()
	l := openTest(t)
	raw, err := sql.Open("sqlite3", "file:"+l.Path()+"?_busy_timeout=10000")
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	if _, err := raw.Exec(`CREATE TRIGGER poison BEFORE INSERT ON passages WHEN NEW.text = 'Poison.'
		BEGIN SELECT RAISE(ABORT, 'poisoned paragraph'); END`); err != nil {
		t.Fatal(err)
	}
	raw.Close()

	b, err := l.BeginImport(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := b.Article(article("test:one", "body|Zeppelins over Brooklyn.")); err != nil {
		t.Fatal(err)
	}
	_, err = b.Article(article("test:two", "body|Walruses in the harbour.", "body|More walruses.", "body|Poison."))
	if err == nil || data.Broken(err) {
		t.Fatalf("poisoned article: %v, want a failure of that file alone", err)
	}
	if _, err := b.Article(article("test:three", "body|Quokkas on the ferry.")); err != nil {
		t.Fatal(err)
	}
	// The same origin again, with a new text: an update of an article
	// whose passages are still waiting to be indexed.
	r, err := b.Article(article("test:one", "body|Zeppelins over Queens."))
	if err != nil || r.Status != data.Updated {
		t.Fatalf("update in the batch: %+v, %v", r, err)
	}
	if err := b.Commit(); err != nil {
		t.Fatal(err)
	}

	arts, err := l.Articles(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(arts) != 2 {
		t.Errorf("%d articles, want 2: %+v", len(arts), arts)
	}
	for _, q := range []struct {
		query string
		want  int
	}{{"walruses", 0}, {"zeppelins", 1}, {"queens", 1}, {"brooklyn", 0}, {"quokkas", 1}} {
		res, err := l.Search(ctx, q.query, data.SearchOptions{})
		if err != nil {
			t.Fatal(err)
		}
		if len(res) != q.want {
			t.Errorf("%q: %d results, want %d: %+v", q.query, len(res), q.want, res)
		}
	}
	if err := l.Check(ctx); err != nil {
		t.Error(err)
	}
}
