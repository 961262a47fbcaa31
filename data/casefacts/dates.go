package casefacts

import (
	"fmt"
	"github.com/casebookapp/casebook/data"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"
)

// Precisions of a date.
const (
	Day        = "day"
	Month      = "month"
	Year       = "year"
	Unresolved = "unresolved"
)

// Date is a calendar date known to the day, the month or the year: M and D
// are 0 when not known. The zero Date is unknown.
type Date struct{ Y, M, D int }

// ParseDate reads an ISO 8601 prefix: "2016-03-24", "2016-03" or "2016".
func ParseDate(s string) (Date, bool) {
	y, m, d, ok := data.DateParts(strings.TrimSpace(s))
	if !ok || d > 0 && !data.ValidDay(y, m, d) {
		return Date{}, false
	}
	return Date{y, m, d}, y > 0
}

// Known reports whether the date is known at all.
func (d Date) Known() bool { return d.Y > 0 }

// Precision is "day", "month", "year" or "unresolved".
func (d Date) Precision() string {
	switch {
	case d.D > 0:
		return Day
	case d.M > 0:
		return Month
	case d.Y > 0:
		return Year
	}
	return Unresolved
}

// String is the ISO 8601 prefix, "" when unknown.
func (d Date) String() string {
	if !d.Known() {
		return ""
	}
	return data.ISODate(d.Y, d.M, d.D)
}

// Readable is the date as a reader writes it: "11 February 2016",
// "February 2016", "2016".
func (d Date) Readable() string {
	switch d.Precision() {
	case Day:
		return fmt.Sprintf("%d %s %d", d.D, time.Month(d.M), d.Y)
	case Month:
		return fmt.Sprintf("%s %d", time.Month(d.M), d.Y)
	case Year:
		return strconv.Itoa(d.Y)
	}
	return ""
}

func (d Date) time() time.Time { return time.Date(d.Y, time.Month(d.M), d.D, 0, 0, 0, 0, time.UTC) }

func fromTime(t time.Time) Date { return Date{t.Year(), int(t.Month()), t.Day()} }

// first and last are the first and last days the date covers.
func (d Date) first() time.Time {
	m, day := max(d.M, 1), max(d.D, 1)
	return time.Date(d.Y, time.Month(m), day, 0, 0, 0, 0, time.UTC)
}

func (d Date) last() time.Time {
	switch d.Precision() {
	case Day:
		return d.time()
	case Month:
		return time.Date(d.Y, time.Month(d.M)+1, 0, 0, 0, 0, 0, time.UTC)
	}
	return time.Date(d.Y, 12, 31, 0, 0, 0, 0, time.UTC)
}

// Within reports whether d falls inside o at o's precision (2016-02-11 is
// within 2016-02 and 2016).
func (d Date) Within(o Date) bool {
	if !d.Known() || !o.Known() || d.Y != o.Y {
		return false
	}
	return (o.M == 0 || o.M == d.M) && (o.D == 0 || o.D == d.D)
}

// compatible reports whether two dates can name the same day: one is
// within the other.
func compatible(a, b Date) bool { return a.Within(b) || b.Within(a) }

const monthRe = `(Jan(?:uary|\.)?|Feb(?:ruary|\.)?|March|Mar\.|April|Apr\.|May|June|Jun\.|July|Jul\.|August|Aug\.|Sept(?:ember|\.)?|Sep\.|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)`
const weekdayRe = `(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)`
const numWord = `(a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})`

// The date patterns, tried in this order; a match may not overlap an
// earlier one.
var (
	reMonthDayYear = regexp.MustCompile(`(?:\b` + weekdayRe + `,?\s+)?\b` + monthRe + `\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b`)
	reMonthDay     = regexp.MustCompile(`(?:\b` + weekdayRe + `,?\s+)?\b` + monthRe + `\s+(\d{1,2})(?:st|nd|rd|th)?\b`)
	reMonthYear    = regexp.MustCompile(`\b` + monthRe + `,?\s+(?:of\s+)?(\d{4})\b`)
	reMonthAlone   = regexp.MustCompile(`\b(?:(in|since|until|by|from|during|of|early|late|mid-|last|this|next)\s+)?` + monthRe + `(\s+[a-z]+)?`)
	reYear         = regexp.MustCompile(`\b(in|since|until|by|from|during|of|the|early|late|mid-|before|after)?\s*\b((?:19|20)\d\d)\b(\s+[a-z]+)?`)
	reWeekday      = regexp.MustCompile(`\b` + weekdayRe + `(?:’s|'s)?(\s+(?:morning|afternoon|evening|night))?\b`)
	reRelative     = regexp.MustCompile(`(?i)\b(yesterday|last night|(?:last|this|next|earlier this|later this)\s+(?:week|month|year)|(?:about\s+|nearly\s+|almost\s+)?` + numWord + `\s+(day|week|month|year)s?\s+ago)\b`)
	reOffset       = regexp.MustCompile(`(?i)\b(?:just\s+|only\s+|less than\s+|more than\s+|about\s+)?` + numWord + `\s+(day|week|month|year)s?\s+(after|before|later|earlier)\b`)
)

