package search

import (
	"context"
	"database/sql"
	"fmt"
	"math"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// ids lists the hits as "p<passage>" or "n<note>".
func ids(hits []Hit) string {
	var out []string
	for _, h := range hits {
		if h.Source == SourceNote {
			out = append(out, fmt.Sprintf("n%d", h.Note))
		} else {
			out = append(out, fmt.Sprintf("p%d", h.Passage))
		}
	}
	return strings.Join(out, " ")
}

func search(tb testing.TB, ix *Index, q string, opt Options) []Hit {
	tb.Helper()
	hits, err := ix.Search(context.Background(), q, opt)
	if err != nil {
		tb.Fatalf("Search(%q): %v", q, err)
	}
	return hits
}

func passage(id, article int64, text string) Doc {
	return Doc{ID: id, Source: SourcePassage, Passage: id, Article: article, Text: text}
}

func TestSearch(t *testing.T) {
	db, ix := newIndex(t)
	put(t, db, ix,
		passage(1, 1, "Officer Peter Liang fired his gun in the stairwell."),
		passage(2, 1, "Akai Gurley was killed by the bullet."),
		passage(3, 2, "The judge sentenced Liang to community service."),
		passage(4, 2, "Kimberly Ballinger filed a wrongful death lawsuit."),
		Doc{ID: 10, Source: SourceNote, Passage: 2, Article: 1, Text: "Ask the tutor about the ricochet."},
	)
	tests := map[string]struct {
		query string
		opt   Options
		want  string
	}{
		"exact":                   {"ballinger ", Options{}, "p4"},
		"typo":                    {"bailinger ", Options{}, "p4"},
		"transposition":           {"stariwell ", Options{}, "p1"},
		"prefix while typing":     {"ricoch", Options{}, "n10"},
		"note says so":            {"tutor ", Options{}, "n10"},
		"coverage first":          {"liang community ", Options{}, "p3 p1"},
		"article filter":          {"liang ", Options{Articles: []int64{2}}, "p3"},
		"no articles":             {"liang ", Options{Articles: []int64{}}, ""},
		"allow filter":            {"liang ", Options{Allow: func(p int64) bool { return p == 1 }}, "p1"},
		"note allow uses passage": {"tutor ", Options{Allow: func(p int64) bool { return p == 2 }}, "n10"},
		"limit":                   {"the ", Options{Limit: 2}, "n10 p2"},
		"nothing":                 {"zebra ", Options{}, ""},
		"only punctuation":        {`"" * -`, Options{}, ""},
		"phrase must be adjacent": {`"peter gun"`, Options{}, ""},
		"phrase":                  {`"peter liang"`, Options{}, "p1"},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			if got := ids(search(t, ix, tc.query, tc.opt)); got != tc.want {
				t.Errorf("Search(%q) = %q, want %q", tc.query, got, tc.want)
			}
		})
	}
}

func TestSpans(t *testing.T) {
	db, ix := newIndex(t)
	text := "Café 🙂 — Ballinger’s second-degree “scapegoat” claim"
	put(t, db, ix, passage(1, 1, text))
	tests := map[string]struct {
		query string
		want  string
	}{
		"typo covers possessive": {"bailinger ", "Ballinger’s"},
		"accent":                 {"cafe ", "Café"},
		"prefix":                 {"scape", "scapegoat"},
		"compound parts":         {"second degree ", "second-degree"},
		"joined form":            {"seconddegree ", "second-degree"},
		"several":                {"claim cafe ", "Café|claim"},
	}
	rs := []rune(text)
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			hits := search(t, ix, tc.query, Options{})
			if len(hits) != 1 {
				t.Fatalf("Search(%q) = %v, want one hit", tc.query, hits)
			}
			var got []string
			for _, s := range hits[0].Matches {
				got = append(got, string(rs[s.Start:s.End]))
			}
			if g := strings.Join(got, "|"); g != tc.want {
				t.Errorf("Search(%q) spans = %q, want %q", tc.query, g, tc.want)
			}
		})
	}
}

