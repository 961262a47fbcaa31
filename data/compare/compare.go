// Package compare lines up two articles passage by passage where they report
// the same thing, and flags the figures, dates, charges and names on which
// they differ. It works on the text alone, deterministically, with no
// network service, and explains every result: each pair carries the words
// that linked it, each difference the words of both passages that differ.
// It depends on package data, casefacts (dates and abbreviations), search
// (its folding of words) and internal/text; the store feeds it passages.
// The values the store keeps of a comparison are plain types here too
// (Comparison, FlagDecision, Disagreement), so that the CLI and the Compare
// window name them without importing the store.
//
// # Alignment
//
// Every passage becomes a set of features: the stems of its content words
// ("ricocheted" → "ricochet"), its numbers with their units ("800 hours"),
// its dates ("Feb. 11") and month names. A feature weighs its inverse
// document frequency over the passages of the two articles, ln(1 + D/df),
// so that the words both articles use everywhere ("Liang", "Gurley") count
// little and the rare ones they share ("ricocheted", "stairwell") count
// much; numbers with units and dates weigh half as much again, as they are
// what a report is most precisely about. The similarity of two passages is
// the cosine of their weighted feature sets.
//
// Two passages are paired when their similarity reaches threshold, they
// share at least two rare features (or one that no other passage has), and each is the other's best match or
// one of them is the other's best match. The alignment is deliberately not
// monotonic: news reports tell the same events in different orders (AFRO
// tells the ricochet before the conviction, NBC after it), and a
// Needleman–Wunsch alignment would have to drop one of two true pairs that
// cross. Instead, one passage may pair with two: AFRO's paragraph on the
// conviction and the sentence pairs both with NBC's conviction paragraph and
// with its paragraph on the DA's request. Order breaks ties only: between
// equally similar passages, the one at the nearer relative position wins.
//
// # Differences
//
// From each passage the package reads facts, each under a key that says
// what it is about: a figure and what it counts ("hours of community
// service" → 800), the date of an event named near it (the conviction →
// Feb. 11), a charge by its head word ("manslaughter" → "second-degree
// manslaughter"), the holder of an office ("judge" → Chun). Two facts under
// the same key differ when their values cannot both be true (dates differ
// only in a field both give: "November 2014" agrees with "Nov. 20, 2014").
// Articles that share no pair of passages tell different stories, and are
// not said to differ. Otherwise a differing pair is flagged when its passages are aligned (for dates, whose
// event is only guessed from the words near them, not even then), or when neither
// value appears anywhere in the other article (AFRO's 800 hours against
// NBC's 500, which sit in passages about different moments of the case).
// Each flag keeps the most similar pair of passages that show it.
package compare

import (
	"math"
	"sort"
	"strings"
	"time"

	"github.com/casebookapp/casebook/data"
	"github.com/casebookapp/casebook/internal/text"
)

// threshold is the similarity two passages need to be paired.
const threshold = 0.15

// sentenceWeight weighs the cosine of two single sentences against that of
// two whole passages.
const sentenceWeight = 0.6

// Passage is one numbered paragraph of an article.
type Passage struct {
	N    int
	Text string
}

// Ref names a paragraph by its citation number.
type Ref struct {
	Para int `json:"para"`
}

// Pair is two passages that report the same thing.
type Pair struct {
	A     Ref     `json:"a"`
	B     Ref     `json:"b"`
	Score float64 `json:"score"`
	// Because lists the words (and figures, dates) that linked them, the
	// most telling first.
	Because []string `json:"because"`
}

// Side is one article's passage of a difference, with the words that state
// its version.
type Side struct {
	Para int    `json:"para"`
	Text string `json:"text"`
}

// Difference is a figure, date, charge or name that the two articles give
// differently.
type Difference struct {
	// Topic says what differs: "hours of community service", "charge of
	// manslaughter", "date of the conviction".
	Topic string   `json:"topic"`
	Kind  FactKind `json:"kind"`
	A     Side     `json:"a"`
	B     Side     `json:"b"`
	// Aligned is set when the two passages are also a pair.
	Aligned bool `json:"aligned"`
}

