package cite

import (
	"strconv"
	"strings"
	"time"

	"github.com/casebookapp/casebook/data"
)

// Date is a publication date known to the year, the month or the day.
type Date struct {
	Year, Month, Day int // 0 when unknown
	// Approx marks a date the user flagged as approximate.
	Approx bool
	// Raw holds a date the user typed that is not an ISO 8601 prefix
	// ("Spring 2016"); it is cited as it is.
	Raw string
}

// ParseDate reads data.Meta.Date: an ISO 8601 prefix ("2016-03-24",
// "2016-04", "2016"), empty when unknown. An approximate date is marked the
// way ISO 8601-2 (EDTF) does, with a trailing "~" or "?" ("2016-04~"); a
// leading "ca.", "c." or "circa" is read the same way. Any other text is kept
// in Raw and cited verbatim.
func ParseDate(s string) Date {
	s = strings.TrimSpace(s)
	if s == "" {
		return Date{}
	}
	var d Date
	t := s
	for _, p := range []string{"circa ", "ca. ", "ca ", "c. ", "~"} {
		if strings.HasPrefix(strings.ToLower(t), p) {
			t, d.Approx = strings.TrimSpace(t[len(p):]), true
			break
		}
	}
	if n := strings.TrimRight(t, "~?%"); n != t {
		t, d.Approx = n, true
	}
	y, m, day, ok := data.DateParts(t)
	if !ok {
		return Date{Raw: s}
	}
	d.Year, d.Month, d.Day = y, m, day
	return d
}

func (d Date) month() time.Month { return time.Month(d.Month) }

// mlaMonths are MLA 9's abbreviations: four-letter and shorter months are
// spelled out.
var mlaMonths = [...]string{"", "Jan.", "Feb.", "Mar.", "Apr.", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."}

// apa returns the date as it stands in an APA reference, without the
// parentheses: "2016, March 24", "2016, April", "2016" or "n.d.".
func (d Date) apa() string {
	var s string
	switch {
	case d.Raw != "":
		return d.Raw
	case d.Year == 0:
		return "n.d."
	case d.Day != 0:
		s = strconv.Itoa(d.Year) + ", " + d.month().String() + " " + strconv.Itoa(d.Day)
	case d.Month != 0:
		s = strconv.Itoa(d.Year) + ", " + d.month().String()
	default:
		s = strconv.Itoa(d.Year)
	}
	return approx(d, "ca. ", s)
}

// apaYear returns the year of an APA in-text citation: "2016" or "n.d.".
func (d Date) apaYear() string {
	switch {
	case d.Raw != "":
		return d.Raw
	case d.Year == 0:
		return "n.d."
	}
	return approx(d, "ca. ", strconv.Itoa(d.Year))
}

// mla returns the date as MLA 9 gives it: "24 Mar. 2016", "Apr. 2016",
// "2016", or "" when unknown.
func (d Date) mla() string {
	var s string
	switch {
	case d.Raw != "":
		return d.Raw
	case d.Year == 0:
		return ""
	case d.Day != 0:
		s = strconv.Itoa(d.Day) + " " + mlaMonths[d.Month] + " " + strconv.Itoa(d.Year)
	case d.Month != 0:
		s = mlaMonths[d.Month] + " " + strconv.Itoa(d.Year)
	default:
		s = strconv.Itoa(d.Year)
	}
	return approx(d, "c. ", s)
}

// chicago returns the date as Chicago 17 gives it: "March 24, 2016",
// "April 2016", "2016" or "n.d.".
func (d Date) chicago() string {
	var s string
	switch {
	case d.Raw != "":
		return d.Raw
	case d.Year == 0:
		return "n.d."
	case d.Day != 0:
		s = d.month().String() + " " + strconv.Itoa(d.Day) + ", " + strconv.Itoa(d.Year)
	case d.Month != 0:
		s = d.month().String() + " " + strconv.Itoa(d.Year)
	default:
		s = strconv.Itoa(d.Year)
	}
	return approx(d, "ca. ", s)
}

func approx(d Date, mark, s string) string {
	if d.Approx {
		return mark + s
	}
	return s
}
