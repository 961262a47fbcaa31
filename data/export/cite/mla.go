package cite

import (
	"strconv"
	"strings"
	"time"

	"github.com/casebookapp/casebook/data"
)

func (l *List) mlaInText(a data.Article, para int) Text {
	var t Text
	who := mlaWho(names(a))
	var title quoted
	untitledText := ""
	if who == "" || l.titled[a.ID] {
		if a.Title == "" {
			untitledText = untitled(a)
		} else {
			title = quotedTitle(shortTitle(MLA, a))
		}
	}
	pin := pinpoint("par.", para)
	// MLA 9 (§6.29): a comma between the author or title and the
	// pin-point, inside a closing quotation mark.
	var parts []string
	if who != "" {
		parts = append(parts, who)
	}
	switch {
	case title != "" && pin != "":
		parts = append(parts, strings.TrimSuffix(title.commaInside(), " ")+" "+pin)
		pin = ""
	case title != "":
		parts = append(parts, title.plain())
	case untitledText != "":
		parts = append(parts, untitledText)
	}
	if pin != "" {
		parts = append(parts, pin)
	}
	s := ""
	for i, p := range parts {
		if i > 0 {
			s += ", "
		}
		s += p
	}
	t.add("(" + s + ")")
	return t
}

// mlaWho returns the authors as an MLA in-text citation names them.
func mlaWho(authors []personName) string {
	switch {
	case len(authors) == 1:
		return authors[0].family
	case len(authors) == 2:
		return authors[0].family + " and " + authors[1].family
	case len(authors) > 2:
		return authors[0].family + " et al."
	}
	return ""
}

func mlaReference(a data.Article, sameAuthor bool) Text {
	var t Text
	var head string
	authors := names(a)
	switch {
	case sameAuthor:
		head = "---"
	case len(authors) == 1:
		head = authors[0].inverted()
	case len(authors) == 2:
		head = authors[0].inverted() + ", and " + authors[1].natural()
	case len(authors) > 2:
		head = authors[0].inverted() + ", et al"
	}
	if head != "" {
		head = endSentence(head) + " "
	}
	t.add(head)
	if a.Title == "" {
		t.add(untitledArticle + ".")
	} else {
		t.add(quotedTitle(headline(MLA, a.Title)).periodInside())
	}
	if formOf(a) == release {
		t.add(" Press release.")
	}
	date := parseDate(a.Date).mla()
	var elems []Span
	if a.Outlet != "" {
		elems = append(elems, Span{Text: curly(a.Outlet), Italic: true})
	}
	if date != "" {
		elems = append(elems, Span{Text: date})
	}
	if u := URL(a); u != "" {
		elems = append(elems, Span{Text: u, URL: u})
	}
	for i, e := range elems {
		if i > 0 {
			t.add(",")
		}
		t.add(" ")
		t = append(t, e)
	}
	if len(elems) > 0 {
		t.add(".")
	}
	if date == "" {
		if at := accessed(a); !at.IsZero() {
			t.add(" Accessed " + mlaDay(at) + ".")
		}
	}
	return merge(t)
}

func mlaDay(t time.Time) string {
	return strconv.Itoa(t.Day()) + " " + mlaMonths[t.Month()] + " " + strconv.Itoa(t.Year())
}
