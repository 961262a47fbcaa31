package export

import (
	"bytes"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/casebookapp/casebook/data"
	"github.com/casebookapp/casebook/data/anchor"
	"github.com/casebookapp/casebook/data/export/cite"
)

// The W3C Web Annotation vocabulary and Casebook's own terms.
const (
	// AnnoContext is the JSON-LD context of the W3C Web Annotation Data Model.
	AnnoContext = "http://www.w3.org/ns/anno.jsonld"
	// Namespace is the IRI of Casebook's own terms, written with the
	// "casebook:" prefix.
	Namespace = "https://github.com/casebookapp/casebook/ns#"
	// ParaConformsTo identifies the FragmentSelector that names a paragraph
	// by its citation number: value "para=7".
	ParaConformsTo = Namespace + "paragraph"
)

// The motivations of Casebook's annotations.
const (
	Highlighting = "highlighting"
	Commenting   = "commenting"
)

// Annotation is one highlight or one note as a Web Annotation carries it:
// what a study group's merge needs to attach it to a passage and to decide
// which version is newer.
//
// In the JSON-LD, the target is a SpecificResource whose source is the
// article's web address (or "urn:casebook:sha256:HASH" for an article that
// has none), with the title and content hash as casebook:title and
// casebook:sha256. Its selectors are a TextQuoteSelector (exact, prefix,
// suffix) and a FragmentSelector "para=N" (conformsTo ParaConformsTo)
// refined by a TextPositionSelector. Start and End count Unicode code points
// (runes) from the start of that paragraph, not of the article, which is why
// the position selector refines the paragraph selector. An orphan has
// neither: only its quote.
type Annotation = data.Annotation

// ToAnnotations returns the annotations for the entries: one per highlight
// and one per note, each once, in the entries' order. A note without a quote
// of its own is anchored where its entry's highlight is.
func ToAnnotations(entries []Entry) []Annotation {
	var out []Annotation
	seen := map[string]bool{}
	for _, e := range entries {
		source, title, hash := articleSource(e.Article), e.Article.Title, e.Article.Hash
		place := func(a data.Anchor) Annotation {
			an := Annotation{Source: source, Title: title, Hash: hash, Quote: a.Quote, Prefix: a.Prefix, Suffix: a.Suffix}
			if !a.Orphan() && e.Passage.ID != 0 && e.Passage.N > 0 {
				an.Para, an.Start, an.End = e.Passage.N, a.Start, a.End
			}
			// An annotation at the very start or end of its paragraph has no
			// context inside it: take it from the paragraphs around, after
			// a line break that marks the paragraph's edge (see paraContext).
			if !a.Orphan() && a.Prefix == "" && e.Before != "" {
				before, _ := anchor.Context(e.Before, len(e.Before), len(e.Before))
				an.Prefix = before + "\n"
			}
			if !a.Orphan() && a.Suffix == "" && e.After != "" {
				_, after := anchor.Context(e.After, 0, 0)
				an.Suffix = "\n" + after
			}
			return an
		}
		anchor := e.Anchor()
		if h := e.Highlight; h != nil && !seen[h.UID] {
			seen[h.UID] = true
			an := place(h.Anchor)
			an.UID, an.Motivation, an.Colour, an.Creator = h.UID, Highlighting, h.Colour, h.Creator
			an.Created, an.Modified = h.CreatedAt, h.UpdatedAt
			out = append(out, an)
		}
		for _, n := range e.Notes {
			if seen[n.UID] {
				continue
			}
			seen[n.UID] = true
			a := anchor
			if n.Quote != "" {
				a = n.Anchor
			}
			an := place(a)
			an.UID, an.Motivation, an.Body, an.Creator = n.UID, Commenting, n.Body, n.Creator
			an.Tags = slices.Clone(n.Tags)
			if e.Highlight != nil {
				an.Highlight = e.Highlight.UID
			}
			an.Created, an.Modified = n.CreatedAt, n.UpdatedAt
			out = append(out, an)
		}
	}
	return out
}

