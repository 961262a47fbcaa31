// Package export renders a student's highlights and notes for coursework:
// Markdown, Word (DOCX), print-ready HTML, CSV and W3C Web Annotation JSON-LD,
// with citations in APA 7, MLA 9 or Chicago 17 (see package cite). It
// depends on the domain (package data), cite, casefacts (the study aids) and
// webanno (the JSON), not on the store: it reads the library through the
// small Library interface, which the store's *sqlite.Library satisfies.
//
// Load reads the entries (each a highlight, or the notes on a span without a
// highlight, with its article, passage and notes) into a Document, and Write
// does the rest: it applies the scope, checks that every quote still appears
// word for word in its passage, orders the entries, and writes them with a
// reference list of the articles cited. Package webanno reads a JSON export
// back, for merging a classmate's notes.
package export

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/casebookapp/casebook/data"
	"github.com/casebookapp/casebook/data/casefacts"
	"github.com/casebookapp/casebook/data/export/cite"
	"github.com/casebookapp/casebook/internal/text"
)

// Format is an export file format.
type Format string

// The export formats.
const (
	Markdown Format = "md"
	DOCX     Format = "docx"
	HTML     Format = "html"
	CSV      Format = "csv"
	JSON     Format = "json"
)

// ParseFormat reads a format name as the CLI gives it ("md", "markdown",
// "docx", "word", "html", "csv", "json"). The empty string means Markdown.
func ParseFormat(s string) (Format, error) {
	switch strings.ToLower(strings.TrimPrefix(strings.TrimSpace(s), ".")) {
	case "", "md", "markdown":
		return Markdown, nil
	case "docx", "word":
		return DOCX, nil
	case "html", "htm":
		return HTML, nil
	case "csv":
		return CSV, nil
	case "json", "jsonld", "json-ld":
		return JSON, nil
	}
	return "", data.Errorf(data.EINVALID, "unknown export format %q: use md, docx, html, csv or json", s)
}

// Ext returns the file name extension for the format, with its dot.
func (f Format) Ext() string {
	if f == JSON {
		return ".jsonld"
	}
	return "." + string(f)
}

// Binary reports whether the format is not text, so that the CLI will not
// write it to a terminal.
func (f Format) Binary() bool { return f == DOCX }

// Order is the order of the entries in an export.
type Order string

// The export orders.
const (
	// ByReading follows the articles' reading order: article, paragraph,
	// then position in the paragraph. It is the default.
	ByReading Order = "reading"
	// ByColour groups the entries under the colour legend's meanings, in
	// legend order; entries without a highlight come last.
	ByColour Order = "colour"
	// ByTag groups the entries under each of their tags, alphabetically; an
	// entry with two tags appears under both, and untagged entries come last.
	ByTag Order = "tag"
)

// ParseOrder reads an order name ("reading", "colour" or "color", "tag").
// The empty string is reading order.
func ParseOrder(s string) (Order, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "", "reading":
		return ByReading, nil
	case "colour", "color":
		return ByColour, nil
	case "tag", "tags":
		return ByTag, nil
	}
	return "", data.Errorf(data.EINVALID, "unknown order %q: use reading, colour or tag", s)
}

// Scope selects the entries to export. The zero Scope selects all of them;
// each field that is set narrows the selection.
type Scope struct {
	ArticleID int64  // only this article
	Colour    string // only highlights of this colour key ("yellow")
	Tag       string // only entries with a note carrying this tag (any case)
	// Outline exports the outline of that name (any case) as an essay
	// skeleton instead of a list of entries; the other fields are ignored.
	Outline string
}

// ParseScope reads a scope as the CLI gives it: "all", "article:ID",
// "colour:KEY" (or "color:KEY"), "tag:NAME" or "outline:NAME".
func ParseScope(s string) (Scope, error) {
	s = strings.TrimSpace(s)
	if s == "" || strings.EqualFold(s, "all") {
		return Scope{}, nil
	}
	kind, value, ok := strings.Cut(s, ":")
	value = strings.TrimSpace(value)
	if ok && value != "" {
		switch strings.ToLower(kind) {
		case "article":
			if id, err := strconv.ParseInt(value, 10, 64); err == nil && id > 0 {
				return Scope{ArticleID: id}, nil
			}
			return Scope{}, data.Errorf(data.EINVALID, "scope %q: the article must be a number", s)
		case "colour", "color":
			return Scope{Colour: strings.ToLower(value)}, nil
		case "tag":
			return Scope{Tag: strings.TrimPrefix(value, "#")}, nil
		case "outline":
			return Scope{Outline: value}, nil
		}
	}
	return Scope{}, data.Errorf(data.EINVALID, "unknown scope %q: use all, article:ID, colour:NAME, tag:NAME or outline:NAME", s)
}

