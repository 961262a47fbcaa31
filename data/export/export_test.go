package export

import (
	"archive/zip"
	"bytes"
	"encoding/csv"
	"encoding/xml"
	"flag"
	"io"
	"maps"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	gmhtml "github.com/yuin/goldmark/renderer/html"
	"golang.org/x/net/html"

	"github.com/casebookapp/casebook/data"
	"github.com/casebookapp/casebook/data/export/cite"
	"github.com/casebookapp/casebook/data/webanno"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/export")

const goldenDir = "../../testdata/export"

// golden compares got with the golden file name, or rewrites it with -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join(goldenDir, name)
	if *update {
		if err := os.MkdirAll(goldenDir, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./data/export -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file; run with -update and review the diff.\n got: %.600s", name, got)
	}
}

func write(t testing.TB, doc Document, opt Options) ([]byte, Report) {
	t.Helper()
	var b bytes.Buffer
	rep, err := Write(&b, doc, opt)
	if err != nil {
		t.Fatalf("Write(%+v): %v", opt, err)
	}
	return b.Bytes(), rep
}

func TestWriteGolden(t *testing.T) {
	tests := map[string]struct {
		opt    Options
		golden string
		check  func(t *testing.T, out []byte, opt Options)
	}{
		"md/apa":         {Options{Format: Markdown, Style: cite.APA}, "apa.md", checkMarkdown},
		"md/mla":         {Options{Format: Markdown, Style: cite.MLA}, "mla.md", checkMarkdown},
		"md/chicago":     {Options{Format: Markdown, Style: cite.Chicago}, "chicago.md", checkMarkdown},
		"md/by colour":   {Options{Format: Markdown, Order: ByColour}, "apa-by-colour.md", checkMarkdown},
		"md/by tag":      {Options{Format: Markdown, Order: ByTag}, "apa-by-tag.md", checkMarkdown},
		"html/apa":       {Options{Format: HTML, Style: cite.APA}, "apa.html", checkHTML},
		"html/mla":       {Options{Format: HTML, Style: cite.MLA, Paper: Letter}, "mla-letter.html", checkHTML},
		"html/chicago":   {Options{Format: HTML, Style: cite.Chicago}, "chicago.html", checkHTML},
		"csv/apa":        {Options{Format: CSV, Style: cite.APA}, "apa.csv", checkCSV},
		"csv/mla":        {Options{Format: CSV, Style: cite.MLA}, "mla.csv", checkCSV},
		"csv/chicago":    {Options{Format: CSV, Style: cite.Chicago}, "chicago.csv", checkCSV},
		"json":           {Options{Format: JSON}, "annotations.jsonld", checkJSON},
		"docx/apa":       {Options{Format: DOCX, Style: cite.APA}, "apa.docx.xml", checkDOCX},
		"docx/mla":       {Options{Format: DOCX, Style: cite.MLA}, "mla.docx.xml", checkDOCX},
		"docx/chicago":   {Options{Format: DOCX, Style: cite.Chicago, Order: ByTag}, "chicago-by-tag.docx.xml", checkDOCX},
		"html/by colour": {Options{Format: HTML, Order: ByColour}, "apa-by-colour.html", checkHTML},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			out, rep := write(t, fixture(), tc.opt)
			if got, want := len(rep.Failures), 2; got != want {
				t.Errorf("failures = %d, want %d: %v", got, want, rep.Failures)
			}
			tc.check(t, out, tc.opt)
			if tc.opt.Format == DOCX {
				// The zip's compressed bytes may change with the Go version;
				// the parts' text is what must not.
				out = docxText(t, out)
			}
			golden(t, tc.golden, out)
		})
	}
}

// checkMarkdown renders the Markdown with goldmark, passing raw HTML
// through as converters such as pandoc do, and checks that the quotes and
// the student's text come out as text, intact, with nothing live.
func checkMarkdown(t *testing.T, out []byte, opt Options) {
	var b bytes.Buffer
	if err := goldmark.New(goldmark.WithRendererOptions(gmhtml.WithUnsafe())).Convert(out, &b); err != nil {
		t.Fatal(err)
	}
	text, tags := htmlText(t, b.Bytes())
	for _, q := range []string{
		"we send our condolences to Akai Gurley’s family",
		"Akai Gurley’s life mattered",
		"Liang Sentencing Prompts #APIs4BlackLives, #Justice4Liang Responses Amid Accountability Debate",
	} {
		if !strings.Contains(text, q) {
			t.Errorf("rendered Markdown lacks %q", q)
		}
	}
	if !strings.Contains(text, failuresHeading) || !strings.Contains(text, "orphaned") {
		t.Error("rendered Markdown does not list the failed quotes")
	}
	if opt.Style == cite.APA && !strings.Contains(text, "(Wang, 2016, para. 2)") {
		t.Error("rendered Markdown lacks the APA citation (Wang, 2016, para. 2)")
	}
	if opt.Order == ByReading && tags["blockquote"] != 6 {
		t.Errorf("blockquotes = %d, want 6", tags["blockquote"])
	}
	if !strings.Contains(text, "<script>alert('x')</script>") || !strings.Contains(text, "second & <b>two</b>") {
		t.Error("the HTML typed in a note is not shown as text")
	}
	if strings.Contains(b.String(), "javascript:") {
		t.Error("a javascript: link in a note survives in the Markdown")
	}
	if strings.ContainsAny(string(out), "\x07\x0b") {
		t.Error("control characters were not removed")
	}
}

