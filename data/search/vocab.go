package search

import (
	"slices"
	"sort"
	"strings"
	"unicode/utf8"
	"unsafe"
)

// vocab is the in-memory vocabulary: every term with its document frequency,
// and the terms in sorted order, which acts as an implicit trie for prefix
// ranges, for look-ups (a binary search) and for the typo automaton.
//
// It is kept small because a library may hold millions of words (one
// imported file of made-up words held two million): about 27 bytes a term,
// the term's own bytes included, and no map.
type vocab struct {
	// text holds the terms' bytes: term id is text[off[id]:off[id]+blen[id]].
	// It is only appended to, so strings taken from it stay valid. A term
	// with no bytes is not in use (or too long to search for; see add).
	text []byte
	off  []uint32 // by term id
	blen []uint8  // by term id
	df   []uint32 // by term id
	// sorted holds the ids of all terms, ordered by term.
	sorted []uint32
	// lcp[i] is the number of leading runes sorted[i] shares with
	// sorted[i-1]; nxt[i] is the first position after i with a smaller
	// lcp (or len(sorted)). Together they let the typo automaton skip a
	// whole subtree of the implicit trie in a few steps.
	lcp []uint8
	nxt []uint32
}

func newVocab() *vocab { return &vocab{} }

// term returns term id, "" when the id is not in use. The string shares
// text's memory.
func (v *vocab) term(id uint32) string {
	if int(id) >= len(v.blen) || v.blen[id] == 0 {
		return ""
	}
	return unsafe.String(&v.text[v.off[id]], int(v.blen[id]))
}

// runes returns term id as runes.
func (v *vocab) runes(id uint32) []rune { return []rune(v.term(id)) }

// maxID returns the largest term id recorded (0 when there is none).
func (v *vocab) maxID() uint32 {
	if len(v.blen) == 0 {
		return 0
	}
	return uint32(len(v.blen) - 1)
}

// grow makes room for term ids up to n-1.
func (v *vocab) grow(n int) {
	if n > len(v.blen) {
		v.off = append(v.off, make([]uint32, n-len(v.off))...)
		v.blen = append(v.blen, make([]uint8, n-len(v.blen))...)
		v.df = append(v.df, make([]uint32, n-len(v.df))...)
	}
}

// add records term id. Added terms join the sorted order by resort or
// insertSorted.
//
// A term longer than maxTermRunes (which the tokenizer never writes, but a
// library may hold one from elsewhere) takes its id and nothing else: no
// query word can name it, and the typo automaton's rows only reach
// maxTermRunes+1 runes deep, so scanning it would index past them.
func (v *vocab) add(id uint32, term string) {
	v.grow(int(id) + 1)
	if term == "" || utf8.RuneCountInString(term) > maxTermRunes {
		return
	}
	v.off[id] = uint32(len(v.text))
	v.blen[id] = uint8(len(term))
	v.text = append(v.text, term...)
}

// addDF applies a document-frequency change.
func (v *vocab) addDF(id uint32, d int64) {
	if int(id) >= len(v.df) {
		return // a term whose row is not visible yet; the next refresh has it
	}
	x := int64(v.df[id]) + d
	if x < 0 {
		x = 0
	}
	v.df[id] = uint32(x)
}

// resort rebuilds the sorted order after terms were added.
func (v *vocab) resort() {
	v.sorted = v.sorted[:0]
	for id, n := range v.blen {
		if n > 0 {
			v.sorted = append(v.sorted, uint32(id))
		}
	}
	slices.SortFunc(v.sorted, func(a, b uint32) int { return strings.Compare(v.term(a), v.term(b)) })
	v.relcp()
}

// relcp recomputes lcp and nxt from sorted.
func (v *vocab) relcp() {
	v.lcp = append(v.lcp[:0], make([]uint8, len(v.sorted))...)
	for i := 1; i < len(v.sorted); i++ {
		v.setLCP(i)
	}
	v.relink()
}

