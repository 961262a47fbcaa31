package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/casebookapp/casebook/data"
)

func findTemplate(name string) (data.Template, bool) {
	for _, t := range data.Templates {
		if strings.EqualFold(t.Name, name) || strings.EqualFold(t.Title, name) {
			return t, true
		}
	}
	return data.Template{}, false
}

// NewOutline creates an outline from a template (brief, essay, compare or
// blank).
func (l *Library) NewOutline(ctx context.Context, name, template string) (data.Outline, error) {
	name = strings.TrimSpace(name)
	if name == "" {
		return data.Outline{}, data.Errorf(data.EINVALID, "an outline needs a name")
	}
	t, ok := findTemplate(template)
	if !ok {
		return data.Outline{}, data.Errorf(data.EINVALID, "unknown template %q: use one of %s", template, strings.Join(data.TemplateNames(), ", "))
	}
	var o data.Outline
	err := l.update(ctx, func(tx *sql.Tx) error {
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM outlines WHERE name = ?`, name).Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			return data.Errorf(data.EDUPLICATE, "there is already an outline called %q", name)
		}
		now := formatTime(l.now())
		res, err := tx.ExecContext(ctx, `INSERT INTO outlines (uid, name, template, created_at, updated_at) VALUES (?, ?, ?, ?, ?)`,
			newUID(), name, t.Name, now, now)
		if err != nil {
			return err
		}
		id, err := res.LastInsertId()
		if err != nil {
			return err
		}
		for i, h := range t.Headings {
			if _, err := tx.ExecContext(ctx, `INSERT INTO outline_sections (outline_id, position, heading) VALUES (?, ?, ?)`, id, i, h); err != nil {
				return err
			}
		}
		o, err = getOutline(ctx, tx, id)
		return err
	})
	return o, err
}

// Outlines lists the library's outlines by name.
func (l *Library) Outlines(ctx context.Context) ([]data.OutlineSummary, error) {
	rows, err := l.db.QueryContext(ctx, `
		SELECT o.id, o.name, o.template, o.updated_at,
			(SELECT count(*) FROM outline_sections s WHERE s.outline_id = o.id),
			(SELECT count(*) FROM outline_items i JOIN outline_sections s ON s.id = i.section_id WHERE s.outline_id = o.id)
		FROM outlines o ORDER BY o.name COLLATE NOCASE, o.id`)
	return collect(rows, err, func(s scanner) (data.OutlineSummary, error) {
		var o data.OutlineSummary
		var updated string
		err := s.Scan(&o.ID, &o.Name, &o.Template, &updated, &o.Sections, &o.Items)
		o.Updated = parseTime(updated)
		return o, err
	})
}

// OutlineByName returns the outline with that name (case does not matter),
// its sections and their items resolved.
func (l *Library) OutlineByName(ctx context.Context, name string) (data.Outline, error) {
	id, err := outlineID(ctx, l.db, name)
	if err != nil {
		return data.Outline{}, err
	}
	return getOutline(ctx, l.db, id)
}

// Outline returns an outline by id.
func (l *Library) Outline(ctx context.Context, id int64) (data.Outline, error) {
	return getOutline(ctx, l.db, id)
}

func outlineID(ctx context.Context, q querier, name string) (int64, error) {
	var id int64
	err := q.QueryRowContext(ctx, `SELECT id FROM outlines WHERE name = ?`, strings.TrimSpace(name)).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		rows, err := q.QueryContext(ctx, `SELECT name FROM outlines ORDER BY name COLLATE NOCASE`)
		names, err := collect(rows, err, scanOne[string])
		if err != nil {
			return 0, err
		}
		if len(names) == 0 {
			return 0, data.Errorf(data.ENOTFOUND, "there is no outline %q; there are no outlines yet: create one with outline new", name)
		}
		return 0, data.Errorf(data.ENOTFOUND, "there is no outline %q; the outlines are: %s", name, strings.Join(names, ", "))
	}
	return id, err
}

func getOutline(ctx context.Context, q querier, id int64) (data.Outline, error) {
	var o data.Outline
	var created, updated string
	err := q.QueryRowContext(ctx, `SELECT id, uid, name, template, created_at, updated_at FROM outlines WHERE id = ?`, id).
		Scan(&o.ID, &o.UID, &o.Name, &o.Template, &created, &updated)
	if errors.Is(err, sql.ErrNoRows) {
		return data.Outline{}, data.Errorf(data.ENOTFOUND, "there is no outline %d", id)
	}
	if err != nil {
		return data.Outline{}, err
	}
	o.CreatedAt, o.UpdatedAt = parseTime(created), parseTime(updated)
	rows, err := q.QueryContext(ctx, `SELECT id, heading, body FROM outline_sections WHERE outline_id = ? ORDER BY position, id`, id)
	o.Sections, err = collect(rows, err, func(s scanner) (data.Section, error) {
		var sec data.Section
		err := s.Scan(&sec.ID, &sec.Heading, &sec.Text)
		sec.Items = []data.OutlineItem{}
		return sec, err
	})
	if err != nil {
		return data.Outline{}, err
	}
	for i := range o.Sections {
		if o.Sections[i].Items, err = sectionItems(ctx, q, o.Sections[i].ID); err != nil {
			return data.Outline{}, err
		}
	}
	return o, nil
}

// sectionItems resolves a section's items in order. Items whose highlight or
// note is deleted (and could be restored by undo) are left out.
func sectionItems(ctx context.Context, q querier, sectionID int64) ([]data.OutlineItem, error) {
	type row struct {
		it   data.OutlineItem
		text string
	}
	rows, err := q.QueryContext(ctx, `
		SELECT i.id, i.kind, i.article_id, coalesce(i.passage_id, 0), coalesce(i.highlight_id, 0), coalesce(i.note_id, 0), i.text
		FROM outline_items i WHERE i.section_id = ? ORDER BY i.position, i.id`, sectionID)
	raw, err := collect(rows, err, func(s scanner) (row, error) {
		var r row
		var kind string
		err := s.Scan(&r.it.ID, &kind, &r.it.ArticleID, &r.it.PassageID, &r.it.HighlightID, &r.it.NoteID, &r.text)
		r.it.Kind = data.ItemKind(kind)
		return r, err
	})
	if err != nil {
		return nil, err
	}
	out := []data.OutlineItem{}
	for _, r := range raw {
		it := r.it
		it.Text = r.text
		it.Quotes, it.Notes = []string{}, []string{}
		switch it.Kind {
		case data.ItemPassage:
			if it.PassageID == 0 {
				it.Quotes = append(it.Quotes, r.text)
				break
			}
			var p data.Passage
			p, err = scanPassage(q.QueryRowContext(ctx, `SELECT `+passageColumns+` FROM passages p WHERE p.id = ?`, it.PassageID))
			if err != nil {
				return nil, err
			}
			it.Para = p.N
			rows, err := q.QueryContext(ctx, `SELECT quote FROM highlights WHERE passage_id = ? AND deleted_at IS NULL ORDER BY start, id`, p.ID)
			quotes, err := collect(rows, err, scanOne[string])
			if err != nil {
				return nil, err
			}
			if len(quotes) == 0 {
				quotes = []string{p.Text}
			}
			it.Quotes = quotes
			rows, err = q.QueryContext(ctx, `SELECT body FROM notes WHERE passage_id = ? AND deleted_at IS NULL AND trim(body) <> '' ORDER BY start, created_at, id`, p.ID)
			if it.Notes, err = collect(rows, err, scanOne[string]); err != nil {
				return nil, err
			}
		case data.ItemHighlight:
			h, err := scanHighlight(q.QueryRowContext(ctx, `SELECT `+highlightColumns+` FROM highlights h WHERE h.id = ? AND h.deleted_at IS NULL`, it.HighlightID))
			if errors.Is(err, sql.ErrNoRows) {
				continue
			}
			if err != nil {
				return nil, err
			}
			it.Highlight, it.Colour, it.PassageID = &h, h.Colour, h.PassageID
			it.Para = paraOf(ctx, q, h.PassageID)
			it.Quotes = []string{h.Quote}
			rows, err := q.QueryContext(ctx, `SELECT body FROM notes WHERE highlight_id = ? AND deleted_at IS NULL AND trim(body) <> '' ORDER BY created_at, id`, h.ID)
			if it.Notes, err = collect(rows, err, scanOne[string]); err != nil {
				return nil, err
			}
		case data.ItemNote:
			n, err := getNote(ctx, q, it.NoteID)
			if err != nil {
				return nil, err
			}
			var deleted sql.NullString
			if err := q.QueryRowContext(ctx, `SELECT deleted_at FROM notes WHERE id = ?`, n.ID).Scan(&deleted); err != nil {
				return nil, err
			}
			if deleted.Valid {
				continue
			}
			it.Note, it.PassageID, it.Para = &n, n.PassageID, n.Para
			it.Quotes = []string{n.Quote}
			it.Notes = []string{n.Body}
		}
		if it.Notes == nil {
			it.Notes = []string{}
		}
		out = append(out, it)
	}
	return out, nil
}

func paraOf(ctx context.Context, q querier, passageID int64) int {
	var n int
	if passageID != 0 {
		_ = q.QueryRowContext(ctx, `SELECT n FROM passages WHERE id = ?`, passageID).Scan(&n)
	}
	return n
}

// findSection finds a section of an outline by heading (ignoring case) or by
// its number, 1 for the first.
func findSection(ctx context.Context, q querier, outlineID int64, section string) (int64, error) {
	rows, err := q.QueryContext(ctx, `SELECT id, heading FROM outline_sections WHERE outline_id = ? ORDER BY position, id`, outlineID)
	type sec struct {
		id      int64
		heading string
	}
	secs, err := collect(rows, err, func(s scanner) (sec, error) {
		var x sec
		return x, s.Scan(&x.id, &x.heading)
	})
	if err != nil {
		return 0, err
	}
	want := strings.TrimSpace(section)
	for _, s := range secs {
		if strings.EqualFold(s.heading, want) {
			return s.id, nil
		}
	}
	if n, err := strconv.Atoi(want); err == nil && n >= 1 && n <= len(secs) {
		return secs[n-1].id, nil
	}
	var names []string
	for _, s := range secs {
		names = append(names, fmt.Sprintf("%q", s.heading))
	}
	return 0, data.Errorf(data.ENOTFOUND, "the outline has no section %q; its sections are %s", section, strings.Join(names, ", "))
}

// AddToOutline places a passage, highlight or note at the end of a section
// of an outline, named by heading or number.
func (l *Library) AddToOutline(ctx context.Context, outline, section string, ni data.NewItem) (data.OutlineItem, error) {
	var item data.OutlineItem
	err := l.update(ctx, func(tx *sql.Tx) error {
		oid, err := outlineID(ctx, tx, outline)
		if err != nil {
			return err
		}
		sid, err := findSection(ctx, tx, oid, section)
		if err != nil {
			return err
		}
		item, err = l.addItem(ctx, tx, oid, sid, ni, -1)
		return err
	})
	return item, err
}

// AddToSection places a passage, highlight or note at place index of a
// section (0 for first; past the end, or negative, for last), as a drop
// places it, in one transaction.
func (l *Library) AddToSection(ctx context.Context, sectionID int64, ni data.NewItem, index int) (data.OutlineItem, error) {
	var item data.OutlineItem
	err := l.update(ctx, func(tx *sql.Tx) error {
		oid, err := sectionOutline(ctx, tx, sectionID)
		if err != nil {
			return err
		}
		item, err = l.addItem(ctx, tx, oid, sectionID, ni, index)
		return err
	})
	return item, err
}

func (l *Library) addItem(ctx context.Context, tx *sql.Tx, oid, sid int64, ni data.NewItem, index int) (data.OutlineItem, error) {
	var item data.OutlineItem
	err := func() error {
		var kind data.ItemKind
		var articleID int64
		var passageID, highlightID, noteID any
		var text string
		switch {
		case ni.PassageID != 0:
			p, err := numberedPassage(ctx, tx, ni.PassageID)
			if err != nil {
				return err
			}
			kind, articleID, passageID, text = data.ItemPassage, p.ArticleID, p.ID, p.Text
		case ni.HighlightID != 0:
			h, err := getHighlight(ctx, tx, ni.HighlightID)
			if err != nil {
				return err
			}
			kind, articleID, highlightID, text = data.ItemHighlight, h.ArticleID, h.ID, h.Quote
			if h.PassageID != 0 {
				passageID = h.PassageID
			}
		case ni.NoteID != 0:
			n, err := getNote(ctx, tx, ni.NoteID)
			if err != nil {
				return err
			}
			kind, articleID, noteID, text = data.ItemNote, n.ArticleID, n.ID, n.Quote
			if n.PassageID != 0 {
				passageID = n.PassageID
			}
		default:
			return data.Errorf(data.EINVALID, "nothing to add: choose a passage, a highlight or a note")
		}
		var pos int
		if err := tx.QueryRowContext(ctx, `SELECT coalesce(max(position), -1) + 1 FROM outline_items WHERE section_id = ?`, sid).Scan(&pos); err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, `
			INSERT INTO outline_items (section_id, position, kind, article_id, passage_id, highlight_id, note_id, text)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, sid, pos, string(kind), articleID, passageID, highlightID, noteID, text)
		if err != nil {
			return err
		}
		id, err := res.LastInsertId()
		if err != nil {
			return err
		}
		if index >= 0 {
			if err := placeItem(ctx, tx, id, sid, index); err != nil {
				return err
			}
		}
		if err := touchOutline(ctx, tx, l.now(), oid); err != nil {
			return err
		}
		items, err := sectionItems(ctx, tx, sid)
		if err != nil {
			return err
		}
		for _, it := range items {
			if it.ID == id {
				item = it
			}
		}
		return nil
	}()
	return item, err
}

