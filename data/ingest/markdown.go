package ingest

import (
	"bytes"
	"cmp"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/casebookapp/casebook/data"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	gmtext "github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
	"gopkg.in/yaml.v3"
)

// markdown parses CommonMark with the GitHub extensions (tables,
// strikethrough, autolinks), so their syntax is stripped too.
var markdown = goldmark.New(goldmark.WithExtensions(extension.GFM))

// decodeMarkdown reads a Markdown file (see decode).
func decodeMarkdown(name, base, text string) (data.NewArticle, error) {
	fm, body, err := splitFrontMatter(text)
	if err != nil {
		return data.NewArticle{}, data.Errorf(data.EINVALID, "%s: the front matter is not valid YAML (%v)", name, err)
	}
	blocks, hints := markdownBlocks([]byte(body))
	art, err := parseFile(name, base, strings.Join(blocks, "\n\n"), hints, false)
	if err != nil {
		return data.NewArticle{}, err
	}
	if fm.title != "" {
		for i, p := range art.Passages {
			if p.Text == fm.title && i < 5 {
				art.Passages[i].Kind = data.KindTitle
			}
		}
	}
	art.Title = cmp.Or(fm.title, art.Title)
	art.Author = cmp.Or(fm.author, art.Author)
	art.Outlet = cmp.Or(fm.outlet, art.Outlet)
	art.Date = cmp.Or(fm.date, art.Date)
	art.Source = cmp.Or(fm.url, base)
	return art, nil
}

// splitFrontMatter separates a leading YAML block between "---" lines and
// reads the metadata keys it knows.
func splitFrontMatter(text string) (pageMeta, string, error) {
	var pm pageMeta
	if !strings.HasPrefix(text, "---\n") {
		return pm, text, nil
	}
	rest := text[len("---\n"):]
	end, next := -1, 0
	for off := 0; off <= len(rest); {
		i := strings.IndexByte(rest[off:], '\n')
		line := rest[off:]
		if i >= 0 {
			line = rest[off : off+i]
		}
		if t := strings.TrimRight(line, " \t"); t == "---" || t == "..." {
			end = off
			next = off + len(line)
			if i >= 0 {
				next++
			}
			break
		}
		if i < 0 {
			break
		}
		off += i + 1
	}
	if end < 0 {
		// No closing line: this is a thematic break, not front matter.
		return pm, text, nil
	}
	var raw map[string]any
	if err := yaml.Unmarshal([]byte(rest[:end]), &raw); err != nil {
		return pm, "", err
	}
	for k, v := range raw {
		switch strings.ToLower(strings.ReplaceAll(k, "-", "_")) {
		case "title", "headline":
			setOnce(&pm.title, clean(yamlString(v)))
		case "author", "authors", "by", "byline", "creator":
			setOnce(&pm.author, yamlNames(v))
		case "outlet", "site", "site_name", "sitename", "publisher", "publication", "newspaper":
			setOnce(&pm.outlet, clean(yamlString(v)))
		case "date", "published", "published_at", "publish_date", "pubdate", "date_published":
			setOnce(&pm.date, dateOf(yamlString(v)))
		case "url", "link", "canonical", "canonical_url", "source_url":
			setOnce(&pm.url, absURL(yamlString(v)))
		case "source":
			// "source" is an address in some tools and an outlet in others.
			if s := yamlString(v); absURL(s) != "" {
				setOnce(&pm.url, absURL(s))
			} else {
				setOnce(&pm.outlet, clean(s))
			}
		}
	}
	return pm, rest[next:], nil
}

// yamlString renders a scalar front matter value as text.
func yamlString(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case string:
		return x
	case time.Time:
		return x.Format("2006-01-02")
	case map[string]any:
		return yamlString(x["name"])
	case []any:
		if len(x) > 0 {
			return yamlString(x[0])
		}
		return ""
	}
	return fmt.Sprint(v)
}

// yamlNames reads an author value: "A", "A and B", a list of names, or a
// list of objects with a name.
func yamlNames(v any) string {
	if list, ok := v.([]any); ok {
		var out []string
		for _, e := range list {
			if n := authorList(yamlString(e)); n != "" {
				out = append(out, n)
			}
		}
		return strings.Join(out, "; ")
	}
	return authorList(yamlString(v))
}

