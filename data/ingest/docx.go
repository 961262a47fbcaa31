package ingest

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"io"
	"strings"

	"github.com/casebookapp/casebook/data"
)

// A Word document (.docx) is a zip archive of XML parts:
// word/document.xml holds the paragraphs, docProps/core.xml the document's
// properties (title, creator, created date). The standard library reads
// both; no Word library is needed for text.

// docxPart is the most a .docx part may hold once unzipped: a zip bomb must
// not fill the memory.
const docxPart = 64 << 20

// decodeDOCX extracts a Word document's paragraphs and properties. A
// paragraph styled as a title or heading becomes a block of its own; the
// first "Title" paragraph (or, without one, the first heading before any
// body text) is the title. The document's properties give the title,
// author and date when they hold them, but a "title" property that is a
// file name, or a creator that is an account name such as "Microsoft
// Office User", is ignored. The text then goes through Parse like a
// pasted article's, so that bylines, datelines and database fields are
// read the same way.
func decodeDOCX(name string, b []byte) (docxText string, meta data.Meta, err error) {
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		return "", meta, data.Errorf(data.EINVALID, "%s: this is not a Word document that Casebook can read (it is not a .docx archive)", name)
	}
	var doc, core []byte
	for _, f := range zr.File {
		switch f.Name {
		case "word/document.xml":
			doc, err = readZipPart(f)
		case "docProps/core.xml":
			core, err = readZipPart(f)
		}
		if err != nil {
			return "", meta, data.Errorf(data.EINVALID, "%s: the Word document is damaged (%v)", name, err)
		}
	}
	if doc == nil {
		return "", meta, data.Errorf(data.EINVALID, "%s: this is not a Word document that Casebook can read (it has no word/document.xml)", name)
	}
	paras, err := docxParagraphs(doc)
	if err != nil {
		return "", meta, data.Errorf(data.EINVALID, "%s: the Word document is damaged (%v)", name, err)
	}
	if core != nil {
		meta = docxCore(core)
	}
	if t := docxTitle(paras); t != "" {
		meta.Title = t
	}
	var blocks []string
	for _, p := range paras {
		if p.text = strings.TrimSpace(p.text); p.text != "" {
			blocks = append(blocks, p.text)
		}
	}
	return strings.Join(blocks, "\n\n"), meta, nil
}

func readZipPart(f *zip.File) ([]byte, error) {
	rc, err := f.Open()
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	b, err := io.ReadAll(io.LimitReader(rc, docxPart+1))
	if err != nil {
		return nil, err
	}
	if len(b) > docxPart {
		return nil, errTooLargePart
	}
	return b, nil
}

type docxErr string

func (e docxErr) Error() string { return string(e) }

const errTooLargePart = docxErr("a part is larger than 64 MB unpacked")

// docxPara is one paragraph of a Word document and its style.
type docxPara struct {
	style string
	text  string
}

// docxParagraphs reads the paragraphs (w:p) of word/document.xml in order,
// with their text runs (w:t), tabs and line breaks, and their style.
// Paragraphs inside tables come out one per cell paragraph.
func docxParagraphs(doc []byte) ([]docxPara, error) {
	dec := xml.NewDecoder(bytes.NewReader(doc))
	var out []docxPara
	var cur *docxPara
	var text strings.Builder
	inText, deleted := false, 0
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "p":
				out = append(out, docxPara{})
				cur = &out[len(out)-1]
				text.Reset()
			case "pStyle":
				if cur != nil {
					cur.style = xmlAttr(t, "val")
				}
			case "t":
				inText = true
			case "tab":
				if cur != nil {
					text.WriteByte(' ')
				}
			case "br", "cr":
				if cur != nil && xmlAttr(t, "type") != "page" {
					text.WriteByte('\n')
				}
			case "del", "delText":
				// Tracked deletions are not the document's text.
				deleted++
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "p":
				if cur != nil {
					cur.text = text.String()
				}
				cur = nil
			case "t":
				inText = false
			case "del", "delText":
				deleted--
			}
		case xml.CharData:
			if inText && cur != nil && deleted == 0 {
				text.Write(t)
			}
		}
	}
	return out, nil
}

func xmlAttr(e xml.StartElement, local string) string {
	for _, a := range e.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

// docxCore reads the document properties that cite it.
func docxCore(core []byte) data.Meta {
	var c struct {
		Title   string `xml:"title"`
		Creator string `xml:"creator"`
		Created string `xml:"created"`
	}
	if xml.Unmarshal(core, &c) != nil {
		return data.Meta{}
	}
	var m data.Meta
	if t := clean(c.Title); t != "" && !looksLikeFileName(t) {
		m.Title = t
	}
	if a := clean(c.Creator); a != "" && isPersonName(a) && !accountName(a) {
		m.Author = a
	}
	if ds := findDates(c.Created); len(ds) > 0 {
		m.Date = ds[0].iso
	}
	return m
}

// looksLikeFileName reports a title property that is a file's name
// ("Microsoft Word - article.docx").
func looksLikeFileName(s string) bool {
	l := strings.ToLower(s)
	return strings.HasPrefix(l, "microsoft word") || strings.HasSuffix(l, ".docx") || strings.HasSuffix(l, ".doc") ||
		strings.HasSuffix(l, ".pdf") || strings.HasSuffix(l, ".txt")
}

// accountName reports a creator property that names a program's user
// rather than a writer.
func accountName(s string) bool {
	l := strings.ToLower(s)
	for _, w := range []string{"user", "office", "admin", "windows", "microsoft", "owner", "author", "unknown", "library"} {
		if strings.Contains(l, w) {
			return true
		}
	}
	return false
}

// docxTitle returns the text of the document's Title-styled paragraph,
// or "".
func docxTitle(paras []docxPara) string {
	for _, p := range paras {
		s := strings.ToLower(p.style)
		if s == "title" {
			return clean(p.text)
		}
	}
	return ""
}
