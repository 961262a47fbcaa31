package sqlite

import (
	"context"

	"github.com/casebookapp/casebook/data"
	"github.com/casebookapp/casebook/data/compare"
)

// Comparison is what Compare found, with the passages it compared, so that
// the CLI and the Compare window show them without reading them again.
type Comparison struct {
	compare.Result
	// A and B are the numbered passages of the two articles, in order.
	A, B []compare.Passage `json:"-"`
}

// Texts maps each side's citation numbers to the passages' texts.
func (c Comparison) Texts() [2]map[int]string {
	var out [2]map[int]string
	for i, ps := range [][]compare.Passage{c.A, c.B} {
		out[i] = make(map[int]string, len(ps))
		for _, p := range ps {
			out[i][p.N] = p.Text
		}
	}
	return out
}

// Compare lines up the numbered passages of two articles where they report
// the same thing and flags the figures, dates, charges and names they give
// differently (see package compare).
func (l *Library) Compare(ctx context.Context, a, b int64) (Comparison, error) {
	if a == b {
		return Comparison{}, data.Errorf(data.EINVALID, "choose two different articles to compare (both are article %d)", a)
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
	var c Comparison
	var err error
	if c.A, err = load(a); err != nil {
		return Comparison{}, err
	}
	if c.B, err = load(b); err != nil {
		return Comparison{}, err
	}
	c.Result = compare.Compare(c.A, c.B)
	return c, nil
}
