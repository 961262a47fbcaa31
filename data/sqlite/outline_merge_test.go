package sqlite_test

import (
	"context"
	"reflect"
	"testing"
	"time"

	"github.com/casebookapp/casebook/data"
)

// TestMergeKeepsTheStudentsOutline: outlines go through the same provenance
// rules as highlights and notes. A classmate's outline never changes the
// student's own outline of the same id: it is added beside it, named for
// whom it is from. A later file from the same classmate updates that copy,
// only with a date that is present, not in the future, and newer; the same
// file again changes nothing; undoing a merge that updated the copy restores
// it exactly; once the student edits the copy it is theirs.
func TestMergeKeepsTheStudentsOutline(t *testing.T) {
	ctx := context.Background()
	l := openTest(t)
	mustImport(t, l, sample)
	own, err := l.NewOutline(ctx, "Brief", "brief")
	if err != nil {
		t.Fatal(err)
	}
	if err := l.SetSectionText(ctx, own.Sections[0].ID, "my facts"); err != nil {
		t.Fatal(err)
	}
	own, _ = l.Outline(ctx, own.ID)

	shared := func(text string, modified time.Time) data.SharedOutline {
		return data.SharedOutline{UID: own.UID, Name: "Brief", Template: "brief", Modified: modified,
			Sections: []data.SharedSection{
				{Heading: "Facts", Text: text, Items: []data.SharedItem{{Kind: data.ItemPassage, Source: "test:a", Para: 1, Text: "The officer fired once in the dark stairwell."}}},
				{Heading: "Outcome"},
			}}
	}
	alex := data.MergeFrom{Name: "alex", File: "alex.json"}
	merge := func(o data.SharedOutline) data.MergeReport {
		t.Helper()
		rep, err := l.MergeBundle(ctx, alex, nil, []data.SharedOutline{o})
		if err != nil {
			t.Fatal(err)
		}
		return rep
	}
	byName := func(name string) data.Outline {
		t.Helper()
		o, err := l.OutlineByName(ctx, name)
		if err != nil {
			t.Fatal(err)
		}
		return o
	}
	count := func() int {
		list, err := l.Outlines(ctx)
		if err != nil {
			t.Fatal(err)
		}
		return len(list)
	}
	mineIntact := func(when string) {
		t.Helper()
		if got := byName("Brief"); !reflect.DeepEqual(got, own) {
			t.Errorf("%s: the student's outline changed:\n%+v\nwant\n%+v", when, got, own)
		}
	}

	// Same id, newer: kept beside, never replacing the student's.
	t1 := time.Now().Add(-time.Second)
	if own.UpdatedAt.After(t1) {
		t1 = own.UpdatedAt.Add(time.Millisecond)
	}
	rep := merge(shared("alex v1", t1))
	if rep.Outlines != 1 || rep.OutlinesBeside != 1 || rep.Import == 0 {
		t.Errorf("first merge: %+v", rep)
	}
	mineIntact("first merge")
	copyOf := byName("Brief (from alex)")
	if copyOf.UID == own.UID || copyOf.Sections[0].Text != "alex v1" || len(copyOf.Sections[0].Items) != 1 {
		t.Errorf("the classmate's copy: %+v", copyOf)
	}

	// The same file again changes nothing.
	if rep := merge(shared("alex v1", t1)); rep.Import != 0 || rep.Outlines != 0 {
		t.Errorf("same file again: %+v", rep)
	}
	if count() != 2 {
		t.Errorf("%d outlines after the same file again", count())
	}

	// Missing and future dates never win.
	for _, when := range []time.Time{{}, time.Now().AddDate(70, 0, 0)} {
		if rep := merge(shared("alex undated", when)); rep.Import != 0 || rep.Outlines != 0 || rep.Undated != 1 {
			t.Errorf("date %v: %+v", when, rep)
		}
	}
	if got := byName("Brief (from alex)"); !reflect.DeepEqual(got, copyOf) {
		t.Errorf("an undated file changed the copy: %+v", got)
	}
	// An older version does not win either.
	if rep := merge(shared("alex old", t1.Add(-time.Hour))); rep.Import != 0 {
		t.Errorf("older file: %+v", rep)
	}

	// A later file from alex updates alex's copy in place.
	rep = merge(shared("alex v2", t1.Add(time.Millisecond)))
	if rep.Outlines != 1 || rep.OutlinesBeside != 0 || rep.Import == 0 {
		t.Errorf("later file: %+v", rep)
	}
	if got := byName("Brief (from alex)"); got.Sections[0].Text != "alex v2" || got.ID != copyOf.ID {
		t.Errorf("copy after a later file: %+v", got)
	}
	if count() != 2 {
		t.Errorf("%d outlines after a later file", count())
	}
	mineIntact("later file")

	// Undo puts the copy back exactly as it was.
	if _, err := l.UndoImport(ctx, rep.Import); err != nil {
		t.Fatal(err)
	}
	if got := byName("Brief (from alex)"); !reflect.DeepEqual(got, copyOf) {
		t.Errorf("undo did not restore the outline:\n%+v\nwant\n%+v", got, copyOf)
	}
	mineIntact("undo")

	// Once the student edits the copy it is theirs: alex's next version
	// goes beside it.
	if err := l.SetSectionText(ctx, copyOf.Sections[1].ID, "my outcome"); err != nil {
		t.Fatal(err)
	}
	edited := byName("Brief (from alex)")
	rep = merge(shared("alex v3", time.Now()))
	if rep.OutlinesBeside != 1 || rep.Outlines != 1 {
		t.Errorf("after the student's edit: %+v", rep)
	}
	if got := byName("Brief (from alex)"); !reflect.DeepEqual(got, edited) {
		t.Errorf("the student's edited copy changed: %+v", got)
	}
	if count() != 3 {
		t.Errorf("%d outlines, want 3", count())
	}
	mineIntact("edited copy")
}

