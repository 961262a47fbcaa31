package export

// DOCX is written here as minimal WordprocessingML with archive/zip and
// encoding/xml's escaping, rather than with github.com/gomutex/godocx or
// github.com/fumiama/go-docx. Neither writes footnotes, which Chicago's
// notes-bibliography style needs as real, numbered Word footnotes; fumiama's
// template names its styles "a", "a0"... so Word's Navigation pane and
// "Heading 1" do not recognise them; and godocx is a pre-1.0 pseudo-version.
// The parts written are few (document, styles, settings, footnotes, footer,
// core properties) and the tests parse every one of them.

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/casebookapp/casebook/data/export/cite"
)

const (
	nsW   = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
	nsR   = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
	relNS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
)

// docx accumulates the parts of a Word document.
type docx struct {
	body  bytes.Buffer
	foot  bytes.Buffer
	links map[string]string // URL to relationship id
	order []string          // URLs in the order of their ids
	notes int
}

// xmlText escapes s for XML character data, without the characters XML 1.0
// cannot carry at all (most C0 controls), which Word would refuse.
func xmlText(s string) string {
	var b strings.Builder
	_ = xml.EscapeText(&b, []byte(cleanText(s)))
	return b.String()
}

// rPr is the run formatting Casebook uses.
type rPr struct {
	style                      string
	bold, italic, code, strike bool
	colour                     string // "RRGGBB" text colour
	shade                      string // "RRGGBB" background
	size                       int    // half-points
}

func (p rPr) xml() string {
	var b strings.Builder
	if p.style != "" {
		b.WriteString(`<w:rStyle w:val="` + p.style + `"/>`)
	}
	if p.code {
		b.WriteString(`<w:rFonts w:ascii="Courier New" w:hAnsi="Courier New" w:cs="Courier New"/>`)
	}
	if p.bold {
		b.WriteString(`<w:b/><w:bCs/>`)
	}
	if p.italic {
		b.WriteString(`<w:i/><w:iCs/>`)
	}
	if p.strike {
		b.WriteString(`<w:strike/>`)
	}
	if p.colour != "" {
		b.WriteString(`<w:color w:val="` + p.colour + `"/>`)
	}
	if p.size != 0 {
		s := strconv.Itoa(p.size)
		b.WriteString(`<w:sz w:val="` + s + `"/><w:szCs w:val="` + s + `"/>`)
	}
	if p.shade != "" {
		b.WriteString(`<w:shd w:val="clear" w:color="auto" w:fill="` + p.shade + `"/>`)
	}
	if b.Len() == 0 {
		return ""
	}
	return "<w:rPr>" + b.String() + "</w:rPr>"
}

// runs writes text as runs: newlines become line breaks and tabs tabs.
func runs(b *bytes.Buffer, s string, p rPr) {
	s = cleanText(s)
	if s == "" {
		return
	}
	props := p.xml()
	b.WriteString("<w:r>" + props)
	for i, line := range strings.Split(s, "\n") {
		if i > 0 {
			b.WriteString("<w:br/>")
		}
		for j, part := range strings.Split(line, "\t") {
			if j > 0 {
				b.WriteString("<w:tab/>")
			}
			if part != "" {
				b.WriteString(`<w:t xml:space="preserve">` + xmlText(part) + `</w:t>`)
			}
		}
	}
	b.WriteString("</w:r>")
}

// link writes a hyperlink to url showing text.
func (d *docx) link(b *bytes.Buffer, text, url string, p rPr) {
	id, ok := d.links[url]
	if !ok {
		id = "rIdL" + strconv.Itoa(len(d.order)+1)
		d.links[url] = id
		d.order = append(d.order, url)
	}
	b.WriteString(`<w:hyperlink r:id="` + id + `" w:history="1">`)
	p.style = "Hyperlink"
	runs(b, text, p)
	b.WriteString(`</w:hyperlink>`)
}

// para opens a paragraph in a style; the caller writes runs and closes it.
func para(b *bytes.Buffer, style string) {
	b.WriteString(`<w:p><w:pPr><w:pStyle w:val="` + style + `"/></w:pPr>`)
}

func endPara(b *bytes.Buffer) { b.WriteString("</w:p>") }

// citation writes citation text: italics, and links where allowed.
func (d *docx) citation(b *bytes.Buffer, t cite.Text, links bool) {
	for _, s := range t {
		switch {
		case links && safeURL(s.URL) != "":
			d.link(b, s.Text, safeURL(s.URL), rPr{})
		default:
			runs(b, s.Text, rPr{italic: s.Italic})
		}
	}
}