// insertSorted adds new term ids to the sorted order. It sorts them and
// merges them in with one pass from the back, in place, keeping the lcp of
// every old term whose neighbour did not change: O(vocabulary + new·log
// new) however many there are, where inserting them one by one cost
// O(new × vocabulary) under the index's locks.
func (v *vocab) insertSorted(ids []uint32) {
	add := make([]uint32, 0, len(ids))
	for _, id := range ids {
		if v.term(id) != "" { // not recorded (see add)
			add = append(add, id)
		}
	}
	if len(add) == 0 {
		return
	}
	slices.SortFunc(add, func(a, b uint32) int { return strings.Compare(v.term(a), v.term(b)) })
	// i old terms and j new ones are left to place; position p is filled
	// next. Old terms only move up, so v.sorted[:i] and v.lcp[:i] are
	// still the old ones.
	i, j := len(v.sorted), len(add)
	v.sorted = append(v.sorted, add...)
	v.lcp = append(v.lcp, make([]uint8, len(add))...)
	var redo []int
	for p := len(v.sorted) - 1; j > 0; p-- {
		if i > 0 && v.term(v.sorted[i-1]) > v.term(add[j-1]) {
			i--
			v.sorted[p] = v.sorted[i]
			// The term before it is still its old neighbour unless a
			// new term comes between them.
			if i == 0 || v.term(add[j-1]) > v.term(v.sorted[i-1]) {
				redo = append(redo, p)
			} else {
				v.lcp[p] = v.lcp[i]
			}
		} else {
			j--
			v.sorted[p] = add[j]
			redo = append(redo, p)
		}
	}
	for _, p := range redo {
		v.setLCP(p)
	}
	v.relink()
}

// setLCP computes lcp[i]: the runes of the longest common byte prefix
// that ends on a whole rune.
func (v *vocab) setLCP(i int) {
	if i == 0 {
		v.lcp[0] = 0
		return
	}
	a, b := v.term(v.sorted[i-1]), v.term(v.sorted[i])
	k := 0
	for k < len(a) && k < len(b) && a[k] == b[k] {
		k++
	}
	for k > 0 && k < len(a) && !utf8.RuneStart(a[k]) {
		k--
	}
	for k > 0 && k < len(b) && !utf8.RuneStart(b[k]) {
		k--
	}
	v.lcp[i] = uint8(utf8.RuneCountInString(a[:k]))
}

// relink computes nxt from lcp: the next smaller element, right to left
// with a stack.
func (v *vocab) relink() {
	n := len(v.sorted)
	v.nxt = append(v.nxt[:0], make([]uint32, n)...)
	stack := make([]uint32, 0, 64)
	for i := n - 1; i >= 0; i-- {
		for len(stack) > 0 && v.lcp[stack[len(stack)-1]] >= v.lcp[i] {
			stack = stack[:len(stack)-1]
		}
		if len(stack) == 0 {
			v.nxt[i] = uint32(n)
		} else {
			v.nxt[i] = stack[len(stack)-1]
		}
		stack = append(stack, uint32(i))
	}
}

// lookup returns the id of term, by binary search in the sorted order.
func (v *vocab) lookup(term string) (uint32, bool) {
	n := len(v.sorted)
	i := sort.Search(n, func(i int) bool { return v.term(v.sorted[i]) >= term })
	if i < n && term != "" && v.term(v.sorted[i]) == term {
		return v.sorted[i], true
	}
	return 0, false
}

// prefixRange returns the positions [lo, hi) in sorted of the terms that
// start with p.
func (v *vocab) prefixRange(p string) (lo, hi int) {
	n := len(v.sorted)
	lo = sort.Search(n, func(i int) bool { return v.term(v.sorted[i]) >= p })
	hi = lo + sort.Search(n-lo, func(i int) bool { return !strings.HasPrefix(v.term(v.sorted[lo+i]), p) })
	return lo, hi
}

// subtreeEnd returns the first position after i whose term does not share
// the first d runes of sorted[i], given that sorted[i] is the first term
// with that prefix. Every position in a run with lcp >= d belongs to the
// subtree; nxt jumps over a run at once, and each jump lowers the lcp.
func (v *vocab) subtreeEnd(i, d int) int {
	n := len(v.sorted)
	j := i + 1
	for j < n && int(v.lcp[j]) >= d {
		j = int(v.nxt[j])
	}
	return j
}

// scanner holds the rows of the typo automaton, reused across scans.
type scanner struct {
	rows [maxTermRunes + 2][]int8
	pmin [maxTermRunes + 2]int8
	t    []rune // the term being walked
}