// articleSource identifies an article in a target: its web address, or its
// content hash, or its library id.
func articleSource(a data.Article) string {
	if u := cite.URL(a); u != "" {
		return u
	}
	if a.Hash != "" {
		return "urn:casebook:sha256:" + a.Hash
	}
	return "urn:casebook:article:" + strconv.FormatInt(a.ID, 10)
}

// The JSON-LD shapes Casebook writes.
type (
	jsonCollection struct {
		Context any       `json:"@context"`
		ID      string    `json:"id"`
		Type    string    `json:"type"`
		Label   string    `json:"label,omitempty"`
		Created string    `json:"created,omitempty"`
		Total   int       `json:"total"`
		First   *jsonPage `json:"first,omitempty"`
		// Outlines are the student's outlines, each an ordered collection
		// of sections, each an ordered collection of items.
		Outlines []jsonOutline `json:"casebook:outlines,omitempty"`
	}
	jsonOutline struct {
		ID       string        `json:"id"`
		Type     string        `json:"type"`
		Label    string        `json:"label"`
		Template string        `json:"casebook:template,omitempty"`
		Created  string        `json:"created,omitempty"`
		Modified string        `json:"modified,omitempty"`
		Total    int           `json:"totalItems"`
		Items    []jsonSection `json:"orderedItems"`
	}
	jsonSection struct {
		Type  string     `json:"type"`
		Label string     `json:"label"`
		Text  string     `json:"casebook:text,omitempty"`
		Total int        `json:"totalItems"`
		Items []jsonItem `json:"orderedItems"`
	}
	// jsonItem is an outline item: a highlight or note by the id of its
	// annotation in the same file, or a passage as a target that quotes it.
	jsonItem struct {
		Type       string      `json:"type"`
		Annotation string      `json:"casebook:annotation,omitempty"`
		Target     *jsonTarget `json:"target,omitempty"`
	}
	jsonPage struct {
		ID         string     `json:"id"`
		Type       string     `json:"type"`
		StartIndex int        `json:"startIndex"`
		Items      []jsonAnno `json:"items"`
	}
	jsonAnno struct {
		ID         string     `json:"id"`
		Type       string     `json:"type"`
		Motivation string     `json:"motivation"`
		Created    string     `json:"created,omitempty"`
		Modified   string     `json:"modified,omitempty"`
		Creator    *jsonAgent `json:"creator,omitempty"`
		Body       []jsonBody `json:"body,omitempty"`
		Target     jsonTarget `json:"target"`
		Highlight  string     `json:"casebook:highlight,omitempty"`
	}
	jsonAgent struct {
		Type string `json:"type"`
		Name string `json:"name"`
	}
	jsonBody struct {
		Type    string `json:"type"`
		Value   string `json:"value"`
		Format  string `json:"format,omitempty"`
		Purpose string `json:"purpose"`
	}
	jsonTarget struct {
		Type     string         `json:"type"`
		Source   jsonSource     `json:"source"`
		Selector []jsonSelector `json:"selector"`
	}
	jsonSource struct {
		ID    string `json:"id"`
		Type  string `json:"type"`
		Title string `json:"casebook:title,omitempty"`
		Hash  string `json:"casebook:sha256,omitempty"`
	}
	jsonSelector struct {
		Type       string        `json:"type"`
		ConformsTo string        `json:"conformsTo,omitempty"`
		Value      string        `json:"value,omitempty"`
		Exact      *string       `json:"exact,omitempty"`
		Prefix     string        `json:"prefix,omitempty"`
		Suffix     string        `json:"suffix,omitempty"`
		Start      *int          `json:"start,omitempty"`
		End        *int          `json:"end,omitempty"`
		RefinedBy  *jsonSelector `json:"refinedBy,omitempty"`
	}
)

