package cite

import (
	"strconv"
	"strings"
	"time"

	"github.com/casebookapp/casebook/data"
)

// pubDate is a publication date known to the year, the month or the day.
type pubDate struct {
	year, month, day int // 0 when unknown
	// approx marks a date the user flagged as approximate.
	approx bool
	// raw holds a date the user typed that is not an ISO 8601 prefix
	// ("Spring 2016"); it is cited as it is.
	raw string
}

// parseDate reads data.Meta.Date: an ISO 8601 prefix ("2016-03-24",
// "2016-04", "2016"), empty when unknown. An approximate date is marked the
// way ISO 8601-2 (EDTF) does, with a trailing "~" or "?" ("2016-04~"); a
// leading "ca.", "c." or "circa" is read the same way. Any other text is kept
// in raw and cited verbatim.
func parseDate(s string) pubDate {
	s = strings.TrimSpace(s)
	if s == "" {
		return pubDate{}
	}
	var d pubDate
	t := s
	for _, p := range []string{"circa ", "ca. ", "ca ", "c. ", "~"} {
		if strings.HasPrefix(strings.ToLower(t), p) {
			t, d.approx = strings.TrimSpace(t[len(p):]), true
			break
		}
	}
	if n := strings.TrimRight(t, "~?%"); n != t {
		t, d.approx = n, true
	}
	y, m, day, ok := data.DateParts(t)
	if !ok {
		return pubDate{raw: s}
	}
	d.year, d.month, d.day = y, m, day
	return d
}

func (d pubDate) timeMonth() time.Month { return time.Month(d.month) }

// mlaMonths are MLA 9's abbreviations: four-letter and shorter months are
// spelled out.
var mlaMonths = [...]string{"", "Jan.", "Feb.", "Mar.", "Apr.", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."}

// apa returns the date as it stands in an APA reference, without the
// parentheses: "2016, March 24", "2016, April", "2016" or "n.d.".
func (d pubDate) apa() string {
	var s string
	switch {
	case d.raw != "":
		return d.raw
	case d.year == 0:
		return "n.d."
	case d.day != 0:
		s = strconv.Itoa(d.year) + ", " + d.timeMonth().String() + " " + strconv.Itoa(d.day)
	case d.month != 0:
		s = strconv.Itoa(d.year) + ", " + d.timeMonth().String()
	default:
		s = strconv.Itoa(d.year)
	}
	return approx(d, "ca. ", s)
}

// apaYear returns the year of an APA in-text citation: "2016" or "n.d.".
func (d pubDate) apaYear() string {
	switch {
	case d.raw != "":
		return d.raw
	case d.year == 0:
		return "n.d."
	}
	return approx(d, "ca. ", strconv.Itoa(d.year))
}

// mla returns the date as MLA 9 gives it: "24 Mar. 2016", "Apr. 2016",
// "2016", or "" when unknown.
func (d pubDate) mla() string {
	var s string
	switch {
	case d.raw != "":
		return d.raw
	case d.year == 0:
		return ""
	case d.day != 0:
		s = strconv.Itoa(d.day) + " " + mlaMonths[d.month] + " " + strconv.Itoa(d.year)
	case d.month != 0:
		s = mlaMonths[d.month] + " " + strconv.Itoa(d.year)
	default:
		s = strconv.Itoa(d.year)
	}
	return approx(d, "c. ", s)
}

// chicago returns the date as Chicago 17 gives it: "March 24, 2016",
// "April 2016", "2016" or "n.d.".
func (d pubDate) chicago() string {
	var s string
	switch {
	case d.raw != "":
		return d.raw
	case d.year == 0:
		return "n.d."
	case d.day != 0:
		s = d.timeMonth().String() + " " + strconv.Itoa(d.day) + ", " + strconv.Itoa(d.year)
	case d.month != 0:
		s = d.timeMonth().String() + " " + strconv.Itoa(d.year)
	default:
		s = strconv.Itoa(d.year)
	}
	return approx(d, "ca. ", s)
}

func approx(d pubDate, mark, s string) string {
	if d.approx {
		return mark + s
	}
	return s
}