// htmlText tokenizes an HTML document and returns its text (without
// <style>) and a count of its start tags. It fails on a <script> element.
func htmlText(t *testing.T, doc []byte) (string, map[string]int) {
	t.Helper()
	z := html.NewTokenizer(bytes.NewReader(doc))
	var text strings.Builder
	tags := map[string]int{}
	inStyle := false
	for {
		switch z.Next() {
		case html.ErrorToken:
			if z.Err() != io.EOF {
				t.Fatalf("HTML tokenizer: %v", z.Err())
			}
			return text.String(), tags
		case html.StartTagToken, html.SelfClosingTagToken:
			name, _ := z.TagName()
			tags[string(name)]++
			inStyle = string(name) == "style"
			if string(name) == "script" {
				t.Fatal("the output has a <script> element")
			}
		case html.EndTagToken:
			inStyle = false
		case html.TextToken:
			if !inStyle {
				text.Write(z.Text())
			}
		}
	}
}

func checkHTML(t *testing.T, out []byte, opt Options) {
	text, tags := htmlText(t, out)
	for _, want := range []string{
		"<script>alert('x')</script>", // shown as text
		"we send our condolences to Akai Gurley’s family",
		"\"quotes\" & commas",
		"🎓",
		opt.Style.ListTitle(),
	} {
		if !strings.Contains(text, want) {
			t.Errorf("HTML text lacks %q", want)
		}
	}
	if tags["h1"] != 1 || tags["h2"] < 3 || tags["style"] != 1 {
		t.Errorf("tags h1=%d h2=%d style=%d, want 1, ≥3, 1", tags["h1"], tags["h2"], tags["style"])
	}
	if tags["link"] != 0 || tags["img"] != 0 {
		t.Error("the HTML loads outside resources")
	}
	s := string(out)
	paper := "A4"
	if opt.Paper == Letter {
		paper = "letter"
	}
	if !strings.Contains(s, "@page { size: "+paper+";") {
		t.Errorf("the stylesheet lacks @page size %s", paper)
	}
	if strings.Contains(s, "javascript:") && strings.Contains(s, `href="javascript:`) {
		t.Error("a javascript: link is clickable")
	}
	if strings.Contains(s, `href=""`) || strings.Contains(s, `src=""`) {
		t.Error(`an unsafe link or image became href="" or src=""`)
	}
	if strings.ContainsAny(s, "\x07\x0b") {
		t.Error("control characters were not removed")
	}
	if opt.Style == cite.Chicago && tags["sup"] != 6 {
		t.Errorf("footnote marks = %d, want 6", tags["sup"])
	}
}

func checkCSV(t *testing.T, out []byte, opt Options) {
	// Spreadsheets read a CSV without a byte-order mark as Latin-1.
	body, ok := bytes.CutPrefix(out, []byte("\xEF\xBB\xBF"))
	if !ok {
		t.Error("the CSV does not start with a UTF-8 byte-order mark")
	}
	rows, err := csv.NewReader(bytes.NewReader(body)).ReadAll()
	if err != nil {
		t.Fatalf("CSV: %v", err)
	}
	if !slices.Equal(rows[0], csvHeader) {
		t.Errorf("header = %q, want %q", rows[0], csvHeader)
	}
	// 5 notes, plus the 2 highlights without a note.
	if got, want := len(rows)-1, 7; got != want {
		t.Fatalf("rows = %d, want %d", got, want)
	}
	var found bool
	for _, r := range rows[1:] {
		if r[4] == hostileNote {
			found = true
			if r[1] != "2" || r[2] != "Key fact" || r[5] != "community, protest" {
				t.Errorf("row = %q", r)
			}
			want := opt.Style.Note(nbcWang, 2).String()
			if r[6] != want {
				t.Errorf("citation = %q, want %q", r[6], want)
			}
		}
		if strings.HasPrefix(r[3], "the last thing") && r[7] == "ok" {
			t.Error("the orphan passed the verbatim check")
		}
	}
	if !found {
		t.Error("the hostile note did not come back intact")
	}
}

func checkJSON(t *testing.T, out []byte, opt Options) {
	got, _, err := webanno.ReadBundle(bytes.NewReader(out))
	if err != nil {
		t.Fatalf("ReadBundle: %v", err)
	}
	want := toAnnotations(Select(fixture().Entries, opt.Scope))
	for i := range want {
		// The file keeps times in UTC.
		want[i].Created, want[i].Modified = want[i].Created.UTC(), want[i].Modified.UTC()
	}
	// Reading order: the file lists the afro article first.
	slices.SortFunc(got, func(a, b data.Annotation) int { return strings.Compare(a.UID, b.UID) })
	slices.SortFunc(want, func(a, b data.Annotation) int { return strings.Compare(a.UID, b.UID) })
	if !reflect.DeepEqual(got, want) {
		t.Errorf("round trip:\n got %+v\nwant %+v", got, want)
	}
}

// docxParts opens the DOCX zip and returns its parts by name.
func docxParts(t testing.TB, out []byte) map[string][]byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(out), int64(len(out)))
	if err != nil {
		t.Fatalf("DOCX is not a zip: %v", err)
	}
	parts := map[string][]byte{}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatalf("open %s: %v", f.Name, err)
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatalf("read %s: %v (CRC or compression error)", f.Name, err)
		}
		parts[f.Name] = b
	}
	return parts
}

