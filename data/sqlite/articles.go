package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"strings"

	"github.com/casebookapp/casebook/data"
	"github.com/casebookapp/casebook/data/search"
	"github.com/casebookapp/casebook/data/titlecase"
)

// SyncArticles stores the given articles in one transaction: new origins are
// added, origins whose text changed are updated, and the rest are left alone.
// The bundled seeds are loaded this way at every start.
//
// Whether anything changed is checked with a read first: when nothing did
// (every start but the first after an update), no write lock is taken, so
// a command that only reads never waits for another window that writes.
func (l *Library) SyncArticles(ctx context.Context, arts []data.NewArticle) ([]data.PutResult, error) {
	if res, same, err := l.unchanged(ctx, arts); err != nil || same {
		return res, err
	}
	var res []data.PutResult
	err := l.update(ctx, func(tx *sql.Tx) error {
		res = res[:0]
		for _, a := range arts {
			r, err := l.putArticle(ctx, tx, a, true, nil, nil)
			if err != nil {
				return err
			}
			res = append(res, r)
		}
		return nil
	})
	return res, err
}

// unchanged reports, reading only, whether every article is in the library
// with the same text, and returns them if so.
func (l *Library) unchanged(ctx context.Context, arts []data.NewArticle) ([]data.PutResult, bool, error) {
	res := make([]data.PutResult, 0, len(arts))
	for _, a := range arts {
		var id int64
		var hash string
		err := l.db.QueryRowContext(ctx, `SELECT id, hash FROM articles WHERE origin = ?`, a.Origin).Scan(&id, &hash)
		if errors.Is(err, sql.ErrNoRows) || err == nil && hash != data.Hash(a.Original) {
			return nil, false, nil
		}
		if err != nil {
			return nil, false, err
		}
		art, err := getArticle(ctx, l.db, id)
		if err != nil {
			return nil, false, err
		}
		res = append(res, data.PutResult{Article: art, Status: data.Unchanged})
	}
	return res, true, nil
}

// ImportArticle stores one imported article in its own transaction. The same
// content already in the library is refused with EDUPLICATE; the same origin
// with a new text updates the article and re-anchors its annotations.
func (l *Library) ImportArticle(ctx context.Context, a data.NewArticle) (data.PutResult, error) {
	var r data.PutResult
	err := l.update(ctx, func(tx *sql.Tx) (err error) {
		r, err = l.putArticle(ctx, tx, a, false, nil, nil)
		return err
	})
	return r, err
}

