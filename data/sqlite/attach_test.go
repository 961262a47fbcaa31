package sqlite_test

import (
	"context"
	"testing"

	"github.com/casebookapp/casebook/data"
)

func TestAttachNote(t *testing.T) {
	ctx := context.Background()
	l := openTest(t)
	a := mustImport(t, l, sample)
	p1, _ := l.Passage(ctx, a.ID, 1)
	n, err := l.AddNote(ctx, data.NewNote{PassageID: p1.ID, Start: 30, End: 44, Body: "dark?", Tags: []string{"scene"}})
	if err != nil {
		t.Fatal(err)
	}
	// The paragraph goes: the note is an orphan.
	if _, err := l.ImportArticle(ctx, article("test:a", "title|A Headline", "body|A new first paragraph.",
		"body|The judge imposed 800 hours of community service.")); err != nil {
		t.Fatal(err)
	}
	if got, _ := l.Note(ctx, n.ID); !got.Orphan() {
		t.Fatal("the note did not lose its place")
	}
	p2, _ := l.Passage(ctx, a.ID, 2)

	t.Run("OK", func(t *testing.T) {
		got, err := l.AttachNote(ctx, n.ID, p2.ID, 4, 27) // "judge imposed 800 hours"
		if err != nil {
			t.Fatal(err)
		}
		if got.Orphan() || got.PassageID != p2.ID || got.Quote != "judge imposed 800 hours" || got.Para != 2 {
			t.Errorf("attached note = %+v, want on ¶ 2 quoting “judge imposed 800 hours”", got)
		}
		if got.Body != "dark?" || len(got.Tags) != 1 {
			t.Errorf("attaching changed the note's text or tags: %+v", got)
		}
		if orphans, _ := l.Notes(ctx, data.NoteFilter{Orphans: true}); len(orphans) != 0 {
			t.Errorf("orphans after attaching = %+v", orphans)
		}
		res, err := l.Search(ctx, "dark", data.SearchOptions{Limit: 5})
		if err != nil {
			t.Fatal(err)
		}
		found := false
		for _, r := range res {
			if r.In == "note" && r.PassageID == p2.ID {
				found = true
			}
		}
		if !found {
			t.Errorf("search for the note's text does not find it at its new place: %+v", res)
		}
	})

	t.Run("WholePassage", func(t *testing.T) {
		got, err := l.AttachNote(ctx, n.ID, p2.ID, 0, 0)
		if err != nil {
			t.Fatal(err)
		}
		if got.Start != 0 || got.Quote != p2.Text {
			t.Errorf("attached to the whole passage: %+v", got.Anchor)
		}
	})

	t.Run("ErrNotFound", func(t *testing.T) {
		if _, err := l.AttachNote(ctx, 9999, p2.ID, 0, 0); data.ErrorCode(err) != data.ENOTFOUND {
			t.Errorf("err = %v, want not found", err)
		}
		if _, err := l.AttachNote(ctx, n.ID, 9999, 0, 0); data.ErrorCode(err) != data.ENOTFOUND {
			t.Errorf("err = %v, want not found for a missing passage", err)
		}
	})
}
