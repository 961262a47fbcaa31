package export

import (
	"context"
	"time"

	"github.com/casebookapp/casebook/data"
)

// Load reads from the library everything an export needs: one entry per
// highlight with the notes attached to it, one entry per span (a whole
// passage or a selection in it) for the notes on that span without a
// highlight, and one entry per orphaned note (Write puts them in order); the
// colour legend; and the articles' current metadata.
func Load(ctx context.Context, lib *data.Library) (Document, error) {
	doc := Document{Generated: time.Now()}
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

	passages := map[int64]data.Passage{}
	passage := func(id int64) (data.Passage, error) {
		if id == 0 {
			return data.Passage{}, nil
		}
		if p, ok := passages[id]; ok {
			return p, nil
		}
		p, err := lib.PassageByID(ctx, id)
		passages[id] = p
		return p, err
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
		if !h.Orphan() {
			highlighted[span{h.PassageID, h.Start, h.End}] = len(doc.Entries)
		}
		p, err := passage(h.PassageID)
		if err != nil {
			return doc, err
		}
		doc.Entries = append(doc.Entries, Entry{Article: byID[h.ArticleID], Passage: p, Highlight: h, Notes: onHighlight[h.ID]})
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
		at := span{n.PassageID, n.Start, n.End}
		if !n.Orphan() {
			if i, ok := highlighted[at]; ok && n.HighlightID == 0 {
				doc.Entries[i].Notes = append(doc.Entries[i].Notes, n)
				continue
			}
			if i, ok := bySpan[at]; ok {
				doc.Entries[i].Notes = append(doc.Entries[i].Notes, n)
				continue
			}
		}
		p, err := passage(n.PassageID)
		if err != nil {
			return doc, err
		}
		if !n.Orphan() {
			bySpan[at] = len(doc.Entries)
		}
		doc.Entries = append(doc.Entries, Entry{Article: byID[n.ArticleID], Passage: p, Notes: []data.Note{n}})
	}
	return doc, nil
}
