package sqlite

import (
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"github.com/casebookapp/casebook/data"
	"github.com/casebookapp/casebook/internal/text"
)

// outlineRow is a section of an outline as a merge stores it: its items
// resolved to this library's rows.
type outlineRow struct {
	heading, body string
	items         []itemRow
}

type itemRow struct {
	kind                     data.ItemKind
	articleID                int64
	passage, highlight, note any // row ids, or nil
	text                     string
}

// signature is what an outline holds, to tell whether an incoming version
// is the same as a row (its name aside: a copy may be renamed).
func signature(template string, sections []outlineRow) string {
	var b strings.Builder
	b.WriteString(template)
	for _, s := range sections {
		fmt.Fprintf(&b, "\x1e%s\x1f%s", s.heading, s.body)
		for _, it := range s.items {
			fmt.Fprintf(&b, "\x1d%s|%v|%v|%v|%d", it.kind, it.passage, it.highlight, it.note, it.articleID)
			if it.passage == nil {
				b.WriteString("|" + it.text)
			}
		}
	}
	return b.String()
}

// findOutline returns the outline where (with args) selects, with its
// signature as content, if any.
func (m *merger) findOutline(where string, args ...any) (*local, error) {
	var r local
	var template string
	err := m.tx.QueryRowContext(m.ctx, `SELECT id, updated_at, from_modified, peer, template FROM outlines WHERE `+where+` ORDER BY id DESC LIMIT 1`, args...).
		Scan(&r.id, &r.updated, &r.fromModified, &r.peer, &template)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	type sec struct {
		id            int64
		heading, body string
	}
	rows, err := m.tx.QueryContext(m.ctx, `SELECT id, heading, body FROM outline_sections WHERE outline_id = ? ORDER BY position, id`, r.id)
	secs, err := collect(rows, err, func(s scanner) (sec, error) {
		var x sec
		return x, s.Scan(&x.id, &x.heading, &x.body)
	})
	if err != nil {
		return nil, err
	}
	stored := make([]outlineRow, len(secs))
	for i, sc := range secs {
		stored[i] = outlineRow{heading: sc.heading, body: sc.body}
		rows, err := m.tx.QueryContext(m.ctx, `SELECT kind, article_id, passage_id, highlight_id, note_id, text FROM outline_items WHERE section_id = ? ORDER BY position, id`, sc.id)
		stored[i].items, err = collect(rows, err, func(s scanner) (itemRow, error) {
			var it itemRow
			var kind string
			var p, h, n sql.NullInt64
			err := s.Scan(&kind, &it.articleID, &p, &h, &n, &it.text)
			it.kind = data.ItemKind(kind)
			it.passage, it.highlight, it.note = nullID(p), nullID(h), nullID(n)
			return it, err
		})
		if err != nil {
			return nil, err
		}
	}
	r.content = signature(template, stored)
	return &r, nil
}

func nullID(n sql.NullInt64) any {
	if n.Valid {
		return n.Int64
	}
	return nil
}

// mergeOutline merges one shared outline by the rules highlights and notes
// follow (see decide): the student's own outline is never changed; a
// classmate's outline whose id the library has already is added beside it,
// named for whom it is from ("Brief (from alex)"); an outline from the same
// classmate's earlier file is updated when this version is dated, not in
// the future, and newer, and the student has not changed it since. Merging
// the same file again changes nothing. An item whose highlight, note or
// passage cannot be found is left out and reported.
func (m *merger) mergeOutline(o data.SharedOutline, rep *data.MergeReport) error {
	name := strings.TrimSpace(o.Name)
	if o.UID == "" || name == "" {
		rep.Skipped = append(rep.Skipped, fmt.Sprintf("an outline with no id or name (%q)", text.Clip(o.Name, 40)))
		return nil
	}
	if _, ok := findTemplate(o.Template); !ok {
		o.Template = "blank"
	}
	dated, created, modified := m.dates(o.Created, o.Modified)
	who := m.from.Name
	peer := strings.ToLower(who)

	skipped := len(rep.Skipped)
	sections, err := m.outlineRows(o, name, rep)
	if err != nil {
		return err
	}
	content := signature(o.Template, sections)

	mine, err := m.findOutline(`peer = ? AND from_uid = ?`, peer, o.UID)
	if err != nil {
		return err
	}
	if mine == nil {
		// One the student deleted counts as deleted, as a highlight or
		// note would (it has no row to keep).
		var from string
		err := m.tx.QueryRowContext(m.ctx, `SELECT from_modified FROM outlines_deleted WHERE peer = ? AND from_uid = ?`, peer, o.UID).Scan(&from)
		if err == nil {
			mine = &local{fromModified: from, deleted: true}
		} else if !errors.Is(err, sql.ErrNoRows) {
			return err
		}
	}
	var other *local
	if mine == nil {
		if other, err = m.findOutline(`uid = ?`, o.UID); err != nil {
			return err
		}
	}
	v, err := m.decide("outlines", mine, other, dated, modified, func(r *local) bool { return r.content == content })
	if err != nil {
		return err
	}
	switch v.action {
	case unchanged, undated:
		// What could not be placed was reported when it was merged.
		rep.Skipped = rep.Skipped[:skipped]
		if v.action == undated {
			rep.Undated++
		}
		return nil
	}
	if v.keptBoth {
		rep.OutlinesBeside++
	}
	rep.Outlines++
	stamp := formatTime(modified)
	var id int64
	if v.update != nil {
		id = v.update.id
		if err := m.record("outlines", id, true); err != nil {
			return err
		}
		if _, err := m.tx.ExecContext(m.ctx, `UPDATE outlines SET template = ?, updated_at = ?, from_modified = ? WHERE id = ?`,
			o.Template, stamp, stamp, id); err != nil {
			return err
		}
		if _, err := m.tx.ExecContext(m.ctx, `DELETE FROM outline_sections WHERE outline_id = ?`, id); err != nil {
			return err
		}
	} else {
		uid := o.UID
		if v.newUID {
			uid = newUID()
		}
		// The student's outlines keep their names; a classmate's is
		// named for whom it is from when its name is taken.
		unique := name
		for n := 1; ; n++ {
			var other int64
			err := m.tx.QueryRowContext(m.ctx, `SELECT id FROM outlines WHERE name = ?`, unique).Scan(&other)
			if errors.Is(err, sql.ErrNoRows) {
				break
			}
			if err != nil {
				return err
			}
			if n == 1 {
				unique = fmt.Sprintf("%s (from %s)", name, who)
			} else {
				unique = fmt.Sprintf("%s (from %s, %d)", name, who, n)
			}
		}
		res, err := m.tx.ExecContext(m.ctx, `INSERT INTO outlines (uid, name, template, created_at, updated_at, from_name, peer, from_uid, from_modified)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			uid, unique, o.Template, formatTime(created), stamp, who, peer, o.UID, stamp)
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
	}
	for si, s := range sections {
		res, err := m.tx.ExecContext(m.ctx, `INSERT INTO outline_sections (outline_id, position, heading, body) VALUES (?, ?, ?, ?)`, id, si, s.heading, s.body)
		if err != nil {
			return err
		}
		sid, err := res.LastInsertId()
		if err != nil {
			return err
		}
		for pos, it := range s.items {
			if _, err := m.tx.ExecContext(m.ctx, `
				INSERT INTO outline_items (section_id, position, kind, article_id, passage_id, highlight_id, note_id, text)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, sid, pos, string(it.kind), it.articleID, it.passage, it.highlight, it.note, it.text); err != nil {
				return err
			}
		}
	}
	return nil
}

