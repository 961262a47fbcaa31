package compare

import (
	"fmt"
	"strings"

	"github.com/casebookapp/casebook/data"
	"github.com/casebookapp/casebook/data/casefacts"
)

// FactKind says what a difference is about.
type FactKind string

// The kinds of fact that are compared.
const (
	Figure FactKind = "figure" // a number with its unit: "800 hours of community service"
	Date   FactKind = "date"   // a date tied to an event: the conviction on "Feb. 11"
	Charge FactKind = "charge" // a criminal charge: "second-degree manslaughter"
	Name   FactKind = "name"   // who holds an office ("judge Danny Chun") or how a name is spelt
)

// fact is one comparable statement found in a passage.
type fact struct {
	kind  FactKind
	key   string // what the fact is about; facts are compared within a key
	label string // the key in words, for the student
	value string // the comparable value
	text  string // the words of the passage that state it
	at    int    // byte offset of text in the passage
	// date fields, for compatibility of partial dates
	y, m, d int
}

// compatible reports whether two values of the same key can both be true:
// equal, or for dates no field that both give differs ("November 2014" and
// "Nov. 20, 2014" agree).
func compatible(a, b fact) bool {
	if a.kind == Date {
		return (a.y == 0 || b.y == 0 || a.y == b.y) && (a.m == 0 || b.m == 0 || a.m == b.m) && (a.d == 0 || b.d == 0 || a.d == b.d)
	}
	return a.value == b.value
}

// events name what a date is the date of, by the stem of a word near it.
var events = map[string]string{
	"convict": "conviction", "verdict": "conviction", "guilty": "conviction",
	"sentenc": "sentencing", "sentenced": "sentencing",
	"shot": "shooting", "shoot": "shooting", "kill": "shooting", "killed": "shooting", "death": "shooting",
	"rally": "rally", "protest": "rally",
	"apologiz": "apology", "apology": "apology", "apologized": "apology",
	"indict": "indictment", "indictment": "indictment", "arrest": "arrest",
	"trial": "trial", "filed": "filing", "announc": "announcement", "announced": "announcement",
	"born": "birth", "died": "shooting", "lawsuit": "lawsuit", "dismiss": "ruling", "rul": "ruling",
}

// roles are offices held by one person in a case, so that two names for
// the same office disagree.
var roles = map[string]string{
	"judge": "judge", "justice": "judge", "da": "district attorney", "prosecutor": "district attorney",
	"attorney": "district attorney", "mayor": "mayor", "governor": "governor", "commissioner": "police commissioner",
	"assemblyman": "assemblyman", "assemblywoman": "assemblywoman", "senator": "senator",
}

// charges are the heads of criminal charges; chargeMods the words that
// qualify them ("second-degree", "criminally negligent").
var charges = map[string]bool{
	"manslaughter": true, "murder": true, "homicide": true, "misconduct": true, "assault": true,
	"endangerment": true, "battery": true, "perjury": true, "negligence": true, "trespass": true,
	"robbery": true, "burglary": true, "fraud": true, "theft": true, "harassment": true, "kidnapping": true,
	"arson": true, "bribery": true, "obstruction": true, "larceny": true, "rape": true,
}

var chargeMods = map[string]bool{
	"first-degree": true, "second-degree": true, "third-degree": true, "fourth-degree": true,
	"official": true, "criminally": true, "negligent": true, "reckless": true, "involuntary": true,
	"voluntary": true, "aggravated": true, "felony": true, "attempted": true, "degree": true,
	"first": true, "second": true, "third": true, "fourth": true, "capital": true,
	"criminal": true, "grand": true, "petit": true, "sexual": true, "armed": true, "simple": true,
}

// degrees writes "second degree" as "second-degree".
var degrees = strings.NewReplacer("first degree", "first-degree", "second degree", "second-degree", "third degree", "third-degree")

// numberValue reads a number written in digits or in words ("five",
// "five-minute"), returning the number and, for a hyphenated word, the
// unit after the hyphen.
func numberValue(t token) (n int, unit string, ok bool) {
	w := t.low
	head, tail, _ := strings.Cut(w, "-")
	if v, isNum := numberWords[head]; isNum {
		return v, tail, true
	}
	if head != "" && strings.IndexFunc(head, func(r rune) bool { return r < '0' || r > '9' }) < 0 && len(head) <= 9 {
		v := 0
		fmt.Sscan(head, &v)
		return v, tail, true
	}
	return 0, "", false
}

