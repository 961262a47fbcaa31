package data

import (
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"
)

// SharedOutline is an outline as a study group's file carries it (package
// export writes it into the W3C bundle as an ordered collection).
type SharedOutline struct {
	// UID identifies the outline across libraries.
	UID               string
	Name              string
	Template          string
	Created, Modified time.Time
	Sections          []SharedSection
}

// SharedSection is one section of a shared outline.
type SharedSection struct {
	Heading string
	Text    string
	Items   []SharedItem
}

// SharedItem is an item of a shared outline: a highlight or note by the id
// of its annotation (in the same file), or a passage by its article and
// text.
type SharedItem struct {
	Kind ItemKind
	// UID is the highlight's or note's id.
	UID string
	// Source, Title and Hash identify a passage item's article as an
	// Annotation does; Para and Text place the passage.
	Source, Title, Hash string
	Para                int
	Text                string
}

// Share returns the outline as a study group's file carries it. article
// gives an item's article's source address, title and hash.
func (o Outline) Share(article func(id int64) (source, title, hash string)) SharedOutline {
	so := SharedOutline{UID: o.UID, Name: o.Name, Template: o.Template, Created: o.CreatedAt, Modified: o.UpdatedAt}
	for _, s := range o.Sections {
		ss := SharedSection{Heading: s.Heading, Text: s.Text}
		for _, it := range s.Items {
			si := SharedItem{Kind: it.Kind}
			switch it.Kind {
			case ItemHighlight:
				if it.Highlight == nil {
					continue
				}
				si.UID = it.Highlight.UID
			case ItemNote:
				if it.Note == nil {
					continue
				}
				si.UID = it.Note.UID
			case ItemPassage:
				si.Source, si.Title, si.Hash = article(it.ArticleID)
				si.Para, si.Text = it.Para, it.Text
			}
			ss.Items = append(ss.Items, si)
		}
		so.Sections = append(so.Sections, ss)
	}
	return so
}

// mergeOutline merges one shared outline. Outlines are matched by id: a new
// one is added (under another name if the library has an outline of that
// name already), a known one is replaced only if the incoming version is
// newer, so merging the same file twice changes nothing. An item whose
// highlight, note or passage cannot be found is left out and reported.
func (m *merger) mergeOutline(o SharedOutline, rep *MergeReport) error {
	name := strings.TrimSpace(o.Name)
	if o.UID == "" || name == "" {
		rep.Skipped = append(rep.Skipped, fmt.Sprintf("an outline with no id or name (%q)", clipText(o.Name, 40)))
		return nil
	}
	if _, ok := findTemplate(o.Template); !ok {
		o.Template = "blank"
	}
	modified := o.Modified
	if modified.IsZero() {
		modified = m.l.now()
	}
	created := o.Created
	if created.IsZero() {
		created = modified
	}
	var id int64
	var updated string
	err := m.tx.QueryRowContext(m.ctx, `SELECT id, updated_at FROM outlines WHERE uid = ?`, o.UID).Scan(&id, &updated)
	switch {
	case err == nil:
		if !modified.After(parseTime(updated)) {
			return nil
		}
		if _, err := m.tx.ExecContext(m.ctx, `DELETE FROM outline_sections WHERE outline_id = ?`, id); err != nil {
			return err
		}
	case !errors.Is(err, sql.ErrNoRows):
		return err
	}
	// Another outline of the same name keeps its name; this one is renamed.
	unique := name
	for n := 2; ; n++ {
		var other int64
		err := m.tx.QueryRowContext(m.ctx, `SELECT id FROM outlines WHERE name = ? AND id <> ?`, unique, id).Scan(&other)
		if errors.Is(err, sql.ErrNoRows) {
			break
		}
		if err != nil {
			return err
		}
		unique = fmt.Sprintf("%s (%d)", name, n)
	}
	if id == 0 {
		res, err := m.tx.ExecContext(m.ctx, `INSERT INTO outlines (uid, name, template, created_at, updated_at) VALUES (?, ?, ?, ?, ?)`,
			o.UID, unique, o.Template, formatTime(created), formatTime(modified))
		if err != nil {
			return err
		}
		if id, err = res.LastInsertId(); err != nil {
			return err
		}
		// Undoing the merge removes the outline it added.
		if err := m.record("outlines", id, false); err != nil {
			return err
		}
	} else if _, err := m.tx.ExecContext(m.ctx, `UPDATE outlines SET name = ?, template = ?, updated_at = ? WHERE id = ?`,
		unique, o.Template, formatTime(modified), id); err != nil {
		return err
	}
	rep.Outlines++

	for si, s := range o.Sections {
		heading := strings.TrimSpace(s.Heading)
		if heading == "" {
			heading = fmt.Sprintf("Section %d", si+1)
		}
		res, err := m.tx.ExecContext(m.ctx, `INSERT INTO outline_sections (outline_id, position, heading, body) VALUES (?, ?, ?, ?)`, id, si, heading, s.Text)
		if err != nil {
			return err
		}
		sid, err := res.LastInsertId()
		if err != nil {
			return err
		}
		pos := 0
		for _, it := range s.Items {
			var articleID int64
			var passage, highlight, note any
			var text string
			switch it.Kind {
			case ItemHighlight, ItemNote:
				table := "highlights"
				if it.Kind == ItemNote {
					table = "notes"
				}
				var aid, rowID int64
				var pid sql.NullInt64
				err := m.tx.QueryRowContext(m.ctx, `SELECT id, article_id, passage_id, quote FROM `+table+` WHERE uid = ?`, it.UID).Scan(&rowID, &aid, &pid, &text)
				if errors.Is(err, sql.ErrNoRows) {
					rep.Skipped = append(rep.Skipped, fmt.Sprintf("a %s in outline %q › %s: it is not in the file or this library", it.Kind, name, heading))
					continue
				}
				if err != nil {
					return err
				}
				articleID = aid
				if pid.Valid {
					passage = pid.Int64
				}
				if it.Kind == ItemHighlight {
					highlight = rowID
				} else {
					note = rowID
				}
			case ItemPassage:
				aid, err := m.article(Annotation{Source: it.Source, Title: it.Title, Hash: it.Hash})
				if err != nil {
					return err
				}
				if aid == 0 {
					rep.Skipped = append(rep.Skipped, fmt.Sprintf("a passage in outline %q › %s: its article %q is not in this library; import it first", name, heading, orText(it.Title, it.Source)))
					continue
				}
				an, ok, err := m.place(aid, Annotation{Para: it.Para, Quote: it.Text, End: len([]rune(it.Text))})
				if err != nil {
					return err
				}
				articleID, text = aid, it.Text
				if ok {
					passage = an.PassageID
					p, err := numberedPassage(m.ctx, m.tx, an.PassageID)
					if err != nil {
						return err
					}
					text = p.Text
				}
			default:
				rep.Skipped = append(rep.Skipped, fmt.Sprintf("an item of unknown kind %q in outline %q", it.Kind, name))
				continue
			}
			if _, err := m.tx.ExecContext(m.ctx, `
				INSERT INTO outline_items (section_id, position, kind, article_id, passage_id, highlight_id, note_id, text)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, sid, pos, string(it.Kind), articleID, passage, highlight, note, text); err != nil {
				return err
			}
			pos++
		}
	}
	return nil
}
