package sqlite

import (
	"context"
	"database/sql"
	"strings"

	"github.com/casebookapp/casebook/data"
	"github.com/casebookapp/casebook/data/search"
)

// The search index (package search) lives in the same SQLite file. These
// helpers keep it in step with the passages and notes, inside the
// transaction that changes them, so a failed write leaves both as they were.

// indexArticle adds an article's body and caption passages, and the notes placed on
// them, to the search index.
func (l *Library) indexArticle(ctx context.Context, tx *sql.Tx, articleID int64) error {
	rows, err := tx.QueryContext(ctx, `SELECT id, text FROM passages WHERE article_id = ? AND kind IN `+flowKinds+` ORDER BY seq`, articleID)
	docs, err := collect(rows, err, func(s scanner) (search.Doc, error) {
		d := search.Doc{Source: search.SourcePassage, Article: articleID}
		err := s.Scan(&d.ID, &d.Text)
		d.Passage = d.ID
		return d, err
	})
	if err != nil {
		return err
	}
	rows, err = tx.QueryContext(ctx, `SELECT id, passage_id, body FROM notes WHERE article_id = ? AND passage_id IS NOT NULL AND deleted_at IS NULL AND trim(body) <> ''`, articleID)
	notes, err := collect(rows, err, func(s scanner) (search.Doc, error) {
		d := search.Doc{Source: search.SourceNote, Article: articleID}
		return d, s.Scan(&d.ID, &d.Passage, &d.Text)
	})
	if err != nil {
		return err
	}
	return l.index.Put(ctx, tx, append(docs, notes...)...)
}

// unindexArticle removes an article's passages and notes from the index.
func (l *Library) unindexArticle(ctx context.Context, tx *sql.Tx, articleID int64) error {
	for _, q := range []struct {
		src   search.Source
		query string
	}{
		{search.SourcePassage, `SELECT id FROM passages WHERE article_id = ?`},
		{search.SourceNote, `SELECT id FROM notes WHERE article_id = ?`},
	} {
		ids, err := queryIDs(ctx, tx, q.query, articleID)
		if err != nil {
			return err
		}
		if err := l.index.Delete(ctx, tx, q.src, ids...); err != nil {
			return err
		}
	}
	return nil
}

// indexNotes brings notes' entries in the index up to date, in one batch:
// added or changed, or removed where a note is deleted, lost its place, or
// is blank.
func (l *Library) indexNotes(ctx context.Context, tx *sql.Tx, ids ...int64) error {
	// One statement takes at most 32,766 variables: a classmate's file can
	// hold more notes than that.
	const chunk = 10000
	for len(ids) > chunk {
		if err := l.indexNotes(ctx, tx, ids[:chunk]...); err != nil {
			return err
		}
		ids = ids[chunk:]
	}
	if len(ids) == 0 {
		return nil
	}
	args := make([]any, len(ids))
	for i, id := range ids {
		args[i] = id
	}
	rows, err := tx.QueryContext(ctx, `SELECT id, article_id, passage_id, body FROM notes
		WHERE passage_id IS NOT NULL AND deleted_at IS NULL AND trim(body) <> '' AND id IN (?`+strings.Repeat(",?", len(ids)-1)+`)`, args...)
	live, err := collect(rows, err, func(s scanner) (search.Doc, error) {
		d := search.Doc{Source: search.SourceNote}
		return d, s.Scan(&d.ID, &d.Article, &d.Passage, &d.Text)
	})
	if err != nil {
		return err
	}
	isLive := make(map[int64]bool, len(live))
	for _, d := range live {
		isLive[d.ID] = true
	}
	var gone []int64
	for _, id := range ids {
		if !isLive[id] {
			gone = append(gone, id)
		}
	}
	if err := l.index.Delete(ctx, tx, search.SourceNote, gone...); err != nil {
		return err
	}
	return l.index.Put(ctx, tx, live...)
}

func queryIDs(ctx context.Context, q querier, query string, args ...any) ([]int64, error) {
	rows, err := q.QueryContext(ctx, query, args...)
	return collect(rows, err, scanOne[int64])
}

// scanOne scans a row of one column.
func scanOne[T any](s scanner) (v T, err error) {
	err = s.Scan(&v)
	return v, err
}

// maxSearchLimit is the most results one search returns, whatever it asks
// for (data.DefaultSearchLimit when it asks for no number).
const maxSearchLimit = 1000

// Complete suggests up to n words of the library for the word being typed
// (the last word of q): words it begins, then words it matches as a
// subsequence or with a typo, frequent ones first. The search bar offers
// them under the query.
func (l *Library) Complete(q string, n int) []string { return l.index.Complete(q, n) }

// PrepareSearch loads the search index's vocabulary and document table into
// memory (0.3 s for 200,000 passages), so that the first query the student
// types is as fast as the rest. The GUI calls it in the background at
// start-up; searching without it is correct, only the first query is slower.
func (l *Library) PrepareSearch(ctx context.Context) error { return l.index.Refresh(ctx) }

