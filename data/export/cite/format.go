package cite

import (
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
	s.sort(l.arts)
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
			k += "\x00" + parseDate(a.Date).apaYear()
		}
		if _, ok := groups[k]; !ok {
			keys = append(keys, k)
		}
		groups[k] = append(groups[k], a)
	}
	if s == APA {
		given := map[string]map[string]bool{}
		for _, a := range l.arts {
			if ns := names(a); len(ns) > 0 && ns[0].given != "" {
				f := strings.ToLower(ns[0].family)
				if given[f] == nil {
					given[f] = map[string]bool{}
				}
				given[f][strings.ToLower(ns[0].initials())] = true
			}
		}
		for _, a := range l.arts {
			if ns := names(a); len(ns) > 0 && len(given[strings.ToLower(ns[0].family)]) > 1 {
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
		parts = append(parts, n.family+"|"+n.given+"|"+n.suffix)
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
			fam = append(fam, strings.ToLower(n.family))
		}
		ws = append(ws, work{a.ID, parseDate(a.Date).apaYear(), fam})
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

// reference returns a's entry in the style's reference list; sameAuthor
// is set when the entry before it has the same authors (MLA then writes
// "---" for them, Chicago "———"), false for an entry cited alone.
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
	if d := parseDate(a.Accessed); d.year > 0 && d.month > 0 && d.day > 0 {
		return time.Date(d.year, time.Month(d.month), d.day, 0, 0, 0, 0, time.UTC)
	}
	return a.AddedAt
}

func undated(a data.Article) bool { d := parseDate(a.Date); return d.year == 0 && d.raw == "" }

// Titles in each style's case, with curly quotation marks.

// apaTitle is the sentence-case title APA's reference list uses.
func apaTitle(a data.Article) string {
	t := a.SentenceTitle
	if t == "" {
		t = titlecase.Sentence(a.Title, nil)
	}
	return curly(t)
}

func headline(s Style, title string) string {
	switch s {
	case MLA:
		return curly(titlecase.Headline(title, titlecase.MLA))
	case Chicago:
		return curly(titlecase.Headline(title, titlecase.Chicago))
	}
	return curly(titlecase.Headline(title, titlecase.APA))
}

func shortTitle(s Style, a data.Article) string { return headline(s, shortenTitle(a.Title)) }
