package glance_test

import (
	"context"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/casebookapp/casebook/data"
	"github.com/casebookapp/casebook/data/casefacts"
	"github.com/casebookapp/casebook/data/glance"
	"github.com/casebookapp/casebook/data/ingest"
	"github.com/casebookapp/casebook/data/sqlite"
)

// seeded opens a library in a temporary folder with the bundled articles.
func seeded(t *testing.T) (*sqlite.Library, []data.NewArticle) {
	t.Helper()
	ctx := context.Background()
	lib, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "library.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { lib.Close() })
	seeds, err := ingest.Seeds()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := lib.SyncArticles(ctx, seeds); err != nil {
		t.Fatal(err)
	}
	return lib, seeds
}

func person(c glance.Case, name string) *casefacts.Entity {
	for i, e := range c.People {
		if strings.EqualFold(e.Name, name) {
			return &c.People[i]
		}
	}
	return nil
}

func event(c glance.Case, date string, article int64, para int) *casefacts.Event {
	for i, e := range c.Timeline {
		if e.Date.String() != date {
			continue
		}
		for _, p := range e.Passages {
			if p.Article == article && p.Para == para {
				return &c.Timeline[i]
			}
		}
	}
	return nil
}

func load(t *testing.T, lib *sqlite.Library) glance.Case {
	t.Helper()
	c, err := glance.Load(context.Background(), lib)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestLoadReadsTheLibrary(t *testing.T) {
	lib, _ := seeded(t)
	c := load(t, lib)
	liang := person(c, "Peter Liang")
	if liang == nil || len(liang.Mentions) < 15 {
		t.Fatalf("Peter Liang: %+v", liang)
	}
	if v := person(c, "Schectman"); v == nil || v.VariantOf != "Paul Shechtman" {
		t.Errorf("Schectman: %+v, want a variant of Paul Shechtman", v)
	}
	conv := event(c, "2016-02-11", 1, 4)
	if conv == nil || len(conv.Passages) < 8 {
		t.Fatalf("conviction: %+v", conv)
	}
}

// TestCorrectionsSurviveReimport corrects the index and the timeline, then
// changes an article's text (a paragraph added at the top renumbers every
// passage) and checks that each correction still applies.
func TestCorrectionsSurviveReimport(t *testing.T) {
	ctx := context.Background()
	lib, seeds := seeded(t)
	c := load(t, lib)
	// paraOf finds the number a passage has now, by its text.
	paraOf := func(prefix string) int {
		t.Helper()
		ps, err := lib.Passages(ctx, 3)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range ps {
			if strings.HasPrefix(p.Text, prefix) {
				return p.N
			}
		}
		t.Fatalf("no passage starts %q", prefix)
		return 0
	}
	add := func(fix data.Correction) {
		t.Helper()
		if _, err := lib.AddCorrection(ctx, fix); err != nil {
			t.Fatal(err)
		}
	}
	add(data.Correction{Target: data.TargetPerson, Action: data.FixRename, Key: "Liang", Value: "Peter Liang (officer)"})
	add(data.Correction{Target: data.TargetPerson, Action: data.FixMerge, Key: "Schectman", Value: "Paul Shechtman"})
	add(data.Correction{Target: data.TargetPerson, Action: data.FixHide, Key: "John Kasich"})
	add(data.Correction{Target: data.TargetPerson, Action: data.FixRole, Key: "Kimberly Ballinger", Value: "Akai Gurley's domestic partner"})
	apology := event(c, "2016-03-24", 3, paraOf("Former New York Police"))
	if apology == nil {
		t.Fatal("no apology on 2016-03-24")
	}
	if _, err := glance.FixEvent(ctx, lib, c, *apology, data.FixLabel, "Liang apologises to Kimberly Ballinger"); err != nil {
		t.Fatal(err)
	}
	lawsuit := event(c, "2015-05", 3, paraOf("He added that Ballinger"))
	if lawsuit == nil {
		t.Fatal("no lawsuit in 2015-05")
	}
	if _, err := glance.FixEvent(ctx, lib, c, *lawsuit, data.FixHide, ""); err != nil {
		t.Fatal(err)
	}
	sentencing := event(c, "2016-04-14", 3, paraOf("Liang’s apology Thursday"))
	if _, err := glance.FixEvent(ctx, lib, c, *sentencing, data.FixDate, "2016-04-19"); err != nil {
		t.Fatal(err)
	}
	p, err := lib.Passage(ctx, 3, paraOf("Cathy Dang")) // Cathy Dang's statement
	if err != nil {
		t.Fatal(err)
	}
	if _, err := glance.AddEvent(ctx, lib, p, "2016-03-23", "CAAAV disappointed by the recommendation"); err != nil {
		t.Fatal(err)
	}

	check := func(when string) {
		t.Helper()
		c := load(t, lib)
		if e := person(c, "Peter Liang (officer)"); e == nil {
			t.Errorf("%s: rename lost", when)
		}
		if person(c, "Schectman") != nil {
			t.Errorf("%s: Schectman not merged", when)
		} else if e := person(c, "Paul Shechtman"); e == nil || len(e.Mentions) != 2 {
			t.Errorf("%s: Paul Shechtman after the merge: %+v", when, e)
		}
		if person(c, "John Kasich") != nil {
			t.Errorf("%s: John Kasich not hidden", when)
		}
		if e := person(c, "Kimberly Ballinger"); e == nil || e.Role != "Akai Gurley's domestic partner" {
			t.Errorf("%s: role: %+v", when, e)
		}
		if e := event(c, "2016-03-24", 3, paraOf("Former New York Police")); e == nil || e.Label != "Liang apologises to Kimberly Ballinger" || !e.Edited {
			t.Errorf("%s: label: %+v", when, e)
		}
		if e := event(c, "2015-05", 3, paraOf("He added that Ballinger")); e != nil {
			t.Errorf("%s: lawsuit not hidden", when)
		}
		if e := event(c, "2016-04-19", 3, paraOf("Liang’s apology Thursday")); e == nil || e.Precision != casefacts.Day {
			t.Errorf("%s: date fix lost", when)
		}
		if e := event(c, "2016-03-23", 3, paraOf("Cathy Dang")); e == nil || !e.Added || e.Label != "CAAAV disappointed by the recommendation" {
			t.Errorf("%s: added event: %+v", when, e)
		}
	}
	check("before the re-import")

	dang := paraOf("Cathy Dang")
	// A new edition of the third article: one more paragraph near the top.
	seed := seeds[2]
	seed.Original = strings.Replace(seed.Original, "\n\nFormer New York Police Department Officer",
		"\n\nThis story has been updated with comments from both families, which were received after it was first published.\n\nFormer New York Police Department Officer", 1)
	reparsed, err := ingest.Parse(seed.Original, seed.Origin, seed.Source)
	if err != nil {
		t.Fatal(err)
	}
	seed.Passages = reparsed.Passages
	if _, err := lib.SyncArticles(ctx, []data.NewArticle{seeds[0], seeds[1], seed}); err != nil {
		t.Fatal(err)
	}
	if paraOf("Cathy Dang") == dang {
		t.Fatal("the new edition did not renumber the passages")
	}
	check("after the re-import")
}

func TestAddCorrectionRefusesBadInput(t *testing.T) {
	ctx := context.Background()
	lib, _ := seeded(t)
	for _, c := range []data.Correction{
		{Target: data.TargetPerson, Action: "explode", Key: "Liang"},
		{Target: data.TargetPerson, Action: data.FixHide, Key: "  "},
		{Target: data.TargetPerson, Action: data.FixKind, Key: "Liang", Value: "place"},
		{Target: data.TargetEvent, Action: data.FixDate, Key: "x", Value: "Feb 11"},
		{Target: data.TargetEvent, Action: data.FixAdd, Key: "x", Value: "2016-02-11"},
		{Target: "article", Action: data.FixHide, Key: "x"},
	} {
		if _, err := lib.AddCorrection(ctx, c); data.ErrorCode(err) != data.EINVALID {
			t.Errorf("%+v: error %v, want EINVALID", c, err)
		}
	}
	if cs, _ := lib.Corrections(ctx, ""); len(cs) != 0 {
		t.Errorf("refused corrections were stored: %+v", cs)
	}
	// A second correction of the same kind replaces the first.
	for _, role := range []string{"one", "two"} {
		if _, err := lib.AddCorrection(ctx, data.Correction{Target: data.TargetPerson, Action: data.FixRole, Key: "Liang", Value: role}); err != nil {
			t.Fatal(err)
		}
	}
	cs, _ := lib.Corrections(ctx, data.TargetPerson)
	if len(cs) != 1 || cs[0].Value != "two" {
		t.Errorf("corrections %+v, want the second role only", cs)
	}
	if err := lib.DeleteCorrection(ctx, cs[0].ID); err != nil {
		t.Fatal(err)
	}
	if err := lib.DeleteCorrection(ctx, cs[0].ID); data.ErrorCode(err) != data.ENOTFOUND {
		t.Errorf("deleting twice: %v", err)
	}
}

// TestRecorrectAppliesANewCorrectionWithoutExtracting: after the student
// hides or fixes an entry, the views apply the corrections again to the
// extraction they have rather than extracting every article again (seconds
// for 2,000 articles). The result is what a full Load gives.
func TestRecorrectAppliesANewCorrectionWithoutExtracting(t *testing.T) {
	ctx := context.Background()
	lib, _ := seeded(t)
	c := load(t, lib)
	conviction := event(c, "2016-02-11", 1, 4)
	if conviction == nil {
		t.Fatal("no conviction")
	}
	if _, err := glance.FixEvent(ctx, lib, c, *conviction, data.FixLabel, "Liang found guilty"); err != nil {
		t.Fatal(err)
	}
	if _, err := lib.AddCorrection(ctx, data.Correction{Target: data.TargetPerson, Action: data.FixMerge, Key: "Schectman", Value: "Paul Shechtman"}); err != nil {
		t.Fatal(err)
	}
	got, err := glance.Recorrect(ctx, lib, c)
	if err != nil {
		t.Fatal(err)
	}
	want := load(t, lib)
	if e := event(got, "2016-02-11", 1, 4); e == nil || e.Label != "Liang found guilty" {
		t.Errorf("the label fix is not applied: %+v", e)
	}
	if p := person(got, "Schectman"); p != nil {
		t.Errorf("the merge is not applied: %+v", p)
	}
	if !reflect.DeepEqual(got.People, want.People) || !reflect.DeepEqual(got.Timeline, want.Timeline) {
		t.Errorf("Recorrect differs from Load")
	}
	// The extraction it started from is left as it was.
	if e := event(c, "2016-02-11", 1, 4); e == nil || e.Label == "Liang found guilty" || person(c, "Schectman") == nil {
		t.Errorf("Recorrect changed the case it was given")
	}
	// The articles themselves are not read again: an article imported
	// since is not in it (an import extracts again, with Load).
	if _, err := lib.SyncArticles(ctx, []data.NewArticle{{Origin: "test:extra", Meta: data.Meta{Title: "Extra"}, Original: "Officer Jane Roe was sentenced on March 3, 2016.", Passages: []data.NewPassage{{Kind: data.KindBody, Text: "Officer Jane Roe was sentenced on March 3, 2016."}}}}); err != nil {
		t.Fatal(err)
	}
	again, err := glance.Recorrect(ctx, lib, got)
	if err != nil {
		t.Fatal(err)
	}
	if person(again, "Jane Roe") != nil || len(again.Timeline) != len(got.Timeline) {
		t.Errorf("Recorrect extracted again")
	}
}
