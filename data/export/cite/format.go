package cite

import (
	"cmp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/casebookapp/casebook/data"
	"github.com/casebookapp/casebook/data/titlecase"
)

// List is the set of articles one document cites. Its citations tell works
// by the same author apart, and its Chicago notes are full the first time an
// article is cited and short after; so cite the articles through one List,
// in the order the document cites them.
type List struct {
	style Style
	arts  []data.Article // reference-list order
	// suffix is APA's year letter for same-author, same-year works.
	suffix map[int64]string
	// titled marks MLA works whose in-text citations need a short title:
	// the list has another work by the same author.
	titled map[int64]bool
	// noted records the articles that have had their full Chicago note.
	noted map[int64]bool
	// initials marks the APA works whose first author shares a family name
	// with another work's first author of other given names (§8.20).
	initials map[int64]bool
	// shown is how many authors an APA in-text citation of a work of three
	// or more names before "et al." (§8.18), where one would name two
	// works; absent means one.
	shown map[int64]int
	// last is the article of the last note, 0 before the first.
	last int64
}

// List returns the list of the given articles, as the style orders them;
// an article given twice (by ID) is listed once.
func (s Style) List(arts []data.Article) *List {
	l := &List{style: s, suffix: map[int64]string{}, titled: map[int64]bool{}, noted: map[int64]bool{}, initials: map[int64]bool{}, shown: map[int64]int{}}
	seen := map[int64]bool{}
	for _, a := range arts {
		if !seen[a.ID] {
			seen[a.ID] = true
			l.arts = append(l.arts, a)
		}
	}
	s.Sort(l.arts)
	groups := map[string][]data.Article{}
	var keys []string
	for _, a := range l.arts {
		k := authorKey(a)
		if s == MLA {
			// MLA tells apart works whose in-text authors read the same
			// ("Lee et al.") whoever the co-authors are.
			k = strings.ToLower(mlaWho(names(a)))
		}
		if k == "" {
			continue
		}
		if s == APA {
			k += "\x00" + ParseDate(a.Date).apaYear()
		}
		if _, ok := groups[k]; !ok {
			keys = append(keys, k)
		}
		groups[k] = append(groups[k], a)
	}
	if s == APA {
		given := map[string]map[string]bool{}
		for _, a := range l.arts {
			if ns := names(a); len(ns) > 0 && ns[0].Given != "" {
				f := strings.ToLower(ns[0].Family)
				if given[f] == nil {
					given[f] = map[string]bool{}
				}
				given[f][strings.ToLower(ns[0].Initials())] = true
			}
		}
		for _, a := range l.arts {
			if ns := names(a); len(ns) > 0 && len(given[strings.ToLower(ns[0].Family)]) > 1 {
				l.initials[a.ID] = true
			}
		}
	}
	if s == APA {
		l.addNames()
	}
	for _, k := range keys {
		g := groups[k]
		if len(g) < 2 {
			continue
		}
		for i, a := range g {
			switch s {
			case APA:
				// APA 7 (§8.19, §9.47): a, b, c in reference-list order,
				// which puts dated works in date order.
				l.suffix[a.ID] = string(rune('a' + i%26))
			case MLA:
				l.titled[a.ID] = true
			}
		}
	}
	return l
}

// authorKey identifies an article's author list, "" when it has none.
func authorKey(a data.Article) string {
	var parts []string
	for _, n := range names(a) {
		parts = append(parts, n.Family+"|"+n.Given+"|"+n.Suffix)
	}
	return strings.ToLower(strings.Join(parts, ";"))
}

