package export

import (
	"bufio"
	"html"
	"io"
	"regexp"
	"strconv"
	"strings"

	"github.com/casebookapp/casebook/data"
	"github.com/casebookapp/casebook/data/export/cite"
)

// htmlStyle is the export's stylesheet: readable on screen, and laid out for
// print with page margins, no page break inside an entry, a reference or a
// heading, none between a heading and what follows it, and colour swatches
// that print.
const htmlStyle = `
@page { size: %PAPER%; margin: 2.2cm 2cm; }
:root { color-scheme: light; }
body { font-family: Georgia, "Times New Roman", serif; font-size: 12pt; line-height: 1.45; color: #111; max-width: 42em; margin: 2em auto; padding: 0 1em; }
h1 { font-size: 20pt; margin: 0 0 .2em; }
h2 { font-size: 15pt; margin: 1.6em 0 .6em; border-bottom: 1px solid #bbb; padding-bottom: .15em; }
h1, h2 { break-inside: avoid; page-break-inside: avoid; break-after: avoid; page-break-after: avoid; }
h1 + *, h2 + * { break-before: avoid; page-break-before: avoid; }
.meta { color: #555; font-size: 10pt; margin: 0 0 1em; }
.legend { font-size: 10pt; color: #333; margin: 0 0 1.5em; padding: 0; list-style: none; }
.legend li { display: inline-block; margin-right: 1.2em; }
.swatch { display: inline-block; width: .9em; height: .9em; border: 1px solid #0003; border-radius: 2px; vertical-align: -0.1em; margin-right: .35em; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
.entry { margin: 0 0 1.4em; padding-bottom: 1em; border-bottom: 1px solid #e2e2e2; break-inside: avoid; page-break-inside: avoid; }
blockquote { margin: 0 0 .5em 1.5em; padding: 0 0 0 .9em; border-left: 3px solid #999; }
blockquote p { margin: 0; white-space: pre-wrap; }
.cite { white-space: nowrap; }
.meaning, .tags { font-size: 10pt; color: #333; margin: .3em 0 0 2.4em; }
.tag { background: #eee; border-radius: 3px; padding: 0 .3em; margin-right: .3em; }
.note { margin: .5em 0 0 2.4em; }
.note p { margin: .3em 0; }
.note pre { white-space: pre-wrap; background: #f5f5f5; padding: .4em; }
.failed { color: #a00; font-weight: bold; font-size: 10pt; margin: .3em 0 0 2.4em; }
sup a { text-decoration: none; }
.references p { padding-left: 2em; text-indent: -2em; margin: 0 0 .6em; break-inside: avoid; page-break-inside: avoid; }
.notes li, .failures li { margin-bottom: .4em; }
a { color: #0645ad; word-break: break-all; }
@media print { body { margin: 0; max-width: none; } a { color: inherit; } }
`

