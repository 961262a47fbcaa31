package ingest

import (
	"bytes"
	"fmt"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/casebookapp/casebook/data"
	"github.com/go-pdf/fpdf"
)

// pdfDoc describes a PDF to make for a test: what a student gets when a
// news site or a database prints an article.
type pdfDoc struct {
	title, author, subject string // the document's properties
	created                string // "2016-04-19"
	header                 string // the running header on every page
	address                string // the page's address, printed in the footer as a browser does
	headline, byline, date string // the first page's top
	paras                  []string
	noText                 bool // a scanned page: a picture, no text
}

// makePDF typesets the document with fpdf: Helvetica 11 pt on A4, the
// headline in bold, paragraphs wrapped at the margin with long words
// hyphenated at the line's end, a running header and "Page N of M" footer
// on every page. It reports false when the text needs characters the
// standard PDF fonts lack (CJK, for example).
func makePDF(t testing.TB, d pdfDoc) ([]byte, bool) {
	t.Helper()
	pdf := fpdf.New("P", "mm", "A4", "")
	tr := pdf.UnicodeTranslatorFromDescriptor("")
	for _, s := range append([]string{d.title, d.author, d.headline, d.byline, d.header, d.date}, d.paras...) {
		if !cp1252(s) {
			return nil, false
		}
	}
	pdf.SetTitle(d.title, true)
	pdf.SetAuthor(d.author, true)
	pdf.SetSubject(d.subject, true)
	if d.created != "" {
		var y, m, day int
		fmt.Sscanf(d.created, "%d-%d-%d", &y, &m, &day)
		pdf.SetCreationDate(timeOf(y, m, day))
	}
	pdf.AliasNbPages("{nb}")
	pdf.SetHeaderFunc(func() {
		if d.header == "" {
			return
		}
		pdf.SetFont("Helvetica", "", 8)
		pdf.SetXY(20, 10)
		pdf.CellFormat(170, 5, tr(d.header), "", 0, "L", false, 0, "")
		pdf.SetXY(20, 20)
	})
	pdf.SetFooterFunc(func() {
		pdf.SetFont("Helvetica", "", 8)
		pdf.SetXY(20, -15)
		if d.address != "" {
			// A browser's print footer: the address left, "2/5" right.
			pdf.CellFormat(150, 5, tr(d.address), "", 0, "L", false, 0, "")
			pdf.CellFormat(20, 5, fmt.Sprintf("%d/{nb}", pdf.PageNo()), "", 0, "R", false, 0, "")
			return
		}
		pdf.CellFormat(170, 5, fmt.Sprintf("Page %d of {nb}", pdf.PageNo()), "", 0, "C", false, 0, "")
	})
	pdf.SetMargins(20, 20, 20)
	pdf.SetAutoPageBreak(true, 22)
	pdf.AddPage()
	if d.noText {
		pdf.SetFillColor(200, 200, 200)
		pdf.Rect(20, 20, 170, 250, "F")
		var buf bytes.Buffer
		if err := pdf.Output(&buf); err != nil {
			t.Fatal(err)
		}
		return buf.Bytes(), true
	}
	if d.headline != "" {
		pdf.SetFont("Helvetica", "B", 18)
		pdf.MultiCell(170, 8, tr(d.headline), "", "L", false)
		pdf.Ln(2)
	}
	pdf.SetFont("Helvetica", "", 10)
	for _, s := range []string{d.byline, d.date} {
		if s != "" {
			pdf.MultiCell(170, 5, tr(s), "", "L", false)
		}
	}
	pdf.Ln(4)
	pdf.SetFont("Helvetica", "", 11)
	for _, p := range d.paras {
		for _, line := range wrapHyphenated(pdf, p, 170) {
			pdf.CellFormat(170, 5.5, tr(line), "", 1, "L", false, 0, "")
		}
		pdf.Ln(3)
	}
	var buf bytes.Buffer
	if err := pdf.Output(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes(), true
}

// wrapHyphenated breaks a paragraph into lines no wider than width,
// hyphenating a word of eight letters or more that does not fit.
func wrapHyphenated(pdf *fpdf.Fpdf, text string, width float64) []string {
	var lines []string
	line := ""
	for _, w := range strings.Fields(text) {
		try := w
		if line != "" {
			try = line + " " + w
		}
		if pdf.GetStringWidth(try) <= width {
			line = try
			continue
		}
		r := []rune(w)
		split := false
		if len(r) >= 8 && line != "" && isLetters(r) {
			for cut := len(r) - 3; cut >= 4; cut-- {
				head := line + " " + string(r[:cut]) + "-"
				if pdf.GetStringWidth(head) <= width {
					lines = append(lines, head)
					line = string(r[cut:])
					split = true
					break
				}
			}
		}
		if !split {
			if line != "" {
				lines = append(lines, line)
			}
			line = w
		}
	}
	if line != "" {
		lines = append(lines, line)
	}
	return lines
}

func isLetters(r []rune) bool {
	for _, c := range r {
		if !('a' <= c && c <= 'z') {
			return false
		}
	}
	return true
}

// cp1252 reports text the standard PDF fonts can show.
func cp1252(s string) bool {
	for _, r := range s {
		if r < 0x80 || r >= 0xA0 && r <= 0xFF {
			continue
		}
		if !strings.ContainsRune("€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ", r) {
			return false
		}
	}
	return true
}

func timeOf(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 12, 0, 0, 0, time.UTC) }

