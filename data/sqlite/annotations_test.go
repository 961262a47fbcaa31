package sqlite_test

import (
	"context"
	"reflect"
	"testing"

	"github.com/casebookapp/casebook/data"
)

func TestHighlights(t *testing.T) {
	ctx := context.Background()
	l := openTest(t)
	a := mustImport(t, l, sample)
	p, err := l.Passage(ctx, a.ID, 1) // "The officer fired once in the dark stairwell."
	if err != nil {
		t.Fatal(err)
	}

	t.Run("OK", func(t *testing.T) {
		h, err := l.AddHighlight(ctx, p.ID, 4, 11, "green")
		if err != nil {
			t.Fatal(err)
		}
		if got, want := h.Quote, "officer"; got != want {
			t.Errorf("quote = %q, want %q", got, want)
		}
		if h.Prefix != "The " || h.Suffix != " fired once in the dark stairwel" /* 32 runes of context */ || h.UID == "" {
			t.Errorf("anchor = %+v", h.Anchor)
		}
		// The same span again recolours it.
		h2, err := l.AddHighlight(ctx, p.ID, 4, 11, "Key fact")
		if err != nil {
			t.Fatal(err)
		}
		if h2.ID != h.ID || h2.Colour != "yellow" {
			t.Errorf("re-highlight = %+v, want id %d in yellow", h2, h.ID)
		}
		hs, _ := l.Highlights(ctx, a.ID)
		if len(hs) != 1 {
			t.Fatalf("%d highlights, want 1", len(hs))
		}
		if err := l.DeleteHighlight(ctx, h.ID); err != nil {
			t.Fatal(err)
		}
		if hs, _ := l.Highlights(ctx, a.ID); len(hs) != 0 {
			t.Errorf("deleted highlight still listed")
		}
		if err := l.RestoreHighlight(ctx, h.ID); err != nil {
			t.Fatal(err)
		}
		if hs, _ := l.Highlights(ctx, a.ID); len(hs) != 1 {
			t.Errorf("restored highlight not listed")
		}
	})

	tests := map[string]struct {
		passage    int64
		start, end int
		colour     string
		code       string
	}{
		"UnknownColour":  {p.ID, 0, 3, "magenta", data.ENOTFOUND},
		"Backwards":      {p.ID, 5, 2, "red", data.EINVALID},
		"PastEnd":        {p.ID, 0, 999, "red", data.EINVALID},
		"NoPassage":      {9999, 0, 3, "red", data.ENOTFOUND},
		"NotArticleText": {p.ID - 1, 0, 3, "red", data.EINVALID}, // the byline
	}
	for name, tc := range tests {
		t.Run("Err/"+name, func(t *testing.T) {
			_, err := l.AddHighlight(ctx, tc.passage, tc.start, tc.end, tc.colour)
			if got := data.ErrorCode(err); got != tc.code {
				t.Errorf("code = %q (%v), want %q", got, err, tc.code)
			}
		})
	}

	t.Run("RenameColour", func(t *testing.T) {
		if err := l.RenameColour(ctx, "purple", "Ask the professor"); err != nil {
			t.Fatal(err)
		}
		key, err := l.ColourKey(ctx, "ask the PROFESSOR")
		if err != nil || key != "purple" {
			t.Errorf("ColourKey = %q, %v", key, err)
		}
		if err := l.RenameColour(ctx, "purple", "  "); data.ErrorCode(err) != data.EINVALID {
			t.Errorf("empty meaning: %v", err)
		}
		if err := l.RenameColour(ctx, "pink", "x"); data.ErrorCode(err) != data.ENOTFOUND {
			t.Errorf("unknown key: %v", err)
		}
	})
}