// footnote adds a footnote and writes its reference mark into b.
func (d *docx) footnote(b *bytes.Buffer, t cite.Text) {
	d.notes++
	id := strconv.Itoa(d.notes)
	d.foot.WriteString(`<w:footnote w:id="` + id + `"><w:p><w:pPr><w:pStyle w:val="FootnoteText"/></w:pPr>`)
	d.foot.WriteString(`<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteRef/></w:r>`)
	runs(&d.foot, " ", rPr{})
	// Hyperlinks in footnotes would need their own relationships part; the
	// address stays readable as text.
	d.citation(&d.foot, t, false)
	d.foot.WriteString(`</w:p></w:footnote>`)
	b.WriteString(`<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="` + id + `"/></w:r>`)
}

// noteRuns writes a note paragraph's formatted runs.
func (d *docx) noteRuns(b *bytes.Buffer, rs []run) {
	for _, r := range rs {
		if r.brk {
			b.WriteString("<w:r><w:br/></w:r>")
			continue
		}
		p := rPr{bold: r.bold, italic: r.italic, code: r.code, strike: r.strike}
		if r.link != "" {
			d.link(b, r.text, r.link, p)
			continue
		}
		runs(b, r.text, p)
	}
}

func hexColour(rgb string) string {
	if rgbPattern.MatchString(rgb) {
		return strings.ToUpper(rgb[1:])
	}
	return ""
}

// swatchRun writes a small block of the colour, as the legend's key.
func swatchRun(b *bytes.Buffer, rgb string) {
	if c := hexColour(rgb); c != "" {
		runs(b, "\u00a0\u00a0\u00a0", rPr{shade: c})
		runs(b, " ", rPr{})
	}
}

// noteStyles are the paragraph styles of a note's blocks.
var noteStyles = map[blockKind]string{blockText: "NoteText", blockQuote: "NoteQuote", blockList: "NoteList", blockCode: "NoteCode"}

// writeDOCX writes a Word document: Title, Heading 1 for each group, Quote
// for the quotes, Bibliography (hanging indent) for the reference list, and
// real footnotes for Chicago notes.
func writeDOCX(w io.Writer, v *view) error {
	d := &docx{links: map[string]string{}}
	b := &d.body
	para(b, "Title")
	runs(b, v.title, rPr{})
	endPara(b)
	para(b, "Subtitle")
	runs(b, v.describe(), rPr{})
	endPara(b)
	if legend := usedColours(v); len(legend) > 0 {
		para(b, "Legend")
		runs(b, "Colour legend: ", rPr{})
		for i, c := range legend {
			if i > 0 {
				runs(b, "   ", rPr{})
			}
			swatchRun(b, c.RGB)
			runs(b, c.Meaning, rPr{})
		}
		endPara(b)
	}
	if len(v.entries) == 0 && !v.outline {
		para(b, "Normal")
		runs(b, nothingToExport, rPr{})
		endPara(b)
	}
	for _, s := range v.sections {
		para(b, "Heading1")
		if s.colour != nil {
			swatchRun(b, s.colour.RGB)
		}
		runs(b, s.heading, rPr{})
		endPara(b)
		// The student's own text, as body text.
		for _, blk := range noteBlocks(s.text) {
			style := "Normal"
			if blk.kind != blockText {
				style = noteStyles[blk.kind]
				if blk.kind == blockList && blk.level > 1 {
					style = "NoteList2"
				}
			}
			para(b, style)
			d.noteRuns(b, blk.runs)
			endPara(b)
		}
		for i, it := range s.items {
			para(b, "Quote")
			runs(b, it.quote, rPr{})
			if v.opt.Style == cite.Chicago {
				d.footnote(b, v.notes[s.noteNos[i]-1])
			} else {
				runs(b, " ", rPr{})
				d.citation(b, it.inText, false)
			}
			endPara(b)
			showColour := it.colour != nil && v.opt.Order != ByColour
			if showColour || len(it.tags) > 0 {
				para(b, "Meaning")
				if showColour {
					swatchRun(b, it.colour.RGB)
					runs(b, it.colour.Meaning, rPr{bold: true})
				}
				if len(it.tags) > 0 {
					if showColour {
						runs(b, "   ", rPr{})
					}
					runs(b, tagsLine(it.tags), rPr{})
				}
				endPara(b)
			}
			if it.failure != "" {
				para(b, "Warning")
				runs(b, failedMark+it.failure, rPr{})
				endPara(b)
			}
			for _, n := range it.Notes {
				for _, blk := range noteBlocks(n.Body) {
					style := noteStyles[blk.kind]
					if blk.kind == blockList && blk.level > 1 {
						style = "NoteList2"
					}
					para(b, style)
					d.noteRuns(b, blk.runs)
					endPara(b)
				}
			}
			v.step()
		}
	}
	for _, a := range v.aids {
		para(b, "Heading1")
		runs(b, a.heading, rPr{})
		endPara(b)
		for _, g := range a.groups {
			if g.heading != "" {
				para(b, "Heading2")
				runs(b, g.heading, rPr{})
				endPara(b)
			}
			if len(g.entries) == 0 {
				para(b, "Aid")
				runs(b, "Nothing found in the articles yet.", rPr{})
				endPara(b)
			}
			for _, e := range g.entries {
				para(b, "Aid")
				runs(b, e.lead, rPr{bold: true})
				if e.text != "" {
					runs(b, " — "+e.text, rPr{})
				}
				if v.opt.Style == cite.Chicago {
					for _, n := range e.noteNos {
						d.footnote(b, v.notes[n-1])
					}
				} else if c := joinCites(e.cites); len(c) > 0 {
					runs(b, " ", rPr{})
					d.citation(b, c, false)
				}
				if e.warning != "" {
					runs(b, " "+e.warning, rPr{italic: true})
				}
				endPara(b)
			}
		}
	}
	if len(v.refs) > 0 {
		para(b, "Heading1")
		runs(b, v.opt.Style.ListTitle(), rPr{})
		endPara(b)
		for _, r := range v.refs {
			para(b, "Bibliography")
			d.citation(b, r, true)
			endPara(b)
		}
	}
	if f := v.report.Failures; len(f) > 0 {
		para(b, "Heading1")
		runs(b, failuresHeading, rPr{})
		endPara(b)
		for _, x := range f {
			para(b, "WarningList")
			runs(b, x.String(), rPr{})
			endPara(b)
		}
	}
	return d.write(w, v)
}