func TestRanking(t *testing.T) {
	db, ix := newIndex(t)
	put(t, db, ix,
		passage(1, 1, "A long passage that mentions the probation officer somewhere and then says nothing more of note at all."),
		passage(2, 1, "Five years probation."),
		passage(3, 1, "Five years later the officer was on probation."),
		passage(4, 1, "Probatio is not a word here, nor is probations really."),
		passage(5, 1, "Probation."),
		passage(6, 1, "Probation."),
	)
	tests := map[string]struct {
		query string
		want  string
	}{
		"exact before typo, reading order on ties": {"probation ", "p5 p6 p2 p3 p1 p4"},
		"proximity":      {"five probation ", "p2 p3 p5 p6 p1 p4"},
		"coverage first": {"years officer ", "p3 p2 p1"},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			if got := ids(search(t, ix, tc.query, Options{})); got != tc.want {
				t.Errorf("Search(%q) = %q, want %q", tc.query, got, tc.want)
			}
		})
	}
}

func TestPutReplaceDelete(t *testing.T) {
	ctx := context.Background()
	db, ix := newIndex(t)
	put(t, db, ix, passage(1, 1, "The first version mentions Landau."), passage(2, 1, "The other version mentions Landau."))
	if got := ids(search(t, ix, "landau ", Options{})); got != "p1 p2" {
		t.Fatalf("before: %q", got)
	}

	t.Run("replace", func(t *testing.T) {
		put(t, db, ix, passage(1, 1, "The second version mentions Rynecki."))
		if got, want := ids(search(t, ix, "landau ", Options{})), "p2"; got != want {
			t.Errorf("old word: got %q, want %q", got, want)
		}
		if got, want := ids(search(t, ix, "rynecki ", Options{})), "p1"; got != want {
			t.Errorf("new word: got %q, want %q", got, want)
		}
	})
	t.Run("rollback", func(t *testing.T) {
		tx, err := db.BeginTx(ctx, nil)
		if err != nil {
			t.Fatal(err)
		}
		if err := ix.Put(ctx, tx, passage(3, 1, "Shechtman spoke."), passage(2, 1, "Rewritten.")); err != nil {
			t.Fatal(err)
		}
		if err := ix.Delete(ctx, tx, SourcePassage, 1); err != nil {
			t.Fatal(err)
		}
		if err := tx.Rollback(); err != nil {
			t.Fatal(err)
		}
		if got, want := ids(search(t, ix, "shechtman ", Options{})), ""; got != want {
			t.Errorf("rolled back put: got %q, want %q", got, want)
		}
		if got, want := ids(search(t, ix, "landau rynecki ", Options{})), "p1 p2"; got != want {
			t.Errorf("rolled back replace and delete: got %q, want %q", got, want)
		}
		// The generation number the rolled-back batch used is handed out
		// again; the caches must not confuse the two.
		put(t, db, ix, passage(4, 1, "Butler tried resuscitating him."))
		if got, want := ids(search(t, ix, "butler ", Options{})), "p4"; got != want {
			t.Errorf("after rollback: got %q, want %q", got, want)
		}
	})
	t.Run("delete", func(t *testing.T) {
		tx, err := db.BeginTx(ctx, nil)
		if err != nil {
			t.Fatal(err)
		}
		if err := ix.Delete(ctx, tx, SourcePassage, 2, 99); err != nil {
			t.Fatal(err)
		}
		if err := tx.Commit(); err != nil {
			t.Fatal(err)
		}
		if got, want := ids(search(t, ix, "landau ", Options{})), ""; got != want {
			t.Errorf("got %q, want %q", got, want)
		}
		if got, want := ids(search(t, ix, "rynecki ", Options{})), "p1"; got != want {
			t.Errorf("got %q, want %q", got, want)
		}
	})
	t.Run("delete then put again", func(t *testing.T) {
		put(t, db, ix, passage(2, 1, "Landau is back."))
		if got, want := ids(search(t, ix, "landau ", Options{})), "p2"; got != want {
			t.Errorf("got %q, want %q", got, want)
		}
	})
	t.Run("same doc twice in a batch", func(t *testing.T) {
		put(t, db, ix, passage(5, 1, "Draft one."), passage(5, 1, "Draft two."))
		if got, want := ids(search(t, ix, "one ", Options{})), ""; got != want {
			t.Errorf("got %q, want %q", got, want)
		}
		if got, want := ids(search(t, ix, "two ", Options{})), "p5"; got != want {
			t.Errorf("got %q, want %q", got, want)
		}
	})
	t.Run("reopen reads the stored index", func(t *testing.T) {
		ix2, err := Open(ctx, db)
		if err != nil {
			t.Fatal(err)
		}
		defer ix2.Close()
		for _, q := range []string{"landau ", "rynecki ", "butlr ", "draft "} {
			if got, want := ids(search(t, ix2, q, Options{})), ids(search(t, ix, q, Options{})); got != want {
				t.Errorf("%q: reopened %q, want %q", q, got, want)
			}
		}
	})
}

