package cite

import (
	"strconv"
	"strings"

	"github.com/casebookapp/casebook/data"
)

func (l *List) apaInText(a data.Article, para int) Text {
	var t Text
	authors := names(a)
	if len(authors) > 0 && l.initials[a.ID] {
		authors[0].family = authors[0].initials() + " " + authors[0].family
	}
	switch {
	case len(authors) == 0 && a.Title == "":
		t.add(untitled(a) + ", ")
	case len(authors) == 0 && formOf(a) != periodical:
		// A title italic in the reference list is italic here too (§8.14).
		t.italic(shortTitle(APA, a))
		t.add(", ")
	case len(authors) == 0:
		t.add(quotedTitle(shortTitle(APA, a)).commaInside())
	case len(authors) == 1:
		t.add(authors[0].family + ", ")
	case len(authors) == 2:
		t.add(authors[0].family + " & " + authors[1].family + ", ")
	case l.shown[a.ID] >= len(authors):
		var fam []string
		for _, n := range authors {
			fam = append(fam, n.family)
		}
		t.add(strings.Join(fam[:len(fam)-1], ", ") + ", & " + fam[len(fam)-1] + ", ")
	case l.shown[a.ID] > 1:
		var fam []string
		for _, n := range authors[:l.shown[a.ID]] {
			fam = append(fam, n.family)
		}
		t.add(strings.Join(fam, ", ") + ", et al., ")
	default:
		t.add(authors[0].family + " et al., ")
	}
	year := parseDate(a.Date).apaYear()
	if sfx := l.suffix[a.ID]; sfx != "" {
		if undated(a) {
			year += "-" + sfx
		} else {
			year += sfx
		}
	}
	t.add(year)
	if p := pinpoint("para.", para); p != "" {
		t.add(", " + p)
	}
	return wrap(t)
}

// wrap puts a citation in parentheses.
func wrap(t Text) Text {
	return merge(append(append(Text{{Text: "("}}, t...), Span{Text: ")"}))
}

func apaReference(a data.Article, suffix string) Text {
	var t Text
	d := parseDate(a.Date)
	date := d.apa()
	if suffix != "" {
		date = insertSuffix(d, suffix)
	}
	date = "(" + date + ")."
	f := formOf(a)
	titleItalic := f != periodical
	title := apaTitle(a)
	if a.Title == "" {
		title = untitledArticle
		titleItalic = false
	}
	writeTitle := func() {
		if titleItalic {
			t.italic(title)
			if f == release {
				t.add(" [Press release]")
			}
			t.add(endMark(title))
		} else {
			t.add(endSentence(title))
		}
	}
	if authors := names(a); len(authors) > 0 {
		t.add(endSentence(apaAuthors(authors)) + " " + date + " ")
		writeTitle()
	} else {
		// With no author the title moves to the author's place (§9.12).
		writeTitle()
		t.add(" " + date)
	}
	if a.Outlet != "" && !(f != periodical && sameName(a.Outlet, a.Author)) {
		t.add(" ")
		if f == periodical {
			t.italic(curly(a.Outlet))
		} else {
			t.add(curly(a.Outlet))
		}
		t.add(endMark(a.Outlet))
	}
	if u := URL(a); u != "" {
		t.add(" ")
		if undated(a) {
			if at := accessed(a); !at.IsZero() {
				// §9.16: an undated page that may change gives the day
				// it was read.
				t.add("Retrieved " + at.Format("January 2, 2006") + ", from ")
			}
		}
		t.link(u, u)
	}
	return merge(t)
}

// insertSuffix returns the APA date with the year letter: "2016a, April".
func insertSuffix(d pubDate, sfx string) string {
	if d.year == 0 && d.raw == "" {
		return "n.d.-" + sfx
	}
	s := d.apa()
	y := strconv.Itoa(d.year)
	if i := strings.Index(s, y); i >= 0 && d.raw == "" {
		return s[:i+len(y)] + sfx + s[i+len(y):]
	}
	return s + sfx
}

// endMark returns the period that ends an element, or "" when s already
// ends with a period, question mark or exclamation mark.
func endMark(s string) string {
	if strings.HasSuffix(s, ".") || endsWithMark(s) {
		return ""
	}
	return "."
}

func sameName(a, b string) bool {
	return strings.EqualFold(strings.TrimSpace(a), strings.TrimSpace(b))
}

func apaAuthors(ns []personName) string {
	var out []string
	for _, n := range ns {
		out = append(out, n.apa())
	}
	switch {
	case len(out) == 1:
		return out[0]
	case len(out) > 20:
		// APA 7: the first nineteen, an ellipsis, then the last author.
		return strings.Join(out[:19], ", ") + ", . . . " + out[len(out)-1]
	}
	return strings.Join(out[:len(out)-1], ", ") + ", & " + out[len(out)-1]
}