// Search finds the passages that best match what the student typed, typos
// forgiven, best first. Nothing typed is an error: a query with no words
// finds nothing.
func (l *Library) Search(ctx context.Context, query string, opt data.SearchOptions) ([]data.SearchResult, error) {
	so := search.Options{Limit: opt.Limit}
	if so.Limit <= 0 {
		so.Limit = data.DefaultSearchLimit
	}
	so.Limit = min(so.Limit, maxSearchLimit)
	if opt.Article != 0 {
		so.Articles = []int64{opt.Article}
	}
	allow, err := l.searchFilter(ctx, opt)
	if err != nil {
		return nil, err
	}
	if allow != nil {
		so.Allow = func(p int64) bool { return allow[p] }
	}
	hits, err := l.index.Search(ctx, query, so)
	if err != nil {
		return nil, err
	}
	return l.searchResults(ctx, hits)
}

// searchResults turns index hits into results with one query for their
// passages (and titles) and one for their notes, since this runs on every
// keystroke in the search bar.
func (l *Library) searchResults(ctx context.Context, hits []search.Hit) ([]data.SearchResult, error) {
	if len(hits) == 0 {
		return []data.SearchResult{}, nil
	}
	var pids, nids []any
	for _, h := range hits {
		pids = append(pids, h.Passage)
		if h.Source == search.SourceNote {
			nids = append(nids, h.Note)
		}
	}
	type passageRow struct {
		data.Passage
		title string
	}
	rows, err := l.db.QueryContext(ctx, `SELECT `+passageColumns+`, a.title FROM passages p JOIN articles a ON a.id = p.article_id
		WHERE p.id IN (?`+strings.Repeat(",?", len(pids)-1)+`)`, pids...)
	ps, err := collect(rows, err, func(s scanner) (r passageRow, err error) {
		var kind string
		err = s.Scan(&r.ID, &r.ArticleID, &r.Seq, &r.N, &kind, &r.Text, &r.title)
		r.Kind = data.Kind(kind)
		return r, err
	})
	if err != nil {
		return nil, err
	}
	passages := make(map[int64]passageRow, len(ps))
	for _, p := range ps {
		passages[p.ID] = p
	}
	bodies := map[int64]string{}
	if len(nids) > 0 {
		rows, err := l.db.QueryContext(ctx, `SELECT id, body FROM notes WHERE deleted_at IS NULL AND id IN (?`+strings.Repeat(",?", len(nids)-1)+`)`, nids...)
		type noteRow struct {
			id   int64
			body string
		}
		ns, err := collect(rows, err, func(s scanner) (n noteRow, err error) {
			return n, s.Scan(&n.id, &n.body)
		})
		if err != nil {
			return nil, err
		}
		for _, n := range ns {
			bodies[n.id] = n.body
		}
	}

	out := make([]data.SearchResult, 0, len(hits))
	for _, h := range hits {
		p, ok := passages[h.Passage]
		if !ok {
			continue // removed since the index answered
		}
		r := data.SearchResult{Article: p.ArticleID, Title: p.title, Passage: p.N, PassageID: p.ID, Text: p.Text, Score: h.Score, In: "passage", Matches: [][2]int{}}
		if h.Source == search.SourceNote {
			body, ok := bodies[h.Note]
			if !ok {
				continue
			}
			r.In, r.Note, r.Text, r.PassageText = "note", h.Note, body, p.Text
		}
		for _, m := range h.Matches {
			r.Matches = append(r.Matches, [2]int{m.Start, m.End})
		}
		out = append(out, r)
	}
	return out, nil
}

// searchFilter returns the set of passages the colour, has-note and tag
// filters allow, or nil when no such filter is set.
func (l *Library) searchFilter(ctx context.Context, opt data.SearchOptions) (map[int64]bool, error) {
	var conds []string
	var args []any
	if opt.Colour != "" {
		key, err := colourKey(ctx, l.db, opt.Colour)
		if err != nil {
			return nil, err
		}
		conds = append(conds, `SELECT passage_id FROM highlights WHERE colour = ? AND deleted_at IS NULL AND passage_id IS NOT NULL`)
		args = append(args, key)
	}
	if opt.HasNote {
		conds = append(conds, `SELECT passage_id FROM notes WHERE deleted_at IS NULL AND passage_id IS NOT NULL`)
	}
	if t := strings.TrimLeft(strings.TrimSpace(opt.Tag), "#"); t != "" {
		conds = append(conds, `SELECT n.passage_id FROM notes n JOIN note_tags nt ON nt.note_id = n.id JOIN tags t ON t.id = nt.tag_id
			WHERE t.name = ? AND n.deleted_at IS NULL AND n.passage_id IS NOT NULL`)
		args = append(args, t)
	}
	if len(conds) == 0 {
		return nil, nil
	}
	ids, err := queryIDs(ctx, l.db, strings.Join(conds, " INTERSECT "), args...)
	if err != nil {
		return nil, err
	}
	set := make(map[int64]bool, len(ids))
	for _, id := range ids {
		set[id] = true
	}
	return set, nil
}
