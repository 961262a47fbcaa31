package main

import (
	"archive/zip"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

// The walk-through from the shell: a case brief from the template,
// quotes in Facts and Reactions, shown, listed and exported to Word with APA
// citations.
func TestOutlineCLI(t *testing.T) {
	db := newDB(t)
	for _, step := range []struct {
		args []string
		out  string
	}{
		{[]string{"outline", "new", "Liang", "brief", "--template", "brief"}, `Created outline "Liang brief" with sections: Facts, Procedural history, Issue, Outcome, Reasoning, Reactions.`},
		{[]string{"outline", "add", "Liang brief", "Facts", "1:3"}, `Added article 1, para. 3 to "Liang brief" › Facts (1 quote, 0 notes).`},
		{[]string{"note", "add", "1:6", "APALA wanted jail time."}, "Added note"},
		{[]string{"outline", "add", "liang brief", "reactions", "1:6"}, "(1 quote, 1 note)"},
		{[]string{"outline", "new", "Essay", "--template", "essay"}, "Thesis, Claim 1, Claim 2, Counter-argument, Conclusion"},
	} {
		r := casebook(t, db, step.args...)
		if r.code != 0 || !strings.Contains(r.stdout, step.out) {
			t.Fatalf("%v: exit %d, %q %q; want %q", step.args, r.code, r.stdout, r.stderr, step.out)
		}
	}

	r := casebook(t, db, "outline", "show", "Liang brief", "--json")
	var o struct {
		Name     string `json:"name"`
		Template string `json:"template"`
		Sections []struct {
			Heading string `json:"heading"`
			Items   []struct {
				Kind     string   `json:"kind"`
				Article  int64    `json:"article"`
				Para     int      `json:"para"`
				Quotes   []string `json:"quotes"`
				Notes    []string `json:"notes"`
				Citation string   `json:"citation"`
			} `json:"items"`
		} `json:"sections"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &o); err != nil {
		t.Fatalf("%v: %s %s", err, r.stdout, r.stderr)
	}
	if o.Name != "Liang brief" || o.Template != "brief" || len(o.Sections) != 6 {
		t.Fatalf("outline %+v", o)
	}
	facts, reactions := o.Sections[0], o.Sections[5]
	if len(facts.Items) != 1 || facts.Items[0].Para != 3 || !strings.Contains(facts.Items[0].Quotes[0], "ricocheted") || !strings.Contains(facts.Items[0].Citation, "para. 3") {
		t.Errorf("Facts: %+v", facts)
	}
	if len(reactions.Items) != 1 || reactions.Items[0].Notes[0] != "APALA wanted jail time." {
		t.Errorf("Reactions: %+v", reactions)
	}

	r = casebook(t, db, "outline", "show", "Liang brief")
	if r.code != 0 || !strings.Contains(r.stdout, "1. Facts\n   - [passage 1:3] “On Nov. 20, 2014") || !strings.Contains(r.stdout, "note: APALA wanted jail time.") {
		t.Errorf("show:\n%s%s", r.stdout, r.stderr)
	}
	r = casebook(t, db, "outline", "list")
	if r.code != 0 || !strings.Contains(r.stdout, "Essay") || !strings.Contains(r.stdout, "Liang brief  brief     6         2") {
		t.Errorf("list:\n%s%s", r.stdout, r.stderr)
	}

	out := filepath.Join(t.TempDir(), "brief.docx")
	r = casebook(t, db, "export", "--format", "docx", "--style", "apa", "--scope", "outline:Liang brief", "--out", out)
	if r.code != 0 || !strings.Contains(r.stderr, "Wrote 2 quotes and 1 note from 1 article") {
		t.Fatalf("export: exit %d %s", r.code, r.stderr)
	}
	z, err := zip.OpenReader(out)
	if err != nil {
		t.Fatal(err)
	}
	defer z.Close()
	found := false
	for _, f := range z.File {
		found = found || f.Name == "word/document.xml"
	}
	if !found {
		t.Error("the export is not a Word document")
	}
	r = casebook(t, db, "export", "--format", "md", "--scope", "outline:Liang brief")
	at := 0
	for _, w := range []string{"# Liang brief", "## Facts", "ricocheted", "para. 3)", "## Procedural history", "## Reactions", "APALA wanted jail time.", "## References", "afro.com/asian-organization-opposes"} {
		i := strings.Index(r.stdout[at:], w)
		if i < 0 {
			t.Fatalf("%q missing or out of order in:\n%s", w, r.stdout)
		}
		at += i + len(w)
	}

	for _, bad := range []struct {
		args []string
		code int
		msg  string
	}{
		{[]string{"outline"}, 2, "new, add, show or list"},
		{[]string{"outline", "new"}, 2, "needs a name"},
		{[]string{"outline", "new", "X", "--template", "novel"}, 1, "brief, essay, compare, blank"},
		{[]string{"outline", "new", "liang BRIEF"}, 1, "already an outline"},
		{[]string{"outline", "add", "Liang brief", "Holding", "1:4"}, 1, `no section "Holding"`},
		{[]string{"outline", "add", "Nope", "Facts", "1:4"}, 1, `no outline "Nope"`},
		{[]string{"outline", "add", "Liang brief", "Facts", "1-4"}, 2, "not a paragraph reference"},
		{[]string{"outline", "show", "Nope"}, 1, "the outlines are: Essay, Liang brief"},
		{[]string{"export", "--format", "csv", "--scope", "outline:Liang brief"}, 1, "Word (docx), Markdown (md) or HTML"},
	} {
		r := casebook(t, db, bad.args...)
		if r.code != bad.code || !strings.Contains(r.stderr, bad.msg) {
			t.Errorf("%v: exit %d, stderr %q; want %d and %q", bad.args, r.code, r.stderr, bad.code, bad.msg)
		}
	}
}