// markdownBlocks returns the text of each block of a Markdown document
// with its syntax removed, and the kinds its structure shows: the first
// level-one heading is the title, a paragraph of images is a caption (its
// alternative text).
func markdownBlocks(src []byte) ([]string, map[string]data.Kind) {
	root := markdown.Parser().Parse(gmtext.NewReader(src))
	var blocks []string
	hints := map[string]data.Kind{}
	titled := false
	emit := func(text string, kind data.Kind) {
		var lines []string
		for _, l := range strings.Split(text, "\n") {
			if l = clean(l); l != "" {
				lines = append(lines, l)
			}
		}
		if len(lines) == 0 {
			return
		}
		t := strings.Join(lines, "\n")
		blocks = append(blocks, t)
		if kind != "" && len(lines) == 1 {
			hints[t] = kind
		}
	}
	var walk func(n ast.Node)
	walk = func(n ast.Node) {
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			switch c.Kind() {
			case ast.KindThematicBreak, ast.KindHTMLBlock:
				continue
			case ast.KindCodeBlock, ast.KindFencedCodeBlock:
				var b strings.Builder
				lines := c.Lines()
				for i := 0; i < lines.Len(); i++ {
					seg := lines.At(i)
					b.Write(seg.Value(src))
				}
				emit(b.String(), "")
				continue
			}
			if c.Type() == ast.TypeBlock && c.FirstChild() != nil && c.FirstChild().Type() == ast.TypeInline {
				var kind data.Kind
				if h, ok := c.(*ast.Heading); ok && h.Level == 1 && !titled && len(blocks) < 5 {
					kind, titled = data.KindTitle, true
				} else if onlyImages(c, src) {
					kind = data.KindCaption
				}
				var b strings.Builder
				inlineText(c, src, &b)
				emit(b.String(), kind)
				continue
			}
			walk(c)
		}
	}
	walk(root)
	return blocks, hints
}

// onlyImages reports an inline container holding images and nothing else
// but white space.
func onlyImages(n ast.Node, src []byte) bool {
	images := 0
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch x := c.(type) {
		case *ast.Image:
			images++
		case *ast.Text:
			if strings.TrimSpace(string(x.Segment.Value(src))) != "" {
				return false
			}
		default:
			return false
		}
	}
	return images > 0
}

// inlineText writes the text of inline nodes without their syntax: link
// and emphasis text, image alternative text, code span contents.
func inlineText(n ast.Node, src []byte, b *strings.Builder) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch x := c.(type) {
		case *ast.Text:
			if x.IsRaw() {
				// Code span contents are literal.
				b.Write(x.Segment.Value(src))
			} else {
				writeUnescaped(b, x.Segment.Value(src))
			}
			switch {
			case x.HardLineBreak():
				b.WriteByte('\n')
			case x.SoftLineBreak():
				b.WriteByte(' ')
			}
		case *ast.String:
			b.Write(x.Value)
		case *ast.AutoLink:
			b.Write(x.Label(src))
		case *ast.RawHTML:
			// Inline tags carry no text of their own.
		default:
			inlineText(c, src, b)
		}
	}
}

// writeUnescaped writes Markdown text as a reader sees it: a backslash
// escape gives the punctuation it escapes, and an entity or numeric
// character reference ("&amp;", "&#35;", "&#x26;") the character it names
// (CommonMark 2.4 and 2.5). It decodes in one pass, so that "\&amp;" stays
// "&amp;" and "&#92;*" stays "\*", as in the rendered page.
func writeUnescaped(b *strings.Builder, s []byte) {
	for i := 0; i < len(s); {
		switch c := s[i]; {
		case c == '\\' && i+1 < len(s) && util.IsPunct(s[i+1]):
			b.WriteByte(s[i+1])
			i += 2
			continue
		case c == '&':
			if chars, n := charRef(s[i:]); n > 0 {
				// Like a browser, read a reference to a line break
				// ("&#10;", "&NewLine;") as a space: it is part of a line,
				// not the end of one.
				b.WriteString(strings.Map(lineBreakToSpace, chars))
				i += n
				continue
			}
		}
		b.WriteByte(s[i])
		i++
	}
}

// charRef decodes the character reference at the start of s, returning its
// characters and length, or a length of 0 when s does not start with one.
func charRef(s []byte) (string, int) {
	// The longest entity name has 31 letters; looking no further keeps a
	// text full of "&" linear.
	end := bytes.IndexByte(s[:min(len(s), 34)], ';')
	if end < 2 {
		return "", 0
	}
	body := string(s[1:end])
	if body[0] != '#' {
		for _, c := range []byte(body) {
			if !util.IsAlphaNumeric(c) {
				return "", 0
			}
		}
		e, ok := util.LookUpHTML5EntityByName(body)
		if !ok {
			return "", 0
		}
		return string(e.Characters), end + 1
	}
	digits, base, most := body[1:], 10, 7
	if len(digits) > 0 && (digits[0] == 'x' || digits[0] == 'X') {
		digits, base, most = digits[1:], 16, 6
	}
	if len(digits) == 0 || len(digits) > most {
		return "", 0
	}
	v, err := strconv.ParseUint(digits, base, 32)
	if err != nil {
		return "", 0
	}
	return string(util.ToValidRune(rune(v))), end + 1
}

func lineBreakToSpace(r rune) rune {
	if r == '\n' || r == '\r' {
		return ' '
	}
	return r
}
