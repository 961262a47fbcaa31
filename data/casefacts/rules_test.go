package casefacts_test

import (
	"encoding/json"
	"strings"
	"sync"
	"testing"

	"github.com/casebookapp/casebook/data/casefacts"
)

// one is an article of body paragraphs.
func one(date string, paras ...string) []casefacts.Article {
	a := casefacts.Article{ID: 1, Date: date}
	for i, p := range paras {
		a.Passages = append(a.Passages, casefacts.Passage{Para: i + 1, Kind: "body", Text: p})
	}
	return []casefacts.Article{a}
}

func byName(es []casefacts.Entity) map[string]casefacts.Entity {
	m := map[string]casefacts.Entity{}
	for _, e := range es {
		m[e.Name] = e
	}
	return m
}

func TestPeopleMergesFormsOfAName(t *testing.T) {
	got := byName(casefacts.People(one("2016-04-01",
		"Brooklyn District Attorney Ken Thompson said the office would not seek prison time.",
		"Thompson repeated it on Tuesday. Justice Danny Chun listened.",
		"The Asian Pacific American Labor Alliance (APALA) objected. APALA said so twice.",
		"The officers of the New York Police Department were there; the NYPD declined to comment.",
	)))
	if e := got["Ken Thompson"]; e.Kind != casefacts.Person || e.Role != "Brooklyn District Attorney" || len(e.Mentions) != 2 || strings.Join(e.Aliases, ",") != "Thompson" {
		t.Errorf("Ken Thompson: %+v", e)
	}
	if e := got["Danny Chun"]; e.Role != "Justice" {
		t.Errorf("Danny Chun: %+v", e)
	}
	if e := got["Asian Pacific American Labor Alliance"]; e.Kind != casefacts.Organisation || strings.Join(e.Aliases, ",") != "APALA" || len(e.Mentions) != 1 {
		t.Errorf("APALA: %+v", e)
	}
	if e := got["New York Police Department"]; strings.Join(e.Aliases, ",") != "NYPD" {
		t.Errorf("NYPD is not merged with its full name: %+v", got)
	}
	for _, bad := range []string{"Tuesday", "Brooklyn", "Thompson", "APALA", "NYPD", "Brooklyn District Attorney"} {
		if _, ok := got[bad]; ok {
			t.Errorf("%q is an entry of its own", bad)
		}
	}
}

func TestPeopleFlagsAVariantSpelling(t *testing.T) {
	got := byName(casefacts.People(one("",
		"The meeting took place, according to Paul Shechtman, Liang’s attorney.",
		"“He is sorry,” Schectman told reporters.",
	)))
	if got["Schectman"].VariantOf != "Paul Shechtman" || got["Paul Shechtman"].Role != "Liang’s attorney" {
		t.Errorf("got %+v", got)
	}
	// The same spelling in another article, with no full name there, is
	// not guessed at.
	arts := one("", "Paul Shechtman spoke.")
	arts = append(arts, casefacts.Article{ID: 2, Passages: []casefacts.Passage{{Para: 1, Kind: "body", Text: "Schectman was not there."}}})
	if e, ok := byName(casefacts.People(arts))["Schectman"]; ok {
		t.Errorf("a variant across articles: %+v", e)
	}
}

func TestPeopleLeavesOutWhatIsNoName(t *testing.T) {
	arts := one("",
		"On Thursday, protesters marched in East New York and Chinatown.",
		"Rally in Brooklyn",
	)
	arts[0].Passages = append(arts[0].Passages,
		casefacts.Passage{Para: 3, Kind: "caption", Text: "Image: Officers at the Louis H. Pink Houses (AP Photo/Seth Wenig)"},
		casefacts.Passage{Para: 4, Kind: "caption", Text: "Supporters of the officer rally in New York.Mary Altaffer / Pool via AP"},
		casefacts.Passage{Para: 0, Kind: "title", Text: "Ex-Cop Peter Liang Apologizes to Akai Gurley"},
		casefacts.Passage{Para: 0, Kind: "credit", Text: "Traci G. Lee contributed."},
	)
	if got := casefacts.People(arts); len(got) != 0 {
		t.Errorf("found %+v, want nothing", got)
	}
}

func TestRefJSONHasNullParaForUnnumbered(t *testing.T) {
	b, err := json.Marshal([]casefacts.Ref{{Article: 2, Para: 5, Kind: "body"}, {Article: 2, Para: 0, Kind: "title"}})
	if err != nil {
		t.Fatal(err)
	}
	if got := string(b); got != `[{"article":2,"para":5,"kind":"body"},{"article":2,"para":null,"kind":"title"}]` {
		t.Errorf("got %s", got)
	}
}

func TestTimelineUnresolvedIsNotGuessed(t *testing.T) {
	evs := casefacts.Timeline(one("2016-04",
		"On Tuesday, the judge sentenced him to probation.",
		"He was convicted on Feb. 11 of manslaughter.",
	))
	var sentencing *casefacts.Event
	for i, e := range evs {
		if strings.Contains(e.Label, "probation") {
			sentencing = &evs[i]
		}
	}
	if sentencing == nil || sentencing.Date.Known() || sentencing.Precision != casefacts.Unresolved || sentencing.AsWritten[0] != "Tuesday" {
		t.Errorf("sentencing: %+v", sentencing)
	}
	if evs[0].Date.String() != "2016-02-11" {
		t.Errorf("first event %+v", evs[0])
	}
}