func TestNotes(t *testing.T) {
	ctx := context.Background()
	l := openTest(t)
	a := mustImport(t, l, sample)
	p, _ := l.Passage(ctx, a.ID, 2) // the second body paragraph: the caption has no number

	t.Run("OK", func(t *testing.T) {
		n, err := l.AddNote(ctx, data.NewNote{PassageID: p.ID, Body: "The DA asked for **500** hours.", Tags: []string{"#sentence", "Sentence", " dates "}})
		if err != nil {
			t.Fatal(err)
		}
		if got, want := n.Tags, []string{"dates", "sentence"}; !reflect.DeepEqual(got, want) {
			t.Errorf("tags = %q, want %q", got, want)
		}
		if n.Quote != p.Text || n.Start != 0 || n.CreatedAt.IsZero() {
			t.Errorf("a passage note anchors the whole passage: %+v", n)
		}
		n2, err := l.AddNote(ctx, data.NewNote{PassageID: p.ID, Start: 18, End: 21, Body: "Compare with 500."})
		if err != nil {
			t.Fatal(err)
		}
		if n2.Quote != "800" {
			t.Errorf("span note quote = %q", n2.Quote)
		}
		up, err := l.UpdateNote(ctx, n.ID, "Edited.", []string{"sentence"})
		if err != nil {
			t.Fatal(err)
		}
		if up.Body != "Edited." || !reflect.DeepEqual(up.Tags, []string{"sentence"}) || up.UpdatedAt.Before(up.CreatedAt) {
			t.Errorf("updated = %+v", up)
		}
		tags, _ := l.Tags(ctx)
		if !reflect.DeepEqual(tags, []string{"sentence"}) {
			t.Errorf("unused tag kept: %v", tags)
		}
		ns, err := l.Notes(ctx, data.NoteFilter{PassageID: p.ID})
		if err != nil || len(ns) != 2 {
			t.Fatalf("notes = %v, %v", ns, err)
		}
		if ns, _ := l.Notes(ctx, data.NoteFilter{Tag: "#Sentence"}); len(ns) != 1 {
			t.Errorf("tag filter: %d notes", len(ns))
		}
		as, _ := l.Articles(ctx)
		if as[0].Notes != 2 {
			t.Errorf("article note count = %d", as[0].Notes)
		}
	})

	t.Run("DeleteAndUndo", func(t *testing.T) {
		n, err := l.AddNote(ctx, data.NewNote{PassageID: p.ID, Body: "to delete"})
		if err != nil {
			t.Fatal(err)
		}
		before, _ := l.Notes(ctx, data.NoteFilter{})
		if err := l.DeleteNote(ctx, n.ID); err != nil {
			t.Fatal(err)
		}
		mid, _ := l.Notes(ctx, data.NoteFilter{})
		if len(mid) != len(before)-1 {
			t.Errorf("%d notes after delete, want %d", len(mid), len(before)-1)
		}
		if err := l.RestoreNote(ctx, n.ID); err != nil {
			t.Fatal(err)
		}
		after, _ := l.Notes(ctx, data.NoteFilter{})
		if !reflect.DeepEqual(before, after) {
			t.Errorf("undo did not restore the note exactly")
		}
		if err := l.RestoreNote(ctx, n.ID); data.ErrorCode(err) != data.ENOTFOUND {
			t.Errorf("restoring twice: %v", err)
		}
	})

	t.Run("OnHighlight", func(t *testing.T) {
		h, err := l.AddHighlight(ctx, p.ID, 4, 9, "red")
		if err != nil {
			t.Fatal(err)
		}
		n, err := l.AddNote(ctx, data.NewNote{HighlightID: h.ID, Body: "Which judge?"})
		if err != nil {
			t.Fatal(err)
		}
		if n.HighlightID != h.ID || n.Quote != "judge" {
			t.Errorf("note = %+v", n)
		}
	})

	tests := map[string]struct {
		nn   data.NewNote
		code string
	}{
		"Empty":       {data.NewNote{PassageID: p.ID, Body: "  \n"}, data.EINVALID},
		"NoPassage":   {data.NewNote{PassageID: 12345, Body: "x"}, data.ENOTFOUND},
		"NoHighlight": {data.NewNote{HighlightID: 12345, Body: "x"}, data.ENOTFOUND},
	}
	for name, tc := range tests {
		t.Run("Err/"+name, func(t *testing.T) {
			_, err := l.AddNote(ctx, tc.nn)
			if got := data.ErrorCode(err); got != tc.code {
				t.Errorf("code = %q (%v), want %q", got, err, tc.code)
			}
		})
	}
}

// TestReanchor changes an article's text and checks where its annotations go.
func TestReanchor(t *testing.T) {
	ctx := context.Background()
	l := openTest(t)
	a := mustImport(t, l, sample)
	p1, _ := l.Passage(ctx, a.ID, 1)
	p3, _ := l.Passage(ctx, a.ID, 2)                                       // the caption before it has no number
	if _, err := l.AddHighlight(ctx, p3.ID, 18, 40, "green"); err != nil { // "800 hours of community"
		t.Fatal(err)
	}
	n, _ := l.AddNote(ctx, data.NewNote{PassageID: p1.ID, Start: 30, End: 44, Body: "dark?"})

	changed := article("test:a",
		"title|A Headline",
		"byline|By Jane Doe",
		"body|A new first paragraph.",
		"body|The judge imposed 800 hours of community service.",
	)
	r, err := l.ImportArticle(ctx, changed)
	if err != nil {
		t.Fatal(err)
	}
	if r.Status != data.Updated || r.Orphaned != 1 {
		t.Errorf("result = %+v, want updated with 1 orphan", r)
	}
	hs, _ := l.Highlights(ctx, a.ID)
	if len(hs) != 1 {
		t.Fatalf("highlights = %v", hs)
	}
	p2, _ := l.Passage(ctx, a.ID, 2)
	if hs[0].PassageID != p2.ID || hs[0].Quote != "800 hours of community" || hs[0].Start != 18 {
		t.Errorf("highlight moved to %+v, want passage %d at 18", hs[0].Anchor, p2.ID)
	}
	orphans, _ := l.Notes(ctx, data.NoteFilter{Orphans: true})
	if len(orphans) != 1 || orphans[0].ID != n.ID || orphans[0].Quote != "dark stairwell" {
		t.Errorf("orphans = %+v, want the note on the deleted paragraph", orphans)
	}
}
