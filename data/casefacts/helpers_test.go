package casefacts_test

import (
	"testing"

	"github.com/casebookapp/casebook/data"
	"github.com/casebookapp/casebook/data/casefacts"
	"github.com/casebookapp/casebook/data/ingest"
)

// fromNew numbers a parsed article's passages as the library does (body
// and caption passages 1..n) and gives it id.
func fromNew(id int64, a data.NewArticle) casefacts.Article {
	out := casefacts.Article{ID: id, Date: a.Date}
	n := 0
	for seq, p := range a.Passages {
		para := 0
		if p.Kind.Numbered() {
			n++
			para = n
		}
		out.Passages = append(out.Passages, casefacts.Passage{Para: para, Seq: seq, Kind: string(p.Kind), Text: p.Text})
	}
	return out
}

// seedArticles are the bundled articles with ids 1, 2 and 3, as a fresh
// library numbers them.
func seedArticles(t testing.TB) []casefacts.Article {
	t.Helper()
	seeds, err := ingest.Seeds()
	if err != nil {
		t.Fatal(err)
	}
	var out []casefacts.Article
	for i, s := range seeds {
		out = append(out, fromNew(int64(i+1), s))
	}
	return out
}
