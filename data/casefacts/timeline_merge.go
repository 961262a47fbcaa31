package casefacts

import (
	"cmp"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"time"
)

// group is an event being merged.
type group struct {
	srcs  []Source
	kind  string
	art   map[int64]bool
	count map[Date]int
	bestD Date
	id    int
}

// best is the group's date: the most precise, then the most reported.
func (g *group) best() Date { return g.bestD }

func newGroup(kind string) *group {
	return &group{kind: kind, art: map[int64]bool{}, count: map[Date]int{}}
}

var precRank = map[string]int{Day: 3, Month: 2, Year: 1}

// add puts a report in the group and updates its date.
func (g *group) add(s Source) {
	g.srcs = append(g.srcs, s)
	g.art[s.Article] = true
	if !s.Date.Known() {
		return
	}
	g.count[s.Date]++
	d, best := s.Date, g.bestD
	switch {
	case !best.Known(), precRank[d.precision()] > precRank[best.precision()]:
		g.bestD = d
	case d != best && precRank[d.precision()] == precRank[best.precision()] && g.count[d] > g.count[best]:
		g.bestD = d
	}
}

// fits reports whether a report can join a group, and whether it then
// disputes the group's date.
func (g *group) fits(s Source, artDate map[int64]Date) (ok, disputed bool) {
	if s.kind == "" && s.Date.Known() {
		// An event without a kind joins one its own passage reports on the
		// same date ("… is led from the court room February 11, 2016. Liang
		// was convicted … on Thursday").
		for _, o := range g.srcs {
			if o.Ref == s.Ref && o.Date == s.Date {
				return true, false
			}
		}
		return false, false
	}
	if s.kind == "" || s.kind != g.kind {
		return false, false
	}
	gd := g.best()
	if s.Date.Known() && gd.Known() {
		if compatible(s.Date, gd) {
			if s.kind == "statement" || !singular[s.kind] && s.kind != "rally" {
				// Statements and other common events merge only on the same
				// day, and only when they say much the same thing: two
				// statements made on a Friday are not one event.
				return s.Date == gd && gd.precision() == Day && overlaps(s.label, g.srcs[0].label), false
			}
			return true, false
		}
		if singular[s.kind] && s.Date.precision() == Day && gd.precision() == Day {
			diff := s.Date.time().Sub(gd.time())
			if diff < 0 {
				diff = -diff
			}
			if diff <= 31*24*time.Hour {
				return true, true
			}
		}
		return false, false
	}
	if !singular[s.kind] && s.kind != "rally" {
		return false, false
	}
	// An unresolved report.
	un, other := s, gd
	if !s.Date.Known() && !gd.Known() {
		// Two unresolved reports: the same words, near the same time.
		for _, o := range g.srcs {
			if strings.EqualFold(o.AsWritten, s.AsWritten) || o.weekday != 0 && o.weekday == s.weekday {
				if a, b := artDate[o.Article], artDate[s.Article]; a == b {
					return true, false
				}
			}
		}
		return false, false
	}
	if s.Date.Known() {
		// The group is unresolved; the report resolved.
		one := newGroup(s.kind)
		one.add(s)
		for _, o := range g.srcs {
			if ok, d := one.fits(o, artDate); ok {
				return ok, d
			}
		}
		return false, false
	}
	ad := artDate[un.Article]
	if g.art[un.Article] && un.weekday == 0 {
		return true, false
	}
	if un.weekday != 0 && other.precision() == Day && ad.Known() {
		lo, hi := ad.first().AddDate(0, 0, -7), ad.last().AddDate(0, 0, 7)
		t := other.time()
		if t.Before(lo) || t.After(hi) {
			return false, false
		}
		if int(t.Weekday())+1 == un.weekday {
			return true, false
		}
		return singular[s.kind], true
	}
	return false, false
}

