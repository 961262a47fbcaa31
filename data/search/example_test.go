package search_test

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"

	_ "github.com/mattn/go-sqlite3"

	"github.com/casebookapp/casebook/data/search"
)

// The store indexes passages and notes inside its own transactions and
// searches as the user types.
func Example() {
	dir, _ := os.MkdirTemp("", "casebook")
	defer os.RemoveAll(dir)
	db, _ := sql.Open("sqlite3", filepath.Join(dir, "library.db")+"?_journal_mode=WAL")
	defer db.Close()

	// The store creates the index's tables, or brings them up to date, in
	// a transaction of its own when it opens the library.
	ctx := context.Background()
	tx, _ := db.BeginTx(ctx, nil)
	if err := search.Migrate(ctx, tx); err != nil {
		fmt.Println(err)
		return
	}
	tx.Commit()

	ix, err := search.Open(ctx, db)
	if err != nil {
		fmt.Println(err)
		return
	}
	defer ix.Close()

	text := "Liang’s apology comes just one day after Brooklyn DA Ken Thompson announced he would recommend no jail time."
	tx, _ = db.BeginTx(ctx, nil)
	ix.Put(ctx, tx,
		search.Doc{ID: 26, Source: search.SourcePassage, Article: 3, Text: text},
		search.Doc{ID: 7, Source: search.SourceNote, Passage: 26, Article: 3, Text: "Compare with the DA's later statement."},
	)
	tx.Commit()

	hits, _ := ix.Search(ctx, "ken tompson apolog", search.Options{Limit: 5})
	for _, h := range hits {
		rs := []rune(text)
		for _, m := range h.Matches {
			fmt.Printf("%s %d: %q\n", h.Source, h.Passage, string(rs[m.Start:m.End]))
		}
	}
	hits, _ = ix.Search(ctx, "statment", search.Options{})
	fmt.Println(hits[0].Source, hits[0].Note, "on passage", hits[0].Passage)
	// Output:
	// passage 26: "apology"
	// passage 26: "Ken"
	// passage 26: "Thompson"
	// note 7 on passage 26
}