// write packs the parts into the zip file.
func (d *docx) write(w io.Writer, v *view) error {
	width, height := "11906", "16838" // A4 in twentieths of a point
	if v.opt.Paper == Letter {
		width, height = "12240", "15840"
	}
	var doc bytes.Buffer
	doc.WriteString(xml.Header)
	doc.WriteString(`<w:document xmlns:w="` + nsW + `" xmlns:r="` + nsR + `"><w:body>`)
	doc.Write(d.body.Bytes())
	doc.WriteString(`<w:sectPr><w:footerReference w:type="default" r:id="rIdFooter"/>` +
		`<w:pgSz w:w="` + width + `" w:h="` + height + `"/>` +
		`<w:pgMar w:top="1418" w:right="1418" w:bottom="1418" w:left="1418" w:header="709" w:footer="709" w:gutter="0"/>` +
		`</w:sectPr></w:body></w:document>`)

	var rels bytes.Buffer
	rels.WriteString(xml.Header + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
		`<Relationship Id="rIdStyles" Type="` + relNS + `styles" Target="styles.xml"/>` +
		`<Relationship Id="rIdSettings" Type="` + relNS + `settings" Target="settings.xml"/>` +
		`<Relationship Id="rIdFootnotes" Type="` + relNS + `footnotes" Target="footnotes.xml"/>` +
		`<Relationship Id="rIdFooter" Type="` + relNS + `footer" Target="footer1.xml"/>`)
	for _, u := range d.order {
		rels.WriteString(`<Relationship Id="` + d.links[u] + `" Type="` + relNS + `hyperlink" Target="` + xmlAttr(u) + `" TargetMode="External"/>`)
	}
	rels.WriteString(`</Relationships>`)

	var foot bytes.Buffer
	foot.WriteString(xml.Header + `<w:footnotes xmlns:w="` + nsW + `" xmlns:r="` + nsR + `">` +
		`<w:footnote w:type="separator" w:id="-1"><w:p><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:separator/></w:r></w:p></w:footnote>` +
		`<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>`)
	foot.Write(d.foot.Bytes())
	foot.WriteString(`</w:footnotes>`)

	var core bytes.Buffer
	core.WriteString(xml.Header + `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ` +
		`xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
		`<dc:title>` + xmlText(v.title) + `</dc:title><dc:creator>Casebook</dc:creator>`)
	if !v.generated.IsZero() {
		t := v.generated.UTC().Format("2006-01-02T15:04:05Z")
		core.WriteString(`<dcterms:created xsi:type="dcterms:W3CDTF">` + t + `</dcterms:created>` +
			`<dcterms:modified xsi:type="dcterms:W3CDTF">` + t + `</dcterms:modified>`)
	}
	core.WriteString(`</cp:coreProperties>`)

	parts := []struct {
		name string
		body []byte
	}{
		{"[Content_Types].xml", []byte(contentTypes)},
		{"_rels/.rels", []byte(packageRels)},
		{"docProps/core.xml", core.Bytes()},
		{"word/document.xml", doc.Bytes()},
		{"word/_rels/document.xml.rels", rels.Bytes()},
		{"word/styles.xml", []byte(stylesXML)},
		{"word/settings.xml", []byte(settingsXML)},
		{"word/footnotes.xml", foot.Bytes()},
		{"word/footer1.xml", []byte(footerXML)},
	}
	modified := v.generated
	if modified.IsZero() || modified.Year() < 1980 {
		modified = time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	zw := zip.NewWriter(w)
	for _, p := range parts {
		f, err := zw.CreateHeader(&zip.FileHeader{Name: p.name, Method: zip.Deflate, Modified: modified})
		if err != nil {
			return err
		}
		if _, err := f.Write(p.body); err != nil {
			return err
		}
	}
	return zw.Close()
}

// xmlAttr escapes s for an XML attribute value.
func xmlAttr(s string) string {
	return xmlText(s) // EscapeText escapes quotes as well as <, > and &.
}

const contentTypes = xml.Header + `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
	`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
	`<Default Extension="xml" ContentType="application/xml"/>` +
	`<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>` +
	`<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>` +
	`<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>` +
	`<Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/>` +
	`<Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>` +
	`<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>` +
	`</Types>`

const packageRels = xml.Header + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
	`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>` +
	`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>` +
	`</Relationships>`

const settingsXML = xml.Header + `<w:settings xmlns:w="` + nsW + `">` +
	`<w:defaultTabStop w:val="720"/><w:characterSpacingControl w:val="doNotCompress"/>` +
	`<w:footnotePr><w:footnote w:id="-1"/><w:footnote w:id="0"/></w:footnotePr>` +
	`<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>` +
	`</w:settings>`

const footerXML = xml.Header + `<w:ftr xmlns:w="` + nsW + `" xmlns:r="` + nsR + `">` +
	`<w:p><w:pPr><w:pStyle w:val="Footer"/></w:pPr>` +
	`<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>` +
	`<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>` +
	`</w:p></w:ftr>`

// style returns a paragraph style definition; ppr and rpr are its pPr and
// rPr contents, in the schema's element order.
func style(id, name, basedOn, next, ppr, rpr string, extra string) string {
	s := `<w:style w:type="paragraph" w:styleId="` + id + `"><w:name w:val="` + name + `"/>`
	if basedOn != "" {
		s += `<w:basedOn w:val="` + basedOn + `"/>`
	}
	if next != "" {
		s += `<w:next w:val="` + next + `"/>`
	}
	s += extra
	if ppr != "" {
		s += `<w:pPr>` + ppr + `</w:pPr>`
	}
	if rpr != "" {
		s += `<w:rPr>` + rpr + `</w:rPr>`
	}
	return s + `</w:style>`
}

// stylesXML defines the styles the export uses. Heading 1 has no bottom
// rule: LibreOffice 7 ignores "keep with next" on a paragraph with a border,
// which left headings alone at the foot of a page.
//
// The styles use Word's built-in names
// ("heading 1", "Quote", "Title", "Bibliography", "footnote text") so that
// Word and LibreOffice treat them as their own: in the Navigation pane, the
// table of contents and the style gallery.
var stylesXML = xml.Header + `<w:styles xmlns:w="` + nsW + `">` +
	`<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="Times New Roman" w:cs="Times New Roman"/>` +
	`<w:sz w:val="24"/><w:szCs w:val="24"/><w:lang w:val="en-US" w:eastAsia="en-US" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>` +
	`<w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="276" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>` +
	`<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>` +
	`<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/><w:unhideWhenUsed/></w:style>` +
	style("Title", "Title", "Normal", "Normal", `<w:spacing w:after="60"/>`, `<w:b/><w:bCs/><w:sz w:val="40"/><w:szCs w:val="40"/>`, `<w:qFormat/>`) +
	style("Subtitle", "Subtitle", "Normal", "Normal", `<w:spacing w:after="240"/>`, `<w:color w:val="555555"/><w:sz w:val="20"/><w:szCs w:val="20"/>`, `<w:qFormat/>`) +
	style("Heading1", "heading 1", "Normal", "Normal", `<w:keepNext/><w:keepLines/><w:spacing w:before="360" w:after="160"/><w:outlineLvl w:val="0"/>`, `<w:b/><w:bCs/><w:sz w:val="30"/><w:szCs w:val="30"/>`, `<w:uiPriority w:val="9"/><w:qFormat/>`) +
	style("Heading2", "heading 2", "Normal", "Normal", `<w:keepNext/><w:keepLines/><w:spacing w:before="240" w:after="120"/><w:outlineLvl w:val="1"/>`, `<w:b/><w:bCs/><w:sz w:val="26"/><w:szCs w:val="26"/>`, `<w:uiPriority w:val="9"/><w:qFormat/>`) +
	style("Aid", "Casebook Study Aid", "Normal", "Aid", `<w:spacing w:after="80"/><w:ind w:left="340" w:hanging="340"/>`, ``, ``) +
	style("Quote", "Quote", "Normal", "Normal", `<w:keepNext/><w:keepLines/><w:pBdr><w:left w:val="single" w:sz="18" w:space="8" w:color="999999"/></w:pBdr><w:spacing w:before="240" w:after="80"/><w:ind w:left="567" w:right="567"/>`, ``, `<w:uiPriority w:val="29"/><w:qFormat/>`) +
	style("Meaning", "Casebook Meaning", "Normal", "Normal", `<w:keepNext/><w:spacing w:after="80"/><w:ind w:left="737"/>`, `<w:color w:val="333333"/><w:sz w:val="20"/><w:szCs w:val="20"/>`, ``) +
	style("Legend", "Casebook Legend", "Normal", "Normal", `<w:spacing w:after="240"/>`, `<w:sz w:val="20"/><w:szCs w:val="20"/>`, ``) +
	style("Warning", "Casebook Warning", "Normal", "Normal", `<w:spacing w:after="80"/><w:ind w:left="737"/>`, `<w:b/><w:bCs/><w:color w:val="B00020"/><w:sz w:val="20"/><w:szCs w:val="20"/>`, ``) +
	style("WarningList", "Casebook Warning List", "Warning", "WarningList", `<w:ind w:left="0"/>`, ``, ``) +
	style("NoteText", "Casebook Note", "Normal", "NoteText", `<w:spacing w:after="80"/><w:ind w:left="737"/>`, ``, ``) +
	style("NoteQuote", "Casebook Note Quote", "NoteText", "NoteText", `<w:ind w:left="1134" w:right="567"/>`, `<w:i/><w:iCs/>`, ``) +
	style("NoteList", "Casebook Note List", "NoteText", "NoteList", `<w:spacing w:after="40"/><w:ind w:left="1077" w:hanging="340"/>`, ``, ``) +
	style("NoteList2", "Casebook Note List 2", "NoteList", "NoteList2", `<w:ind w:left="1417" w:hanging="340"/>`, ``, ``) +
	style("NoteCode", "Casebook Note Code", "NoteText", "NoteText", `<w:spacing w:after="80" w:line="240" w:lineRule="auto"/>`, `<w:rFonts w:ascii="Courier New" w:hAnsi="Courier New" w:cs="Courier New"/><w:sz w:val="20"/><w:szCs w:val="20"/>`, ``) +
	style("Bibliography", "Bibliography", "Normal", "Bibliography", `<w:keepLines/><w:spacing w:after="160"/><w:ind w:left="720" w:hanging="720"/>`, ``, `<w:uiPriority w:val="37"/>`) +
	style("FootnoteText", "footnote text", "Normal", "FootnoteText", `<w:spacing w:after="40" w:line="240" w:lineRule="auto"/>`, `<w:sz w:val="20"/><w:szCs w:val="20"/>`, `<w:uiPriority w:val="99"/><w:unhideWhenUsed/>`) +
	style("Footer", "footer", "Normal", "Footer", `<w:spacing w:after="0"/><w:jc w:val="center"/>`, `<w:sz w:val="20"/><w:szCs w:val="20"/>`, `<w:uiPriority w:val="99"/><w:unhideWhenUsed/>`) +
	`<w:style w:type="character" w:styleId="FootnoteReference"><w:name w:val="footnote reference"/><w:uiPriority w:val="99"/><w:unhideWhenUsed/><w:rPr><w:vertAlign w:val="superscript"/></w:rPr></w:style>` +
	`<w:style w:type="character" w:styleId="Hyperlink"><w:name w:val="Hyperlink"/><w:uiPriority w:val="99"/><w:unhideWhenUsed/><w:rPr><w:color w:val="0563C1"/><w:u w:val="single"/></w:rPr></w:style>` +
	`</w:styles>`
