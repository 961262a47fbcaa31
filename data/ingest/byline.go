package ingest

import (
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/casebookapp/casebook/data"
)

// Finding the byline of an article in a page's copy.

// reBylineWord starts a byline, in any case and in a few languages.
var reBylineWord = regexp.MustCompile(`^(?i:by|par|por|von|door|di)[:\s]`)

// findByline marks the bylines above the article, from a hundred and
// twenty paragraphs up (a page's video player or photo gallery can stand
// between them) to its third paragraph, and returns the index of the last
// one above the article, or -1. Besides the "By ..." lines the line rules
// find, it reads a byline in lower case or followed by a date, a handle
// and a desk.
func findByline(paras []para, start int) int {
	anchor := -1
	for i := max(0, start-120); i < start+3 && i < len(paras); i++ {
		p := &paras[i]
		switch p.kind {
		case data.KindByline:
		case data.KindBody, data.KindCaption:
			bl, ok := looseByline(p.text)
			if !ok {
				continue
			}
			p.kind = data.KindByline
			p.read = &lineClass{kind: data.KindByline, byline: bl}
		default:
			continue
		}
		if i < start {
			anchor = i
		}
	}
	return anchor
}

// findNameByline marks a person's name standing alone near the headline
// as the byline: right under it, or within six paragraphs above or four
// under it next to a dateline or a short line with a number ("4 min read",
// "March 3"). A handle after the name ("Jane Doe, @janedoe") is dropped.
// It does nothing when a byline is already there.
func findNameByline(paras []para, title, start int) {
	if title < 0 {
		return
	}
	for i := max(0, title-6); i < start && i <= title+4; i++ {
		if paras[i].kind == data.KindByline {
			return
		}
	}
	for i := max(0, title-6); i < start && i <= title+4; i++ {
		if i != title && markNameByline(paras, i, i == title+1) {
			return
		}
	}
}

// findDatedName marks, when no byline was found above the article, a
// person's name standing alone next to a date within the sixty
// paragraphs above its start (a product's score box or a video player can
// stand between them) ("Jane Doe" over "Oct 18, 2019 · 8 min
// read"), and returns its index, or -1. Found before the headline, it
// tells the headline, which stands above the byline, from the article's
// first subheading under it.
func findDatedName(paras []para, start int) int {
	for i := start - 1; i >= 0 && i >= start-60; i-- {
		if markNameByline(paras, i, false) {
			return i
		}
	}
	return -1
}

// markNameByline marks paragraph i as a byline when it is a person's name
// alone, right under the headline (underTitle), or next to a dateline or
// a short line with a date or a time, or over a job.
func markNameByline(paras []para, i int, underTitle bool) bool {
	dated := func(j int) bool {
		if j < 0 || j >= len(paras) {
			return false
		}
		q := paras[j]
		return q.kind == data.KindDateline || q.kind == data.KindBody && textUnits(q.text) <= 6 && reDateish.MatchString(q.text)
	}
	p := &paras[i]
	if p.kind != data.KindBody {
		return false
	}
	name := strings.TrimSpace(reHandleTail.ReplaceAllString(p.text, ""))
	datedBeside := dated(i-1) || dated(i+1)
	near := underTitle || datedBeside || i+1 < len(paras) && jobLine(paras[i+1].text)
	if m := reNameThenTime.FindStringSubmatch(name); m != nil {
		// "Jane Doe • 8h", "Jane Doe | March 3, 2017": the name with
		// its date on the same line.
		name, near = strings.TrimSpace(m[1]), true
	}
	if !near {
		return false
	}
	if isPersonName(name) && len(strings.Fields(name)) <= 4 && !outletish(name) && !hasNonNameWord(name) && !hasSmallWord(name) {
		p.kind = data.KindByline
		p.read = &lineClass{kind: data.KindByline, byline: byline{authors: []string{personName(name)}}}
		return true
	}
	// Names with an outlet or a job, without the "By": "Jane Doe and
	// John Roe", "Jane Doe, Reuters", "Jane Doe | Staff Writer".
	if len(strings.Fields(name)) <= 12 && !hasNonNameWordOutsideRole(name) {
		// (Without the "By", a Title Case headline such as "Open Verilog
		// Flow for Small Logic Devices" reads as "Name for Tail": the
		// line must name an outlet or more than one part.)
		// A name and where the writer is ("Jane Doe in Dunedin") counts
		// beside a date line, where a headline does not stand.
		parts := strings.ContainsAny(name, ",|&;") || strings.Contains(name, " and ")
		placed := !parts && datedBeside && strings.Contains(name, " in ")
		if bl, ok := parseByline("By " + name); ok && len(bl.authors) > 0 && !slices.ContainsFunc(bl.authors, hasNonNameWord) && (parts || placed || bl.outlet != "") {
			bl.placed = placed && bl.outlet == ""
			p.kind = data.KindByline
			p.read = &lineClass{kind: data.KindByline, byline: bl}
			return true
		}
	}
	return false
}