var futureRe = regexp.MustCompile(`(?i)\b(will|would|scheduled|set to|ahead of|upcoming|next|plans? to|expected to|is to be)\b`)

var numWords = map[string]int{"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}

func atoiWord(s string) int {
	if n, ok := numWords[strings.ToLower(s)]; ok {
		return n
	}
	n, _ := strconv.Atoi(s)
	return n
}

// dateExpr is a date expression found in a sentence.
type dateExpr struct {
	start, end int    // byte span in the sentence
	text       string // as written
	date       Date   // resolved; zero when it could not be
	// written is a calendar date as the text gives it, without resolving
	// ("Feb. 11" is {0, 2, 11}); zero for a relative date ("Tuesday").
	written Date
	// offset: "one day after" — the clause after it happened that long
	// before the sentence's other date.
	offsetDays, offsetWeeks, offsetMonths int
	offsetDir                             int // +1 after, -1 before, 0 not an offset
	weekday                               int // 1+time.Weekday for a bare weekday, else 0
}

// DateMention is a calendar date written in a text, with the parts the
// text gives (Y is 0 in "Feb. 11").
type DateMention struct {
	Start, End int    // byte span in the text
	Text       string // as written
	Y, M, D    int
}

// CalendarDates finds the calendar dates written in s ("Nov. 20, 2014",
// "Feb. 11", "November 2014", "in 2014") as the timeline reads them, but
// without resolving them against an article's date; relative dates
// ("Tuesday", "last month") are left out. Package compare reads dates with
// it, so that both read a date alike.
func CalendarDates(s string) []DateMention {
	var ctx Date
	var out []DateMention
	for _, e := range findDates(s, Date{}, &ctx, func(int) bool { return false }) {
		if e.written.Y == 0 && e.written.M == 0 {
			continue
		}
		out = append(out, DateMention{Start: e.start, End: e.end, Text: e.text, Y: e.written.Y, M: e.written.M, D: e.written.D})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Start < out[j].Start })
	return out
}