// addNames finds the APA works of three or more authors whose "First et
// al., year" would also name another work of the list, and names as many
// authors as it takes to tell them apart (APA 7 §8.18): "Lee, Chen, et
// al." and "Lee, Kim, et al.", or every name when only the last differs.
func (l *List) addNames() {
	type work struct {
		id      int64
		year    string
		authors []string
	}
	var ws []work
	for _, a := range l.arts {
		var fam []string
		for _, n := range names(a) {
			fam = append(fam, strings.ToLower(n.Family))
		}
		ws = append(ws, work{a.ID, ParseDate(a.Date).apaYear(), fam})
	}
	// cited returns the author part of w's citation showing k names.
	cited := func(w work, k int) string {
		if len(w.authors) < 3 || k >= len(w.authors) {
			return strings.Join(w.authors, "|")
		}
		return strings.Join(w.authors[:k], "|") + "|et al."
	}
	for _, w := range ws {
		if len(w.authors) < 3 {
			continue
		}
		k := 1
		for ; k < len(w.authors); k++ {
			clash := false
			for _, o := range ws {
				if o.id != w.id && o.year == w.year && cited(o, k) == cited(w, k) && strings.Join(o.authors, "|") != strings.Join(w.authors, "|") {
					clash = true
				}
			}
			if !clash {
				break
			}
		}
		if k > 1 {
			l.shown[w.id] = k
		}
	}
}

// Articles returns the listed articles in reference-list order.
func (l *List) Articles() []data.Article { return slices.Clone(l.arts) }

// References returns the reference list (References, Works Cited or
// Bibliography), one entry per article in the style's order. An author
// repeated from the entry before is replaced by three hyphens in MLA 9
// (§5.126) and by a 3-em dash in Chicago 17 (§14.67).
func (l *List) References() []Text {
	out := make([]Text, 0, len(l.arts))
	prev := ""
	for _, a := range l.arts {
		k := authorKey(a)
		same := k != "" && k == prev
		prev = k
		if l.style == APA {
			out = append(out, apaReference(a, l.suffix[a.ID]))
		} else {
			out = append(out, l.style.reference(a, same))
		}
	}
	return out
}

// InText returns the in-text citation of a quote from a, with its
// paragraph: "(Wang, 2016, para. 7)" in APA, "(Wang, par. 7)" in MLA; in
// Chicago, the article's note: full the first time, short after. A para of
// 0 leaves the pin-point out. An article not in the list is cited as if it
// were alone.
func (l *List) InText(a data.Article, para int) Text {
	switch l.style {
	case MLA:
		return l.mlaInText(a, para)
	case Chicago:
		return l.Note(a, para)
	}
	return l.apaInText(a, para)
}

// Note returns a Chicago note: the full note the first time the list cites
// an article, the short note after (Chicago 17, §14.29–30). A note that
// cites the same work as the note before it gives only the author's family
// name and the pin-point instead of "Ibid.", which §14.34 discourages. For
// APA and MLA it returns the in-text citation.
func (l *List) Note(a data.Article, para int) Text {
	if l.style != Chicago {
		return l.InText(a, para)
	}
	prev := l.last
	l.last = a.ID
	switch {
	case !l.noted[a.ID]:
		l.noted[a.ID] = true
		return chicagoNote(a, para)
	case prev == a.ID && len(names(a)) > 0:
		return Text{{Text: joinNonEmpty(", ", shortAuthors(names(a)), pinpoint("para.", para)) + "."}}
	}
	return chicagoShortNote(a, para)
}

// InText returns the in-text citation of a quote from a, cited alone. In
// Chicago it is the short note; see List for documents that cite more.
func (s Style) InText(a data.Article, para int) Text {
	if s == Chicago {
		return chicagoShortNote(a, para)
	}
	return s.List([]data.Article{a}).InText(a, para)
}

// Note returns the Chicago full note for a, or the in-text citation in APA
// and MLA.
func (s Style) Note(a data.Article, para int) Text {
	return s.List([]data.Article{a}).Note(a, para)
}

// ShortNote returns the Chicago short note for a.
func (s Style) ShortNote(a data.Article, para int) Text { return chicagoShortNote(a, para) }

// Reference returns a's entry in the style's reference list, cited alone.
func (s Style) Reference(a data.Article) Text { return s.reference(a, false) }

