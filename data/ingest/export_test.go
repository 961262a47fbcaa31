package ingest

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/casebookapp/casebook/data"
)

// The fixtures in testdata/import/exports are invented articles laid out as
// Nexis Uni, ProQuest and Factiva export them.
func TestDecodeExports(t *testing.T) {
	type want struct {
		meta      data.Meta
		firstBody string
		bodies    int
	}
	tests := map[string][]want{
		"nexis.txt": {
			{data.Meta{Title: "Ex-Officer Gets Probation in Stairwell Shooting", Author: "Jane Doe; John Roe", Outlet: "The Brooklyn Ledger", Date: "2016-04-20", Source: "nexis.txt", Type: data.Newspaper},
				"A former police officer convicted of manslaughter in the death of an unarmed man in a stairwell was sentenced on Tuesday to five years of probation and 800 hours of community service.", 3},
			{data.Meta{Title: "Vigil Held for Man Killed in Stairwell", Author: "Maria Lopez", Outlet: "The Neighbourhood Herald", Date: "2016-02-21", Source: "nexis.txt"},
				"Neighbours lit candles on Saturday outside the building where a young father was shot in a dark stairwell fifteen months ago.", 2},
		},
		"proquest.txt": {
			{data.Meta{Title: "Sentencing Draws Protests From Two Sides", Author: "Amy Chen", Outlet: "The Harbor Courier", Date: "2016-04-20", Source: "https://www.example.org/docview/1234567890", Type: data.Newspaper},
				"Hundreds of people gathered outside the courthouse on Tuesday as a judge sentenced a former police officer to probation for a fatal shooting in a housing project.", 3},
			{data.Meta{Title: "Judge Explains Reduced Charge", Author: "Daniel Okafor", Outlet: "The Harbor Courier", Date: "2016-04-21", Source: "proquest.txt"},
				"The judge wrote that the evidence showed recklessness but not a conscious disregard of risk.", 1},
		},
		"factiva.txt": {
			{data.Meta{Title: "Officer Apologises to Partner of Man He Shot", Author: "Sam Lee", Outlet: "Metro Wire Service", Date: "2016-03-24", Source: "factiva.txt"},
				"A former police officer met the partner of the man he shot and apologised, her lawyer said on Thursday.", 4},
		},
		// Factiva's default "Article" display, without the codes.
		"factiva-display.txt": {
			{data.Meta{Title: "Community Groups Divided Over Officer's Sentence", Author: "Dana Whitfield", Outlet: "Riverside Weekly Herald", Date: "2016-04-21", Source: "factiva-display.txt"},
				"Community groups in the city were divided on Wednesday over the sentence handed to the former officer, with some calling it a fair outcome and others saying it showed a double standard.", 2},
			{data.Meta{Title: "Vigil Planned at Housing Project", Outlet: "Metro Wire Service", Date: "2016-04-22", Source: "factiva-display.txt"},
				"Neighbours said on Thursday they would hold a candlelight vigil at the housing project where the man was killed, on the anniversary of his death.", 1},
		},
	}
	for name, wants := range tests {
		t.Run(name, func(t *testing.T) {
			b, err := os.ReadFile(filepath.Join(fixtures, "exports", name))
			if err != nil {
				t.Fatal(err)
			}
			arts, err := decodeAll(name, b)
			if err != nil {
				t.Fatal(err)
			}
			if len(arts) != len(wants) {
				t.Fatalf("%d articles, want %d", len(arts), len(wants))
			}
			for i, a := range arts {
				w := wants[i]
				if a.Meta != w.meta {
					t.Errorf("article %d: Meta = %+v\nwant %+v", i+1, a.Meta, w.meta)
				}
				var bodies []string
				for _, p := range a.Passages {
					if p.Kind == data.KindBody {
						bodies = append(bodies, p.Text)
					}
					for _, field := range []string{"Load-Date:", "Length:", "Section:", "Copyright", "Publication date:", "Database:", "Metro Wire Service. All", "Document MWS"} {
						if p.Kind == data.KindBody && strings.Contains(p.Text, field) {
							t.Errorf("article %d: a field is body text: %q", i+1, p.Text)
						}
					}
				}
				if len(bodies) != w.bodies || len(bodies) > 0 && bodies[0] != w.firstBody {
					t.Errorf("article %d: %d body passages, want %d starting %q", i+1, len(bodies), w.bodies, w.firstBody)
					dumpPassages(t, a)
				}
				wantOrigin := name
				if len(wants) > 1 {
					wantOrigin = name + "#" + string(rune('1'+i))
				}
				if a.Origin != wantOrigin {
					t.Errorf("article %d: Origin %q, want %q", i+1, a.Origin, wantOrigin)
				}
			}
		})
	}
}

// A database's export saved as a Word document splits the same way.
func TestDecodeExportDOCX(t *testing.T) {
	b, err := os.ReadFile(filepath.Join(fixtures, "exports", "nexis.txt"))
	if err != nil {
		t.Fatal(err)
	}
	var d docxDoc
	for _, line := range strings.Split(string(b), "\n") {
		d.paras = append(d.paras, docxPara{text: line})
	}
	arts, err := decodeAll("nexis.docx", makeDOCX(t, d))
	if err != nil {
		t.Fatal(err)
	}
	if len(arts) != 2 || arts[0].Title != "Ex-Officer Gets Probation in Stairwell Shooting" || arts[1].Author != "Maria Lopez" {
		for _, a := range arts {
			t.Logf("%+v", a.Meta)
		}
		t.Errorf("%d articles from the .docx export", len(arts))
	}
}