// hasNonNameWordOutsideRole reports a label's word (nonNameWords) in a
// line, not counting the words of a writer's job ("Staff Writer").
func hasNonNameWordOutsideRole(s string) bool {
	for _, w := range strings.Fields(s) {
		lw := strings.ToLower(strings.Trim(w, ".,:;|"))
		switch lw {
		case "editor", "writer", "reporter", "correspondent", "columnist", "contributor", "producer", "staff", "senior", "chief":
			continue
		}
		if nonNameWords[lw] {
			return true
		}
	}
	return false
}

// reDateish finds a date or a time in a short line: "11.03.17", "Oct 18,
// 2019", "8 min read", "5 hours ago", "3h", "12:41" (a bare number, such
// as a score or a count, is none).
var reDateish = regexp.MustCompile(`(?i)\b(?:\d{1,4}[./-]\d{1,2}[./-]\d{1,4}|(?:19|20)\d\d|\d+\s*(?:mins?|minutes?|h|hrs?|hours?|d|days?)\b|\d{1,2}:\d{2}|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}|\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec))`)

// reNameThenTime is a name followed by a separator and a time or a date:
// "Jane Doe • 8h", "Jane Doe · March 3, 2017", "Jane Doe | 5 hours ago".
var reNameThenTime = regexp.MustCompile(`^([^•·|]{3,40}?)\s+[•·|]\s+(?:\d{1,2}\s*(?:[smhd]|mins?|hours?|days?)\b.*|[\p{L}.]{3,10}\s+\d{1,2},?\s+\d{4}.*|\d{1,2}\s+[\p{L}.]{3,10}\s+\d{4}.*|\d{1,4}[./-]\d{1,2}[./-]\d{1,4}.*)$`)

// reOtherAnd is "and" in the languages of "Par", "Por" and "Von" bylines.
var reOtherAnd = regexp.MustCompile(`\s+(?:et|y|e|und|en)\s+`)

// reHandleTail is a social-media handle after a name: "Jane Doe,
// @janedoe".
var reHandleTail = regexp.MustCompile(`[,\s]+@\w+\s*$`)

// hasSmallWord reports a capitalised phrase with a word such as "On" or
// "The", which a headline or a label has and a name has not.
func hasSmallWord(s string) bool {
	for _, w := range strings.Fields(s) {
		if smallWords[strings.ToLower(w)] {
			return true
		}
	}
	return false
}

// reNotAuthorAside marks a contributor who is not a writer: "John Roe
// (photography)".
var reNotAuthorAside = regexp.MustCompile(`(?i)\s*(?:,\s*|\band\s+)?[\p{Lu}][\p{L}.'’-]*(?:\s+[\p{Lu}][\p{L}.'’-]*){1,3}\s*\((?:photos?|photography|pictures|video|graphics?|illustrations?)\)`)

// reLeadBy finds "by" after a date or a word such as "Posted": "on March
// 10, 2015 by Jane Doe".
var reLeadBy = regexp.MustCompile(`(?i)^(?:(?:posted|published|written|updated|story|words|text)\b[^\p{L}]*)?(?:on\s+)?(.{0,40}?)\s+(by\s.*)$`)

// nonNameWords are capitalised words of labels that stand where a name
// could: a column's, a section's, a button's.
var nonNameWords = map[string]bool{
	"professor": true, "opinion": true, "analysis": true, "review": true, "reviews": true, "column": true,
	"editorial": true, "home": true, "news": true, "video": true, "photos": true, "more": true, "share": true,
	"follow": true, "subscribe": true, "author": true, "article": true, "story": true, "read": true,
	"older": true, "newer": true, "previous": true, "next": true, "related": true, "comments": true,
	"editor": true, "writer": true, "reporter": true, "correspondent": true, "columnist": true,
	"contributor": true, "producer": true, "staff": true, "senior": true, "chief": true,
	"buy": true, "now": true, "shop": true, "login": true, "log": true, "sign": true, "watch": true,
	"listen": true, "download": true, "get": true, "print": true, "email": true, "save": true,
}

// jobLine reports a short line that is a writer's job: "Games Editor",
// "Staff Writer", "Senior Correspondent".
func jobLine(s string) bool {
	if textUnits(s) > 5 {
		return false
	}
	for _, w := range strings.Fields(strings.ToLower(s)) {
		switch strings.Trim(w, ".,:;") {
		case "editor", "writer", "reporter", "correspondent", "columnist", "contributor", "producer":
			return true
		}
	}
	return false
}

// hasNonNameWord reports a line with one of nonNameWords.
func hasNonNameWord(s string) bool {
	for _, w := range strings.Fields(s) {
		if nonNameWords[strings.ToLower(strings.Trim(w, ".,:;"))] {
			return true
		}
	}
	return false
}