// findDates finds the date expressions of a sentence and resolves them
// against the article's date. ctx is the most recent day-precision date the
// passage gave before this sentence (a caption's "Thursday" after "February
// 11, 2016" is that day).
func findDates(s string, art Date, ctx *Date, futureAt func(int) bool) []dateExpr {
	var out []dateExpr
	in := *ctx // the passage's last day before this sentence
	taken := func(a, b int) bool {
		for _, e := range out {
			if a < e.end && b > e.start {
				return true
			}
		}
		return false
	}
	add := func(e dateExpr) {
		out = append(out, e)
	}
	// Cheap tests first: most sentences have no date at all.
	hasMonth, hasYear := false, false
	var monthWin, yearWin, dayWin [][2]int
	for _, m := range capWordRe.FindAllStringIndex(s, -1) {
		w := strings.ToLower(s[m[0]:m[1]])
		if data.MonthNumber(w) > 0 {
			hasMonth = true
			monthWin = append(monthWin, window(s, m[0]-24, m[1]+24))
		}
		if _, ok := data.WeekdayOf(w); ok {
			dayWin = append(dayWin, window(s, m[0]-4, m[1]+24))
		}
	}
	for i := 0; i+4 <= len(s); i++ {
		if (s[i] == '1' && s[i+1] == '9' || s[i] == '2' && s[i+1] == '0') && isDigit(s[i+2]) && isDigit(s[i+3]) {
			hasYear = true
			yearWin = append(yearWin, window(s, i-24, i+24))
		}
	}
	lower := strings.ToLower(s)
	hasDay := strings.Contains(lower, "day")
	hasRel := strings.Contains(lower, "ago") || strings.Contains(lower, "last") || strings.Contains(lower, "this") || strings.Contains(lower, "next") || strings.Contains(lower, "yesterday") || strings.Contains(lower, "earlier") || strings.Contains(lower, "later")
	hasOffset := strings.Contains(lower, "after") || strings.Contains(lower, "before") || strings.Contains(lower, "later") || strings.Contains(lower, "earlier")
	if !hasMonth && !hasYear && !hasDay && !hasRel && !hasOffset {
		return nil
	}
	if !hasMonth {
		goto years
	}
	for _, m := range findIn(reMonthDayYear, s, monthWin) {
		mon := data.MonthNumber(strings.TrimSuffix(s[m[4]:m[5]], "."))
		day, _ := strconv.Atoi(s[m[6]:m[7]])
		y, _ := strconv.Atoi(s[m[8]:m[9]])
		d := Date{y, mon, day}
		if day < 1 || day > data.DaysIn(y, mon) {
			continue
		}
		add(dateExpr{start: m[0], end: m[1], text: s[m[0]:m[1]], date: d, written: d})
	}
	for _, m := range findIn(reMonthDay, s, monthWin) {
		if taken(m[0], m[1]) {
			continue
		}
		mon := data.MonthNumber(strings.TrimSuffix(s[m[4]:m[5]], "."))
		day, _ := strconv.Atoi(s[m[6]:m[7]])
		if day < 1 || day > data.DaysIn(2016, mon) { // 2016: a leap year allows Feb. 29
			continue
		}
		d := inferYear(Date{0, mon, day}, art, futureAt(m[0]))
		add(dateExpr{start: m[0], end: m[1], text: s[m[0]:m[1]], date: d, written: Date{0, mon, day}})
	}
	for _, m := range findIn(reMonthYear, s, monthWin) {
		if taken(m[0], m[1]) {
			continue
		}
		mon := data.MonthNumber(strings.TrimSuffix(s[m[2]:m[3]], "."))
		y, _ := strconv.Atoi(s[m[4]:m[5]])
		add(dateExpr{start: m[0], end: m[1], text: s[m[0]:m[1]], date: Date{y, mon, 0}, written: Date{y, mon, 0}})
	}
	for _, m := range findIn(reMonthAlone, s, monthWin) {
		ms, me := m[4], m[5]
		if taken(ms, me) {
			continue
		}
		word := s[ms:me]
		prep := ""
		if m[2] >= 0 {
			prep = strings.ToLower(s[m[2]:m[3]])
		}
		next := ""
		if m[6] >= 0 {
			next = strings.TrimSpace(s[m[6]:m[7]])
		}
		// "May" is a month only after a preposition; other months also
		// before a noun ("the February rally") or as a possessive's object
		// ("Liang's February conviction").
		if prep == "" && (word == "May" || next == "" || !strings.HasSuffix(" "+strings.ToLower(s[:ms]), " the ") && !strings.HasSuffix(s[:ms], "’s ") && !strings.HasSuffix(s[:ms], "'s ")) {
			continue
		}
		mon := data.MonthNumber(strings.TrimSuffix(word, "."))
		start := ms
		if prep != "" {
			start = m[2]
		}
		var d Date
		switch prep {
		case "last":
			d = inferYear(Date{0, mon, 0}, art, false)
		case "next":
			d = inferYear(Date{0, mon, 0}, art, true)
		default:
			d = inferYear(Date{0, mon, 0}, art, futureAt(ms))
		}
		add(dateExpr{start: start, end: me, text: s[start:me], date: d, written: Date{0, mon, 0}})
	}
years:
	if !hasYear {
		goto offsets
	}
	for _, m := range findIn(reYear, s, yearWin) {
		ys, ye := m[4], m[5]
		if taken(ys, ye) {
			continue
		}
		prep := ""
		if m[2] >= 0 {
			prep = s[m[2]:m[3]]
		}
		next := ""
		if m[6] >= 0 {
			next = strings.TrimSpace(s[m[6]:m[7]])
		}
		// A year, not a count: after a preposition or "the", or before a
		// noun ("the 2014 shooting death"), never before a unit.
		if prep == "" || units[next] {
			continue
		}
		y, _ := strconv.Atoi(s[ys:ye])
		start := ys
		if prep != "the" && prep != "" {
			start = m[2]
		}
		add(dateExpr{start: start, end: ye, text: s[start:ye], date: Date{y, 0, 0}, written: Date{y, 0, 0}})
	}
offsets:
	if !hasOffset {
		goto relative
	}
	for _, m := range reOffset.FindAllStringSubmatchIndex(s, -1) {
		if taken(m[0], m[1]) {
			continue
		}
		n := atoiWord(s[m[2]:m[3]])
		unit := strings.ToLower(s[m[4]:m[5]])
		dir := strings.ToLower(s[m[6]:m[7]])
		e := dateExpr{start: m[0], end: m[1], text: s[m[0]:m[1]]}
		if lt := strings.ToLower(e.text); !strings.Contains(lt, "less than") && !strings.Contains(lt, "more than") && !strings.Contains(lt, "about") {
			switch unit {
			case "day":
				e.offsetDays = n
			case "week":
				e.offsetWeeks = n
			case "month":
				e.offsetMonths = n
			}
		}
		switch dir {
		case "after", "later":
			e.offsetDir = 1
		default:
			e.offsetDir = -1
		}
		add(e)
	}
relative:
	if !hasRel && !hasDay {
		goto weekdays
	}
	for _, m := range reRelative.FindAllStringSubmatchIndex(s, -1) {
		if taken(m[0], m[1]) || inQuote(s, m[0]) {
			continue
		}
		text := s[m[0]:m[1]]
		add(dateExpr{start: m[0], end: m[1], text: text, date: resolveRelative(strings.ToLower(text), art)})
	}
weekdays:
	if !hasDay {
		goto done
	}
	for _, m := range findIn(reWeekday, s, dayWin) {
		if taken(m[0], m[1]) {
			continue
		}
		wd, _ := data.WeekdayOf(s[m[2]:m[3]])
		// As written, but without a possessive ("Tuesday's primary" is
		// on Tuesday).
		text := s[m[2]:m[3]]
		if m[4] >= 0 {
			text += s[m[4]:m[5]]
		}
		e := dateExpr{start: m[0], end: m[1], text: text, weekday: int(wd) + 1}
		// The day the passage gave last before the weekday.
		near := in
		for _, o := range out {
			if o.end <= m[0] && o.date.Precision() == Day && o.weekday == 0 && o.offsetDir == 0 {
				near = o.date
			}
		}
		switch {
		case near.Precision() == Day && near.time().Weekday() == wd:
			e.date = near
		case art.Precision() == Day:
			t := art.time()
			fut := futureAt(m[0]) && !strings.Contains(strings.ToLower(s), "last "+strings.ToLower(s[m[2]:m[3]]))
			for i := 0; i < 7; i++ {
				c := t.AddDate(0, 0, -i)
				if fut {
					c = t.AddDate(0, 0, i)
				}
				if c.Weekday() == wd {
					e.date = fromTime(c)
					break
				}
			}
		}
		add(e)
	}
done:
	// In reading order.
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && out[j].start < out[j-1].start; j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	for _, e := range out {
		if e.date.Precision() == Day && e.offsetDir == 0 {
			*ctx = e.date
		}
	}
	return out
}

