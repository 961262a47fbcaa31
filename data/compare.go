package data

import (
	"context"

	"github.com/casebookapp/casebook/data/compare"
)

// Compare lines up the numbered passages of two articles where they report
// the same thing and flags the figures, dates, charges and names they give
// differently (see package compare).
func (l *Library) Compare(ctx context.Context, a, b int64) (compare.Result, error) {
	if a == b {
		return compare.Result{}, Errorf(EINVALID, "choose two different articles to compare (both are article %d)", a)
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
	pa, err := load(a)
	if err != nil {
		return compare.Result{}, err
	}
	pb, err := load(b)
	if err != nil {
		return compare.Result{}, err
	}
	return compare.Compare(pa, pb), nil
}
