//go:build cgo

// The store (package data/sqlite) needs cgo: these tests, which run an
// export or an import against a real library, build only with it.

package export_test

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/xml"
	"io"
	"strings"
	"testing"

	"github.com/casebookapp/casebook/data/export"
	"github.com/casebookapp/casebook/data/export/cite"
	"github.com/casebookapp/casebook/data/glance"
)

// glanceDoc loads a seeded library's export document with its timeline and
// people index.
func glanceDoc(t *testing.T) export.Document {
	t.Helper()
	ctx := context.Background()
	lib := seeded(t)
	doc, err := export.Load(ctx, lib)
	if err != nil {
		t.Fatal(err)
	}
	c, err := glance.Load(ctx, lib)
	if err != nil {
		t.Fatal(err)
	}
	doc.Timeline, doc.People = c.Timeline, c.People
	return doc
}

func write(t *testing.T, doc export.Document, opt export.Options) (string, export.Report) {
	t.Helper()
	var buf bytes.Buffer
	rep, err := export.Write(&buf, doc, opt)
	if err != nil {
		t.Fatal(err)
	}
	return buf.String(), rep
}

func TestAidsInMarkdown(t *testing.T) {
	doc := glanceDoc(t)
	out, rep := write(t, doc, export.Options{Format: export.Markdown, Style: cite.APA, Include: export.Include{Timeline: true, People: true}})
	for _, want := range []string{
		"\n## Timeline\n",
		// One entry for the conviction, citing passages of each article,
		// the paragraphs of a source together (a caption, not numbered,
		// adds nothing to a source already cited).
		"- **11 February 2016** — Liang convicted of manslaughter and official misconduct (“Asian Organization Opposes,” 2016, paras. 4, 5, 7; Wang, 2016, paras. 5, 6, 8; *Ex-Cop Peter Liang Apologizes*, 2016, para. 6)",
		"\n## People and organisations\n\n### People\n",
		"- **Peter Liang** — rookie NYPD officer (also Liang, Peter) (“Asian Organization Opposes,” 2016, paras. 3, 4, 5, 6, 7; Wang,",
		"- **Schectman** (*Ex-Cop Peter Liang Apologizes*, 2016, para. 4) *Possibly a misspelling of Paul Shechtman in the source.*",
		"\n### Organisations\n",
		"*Sources differ:",
		"Date not resolved (“last week”)",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("missing %q", want)
		}
	}
	if rep.TimelineEntries != len(doc.Timeline) || rep.PeopleEntries != len(doc.People) {
		t.Errorf("report %+v", rep)
	}
	// No highlights yet, but the sections cite all three articles: they are
	// in the reference list.
	refs := out[strings.Index(out, "## References"):]
	for _, outlet := range []string{"AFRO", "NBC News", "Wang, F. K.-H."} {
		if !strings.Contains(refs, outlet) {
			t.Errorf("reference list lacks %s:\n%s", outlet, refs)
		}
	}
	if rep.Articles != 3 {
		t.Errorf("%d articles cited, want 3", rep.Articles)
	}
	// Without --include nothing changes.
	plain, _ := write(t, doc, export.Options{Format: export.Markdown, Style: cite.APA})
	if strings.Contains(plain, "## Timeline") || strings.Contains(plain, "## People") {
		t.Error("sections written without being included")
	}
}

func TestAidsChicagoFootnotes(t *testing.T) {
	doc := glanceDoc(t)
	out, _ := write(t, doc, export.Options{Format: export.Markdown, Style: cite.Chicago, Include: export.Include{Timeline: true}})
	// Every passage cited gets a note; the notes list has them all.
	refs := 0
	for _, e := range doc.Timeline {
		refs += len(e.Passages)
	}
	if n := strings.Count(out, "\n[^"); n != refs {
		t.Errorf("%d footnotes, want %d (one per passage cited)", n, refs)
	}
	// The first note on an article is full, later ones short.
	if !strings.Contains(out, "[^1]: ") || strings.Count(out, "https://afro.com") < 1 {
		t.Errorf("first note is not a full note:\n%s", out[strings.Index(out, "## Notes"):])
	}
}

func TestAidsInHTMLAndDOCX(t *testing.T) {
	doc := glanceDoc(t)
	doc.People[0].Role = "<script>alert(1)</script> & co"
	opt := export.Options{Style: cite.MLA, Include: export.Include{Timeline: true, People: true}}
	opt.Format = export.HTML
	out, _ := write(t, doc, opt)
	if !strings.Contains(out, `<section class="aids">`) || !strings.Contains(out, "<h2>Timeline</h2>") || !strings.Contains(out, "&lt;script&gt;alert(1)&lt;/script&gt; &amp; co") {
		t.Errorf("HTML sections or escaping wrong")
	}
	if strings.Contains(out, "<script>") {
		t.Error("unescaped role in HTML")
	}

	opt.Format = export.DOCX
	var buf bytes.Buffer
	if _, err := export.Write(&buf, doc, opt); err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		t.Fatal(err)
	}
	var body []byte
	for _, f := range zr.File {
		if f.Name == "word/document.xml" {
			r, _ := f.Open()
			body, _ = io.ReadAll(r)
			r.Close()
		}
	}
	dec := xml.NewDecoder(bytes.NewReader(body))
	for {
		if _, err := dec.Token(); err == io.EOF {
			break
		} else if err != nil {
			t.Fatalf("document.xml is not well formed: %v", err)
		}
	}
	for _, want := range []string{">Timeline<", ">People and organisations<", ">Organisations<", "Liang convicted of manslaughter", "&lt;script&gt;"} {
		if !bytes.Contains(body, []byte(want)) {
			t.Errorf("DOCX lacks %q", want)
		}
	}
}
