package ingest

import (
	"bytes"
	"context"
	"encoding/xml"
	"errors"
	"math"
	"os"
	"os/exec"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/casebookapp/casebook/data"
)

// PDF text comes from poppler's pdftotext (Debian package poppler-utils),
// run as "pdftotext -bbox-layout": it gives every line of text in reading
// order with its position on the page, and the document's properties.
// Casebook rebuilds the paragraphs from the positions: see pdfText.

// pdfTimeout bounds one run of pdftotext.
const pdfTimeout = 60 * time.Second

// pdftotextPath is the program run; tests may point it elsewhere.
var pdftotextPath = "pdftotext"

// decodePDF extracts a PDF's text in paragraphs and its properties.
func decodePDF(name string, b []byte) (string, data.Meta, error) {
	if !bytes.HasPrefix(bytes.TrimLeft(b, "\x00\t\r\n "), []byte("%PDF-")) {
		return "", data.Meta{}, data.Errorf(data.EINVALID, "%s: this is not a PDF file (it does not start as one)", name)
	}
	prog, err := exec.LookPath(pdftotextPath)
	if err != nil {
		return "", data.Meta{}, data.Errorf(data.EINVALID, "%s: reading PDF files needs the program pdftotext, which is not installed (on Debian or Ubuntu: apt install poppler-utils)", name)
	}
	f, err := os.CreateTemp("", "casebook-*.pdf")
	if err != nil {
		return "", data.Meta{}, data.Errorf(data.EINVALID, "%s: the PDF cannot be read (%v)", name, err)
	}
	defer os.Remove(f.Name())
	if _, err := f.Write(b); err != nil {
		f.Close()
		return "", data.Meta{}, data.Errorf(data.EINVALID, "%s: the PDF cannot be read (%v)", name, err)
	}
	f.Close()
	ctx, cancel := context.WithTimeout(context.Background(), pdfTimeout)
	defer cancel()
	var stderr bytes.Buffer
	cmd := exec.CommandContext(ctx, prog, "-q", "-enc", "UTF-8", "-bbox-layout", f.Name(), "-")
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		var ee *exec.ExitError
		switch {
		case ctx.Err() != nil:
			return "", data.Meta{}, data.Errorf(data.EINVALID, "%s: reading the PDF took too long", name)
		case errors.As(err, &ee) && ee.ExitCode() == 3:
			return "", data.Meta{}, data.Errorf(data.EINVALID, "%s: the PDF does not allow its text to be copied", name)
		}
		return "", data.Meta{}, data.Errorf(data.EINVALID, "%s: the PDF is damaged or cannot be read (%s)", name, strings.TrimSpace(firstLine(stderr.String(), err.Error())))
	}
	doc, err := parseBBox(out)
	if err != nil {
		return "", data.Meta{}, data.Errorf(data.EINVALID, "%s: the PDF's text cannot be read (%v)", name, err)
	}
	text := pdfText(doc)
	if strings.TrimFunc(text, isSpaceOrInvisible) == "" {
		return "", data.Meta{}, data.Errorf(data.EINVALID, "%s: this PDF has no text, only pictures (a scan?); Casebook cannot read text from pictures, so copy the article's text from its source instead", name)
	}
	if doc.meta.Source == "" {
		// A browser prints the page's address in the running footer
		// (or header): it is the article's address.
		doc.meta.Source = runningAddress(doc)
	}
	return text, doc.meta, nil
}

// runningAddress returns the first web address printed in the top or
// bottom tenth of a page, where a browser prints the page's address, or
// "".
func runningAddress(doc bboxDoc) string {
	for _, p := range doc.pages {
		for _, l := range p.lines {
			if p.height <= 0 || l.yMax >= p.height*0.1 && l.yMin <= p.height*0.9 {
				continue
			}
			if m := reURL.FindString(l.text); strings.Contains(m, "://") {
				return strings.TrimRight(m, ".,;:!?")
			}
		}
	}
	return ""
}

func firstLine(s, or string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return or
	}
	l, _, _ := strings.Cut(s, "\n")
	return l
}

// bboxDoc is what pdftotext -bbox-layout reports.
type bboxDoc struct {
	meta  data.Meta
	pages []bboxPage
}

type bboxPage struct {
	height float64
	lines  []bboxLine
}

type bboxLine struct {
	text       string
	xMin, xMax float64
	yMin, yMax float64
	block      int
}