// TestMergedOutlineItemsFollowTheClassmatesMarks: an item of a classmate's
// outline names a highlight of their file by id; when that id is the
// student's own highlight's (the classmate's was kept beside it), the item
// is the classmate's highlight, not the student's. A classmate's outline the
// student deleted stays deleted when the same file is merged again, and
// comes back only with a newer version.
func TestMergedOutlineItemsFollowTheClassmatesMarks(t *testing.T) {
	ctx := context.Background()
	l := openTest(t)
	a := mustImport(t, l, sample)
	ps, err := l.Passages(ctx, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	var body []data.Passage
	for _, p := range ps {
		if p.N > 0 {
			body = append(body, p)
		}
	}
	p1 := body[0]
	own, err := l.AddHighlight(ctx, p1.ID, 4, 11, "yellow") // "officer"
	if err != nil {
		t.Fatal(err)
	}
	t1 := time.Now()
	anns := []data.Annotation{{UID: own.UID, Motivation: "highlighting", Source: "test:a", Para: p1.N, Start: 12, End: 17,
		Quote: "fired", Colour: "red", Modified: t1}}
	o := data.SharedOutline{UID: "alex-outline", Name: "Alex's brief", Template: "brief", Modified: t1,
		Sections: []data.SharedSection{{Heading: "Facts", Items: []data.SharedItem{{Kind: data.ItemHighlight, UID: own.UID}}}}}
	alex := data.MergeFrom{Name: "alex", File: "alex.json"}
	rep, err := l.MergeBundle(ctx, alex, anns, []data.SharedOutline{o})
	if err != nil {
		t.Fatal(err)
	}
	if rep.KeptBoth != 1 || rep.Outlines != 1 || len(rep.Skipped) != 0 {
		t.Fatalf("merge: %+v", rep)
	}
	got, err := l.OutlineByName(ctx, "Alex's brief")
	if err != nil {
		t.Fatal(err)
	}
	if items := got.Sections[0].Items; len(items) != 1 || items[0].Highlight == nil || items[0].Highlight.Quote != "fired" || items[0].Highlight.ID == own.ID {
		t.Errorf("the outline's item is %+v, want alex's highlight of “fired”", items)
	}

	// Deleted, then the same file again: it stays deleted.
	if err := l.DeleteOutline(ctx, got.ID); err != nil {
		t.Fatal(err)
	}
	rep, err = l.MergeBundle(ctx, alex, anns, []data.SharedOutline{o})
	if err != nil || rep.Import != 0 || rep.Outlines != 0 {
		t.Errorf("the same file after deleting its outline: %+v %v", rep, err)
	}
	if list, _ := l.Outlines(ctx); len(list) != 0 {
		t.Errorf("the deleted outline came back: %+v", list)
	}
	// A newer version from alex is added again.
	o.Modified = time.Now()
	o.Sections[0].Text = "new"
	if rep, err = l.MergeBundle(ctx, alex, anns, []data.SharedOutline{o}); err != nil || rep.Outlines != 1 {
		t.Errorf("a newer version after deleting: %+v %v", rep, err)
	}
	if got, err := l.OutlineByName(ctx, "Alex's brief"); err != nil || got.Sections[0].Text != "new" {
		t.Errorf("after a newer version: %+v %v", got, err)
	}
}