// scan finds the terms within k edits of q (optimal string alignment
// distance: substitution, insertion, deletion, transposition of adjacent
// letters) and, when kp >= 0, the terms that have a prefix within kp edits of
// q. It walks the sorted vocabulary as a trie, computing one automaton row
// per trie edge and sharing rows between terms with a common prefix; a
// subtree is skipped as soon as no row entry is within the bound. fn gets
// each term once with its closeness class: 2*edits, plus 1 when it matched
// only as a prefix (see classExact and the classes after it).
func (v *vocab) scan(sc *scanner, q []rune, k, kp int, fn func(id uint32, class uint8)) {
	m := len(q)
	if m > maxTermRunes || m == 0 {
		return
	}
	lim := max(k, kp)
	// Only the cells of row x within lim of the diagonal (|x-j| <= lim)
	// can hold a distance within lim (Ukkonen's cut-off): each row
	// computes that band and clamps everything else to over, which is
	// all the decisions below need to know about it.
	over := int8(lim + 1)
	at := func(x, j int) int8 {
		if j < x-lim || j > x+lim {
			return over
		}
		return sc.rows[x][j]
	}
	for d := range sc.rows {
		if cap(sc.rows[d]) < m+1 {
			sc.rows[d] = make([]int8, m+1, maxTermRunes+2)
		}
		sc.rows[d] = sc.rows[d][:m+1]
	}
	for j := 0; j <= m; j++ {
		sc.rows[0][j] = int8(min(j, lim+1))
	}
	sc.pmin[0] = at(0, m)
	// valid is how many rows (after row 0) hold for the current term's
	// prefix; common is what the current term shares with the previous one
	// visited.
	valid := 0
	n := len(v.sorted)
	common := 0
	for i := 0; i < n; {
		id := v.sorted[i]
		sc.t = append(sc.t[:0], []rune(v.term(id))...)
		t := sc.t
		d := min(valid, common)
		pruned := false
		for d < len(t) {
			c := t[d]
			x1 := d + 1 // the row being computed
			prev, cur := sc.rows[d], sc.rows[x1]
			jlo, jhi := max(1, x1-lim), min(m, x1+lim)
			cur[0] = int8(min(x1, lim+1))
			if jlo > 1 {
				cur[jlo-1] = over
			}
			rmin := cur[0]
			for j := jlo; j <= jhi; j++ {
				x := prev[j-1]
				if q[j-1] != c {
					x++
				}
				if y := prev[j] + 1; y < x {
					x = y
				}
				if y := cur[j-1] + 1; y < x {
					x = y
				}
				if d > 0 && j > 1 && q[j-1] == t[d-1] && q[j-2] == c {
					if y := sc.rows[d-1][j-2] + 1; y < x {
						x = y
					}
				}
				x = min(x, over)
				cur[j] = x
				rmin = min(rmin, x)
			}
			if jhi < m {
				cur[jhi+1] = over
			}
			pm := min(sc.pmin[d], at(x1, m))
			sc.pmin[x1] = pm
			d++
			if int(rmin) > lim {
				// No term below t[:d] is within k, and no longer
				// prefix gets closer than what the path already had.
				valid = d
				hi := v.subtreeEnd(i, d)
				if kp >= 0 && int(pm) <= kp {
					for j := i; j < hi; j++ {
						fn(v.sorted[j], uint8(2*pm+1))
					}
				}
				i = hi
				if i < n {
					common = int(v.lcp[i])
				}
				pruned = true
				break
			}
		}
		if pruned {
			continue
		}
		valid = len(t)
		best := uint8(255)
		if w := at(len(t), m); int(w) <= k {
			best = uint8(2 * w)
		}
		if p := sc.pmin[len(t)]; kp >= 0 && int(p) <= kp && uint8(2*p+1) < best {
			best = uint8(2*p + 1)
		}
		if best != 255 {
			fn(id, best)
		}
		i++
		if i < n {
			common = int(v.lcp[i])
		}
	}
}

// Closeness classes of a vocabulary term to a query word, best first. The
// class is 2*edits, plus 1 for a match on a prefix of the term only: exact,
// prefix, one typo, prefix with one typo, two typos, prefix with two typos.
const (
	classExact       uint8 = 0
	classPrefix      uint8 = 1
	classTypo1       uint8 = 2
	classPrefixTypo1 uint8 = 3
	classTypo2       uint8 = 4
	classPrefixTypo2 uint8 = 5
	numClasses             = 6
)

// typoBudget is how many edits a query word of n runes may have: none up to
// 3 letters, 1 for 4 to 7, 2 from 8. Words with digits (years, amounts) get
// none: "2014" must not find "2016".
func typoBudget(term string) int {
	for i := 0; i < len(term); i++ {
		if isDigit(rune(term[i])) {
			return 0
		}
	}
	switch n := utf8.RuneCountInString(term); {
	case n <= 3:
		return 0
	case n <= 7:
		return 1
	}
	return 2
}