// String returns the scope in the form ParseScope reads.
func (s Scope) String() string {
	var parts []string
	if s.ArticleID != 0 {
		parts = append(parts, "article:"+strconv.FormatInt(s.ArticleID, 10))
	}
	if s.Colour != "" {
		parts = append(parts, "colour:"+s.Colour)
	}
	if s.Tag != "" {
		parts = append(parts, "tag:"+s.Tag)
	}
	if s.Outline != "" {
		parts = append(parts, "outline:"+s.Outline)
	}
	if len(parts) == 0 {
		return "all"
	}
	return strings.Join(parts, " ")
}

// Entry is one exported item: a highlight with its notes, or the notes on one
// span of a passage that has no highlight (the whole passage, or a selection
// of a few words).
type Entry struct {
	Article data.Article
	Passage data.Passage
	// Highlight is nil for notes without a highlight.
	Highlight *data.Highlight
	Notes     []data.Note
	// before and after are the text of the paragraphs before and after the
	// entry's passage in the reading flow, "" at the ends: the context the
	// W3C export gives an annotation on a whole paragraph.
	before, after string
}

// Quote returns the text the entry quotes: the highlight's quote, or the
// quote of the span its notes are on.
func (e Entry) Quote() string { return e.Anchor().Quote }

// Anchor returns where the entry's quote sits: the highlight's anchor, or
// the first note's. The store gives a note on a whole passage the passage's
// full span and text, so a note needs no made-up anchor.
func (e Entry) Anchor() data.Anchor {
	if e.Highlight != nil {
		return e.Highlight.Anchor
	}
	if len(e.Notes) > 0 {
		return e.Notes[0].Anchor
	}
	return data.Anchor{}
}

// Colour returns the highlight's colour key, or "" for notes without a
// highlight.
func (e Entry) Colour() string {
	if e.Highlight == nil {
		return ""
	}
	return e.Highlight.Colour
}

// Tags returns the tags of the entry's notes, each once (ignoring case), in
// the order they first appear.
func (e Entry) Tags() []string {
	var out []string
	seen := map[string]bool{}
	for _, n := range e.Notes {
		for _, t := range n.Tags {
			t = strings.TrimSpace(t)
			if k := strings.ToLower(t); t != "" && !seen[k] {
				seen[k] = true
				out = append(out, t)
			}
		}
	}
	return out
}

// uid returns the entry's stable identifier: the highlight's, or the first
// note's.
func (e Entry) uid() string {
	if e.Highlight != nil {
		return e.Highlight.UID
	}
	if len(e.Notes) > 0 {
		return e.Notes[0].UID
	}
	return ""
}

// hasTag reports whether any note of e has the tag, ignoring case.
func (e Entry) hasTag(tag string) bool {
	for _, t := range e.Tags() {
		if strings.EqualFold(t, tag) {
			return true
		}
	}
	return false
}

// Select returns the entries within the scope, in their original order.
// A tag scope keeps an entry whole, with all of its notes, when any note
// carries the tag.
func Select(entries []Entry, s Scope) []Entry {
	var out []Entry
	for _, e := range entries {
		switch {
		case s.ArticleID != 0 && e.Article.ID != s.ArticleID:
		case s.Colour != "" && !strings.EqualFold(e.Colour(), s.Colour):
		case s.Tag != "" && !e.hasTag(strings.TrimPrefix(s.Tag, "#")):
		default:
			out = append(out, e)
		}
	}
	return out
}

// Document is everything an export needs, as the store loads it.
type Document struct {
	// title heads the export; empty means "Quotes and notes".
	title   string
	Entries []Entry
	// Colours is the colour legend, in legend order.
	Colours []data.Colour
	// Articles holds the articles' current metadata, by which citations are
	// written; an entry whose article is missing here is cited from its own
	// Article field.
	Articles []data.Article
	// generated is the time of the export, written in its heading.
	generated time.Time
	// library is the path of the library the document was loaded from,
	// which WriteFile never writes over; "" when it was not loaded.
	library string
	// Outlines are the library's outlines, for Scope.Outline.
	Outlines []data.Outline
	// Timeline and People are the case at a glance (package glance), written
	// as sections of their own when Options.Include asks for them.
	Timeline []casefacts.Event
	People   []casefacts.Entity
}

// Paper is the page size of DOCX and HTML exports.
type Paper string

// The paper sizes.
const (
	A4     Paper = "a4"
	Letter Paper = "letter"
)

