package sqlite_test

import (
	"context"
	"testing"

	"github.com/casebookapp/casebook/data"
	"github.com/casebookapp/casebook/data/ingest"
)

func TestDeleteArticle(t *testing.T) {
	ctx := context.Background()
	l := openTest(t)
	a := mustImport(t, l, sample)
	p1, _ := l.Passage(ctx, a.ID, 1)
	if _, err := l.AddHighlight(ctx, p1.ID, 4, 11, "red"); err != nil {
		t.Fatal(err)
	}
	n, err := l.AddNote(ctx, data.NewNote{PassageID: p1.ID, Body: "stairwell lighting"})
	if err != nil {
		t.Fatal(err)
	}

	t.Run("OK", func(t *testing.T) {
		if err := l.DeleteArticle(ctx, a.ID); err != nil {
			t.Fatal(err)
		}
		if arts, _ := l.Articles(ctx); len(arts) != 0 {
			t.Errorf("the library still lists %d articles", len(arts))
		}
		if ns, _ := l.Notes(ctx, data.NoteFilter{}); len(ns) != 0 {
			t.Errorf("All notes still lists %+v", ns)
		}
		if hs, _ := l.Highlights(ctx, 0); len(hs) != 0 {
			t.Errorf("the highlights still list %+v", hs)
		}
		if res, _ := l.Search(ctx, "stairwell", data.SearchOptions{Limit: 5}); len(res) != 0 {
			t.Errorf("search still finds the deleted article: %+v", res)
		}
		bin, err := l.DeletedArticles(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if len(bin) != 1 || bin[0].ID != a.ID || bin[0].Notes != 1 || bin[0].Highlights != 1 {
			t.Fatalf("bin = %+v, want the article with its note and highlight", bin)
		}
		if ns, _ := l.Notes(ctx, data.NoteFilter{ArticleID: a.ID}); len(ns) != 1 || ns[0].ID != n.ID {
			t.Errorf("the bin's notes = %+v, want the note kept", ns)
		}

		if err := l.RestoreArticle(ctx, a.ID); err != nil {
			t.Fatal(err)
		}
		if arts, _ := l.Articles(ctx); len(arts) != 1 {
			t.Errorf("restored, the library lists %d articles", len(arts))
		}
		if ns, _ := l.Notes(ctx, data.NoteFilter{}); len(ns) != 1 {
			t.Errorf("restored, All notes lists %d", len(ns))
		}
		res, err := l.Search(ctx, "stairwell", data.SearchOptions{Limit: 5})
		if err != nil {
			t.Fatal(err)
		}
		var passage, note bool
		for _, r := range res {
			passage = passage || r.In != "note"
			note = note || r.In == "note"
		}
		if !passage || !note {
			t.Errorf("restored, search finds passage %v note %v, want both", passage, note)
		}
		if bin, _ := l.DeletedArticles(ctx); len(bin) != 0 {
			t.Errorf("restored, the bin holds %+v", bin)
		}
	})

	t.Run("SeedsStay", func(t *testing.T) {
		seeds, err := ingest.Seeds()
		if err != nil {
			t.Fatal(err)
		}
		if _, err := l.SyncArticles(ctx, seeds); err != nil {
			t.Fatal(err)
		}
		arts, _ := l.Articles(ctx)
		for _, s := range arts {
			if s.ID == a.ID {
				continue
			}
			if err := l.DeleteArticle(ctx, s.ID); data.ErrorCode(err) != data.EINVALID {
				t.Errorf("deleting the bundled %q: err = %v, want invalid", s.Title, err)
			}
			break
		}
	})

	t.Run("ErrNotFound", func(t *testing.T) {
		if err := l.DeleteArticle(ctx, 9999); data.ErrorCode(err) != data.ENOTFOUND {
			t.Errorf("err = %v", err)
		}
		if err := l.RestoreArticle(ctx, a.ID); data.ErrorCode(err) != data.ENOTFOUND {
			t.Errorf("restoring an article not in the bin: err = %v", err)
		}
	})
}
