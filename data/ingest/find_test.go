package ingest

import (
	"fmt"
	"strings"
	"testing"

	"github.com/casebookapp/casebook/data"
)

// pageCopyText builds the text a browser copy of a news page gives: a
// menu, the headline, a byline, the article, a share bar, other stories
// and a footer.
func pageCopyText(head, byline string, article []string, tail ...string) string {
	b := []string{"Skip to main content", "Home", "News", "Politics", "Sports", "Opinion", "Arts", "Search", "Subscribe", "Sign in"}
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
	body := bodyTexts(a)
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

// A name alone over a date line ("Oct 18, 2019 · 8 min read") or over a
// job ("Games Editor"), or with a time after it ("Jane Doe • 8h"), is the
// byline, and the headline is the line above
// it, not the article's first subheading under the date.
func TestFindDatedNameByline(t *testing.T) {
	article := append([]string{"Why the officer was sentenced to probation"}, sampleArticle...)
	for _, under := range []string{"\n\nOct 18, 2019 · 8 min read", "\n\nStaff Writer\n\nOctober 18, 2019", " • 8h", " | March 3, 2017"} {
		text := pageCopyText("Judge Spares Former Officer Prison Time", "Jane Doe"+under, article)
		a, err := Parse(text, "test", "page.txt")
		if err != nil {
			t.Fatal(err)
		}
		if a.Title != "Judge Spares Former Officer Prison Time" {
			t.Errorf("over %q: Title = %q", under, a.Title)
			dumpPassages(t, a)
		}
		if a.Author != "Jane Doe" {
			t.Errorf("over %q: Author = %q", under, a.Author)
		}
	}
}

// A line of links between bars is not prose, however long; a sentence
// is.
func TestProseShape(t *testing.T) {
	tests := []struct {
		text string
		want bool
	}{
		{"The judge said the shooting was an accident that the officer could have prevented by calling for help.", true},
		{"About us | Contact us | Advertise with us | Jobs at the paper | Terms of use and privacy policy of this site and all of its many pages.", false},
		{"关于我们｜联系我们｜广告服务｜人才招聘｜网站地图｜版权声明｜共青团中央主办共青团中央网络影视中心承办信息网络传播视听节目许可证", false},
	}
	for _, tt := range tests {
		info := scoreBlocks([]para{{text: tt.text, kind: data.KindBody}})
		if info[0].prose != tt.want {
			t.Errorf("prose(%q) = %v, want %v", tt.text, info[0].prose, tt.want)
		}
	}
}

// A name is a byline next to a date or a time, not next to any number:
// "Reader Score" over "87" is a product's score.
func TestNameBylineNeedsDate(t *testing.T) {
	tests := []struct {
		name, next string
		want       bool
	}{
		{"Jane Doe", "11.03.17 in Gadgetry", true},
		{"Jane Doe", "5 hours ago", true},
		{"Jane Doe", "Oct 18 · 8 min read", true},
		{"Reader Score", "87", false},
		{"Jane Doe", "2192 Shares", false},
		{"Buy Now", "March 3, 2017", false},
		{"Jane Doe and John Roe", "April 19, 2016", true},
		{"Jane Doe, Reuters", "April 19, 2016", true},
		{"Jane Doe | Staff Writer", "5 hours ago", true},
		{"Games Editor", "October 13, 2016", false},
		{"Politics and Business", "April 19, 2016", false},
	}
	for _, tt := range tests {
		paras := []para{{text: tt.name, kind: data.KindBody}, {text: tt.next, kind: data.KindBody}}
		if got := markNameByline(paras, 0, false); got != tt.want {
			t.Errorf("%q over %q: byline = %v, want %v", tt.name, tt.next, got, tt.want)
		}
	}
}

// A line with a date in a few words stands under the headline like a
// dateline, whatever else it says; the line under it is a subheading.
func TestFindTitleOverDatedLine(t *testing.T) {
	for _, dated := range []string{"Posted by jdoe, rroe on 2019-02-15, all posts", "Joe Wee Monday, February 29, 2016 @ 11:10 PM UTC"} {
		text := pageCopyText("Judge Spares Former Officer Prison Time", "Share", nil)
		text = strings.Replace(text, "Judge Spares Former Officer Prison Time\n\nShare", "Judge Spares Former Officer Prison Time\n\n"+dated+
			"\n\nOfficer sentenced to probation for stairwell shooting\n\n"+strings.Join(sampleArticle, "\n\n"), 1)
		a, err := Parse(text, "test", "page.txt")
		if err != nil {
			t.Fatal(err)
		}
		if a.Title != "Judge Spares Former Officer Prison Time" {
			t.Errorf("over %q: Title = %q", dated, a.Title)
		}
	}
}

// A video player or a chart's labels can cut an article's first
// paragraphs off from the longer rest: the article still starts under
// its byline, and the headline is the line over the dek over it, not a
// picture's caption.
func TestFindArticleCutByPlayer(t *testing.T) {
	first := sampleArticle[:3]
	var player []string
	for i := 0; i < 8; i++ {
		player = append(player, "Play", "Mute", "Current Time 0:00", "Fullscreen", "Captions")
	}
	rest := append([]string{
		"The court heard from several witnesses over two weeks, among them neighbours who described the darkness of the stairwell on the night of the shooting.",
		"Lawyers for both sides declined to comment after the hearing, though the prosecutor's office said in a statement that it respected the court's decision.",
		"A hearing on the officer's request to have the conviction set aside altogether is scheduled for next month in the same courtroom.",
		"Community groups said they would hold a vigil outside the housing project on Saturday evening to remember the man who was killed.",
	}, sampleArticle[3:]...)
	article := append(append(append([]string{}, first...), player...), rest...)
	head := "Judge Spares Former Officer Prison Time\n\nRelatives of the victim say the sentence is far too light"
	text := pageCopyText(head, "Jane Doe\n\nApril 19, 2016\n\nThe judge at the hearing. Photograph: John Roe", article)
	a, err := Parse(text, "test", "page.txt")
	if err != nil {
		t.Fatal(err)
	}
	if a.Title != "Judge Spares Former Officer Prison Time" {
		t.Errorf("Title = %q", a.Title)
	}
	if a.Author != "Jane Doe" {
		t.Errorf("Author = %q", a.Author)
	}
	body := bodyTexts(a)
	want := append(append([]string{}, first...), rest...)
	if strings.Join(body, "\n") != strings.Join(want, "\n") {
		t.Errorf("body passages:\n%s\nwant the article's paragraphs on both sides of the player", strings.Join(body, "\n"))
		dumpPassages(t, a)
	}
}

// A photo gallery inside the article ("1/4 Star Wars boosts economy",
// each slide with a caption of prose) is furniture; the article goes on
// under it.
func TestFindArticleSkipsGallery(t *testing.T) {
	gallery := []string{"Business news in pictures", "4 show all"}
	captions := []string{
		"Production of the next space film has brought an economic impact of some 150 million pounds to the region, according to the finance minister.",
		"The founder of the online fashion retailer decided to quit during a summer of reflection, the company said in a statement on Tuesday.",
		"The chief executive said that she was expecting twins in December and that she planned to take only limited time away from the office.",
		"The central pier has been put up for sale by its owner as the attractions on it struggle to draw the crowds they once did each summer.",
	}
	for i, c := range captions {
		gallery = append(gallery, fmt.Sprintf("%d/4 Slide headline number %d", i+1, i+1), c, "GETTY IMAGES")
	}
	article := append(append(append([]string{}, sampleArticle[:2]...), gallery...), sampleArticle[2:]...)
	a, err := Parse(pageCopyText("Ex-Officer Gets Probation in Stairwell Shooting", "By Jane Doe", article), "test", "page.txt")
	if err != nil {
		t.Fatal(err)
	}
	var body []string
	for _, p := range a.Passages {
		if p.Kind.Numbered() {
			body = append(body, p.Text)
		}
	}
	if strings.Join(body, "\n") != strings.Join(sampleArticle, "\n") {
		t.Errorf("numbered passages:\n%s\nwant the article's four paragraphs", strings.Join(body, "\n"))
		dumpPassages(t, a)
	}
}

// A sentence ends before its footnote marks: "... in a time loop.[55]"
// is prose, not a label.
func TestEndsSentenceBeforeFootnotes(t *testing.T) {
	for _, s := range []string{"It loops.[55]", "It loops. [55][56]", "It loops.[citation needed]", "It loops."} {
		if !endsSentenceAny(s) {
			t.Errorf("endsSentenceAny(%q) = false", s)
		}
	}
	for _, s := range []string{"It loops [55]", "Chapter [12]", "See also[edit]"} {
		if endsSentenceAny(s) {
			t.Errorf("endsSentenceAny(%q) = true", s)
		}
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
		"by jane doe":                                                                       "Jane Doe",
		"by jane doe and john roe May 8, 2016":                                              "Jane Doe; John Roe",
		"by the way this is":                                                                "",
		"by email or phone":                                                                 "",
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

// TestLooseBylineCutTakesNoOutlet checks a byline that reads as one only
// once the parts after the name are cut away: they are the writer's job
// and employer, which is not the outlet ("ACLU Speech, Privacy, and
// Technology Project" gave the outlet "ACLU Speech"), so no outlet is
// taken from what is left of them.
func TestLooseBylineCutTakesNoOutlet(t *testing.T) {
	for _, in := range []string{
		"By Jane Roe, Senior Staff Technologist, FCLU Speech, Privacy, and Technology Project",
		"By Jane Roe, Senior Fellow, Fern News Institute, Gardens, and Policy Program",
	} {
		bl, ok := looseByline(in)
		if !ok || strings.Join(bl.authors, "; ") != "Jane Roe" {
			t.Errorf("looseByline(%q) = %+v, %v; want the author Jane Roe", in, bl, ok)
		}
		if bl.outlet != "" {
			t.Errorf("looseByline(%q) took the outlet %q from the writer's employer", in, bl.outlet)
		}
	}
	if bl, ok := looseByline("By Jane Roe, Staff Writer, The Fern Gazette"); !ok || bl.outlet != "The Fern Gazette" {
		t.Errorf("a whole byline keeps its outlet: got %+v, %v", bl, ok)
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

// French headlines quote titles in guillemets: "»" closes a quotation
// there and does not separate the items of a menu.
func TestGuillemetsAreNoNavBar(t *testing.T) {
	for _, s := range []string{"Screenshot : «Vape Wave», «6 Days», «Alphonse Président»…", "«Un», «Deux», «Trois» et «Quatre»"} {
		if isNavBar(s) {
			t.Errorf("isNavBar(%q) = true", s)
		}
	}
	if !isNavBar("Accueil » Monde » Europe") {
		t.Error("a breadcrumb with » is a navigation bar")
	}
	if !isNavBar("[Docs] [txt|pdf] [Tracker] [Email] [Diff1] [Diff2] [Nits]") {
		t.Error("a line of links in brackets is a navigation bar")
	}
	if isNavBar("[Updated] Council votes to rename two streets") {
		t.Error("a headline with a bracketed label is no navigation bar")
	}
}

// A kicker stands over the headline, and the headline is the line the
// page prints twice (at the top and over the byline): the kicker is not
// taken for a headline over its dek.
func TestFindTitleUnderKicker(t *testing.T) {
	// The kicker echoes the article more than the headline does.
	head := "A Sentence Nobody Expected After Months of Protests"
	text := head + "\n\n" + pageCopyText("Officer Sentenced in Stairwell Shooting\n\n"+head, "By Jane Doe", sampleArticle)
	a, err := Parse(text, "test", "page.txt")
	if err != nil {
		t.Fatal(err)
	}
	if a.Title != head {
		t.Errorf("Title = %q, want the repeated headline under the kicker", a.Title)
		dumpPassages(t, a)
	}
}

// A date in French is a date: "30 avril 2015", "1er mars 2019".
func TestFrenchDates(t *testing.T) {
	for s, want := range map[string]string{
		"AFP 30 avril 2015 à 07:19 (Mis à jour : 30 avril 2015 à 07:38)": "2015-04-30",
		"Par Jeanne Dupont — 1er mars 2019 à 15:20":                      "2019-03-01",
		"le 24 Décembre 2017": "2017-12-24",
		"14 août 2020":        "2020-08-14",
	} {
		ds := findDates(s)
		if len(ds) == 0 || ds[0].iso != want {
			t.Errorf("findDates(%q) = %v, want %s first", s, ds, want)
		}
	}
	if ds := findDates("il a mars 2015 dans la tête"); len(ds) != 0 {
		t.Errorf("a month and a year without a day is no date: %v", ds)
	}
}

// A live feed of other news under the article (items opening with a time
// of day, some with a paragraph of summary) is furniture, not the
// article's continuation; a single stamped update inside the article
// stays.
func TestFindArticleSkipsLiveFeed(t *testing.T) {
	article := append(append([]string(nil), sampleArticle...), "12:00 PM -- The officer's lawyer said on Tuesday afternoon that his client was relieved and grateful to the judge.")
	summary := "The council's decision, reached after a long and at times heated debate that ran late into the evening, drew both praise and criticism from residents who had packed the chamber to have their say on the plan."
	feed := []string{
		"Direct",
		"14:44 Council Votes to Rename Two Streets in Downtown", summary,
		"Residents will be able to comment on the new names at two public meetings next month, and the signs are to go up early next year if the plan is approved by the state.",
		"14:32 Artist Arrested for Dyeing a Geyser Pink",
		"Dyeing a geyser pink will get you jail time, even if it is meant as art, the park's rangers said in a statement on Thursday morning after the artist was detained by the police at the scene.",
		"13:54 Mayor Names New Fire Commissioner", strings.Replace(summary, "council", "mayor", 1),
		"13:43 Rail Strike Called Off After Late-Night Talks",
		"The union and the rail operator reached an agreement shortly after midnight, ending a dispute that had threatened weekend service across the region and left thousands of commuters unsure how they would get to work.",
		"13:18 Court Refuses to Hear Challenge to Surveillance Law", strings.Replace(summary, "council", "court", 1),
		"Lawyers for the challengers said they would study the ruling before deciding whether to file again, and civil liberties groups said they were disappointed by the decision.",
	}
	text := pageCopyText("Ex-Officer Gets Probation in Stairwell Shooting", "By Jane Doe", article, feed...)
	a, err := Parse(text, "test", "page.txt")
	if err != nil {
		t.Fatal(err)
	}
	body := strings.Join(bodyTexts(a), "\n")
	if body != strings.Join(article, "\n") {
		t.Errorf("body passages:\n%s\nwant the article's five paragraphs", body)
		dumpPassages(t, a)
	}
}

// An article's last lines can be short sentences ("The officer's lawyer
// did not comment.", "Jane Doe reported from Brooklyn."): they stay in
// its body; the footer after them does not.
func TestFindArticleKeepsClosingSentences(t *testing.T) {
	closing := []string{"The officer's lawyer did not respond to a request for comment.", "Jane Doe reported from Brooklyn."}
	article := append(append([]string(nil), sampleArticle...), closing...)
	a, err := Parse(pageCopyText("Ex-Officer Gets Probation in Stairwell Shooting", "By Jane Doe", article), "test", "page.txt")
	if err != nil {
		t.Fatal(err)
	}
	if body := strings.Join(bodyTexts(a), "\n"); body != strings.Join(article, "\n") {
		t.Errorf("body passages:\n%s\nwant the article's six paragraphs", body)
		dumpPassages(t, a)
	}
}

// A table (each cell a line of its own in a page's copy) or a program
// listing between an article's paragraphs is part of the article, which
// goes on under it; a menu of words is not.
func TestFindArticleAcrossTable(t *testing.T) {
	table := []string{"Release", "Date", "Share", "4.2.3", "April 2014", "12.5%", "4.1.6", "April 2014", "14.1%", "4.2.4", "May 2014", "15.0%", "4.2.5", "June 2014", "15.0%", "4.3", "July 2014", "17.4%"}
	code := []string{"// count.c", "int count(int *xs, int n) {", "int s = 0;", "for (int i = 0; i < n; i++) s += xs[i];", "return s;", "}"}
	for _, inset := range [][]string{table, code} {
		more := []string{
			"The figures show a steady rise over the five years, and the department said the increase reflected better reporting rather than more incidents, a claim that advocates for the families disputed.",
			"Advocates said they would ask the City Council to hold hearings on the numbers before the end of the year, and to require the department to publish them every quarter from now on.",
			"The department said it welcomed the scrutiny and would cooperate with any review the council ordered.",
		}
		article := append(append(append([]string(nil), sampleArticle...), inset...), more...)
		a, err := Parse(pageCopyText("Ex-Officer Gets Probation in Stairwell Shooting", "By Jane Doe", article), "test", "page.txt")
		if err != nil {
			t.Fatal(err)
		}
		body := strings.Join(bodyTexts(a), "\n")
		// Its cells are body text too, the repeated ones included.
		if n := strings.Count(body, "April 2014"); inset[0] == "Release" && n != 2 {
			t.Errorf("%d cells \"April 2014\" in the body, want 2", n)
		}
		for _, m := range more {
			if !strings.Contains(body, m) {
				t.Errorf("the article stops at its inset %q: %q is not in the body", inset[0], m[:40])
				dumpPassages(t, a)
				break
			}
		}
	}
	for _, s := range []string{"Home", "World News", "Most Popular Stories Today"} {
		if dataLine(s) {
			t.Errorf("dataLine(%q) = true", s)
		}
	}
}

// Words such as "this" or "with" are in every paragraph: a line that
// shares only them with the article does not echo it.
func TestTitleEchoIgnoresFunctionWords(t *testing.T) {
	b := blockInfo{units: 8}
	lede := map[string]bool{"this": true, "with": true, "from": true, "that": true}
	got, _ := titleScore("A Very Old Fork of This Site From That Year", b, "", lede)
	want, _ := titleScore("A Very Old Fork of This Site From That Year", b, "", nil)
	if got != want {
		t.Errorf("function words echoed: score %.2f, want %.2f", got, want)
	}
}

// A headline the article's first paragraphs do not echo is still found
// when the page prints it again inside a line of its furniture ("Part 1
// of the ... series").
func TestFindTitleQuotedInFurniture(t *testing.T) {
	head := "Conversations with a Cryptid"
	text := pageCopyText("Series: Part 1 of the Conversations with a Cryptid series Next Work →\n\nStats:\n\n"+head, "", sampleArticle)
	a, err := Parse(text, "test", "page.txt")
	if err != nil {
		t.Fatal(err)
	}
	if a.Title != head {
		t.Errorf("Title = %q, want %q", a.Title, head)
		dumpPassages(t, a)
	}
}

// A blog's post shows its date over its headline, under the blog's name
// that opens the page: the headline is the line under the date, not the
// blog's name over it.
func TestFindTitleUnderPostDate(t *testing.T) {
	// The blog's name is echoed by the article as much as the headline.
	head := "Former Officer Sentenced to Probation in Housing Stairwell Death"
	lines := []string{"Community Service", "Sunday, May 8, 2016", head}
	lines = append(lines, sampleArticle...)
	lines = append(lines, "Posted by Jane Doe at 9:41 PM", "Email This", "BlogThis!", "Share to Twitter", "Share to Facebook",
		"Newer Post", "Older Post", "Home", "Subscribe to: Post Comments (Atom)", "Blog Archive", "2016 (3)", "2015 (7)", "Labels", "Signals", "Tools", "About Me")
	a, err := Parse(strings.Join(lines, "\n\n"), "test", "page.txt")
	if err != nil {
		t.Fatal(err)
	}
	if a.Title != head {
		t.Errorf("Title = %q, want %q", a.Title, head)
		dumpPassages(t, a)
	}
}

// A Title Case headline with "for" in it next to a date is no byline
// ("Name for Outlet" needs an outlet); "Jane Doe for The Guardian" is.
func TestHeadlineWithForIsNoByline(t *testing.T) {
	for text, want := range map[string]bool{
		"Open Verilog Flow for Small Programmable Logic Devices": false,
		"Jane Doe for The Guardian":                              true,
		"Jane Doe and John Roe":                                  true,
	} {
		paras := []para{{kind: data.KindDateline, text: "May 8, 2016"}, {kind: data.KindBody, text: text}}
		if got := markNameByline(paras, 1, false); got != want {
			t.Errorf("markNameByline(%q) = %v, want %v", text, got, want)
		}
	}
}

// A box of links ("Most Popular") or a comment counter inside an
// article's second half does not end it when the article's prose goes on
// under it; comments under a comments heading still do not join it.
func TestFindArticleGoesOnAfterBox(t *testing.T) {
	more := []string{
		"The officer's lawyer said his client was relieved by the sentence and grateful to the judge, and that he hoped the family of the man who was killed could find some peace after the trial.",
		"Prosecutors had asked the judge to sentence the former officer to six months of home confinement, five years of probation and community service, a request that angered many of the relatives.",
	}
	for _, box := range [][]string{
		{"Most Popular", "Ferry Service to Resume After Winter Repairs", "Bakery on Court Street Closes After Forty Years", "Library Extends Weekend Hours"},
		{"12 Comments"},
	} {
		article := append(append(append([]string(nil), sampleArticle...), box...), more...)
		a, err := Parse(pageCopyText("Ex-Officer Gets Probation in Stairwell Shooting", "By Jane Doe", article), "test", "page.txt")
		if err != nil {
			t.Fatal(err)
		}
		body := strings.Join(bodyTexts(a), "\n")
		for _, m := range more {
			if !strings.Contains(body, m) {
				t.Errorf("the article ends at %q: %q... is not in the body", box[0], m[:40])
				dumpPassages(t, a)
				break
			}
		}
		for _, b := range box {
			if strings.Contains(body, b) {
				t.Errorf("%q is in the body", b)
			}
		}
	}
}

// Comments under a comments heading, each under its writer's name and
// time, stay out of the article even when they talk of it at length.
func TestFindArticleStopsAtLongComments(t *testing.T) {
	comments := []string{
		"The judge gave the former officer probation for a death in a stairwell, and the family of the man who was killed is supposed to accept that as justice for what happened that night.",
		"Supporters of the officer rallied outside the courthouse for months because the shooting was an accident, and the sentence reflects what the jury and the judge heard at the trial.",
	}
	tail := []string{"12 Comments", "jdoe · 3 hours ago", comments[0], "Reply", "mroe · 2 hours ago", comments[1], "Reply"}
	a, err := Parse(pageCopyText("Ex-Officer Gets Probation in Stairwell Shooting", "By Jane Doe", sampleArticle, tail...), "test", "page.txt")
	if err != nil {
		t.Fatal(err)
	}
	body := strings.Join(bodyTexts(a), "\n")
	for _, c := range comments {
		if strings.Contains(body, c) {
			t.Errorf("a comment is in the body: %q...", c[:40])
		}
	}
}

// A document whose first lines are a bar of bracketed links and a label
// over numbers has no headline there: the title is left unknown rather
// than made of furniture.
func TestNoTitleFromLinkBarOrNumbers(t *testing.T) {
	text := "[Docs] [txt|pdf] [Tracker] [Email] [Diff1] [Diff2] [Nits]\n\nVersions: 00 01 02 03 04\n\n" + strings.Join(sampleArticle, "\n\n")
	a, err := Parse(text, "test", "draft.txt")
	if err != nil {
		t.Fatal(err)
	}
	if a.Title != "" {
		t.Errorf("Title = %q, want none", a.Title)
	}
}

// TestArticleTextBylineWithDate reads the byline of an article's own text
// (a printed page's PDF, a Word document, a clean copy: no site furniture
// around it) when the date follows the name on the same line, as a print
// shows it: "By Jane Roe March 18, 2015". It is the article's byline and
// date, not its first numbered paragraph.
func TestArticleTextBylineWithDate(t *testing.T) {
	for _, line := range []string{"By Jane Roe March 18, 2015", "by Jane Roe @janeroe March 18, 2015: 3:57 PM ET"} {
		text := "Officer Sentenced in Stairwell Death\n\n" + line + "\n\n" + strings.Join(sampleArticle, "\n\n")
		a, err := Parse(text, "test", "print.pdf")
		if err != nil {
			t.Fatal(err)
		}
		if a.Author != "Jane Roe" || a.Date != "2015-03-18" {
			t.Errorf("%q: Author %q, Date %q; want Jane Roe, 2015-03-18", line, a.Author, a.Date)
		}
		for _, p := range a.Passages {
			if p.Text == line && p.Kind != data.KindByline {
				t.Errorf("%q: kind %s, want byline", line, p.Kind)
			}
		}
	}
	// A first paragraph that starts with "By" is still the article's.
	text := "Officer Sentenced in Stairwell Death\n\nBy the time the police arrived, the stairwell was dark and the man had been shot.\n\n" + strings.Join(sampleArticle, "\n\n")
	a, _ := Parse(text, "test", "print.pdf")
	if a.Author != "" || a.Passages[1].Kind != data.KindBody {
		t.Errorf("a sentence starting with By: Author %q, kind %s", a.Author, a.Passages[1].Kind)
	}
}

// TestDatelineWithDottedTime reads a date line whose time is written the
// British way, with a point ("Thu 3 Jan 2019 07.00 GMT"), as a dateline:
// it gives the article's date and is not its first numbered paragraph.
func TestDatelineWithDottedTime(t *testing.T) {
	for _, s := range []string{"Thu 3 Jan 2019 07.00 GMT", "Thursday 3 January 2019 19.45 GMT", "3 Jan 2019 07.00"} {
		if k := classifyLine(s); k != data.KindDateline {
			t.Errorf("classifyLine(%q) = %s, want dateline", s, k)
		}
	}
	if k := classifyLine("Thu 3 Jan 2019 07.00 GMT the museum reopened"); k == data.KindDateline {
		t.Errorf("a sentence after the date is no dateline")
	}
}

// TestArticleTextNameInPlaceByline reads the byline a British outlet
// prints without "By", the writer's name and where they write from, over
// the date line ("Jane Roe in Dunedin" / "Thu 3 Jan 2019 07.00 GMT"), in
// an article's own text such as a Word document's. A headline-like line
// with " in " and no date beside it stays what it is.
func TestArticleTextNameInPlaceByline(t *testing.T) {
	text := "Officer Sentenced in Stairwell Death\n\nJane Roe in Dunedin\n\nThu 3 Jan 2019 07.00 GMT\n\n" + strings.Join(sampleArticle, "\n\n")
	a, err := Parse(text, "test", "whales.docx")
	if err != nil {
		t.Fatal(err)
	}
	if a.Author != "Jane Roe" || a.Date != "2019-01-03" {
		t.Errorf("Author %q, Date %q; want Jane Roe, 2019-01-03", a.Author, a.Date)
		dumpPassages(t, a)
	}
	if a.Outlet != "" {
		t.Errorf("Outlet %q: the place the writer is in is not the publication", a.Outlet)
	}
	text = "Officer Sentenced in Stairwell Death\n\nPolice Officer in Brooklyn\n\n" + strings.Join(sampleArticle, "\n\n")
	if a, _ := Parse(text, "test", "x.docx"); a.Author != "" {
		t.Errorf("an undated subheading read as the byline %q", a.Author)
	}
}
