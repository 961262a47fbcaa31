package sqlite_test

import (
	"context"
	"reflect"
	"strings"
	"testing"

	"github.com/casebookapp/casebook/data"
	"github.com/casebookapp/casebook/data/compare"
)

var (
	judgeA = article("test:judge-a",
		"body|The judge imposed 800 hours of community service on Tuesday.",
		"body|Weather was fine.")
	judgeB = article("test:judge-b",
		"body|Prosecutors had asked the judge for 500 hours of community service on Tuesday.")
)

func TestCompareAndDecide(t *testing.T) {
	ctx := context.Background()
	l := openTest(t)
	a := mustImport(t, l, judgeA)
	b := mustImport(t, l, judgeB)
	if _, err := l.Compare(ctx, a.ID, a.ID); data.ErrorCode(err) != data.EINVALID {
		t.Errorf("same article twice: %v", err)
	}
	if _, err := l.Compare(ctx, a.ID, 999); data.ErrorCode(err) != data.ENOTFOUND {
		t.Errorf("missing article: %v", err)
	}
	r, err := l.Compare(ctx, a.ID, b.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Pairs) != 1 || len(r.Differences) != 1 {
		t.Fatalf("comparison %+v", r)
	}
	// The comparison carries the passages it compared, so that those who
	// show it need not read them again.
	for i, id := range []int64{a.ID, b.ID} {
		ps, _ := l.Passages(ctx, id)
		want := map[int]string{}
		for _, p := range ps {
			if p.N > 0 {
				want[p.N] = p.Text
			}
		}
		if got := r.Texts()[i]; !reflect.DeepEqual(got, want) {
			t.Errorf("side %d texts %v, want %v", i, got, want)
		}
	}
	d := r.Differences[0]
	if d.A != (compare.Side{Para: 1, Text: "800 hours of community service"}) || d.B != (compare.Side{Para: 1, Text: "500 hours of community service"}) {
		t.Fatalf("difference %+v", d)
	}

	dis, err := l.MarkDisagreement(ctx, a.ID, b.ID, d)
	if err != nil {
		t.Fatal(err)
	}
	if dis.HighlightA.Colour != "red" || dis.HighlightA.Quote != d.A.Text || dis.HighlightB.Quote != d.B.Text {
		t.Errorf("highlights %+v %+v", dis.HighlightA, dis.HighlightB)
	}
	if dis.NoteA.HighlightID != dis.HighlightA.ID || dis.NoteB.HighlightID != dis.HighlightB.ID ||
		!strings.Contains(dis.NoteA.Body, "“800 hours of community service”") || !strings.Contains(dis.NoteA.Body, "“500 hours of community service”") {
		t.Errorf("notes %+v %+v", dis.NoteA, dis.NoteB)
	}
	// Compared the other way round, the decision is found, sides swapped.
	for _, ids := range [][2]int64{{a.ID, b.ID}, {b.ID, a.ID}} {
		ds, err := l.CompareDecisions(ctx, ids[0], ids[1])
		if err != nil || len(ds) != 1 || ds[0].Status != compare.FlagDisputed || ds[0].NoteID != dis.NoteA.ID {
			t.Fatalf("decisions %v: %+v %v", ids, ds, err)
		}
		rr, _ := l.Compare(ctx, ids[0], ids[1])
		if !ds[0].Matches(rr.Differences[0]) {
			t.Errorf("decision %+v does not match %+v", ds[0], rr.Differences[0])
		}
	}
	if err := l.DismissDifference(ctx, b.ID, a.ID, compare.Difference{Topic: d.Topic, A: d.B, B: d.A}); err != nil {
		t.Fatal(err)
	}
	ds, _ := l.CompareDecisions(ctx, a.ID, b.ID)
	if len(ds) != 1 || ds[0].Status != compare.FlagDismissed {
		t.Errorf("after dismissing: %+v", ds)
	}

	// A failure half-way leaves nothing behind: paragraph 9 does not exist.
	bad := d
	bad.B.Para = 9
	hs, _ := l.Highlights(ctx, 0)
	if _, err := l.MarkDisagreement(ctx, a.ID, b.ID, bad); data.ErrorCode(err) != data.ENOTFOUND {
		t.Errorf("missing paragraph: %v", err)
	}
	if after, _ := l.Highlights(ctx, 0); len(after) != len(hs) {
		t.Errorf("a failed mark left %d highlights, had %d", len(after), len(hs))
	}
}