// docxText returns the DOCX's XML parts one after another, for the golden
// file.
func docxText(t *testing.T, out []byte) []byte {
	parts := docxParts(t, out)
	var b bytes.Buffer
	for _, name := range []string{"word/document.xml", "word/footnotes.xml", "word/_rels/document.xml.rels", "docProps/core.xml"} {
		b.WriteString("==== " + name + "\n")
		b.Write(bytes.ReplaceAll(parts[name], []byte("<w:p>"), []byte("\n<w:p>")))
		b.WriteString("\n")
	}
	return b.Bytes()
}

// wordParagraph is a paragraph of document.xml: its style and its text.
type wordParagraph struct {
	Style string
	Text  string
}

// wordParagraphs decodes a WordprocessingML part with encoding/xml and
// returns its paragraphs.
func wordParagraphs(t testing.TB, part []byte) []wordParagraph {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(part))
	var out []wordParagraph
	var cur *wordParagraph
	inText := false
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return out
		}
		if err != nil {
			t.Fatalf("XML: %v", err)
		}
		switch x := tok.(type) {
		case xml.StartElement:
			switch x.Name.Local {
			case "p":
				out = append(out, wordParagraph{})
				cur = &out[len(out)-1]
			case "pStyle":
				cur.Style = attr(x, "val")
			case "t":
				inText = true
			case "br":
				if cur != nil {
					cur.Text += "\n"
				}
			case "tab":
				if cur != nil {
					cur.Text += "\t"
				}
			}
		case xml.EndElement:
			if x.Name.Local == "t" {
				inText = false
			}
		case xml.CharData:
			if inText && cur != nil {
				cur.Text += string(x)
			}
		}
	}
}

func attr(e xml.StartElement, local string) string {
	for _, a := range e.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

func checkDOCX(t *testing.T, out []byte, opt Options) {
	parts := docxParts(t, out)
	for _, name := range []string{"[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/styles.xml",
		"word/settings.xml", "word/footnotes.xml", "word/footer1.xml", "word/_rels/document.xml.rels", "docProps/core.xml"} {
		p, ok := parts[name]
		if !ok {
			t.Fatalf("DOCX lacks %s", name)
		}
		// Every part must be well-formed XML.
		dec := xml.NewDecoder(bytes.NewReader(p))
		for {
			if _, err := dec.Token(); err == io.EOF {
				break
			} else if err != nil {
				t.Fatalf("%s is not well-formed: %v", name, err)
			}
		}
		if name != "[Content_Types].xml" && !strings.HasPrefix(name, "_rels") && !strings.Contains(name, "_rels/") &&
			!strings.Contains(string(parts["[Content_Types].xml"]), `PartName="/`+name+`"`) {
			t.Errorf("[Content_Types].xml has no Override for %s", name)
		}
	}
	paras := wordParagraphs(t, parts["word/document.xml"])
	styles := map[string]int{}
	var all strings.Builder
	for _, p := range paras {
		styles[p.Style]++
		all.WriteString(p.Text + "\n")
	}
	text := all.String()
	if styles["Title"] != 1 || styles["Heading1"] < 3 || styles["Bibliography"] != 3 {
		t.Errorf("styles = %v, want 1 Title, ≥3 Heading1, 3 Bibliography", styles)
	}
	if opt.Order != ByTag && styles["Quote"] != 6 {
		t.Errorf("Quote paragraphs = %d, want 6", styles["Quote"])
	}
	for _, want := range []string{
		"<script>alert('x')</script>",
		"\"quotes\" & commas",
		"🎓",
		"Line with a tab\there and a bell and a vertical tab.",
		"we send our condolences to Akai Gurley’s family",
		opt.Style.ListTitle(),
		failuresHeading,
	} {
		if !strings.Contains(text, want) {
			t.Errorf("document text lacks %q", want)
		}
	}
	for _, style := range []string{"Heading1", "Quote", "Bibliography", "Title", "FootnoteText"} {
		if !strings.Contains(string(parts["word/styles.xml"]), `w:styleId="`+style+`"`) {
			t.Errorf("styles.xml does not define %s", style)
		}
	}
	notes := wordParagraphs(t, parts["word/footnotes.xml"])
	if opt.Style == cite.Chicago {
		// Two separators, then one note per quote shown (the by-tag order
		// shows some entries twice).
		if len(notes) < 2+6 {
			t.Errorf("footnote paragraphs = %d, want at least 8", len(notes))
		}
		if !strings.Contains(notes[2].Text, "para.") {
			t.Errorf("first footnote %q has no pin-point", notes[2].Text)
		}
	} else if len(notes) != 2 {
		t.Errorf("footnote paragraphs = %d, want only the 2 separators", len(notes))
	}
}

func TestVerify(t *testing.T) {
	p := pWang2
	tests := map[string]struct {
		e    Entry
		want string // a word of the reason, or "" for a pass
	}{
		"span":                 {Entry{Article: nbcWang, Passage: p, Highlight: span("u", nbcWang, p, "yellow", "API people")}, ""},
		"whole passage note":   {Entry{Article: nbcWang, Passage: p, Notes: []data.Note{{UID: "n", Anchor: data.Anchor{PassageID: p.ID, End: len([]rune(p.Text)), Quote: p.Text}}}}, ""},
		"selection note":       {Entry{Article: nbcWang, Passage: p, Notes: []data.Note{{UID: "n", Anchor: span("u", nbcWang, p, "", "API people").Anchor}}}, ""},
		"selection changed":    {Entry{Article: nbcWang, Passage: p, Notes: []data.Note{{UID: "n", Anchor: span("u", nbcWang, p, "", "API persons").Anchor}}}, "word for word"},
		"text changed":         {Entry{Article: nbcWang, Passage: p, Highlight: span("u", nbcWang, p, "yellow", "API persons")}, "word for word"},
		"orphan highlight":     {Entry{Article: nbcWang, Passage: p, Highlight: &data.Highlight{Anchor: data.Anchor{Quote: "API people"}}}, "orphaned"},
		"orphan passage":       {Entry{Article: nbcWang, Notes: []data.Note{{UID: "n"}}}, "orphaned"},
		"orphan note":          {Entry{Article: nbcWang, Passage: p, Notes: []data.Note{{UID: "n"}}}, "orphaned"},
		"empty quote":          {Entry{Article: nbcWang, Passage: p, Highlight: &data.Highlight{Anchor: data.Anchor{PassageID: p.ID}}}, "empty"},
		"other passage":        {Entry{Article: nbcWang, Passage: p, Highlight: &data.Highlight{Anchor: data.Anchor{PassageID: 999, Quote: "API people"}}}, "another paragraph"},
		"curly quote mismatch": {Entry{Article: nbcWang, Passage: p, Highlight: span("u", nbcWang, p, "yellow", "Akai Gurley's family")}, "word for word"},
		// A quote cut inside a word is not what the text says, even
		// though its letters are there.
		"cut mid-word":    {Entry{Article: nbcWang, Passage: p, Highlight: span("u", nbcWang, p, "yellow", "API peop")}, "word for word"},
		"starts mid-word": {Entry{Article: nbcWang, Passage: p, Highlight: span("u", nbcWang, p, "yellow", "ueer [Asian")}, "word for word"},
		"whole quote, not a prefix": {Entry{Article: nbcWang, Passage: p, Highlight: &data.Highlight{Anchor: data.Anchor{PassageID: p.ID, Start: 30, End: 40,
			Quote: "API people, we send our condolences to Akai Gurley’s family during this hard time,” the National Queer Asian Pacific Islander Alliance (NQAPIA) said in a statement to NBC News. And more."}}}, "word for word"},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			got := verify(tc.e)
			if (got == "") != (tc.want == "") || !strings.Contains(got, tc.want) {
				t.Errorf("verify = %q, want %q", got, tc.want)
			}
		})
	}
}

