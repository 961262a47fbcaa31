// Package cite formats citations of news articles in APA 7, MLA 9 and
// Chicago 17 (notes and bibliography): the in-text citation or note with a
// paragraph pin-point, and the entry of the reference list. It depends on
// package data (the article's details) and titlecase only.
//
// Each article's source type (newspaper, news website, magazine, blog, press
// release, web page) decides what is italic and what stands where. Titles
// are stored as published; APA cites the sentence-case title derived from
// the article's own text (data.Meta.SentenceTitle), MLA and Chicago their
// own headline case (package titlecase).
//
// Unknown metadata is handled as each style prescribes: with no author the
// title moves to the front, or in Chicago's bibliography the outlet stands
// in; with no date APA writes "n.d." and "Retrieved ... from", MLA gives the
// access date, Chicago both. A source that is not a web address (an imported
// file name) is not cited.
//
// A List holds the articles one document cites, which the styles need to
// tell two 2016 works by one author apart (2016a, 2016b in APA, short titles
// in MLA), to mark a repeated author in the reference list (---. in MLA,
// ———. in Chicago) and to give Chicago's full note first and short notes
// after. The package is checked against citeproc-js, the reference CSL
// processor, in oracle_test.go.
package cite

import (
	"net/url"
	"strings"
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

// shortenTitle shortens a title for in-text citations and short notes: the
// part before a colon, question mark or exclamation mark, at most four words,
// without trailing short words ("Asian Organization Opposes No Jail ..."
// becomes "Asian Organization Opposes"). A question or exclamation that is
// kept whole keeps its mark ("What Now?").
func shortenTitle(title string) string {
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

func names(a data.Article) []personName {
	var out []personName
	for _, s := range a.Authors() {
		// "O'Brien" is cited with a typographic apostrophe, as the text has.
		if n := parseName(curly(s)); n.family != "" {
			out = append(out, n)
		}
	}
	return out
}

func endsWithMark(s string) bool {
	return strings.HasSuffix(s, "?") || strings.HasSuffix(s, "!")
}

// endSentence ends s with a period unless it already ends with one, or with
// a question or exclamation mark. A closing quotation mark stays after the
// period, as American English, and so all three styles, set it: “sorry.”
// (Chicago 17 §6.9).
func endSentence(s string) string {
	s = strings.TrimSpace(s)
	return withMark(s, ".")
}

// withMark adds a period or comma to s, inside the quotation marks that end
// it (“Say ‘Sorry.’”), unless s ends with a mark of its own: a period,
// question mark or exclamation mark takes the place of a period, and a
// question or exclamation mark that of a comma.
func withMark(s, mark string) string {
	body, closing := splitClosing(s)
	if body == "" || endsWithMark(body) || (mark == "." && strings.HasSuffix(body, ".")) {
		return s
	}
	return body + mark + closing
}

// splitClosing splits off the closing quotation marks that end s: ” and ’,
// the latter only when s opens a single quotation (‘) for it to close, so
// that a final apostrophe (“The Officers’”) is not taken for one.
func splitClosing(s string) (body, closing string) {
	body = s
	for {
		switch {
		case strings.HasSuffix(body, "”"):
			body = strings.TrimSuffix(body, "”")
			closing = "”" + closing
			continue
		case strings.HasSuffix(body, "’") && strings.Contains(body, "‘"):
			body = strings.TrimSuffix(body, "’")
			closing = "’" + closing
			continue
		}
		return body, closing
	}
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
