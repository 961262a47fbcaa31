package ingest

import (
	"regexp"
	"strings"
	"unicode"

	"github.com/casebookapp/casebook/data"
)

// Dates printed without their year ("March 18 at 3:57 PM"), as some
// papers date the byline of the current year's stories.

var (
	reMonthDay = regexp.MustCompile(`(?i)\b` + monthRe + `\.?\s+(\d{1,2})(?:st|nd|rd|th)?\b(,?\s+\d{4}\b)?`)
	reDayMonth = regexp.MustCompile(`(?i)\b(\d{1,2})(?:st|nd|rd|th)?\s+` + monthRe + `\b\.?(,?\s+\d{4}\b)?`)
	reYear     = regexp.MustCompile(`\b(?:1[89]|20)\d{2}\b`)
)

// yearlessDate returns the month and day of the first date without a
// year in s, and the text around it.
func yearlessDate(s string) (month, day int, rest string, ok bool) {
	if !strings.ContainsAny(s, "0123456789") {
		return 0, 0, "", false
	}
	for _, m := range reMonthDay.FindAllStringSubmatchIndex(s, -1) {
		if m[6] < 0 {
			return data.MonthNumber(s[m[2] : m[2]+3]), atoi(s[m[4]:m[5]]), s[:m[0]] + " " + s[m[1]:], true
		}
	}
	for _, m := range reDayMonth.FindAllStringSubmatchIndex(s, -1) {
		if m[6] < 0 {
			return data.MonthNumber(s[m[4] : m[4]+3]), atoi(s[m[2]:m[3]]), s[:m[0]] + " " + s[m[1]:], true
		}
	}
	return 0, 0, "", false
}

// copyrightYearNote is the DateNote of a date whose year was read from the
// page's copyright line.
const copyrightYearNote = "the year is from the page's copyright line"

// inferYearlessDate returns the publication date of an article whose
// byline, or a dateline beside its byline or headline, gives the month
// and day without the year, when the page gives the year on strong
// evidence: a full date elsewhere with the same month and day (all such
// dates of one year), or else the latest year of its copyright lines when
// no later year is written anywhere else on the page. Otherwise it returns
// "": a guessed year would be a wrong citation.
//
// A copyright line's year is weaker evidence than a full date: a live
// site's footer gives the year the page was copied, not the year the
// article was written. A year taken from it comes with note
// copyrightYearNote, which the import report shows, so that the student
// checks it.
func inferYearlessDate(paras []para) (date, note string) {
	month, day := 0, 0
	for i, p := range paras {
		if p.kind != data.KindByline && !(textUnits(p.text) <= 10 && nearHead(paras, i)) {
			continue
		}
		m, d, rest, ok := yearlessDate(p.text)
		if !ok || m == 0 {
			continue
		}
		if p.kind != data.KindByline {
			left := reDatelineFiller.ReplaceAllString(rest, " ")
			if strings.IndexFunc(left, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) >= 0 {
				continue
			}
		}
		month, day = m, d
		break
	}
	if month == 0 {
		return "", ""
	}
	// A full date with the same month and day.
	sameDay := 0
	copyrightYear, otherYear := 0, 0
	for _, p := range paras {
		if strings.ContainsAny(p.text, "0123456789") {
			for _, f := range findDates(p.text) {
				if y, m, d := splitISO(f.iso); m == month && d == day {
					if sameDay != 0 && sameDay != y {
						return "", ""
					}
					sameDay = y
				}
			}
		}
		years := reYear.FindAllString(p.text, -1)
		if len(years) == 0 {
			continue
		}
		copyright := reCopyright.MatchString(p.text)
		for _, ys := range years {
			y := atoi(ys)
			if copyright {
				copyrightYear = max(copyrightYear, y)
			} else {
				otherYear = max(otherYear, y)
			}
		}
	}
	year := sameDay
	if year == 0 && copyrightYear >= otherYear {
		year, note = copyrightYear, copyrightYearNote
	}
	if year == 0 {
		return "", ""
	}
	return isoDate(year, month, day), note
}

// nearHead reports a paragraph within two of a byline or the title.
func nearHead(paras []para, i int) bool {
	for j := max(0, i-2); j <= i+2 && j < len(paras); j++ {
		if j != i && (paras[j].kind == data.KindByline || paras[j].kind == data.KindTitle) {
			return true
		}
	}
	return false
}

// splitISO splits "YYYY-MM-DD" into its numbers.
func splitISO(iso string) (y, m, d int) {
	if len(iso) != 10 || iso[4] != '-' || iso[7] != '-' {
		return 0, 0, 0
	}
	return atoi(iso[:4]), atoi(iso[5:7]), atoi(iso[8:])
}