func touchOutline(ctx context.Context, tx *sql.Tx, now time.Time, id int64) error {
	_, err := tx.ExecContext(ctx, `UPDATE outlines SET updated_at = ? WHERE id = ?`, formatTime(now), id)
	return err
}

// sectionOutline returns the outline a section belongs to.
func sectionOutline(ctx context.Context, q querier, sectionID int64) (int64, error) {
	var oid int64
	err := q.QueryRowContext(ctx, `SELECT outline_id FROM outline_sections WHERE id = ?`, sectionID).Scan(&oid)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, data.Errorf(data.ENOTFOUND, "there is no such section")
	}
	return oid, err
}

// AddSection adds a section at the end of an outline.
func (l *Library) AddSection(ctx context.Context, outlineID int64, heading string) (data.Section, error) {
	heading = strings.TrimSpace(heading)
	if heading == "" {
		return data.Section{}, data.Errorf(data.EINVALID, "a section needs a heading")
	}
	var sec data.Section
	err := l.update(ctx, func(tx *sql.Tx) error {
		if _, err := getOutline(ctx, tx, outlineID); err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, `
			INSERT INTO outline_sections (outline_id, position, heading)
			VALUES (?, (SELECT coalesce(max(position), -1) + 1 FROM outline_sections WHERE outline_id = ?), ?)`, outlineID, outlineID, heading)
		if err != nil {
			return err
		}
		id, err := res.LastInsertId()
		sec = data.Section{ID: id, Heading: heading, Items: []data.OutlineItem{}}
		if err != nil {
			return err
		}
		return touchOutline(ctx, tx, l.now(), outlineID)
	})
	return sec, err
}