func mergeEvents(srcs []Source, arts []Article) []Event {
	artDate := map[int64]Date{}
	artOrder := map[int64]int{}
	for i, a := range arts {
		d, _ := ParseDate(a.Date)
		artDate[a.ID] = d
		artOrder[a.ID] = i
	}
	// Resolved reports first, so that unresolved ones find their event.
	order := make([]int, len(srcs))
	for i := range order {
		order[i] = i
	}
	rank := func(s Source) int {
		switch {
		case s.Date.Known() && s.kind != "":
			return 0
		case s.Date.Known():
			return 1
		}
		return 2
	}
	slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(rank(srcs[a]), rank(srcs[b])) })
	var groups []*group
	disputed := map[*group]bool{}
	// Indexes of the groups a report could join: by kind and year of a
	// date, by passage, by article, and unresolved ones by kind.
	type ky struct {
		kind string
		y    int
	}
	type kym struct {
		kind string
		y, m int
	}
	type kd struct {
		kind string
		d    Date
	}
	byKY := map[ky][]*group{}
	byKYM := map[kym][]*group{}
	byKD := map[kd][]*group{}
	byRef := map[Ref][]*group{}
	byArt := map[int64][]*group{}
	unresolved := map[string][]*group{}
	var cands []*group
	for _, i := range order {
		s := srcs[i]
		cands = cands[:0]
		years := func(y int) {
			for yy := y - 1; yy <= y+1; yy++ {
				cands = append(cands, byKY[ky{s.kind, yy}]...)
			}
		}
		switch {
		case s.Date.Known() && s.kind == "":
			cands = append(cands, byRef[s.Ref]...)
		case s.Date.Known() && !singular[s.kind] && s.kind != "rally":
			// Common events merge only on the same day.
			cands = append(cands, byKD[kd{s.kind, s.Date}]...)
		case s.Date.Known() && s.Date.M == 0:
			years(s.Date.Y)
			cands = append(cands, unresolved[s.kind]...)
		case s.Date.Known():
			// The same year without a month, or this month or the next or
			// previous one (a dispute spans at most 31 days).
			cands = append(cands, byKYM[kym{s.kind, s.Date.Y, 0}]...)
			for dm := -1; dm <= 1; dm++ {
				t := time.Date(s.Date.Y, time.Month(s.Date.M+dm), 1, 0, 0, 0, 0, time.UTC)
				cands = append(cands, byKYM[kym{s.kind, t.Year(), int(t.Month())}]...)
			}
			cands = append(cands, unresolved[s.kind]...)
		case singular[s.kind] || s.kind == "rally":
			cands = append(cands, byArt[s.Article]...)
			if ad := artDate[s.Article]; ad.Known() {
				years(ad.Y)
			}
			cands = append(cands, unresolved[s.kind]...)
		}
		if len(cands) > 1 {
			slices.SortFunc(cands, func(a, b *group) int { return cmp.Compare(a.id, b.id) })
		}
		var into *group
		for k, g := range cands {
			if k > 0 && g == cands[k-1] {
				continue
			}
			if ok, d := g.fits(s, artDate); ok {
				into = g
				if d {
					disputed[g] = true
				}
				break
			}
		}
		if into == nil {
			into = newGroup(s.kind)
			into.id = len(groups)
			groups = append(groups, into)
			if !s.Date.Known() && s.kind != "" {
				unresolved[s.kind] = append(unresolved[s.kind], into)
			}
		}
		into.add(s)
		if s.Date.Known() {
			k := ky{into.kind, s.Date.Y}
			if l := byKY[k]; len(l) == 0 || l[len(l)-1] != into {
				byKY[k] = append(l, into)
			}
			if l := byKD[kd{into.kind, s.Date}]; len(l) == 0 || l[len(l)-1] != into {
				byKD[kd{into.kind, s.Date}] = append(l, into)
			}
			km := kym{into.kind, s.Date.Y, s.Date.M}
			if l := byKYM[km]; len(l) == 0 || l[len(l)-1] != into {
				byKYM[km] = append(l, into)
			}
		}
		if l := byRef[s.Ref]; len(l) == 0 || l[len(l)-1] != into {
			byRef[s.Ref] = append(l, into)
		}
		if l := byArt[s.Article]; len(l) == 0 || l[len(l)-1] != into {
			byArt[s.Article] = append(l, into)
		}
	}
	refLess := func(a, b Ref) int {
		if c := cmp.Compare(artOrder[a.Article], artOrder[b.Article]); c != 0 {
			return c
		}
		return cmp.Or(cmp.Compare(a.Seq, b.Seq), cmp.Compare(a.Para, b.Para))
	}
	var out []Event
	for _, g := range groups {
		slices.SortStableFunc(g.srcs, func(a, b Source) int { return refLess(a.Ref, b.Ref) })
		e := Event{Date: g.best(), kind: g.kind, Sources: g.srcs}
		e.Precision = e.Date.precision()
		seen := map[Ref]bool{}
		seenAW := map[string]bool{}
		for _, s := range g.srcs {
			if !seen[s.Ref] {
				seen[s.Ref] = true
				e.Passages = append(e.Passages, s.Ref)
			}
			if !seenAW[s.AsWritten] {
				seenAW[s.AsWritten] = true
				e.AsWritten = append(e.AsWritten, s.AsWritten)
			}
		}
		e.Label = bestLabel(g.srcs)
		if disputed[g] {
			e.Disputed = true
			e.Dispute = disputeNote(g.srcs)
		}
		if note := figureDispute(g.srcs); note != "" {
			e.Disputed = true
			e.Dispute = strings.TrimPrefix(e.Dispute+"; "+note, "; ")
		}
		out = append(out, e)
	}
	sortEvents(out)
	return out
}

