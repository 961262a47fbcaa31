package export

import (
	"strings"
	"time"

	"github.com/casebookapp/casebook/data"
)

// The three bundled articles, with the metadata the store gives them.
var (
	afro = data.Article{ID: 1, Hash: "3314bc92a2a454ff", Meta: data.Meta{
		Title:  "Asian Organization Opposes No Jail Time Sentence of Former NYPD Officer Peter Liang",
		Outlet: "AFRO", Date: "2016-04", Type: data.Newspaper,
		SentenceTitle: "Asian organization opposes no jail time sentence of former NYPD officer Peter Liang",
		Source:        "https://afro.com/asian-organization-opposes-no-jail-time-sentence-of-former-nypd-officer-peter-liang/",
	}}
	nbcWang = data.Article{ID: 2, Hash: "b015dc53e88b5f60", Meta: data.Meta{
		Title:  "Liang Sentencing Prompts #APIs4BlackLives, #Justice4Liang Responses Amid Accountability Debate",
		Outlet: "NBC News", Author: "Frances Kai-Hwa Wang", Date: "2016-04", Type: data.NewsWebsite,
		SentenceTitle: "Liang sentencing prompts #APIs4BlackLives, #Justice4Liang responses amid accountability debate",
		Source:        "https://www.nbcnews.com/news/asian-america/liang-sentencing-prompts-apis4blacklives-justice4liang-responses-amid-accountability-debate-n558316",
	}}
	nbcApology = data.Article{ID: 3, Hash: "e4365a94bf8ca061", Meta: data.Meta{
		Title:  "Ex-Cop Peter Liang Apologizes to Akai Gurley's Domestic Partner in Meeting",
		Outlet: "NBC News", Date: "2016-03-24", Type: data.NewsWebsite,
		SentenceTitle: "Ex-cop Peter Liang apologizes to Akai Gurley's domestic partner in meeting",
		Source:        "http://www.nbcnews.com/news/asian-america/ex-cop-peter-liang-apologizes-akai-gurley-s-domestic-partner-n544921",
	}}
)

var (
	pAfro1 = data.Passage{ID: 101, ArticleID: 1, Seq: 2, N: 1, Kind: data.KindBody,
		Text: "An Asian-American labor group opposed the no jail time sentence of  a Chinese-American NYPD officer who was convicted of the 2014 shooting death of a unarmed Black man in a housing project stairwell."}
	pAfro6 = data.Passage{ID: 106, ArticleID: 1, Seq: 7, N: 6, Kind: data.KindBody,
		Text: "“APALA believes Akai Gurley’s life mattered and that Liang should have served jail time like any average civilian who is convicted of the same crime,” Gregory Cendana, APALA’s Executive Director, said in a statement."}
	pWang2 = data.Passage{ID: 202, ArticleID: 2, Seq: 3, N: 2, Kind: data.KindBody,
		Text: "“As queer [Asian Pacific Islander] API people, we send our condolences to Akai Gurley’s family during this hard time,” the National Queer Asian Pacific Islander Alliance (NQAPIA) said in a statement to NBC News."}
	pWang3 = data.Passage{ID: 203, ArticleID: 2, Seq: 4, N: 3, Kind: data.KindBody,
		Text: "AAPI activist group 18 Million Rising also released a video last week to highlight AAPI voices calling for police accountability."}
	pApology1 = data.Passage{ID: 301, ArticleID: 3, Seq: 4, N: 1, Kind: data.KindBody,
		Text: "Former New York Police Department Officer Peter Liang apologized Thursday morning to the domestic partner of Akai Gurley, whom he shot and killed in a Brooklyn housing project in November 2014."}
	pApology3 = data.Passage{ID: 303, ArticleID: 3, Seq: 6, N: 3, Kind: data.KindBody,
		Text: "“Peter’s principal word was to say he is sorry and that this was the last thing in the world he could have imagined,” Schectman told NBC News."}
)

var (
	t0 = time.Date(2026, time.March, 2, 9, 15, 0, 0, time.UTC)
	t1 = time.Date(2026, time.March, 3, 18, 40, 30, 500_000_000, time.UTC)
	// generated is the export time of every golden file.
	generated = time.Date(2026, time.May, 5, 10, 0, 0, 0, time.UTC)
)