// Result is the comparison of two articles.
type Result struct {
	Pairs       []Pair       `json:"pairs"`
	Differences []Difference `json:"differences"`
}

// feature is one weighted feature of a passage: its id in the shared
// vocabulary.
type prepared struct {
	n     int
	feats []int // sorted feature ids, distinct
	norm  float64
	sents []sentence
	facts []fact
	names map[string]string // capitalised words inside sentences: folded -> as written
}

// sentence is one sentence of a passage, with its own features: a long
// paragraph that tells two things is compared sentence by sentence too.
type sentence struct {
	feats []int
	norm  float64
}

type vocab struct {
	ids     map[string]int
	surface []string
	boost   []float64
	df      []int
	w       []float64
	lower   []bool // by id: written in lower case inside a sentence somewhere
}

func (v *vocab) id(key, surface string, boost float64) int {
	if id, ok := v.ids[key]; ok {
		return id
	}
	id := len(v.surface)
	v.ids[key] = id
	v.surface = append(v.surface, surface)
	v.boost = append(v.boost, boost)
	v.df = append(v.df, 0)
	return id
}

// features adds a passage's features to the vocabulary and returns their
// ids, sorted and distinct.
func (v *vocab) features(toks []token, facts []fact) []int {
	var ids []int
	for _, t := range toks {
		if t.punct || t.num || stopwords[t.low] {
			continue
		}
		if m := data.MonthNumber(t.low); m > 0 && t.cap {
			name := time.Month(m).String()
			ids = append(ids, v.id("month:"+name, name, 1))
			continue
		}
		parts := splitHyphen(t.low)
		written := splitHyphen(t.text)
		for k, part := range parts {
			if len(part) < 2 || stopwords[part] {
				continue
			}
			if _, isNum := numberWords[part]; isNum {
				continue
			}
			id := v.id("w:"+stem(part), part, 1)
			v.write(id, asWritten(part, written, k, len(parts), t), !t.cap && !t.sentStart)
			ids = append(ids, id)
		}
	}
	for _, f := range facts {
		switch f.kind {
		case Figure:
			ids = append(ids, v.id(f.key+"="+f.value, f.text, 1.5))
		case Date:
			if f.d != 0 {
				ids = append(ids, v.id("date:"+f.value[5:], f.text, 1.5))
			}
		}
	}
	sort.Ints(ids)
	out := ids[:0]
	for i, id := range ids {
		if i == 0 || id != ids[i-1] {
			out = append(out, id)
		}
	}
	return out
}

// write records how the text writes word id, so that the words linking a
// pair show names with their capitals ("Akai", not "akai") and other words
// in lower case: a word written in lower case inside a sentence anywhere
// ("executive director") is not a name even where a title capitalises it.
func (v *vocab) write(id int, written string, lower bool) {
	for len(v.lower) <= id {
		v.lower = append(v.lower, false)
	}
	switch {
	case lower:
		v.lower[id] = true
		v.surface[id] = strings.ToLower(v.surface[id])
	case !v.lower[id] && written != strings.ToLower(written):
		v.surface[id] = written
	}
}

// asWritten is part k of a word as the text writes it. Only a capital
// inside a sentence counts: at its start it says nothing about a name.
func asWritten(part string, written []string, k, n int, t token) string {
	if !t.cap || t.sentStart || len(written) != n {
		return part
	}
	w := written[k]
	for _, suf := range []string{"'s", "’s", "'", "’"} {
		w = strings.TrimSuffix(w, suf)
	}
	if strings.ToLower(w) != part {
		return part
	}
	return w
}

func splitHyphen(w string) []string {
	var out []string
	start := 0
	for i := 0; i < len(w); i++ {
		if w[i] == '-' {
			out = append(out, w[start:i])
			start = i + 1
		}
	}
	return append(out, w[start:])
}

