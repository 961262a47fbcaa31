package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"strings"

	"github.com/casebookapp/casebook/data"
)

// makeAnchor builds the anchor of runes [start, end) of a passage's text.
func makeAnchor(p data.Passage, start, end int) (data.Anchor, error) {
	r := []rune(p.Text)
	if start < 0 || end > len(r) || start >= end {
		return data.Anchor{}, data.Errorf(data.EINVALID, "the selection %d–%d is outside paragraph %d, which has %d characters", start, end, p.N, len(r))
	}
	prefix, suffix := data.QuoteContext(p.Text, start, end)
	return data.Anchor{PassageID: p.ID, Start: start, End: end, Quote: string(r[start:end]), Prefix: prefix, Suffix: suffix}, nil
}

func numberedPassage(ctx context.Context, q querier, passageID int64) (data.Passage, error) {
	p, err := scanPassage(q.QueryRowContext(ctx, `SELECT `+passageColumns+` FROM passages p WHERE p.id = ?`, passageID))
	if errors.Is(err, sql.ErrNoRows) {
		return data.Passage{}, data.Errorf(data.ENOTFOUND, "there is no such passage")
	}
	if err != nil {
		return data.Passage{}, err
	}
	if !p.Kind.InFlow() {
		return data.Passage{}, data.Errorf(data.EINVALID, "only article text can be annotated, not the %s", p.Kind)
	}
	return p, nil
}

// Colours returns the colour legend in its order.
func (l *Library) Colours(ctx context.Context) ([]data.Colour, error) {
	rows, err := l.db.QueryContext(ctx, `SELECT key, meaning, rgb FROM colours ORDER BY position`)
	return collect(rows, err, func(s scanner) (c data.Colour, err error) {
		err = s.Scan(&c.Key, &c.Meaning, &c.RGB)
		return c, err
	})
}

// RenameColour gives a legend colour a new meaning.
func (l *Library) RenameColour(ctx context.Context, key, meaning string) error {
	meaning = strings.TrimSpace(meaning)
	if meaning == "" {
		return data.Errorf(data.EINVALID, "a colour's meaning cannot be empty")
	}
	return l.update(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE colours SET meaning = ? WHERE key = ?`, meaning, key)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return unknownColour(ctx, tx, key)
		}
		return nil
	})
}

// ColourKey finds a legend colour by key or meaning, ignoring case.
func (l *Library) ColourKey(ctx context.Context, name string) (string, error) {
	return colourKey(ctx, l.db, name)
}

func colourKey(ctx context.Context, q querier, name string) (string, error) {
	var key string
	err := q.QueryRowContext(ctx, `SELECT key FROM colours WHERE key = lower(?) OR lower(meaning) = lower(?)`, strings.TrimSpace(name), strings.TrimSpace(name)).Scan(&key)
	if errors.Is(err, sql.ErrNoRows) {
		return "", unknownColour(ctx, q, name)
	}
	return key, err
}

func unknownColour(ctx context.Context, q querier, name string) error {
	rows, err := q.QueryContext(ctx, `SELECT key FROM colours ORDER BY position`)
	keys, err := collect(rows, err, scanOne[string])
	if err != nil {
		return err
	}
	return data.Errorf(data.ENOTFOUND, "unknown colour %q: use one of %s", name, strings.Join(keys, ", "))
}

// AddHighlight highlights runes [start, end) of a passage in a legend colour
// (a key such as "green" or a meaning such as "Quote to use"). Highlighting
// exactly the same span again recolours it.
func (l *Library) AddHighlight(ctx context.Context, passageID int64, start, end int, colour string) (data.Highlight, error) {
	var h data.Highlight
	err := l.update(ctx, func(tx *sql.Tx) (err error) {
		h, err = l.addHighlight(ctx, tx, passageID, start, end, colour)
		return err
	})
	return h, err
}

// addHighlight is AddHighlight inside a transaction.
func (l *Library) addHighlight(ctx context.Context, tx *sql.Tx, passageID int64, start, end int, colour string) (data.Highlight, error) {
	var h data.Highlight
	err := func() error {
		key, err := colourKey(ctx, tx, colour)
		if err != nil {
			return err
		}
		p, err := numberedPassage(ctx, tx, passageID)
		if err != nil {
			return err
		}
		an, err := makeAnchor(p, start, end)
		if err != nil {
			return err
		}
		now := formatTime(l.now())
		var id int64
		err = tx.QueryRowContext(ctx, `SELECT id FROM highlights WHERE passage_id = ? AND start = ? AND end = ? AND deleted_at IS NULL`, p.ID, start, end).Scan(&id)
		switch {
		case err == nil:
			_, err = tx.ExecContext(ctx, `UPDATE highlights SET colour = ?, updated_at = ? WHERE id = ?`, key, now, id)
		case errors.Is(err, sql.ErrNoRows):
			var res sql.Result
			res, err = tx.ExecContext(ctx, `
				INSERT INTO highlights (uid, article_id, passage_id, start, end, quote, prefix, suffix, colour, created_at, updated_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
				newUID(), p.ArticleID, p.ID, an.Start, an.End, an.Quote, an.Prefix, an.Suffix, key, now, now)
			if err == nil {
				id, err = res.LastInsertId()
			}
		}
		if err != nil {
			return err
		}
		h, err = getHighlight(ctx, tx, id)
		return err
	}()
	return h, err
}

