package webanno

import (
	"bytes"
	"encoding/json"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/casebookapp/casebook/data"
)

func TestReadBundleErrors(t *testing.T) {
	const ctx = `"@context":"http://www.w3.org/ns/anno.jsonld",`
	const target = `"target":{"source":"https://example.com/a","selector":{"type":"TextQuoteSelector","exact":"Liang"}}`
	tests := map[string]struct {
		in   string
		want string // a phrase the message must contain
	}{
		"not JSON":           {`{"@context": `, "not valid JSON"},
		"a number":           {`42`, "JSON number"},
		"no context":         {`{"id":"urn:uuid:1","type":"Annotation",` + target + `}`, "no @context; a Web Annotation needs"},
		"wrong context":      {`{"@context":"http://schema.org/","id":"urn:uuid:1","type":"Annotation",` + target + `}`, "without"},
		"no id":              {`{` + ctx + `"type":"Annotation",` + target + `}`, `no "id"`},
		"wrong type":         {`{` + ctx + `"id":"urn:uuid:1","type":"Note",` + target + `}`, `not "Annotation"`},
		"no target":          {`{` + ctx + `"id":"urn:uuid:1","type":"Annotation"}`, `no "target"`},
		"target is address":  {`{` + ctx + `"id":"urn:uuid:1","type":"Annotation","target":"https://example.com/a"}`, "only an address"},
		"no source":          {`{` + ctx + `"id":"urn:uuid:1","type":"Annotation","target":{"selector":{"type":"TextQuoteSelector","exact":"x"}}}`, `no "source"`},
		"no quote selector":  {`{` + ctx + `"id":"urn:uuid:1","type":"Annotation","target":{"source":"s","selector":{"type":"TextPositionSelector","start":1,"end":2}}}`, "no TextQuoteSelector"},
		"empty exact":        {`{` + ctx + `"id":"urn:uuid:1","type":"Annotation","target":{"source":"s","selector":{"type":"TextQuoteSelector","exact":""}}}`, `no "exact"`},
		"bad para":           {`{` + ctx + `"id":"urn:uuid:1","type":"Annotation","target":{"source":"s","selector":[{"type":"TextQuoteSelector","exact":"x"},{"type":"FragmentSelector","conformsTo":"` + paraConformsTo + `","value":"page=2"}]}}`, "para=N"},
		"bad position":       {`{` + ctx + `"id":"urn:uuid:1","type":"Annotation","target":{"source":"s","selector":[{"type":"TextQuoteSelector","exact":"x"},{"type":"FragmentSelector","conformsTo":"` + paraConformsTo + `","value":"para=2","refinedBy":{"type":"TextPositionSelector","start":5,"end":2}}]}}`, "start ≤ end"},
		"bad time":           {`{` + ctx + `"id":"urn:uuid:1","type":"Annotation","modified":"yesterday",` + target + `}`, `"modified" is "yesterday"`},
		"body not text":      {`{` + ctx + `"id":"urn:uuid:1","type":"Annotation","body":{"type":"TextualBody","value":3},` + target + `}`, `no text "value"`},
		"duplicate ids":      {`[{` + ctx + `"id":"urn:uuid:1","type":"Annotation",` + target + `},{` + ctx + `"id":"urn:uuid:1","type":"Annotation",` + target + `}]`, "same id"},
		"array of strings":   {`["a"]`, "not an annotation object"},
		"linked page":        {`{` + ctx + `"type":"AnnotationCollection","total":3,"first":"https://example.com/page1"}`, "is a link"},
		"page without items": {`{` + ctx + `"type":"AnnotationPage"}`, `no "items"`},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			got, _, err := ReadBundle(strings.NewReader(tc.in))
			if err == nil {
				t.Fatalf("no error; got %+v", got)
			}
			if data.ErrorCode(err) != data.EINVALID {
				t.Errorf("code = %q, want invalid", data.ErrorCode(err))
			}
			if !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %q does not say %q", err, tc.want)
			}
		})
	}
}

// TestReadBundleOther reads annotations as other tools write them:
// one annotation, one body object, a source address, a BOM.
func TestReadBundleOther(t *testing.T) {
	in := "\ufeff" + `{
  "@context": "http://www.w3.org/ns/anno.jsonld",
  "id": "https://hypothes.is/a/abc123",
  "type": "Annotation",
  "created": "2016-04-20T12:00:00+02:00",
  "body": {"type": "TextualBody", "value": "Compare with the DA's letter."},
  "target": {"source": "https://afro.com/x", "selector": [
    {"type": "TextPositionSelector", "start": 100, "end": 110},
    {"type": "TextQuoteSelector", "exact": "jail time", "prefix": "no ", "suffix": " sentence"}
  ]}
}`
	got, _, err := ReadBundle(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	created := time.Date(2016, time.April, 20, 10, 0, 0, 0, time.UTC)
	want := []data.Annotation{{
		UID: "https://hypothes.is/a/abc123", Motivation: Commenting, Source: "https://afro.com/x",
		Quote: "jail time", Prefix: "no ", Suffix: " sentence", Body: "Compare with the DA's letter.",
	}}
	if len(got) != 1 || !got[0].Created.Equal(created) || !got[0].Modified.Equal(created) {
		t.Fatalf("got %+v, want created = modified = %v", got, created)
	}
	got[0].Created, got[0].Modified = time.Time{}, time.Time{}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got  %+v\nwant %+v", got, want)
	}
}

// TestAnnotationIRI checks that an annotation id and the highlight a note
// links to are written the same way: a Casebook UID as a urn:uuid, and an id
// merged from another tool, already an IRI, as it is, so both read back.
func TestAnnotationIRI(t *testing.T) {
	tests := map[string]struct {
		uid, want string
	}{
		"casebook uid": {"4d1b1f0a-0001-4000-8000-000000000001", "urn:uuid:4d1b1f0a-0001-4000-8000-000000000001"},
		"merged iri":   {"https://hypothes.is/a/abc123", "https://hypothes.is/a/abc123"},
		"urn already":  {"urn:uuid:4d1b1f0a-0001-4000-8000-000000000001", "urn:uuid:4d1b1f0a-0001-4000-8000-000000000001"},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			an := []data.Annotation{
				{UID: tc.uid, Motivation: Highlighting, Source: "https://example.com/a", Quote: "Liang", Colour: "yellow"},
				{UID: "n1", Motivation: Commenting, Source: "https://example.com/a", Quote: "Liang", Body: "note", Highlight: tc.uid},
			}
			var b bytes.Buffer
			if err := WriteBundle(&b, "t", time.Date(2026, time.May, 5, 10, 0, 0, 0, time.UTC), an, nil); err != nil {
				t.Fatal(err)
			}
			var file struct {
				First struct {
					Items []struct {
						ID        string `json:"id"`
						Highlight string `json:"casebook:highlight"`
					} `json:"items"`
				} `json:"first"`
			}
			if err := json.Unmarshal(b.Bytes(), &file); err != nil {
				t.Fatal(err)
			}
			items := file.First.Items
			if len(items) != 2 || items[0].ID != tc.want || items[1].Highlight != tc.want {
				t.Errorf("ids = %+v, want the highlight's id and the note's link both %q", items, tc.want)
			}
			back, _, err := ReadBundle(&b)
			if err != nil {
				t.Fatal(err)
			}
			if len(back) != 2 || back[1].Highlight != back[0].UID {
				t.Errorf("read back: the note links %q, the highlight is %q", back[1].Highlight, back[0].UID)
			}
		})
	}
}