// hostileNote is what a student might type: Markdown, HTML, entities,
// CSV and XML specials, emoji, line breaks and control characters.
const hostileNote = "**Key** point, with \"quotes\" & commas; see <script>alert('x')</script>\n" +
	"- first, \"one\"\n- second & <b>two</b> 🎓\n\n" +
	"Line with a tab\there and a bell\x07 and a vertical tab\x0b.\n" +
	"Link: [NBC](https://www.nbcnews.com/) and [bad](javascript:alert(1)) and =SUM(A1)"

// span builds a highlight of quote inside passage p.
func span(uid string, a data.Article, p data.Passage, colour, quote string) *data.Highlight {
	i := strings.Index(p.Text, quote)
	start := len([]rune(p.Text[:max(i, 0)]))
	h := &data.Highlight{UID: uid, ArticleID: a.ID, Colour: colour, CreatedAt: t0, UpdatedAt: t1,
		Anchor: data.Anchor{PassageID: p.ID, Start: start, End: start + len([]rune(quote)), Quote: quote}}
	if i >= 0 {
		h.Prefix = lastRunes(p.Text[:i], 32)
		h.Suffix = firstRunes(p.Text[i+len(quote):], 32)
	}
	return h
}

func lastRunes(s string, n int) string {
	r := []rune(s)
	return string(r[max(0, len(r)-n):])
}

func firstRunes(s string, n int) string {
	r := []rune(s)
	return string(r[:min(n, len(r))])
}

func note(uid string, a data.Article, body string, tags ...string) data.Note {
	return data.Note{UID: uid, ArticleID: a.ID, Body: body, Tags: tags, CreatedAt: t0, UpdatedAt: t1}
}

// fixture returns a document with each kind of entry: span highlights with
// and without notes, notes on a whole passage, an orphan and a quote whose
// passage changed.
func fixture() Document {
	hWang := span("4d1b1f0a-0001-4000-8000-000000000001", nbcWang, pWang2, "yellow", "we send our condolences to Akai Gurley’s family")
	nWang := note("4d1b1f0a-0002-4000-8000-000000000002", nbcWang, hostileNote, "community", "protest")
	nWang.PassageID, nWang.HighlightID = pWang2.ID, 1

	hAfro := span("4d1b1f0a-0003-4000-8000-000000000003", afro, pAfro1, "red", "opposed the no jail time sentence")

	hAfro6 := span("4d1b1f0a-0004-4000-8000-000000000004", afro, pAfro6, "green", "Akai Gurley’s life mattered")
	n6a := note("4d1b1f0a-0005-4000-8000-000000000005", afro, "Use in the *introduction*.", "Protest")
	n6b := note("4d1b1f0a-0006-4000-8000-000000000006", afro, "Compare with NQAPIA's statement.\nTwo lines.", "sentencing", "protest")
	n6a.PassageID, n6b.PassageID = pAfro6.ID, pAfro6.ID

	nApology := note("4d1b1f0a-0007-4000-8000-000000000007", nbcApology, "The apology came **one day** after the DA's recommendation.", "sentencing")
	// A note on the whole passage: the store gives it the passage's full
	// span and text.
	nApology.Anchor = data.Anchor{PassageID: pApology1.ID, End: len([]rune(pApology1.Text)), Quote: pApology1.Text}

	// The passage was re-imported and the quote could not be placed again.
	hOrphan := span("4d1b1f0a-0008-4000-8000-000000000008", nbcApology, pApology3, "purple", "the last thing in the world")
	hOrphan.PassageID = 0
	nOrphan := note("4d1b1f0a-0009-4000-8000-000000000009", nbcApology, "Check the wording against the video.")

	// The passage's text changed but the highlight still points at it.
	hChanged := span("4d1b1f0a-0010-4000-8000-000000000010", nbcWang, pWang3, "blue", "released a video last month")

	return Document{
		title:     "Liang case: quotes and notes",
		Colours:   data.DefaultColours,
		Articles:  []data.Article{afro, nbcWang, nbcApology},
		generated: generated,
		Entries: []Entry{
			{Article: nbcWang, Passage: pWang2, Highlight: hWang, Notes: []data.Note{nWang}},
			{Article: afro, Passage: pAfro6, Highlight: hAfro6, Notes: []data.Note{n6a, n6b}},
			{Article: afro, Passage: pAfro1, Highlight: hAfro},
			{Article: nbcApology, Passage: pApology1, Notes: []data.Note{nApology}},
			{Article: nbcApology, Passage: data.Passage{}, Highlight: hOrphan, Notes: []data.Note{nOrphan}},
			{Article: nbcWang, Passage: pWang3, Highlight: hChanged},
		},
	}
}