// Options say what to export and how.
type Options struct {
	Format Format
	Style  cite.Style // default APA
	Order  Order      // default reading order
	Scope  Scope      // default all
	Paper  Paper      // default A4
	// Include adds the timeline and the people index as sections of the
	// Markdown, DOCX and HTML exports.
	Include Include
	// Creator is the student's name, given as each annotation's creator in
	// the W3C export; empty to leave it out.
	Creator string
	// Progress, if set, is called after each entry is rendered, with the
	// number done and the total, so that the GUI can show a progress bar.
	Progress func(done, total int)
}

// Failure is a quote that failed the verbatim check.
type Failure struct {
	UID       string `json:"uid"`
	ArticleID int64  `json:"article"`
	Title     string `json:"title"`
	Para      int    `json:"para"`
	Quote     string `json:"quote"`
	// Reason says what is wrong, in words for the student.
	Reason string `json:"reason"`
}

// String describes the failure in one line.
func (f Failure) String() string {
	where := f.Title
	if where == "" {
		where = "article " + strconv.FormatInt(f.ArticleID, 10)
	}
	if f.Para > 0 {
		where += ", para. " + strconv.Itoa(f.Para)
	}
	return fmt.Sprintf("%q (%s): %s", text.Clip(f.Quote, 80), where, f.Reason)
}

// Report says what an export wrote.
type Report struct {
	Entries    int // entries exported (each counted once, even when ordered by tag)
	Highlights int
	Notes      int
	Articles   int // articles in the reference list
	// TimelineEntries and PeopleEntries count the study aids' entries
	// written (Options.Include).
	TimelineEntries, PeopleEntries int
	// Failures lists the quotes that failed the verbatim check. They are
	// exported all the same, marked, and listed at the end of the export.
	Failures []Failure
}

// verify checks that the entry's quote still appears word for word in its
// passage. It returns "" when it does, and otherwise the reason it does not.
func verify(e Entry) string {
	a := e.Anchor()
	q := e.Quote()
	switch {
	case a.Orphan() || e.Passage.ID == 0:
		return "orphaned: the article's text changed and the quote could not be placed again"
	case e.Highlight != nil && e.Highlight.PassageID != e.Passage.ID:
		return "the highlight belongs to another paragraph"
	case strings.TrimSpace(q) == "":
		return "the quote is empty"
	case !wholeQuoteIn(e.Passage.Text, q, a.Start, a.End):
		return "the quote no longer appears word for word in its paragraph"
	}
	return ""
}

// wholeQuoteIn reports whether quote appears in text, all of it, as whole
// words: at runes [start, end) where the anchor says it is, or elsewhere. An
// occurrence that begins or ends inside a word of text ("acte" in "acted")
// does not count: it is not what the text says.
func wholeQuoteIn(text, quote string, start, end int) bool {
	r, q := []rune(text), []rune(quote)
	edges := func(i int) bool { return data.WordBoundary(r, i) && data.WordBoundary(r, i+len(q)) }
	if start >= 0 && end == start+len(q) && end <= len(r) && string(r[start:end]) == quote {
		return edges(start)
	}
	for i := 0; i+len(q) <= len(r); i++ {
		if r[i] == q[0] && string(r[i:i+len(q)]) == quote && edges(i) {
			return true
		}
	}
	return false
}

// Write applies opt.Scope to doc's entries, checks the quotes, and writes
// the export to w in opt.Format. The report lists what was written and the
// quotes that failed the check; a failed quote is not an error.
func Write(w io.Writer, doc Document, opt Options) (Report, error) {
	var err error
	if opt.Format == "" {
		opt.Format = Markdown
	}
	if opt.Style, err = cite.ParseStyle(string(opt.Style)); err != nil {
		return Report{}, err
	}
	if opt.Order, err = ParseOrder(string(opt.Order)); err != nil {
		return Report{}, err
	}
	if opt.Paper == "" {
		opt.Paper = A4
	}
	var v *view
	if opt.Scope.Outline != "" {
		if opt.Format == CSV || opt.Format == JSON {
			return Report{}, data.Errorf(data.EINVALID, "an outline exports to Word (docx), Markdown (md) or HTML, not %s", opt.Format)
		}
		if v, err = buildOutline(doc, opt); err != nil {
			return Report{}, err
		}
	} else {
		v = build(doc, opt)
	}
	switch opt.Format {
	case Markdown:
		err = writeMarkdown(w, v)
	case DOCX:
		err = writeDOCX(w, v)
	case HTML:
		err = writeHTML(w, v)
	case CSV:
		err = writeCSV(w, v)
	case JSON:
		err = writeJSON(w, v)
	default:
		_, err = ParseFormat(string(opt.Format))
		return Report{}, err
	}
	if err != nil {
		return Report{}, fmt.Errorf("export %s: %w", opt.Format, err)
	}
	return v.report, nil
}
