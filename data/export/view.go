package export

import (
	"cmp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/casebookapp/casebook/data"
	"github.com/casebookapp/casebook/data/export/cite"
	"github.com/casebookapp/casebook/internal/text"
)

// view is the export laid out once for all formats.
type view struct {
	opt       Options
	title     string
	generated time.Time
	sections  []section
	entries   []*item // every selected entry once, in reading order
	colours   []data.Colour
	refs      []cite.Text  // reference list, sorted per style
	notes     []cite.Text  // Chicago footnotes, numbered from 1
	aids      []aidSection // the timeline and people index, when included
	report    Report
	progress  int // entries rendered so far
	// steps is the number of entry renderings the format makes: each entry
	// once under each of its headings, or each once in JSON.
	steps int
	// outline is set for an outline's essay skeleton: every section is
	// written, even with nothing in it yet.
	outline bool
	// outlines go into a JSON bundle.
	outlines []data.SharedOutline
}

// section is a heading and the entries under it.
type section struct {
	heading string
	text    string       // the student's own text under the heading (Markdown)
	colour  *data.Colour // set when ordered by colour
	items   []*item
	noteNos []int // Chicago note numbers, parallel to items
}

// item is an entry with what every format writes about it.
type item struct {
	Entry
	article data.Article // current metadata
	anchor  data.Anchor
	// orphan is set when the quote has no place in the text: its anchor is
	// orphaned or its passage is missing.
	orphan   bool
	quote    string
	para     int
	colour   *data.Colour
	tags     []string
	inText   cite.Text // APA or MLA in-text citation
	fullNote cite.Text // Chicago full note (CSV only), or the in-text citation
	failure  string    // verbatim check failure, or ""
}

func build(doc Document, opt Options) *view {
	v := &view{opt: opt, title: doc.title, generated: doc.generated, colours: doc.Colours}
	if v.title == "" {
		v.title = "Quotes and notes"
	}
	mk := itemMaker(doc)
	cited := map[int64]data.Article{}
	for _, e := range Select(doc.Entries, opt.Scope) {
		it := mk(e)
		v.entries = append(v.entries, it)
		if e.Highlight != nil {
			v.report.Highlights++
		}
		v.report.Notes += len(e.Notes)
		cited[it.article.ID] = it.article
	}
	slices.SortStableFunc(v.entries, readingOrder)
	v.report.Entries = len(v.entries)
	for _, it := range v.entries {
		if it.failure != "" {
			v.report.Failures = append(v.report.Failures, Failure{
				UID: it.uid(), ArticleID: it.article.ID, Title: it.article.Title,
				Para: it.para, Quote: it.quote, Reason: it.failure,
			})
		}
	}

	switch opt.Order {
	case ByColour:
		v.sections = byColour(v.entries, doc.Colours)
	case ByTag:
		v.sections = byTag(v.entries)
	default:
		v.sections = byArticle(v.entries)
	}
	v.finish(doc, cited)
	if opt.Format == JSON && opt.Scope == (Scope{}) {
		// The whole library's bundle carries the outlines too; a narrower
		// one would leave their items without the annotations they name.
		v.outlines = sharedOutlines(doc)
	}
	return v
}

// itemMaker returns a function that lays out one entry: its current article
// metadata, colour and verbatim check (finish adds its citation).
func itemMaker(doc Document) func(Entry) *item {
	arts := map[int64]data.Article{}
	for _, a := range doc.Articles {
		arts[a.ID] = a
	}
	legend := map[string]*data.Colour{}
	for i := range doc.Colours {
		legend[strings.ToLower(doc.Colours[i].Key)] = &doc.Colours[i]
	}
	return func(e Entry) *item {
		it := &item{Entry: e, anchor: e.Anchor(), tags: e.Tags()}
		it.quote = it.anchor.Quote
		it.orphan = it.anchor.Orphan() || e.Passage.ID == 0
		it.article = e.Article
		if a, ok := arts[e.Article.ID]; ok {
			it.article = a
		}
		if !it.orphan {
			it.para = e.Passage.N
		}
		if c := e.Colour(); c != "" {
			it.colour = legend[strings.ToLower(c)]
			if it.colour == nil {
				it.colour = &data.Colour{Key: c, Meaning: c}
			}
		}
		it.failure = verify(e)
		return it
	}
}