func (s Style) reference(a data.Article, sameAuthor bool) Text {
	switch s {
	case MLA:
		return mlaReference(a, sameAuthor)
	case Chicago:
		return chicagoReference(a, sameAuthor)
	}
	return apaReference(a, "")
}

// form says how a source type is set out.
type form int

const (
	// periodical: newspaper, magazine or blog. The article's title is set in
	// quotation marks (plain in APA), the publication's name in italics.
	periodical form = iota
	// site: news website or web page. APA italicises the article's title
	// and sets the site's name in roman; Chicago sets the site's name in
	// roman; MLA italicises it as a container.
	site
	// release: a press release, a site's page described as one.
	release
)

func formOf(a data.Article) form {
	switch a.SourceTypeOf() {
	case data.Newspaper, data.Magazine, data.Blog:
		return periodical
	case data.PressRelease:
		return release
	}
	return site
}

// pinpoint returns the paragraph pin-point: "para. 7", or "" when the
// paragraph is unknown (an orphaned quote).
func pinpoint(label string, para int) string {
	if para <= 0 {
		return ""
	}
	return label + " " + strconv.Itoa(para)
}

// accessed returns the date the article was read, for undated sources: the
// one the user gave, else the day it was added. The zero time when unknown.
func accessed(a data.Article) time.Time {
	if d := ParseDate(a.Accessed); d.Year > 0 && d.Month > 0 && d.Day > 0 {
		return time.Date(d.Year, time.Month(d.Month), d.Day, 0, 0, 0, 0, time.UTC)
	}
	return a.AddedAt
}

func undated(a data.Article) bool { d := ParseDate(a.Date); return d.Year == 0 && d.Raw == "" }

// Titles in each style's case, with curly quotation marks.

// apaTitle is the sentence-case title APA's reference list uses.
func apaTitle(a data.Article) string {
	t := a.SentenceTitle
	if t == "" {
		t = titlecase.Sentence(a.Title, nil)
	}
	return Curly(t)
}

func headline(s Style, title string) string {
	switch s {
	case MLA:
		return Curly(titlecase.Headline(title, titlecase.MLA))
	case Chicago:
		return Curly(titlecase.Headline(title, titlecase.Chicago))
	}
	return Curly(titlecase.Headline(title, titlecase.APA))
}

func shortTitle(s Style, a data.Article) string { return headline(s, ShortTitle(a.Title)) }

// ---------------------------------------------------------------- APA 7

