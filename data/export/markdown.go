package export

import (
	"bufio"
	"io"
	"strconv"
	"strings"

	"github.com/casebookapp/casebook/data/export/cite"
	"github.com/casebookapp/casebook/internal/text"
)

// writeMarkdown writes the export as CommonMark. Quotes, titles, meanings and
// tags are escaped so that they display as they are; notes are Markdown
// already and are written as the student typed them. Chicago notes are
// footnotes in the syntax GitHub, Pandoc and Obsidian share ("[^1]").
func writeMarkdown(w io.Writer, v *view) error {
	b := bufio.NewWriter(w)
	p := func(s ...string) {
		for _, x := range s {
			b.WriteString(x)
		}
	}
	p("# ", md(v.title), "\n\n", md(v.describe()), "\n")
	if len(v.entries) == 0 && !v.outline {
		p("\n", nothingToExport, "\n")
	}
	for _, s := range v.sections {
		p("\n## ", md(text.OneLine(s.heading)), "\n")
		// The student's own text is Markdown, written like a note.
		if text := noteMarkdownSafe(s.text); strings.TrimSpace(text) != "" {
			p("\n", text, "\n")
		}
		for i, it := range s.items {
			p("\n")
			var cit string
			if v.opt.Style == cite.Chicago {
				cit = "[^" + strconv.Itoa(s.noteNos[i]) + "]"
			} else {
				cit = it.inText.Markdown()
			}
			lines := strings.Split(md(it.quote), "\n")
			if v.opt.Style == cite.Chicago {
				lines[len(lines)-1] += cit // a note mark follows the quote directly
			} else {
				lines[len(lines)-1] += " " + cit
			}
			for _, l := range lines {
				p(">", prefixSpace(l), "\n")
			}
			var meta []string
			if it.colour != nil && v.opt.Order != ByColour {
				meta = append(meta, "*"+md(text.OneLine(it.colour.Meaning))+"*")
			}
			if len(it.tags) > 0 {
				// Escaped as one line: a "#" inside it starts no heading.
				meta = append(meta, md(tagsLine(it.tags)))
			}
			if len(meta) > 0 {
				p("\n", strings.Join(meta, " · "), "\n")
			}
			if it.failure != "" {
				p("\n**", md(failedMark+it.failure), "**\n")
			}
			for _, n := range it.Notes {
				if body := noteMarkdownSafe(n.Body); strings.TrimSpace(body) != "" {
					p("\n", body, "\n")
				}
			}
			p("\n---\n")
			v.step()
		}
	}
	for _, a := range v.aids {
		p("\n## ", md(a.heading), "\n")
		for _, g := range a.groups {
			if g.heading != "" {
				p("\n### ", md(g.heading), "\n")
			}
			p("\n")
			if len(g.entries) == 0 {
				p("Nothing found in the articles yet.\n")
			}
			for _, e := range g.entries {
				p("- **", md(text.OneLine(e.lead)), "**")
				if e.text != "" {
					p(" — ", md(text.OneLine(e.text)))
				}
				if v.opt.Style == cite.Chicago {
					for _, n := range e.noteNos {
						p("[^", strconv.Itoa(n), "]")
					}
				} else if c := joinCites(e.cites); len(c) > 0 {
					p(" ", c.Markdown())
				}
				if e.warning != "" {
					p(" *", md(text.OneLine(e.warning)), "*")
				}
				p("\n")
			}
		}
	}
	if len(v.notes) > 0 {
		p("\n## Notes\n\n")
		for i, n := range v.notes {
			p("[^", strconv.Itoa(i+1), "]: ", n.Markdown(), "\n")
		}
	}
	if len(v.refs) > 0 {
		p("\n## ", v.opt.Style.ListTitle(), "\n\n")
		for i, r := range v.refs {
			if i > 0 {
				p("\n")
			}
			p(r.Markdown(), "\n")
		}
	}
	if f := v.report.Failures; len(f) > 0 {
		p("\n## ", failuresHeading, "\n\n")
		for _, x := range f {
			p("- ", md(text.OneLine(x.String())), "\n")
		}
	}
	return b.Flush()
}

// md escapes user text for Markdown, without the control characters that
// no format can carry.
func md(s string) string { return cite.EscapeMarkdown(cleanText(s)) }

// prefixSpace puts the space after a block quote's ">" unless the line is
// empty.
func prefixSpace(l string) string {
	if l == "" {
		return ""
	}
	return " " + l
}

// cleanText removes the control characters that no format can carry (all
// but tab and newline), and normalises line endings.
func cleanText(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\t' || r == '\n':
			return r
		case r == '\r':
			return '\n'
		case r < 0x20 || r == 0x7f || r == 0xfffe || r == 0xffff || (r >= 0xd800 && r <= 0xdfff):
			return -1
		}
		return r
	}, s)
}