// finish cites the entries through one list of the articles cited
// together, so that the citations tell works by one author apart (2016a,
// 2016b; MLA short titles); counts the steps; numbers the Chicago notes in
// the order of the sections; and writes the reference list.
func (v *view) finish(doc Document, cited map[int64]data.Article) {
	opt := v.opt
	arts := map[int64]data.Article{}
	for _, a := range doc.Articles {
		arts[a.ID] = a
	}
	// The timeline and people sections cite their passages' articles too.
	aids := opt.Format != CSV && opt.Format != JSON && !v.outline
	if aids {
		for _, a := range aidArticles(doc, opt.Include, arts) {
			cited[a.ID] = a
		}
	}
	var list []data.Article
	for _, a := range cited {
		list = append(list, a)
	}
	citer := opt.Style.List(list)
	for _, it := range v.entries {
		if opt.Style == cite.Chicago {
			// Only the CSV has a full-note column; the other formats
			// number their notes below.
			if opt.Format == CSV {
				it.fullNote = opt.Style.Note(it.article, it.para)
			}
		} else {
			it.inText = citer.InText(it.article, it.para)
			it.fullNote = it.inText
		}
	}
	if opt.Format == JSON {
		v.steps = len(v.entries)
	} else {
		for _, s := range v.sections {
			v.steps += len(s.items)
		}
	}

	if opt.Style == cite.Chicago {
		// The first note on an article is a full note, later ones short.
		for si := range v.sections {
			s := &v.sections[si]
			for _, it := range s.items {
				v.notes = append(v.notes, citer.Note(it.article, it.para))
				s.noteNos = append(s.noteNos, len(v.notes))
			}
		}
	}

	if aids {
		v.buildAids(doc, arts, citer)
	}

	v.refs = citer.References()
	v.report.Articles = len(list)
}

// step reports progress on one more rendered entry, out of the total that
// build counted for the format.
func (v *view) step() {
	v.progress++
	if v.opt.Progress != nil {
		v.opt.Progress(v.progress, v.steps)
	}
}

// readingOrder sorts by article, paragraph, then position in the paragraph;
// orphans, which have no place, come last in their article.
func readingOrder(a, b *item) int {
	return cmp.Or(
		cmp.Compare(a.article.ID, b.article.ID),
		cmpBool(a.orphan, b.orphan),
		cmp.Compare(a.Passage.Seq, b.Passage.Seq),
		cmp.Compare(a.anchor.Start, b.anchor.Start),
		cmp.Compare(a.anchor.End, b.anchor.End),
		cmp.Compare(a.uid(), b.uid()),
	)
}

// cmpBool orders false before true.
func cmpBool(a, b bool) int {
	switch {
	case a == b:
		return 0
	case a:
		return 1
	}
	return -1
}

func byArticle(items []*item) []section {
	var out []section
	for _, it := range items {
		if n := len(out); n == 0 || out[n-1].items[0].article.ID != it.article.ID {
			out = append(out, section{heading: articleHeading(it.article)})
		}
		out[len(out)-1].items = append(out[len(out)-1].items, it)
	}
	return out
}

func articleHeading(a data.Article) string {
	h := a.Title
	if h == "" {
		h = "Untitled article"
	}
	if a.Outlet != "" {
		h += " (" + a.Outlet + ")"
	}
	return h
}

func byColour(items []*item, legend []data.Colour) []section {
	var out []section
	index := map[string]int{}
	for i := range legend {
		index[strings.ToLower(legend[i].Key)] = len(out)
		out = append(out, section{heading: legend[i].Meaning, colour: &legend[i]})
	}
	var none []*item
	for _, it := range items {
		if it.colour == nil {
			none = append(none, it)
			continue
		}
		k := strings.ToLower(it.colour.Key)
		i, ok := index[k]
		if !ok {
			// A colour missing from the legend gets its own heading after it.
			i = len(out)
			index[k] = i
			out = append(out, section{heading: it.colour.Meaning, colour: it.colour})
		}
		out[i].items = append(out[i].items, it)
	}
	if len(none) > 0 {
		out = append(out, section{heading: "Notes without a highlight", items: none})
	}
	return slices.DeleteFunc(out, func(s section) bool { return len(s.items) == 0 })
}

