package main

import (
	"encoding/json"
	"strings"
	"testing"
)

type refJSON struct {
	Article int64  `json:"article"`
	Para    *int   `json:"para"`
	Kind    string `json:"kind"`
}

type personJSON struct {
	Name      string    `json:"name"`
	Kind      string    `json:"kind"`
	Role      string    `json:"role"`
	Aliases   []string  `json:"aliases"`
	Mentions  []refJSON `json:"mentions"`
	VariantOf string    `json:"variant_of"`
}

type eventJSON struct {
	Date      *string   `json:"date"`
	Precision string    `json:"precision"`
	Label     string    `json:"label"`
	Passages  []refJSON `json:"passages"`
	Disputed  bool      `json:"disputed"`
	Added     bool      `json:"added"`
}

func peopleJSON(t *testing.T, db string) map[string]personJSON {
	t.Helper()
	r := casebook(t, db, "people", "--json")
	if r.code != 0 {
		t.Fatalf("people --json: %d %s", r.code, r.stderr)
	}
	var ps []personJSON
	if err := json.Unmarshal([]byte(r.stdout), &ps); err != nil {
		t.Fatalf("people --json: %v\n%s", err, r.stdout)
	}
	m := map[string]personJSON{}
	for _, p := range ps {
		m[p.Name] = p
	}
	return m
}

func timelineJSON(t *testing.T, db string) []eventJSON {
	t.Helper()
	r := casebook(t, db, "timeline", "--json")
	if r.code != 0 {
		t.Fatalf("timeline --json: %d %s", r.code, r.stderr)
	}
	var es []eventJSON
	if err := json.Unmarshal([]byte(r.stdout), &es); err != nil {
		t.Fatalf("timeline --json: %v\n%s", err, r.stdout)
	}
	return es
}

func TestPeople(t *testing.T) {
	db := newDB(t)
	ps := peopleJSON(t, db)
	for _, name := range []string{"Peter Liang", "Akai Gurley", "Kimberly Ballinger", "Ken Thompson", "Danny Chun", "Melissa Butler"} {
		if p, ok := ps[name]; !ok || p.Kind != "person" || len(p.Mentions) == 0 {
			t.Errorf("%s: %+v", name, p)
		}
	}
	for _, name := range []string{"New York Police Department", "Asian Pacific American Labor Alliance", "CAAAV", "Patrolmen's Benevolent Association"} {
		if p, ok := ps[name]; !ok || p.Kind != "organisation" {
			t.Errorf("%s: %+v", name, p)
		}
	}
	if !contains(ps["New York Police Department"].Aliases, "NYPD") || !contains(ps["Asian Pacific American Labor Alliance"].Aliases, "APALA") {
		t.Errorf("abbreviations not merged: %+v %+v", ps["New York Police Department"], ps["Asian Pacific American Labor Alliance"])
	}
	if ps["Schectman"].VariantOf != "Paul Shechtman" {
		t.Errorf("Schectman: %+v", ps["Schectman"])
	}
	if ps["Paul Shechtman"].Role != "Liang’s attorney" || ps["Cathy Dang"].Role != "executive director of CAAAV Organizing Asian Communities" {
		t.Errorf("roles: %q, %q", ps["Paul Shechtman"].Role, ps["Cathy Dang"].Role)
	}
	// The first mention is the photo caption above the first article: not
	// numbered, so para is null and the kind says what it is.
	m := ps["Peter Liang"].Mentions[0]
	if m.Article != 1 || m.Para != nil || m.Kind != "caption" {
		t.Errorf("first mention of Liang: %+v", m)
	}
	if m := ps["Peter Liang"].Mentions[1]; m.Para == nil || *m.Para != 3 || m.Kind != "body" {
		t.Errorf("second mention of Liang: %+v", m)
	}
	for _, bad := range []string{"Tuesday", "Brooklyn", "Image", "AP", "Reuters", "New York", "Ex-Cop Peter Liang Apologizes"} {
		if _, ok := ps[bad]; ok {
			t.Errorf("%q is in the index", bad)
		}
	}

	r := casebook(t, db, "people", "--kind", "organisation")
	if r.code != 0 || !strings.HasPrefix(r.stdout, "ORGANISATIONS") || strings.Contains(r.stdout, "Peter Liang —") {
		t.Errorf("people --kind organisation: %d\n%s", r.code, r.stdout)
	}
}