// RenameSection gives a section a new heading.
func (l *Library) RenameSection(ctx context.Context, sectionID int64, heading string) error {
	heading = strings.TrimSpace(heading)
	if heading == "" {
		return data.Errorf(data.EINVALID, "a section needs a heading")
	}
	return l.updateSection(ctx, sectionID, `UPDATE outline_sections SET heading = ? WHERE id = ?`, heading)
}

// SetSectionText replaces the student's own text under a section's heading.
func (l *Library) SetSectionText(ctx context.Context, sectionID int64, text string) error {
	return l.updateSection(ctx, sectionID, `UPDATE outline_sections SET body = ? WHERE id = ?`, text)
}

func (l *Library) updateSection(ctx context.Context, sectionID int64, stmt string, value string) error {
	return l.update(ctx, func(tx *sql.Tx) error {
		oid, err := sectionOutline(ctx, tx, sectionID)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, stmt, value, sectionID); err != nil {
			return err
		}
		return touchOutline(ctx, tx, l.now(), oid)
	})
}

// DeleteSection removes a section and the items placed in it (the passages,
// highlights and notes themselves stay in the library).
func (l *Library) DeleteSection(ctx context.Context, sectionID int64) error {
	return l.update(ctx, func(tx *sql.Tx) error {
		oid, err := sectionOutline(ctx, tx, sectionID)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM outline_sections WHERE id = ?`, sectionID); err != nil {
			return err
		}
		return touchOutline(ctx, tx, l.now(), oid)
	})
}

// RenameOutline gives an outline a new name.
func (l *Library) RenameOutline(ctx context.Context, id int64, name string) error {
	name = strings.TrimSpace(name)
	if name == "" {
		return data.Errorf(data.EINVALID, "an outline needs a name")
	}
	return l.update(ctx, func(tx *sql.Tx) error {
		var other int64
		err := tx.QueryRowContext(ctx, `SELECT id FROM outlines WHERE name = ? AND id <> ?`, name, id).Scan(&other)
		if err == nil {
			return data.Errorf(data.EDUPLICATE, "there is already an outline called %q", name)
		} else if !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		res, err := tx.ExecContext(ctx, `UPDATE outlines SET name = ?, updated_at = ? WHERE id = ?`, name, formatTime(l.now()), id)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return data.Errorf(data.ENOTFOUND, "there is no outline %d", id)
		}
		return nil
	})
}

// DeleteOutline removes an outline; the passages, highlights and notes it
// placed stay in the library.
func (l *Library) DeleteOutline(ctx context.Context, id int64) error {
	return l.update(ctx, func(tx *sql.Tx) error {
		// A classmate's outline is remembered, so that merging their
		// file again does not bring it back.
		if _, err := tx.ExecContext(ctx, `INSERT OR REPLACE INTO outlines_deleted (peer, from_uid, from_modified)
			SELECT peer, from_uid, from_modified FROM outlines WHERE id = ? AND peer <> ''`, id); err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, `DELETE FROM outlines WHERE id = ?`, id)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return data.Errorf(data.ENOTFOUND, "there is no outline %d", id)
		}
		return nil
	})
}

// reattachOutlineItems finds again, after an article's passages were
// replaced, the passages its outline items placed: the passage with the
// same text.
func reattachOutlineItems(ctx context.Context, tx *sql.Tx, articleID int64) error {
	_, err := tx.ExecContext(ctx, `
		UPDATE outline_items SET passage_id = (
			SELECT p.id FROM passages p WHERE p.article_id = outline_items.article_id AND p.n > 0 AND p.text = outline_items.text
			ORDER BY p.seq LIMIT 1)
		WHERE article_id = ? AND kind = 'passage' AND passage_id IS NULL`, articleID)
	if err != nil {
		return err
	}
	// Highlight and note items follow their annotation's new passage.
	_, err = tx.ExecContext(ctx, `
		UPDATE outline_items SET passage_id = coalesce(
			(SELECT h.passage_id FROM highlights h WHERE h.id = outline_items.highlight_id),
			(SELECT n.passage_id FROM notes n WHERE n.id = outline_items.note_id))
		WHERE article_id = ? AND kind <> 'passage'`, articleID)
	return err
}