// putArticle adds or updates one article inside tx. With sameOK, an
// unchanged origin is not an error (seeds); otherwise it is a duplicate.
// When defer is not nil, a new article's passages are appended to it for
// the caller to index instead of being indexed here (an import batch
// indexes all its articles at once); an updated article is always
// re-indexed here. titles, when not nil, holds the library's headlines
// for finding the same article read from another file (see sameArticle).
func (l *Library) putArticle(ctx context.Context, tx *sql.Tx, a data.NewArticle, sameOK bool, deferred *[]search.Doc, titles titleIndex) (data.PutResult, error) {
	if err := validateNewArticle(a); err != nil {
		return data.PutResult{}, err
	}
	hash := data.Hash(a.Original)

	var id int64
	var oldHash string
	var edited bool
	err := tx.QueryRowContext(ctx, `SELECT id, hash, meta_edited FROM articles WHERE origin = ?`, a.Origin).Scan(&id, &oldHash, &edited)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		id = 0
	case err != nil:
		return data.PutResult{}, err
	}

	if id == 0 || oldHash != hash {
		// The same text under another origin is a duplicate whatever its name.
		var dupID int64
		var dupTitle string
		err := tx.QueryRowContext(ctx, `SELECT id, title FROM articles WHERE hash = ? AND origin <> ? LIMIT 1`, hash, a.Origin).Scan(&dupID, &dupTitle)
		if err == nil {
			return data.PutResult{}, data.Errorf(data.EDUPLICATE, "already in the library as article %d%s", dupID, quotedTitle(dupTitle))
		} else if !errors.Is(err, sql.ErrNoRows) {
			return data.PutResult{}, err
		}
	}
	if id == 0 && !sameOK {
		// The same article read from another file (its PDF, a copy with
		// a line changed) is a duplicate too. (Seeds are the app's own.)
		dupID, dupTitle, err := sameArticle(ctx, tx, a, titles)
		if err != nil {
			return data.PutResult{}, err
		}
		if dupID != 0 {
			return data.PutResult{}, data.Errorf(data.EDUPLICATE, "already in the library as article %d%s, read from another file", dupID, quotedTitle(dupTitle))
		}
	}

	switch {
	case id == 0:
		res, err := tx.ExecContext(ctx, `
			INSERT INTO articles (origin, hash, title, outlet, author, date, date_note, source, original, added_at,
				source_type, title_sentence, accessed)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			a.Origin, hash, a.Title, a.Outlet, a.Author, a.Date, a.DateNote, a.Source, a.Original, formatTime(l.now()),
			string(a.Type), sentenceTitle(a), a.Accessed)
		if err != nil {
			return data.PutResult{}, err
		}
		if id, err = res.LastInsertId(); err != nil {
			return data.PutResult{}, err
		}
		docs, err := l.insertPassages(ctx, tx, id, a.Passages)
		if err != nil {
			return data.PutResult{}, err
		}
		// A new article has no notes yet: its passages are all to index.
		if deferred != nil {
			*deferred = append(*deferred, docs...)
		} else if err := l.index.Put(ctx, tx, docs...); err != nil {
			return data.PutResult{}, err
		}
		art, err := getArticle(ctx, tx, id)
		return data.PutResult{Article: art, Status: data.Added}, err

	case oldHash == hash:
		if !sameOK {
			var title string
			_ = tx.QueryRowContext(ctx, `SELECT title FROM articles WHERE id = ?`, id).Scan(&title)
			return data.PutResult{}, data.Errorf(data.EDUPLICATE, "already in the library as article %d%s, unchanged", id, quotedTitle(title))
		}
		art, err := getArticle(ctx, tx, id)
		return data.PutResult{Article: art, Status: data.Unchanged}, err

	default:
		if edited {
			_, err = tx.ExecContext(ctx, `UPDATE articles SET hash = ?, original = ? WHERE id = ?`, hash, a.Original, id)
		} else {
			_, err = tx.ExecContext(ctx, `
				UPDATE articles SET hash = ?, original = ?, title = ?, outlet = ?, author = ?, date = ?, date_note = ?, source = ?,
					source_type = ?, title_sentence = ?
				WHERE id = ?`, hash, a.Original, a.Title, a.Outlet, a.Author, a.Date, a.DateNote, a.Source,
				string(a.Type), sentenceTitle(a), id)
		}
		if err != nil {
			return data.PutResult{}, err
		}
		orphaned, err := l.replacePassages(ctx, tx, id, a.Passages)
		if err != nil {
			return data.PutResult{}, err
		}
		art, err := getArticle(ctx, tx, id)
		return data.PutResult{Article: art, Status: data.Updated, Orphaned: orphaned}, err
	}
}

// sentenceTitle returns the article's title in sentence case for APA: the
// one given, or else one derived from the title and the body text.
func sentenceTitle(a data.NewArticle) string {
	if a.SentenceTitle != "" {
		return a.SentenceTitle
	}
	var text []string
	for _, p := range a.Passages {
		if p.Kind.InFlow() {
			text = append(text, p.Text)
		}
	}
	return deriveSentence(a.Meta, text)
}

// deriveSentence derives the APA sentence-case title from m's title and
// what the article itself writes: its body and caption text (see
// titlecase.Sentence), and the names its details give, its authors and its
// outlet, which keep their capitals wherever they stand in the title
// ("NBC News poll", not "NBC news poll").
func deriveSentence(m data.Meta, text []string) string {
	if m.Title == "" || len(text) == 0 {
		return m.Title
	}
	for _, name := range append(m.Authors(), m.Outlet) {
		for _, w := range strings.Fields(name) {
			// Each word written mid-sentence (not after an initial's
			// period), so that its capitals count as a proper noun's.
			text = append(text, "by "+w)
		}
	}
	return titlecase.Sentence(m.Title, text)
}

// flowText returns the text of an article's body and caption passages.
func flowText(ctx context.Context, q querier, articleID int64) ([]string, error) {
	ps, err := queryPassages(ctx, q, `p.article_id = ? AND p.kind IN `+flowKinds, articleID)
	if err != nil {
		return nil, err
	}
	text := make([]string, len(ps))
	for i, p := range ps {
		text[i] = p.Text
	}
	return text, nil
}

// deriveSentenceTitles derives the sentence-case title of every article
// that has a title but none in sentence case: those of a library made
// before titles had one. It runs in migration 0005's transaction, the one
// that adds the column (see afterMigration), so that an upgraded library
// has every title at once and opening a library never looks for them
// again: every later write gives an article its sentence-case title. It
// reads only the columns 0005 knows, so later migrations cannot break it.
func deriveSentenceTitles(ctx context.Context, tx *sql.Tx) error {
	rows, err := tx.QueryContext(ctx, `SELECT id, title, outlet, author FROM articles WHERE title_sentence = '' AND title <> ''`)
	list, err := collect(rows, err, func(s scanner) (data.Article, error) {
		var a data.Article
		err := s.Scan(&a.ID, &a.Title, &a.Outlet, &a.Author)
		return a, err
	})
	if err != nil {
		return err
	}
	for _, a := range list {
		text, err := flowText(ctx, tx, a.ID)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE articles SET title_sentence = ? WHERE id = ?`, deriveSentence(a.Meta, text), a.ID); err != nil {
			return err
		}
	}
	return nil
}

