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
	iso := strconv.Itoa(year)
	if month != 0 {
		iso += "-" + twoDigits(month)
	}
	if day != 0 {
		t := time.Date(year, time.Month(month), day, 0, 0, 0, 0, time.UTC)
		if t.Day() != day {
			return "", Errorf(EINVALID, "%s has no day %d", time.Month(month), day)
		}
		iso += "-" + twoDigits(day)
	}
	if !ValidDate(iso) {
		return "", dateError(s)
	}
	return iso, nil
}

func dateError(s string) error {
	return Errorf(EINVALID, "“%s” is not a date Casebook can read; type it like April 19, 2016, 19 April 2016, 2016-04-19 or April 2016", s)
}

func twoDigits(n int) string {
	if n < 10 {
		return "0" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}

// monthNumber reads an English month name or its abbreviation ("sept"
// too); 0 when f is none.
func monthNumber(f string) int {
	if len(f) < 3 {
		return 0
	}
	for i := time.January; i <= time.December; i++ {
		name := strings.ToLower(i.String())
		if f == name || (strings.HasPrefix(name, f) && len(f) <= 4) {
			return int(i)
		}
	}
	return 0
}