// TestDocumentFrequency checks that df stays exact through replacements and
// deletions, since idf and candidate choice depend on it.
func TestDocumentFrequency(t *testing.T) {
	ctx := context.Background()
	db, ix := newIndex(t)
	put(t, db, ix, passage(1, 1, "gun gun"), passage(2, 1, "gun"), passage(3, 1, "stairwell"))
	put(t, db, ix, passage(2, 1, "stairwell"))
	tx, _ := db.BeginTx(ctx, nil)
	if err := ix.Delete(ctx, tx, SourcePassage, 3); err != nil {
		t.Fatal(err)
	}
	tx.Commit()
	for i := 0; i < 2*maxDFRows; i++ {
		put(t, db, ix, passage(100, 1, fmt.Sprintf("gun note %d", i%2)))
		if i%10 == 0 {
			// Refresh incrementally across the summing of df rows.
			if err := ix.Refresh(ctx); err != nil {
				t.Fatal(err)
			}
		}
	}
	tests := map[string]struct {
		term string
		want uint32
	}{
		"gun":       {"gun", 2},
		"stairwell": {"stairwell", 1},
		"note":      {"note", 1},
		"0":         {"0", 0},
		"1":         {"1", 1},
	}
	fresh, err := Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	defer fresh.Close()
	for _, x := range []*Index{ix, fresh} {
		if err := x.Refresh(ctx); err != nil {
			t.Fatal(err)
		}
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			for i, x := range []*Index{ix, fresh} {
				id, ok := x.st.voc.lookup(tc.term)
				if !ok {
					t.Fatalf("%q is not in the vocabulary", tc.term)
				}
				if got := x.st.voc.df[id]; got != tc.want {
					t.Errorf("index %d: df(%q) = %d, want %d", i, tc.term, got, tc.want)
				}
			}
		})
	}
	var rows int
	if err := db.QueryRow(`SELECT COUNT(*) FROM search_df`).Scan(&rows); err != nil {
		t.Fatal(err)
	}
	if rows > maxDFRows {
		t.Errorf("%d df rows, want at most %d", rows, maxDFRows)
	}
}