// writeJSON writes an AnnotationCollection with one embedded page holding
// every annotation, in reading order.
func writeJSON(w io.Writer, v *view) error {
	var entries []Entry
	for _, it := range v.entries {
		entries = append(entries, it.Entry)
		v.step()
	}
	anns := ToAnnotations(entries)
	// The student's own annotations are theirs; those merged from a
	// classmate keep the classmate's name.
	if name := strings.TrimSpace(v.opt.Creator); name != "" {
		for i := range anns {
			if anns[i].Creator == "" {
				anns[i].Creator = name
			}
		}
	}
	return WriteBundle(w, v.title, v.generated, anns, v.outlines)
}

// WriteAnnotations writes annotations as a W3C AnnotationCollection, labelled
// with title. Its id is derived from the annotations and the time, so the
// same export gives the same file.
func WriteAnnotations(w io.Writer, title string, created time.Time, anns []Annotation) error {
	return WriteBundle(w, title, created, anns, nil)
}

// sharedOutlines returns the document's outlines as a bundle carries them.
func sharedOutlines(doc Document) []data.SharedOutline {
	arts := map[int64]data.Article{}
	for _, a := range doc.Articles {
		arts[a.ID] = a
	}
	var out []data.SharedOutline
	for _, o := range doc.Outlines {
		out = append(out, o.Share(func(id int64) (string, string, string) {
			a := arts[id]
			return articleSource(a), a.Title, a.Hash
		}))
	}
	return out
}

// WriteBundle writes annotations as WriteAnnotations does, with the
// outlines in the collection's "casebook:outlines": each an ordered
// collection (ActivityStreams' OrderedCollection) of sections, each an
// ordered collection of items. A highlight or note item names its
// annotation in the file; a passage item is a target quoting the passage.
func WriteBundle(w io.Writer, title string, created time.Time, anns []Annotation, outlines []data.SharedOutline) error {
	c := jsonCollection{
		Context: []any{AnnoContext, map[string]string{"casebook": Namespace}},
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
				t := toJSON(Annotation{Source: it.Source, Title: it.Title, Hash: it.Hash, Quote: it.Text, Para: it.Para, End: len([]rune(it.Text))}).Target
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

func toJSON(a Annotation) jsonAnno {
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
			Type: "FragmentSelector", ConformsTo: ParaConformsTo, Value: "para=" + strconv.Itoa(a.Para),
			RefinedBy: &jsonSelector{Type: "TextPositionSelector", Start: &start, End: &end},
		})
	}
	return j
}

// annotationIRI returns the IRI of an annotation, or of the highlight a note
// is on: a Casebook UID as a "urn:uuid:" IRI, and an id that is an IRI
// already (one merged from another tool, "https://hypothes.is/a/...") as it
// is. ReadAnnotations removes the "urn:uuid:" again.
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

// ReadAnnotations reads a W3C Web Annotation file: an AnnotationCollection
// with its first page embedded (as Casebook writes it), an AnnotationPage, a
// single Annotation, or a JSON array of Annotations. Every annotation needs
// an id, the type Annotation, and a target with a TextQuoteSelector. A file
// that is not such JSON is rejected with a data.EINVALID error that says what
// is wrong and where.
func ReadAnnotations(r io.Reader) ([]Annotation, error) {
	anns, _, err := ReadBundle(r)
	return anns, err
}

// ReadBundle reads a W3C Web Annotation file as ReadAnnotations does, and
// the outlines a Casebook collection carries.
func ReadBundle(r io.Reader) ([]Annotation, []data.SharedOutline, error) {
	var outlines []data.SharedOutline
	anns, err := readAnnotations(r, func(c map[string]any) error {
		var err error
		outlines, err = readOutlines(c["casebook:outlines"])
		return err
	})
	return anns, outlines, err
}

