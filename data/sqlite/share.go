package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/casebookapp/casebook/data"
	"github.com/casebookapp/casebook/data/anchor"
	"github.com/casebookapp/casebook/internal/text"
)

// futureSlack is how far in the future a classmate's date may be (clocks
// and time zones differ) and still count.
const futureSlack = 24 * time.Hour

// dates reads the dates a classmate's file gives an annotation or outline
// and returns whether it is dated, and the created and modified times to
// store. A date in the future or none at all can be stored, but never
// wins: such a modified date is not dated and becomes now. created is
// never after modified.
func (m *merger) dates(created, modified time.Time) (bool, time.Time, time.Time) {
	dated := !modified.IsZero() && !modified.After(m.now.Add(futureSlack))
	if !dated {
		modified = m.now
	}
	if created.IsZero() || created.After(modified) {
		created = modified
	}
	return dated, created, modified
}

// MergeBundle merges a classmate's highlights and notes into the library,
// and then their outlines (nil for none), in one transaction that
// UndoLastImport can undo.
//
// The student's own highlights and notes are never changed by a merge. A
// merge adds what is new, and updates only what came from the same
// classmate's earlier file, when the classmate's version is newer and the
// student has not changed it since. When both sides changed, both are kept:
// the classmate's version is added beside the student's, marked with who it
// is from. A date that is missing or in the future never wins. Merging the
// same file again changes nothing. Each annotation is placed by its
// paragraph and quote, or re-anchored by quote if the text differs. The
// outlines are merged after them (see mergeOutline); UndoLastImport removes
// the outlines it added and restores those it updated.
func (l *Library) MergeBundle(ctx context.Context, from data.MergeFrom, anns []data.Annotation, outlines []data.SharedOutline) (data.MergeReport, error) {
	var rep data.MergeReport
	if strings.TrimSpace(from.Name) == "" {
		from.Name = "a classmate"
	}
	err := l.update(ctx, func(tx *sql.Tx) error {
		rep = data.MergeReport{}
		m := merger{l: l, tx: tx, ctx: ctx, from: from, now: l.now(), articles: map[string]int64{}, texts: map[int64]articleText{}, resolved: map[string]int64{}}
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
		rep.Import = m.importID
		// Index the merged notes in one batch, not one per note.
		return l.indexNotes(ctx, tx, m.notes...)
	})
	return rep, err
}

// articleText is an article's numbered passages, and their text prepared
// once for re-anchoring many annotations.
type articleText struct {
	passages []data.Passage
	prepared *anchor.Passages
}

type merger struct {
	l        *Library
	tx       *sql.Tx
	ctx      context.Context
	from     data.MergeFrom
	now      time.Time
	importID int64
	articles map[string]int64
	notes    []int64               // notes added or updated, to index at the end
	texts    map[int64]articleText // numbered passages of an article, prepared for locating quotes
	// resolved maps "table\x00id in the file" to the row the file's
	// highlight or note is in this library (added, updated or left as
	// it was), for the outline items that name it.
	resolved map[string]int64
}

