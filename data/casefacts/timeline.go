package casefacts

import (
	"cmp"
	"encoding/json"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"time"
)

// Source is one passage's report of an event.
type Source struct {
	Ref
	// Sentence is the sentence that reports it, verbatim: the anchor the
	// student's corrections are kept by.
	Sentence string `json:"sentence"`
	// AsWritten is the date expression as the passage writes it.
	AsWritten string `json:"as_written"`
	Date      Date   `json:"-"`
	label     string
	subject   bool // the label starts with its subject
	kind      string
	weekday   int
}

// Event is one entry of the timeline.
type Event struct {
	// Date is the date the sources support, at Precision; the zero Date
	// when no source's date could be resolved ("Tuesday" in an article
	// dated only to the month).
	Date      Date
	Precision string
	// Label is a short description taken from the text.
	Label string
	// Passages are the passages that report the event, in reading order.
	Passages []Ref
	// Disputed is set when the sources give different dates for what looks
	// like the same event; Dispute says which.
	Disputed bool
	Dispute  string
	// AsWritten is how the sources write the date ("Feb. 11", "Tuesday").
	AsWritten []string
	Sources   []Source
	// Kind is the kind of event the label's words suggest ("conviction",
	// "sentencing" ...), or "" when none.
	Kind string
	// Added is set for an event the student added; Edited when the student
	// changed its date or label.
	Added, Edited bool
}

// MarshalJSON writes the event as `casebook timeline --json` prints it:
// date null when unresolved.
func (e Event) MarshalJSON() ([]byte, error) {
	var date *string
	if e.Date.Known() {
		s := e.Date.String()
		date = &s
	}
	passages := e.Passages
	if passages == nil {
		passages = []Ref{}
	}
	aw := e.AsWritten
	if aw == nil {
		aw = []string{}
	}
	return json.Marshal(struct {
		Date      *string  `json:"date"`
		Precision string   `json:"precision"`
		Label     string   `json:"label"`
		Passages  []Ref    `json:"passages"`
		Disputed  bool     `json:"disputed"`
		Dispute   string   `json:"dispute,omitempty"`
		AsWritten []string `json:"as_written"`
		Kind      string   `json:"kind,omitempty"`
		Added     bool     `json:"added,omitempty"`
		Edited    bool     `json:"edited,omitempty"`
	}{date, e.Precision, e.Label, passages, e.Disputed, e.Dispute, aw, e.Kind, e.Added, e.Edited})
}

// MarshalJSON writes para null for an unnumbered passage.
func (r Ref) MarshalJSON() ([]byte, error) {
	var para *int
	if r.Para > 0 {
		para = &r.Para
	}
	return json.Marshal(struct {
		Article int64  `json:"article"`
		Para    *int   `json:"para"`
		Kind    string `json:"kind"`
	}{r.Article, para, r.Kind})
}

// eventKinds maps the words that name an event to its kind. The kinds in
// singular happen once in a case: reports of one with different dates are
// the same event, disputed.
var eventKinds = map[string]string{
	"shot": "shooting", "shooting": "shooting", "killed": "shooting", "killing": "shooting", "fatally": "shooting",
	"convicted": "conviction", "conviction": "conviction", "verdict": "conviction", "guilty": "conviction",
	"sentenced": "sentencing", "sentencing": "sentencing", "sentence": "sentencing",
	"recommend": "recommendation", "recommended": "recommendation", "recommendation": "recommendation", "seek": "recommendation",
	"apology": "apology", "apologized": "apology", "apologizes": "apology", "apologised": "apology",
	"lawsuit": "lawsuit", "sued": "lawsuit", "suit": "lawsuit",
	"probation": "sentencing", "demonstrators": "rally", "demonstration": "rally", "protesters": "rally", "meet": "meeting", "rally": "rally", "protest": "rally", "protests": "rally", "protested": "rally", "march": "rally", "marched": "rally", "vigil": "vigil",
	"indicted": "indictment", "indictment": "indictment", "trial": "trial", "primary": "election", "election": "election",
	"meeting": "meeting", "met": "meeting",
	"said": "statement", "told": "statement", "statement": "statement", "announced": "statement",
}

var singular = set(`shooting conviction sentencing recommendation apology lawsuit indictment`)