// readOutlines reads the "casebook:outlines" of a collection.
func readOutlines(v any) ([]data.SharedOutline, error) {
	if v == nil {
		return nil, nil
	}
	raw, err := json.Marshal(v)
	if err != nil {
		return nil, invalid("its outlines cannot be read: %v", err)
	}
	var js []jsonOutline
	if err := json.Unmarshal(raw, &js); err != nil {
		return nil, invalid("its \"casebook:outlines\" is not a list of ordered collections: %v", err)
	}
	var out []data.SharedOutline
	for i, jo := range js {
		if strings.TrimSpace(jo.Label) == "" || jo.ID == "" {
			return nil, invalid("outline %d has no id or no label", i+1)
		}
		o := data.SharedOutline{UID: strings.TrimPrefix(jo.ID, "urn:uuid:"), Name: jo.Label, Template: jo.Template}
		for _, f := range []struct {
			s string
			t *time.Time
		}{{jo.Created, &o.Created}, {jo.Modified, &o.Modified}} {
			if f.s == "" {
				continue
			}
			if *f.t, err = time.Parse(time.RFC3339Nano, f.s); err != nil {
				return nil, invalid("outline %q: %q is not a date and time", jo.Label, f.s)
			}
		}
		for _, jsec := range jo.Items {
			s := data.SharedSection{Heading: jsec.Label, Text: jsec.Text}
			for k, ji := range jsec.Items {
				kind := data.ItemKind(strings.TrimPrefix(ji.Type, "casebook:"))
				it := data.SharedItem{Kind: kind}
				switch kind {
				case data.ItemHighlight, data.ItemNote:
					if ji.Annotation == "" {
						return nil, invalid("outline %q › %s: item %d names no annotation", jo.Label, jsec.Label, k+1)
					}
					it.UID = strings.TrimPrefix(ji.Annotation, "urn:uuid:")
				case data.ItemPassage:
					if ji.Target == nil {
						return nil, invalid("outline %q › %s: passage %d has no target", jo.Label, jsec.Label, k+1)
					}
					raw, _ := json.Marshal(map[string]any{"id": "urn:x", "type": "Annotation", "target": ji.Target})
					var m map[string]any
					_ = json.Unmarshal(raw, &m)
					a, err := readAnnotation(m)
					if err != nil {
						return nil, invalid("outline %q › %s: passage %d: %s", jo.Label, jsec.Label, k+1, err)
					}
					it.Source, it.Title, it.Hash, it.Para, it.Text = a.Source, a.Title, a.Hash, a.Para, a.Quote
				default:
					return nil, invalid("outline %q › %s: item %d has an unknown type %q", jo.Label, jsec.Label, k+1, ji.Type)
				}
				s.Items = append(s.Items, it)
			}
			o.Sections = append(o.Sections, s)
		}
		out = append(out, o)
	}
	return out, nil
}

func readAnnotations(r io.Reader, collection func(map[string]any) error) ([]Annotation, error) {
	raw, err := io.ReadAll(r)
	if err != nil {
		return nil, data.Errorf(data.EINVALID, "cannot read the annotation file: %v", err)
	}
	raw = bytes.TrimPrefix(raw, []byte("\xef\xbb\xbf"))
	var top any
	if err := json.Unmarshal(raw, &top); err != nil {
		return nil, invalid("the file is not valid JSON: %v", err)
	}
	var items []any
	switch t := top.(type) {
	case []any:
		for i, it := range t {
			o, ok := it.(map[string]any)
			if !ok {
				return nil, invalid("item %d of the array is not an annotation object", i+1)
			}
			if err := checkContext(o, fmt.Sprintf("item %d", i+1)); err != nil {
				return nil, err
			}
		}
		items = t
	case map[string]any:
		if err := checkContext(t, "the file"); err != nil {
			return nil, err
		}
		switch {
		case hasType(t, "AnnotationCollection"):
			if err := collection(t); err != nil {
				return nil, err
			}
			first, ok := t["first"].(map[string]any)
			if !ok {
				if _, isRef := t["first"].(string); isRef {
					return nil, invalid("the collection's first page is a link, not embedded: pages must be in the file")
				}
				if n, _ := t["total"].(float64); n == 0 && t["first"] == nil {
					return nil, nil
				}
				return nil, invalid("the collection has no embedded \"first\" page")
			}
			if items, err = pageItems(first); err != nil {
				return nil, err
			}
		case hasType(t, "AnnotationPage"):
			if items, err = pageItems(t); err != nil {
				return nil, err
			}
		default:
			items = []any{t}
		}
	default:
		return nil, invalid("the file holds a JSON %s, not an annotation or a collection", jsonKind(top))
	}
	out := make([]Annotation, 0, len(items))
	ids := map[string]int{}
	for i, it := range items {
		o, ok := it.(map[string]any)
		if !ok {
			return nil, invalid("item %d is not an annotation object", i+1)
		}
		a, err := readAnnotation(o)
		if err != nil {
			where := fmt.Sprintf("annotation %d", i+1)
			if id, _ := o["id"].(string); id != "" {
				where += " (" + id + ")"
			}
			return nil, invalid("%s: %s", where, err)
		}
		if j, dup := ids[a.UID]; dup {
			return nil, invalid("annotations %d and %d have the same id %q", j, i+1, a.UID)
		}
		ids[a.UID] = i + 1
		out = append(out, a)
	}
	return out, nil
}