func TestSelect(t *testing.T) {
	entries := fixture().Entries
	tests := map[string]struct {
		scope Scope
		want  []string // UIDs
	}{
		"all":             {Scope{}, []string{"…0001", "…0004", "…0003", "…0007", "…0008", "…0010"}},
		"article":         {Scope{ArticleID: afro.ID}, []string{"…0004", "…0003"}},
		"colour":          {Scope{Colour: "YELLOW"}, []string{"…0001"}},
		"tag, any case":   {Scope{Tag: "PROTEST"}, []string{"…0001", "…0004"}},
		"tag with #":      {Scope{Tag: "#sentencing"}, []string{"…0004", "…0007"}},
		"article and tag": {Scope{ArticleID: nbcApology.ID, Tag: "sentencing"}, []string{"…0007"}},
		"nothing":         {Scope{Colour: "orange"}, nil},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			var got []string
			for _, e := range Select(entries, tc.scope) {
				got = append(got, "…"+e.uid()[len(e.uid())-4:])
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("got %v, want %v", got, tc.want)
			}
		})
	}
}

func TestSections(t *testing.T) {
	tests := map[string]struct {
		order Order
		want  []string // "heading: para numbers"
	}{
		"reading": {ByReading, []string{
			"Asian Organization Opposes No Jail Time Sentence of Former NYPD Officer Peter Liang (AFRO): 1 6",
			"Liang Sentencing Prompts #APIs4BlackLives, #Justice4Liang Responses Amid Accountability Debate (NBC News): 2 3",
			"Ex-Cop Peter Liang Apologizes to Akai Gurley's Domestic Partner in Meeting (NBC News): 1 0",
		}},
		"colour": {ByColour, []string{
			"Key fact: 2", "Disputed / contradiction: 1", "Quote to use: 6", "Background: 3", "Question: 0",
			"Notes without a highlight: 1",
		}},
		"tag": {ByTag, []string{"#community: 2", "#Protest: 6 2", "#sentencing: 6 1", "Untagged: 1 3 0"}},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			v := build(fixture(), Options{Style: cite.APA, Order: tc.order})
			var got []string
			for _, s := range v.sections {
				var ns []string
				for _, it := range s.items {
					ns = append(ns, strconv.Itoa(it.para))
				}
				got = append(got, s.heading+": "+strings.Join(ns, " "))
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("sections:\n got %q\nwant %q", got, tc.want)
			}
		})
	}
}

