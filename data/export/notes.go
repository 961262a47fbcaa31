package export

import (
	"bytes"
	"regexp"
	"strconv"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	extast "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"github.com/casebookapp/casebook/data/export/cite"
)

// noteMarkdown parses and renders notes. Line breaks the student typed are
// kept (hard wraps), bare web addresses become links, and HTML typed in a
// note is shown as text rather than run or dropped.
var noteMarkdown = goldmark.New(
	goldmark.WithExtensions(extension.Strikethrough, extension.Linkify),
	goldmark.WithRendererOptions(
		html.WithHardWraps(),
		// Priority below the HTML renderer's 1000, so these functions win.
		renderer.WithNodeRenderers(util.Prioritized(rawHTMLAsText{}, 100)),
	),
)

// noteHTML renders a note's Markdown as an HTML fragment.
func noteHTML(body string) string {
	var b bytes.Buffer
	if err := noteMarkdown.Convert([]byte(cleanText(body)), &b); err != nil {
		// Rendering into memory cannot fail; keep the text if it ever does.
		return "<p>" + htmlEscape(body) + "</p>"
	}
	return b.String()
}

// rawHTMLAsText renders HTML typed into a note as escaped text: the note
// stays intact, and a "<script>" stays inert.
type rawHTMLAsText struct{}

// RegisterFuncs implements renderer.NodeRenderer.
func (rawHTMLAsText) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindRawHTML, func(w util.BufWriter, source []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			segs := n.(*ast.RawHTML).Segments
			for i := range segs.Len() {
				seg := segs.At(i)
				_, _ = w.Write(util.EscapeHTML(seg.Value(source)))
			}
		}
		return ast.WalkSkipChildren, nil
	})
	// A link to anything but a web or mail address (javascript:, data:)
	// keeps its text and loses the link, rather than become href="", a link
	// to the page itself.
	reg.Register(ast.KindLink, func(w util.BufWriter, source []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		u := safeURL(string(n.(*ast.Link).Destination))
		switch {
		case u == "":
		case entering:
			_, _ = w.WriteString(`<a href="` + htmlEscape(u) + `">`)
		default:
			_, _ = w.WriteString("</a>")
		}
		return ast.WalkContinue, nil
	})
	reg.Register(ast.KindAutoLink, func(w util.BufWriter, source []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		l := n.(*ast.AutoLink)
		label := htmlEscape(string(l.Label(source)))
		if u := safeURL(string(l.URL(source))); u != "" {
			_, _ = w.WriteString(`<a href="` + htmlEscape(u) + `">` + label + `</a>`)
		} else {
			_, _ = w.WriteString(label)
		}
		return ast.WalkSkipChildren, nil
	})
	// A picture is shown as its alternative text: the export is
	// self-contained and loads nothing from elsewhere, and an unsafe source
	// never becomes <img src="">.
	reg.Register(ast.KindImage, func(w util.BufWriter, source []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		return ast.WalkContinue, nil
	})
	reg.Register(ast.KindHTMLBlock, func(w util.BufWriter, source []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		b := n.(*ast.HTMLBlock)
		if entering {
			_, _ = w.WriteString("<p>")
			lines := b.Lines()
			for i := range lines.Len() {
				line := lines.At(i)
				_, _ = w.Write(util.EscapeHTML(line.Value(source)))
			}
			if b.HasClosure() {
				_, _ = w.Write(util.EscapeHTML(b.ClosureLine.Value(source)))
			}
			_, _ = w.WriteString("</p>\n")
		}
		return ast.WalkSkipChildren, nil
	})
}

// block is a paragraph of a note, ready for a word processor.
type block struct {
	kind  blockKind
	level int // list nesting, from 1
	runs  []run
}

type blockKind int

const (
	blockText blockKind = iota
	blockQuote
	blockList
	blockCode
)

// run is text with one formatting.
type run struct {
	text                       string
	bold, italic, code, strike bool
	link                       string
	brk                        bool // a line break, not text
}

// noteBlocks parses a note's Markdown into paragraphs of formatted runs.
func noteBlocks(body string) []block {
	src := []byte(cleanText(body))
	doc := noteMarkdown.Parser().Parse(text.NewReader(src), parser.WithContext(parser.NewContext()))
	c := &blockConv{src: src}
	c.blocks(doc, blockText, 0)
	for i := range c.out {
		c.out[i].runs = mergeRuns(c.out[i].runs)
	}
	return c.out
}

