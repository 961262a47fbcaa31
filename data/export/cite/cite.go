// Package cite formats citations of news articles in APA 7, MLA 9 and
// Chicago 17 (notes and bibliography): the in-text citation or note with a
// paragraph pin-point, and the entry of the reference list.
//
// Unknown metadata is handled as each style prescribes: with no author the
// title moves to the front (APA, MLA, Chicago notes) or the outlet stands in
// for the author (Chicago bibliography); with no date APA and Chicago write
// "n.d." and MLA omits the date and gives the access date instead. A source
// that is not a web address (an imported file name) is not cited.
//
// Titles are cited as the user stored them: the package does not change
// their capitalisation, because no rule can tell a proper noun ("Peter
// Liang", "NYPD") from a common one.
package cite

import (
	"fmt"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/casebookapp/casebook/data"
)

// Style is a citation style.
type Style string

// The supported citation styles.
const (
	APA     Style = "apa"
	MLA     Style = "mla"
	Chicago Style = "chicago"
)

// Styles lists the supported styles, the default first.
var Styles = []Style{APA, MLA, Chicago}

// ParseStyle reads a style name as the CLI and the GUI give it ("apa",
// "MLA", "chicago"). The empty string is the default, APA.
func ParseStyle(s string) (Style, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "", "apa", "apa7":
		return APA, nil
	case "mla", "mla9":
		return MLA, nil
	case "chicago", "chicago17", "cmos":
		return Chicago, nil
	}
	return "", data.Errorf(data.EINVALID, "unknown citation style %q: use apa, mla or chicago", s)
}

// Name returns the style's full name, as an export's heading shows it.
func (s Style) Name() string {
	switch s {
	case MLA:
		return "MLA 9"
	case Chicago:
		return "Chicago 17 (notes and bibliography)"
	}
	return "APA 7"
}

// ListTitle returns the heading of the style's reference list.
func (s Style) ListTitle() string {
	switch s {
	case MLA:
		return "Works Cited"
	case Chicago:
		return "Bibliography"
	}
	return "References"
}

// Span is a run of citation text. Titles of outlets are italic; a web
// address carries the link it stands for in URL.
type Span struct {
	Text   string
	Italic bool
	URL    string
}

// Text is formatted citation text.
type Text []Span

// String returns the text without formatting.
func (t Text) String() string {
	var b strings.Builder
	for _, s := range t {
		b.WriteString(s.Text)
	}
	return b.String()
}

// Markdown returns the text as Markdown, with italics as *...*. The text is
// escaped so that a title's own punctuation is not read as Markdown, and a
// web address (see WebURL) becomes a link; a span whose URL is not one is
// written as escaped text.
func (t Text) Markdown() string {
	var b strings.Builder
	for _, s := range t {
		switch {
		case s.Italic:
			b.WriteString("*" + EscapeMarkdown(s.Text) + "*")
		case WebURL(s.URL) != "" && s.Text != s.URL:
			b.WriteString("[" + EscapeMarkdown(s.Text) + "](<" + WebURL(s.URL) + ">)")
		case WebURL(s.URL) != "":
			b.WriteString("<" + WebURL(s.URL) + ">")
		default:
			b.WriteString(EscapeMarkdown(s.Text))
		}
	}
	return b.String()
}

// EscapeMarkdown escapes what CommonMark (and GitHub's extensions) would
// otherwise read as markup, so that s displays as it is: emphasis, code,
// links, raw HTML, entity references, tables and strikethrough anywhere, and
// headings, lists and block quotes at the start of a line.
func EscapeMarkdown(s string) string {
	var b strings.Builder
	lineStart := true
	for i, r := range s {
		switch {
		case strings.ContainsRune("\\`*_[]<>|~", r):
			b.WriteByte('\\')
		case r == '&' && entityLike(s[i+1:]):
			b.WriteByte('\\')
		case lineStart && strings.ContainsRune("#+-=", r):
			b.WriteByte('\\')
		case lineStart && r >= '0' && r <= '9' && orderedMarker(s[i:]):
			// "1. " or "1) " would start a numbered list: escape the mark.
			j := i
			for j < len(s) && s[j] >= '0' && s[j] <= '9' {
				j++
			}
			b.WriteString(s[i:j] + "\\")
			b.WriteString(s[j : j+1])
			rest := EscapeMarkdown(s[j+1:])
			return b.String() + rest
		}
		b.WriteRune(r)
		if r == '\n' {
			lineStart = true
		} else if r != ' ' && r != '\t' {
			lineStart = false
		}
	}
	return b.String()
}