// writeHTML writes a self-contained HTML page: inline CSS, no scripts, no
// outside resources. Everything the student typed is escaped; notes are
// rendered from Markdown, with any HTML in them shown as text.
func writeHTML(w io.Writer, v *view) error {
	b := bufio.NewWriter(w)
	p := func(s ...string) {
		for _, x := range s {
			b.WriteString(x)
		}
	}
	paper := "A4"
	if v.opt.Paper == Letter {
		paper = "letter"
	}
	p("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n",
		"<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n",
		"<meta name=\"generator\" content=\"Casebook\">\n",
		"<title>", htmlEscape(v.title), "</title>\n<style>", strings.Replace(htmlStyle, "%PAPER%", paper, 1), "</style>\n</head>\n<body>\n")
	p("<header>\n<h1>", htmlEscape(v.title), "</h1>\n<p class=\"meta\">", htmlEscape(v.describe()), "</p>\n")
	if legend := usedColours(v); len(legend) > 0 {
		p("<ul class=\"legend\">")
		for _, c := range legend {
			p("<li>", swatch(c.RGB), htmlEscape(c.Meaning), "</li>")
		}
		p("</ul>\n")
	}
	p("</header>\n<main>\n")
	if len(v.entries) == 0 && !v.outline {
		p("<p>", nothingToExport, "</p>\n")
	}
	for _, s := range v.sections {
		p("<section>\n<h2>")
		if s.colour != nil {
			p(swatch(s.colour.RGB))
		}
		p(htmlEscape(s.heading), "</h2>\n")
		if strings.TrimSpace(s.text) != "" {
			p("<div class=\"text\">\n", noteHTML(s.text), "</div>\n")
		}
		for i, it := range s.items {
			p("<div class=\"entry\">\n<blockquote><p>", htmlEscape(it.quote))
			if v.opt.Style == cite.Chicago {
				n := strconv.Itoa(s.noteNos[i])
				p("<sup><a href=\"#note-", n, "\" id=\"ref-", n, "\">", n, "</a></sup>")
			} else {
				p(" <span class=\"cite\">", citeHTML(it.inText), "</span>")
			}
			p("</p></blockquote>\n")
			if it.colour != nil && v.opt.Order != ByColour {
				p("<p class=\"meaning\">", swatch(it.colour.RGB), htmlEscape(it.colour.Meaning), "</p>\n")
			}
			if len(it.tags) > 0 {
				p("<p class=\"tags\">", tagsLead)
				for i, t := range it.tags {
					if i > 0 {
						p(", ") // as in the other formats, and for copying the text
					}
					p("<span class=\"tag\">", htmlEscape(tagLabel(t)), "</span>")
				}
				p("</p>\n")
			}
			if it.failure != "" {
				p("<p class=\"failed\">", htmlEscape(failedMark+it.failure), "</p>\n")
			}
			for _, n := range it.Notes {
				if strings.TrimSpace(n.Body) != "" {
					p("<div class=\"note\">\n", noteHTML(n.Body), "</div>\n")
				}
			}
			p("</div>\n")
			v.step()
		}
		p("</section>\n")
	}
	for _, a := range v.aids {
		p("<section class=\"aids\">\n<h2>", htmlEscape(a.heading), "</h2>\n")
		for _, g := range a.groups {
			if g.heading != "" {
				p("<h3>", htmlEscape(g.heading), "</h3>\n")
			}
			if len(g.entries) == 0 {
				p("<p>Nothing found in the articles yet.</p>\n")
				continue
			}
			p("<ul>\n")
			for _, e := range g.entries {
				p("<li><strong>", htmlEscape(e.lead), "</strong>")
				if e.text != "" {
					p(" — ", htmlEscape(e.text))
				}
				if v.opt.Style == cite.Chicago {
					for _, n := range e.noteNos {
						id := strconv.Itoa(n)
						p("<sup><a href=\"#note-", id, "\" id=\"ref-", id, "\">", id, "</a></sup>")
					}
				} else if c := joinCites(e.cites); len(c) > 0 {
					p(" <span class=\"cite\">", citeHTML(c), "</span>")
				}
				if e.warning != "" {
					p(" <em class=\"failed\">", htmlEscape(e.warning), "</em>")
				}
				p("</li>\n")
			}
			p("</ul>\n")
		}
		p("</section>\n")
	}
	if len(v.notes) > 0 {
		p("<section class=\"notes\">\n<h2>Notes</h2>\n<ol>\n")
		for i, n := range v.notes {
			id := strconv.Itoa(i + 1)
			p("<li id=\"note-", id, "\">", citeHTML(n), " <a href=\"#ref-", id, "\" aria-label=\"back\">↩</a></li>\n")
		}
		p("</ol>\n</section>\n")
	}
	if len(v.refs) > 0 {
		p("<section class=\"references\">\n<h2>", v.opt.Style.ListTitle(), "</h2>\n")
		for _, r := range v.refs {
			p("<p>", citeHTML(r), "</p>\n")
		}
		p("</section>\n")
	}
	if f := v.report.Failures; len(f) > 0 {
		p("<section class=\"failures\">\n<h2>", failuresHeading, "</h2>\n<ul>\n")
		for _, x := range f {
			p("<li>", htmlEscape(x.String()), "</li>\n")
		}
		p("</ul>\n</section>\n")
	}
	p("</main>\n</body>\n</html>\n")
	return b.Flush()
}

// htmlEscape escapes text for HTML, without the control characters HTML does
// not allow.
func htmlEscape(s string) string { return html.EscapeString(cleanText(s)) }

// citeHTML renders citation text, with italics and links.
func citeHTML(t cite.Text) string {
	var b strings.Builder
	for _, s := range t {
		switch {
		case s.Italic:
			b.WriteString("<i>" + htmlEscape(s.Text) + "</i>")
		case safeURL(s.URL) != "":
			b.WriteString("<a href=\"" + htmlEscape(safeURL(s.URL)) + "\">" + htmlEscape(s.Text) + "</a>")
		default:
			b.WriteString(htmlEscape(s.Text))
		}
	}
	return b.String()
}

var rgbPattern = regexp.MustCompile(`^#[0-9a-fA-F]{6}$`)

// swatch draws a colour square; a colour that is not "#rrggbb" is left out
// rather than put in a style attribute.
func swatch(rgb string) string {
	if !rgbPattern.MatchString(rgb) {
		return ""
	}
	return "<span class=\"swatch\" style=\"background:" + rgb + "\"></span>"
}

// usedColours returns the legend's colours that the exported highlights use,
// in legend order.
func usedColours(v *view) []data.Colour {
	used := map[string]bool{}
	for _, it := range v.entries {
		if it.colour != nil {
			used[strings.ToLower(it.colour.Key)] = true
		}
	}
	var out []data.Colour
	for _, c := range v.colours {
		if used[strings.ToLower(c.Key)] {
			out = append(out, c)
		}
	}
	return out
}