// Compare aligns the passages of two articles and flags their differences.
// It is deterministic: the same texts give the same result.
func Compare(a, b []Passage) Result {
	v := &vocab{ids: map[string]int{}}
	prep := func(ps []Passage) []prepared {
		out := make([]prepared, len(ps))
		for i, p := range ps {
			toks := tokenize(p.Text)
			facts := extractFacts(p.Text, toks)
			out[i] = prepared{n: p.N, feats: v.features(toks, facts), facts: facts, names: names(toks)}
			for _, id := range out[i].feats {
				v.df[id]++
			}
			// Split into sentences, giving each the facts that start in it.
			for start := 0; start < len(toks); {
				end := start + 1
				for end < len(toks) && !toks[end].sentStart {
					end++
				}
				lo, hi := toks[start].start, toks[end-1].end
				var fs []fact
				for _, f := range facts {
					if f.at >= lo && f.at < hi {
						fs = append(fs, f)
					}
				}
				out[i].sents = append(out[i].sents, sentence{feats: v.features(toks[start:end], fs)})
				start = end
			}
		}
		return out
	}
	pa, pb := prep(a), prep(b)
	docs := float64(len(pa) + len(pb))
	v.w = make([]float64, len(v.df))
	for id, df := range v.df {
		if df == 0 {
			df = 1
		}
		v.w[id] = math.Log(1+docs/float64(df)) * v.boost[id]
	}
	norm := func(ids []int) float64 {
		s := 0.0
		for _, id := range ids {
			s += v.w[id] * v.w[id]
		}
		return math.Sqrt(s)
	}
	for _, ps := range [][]prepared{pa, pb} {
		for i := range ps {
			ps[i].norm = norm(ps[i].feats)
			for k := range ps[i].sents {
				ps[i].sents[k].norm = norm(ps[i].sents[k].feats)
			}
		}
	}
	// A feature is rare when few passages have it.
	rare := func(id int) bool { return v.df[id] <= 2 || float64(v.df[id]) <= docs/5 }
	cosine := func(x, y []int, nx, ny float64) float64 {
		dot, nRare, unique := 0.0, 0, false
		intersect(x, y, func(id int) {
			dot += v.w[id] * v.w[id]
			if rare(id) {
				nRare++
			}
			if v.df[id] == 2 {
				unique = true
			}
		})
		// Two rare words in common, or one that only these two passages
		// have: one shared common word is not a report of the same thing.
		if (nRare < 2 && !(nRare == 1 && unique)) || nx == 0 || ny == 0 {
			return 0
		}
		return dot / (nx * ny)
	}

	// The similarity of two passages is the better of their own cosine and
	// their best pair of sentences' (weighed down, as one sentence says less
	// than a paragraph).
	sim := make([][]float64, len(pa))
	for i := range pa {
		sim[i] = make([]float64, len(pb))
		for j := range pb {
			s := cosine(pa[i].feats, pb[j].feats, pa[i].norm, pb[j].norm)
			if s == 0 {
				continue // fewer than two rare words in common
			}
			for _, x := range pa[i].sents {
				for _, y := range pb[j].sents {
					if c := sentenceWeight * cosine(x.feats, y.feats, x.norm, y.norm); c > s {
						s = c
					}
				}
			}
			sim[i][j] = s
		}
	}

	// Best partners, ties broken by nearness of relative position.
	rel := func(i, n int) float64 {
		if n <= 1 {
			return 0
		}
		return float64(i) / float64(n-1)
	}
	// best[i] is the partner among m of each of n paragraphs, or -1.
	best := func(n, m int, sim func(i, j int) float64) []int {
		out := make([]int, n)
		for i := range n {
			out[i] = -1
			bs, bd := 0.0, math.Inf(1)
			for j := range m {
				s, d := sim(i, j), math.Abs(rel(i, n)-rel(j, m))
				if s > 0 && (s > bs || (s == bs && d < bd)) {
					out[i], bs, bd = j, s, d
				}
			}
		}
		return out
	}
	bestA := best(len(pa), len(pb), func(i, j int) float64 { return sim[i][j] })
	bestB := best(len(pb), len(pa), func(j, i int) float64 { return sim[i][j] })

	res := Result{Pairs: []Pair{}, Differences: []Difference{}}
	aligned := map[[2]int]bool{}
	for i := range pa {
		for j := range pb {
			if sim[i][j] < threshold || (bestA[i] != j && bestB[j] != i) {
				continue
			}
			aligned[[2]int{i, j}] = true
			res.Pairs = append(res.Pairs, Pair{
				A: Ref{pa[i].n}, B: Ref{pb[j].n},
				Score:   math.Round(sim[i][j]*1000) / 1000,
				Because: because(v, pa[i].feats, pb[j].feats, rare),
			})
		}
	}
	if len(res.Pairs) == 0 {
		// Articles with nothing in common report different stories: their
		// judges and dates are not in disagreement.
		return res
	}
	res.Differences = differences(pa, pb, sim, aligned)
	for _, d := range spellings(pa, pb, sim) {
		if !shown(res.Differences, d) {
			res.Differences = append(res.Differences, d)
		}
	}
	sortDifferences(res.Differences)
	return res
}

