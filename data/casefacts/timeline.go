package casefacts

import (
	"encoding/json"
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
	// kind is the kind of event the label's words suggest ("conviction",
	// "sentencing" ...), or "" when none.
	kind string
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
	}{date, e.Precision, e.Label, passages, e.Disputed, e.Dispute, aw, e.kind, e.Added, e.Edited})
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
			if anchor != nil && anchor.date.precision() == Day {
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