func invalid(format string, args ...any) error {
	return data.Errorf(data.EINVALID, "not a usable annotation file: "+format, args...)
}

// checkContext requires the Web Annotation context, as a string or in an
// array, as the model says.
func checkContext(o map[string]any, where string) error {
	switch c := o["@context"].(type) {
	case string:
		if c == AnnoContext {
			return nil
		}
	case []any:
		for _, x := range c {
			if x == AnnoContext {
				return nil
			}
		}
	case nil:
		return invalid("%s has no @context; a Web Annotation needs %q", where, AnnoContext)
	}
	return invalid("%s has an @context without %q", where, AnnoContext)
}

func pageItems(p map[string]any) ([]any, error) {
	switch items := p["items"].(type) {
	case []any:
		return items, nil
	case nil:
		return nil, invalid("the annotation page has no \"items\"")
	}
	return nil, invalid("the annotation page's \"items\" is not a list")
}

// hasType reports whether o's "type" is, or includes, t.
func hasType(o map[string]any, t string) bool {
	for _, x := range many(o["type"]) {
		if x == t {
			return true
		}
	}
	return false
}

// many returns v as a list: JSON-LD allows one value or an array of them.
func many(v any) []any {
	switch x := v.(type) {
	case nil:
		return nil
	case []any:
		return x
	}
	return []any{v}
}

func jsonKind(v any) string {
	switch v.(type) {
	case string:
		return "string"
	case float64:
		return "number"
	case bool:
		return "boolean"
	case nil:
		return "null"
	}
	return "value"
}