// intersect calls fn for each id in both sorted slices.
func intersect(a, b []int, fn func(int)) {
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case a[i] < b[j]:
			i++
		case a[i] > b[j]:
			j++
		default:
			fn(a[i])
			i++
			j++
		}
	}
}

// maxBecause is how many linking words a pair shows.
const maxBecause = 8

// because lists the shared features of two passages, the heaviest first:
// the rare ones, and the common ones only while there are fewer than three.
func because(v *vocab, a, b []int, rare func(int) bool) []string {
	var shared, common []int
	intersect(a, b, func(id int) {
		if rare(id) {
			shared = append(shared, id)
		} else {
			common = append(common, id)
		}
	})
	sort.SliceStable(common, func(x, y int) bool { return v.w[common[x]] > v.w[common[y]] })
	for len(shared) < 3 && len(common) > 0 {
		shared, common = append(shared, common[0]), common[1:]
	}
	sort.SliceStable(shared, func(x, y int) bool {
		wx, wy := v.w[shared[x]], v.w[shared[y]]
		if wx != wy {
			return wx > wy
		}
		return v.surface[shared[x]] < v.surface[shared[y]]
	})
	if len(shared) > maxBecause {
		shared = shared[:maxBecause]
	}
	out := make([]string, len(shared))
	for i, id := range shared {
		out[i] = v.surface[id]
	}
	return out
}

type located struct {
	f fact
	p int // index of the passage
}

func differences(pa, pb []prepared, sim [][]float64, aligned map[[2]int]bool) []Difference {
	byKey := func(ps []prepared) map[string][]located {
		m := map[string][]located{}
		for i, p := range ps {
			for _, f := range p.facts {
				m[f.key] = append(m[f.key], located{f, i})
			}
		}
		return m
	}
	ka, kb := byKey(pa), byKey(pb)
	// anywhere reports whether a fact agrees with any fact of the other
	// article under its key.
	anywhere := func(f fact, others []located) bool {
		for _, o := range others {
			if compatible(f, o.f) {
				return true
			}
		}
		return false
	}
	type cand struct {
		d     Difference
		score float64
	}
	best := map[string]cand{}
	var order []string
	for key, as := range ka {
		bs := kb[key]
		if len(bs) == 0 {
			continue
		}
		// Whether each fact agrees with some fact of the other article,
		// worked out once per fact rather than once per pair.
		agreeA := make([]bool, len(as))
		for i, x := range as {
			agreeA[i] = anywhere(x.f, bs)
		}
		agreeB := make([]bool, len(bs))
		for j, y := range bs {
			agreeB[j] = anywhere(y.f, as)
		}
		for i, x := range as {
			for j, y := range bs {
				isPair := aligned[[2]int{x.p, y.p}]
				// Which event a date belongs to is read from the words near
				// it, which can mislead: a date is flagged only when the
				// other article has no compatible date for that event.
				trusted := isPair && x.f.kind != Date
				if !trusted && (agreeA[i] || agreeB[j]) {
					continue
				}
				if compatible(x.f, y.f) {
					continue
				}
				score := sim[x.p][y.p]
				if isPair {
					score += 10
				}
				id := key + "\x00" + x.f.value + "\x00" + y.f.value
				c, seen := best[id]
				if seen && (c.score > score || (c.score == score && (c.d.A.Para < pa[x.p].n || (c.d.A.Para == pa[x.p].n && c.d.B.Para <= pb[y.p].n)))) {
					continue
				}
				if !seen {
					order = append(order, id)
				}
				best[id] = cand{Difference{
					Topic: x.f.label, Kind: x.f.kind,
					A:       Side{Para: pa[x.p].n, Text: x.f.text},
					B:       Side{Para: pb[y.p].n, Text: y.f.text},
					Aligned: isPair,
				}, score}
			}
		}
	}
	out := make([]Difference, 0, len(order))
	for _, id := range order {
		out = append(out, best[id].d)
	}
	return out
}

