package sqlite

import (
	"context"
	"database/sql"

	"github.com/casebookapp/casebook/data"
	"github.com/casebookapp/casebook/data/anchor"
)

// flowKinds are the passage kinds of the reading flow (Kind.InFlow), in
// which annotations are placed, as an SQL list.
const flowKinds = `('body', 'caption')`

// placed is an annotation (a highlight or a note) being re-attached.
type placed struct {
	table string
	id    int64
	para  int // index of the paragraph it was in among the article's body and caption passages, or -1 for an orphan
	data.Anchor
}

// replacePassages swaps an article's paragraphs for new ones and re-attaches
// its highlights and notes to the new text by their quotes. Those that cannot
// be placed become orphans (passage_id NULL); none is deleted. It returns
// how many are orphans afterwards.
func (l *Library) replacePassages(ctx context.Context, tx *sql.Tx, articleID int64, ps []data.NewPassage) (int, error) {
	var anns []placed
	for _, table := range []string{"highlights", "notes"} {
		rows, err := tx.QueryContext(ctx, `
			SELECT a.id, CASE WHEN p.id IS NULL THEN -1 ELSE
				(SELECT count(*) FROM passages q WHERE q.article_id = p.article_id AND q.kind IN `+flowKinds+` AND q.seq < p.seq) END,
				a.start, a.end, a.quote, a.prefix, a.suffix
			FROM `+table+` a LEFT JOIN passages p ON p.id = a.passage_id
			WHERE a.article_id = ?`, articleID)
		some, err := collect(rows, err, func(s scanner) (placed, error) {
			a := placed{table: table}
			return a, s.Scan(&a.id, &a.para, &a.Start, &a.End, &a.Quote, &a.Prefix, &a.Suffix)
		})
		if err != nil {
			return 0, err
		}
		anns = append(anns, some...)
	}

	if err := l.unindexArticle(ctx, tx, articleID); err != nil {
		return 0, err
	}
	// Deleting the passages sets the annotations' passage_id to NULL.
	if _, err := tx.ExecContext(ctx, `DELETE FROM passages WHERE article_id = ?`, articleID); err != nil {
		return 0, err
	}
	if _, err := l.insertPassages(ctx, tx, articleID, ps); err != nil {
		return 0, err
	}
	fresh, err := queryPassages(ctx, tx, `p.article_id = ? AND p.kind IN `+flowKinds, articleID)
	if err != nil {
		return 0, err
	}

	texts := make([]string, len(fresh))
	for i, p := range fresh {
		texts[i] = p.Text
	}
	// Prepared once for all the article's annotations, not once for each.
	article := anchor.Prepare(texts)
	orphans := 0
	for _, a := range anns {
		i, start, end, ok := locateIn(a, article)
		if !ok {
			orphans++
			continue
		}
		an, err := makeAnchor(fresh[i], start, end)
		if err != nil {
			return 0, err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE `+a.table+` SET passage_id = ?, start = ?, end = ?, quote = ?, prefix = ?, suffix = ? WHERE id = ?`,
			an.PassageID, an.Start, an.End, an.Quote, an.Prefix, an.Suffix, a.id); err != nil {
			return 0, err
		}
	}
	if err := reattachOutlineItems(ctx, tx, articleID); err != nil {
		return 0, err
	}
	// Index last, so that the notes are indexed where they now stand.
	return orphans, l.indexArticle(ctx, tx, articleID)
}

// locateIn finds an annotation's place in an article's numbered paragraphs,
// prepared once for many annotations, exactly or fuzzily, by its quote and
// the text around it (package anchor). It returns the paragraph index and
// rune offsets.
func locateIn(a placed, article *anchor.Passages) (idx, start, end int, ok bool) {
	m, ok := article.Locate(anchor.Target{Quote: a.Quote, Prefix: a.Prefix, Suffix: a.Suffix, Passage: a.para, Start: a.Start})
	return m.Passage, m.Start, m.End, ok
}
