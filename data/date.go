package data

import (
	"strconv"
	"strings"
	"time"
	"unicode"
)

// ParseDate reads a publication date as students type it and returns it as
// an ISO date prefix (YYYY-MM-DD, YYYY-MM or YYYY; empty for empty input):
// "2016-04-19", "April 19, 2016", "19 April 2016", "Apr. 19 2016",
// "April 2016", "2016". A date written only in numbers with slashes or dots
// ("04/05/2016") is refused: it is April 5 in one country and 4 May in
// another. The error says what to type instead.
func ParseDate(s string) (string, error) {
	s = strings.TrimSpace(s)
	if s == "" || ValidDate(s) {
		return s, nil
	}
	if strings.ContainsAny(s, "/.") && !strings.ContainsFunc(s, unicode.IsLetter) {
		return "", Errorf(EINVALID, "“%s” could be read two ways; write the month as a word, e.g. 5 April 2016 or April 5, 2016, or as 2016-04-05", s)
	}
	fields := strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return unicode.IsSpace(r) || r == ',' || r == '.' || r == '-' || r == '/'
	})
	var year, month, day int
	for _, f := range fields {
		if m := monthNumber(f); m > 0 {
			if month != 0 {
				return "", dateError(s)
			}
			month = m
			continue
		}
		f = strings.TrimRight(f, "stndrh") // 19th, 1st, 2nd, 3rd
		n, err := strconv.Atoi(f)
		if err != nil {
			return "", dateError(s)
		}
		switch {
		case len(f) == 4 && year == 0:
			year = n
		case len(f) <= 2 && day == 0 && n >= 1 && n <= 31:
			day = n
		default:
			return "", dateError(s)
		}
	}
	if year == 0 || (day != 0 && month == 0) {
		return "", dateError(s)
	}
	if day != 0 && !ValidDay(year, month, day) {
		return "", Errorf(EINVALID, "%s has no day %d", time.Month(month), day)
	}
	iso := ISODate(year, month, day)
	if year < 1000 || !ValidDate(iso) { // "0999" is no year
		return "", dateError(s)
	}
	return iso, nil
}

func dateError(s string) error {
	return Errorf(EINVALID, "“%s” is not a date Casebook can read; type it like April 19, 2016, 19 April 2016, 2016-04-19 or April 2016", s)
}

// monthNumber reads a month as a student types it: an English name or
// abbreviation (MonthNumber), or, in a form field, any first four letters
// of a name ("octo", "dece"); 0 when f is none. f is lower-case.
func monthNumber(f string) int {
	if m := MonthNumber(f); m > 0 {
		return m
	}
	if len(f) == 4 {
		if m := MonthNumber(f[:3]); m > 0 && strings.HasPrefix(strings.ToLower(time.Month(m).String()), f) {
			return m
		}
	}
	return 0
}