// TestNexisCoverPage imports a Nexis Uni download of several articles,
// which opens with a cover page: who downloaded it and when, and the list
// of its documents' headlines, numbered. The headline of the first article
// is the one above its publication and date, not the first line of the
// file, and the cover page's list is not its publication.
func TestNexisCoverPage(t *testing.T) {
	text := `User Name: Sam Student
Date and Time: Monday, November 30, 2026 10:15:00 AM EST
Job Number: 123456789

Documents (2)

1. Brooklyn Officer Sentenced to Probation in Stairwell Shooting
Client/Matter: -None-
2. Protesters Rally at Cadman Plaza Before Sentencing
Client/Matter: -None-

Brooklyn Officer Sentenced to Probation in Stairwell Shooting
The Brooklyn Ledger
April 20, 2016 Wednesday
Final Edition

Copyright 2016 Brooklyn Ledger Company All Rights Reserved

Section: METRO; Pg. A1
Length: 412 words
Byline: Marisol Ortega and Kevin Tran

Body

A former police officer convicted of manslaughter in the death of an unarmed man was sentenced on Tuesday to five years of probation.

Supporters of the dead man's family said outside the courthouse that the sentence sent the wrong message.

Load-Date: April 21, 2016

End of Document

Cadman Plaza: Protesters Rally Before Sentencing
The Brooklyn Ledger
April 18, 2016 Monday

Section: METRO; Pg. A3
Length: 230 words
Byline: KEVIN TRAN

Body

Several hundred people gathered in Cadman Plaza on Sunday, some calling for leniency and others for a prison sentence.

Load-Date: April 19, 2016

End of Document
`
	arts, err := decodeAll("Files (3).txt", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	want := []data.Meta{
		{Title: "Brooklyn Officer Sentenced to Probation in Stairwell Shooting", Author: "Marisol Ortega; Kevin Tran", Outlet: "The Brooklyn Ledger", Date: "2016-04-20", Source: "Files (3).txt"},
		{Title: "Cadman Plaza: Protesters Rally Before Sentencing", Author: "Kevin Tran", Outlet: "The Brooklyn Ledger", Date: "2016-04-18", Source: "Files (3).txt"},
	}
	if len(arts) != len(want) {
		t.Fatalf("%d articles, want %d", len(arts), len(want))
	}
	for i, a := range arts {
		if a.Meta != want[i] {
			t.Errorf("article %d: Meta = %+v\nwant %+v", i+1, a.Meta, want[i])
		}
		for _, p := range a.Passages {
			if p.Kind == data.KindBody && (strings.Contains(p.Text, "Sam Student") || strings.HasPrefix(p.Text, "1. ")) {
				t.Errorf("article %d: the cover page in the body: %q", i+1, p.Text)
			}
		}
	}
}

// Text that mentions a field or two is not an export.
func TestNotAnExport(t *testing.T) {
	for _, text := range []string{
		"Notes: bring the article\n\nLanguage: English\n\nThe verdict came on Thursday.",
		"Title: My essay\n\nAuthor: Me\n\nA paragraph.",
		"Byline: Jane Doe\n\nThe article text.",
	} {
		if l := exportLayout(text); l != "" {
			t.Errorf("exportLayout(%q) = %q", text, l)
		}
	}
}

func FuzzSplitExport(f *testing.F) {
	for _, name := range []string{"nexis.txt", "proquest.txt", "factiva.txt"} {
		b, err := os.ReadFile(filepath.Join(fixtures, "exports", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(string(b))
	}
	f.Fuzz(func(t *testing.T, text string) {
		for _, a := range splitExport(normaliseNewlines(text)) {
			if strings.TrimSpace(a.text) == "" {
				t.Fatal("an empty article")
			}
		}
		arts, err := decodeAll("f.txt", []byte(text))
		if err != nil {
			return
		}
		for _, a := range arts {
			if len(a.Passages) == 0 {
				t.Fatal("an article without passages")
			}
		}
	})
}

// TestExportOutletDropsPlace: a database tells papers of one name apart by
// a place after the name ("Daily News (New York)"); a citation gives the
// paper's name alone. The student reviewer's Nexis download cited "The
// Brooklyn Ledger (New York)".
func TestExportOutletDropsPlace(t *testing.T) {
	for in, want := range map[string]string{
		"The Brooklyn Ledger (New York)":     "The Brooklyn Ledger",
		"Daily News (New York)":              "Daily News",
		"The Guardian (London)":              "The Guardian",
		"The Star (Toronto, Canada)":         "The Star",
		"The New York Times":                 "The New York Times",
		"Newsday (Combined editions)":        "Newsday (Combined editions)",
		"Metro Wire Service (AP-7)":          "Metro Wire Service (AP-7)",
		"  The Harbor Courier  ":             "The Harbor Courier",
		"St. Louis Post-Dispatch (Missouri)": "St. Louis Post-Dispatch",
	} {
		if got := exportOutlet(in); got != want {
			t.Errorf("exportOutlet(%q) = %q; want %q", in, got, want)
		}
	}
}

// TestExportSourceType: a database's publication-type field says how the
// styles cite an article (a newspaper's name in italics in APA), even for
// a paper the known-outlet list does not know.
func TestExportSourceType(t *testing.T) {
	for in, want := range map[string]data.SourceType{
		"Newspaper":            data.Newspaper,
		"Newspapers":           data.Newspaper,
		"Magazines & Journals": data.Magazine,
		"Web Publication":      data.NewsWebsite,
		"Newswire":             data.NewsWebsite,
		"Wire Feeds":           data.NewsWebsite,
		"Web Blog":             data.Blog,
		"Press Release":        data.PressRelease,
		"Scholarly Journals":   "",
		"":                     "",
	} {
		if got := exportSourceType(in); got != want {
			t.Errorf("exportSourceType(%q) = %q; want %q", in, got, want)
		}
	}
}
