package search

import (
	"context"
	"fmt"
	"reflect"
	"testing"
)

// stateImage is what a state says about the index, independent of slot
// numbering: the vocabulary in order with its df, and the live documents.
func stateImage(st *state) string {
	var terms []string
	for i, id := range st.voc.sorted {
		terms = append(terms, fmt.Sprintf("%s:%d:%d:%d", st.voc.term(id), st.voc.df[id], st.voc.lcp[i], st.voc.nxt[i]))
	}
	var docs []string
	for _, s := range st.liveByKey() {
		docs = append(docs, fmt.Sprintf("%d/%d/%d/%d/%d", st.keys[s], st.gens[s], st.passage[s], st.article[s], st.length[s]))
	}
	return fmt.Sprint(st.gen, st.nLive, st.totalLen, st.voc.maxID(), terms, docs)
}

// TestSnapshot stores a snapshot, writes more (new words, replaced and
// deleted passages and notes), and checks that a state loaded from the
// snapshot and what came after equals one loaded from the tables; and that
// a damaged snapshot is ignored.
func TestSnapshot(t *testing.T) {
	ctx := context.Background()
	db, ix := newIndex(t)
	put(t, db, ix, seedDocs(t)...)
	put(t, db, ix, Doc{ID: 7, Source: SourceNote, Passage: 3, Article: 1, Text: "A note about the stairwell lighting."})
	if err := ix.Refresh(ctx); err != nil {
		t.Fatal(err)
	}
	if err := ix.saveSnapshot(ctx, true); err != nil {
		t.Fatal(err)
	}
	put(t, db, ix, passage(5, 1, "Zeppelins and quokkas replace this passage."),
		Doc{ID: 7, Source: SourceNote, Passage: 3, Article: 1, Text: "The note, rewritten."},
		passage(100000, 9, "A passage far away, naming xylophones."),
		passage(50_000_000, 9, "So far away that keys are no longer dense: zithers."))
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := ix.Delete(ctx, tx, SourcePassage, 2, 8, 99); err != nil {
		t.Fatal(err)
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}

	load := func() (fromSnapshot, fromTables string) {
		t.Helper()
		snap, err := ix.openSnapshot(ctx)
		if err != nil {
			t.Fatal(err)
		}
		defer snap.release()
		var g int64
		if err := snap.conn.QueryRowContext(ctx, `SELECT value FROM search_meta WHERE key = 'gen'`).Scan(&g); err != nil {
			t.Fatal(err)
		}
		a, err := loadState(ctx, snap.conn, g)
		if err != nil {
			t.Fatal(err)
		}
		b, err := loadTables(ctx, snap.conn, g)
		if err != nil {
			t.Fatal(err)
		}
		return stateImage(a), stateImage(b)
	}
	var sgen int64
	if err := db.QueryRow(`SELECT gen FROM search_snapshot`).Scan(&sgen); err != nil {
		t.Fatal(err)
	}
	a, b := load()
	if a != b {
		t.Errorf("loaded from the snapshot of generation %d:\n%s\nfrom the tables:\n%s", sgen, a, b)
	}
	if _, err := db.Exec(`UPDATE search_snapshot SET data = x'01ffffffff'`); err != nil {
		t.Fatal(err)
	}
	if a, b := load(); a != b {
		t.Errorf("a damaged snapshot was used:\n%s\nfrom the tables:\n%s", a, b)
	}
	// And a fresh Index searches it as the first did.
	fresh, err := Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	defer fresh.Close()
	for _, q := range []string{"zeppelins ", "xylophones ", "stairwell ", "rewritten ", "liang ", "zithers "} {
		if got, want := search(t, fresh, q, Options{Limit: 100}), search(t, ix, q, Options{Limit: 100}); !reflect.DeepEqual(got, want) {
			t.Errorf("%q: fresh index found %v, want %v", q, got, want)
		}
	}
	if !fresh.st.sparse {
		t.Error("the sparse document table was not exercised")
	}
}
