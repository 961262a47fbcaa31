// Package webanno reads and writes a study group's file: highlights, notes
// and outlines as W3C Web Annotations (JSON-LD). Casebook writes one
// AnnotationCollection with its page embedded; it reads that and what other
// tools write (a page, one annotation, an array). An annotation is a
// data.Annotation: what a study group's merge needs to attach it to a
// passage and to decide which version is newer. It depends on package data
// only: the exports write with it and the importers read with it.
//
// In the JSON-LD, the target is a SpecificResource whose source is the
// article's web address (or "urn:casebook:sha256:HASH" for an article that
// has none), with the title and content hash as casebook:title and
// casebook:sha256. Its selectors are a TextQuoteSelector (exact, prefix,
// suffix) and a FragmentSelector "para=N" (conformsTo paraConformsTo)
// refined by a TextPositionSelector. Start and End count Unicode code points
// (runes) from the start of that paragraph, not of the article, which is why
// the position selector refines the paragraph selector. An orphan has
// neither: only its quote.
package webanno

// The W3C Web Annotation vocabulary and Casebook's own terms.
const (
	// annoContext is the JSON-LD context of the W3C Web Annotation Data Model.
	annoContext = "http://www.w3.org/ns/anno.jsonld"
	// namespace is the IRI of Casebook's own terms, written with the
	// "casebook:" prefix.
	namespace = "https://github.com/casebookapp/casebook/ns#"
	// paraConformsTo identifies the FragmentSelector that names a paragraph
	// by its citation number: value "para=7".
	paraConformsTo = namespace + "paragraph"
)

// The motivations of Casebook's annotations.
const (
	Highlighting = "highlighting"
	Commenting   = "commenting"
)

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
