package sqlite_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/casebookapp/casebook/data"
	"github.com/casebookapp/casebook/data/sqlite"
)

// found returns the paragraph numbers (and where they matched) of a search.
func found(t *testing.T, l *sqlite.Library, q string, opt data.SearchOptions) []data.SearchResult {
	t.Helper()
	res, err := l.Search(context.Background(), q, opt)
	if err != nil {
		t.Fatalf("search %q: %v", q, err)
	}
	return res
}

func TestSearchIndexFollowsLibrary(t *testing.T) {
	ctx := context.Background()
	l := openTest(t)
	a := mustImport(t, l, sample)
	p1, _ := l.Passage(ctx, a.ID, 1) // "The officer fired once in the dark stairwell."
	all, _ := l.Passages(ctx, a.ID)
	p2 := all[3]                     // "A photo of the stairwell.": a caption, searched but not numbered
	p3, _ := l.Passage(ctx, a.ID, 2) // "The judge imposed 800 hours of community service."
	if p2.Kind != data.KindCaption || p2.N != 0 {
		t.Fatalf("passage 3 = %+v, want the unnumbered caption", p2)
	}

	t.Run("Passage", func(t *testing.T) {
		res := found(t, l, "stairwel ofice", data.SearchOptions{})
		if len(res) == 0 || res[0].PassageID != p1.ID || res[0].In != "passage" || res[0].Passage != 1 || res[0].Title != a.Title {
			t.Fatalf("results = %+v", res)
		}
		if len(res[0].Matches) != 2 {
			t.Errorf("matches = %v, want the two typo matches", res[0].Matches)
		}
		if res := found(t, l, "Facebook", data.SearchOptions{}); len(res) != 0 {
			t.Errorf("boilerplate is searchable: %+v", res)
		}
	})

	t.Run("Note", func(t *testing.T) {
		n, err := l.AddNote(ctx, data.NewNote{PassageID: p3.ID, Body: "Compare the prosecutor's recommendation."})
		if err != nil {
			t.Fatal(err)
		}
		res := found(t, l, "prosecuter", data.SearchOptions{})
		if len(res) != 1 || res[0].In != "note" || res[0].Note != n.ID || res[0].PassageID != p3.ID || res[0].PassageText != p3.Text {
			t.Fatalf("results = %+v", res)
		}
		if _, err := l.UpdateNote(ctx, n.ID, "Nothing about that any more.", nil); err != nil {
			t.Fatal(err)
		}
		if res := found(t, l, "prosecutor", data.SearchOptions{}); len(res) != 0 {
			t.Errorf("edited note still found by its old text: %+v", res)
		}
		if err := l.DeleteNote(ctx, n.ID); err != nil {
			t.Fatal(err)
		}
		if res := found(t, l, "nothing", data.SearchOptions{}); len(res) != 0 {
			t.Errorf("deleted note still found: %+v", res)
		}
		if err := l.RestoreNote(ctx, n.ID); err != nil {
			t.Fatal(err)
		}
		if res := found(t, l, "nothing", data.SearchOptions{}); len(res) != 1 {
			t.Errorf("restored note not found: %+v", res)
		}
	})

	t.Run("Filters", func(t *testing.T) {
		if _, err := l.AddHighlight(ctx, p1.ID, 4, 11, "red"); err != nil {
			t.Fatal(err)
		}
		if _, err := l.AddNote(ctx, data.NewNote{PassageID: p1.ID, Body: "who?", Tags: []string{"people"}}); err != nil {
			t.Fatal(err)
		}
		tests := map[string]struct {
			opt  data.SearchOptions
			want []int64
		}{
			"None":        {data.SearchOptions{}, []int64{p1.ID, p2.ID, p3.ID}},
			"Colour":      {data.SearchOptions{Colour: "red"}, []int64{p1.ID}},
			"ColourName":  {data.SearchOptions{Colour: "Disputed / contradiction"}, []int64{p1.ID}},
			"OtherColour": {data.SearchOptions{Colour: "green"}, nil},
			"HasNote":     {data.SearchOptions{HasNote: true}, []int64{p1.ID, p3.ID}},
			"Tag":         {data.SearchOptions{Tag: "#people"}, []int64{p1.ID}},
			"Article":     {data.SearchOptions{Article: a.ID + 1}, nil},
		}
		for name, tc := range tests {
			t.Run(name, func(t *testing.T) {
				got := map[int64]bool{}
				for _, r := range found(t, l, "the", tc.opt) {
					got[r.PassageID] = true
				}
				if len(got) != len(tc.want) {
					t.Errorf("got passages %v, want %v", got, tc.want)
				}
				for _, id := range tc.want {
					if !got[id] {
						t.Errorf("passage %d missing from %v", id, got)
					}
				}
			})
		}
		if _, err := l.Search(ctx, "the", data.SearchOptions{Colour: "magenta"}); data.ErrorCode(err) != data.ENOTFOUND {
			t.Errorf("unknown colour filter: %v", err)
		}
	})

	t.Run("Reimport", func(t *testing.T) {
		changed := article("test:a", "body|The officer fired once in the dark stairwell.", "body|A paragraph about ricochets.")
		if _, err := l.ImportArticle(ctx, changed); err != nil {
			t.Fatal(err)
		}
		if res := found(t, l, "judge", data.SearchOptions{}); len(res) != 0 {
			t.Errorf("removed paragraph still found: %+v", res)
		}
		if res := found(t, l, "ricochet", data.SearchOptions{}); len(res) != 1 || res[0].Passage != 2 {
			t.Errorf("new paragraph not found: %+v", res)
		}
		// The note on the first paragraph moved with it and is still found.
		if res := found(t, l, "who", data.SearchOptions{}); len(res) != 1 || res[0].In != "note" || res[0].Passage != 1 {
			t.Errorf("re-anchored note: %+v", res)
		}
	})

	t.Run("RollbackLeavesIndex", func(t *testing.T) {
		good := article("test:good", "body|Zeppelins over Brooklyn.")
		bad := article("test:bad", "body|x", "nonsense|y")
		if _, err := l.SyncArticles(ctx, []data.NewArticle{good, bad}); err == nil {
			t.Fatal("a batch with a bad article was stored")
		}
		if res := found(t, l, "zeppelins", data.SearchOptions{}); len(res) != 0 {
			t.Errorf("a rolled-back article is searchable: %+v", res)
		}
		mustImport(t, l, good)
		if res := found(t, l, "zeppelins", data.SearchOptions{}); len(res) != 1 {
			t.Errorf("article not found after a later import: %+v", res)
		}
	})
}