// TestManySmallPuts is the note-editing pattern: one document at a time.
// Segments must be merged, and replaced versions must not come back.
func TestManySmallPuts(t *testing.T) {
	db, ix := newIndex(t)
	for i := 1; i <= 60; i++ {
		put(t, db, ix, passage(int64(i), 1, fmt.Sprintf("officer passage number%d", i)))
		// Edit note 1 every time, as autosave does.
		put(t, db, ix, Doc{ID: 1, Source: SourceNote, Passage: 1, Article: 1, Text: fmt.Sprintf("officer draft%d", i)})
		if i%7 == 0 {
			search(t, ix, "officer ", Options{}) // warm the caches mid-way
		}
	}
	var nseg int
	if err := db.QueryRow(`SELECT COUNT(*) FROM search_postings p JOIN search_terms t ON t.id = p.term WHERE t.term = 'officer'`).Scan(&nseg); err != nil {
		t.Fatal(err)
	}
	if nseg > maxSegments {
		t.Errorf("officer has %d segments, want at most %d", nseg, maxSegments)
	}
	hits := search(t, ix, "officer ", Options{Limit: 100})
	if got, want := len(hits), 61; got != want {
		t.Errorf("officer: %d hits, want %d", got, want)
	}
	if got, want := ids(search(t, ix, "draft59 ", Options{})), ""; got != want {
		t.Errorf("old draft: got %q, want %q", got, want)
	}
	if got, want := ids(search(t, ix, "draft60 ", Options{})), "n1"; got != want {
		t.Errorf("new draft: got %q, want %q", got, want)
	}
	ix2, err := Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer ix2.Close()
	if got, want := len(search(t, ix2, "officer ", Options{Limit: 100})), 61; got != want {
		t.Errorf("reopened: %d hits, want %d", got, want)
	}
}

func TestConcurrent(t *testing.T) {
	db, ix := newIndex(t)
	put(t, db, ix, seedDocs(t)...)
	var wg sync.WaitGroup
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 30; i++ {
				if _, err := ix.Search(context.Background(), "liang probaton", Options{}); err != nil {
					t.Error(err)
					return
				}
				ix.Complete("bal", 5)
			}
		}()
	}
	for i := 0; i < 20; i++ {
		put(t, db, ix, Doc{ID: int64(i%3 + 1), Source: SourceNote, Passage: 1, Article: 1, Text: fmt.Sprintf("zyzzyva %d about probation", i)})
	}
	wg.Wait()
	if got, want := ids(search(t, ix, "zyzzyva ", Options{})), "n1 n2 n3"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestComplete(t *testing.T) {
	db, ix := newIndex(t)
	put(t, db, ix, seedDocs(t)...)
	if err := ix.Refresh(context.Background()); err != nil {
		t.Fatal(err)
	}
	tests := map[string]struct {
		prefix string
		want   string
	}{
		"prefix":      {"scape", "scapegoat"},
		"subsequence": {"ballngr", "ballinger"},
		"typo":        {"bailing", "ballinger"},
		"last word":   {"kimberly bal", "ballinger"},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			got := ix.Complete(tc.prefix, 3)
			found := false
			for _, g := range got {
				found = found || g == tc.want
			}
			if !found {
				t.Errorf("Complete(%q) = %v, want it to include %q", tc.prefix, got, tc.want)
			}
		})
	}
	if got := ix.Complete("🙂", 3); len(got) != 0 {
		t.Errorf("Complete(emoji) = %v, want none", got)
	}
}

