package export

import (
	"context"
	"time"

	"github.com/casebookapp/casebook/data"
)

// Library is what an export reads from a library (the store's
// *sqlite.Library is one).
type Library interface {
	Path() string
	Articles(ctx context.Context) ([]data.ArticleSummary, error)
	Colours(ctx context.Context) ([]data.Colour, error)
	Highlights(ctx context.Context, articleID int64) ([]data.Highlight, error)
	Notes(ctx context.Context, f data.NoteFilter) ([]data.Note, error)
	Passages(ctx context.Context, articleID int64) ([]data.Passage, error)
	Outlines(ctx context.Context) ([]data.OutlineSummary, error)
	Outline(ctx context.Context, id int64) (data.Outline, error)
}

// Load reads from the library everything an export needs: one entry per
// highlight with the notes attached to it, one entry per span (a whole
// passage or a selection in it) for the notes on that span without a
// highlight, and one entry per orphaned note (Write puts them in order); the
// colour legend; the articles' current metadata; and the outlines.
//
// An import may change an article while Load reads it. A passage that is
// gone by the time its article's passages are read leaves the annotations on
// it orphaned, as re-anchoring would; the export does not fail.
func Load(ctx context.Context, lib Library) (Document, error) {
	doc := Document{generated: time.Now(), library: lib.Path()}
	arts, err := lib.Articles(ctx)
	if err != nil {
		return doc, err
	}
	byID := map[int64]data.Article{}
	for _, a := range arts {
		byID[a.ID] = a.Article
		doc.Articles = append(doc.Articles, a.Article)
	}
	if doc.Colours, err = lib.Colours(ctx); err != nil {
		return doc, err
	}
	hs, err := lib.Highlights(ctx, 0)
	if err != nil {
		return doc, err
	}
	notes, err := lib.Notes(ctx, data.NoteFilter{})
	if err != nil {
		return doc, err
	}
	if doc.Entries, err = entries(ctx, byID, hs, notes, lib.Passages); err != nil {
		return doc, err
	}
	outlines, err := lib.Outlines(ctx)
	if err != nil {
		return doc, err
	}
	for _, s := range outlines {
		o, err := lib.Outline(ctx, s.ID)
		if err != nil {
			return doc, err
		}
		doc.Outlines = append(doc.Outlines, o)
	}
	return doc, nil
}

// passagesFunc reads all of an article's passages, as sqlite.Library.Passages
// does.
type passagesFunc func(ctx context.Context, articleID int64) ([]data.Passage, error)

// entries groups highlights and notes into entries, with their articles and
// passages. It reads the passages of each article that has annotations once,
// through passages.
func entries(ctx context.Context, byID map[int64]data.Article, hs []data.Highlight, notes []data.Note, passages passagesFunc) ([]Entry, error) {
	var out []Entry
	byPassage := map[int64]data.Passage{}
	// around holds the text of the reading-flow passages before and after
	// each passage: the context of an annotation on a whole paragraph.
	around := map[int64][2]string{}
	read := map[int64]bool{}
	// passage returns the passage an anchor is on. It clears the anchor's
	// passage when the passage is gone, which makes the anchor an orphan.
	passage := func(articleID int64, a *data.Anchor) (data.Passage, error) {
		if a.Orphan() {
			return data.Passage{}, nil
		}
		if !read[articleID] {
			read[articleID] = true
			ps, err := passages(ctx, articleID)
			// An article deleted meanwhile has no passages left.
			if err != nil && data.ErrorCode(err) != data.ENOTFOUND {
				return data.Passage{}, err
			}
			var flow []data.Passage
			for _, p := range ps {
				byPassage[p.ID] = p
				if p.Kind.InFlow() {
					flow = append(flow, p)
				}
			}
			for i, p := range flow {
				var ctx [2]string
				if i > 0 {
					ctx[0] = flow[i-1].Text
				}
				if i+1 < len(flow) {
					ctx[1] = flow[i+1].Text
				}
				around[p.ID] = ctx
			}
		}
		p, ok := byPassage[a.PassageID]
		if !ok {
			a.PassageID = 0
		}
		return p, nil
	}

	onHighlight := map[int64][]data.Note{}
	for _, n := range notes {
		if n.HighlightID != 0 {
			onHighlight[n.HighlightID] = append(onHighlight[n.HighlightID], n)
		}
	}
	// A note on exactly the span of a highlight is exported with it, so the
	// same quote is not printed twice.
	type span struct {
		passage    int64
		start, end int
	}
	highlighted := map[span]int{}
	for i := range hs {
		h := &hs[i]
		p, err := passage(h.ArticleID, &h.Anchor)
		if err != nil {
			return nil, err
		}
		if !h.Orphan() {
			highlighted[span{h.PassageID, h.Start, h.End}] = len(out)
		}
		hn := onHighlight[h.ID]
		if h.Orphan() {
			// The notes on a highlight are where it is.
			for j := range hn {
				hn[j].PassageID = 0
			}
		}
		out = append(out, Entry{Article: byID[h.ArticleID], Passage: p, Highlight: h, Notes: hn,
			before: around[p.ID][0], after: around[p.ID][1]})
		delete(onHighlight, h.ID)
	}

	// Notes without a highlight (or on a highlight since deleted) are
	// grouped by the span they are on, so that a note on a few words quotes
	// those words and not its whole paragraph; each orphaned note is an entry
	// of its own.
	bySpan := map[span]int{}
	for _, n := range notes {
		if n.HighlightID != 0 && onHighlight[n.HighlightID] == nil {
			continue // exported with its highlight
		}
		p, err := passage(n.ArticleID, &n.Anchor)
		if err != nil {
			return nil, err
		}
		at := span{n.PassageID, n.Start, n.End}
		if !n.Orphan() {
			if i, ok := highlighted[at]; ok && n.HighlightID == 0 {
				out[i].Notes = append(out[i].Notes, n)
				continue
			}
			if i, ok := bySpan[at]; ok {
				out[i].Notes = append(out[i].Notes, n)
				continue
			}
			bySpan[at] = len(out)
		}
		out = append(out, Entry{Article: byID[n.ArticleID], Passage: p, Notes: []data.Note{n},
			before: around[p.ID][0], after: around[p.ID][1]})
	}
	return out, nil
}