// parseBBox reads pdftotext's XHTML: the <title> and <meta name="Author">
// of its head, and the lines of each page.
func parseBBox(out []byte) (bboxDoc, error) {
	var doc bboxDoc
	dec := xml.NewDecoder(bytes.NewReader(out))
	dec.Strict = false
	dec.Entity = xml.HTMLEntity
	var page *bboxPage
	var line *bboxLine
	var words []string
	inWord, inTitle, block := false, false, 0
	var title strings.Builder
	for {
		tok, err := dec.Token()
		if err != nil {
			if err.Error() == "EOF" {
				break
			}
			return doc, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "title":
				inTitle = true
			case "meta":
				if strings.EqualFold(xmlAttr(t, "name"), "Author") {
					doc.meta.Author = clean(xmlAttr(t, "content"))
				}
			case "page":
				doc.pages = append(doc.pages, bboxPage{height: atof(xmlAttr(t, "height"))})
				page = &doc.pages[len(doc.pages)-1]
			case "block":
				block++
			case "line":
				if page != nil {
					page.lines = append(page.lines, bboxLine{xMin: atof(xmlAttr(t, "xMin")), xMax: atof(xmlAttr(t, "xMax")),
						yMin: atof(xmlAttr(t, "yMin")), yMax: atof(xmlAttr(t, "yMax")), block: block})
					line = &page.lines[len(page.lines)-1]
					words = words[:0]
				}
			case "word":
				inWord = true
				words = append(words, "")
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "title":
				inTitle = false
			case "word":
				inWord = false
			case "line":
				if line != nil {
					line.text = clean(strings.Join(words, " "))
				}
				line = nil
			}
		case xml.CharData:
			switch {
			case inWord && len(words) > 0:
				words[len(words)-1] += string(t)
			case inTitle:
				title.Write(t)
			}
		}
	}
	if t := clean(title.String()); t != "" && !looksLikeFileName(t) && !strings.EqualFold(t, "untitled") && !strings.Contains(t, "://") {
		doc.meta.Title = t
	}
	if !isPersonName(doc.meta.Author) || accountName(doc.meta.Author) {
		doc.meta.Author = ""
	}
	return doc, nil
}

func atof(s string) float64 {
	f, _ := strconv.ParseFloat(s, 64)
	return f
}

