package cite

import (
	"strings"

	"github.com/casebookapp/casebook/data"
)

// chicagoOutlet returns the outlet as Chicago sets it: a newspaper's,
// magazine's or blog's name in italics, a website's in roman (§14.191,
// §14.206).
func chicagoOutlet(a data.Article) Span {
	return Span{Text: curly(a.Outlet), Italic: formOf(a) == periodical}
}

// chicagoDate returns the date as Chicago gives it: "n.d." for an undated
// periodical article, nothing for an undated web page, whose access date
// stands instead (§14.206).
func chicagoDate(a data.Article) string {
	if undated(a) && formOf(a) != periodical {
		return ""
	}
	return parseDate(a.Date).chicago()
}

// byOutlet reports whether Chicago lists an unsigned article under its
// outlet's name, as it does news articles (§14.207).
func byOutlet(a data.Article) bool {
	return len(names(a)) == 0 && a.Outlet != "" && a.SourceTypeOf() != data.Blog
}

func chicagoNote(a data.Article, para int) Text {
	var t Text
	if who := noteAuthors(names(a)); who != "" {
		t.add(who + ", ")
	}
	// The elements after the title, each one there only when known, so that
	// a missing outlet or date leaves no empty place between commas.
	var rest Text
	if formOf(a) == release {
		rest.add("Press release")
	}
	if a.Outlet != "" {
		rest = append(rest, chicagoOutlet(a))
	}
	if date := chicagoDate(a); date != "" {
		rest.add(date)
	}
	if p := pinpoint("para.", para); p != "" {
		rest.add(p)
	}
	if undated(a) {
		if at := accessed(a); !at.IsZero() {
			rest.add("accessed " + at.Format("January 2, 2006"))
		}
	}
	if u := URL(a); u != "" {
		rest.link(u, u)
	}
	switch {
	case a.Title == "" && len(rest) == 0:
		t.add(untitledArticle + ".")
		return merge(t)
	case a.Title == "":
		t.add(untitledArticle + ", ")
	case len(rest) == 0:
		t.add(quotedTitle(headline(Chicago, a.Title)).periodInside())
		return merge(t)
	default:
		t.add(quotedTitle(headline(Chicago, a.Title)).commaInside())
	}
	for i, e := range rest {
		if i > 0 {
			t.add(", ")
		}
		t = append(t, e)
	}
	t.add(".")
	return merge(t)
}

// shortAuthors returns the family names a Chicago short note gives.
func shortAuthors(authors []personName) string {
	var who string
	switch {
	case len(authors) == 1:
		who = authors[0].family
	case len(authors) == 2:
		who = authors[0].family + " and " + authors[1].family
	case len(authors) == 3:
		who = authors[0].family + ", " + authors[1].family + ", and " + authors[2].family
	case len(authors) > 3:
		who = authors[0].family + " et al."
	}
	return who
}

func chicagoShortNote(a data.Article, para int) Text {
	who := shortAuthors(names(a))
	var t Text
	if who != "" {
		t.add(who + ", ")
	} else if byOutlet(a) {
		t = append(t, chicagoOutlet(a))
		t.add(", ")
	}
	s := ""
	p := pinpoint("para.", para)
	if a.Title == "" {
		s += untitled(a)
		if p != "" {
			s += ", " + p
		}
		t.add(s + ".")
		return merge(t)
	}
	q := quotedTitle(shortTitle(Chicago, a))
	if p != "" {
		s += q.commaInside() + p + "."
	} else {
		s += q.periodInside()
	}
	t.add(s)
	return merge(t)
}

func chicagoReference(a data.Article, sameAuthor bool) Text {
	var t Text
	authors := names(a)
	f := formOf(a)
	title := untitledArticle + "."
	if a.Title != "" {
		title = quotedTitle(headline(Chicago, a.Title)).periodInside()
	}
	byOutlet := byOutlet(a)
	switch {
	case sameAuthor:
		t.add("———. " + title)
	case len(authors) > 0:
		t.add(endSentence(chicagoBibAuthors(authors)) + " " + title)
	case byOutlet:
		// §14.207: an unsigned news article is listed under its outlet.
		t = append(t, chicagoOutlet(a))
		t.add(endMark(a.Outlet) + " " + title)
	default:
		t.add(title)
	}
	if f == release {
		t.add(" Press release.")
	}
	date := chicagoDate(a)
	switch {
	case a.Outlet != "" && !byOutlet && date == "":
		t.add(" ")
		t = append(t, chicagoOutlet(a))
		t.add(endMark(a.Outlet))
	case a.Outlet != "" && !byOutlet:
		t.add(" ")
		t = append(t, chicagoOutlet(a))
		t.add(", " + endSentence(date))
	case date != "":
		t.add(" " + endSentence(upperFirst(date)))
	}
	if undated(a) {
		if at := accessed(a); !at.IsZero() {
			t.add(" Accessed " + at.Format("January 2, 2006") + ".")
		}
	}
	if u := URL(a); u != "" {
		t.add(" ")
		t.link(u, u)
		t.add(".")
	}
	return merge(t)
}

func chicagoBibAuthors(ns []personName) string {
	if len(ns) > 10 {
		// Chicago 17 (14.76): more than ten authors, list seven and et al.
		out := []string{ns[0].demoted()}
		for _, n := range ns[1:7] {
			out = append(out, n.natural())
		}
		return strings.Join(out, ", ") + ", et al"
	}
	if len(ns) == 1 {
		return ns[0].demoted()
	}
	out := []string{ns[0].demoted()}
	for _, n := range ns[1 : len(ns)-1] {
		out = append(out, n.natural())
	}
	return strings.Join(out, ", ") + ", and " + ns[len(ns)-1].natural()
}

func noteAuthors(ns []personName) string {
	switch {
	case len(ns) == 0:
		return ""
	case len(ns) == 1:
		return ns[0].natural()
	case len(ns) == 2:
		return ns[0].natural() + " and " + ns[1].natural()
	case len(ns) == 3:
		return ns[0].natural() + ", " + ns[1].natural() + ", and " + ns[2].natural()
	}
	return ns[0].natural() + " et al."
}