// entityLike reports whether s, following an "&", would be read as an
// entity reference such as "amp;" or "#38;".
func entityLike(s string) bool {
	i := 0
	for i < len(s) && i < 32 && (s[i] == '#' || s[i] >= '0' && s[i] <= '9' || s[i] >= 'a' && s[i] <= 'z' || s[i] >= 'A' && s[i] <= 'Z') {
		i++
	}
	return i > 0 && i < len(s) && s[i] == ';'
}

// orderedMarker reports whether s starts with an ordered list marker.
func orderedMarker(s string) bool {
	j := 0
	for j < len(s) && s[j] >= '0' && s[j] <= '9' {
		j++
	}
	return j > 0 && j <= 9 && j < len(s) && (s[j] == '.' || s[j] == ')')
}

func (t *Text) add(s string)       { *t = append(*t, Span{Text: s}) }
func (t *Text) italic(s string)    { *t = append(*t, Span{Text: s, Italic: true}) }
func (t *Text) link(s, url string) { *t = append(*t, Span{Text: s, URL: url}) }

// URL returns the article's web address as WebURL normalises it, or "" when
// its source is not one (a file name).
func URL(a data.Article) string { return WebURL(a.Source) }

// WebURL returns s, an absolute http or https address, normalised by
// net/url: spaces, angle brackets, quotation marks and other characters that
// would end a link in Markdown, HTML or a DOCX relationship are
// percent-encoded. It returns "" when s is not such an address (a file name,
// a relative path, a "javascript:" link), so that it is never made a link.
func WebURL(s string) string {
	u, err := url.Parse(strings.TrimSpace(s))
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.Opaque != "" {
		return ""
	}
	// String escapes the path and fragment but writes the query as it came.
	u.RawQuery = escapeQuery(u.RawQuery)
	u.ForceQuery = false
	return u.String()
}

// escapeQuery percent-encodes the bytes RFC 3986 does not allow in a query,
// and a "%" that does not start an escape, leaving escapes already there
// alone.
func escapeQuery(q string) string {
	const hex = "0123456789ABCDEF"
	var b strings.Builder
	for i := 0; i < len(q); i++ {
		c := q[i]
		switch {
		case c == '%' && i+2 < len(q) && isHex(q[i+1]) && isHex(q[i+2]):
			b.WriteByte(c)
		case c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' ||
			strings.IndexByte("-._~!$&'()*+,;=:@/?", c) >= 0:
			b.WriteByte(c)
		default:
			b.WriteByte('%')
			b.WriteByte(hex[c>>4])
			b.WriteByte(hex[c&15])
		}
	}
	return b.String()
}

func isHex(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}

// pinpoint returns the paragraph pin-point: "para. 7", or "" when the
// paragraph is unknown (an orphaned quote).
func pinpoint(label string, para int) string {
	if para <= 0 {
		return ""
	}
	return label + " " + strconv.Itoa(para)
}

