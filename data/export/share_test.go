package export_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/casebookapp/casebook/data"
	"github.com/casebookapp/casebook/data/export"
	"github.com/casebookapp/casebook/data/ingest"
)

// seeded opens a new library with the bundled articles.
func seeded(t *testing.T) *data.Library {
	t.Helper()
	ctx := context.Background()
	l, err := data.Open(ctx, filepath.Join(t.TempDir(), "library.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { l.Close() })
	seeds, err := ingest.Seeds()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := l.SyncArticles(ctx, seeds); err != nil {
		t.Fatal(err)
	}
	return l
}

// share exports lib's annotations as W3C JSON and reads them back.
func share(t *testing.T, lib *data.Library) []data.Annotation {
	t.Helper()
	doc, err := export.Load(context.Background(), lib)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if _, err := export.Write(&buf, doc, export.Options{Format: export.JSON}); err != nil {
		t.Fatal(err)
	}
	anns, err := export.ReadAnnotations(&buf)
	if err != nil {
		t.Fatal(err)
	}
	return anns
}

// TestStudyGroupMerge shares one student's annotations with a classmate.
func TestStudyGroupMerge(t *testing.T) {
	ctx := context.Background()
	alice, bob := seeded(t), seeded(t)
	p, err := alice.Passage(ctx, 1, 5)
	if err != nil {
		t.Fatal(err)
	}
	h, err := alice.AddHighlight(ctx, p.ID, 153, 190, "green") // a span of para. 5
	if err != nil {
		t.Fatal(err)
	}
	n, err := alice.AddNote(ctx, data.NewNote{HighlightID: h.ID, Body: "The judge went *beyond* the DA.", Tags: []string{"sentence"}})
	if err != nil {
		t.Fatal(err)
	}
	p2, _ := alice.Passage(ctx, 3, 7)
	if _, err := alice.AddNote(ctx, data.NewNote{PassageID: p2.ID, Body: "500 hours asked for."}); err != nil {
		t.Fatal(err)
	}

	t.Run("SameNotesOnSamePassages", func(t *testing.T) {
		rep, err := bob.MergeAnnotations(ctx, share(t, alice))
		if err != nil {
			t.Fatal(err)
		}
		if rep.Added != 3 || rep.Orphaned != 0 || len(rep.Skipped) != 0 {
			t.Fatalf("report = %+v", rep)
		}
		want, _ := alice.Notes(ctx, data.NoteFilter{})
		got, _ := bob.Notes(ctx, data.NoteFilter{})
		if len(got) != len(want) {
			t.Fatalf("bob has %d notes, alice %d", len(got), len(want))
		}
		for i := range want {
			w, g := want[i], got[i]
			if g.UID != w.UID || g.Body != w.Body || g.Quote != w.Quote || g.Start != w.Start || g.End != w.End || len(g.Tags) != len(w.Tags) {
				t.Errorf("note %d: got %+v, want %+v", i, g, w)
			}
			gp, _ := bob.PassageByID(ctx, g.PassageID)
			wp, _ := alice.PassageByID(ctx, w.PassageID)
			if gp.N != wp.N || gp.ArticleID != wp.ArticleID {
				t.Errorf("note %d on %d:%d, want %d:%d", i, gp.ArticleID, gp.N, wp.ArticleID, wp.N)
			}
		}
		hs, _ := bob.Highlights(ctx, 1)
		if len(hs) != 1 || hs[0].UID != h.UID || hs[0].Colour != "green" || hs[0].Quote != h.Quote {
			t.Errorf("highlights = %+v", hs)
		}
		if got[0].HighlightID != hs[0].ID {
			t.Errorf("the note lost its highlight")
		}
		if res, _ := bob.Search(ctx, "beyond", data.SearchOptions{}); len(res) != 1 || res[0].In != "note" {
			t.Errorf("merged note is not searchable: %+v", res)
		}
	})

	t.Run("TwiceAddsNothing", func(t *testing.T) {
		rep, err := bob.MergeAnnotations(ctx, share(t, alice))
		if err != nil {
			t.Fatal(err)
		}
		if rep.Added != 0 || rep.Updated != 0 || rep.Unchanged != 3 {
			t.Errorf("report = %+v", rep)
		}
	})

	t.Run("NewerWins", func(t *testing.T) {
		time.Sleep(2 * time.Millisecond) // timestamps must differ
		if _, err := alice.UpdateNote(ctx, n.ID, "Edited by Alice.", []string{"sentence", "judge"}); err != nil {
			t.Fatal(err)
		}
		newer := share(t, alice)
		// Bob edits his copy of the other note later than Alice's version.
		bobNotes, _ := bob.Notes(ctx, data.NoteFilter{ArticleID: 3})
		time.Sleep(2 * time.Millisecond)
		if _, err := bob.UpdateNote(ctx, bobNotes[0].ID, "Bob's own wording.", nil); err != nil {
			t.Fatal(err)
		}
		rep, err := bob.MergeAnnotations(ctx, newer)
		if err != nil {
			t.Fatal(err)
		}
		if rep.Updated != 1 || rep.Added != 0 {
			t.Errorf("report = %+v", rep)
		}
		got, _ := bob.Note(ctx, bobNotes[0].ID)
		if got.Body != "Bob's own wording." {
			t.Errorf("an older version overwrote Bob's newer note: %q", got.Body)
		}
		all, _ := bob.Notes(ctx, data.NoteFilter{ArticleID: 1})
		if len(all) != 1 || all[0].Body != "Edited by Alice." || len(all[0].Tags) != 2 {
			t.Errorf("Alice's newer edit did not win: %+v", all)
		}
	})

	t.Run("UnknownArticleSkipped", func(t *testing.T) {
		a := data.Annotation{UID: "x-1", Motivation: "commenting", Title: "An article Bob never imported", Source: "https://example.org/none", Quote: "text", Body: "hi"}
		rep, err := bob.MergeAnnotations(ctx, []data.Annotation{a})
		if err != nil {
			t.Fatal(err)
		}
		if len(rep.Skipped) != 1 || rep.Added != 0 {
			t.Errorf("report = %+v", rep)
		}
	})

	t.Run("QuoteNotThereIsOrphan", func(t *testing.T) {
		a := data.Annotation{UID: "x-2", Motivation: "commenting", Hash: data.Hash(mustOriginal(t, bob, 2)), Para: 3, Start: 0, End: 5, Quote: "words that are in no paragraph", Body: "kept"}
		rep, err := bob.MergeAnnotations(ctx, []data.Annotation{a})
		if err != nil {
			t.Fatal(err)
		}
		if rep.Added != 1 || rep.Orphaned != 1 {
			t.Errorf("report = %+v", rep)
		}
		if os, _ := bob.Notes(ctx, data.NoteFilter{Orphans: true}); len(os) != 1 || os[0].Body != "kept" {
			t.Errorf("orphans = %+v", os)
		}
	})
}

func mustOriginal(t *testing.T, l *data.Library, id int64) string {
	t.Helper()
	s, err := l.Original(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// TestWriteFileLeavesNothingOnFailure checks that a failed export neither
// leaves a half-written file nor replaces the good one already there.
func TestWriteFileLeavesNothingOnFailure(t *testing.T) {
	lib := seeded(t)
	doc, err := export.Load(context.Background(), lib)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "quotes.md")
	if _, err := export.WriteFile(path, doc, export.Options{Format: export.Markdown}); err != nil {
		t.Fatal(err)
	}
	good, _ := os.ReadFile(path)
	if _, err := export.WriteFile(path, doc, export.Options{Format: "pdf"}); err == nil {
		t.Fatal("an unknown format was written")
	}
	after, _ := os.ReadFile(path)
	if !bytes.Equal(good, after) {
		t.Error("a failed export changed the file already there")
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("%d files in the folder, want only quotes.md", len(entries))
	}
}

// TestLoadNoteOnSelection checks that a note on a few words, without a
// highlight, is exported with those words as its quote, not its whole
// paragraph; that two notes on the same words make one entry; and that a
// note on the whole paragraph stays an entry of its own.
func TestLoadNoteOnSelection(t *testing.T) {
	ctx := context.Background()
	lib := seeded(t)
	p, err := lib.Passage(ctx, 1, 5)
	if err != nil {
		t.Fatal(err)
	}
	words := []rune(p.Text)[153:190]
	for _, nn := range []data.NewNote{
		{PassageID: p.ID, Start: 153, End: 190, Body: "On these words."},
		{PassageID: p.ID, Start: 153, End: 190, Body: "Also on these words."},
		{PassageID: p.ID, Body: "On the whole paragraph."},
	} {
		if _, err := lib.AddNote(ctx, nn); err != nil {
			t.Fatal(err)
		}
	}
	doc, err := export.Load(ctx, lib)
	if err != nil {
		t.Fatal(err)
	}
	quotes := map[string]int{} // quote → notes
	for _, e := range doc.Entries {
		quotes[e.Quote()] = len(e.Notes)
	}
	if got, want := quotes[string(words)], 2; got != want {
		t.Errorf("entry quoting %q has %d notes, want %d; entries %v", string(words), got, want, quotes)
	}
	if got, want := quotes[p.Text], 1; got != want {
		t.Errorf("entry quoting the whole paragraph has %d notes, want %d", got, want)
	}
	if len(doc.Entries) != 2 {
		t.Errorf("entries = %d, want 2", len(doc.Entries))
	}

	var buf bytes.Buffer
	rep, err := export.Write(&buf, doc, export.Options{Format: export.Markdown})
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Failures) != 0 {
		t.Errorf("failures: %v", rep.Failures)
	}
	if want := "> " + string(words) + " ("; !strings.Contains(buf.String(), want) {
		t.Errorf("the Markdown does not quote the selection: want a line with %q in\n%s", want, buf.String())
	}
}

// TestCreatorSurvivesSharing checks that each annotation carries who made
// it: the student's own take the name from the settings, and a classmate's
// merged note keeps the classmate's name when the student shares again.
func TestCreatorSurvivesSharing(t *testing.T) {
	ctx := context.Background()
	alice, bob := seeded(t), seeded(t)
	p, err := alice.Passage(ctx, 1, 4)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := alice.AddNote(ctx, data.NewNote{PassageID: p.ID, Body: "Alice's note"}); err != nil {
		t.Fatal(err)
	}
	exportAs := func(lib *data.Library, name string) []data.Annotation {
		doc, err := export.Load(ctx, lib)
		if err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		if _, err := export.Write(&buf, doc, export.Options{Format: export.JSON, Creator: name}); err != nil {
			t.Fatal(err)
		}
		anns, err := export.ReadAnnotations(&buf)
		if err != nil {
			t.Fatal(err)
		}
		return anns
	}
	if _, err := bob.MergeAnnotations(ctx, exportAs(alice, "Alice Wong")); err != nil {
		t.Fatal(err)
	}
	q, _ := bob.Passage(ctx, 1, 2)
	if _, err := bob.AddNote(ctx, data.NewNote{PassageID: q.ID, Body: "Bob's note"}); err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, a := range exportAs(bob, "Bob Diaz") {
		got[a.Body] = a.Creator
	}
	if got["Alice's note"] != "Alice Wong" || got["Bob's note"] != "Bob Diaz" {
		t.Errorf("creators = %v, want Alice's note by Alice Wong and Bob's by Bob Diaz", got)
	}
}