func TestExtractIsPeopleAndTimelineWithProgress(t *testing.T) {
	arts := seedArticles(t)
	var calls, last int
	var mu sync.Mutex
	people, timeline := casefacts.Extract(arts, func(done, total int) {
		mu.Lock()
		defer mu.Unlock()
		calls++
		if total != len(arts) {
			t.Errorf("total %d, want %d", total, len(arts))
		}
		last = max(last, done)
	})
	if calls != len(arts) || last != len(arts) {
		t.Errorf("progress called %d times, up to %d; want %d", calls, last, len(arts))
	}
	a, _ := json.Marshal(people)
	b, _ := json.Marshal(casefacts.People(arts))
	c, _ := json.Marshal(timeline)
	d, _ := json.Marshal(casefacts.Timeline(arts))
	if string(a) != string(b) || string(c) != string(d) {
		t.Error("Extract differs from People and Timeline")
	}
}

func TestTimelineMarksDifferentFigures(t *testing.T) {
	arts := []casefacts.Article{
		{ID: 1, Date: "2016-04-20", Passages: []casefacts.Passage{{Para: 1, Kind: "body", Text: "On Tuesday, Justice Danny Chun sentenced Peter Liang to five years of probation and 800 hours of community service."}}},
		{ID: 2, Date: "2016-04-19", Passages: []casefacts.Passage{{Para: 3, Kind: "body", Text: "Liang was sentenced on April 19 to five years of probation and 500 hours of community service."}}},
	}
	evs := casefacts.Timeline(arts)
	if len(evs) != 1 || !evs[0].Disputed || !strings.Contains(evs[0].Dispute, "800 hours (1:1); 500 hours (2:3)") || strings.Contains(evs[0].Dispute, "years") {
		t.Errorf("got %+v", evs)
	}
}

// TestPeopleLeavesOutPlacesAndCreditsFromImports holds what importing the
// Guardian, CNN and New York Times pages of shared/pages-dev showed in the
// index: places taken for people, a photo credit's "Credit" taken for part
// of a name, and an organisation named with its possessive.
func TestPeopleLeavesOutPlacesAndCreditsFromImports(t *testing.T) {
	arts := one("2019-01-03",
		"Whangārei Harbour seen from Tamaterau, with mangrove sprouts coming up through the silt.",
		"There were 51 stranded and dead on the Chatham Islands last month.",
		"Ranger Jamie Werner recently attended his first mass beaching on Ninety Mile Beach.",
		"But a new report released on Monday by Stanford University's Center on Poverty calls that into question.",
	)
	arts[0].Passages = append(arts[0].Passages,
		casefacts.Passage{Para: 5, Kind: "caption", Text: "Credit Harry Campbell"})
	got := byName(casefacts.People(arts))
	for _, bad := range []string{"Whangārei Harbour", "Chatham Islands", "Ninety Mile Beach", "Credit Harry Campbell", "Stanford University's"} {
		if e, ok := got[bad]; ok {
			t.Errorf("%q is an entry: %+v", bad, e)
		}
	}
	if _, ok := got["Stanford University"]; !ok {
		t.Errorf("no Stanford University in %v", keys(got))
	}
}

func keys(m map[string]casefacts.Entity) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

// TestWeekdayIsWrittenWithoutItsPossessive: the timeline showed
// "(Tuesday's)" as the date of the New York primary, and listed "Tuesday"
// and "Tuesday’s" as two dates the sources disagree on.
func TestWeekdayIsWrittenWithoutItsPossessive(t *testing.T) {
	evs := casefacts.Timeline(one("2016-04",
		"NBC News reached out to the campaigns ahead of Tuesday's New York primary.",
		"The board met on Wednesday’s afternoon session and voted.",
	))
	var got []string
	for _, e := range evs {
		got = append(got, e.AsWritten...)
	}
	for _, w := range got {
		if strings.Contains(w, "'s") || strings.Contains(w, "’s") {
			t.Errorf("a date written %q (all: %q)", w, got)
		}
	}
	if len(got) != 2 {
		t.Errorf("dates written %q, want Tuesday and Wednesday afternoon", got)
	}
}

// TestCoEndsAnOrganisation: "Remain Co." was listed among the people.
func TestCoEndsAnOrganisation(t *testing.T) {
	got := byName(casefacts.People(one("2016-07-25",
		"My favorite is simply Remain Co., the name Yahoo executives are using.",
		"Remain Co. will become a holding company.",
	)))
	if e, ok := got["Remain Co."]; !ok || e.Kind != casefacts.Organisation {
		t.Errorf("Remain Co.: %+v in %v", e, keys(got))
	}
}

// TestPeopleReadsANameAcrossItsParticles: the people index joins a name
// across the particles the citation styles keep with a family name
// (data.NameParticle), "bin" and "ten" included.
func TestPeopleReadsANameAcrossItsParticles(t *testing.T) {
	got := byName(casefacts.People(one("",
		"The lawyer Maria van Dalen spoke to reporters on Thursday.",
		"A statement was read by Tariq bin Saleh, a community leader.",
	)))
	for _, name := range []string{"Maria van Dalen", "Tariq bin Saleh"} {
		if _, ok := got[name]; !ok {
			t.Errorf("%q not found as one name: %v", name, keys(got))
		}
	}
}