// InText returns the citation that follows a quote: "(Wang, 2016, para. 7)"
// in APA, "(Wang par. 7)" in MLA, and in Chicago the short note "Wang,
// "Liang Sentencing Prompts," para. 7." (the first citation of an article in
// a document takes the full Note instead). A para of 0 leaves out the
// pin-point.
func (s Style) InText(a data.Article, para int) string {
	authors := names(a)
	switch s {
	case MLA:
		var who string
		switch {
		case len(authors) == 0:
			who = `"` + innerQuotes(ShortTitle(a.Title)) + `"`
		case len(authors) == 1:
			who = authors[0].Family
		case len(authors) == 2:
			who = authors[0].Family + " and " + authors[1].Family
		default:
			who = authors[0].Family + " et al."
		}
		if len(authors) == 0 && a.Title == "" {
			who = untitled(a)
		}
		return "(" + joinNonEmpty(" ", who, pinpoint("par.", para)) + ")"
	case Chicago:
		return s.ShortNote(a, para)
	}
	var who string
	switch {
	case len(authors) == 0 && a.Title == "":
		who = untitled(a) + ","
	case len(authors) == 0:
		// The comma goes inside the quotation marks; a title ending in ? or
		// ! takes none.
		who = `"` + innerQuotes(ShortTitle(a.Title))
		if endsWithMark(who) {
			who += `"`
		} else {
			who += `,"`
		}
	case len(authors) == 1:
		who = authors[0].Family + ","
	case len(authors) == 2:
		who = authors[0].Family + " & " + authors[1].Family + ","
	default:
		who = authors[0].Family + " et al.,"
	}
	date := ParseDate(a.Date).apaYear()
	if para > 0 {
		date += ","
	}
	return "(" + joinNonEmpty(" ", who, date, pinpoint("para.", para)) + ")"
}

// Note returns a Chicago full note for the first citation of an article,
// without its number: Frances Kai-Hwa Wang, "Title," *NBC News*, April 2016,
// para. 7, https://... . For APA and MLA it returns the in-text citation.
func (s Style) Note(a data.Article, para int) Text {
	if s != Chicago {
		return Text{{Text: s.InText(a, para)}}
	}
	var t Text
	if who := noteAuthors(names(a)); who != "" {
		t.add(who + ", ")
	}
	// A title ending in ? or ! takes no comma; otherwise the comma goes
	// inside the quotation marks.
	t.add(quotedTitle(a).commaInside())
	if a.Outlet != "" {
		t.italic(a.Outlet)
		t.add(", ")
	}
	t.add(ParseDate(a.Date).chicago())
	if p := pinpoint("para.", para); p != "" {
		t.add(", " + p)
	}
	if u := URL(a); u != "" {
		t.add(", ")
		t.link(u, u)
	}
	t.add(".")
	return merge(t)
}

// ShortNote returns Chicago's shortened note for later citations of an
// article: Wang, "Liang Sentencing Prompts," para. 7. Without an author it
// starts with the short title.
func (s Style) ShortNote(a data.Article, para int) string {
	authors := names(a)
	var parts []string
	switch {
	case len(authors) == 1:
		parts = append(parts, authors[0].Family)
	case len(authors) == 2:
		parts = append(parts, authors[0].Family+" and "+authors[1].Family)
	case len(authors) == 3:
		parts = append(parts, authors[0].Family+", "+authors[1].Family+", and "+authors[2].Family)
	case len(authors) > 3:
		parts = append(parts, authors[0].Family+" et al.")
	}
	var title string
	if a.Title == "" {
		title = untitled(a)
	} else {
		title = `"` + innerQuotes(ShortTitle(a.Title))
		// A title ending in ? or ! keeps its mark and takes no comma or
		// period after it.
		mark := endsWithMark(title)
		if p := pinpoint("para.", para); p != "" {
			if mark {
				title += `"`
			} else {
				title += `,"`
			}
			return joinNonEmpty(", ", append(parts, title)...) + " " + p + "."
		}
		if mark {
			title += `"`
		} else {
			title += `."`
		}
		return strings.Join(append(parts, title), ", ")
	}
	parts = append(parts, title)
	if p := pinpoint("para.", para); p != "" {
		parts = append(parts, p)
	}
	return strings.Join(parts, ", ") + "."
}

// Reference returns the article's entry in the style's reference list.
func (s Style) Reference(a data.Article) Text {
	switch s {
	case MLA:
		return mlaReference(a)
	case Chicago:
		return chicagoReference(a)
	}
	return apaReference(a)
}

