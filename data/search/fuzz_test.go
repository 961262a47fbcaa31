package search

import (
	"context"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzSearch checks that nothing a user types makes Search fail or panic,
// and that every hit's spans lie inside its text, in order.
func FuzzSearch(f *testing.F) {
	for _, s := range []string{"", `"`, `"second degree`, "probaton", "AND NEAR( -liang * #x", "🙂", "liang’s", "a-", "-", strings.Repeat("the ", 3000), "\xff\xfe", "ballinger\u0301"} {
		f.Add(s)
	}
	db, ix := newIndex(f)
	docs := seedDocs(f)
	docs = append(docs, Doc{ID: 1, Source: SourceNote, Passage: 5, Article: 1, Text: "Cendana’s note — “second-degree” 🙂 Café"})
	put(f, db, ix, docs...)
	texts := map[int64]string{}
	for _, d := range docs {
		texts[docKey(d.Source, d.ID)] = d.Text
	}
	f.Fuzz(func(t *testing.T, q string) {
		hits, err := ix.Search(context.Background(), q, Options{Limit: 5})
		if err != nil {
			t.Fatalf("Search(%q): %v", q, err)
		}
		for _, h := range hits {
			id := h.Passage
			if h.Source == SourceNote {
				id = h.Note
			}
			n := utf8.RuneCountInString(texts[docKey(h.Source, id)])
			last := 0
			for _, s := range h.Matches {
				if s.Start < last || s.End <= s.Start || s.End > n {
					t.Fatalf("Search(%q): bad span %v in a text of %d runes (%v)", q, s, n, h.Matches)
				}
				last = s.End
			}
		}
		ix.Complete(q, 5)
	})
}