// clauseBreaks end a clause: the label of an event is the clause its date
// is in.
var clauseBreaks = []string{"; ", " — ", " – ", ", and ", ", but ", ", which ", ", who ", ", whose ",
	", saying ", ", while ", ", according to ", " when ", " while ", " whom ", " where "}

// clauseBounds are the offsets where the clauses of a sentence start.
func clauseBounds(s string) []int {
	var out []int
	for _, b := range clauseBreaks {
		for i := 0; ; {
			j := strings.Index(s[i:], b)
			if j < 0 {
				break
			}
			out = append(out, i+j)
			i += j + len(b)
		}
	}
	return out
}

// reported is "said that", "told NBC News that": what follows is the event.
var reported = regexp.MustCompile(`\b(?:said|says|told(?:\s+[A-Z][\w.]*){0,3})\s+that\s`)

// Timeline finds the dated events the articles report and merges the
// reports of one event into one entry.
//
//   - Dates: "Nov. 20, 2014", "Feb. 11", "in February", "the 2014
//     shooting", "Tuesday", "last month", "about a month ago", "one day
//     after …". A date without its year takes the article's: the latest
//     such date not after the article, or the nearest when the sentence
//     speaks of the future. A weekday is the one in the article's week (the
//     one before it, or after it for the future), or the day of a date the
//     passage just gave. An expression the article's date cannot resolve
//     stays unresolved, shown as written.
//   - "N days after X": X happened N days before the date of the clause
//     in front.
//   - Each event's label is the clause its date is in, without the date;
//     its kind is the event word nearest the date ("convicted",
//     "sentencing", "rally" ...).
//   - Reports merge when their kinds match and their dates can be the same
//     day (2016-02 and 2016-02-11). Reports of an event that happens once in
//     a case (a shooting, a conviction, a sentencing ...) with dates that
//     cannot be the same but lie within a month of each other are one
//     entry, marked disputed. Unresolved reports join a resolved one of the
//     same kind from the same article, or a weekday whose day matches.
func Timeline(arts []Article) []Event {
	per := parallel(arts, articleEvents)
	var srcs []Source
	for _, s := range per {
		srcs = append(srcs, s...)
	}
	return mergeEvents(srcs, arts)
}

// articleEvents reads the dated reports of one article.
func articleEvents(a Article) []Source {
	var srcs []Source
	art, _ := ParseDate(a.Date)
	readPassages(a, func(text string, ref Ref) {
		var ctx Date
		for _, s := range sentences(text) {
			srcs = append(srcs, sentenceEvents(s, ref, art, &ctx)...)
		}
	})
	return srcs
}

