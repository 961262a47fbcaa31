package cite

import (
	"strings"
	"testing"
	"time"

	"github.com/casebookapp/casebook/data"
)

// TestIssueExamples spells out, without Node, the citations issue 10 names;
// the oracle test checks the same and more against citeproc-js.
func TestIssueExamples(t *testing.T) {
	seeds := seedFixtures()
	wang := seeds[1]
	a16 := fixture(50, data.Magazine, "Frances Kai-Hwa Wang", "What the Verdict Means", "What the verdict means", "The Atlantic", "2016-02-12", "https://example.com/a")
	undatedPage := fixture(51, data.WebPage, "", "Statement on the Sentence", "Statement on the sentence", "APALA", "", "https://example.com/s")
	undatedPage.AddedAt = time.Date(2026, time.May, 5, 12, 0, 0, 0, time.UTC)
	docs := []data.Article{seeds[0], wang, seeds[2], a16, undatedPage}

	apa, mla, chi := APA.List(docs), MLA.List(docs), Chicago.List(docs)
	refs := func(l *List) string {
		var out []string
		for _, r := range l.References() {
			out = append(out, withItalics(r))
		}
		return strings.Join(out, "\n")
	}
	checks := []struct{ name, got, want string }{
		{"MLA comma", mla.InText(wang, 7).String(), "(Wang, “Liang Sentencing Prompts #APIs4BlackLives,” par. 7)"},
		{"MLA alone", MLA.InText(wang, 7).String(), "(Wang, par. 7)"},
		{"APA alone", APA.InText(wang, 7).String(), "(Wang, 2016, para. 7)"},
		{"APA 2016b", apa.InText(wang, 7).String(), "(Wang, 2016b, para. 7)"},
		{"APA 2016a", apa.InText(a16, 1).String(), "(Wang, 2016a, para. 1)"},
		{"APA unsigned newspaper", withItalics(apa.InText(seeds[0], 3)), "(“Asian Organization Opposes,” 2016, para. 3)"},
		{"APA unsigned news website", withItalics(apa.InText(seeds[2], 3)), "(<i>Ex-Cop Peter Liang Apologizes</i>, 2016, para. 3)"},
		{"MLA unsigned", mla.InText(seeds[2], 3).String(), "(“Ex-Cop Peter Liang Apologizes,” par. 3)"},
		{"Chicago first note", chi.Note(wang, 7).String(), "Frances Kai-Hwa Wang, “Liang Sentencing Prompts #APIs4BlackLives, #Justice4Liang Responses amid Accountability Debate,” NBC News, April 2016, para. 7, " + wang.Source + "."},
		{"Chicago short note", chi.Note(seeds[0], 2).String() + " | " + chi.Note(wang, 8).String(),
			"“Asian Organization Opposes No Jail Time Sentence of Former NYPD Officer Peter Liang,” AFRO, April 2016, para. 2, " + seeds[0].Source + ". | Wang, “Liang Sentencing Prompts #APIs4BlackLives,” para. 8."},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s:\n got %s\nwant %s", c.name, c.got, c.want)
		}
	}
	for _, want := range []string{
		"Wang, F. K.-H. (2016b, April). <i>Liang sentencing prompts #APIs4BlackLives, #Justice4Liang responses amid accountability debate</i>. NBC News.",
		"Asian organization opposes no jail time sentence of former NYPD officer Peter Liang. (2016, April). <i>AFRO</i>.",
		"<i>Statement on the sentence</i>. (n.d.). APALA. Retrieved May 5, 2026, from https://example.com/s",
	} {
		if !strings.Contains(refs(apa), want) {
			t.Errorf("APA references lack %s:\n%s", want, refs(apa))
		}
	}
	for _, want := range []string{
		"---. “What the Verdict Means.” <i>The Atlantic</i>, 12 Feb. 2016",
		"“Statement on the Sentence.” <i>APALA</i>, https://example.com/s. Accessed 5 May 2026.",
		"“Ex-Cop Peter Liang Apologizes to Akai Gurley’s Domestic Partner in Meeting.”",
		"Responses amid Accountability",
	} {
		if !strings.Contains(refs(mla), want) {
			t.Errorf("MLA works cited lack %s:\n%s", want, refs(mla))
		}
	}
	for _, want := range []string{
		"———. “What the Verdict Means.” <i>The Atlantic</i>, February 12, 2016.",
		"APALA. “Statement on the Sentence.” Accessed May 5, 2026. https://example.com/s.",
	} {
		if !strings.Contains(refs(chi), want) {
			t.Errorf("Chicago bibliography lacks %s:\n%s", want, refs(chi))
		}
	}
}

func TestCurly(t *testing.T) {
	for in, want := range map[string]string{
		`Gurley's "life" mattered`: "Gurley’s “life” mattered",
		`('quoted') "end"`:         "(‘quoted’) “end”",
		"plain":                    "plain",
	} {
		if got := curly(in); got != want {
			t.Errorf("curly(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestQuotation checks a quote as Copy with citation sets it: in curly
// double quotation marks, a quotation inside it in single ones, straight
// marks of an imported text made typographic like the rest.
func TestQuotation(t *testing.T) {
	for in, want := range map[string]string{
		"five years’ probation":                  "“five years’ probation”",
		"Liang “was startled by a loud noise”":   "“Liang ‘was startled by a loud noise’”",
		`Liang "was startled" by Gurley's death`: "“Liang ‘was startled’ by Gurley’s death”",
	} {
		if got := Quotation(in); got != want {
			t.Errorf("Quotation(%q) = %q, want %q", in, got, want)
		}
	}
}
