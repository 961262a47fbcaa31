package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"github.com/casebookapp/casebook/data"
	"github.com/casebookapp/casebook/data/compare"
)

// What the student decided about a difference Compare flagged.
const (
	FlagDismissed = "dismissed" // not a real disagreement: hidden from then on
	FlagDisputed  = "disputed"  // a real disagreement: highlighted red on both sides, with a note
)

// FlagDecision is the student's decision on one flagged difference between
// two articles.
type FlagDecision struct {
	Topic  string `json:"topic"`
	TextA  string `json:"text_a"`
	TextB  string `json:"text_b"`
	Status string `json:"status"`
	NoteID int64  `json:"note,omitempty"`
}

// Matches reports whether the decision is about difference d of the
// comparison of A with B.
func (f FlagDecision) Matches(d compare.Difference) bool {
	return f.Topic == d.Topic && f.TextA == d.A.Text && f.TextB == d.B.Text
}

// Disagreement is what marking a difference as a real disagreement made: a
// red highlight on each side and a note on each that names the other.
type Disagreement struct {
	HighlightA, HighlightB data.Highlight
	NoteA, NoteB           data.Note
}

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
func (l *Library) CompareDecisions(ctx context.Context, a, b int64) ([]FlagDecision, error) {
	x, y := a, b
	if a > b {
		x, y = b, a
	}
	rows, err := l.db.QueryContext(ctx, `SELECT topic, text_a, text_b, status, coalesce(note_id, 0) FROM compare_flags WHERE article_a = ? AND article_b = ? ORDER BY id`, x, y)
	return collect(rows, err, func(s scanner) (FlagDecision, error) {
		var f FlagDecision
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
		return l.decide(ctx, tx, a, b, d, FlagDismissed, nil)
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
func (l *Library) MarkDisagreement(ctx context.Context, a, b int64, d compare.Difference) (Disagreement, error) {
	var out Disagreement
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
		return l.decide(ctx, tx, a, b, d, FlagDisputed, out.NoteA.ID)
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
