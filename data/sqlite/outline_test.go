package sqlite_test

import (
	"context"
	"reflect"
	"strings"
	"testing"

	"github.com/casebookapp/casebook/data"
)

func headings(o data.Outline) []string {
	var out []string
	for _, s := range o.Sections {
		out = append(out, s.Heading)
	}
	return out
}

// itemQuotes lists each section's items as "kind:para:first quote".
func itemQuotes(o data.Outline) map[string][]string {
	m := map[string][]string{}
	for _, s := range o.Sections {
		for _, it := range s.Items {
			m[s.Heading] = append(m[s.Heading], string(it.Kind)+":"+itoa(it.Para)+":"+it.Quotes[0])
		}
	}
	return m
}

func TestOutlines(t *testing.T) {
	ctx := context.Background()
	l := openTest(t)
	a := mustImport(t, l, sample)

	for _, tc := range []struct {
		template string
		want     []string
	}{
		{"brief", []string{"Facts", "Procedural history", "Issue", "Outcome", "Reasoning", "Reactions"}},
		{"essay", []string{"Thesis", "Claim 1", "Claim 2", "Counter-argument", "Conclusion"}},
		{"compare", []string{"Source A's framing", "Source B's framing", "Where they differ", "Assessment"}},
		{"blank", []string{"Notes"}},
	} {
		o, err := l.NewOutline(ctx, "My "+tc.template, tc.template)
		if err != nil {
			t.Fatal(err)
		}
		if got := headings(o); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%s: sections %v, want %v", tc.template, got, tc.want)
		}
	}
	if _, err := l.NewOutline(ctx, "my BRIEF", "brief"); data.ErrorCode(err) != data.EDUPLICATE {
		t.Errorf("same name again: %v", err)
	}
	if _, err := l.NewOutline(ctx, "x", "novel"); data.ErrorCode(err) != data.EINVALID || !strings.Contains(err.Error(), "brief, essay, compare, blank") {
		t.Errorf("unknown template: %v", err)
	}
	if _, err := l.NewOutline(ctx, "  ", "brief"); data.ErrorCode(err) != data.EINVALID {
		t.Errorf("empty name: %v", err)
	}
	list, err := l.Outlines(ctx)
	if err != nil || len(list) != 4 {
		t.Fatalf("outlines: %v %+v", err, list)
	}

	// Place a passage, a highlight and a note, in the student's order.
	p1, _ := l.Passage(ctx, a.ID, 1)
	p3, _ := l.Passage(ctx, a.ID, 2)                      // the caption has no number
	h, err := l.AddHighlight(ctx, p3.ID, 18, 48, "green") // "800 hours of community service"
	if err != nil {
		t.Fatal(err)
	}
	if h.Quote != "800 hours of community service" {
		t.Fatalf("highlight quote %q", h.Quote)
	}
	n, err := l.AddNote(ctx, data.NewNote{PassageID: p1.ID, Body: "Only one shot."})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := l.AddToOutline(ctx, "my brief", "facts", data.NewItem{PassageID: p1.ID}); err != nil {
		t.Fatal(err)
	}
	if _, err := l.AddToOutline(ctx, "My brief", "4", data.NewItem{HighlightID: h.ID}); err != nil {
		t.Fatal(err)
	}
	it, err := l.AddToOutline(ctx, "My brief", "Facts", data.NewItem{NoteID: n.ID})
	if err != nil {
		t.Fatal(err)
	}
	if it.Kind != data.ItemNote || it.Para != 1 || it.Notes[0] != "Only one shot." {
		t.Errorf("note item %+v", it)
	}
	if _, err := l.AddToOutline(ctx, "My brief", "Holding", data.NewItem{PassageID: p1.ID}); data.ErrorCode(err) != data.ENOTFOUND || !strings.Contains(err.Error(), `"Procedural history"`) {
		t.Errorf("unknown section: %v", err)
	}
	if _, err := l.AddToOutline(ctx, "Nope", "Facts", data.NewItem{PassageID: p1.ID}); data.ErrorCode(err) != data.ENOTFOUND || !strings.Contains(err.Error(), "My brief") {
		t.Errorf("unknown outline: %v", err)
	}

	o, err := l.OutlineByName(ctx, "MY BRIEF")
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][]string{
		"Facts":   {"passage:1:The officer fired once in the dark stairwell.", "note:1:The officer fired once in the dark stairwell."},
		"Outcome": {"highlight:2:800 hours of community service"},
	}
	if got := itemQuotes(o); !reflect.DeepEqual(got, want) {
		t.Errorf("items %v, want %v", got, want)
	}
	facts := o.Sections[0]
	if got := facts.Items[0].Notes; !reflect.DeepEqual(got, []string{"Only one shot."}) {
		t.Errorf("a passage item carries its notes: %v", got)
	}

	// Reorder: the note before the passage; then down across the edge into
	// the next section.
	if err := l.MoveItem(ctx, facts.Items[1].ID, -1); err != nil {
		t.Fatal(err)
	}
	o, _ = l.OutlineByName(ctx, "My brief")
	if got := itemQuotes(o)["Facts"]; !strings.HasPrefix(got[0], "note:") {
		t.Errorf("after moving up: %v", got)
	}
	if err := l.MoveItem(ctx, o.Sections[0].Items[1].ID, +1); err != nil {
		t.Fatal(err)
	}
	o, _ = l.OutlineByName(ctx, "My brief")
	if got := itemQuotes(o); len(got["Facts"]) != 1 || len(got["Procedural history"]) != 1 {
		t.Errorf("after moving down past the end: %v", got)
	}

	// Drag and drop: the item of Procedural history to the top of Facts,
	// and back to the end of Procedural history.
	moved := o.Sections[1].Items[0].ID
	if err := l.MoveItemTo(ctx, moved, o.Sections[0].ID, 0); err != nil {
		t.Fatal(err)
	}
	o, _ = l.OutlineByName(ctx, "My brief")
	if got := o.Sections[0].Items; len(got) != 2 || got[0].ID != moved || len(o.Sections[1].Items) != 0 {
		t.Errorf("after dropping at the top of Facts: %v", itemQuotes(o))
	}
	if err := l.MoveItemTo(ctx, moved, o.Sections[1].ID, -1); err != nil {
		t.Fatal(err)
	}
	o, _ = l.OutlineByName(ctx, "My brief")
	if got := itemQuotes(o); len(got["Facts"]) != 1 || len(got["Procedural history"]) != 1 {
		t.Errorf("after dropping back: %v", got)
	}
	other, _ := l.OutlineByName(ctx, "My essay")
	if err := l.MoveItemTo(ctx, moved, other.Sections[0].ID, 0); data.ErrorCode(err) != data.EINVALID {
		t.Errorf("moving into another outline: %v", err)
	}

	// Sections: rename, add, reorder, the student's text.
	sec := o.Sections[2]
	if err := l.RenameSection(ctx, sec.ID, "Question presented"); err != nil {
		t.Fatal(err)
	}
	if err := l.SetSectionText(ctx, sec.ID, "Was the shooting reckless?"); err != nil {
		t.Fatal(err)
	}
	if err := l.MoveSection(ctx, sec.ID, -5); err != nil {
		t.Fatal(err)
	}
	if _, err := l.AddSection(ctx, o.ID, "Bibliography notes"); err != nil {
		t.Fatal(err)
	}
	o, _ = l.OutlineByName(ctx, "My brief")
	if got := headings(o); !reflect.DeepEqual(got, []string{"Question presented", "Facts", "Procedural history", "Outcome", "Reasoning", "Reactions", "Bibliography notes"}) {
		t.Errorf("sections after editing: %v", got)
	}
	if o.Sections[0].Text != "Was the shooting reckless?" {
		t.Errorf("section text %q", o.Sections[0].Text)
	}
	if err := l.RenameSection(ctx, sec.ID, " "); data.ErrorCode(err) != data.EINVALID {
		t.Errorf("empty heading: %v", err)
	}

	// A deleted highlight drops out of the outline, and comes back with undo.
	if err := l.DeleteHighlight(ctx, h.ID); err != nil {
		t.Fatal(err)
	}
	o, _ = l.OutlineByName(ctx, "My brief")
	if got := itemQuotes(o)["Outcome"]; len(got) != 0 {
		t.Errorf("deleted highlight still shown: %v", got)
	}
	if err := l.RestoreHighlight(ctx, h.ID); err != nil {
		t.Fatal(err)
	}
	o, _ = l.OutlineByName(ctx, "My brief")
	if got := itemQuotes(o)["Outcome"]; len(got) != 1 {
		t.Errorf("restored highlight not shown: %v", got)
	}
	// A passage item shows the passage's highlighted spans as its quotes.
	if _, err := l.AddToOutline(ctx, "My brief", "Reasoning", data.NewItem{PassageID: p3.ID}); err != nil {
		t.Fatal(err)
	}
	o, _ = l.OutlineByName(ctx, "My brief")
	if got := itemQuotes(o)["Reasoning"]; !reflect.DeepEqual(got, []string{"passage:2:800 hours of community service"}) {
		t.Errorf("passage with a highlight: %v", got)
	}

	if err := l.RenameOutline(ctx, o.ID, "My essay"); data.ErrorCode(err) != data.EDUPLICATE {
		t.Errorf("rename onto another outline: %v", err)
	}
	if err := l.DeleteOutline(ctx, o.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := l.OutlineByName(ctx, "My brief"); data.ErrorCode(err) != data.ENOTFOUND {
		t.Errorf("deleted outline: %v", err)
	}
	// The highlight and note the outline placed are still there.
	if hs, _ := l.Highlights(ctx, a.ID); len(hs) != 1 {
		t.Errorf("highlights after deleting the outline: %v", hs)
	}
}