func apaReference(a data.Article) Text {
	var t Text
	title := a.Title
	if title == "" {
		// The outlet follows; it is not repeated in the description.
		title = untitledArticle
	}
	date := "(" + ParseDate(a.Date).apa() + ")."
	if authors := names(a); len(authors) > 0 {
		t.add(endSentence(apaAuthors(authors)) + " " + date + " " + endSentence(title))
	} else {
		// With no author the title moves to the author's place.
		t.add(endSentence(title) + " " + date)
	}
	if a.Outlet != "" {
		t.add(" ")
		t.italic(a.Outlet)
		t.add(".")
	}
	if u := URL(a); u != "" {
		t.add(" ")
		t.link(u, u)
	}
	return merge(t)
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

func mlaReference(a data.Article) Text {
	var t Text
	var head string
	authors := names(a)
	switch {
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
	title := quotedTitle(a)
	t.add(head + title.periodInside())
	date := ParseDate(a.Date).mla()
	var elems []Span
	if a.Outlet != "" {
		elems = append(elems, Span{Text: a.Outlet, Italic: true})
	}
	if date != "" {
		elems = append(elems, Span{Text: date})
	}
	if u := URL(a); u != "" {
		// MLA 9 recommends leaving out the scheme; the link keeps it.
		elems = append(elems, Span{Text: strings.TrimPrefix(strings.TrimPrefix(u, "https://"), "http://"), URL: u})
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
	if date == "" && !a.AddedAt.IsZero() {
		t.add(" Accessed " + mlaDay(a.AddedAt) + ".")
	}
	return merge(t)
}

func mlaDay(t time.Time) string {
	return fmt.Sprintf("%d %s %d", t.Day(), mlaMonths[t.Month()], t.Year())
}

func chicagoReference(a data.Article) Text {
	var t Text
	authors := names(a)
	title := quotedTitle(a)
	switch {
	case len(authors) > 0:
		t.add(endSentence(chicagoBibAuthors(authors)) + " " + title.periodInside())
	case a.Outlet != "":
		// Chicago 17 (14.207): for an unsigned news article the outlet
		// stands in the author's place.
		t.italic(a.Outlet)
		t.add(". " + title.periodInside())
	default:
		t.add(title.periodInside())
	}
	date := ParseDate(a.Date).chicago()
	if len(authors) > 0 && a.Outlet != "" {
		t.add(" ")
		t.italic(a.Outlet)
		t.add(", " + endSentence(date))
	} else {
		t.add(" " + endSentence(upperFirst(date)))
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
		out := []string{ns[0].Inverted()}
		for _, n := range ns[1:7] {
			out = append(out, n.Natural())
		}
		return strings.Join(out, ", ") + ", et al"
	}
	if len(ns) == 1 {
		return ns[0].Inverted()
	}
	out := []string{ns[0].Inverted()}
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

// SortKey returns the key by which the style orders its reference list:
// the first author's family name, or else the title (or, in Chicago, the
// outlet), ignoring a leading article and case.
func (s Style) SortKey(a data.Article) string {
	var k string
	if ns := names(a); len(ns) > 0 {
		k = joinNonEmpty(" ", ns[0].Family, ns[0].Given)
	} else if s == Chicago && a.Outlet != "" {
		k = a.Outlet
	} else {
		k = a.Title
	}
	k = strings.ToLower(strings.TrimLeft(k, `"'“‘*# `))
	for _, art := range []string{"the ", "a ", "an "} {
		if strings.HasPrefix(k, art) {
			k = k[len(art):]
			break
		}
	}
	return k
}

// Sort orders articles as the style's reference list does: by SortKey, then
// by date, then by title, then by id, so that the order is stable.
func (s Style) Sort(as []data.Article) {
	sort.SliceStable(as, func(i, j int) bool {
		ki, kj := s.SortKey(as[i]), s.SortKey(as[j])
		if ki != kj {
			return ki < kj
		}
		if as[i].Date != as[j].Date {
			return as[i].Date < as[j].Date
		}
		if as[i].Title != as[j].Title {
			return as[i].Title < as[j].Title
		}
		return as[i].ID < as[j].ID
	})
}

// ShortTitle shortens a title for in-text citations and short notes: the
// part before a colon, question mark or exclamation mark, at most four words,
// without trailing short words ("Asian Organization Opposes No Jail ..."
// becomes "Asian Organization Opposes"). A question or exclamation that is
// kept whole keeps its mark ("What Now?").
func ShortTitle(title string) string {
	t, mark := title, ""
	if i := strings.IndexAny(t, ":?!"); i > 0 {
		if t[i] != ':' {
			mark = t[i : i+1]
		}
		t = t[:i]
	}
	words := strings.Fields(t)
	if len(words) > 4 {
		words = words[:4]
		for len(words) > 1 && minorWords[strings.ToLower(words[len(words)-1])] {
			words = words[:len(words)-1]
		}
		mark = "" // the question is no longer whole
	}
	return strings.TrimRight(strings.Join(words, " "), ",;.") + mark
}

var minorWords = map[string]bool{
	"a": true, "an": true, "the": true, "and": true, "or": true, "but": true, "no": true, "of": true, "to": true,
	"in": true, "on": true, "at": true, "for": true, "with": true, "by": true, "from": true, "as": true, "amid": true,
}

func names(a data.Article) []Name {
	var out []Name
	for _, s := range a.Authors() {
		if n := ParseName(s); n.Family != "" {
			out = append(out, n)
		}
	}
	return out
}

// untitledArticle stands in for a missing title, in square brackets as the
// styles describe a work that has none, where the outlet is printed anyway:
// in reference lists and full notes.
const untitledArticle = "[Untitled article]"

// untitled stands in for a missing title in an in-text citation or a short
// note, which do not print the outlet otherwise: the description names it.
func untitled(a data.Article) string {
	if a.Outlet != "" {
		return "[Untitled article, " + a.Outlet + "]"
	}
	return untitledArticle
}

// quoted is a title that goes in double quotation marks.
type quoted string

// quotedTitle returns the title for a reference or a full note, both of
// which print the outlet after it.
func quotedTitle(a data.Article) quoted {
	if a.Title == "" {
		return untitledArticle
	}
	return quoted(a.Title)
}

func (q quoted) bracket() bool { return strings.HasPrefix(string(q), "[") }

// periodInside returns "Title." in quotation marks, as an element that ends
// a sentence; a title ending in ? or ! keeps its own mark.
func (q quoted) periodInside() string {
	if q.bracket() {
		return endSentence(string(q))
	}
	s := innerQuotes(string(q))
	if endsWithMark(s) {
		return `"` + s + `"`
	}
	return `"` + s + `."`
}

// commaInside returns "Title," followed by a space.
func (q quoted) commaInside() string {
	if q.bracket() {
		return string(q) + ", "
	}
	s := innerQuotes(string(q))
	if endsWithMark(s) {
		return `"` + s + `" `
	}
	return `"` + s + `," `
}

// innerQuotes turns double quotation marks inside a title into single ones,
// as all three styles do for a quotation within a quoted title.
func innerQuotes(s string) string { return innerQuoter.Replace(s) }

var innerQuoter = strings.NewReplacer(`"`, `'`, "“", "‘", "”", "’")

func endsWithMark(s string) bool {
	return strings.HasSuffix(s, "?") || strings.HasSuffix(s, "!")
}

// endSentence ends s with a period unless it already ends with one, or with
// a question or exclamation mark.
func endSentence(s string) string {
	s = strings.TrimSpace(s)
	if s == "" || endsWithMark(s) || strings.HasSuffix(s, ".") {
		return s
	}
	return s + "."
}

// upperFirst capitalises the first letter of s, whatever its encoded
// length ("été 2016" becomes "Été 2016").
func upperFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if r == utf8.RuneError {
		return s
	}
	return string(unicode.ToTitle(r)) + s[n:]
}

// merge joins neighbouring plain spans, so that a Text has as few runs as
// its formatting needs.
func merge(t Text) Text {
	var out Text
	for _, s := range t {
		if s.Text == "" {
			continue
		}
		if n := len(out); n > 0 && !s.Italic && s.URL == "" && !out[n-1].Italic && out[n-1].URL == "" {
			out[n-1].Text += s.Text
			continue
		}
		out = append(out, s)
	}
	return out
}
