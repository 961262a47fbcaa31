package main

import (
	"encoding/json"
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
		if p.A.Para == 4 && p.B.Para == 9 && strings.Contains(strings.Join(p.Because, " "), "ricocheted") {
			found = true
		}
	}
	if !found {
		t.Errorf("no ricochet pair 4/9 in %s", r.stdout)
	}
	found = false
	for _, d := range out.Differences {
		if d.Topic == "hours of community service" && d.A.Para == 5 && d.A.Text == "800 hours of community service" && d.B.Para == 7 && d.B.Text == "500 hours of community service" {
			found = true
		}
	}
	if !found {
		t.Errorf("no 800/500 difference in %s", r.stdout)
	}

	r = casebook(t, db, "compare", "1", "3")
	if r.code != 0 || !strings.Contains(r.stdout, "A ¶5: 800 hours of community service") || !strings.Contains(r.stdout, "B ¶7: 500 hours of community service") || !strings.Contains(r.stdout, "A ¶4 ↔ B ¶9") {
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