// window is the part of s from a to b, widened to whole words.
func window(s string, a, b int) [2]int {
	a, b = max(a, 0), min(b, len(s))
	for a > 0 && s[a-1] != ' ' {
		a--
	}
	for b < len(s) && s[b] != ' ' {
		b++
	}
	return [2]int{a, b}
}

// findIn runs a date pattern over the windows of a sentence where it can
// match, rather than over the whole sentence: much faster on long text.
func findIn(re *regexp.Regexp, s string, wins [][2]int) [][]int {
	var out [][]int
	last := -1
	for _, w := range wins {
		for _, m := range re.FindAllStringSubmatchIndex(s[w[0]:w[1]], -1) {
			for i := range m {
				if m[i] >= 0 {
					m[i] += w[0]
				}
			}
			if m[0] <= last {
				continue
			}
			dup := false
			for _, o := range out {
				if o[0] == m[0] {
					dup = true
				}
			}
			if !dup {
				out = append(out, m)
			}
		}
		last = -1
	}
	return out
}

var capWordRe = regexp.MustCompile(`[A-Z][a-z]+`)

func isDigit(b byte) bool { return b >= '0' && b <= '9' }

var units = set(`hours hour minutes people officers dollars years year times percent pages words`)

// inferYear completes a date written without its year from the article's
// date: the latest such date not after the article (the news reports the
// past), or, when the sentence speaks of the future, the nearest one. It
// stays unresolved when the article's date is unknown.
func inferYear(d Date, art Date, future bool) Date {
	if !art.Known() {
		return Date{}
	}
	end := art.last()
	if art.Precision() == Year {
		// Only the year is known: a month-day in it, unless it is ambiguous.
		d.Y = art.Y
		return d
	}
	var best Date
	bestDist := time.Duration(1<<63 - 1)
	for y := art.Y - 1; y <= art.Y+1; y++ {
		c := d
		c.Y = y
		if c.D > data.DaysIn(c.Y, c.M) {
			continue
		}
		if !future {
			if c.first().After(end) {
				continue
			}
			if best.Known() && c.first().Before(best.first()) {
				continue
			}
			best = c
			continue
		}
		dist := c.first().Sub(art.first())
		if dist < 0 {
			dist = -dist
		}
		if dist < bestDist {
			best, bestDist = c, dist
		}
	}
	return best
}