func TestReport(t *testing.T) {
	_, rep := write(t, fixture(), Options{Format: Markdown})
	want := Report{Entries: 6, Highlights: 5, Notes: 5, Articles: 3}
	got := rep
	got.Failures = nil
	if !reflect.DeepEqual(got, want) {
		t.Errorf("counts = %+v, want %+v", got, want)
	}
	var reasons []string
	for _, f := range rep.Failures {
		reasons = append(reasons, f.UID[len(f.UID)-4:]+" "+f.Reason)
	}
	wantReasons := []string{
		"0010 the quote no longer appears word for word in its paragraph",
		"0008 orphaned: the article's text changed and the quote could not be placed again",
	}
	if !slices.Equal(reasons, wantReasons) {
		t.Errorf("failures:\n got %q\nwant %q", reasons, wantReasons)
	}
}

// formats lists every export format.
var formats = []Format{DOCX, Markdown, HTML, CSV, JSON}

func TestWriteEmptyScope(t *testing.T) {
	for _, f := range formats {
		t.Run(string(f), func(t *testing.T) {
			out, rep := write(t, fixture(), Options{Format: f, Scope: Scope{Colour: "orange"}})
			if rep.Entries != 0 || rep.Articles != 0 || len(out) == 0 {
				t.Errorf("report %+v, %d bytes", rep, len(out))
			}
		})
	}
}

func TestWriteProgress(t *testing.T) {
	var calls, last, total int
	_, _ = write(t, fixture(), Options{Format: DOCX, Order: ByTag, Progress: func(done, n int) {
		calls++
		last, total = done, n
	}})
	// By tag, entries appear under each of their tags: 1+2+2+3.
	if calls != 8 || last != 8 || total != 8 {
		t.Errorf("progress calls=%d last=%d total=%d, want 8 8 8", calls, last, total)
	}
}

// TestWriteProgressEveryFormat checks that in every format and order the
// progress total stays the same from the first call to the last, and that
// the last call reaches it: JSON writes each entry once, the others once
// under each heading.
func TestWriteProgressEveryFormat(t *testing.T) {
	for _, f := range formats {
		for _, o := range []Order{ByReading, ByColour, ByTag} {
			t.Run(string(f)+"/"+string(o), func(t *testing.T) {
				var calls, last int
				totals := map[int]bool{}
				_, _ = write(t, fixture(), Options{Format: f, Order: o, Progress: func(done, n int) {
					calls++
					last = done
					totals[n] = true
				}})
				want := 6
				if o == ByTag && f != JSON {
					want = 8
				}
				if len(totals) != 1 || !totals[want] {
					t.Errorf("totals %v, want only %d", slices.Collect(maps.Keys(totals)), want)
				}
				if calls != want || last != want {
					t.Errorf("calls=%d last=%d, want %d", calls, last, want)
				}
			})
		}
	}
}

func TestParseOptions(t *testing.T) {
	tests := map[string]struct {
		parse   func() (any, error)
		want    any
		wantErr bool
	}{
		"format md":        {func() (any, error) { return ParseFormat("markdown") }, Markdown, false},
		"format docx":      {func() (any, error) { return ParseFormat(".DOCX") }, DOCX, false},
		"format bad":       {func() (any, error) { return ParseFormat("pdf") }, Format(""), true},
		"order default":    {func() (any, error) { return ParseOrder("") }, ByReading, false},
		"order color":      {func() (any, error) { return ParseOrder("color") }, ByColour, false},
		"order bad":        {func() (any, error) { return ParseOrder("date") }, Order(""), true},
		"scope all":        {func() (any, error) { return ParseScope("all") }, Scope{}, false},
		"scope article":    {func() (any, error) { return ParseScope("article:3") }, Scope{ArticleID: 3}, false},
		"scope colour":     {func() (any, error) { return ParseScope("color:Red") }, Scope{Colour: "red"}, false},
		"scope tag":        {func() (any, error) { return ParseScope("tag:#protest") }, Scope{Tag: "protest"}, false},
		"scope bad id":     {func() (any, error) { return ParseScope("article:x") }, Scope{}, true},
		"scope bad kind":   {func() (any, error) { return ParseScope("year:2016") }, Scope{}, true},
		"scope tag, empty": {func() (any, error) { return ParseScope("tag:") }, Scope{}, true},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			got, err := tc.parse()
			if (err != nil) != tc.wantErr {
				t.Fatalf("err = %v, wantErr %v", err, tc.wantErr)
			}
			if err != nil && data.ErrorCode(err) != data.EINVALID {
				t.Errorf("code = %q, want invalid", data.ErrorCode(err))
			}
			if got != tc.want {
				t.Errorf("got %#v, want %#v", got, tc.want)
			}
		})
	}
}

