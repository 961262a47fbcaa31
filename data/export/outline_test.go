//go:build cgo

// The store (package data/sqlite) needs cgo: these tests, which run an
// export or an import against a real library, build only with it.

package export

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/casebookapp/casebook/data"
	"github.com/casebookapp/casebook/data/export/cite"
	"github.com/casebookapp/casebook/data/sqlite"
	"github.com/casebookapp/casebook/data/webanno"
	"github.com/casebookapp/casebook/seeds"
)

// seedArticles are the bundled articles, one body passage per paragraph
// (package ingest, which parses them properly, imports this package).
func seedArticles() []data.NewArticle {
	var out []data.NewArticle
	for _, f := range seeds.Files() {
		a := data.NewArticle{Origin: "seed:" + f.Name, Original: f.Text, Meta: data.Meta{
			Title: f.Source.Title, Outlet: f.Source.Outlet, Author: f.Source.Author, Date: f.Source.Date, Source: f.Source.URL}}
		for _, p := range strings.Split(f.Text, "\n\n") {
			if p = strings.TrimSpace(p); p != "" {
				a.Passages = append(a.Passages, data.NewPassage{Kind: data.KindBody, Text: p})
			}
		}
		out = append(out, a)
	}
	return out
}

// find returns the passage of an article that contains s.
func find(t *testing.T, lib *sqlite.Library, a data.Article, s string) data.Passage {
	t.Helper()
	ps, err := lib.Passages(context.Background(), a.ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range ps {
		if strings.Contains(p.Text, s) {
			return p
		}
	}
	t.Fatalf("no passage of %q contains %q", a.Title, s)
	return data.Passage{}
}

// briefLibrary is the walk-through: the seeds in a real library, a
// case brief with a passage of AFRO in Facts (with a note on it), NBC's
// highlighted 500 hours in Outcome, a note in Reactions, and the student's
// text under Issue.
func briefLibrary(t *testing.T) (*sqlite.Library, map[string]data.Article) {
	t.Helper()
	ctx := context.Background()
	lib, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "library.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { lib.Close() })
	res, err := lib.SyncArticles(ctx, seedArticles())
	if err != nil {
		t.Fatal(err)
	}
	arts := map[string]data.Article{}
	for _, r := range res {
		switch {
		case strings.Contains(r.Article.Title, "Asian Organization"):
			arts["afro"] = r.Article
		case strings.Contains(r.Article.Title, "Apologizes"):
			arts["apology"] = r.Article
		default:
			arts["wang"] = r.Article
		}
	}
	o, err := lib.NewOutline(ctx, "Liang brief", "brief")
	if err != nil {
		t.Fatal(err)
	}
	afro4 := find(t, lib, arts["afro"], "ricocheted")
	if _, err := lib.AddNote(ctx, data.NewNote{PassageID: afro4.ID, Body: "The ricochet: **no aim**."}); err != nil {
		t.Fatal(err)
	}
	nbc7 := find(t, lib, arts["apology"], "500 hours")
	start := strings.Index(nbc7.Text, "500 hours")
	startR := len([]rune(nbc7.Text[:start]))
	h, err := lib.AddHighlight(ctx, nbc7.ID, startR, startR+len("500 hours of community service"), "green")
	if err != nil {
		t.Fatal(err)
	}
	afro7 := find(t, lib, arts["afro"], "APALA believes")
	n, err := lib.AddNote(ctx, data.NewNote{PassageID: afro7.ID, Body: "APALA wanted jail time."})
	if err != nil {
		t.Fatal(err)
	}
	for _, add := range []struct {
		section string
		item    data.NewItem
	}{
		{"Facts", data.NewItem{PassageID: afro4.ID}},
		{"Facts", data.NewItem{PassageID: find(t, lib, arts["afro"], "Liang was convicted").ID}},
		{"Outcome", data.NewItem{HighlightID: h.ID}},
		{"Reactions", data.NewItem{NoteID: n.ID}},
	} {
		if _, err := lib.AddToOutline(ctx, "Liang brief", add.section, add.item); err != nil {
			t.Fatal(err)
		}
	}
	if err := lib.SetSectionText(ctx, o.Sections[2].ID, "Was Liang's sentence *lenient*?"); err != nil {
		t.Fatal(err)
	}
	return lib, arts
}

func TestOutlineExport(t *testing.T) {
	lib, arts := briefLibrary(t)
	doc, err := Load(context.Background(), lib)
	if err != nil {
		t.Fatal(err)
	}
	afro4 := find(t, lib, arts["afro"], "ricocheted")
	afro7 := find(t, lib, arts["afro"], "APALA believes")
	nbc7 := find(t, lib, arts["apology"], "500 hours")
	afro5 := find(t, lib, arts["afro"], "Liang was convicted")
	for _, style := range []cite.Style{cite.APA, cite.MLA} {
		// The citations are the cite package's, whatever its rules.
		afroCite := style.InText(arts["afro"], afro4.N).String()
		nbcCite := style.InText(arts["apology"], nbc7.N).String()
		noteCite := style.InText(arts["afro"], afro7.N).String()
		// The reference list of the two articles the outline cites.
		refs := style.List([]data.Article{arts["afro"], arts["apology"]}).References()

		t.Run(string(style)+"/docx", func(t *testing.T) {
			var buf bytes.Buffer
			rep, err := Write(&buf, doc, Options{Format: DOCX, Style: style, Scope: Scope{Outline: "liang BRIEF"}})
			if err != nil {
				t.Fatal(err)
			}
			if rep.Entries != 4 || rep.Articles != 2 || len(rep.Failures) != 0 {
				t.Errorf("report %+v", rep)
			}
			ps := wordParagraphs(t, docxParts(t, buf.Bytes())["word/document.xml"])
			var got []string
			for _, p := range ps {
				switch p.Style {
				case "Title", "Heading1", "Quote", "Bibliography", "Normal", "NoteText":
					got = append(got, p.Style+": "+p.Text)
				}
			}
			want := []string{
				"Title: Liang brief",
				"Heading1: Facts",
				"Quote: " + afro4.Text + " " + afroCite,
				"NoteText: The ricochet: no aim.",
				"Quote: " + afro5.Text + " " + style.InText(arts["afro"], afro5.N).String(),
				"Heading1: Procedural history",
				"Heading1: Issue",
				"Normal: Was Liang's sentence lenient?",
				"Heading1: Outcome",
				"Quote: 500 hours of community service " + nbcCite,
				"Heading1: Reasoning",
				"Heading1: Reactions",
				"Quote: " + afro7.Text + " " + noteCite,
				"NoteText: APALA wanted jail time.",
				"Heading1: " + style.ListTitle(),
				"Bibliography: " + refs[0].String(),
				"Bibliography: " + refs[1].String(),
			}
			if strings.Join(got, "\n") != strings.Join(want, "\n") {
				t.Errorf("document:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
			}
		})
		t.Run(string(style)+"/md", func(t *testing.T) {
			var buf bytes.Buffer
			if _, err := Write(&buf, doc, Options{Format: Markdown, Style: style, Scope: Scope{Outline: "Liang brief"}}); err != nil {
				t.Fatal(err)
			}
			out := buf.String()
			order := []string{"# Liang brief", "## Facts", md(afro4.Text) + " " + style.InText(arts["afro"], afro4.N).Markdown(), "The ricochet: **no aim**.",
				"## Procedural history", "## Issue", "Was Liang's sentence *lenient*?", "## Outcome",
				"500 hours of community service " + style.InText(arts["apology"], nbc7.N).Markdown(), "## Reasoning", "## Reactions", "APALA wanted jail time.",
				"## " + style.ListTitle(), refs[0].Markdown(), refs[1].Markdown()}
			at := 0
			for _, w := range order {
				i := strings.Index(out[at:], w)
				if i < 0 {
					t.Fatalf("%q missing or out of order in:\n%s", w, out)
				}
				at += i + len(w)
			}
			if strings.Contains(out, "Liang Sentencing Prompts") {
				t.Errorf("the reference list has an article the outline does not cite:\n%s", out)
			}
		})
		t.Run(string(style)+"/html", func(t *testing.T) {
			var buf bytes.Buffer
			if _, err := Write(&buf, doc, Options{Format: HTML, Style: style, Scope: Scope{Outline: "Liang brief"}}); err != nil {
				t.Fatal(err)
			}
			text, _ := htmlText(t, buf.Bytes())
			for _, w := range []string{"Facts", "Procedural history", "Was Liang's sentence lenient?", "500 hours of community service " + nbcCite} {
				if !strings.Contains(text, w) {
					t.Errorf("HTML lacks %q:\n%s", w, text)
				}
			}
		})
	}

	t.Run("Chicago", func(t *testing.T) {
		var buf bytes.Buffer
		rep, err := Write(&buf, doc, Options{Format: Markdown, Style: cite.Chicago, Scope: Scope{Outline: "Liang brief"}})
		if err != nil {
			t.Fatal(err)
		}
		out := buf.String()
		full := cite.Chicago.Note(arts["afro"], afro4.N).Markdown()
		if rep.Entries != 4 || !strings.Contains(out, "[^1]: "+full) || !strings.Contains(out, "[^4]: "+cite.Chicago.ShortNote(arts["afro"], afro7.N).Markdown()) {
			t.Errorf("Chicago notes:\n%s", out)
		}
	})

	t.Run("Errors", func(t *testing.T) {
		var buf bytes.Buffer
		if _, err := Write(&buf, doc, Options{Format: Markdown, Scope: Scope{Outline: "nope"}}); data.ErrorCode(err) != data.ENOTFOUND || !strings.Contains(err.Error(), "Liang brief") {
			t.Errorf("unknown outline: %v", err)
		}
		if _, err := Write(&buf, doc, Options{Format: CSV, Scope: Scope{Outline: "Liang brief"}}); data.ErrorCode(err) != data.EINVALID {
			t.Errorf("CSV outline: %v", err)
		}
		if s, err := ParseScope("outline:Liang brief"); err != nil || s.Outline != "Liang brief" || s.String() != "outline:Liang brief" {
			t.Errorf("ParseScope: %+v %v", s, err)
		}
	})
}

// Outlines go into the W3C bundle as ordered collections and come back on
// import, into another library, with their sections, text and items in
// order; merging the same file again changes nothing.
func TestOutlineBundleRoundTrip(t *testing.T) {
	ctx := context.Background()
	lib, _ := briefLibrary(t)
	doc, err := Load(ctx, lib)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if _, err := Write(&buf, doc, Options{Format: JSON}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), `"casebook:outlines"`) || !strings.Contains(buf.String(), `"OrderedCollection"`) {
		t.Fatalf("no outlines in the bundle:\n%s", buf.String())
	}
	anns, outlines, err := webanno.ReadBundle(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	if len(outlines) != 1 || outlines[0].Name != "Liang brief" || len(outlines[0].Sections) != 6 {
		t.Fatalf("outlines read back: %+v", outlines)
	}

	other, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "classmate.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	if _, err := other.SyncArticles(ctx, seedArticles()); err != nil {
		t.Fatal(err)
	}
	// The classmate has an outline of the same name already: theirs stays,
	// and the incoming one is named for whom it is from.
	if _, err := other.NewOutline(ctx, "Liang brief", "essay"); err != nil {
		t.Fatal(err)
	}
	rep, err := other.MergeBundle(ctx, data.MergeFrom{Name: "classmate"}, anns, outlines)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Outlines != 1 || len(rep.Skipped) != 0 {
		t.Errorf("merge report %+v", rep)
	}
	want, _ := lib.OutlineByName(ctx, "Liang brief")
	got, err := other.OutlineByName(ctx, "Liang brief (from classmate)")
	if err != nil {
		t.Fatal(err)
	}
	if got.UID != want.UID || got.Template != "brief" {
		t.Errorf("outline %+v", got)
	}
	shape := func(o data.Outline) string {
		var b strings.Builder
		for _, s := range o.Sections {
			b.WriteString("# " + s.Heading + "|" + s.Text + "\n")
			for _, it := range s.Items {
				b.WriteString("  " + string(it.Kind) + " " + strings.Join(it.Quotes, "/") + " :: " + strings.Join(it.Notes, "/") + "\n")
			}
		}
		return b.String()
	}
	if shape(got) != shape(want) {
		t.Errorf("outline after the round trip:\n%s\nwant:\n%s", shape(got), shape(want))
	}
	rep, err = other.MergeBundle(ctx, data.MergeFrom{Name: "classmate"}, anns, outlines)
	if err != nil || rep.Outlines != 0 || rep.Added != 0 {
		t.Errorf("merging again: %+v %v", rep, err)
	}
	if list, _ := other.Outlines(ctx); len(list) != 2 {
		t.Errorf("outlines after merging twice: %+v", list)
	}
	// Undoing the merge takes the classmate's outline away with their
	// highlights and notes; the student's own outline stays.
	if _, err := other.UndoLastImport(ctx); err != nil {
		t.Fatal(err)
	}
	if list, _ := other.Outlines(ctx); len(list) != 1 || list[0].Name != "Liang brief" {
		t.Errorf("outlines after undoing the merge: %+v", list)
	}
	if ns, _ := other.Notes(ctx, data.NoteFilter{}); len(ns) != 0 {
		t.Errorf("notes after undoing the merge: %d", len(ns))
	}

	// A bundle whose outline names an annotation it does not carry: the
	// item is left out and reported.
	outlines[0].UID = "another-outline"
	outlines[0].Sections[3].Items[0].UID = "missing-highlight"
	fresh, _ := sqlite.Open(ctx, filepath.Join(t.TempDir(), "third.db"))
	defer fresh.Close()
	fresh.SyncArticles(ctx, seedArticles())
	rep, err = fresh.MergeBundle(ctx, data.MergeFrom{Name: "classmate"}, nil, outlines)
	if err != nil || rep.Outlines != 1 || len(rep.Skipped) != 2 {
		t.Errorf("partial bundle: %+v %v", rep, err)
	}
	o, err := fresh.OutlineByName(ctx, "Liang brief")
	if err != nil || len(o.Sections[0].Items) != 2 || len(o.Sections[3].Items) != 0 {
		t.Errorf("partial outline: %+v %v", o, err)
	}
}