// sentenceEvents reads the events a sentence dates.
func sentenceEvents(s string, ref Ref, art Date, ctx *Date) []Source {
	// Clause bounds: breaks, and offsets ("one day after"), which start the
	// clause of the earlier event.
	bounds := []int{0}
	bounds = append(bounds, clauseBounds(s)...)
	if strings.Contains(s, " that ") {
		for _, m := range reported.FindAllStringIndex(s, -1) {
			bounds = append(bounds, m[1])
		}
	}
	// A clause speaks of the future when it has "will", "would",
	// "scheduled" ..., or it starts with "when" or "until" after a clause
	// that does ("he would recommend … when sentenced on April 14").
	futureAt := func(at int) bool {
		a, b, prev := 0, len(s), 0
		for _, x := range bounds {
			if x <= at && x >= a {
				prev, a = a, x
			}
			if x > at && x < b {
				b = x
			}
		}
		if futureRe.MatchString(s[a:b]) {
			return true
		}
		head := strings.ToLower(strings.TrimLeft(s[a:b], " ,;—–"))
		return (strings.HasPrefix(head, "when ") || strings.HasPrefix(head, "until ")) && futureRe.MatchString(s[prev:a])
	}
	exprs := findDates(s, art, ctx, futureAt)
	if len(exprs) == 0 {
		return nil
	}
	for _, e := range exprs {
		if e.offsetDir != 0 {
			bounds = append(bounds, e.start, e.end)
		}
	}
	bounds = append(bounds, len(s))
	slices.Sort(bounds)
	clauseOf := func(at int) (int, int) {
		for i := 0; i+1 < len(bounds); i++ {
			if bounds[i] <= at && at < bounds[i+1] {
				return bounds[i], bounds[i+1]
			}
		}
		return 0, len(s)
	}
	var out []Source
	for i, e := range exprs {
		src := Source{Ref: ref, Sentence: s, AsWritten: e.text, Date: e.date, weekday: e.weekday}
		a, b := clauseOf(e.start)
		if e.offsetDir != 0 {
			// The event is the clause after the offset; its date is the
			// offset from the date of the clause before.
			a, b = clauseOf(e.end)
			var anchor *dateExpr
			for j := i - 1; j >= 0; j-- {
				if exprs[j].offsetDir == 0 {
					anchor = &exprs[j]
					break
				}
			}
			if anchor != nil && anchor.date.Precision() == Day {
				src.Date = offsetDate(anchor.date, e)
			}
			// A date inside the later clause belongs to it, not to this one.
			for _, o := range exprs[i+1:] {
				if o.start >= a && o.start < b {
					b = o.start
					for b > a && s[b-1] == ' ' {
						b--
					}
					if k := lastWordStart(s[a:b]); k >= 0 && isPrep(s[a+k:b]) {
						b = a + k
					}
				}
			}
			src.AsWritten = e.text
		}
		clause := s[a:b]
		ds, de := e.start-a, e.end-a
		if e.start < a || e.end > b {
			ds, de = 0, 0
		}
		// A relative clause is about the noun before it: "But Phil Gim, who
		// helped organize a Feb. 20 rally, welcomed …" dates Gim helping;
		// "…wrongful death lawsuit, which she filed in May" dates the
		// lawsuit.
		if k := strings.ToLower(strings.TrimLeft(clause, ", ")); a > 0 && ds < de && (strings.HasPrefix(k, "which ") || strings.HasPrefix(k, "whose ") || strings.HasPrefix(k, "who ")) {
			pa, _ := clauseOf(a - 1)
			head := s[pa:a]
			body := strings.TrimLeft(clause, ", ")
			if strings.HasPrefix(k, "who ") {
				body = body[len("who "):]
			} else {
				head = nounPhrase(head)
				body = ", " + body
			}
			// The relative clause ends at the next comma after the date.
			at := strings.Index(body, e.text)
			if i := strings.Index(body[max(at, 0):], ", "); at >= 0 && i >= 0 && !capitalised(body[at+i+2:]) {
				body = body[:at+i]
			}
			rebuilt := strings.TrimRight(head, " ") + " " + body
			if strings.HasPrefix(body, ", ") {
				rebuilt = strings.TrimRight(head, " ") + body
			}
			if i := strings.Index(rebuilt, e.text); i >= 0 {
				clause, ds, de = rebuilt, i, i+len(e.text)
			}
		}
		src.label, src.subject = label(clause, ds, de)
		// "Tuesday's New York primary", "Tuesday’s sentencing of …": the
		// event is the noun the date owns.
		if strings.HasSuffix(e.text, "’s") || strings.HasSuffix(e.text, "'s") {
			np := strings.TrimSpace(s[e.end:])
			for _, stop := range []string{", ", " for ", " to ", " that ", " — ", ". ", ";"} {
				if i := strings.Index(np, stop); i > 0 {
					np = np[:i]
				}
			}
			np = strings.TrimRight(np, ".,;:")
			if n := len(strings.Fields(np)); n >= 1 && n <= 12 && kindNear(np, 0, 0) != "" {
				src.label, src.subject = strings.ToUpper(np[:1])+np[1:], true
			}
		}
		src.kind = kindNear(clause, ds, de)
		if src.kind == "" {
			src.kind = kindNear(s, e.start, e.end)
		}
		if src.label == "" {
			continue
		}
		out = append(out, src)
	}
	return out
}

// offsetDate is the date an offset ("one day after", "two weeks after")
// gives from the anchor's day: the day for days, the month when a week's
// count lands well inside one, the month for months; else unresolved.
func offsetDate(anchor Date, e dateExpr) Date {
	t := anchor.time()
	switch {
	case e.offsetDays > 0:
		return fromTime(t.AddDate(0, 0, -e.offsetDir*e.offsetDays))
	case e.offsetWeeks > 0:
		d := t.AddDate(0, 0, -e.offsetDir*7*e.offsetWeeks)
		lo, hi := d.AddDate(0, 0, -3), d.AddDate(0, 0, 3)
		if lo.Month() == hi.Month() {
			return Date{d.Year(), int(d.Month()), 0}
		}
	case e.offsetMonths > 0:
		d := time.Date(anchor.Y, time.Month(anchor.M)-time.Month(e.offsetDir*e.offsetMonths), 1, 0, 0, 0, 0, time.UTC)
		return Date{d.Year(), int(d.Month()), 0}
	}
	return Date{}
}

