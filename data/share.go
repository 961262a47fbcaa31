package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/casebookapp/casebook/data/anchor"
)

// Annotation is one highlight or one note as a study group shares it
// (package export reads and writes them as W3C Web Annotations): enough to
// find its article and passage in another library, and to tell which of two
// versions is newer.
type Annotation struct {
	// UID is the annotation's id without its "urn:uuid:" prefix; annotations
	// from other tools keep their whole id.
	UID string
	// Motivation is "highlighting" for a highlight, "commenting" for a note.
	Motivation string
	// Source identifies the article: its web address, or a casebook URN.
	Source string
	Title  string // the article's title, if known
	Hash   string // hex SHA-256 of the article's original text, if known
	// Para is the paragraph's citation number, or 0 when unknown (an orphan).
	Para int
	// Quote, Prefix and Suffix place the annotation by text.
	Quote, Prefix, Suffix string
	// Start and End are rune offsets into the paragraph; meaningful only
	// when Para is not 0.
	Start, End int
	// Colour is a highlight's colour key ("yellow"); "" for a note.
	Colour string
	// Body is a note's Markdown; "" for a highlight.
	Body string
	Tags []string
	// Highlight is the UID of the highlight a note belongs to, or "".
	Highlight         string
	Created, Modified time.Time
	// Creator is the name of who made it, if the file gives one.
	Creator string
}

// IsNote reports whether the annotation is a note rather than a highlight.
func (a Annotation) IsNote() bool {
	return a.Motivation == "commenting" || (a.Motivation != "highlighting" && a.Body != "")
}

// MergeReport says what merging a study group's annotations did.
type MergeReport struct {
	Added, Updated, Unchanged int
	// Orphaned counts the annotations added or updated whose quote could not
	// be placed in the article; they are kept as orphans.
	Orphaned int
	// Skipped says, one line each, which annotations could not be merged
	// and why (their article is not in this library).
	Skipped []string
	// Outlines counts the outlines added or updated.
	Outlines int
}

// MergeAnnotations merges a classmate's highlights and notes into the
// library, in one transaction. Annotations are matched by id: a new id is
// added, a known one is updated only if the incoming version is newer, so
// merging the same file twice changes nothing. Each is placed by its
// paragraph and quote, or re-anchored by quote if the text differs.
func (l *Library) MergeAnnotations(ctx context.Context, anns []Annotation) (MergeReport, error) {
	return l.MergeBundle(ctx, anns, nil)
}

// MergeBundle merges a classmate's highlights and notes, as MergeAnnotations
// does, and then their outlines, in the same transaction (see
// mergeOutline).
func (l *Library) MergeBundle(ctx context.Context, anns []Annotation, outlines []SharedOutline) (MergeReport, error) {
	var rep MergeReport
	err := l.update(ctx, func(tx *sql.Tx) error {
		rep = MergeReport{}
		m := merger{l: l, tx: tx, ctx: ctx, articles: map[string]int64{}, texts: map[int64]articleText{}}
		// Highlights first, so that notes can find the highlight they belong to.
		for _, notes := range []bool{false, true} {
			for _, a := range anns {
				if a.IsNote() != notes {
					continue
				}
				if err := m.merge(a, &rep); err != nil {
					return err
				}
			}
		}
		for _, o := range outlines {
			if err := m.mergeOutline(o, &rep); err != nil {
				return err
			}
		}
		// Index the merged notes in one batch, not one per note.
		return l.indexNotes(ctx, tx, m.notes...)
	})
	return rep, err
}

// articleText is an article's numbered passages, and their text prepared
// once for re-anchoring many annotations.
type articleText struct {
	passages []Passage
	prepared *anchor.Passages
}

type merger struct {
	l        *Library
	tx       *sql.Tx
	ctx      context.Context
	articles map[string]int64
	notes    []int64               // notes added or updated, to index at the end
	texts    map[int64]articleText // numbered passages of an article, prepared for locating quotes
}

// article finds the annotation's article by content hash, address or title.
func (m *merger) article(a Annotation) (int64, error) {
	key := a.Hash + "\x00" + a.Source + "\x00" + a.Title
	if id, ok := m.articles[key]; ok {
		return id, nil
	}
	var id int64
	for _, q := range []struct{ where, arg string }{
		{"hash = ?", a.Hash},
		{"source = ?", a.Source},
		{"lower(title) = lower(?)", a.Title},
	} {
		if q.arg == "" {
			continue
		}
		err := m.tx.QueryRowContext(m.ctx, `SELECT id FROM articles WHERE `+q.where+` ORDER BY id LIMIT 1`, q.arg).Scan(&id)
		if err == nil {
			break
		}
		if !errors.Is(err, sql.ErrNoRows) {
			return 0, err
		}
	}
	m.articles[key] = id
	return id, nil
}