func TestDecodePDF(t *testing.T) {
	requirePdftotext(t)
	var paras []string
	for i := 0; i < 6; i++ {
		for _, p := range sampleArticle {
			paras = append(paras, fmt.Sprintf("In part %d of the story: %s", i+1, p))
		}
	}
	paras = append(paras, "The well-known advocate said the so-called compromise satisfied nobody in the neighbourhood of East New York.")
	b, _ := makePDF(t, pdfDoc{title: "Ex-Officer Gets Probation | Brooklyn Daily Eagle", created: "2024-01-01", header: "Brooklyn Daily Eagle — printed 1/1/2024",
		headline: "Ex-Officer Gets Probation in Stairwell Shooting", byline: "By Jane Doe", date: "April 19, 2016", paras: paras})
	a, err := decode("ledger.pdf", b)
	if err != nil {
		t.Fatal(err)
	}
	want := data.Meta{Title: "Ex-Officer Gets Probation in Stairwell Shooting", Author: "Jane Doe", Outlet: "Brooklyn Daily Eagle", Date: "2016-04-19", Source: "ledger.pdf"}
	if a.Meta != want {
		t.Errorf("Meta = %+v\nwant %+v", a.Meta, want)
	}
	var body []string
	for _, p := range a.Passages {
		switch {
		case p.Kind == data.KindBody:
			body = append(body, p.Text)
		case strings.Contains(p.Text, "printed") || strings.Contains(p.Text, "Page "):
			t.Errorf("running header or footer kept: %q", p.Text)
		}
	}
	if strings.Join(body, "\n") != strings.Join(paras, "\n") {
		t.Errorf("body paragraphs differ from the article's (hyphens, page breaks):\n%s", strings.Join(body, "\n"))
	}
}

func TestDecodeScannedPDF(t *testing.T) {
	requirePdftotext(t)
	b, _ := makePDF(t, pdfDoc{noText: true})
	_, err := decode("scan.pdf", b)
	if err == nil || !strings.Contains(err.Error(), "no text, only pictures") || !strings.Contains(err.Error(), "scan.pdf") {
		t.Errorf("err = %v, want a plain word that the scan has no text", err)
	}
	_, err = decode("fake.pdf", []byte("%PDF-1.4 nothing else"))
	if err == nil || !strings.Contains(err.Error(), "fake.pdf") {
		t.Errorf("err = %v, want one naming the damaged file", err)
	}
	_, err = decode("text.pdf", []byte("hello"))
	if err == nil || !strings.Contains(err.Error(), "not a PDF") {
		t.Errorf("err = %v", err)
	}
}

func TestPDFWithoutPdftotext(t *testing.T) {
	old := pdftotextPath
	pdftotextPath = "casebook-no-such-program"
	defer func() { pdftotextPath = old }()
	_, err := decode("a.pdf", []byte("%PDF-1.4"))
	if err == nil || !strings.Contains(err.Error(), "poppler-utils") {
		t.Errorf("err = %v, want one that says what to install", err)
	}
}

func requirePdftotext(t testing.TB) {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("SKIPPED LOUDLY: pdftotext (Debian poppler-utils) is missing, so PDF import is not tested; make test-deps installs it")
	}
}

