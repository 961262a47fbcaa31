package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The contract: `compare A B --json` prints pairs and differences; the
// student sees AFRO's 800 hours against NBC's 500 with both passages.
func TestCompareCLI(t *testing.T) {
	db := newDB(t)
	r := casebook(t, db, "compare", "1", "3", "--json")
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	var out struct {
		Pairs []struct {
			A       struct{ Para int } `json:"a"`
			B       struct{ Para int } `json:"b"`
			Score   float64            `json:"score"`
			Because []string           `json:"because"`
		} `json:"pairs"`
		Differences []struct {
			Topic string `json:"topic"`
			A     struct {
				Para int    `json:"para"`
				Text string `json:"text"`
			} `json:"a"`
			B struct {
				Para int    `json:"para"`
				Text string `json:"text"`
			} `json:"b"`
		} `json:"differences"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &out); err != nil {
		t.Fatalf("%v in %s", err, r.stdout)
	}
	found := false
	for _, p := range out.Pairs {
		if p.A.Para == 3 && p.B.Para == 7 && strings.Contains(strings.Join(p.Because, " "), "ricocheted") {
			found = true
		}
	}
	if !found {
		t.Errorf("no ricochet pair 3/7 in %s", r.stdout)
	}
	found = false
	for _, d := range out.Differences {
		if d.Topic == "hours of community service" && d.A.Para == 4 && d.A.Text == "800 hours of community service" && d.B.Para == 5 && d.B.Text == "500 hours of community service" {
			found = true
		}
	}
	if !found {
		t.Errorf("no 800/500 difference in %s", r.stdout)
	}

	r = casebook(t, db, "compare", "1", "3")
	if r.code != 0 || !strings.Contains(r.stdout, "A ¶4: 800 hours of community service") || !strings.Contains(r.stdout, "B ¶5: 500 hours of community service") || !strings.Contains(r.stdout, "A ¶3 ↔ B ¶7") {
		t.Errorf("text form (exit %d):\n%s%s", r.code, r.stdout, r.stderr)
	}

	for _, bad := range []struct {
		args []string
		code int
		msg  string
	}{
		{[]string{"compare", "1"}, 2, "two article ids"},
		{[]string{"compare", "1", "x"}, 2, `"x" is not an article id`},
		{[]string{"compare", "1", "1"}, 1, "two different articles"},
		{[]string{"compare", "1", "99"}, 1, "no article 99"},
	} {
		r := casebook(t, db, bad.args...)
		if r.code != bad.code || !strings.Contains(r.stderr, bad.msg) {
			t.Errorf("%v: exit %d, stderr %q; want %d and %q", bad.args, r.code, r.stderr, bad.code, bad.msg)
		}
	}
}

// Two reports a student imports from text files: the alignment and the
// flags work on them as on the bundled articles.
func TestCompareImportedPair(t *testing.T) {
	db := newDB(t)
	dir := t.TempDir()
	a := "Library branch to close after judge tosses lawsuit\n\n" +
		"The city council voted on Monday to close the Riverside library branch, citing a budget gap.\n\n" +
		"Councilwoman Maria Delgado said the closure would save $2 million a year.\n\n" +
		"Judge Harold Brenner dismissed the residents' lawsuit against the closure on Aug. 14.\n"
	b := "Riverside residents lose fight for their library\n\n" +
		"A judge threw out a lawsuit by Riverside residents on Aug. 15, clearing the way for the library's closure.\n\n" +
		"Delgado told reporters the council expects to save $3 million a year by closing the Riverside branch.\n"
	pa, pb := filepath.Join(dir, "riverside-a.txt"), filepath.Join(dir, "riverside-b.txt")
	if err := os.WriteFile(pa, []byte(a), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(pb, []byte(b), 0o600); err != nil {
		t.Fatal(err)
	}
	if r := casebook(t, db, "import", pa, pb); r.code != 0 {
		t.Fatalf("import: %s", r.stderr)
	}
	r := casebook(t, db, "compare", "4", "5", "--json")
	var out struct {
		Pairs []struct {
			A struct{ Para int } `json:"a"`
			B struct{ Para int } `json:"b"`
		} `json:"pairs"`
		Differences []struct {
			Topic string `json:"topic"`
			A     struct {
				Text string `json:"text"`
			} `json:"a"`
			B struct {
				Text string `json:"text"`
			} `json:"b"`
		} `json:"differences"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &out); err != nil {
		t.Fatalf("%v: %s %s", err, r.stdout, r.stderr)
	}
	got := map[string]string{}
	for _, d := range out.Differences {
		got[d.Topic] = d.A.Text + " / " + d.B.Text
	}
	want := map[string]string{"amount": "$2 million / $3 million", "date of the lawsuit": "Aug. 14 / Aug. 15"}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s: %q, want %q (all: %v)", k, got[k], v, got)
		}
	}
	if len(out.Pairs) < 2 {
		t.Errorf("pairs: %+v", out.Pairs)
	}
}