// A re-imported article with a changed text keeps its outline items.
func TestOutlineItemsSurviveReimport(t *testing.T) {
	ctx := context.Background()
	l := openTest(t)
	a := mustImport(t, l, sample)
	if _, err := l.NewOutline(ctx, "B", "blank"); err != nil {
		t.Fatal(err)
	}
	p3, _ := l.Passage(ctx, a.ID, 2)
	if _, err := l.AddToOutline(ctx, "B", "Notes", data.NewItem{PassageID: p3.ID}); err != nil {
		t.Fatal(err)
	}
	changed := article("test:a",
		"title|A Headline",
		"body|A new opening paragraph.",
		"body|The officer fired once in the dark stairwell.",
		"body|The judge imposed 800 hours of community service.",
	)
	if _, err := l.ImportArticle(ctx, changed); err != nil {
		t.Fatal(err)
	}
	o, err := l.OutlineByName(ctx, "B")
	if err != nil {
		t.Fatal(err)
	}
	it := o.Sections[0].Items
	if len(it) != 1 || it[0].Para != 3 || it[0].Quotes[0] != "The judge imposed 800 hours of community service." {
		t.Errorf("after re-import: %+v", it)
	}
}

// TestAddToSection: a passage dropped into a section goes where it was
// dropped, in the one transaction that adds it (the Outline view added it
// at the end and then moved it, in two).
func TestAddToSection(t *testing.T) {
	ctx := context.Background()
	l := openTest(t)
	a := mustImport(t, l, sample)
	if _, err := l.NewOutline(ctx, "B", "blank"); err != nil {
		t.Fatal(err)
	}
	p1, _ := l.Passage(ctx, a.ID, 1)
	p2, _ := l.Passage(ctx, a.ID, 2)
	if _, err := l.AddToOutline(ctx, "B", "Notes", data.NewItem{PassageID: p1.ID}); err != nil {
		t.Fatal(err)
	}
	o, _ := l.OutlineByName(ctx, "B")
	it, err := l.AddToSection(ctx, o.Sections[0].ID, data.NewItem{PassageID: p2.ID}, 0)
	if err != nil {
		t.Fatal(err)
	}
	o, _ = l.OutlineByName(ctx, "B")
	if got := o.Sections[0].Items; len(got) != 2 || got[0].ID != it.ID || got[0].Para != 2 {
		t.Errorf("dropped at the top, the items are %+v", got)
	}
	// A refused drop leaves the outline as it was.
	if _, err := l.AddToSection(ctx, o.Sections[0].ID, data.NewItem{PassageID: 9999}, 0); err == nil {
		t.Error("a missing passage was added")
	}
	if o2, _ := l.OutlineByName(ctx, "B"); len(o2.Sections[0].Items) != 2 {
		t.Errorf("after a refused drop: %+v", o2.Sections[0].Items)
	}
}
