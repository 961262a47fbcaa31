package ui

import (
	"testing"
)

// BenchmarkKeystrokeToResults measures one keystroke in the search bar until
// its results are on screen: the query off the UI goroutine on the bundled
// library, then the result list refreshed (test driver, software painter).
func BenchmarkKeystrokeToResults(b *testing.B) {
	t := &testing.T{}
	h := newHarness(t)
	s := h.u.Search
	queries := []string{"probaton", "probation", "commnity service", "Liang sentenc"}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		s.entry.SetText(queries[i%len(queries)])
		h.waitFor("results", func() bool { return s.shown == s.gen })
	}
}

// BenchmarkResizeLongArticle measures recomputing every row's height of a
// 240-passage article for a new width and handing them to the list.
func BenchmarkResizeLongArticle(b *testing.B) {
	t := &testing.T{}
	h := newHarness(t)
	r := h.u.Reader
	base := r.rows
	for len(r.rows) < 240 {
		for _, m := range base {
			c := newPassageModel(m.passage)
			c.passage.ID = int64(len(r.rows) + 100000)
			r.rows = append(r.rows, c)
		}
	}
	r.List.Refresh()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		r.sizeRows(float32(600 + i%2*200))
	}
}