func readAnnotation(o map[string]any) (Annotation, error) {
	var a Annotation
	id, _ := o["id"].(string)
	if strings.TrimSpace(id) == "" {
		return a, errors.New("it has no \"id\"")
	}
	a.UID = strings.TrimPrefix(id, "urn:uuid:")
	if !hasType(o, "Annotation") {
		return a, errors.New("its \"type\" is not \"Annotation\"")
	}
	var err error
	if a.Created, err = readTime(o, "created"); err != nil {
		return a, err
	}
	if a.Modified, err = readTime(o, "modified"); err != nil {
		return a, err
	}
	if a.Modified.IsZero() {
		a.Modified = a.Created
	}
	if h, ok := o["casebook:highlight"].(string); ok {
		a.Highlight = strings.TrimPrefix(h, "urn:uuid:")
	}
	for _, c := range many(o["creator"]) {
		switch x := c.(type) {
		case string:
			a.Creator = x
		case map[string]any:
			a.Creator, _ = x["name"].(string)
		}
		break
	}
	a.Motivation, _ = o["motivation"].(string)
	for i, b := range many(o["body"]) {
		bo, ok := b.(map[string]any)
		if !ok {
			return a, fmt.Errorf("body %d is not a TextualBody object", i+1)
		}
		value, ok := bo["value"].(string)
		if !ok {
			return a, fmt.Errorf("body %d has no text \"value\"", i+1)
		}
		switch purpose, _ := bo["purpose"].(string); purpose {
		case "tagging":
			a.Tags = append(a.Tags, value)
		case "highlighting", "classifying":
			a.Colour = value
		default: // "commenting", "describing" or none: the note itself
			if a.Body != "" {
				a.Body += "\n\n"
			}
			a.Body += value
		}
	}
	if a.Motivation == "" {
		a.Motivation = Highlighting
		if a.Body != "" || len(a.Tags) > 0 {
			a.Motivation = Commenting
		}
	}
	targets := many(o["target"])
	if len(targets) == 0 {
		return a, errors.New("it has no \"target\"")
	}
	t, ok := targets[0].(map[string]any)
	if !ok {
		return a, errors.New("its target is only an address, without a TextQuoteSelector to place it")
	}
	switch s := t["source"].(type) {
	case string:
		a.Source = s
	case map[string]any:
		a.Source, _ = s["id"].(string)
		a.Title, _ = s["casebook:title"].(string)
		a.Hash, _ = s["casebook:sha256"].(string)
	}
	if a.Source == "" {
		return a, errors.New("its target has no \"source\"")
	}
	quoted := false
	for _, s := range many(t["selector"]) {
		so, ok := s.(map[string]any)
		if !ok {
			return a, errors.New("a selector is not an object")
		}
		switch {
		case hasType(so, "TextQuoteSelector"):
			exact, ok := so["exact"].(string)
			if !ok || exact == "" {
				return a, errors.New("its TextQuoteSelector has no \"exact\" text")
			}
			a.Quote, quoted = exact, true
			a.Prefix, _ = so["prefix"].(string)
			a.Suffix, _ = so["suffix"].(string)
			a.Prefix, a.Suffix = paraContext(a.Prefix, a.Suffix)
		case hasType(so, "FragmentSelector") && so["conformsTo"] == ParaConformsTo:
			v, _ := so["value"].(string)
			n, err := strconv.Atoi(strings.TrimPrefix(v, "para="))
			if !strings.HasPrefix(v, "para=") || err != nil || n < 1 {
				return a, fmt.Errorf("its paragraph selector %q is not \"para=N\"", v)
			}
			a.Para = n
			for _, r := range many(so["refinedBy"]) {
				ro, ok := r.(map[string]any)
				if !ok || !hasType(ro, "TextPositionSelector") {
					continue
				}
				start, ok1 := ro["start"].(float64)
				end, ok2 := ro["end"].(float64)
				if !ok1 || !ok2 || start < 0 || end < start || start != float64(int(start)) || end != float64(int(end)) {
					return a, errors.New("its TextPositionSelector needs whole numbers with 0 ≤ start ≤ end")
				}
				a.Start, a.End = int(start), int(end)
			}
		}
	}
	if !quoted {
		return a, errors.New("its target has no TextQuoteSelector")
	}
	return a, nil
}

func readTime(o map[string]any, key string) (time.Time, error) {
	v, ok := o[key]
	if !ok {
		return time.Time{}, nil
	}
	s, ok := v.(string)
	if !ok {
		return time.Time{}, fmt.Errorf("%q is not a date and time", key)
	}
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		return time.Time{}, fmt.Errorf("%q is %q, not a date and time like 2016-04-19T14:30:00Z", key, s)
	}
	return t, nil
}

// paraContext returns the part of a quote's context that lies inside its
// paragraph: a prefix after its last line break, a suffix before its first.
// The export adds the neighbouring paragraphs' text across a line break for
// an annotation on a whole paragraph; placing it again only compares the
// paragraph's own text.
func paraContext(prefix, suffix string) (string, string) {
	if i := strings.LastIndexByte(prefix, '\n'); i >= 0 {
		prefix = prefix[i+1:]
	}
	if i := strings.IndexByte(suffix, '\n'); i >= 0 {
		suffix = suffix[:i]
	}
	return prefix, suffix
}