func quotedTitle(t string) string {
	if t == "" {
		return ""
	}
	return " (“" + t + "”)"
}

func validateNewArticle(a data.NewArticle) error {
	if a.Origin == "" {
		return data.Errorf(data.EINVALID, "the article has no origin")
	}
	if strings.TrimSpace(a.Original) == "" {
		return data.Errorf(data.EINVALID, "the article is empty")
	}
	numbered := 0
	for i, p := range a.Passages {
		if !p.Kind.Valid() {
			return data.Errorf(data.EINVALID, "passage %d has an unknown kind %q", i+1, p.Kind)
		}
		if strings.TrimSpace(p.Text) == "" {
			return data.Errorf(data.EINVALID, "passage %d is empty", i+1)
		}
		if p.Kind.Numbered() {
			numbered++
		}
	}
	if numbered == 0 {
		return data.Errorf(data.EINVALID, "no article text was found (only titles, bylines or site notices)")
	}
	return nil
}

// insertPassages stores an article's paragraphs, numbering body passages
// 1..n in reading order. It returns the body and caption passages, which
// are searched, as search documents.
func (l *Library) insertPassages(ctx context.Context, tx *sql.Tx, articleID int64, ps []data.NewPassage) ([]search.Doc, error) {
	stmt, err := tx.PrepareContext(ctx, `INSERT INTO passages (article_id, seq, n, kind, text) VALUES (?, ?, ?, ?, ?)`)
	if err != nil {
		return nil, err
	}
	defer stmt.Close()
	var docs []search.Doc
	n := 0
	for seq, p := range ps {
		num := 0
		if p.Kind.Numbered() {
			n++
			num = n
		}
		res, err := stmt.ExecContext(ctx, articleID, seq, num, string(p.Kind), p.Text)
		if err != nil {
			return nil, err
		}
		if p.Kind.InFlow() {
			id, err := res.LastInsertId()
			if err != nil {
				return nil, err
			}
			docs = append(docs, search.Doc{ID: id, Source: search.SourcePassage, Passage: id, Article: articleID, Text: p.Text})
		}
	}
	return docs, nil
}