// mergeRuns joins neighbouring runs with the same formatting, which the
// parser splits at escapes and entities, so that Word gets fewer runs.
func mergeRuns(rs []run) []run {
	var out []run
	for _, r := range rs {
		if n := len(out); n > 0 && !r.brk && !out[n-1].brk {
			prev, cur := out[n-1], r
			prev.text, cur.text = "", ""
			if prev == cur {
				out[n-1].text += r.text
				continue
			}
		}
		out = append(out, r)
	}
	return out
}

type blockConv struct {
	src []byte
	out []block
}

// blocks converts the block children of n.
func (c *blockConv) blocks(n ast.Node, kind blockKind, level int) {
	for ch := n.FirstChild(); ch != nil; ch = ch.NextSibling() {
		switch x := ch.(type) {
		case *ast.Blockquote:
			c.blocks(x, blockQuote, level)
		case *ast.List:
			num := x.Start
			for item := x.FirstChild(); item != nil; item = item.NextSibling() {
				marker := "• "
				if x.IsOrdered() {
					marker = strconv.Itoa(num) + ". "
					num++
				}
				start := len(c.out)
				c.blocks(item, blockList, level+1)
				if start < len(c.out) {
					b := &c.out[start]
					b.runs = append([]run{{text: marker}}, b.runs...)
				}
			}
		case *ast.FencedCodeBlock, *ast.CodeBlock, *ast.HTMLBlock:
			var s strings.Builder
			lines := ch.Lines()
			for i := range lines.Len() {
				line := lines.At(i)
				s.Write(line.Value(c.src))
			}
			if hb, ok := ch.(*ast.HTMLBlock); ok && hb.HasClosure() {
				s.Write(hb.ClosureLine.Value(c.src))
			}
			k := blockCode
			if _, ok := ch.(*ast.HTMLBlock); ok {
				k = kind
			}
			var runs []run
			for i, l := range strings.Split(strings.TrimRight(s.String(), "\n"), "\n") {
				if i > 0 {
					runs = append(runs, run{brk: true})
				}
				runs = append(runs, run{text: l, code: k == blockCode})
			}
			c.out = append(c.out, block{kind: k, level: level, runs: runs})
		case *ast.ThematicBreak:
			c.out = append(c.out, block{kind: kind, level: level, runs: []run{{text: "* * *"}}})
		case *ast.Heading:
			c.out = append(c.out, block{kind: kind, level: level, runs: c.inlines(x, run{bold: true})})
		case *ast.Paragraph, *ast.TextBlock:
			c.out = append(c.out, block{kind: kind, level: level, runs: c.inlines(x, run{})})
		default:
			c.blocks(ch, kind, level)
		}
	}
}

// inlines converts the inline children of n, each run starting from the
// formatting in style.
func (c *blockConv) inlines(n ast.Node, style run) []run {
	var out []run
	add := func(s string, st run) {
		if s == "" {
			return
		}
		st.text = s
		out = append(out, st)
	}
	for ch := n.FirstChild(); ch != nil; ch = ch.NextSibling() {
		switch x := ch.(type) {
		case *ast.Text:
			add(resolve(x.Value(c.src)), style)
			if x.SoftLineBreak() || x.HardLineBreak() {
				// Notes keep the line breaks the student typed.
				out = append(out, run{brk: true})
			}
		case *ast.String:
			add(resolve(x.Value), style)
		case *ast.CodeSpan:
			st := style
			st.code = true
			var s strings.Builder
			for t := x.FirstChild(); t != nil; t = t.NextSibling() {
				if tx, ok := t.(*ast.Text); ok {
					s.Write(tx.Value(c.src))
				}
			}
			add(s.String(), st)
		case *ast.Emphasis:
			st := style
			if x.Level >= 2 {
				st.bold = true
			} else {
				st.italic = true
			}
			out = append(out, c.inlines(x, st)...)
		case *extast.Strikethrough:
			st := style
			st.strike = true
			out = append(out, c.inlines(x, st)...)
		case *ast.Link:
			st := style
			st.link = safeURL(string(x.Destination))
			out = append(out, c.inlines(x, st)...)
		case *ast.AutoLink:
			st := style
			st.link = safeURL(string(x.URL(c.src)))
			add(string(x.Label(c.src)), st)
		case *ast.Image:
			// The alternative text stands in for the picture.
			out = append(out, c.inlines(x, style)...)
		case *ast.RawHTML:
			for i := range x.Segments.Len() {
				seg := x.Segments.At(i)
				add(string(seg.Value(c.src)), style)
			}
		default:
			out = append(out, c.inlines(ch, style)...)
		}
	}
	return out
}

