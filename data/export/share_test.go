//go:build cgo

// The store (package data/sqlite) needs cgo: these tests, which run an
// export or an import against a real library, build only with it.

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
	"github.com/casebookapp/casebook/data/sqlite"
	"github.com/casebookapp/casebook/data/webanno"
)

// seeded opens a new library with the bundled articles.
func seeded(t *testing.T) *sqlite.Library {
	t.Helper()
	ctx := context.Background()
	l, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "library.db"))
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
func share(t *testing.T, lib *sqlite.Library) []data.Annotation {
	t.Helper()
	doc, err := export.Load(context.Background(), lib)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if _, err := export.Write(&buf, doc, export.Options{Format: export.JSON}); err != nil {
		t.Fatal(err)
	}
	anns, _, err := webanno.ReadBundle(&buf)
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
		rep, err := bob.MergeBundle(ctx, fromAlice, share(t, alice), nil)
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
			if g.Para != w.Para || g.ArticleID != w.ArticleID {
				t.Errorf("note %d on %d:%d, want %d:%d", i, g.ArticleID, g.Para, w.ArticleID, w.Para)
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
		rep, err := bob.MergeBundle(ctx, fromAlice, share(t, alice), nil)
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
		rep, err := bob.MergeBundle(ctx, fromAlice, newer, nil)
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
		rep, err := bob.MergeBundle(ctx, fromAlice, []data.Annotation{a}, nil)
		if err != nil {
			t.Fatal(err)
		}
		if len(rep.Skipped) != 1 || rep.Added != 0 {
			t.Errorf("report = %+v", rep)
		}
	})

	t.Run("QuoteNotThereIsOrphan", func(t *testing.T) {
		a := data.Annotation{UID: "x-2", Motivation: "commenting", Hash: mustHash(t, bob, 2), Para: 3, Start: 0, End: 5, Quote: "words that are in no paragraph", Body: "kept"}
		rep, err := bob.MergeBundle(ctx, fromAlice, []data.Annotation{a}, nil)
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

// mustHash returns the content hash of article id, which an annotation
// names its article by.
func mustHash(t *testing.T, l *sqlite.Library, id int64) string {
	t.Helper()
	a, err := l.Article(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	return a.Hash
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

var fromAlice = data.MergeFrom{Name: "alice", File: "/home/bob/alice.json"}

// noteOn is a classmate's note on paragraph n of article id of lib, as
// their file would carry it.
func noteOn(t *testing.T, lib *sqlite.Library, id int64, n int, uid, body string, modified time.Time) data.Annotation {
	t.Helper()
	p, err := lib.Passage(context.Background(), id, n)
	if err != nil {
		t.Fatal(err)
	}
	return data.Annotation{UID: uid, Motivation: "commenting", Hash: mustHash(t, lib, id), Para: n,
		Start: 0, End: len([]rune(p.Text)), Quote: p.Text, Body: body, Created: modified, Modified: modified}
}

// TestMergeKeepsTheStudentsWork: a classmate's file may add, and may update
// what that classmate's earlier file added, but never changes the student's
// own notes, whatever its dates; when both sides changed both versions are
// kept; a missing or future date never wins; the same file twice changes
// nothing; and the whole merge can be undone.
func TestMergeKeepsTheStudentsWork(t *testing.T) {
	ctx := context.Background()
	bob := seeded(t)
	p, _ := bob.Passage(ctx, 1, 2)
	own, err := bob.AddNote(ctx, data.NewNote{PassageID: p.ID, Body: "Bob's own note."})
	if err != nil {
		t.Fatal(err)
	}
	later := time.Now().Add(time.Hour)
	count := func() int {
		ns, _ := bob.Notes(ctx, data.NoteFilter{})
		return len(ns)
	}
	mustMerge := func(anns ...data.Annotation) data.MergeReport {
		t.Helper()
		rep, err := bob.MergeBundle(ctx, fromAlice, anns, nil)
		if err != nil {
			t.Fatal(err)
		}
		return rep
	}
	ownBody := func() string {
		n, _ := bob.Note(ctx, own.ID)
		return n.Body
	}

	t.Run("OwnNoteNeverOverwritten", func(t *testing.T) {
		for _, a := range []data.Annotation{
			noteOn(t, bob, 1, 2, own.UID, "", later),                                                // blank body, later date
			noteOn(t, bob, 1, 2, own.UID, "From 2099", time.Date(2099, 1, 1, 0, 0, 0, 0, time.UTC)), // future
			noteOn(t, bob, 1, 2, own.UID, "No date", time.Time{}),                                   // no dates
		} {
			rep := mustMerge(a)
			if got := ownBody(); got != "Bob's own note." {
				t.Fatalf("merging %q changed Bob's note to %q (report %+v)", a.Body, got, rep)
			}
		}
		if n := count(); n != 2 {
			// The blank one with a later date is kept beside it; the
			// undated and future ones do not win.
			t.Errorf("Bob has %d notes, want his own and Alice's later version", n)
		}
	})

	t.Run("BothChangedKeepsBoth", func(t *testing.T) {
		rep := mustMerge(noteOn(t, bob, 1, 2, own.UID, "Alice's rewrite", later.Add(time.Minute)))
		// Alice's earlier version is already beside Bob's: hers is updated.
		if rep.KeptBoth+rep.Updated != 1 || ownBody() != "Bob's own note." {
			t.Fatalf("report %+v, Bob's note %q", rep, ownBody())
		}
		ns, _ := bob.Notes(ctx, data.NoteFilter{ArticleID: 1})
		found := false
		for _, n := range ns {
			if n.Body == "Alice's rewrite" && n.From == "alice" && n.UID != own.UID {
				found = true
			}
		}
		if !found {
			t.Errorf("Alice's version is not kept beside Bob's, marked as hers: %+v", ns)
		}
	})

	t.Run("SameClassmateUpdatesHerOwn", func(t *testing.T) {
		t0 := time.Now().Add(-time.Hour)
		mustMerge(noteOn(t, bob, 2, 3, "alice-1", "First thought.", t0))
		before := count()
		rep := mustMerge(noteOn(t, bob, 2, 3, "alice-1", "Second thought.", t0.Add(time.Minute)))
		if rep.Updated != 1 || count() != before {
			t.Fatalf("report %+v; %d notes, want %d", rep, count(), before)
		}
		// A file with no dates, merged twice, changes nothing the second time.
		undated := noteOn(t, bob, 2, 3, "alice-1", "Undated thought.", time.Time{})
		mustMerge(undated)
		if rep := mustMerge(undated); rep.Updated != 0 || rep.Added != 0 {
			t.Errorf("an undated file updated on re-import: %+v", rep)
		}
		ns, _ := bob.Notes(ctx, data.NoteFilter{ArticleID: 2})
		if len(ns) != 1 || ns[0].Body != "Second thought." {
			t.Errorf("notes = %+v", ns)
		}
		// Bob edits Alice's note; her next version goes beside it.
		time.Sleep(2 * time.Millisecond)
		if _, err := bob.UpdateNote(ctx, ns[0].ID, "Bob's take on it.", nil); err != nil {
			t.Fatal(err)
		}
		rep = mustMerge(noteOn(t, bob, 2, 3, "alice-1", "Third thought.", t0.Add(2*time.Minute)))
		if rep.KeptBoth != 1 {
			t.Errorf("report %+v", rep)
		}
		if n, _ := bob.Note(ctx, ns[0].ID); n.Body != "Bob's take on it." {
			t.Errorf("Bob's edit was overwritten: %q", n.Body)
		}
		again := mustMerge(noteOn(t, bob, 2, 3, "alice-1", "Third thought.", t0.Add(2*time.Minute)))
		if again.Added+again.Updated+again.KeptBoth != 0 {
			t.Errorf("the same file twice changed something: %+v", again)
		}
	})

	t.Run("Undo", func(t *testing.T) {
		t0 := time.Now().Add(-time.Hour)
		mustMerge(noteOn(t, bob, 3, 4, "alice-2", "v1", t0))
		snapshot, _ := bob.Notes(ctx, data.NoteFilter{})
		rep := mustMerge(noteOn(t, bob, 3, 4, "alice-2", "v2", t0.Add(time.Minute)), noteOn(t, bob, 3, 5, "alice-3", "new", t0))
		if rep.Updated != 1 || rep.Added != 1 || rep.Import == 0 {
			t.Fatalf("report %+v", rep)
		}
		u, err := bob.UndoLastImport(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if u.Removed != 1 || u.Restored != 1 || u.From != "alice" {
			t.Errorf("undo = %+v", u)
		}
		after, _ := bob.Notes(ctx, data.NoteFilter{})
		if len(after) != len(snapshot) {
			t.Fatalf("after undo %d notes, before the merge %d", len(after), len(snapshot))
		}
		for i := range after {
			if after[i].Body != snapshot[i].Body || after[i].UID != snapshot[i].UID {
				t.Errorf("note %d after undo %q, before the merge %q", i, after[i].Body, snapshot[i].Body)
			}
		}
		if res, _ := bob.Search(ctx, "new", data.SearchOptions{}); len(res) > 0 {
			for _, r := range res {
				if r.In == "note" {
					t.Errorf("an undone note is still found by search: %+v", r)
				}
			}
		}
	})
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
	exportAs := func(lib *sqlite.Library, name string) []data.Annotation {
		doc, err := export.Load(ctx, lib)
		if err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		if _, err := export.Write(&buf, doc, export.Options{Format: export.JSON, Creator: name}); err != nil {
			t.Fatal(err)
		}
		anns, _, err := webanno.ReadBundle(&buf)
		if err != nil {
			t.Fatal(err)
		}
		return anns
	}
	if _, err := bob.MergeBundle(ctx, fromAlice, exportAs(alice, "Alice Wong"), nil); err != nil {
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