// looseByline reads the bylines that the line rules leave alone because
// they are only safe near an article: "by Jane Doe @handle February 1,
// 2016: 12:41 PM ET", "By JANE DOE JULY 29, 2016", "Par Jeanne Dupont",
// "on March 10, 2015 by Jane Doe", "By Jane Doe, Senior Technologist,
// Some Project", "by Jane Doe (reporting) and John Roe (photography)".
// The names end at a date, a time, a handle or a "Follow" button.
func looseByline(s string) (byline, bool) {
	if !reBylineWord.MatchString(s) {
		m := reLeadBy.FindStringSubmatch(s)
		if m == nil || len(strings.Fields(s)) > 16 {
			return byline{}, false
		}
		if m[1] != "" {
			if _, ok := datelineDates(m[1]); !ok {
				return byline{}, false
			}
		}
		s = m[2]
	}
	s = reNotAuthorAside.ReplaceAllString(s, "")
	s = reOtherAnd.ReplaceAllString(s, " and ")
	w := strings.Fields(reParenAside.ReplaceAllString(s, ""))
	if len(w) < 3 || len(w) > 30 || !reBylineWord.MatchString(w[0]+" ") {
		return byline{}, false
	}
	names := w[1:]
	for i, f := range names {
		lf := strings.ToLower(strings.Trim(f, ".,"))
		r, _ := utf8.DecodeRuneInString(f)
		dateNext := i+1 < len(names) && startsDigit(names[i+1])
		if unicode.IsDigit(r) || strings.HasPrefix(f, "@") || strings.ContainsAny(f, "|•·—–") ||
			lf == "follow" || lf == "updated" || lf == "published" || lf == "posted" || lf == "on" ||
			monthWord(lf) && dateNext || weekdayWord(lf) && i > 0 {
			names = names[:i]
			break
		}
	}
	rest := strings.TrimRight(strings.Join(names, " "), " ,")
	if lower, ok := capitaliseNames(rest); ok {
		// "by jane doe": a site that prints its bylines in lower case.
		rest = lower
	}
	for cut := false; rest != ""; cut = true {
		if bl, ok := parseByline("By " + rest); ok {
			if cut {
				// What was cut away and what is left after the
				// names are the writer's job and employer ("ACLU
				// Speech, Privacy, and Technology Project"), not
				// the outlet the article appears in.
				bl.outlet = ""
			}
			if bl.date == "" {
				if ds := findDates(s); len(ds) > 0 {
					bl.date = pickDate(s, ds)
				}
			}
			return bl, true
		}
		// "Jane Doe, Senior Technologist, Some Project": the parts
		// after the name are a job and an employer.
		i := strings.LastIndex(rest, ",")
		if i < 0 {
			break
		}
		rest = strings.TrimSpace(rest[:i])
	}
	return byline{}, false
}

// capitaliseNames capitalises a byline's names printed in lower case
// ("jane doe and john roe" → "Jane Doe and John Roe"): one to three names
// of two or three words each, joined by "and" or commas, no word a small
// word, a label's or a common word, a month or a day. ok is false for
// anything else, and for text with a capital letter.
func capitaliseNames(s string) (string, bool) {
	if s == "" || strings.IndexFunc(s, unicode.IsUpper) >= 0 {
		return "", false
	}
	parts := reNameSplit.Split(s, -1)
	if len(parts) > 3 {
		return "", false
	}
	var out []string
	for _, part := range parts {
		words := strings.Fields(part)
		if len(words) < 2 || len(words) > 3 {
			return "", false
		}
		for i, w := range words {
			if utf8.RuneCountInString(w) < 2 || strings.IndexFunc(w, func(r rune) bool { return !unicode.IsLetter(r) && r != '-' && r != '\'' && r != '’' }) >= 0 ||
				smallWords[w] || nonNameWords[w] || functionWords[w] || monthWord(w) || weekdayWord(w) {
				return "", false
			}
			r, n := utf8.DecodeRuneInString(w)
			words[i] = string(unicode.ToUpper(r)) + w[n:]
		}
		out = append(out, strings.Join(words, " "))
	}
	return strings.Join(out, " and "), true
}

// reNameSplit splits names joined by commas or "and".
var reNameSplit = regexp.MustCompile(`\s*,\s*(?:and\s+)?|\s+and\s+|\s*&\s*`)

func startsDigit(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsDigit(r)
}

// monthWord reports a month's name or abbreviation written in lower case
// ("may", not the name "May").
func monthWord(w string) bool {
	return data.MonthNumber(w) > 0 && w == strings.ToLower(w)
}

// weekdayWord reports a day's name or abbreviation.
func weekdayWord(w string) bool {
	for d := time.Sunday; d <= time.Saturday; d++ {
		full := strings.ToLower(d.String())
		if w == full || w == full[:3] {
			return true
		}
	}
	return false
}

// reParenAside matches an aside in parentheses: "(reporting)".
var reParenAside = regexp.MustCompile(`\s*\([^()]*\)`)
