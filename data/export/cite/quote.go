package cite

import (
	"strings"

	"github.com/casebookapp/casebook/data"
)

// untitledArticle stands in for a missing title, in square brackets as the
// styles describe a work that has none, where the outlet is printed anyway:
// in reference lists and full notes.
const untitledArticle = "[Untitled article]"

// untitled stands in for a missing title in an in-text citation or a short
// note, which do not print the outlet otherwise: the description names it.
func untitled(a data.Article) string {
	if a.Outlet != "" {
		return "[Untitled article, " + curly(a.Outlet) + "]"
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
func innerQuotes(s string) string { return innerQuoter.Replace(curly(s)) }

var innerQuoter = strings.NewReplacer("“", "‘", "”", "’")

// curly turns straight quotation marks and apostrophes into typographic
// ones, as the quoted text has them: "Gurley's" becomes “Gurley’s”, a
// double quote opens after a space or bracket and closes elsewhere.
func curly(s string) string {
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
