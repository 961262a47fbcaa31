package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"slices"
	"strings"
	"unicode"

	"github.com/casebookapp/casebook/data"
)

// The same article read from another file — a saved page's text and its
// PDF, or a copy under another name with a line changed — has another
// original text, so the content hash does not find it. sameArticle finds
// it by what the student reads: the same headline and nearly the same
// numbered body.

// sameBodyShare is the least share of the longer body's words the two
// bodies must have in common to be one article.
const sameBodyShare = 0.9

// sameArticle returns the id and title of an article in the library (not
// in the bin) under another origin that is the same article: the same headline, ignoring
// case and punctuation, and at least nine words in ten of the numbered
// body in common. Two articles naming different outlets are two papers'
// prints of one story, which the student may want to compare: they are
// not the same. It returns 0 when there is none.
//
// titles, when not nil, holds the library's headlines (an import batch
// reads them once); otherwise they are read here.
func sameArticle(ctx context.Context, tx *sql.Tx, a data.NewArticle, titles titleIndex) (int64, string, error) {
	key := foldWords(a.Title)
	if key == "" {
		return 0, "", nil
	}
	if titles == nil {
		var err error
		if titles, err = loadTitles(ctx, tx); err != nil {
			return 0, "", err
		}
	}
	type cand struct {
		id    int64
		title string
	}
	var cands []cand
	for _, id := range titles[key] {
		var c cand
		var outlet string
		err := tx.QueryRowContext(ctx, `SELECT id, title, outlet FROM articles WHERE id = ? AND deleted_at IS NULL AND origin <> ?`, id, a.Origin).Scan(&c.id, &c.title, &outlet)
		if errors.Is(err, sql.ErrNoRows) {
			continue
		}
		if err != nil {
			return 0, "", err
		}
		if foldWords(c.title) != key || outlet != "" && a.Outlet != "" && !strings.EqualFold(outlet, a.Outlet) {
			continue
		}
		cands = append(cands, c)
	}
	if len(cands) == 0 {
		return 0, "", nil
	}
	var body []string
	for _, p := range a.Passages {
		if p.Kind.Numbered() {
			body = append(body, p.Text)
		}
	}
	mine := wordCounts(strings.Join(body, " "))
	for _, c := range cands {
		var text string
		err := tx.QueryRowContext(ctx, `SELECT coalesce(group_concat(text, ' '), '') FROM (SELECT text FROM passages WHERE article_id = ? AND n > 0 ORDER BY seq)`, c.id).Scan(&text)
		if err != nil {
			return 0, "", err
		}
		if sameWords(mine, wordCounts(text)) {
			return c.id, c.title, nil
		}
	}
	return 0, "", nil
}

// titleIndex maps the library's headlines, folded by foldWords, to their
// articles' ids.
type titleIndex map[string][]int64

// loadTitles reads the headlines of the articles not in the bin.
func loadTitles(ctx context.Context, tx *sql.Tx) (titleIndex, error) {
	rows, err := tx.QueryContext(ctx, `SELECT id, title FROM articles WHERE deleted_at IS NULL`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	t := titleIndex{}
	for rows.Next() {
		var id int64
		var title string
		if err := rows.Scan(&id, &title); err != nil {
			return nil, err
		}
		t.add(id, title)
	}
	return t, rows.Err()
}

// add notes an article's headline.
func (t titleIndex) add(id int64, title string) {
	if k := foldWords(title); k != "" && !slices.Contains(t[k], id) {
		t[k] = append(t[k], id)
	}
}

// foldWords returns s's words in lower case, without punctuation, one
// space apart.
func foldWords(s string) string {
	return strings.Join(strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}), " ")
}

// wordCounts counts the words of s, folded as foldWords folds them.
func wordCounts(s string) map[string]int {
	m := map[string]int{}
	for _, w := range strings.Fields(foldWords(s)) {
		m[w]++
	}
	return m
}

// sameWords reports two bodies with at least sameBodyShare of the longer
// one's words in common.
func sameWords(a, b map[string]int) bool {
	na, nb, common := 0, 0, 0
	for w, n := range a {
		na += n
		common += min(n, b[w])
	}
	for _, n := range b {
		nb += n
	}
	return max(na, nb) > 0 && float64(common) >= sameBodyShare*float64(max(na, nb))
}
