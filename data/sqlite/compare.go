package sqlite

import (
	"context"

	"github.com/casebookapp/casebook/data"
	"github.com/casebookapp/casebook/data/compare"
)

// Compare lines up the numbered passages of two articles where they report
// the same thing and flags the figures, dates, charges and names they give
// differently (see package compare).
func (l *Library) Compare(ctx context.Context, a, b int64) (compare.Comparison, error) {
	if a == b {
		return compare.Comparison{}, data.Errorf(data.EINVALID, "choose two different articles to compare (both are article %d)", a)
	}
	load := func(id int64) ([]compare.Passage, error) {
		ps, err := l.Passages(ctx, id)
		if err != nil {
			return nil, err
		}
		var out []compare.Passage
		for _, p := range ps {
			if p.N > 0 {
				out = append(out, compare.Passage{N: p.N, Text: p.Text})
			}
		}
		return out, nil
	}
	var c compare.Comparison
	var err error
	if c.A, err = load(a); err != nil {
		return compare.Comparison{}, err
	}
	if c.B, err = load(b); err != nil {
		return compare.Comparison{}, err
	}
	c.Result = compare.Compare(c.A, c.B)
	return c, nil
}