// resolve turns Markdown text into what it displays: backslash escapes
// removed, entity references resolved.
func resolve(b []byte) string {
	return string(util.UnescapePunctuations(util.ResolveNumericReferences(util.ResolveEntityNames(b))))
}

// safeURL returns u, normalised, if it is a web address (as cite.WebURL
// takes it; "www.example.com" counts as one) or a plain mail address, and ""
// otherwise, so that a "javascript:" link in a note is never made clickable
// and no address can break out of the link that holds it.
func safeURL(u string) string {
	s := strings.TrimSpace(u)
	l := strings.ToLower(s)
	switch {
	case strings.HasPrefix(l, "www."):
		return cite.WebURL("http://" + s)
	case strings.HasPrefix(l, "mailto:"):
		if mailto.MatchString(s) {
			return "mailto:" + s[len("mailto:"):]
		}
		return ""
	}
	return cite.WebURL(s)
}

// mailto matches a mail link with nothing in it that would need escaping.
var mailto = regexp.MustCompile(`^(?i:mailto):[A-Za-z0-9.!#$&'*+/=?^_{|}~@%,;:-]+$`)

// noteMarkdownSafe writes a note again as Markdown made only of the safe
// subset the other formats render: paragraphs, block quotes, lists, code,
// emphasis, strikethrough and links to web or mail addresses. Everything
// else, raw HTML above all ("<script>", "<img onerror=...>"), becomes
// escaped text, and a "javascript:" link keeps only its text, so that
// nothing in a note, or in a note merged from a classmate, goes live when
// the Markdown is converted.
func noteMarkdownSafe(body string) string {
	var paras []string
	prevList := false // the last block written was a list item
	for _, b := range noteBlocks(body) {
		list := b.kind == blockList
		switch b.kind {
		case blockCode:
			var s strings.Builder
			for _, r := range b.runs {
				if r.brk {
					s.WriteString("\n")
				} else {
					s.WriteString(r.text)
				}
			}
			fence := "```"
			for strings.Contains(s.String(), fence) {
				fence += "`"
			}
			paras = append(paras, fence+"\n"+s.String()+"\n"+fence)
		case blockList:
			runs := b.runs
			marker := "- "
			if len(runs) > 0 && !runs[0].brk {
				if m := listMarker.FindString(runs[0].text); m != "" {
					if m != "• " {
						marker = m
					}
					runs = append([]run{{text: strings.TrimPrefix(runs[0].text, m)}}, runs[1:]...)
					runs[0].bold, runs[0].italic, runs[0].code, runs[0].strike, runs[0].link =
						b.runs[0].bold, b.runs[0].italic, b.runs[0].code, b.runs[0].strike, b.runs[0].link
				}
			}
			indent := strings.Repeat("    ", max(b.level-1, 0))
			text := strings.ReplaceAll(inlineMarkdown(runs), "\n", "\n"+indent+"    ")
			item := indent + marker + text
			// Items of one list follow each other without a blank line.
			if n := len(paras); n > 0 && prevList {
				paras[n-1] += "\n" + item
			} else {
				paras = append(paras, item)
			}
		case blockQuote:
			paras = append(paras, "> "+strings.ReplaceAll(inlineMarkdown(b.runs), "\n", "\n> "))
		default:
			paras = append(paras, inlineMarkdown(b.runs))
		}
		prevList = list
	}
	return strings.Join(paras, "\n\n")
}

// listMarker matches the marker noteBlocks puts before a list item.
var listMarker = regexp.MustCompile(`^(• |\d{1,9}\. )`)

// inlineMarkdown writes runs as Markdown, their text escaped.
func inlineMarkdown(rs []run) string {
	var b strings.Builder
	for _, r := range rs {
		if r.brk {
			b.WriteString("\\\n")
			continue
		}
		var s string
		if r.code {
			tick := "`"
			for strings.Contains(r.text, tick) {
				tick += "`"
			}
			s = tick + " " + r.text + " " + tick
		} else {
			s = cite.EscapeMarkdown(r.text)
			// A line break inside the text would start a new block.
			s = strings.ReplaceAll(s, "\n", " ")
		}
		if r.strike {
			s = "~~" + s + "~~"
		}
		if r.italic {
			s = "*" + s + "*"
		}
		if r.bold {
			s = "**" + s + "**"
		}
		if r.link != "" {
			s = "[" + s + "](<" + r.link + ">)"
		}
		b.WriteString(s)
	}
	return b.String()
}