const articleColumns = `a.id, a.origin, a.hash, a.title, a.outlet, a.author, a.date, a.date_note, a.source, a.added_at, a.source_type, a.title_sentence, a.accessed`

type scanner interface{ Scan(dest ...any) error }

// collect scans every row of a query into a slice and closes the rows.
func collect[T any](rows *sql.Rows, err error, scan func(scanner) (T, error)) ([]T, error) {
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []T
	for rows.Next() {
		v, err := scan(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, rows.Err()
}

func scanArticle(s scanner, extra ...any) (data.Article, error) {
	var a data.Article
	var added, typ string
	dest := append([]any{&a.ID, &a.Origin, &a.Hash, &a.Title, &a.Outlet, &a.Author, &a.Date, &a.DateNote, &a.Source, &added,
		&typ, &a.SentenceTitle, &a.Accessed}, extra...)
	if err := s.Scan(dest...); err != nil {
		return data.Article{}, err
	}
	a.Type = data.SourceType(typ)
	a.AddedAt = parseTime(added)
	return a, nil
}

type querier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

func getArticle(ctx context.Context, q querier, id int64) (data.Article, error) {
	a, err := scanArticle(q.QueryRowContext(ctx, `SELECT `+articleColumns+` FROM articles a WHERE a.id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return data.Article{}, data.Errorf(data.ENOTFOUND, "there is no article %d", id)
	}
	return a, err
}

// Article returns one article's metadata.
func (l *Library) Article(ctx context.Context, id int64) (data.Article, error) {
	return getArticle(ctx, l.db, id)
}

// Articles lists every article in load order, with its numbered passages,
// highlights and notes counted.
func (l *Library) Articles(ctx context.Context) ([]data.ArticleSummary, error) {
	return l.articleSummaries(ctx, `a.deleted_at IS NULL ORDER BY a.id`)
}

// articleSummaries lists the articles that where (a condition on articles
// a, with its ORDER BY) keeps, with their numbered passages, highlights and
// notes counted. where is always a constant of this package.
func (l *Library) articleSummaries(ctx context.Context, where string) ([]data.ArticleSummary, error) {
	rows, err := l.db.QueryContext(ctx, `
		SELECT `+articleColumns+`,
			(SELECT count(*) FROM passages p WHERE p.article_id = a.id AND p.n > 0),
			(SELECT count(*) FROM highlights h WHERE h.article_id = a.id AND h.deleted_at IS NULL),
			(SELECT count(*) FROM notes n WHERE n.article_id = a.id AND n.deleted_at IS NULL)
		FROM articles a WHERE `+where)
	return collect(rows, err, func(s scanner) (data.ArticleSummary, error) {
		var sum data.ArticleSummary
		a, err := scanArticle(s, &sum.Passages, &sum.Highlights, &sum.Notes)
		sum.Article = a
		return sum, err
	})
}

// UpdateMeta replaces an article's citable metadata with the user's. A new
// date that comes with the old date's note drops the note, which explained
// the old date; a new sentence-case title is derived as for an import when
// the title changes and the old one comes back unchanged.
func (l *Library) UpdateMeta(ctx context.Context, id int64, m data.Meta) (data.Article, error) {
	m.Title = strings.TrimSpace(m.Title)
	m.Outlet = strings.TrimSpace(m.Outlet)
	m.Author = strings.TrimSpace(m.Author)
	m.Date = strings.TrimSpace(m.Date)
	m.Source = strings.TrimSpace(m.Source)
	m.SentenceTitle = strings.TrimSpace(m.SentenceTitle)
	m.Accessed = strings.TrimSpace(m.Accessed)
	if !data.ValidDate(m.Date) {
		return data.Article{}, data.Errorf(data.EINVALID, "the date %q is not a date: use YYYY-MM-DD, YYYY-MM or YYYY, or leave it empty", m.Date)
	}
	if !data.ValidDate(m.Accessed) || (m.Accessed != "" && len(m.Accessed) != len("2006-01-02")) {
		return data.Article{}, data.Errorf(data.EINVALID, "the access date %q is not a date: use YYYY-MM-DD, or leave it empty for the day the article was added", m.Accessed)
	}
	if m.Type != "" && data.ParseSourceType(string(m.Type)) == "" {
		return data.Article{}, data.Errorf(data.EINVALID, "%q is not a source type: use newspaper, news website, magazine, blog, press release or web page", m.Type)
	}
	m.Type = data.ParseSourceType(string(m.Type))
	var a data.Article
	err := l.update(ctx, func(tx *sql.Tx) error {
		old, err := getArticle(ctx, tx, id)
		if err != nil {
			return err
		}
		if m.Date != old.Date && m.DateNote == old.DateNote {
			// A new date with the old date's note: the note explained
			// the old date ("the year is from the page's copyright
			// line"), and the student's own date needs none.
			m.DateNote = ""
		}
		if m.SentenceTitle == "" || (m.Title != old.Title && m.SentenceTitle == old.SentenceTitle) {
			// No sentence-case title, or a new title with the old
			// sentence-case one: derive it again.
			text, err := flowText(ctx, tx, id)
			if err != nil {
				return err
			}
			m.SentenceTitle = deriveSentence(m, text)
		}
		res, err := tx.ExecContext(ctx, `
			UPDATE articles SET title = ?, outlet = ?, author = ?, date = ?, date_note = ?, source = ?,
				source_type = ?, title_sentence = ?, accessed = ?, meta_edited = 1
			WHERE id = ?`, m.Title, m.Outlet, m.Author, m.Date, m.DateNote, m.Source,
			string(m.Type), m.SentenceTitle, m.Accessed, id)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return data.Errorf(data.ENOTFOUND, "there is no article %d", id)
		}
		a, err = getArticle(ctx, tx, id)
		return err
	})
	return a, err
}

const passageColumns = `p.id, p.article_id, p.seq, p.n, p.kind, p.text`

func scanPassage(s scanner) (data.Passage, error) {
	var p data.Passage
	var kind string
	err := s.Scan(&p.ID, &p.ArticleID, &p.Seq, &p.N, &kind, &p.Text)
	p.Kind = data.Kind(kind)
	return p, err
}

func queryPassages(ctx context.Context, q querier, where string, args ...any) ([]data.Passage, error) {
	rows, err := q.QueryContext(ctx, `SELECT `+passageColumns+` FROM passages p WHERE `+where+` ORDER BY p.article_id, p.seq`, args...)
	return collect(rows, err, scanPassage)
}

// Passages returns all of an article's paragraphs in reading order, of every
// kind; N is 0 for those that are not numbered.
func (l *Library) Passages(ctx context.Context, articleID int64) ([]data.Passage, error) {
	if _, err := getArticle(ctx, l.db, articleID); err != nil {
		return nil, err
	}
	return queryPassages(ctx, l.db, `p.article_id = ?`, articleID)
}

// Passage returns passage N (the citation number) of an article.
func (l *Library) Passage(ctx context.Context, articleID int64, n int) (data.Passage, error) {
	return getPassage(ctx, l.db, articleID, n)
}

func getPassage(ctx context.Context, q querier, articleID int64, n int) (data.Passage, error) {
	if _, err := getArticle(ctx, q, articleID); err != nil {
		return data.Passage{}, err
	}
	if n < 1 {
		return data.Passage{}, data.Errorf(data.ENOTFOUND, "article %d has no paragraph %d: paragraphs are numbered from 1", articleID, n)
	}
	p, err := scanPassage(q.QueryRowContext(ctx, `SELECT `+passageColumns+` FROM passages p WHERE p.article_id = ? AND p.n = ?`, articleID, n))
	if errors.Is(err, sql.ErrNoRows) {
		var max int
		_ = q.QueryRowContext(ctx, `SELECT coalesce(max(n), 0) FROM passages WHERE article_id = ?`, articleID).Scan(&max)
		return data.Passage{}, data.Errorf(data.ENOTFOUND, "article %d has no paragraph %d (it has %d)", articleID, n, max)
	}
	return p, err
}