// reNumberKey is a line with its digits blanked, to recognise "Page 2 of
// 7" and "Page 3 of 7" as the same running footer.
func numberKey(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if unicode.IsDigit(r) {
			if !strings.HasSuffix(b.String(), "#") {
				b.WriteByte('#')
			}
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

var (
	rePageCounter = regexp.MustCompile(`\s+\d+\s*/\s*\d+$`)
	rePrintTime   = regexp.MustCompile(`(?i)^\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4},?\s+\d{1,2}:\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?(?:\s|$)`)
)

// printStamp reports a line a browser adds when it prints a page, even
// on a document of one page where it does not repeat: the page's address
// (with the page counter, "https://… 1/3"), or the date and time it was
// printed, before the page's title ("10/1/24, 9:00 AM  Headline").
func printStamp(s string) bool {
	s = strings.TrimSpace(rePageCounter.ReplaceAllString(s, ""))
	if m := reURL.FindString(s); m != "" && m == s && strings.Contains(m, "://") {
		return true
	}
	return rePrintTime.MatchString(s)
}

// isPageNumber reports a line that is only a page number: "3", "- 3 -",
// "Page 3", "Page 3 of 7", "3 / 7".
func isPageNumber(s string) bool {
	k := strings.Trim(numberKey(s), " -–—|·.")
	switch k {
	case "#", "page #", "page # of #", "# of #", "# / #", "#/#", "p. #", "pg. #", "seite #", "página #":
		return true
	}
	return false
}

// pdfText rebuilds the document's paragraphs from its lines:
//
//  1. Running headers and footers go: a line in the top or bottom tenth of
//     its page whose text (digits aside) comes back in that band on
//     another page, and a page number there.
//  2. A paragraph ends where pdftotext's text block changes, after a line
//     that stops well short of the right margin, where the gap to the next
//     line is clearly wider than the usual line spacing, or where the
//     font's size changes.
//  3. A paragraph that ends a page without ending a sentence goes on at
//     the top of the next page.
//  4. Lines join with a space; a word hyphenated at a line's end is made
//     whole ("convic-" "tion" → "conviction") unless the document spells
//     it with the hyphen elsewhere ("well-known").
func pdfText(doc bboxDoc) string {
	// 1. Running headers and footers.
	seen := map[string]int{}
	band := func(p bboxPage, l bboxLine) bool {
		h := p.height
		if h <= 0 {
			return false
		}
		return l.yMax < h*0.1 || l.yMin > h*0.9
	}
	for _, p := range doc.pages {
		keys := map[string]bool{}
		for _, l := range p.lines {
			if band(p, l) {
				keys[numberKey(l.text)] = true
			}
		}
		for k := range keys {
			seen[k]++
		}
	}
	type pline struct {
		bboxLine
		page int
	}
	var lines []pline
	for i, p := range doc.pages {
		for _, l := range p.lines {
			if l.text == "" {
				continue
			}
			if band(p, l) && (isPageNumber(l.text) || printStamp(l.text) || len(doc.pages) > 1 && seen[numberKey(l.text)] > 1) {
				continue
			}
			lines = append(lines, pline{l, i})
		}
	}
	if len(lines) == 0 {
		return ""
	}
	// The usual spacing of lines of each size: the median gap between
	// consecutive lines of one block whose height rounds to it.
	gapsBySize := map[int][]float64{}
	for i := 1; i < len(lines); i++ {
		a, b := lines[i-1], lines[i]
		if a.page == b.page && a.block == b.block && b.yMin > a.yMin {
			k := int(math.Round(a.yMax - a.yMin))
			gapsBySize[k] = append(gapsBySize[k], b.yMin-a.yMin)
		}
	}
	spacingOf := map[int]float64{}
	for k, g := range gapsBySize {
		sort.Float64s(g)
		spacingOf[k] = g[len(g)/2]
	}
	// A full line reaches the right margin: the 90th percentile of the
	// lines' right ends.
	var rights []float64
	for _, l := range lines {
		rights = append(rights, l.xMax)
	}
	sort.Float64s(rights)
	margin := rights[len(rights)*9/10]
	// 2 and 3: paragraphs of lines.
	var paras [][]string
	var cur []string
	for i, l := range lines {
		if i > 0 {
			prev := lines[i-1]
			newPara := false
			switch {
			case l.page != prev.page:
				// 3. Across a page break, a paragraph goes on when its
				// sentence does.
				newPara = endsSentence(prev.text)
			case l.block != prev.block:
				newPara = true
			case prev.xMax < margin*0.75 && !strings.HasSuffix(prev.text, "-"):
				// A line that stops well short of the margin ends its
				// paragraph (or is a line of its own: a byline, a date).
				newPara = true
			default:
				gap := l.yMin - prev.yMin
				spacing := spacingOf[int(math.Round(prev.yMax-prev.yMin))]
				newPara = spacing > 0 && (gap > spacing*1.3 || gap < 0) || math.Abs((l.yMax-l.yMin)-(prev.yMax-prev.yMin)) > 0.25*(prev.yMax-prev.yMin)
			}
			if newPara && len(cur) > 0 {
				paras = append(paras, cur)
				cur = nil
			}
		}
		cur = append(cur, l.text)
	}
	if len(cur) > 0 {
		paras = append(paras, cur)
	}
	// 4. Joining lines, hyphens undone.
	spelled := map[string]bool{}
	for _, l := range lines {
		for _, w := range strings.Fields(l.text) {
			spelled[strings.ToLower(strings.Trim(w, ".,;:!?\"'“”‘’()"))] = true
		}
	}
	blocks := make([]string, 0, len(paras))
	for _, p := range paras {
		var b strings.Builder
		for i, s := range p {
			if i > 0 {
				prev := p[i-1]
				if hyphenatedBreak(prev, s, spelled) {
					// Drop the hyphen written already.
					str := b.String()
					b.Reset()
					b.WriteString(strings.TrimSuffix(str, "-"))
				} else if !strings.HasSuffix(prev, "-") || !startsLower(s) {
					b.WriteByte(' ')
				}
			}
			b.WriteString(s)
		}
		blocks = append(blocks, b.String())
	}
	return strings.Join(blocks, "\n\n")
}

// hyphenatedBreak reports a word cut by a hyphen at a line's end: the
// line ends in a letter and "-", the next starts in lower case, and the
// document does not spell the word with its hyphen elsewhere.
func hyphenatedBreak(line, next string, spelled map[string]bool) bool {
	if !strings.HasSuffix(line, "-") || strings.HasSuffix(line, "--") || !startsLower(next) {
		return false
	}
	before, _ := utf8.DecodeLastRuneInString(strings.TrimSuffix(line, "-"))
	if !unicode.IsLetter(before) {
		return false
	}
	head := line[strings.LastIndexAny(line, " ")+1:]
	tail, _, _ := strings.Cut(next, " ")
	tail = strings.TrimRight(tail, ".,;:!?\"'“”‘’()")
	return !spelled[strings.ToLower(head+tail)]
}