// RecolourHighlight changes a highlight's colour.
func (l *Library) RecolourHighlight(ctx context.Context, id int64, colour string) (data.Highlight, error) {
	var h data.Highlight
	err := l.update(ctx, func(tx *sql.Tx) error {
		key, err := colourKey(ctx, tx, colour)
		if err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, `UPDATE highlights SET colour = ?, updated_at = ? WHERE id = ? AND deleted_at IS NULL`, key, formatTime(l.now()), id)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return data.Errorf(data.ENOTFOUND, "there is no highlight %d", id)
		}
		h, err = getHighlight(ctx, tx, id)
		return err
	})
	return h, err
}

// DeleteHighlight removes highlights, all or none. RestoreHighlight undoes
// it: nothing is erased.
func (l *Library) DeleteHighlight(ctx context.Context, ids ...int64) error {
	return l.setDeleted(ctx, "highlights", "highlight", true, ids)
}

// RestoreHighlight brings back deleted highlights.
func (l *Library) RestoreHighlight(ctx context.Context, ids ...int64) error {
	return l.setDeleted(ctx, "highlights", "highlight", false, ids)
}

// DeleteNote removes notes, all or none. RestoreNote undoes it: nothing is
// erased.
func (l *Library) DeleteNote(ctx context.Context, ids ...int64) error {
	return l.setDeleted(ctx, "notes", "note", true, ids)
}

// RestoreNote brings back deleted notes.
func (l *Library) RestoreNote(ctx context.Context, ids ...int64) error {
	return l.setDeleted(ctx, "notes", "note", false, ids)
}

// setDeleted marks rows of table (highlights or notes) deleted or restores
// them, in one transaction: if one is missing, none changes.
func (l *Library) setDeleted(ctx context.Context, table, what string, deleted bool, ids []int64) error {
	return l.update(ctx, func(tx *sql.Tx) error {
		for _, id := range ids {
			var q string
			var args []any
			if deleted {
				q = `UPDATE ` + table + ` SET deleted_at = ? WHERE id = ? AND deleted_at IS NULL`
				args = []any{formatTime(l.now()), id}
			} else {
				q = `UPDATE ` + table + ` SET deleted_at = NULL WHERE id = ? AND deleted_at IS NOT NULL`
				args = []any{id}
			}
			res, err := tx.ExecContext(ctx, q, args...)
			if err != nil {
				return err
			}
			if n, _ := res.RowsAffected(); n == 0 {
				return data.Errorf(data.ENOTFOUND, "there is no %s %d to %s", what, id, map[bool]string{true: "delete", false: "restore"}[deleted])
			}
		}
		if table == "notes" {
			return l.indexNotes(ctx, tx, ids...)
		}
		return nil
	})
}

const highlightColumns = `h.id, h.uid, h.article_id, coalesce(h.passage_id, 0), h.start, h.end, h.quote, h.prefix, h.suffix, h.colour, h.created_at, h.updated_at, h.creator, h.from_name`

func scanHighlight(s scanner) (data.Highlight, error) {
	var h data.Highlight
	var created, updated string
	err := s.Scan(&h.ID, &h.UID, &h.ArticleID, &h.PassageID, &h.Start, &h.End, &h.Quote, &h.Prefix, &h.Suffix, &h.Colour, &created, &updated, &h.Creator, &h.From)
	h.CreatedAt, h.UpdatedAt = parseTime(created), parseTime(updated)
	return h, err
}