// outlineRows resolves a shared outline's sections and items to this
// library's rows: a highlight or note item to the row the same file's
// annotation was merged into (else the library's of that id), a passage
// item to its passage, found again by its text. What cannot be found is
// left out and reported.
func (m *merger) outlineRows(o data.SharedOutline, name string, rep *data.MergeReport) ([]outlineRow, error) {
	var out []outlineRow
	for si, s := range o.Sections {
		heading := strings.TrimSpace(s.Heading)
		if heading == "" {
			heading = fmt.Sprintf("Section %d", si+1)
		}
		row := outlineRow{heading: heading, body: s.Text}
		for _, it := range s.Items {
			ir := itemRow{kind: it.Kind}
			switch it.Kind {
			case data.ItemHighlight, data.ItemNote:
				table := "highlights"
				if it.Kind == data.ItemNote {
					table = "notes"
				}
				var rowID, aid int64
				var pid sql.NullInt64
				var err error
				if known, ok := m.resolved[table+"\x00"+it.UID]; ok {
					err = m.tx.QueryRowContext(m.ctx, `SELECT id, article_id, passage_id, quote FROM `+table+` WHERE id = ?`, known).Scan(&rowID, &aid, &pid, &ir.text)
				} else {
					err = m.tx.QueryRowContext(m.ctx, `SELECT id, article_id, passage_id, quote FROM `+table+` WHERE uid = ?`, it.UID).Scan(&rowID, &aid, &pid, &ir.text)
				}
				if errors.Is(err, sql.ErrNoRows) {
					rep.Skipped = append(rep.Skipped, fmt.Sprintf("a %s in outline %q › %s: it is not in the file or this library", it.Kind, name, heading))
					continue
				}
				if err != nil {
					return nil, err
				}
				ir.articleID, ir.passage = aid, nullID(pid)
				if it.Kind == data.ItemHighlight {
					ir.highlight = rowID
				} else {
					ir.note = rowID
				}
			case data.ItemPassage:
				aid, err := m.article(data.Annotation{Source: it.Source, Title: it.Title, Hash: it.Hash})
				if err != nil {
					return nil, err
				}
				if aid == 0 {
					rep.Skipped = append(rep.Skipped, fmt.Sprintf("a passage in outline %q › %s: its article %q is not in this library; import it first", name, heading, orText(it.Title, it.Source)))
					continue
				}
				an, ok, err := m.place(aid, data.Annotation{Para: it.Para, Quote: it.Text, End: len([]rune(it.Text))})
				if err != nil {
					return nil, err
				}
				ir.articleID, ir.text = aid, it.Text
				if ok {
					ir.passage = an.PassageID
					p, err := numberedPassage(m.ctx, m.tx, an.PassageID)
					if err != nil {
						return nil, err
					}
					ir.text = p.Text
				}
			default:
				rep.Skipped = append(rep.Skipped, fmt.Sprintf("an item of unknown kind %q in outline %q", it.Kind, name))
				continue
			}
			row.items = append(row.items, ir)
		}
		out = append(out, row)
	}
	return out, nil
}