// pdfOfPage prints a pages-dev article as a browser would: the page's
// <title> as the document's title, a running header with the date and
// the title, the headline, the byline and the article's paragraphs,
// hyphenated, over several pages, and the page's address (when the saved
// page states it) with "n/m" in the footer.
func pdfOfPage(t testing.TB, p page) ([]byte, bool) {
	d := pdfDoc{title: p.title, header: "10/1/24, 9:00 AM    " + p.title, created: "2024-10-01", address: p.address}
	d.headline, _, _ = strings.Cut(p.title, " | ")
	if p.authors != nil {
		d.byline = "By " + titleCaseNames(p.authors)
	}
	for _, block := range strings.Split(p.expected, "\n\n") {
		if block = strings.TrimSpace(block); block != "" {
			d.paras = append(d.paras, block)
		}
	}
	return makePDF(t, d)
}

// TestPDFFigures measures the import of pages-dev articles printed to
// PDF. Pages whose text the standard PDF fonts cannot show (CJK) are left
// out and counted.
func TestPDFFigures(t *testing.T) {
	requirePdftotext(t)
	pages := loadPages(t)
	var printable []page
	for _, p := range pages {
		if _, ok := pdfOfPage(t, p); ok {
			printable = append(printable, p)
		}
	}
	t.Logf("pdf: %d of %d pages printable with the standard fonts", len(printable), len(pages))
	dev, held := measure(t, "pdf", printable, func(p page) (data.NewArticle, error) {
		b, _ := pdfOfPage(t, p)
		return decode(p.name+".pdf", b)
	})
	checkFloors(t, "dev", dev, pdfFloors)
	checkFloors(t, "held-out", held, pdfFloors)
}

var pdfFloors = floors{title: 85, author: 85, precision: 98, recall: 97}

func FuzzPDFText(f *testing.F) {
	f.Add([]byte(`<html><head><title>T</title><meta name="Author" content="Jane Doe"/></head><body><doc><page width="595" height="842"><flow><block><line xMin="50" yMin="30" xMax="500" yMax="40"><word>Page</word><word>1</word></line><line xMin="50" yMin="100" xMax="540" yMax="110"><word>convic-</word></line><line xMin="50" yMin="115" xMax="300" yMax="125"><word>tion</word><word>came.</word></line></block></flow></page></doc></body></html>`))
	f.Add([]byte(`<page height="0"><line yMin="x"><word>a</word></line></page>`))
	f.Fuzz(func(t *testing.T, b []byte) {
		doc, err := parseBBox(b)
		if err != nil {
			return
		}
		text := pdfText(doc)
		if strings.Contains(text, "\n\n\n") {
			t.Fatalf("empty paragraph in %q", text)
		}
	})
}

// TestPDFPrintedByBrowser checks a one-page PDF a browser printed: the
// print stamps (date and title above, address and "1/1" below) are not
// repeated on another page but are still no part of the article, and the
// address becomes the article's Source and names its outlet.
func TestPDFPrintedByBrowser(t *testing.T) {
	requirePdftotext(t)
	const addr = "https://www.nbcnews.com/news/asian-america/officer-sentenced-n558316"
	b, _ := makePDF(t, pdfDoc{title: "Ex-Officer Gets Probation", header: "4/19/16, 3:12 PM    Ex-Officer Gets Probation", address: addr,
		headline: "Ex-Officer Gets Probation in Stairwell Shooting", byline: "By Jane Doe", paras: sampleArticle})
	a, err := decode("printed.pdf", b)
	if err != nil {
		t.Fatal(err)
	}
	if a.Source != addr || a.Outlet != "NBC News" {
		t.Errorf("Source, Outlet = %q, %q; want %q, %q", a.Source, a.Outlet, addr, "NBC News")
	}
	for _, p := range a.Passages {
		if p.Kind.Numbered() && (strings.Contains(p.Text, "nbcnews.com") || strings.Contains(p.Text, "3:12 PM") || strings.TrimSpace(p.Text) == "1/1") {
			t.Errorf("a print stamp is body text: %q", p.Text)
		}
	}
	for _, tt := range []struct {
		line string
		want bool
	}{
		{addr + " 1/3", true}, {"10/1/24, 9:00 AM Headline | Site", true}, {"2024-10-01 09:00 Headline", true},
		{"Read more at https://example.com/story about the case", false}, {"4/19/16 was the day of the sentencing", false},
	} {
		if got := printStamp(tt.line); got != tt.want {
			t.Errorf("printStamp(%q) = %v, want %v", tt.line, got, tt.want)
		}
	}
}