// overlaps reports whether two labels share at least a third of their
// words of four letters or more.
func overlaps(a, b string) bool {
	words := func(s string) map[string]bool {
		m := map[string]bool{}
		for _, w := range wordRe.FindAllString(strings.ToLower(s), -1) {
			if len([]rune(w)) >= 4 {
				m[w] = true
			}
		}
		return m
	}
	wa, wb := words(a), words(b)
	common := 0
	for w := range wa {
		if wb[w] {
			common++
		}
	}
	return common*3 >= min(len(wa), len(wb)) && common > 0
}

// nounPhrase is the end of a clause that a "which" refers to: the words
// after its last verb or preposition ("push ahead with Ballinger's wrongful
// death lawsuit" → "Ballinger's wrongful death lawsuit").
func nounPhrase(s string) string {
	f := strings.Fields(s)
	i := len(f)
	for i > 0 && len(f)-i < 6 && !npStops[strings.ToLower(f[i-1])] {
		i--
	}
	return strings.Join(f[i:], " ")
}

var npStops = set(`with of to for in on at about against from by said says told that and but
is was were are has have had will would`)

func lastWordStart(s string) int {
	s = strings.TrimRight(s, " ")
	return strings.LastIndex(s, " ") + 1
}

func isPrep(w string) bool {
	switch strings.ToLower(strings.TrimSpace(w)) {
	case "on", "in", "at", "by", "since", "until", "from", "during", "of", "when":
		return true
	}
	return false
}

var wordRe = regexp.MustCompile(`[\p{L}’']+`)

// kindNear is the kind of the event word nearest to the date in a clause
// (at its bytes ds to de). A word right after the date is what it dates
// ("the 2014 shooting death"); otherwise a word before the date ("was
// convicted … on Feb. 11") is nearer than one after it.
func kindNear(clause string, ds, de int) string {
	best, bestDist := "", 1<<30
	for _, m := range wordRe.FindAllStringIndex(clause, -1) {
		w := strings.ToLower(clause[m[0]:m[1]])
		k, ok := eventKinds[w]
		if !ok {
			continue
		}
		if m[0] >= ds && m[1] <= de && de > ds || monthNames[w] > 0 && capitalised(clause[m[0]:m[1]]) {
			continue // a date ("in March"), not a march
		}
		if de > ds && m[0] >= de && m[0] <= de+1 {
			return k
		}
		// A word that only describes the next one ("shooting death",
		// "sentencing recommendation") is not the event.
		if n := wordRe.FindString(clause[m[1]:]); n != "" && strings.HasPrefix(strings.TrimLeft(clause[m[1]:], " "), n) {
			if _, isKind := eventKinds[strings.ToLower(n)]; isKind || strings.EqualFold(n, "death") {
				continue
			}
		}
		d := ds - m[1]
		if m[0] >= de {
			d = 10000 + m[0] - de
		}
		// A statement word is the event only when nothing else is; a trial
		// is the setting of a verdict or a sentence rather than an event.
		switch k {
		case "statement":
			d += 20000
		case "trial":
			d += 50
		}
		if d < bestDist {
			best, bestDist = k, d
		}
	}
	return best
}

var (
	leadingJunk   = regexp.MustCompile(`(?i)^(?:[,;:—–\s]|and\s|but\s|which\s|who\s|when\s|while\s|that\s|after\s|since\s|then\s)+`)
	parens        = regexp.MustCompile(`\s*\([^)]*\)`)
	relClause     = regexp.MustCompile(`, (?:which|who|whose) [^,]+,`)
	relStart      = regexp.MustCompile(`^(?:which|who|whose)\b`)
	trailingWords = set(`for on in at of to by from with since as`)
	auxRe         = regexp.MustCompile(`^([A-Z][\p{L}’'.-]*(?:\s+[A-Z][\p{L}’'.-]*)*(?:,\s*\d+,)?)\s+(?:was|were|has been|had been|have been|is being|was being)\s+((?:\w+ed|shot|killed|hit|held|led|brought|given|taken|struck|found|sentenced|convicted|fired)\b)`)
	datePrep      = regexp.MustCompile(`(?i)(?:\b(?:ahead of|on|in|at|by|since|from|during|of|last)\s+)$`)
)

