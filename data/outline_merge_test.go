package data_test

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
