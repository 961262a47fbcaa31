package search

import (
	"context"
	"database/sql"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// TestAgainstModel applies random batches of puts, deletes and rolled-back
// transactions, and checks after each step that an incrementally refreshed
// index and a freshly opened one both find exactly the documents a plain
// map says contain each word, with the right document frequencies. Words
// carry digits so that they match exactly, without typos or inflections;
// the small vocabulary makes segments pile up and merge. It runs with one
// index and with two, each on its own connection pool to the same file and
// writing in turn, as the GUI and the CLI do: neither may trust what it
// remembers of the other's writes.
func TestAgainstModel(t *testing.T) {
	for _, n := range []int{1, 2} {
		t.Run(fmt.Sprintf("indexes=%d", n), func(t *testing.T) { testAgainstModel(t, n) })
	}
}

func testAgainstModel(t *testing.T, writers int) {
	ctx := context.Background()
	rng := rand.New(rand.NewPCG(5, 6))
	path := filepath.Join(t.TempDir(), "library.db")
	var dbs []*sql.DB
	var ixs []*Index
	for i := range writers {
		var db *sql.DB
		if i == 0 {
			db = openDB(t, path) // the file and its schema
		} else {
			db = openSecond(t, path)
		}
		ix, err := Open(ctx, db)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { ix.Close() })
		dbs, ixs = append(dbs, db), append(ixs, ix)
	}
	db := dbs[0]
	words := make([]string, 12)
	for i := range words {
		words[i] = fmt.Sprintf("w%d", i)
	}
	model := map[int64]string{} // doc key -> text
	randomDoc := func() Doc {
		var ws []string
		for n := 1 + rng.IntN(6); n > 0; n-- {
			ws = append(ws, words[rng.IntN(len(words))])
		}
		id := int64(1 + rng.IntN(25))
		src := Source(rng.IntN(2))
		return Doc{ID: id, Source: src, Passage: id, Article: 1, Text: strings.Join(ws, " ")}
	}
	for step := 0; step < 400; step++ {
		// The writer of this step; the others only read.
		w := rng.IntN(writers)
		ix := ixs[w]
		tx, err := dbs[w].BeginTx(ctx, nil)
		if err != nil {
			t.Fatal(err)
		}
		pending := map[int64]string{}
		deleted := map[int64]bool{}
		for n := 1 + rng.IntN(3); n > 0; n-- {
			if rng.IntN(4) == 0 {
				src := Source(rng.IntN(2))
				id := int64(1 + rng.IntN(25))
				if err := ix.Delete(ctx, tx, src, id); err != nil {
					t.Fatal(err)
				}
				deleted[docKey(src, id)] = true
				delete(pending, docKey(src, id))
				continue
			}
			var docs []Doc
			for k := 1 + rng.IntN(4); k > 0; k-- {
				docs = append(docs, randomDoc())
			}
			if err := ix.Put(ctx, tx, docs...); err != nil {
				t.Fatal(err)
			}
			for _, d := range docs {
				pending[docKey(d.Source, d.ID)] = d.Text
				delete(deleted, docKey(d.Source, d.ID))
			}
		}
		if rng.IntN(5) == 0 {
			if err := tx.Rollback(); err != nil {
				t.Fatal(err)
			}
		} else {
			if err := tx.Commit(); err != nil {
				t.Fatal(err)
			}
			for k := range deleted {
				delete(model, k)
			}
			for k, v := range pending {
				model[k] = v
			}
		}
		if step%3 != 0 && step != 399 {
			continue
		}
		if step%40 == 21 {
			// A snapshot, which the indexes opened later load and
			// bring up to date.
			if err := ixs[step%writers].Refresh(ctx); err != nil {
				t.Fatal(err)
			}
			if err := ixs[step%writers].saveSnapshot(ctx, true); err != nil {
				t.Fatal(err)
			}
		}
		check := append([]*Index(nil), ixs...)
		if step%10 == 0 || step == 399 {
			fresh, err := Open(ctx, db)
			if err != nil {
				t.Fatal(err)
			}
			defer fresh.Close()
			check = append(check, fresh)
		}
		for _, x := range check {
			for _, w := range words {
				var want []string
				for k, text := range model {
					if strings.Contains(" "+text+" ", " "+w+" ") {
						want = append(want, keyName(k))
					}
				}
				hits := search(t, x, w+" ", Options{Limit: 1000})
				var got []string
				for _, h := range hits {
					id := h.Passage
					if h.Source == SourceNote {
						id = h.Note
					}
					got = append(got, keyName(docKey(h.Source, id)))
				}
				sort.Strings(got)
				sort.Strings(want)
				if fmt.Sprint(got) != fmt.Sprint(want) {
					t.Fatalf("step %d, %q: got %v, want %v", step, w, got, want)
				}
				id, _ := x.st.voc.lookup(w)
				if df := x.st.voc.df[id]; int(df) != len(want) {
					t.Fatalf("step %d: df(%q) = %d, want %d", step, w, df, len(want))
				}
			}
		}
	}
	var segs int
	if err := db.QueryRow(`SELECT MAX(c) FROM (SELECT COUNT(*) AS c FROM search_postings GROUP BY term)`).Scan(&segs); err != nil {
		t.Fatal(err)
	}
	if segs > maxSegments {
		t.Errorf("a term has %d segments, want at most %d", segs, maxSegments)
	}
}

func keyName(k int64) string {
	return fmt.Sprintf("%s%d", keySource(k), keyID(k))
}