func byTag(items []*item) []section {
	var out []section
	index := map[string]int{}
	var untagged []*item
	for _, it := range items {
		if len(it.tags) == 0 {
			untagged = append(untagged, it)
		}
		for _, t := range it.tags {
			k := strings.ToLower(t)
			i, ok := index[k]
			if !ok {
				i = len(out)
				index[k] = i
				out = append(out, section{heading: tagLabel(t)})
			}
			out[i].items = append(out[i].items, it)
		}
	}
	slices.SortStableFunc(out, func(a, b section) int {
		return cmp.Or(cmp.Compare(strings.ToLower(a.heading), strings.ToLower(b.heading)), cmp.Compare(a.heading, b.heading))
	})
	if len(untagged) > 0 {
		out = append(out, section{heading: "Untagged", items: untagged})
	}
	return out
}

// describe returns the line under the title: when, style, order, scope and
// counts.
func (v *view) describe() string {
	var parts []string
	if !v.generated.IsZero() {
		parts = append(parts, "Exported "+v.generated.Format("2 January 2006, 15:04"))
	}
	parts = append(parts, v.opt.Style.Name()+" citations")
	order := map[Order]string{ByReading: "in reading order", ByColour: "by colour meaning", ByTag: "by tag"}[v.opt.Order]
	if v.outline {
		order = "outline"
	}
	parts = append(parts, order)
	if v.opt.Scope != (Scope{}) && !v.outline {
		parts = append(parts, v.scopeLabel())
	}
	entries := text.Plural(v.report.Entries, "entry", "entries")
	if v.outline {
		entries = text.Plural(v.report.Entries, "quote", "quotes")
	}
	parts = append(parts, entries+" from "+text.Plural(v.report.Articles, "article", "articles"))
	return strings.Join(parts, " · ")
}

// scopeLabel says in plain words which entries the scope kept: "Only
// highlights marked Key fact", "Only entries tagged #protest", "Only
// “Title”".
func (v *view) scopeLabel() string {
	s := v.opt.Scope
	switch {
	case s.Colour != "":
		meaning := s.Colour
		for _, c := range v.colours {
			if strings.EqualFold(c.Key, s.Colour) {
				meaning = c.Meaning
			}
		}
		return "Only highlights marked " + text.OneLine(meaning)
	case s.Tag != "":
		return "Only entries tagged " + tagLabel(s.Tag)
	case s.ArticleID != 0:
		for _, it := range v.entries {
			if it.article.ID == s.ArticleID && it.article.Title != "" {
				return "Only “" + text.OneLine(it.article.Title) + "”"
			}
		}
		return "Only article " + strconv.FormatInt(s.ArticleID, 10)
	}
	return ""
}

// nothingToExport stands in for the entries when the scope selects none.
const nothingToExport = "Nothing to export: no highlights or notes in this scope."

// tagsLead introduces an entry's tags, which every document format writes
// after the quote and its colour meaning, before the notes.
const tagsLead = "Tags: "

// tagLabel returns a tag as exports show it, on one line: "#protest".
func tagLabel(t string) string { return "#" + text.OneLine(t) }

// tagsLine returns an entry's tags as one line of text: "Tags: #community,
// #protest".
func tagsLine(tags []string) string {
	labels := make([]string, len(tags))
	for i, t := range tags {
		labels[i] = tagLabel(t)
	}
	return tagsLead + strings.Join(labels, ", ")
}

// failuresHeading heads the list of quotes that failed the verbatim check.
const failuresHeading = "Quotes that failed the verbatim check"

// failedMark precedes the reason on an entry whose quote failed the check.
const failedMark = "Verbatim check failed: "
