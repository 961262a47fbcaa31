package sqlite

import (
	"context"
	"database/sql"
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
func sameArticle(ctx context.Context, tx *sql.Tx, a data.NewArticle) (int64, string, error) {
	key := foldWords(a.Title)
	if key == "" {
		return 0, "", nil
	}
	rows, err := tx.QueryContext(ctx, `SELECT id, title, outlet FROM articles WHERE deleted_at IS NULL AND origin <> ?`, a.Origin)
	if err != nil {
		return 0, "", err
	}
	type cand struct {
		id    int64
		title string
	}
	var cands []cand
	for rows.Next() {
		var c cand
		var outlet string
		if err := rows.Scan(&c.id, &c.title, &outlet); err != nil {
			rows.Close()
			return 0, "", err
		}
		if foldWords(c.title) != key || outlet != "" && a.Outlet != "" && !strings.EqualFold(outlet, a.Outlet) {
			continue
		}
		cands = append(cands, c)
	}
	rows.Close()
	if err := rows.Err(); err != nil || len(cands) == 0 {
		return 0, "", err
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
