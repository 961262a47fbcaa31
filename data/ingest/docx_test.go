package ingest

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"strings"
	"testing"

	"github.com/casebookapp/casebook/data"
)

// docxDoc describes a Word document to make for a test.
type docxDoc struct {
	title, creator, created string // core properties
	paras                   []docxPara
}

// makeDOCX writes a minimal but complete .docx: content types, package
// relationships, the document (paragraphs with their styles, each text
// split into two runs as Word does at edits) and the core properties.
func makeDOCX(t testing.TB, d docxDoc) []byte {
	t.Helper()
	esc := func(s string) string {
		var b bytes.Buffer
		if err := xml.EscapeText(&b, []byte(s)); err != nil {
			t.Fatal(err)
		}
		return b.String()
	}
	var body strings.Builder
	for _, p := range d.paras {
		body.WriteString("<w:p>")
		if p.style != "" {
			fmt.Fprintf(&body, `<w:pPr><w:pStyle w:val="%s"/></w:pPr>`, p.style)
		}
		lines := strings.Split(p.text, "\n")
		for i, line := range lines {
			if i > 0 {
				body.WriteString("<w:r><w:br/></w:r>")
			}
			cut := len(line) / 2
			for cut > 0 && cut < len(line) && line[cut]&0xC0 == 0x80 {
				cut++
			}
			fmt.Fprintf(&body, `<w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">%s</w:t></w:r><w:r><w:t xml:space="preserve">%s</w:t></w:r>`,
				esc(line[:cut]), esc(line[cut:]))
		}
		body.WriteString("</w:p>")
	}
	files := []struct{ name, body string }{
		{"[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>`},
		{"_rels/.rels", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>`},
		{"word/document.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>` + body.String() + `<w:sectPr/></w:body></w:document>`},
		{"docProps/core.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>` +
			esc(d.title) + `</dc:title><dc:creator>` + esc(d.creator) + `</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">` + esc(d.created) + `</dcterms:created></cp:coreProperties>`},
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range files {
		w, err := zw.Create(f.name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte(f.body)); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestDecodeDOCX(t *testing.T) {
	doc := makeDOCX(t, docxDoc{
		title: "Liang Sentenced to Probation", creator: "Jane Doe", created: "2016-04-19T17:00:00Z",
		paras: []docxPara{
			{style: "Title", text: "Liang Sentenced to Probation"},
			{text: "By Jane Doe, NBC News"},
			{style: "Heading1", text: "The sentence"},
			{text: "A judge sentenced former officer Peter Liang to five years of probation on Tuesday."},
			{text: "Supporters and critics gathered\noutside the courthouse."},
			{text: "   "},
			{text: "Tracked <changes> & “quotes” stay as typed."},
		},
	})
	a, err := decode("article.docx", doc)
	if err != nil {
		t.Fatal(err)
	}
	// The created property is the day the file was saved: the text does
	// not print it, so it is not taken for the article's date (see
	// TestDocumentPropertiesOfTheStudent).
	want := data.Meta{Title: "Liang Sentenced to Probation", Author: "Jane Doe", Outlet: "NBC News", Source: "article.docx"}
	if a.Meta != want {
		t.Errorf("Meta = %+v\nwant %+v", a.Meta, want)
	}
	wantKinds := []data.Kind{kT, kY, kB, kB, kB, kB}
	if !equalKinds(kinds(a), wantKinds) {
		t.Errorf("kinds = %v, want %v", kinds(a), wantKinds)
		dumpPassages(t, a)
	}
	for _, s := range []string{"Supporters and critics gathered outside the courthouse.", "Tracked <changes> & “quotes” stay as typed."} {
		found := false
		for _, p := range a.Passages {
			found = found || p.Text == s
		}
		if !found {
			t.Errorf("no passage %q", s)
			dumpPassages(t, a)
		}
	}
	if a.Origin != "article.docx" || !strings.Contains(a.Original, "A judge sentenced") {
		t.Errorf("Origin %q, Original %q", a.Origin, a.Original)
	}
}

// A creator property that is an account's name and a title property that
// is a file's name are not the article's.
func TestDecodeDOCXIgnoresAccountNames(t *testing.T) {
	doc := makeDOCX(t, docxDoc{
		title: "Microsoft Word - liang.docx", creator: "Microsoft Office User",
		paras: []docxPara{{text: "Officer Sentenced in Stairwell Death"}, {text: "The former officer was sentenced to probation and community service on Tuesday."}},
	})
	a, err := decode("liang.docx", doc)
	if err != nil {
		t.Fatal(err)
	}
	if a.Title != "Officer Sentenced in Stairwell Death" || a.Author != "" {
		t.Errorf("Title %q, Author %q", a.Title, a.Author)
	}
}

func TestDecodeDOCXErrors(t *testing.T) {
	tests := map[string]struct {
		b    []byte
		want string
	}{
		"not a zip":     {[]byte("hello, this is not a zip archive at all"), "not a .docx archive"},
		"zip, no doc":   {zipOf(t, "other.xml", "<x/>"), "no word/document.xml"},
		"damaged XML":   {zipOf(t, "word/document.xml", "<w:document><w:body><w:p>"), "damaged"},
		"no paragraphs": {zipOf(t, "word/document.xml", `<w:document xmlns:w="w"><w:body></w:body></w:document>`), "has no text"},
	}
	for name, tt := range tests {
		_, err := decode("x.docx", tt.b)
		if err == nil || !strings.Contains(err.Error(), tt.want) || !strings.Contains(err.Error(), "x.docx") {
			t.Errorf("%s: err = %v, want one naming the file and %q", name, err, tt.want)
		}
	}
}

func zipOf(t testing.TB, name, body string) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, err := zw.Create(name)
	if err != nil {
		t.Fatal(err)
	}
	w.Write([]byte(body))
	zw.Close()
	return buf.Bytes()
}

func FuzzDecodeDOCX(f *testing.F) {
	f.Add(makeDOCX(f, docxDoc{paras: []docxPara{{style: "Title", text: "A"}, {text: "b c d"}}}))
	f.Add(zipOf(f, "word/document.xml", "<w:p><w:t>x</w:t></w:p>"))
	f.Fuzz(func(t *testing.T, b []byte) {
		a, err := decode("f.docx", b)
		if err != nil {
			if data.ErrorCode(err) != data.EINVALID {
				t.Fatalf("error code %v for %v", data.ErrorCode(err), err)
			}
			return
		}
		for _, p := range a.Passages {
			if strings.TrimSpace(p.Text) == "" {
				t.Fatal("empty passage")
			}
		}
	})
}

// docxOfPage makes the Word document a student would have of a page: the
// headline styled as a title, the byline, the article's paragraphs, and
// the core properties Word fills in (the student's account as creator).
func docxOfPage(t testing.TB, p page, byline string) []byte {
	d := docxDoc{creator: "Student", created: "2024-10-01T09:00:00Z"}
	title, _, _ := strings.Cut(p.title, " | ")
	if title != "" {
		d.paras = append(d.paras, docxPara{style: "Title", text: title})
	}
	if byline != "" {
		d.paras = append(d.paras, docxPara{text: "By " + byline})
	}
	for _, block := range strings.Split(p.expected, "\n\n") {
		if block = strings.TrimSpace(block); block != "" {
			d.paras = append(d.paras, docxPara{text: block})
		}
	}
	return makeDOCX(t, d)
}

// TestDOCXFigures measures the import of Word documents made from
// pages-dev two ways: the article saved as a document (title, byline,
// paragraphs), and the whole page's copy pasted into Word.
func TestDOCXFigures(t *testing.T) {
	pages := loadPages(t)
	bylines := map[string]string{}
	for _, p := range pages {
		bylines[p.name] = strings.Join(p.authors, " and ")
	}
	dev, held := measure(t, "docx", pages, func(p page) (data.NewArticle, error) {
		by := ""
		if p.authors != nil {
			by = titleCaseNames(p.authors)
		}
		return decode(p.name+".docx", docxOfPage(t, p, by))
	})
	checkFloors(t, "dev", dev, docxFloors)
	checkFloors(t, "held-out", held, docxFloors)
	dev, held = measure(t, "docx-paste", pages, func(p page) (data.NewArticle, error) {
		var d docxDoc
		for _, block := range strings.Split(p.text, "\n\n") {
			if block = strings.TrimSpace(block); block != "" {
				d.paras = append(d.paras, docxPara{text: block})
			}
		}
		return decode(p.name+".docx", makeDOCX(t, d))
	})
	checkFloors(t, "dev (pasted)", dev, pastedFloors)
	checkFloors(t, "held-out (pasted)", held, pastedFloors)
}

var docxFloors = floors{title: 95, author: 80, precision: 99, recall: 95}

// titleCaseNames writes normalised names ("jane doe") as a byline does.
func titleCaseNames(names []string) string {
	var out []string
	for _, n := range names {
		words := strings.Fields(n)
		for i, w := range words {
			r := []rune(w)
			r[0] = []rune(strings.ToUpper(string(r[0])))[0]
			words[i] = string(r)
		}
		out = append(out, strings.Join(words, " "))
	}
	return strings.Join(out, " and ")
}

// TestDocumentPropertiesOfTheStudent imports the Word document a student
// makes by pasting an article into Word: its creator property is the
// student's own account ("Sam Student", a person's name) and its created
// date the day they saved it. Neither is the article's: the byline and
// the date the text prints are, and where the text names no author the
// import reports it unknown rather than citing the student.
func TestDocumentPropertiesOfTheStudent(t *testing.T) {
	body := []docxPara{{text: "The former officer was sentenced to probation and community service on Tuesday, the judge said."}, {text: "Supporters and critics gathered outside the courthouse in Brooklyn after the hearing."}}
	tests := []struct {
		name  string
		paras []docxPara
		want  data.Meta
	}{
		{"byline and date in the text",
			append([]docxPara{{style: "Title", text: "Officer Sentenced in Stairwell Death"}, {text: "By Jane Roe"}, {text: "April 20, 2016"}}, body...),
			data.Meta{Title: "Officer Sentenced in Stairwell Death", Author: "Jane Roe", Date: "2016-04-20", Source: "liang.docx"}},
		{"no byline, no date in the text",
			append([]docxPara{{style: "Title", text: "Officer Sentenced in Stairwell Death"}}, body...),
			data.Meta{Title: "Officer Sentenced in Stairwell Death", Source: "liang.docx"}},
	}
	for _, tt := range tests {
		doc := makeDOCX(t, docxDoc{creator: "Sam Student", created: "2026-11-30T10:00:00Z", paras: tt.paras})
		a, err := decode("liang.docx", doc)
		if err != nil {
			t.Fatal(err)
		}
		if a.Meta != tt.want {
			t.Errorf("%s: Meta = %+v\nwant %+v", tt.name, a.Meta, tt.want)
		}
	}
	// The same with an RTF document's \author.
	rtf := strings.Replace(sampleRTF, `{\author Jane Doe}`, `{\author Sam Student}`, 1)
	a, err := decode("liang.rtf", []byte(rtf))
	if err != nil {
		t.Fatal(err)
	}
	if a.Author != "Jane Doe" {
		t.Errorf("RTF: Author = %q, want the byline's %q, not the file's author property", a.Author, "Jane Doe")
	}
}
