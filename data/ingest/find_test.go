package ingest

import (
	"strings"
	"testing"

	"github.com/casebookapp/casebook/data"
)

// pageCopyText builds the text a browser copy of a news page gives: a
// menu, the headline, a byline, the article, a share bar, other stories
// and a footer.
func pageCopyText(head, byline string, article []string, tail ...string) string {
	var b []string
	for _, m := range []string{"Skip to main content", "Home", "News", "Politics", "Sports", "Opinion", "Arts", "Search", "Subscribe", "Sign in"} {
		b = append(b, m)
	}
	b = append(b, "Local News", head, byline, "Share on Facebook", "Share on Twitter", "Email")
	b = append(b, article...)
	b = append(b, "Share on Facebook", "Share on Twitter", "Email")
	b = append(b, tail...)
	b = append(b, "Most Read", "Mayor Unveils Budget for Parks and Schools", "Storm Knocks Out Power Across Borough",
		"Subway Delays Expected This Weekend", "About Us", "Contact", "Privacy Policy", "Terms of Use", "© 2016 Brooklyn Daily Eagle")
	return strings.Join(b, "\n\n")
}

var sampleArticle = []string{
	"BROOKLYN — A former police officer convicted of manslaughter in the death of an unarmed man in a public housing stairwell was sentenced on Tuesday to five years of probation and 800 hours of community service.",
	"The judge said the shooting was an accident, but one that the officer could have prevented by calling for help sooner, and he reduced the jury's verdict to criminally negligent homicide.",
	"Relatives of the man who was killed said they were devastated by the sentence and vowed to keep pressing for a federal civil rights inquiry into the shooting.",
	"Supporters of the officer, many of whom had rallied outside the courthouse for months, said the outcome was fair given the circumstances of the night in question.",
}

func TestFindArticleInPageCopy(t *testing.T) {
	text := pageCopyText("Ex-Officer Gets Probation in Stairwell Shooting", "by Jane Doe @janedoe April 19, 2016: 5:12 PM ET", sampleArticle)
	a, err := Parse(text, "test", "page.txt")
	if err != nil {
		t.Fatal(err)
	}
	if a.Title != "Ex-Officer Gets Probation in Stairwell Shooting" {
		t.Errorf("Title = %q", a.Title)
	}
	if a.Author != "Jane Doe" {
		t.Errorf("Author = %q", a.Author)
	}
	if a.Date != "2016-04-19" {
		t.Errorf("Date = %q", a.Date)
	}
	var body []string
	for _, p := range a.Passages {
		if p.Kind == data.KindBody {
			body = append(body, p.Text)
		}
	}
	if strings.Join(body, "\n") != strings.Join(sampleArticle, "\n") {
		t.Errorf("body passages:\n%s\nwant the article's four paragraphs", strings.Join(body, "\n"))
		dumpPassages(t, a)
	}
}

// The headline is the line that the article's first paragraphs echo, not
// the section label or menu item nearest to it; the file's name helps.
func TestFindTitleByEcho(t *testing.T) {
	text := pageCopyText("Judge Spares Former Officer Prison Time", "Jane Doe", sampleArticle)
	// Put a stray label between the headline and the article.
	text = strings.Replace(text, "Jane Doe", "Jane Doe\n\nListen to this story\n\nUpdated 5 min ago", 1)
	a, err := Parse(text, "test", "page.txt")
	if err != nil {
		t.Fatal(err)
	}
	if a.Title != "Judge Spares Former Officer Prison Time" {
		t.Errorf("Title = %q", a.Title)
		dumpPassages(t, a)
	}
	if a.Author != "Jane Doe" {
		t.Errorf("Author = %q (a name alone under the headline)", a.Author)
	}
	// A headline-shaped dek right above the byline would win over the
	// headline two lines up (it stands where a headline stands); a file
	// named after the headline, in the student's words, decides.
	text2 := pageCopyText("Judge Spares Former Officer Prison Time", "Relatives Devastated as Supporters Rally at Courthouse\n\nBy Jane Doe", sampleArticle)
	if a, _ := Parse(text2, "test", "judge-spares-former-officer.txt"); a.Title != "Judge Spares Former Officer Prison Time" {
		t.Errorf("with the file named after the headline, Title = %q", a.Title)
	}
	a, _ = Parse(text, "test", "Local News about the stairwell case.txt")
	if a.Title != "Judge Spares Former Officer Prison Time" {
		t.Errorf("a file name that only shares a word must not move the title: %q", a.Title)
	}
}