// facts finds the figures, dates, charges and office holders of one
// passage.
func extractFacts(text string, toks []token) []fact {
	var out []fact
	used := make([]bool, len(toks))
	sentence := make([]int, len(toks))
	s := 0
	for i, t := range toks {
		if t.sentStart && i > 0 {
			s++
		}
		sentence[i] = s
	}
	span := func(i, j int) string { return text[toks[i].start:toks[j].end] }
	word := func(i int) bool { return i < len(toks) && !toks[i].punct }

	// Dates: "Feb. 11", "Nov. 20, 2014", "November 2014", "in 2014", read
	// as the timeline reads them, with the parts the text gives.
	for _, dm := range casefacts.CalendarDates(text) {
		i, j := -1, -1
		for k, t := range toks {
			if t.start >= dm.Start && t.end <= dm.End {
				if i < 0 {
					i = k
				}
				j = k
			}
		}
		// The date itself, without the weekday or preposition before it
		// ("Thursday, Feb. 11, 2016", "in February").
		for i >= 0 && i <= j && !toks[i].num {
			if data.MonthNumber(toks[i].low) > 0 {
				break
			}
			i++
		}
		if i < 0 || i > j {
			continue
		}
		f := fact{y: dm.Y, m: dm.M, d: dm.D}
		for k := i; k <= j; k++ {
			used[k] = true
		}
		f.kind = Date
		f.text, f.at = span(i, j), toks[i].start
		f.value = fmt.Sprintf("%04d-%02d-%02d", f.y, f.m, f.d)
		// The event is the nearest event word in the same sentence.
		best, bestDist := "", 1<<30
		for k := range toks {
			if sentence[k] != sentence[i] || toks[k].punct {
				continue
			}
			ev, ok := events[toks[k].low]
			if !ok {
				ev, ok = events[stem(toks[k].low)]
			}
			if !ok {
				continue
			}
			d := k - j
			if k < i {
				d = i - k
			}
			if d < bestDist && d <= 15 {
				best, bestDist = ev, d
			}
		}
		if best == "" {
			continue
		}
		f.key = "date:" + best
		f.label = "date of the " + best
		out = append(out, f)
	}

	// Figures: a number and its unit, with what it counts: "800 hours of
	// community service", "five years’ probation", "a five-minute meeting".
	for i := 0; i < len(toks); i++ {
		if used[i] || toks[i].punct {
			continue
		}
		n, unit, ok := numberValue(toks[i])
		if !ok {
			continue
		}
		j := i
		first := i
		if i > 0 && (toks[i-1].low == "$" || toks[i-1].low == "£" || toks[i-1].low == "€") && unit == "" {
			// Money: "$2 million settlement", "$500".
			first = i - 1
			if i+1 < len(toks) && (toks[i+1].low == "million" || toks[i+1].low == "billion" || toks[i+1].low == "thousand") {
				n *= map[string]int{"thousand": 1e3, "million": 1e6, "billion": 1e9}[toks[i+1].low]
				j = i + 1
			}
			unit = toks[i-1].low
		}
		if unit == "" {
			if !word(i+1) || toks[i+1].cap || stopwords[toks[i+1].low] || used[i+1] {
				continue
			}
			if _, isNum := numberWords[toks[i+1].low]; isNum || toks[i+1].num {
				continue
			}
			j = i + 1
			unit = toks[j].low
		}
		if first == i && strings.ContainsAny(unit, "0123456789-") {
			continue
		}
		unitWord := strings.TrimSuffix(strings.TrimSuffix(toks[j].text, "’"), "'")
		switch {
		case first < i:
			unitWord = "amount"
		case j == i:
			_, unitWord, _ = strings.Cut(toks[i].text, "-")
		}
		unit = singular(unit)
		// What it counts: up to two content words after an optional
		// possessive mark and "of".
		k := j + 1
		if k < len(toks) && (toks[k].low == "’" || toks[k].low == "'") {
			k++
		}
		if k < len(toks) && toks[k].low == "of" {
			k++
		}
		var ctx []string
		last := j
		for k < len(toks) && len(ctx) < 2 && word(k) && !toks[k].cap && !stopwords[toks[k].low] && !toks[k].num {
			ctx = append(ctx, toks[k].low)
			last = k
			k++
		}
		f := fact{kind: Figure, value: fmt.Sprint(n), text: span(first, last), at: toks[first].start}
		f.key = "figure:" + unit
		f.label = unitWord
		if len(ctx) > 0 {
			f.key += " of " + strings.Join(ctx, " ")
			f.label += " of " + strings.Join(ctx, " ")
		}
		for k := first; k <= last; k++ {
			used[k] = true
		}
		out = append(out, f)
		i = last
	}

	// Charges: "manslaughter", "second-degree manslaughter", "official
	// misconduct".
	for i, t := range toks {
		if t.punct || !charges[t.low] {
			continue
		}
		k := i
		for k > 0 && !toks[k-1].punct && chargeMods[toks[k-1].low] {
			k--
		}
		var mods []string
		for _, m := range toks[k:i] {
			mods = append(mods, m.low)
		}
		value := strings.Join(append(mods, t.low), " ")
		value = degrees.Replace(value)
		out = append(out, fact{kind: Charge, key: "charge:" + t.low, label: "charge of " + t.low, value: value, text: span(k, i), at: toks[k].start})
	}

	// Office holders: "judge Danny Chun", "District Attorney Ken Thompson".
	for i, t := range toks {
		role, ok := roles[t.low]
		if !ok || t.punct {
			continue
		}
		k := i + 1
		for k < len(toks) && !toks[k].punct && toks[k].cap && roles[toks[k].low] == "" {
			k++
		}
		if k-(i+1) < 2 {
			continue
		}
		last := toks[k-1].low
		out = append(out, fact{kind: Name, key: "role:" + role, label: "the " + role, value: last, text: span(i+1, k-1), at: toks[i+1].start})
	}
	return out
}