func (l *List) apaInText(a data.Article, para int) Text {
	var t Text
	authors := names(a)
	if len(authors) > 0 && l.initials[a.ID] {
		authors[0].Family = authors[0].Initials() + " " + authors[0].Family
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
		t.add(authors[0].Family + ", ")
	case len(authors) == 2:
		t.add(authors[0].Family + " & " + authors[1].Family + ", ")
	case l.shown[a.ID] >= len(authors):
		var fam []string
		for _, n := range authors {
			fam = append(fam, n.Family)
		}
		t.add(strings.Join(fam[:len(fam)-1], ", ") + ", & " + fam[len(fam)-1] + ", ")
	case l.shown[a.ID] > 1:
		var fam []string
		for _, n := range authors[:l.shown[a.ID]] {
			fam = append(fam, n.Family)
		}
		t.add(strings.Join(fam, ", ") + ", et al., ")
	default:
		t.add(authors[0].Family + " et al., ")
	}
	year := ParseDate(a.Date).apaYear()
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
	d := ParseDate(a.Date)
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
			t.italic(Curly(a.Outlet))
		} else {
			t.add(Curly(a.Outlet))
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
func insertSuffix(d Date, sfx string) string {
	if d.Year == 0 && d.Raw == "" {
		return "n.d.-" + sfx
	}
	s := d.apa()
	y := strconv.Itoa(d.Year)
	if i := strings.Index(s, y); i >= 0 && d.Raw == "" {
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

func apaAuthors(ns []Name) string {
	var out []string
	for _, n := range ns {
		out = append(out, n.APA())
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

// ---------------------------------------------------------------- MLA 9

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
func mlaWho(authors []Name) string {
	switch {
	case len(authors) == 1:
		return authors[0].Family
	case len(authors) == 2:
		return authors[0].Family + " and " + authors[1].Family
	case len(authors) > 2:
		return authors[0].Family + " et al."
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
		head = authors[0].Inverted()
	case len(authors) == 2:
		head = authors[0].Inverted() + ", and " + authors[1].Natural()
	case len(authors) > 2:
		head = authors[0].Inverted() + ", et al"
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
	date := ParseDate(a.Date).mla()
	var elems []Span
	if a.Outlet != "" {
		elems = append(elems, Span{Text: Curly(a.Outlet), Italic: true})
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

// ---------------------------------------------------------- Chicago 17

// chicagoOutlet returns the outlet as Chicago sets it: a newspaper's,
// magazine's or blog's name in italics, a website's in roman (§14.191,
// §14.206).
func chicagoOutlet(a data.Article) Span {
	return Span{Text: Curly(a.Outlet), Italic: formOf(a) == periodical}
}

// chicagoDate returns the date as Chicago gives it: "n.d." for an undated
// periodical article, nothing for an undated web page, whose access date
// stands instead (§14.206).
func chicagoDate(a data.Article) string {
	if undated(a) && formOf(a) != periodical {
		return ""
	}
	return ParseDate(a.Date).chicago()
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
func shortAuthors(authors []Name) string {
	var who string
	switch {
	case len(authors) == 1:
		who = authors[0].Family
	case len(authors) == 2:
		who = authors[0].Family + " and " + authors[1].Family
	case len(authors) == 3:
		who = authors[0].Family + ", " + authors[1].Family + ", and " + authors[2].Family
	case len(authors) > 3:
		who = authors[0].Family + " et al."
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

func chicagoBibAuthors(ns []Name) string {
	if len(ns) > 10 {
		// Chicago 17 (14.76): more than ten authors, list seven and et al.
		out := []string{ns[0].demoted()}
		for _, n := range ns[1:7] {
			out = append(out, n.Natural())
		}
		return strings.Join(out, ", ") + ", et al"
	}
	if len(ns) == 1 {
		return ns[0].demoted()
	}
	out := []string{ns[0].demoted()}
	for _, n := range ns[1 : len(ns)-1] {
		out = append(out, n.Natural())
	}
	return strings.Join(out, ", ") + ", and " + ns[len(ns)-1].Natural()
}

func noteAuthors(ns []Name) string {
	switch {
	case len(ns) == 0:
		return ""
	case len(ns) == 1:
		return ns[0].Natural()
	case len(ns) == 2:
		return ns[0].Natural() + " and " + ns[1].Natural()
	case len(ns) == 3:
		return ns[0].Natural() + ", " + ns[1].Natural() + ", and " + ns[2].Natural()
	}
	return ns[0].Natural() + " et al."
}

// ---------------------------------------------------------------- order

// SortKey returns the key by which the style orders its reference list:
// the first author's family name, or else the title (or, in Chicago, the
// outlet that stands in for the author), ignoring a leading article,
// punctuation and case.
func (s Style) SortKey(a data.Article) string {
	var k string
	if ns := names(a); len(ns) > 0 {
		if s == MLA && len(ns) > 2 {
			// "Lee, Ann, et al.": listed by the first author, then title.
			ns = ns[:1]
		}
		var parts []string
		for _, n := range ns {
			if s == Chicago {
				// "van Gogh" is listed under G (§8.5, §16.71).
				n.Given, n.Family = joinNonEmpty(" ", n.Given, n.particle()), n.bare()
			}
			parts = append(parts, joinNonEmpty(" ", n.Family, n.Given))
		}
		k = strings.Join(parts, " ")
	} else if s == Chicago && byOutlet(a) {
		k = a.Outlet
	} else {
		k = a.Title
	}
	return sortable(k)
}

func sortable(k string) string {
	k = strings.ToLower(strings.TrimLeft(k, `"'“‘*#[ `))
	for _, art := range []string{"the ", "a ", "an "} {
		if strings.HasPrefix(k, art) {
			k = k[len(art):]
			break
		}
	}
	return k
}

// Sort orders articles as the style's reference list does: by SortKey;
// then APA by date (undated first, §9.47) and title, MLA and Chicago by
// title then date; then by id, so that the order is stable.
func (s Style) Sort(as []data.Article) {
	slices.SortStableFunc(as, func(x, y data.Article) int {
		if c := cmp.Compare(s.SortKey(x), s.SortKey(y)); c != 0 {
			return c
		}
		byDate := cmp.Compare(x.Date, y.Date)
		byTitle := cmp.Compare(sortable(x.Title), sortable(y.Title))
		if s == APA {
			return cmp.Or(byDate, byTitle, cmp.Compare(x.ID, y.ID))
		}
		return cmp.Or(byTitle, byDate, cmp.Compare(x.ID, y.ID))
	})
}

// ---------------------------------------------------------------- text

// untitledArticle stands in for a missing title, in square brackets as the
// styles describe a work that has none, where the outlet is printed anyway:
// in reference lists and full notes.
const untitledArticle = "[Untitled article]"

// untitled stands in for a missing title in an in-text citation or a short
// note, which do not print the outlet otherwise: the description names it.
func untitled(a data.Article) string {
	if a.Outlet != "" {
		return "[Untitled article, " + Curly(a.Outlet) + "]"
	}
	return untitledArticle
}

// quoted is a title that goes in quotation marks.
type quoted string

// quotedTitle returns a title to set in quotation marks.
func quotedTitle(s string) quoted { return quoted(s) }

// periodInside returns “Title.” as an element that ends a sentence; a title
// ending in ? or ! keeps its own mark, and a quotation that ends the title
// takes the period inside it too (“Why Officers Say ‘Sorry.’”).
func (q quoted) periodInside() string { return "“" + withMark(innerQuotes(string(q)), ".") + "”" }

// commaInside returns “Title,” followed by a space, the comma inside a
// quotation that ends the title too; a title ending in ? or ! takes none.
func (q quoted) commaInside() string { return "“" + withMark(innerQuotes(string(q)), ",") + "” " }

// plain returns “Title” with nothing after it.
func (q quoted) plain() string { return "“" + innerQuotes(string(q)) + "”" }

// Quotation returns a quote as an essay quotes it: in curly double
// quotation marks, with the quotation marks inside it made single and any
// straight marks typographic ("Gurley's" becomes “Gurley’s”).
func Quotation(s string) string { return quotedTitle(s).plain() }

// innerQuotes turns double quotation marks inside a title into single ones,
// as all three styles do for a quotation within a quoted title.
func innerQuotes(s string) string { return innerQuoter.Replace(Curly(s)) }

var innerQuoter = strings.NewReplacer("“", "‘", "”", "’")

// Curly turns straight quotation marks and apostrophes into typographic
// ones, as the quoted text has them: "Gurley's" becomes “Gurley’s”, a
// double quote opens after a space or bracket and closes elsewhere.
func Curly(s string) string {
	if !strings.ContainsAny(s, `"'`) {
		return s
	}
	var b strings.Builder
	prev := ' '
	for _, r := range s {
		opening := prev == ' ' || prev == '(' || prev == '[' || prev == '—' || prev == '“' || prev == '‘' || prev == '\n' || prev == '\t'
		switch {
		case r == '"' && opening:
			b.WriteRune('“')
		case r == '"':
			b.WriteRune('”')
		case r == '\'' && opening:
			b.WriteRune('‘')
		case r == '\'':
			b.WriteRune('’')
		default:
			b.WriteRune(r)
		}
		prev = r
	}
	return b.String()
}