// label makes a short description from a clause: the clause without the
// date (and its preposition), without "was" before a participle
// ("Liang convicted of manslaughter"), at most 14 words.
func label(clause string, ds, de int) (string, bool) {
	// Drop a relative clause between commas that does not hold the date:
	// "The Legal Aid Society, which represents several tenants, filed …".
	for {
		if !strings.Contains(clause, ", wh") {
			break
		}
		m := relClause.FindStringIndex(clause)
		if m == nil || (ds >= m[0] && ds < m[1] && de > ds) {
			break
		}
		cut := m[1] - m[0] - 1
		clause = clause[:m[0]] + " " + clause[m[1]:]
		if ds >= m[1] {
			ds, de = ds-cut, de-cut
		}
	}
	before := clause[:ds]
	if m := datePrep.FindStringIndex(before); m != nil {
		before = before[:m[0]]
	}
	after := clause[de:]
	after = strings.TrimLeft(after, " ")
	s := strings.TrimRight(before, " ,") + " " + after
	if strings.HasPrefix(after, ",") {
		s = strings.TrimRight(before, " ,") + after
	}
	if strings.TrimSpace(before) == "" {
		s = strings.TrimLeft(after, " ,")
	}
	if strings.Contains(s, "(") {
		s = parens.ReplaceAllString(s, "")
	}
	s = strings.Join(strings.Fields(s), " ")
	s = leadingJunk.ReplaceAllString(s, "")
	s = strings.TrimRight(s, " ,;:.—–")
	if strings.Contains(s, " was ") || strings.Contains(s, " were ") || strings.Contains(s, " been ") || strings.Contains(s, " being ") {
		s = auxRe.ReplaceAllString(s, "$1 $2")
	}
	s = strings.Join(strings.Fields(s), " ")
	s = strings.Trim(s, "“”\"")
	// "…a Brooklyn rally in support of Liang, welcomed the …": the part
	// before a comma is enough when it says something.
	if i := strings.Index(s, ", "); i > 0 && len(strings.Fields(s[:i])) >= 4 && !capitalised(s[i+2:]) && !relStart.MatchString(s[i+2:]) {
		s = s[:i]
	}
	for {
		i := strings.LastIndex(s, " ")
		if i < 0 || !isPrep(s[i+1:]) && !trailingWords[strings.ToLower(s[i+1:])] {
			break
		}
		s = s[:i]
	}
	f := strings.Fields(s)
	if len(f) < 2 {
		return "", false
	}
	subject := capitalised(s) && !stopWords[strings.ToLower(f[0])]
	if len(f) > 20 {
		s = strings.Join(f[:20], " ") + " …"
	}
	r := []rune(s)
	if len(r) > 0 {
		r[0] = []rune(strings.ToUpper(string(r[0])))[0]
	}
	return string(r), subject
}

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
	case !best.Known(), precRank[d.Precision()] > precRank[best.Precision()]:
		g.bestD = d
	case d != best && precRank[d.Precision()] == precRank[best.Precision()] && g.count[d] > g.count[best]:
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
				return s.Date == gd && gd.Precision() == Day && overlaps(s.label, g.srcs[0].label), false
			}
			return true, false
		}
		if singular[s.kind] && s.Date.Precision() == Day && gd.Precision() == Day {
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
	if un.weekday != 0 && other.Precision() == Day && ad.Known() {
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
		e := Event{Date: g.best(), Kind: g.kind, Sources: g.srcs}
		e.Precision = e.Date.Precision()
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
	SortEvents(out)
	return out
}

// bestLabel picks the label of the report with the most precise date and a
// label of a useful length, the first such in reading order.
func bestLabel(srcs []Source) string {
	prec := map[string]int{Day: 3, Month: 2, Year: 1}
	best, bestScore := "", -1
	for _, s := range srcs {
		n := len(strings.Fields(s.label))
		score := prec[s.Date.Precision()]
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
		k := s.AsWritten
		if s.Date.Known() {
			k = s.Date.Readable()
			if s.Date.Precision() == Day {
				k = s.Date.time().Weekday().String() + " " + k
			}
		} else {
			k = s.AsWritten + " (unresolved)"
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

// SortEvents orders events by date (a month before the days in it, a year
// before its months), unresolved ones last, then by first source.
func SortEvents(es []Event) {
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
