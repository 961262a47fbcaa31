package export

import (
	"slices"
	"strings"

	"github.com/casebookapp/casebook/data"
)

// buildOutline lays out an outline as the skeleton of an essay: its
// sections in the student's order, each with the student's text and the
// quotes placed under it with their citations, then the reference list of
// the articles the outline cites, and only those.
//
// A highlight item quotes its highlight, with the notes on it; a note item
// quotes the words the note is on, with the note; a passage item quotes
// each of the passage's highlights and noted spans, in reading order, or
// the whole passage when nothing in it is marked.
func buildOutline(doc Document, opt Options) (*view, error) {
	var o *data.Outline
	var names []string
	for i := range doc.Outlines {
		names = append(names, doc.Outlines[i].Name)
		if strings.EqualFold(strings.TrimSpace(doc.Outlines[i].Name), strings.TrimSpace(opt.Scope.Outline)) {
			o = &doc.Outlines[i]
		}
	}
	if o == nil {
		if len(names) == 0 {
			return nil, data.Errorf(data.ENOTFOUND, "there is no outline %q: there are no outlines yet", opt.Scope.Outline)
		}
		return nil, data.Errorf(data.ENOTFOUND, "there is no outline %q; the outlines are: %s", opt.Scope.Outline, strings.Join(names, ", "))
	}
	v := &view{opt: opt, title: o.Name, generated: doc.generated, colours: doc.Colours, outline: true}

	arts := map[int64]data.Article{}
	for _, a := range doc.Articles {
		arts[a.ID] = a
	}
	byHighlight := map[int64]Entry{}
	byNote := map[int64]Entry{}
	byPassage := map[int64][]Entry{}
	for _, e := range doc.Entries {
		if e.Highlight != nil {
			byHighlight[e.Highlight.ID] = e
		}
		for _, n := range e.Notes {
			ne := e
			ne.Highlight, ne.Notes = nil, []data.Note{n}
			byNote[n.ID] = ne
		}
		if e.Passage.ID != 0 && !e.Anchor().Orphan() {
			byPassage[e.Passage.ID] = append(byPassage[e.Passage.ID], e)
		}
	}

	mk := itemMaker(doc)
	cited := map[int64]data.Article{}
	add := func(s *section, it *item) {
		s.items = append(s.items, it)
		v.entries = append(v.entries, it)
		if it.Highlight != nil {
			v.report.Highlights++
		}
		v.report.Notes += len(it.Notes)
		cited[it.article.ID] = it.article
		if it.failure != "" {
			v.report.Failures = append(v.report.Failures, Failure{
				UID: it.uid(), ArticleID: it.article.ID, Title: it.article.Title,
				Para: it.para, Quote: it.quote, Reason: it.failure,
			})
		}
	}
	for _, sec := range o.Sections {
		s := section{heading: sec.Heading, text: sec.Text}
		for _, oi := range sec.Items {
			switch oi.Kind {
			case data.ItemHighlight:
				if e, ok := byHighlight[oi.HighlightID]; ok {
					add(&s, mk(e))
				}
			case data.ItemNote:
				if e, ok := byNote[oi.NoteID]; ok {
					add(&s, mk(e))
				}
			case data.ItemPassage:
				if es := byPassage[oi.PassageID]; oi.PassageID != 0 && len(es) > 0 {
					var its []*item
					for _, e := range es {
						its = append(its, mk(e))
					}
					slices.SortStableFunc(its, readingOrder)
					for _, it := range its {
						add(&s, it)
					}
					continue
				}
				add(&s, wholePassage(mk, arts, oi))
			}
		}
		v.sections = append(v.sections, s)
	}
	v.report.Entries = len(v.entries)
	v.finish(doc, cited)
	return v, nil
}

// wholePassage quotes a passage item with nothing marked in it: the whole
// paragraph.
func wholePassage(mk func(Entry) *item, arts map[int64]data.Article, oi data.OutlineItem) *item {
	text := ""
	if len(oi.Quotes) > 0 {
		text = oi.Quotes[0]
	}
	p := data.Passage{ID: oi.PassageID, ArticleID: oi.ArticleID, N: oi.Para, Kind: data.KindBody, Text: text}
	it := mk(Entry{Article: arts[oi.ArticleID], Passage: p})
	it.anchor = data.Anchor{PassageID: oi.PassageID, End: len([]rune(text)), Quote: text}
	it.quote = text
	it.orphan = oi.PassageID == 0 || oi.Para == 0
	it.para = oi.Para
	it.failure = ""
	if it.orphan {
		it.para = 0
		it.failure = "orphaned: the article's text changed and the paragraph could not be found again"
	}
	return it
}