func sortDifferences(out []Difference) {
	sort.Slice(out, func(i, j int) bool {
		x, y := out[i], out[j]
		if x.A.Para != y.A.Para {
			return x.A.Para < y.A.Para
		}
		if x.B.Para != y.B.Para {
			return x.B.Para < y.B.Para
		}
		if x.Topic != y.Topic {
			return x.Topic < y.Topic
		}
		return x.A.Text+x.B.Text < y.A.Text+y.B.Text
	})
}

// shown reports whether a spelling difference is already part of another
// difference (the same two names given for the judge).
func shown(ds []Difference, d Difference) bool {
	for _, o := range ds {
		if o.A.Para == d.A.Para && o.B.Para == d.B.Para && strings.Contains(o.A.Text, d.A.Text) && strings.Contains(o.B.Text, d.B.Text) {
			return true
		}
	}
	return false
}

// names lists the capitalised words of a passage that are not the first of
// a sentence: mostly names.
func names(toks []token) map[string]string {
	m := map[string]string{}
	for _, t := range toks {
		if t.punct || !t.cap || t.sentStart || len(t.low) < 5 || strings.ContainsAny(t.low, "0123456789-") {
			continue
		}
		if _, day := data.WeekdayOf(t.low); day || data.MonthNumber(t.low) > 0 {
			continue
		}
		m[t.low] = strings.TrimSuffix(strings.TrimSuffix(t.text, "’s"), "'s")
	}
	return m
}

// spellings flags a name that one article spells differently from the
// other ("Shechtman" and "Schectman"): a capitalised word of one article,
// missing from the other, within one letter of one of the other's (two if
// both are seven letters or more), and not the other with an ending added.
func spellings(pa, pb []prepared, sim [][]float64) []Difference {
	all := func(ps []prepared) map[string][]int {
		m := map[string][]int{}
		for i, p := range ps {
			for low := range p.names {
				m[low] = append(m[low], i)
			}
		}
		return m
	}
	na, nb := all(pa), all(pb)
	wordsA := make([]string, 0, len(na))
	for w := range na {
		wordsA = append(wordsA, w)
	}
	sort.Strings(wordsA)
	var out []Difference
	for _, x := range wordsA {
		if _, ok := nb[x]; ok {
			continue
		}
		for y, ys := range nb {
			// A name that is another plus an ending ("Anders" and
			// "Anderson", "Robert" and "Roberts") is another person's
			// name, not a misspelling of it.
			if _, ok := na[y]; ok || x[0] != y[0] || strings.HasPrefix(x, y) || strings.HasPrefix(y, x) {
				continue
			}
			// Two letters may differ between long names: long by the
			// shorter of the two, so that the rule is the same whichever
			// article comes first.
			max := 1
			if min(len(x), len(y)) >= 7 {
				max = 2
			}
			if text.WithinEdits(x, y, max) < 0 {
				continue
			}
			// The most similar passages that show the two spellings.
			bi, bj, bs := -1, -1, -1.0
			for _, i := range na[x] {
				for _, j := range ys {
					if sim[i][j] > bs {
						bi, bj, bs = i, j, sim[i][j]
					}
				}
			}
			out = append(out, Difference{
				Topic: "spelling of a name", Kind: Name,
				A:       Side{Para: pa[bi].n, Text: pa[bi].names[x]},
				B:       Side{Para: pb[bj].n, Text: pb[bj].names[y]},
				Aligned: bs >= threshold,
			})
		}
	}
	return out
}