// place finds where the annotation goes in its article: its paragraph and
// offsets if the quote is still there, else wherever the quote is found.
func (m *merger) place(articleID int64, a Annotation) (Anchor, bool, error) {
	art, ok := m.texts[articleID]
	if !ok {
		ps, err := queryPassages(m.ctx, m.tx, `p.article_id = ? AND p.kind IN `+flowKinds, articleID)
		if err != nil {
			return Anchor{}, false, err
		}
		texts := make([]string, len(ps))
		for i, p := range ps {
			texts[i] = p.Text
		}
		art = articleText{ps, anchor.Prepare(texts)}
		m.texts[articleID] = art
	}
	ps := art.passages
	if a.Para >= 1 && a.Para <= len(ps) {
		p := ps[a.Para-1]
		r := []rune(p.Text)
		if a.Start >= 0 && a.End <= len(r) && a.Start < a.End && string(r[a.Start:a.End]) == a.Quote {
			an, err := makeAnchor(p, a.Start, a.End)
			return an, err == nil, err
		}
	}
	i, start, end, found := locateIn(placed{para: a.Para - 1, Anchor: Anchor{Quote: a.Quote, Prefix: a.Prefix, Suffix: a.Suffix}}, art.prepared)
	if !found {
		return Anchor{Quote: a.Quote, Prefix: a.Prefix, Suffix: a.Suffix}, false, nil
	}
	an, err := makeAnchor(ps[i], start, end)
	return an, err == nil, err
}

func (m *merger) merge(a Annotation, rep *MergeReport) error {
	name := "highlight"
	table := "highlights"
	if a.IsNote() {
		name, table = "note", "notes"
	}
	if a.UID == "" {
		rep.Skipped = append(rep.Skipped, fmt.Sprintf("a %s with no id (%q)", name, clipText(a.Quote, 40)))
		return nil
	}
	modified := a.Modified
	if modified.IsZero() {
		modified = a.Created
	}
	if modified.IsZero() {
		modified = m.l.now()
	}
	created := a.Created
	if created.IsZero() {
		created = modified
	}

	// A known id: keep whichever version is newer. A local deletion counts
	// as a change made when it happened.
	var id int64
	var updated string
	var deleted sql.NullString
	err := m.tx.QueryRowContext(m.ctx, `SELECT id, updated_at, deleted_at FROM `+table+` WHERE uid = ?`, a.UID).Scan(&id, &updated, &deleted)
	switch {
	case err == nil:
		local := parseTime(updated)
		if deleted.Valid && parseTime(deleted.String).After(local) {
			local = parseTime(deleted.String)
		}
		if !modified.After(local) {
			rep.Unchanged++
			return nil
		}
	case !errors.Is(err, sql.ErrNoRows):
		return err
	}

	articleID, err := m.article(a)
	if err != nil {
		return err
	}
	if articleID == 0 {
		rep.Skipped = append(rep.Skipped, fmt.Sprintf("a %s on %q: that article is not in this library; import it first", name, orText(a.Title, a.Source)))
		return nil
	}
	an, ok, err := m.place(articleID, a)
	if err != nil {
		return err
	}
	if !ok {
		rep.Orphaned++
	}
	var passage any
	if ok {
		passage = an.PassageID
	}

	if !a.IsNote() {
		colour := a.Colour
		if colour == "" {
			colour = DefaultColours[0].Key
		}
		if colour, err = colourKey(m.ctx, m.tx, colour); err != nil {
			colour = DefaultColours[0].Key
		}
		if id == 0 {
			_, err = m.tx.ExecContext(m.ctx, `
				INSERT INTO highlights (uid, article_id, passage_id, start, end, quote, prefix, suffix, colour, created_at, updated_at, creator)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
				a.UID, articleID, passage, an.Start, an.End, an.Quote, an.Prefix, an.Suffix, colour, formatTime(created), formatTime(modified), a.Creator)
			rep.Added++
		} else {
			_, err = m.tx.ExecContext(m.ctx, `
				UPDATE highlights SET article_id = ?, passage_id = ?, start = ?, end = ?, quote = ?, prefix = ?, suffix = ?, colour = ?, updated_at = ?, deleted_at = NULL,
					creator = ?
				WHERE id = ?`, articleID, passage, an.Start, an.End, an.Quote, an.Prefix, an.Suffix, colour, formatTime(modified), a.Creator, id)
			rep.Updated++
		}
		return err
	}

	var highlight any
	if a.Highlight != "" {
		var hid int64
		if err := m.tx.QueryRowContext(m.ctx, `SELECT id FROM highlights WHERE uid = ?`, a.Highlight).Scan(&hid); err == nil {
			highlight = hid
		}
	}
	if id == 0 {
		var res sql.Result
		res, err = m.tx.ExecContext(m.ctx, `
			INSERT INTO notes (uid, article_id, passage_id, highlight_id, start, end, quote, prefix, suffix, body, created_at, updated_at, creator)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			a.UID, articleID, passage, highlight, an.Start, an.End, an.Quote, an.Prefix, an.Suffix, a.Body, formatTime(created), formatTime(modified), a.Creator)
		if err == nil {
			id, err = res.LastInsertId()
		}
		rep.Added++
	} else {
		_, err = m.tx.ExecContext(m.ctx, `
			UPDATE notes SET article_id = ?, passage_id = ?, highlight_id = ?, start = ?, end = ?, quote = ?, prefix = ?, suffix = ?, body = ?, updated_at = ?, deleted_at = NULL,
				creator = ?
			WHERE id = ?`, articleID, passage, highlight, an.Start, an.End, an.Quote, an.Prefix, an.Suffix, a.Body, formatTime(modified), a.Creator, id)
		rep.Updated++
	}
	if err != nil {
		return err
	}
	if err := setTags(m.ctx, m.tx, id, a.Tags); err != nil {
		return err
	}
	m.notes = append(m.notes, id)
	return nil
}

func orText(s, alt string) string {
	if s == "" {
		return alt
	}
	return s
}

// clipText shortens s to at most n runes.
func clipText(s string, n int) string {
	r := []rune(strings.TrimSpace(s))
	if len(r) <= n {
		return string(r)
	}
	return string(r[:n-1]) + "…"
}
