package data

import (
	"strconv"
	"time"
)

// The calendar that every date reader shares: ParseDate (dates students
// type), the importer (dates in page metadata and datelines), casefacts
// (dates mentioned in article text) and compare (month words). Each keeps
// its own outer rules, what counts as a date in a form field or in running
// text; the month names, the days of a month and the ISO form are here.

// englishMonths are the English month names and the abbreviations news
// writing uses ("Sept." too), lower-case.
var englishMonths = map[string]int{
	"jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4,
	"may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9, "sept": 9,
	"september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
}

// frenchMonths are the French month names, lower-case, accents dropped.
var frenchMonths = map[string]int{
	"janvier": 1, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6,
	"juillet": 7, "aout": 8, "septembre": 9, "octobre": 10, "novembre": 11, "decembre": 12,
}

// MonthNumber reads an English month name or its abbreviation ("April",
// "apr", "SEPT"; no full stop), in any case: 1 to 12, or 0 when w is none.
func MonthNumber(w string) int {
	var buf [9]byte
	if len(w) > len(buf) {
		return 0
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return englishMonths[string(buf[:len(w)])]
}

// FrenchMonthNumber reads a French month name in any case, with or without
// its accents ("février", "fevrier", "août"): 1 to 12, or 0.
func FrenchMonthNumber(w string) int {
	var buf [12]byte
	n := 0
	for _, r := range w {
		switch r {
		case 'é', 'É':
			r = 'e'
		case 'û', 'Û':
			r = 'u'
		}
		if 'A' <= r && r <= 'Z' {
			r += 'a' - 'A'
		}
		if r < 'a' || r > 'z' || n == len(buf) {
			return 0
		}
		buf[n] = byte(r)
		n++
	}
	return frenchMonths[string(buf[:n])]
}

// DaysIn is the number of days of month m (1 to 12) of year y.
func DaysIn(y, m int) int {
	return time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// ValidDay reports whether y-m-d is a day of the calendar: a month from 1
// to 12 and a day the month has (29 February only in a leap year).
func ValidDay(y, m, d int) bool {
	return m >= 1 && m <= 12 && d >= 1 && d <= DaysIn(y, m)
}

// ISODate writes a date known to the day, the month or the year as the
// ISO 8601 prefix the library stores: "2016-04-19", "2016-04" or "2016"
// (m and d are 0 when not known). The year is written with four digits.
func ISODate(y, m, d int) string {
	b := make([]byte, 0, 10)
	b = pad(b, y, 4)
	if m > 0 {
		b = pad(append(b, '-'), m, 2)
		if d > 0 {
			b = pad(append(b, '-'), d, 2)
		}
	}
	return string(b)
}

// pad appends n with leading zeros to width digits.
func pad(b []byte, n, width int) []byte {
	s := strconv.Itoa(n)
	for i := len(s); i < width; i++ {
		b = append(b, '0')
	}
	return append(b, s...)
}

// WeekdayOf reads an English day's name in any case ("Thursday",
// "thursday"; no abbreviation): the day and true, or false when w is none.
func WeekdayOf(w string) (time.Weekday, bool) {
	if len(w) < 6 || len(w) > 9 {
		return 0, false
	}
	var buf [9]byte
	for i := 0; i < len(w); i++ {
		c := w[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	for d := time.Sunday; d <= time.Saturday; d++ {
		if string(buf[:len(w)]) == weekdayNames[d] {
			return d, true
		}
	}
	return 0, false
}

var weekdayNames = [...]string{"sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"}

// DateParts reads a date as the library stores it, an ISO 8601 prefix
// ("2016-04-19", "2016-04" or "2016"), into its year, month and day, 0 for
// a part not given. ok is false for anything else: four digits of year,
// two of month (01 to 12) and two of day (01 to 31); ValidDay tells
// whether the month has the day.
func DateParts(s string) (y, m, d int, ok bool) {
	if len(s) != 4 && len(s) != 7 && len(s) != 10 {
		return 0, 0, 0, false
	}
	for i := 0; i < len(s); i++ {
		if i == 4 || i == 7 {
			if s[i] != '-' {
				return 0, 0, 0, false
			}
		} else if s[i] < '0' || s[i] > '9' {
			return 0, 0, 0, false
		}
	}
	num := func(a, b int) int {
		n := 0
		for _, c := range s[a:b] {
			n = n*10 + int(c-'0')
		}
		return n
	}
	y = num(0, 4)
	if len(s) >= 7 {
		if m = num(5, 7); m < 1 || m > 12 {
			return 0, 0, 0, false
		}
	}
	if len(s) == 10 {
		if d = num(8, 10); d < 1 || d > 31 {
			return 0, 0, 0, false
		}
	}
	return y, m, d, true
}