func TestTimeline(t *testing.T) {
	db := newDB(t)
	es := timelineJSON(t, db)
	var conviction, sentencing *eventJSON
	for i, e := range es {
		if e.Date != nil && *e.Date == "2016-02-11" && strings.Contains(e.Label, "convicted") {
			conviction = &es[i]
		}
		if e.Disputed {
			sentencing = &es[i]
		}
	}
	if conviction == nil || conviction.Precision != "day" {
		t.Fatalf("no conviction on 2016-02-11: %+v", es)
	}
	arts := map[int64]bool{}
	for _, p := range conviction.Passages {
		arts[p.Article] = true
	}
	if len(arts) != 3 {
		t.Errorf("conviction reported by articles %v, want all three", arts)
	}
	if sentencing == nil || !strings.Contains(sentencing.Label, "probation") {
		t.Errorf("disputed sentencing: %+v", sentencing)
	}
	last := es[len(es)-1]
	if last.Date != nil || last.Precision != "unresolved" {
		t.Errorf("unresolved events should come last with date null: %+v", last)
	}
}

func TestCorrectionsFromTheCommandLine(t *testing.T) {
	db := newDB(t)
	for _, args := range [][]string{
		{"people", "hide", "John Kasich"},
		{"people", "rename", "Schectman", "Paul Shechtman (misspelt)"},
		{"people", "role", "Kimberly Ballinger", "Akai", "Gurley's", "domestic", "partner"},
		{"timeline", "hide", "2"},
		{"timeline", "add", "3:13", "2016-03-23", "CAAAV", "criticises", "the", "recommendation"},
	} {
		if r := casebook(t, db, args...); r.code != 0 {
			t.Fatalf("%v: %d %s", args, r.code, r.stderr)
		}
	}
	ps := peopleJSON(t, db)
	if _, ok := ps["John Kasich"]; ok {
		t.Error("John Kasich not hidden")
	}
	if _, ok := ps["Paul Shechtman (misspelt)"]; !ok {
		t.Error("rename lost")
	}
	if ps["Kimberly Ballinger"].Role != "Akai Gurley's domestic partner" {
		t.Errorf("role: %q", ps["Kimberly Ballinger"].Role)
	}
	es := timelineJSON(t, db)
	added := false
	for _, e := range es {
		if e.Date != nil && *e.Date == "2015-05" {
			t.Errorf("entry 2 (the lawsuit of May 2015) not hidden: %+v", e)
		}
		if e.Added && e.Label == "CAAAV criticises the recommendation" && len(e.Passages) == 1 && *e.Passages[0].Para == 13 {
			added = true
		}
	}
	if !added {
		t.Errorf("added event missing: %+v", es)
	}
	r := casebook(t, db, "corrections")
	if r.code != 0 || strings.Count(r.stdout, "\n") != 5 {
		t.Fatalf("corrections: %d\n%s", r.code, r.stdout)
	}
	if r := casebook(t, db, "corrections", "undo", "1"); r.code != 0 {
		t.Fatalf("undo: %d %s", r.code, r.stderr)
	}
	if _, ok := peopleJSON(t, db)["John Kasich"]; !ok {
		t.Error("undo did not bring John Kasich back")
	}

	for _, c := range []struct {
		args []string
		code int
	}{
		{[]string{"people", "hide", "Nobody Here"}, 1},
		{[]string{"people", "merge", "Schectman", "Nobody Here"}, 1},
		{[]string{"people", "rename", "Liang"}, 2},
		{[]string{"people", "kind", "Liang", "place"}, 1},
		{[]string{"timeline", "hide", "999"}, 1},
		{[]string{"timeline", "hide", "x"}, 2},
		{[]string{"timeline", "date", "1", "Feb 11"}, 1},
		{[]string{"timeline", "add", "3:999", "2016-01-01", "x"}, 1},
		{[]string{"people", "extra"}, 2},
		{[]string{"corrections", "undo", "99"}, 1},
	} {
		r := casebook(t, db, c.args...)
		if r.code != c.code || strings.Count(strings.TrimSpace(r.stderr), "\n") != 0 && c.code == 1 {
			t.Errorf("%v: exit %d (%q), want %d", c.args, r.code, r.stderr, c.code)
		}
	}
}

func contains(xs []string, s string) bool {
	for _, x := range xs {
		if x == s {
			return true
		}
	}
	return false
}

func TestExportIncludesTimelineAndPeople(t *testing.T) {
	db := newDB(t)
	r := casebook(t, db, "export", "--format", "md", "--include", "timeline,people")
	if r.code != 0 {
		t.Fatalf("export: %d %s", r.code, r.stderr)
	}
	for _, want := range []string{"## Timeline", "## People and organisations", "Liang convicted of manslaughter", "## References"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("export lacks %q", want)
		}
	}
	if strings.Contains(r.stderr, "Nothing to export") {
		t.Errorf("stderr: %s", r.stderr)
	}
	for _, args := range [][]string{
		{"export", "--format", "md", "--include", "places"},
		{"export", "--format", "csv", "--include", "timeline"},
	} {
		if r := casebook(t, db, args...); r.code != 2 {
			t.Errorf("%v: exit %d, want 2 (%s)", args, r.code, r.stderr)
		}
	}
}
