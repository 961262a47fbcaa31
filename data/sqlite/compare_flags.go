package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"github.com/casebookapp/casebook/data"
	"github.com/casebookapp/casebook/data/compare"
)

// flagKey orders a decision's articles so that comparing A with B and B
// with A find the same decisions.
func flagKey(a, b int64, d compare.Difference) (int64, int64, string, string) {
	if a <= b {
		return a, b, d.A.Text, d.B.Text
	}
	return b, a, d.B.Text, d.A.Text
}

// CompareDecisions returns the decisions taken on the differences between
// articles a and b, with A and B as given.
func (l *Library) CompareDecisions(ctx context.Context, a, b int64) ([]compare.FlagDecision, error) {
	x, y := a, b
	if a > b {
		x, y = b, a
	}
	rows, err := l.db.QueryContext(ctx, `SELECT topic, text_a, text_b, status, coalesce(note_id, 0) FROM compare_flags WHERE article_a = ? AND article_b = ? ORDER BY id`, x, y)
	return collect(rows, err, func(s scanner) (compare.FlagDecision, error) {
		var f compare.FlagDecision
		err := s.Scan(&f.Topic, &f.TextA, &f.TextB, &f.Status, &f.NoteID)
		if a > b {
			f.TextA, f.TextB = f.TextB, f.TextA
		}
		return f, err
	})
}

// DismissDifference records that a flagged difference between articles a
// and b is not a real disagreement.
func (l *Library) DismissDifference(ctx context.Context, a, b int64, d compare.Difference) error {
	return l.update(ctx, func(tx *sql.Tx) error {
		return l.decide(ctx, tx, a, b, d, compare.FlagDismissed, nil)
	})
}

func (l *Library) decide(ctx context.Context, tx *sql.Tx, a, b int64, d compare.Difference, status string, note any) error {
	x, y, ta, tb := flagKey(a, b, d)
	_, err := tx.ExecContext(ctx, `
		INSERT INTO compare_flags (article_a, article_b, topic, text_a, text_b, status, note_id, decided_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (article_a, article_b, topic, text_a, text_b) DO UPDATE SET status = excluded.status, note_id = excluded.note_id, decided_at = excluded.decided_at`,
		x, y, d.Topic, ta, tb, status, note, formatTime(l.now()))
	return err
}

// MarkDisagreement records that a flagged difference between articles a and
// b is a real disagreement: the words that differ are highlighted red
// ("Disputed") in both passages (the whole passage when they cannot be
// found), each with a note that quotes both versions. All in one
// transaction.
func (l *Library) MarkDisagreement(ctx context.Context, a, b int64, d compare.Difference) (compare.Disagreement, error) {
	var out compare.Disagreement
	err := l.update(ctx, func(tx *sql.Tx) error {
		artA, err := getArticle(ctx, tx, a)
		if err != nil {
			return err
		}
		artB, err := getArticle(ctx, tx, b)
		if err != nil {
			return err
		}
		mark := func(id int64, side compare.Side) (data.Highlight, error) {
			p, err := getPassage(ctx, tx, id, side.Para)
			if err != nil {
				return data.Highlight{}, err
			}
			start, end := 0, len([]rune(p.Text))
			if i := strings.Index(p.Text, side.Text); i >= 0 && side.Text != "" {
				start = len([]rune(p.Text[:i]))
				end = start + len([]rune(side.Text))
			}
			return l.addHighlight(ctx, tx, p.ID, start, end, "red")
		}
		if out.HighlightA, err = mark(a, d.A); err != nil {
			return err
		}
		if out.HighlightB, err = mark(b, d.B); err != nil {
			return err
		}
		body := fmt.Sprintf("Disputed (%s): %s ¶%d says “%s”; %s ¶%d says “%s”.",
			d.Topic, sourceName(artA), d.A.Para, d.A.Text, sourceName(artB), d.B.Para, d.B.Text)
		if out.NoteA, err = l.addNote(ctx, tx, data.NewNote{HighlightID: out.HighlightA.ID, Body: body, Tags: []string{"disputed"}}); err != nil {
			return err
		}
		if out.NoteB, err = l.addNote(ctx, tx, data.NewNote{HighlightID: out.HighlightB.ID, Body: body, Tags: []string{"disputed"}}); err != nil {
			return err
		}
		return l.decide(ctx, tx, a, b, d, compare.FlagDisputed, out.NoteA.ID)
	})
	return out, err
}

// sourceName names an article in a note: its outlet, else its title.
func sourceName(a data.Article) string {
	switch {
	case a.Outlet != "":
		return a.Outlet
	case a.Title != "":
		return "“" + a.Title + "”"
	}
	return fmt.Sprintf("article %d", a.ID)
}
