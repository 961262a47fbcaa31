package export

import (
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/casebookapp/casebook/data"
	"github.com/casebookapp/casebook/data/export/cite"
	"github.com/casebookapp/casebook/data/webanno"
)

// toAnnotations returns the annotations for the entries: one per highlight
// and one per note, each once, in the entries' order. A note without a quote
// of its own is anchored where its entry's highlight is.
func toAnnotations(entries []Entry) []data.Annotation {
	var out []data.Annotation
	seen := map[string]bool{}
	for _, e := range entries {
		source, title, hash := articleSource(e.Article), e.Article.Title, e.Article.Hash
		place := func(a data.Anchor) data.Annotation {
			an := data.Annotation{Source: source, Title: title, Hash: hash, Quote: a.Quote, Prefix: a.Prefix, Suffix: a.Suffix}
			if !a.Orphan() && e.Passage.ID != 0 && e.Passage.N > 0 {
				an.Para, an.Start, an.End = e.Passage.N, a.Start, a.End
			}
			// An annotation at the very start or end of its paragraph has no
			// context inside it: take it from the paragraphs around, after
			// a line break that marks the paragraph's edge (see paraContext).
			if !a.Orphan() && a.Prefix == "" && e.before != "" {
				before, _ := data.QuoteContext(e.before, len(e.before), len(e.before))
				an.Prefix = before + "\n"
			}
			if !a.Orphan() && a.Suffix == "" && e.after != "" {
				_, after := data.QuoteContext(e.after, 0, 0)
				an.Suffix = "\n" + after
			}
			return an
		}
		anchor := e.Anchor()
		if h := e.Highlight; h != nil && !seen[h.UID] {
			seen[h.UID] = true
			an := place(h.Anchor)
			an.UID, an.Motivation, an.Colour, an.Creator = h.UID, webanno.Highlighting, h.Colour, h.Creator
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
			an.UID, an.Motivation, an.Body, an.Creator = n.UID, webanno.Commenting, n.Body, n.Creator
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

// writeJSON writes an AnnotationCollection with one embedded page holding
// every annotation, in reading order.
func writeJSON(w io.Writer, v *view) error {
	var entries []Entry
	for _, it := range v.entries {
		entries = append(entries, it.Entry)
		v.step()
	}
	anns := toAnnotations(entries)
	// The student's own annotations are theirs; those merged from a
	// classmate keep the classmate's name.
	if name := strings.TrimSpace(v.opt.Creator); name != "" {
		for i := range anns {
			if anns[i].Creator == "" {
				anns[i].Creator = name
			}
		}
	}
	return webanno.WriteBundle(w, v.title, v.generated, anns, v.outlines)
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