func getHighlight(ctx context.Context, q querier, id int64) (data.Highlight, error) {
	h, err := scanHighlight(q.QueryRowContext(ctx, `SELECT `+highlightColumns+` FROM highlights h WHERE h.id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return data.Highlight{}, data.Errorf(data.ENOTFOUND, "there is no highlight %d", id)
	}
	return h, err
}

// Highlights returns an article's highlights (all articles' if articleID is
// 0) in reading order; orphans come last.
func (l *Library) Highlights(ctx context.Context, articleID int64) ([]data.Highlight, error) {
	rows, err := l.db.QueryContext(ctx, `
		SELECT `+highlightColumns+` FROM highlights h LEFT JOIN passages p ON p.id = h.passage_id
		WHERE h.deleted_at IS NULL AND (? = 0 AND h.article_id IN (SELECT id FROM articles WHERE deleted_at IS NULL) OR h.article_id = ?)
		ORDER BY h.article_id, p.seq IS NULL, p.seq, h.start, h.id`, articleID, articleID)
	return collect(rows, err, scanHighlight)
}

// AddNote stores a new note.
func (l *Library) AddNote(ctx context.Context, nn data.NewNote) (data.Note, error) {
	if strings.TrimSpace(nn.Body) == "" {
		return data.Note{}, data.Errorf(data.EINVALID, "the note is empty: write something first")
	}
	var n data.Note
	err := l.update(ctx, func(tx *sql.Tx) (err error) {
		n, err = l.addNote(ctx, tx, nn)
		return err
	})
	return n, err
}

// addNote is AddNote inside a transaction.
func (l *Library) addNote(ctx context.Context, tx *sql.Tx, nn data.NewNote) (data.Note, error) {
	var n data.Note
	err := func() error {
		if nn.HighlightID != 0 {
			h, err := getHighlight(ctx, tx, nn.HighlightID)
			if err != nil {
				return err
			}
			if h.Orphan() {
				return data.Errorf(data.EINVALID, "highlight %d has lost its place in the text; a note cannot be attached to it", h.ID)
			}
			nn.PassageID, nn.Start, nn.End = h.PassageID, h.Start, h.End
		}
		p, err := numberedPassage(ctx, tx, nn.PassageID)
		if err != nil {
			return err
		}
		if nn.End == 0 {
			nn.Start, nn.End = 0, len([]rune(p.Text))
		}
		an, err := makeAnchor(p, nn.Start, nn.End)
		if err != nil {
			return err
		}
		now := formatTime(l.now())
		var hid any
		if nn.HighlightID != 0 {
			hid = nn.HighlightID
		}
		res, err := tx.ExecContext(ctx, `
			INSERT INTO notes (uid, article_id, passage_id, highlight_id, start, end, quote, prefix, suffix, body, created_at, updated_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			newUID(), p.ArticleID, p.ID, hid, an.Start, an.End, an.Quote, an.Prefix, an.Suffix, nn.Body, now, now)
		if err != nil {
			return err
		}
		id, err := res.LastInsertId()
		if err != nil {
			return err
		}
		if err := setTags(ctx, tx, id, nn.Tags); err != nil {
			return err
		}
		if err := l.indexNotes(ctx, tx, id); err != nil {
			return err
		}
		n, err = getNote(ctx, tx, id)
		return err
	}()
	return n, err
}

// UpdateNote replaces a note's text and tags. An empty text is kept: the
// student may be rewriting it; DeleteNote removes a note.
func (l *Library) UpdateNote(ctx context.Context, id int64, body string, tags []string) (data.Note, error) {
	var n data.Note
	err := l.update(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE notes SET body = ?, updated_at = ? WHERE id = ? AND deleted_at IS NULL`, body, formatTime(l.now()), id)
		if err != nil {
			return err
		}
		if c, _ := res.RowsAffected(); c == 0 {
			return data.Errorf(data.ENOTFOUND, "there is no note %d", id)
		}
		if err := setTags(ctx, tx, id, tags); err != nil {
			return err
		}
		if err := l.indexNotes(ctx, tx, id); err != nil {
			return err
		}
		n, err = getNote(ctx, tx, id)
		return err
	})
	return n, err
}

func setTags(ctx context.Context, tx *sql.Tx, noteID int64, tags []string) error {
	if _, err := tx.ExecContext(ctx, `DELETE FROM note_tags WHERE note_id = ?`, noteID); err != nil {
		return err
	}
	for _, t := range data.NormaliseTags(tags) {
		if _, err := tx.ExecContext(ctx, `INSERT INTO tags (name) VALUES (?) ON CONFLICT (name) DO NOTHING`, t); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `INSERT OR IGNORE INTO note_tags (note_id, tag_id) SELECT ?, id FROM tags WHERE name = ?`, noteID, t); err != nil {
			return err
		}
	}
	// Tags no note uses any more would linger in completion lists.
	_, err := tx.ExecContext(ctx, `DELETE FROM tags WHERE id NOT IN (SELECT tag_id FROM note_tags)`)
	return err
}

const noteColumns = `n.id, n.uid, n.article_id, coalesce(n.passage_id, 0), coalesce((SELECT pp.n FROM passages pp WHERE pp.id = n.passage_id), 0),
	coalesce(n.highlight_id, 0), n.start, n.end, n.quote, n.prefix, n.suffix, n.body, n.created_at, n.updated_at, n.creator,
	coalesce((SELECT group_concat(t.name, char(31)) FROM (SELECT t.name FROM note_tags nt JOIN tags t ON t.id = nt.tag_id WHERE nt.note_id = n.id ORDER BY t.name COLLATE NOCASE) t), ''), n.from_name`

func scanNote(s scanner) (data.Note, error) {
	var n data.Note
	var created, updated, tags string
	err := s.Scan(&n.ID, &n.UID, &n.ArticleID, &n.PassageID, &n.Para, &n.HighlightID, &n.Start, &n.End, &n.Quote, &n.Prefix, &n.Suffix, &n.Body, &created, &updated, &n.Creator, &tags, &n.From)
	n.CreatedAt, n.UpdatedAt = parseTime(created), parseTime(updated)
	if tags != "" {
		n.Tags = strings.Split(tags, "\x1f")
	}
	return n, err
}

func getNote(ctx context.Context, q querier, id int64) (data.Note, error) {
	n, err := scanNote(q.QueryRowContext(ctx, `SELECT `+noteColumns+` FROM notes n WHERE n.id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return data.Note{}, data.Errorf(data.ENOTFOUND, "there is no note %d", id)
	}
	return n, err
}

// Note returns one note.
func (l *Library) Note(ctx context.Context, id int64) (data.Note, error) {
	return getNote(ctx, l.db, id)
}

// Notes returns the notes that match f, in reading order; orphans last.
func (l *Library) Notes(ctx context.Context, f data.NoteFilter) ([]data.Note, error) {
	where := []string{"n.deleted_at IS NULL"}
	var args []any
	if f.ArticleID != 0 {
		where, args = append(where, "n.article_id = ?"), append(args, f.ArticleID)
	} else {
		// Across the library: the notes of deleted articles are in the bin.
		where = append(where, liveArticles("n.article_id"))
	}
	if f.PassageID != 0 {
		where, args = append(where, "n.passage_id = ?"), append(args, f.PassageID)
	}
	if f.Orphans {
		where = append(where, "n.passage_id IS NULL")
	}
	if f.Tag != "" {
		where = append(where, "n.id IN (SELECT nt.note_id FROM note_tags nt JOIN tags t ON t.id = nt.tag_id WHERE t.name = ?)")
		args = append(args, strings.TrimLeft(strings.TrimSpace(f.Tag), "#"))
	}
	rows, err := l.db.QueryContext(ctx, `
		SELECT `+noteColumns+` FROM notes n LEFT JOIN passages p ON p.id = n.passage_id
		WHERE `+strings.Join(where, " AND ")+`
		ORDER BY n.article_id, p.seq IS NULL, p.seq, n.start, n.created_at, n.id`, args...)
	return collect(rows, err, scanNote)
}

// Tags returns every tag in use, sorted.
func (l *Library) Tags(ctx context.Context) ([]string, error) {
	rows, err := l.db.QueryContext(ctx, `SELECT name FROM tags ORDER BY name COLLATE NOCASE`)
	return collect(rows, err, scanOne[string])
}
