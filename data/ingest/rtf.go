package ingest

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/casebookapp/casebook/data"
	"golang.org/x/text/encoding/charmap"
)

// Rich Text Format (.rtf), as Word, WordPad, TextEdit and news databases
// (Nexis Uni's "RTF" download) write it, is text with control words. The
// reader below keeps the text of the document's body: \par and \line end
// paragraphs and lines, \tab is a space, \'hh is a byte in the document's
// code page (Windows-1252 unless \ansicpg says another single-byte one),
// \uN is a Unicode character (its fallback characters skipped), and the
// groups that hold no text to read (font and colour tables, style sheets,
// pictures, fields' instructions, every "\*" destination) are skipped. The
// \info group's \title and \author give the metadata. No Go library for
// RTF is both maintained and small; this is the part of the format that
// text needs.

// rtfSkip are destinations whose text is not the document's.
var rtfSkip = map[string]bool{
	"fonttbl": true, "colortbl": true, "stylesheet": true, "listtable": true, "listoverridetable": true,
	"pict": true, "object": true, "fldinst": true, "themedata": true, "colorschememapping": true,
	"datastore": true, "latentstyles": true, "rsidtbl": true, "generator": true, "xmlnstbl": true,
	"header": true, "headerl": true, "headerr": true, "headerf": true, "footer": true, "footerl": true,
	"footerr": true, "footerf": true, "revtbl": true, "filetbl": true, "pgdsctbl": true, "mmathPr": true,
	"operator": true, "company": true, "comment": true, "keywords": true, "subject": true, "doccomm": true,
}

// decodeRTF extracts an RTF document's paragraphs and its title and author.
func decodeRTF(name string, b []byte) (string, data.Meta, error) {
	s := string(b)
	if !strings.HasPrefix(strings.TrimLeft(s, " \t\r\n\ufeff"), `{\rtf`) {
		return "", data.Meta{}, data.Errorf(data.EINVALID, "%s: this is not an RTF document (it does not start with {\\rtf)", name)
	}
	type group struct {
		skip    bool
		dest    string // "title", "author" or "" for the body
		ucSkip  int    // characters after \uN to skip
		started bool   // a control word has been read in the group
	}
	stack := []group{{ucSkip: 1}}
	var body, title, author strings.Builder
	cp := charmap.Windows1252
	pendingSkip := 0
	out := func(r rune) {
		g := stack[len(stack)-1]
		if g.skip {
			return
		}
		if pendingSkip > 0 {
			pendingSkip--
			return
		}
		switch g.dest {
		case "title":
			title.WriteRune(r)
		case "author":
			author.WriteRune(r)
		case "":
			body.WriteRune(r)
		}
	}
	depth := 0
	for i := 0; i < len(s); {
		c := s[i]
		switch c {
		case '{':
			depth++
			if depth > 200 {
				return "", data.Meta{}, data.Errorf(data.EINVALID, "%s: the RTF document is damaged (groups nested too deep)", name)
			}
			top := stack[len(stack)-1]
			stack = append(stack, group{skip: top.skip, dest: top.dest, ucSkip: top.ucSkip})
			i++
		case '}':
			depth--
			if len(stack) > 1 {
				stack = stack[:len(stack)-1]
			}
			i++
		case '\\':
			i++
			if i >= len(s) {
				break
			}
			c = s[i]
			switch {
			case c == '\'':
				// \'hh: a byte in the code page.
				if i+3 <= len(s) {
					if v, err := strconv.ParseUint(s[i+1:i+3], 16, 8); err == nil {
						r := cp.DecodeByte(byte(v))
						out(r)
					}
				}
				i += 3
			case c == '*':
				stack[len(stack)-1].skip = true
				i++
			case c == '\\' || c == '{' || c == '}':
				out(rune(c))
				i++
			case c == '~':
				out('\u00a0')
				i++
			case c == '-' || c == '_':
				if c == '_' {
					out('-')
				}
				i++
			case c == '\n' || c == '\r':
				out('\n')
				i++
			case isASCIILetter(c):
				j := i
				for j < len(s) && isASCIILetter(s[j]) {
					j++
				}
				word := s[i:j]
				k := j
				if k < len(s) && (s[k] == '-' || s[k] >= '0' && s[k] <= '9') {
					k++
					for k < len(s) && s[k] >= '0' && s[k] <= '9' {
						k++
					}
				}
				param, hasParam := 0, k > j
				if hasParam {
					param, _ = strconv.Atoi(s[j:k])
				}
				if k < len(s) && s[k] == ' ' {
					k++
				}
				i = k
				g := &stack[len(stack)-1]
				first := !g.started
				g.started = true
				switch word {
				case "par", "sect", "page":
					out('\n')
					out('\n')
				case "line":
					out('\n')
				case "tab", "cell":
					out(' ')
				case "row":
					out('\n')
				case "emdash":
					out('—')
				case "endash":
					out('–')
				case "lquote":
					out('‘')
				case "rquote":
					out('’')
				case "ldblquote":
					out('“')
				case "rdblquote":
					out('”')
				case "bullet":
					out('•')
				case "uc":
					g.ucSkip = param
				case "u":
					if hasParam {
						if param < 0 {
							param += 65536
						}
						r := rune(param)
						if !utf8.ValidRune(r) {
							r = utf8.RuneError
						}
						out(r)
						pendingSkip = g.ucSkip
					}
				case "ansicpg":
					if m := codePage(param); m != nil {
						cp = m
					}
				case "title", "author":
					if first {
						g.dest = word
					}
				case "info":
					g.dest = "info"
				default:
					if first && rtfSkip[word] {
						g.skip = true
					}
				}
			default:
				i++
			}
		case '\r', '\n':
			i++
		default:
			// Plain text up to the next special character.
			j := i
			for j < len(s) && s[j] != '{' && s[j] != '}' && s[j] != '\\' && s[j] != '\r' && s[j] != '\n' {
				j++
			}
			for _, r := range s[i:j] {
				out(r)
			}
			i = j
		}
	}
	var m data.Meta
	if t := clean(title.String()); t != "" && !looksLikeFileName(t) {
		m.Title = t
	}
	if a := clean(author.String()); isPersonName(a) && !accountName(a) {
		m.Author = a
	}
	return body.String(), m, nil
}

func isASCIILetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// codePage returns the single-byte Windows code page an RTF document
// declares, or nil for one Casebook does not know (the default,
// Windows-1252, is kept).
func codePage(n int) *charmap.Charmap {
	switch n {
	case 1250:
		return charmap.Windows1250
	case 1251:
		return charmap.Windows1251
	case 1252:
		return charmap.Windows1252
	case 1253:
		return charmap.Windows1253
	case 1254:
		return charmap.Windows1254
	case 1257:
		return charmap.Windows1257
	}
	return nil
}
