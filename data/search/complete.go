package search

import (
	"sort"
	"strings"

	"github.com/sahilm/fuzzy"
)

// termSource presents a range of the sorted vocabulary to sahilm/fuzzy.
type termSource struct {
	voc *vocab
	ids []uint32
}

func (s termSource) String(i int) string { return s.voc.term(s.ids[i]) }
func (s termSource) Len() int            { return len(s.ids) }

// Complete suggests up to n indexed words for the word being typed: the last
// word of prefix. Words that start with it come first, then words that match
// it as a subsequence (ranked by sahilm/fuzzy, which rewards matches at the
// start and in runs: "ballngr" suggests "ballinger"), then words within the
// typo budget of a prefix ("bailing" suggests "ballinger"); frequent words
// first within each group; a group is only consulted when the ones before
// it leave room. Suggestions are folded (lower case, no accents).
// Complete uses the vocabulary as of the last Search or Refresh.
func (ix *Index) Complete(prefix string, n int) []string {
	q := parseQuery(prefix)
	if len(q.words) == 0 || n <= 0 {
		return nil
	}
	w := q.words[len(q.words)-1].term
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	st := ix.st
	if st == nil {
		return nil
	}
	voc := st.voc
	type sugg struct {
		id    uint32
		group int
		score int
	}
	// better orders suggestions: group, then score, then frequency.
	better := func(a, b sugg) bool {
		if a.group != b.group {
			return a.group < b.group
		}
		if a.score != b.score {
			return a.score > b.score
		}
		if voc.df[a.id] != voc.df[b.id] {
			return voc.df[a.id] > voc.df[b.id]
		}
		return strings.Compare(voc.term(a.id), voc.term(b.id)) < 0
	}
	// out keeps the n best so far, in order: a short prefix matches
	// thousands of words, and only n are wanted.
	seen := map[uint32]bool{}
	var out []sugg
	addIf := func(id uint32, group, score int) {
		if seen[id] || voc.df[id] == 0 {
			return
		}
		sg := sugg{id, group, score}
		if len(out) == n && !better(sg, out[n-1]) {
			return
		}
		seen[id] = true
		i := sort.Search(len(out), func(i int) bool { return better(sg, out[i]) })
		if len(out) < n {
			out = append(out, sugg{})
		} else {
			delete(seen, out[n-1].id)
		}
		copy(out[i+1:], out[i:len(out)-1])
		out[i] = sg
	}
	lo, hi := voc.prefixRange(w)
	for _, id := range voc.sorted[lo:hi] {
		addIf(id, 0, 0)
	}
	// The other groups only fill up what the prefix leaves.
	if len(out) < n {
		// Subsequence matches among the words that share the first letter.
		first := string([]rune(w)[:1])
		flo, fhi := voc.prefixRange(first)
		for _, m := range fuzzy.FindFromNoSort(w, termSource{voc, voc.sorted[flo:fhi]}) {
			addIf(voc.sorted[flo+m.Index], 1, m.Score)
		}
	}
	if k := typoBudget(w); k > 0 && len(out) < n {
		sc := ix.scanners.Get().(*scanner)
		voc.scan(sc, []rune(w), k, k, func(id uint32, class uint8) {
			addIf(id, 2, -int(class))
		})
		ix.scanners.Put(sc)
	}
	res := make([]string, len(out))
	for i, s := range out {
		res[i] = strings.Clone(voc.term(s.id))
	}
	return res
}
