package webanno

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/casebookapp/casebook/data"
)

// ReadBundle reads a W3C Web Annotation file: an AnnotationCollection with
// its first page embedded (as Casebook writes it), an AnnotationPage, a
// single Annotation, or a JSON array of Annotations, and the outlines a
// Casebook collection carries. Every annotation needs an id, the type
// Annotation, and a target with a TextQuoteSelector. A file that is not such
// JSON is rejected with a data.EINVALID error that says what is wrong and
// where.
func ReadBundle(r io.Reader) ([]data.Annotation, []data.SharedOutline, error) {
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

func readAnnotations(r io.Reader, collection func(map[string]any) error) ([]data.Annotation, error) {
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
	out := make([]data.Annotation, 0, len(items))
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
		if c == annoContext {
			return nil
		}
	case []any:
		for _, x := range c {
			if x == annoContext {
				return nil
			}
		}
	case nil:
		return invalid("%s has no @context; a Web Annotation needs %q", where, annoContext)
	}
	return invalid("%s has an @context without %q", where, annoContext)
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

func readAnnotation(o map[string]any) (data.Annotation, error) {
	var a data.Annotation
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
		case hasType(so, "FragmentSelector") && so["conformsTo"] == paraConformsTo:
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