// resolveRelative resolves "yesterday", "last month", "about a month ago"
// and the like against the article's date, keeping the precision the
// phrase supports; it returns the zero Date when it cannot.
func resolveRelative(p string, art Date) Date {
	p = strings.Join(strings.Fields(p), " ")
	switch {
	case p == "yesterday" || p == "last night":
		if art.Precision() == Day {
			return fromTime(art.time().AddDate(0, 0, -1))
		}
	case strings.HasSuffix(p, "month") && (strings.HasPrefix(p, "this") || strings.HasPrefix(p, "earlier this") || strings.HasPrefix(p, "later this")):
		if art.M > 0 {
			return Date{art.Y, art.M, 0}
		}
	case p == "last month":
		if art.M > 0 {
			t := time.Date(art.Y, time.Month(art.M)-1, 1, 0, 0, 0, 0, time.UTC)
			return Date{t.Year(), int(t.Month()), 0}
		}
	case p == "next month":
		if art.M > 0 {
			t := time.Date(art.Y, time.Month(art.M)+1, 1, 0, 0, 0, 0, time.UTC)
			return Date{t.Year(), int(t.Month()), 0}
		}
	case strings.HasSuffix(p, "this year") || strings.HasSuffix(p, "earlier this year") || strings.HasSuffix(p, "later this year"):
		if art.Known() {
			return Date{art.Y, 0, 0}
		}
	case p == "last year":
		if art.Known() {
			return Date{art.Y - 1, 0, 0}
		}
	case p == "next year":
		if art.Known() {
			return Date{art.Y + 1, 0, 0}
		}
	case p == "last week" || p == "this week" || p == "next week":
		if art.Precision() == Day {
			t := art.time()
			// Monday of the article's week, then of the week meant.
			mon := t.AddDate(0, 0, -((int(t.Weekday()) + 6) % 7))
			switch p {
			case "last week":
				mon = mon.AddDate(0, 0, -7)
			case "next week":
				mon = mon.AddDate(0, 0, 7)
			}
			sun := mon.AddDate(0, 0, 6)
			if mon.Month() == sun.Month() {
				return Date{mon.Year(), int(mon.Month()), 0}
			}
		}
	case strings.HasSuffix(p, "ago"):
		f := strings.Fields(p)
		if len(f) >= 3 {
			n := atoiWord(f[len(f)-3])
			unit := strings.TrimSuffix(f[len(f)-2], "s")
			approx := f[0] == "about" || f[0] == "nearly" || f[0] == "almost"
			switch unit {
			case "day":
				if art.Precision() == Day && !approx {
					return fromTime(art.time().AddDate(0, 0, -n))
				}
			case "month":
				if art.M > 0 {
					t := time.Date(art.Y, time.Month(art.M)-time.Month(n), 1, 0, 0, 0, 0, time.UTC)
					return Date{t.Year(), int(t.Month()), 0}
				}
			case "year":
				if art.Known() {
					return Date{art.Y - n, 0, 0}
				}
			}
		}
	}
	return Date{}
}