func TestOpenWithoutSchema(t *testing.T) {
	db, err := sql.Open("sqlite3", filepath.Join(t.TempDir(), "empty.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := Open(context.Background(), db); err == nil {
		t.Error("Open on a library without the search tables succeeded, want an error")
	}
}

// TestOneConnection runs searches and writes concurrently on a library
// limited to one connection, as SQLite stores often are: nothing may wait
// for a second connection while holding what a writer needs.
func TestOneConnection(t *testing.T) {
	ctx := context.Background()
	db, ix := newIndex(t)
	db.SetMaxOpenConns(1)
	put(t, db, ix, seedDocs(t)...)
	fresh, err := Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	defer fresh.Close()
	var wg sync.WaitGroup
	for _, x := range []*Index{ix, fresh} {
		for g := 0; g < 2; g++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for i := 0; i < 40; i++ {
					if _, err := x.Search(ctx, "liang probaton", Options{}); err != nil {
						t.Error(err)
						return
					}
				}
			}()
		}
	}
	for i := 0; i < 40; i++ {
		tx, err := db.BeginTx(ctx, nil)
		if err != nil {
			t.Fatal(err)
		}
		if err := ix.Put(ctx, tx, Doc{ID: int64(i%4 + 1), Source: SourceNote, Passage: 1, Article: 1, Text: fmt.Sprintf("zyzzyva%d note", i)}); err != nil {
			t.Fatal(err)
		}
		if err := tx.Commit(); err != nil {
			t.Fatal(err)
		}
	}
	wg.Wait()
	if got, want := ids(search(t, fresh, "zyzzyva39 ", Options{})), "n4"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestLargeLimit(t *testing.T) {
	db, ix := newIndex(t)
	docs := make([]Doc, 3000)
	for i := range docs {
		docs[i] = passage(int64(i+1), 1, fmt.Sprintf("the common passage %d", i))
	}
	put(t, db, ix, docs...)
	if got, want := len(search(t, ix, "common ", Options{Limit: 100000})), 3000; got != want {
		t.Errorf("%d hits, want %d", got, want)
	}
	// The index has no default limit of its own: none asks for every hit.
	for _, limit := range []int{0, -1} {
		if got, want := len(search(t, ix, "common ", Options{Limit: limit})), 3000; got != want {
			t.Errorf("Limit %d: %d hits, want %d", limit, got, want)
		}
	}
}

func TestStopwords(t *testing.T) {
	db, ix := newIndex(t)
	put(t, db, ix,
		passage(1, 1, "Who was there, and what was said then?"),
		passage(2, 1, "The judge imposed probation."),
		passage(3, 1, "That judge was there."),
	)
	tests := map[string]struct {
		query string
		want  string
	}{
		"content word first":     {"who was the judge ", "p2 p3 p1"},
		"no typos for stopwords": {"what ", "p1"},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			if got := ids(search(t, ix, tc.query, Options{})); got != tc.want {
				t.Errorf("Search(%q) = %q, want %q", tc.query, got, tc.want)
			}
		})
	}
}

// TestRefreshDuringWrite checks that a refresh reads a snapshot without
// taking SQLite's write lock: with the store's _txlock=immediate, a
// BeginTx-based refresh waited behind any open write transaction (up to
// the busy timeout, then failed with "database is locked").
func TestRefreshDuringWrite(t *testing.T) {
	ctx := context.Background()
	db, ix := newIndex(t)
	put(t, db, ix, passage(1, 1, "Landau testified."))
	if err := ix.Refresh(ctx); err != nil {
		t.Fatal(err)
	}
	put(t, db, ix, passage(2, 1, "Rynecki testified."))
	fresh, err := Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	defer fresh.Close()

	tx, err := db.BeginTx(ctx, nil) // holds the write lock until rollback
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	if err := ix.Put(ctx, tx, passage(3, 1, "Shechtman testified.")); err != nil {
		t.Fatal(err)
	}
	for name, x := range map[string]*Index{"incremental": ix, "full load": fresh} {
		start := time.Now()
		if err := x.Refresh(ctx); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if d := time.Since(start); d > 2*time.Second {
			t.Errorf("%s: refresh took %v: it waited for the writer", name, d)
		}
		if got, want := ids(search(t, x, "testified ", Options{})), "p1 p2"; got != want {
			t.Errorf("%s: got %q, want %q (committed rows only)", name, got, want)
		}
	}
}

// TestHugeLimit checks that any Limit is safe: limit+48 overflowed for
// math.MaxInt (a panic in make) and 1<<30 sized a heap of ~90 GB.
func TestHugeLimit(t *testing.T) {
	db, ix := newIndex(t)
	put(t, db, ix, passage(1, 1, "A common word."), passage(2, 1, "Another common word."), passage(3, 1, "Nothing."))
	for _, limit := range []int{math.MaxInt, 1 << 30} {
		for _, q := range []string{"common ", "common word "} {
			if got, want := ids(search(t, ix, q, Options{Limit: limit})), "p1 p2"; got != want {
				t.Errorf("Limit %d, %q: got %q, want %q", limit, q, got, want)
			}
		}
	}
}