// TestSearchHugeLimit checks that any limit a caller passes is safe.
func TestSearchHugeLimit(t *testing.T) {
	l := openTest(t)
	mustImport(t, l, sample)
	for _, limit := range []int{-1, 0, 1, 1 << 30, int(^uint(0) >> 1)} {
		res, err := l.Search(context.Background(), "the", data.SearchOptions{Limit: limit})
		if err != nil || len(res) == 0 || len(res) > 1000 {
			t.Errorf("limit %d: %d results, %v", limit, len(res), err)
		}
	}
}

// TestSearchDefaultLimit: a search that names no limit returns
// DefaultSearchLimit results, the number the search bar shows and the CLI
// prints by default, and a larger limit returns more.
func TestSearchDefaultLimit(t *testing.T) {
	l := openTest(t)
	paras := []string{"title|Many stairwells"}
	for i := range data.DefaultSearchLimit + 50 {
		paras = append(paras, fmt.Sprintf("body|Stairwell number %d was dark.", i+1))
	}
	mustImport(t, l, article("test:many", paras...))
	for _, tc := range []struct{ limit, want int }{
		{0, data.DefaultSearchLimit},
		{-1, data.DefaultSearchLimit},
		{data.DefaultSearchLimit + 10, data.DefaultSearchLimit + 10},
		{1 << 20, data.DefaultSearchLimit + 50},
	} {
		res, err := l.Search(context.Background(), "stairwell dark", data.SearchOptions{Limit: tc.limit})
		if err != nil || len(res) != tc.want {
			t.Errorf("limit %d: %d results (%v), want %d", tc.limit, len(res), err, tc.want)
		}
	}
}
