package export

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/casebookapp/casebook/data"
	"github.com/casebookapp/casebook/data/webanno"
	"github.com/casebookapp/casebook/internal/nodetest"
)

// TestW3CSuite checks the W3C export against every MUST of the W3C Web
// Annotation test suite (../shared/w3c-annotation-tests), validated with
// ajv: the collection, its embedded page (which needs an id) and each
// annotation, with a creator and with the prefix and suffix a whole
// paragraph takes from the paragraphs around it.
func TestW3CSuite(t *testing.T) {
	nodetest.Require(t)
	doc := fixture()
	for i := range doc.Entries {
		doc.Entries[i].before = "The paragraph before this one ends here."
		doc.Entries[i].after = "The paragraph after it starts here and goes on."
	}
	// An outline rides along in the collection: it must not break a MUST.
	var hl *data.Highlight
	var pe Entry
	for _, e := range doc.Entries {
		if e.Highlight != nil && hl == nil {
			hl, pe = e.Highlight, e
		}
	}
	doc.Outlines = []data.Outline{{UID: "6f1c2d3e-0000-4000-8000-000000000001", Name: "Liang brief", Template: "brief",
		Sections: []data.Section{
			{Heading: "Facts", Text: "What happened.", Items: []data.OutlineItem{
				{Kind: data.ItemHighlight, ArticleID: pe.Article.ID, Para: pe.Passage.N, Highlight: hl},
				{Kind: data.ItemPassage, ArticleID: pe.Article.ID, Para: pe.Passage.N, Text: pe.Passage.Text},
			}},
			{Heading: "Issue"},
		}}}
	out, _ := write(t, doc, Options{Format: JSON, Creator: "Mei Chen"})
	if !bytes.Contains(out, []byte(`"casebook:outlines"`)) {
		t.Fatal("the outline is not in the collection")
	}

	var coll struct {
		First struct {
			ID    string `json:"id"`
			Items []struct {
				Creator struct{ Type, Name string } `json:"creator"`
				Target  struct {
					Selector []struct{ Type, Exact, Prefix, Suffix string } `json:"selector"`
				} `json:"target"`
			} `json:"items"`
		} `json:"first"`
	}
	if err := json.Unmarshal(out, &coll); err != nil {
		t.Fatal(err)
	}
	if coll.First.ID == "" {
		t.Error("the AnnotationPage has no id")
	}
	whole := 0
	for _, it := range coll.First.Items {
		if it.Creator.Name != "Mei Chen" || it.Creator.Type != "Person" {
			t.Errorf("creator = %+v, want the Person Mei Chen", it.Creator)
		}
		q := it.Target.Selector[0]
		if q.Prefix == "" || q.Suffix == "" {
			t.Errorf("annotation on %q has no prefix or suffix", q.Exact)
		}
		if strings.HasSuffix(q.Prefix, "ends here.\n") {
			whole++
		}
	}
	if whole == 0 {
		t.Error("no annotation at the start of its paragraph took its prefix from the paragraph before")
	}

	in, err := json.Marshal(map[string]any{
		"suite": filepath.Join(nodetest.Shared(), "w3c-annotation-tests"),
		"doc":   json.RawMessage(out),
	})
	if err != nil {
		t.Fatal(err)
	}
	var results []struct {
		Target, Assertion, Message string
		OK                         bool
	}
	if err := json.Unmarshal(nodetest.Run(t, "w3c.js", in), &results); err != nil {
		t.Fatal(err)
	}
	passed := 0
	for _, r := range results {
		if r.OK {
			passed++
		} else {
			t.Errorf("%s fails %s: %s", r.Target, r.Assertion, r.Message)
		}
	}
	if len(results) < 3*10 {
		t.Fatalf("only %d assertions ran", len(results))
	}
	t.Logf("%d of %d W3C MUST assertions pass (%d annotations)", passed, len(results), len(coll.First.Items))

	// Read back, an annotation keeps only its paragraph's own context.
	anns, _, err := webanno.ReadBundle(bytes.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range anns {
		if strings.Contains(a.Prefix, "ends here") || strings.Contains(a.Suffix, "starts here") {
			t.Errorf("the neighbouring paragraphs' text was read back as context: %q / %q", a.Prefix, a.Suffix)
		}
		if a.Creator != "Mei Chen" {
			t.Errorf("creator read back as %q", a.Creator)
		}
	}
}