// Comments under the article are not the article.
func TestFindArticleStopsAtComments(t *testing.T) {
	text := pageCopyText("Ex-Officer Gets Probation in Stairwell Shooting", "By Jane Doe", sampleArticle,
		"View comments (12)",
		"This is an outrage and the sentence sends exactly the wrong message to every officer in the city, if you ask me.",
		"I think the judge got it right given what the evidence showed at trial, and the family deserves our sympathy.")
	a, err := Parse(text, "test", "page.txt")
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range a.Passages {
		if p.Kind == data.KindBody && (strings.Contains(p.Text, "outrage") || strings.Contains(p.Text, "judge got it right")) {
			t.Errorf("a comment is body text: %q", p.Text)
		}
	}
}

func TestOutlets(t *testing.T) {
	tests := []struct {
		text, outlet string
	}{
		{"Officer Sentenced\n\n(China Daily USA)\n\n" + strings.Join(sampleArticle, "\n\n"), "China Daily USA"},
		{"Officer Sentenced\n\nProtesters gathered in New York(China Daily USA) on Saturday to oppose the verdict.\n\n" + strings.Join(sampleArticle, "\n\n"), ""},
		{"Officer Sentenced\n\n" + strings.Join(sampleArticle, "\n\n") + "\n\n© 2016 The Guardian", "The Guardian"},
		{"Officer Sentenced\n\n" + strings.Join(sampleArticle, "\n\n") + "\n\nhttps://www.nbcnews.com/news/asian-america/some-story-n558316", "NBC News"},
		{"Officer Sentenced\n\nNBC News\n\n" + strings.Join(sampleArticle, "\n\n"), "NBC News"},
		{"Officer Sentenced\n\n" + strings.Join(sampleArticle, "\n\n") + "\n\nTime", ""},
	}
	for _, tt := range tests {
		a, err := Parse(tt.text, "test", "a.txt")
		if err != nil {
			t.Fatal(err)
		}
		if a.Outlet != tt.outlet {
			t.Errorf("Outlet = %q, want %q for\n%.200s", a.Outlet, tt.outlet, tt.text)
		}
	}
}

func TestLooseByline(t *testing.T) {
	tests := map[string]string{
		"by Ahiza Garcia @ahiza_garcia February 1, 2016: 12:41 PM ET":                       "Ahiza Garcia",
		"By STEVEN DAVIDOFF SOLOMON JULY 29, 2016":                                          "Steven Davidoff Solomon",
		"By Erin Cunningham March 18 at 3:57 PM Follow @erinmcunningham":                    "Erin Cunningham",
		"by Laura June Topolsky July 10, 2015":                                              "Laura June Topolsky",
		"on March 10, 2015 by Nikhil Marathe":                                               "Nikhil Marathe",
		"By Daniel Kahn Gillmor, Senior Staff Technologist, ACLU Speech, Privacy, and Tech": "Daniel Kahn Gillmor",
		"by Eleanor Ainge Roy (reporting) and Adrian Malloch (photography)":                 "Eleanor Ainge Roy",
		"Par Sébastien Farcis":                                                              "Sébastien Farcis",
		"by the river the police found nothing":                                             "",
		"Updated by the hour":                                                               "",
	}
	for in, want := range tests {
		bl, ok := looseByline(in)
		got := strings.Join(bl.authors, "; ")
		if !ok {
			got = ""
		}
		if got != want {
			t.Errorf("looseByline(%q) = %q, want %q", in, got, want)
		}
	}
}

func FuzzFindArticle(f *testing.F) {
	f.Add(pageCopyText("Ex-Officer Gets Probation", "by Jane Doe April 19, 2016", sampleArticle, "View comments (3)"))
	f.Add("a\n\nb\n\nc\n\nd\n\ne\n\nf\n\ng\n\nh\n\n" + strings.Repeat("word ", 40) + ".")
	f.Add("By\n\nby by\n\n(AP)\n\n© \n\nhttp://\n\n1. x\n\n• y")
	f.Fuzz(func(t *testing.T, text string) {
		a, err := Parse(text, "fuzz", "fuzz.txt")
		if err != nil {
			return
		}
		titles := 0
		for _, p := range a.Passages {
			if !p.Kind.Valid() {
				t.Fatalf("invalid kind %q", p.Kind)
			}
			if p.Kind == data.KindTitle {
				titles++
			}
			if strings.TrimSpace(p.Text) == "" {
				t.Fatalf("empty passage")
			}
		}
		if titles > 1 {
			t.Fatalf("%d title passages", titles)
		}
	})
}
