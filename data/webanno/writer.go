package webanno

import (
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/casebookapp/casebook/data"
)

// WriteBundle writes annotations as a W3C AnnotationCollection, labelled
// with title. Its id is derived from the annotations and the time, so the
// same export gives the same file. The outlines (nil for none) go in the
// collection's "casebook:outlines": each an ordered
// collection (ActivityStreams' OrderedCollection) of sections, each an
// ordered collection of items. A highlight or note item names its
// annotation in the file; a passage item is a target quoting the passage.
func WriteBundle(w io.Writer, title string, created time.Time, anns []data.Annotation, outlines []data.SharedOutline) error {
	c := jsonCollection{
		Context: []any{annoContext, map[string]string{"casebook": namespace}},
		Type:    "AnnotationCollection",
		Label:   title,
		Created: stamp(created),
		Total:   len(anns),
		First:   &jsonPage{Type: "AnnotationPage", Items: make([]jsonAnno, 0, len(anns))},
	}
	h := sha256.New()
	io.WriteString(h, c.Created)
	for _, a := range anns {
		io.WriteString(h, a.UID+"\n")
		c.First.Items = append(c.First.Items, toJSON(a))
	}
	for _, o := range outlines {
		c.Outlines = append(c.Outlines, outlineJSON(o))
	}
	s := h.Sum(nil)
	s[6] = s[6]&0x0f | 0x80 // version 8: a custom, name-based UUID
	s[8] = s[8]&0x3f | 0x80
	c.ID = fmt.Sprintf("urn:uuid:%x-%x-%x-%x-%x", s[0:4], s[4:6], s[6:8], s[8:10], s[10:16])
	// The embedded page needs an IRI of its own: the collection's, with a
	// fragment.
	c.First.ID = c.ID + "#page1"
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(c)
}

func outlineJSON(o data.SharedOutline) jsonOutline {
	j := jsonOutline{ID: annotationIRI(o.UID), Type: "OrderedCollection", Label: o.Name, Template: o.Template,
		Created: stamp(o.Created), Modified: stamp(o.Modified), Total: len(o.Sections), Items: []jsonSection{}}
	for _, s := range o.Sections {
		js := jsonSection{Type: "OrderedCollection", Label: s.Heading, Text: s.Text, Total: len(s.Items), Items: []jsonItem{}}
		for _, it := range s.Items {
			ji := jsonItem{Type: "casebook:" + string(it.Kind)}
			if it.Kind == data.ItemPassage {
				t := toJSON(data.Annotation{Source: it.Source, Title: it.Title, Hash: it.Hash, Quote: it.Text, Para: it.Para, End: len([]rune(it.Text))}).Target
				ji.Target = &t
			} else {
				ji.Annotation = annotationIRI(it.UID)
			}
			js.Items = append(js.Items, ji)
		}
		j.Items = append(j.Items, js)
	}
	return j
}

func toJSON(a data.Annotation) jsonAnno {
	j := jsonAnno{ID: annotationIRI(a.UID), Type: "Annotation", Motivation: a.Motivation, Created: stamp(a.Created), Modified: stamp(a.Modified)}
	if a.Highlight != "" {
		j.Highlight = annotationIRI(a.Highlight)
	}
	if a.Creator != "" {
		j.Creator = &jsonAgent{Type: "Person", Name: a.Creator}
	}
	if a.Motivation == Commenting {
		j.Body = append(j.Body, jsonBody{Type: "TextualBody", Value: a.Body, Format: "text/markdown", Purpose: "commenting"})
	}
	for _, t := range a.Tags {
		j.Body = append(j.Body, jsonBody{Type: "TextualBody", Value: t, Purpose: "tagging"})
	}
	if a.Colour != "" {
		j.Body = append(j.Body, jsonBody{Type: "TextualBody", Value: a.Colour, Purpose: "highlighting"})
	}
	exact := a.Quote
	j.Target = jsonTarget{
		Type:     "SpecificResource",
		Source:   jsonSource{ID: a.Source, Type: "Text", Title: a.Title, Hash: a.Hash},
		Selector: []jsonSelector{{Type: "TextQuoteSelector", Exact: &exact, Prefix: a.Prefix, Suffix: a.Suffix}},
	}
	if a.Para > 0 {
		start, end := a.Start, a.End
		j.Target.Selector = append(j.Target.Selector, jsonSelector{
			Type: "FragmentSelector", ConformsTo: paraConformsTo, Value: "para=" + strconv.Itoa(a.Para),
			RefinedBy: &jsonSelector{Type: "TextPositionSelector", Start: &start, End: &end},
		})
	}
	return j
}

// annotationIRI returns the IRI of an annotation, or of the highlight a note
// is on: a Casebook UID as a "urn:uuid:" IRI, and an id that is an IRI
// already (one merged from another tool, "https://hypothes.is/a/...") as it
// is. ReadBundle removes the "urn:uuid:" again.
func annotationIRI(uid string) string {
	if strings.Contains(uid, ":") {
		return uid
	}
	return "urn:uuid:" + uid
}

// stamp formats a time as xsd:dateTime in UTC, or "" for the zero time.
func stamp(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339Nano)
}