// bestLabel picks the label of the report with the most precise date and a
// label of a useful length, the first such in reading order.
func bestLabel(srcs []Source) string {
	prec := map[string]int{Day: 3, Month: 2, Year: 1}
	best, bestScore := "", -1
	for _, s := range srcs {
		n := len(strings.Fields(s.label))
		score := prec[s.Date.precision()]
		if n >= 5 {
			score += 5
		}
		if !strings.HasSuffix(s.label, "…") {
			score += 2
		}
		if s.subject {
			score += 3
		}
		if score > bestScore {
			best, bestScore = s.label, score
		}
	}
	return best
}

// figureRe finds a figure with its unit: "800 hours", "five years".
var figureRe = regexp.MustCompile(`(?i)\b(\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)(?:-|\s+)(hours?|years?|months?|days?|weeks?|people|officers|shots|bullets|counts?|dollars|percent)\b`)

// figureDispute says where the reports of one event, from different
// articles, give different figures of the same unit ("500 hours" and "800
// hours"), or "" when they agree.
func figureDispute(srcs []Source) string {
	type seen struct {
		value string
		refs  []string
		arts  map[int64]bool
	}
	if !slices.ContainsFunc(srcs, func(s Source) bool { return s.Article != srcs[0].Article }) {
		return "" // one article: nothing to compare
	}
	byUnit := map[string][]*seen{}
	var units []string
	for _, s := range srcs {
		for _, m := range figureRe.FindAllStringSubmatch(s.Sentence, -1) {
			unit := strings.TrimSuffix(strings.ToLower(m[2]), "s")
			v := strings.ReplaceAll(strings.ToLower(m[1]), ",", "")
			if n, ok := numWords[v]; ok {
				v = fmt.Sprint(n)
			} else if n, ok := map[string]int{"eleven": 11, "twelve": 12}[v]; ok {
				v = fmt.Sprint(n)
			}
			if byUnit[unit] == nil {
				units = append(units, unit)
			}
			var f *seen
			for _, x := range byUnit[unit] {
				if x.value == v {
					f = x
				}
			}
			if f == nil {
				f = &seen{value: v, arts: map[int64]bool{}}
				byUnit[unit] = append(byUnit[unit], f)
			}
			at := fmt.Sprintf("%d:%d", s.Article, s.Para)
			if !slices.Contains(f.refs, at) {
				f.refs = append(f.refs, at)
			}
			f.arts[s.Article] = true
		}
	}
	var notes []string
	for _, u := range units {
		fs := byUnit[u]
		if len(fs) < 2 {
			continue
		}
		// Only sources that disagree with another article count: one
		// article may give two figures of a unit for two things.
		arts := map[int64]bool{}
		for _, f := range fs {
			for a := range f.arts {
				arts[a] = true
			}
		}
		if len(arts) < 2 {
			continue
		}
		var parts []string
		for _, f := range fs {
			parts = append(parts, f.value+" "+u+"s ("+strings.Join(f.refs, ", ")+")")
		}
		notes = append(notes, "sources differ on "+u+"s: "+strings.Join(parts, "; "))
	}
	if len(notes) == 0 {
		return ""
	}
	n := strings.Join(notes, "; ")
	return strings.ToUpper(n[:1]) + n[1:]
}

// disputeNote says which sources give which date.
func disputeNote(srcs []Source) string {
	var keys []string
	by := map[string][]string{}
	for _, s := range srcs {
		k := s.AsWritten + " (unresolved)"
		if s.Date.Known() {
			k = s.Date.Readable()
			if s.Date.precision() == Day {
				k = s.Date.time().Weekday().String() + " " + k
			}
		}
		if by[k] == nil {
			keys = append(keys, k)
		}
		at := fmt.Sprintf("%d:%d", s.Article, s.Para)
		if !slices.Contains(by[k], at) {
			by[k] = append(by[k], at)
		}
	}
	var parts []string
	for _, k := range keys {
		parts = append(parts, k+" ("+strings.Join(by[k], ", ")+")")
	}
	return "Sources differ: " + strings.Join(parts, "; ")
}

// sortEvents orders events by date (a month before the days in it, a year
// before its months), unresolved ones last, then by first source.
func sortEvents(es []Event) {
	slices.SortStableFunc(es, func(a, b Event) int {
		ka, kb := a.Date.Known(), b.Date.Known()
		switch {
		case ka && !kb:
			return -1
		case !ka && kb:
			return 1
		case ka && kb:
			if c := cmp.Compare(a.Date.Y, b.Date.Y); c != 0 {
				return c
			}
			if c := cmp.Compare(a.Date.M, b.Date.M); c != 0 {
				return c
			}
			if c := cmp.Compare(a.Date.D, b.Date.D); c != 0 {
				return c
			}
		}
		return 0
	})
}