// article finds the annotation's article by content hash, address or title.
func (m *merger) article(a data.Annotation) (int64, error) {
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
func (m *merger) place(articleID int64, a data.Annotation) (data.Anchor, bool, error) {
	art, ok := m.texts[articleID]
	if !ok {
		ps, err := queryPassages(m.ctx, m.tx, `p.article_id = ? AND p.kind IN `+flowKinds, articleID)
		if err != nil {
			return data.Anchor{}, false, err
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
	i, start, end, found := locateIn(placed{para: a.Para - 1, Anchor: data.Anchor{Quote: a.Quote, Prefix: a.Prefix, Suffix: a.Suffix}}, art.prepared)
	if !found {
		return data.Anchor{Quote: a.Quote, Prefix: a.Prefix, Suffix: a.Suffix}, false, nil
	}
	an, err := makeAnchor(ps[i], start, end)
	return an, err == nil, err
}

// local is a highlight or note of the library that an incoming annotation
// may match.
type local struct {
	id                    int64
	updated, fromModified string
	deleted               bool
	peer                  string
	quote, content        string // content: a note's body and tags, a highlight's colour
}

// find returns the row of table that where (with args) selects, if any.
func (m *merger) find(table, where string, args ...any) (*local, error) {
	content := "colour"
	if table == "notes" {
		content = `body || char(30) || coalesce((SELECT group_concat(name, char(31)) FROM (SELECT t.name FROM note_tags nt JOIN tags t ON t.id = nt.tag_id WHERE nt.note_id = notes.id ORDER BY t.name COLLATE NOCASE)), '')`
	}
	var r local
	err := m.tx.QueryRowContext(m.ctx, `SELECT id, updated_at, from_modified, deleted_at IS NOT NULL, peer, quote, `+content+`
		FROM `+table+` WHERE `+where+` ORDER BY id DESC LIMIT 1`, args...).
		Scan(&r.id, &r.updated, &r.fromModified, &r.deleted, &r.peer, &r.quote, &r.content)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	return &r, err
}

// content is what an incoming annotation would store, in local's terms.
func (m *merger) content(a data.Annotation) (string, error) {
	if !a.IsNote() {
		colour := a.Colour
		if colour == "" {
			colour = data.DefaultColours[0].Key
		}
		colour, err := colourKey(m.ctx, m.tx, colour)
		if err != nil {
			if data.ErrorCode(err) != data.ENOTFOUND {
				return "", err
			}
			colour = data.DefaultColours[0].Key
		}
		return colour, nil
	}
	tags := data.NormaliseTags(a.Tags)
	sort.Slice(tags, func(i, j int) bool { return strings.ToLower(tags[i]) < strings.ToLower(tags[j]) })
	return a.Body + "\x1e" + strings.Join(tags, "\x1f"), nil
}

func (m *merger) merge(a data.Annotation, rep *data.MergeReport) error {
	name := "highlight"
	table := "highlights"
	if a.IsNote() {
		name, table = "note", "notes"
	}
	if a.UID == "" {
		rep.Skipped = append(rep.Skipped, fmt.Sprintf("a %s with no id (%q)", name, text.Clip(a.Quote, 40)))
		return nil
	}
	dated, created, modified := m.dates(a.Created, a.Modified)
	content, err := m.content(a)
	if err != nil {
		return err
	}
	// Who it comes from: the creator the file names, else the file's
	// name. A later version from the same person may update it.
	who := strings.TrimSpace(a.Creator)
	if who == "" {
		who = m.from.Name
	}
	peer := strings.ToLower(who)

	// What this classmate's earlier file added, or the student's own (or
	// another classmate's) annotation with the same id.
	mine, err := m.find(table, `peer = ? AND from_uid = ?`, peer, a.UID)
	if err != nil {
		return err
	}
	var other *local
	if mine == nil {
		if other, err = m.find(table, `uid = ?`, a.UID); err != nil {
			return err
		}
	}
	v, err := m.decide(table, mine, other, dated, modified, func(r *local) bool { return r.content == content && r.quote == a.Quote })
	if err != nil {
		return err
	}
	switch v.action {
	case unchanged:
		rep.Unchanged++
		m.resolved[table+"\x00"+a.UID] = v.existing
		return nil
	case undated:
		rep.Undated++
		m.resolved[table+"\x00"+a.UID] = v.existing
		return nil
	}
	if v.keptBoth {
		rep.KeptBoth++
	}
	update, uid := v.update, a.UID
	if v.newUID {
		uid = newUID()
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
	stamp := formatTime(modified)
	var id int64
	var res sql.Result
	if update != nil {
		id = update.id
		if err := m.record(table, id, true); err != nil {
			return err
		}
		rep.Updated++
	} else {
		rep.Added++
	}

	if !a.IsNote() {
		if update == nil {
			res, err = m.tx.ExecContext(m.ctx, `
				INSERT INTO highlights (uid, article_id, passage_id, start, end, quote, prefix, suffix, colour, created_at, updated_at,
					creator, from_name, peer, from_uid, from_modified)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
				uid, articleID, passage, an.Start, an.End, an.Quote, an.Prefix, an.Suffix, content, formatTime(created), stamp,
				a.Creator, who, peer, a.UID, stamp)
		} else {
			_, err = m.tx.ExecContext(m.ctx, `
				UPDATE highlights SET article_id = ?, passage_id = ?, start = ?, end = ?, quote = ?, prefix = ?, suffix = ?, colour = ?,
					updated_at = ?, from_modified = ?, deleted_at = NULL, creator = ?
				WHERE id = ?`, articleID, passage, an.Start, an.End, an.Quote, an.Prefix, an.Suffix, content, stamp, stamp, a.Creator, id)
		}
		if err == nil && res != nil {
			id, err = res.LastInsertId()
		}
		if err == nil && update == nil {
			err = m.record(table, id, false)
		}
		m.resolved[table+"\x00"+a.UID] = id
		return err
	}

	var highlight any
	if a.Highlight != "" {
		// The highlight as this classmate's file has it, else by its id.
		var hid int64
		err := m.tx.QueryRowContext(m.ctx, `SELECT id FROM highlights WHERE (peer = ? AND from_uid = ?) OR uid = ? ORDER BY peer = ? DESC, id DESC LIMIT 1`,
			peer, a.Highlight, a.Highlight, peer).Scan(&hid)
		if err == nil {
			highlight = hid
		}
	}
	if update == nil {
		res, err = m.tx.ExecContext(m.ctx, `
			INSERT INTO notes (uid, article_id, passage_id, highlight_id, start, end, quote, prefix, suffix, body, created_at, updated_at,
				creator, from_name, peer, from_uid, from_modified)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			uid, articleID, passage, highlight, an.Start, an.End, an.Quote, an.Prefix, an.Suffix, a.Body, formatTime(created), stamp,
			a.Creator, who, peer, a.UID, stamp)
		if err == nil {
			id, err = res.LastInsertId()
		}
		if err == nil {
			err = m.record(table, id, false)
		}
	} else {
		_, err = m.tx.ExecContext(m.ctx, `
			UPDATE notes SET article_id = ?, passage_id = ?, highlight_id = ?, start = ?, end = ?, quote = ?, prefix = ?, suffix = ?, body = ?,
				updated_at = ?, from_modified = ?, deleted_at = NULL, creator = ?
			WHERE id = ?`, articleID, passage, highlight, an.Start, an.End, an.Quote, an.Prefix, an.Suffix, a.Body, stamp, stamp, a.Creator, id)
	}
	if err != nil {
		return err
	}
	if err := setTags(m.ctx, m.tx, id, a.Tags); err != nil {
		return err
	}
	m.notes = append(m.notes, id)
	m.resolved[table+"\x00"+a.UID] = id
	return nil
}

// action is what a merge does with one incoming highlight, note or outline.
type action int

const (
	add       action = iota // add it, as a new row
	update                  // update the row this classmate's earlier file added
	unchanged               // nothing: it is not newer, or the same
	undated                 // nothing: it changed, but its date is missing or in the future
)

// verdict is decide's answer.
type verdict struct {
	action action
	// update is the row to update in place (action update).
	update *local
	// existing is the row that stays as it is (unchanged, undated), if any.
	existing int64
	// newUID says the row to add needs an id of its own: the incoming id
	// is taken by the student's (or their changed copy).
	newUID bool
	// keptBoth says the row is added beside one that both sides changed.
	keptBoth bool
}

// decide applies the rules of a merge to one incoming highlight, note or
// outline of table, dated (or not) modified: mine is the row this
// classmate's earlier file added, if any; else other is the library's row
// with the same id, if any; same reports whether a row holds what the
// incoming version would. The student's own rows are never changed: a row
// from this classmate that the student changed since becomes the
// student's, and the new version goes beside it.
func (m *merger) decide(table string, mine, other *local, dated bool, modified time.Time, same func(*local) bool) (verdict, error) {
	switch {
	case mine != nil:
		if same(mine) || dated && !modified.After(parseTime(mine.fromModified)) {
			return verdict{action: unchanged, existing: mine.id}, nil
		}
		if !dated {
			return verdict{action: undated, existing: mine.id}, nil
		}
		if mine.updated == mine.fromModified && !mine.deleted {
			return verdict{action: update, update: mine}, nil
		}
		// The student changed it since: it is theirs now, and the
		// classmate's new version goes beside it.
		if mine.id == 0 { // deleted, and gone (an outline)
			return verdict{action: add, newUID: true}, nil
		}
		if err := m.record(table, mine.id, true); err != nil {
			return verdict{}, err
		}
		if _, err := m.tx.ExecContext(m.ctx, `UPDATE `+table+` SET peer = '', from_uid = '' WHERE id = ?`, mine.id); err != nil {
			return verdict{}, err
		}
		return verdict{action: add, newUID: true, keptBoth: true}, nil
	case other != nil:
		if same(other) || dated && !modified.After(parseTime(other.updated)) {
			return verdict{action: unchanged, existing: other.id}, nil
		}
		if !dated {
			return verdict{action: undated, existing: other.id}, nil
		}
		return verdict{action: add, newUID: true, keptBoth: true}, nil
	}
	return verdict{action: add}, nil
}

func orText(s, alt string) string {
	if s == "" {
		return alt
	}
	return s
}