// TestMergeDropsStalePostings checks that merging a term's segments keeps
// only the postings of documents' current versions: it used to keep, per
// key, the newest posting whether or not it was still valid, so posting
// lists grew with every edit and deletion.
func TestMergeDropsStalePostings(t *testing.T) {
	ctx := context.Background()
	db, ix := newIndex(t)
	put(t, db, ix, passage(1000, 1, "An ephemeral thing that stays."))
	const edits = 100
	for i := int64(1); i <= edits; i++ {
		put(t, db, ix, passage(i, 1, "An ephemeral draft."))
		if i%2 == 0 {
			put(t, db, ix, passage(i, 1, "Settled wording."))
		} else {
			tx, err := db.BeginTx(ctx, nil)
			if err != nil {
				t.Fatal(err)
			}
			if err := ix.Delete(ctx, tx, SourcePassage, i); err != nil {
				t.Fatal(err)
			}
			if err := tx.Commit(); err != nil {
				t.Fatal(err)
			}
		}
	}
	var segs, n int
	err := db.QueryRow(`SELECT COUNT(*), SUM(n) FROM search_postings WHERE term = (SELECT id FROM search_terms WHERE term = 'ephemeral')`).Scan(&segs, &n)
	if err != nil {
		t.Fatal(err)
	}
	// Merges happened (edits segments were written), and each left at
	// most the one live document and the document being edited at the
	// time: what remains is the unmerged segments, one posting each.
	if segs > maxSegments || n > maxSegments+2 {
		t.Errorf("%d segments holding %d postings after %d edits, want at most %d and %d", segs, n, edits, maxSegments, maxSegments+2)
	}
	if got, want := ids(search(t, ix, "ephemeral ", Options{})), "p1000"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

// TestMergeDropsStalePostingsLarge deletes most documents of a term whose
// segments are about to be merged, from an Index whose state is behind:
// the merges must keep exactly the live documents' postings, which they
// tell by the Delete's tombstones alone, whatever the Index has loaded.
func TestMergeDropsStalePostingsLarge(t *testing.T) {
	ctx := context.Background()
	db, ix := newIndex(t)
	batch := func(b int) []Doc {
		docs := make([]Doc, 20)
		for i := range docs {
			id := int64(b*20 + i + 1)
			docs[i] = passage(id, 1, fmt.Sprintf("An ephemeral passage %d.", id))
		}
		return docs
	}
	for b := 0; b < maxSegments; b++ {
		put(t, db, ix, batch(b)...)
		if err := ix.Refresh(ctx); err != nil {
			t.Fatal(err)
		}
	}
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	var gone []int64
	for id := int64(1); id <= 160; id++ {
		gone = append(gone, id)
	}
	if err := ix.Delete(ctx, tx, SourcePassage, gone...); err != nil {
		t.Fatal(err)
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	// Not refreshed: the Delete is among the documents written since the
	// state, which the merge must take into account.
	put(t, db, ix, batch(maxSegments)...) // one segment too many: a merge of 340 postings
	var segs, n int
	err = db.QueryRow(`SELECT COUNT(*), SUM(n) FROM search_postings WHERE term = (SELECT id FROM search_terms WHERE term = 'ephemeral')`).Scan(&segs, &n)
	if err != nil {
		t.Fatal(err)
	}
	if want := 20*(maxSegments+1) - 160; segs > 2 || n != want {
		t.Errorf("%d segments holding %d postings, want at most 2 holding %d", segs, n, want)
	}
	if got, want := len(search(t, ix, "ephemeral ", Options{Limit: 1000})), 20*(maxSegments+1)-160; got != want {
		t.Errorf("%d hits, want %d", got, want)
	}
}