func TestScopeString(t *testing.T) {
	tests := map[string]struct {
		in   Scope
		want string
	}{
		"all":      {Scope{}, "all"},
		"combined": {Scope{ArticleID: 2, Tag: "protest"}, "article:2 tag:protest"},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			if got := tc.in.String(); got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

func TestWriteRejectsBadOptions(t *testing.T) {
	tests := map[string]Options{
		"format": {Format: "pdf"},
		"style":  {Format: Markdown, Style: "harvard"},
		"order":  {Format: Markdown, Order: "date"},
	}
	for name, opt := range tests {
		t.Run(name, func(t *testing.T) {
			var b bytes.Buffer
			if _, err := Write(&b, fixture(), opt); data.ErrorCode(err) != data.EINVALID {
				t.Errorf("err = %v, want an invalid error", err)
			}
			if b.Len() != 0 {
				t.Errorf("wrote %d bytes for bad options", b.Len())
			}
		})
	}
}

func TestCSVFormulaGuard(t *testing.T) {
	tests := map[string]struct{ in, want string }{
		"formula":  {"=SUM(A1)", "'=SUM(A1)"},
		"plus":     {"+1 555", "'+1 555"},
		"minus":    {"-2", "'-2"},
		"at":       {"@cmd", "'@cmd"},
		"space":    {"  =1+1", "'  =1+1"},
		"newline":  {"\n=HYPERLINK(x)", "'\n=HYPERLINK(x)"},
		"tab":      {"\tx", "'\tx"},
		"wide eq":  {"＝SUM(A1)", "'＝SUM(A1)"},
		"wide +":   {"＋1", "'＋1"},
		"wide -":   {"－1", "'－1"},
		"wide at":  {"＠x", "'＠x"},
		"nbsp":     {"\u00a0=1", "'\u00a0=1"},
		"indented": {"  ordinary", "  ordinary"},
		"ordinary": {"Liang, 2016", "Liang, 2016"},
		"empty":    {"", ""},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			if got := cell(tc.in); got != tc.want {
				t.Errorf("cell(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

func TestNoteBlocks(t *testing.T) {
	tests := map[string]struct {
		in   string
		want []block
	}{
		"emphasis and link": {"**Bold** and *it* [NBC](https://nbc.com)", []block{{kind: blockText, runs: []run{
			{text: "Bold", bold: true}, {text: " and "}, {text: "it", italic: true}, {text: " "}, {text: "NBC", link: "https://nbc.com"},
		}}}},
		"javascript link is text": {"[x](javascript:alert(1))", []block{{kind: blockText, runs: []run{{text: "x"}}}}},
		"entity and escape":       {`AT&amp;T \*not bold\*`, []block{{kind: blockText, runs: []run{{text: "AT&T *not bold*"}}}}},
		"html is text":            {"see <b>this</b>", []block{{kind: blockText, runs: []run{{text: "see <b>this</b>"}}}}},
		"list":                    {"1. one\n2. two", []block{{kind: blockList, level: 1, runs: []run{{text: "1. one"}}}, {kind: blockList, level: 1, runs: []run{{text: "2. two"}}}}},
		"quote and code": {"> said\n\n```\nx := 1\n```", []block{
			{kind: blockQuote, runs: []run{{text: "said"}}},
			{kind: blockCode, runs: []run{{text: "x := 1", code: true}}},
		}},
		"line break": {"a\nb", []block{{kind: blockText, runs: []run{{text: "a"}, {brk: true}, {text: "b"}}}}},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			if got := noteBlocks(tc.in); !reflect.DeepEqual(got, tc.want) {
				t.Errorf("got  %+v\nwant %+v", got, tc.want)
			}
		})
	}
}

// BenchmarkDOCX1000 exports 1,000 notes, each on its own highlight, to DOCX.
// The goal is at most 1 s.
func BenchmarkDOCX1000(b *testing.B) {
	doc := fixture()
	base := doc.Entries[0]
	doc.Entries = nil
	for i := range 1000 {
		e := base
		h := *base.Highlight
		h.UID = "h" + strconv.Itoa(i)
		e.Highlight = &h
		n := base.Notes[0]
		n.UID = "n" + strconv.Itoa(i)
		n.Body = hostileNote + "\n\nNote " + strconv.Itoa(i) + " adds a longer paragraph of analysis, *with emphasis*, so that the document has the size of a term's reading notes."
		e.Notes = []data.Note{n}
		doc.Entries = append(doc.Entries, e)
	}
	b.ResetTimer()
	for b.Loop() {
		if _, err := Write(io.Discard, doc, Options{Format: DOCX, Style: cite.Chicago}); err != nil {
			b.Fatal(err)
		}
	}
}

func TestSafeURL(t *testing.T) {
	tests := map[string]struct{ in, want string }{
		"web":                {"https://www.nbcnews.com/", "https://www.nbcnews.com/"},
		"space and bracket":  {"https://example.com/a b>c", "https://example.com/a%20b%3Ec"},
		"bare www":           {"www.example.com/a b", "http://www.example.com/a%20b"},
		"mail":               {"mailto:tutor@example.edu", "mailto:tutor@example.edu"},
		"mail with brackets": {"mailto:a@b.com>\"x", ""},
		"javascript":         {"javascript:alert(1)", ""},
		"relative":           {"notes/liang.md", ""},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			if got := safeURL(tc.in); got != tc.want {
				t.Errorf("safeURL(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

// TestWriteUnsafeSource exports an article whose source address has a space
// and angle brackets: every format links the normalised address, and none
// carries the raw one that would break the link.
func TestWriteUnsafeSource(t *testing.T) {
	doc := fixture()
	a := nbcWang
	a.Source = "https://example.com/liang case?q=<b>"
	const want = "https://example.com/liang%20case?q=%3Cb%3E"
	doc.Articles = []data.Article{a}
	doc.Entries = doc.Entries[:1]
	doc.Entries[0].Article = a
	for _, f := range []Format{Markdown, HTML, DOCX, CSV, JSON} {
		t.Run(string(f), func(t *testing.T) {
			style := cite.APA
			if f == CSV {
				style = cite.Chicago // the CSV citation is APA's in-text one, without the address
			}
			out, _ := write(t, doc, Options{Format: f, Style: style})
			if f == DOCX {
				parts := docxParts(t, out)
				out = append(parts["word/document.xml"], parts["word/_rels/document.xml.rels"]...)
			}
			s := string(out)
			if !strings.Contains(s, want) {
				t.Errorf("output lacks the normalised address %s", want)
			}
			if strings.Contains(s, "liang case") {
				t.Error("output carries the raw address with its space")
			}
		})
	}
	t.Run("file name", func(t *testing.T) {
		doc.Entries[0].Article.Source = "liang <draft>.txt"
		doc.Articles[0].Source = "liang <draft>.txt"
		out, _ := write(t, doc, Options{Format: HTML, Style: cite.APA})
		if strings.Contains(string(out), "draft") {
			t.Error("a file name was cited as a web address")
		}
	})
}

// TestReadingOrder checks the order build gives an article's entries from
// the anchor and place it computes once per entry: by paragraph, then
// position, then end; quotes without a place (an orphaned anchor, or a
// passage that is missing) last.
func TestReadingOrder(t *testing.T) {
	late := span("a-late", nbcWang, pWang2, "yellow", "Akai Gurley’s family")
	early := span("b-early", nbcWang, pWang2, "yellow", "As queer")
	longer := span("c-longer", nbcWang, pWang2, "red", "As queer [Asian")
	nextPara := span("d-next", nbcWang, pWang3, "green", "AAPI activist group")
	sel := note("e-selection", nbcWang, "On a selection.")
	sel.Anchor = span("", nbcWang, pWang2, "", "we send our condolences").Anchor
	orphan := note("f-orphan", nbcWang, "Lost.")
	orphan.Quote = "gone"
	noPassage := span("g-no-passage", nbcWang, pWang2, "blue", "API people")
	doc := Document{Articles: []data.Article{nbcWang}, Entries: []Entry{
		{Article: nbcWang, Notes: []data.Note{orphan}},
		{Article: nbcWang, Highlight: noPassage}, // its passage is missing
		{Article: nbcWang, Passage: pWang3, Highlight: nextPara},
		{Article: nbcWang, Passage: pWang2, Notes: []data.Note{sel}},
		{Article: nbcWang, Passage: pWang2, Highlight: late},
		{Article: nbcWang, Passage: pWang2, Highlight: longer},
		{Article: nbcWang, Passage: pWang2, Highlight: early},
	}}
	v := build(doc, Options{Style: cite.APA})
	var got []string
	for _, it := range v.entries {
		got = append(got, it.uid())
		if it.anchor != it.Anchor() || it.orphan != (it.Anchor().Orphan() || it.Passage.ID == 0) {
			t.Errorf("%s: item anchor %+v orphan %v disagree with the entry", it.uid(), it.anchor, it.orphan)
		}
	}
	want := []string{"b-early", "c-longer", "e-selection", "a-late", "d-next", "f-orphan", "g-no-passage"}
	if !slices.Equal(got, want) {
		t.Errorf("order:\n got %q\nwant %q", got, want)
	}
}

// TestTagsPlace checks that the three document formats put an entry's tags
// in the same place, after the quote and its colour meaning and before the
// notes, and write them the same way.
func TestTagsPlace(t *testing.T) {
	const tags = "Tags: #community, #protest"
	for _, f := range []Format{Markdown, HTML, DOCX} {
		t.Run(string(f), func(t *testing.T) {
			out, _ := write(t, fixture(), Options{Format: f})
			var text string
			switch f {
			case DOCX:
				var b strings.Builder
				for _, p := range wordParagraphs(t, docxParts(t, out)["word/document.xml"]) {
					b.WriteString(p.Text + "\n")
				}
				text = b.String()
			case HTML:
				text, _ = htmlText(t, out)
			default:
				text = string(out)
			}
			quote := strings.Index(text, "we send our condolences to Akai Gurley’s family")
			meaning := strings.Index(text[max(quote, 0):], "Key fact") + quote
			at := strings.Index(text, tags)
			note := strings.Index(text, "point, with")
			if quote < 0 || at < 0 || note < 0 || !(quote < meaning && meaning < at && at < note) {
				t.Errorf("quote at %d, meaning at %d, %q at %d, note at %d: want them in that order", quote, meaning, tags, at, note)
			}
		})
	}
}

// TestNothingToExport checks that the document formats say the same thing
// when the scope selects no entry.
func TestNothingToExport(t *testing.T) {
	for _, f := range []Format{Markdown, HTML, DOCX} {
		t.Run(string(f), func(t *testing.T) {
			out, _ := write(t, fixture(), Options{Format: f, Scope: Scope{Colour: "orange"}})
			if f == DOCX {
				out = docxParts(t, out)["word/document.xml"]
			}
			if !strings.Contains(string(out), nothingToExport) {
				t.Errorf("the export does not say %q", nothingToExport)
			}
		})
	}
}

// TestNoteMarkdownSafe checks that a note written into the Markdown export
// keeps its safe Markdown and shows everything else as text, even when the
// Markdown is converted with raw HTML allowed.
func TestNoteMarkdownSafe(t *testing.T) {
	tests := map[string]struct {
		in        string
		wantText  []string // text the rendered note shows
		wantTags  []string // elements it keeps
		forbidden []string // what must not be in the rendered HTML
	}{
		"script":        {"see <script>alert(1)</script>", []string{"<script>alert(1)</script>"}, nil, []string{"<script"}},
		"onerror":       {`<img src=x onerror="alert(1)">`, []string{`<img src=x onerror="alert(1)">`}, nil, []string{"<img"}},
		"javascript":    {"[click](javascript:alert(1)) and ![pic](javascript:x)", []string{"click and pic"}, nil, []string{"javascript:", "<a", "<img"}},
		"safe subset":   {"**bold** *it* ~~gone~~ [NBC](https://nbcnews.com)\n\n> quoted\n\n- one\n- two", []string{"bold", "quoted", "one"}, []string{"strong", "em", "del", "a", "blockquote", "li"}, nil},
		"open fence":    {"```\ncode <b>x</b>", []string{"code <b>x</b>"}, []string{"pre"}, []string{"<b>"}},
		"html block":    {"<div onclick=\"x()\">hi</div>", []string{"<div onclick"}, nil, []string{"<div"}},
		"entity":        {"AT&amp;T &lt;b&gt;", []string{"AT&T <b>"}, nil, []string{"<b>"}},
		"heading start": {"# not a heading\n1. one", []string{"not a heading"}, []string{"strong", "ol"}, []string{"<h1"}},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			md := noteMarkdownSafe(tc.in)
			var b bytes.Buffer
			if err := goldmark.New(goldmark.WithExtensions(extension.Strikethrough), goldmark.WithRendererOptions(gmhtml.WithUnsafe())).Convert([]byte(md+"\n\nAfter the note."), &b); err != nil {
				t.Fatal(err)
			}
			out := b.String()
			for _, f := range tc.forbidden {
				if strings.Contains(out, f) {
					t.Errorf("%q rendered as %s: has %q", md, out, f)
				}
			}
			text := html.UnescapeString(regexp.MustCompile(`<[^>]*>`).ReplaceAllString(out, ""))
			for _, w := range append(tc.wantText, "After the note.") {
				if !strings.Contains(text, w) {
					t.Errorf("%q rendered as %s: lacks the text %q", md, out, w)
				}
			}
			for _, tag := range tc.wantTags {
				if !strings.Contains(out, "<"+tag+">") && !strings.Contains(out, "<"+tag+" ") {
					t.Errorf("%q rendered as %s: lacks <%s>", md, out, tag)
				}
			}
		})
	}
}

// TestHTMLUnsafeLinks checks that a note's link or picture to anything but a
// web or mail address keeps its text and is not made a link to the page
// itself (href="") or an empty image.
func TestHTMLUnsafeLinks(t *testing.T) {
	out := noteHTML("[bad](javascript:alert(1)) [data](data:text/html,x) ![photo of Liang](javascript:x) <javascript:alert(1)> [ok](https://nbcnews.com)")
	for _, bad := range []string{`href=""`, "<img", "javascript:alert(1)\"", `href="javascript`, `href="data`} {
		if strings.Contains(out, bad) {
			t.Errorf("note HTML has %s: %s", bad, out)
		}
	}
	for _, want := range []string{"bad", "data", "photo of Liang", `<a href="https://nbcnews.com">ok</a>`} {
		if !strings.Contains(out, want) {
			t.Errorf("note HTML lacks %s: %s", want, out)
		}
	}
}

// TestPrintStyle checks the print rules that keep a heading whole and with
// what follows, and a reference entry on one page.
func TestPrintStyle(t *testing.T) {
	for _, rule := range []string{
		"h1, h2 { break-inside: avoid; page-break-inside: avoid; break-after: avoid; page-break-after: avoid; }",
		"h1 + *, h2 + * { break-before: avoid; page-break-before: avoid; }",
		".entry { margin: 0 0 1.4em; padding-bottom: 1em; border-bottom: 1px solid #e2e2e2; break-inside: avoid;",
		"text-indent: -2em; margin: 0 0 .6em; break-inside: avoid;",
	} {
		if !strings.Contains(htmlStyle, rule) {
			t.Errorf("the stylesheet lacks %s", rule)
		}
	}
}

// TestScopeInPlainWords checks that an export's heading says which entries
// it kept in the student's words, not as the internal "scope colour:yellow",
// and that a DOCX reference entry is kept on one page.
func TestScopeInPlainWords(t *testing.T) {
	tests := map[string]struct {
		scope Scope
		want  string
	}{
		"colour":  {Scope{Colour: "yellow"}, "Only highlights marked Key fact"},
		"tag":     {Scope{Tag: "protest"}, "Only entries tagged #protest"},
		"article": {Scope{ArticleID: 2}, "Only “Liang Sentencing Prompts"},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			for _, f := range []Format{DOCX, Markdown, HTML} {
				out, _ := write(t, fixture(), Options{Format: f, Scope: tc.scope})
				s := string(out)
				if f == DOCX {
					s = string(docxText(t, out))
				}
				if !strings.Contains(s, tc.want) || strings.Contains(s, "scope ") {
					t.Errorf("%s export does not say %q:\n%.400s", f, tc.want, s)
				}
			}
		})
	}
	out, _ := write(t, fixture(), Options{Format: DOCX})
	if !regexp.MustCompile(`w:styleId="Bibliography">.*?<w:pPr><w:keepLines/>`).Match(docxParts(t, out)["word/styles.xml"]) {
		t.Error("the DOCX reference entries may split across pages (no keepLines)")
	}
}
