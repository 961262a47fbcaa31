package cite

import (
	"testing"
	"time"

	"github.com/casebookapp/casebook/data"
)

// The three bundled articles, with the metadata the store gives them.
var (
	seed000 = data.Article{ID: 1, Meta: data.Meta{
		Title:  "Asian Organization Opposes No Jail Time Sentence of Former NYPD Officer Peter Liang",
		Outlet: "AFRO", Date: "2016-04",
		Source: "https://afro.com/asian-organization-opposes-no-jail-time-sentence-of-former-nypd-officer-peter-liang/",
	}}
	seed001 = data.Article{ID: 2, Meta: data.Meta{
		Title:  "Liang Sentencing Prompts #APIs4BlackLives, #Justice4Liang Responses Amid Accountability Debate",
		Outlet: "NBC News", Author: "Frances Kai-Hwa Wang", Date: "2016-04",
		Source: "https://www.nbcnews.com/news/asian-america/liang-sentencing-prompts-apis4blacklives-justice4liang-responses-amid-accountability-debate-n558316",
	}}
	seed002 = data.Article{ID: 3, Meta: data.Meta{
		Title:  "Ex-Cop Peter Liang Apologizes to Akai Gurley's Domestic Partner in Meeting",
		Outlet: "NBC News", Date: "2016-03-24",
		Source: "http://www.nbcnews.com/news/asian-america/ex-cop-peter-liang-apologizes-akai-gurley-s-domestic-partner-n544921",
	}}
)

const (
	url000 = "https://afro.com/asian-organization-opposes-no-jail-time-sentence-of-former-nypd-officer-peter-liang/"
	url001 = "https://www.nbcnews.com/news/asian-america/liang-sentencing-prompts-apis4blacklives-justice4liang-responses-amid-accountability-debate-n558316"
	url002 = "http://www.nbcnews.com/news/asian-america/ex-cop-peter-liang-apologizes-akai-gurley-s-domestic-partner-n544921"
)

func article(title, outlet, author, date, source string) data.Article {
	return data.Article{Meta: data.Meta{Title: title, Outlet: outlet, Author: author, Date: date, Source: source}}
}

var (
	twoAuthors   = article("Protesters Rally in Brooklyn", "The New York Times", "Frances Kai-Hwa Wang; Traci G. Lee", "2016-02-20", "https://example.com/rally")
	threeAuthors = article("Verdict Divides Community", "Daily News", "Ann Lee; Bo Chen; Cy Park", "2016-02-11", "")
	noDate       = article("Statement on the Sentencing", "APALA", "Martin Luther King Jr.", "", "statement.txt")
	yearOnly     = article("A Year in Review", "", "Vincent van Gogh", "2016", "https://example.com/review")
	approxDate   = article("What Did the Judge Say?", "NBC News", "Wang, Frances Kai-Hwa", "2016-04~", "https://example.com/judge")
	bare         = data.Article{}
)

func TestInText(t *testing.T) {
	tests := map[string]struct {
		style Style
		a     data.Article
		para  int
		want  string
	}{
		"APA/seed000":        {APA, seed000, 3, `("Asian Organization Opposes," 2016, para. 3)`},
		"APA/seed001":        {APA, seed001, 7, `(Wang, 2016, para. 7)`},
		"APA/seed002":        {APA, seed002, 3, `("Ex-Cop Peter Liang Apologizes," 2016, para. 3)`},
		"APA/two authors":    {APA, twoAuthors, 2, `(Wang & Lee, 2016, para. 2)`},
		"APA/three authors":  {APA, threeAuthors, 1, `(Lee et al., 2016, para. 1)`},
		"APA/no date":        {APA, noDate, 4, `(King, n.d., para. 4)`},
		"APA/approximate":    {APA, approxDate, 4, `(Wang, ca. 2016, para. 4)`},
		"APA/no pin-point":   {APA, seed001, 0, `(Wang, 2016)`},
		"APA/nothing known":  {APA, bare, 1, `([Untitled article], n.d., para. 1)`},
		"MLA/seed000":        {MLA, seed000, 3, `("Asian Organization Opposes" par. 3)`},
		"MLA/seed001":        {MLA, seed001, 7, `(Wang par. 7)`},
		"MLA/seed002":        {MLA, seed002, 3, `("Ex-Cop Peter Liang Apologizes" par. 3)`},
		"MLA/two authors":    {MLA, twoAuthors, 2, `(Wang and Lee par. 2)`},
		"MLA/three authors":  {MLA, threeAuthors, 1, `(Lee et al. par. 1)`},
		"MLA/no pin-point":   {MLA, noDate, 0, `(King)`},
		"Chicago/seed000":    {Chicago, seed000, 3, `"Asian Organization Opposes," para. 3.`},
		"Chicago/seed001":    {Chicago, seed001, 7, `Wang, "Liang Sentencing Prompts #APIs4BlackLives," para. 7.`},
		"Chicago/seed002":    {Chicago, seed002, 3, `"Ex-Cop Peter Liang Apologizes," para. 3.`},
		"Chicago/two":        {Chicago, twoAuthors, 2, `Wang and Lee, "Protesters Rally in Brooklyn," para. 2.`},
		"Chicago/three":      {Chicago, threeAuthors, 1, `Lee, Chen, and Park, "Verdict Divides Community," para. 1.`},
		"Chicago/question":   {Chicago, approxDate, 5, `Wang, "What Did the Judge," para. 5.`},
		"Chicago/no para":    {Chicago, seed001, 0, `Wang, "Liang Sentencing Prompts #APIs4BlackLives."`},
		"Chicago/no title":   {Chicago, bare, 2, `[Untitled article], para. 2.`},
		"MLA/nothing known":  {MLA, bare, 2, `([Untitled article] par. 2)`},
		"APA/question title": {APA, article("Why Now?", "", "", "2016-05-01", ""), 1, `("Why Now?" 2016, para. 1)`},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			if got := tc.style.InText(tc.a, tc.para); got != tc.want {
				t.Errorf("InText:\n got %s\nwant %s", got, tc.want)
			}
		})
	}
}

func TestReference(t *testing.T) {
	accessed := noDate
	accessed.AddedAt = time.Date(2026, time.May, 5, 10, 0, 0, 0, time.UTC)
	tests := map[string]struct {
		style Style
		a     data.Article
		want  string // Markdown, so that italics and links are checked too
	}{
		"APA/seed000":              {APA, seed000, `Asian Organization Opposes No Jail Time Sentence of Former NYPD Officer Peter Liang. (2016, April). *AFRO*. <` + url000 + `>`},
		"APA/seed001":              {APA, seed001, `Wang, F. K.-H. (2016, April). Liang Sentencing Prompts #APIs4BlackLives, #Justice4Liang Responses Amid Accountability Debate. *NBC News*. <` + url001 + `>`},
		"APA/seed002":              {APA, seed002, `Ex-Cop Peter Liang Apologizes to Akai Gurley's Domestic Partner in Meeting. (2016, March 24). *NBC News*. <` + url002 + `>`},
		"APA/two":                  {APA, twoAuthors, `Wang, F. K.-H., & Lee, T. G. (2016, February 20). Protesters Rally in Brooklyn. *The New York Times*. <https://example.com/rally>`},
		"APA/three":                {APA, threeAuthors, `Lee, A., Chen, B., & Park, C. (2016, February 11). Verdict Divides Community. *Daily News*.`},
		"APA/no date, file source": {APA, noDate, `King, M. L., Jr. (n.d.). Statement on the Sentencing. *APALA*.`},
		"APA/year only, no outlet": {APA, yearOnly, `van Gogh, V. (2016). A Year in Review. <https://example.com/review>`},
		"APA/approximate":          {APA, approxDate, `Wang, F. K.-H. (ca. 2016, April). What Did the Judge Say? *NBC News*. <https://example.com/judge>`},
		"APA/nothing known":        {APA, bare, `[Untitled article]. (n.d.).`},
		"MLA/seed000":              {MLA, seed000, `"Asian Organization Opposes No Jail Time Sentence of Former NYPD Officer Peter Liang." *AFRO*, Apr. 2016, [afro.com/asian-organization-opposes-no-jail-time-sentence-of-former-nypd-officer-peter-liang/](<` + url000 + `>).`},
		"MLA/seed001":              {MLA, seed001, `Wang, Frances Kai-Hwa. "Liang Sentencing Prompts #APIs4BlackLives, #Justice4Liang Responses Amid Accountability Debate." *NBC News*, Apr. 2016, [www.nbcnews.com/news/asian-america/liang-sentencing-prompts-apis4blacklives-justice4liang-responses-amid-accountability-debate-n558316](<` + url001 + `>).`},
		"MLA/seed002":              {MLA, seed002, `"Ex-Cop Peter Liang Apologizes to Akai Gurley's Domestic Partner in Meeting." *NBC News*, 24 Mar. 2016, [www.nbcnews.com/news/asian-america/ex-cop-peter-liang-apologizes-akai-gurley-s-domestic-partner-n544921](<` + url002 + `>).`},
		"MLA/two":                  {MLA, twoAuthors, `Wang, Frances Kai-Hwa, and Traci G. Lee. "Protesters Rally in Brooklyn." *The New York Times*, 20 Feb. 2016, [example.com/rally](<https://example.com/rally>).`},
		"MLA/three":                {MLA, threeAuthors, `Lee, Ann, et al. "Verdict Divides Community." *Daily News*, 11 Feb. 2016.`},
		"MLA/no date, accessed":    {MLA, accessed, `King, Martin Luther, Jr. "Statement on the Sentencing." *APALA*. Accessed 5 May 2026.`},
		"MLA/approximate":          {MLA, approxDate, `Wang, Frances Kai-Hwa. "What Did the Judge Say?" *NBC News*, c. Apr. 2016, [example.com/judge](<https://example.com/judge>).`},
		"MLA/nothing known":        {MLA, bare, `[Untitled article].`},
		"Chicago/seed000":          {Chicago, seed000, `*AFRO*. "Asian Organization Opposes No Jail Time Sentence of Former NYPD Officer Peter Liang." April 2016. <` + url000 + `>.`},
		"Chicago/seed001":          {Chicago, seed001, `Wang, Frances Kai-Hwa. "Liang Sentencing Prompts #APIs4BlackLives, #Justice4Liang Responses Amid Accountability Debate." *NBC News*, April 2016. <` + url001 + `>.`},
		"Chicago/seed002":          {Chicago, seed002, `*NBC News*. "Ex-Cop Peter Liang Apologizes to Akai Gurley's Domestic Partner in Meeting." March 24, 2016. <` + url002 + `>.`},
		"Chicago/two":              {Chicago, twoAuthors, `Wang, Frances Kai-Hwa, and Traci G. Lee. "Protesters Rally in Brooklyn." *The New York Times*, February 20, 2016. <https://example.com/rally>.`},
		"Chicago/no date":          {Chicago, noDate, `King, Martin Luther, Jr. "Statement on the Sentencing." *APALA*, n.d.`},
		"Chicago/no outlet":        {Chicago, yearOnly, `van Gogh, Vincent. "A Year in Review." 2016. <https://example.com/review>.`},
		"Chicago/nothing known":    {Chicago, bare, `[Untitled article]. N.d.`},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			got := unescape(tc.style.Reference(tc.a).Markdown())
			if got != tc.want {
				t.Errorf("Reference:\n got %s\nwant %s", got, tc.want)
			}
		})
	}
}

func TestNote(t *testing.T) {
	tests := map[string]struct {
		style Style
		a     data.Article
		para  int
		want  string
	}{
		"Chicago/seed000":                     {Chicago, seed000, 3, `"Asian Organization Opposes No Jail Time Sentence of Former NYPD Officer Peter Liang," *AFRO*, April 2016, para. 3, <` + url000 + `>.`},
		"Chicago/seed001":                     {Chicago, seed001, 7, `Frances Kai-Hwa Wang, "Liang Sentencing Prompts #APIs4BlackLives, #Justice4Liang Responses Amid Accountability Debate," *NBC News*, April 2016, para. 7, <` + url001 + `>.`},
		"Chicago/seed002":                     {Chicago, seed002, 3, `"Ex-Cop Peter Liang Apologizes to Akai Gurley's Domestic Partner in Meeting," *NBC News*, March 24, 2016, para. 3, <` + url002 + `>.`},
		"Chicago/two":                         {Chicago, twoAuthors, 2, `Frances Kai-Hwa Wang and Traci G. Lee, "Protesters Rally in Brooklyn," *The New York Times*, February 20, 2016, para. 2, <https://example.com/rally>.`},
		"Chicago/question title, approximate": {Chicago, approxDate, 1, `Frances Kai-Hwa Wang, "What Did the Judge Say?" *NBC News*, ca. April 2016, para. 1, <https://example.com/judge>.`},
		"Chicago/no date, no outlet":          {Chicago, article(`The "Model Minority" Myth`, "", "", "", ""), 4, `"The 'Model Minority' Myth," n.d., para. 4.`},
		"APA is the in-text":                  {APA, seed001, 7, `(Wang, 2016, para. 7)`},
		"MLA is the in-text":                  {MLA, seed001, 7, `(Wang par. 7)`},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			if got := unescape(tc.style.Note(tc.a, tc.para).Markdown()); got != tc.want {
				t.Errorf("Note:\n got %s\nwant %s", got, tc.want)
			}
		})
	}
}

// unescape removes Markdown backslash escapes, so that the wanted citations
// read as the styles print them.
func unescape(s string) string {
	var b []rune
	esc := false
	for _, r := range s {
		if r == '\\' && !esc {
			esc = true
			continue
		}
		esc = false
		b = append(b, r)
	}
	return string(b)
}

// TestMissingMetadata covers citations of articles without an author, a
// title or a date: the description "[Untitled article]" names the outlet
// only where nothing else prints it, and a short title keeps its question
// mark.
func TestMissingMetadata(t *testing.T) {
	untitledNBC := article("", "NBC News", "", "", "")
	untitledWang := article("", "NBC News", "Frances Kai-Hwa Wang", "2016-04", "")
	question := article("What Now?", "NBC News", "", "2016-04", "")
	tests := map[string]struct {
		got  string
		want string
	}{
		"APA/in-text, nothing known":              {APA.InText(bare, 3), `([Untitled article], n.d., para. 3)`},
		"APA/in-text, only the outlet":            {APA.InText(untitledNBC, 3), `([Untitled article, NBC News], n.d., para. 3)`},
		"APA/in-text, no pin-point":               {APA.InText(untitledNBC, 0), `([Untitled article, NBC News], n.d.)`},
		"APA/in-text, untitled, author":           {APA.InText(untitledWang, 3), `(Wang, 2016, para. 3)`},
		"APA/in-text, question":                   {APA.InText(question, 1), `("What Now?" 2016, para. 1)`},
		"APA/reference, untitled":                 {unescape(APA.Reference(untitledNBC).Markdown()), `[Untitled article]. (n.d.). *NBC News*.`},
		"APA/reference, untitled with author":     {unescape(APA.Reference(untitledWang).Markdown()), `Wang, F. K.-H. (2016, April). [Untitled article]. *NBC News*.`},
		"MLA/in-text, only the outlet":            {MLA.InText(untitledNBC, 2), `([Untitled article, NBC News] par. 2)`},
		"MLA/in-text, question":                   {MLA.InText(question, 2), `("What Now?" par. 2)`},
		"MLA/works cited, untitled":               {unescape(MLA.Reference(untitledNBC).Markdown()), `[Untitled article]. *NBC News*.`},
		"Chicago/bibliography, untitled":          {unescape(Chicago.Reference(untitledNBC).Markdown()), `*NBC News*. [Untitled article]. N.d.`},
		"Chicago/note, untitled":                  {unescape(Chicago.Note(untitledNBC, 3).Markdown()), `[Untitled article], *NBC News*, n.d., para. 3.`},
		"Chicago/short note, untitled":            {Chicago.ShortNote(untitledNBC, 3), `[Untitled article, NBC News], para. 3.`},
		"Chicago/short note, question":            {Chicago.ShortNote(question, 0), `"What Now?"`},
		"Chicago/short note, question, pin-point": {Chicago.ShortNote(question, 4), `"What Now?" para. 4.`},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			if tc.got != tc.want {
				t.Errorf("\n got %s\nwant %s", tc.got, tc.want)
			}
		})
	}
}

func TestShortTitle(t *testing.T) {
	tests := map[string]struct{ in, want string }{
		"question":             {"What Now?", "What Now?"},
		"exclamation":          {"Not Again!", "Not Again!"},
		"question, then more":  {"Why Now? The Case Explained", "Why Now?"},
		"long question":        {"What Did the Judge Say?", "What Did the Judge"},
		"colon":                {"Liang Sentenced: What Comes Next", "Liang Sentenced"},
		"four words at most":   {"Asian Organization Opposes No Jail Time Sentence", "Asian Organization Opposes"},
		"trailing punctuation": {"Verdict, Reaction.", "Verdict, Reaction"},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			if got := ShortTitle(tc.in); got != tc.want {
				t.Errorf("ShortTitle(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

func TestWebURL(t *testing.T) {
	tests := map[string]struct{ in, want string }{
		"plain":                 {"https://example.com/a", "https://example.com/a"},
		"surrounding space":     {"  https://example.com/a \n", "https://example.com/a"},
		"space in path":         {"https://example.com/liang case", "https://example.com/liang%20case"},
		"angle bracket in path": {"https://example.com/a>b<c", "https://example.com/a%3Eb%3Cc"},
		"query":                 {`https://example.com/s?q=liang case&x=<b>"`, "https://example.com/s?q=liang%20case&x=%3Cb%3E%22"},
		"escapes kept":          {"https://example.com/a%20b?q=a%20b", "https://example.com/a%20b?q=a%20b"},
		"lone percent":          {"https://example.com/?q=100%", "https://example.com/?q=100%25"},
		"fragment":              {"https://example.com/#para 7", "https://example.com/#para%207"},
		"non-ASCII":             {"https://example.com/été?q=é", "https://example.com/%C3%A9t%C3%A9?q=%C3%A9"},
		"upper-case scheme":     {"HTTP://example.com/", "http://example.com/"},
		"file name":             {"statement.txt", ""},
		"file with space":       {"liang notes.md", ""},
		"relative":              {"//example.com/a", ""},
		"no host":               {"https:///a", ""},
		"javascript":            {"javascript:alert(1)", ""},
		"mail":                  {"mailto:a@example.com", ""},
		"ftp":                   {"ftp://example.com/a", ""},
		"space in host":         {"https://exa mple.com/", ""},
		"empty":                 {"", ""},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			if got := WebURL(tc.in); got != tc.want {
				t.Errorf("WebURL(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

// TestReferenceURL checks that an address with a space or an angle bracket
// is cited normalised, so that it cannot break the Markdown link, and that a
// source that is not a web address is not cited.
func TestReferenceURL(t *testing.T) {
	spaced := article("Liang Sentenced", "NBC News", "", "2016-04", "https://example.com/liang case>1")
	file := article("Liang Sentenced", "NBC News", "", "2016-04", "my notes <draft>.txt")
	tests := map[string]struct {
		got  string
		want string
	}{
		"APA":           {APA.Reference(spaced).Markdown(), `Liang Sentenced. (2016, April). *NBC News*. <https://example.com/liang%20case%3E1>`},
		"MLA":           {MLA.Reference(spaced).Markdown(), `"Liang Sentenced." *NBC News*, Apr. 2016, [example.com/liang%20case%3E1](<https://example.com/liang%20case%3E1>).`},
		"Chicago note":  {Chicago.Note(spaced, 2).Markdown(), `"Liang Sentenced," *NBC News*, April 2016, para. 2, <https://example.com/liang%20case%3E1>.`},
		"file name":     {APA.Reference(file).Markdown(), `Liang Sentenced. (2016, April). *NBC News*.`},
		"span, bad URL": {Text{{Text: "see <here>", URL: "javascript:alert(1)"}}.Markdown(), `see \<here\>`},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			if tc.got != tc.want {
				t.Errorf("\n got %s\nwant %s", tc.got, tc.want)
			}
		})
	}
}

func TestUpperFirst(t *testing.T) {
	tests := map[string]struct{ in, want string }{
		"ASCII":       {"n.d.", "N.d."},
		"accented":    {"été 2016", "Été 2016"},
		"Greek":       {"άνοιξη 2016", "Άνοιξη 2016"},
		"digit":       {"2016", "2016"},
		"empty":       {"", ""},
		"invalid":     {"\xff2016", "\xff2016"},
		"digraph":     {"ǆuly", "ǅuly"},
		"upper first": {"Spring", "Spring"},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			if got := upperFirst(tc.in); got != tc.want {
				t.Errorf("upperFirst(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
	t.Run("bibliography", func(t *testing.T) {
		a := article("La peine de Peter Liang", "Le Monde", "", "été 2016", "")
		got := unescape(Chicago.Reference(a).Markdown())
		if want := `*Le Monde*. "La peine de Peter Liang." Été 2016.`; got != want {
			t.Errorf("\n got %s\nwant %s", got, want)
		}
	})
}

func TestParseName(t *testing.T) {
	tests := map[string]struct {
		in                     string
		apa, inverted, natural string
	}{
		"hyphenated given name": {"Frances Kai-Hwa Wang", "Wang, F. K.-H.", "Wang, Frances Kai-Hwa", "Frances Kai-Hwa Wang"},
		"middle initial":        {"Traci G. Lee", "Lee, T. G.", "Lee, Traci G.", "Traci G. Lee"},
		"already inverted":      {"Wang, Frances Kai-Hwa", "Wang, F. K.-H.", "Wang, Frances Kai-Hwa", "Frances Kai-Hwa Wang"},
		"suffix":                {"Martin Luther King Jr.", "King, M. L., Jr.", "King, Martin Luther, Jr.", "Martin Luther King Jr."},
		"suffix after comma":    {"Martin Luther King, Jr.", "King, M. L., Jr.", "King, Martin Luther, Jr.", "Martin Luther King Jr."},
		"particle":              {"Vincent van Gogh", "van Gogh, V.", "van Gogh, Vincent", "Vincent van Gogh"},
		"organisation":          {"Reuters", "Reuters", "Reuters", "Reuters"},
		"wire service":          {"Associated Press", "Associated Press", "Associated Press", "Associated Press"},
		"staff byline":          {"NBC News Staff", "NBC News Staff", "NBC News Staff", "NBC News Staff"},
		"acronym":               {"APALA", "APALA", "APALA", "APALA"},
		"two-letter wire":       {"AP", "AP", "AP", "AP"},
		"alliance":              {"National Queer Asian Pacific Islander Alliance", "National Queer Asian Pacific Islander Alliance", "National Queer Asian Pacific Islander Alliance", "National Queer Asian Pacific Islander Alliance"},
		"leading the":           {"The New York Times Editorial Board", "The New York Times Editorial Board", "The New York Times Editorial Board", "The New York Times Editorial Board"},
		"acronym in a name":     {"NQAPIA Communications", "NQAPIA Communications", "NQAPIA Communications", "NQAPIA Communications"},
		"person in capitals":    {"PETER LIANG", "LIANG, P.", "LIANG, PETER", "PETER LIANG"},
		"roman suffix":          {"Peter Liang III", "Liang, P., III", "Liang, Peter, III", "Peter Liang III"},
		"extra spaces":          {"  Peter   Liang ", "Liang, P.", "Liang, Peter", "Peter Liang"},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			n := ParseName(tc.in)
			if got := n.APA(); got != tc.apa {
				t.Errorf("APA() = %q, want %q", got, tc.apa)
			}
			if got := n.Inverted(); got != tc.inverted {
				t.Errorf("Inverted() = %q, want %q", got, tc.inverted)
			}
			if got := n.Natural(); got != tc.natural {
				t.Errorf("Natural() = %q, want %q", got, tc.natural)
			}
		})
	}
}

// TestGroupAuthor checks that an organisation is cited as a group author in
// every style: whole, in the author's place, never inverted or reduced to
// initials ("Press, A.").
func TestGroupAuthor(t *testing.T) {
	ap := article("Officer Sentenced to Probation", "AP News", "Associated Press", "2016-04-19", "")
	staff := article("Officer Sentenced to Probation", "NBC News", "NBC News Staff", "2016-04-19", "")
	tests := map[string]struct {
		got  string
		want string
	}{
		"APA/in-text":          {APA.InText(ap, 3), `(Associated Press, 2016, para. 3)`},
		"APA/reference":        {unescape(APA.Reference(ap).Markdown()), `Associated Press. (2016, April 19). Officer Sentenced to Probation. *AP News*.`},
		"APA/staff in-text":    {APA.InText(staff, 1), `(NBC News Staff, 2016, para. 1)`},
		"MLA/in-text":          {MLA.InText(ap, 3), `(Associated Press par. 3)`},
		"MLA/works cited":      {unescape(MLA.Reference(ap).Markdown()), `Associated Press. "Officer Sentenced to Probation." *AP News*, 19 Apr. 2016.`},
		"MLA/staff":            {unescape(MLA.Reference(staff).Markdown()), `NBC News Staff. "Officer Sentenced to Probation." *NBC News*, 19 Apr. 2016.`},
		"Chicago/note":         {unescape(Chicago.Note(ap, 3).Markdown()), `Associated Press, "Officer Sentenced to Probation," *AP News*, April 19, 2016, para. 3.`},
		"Chicago/short note":   {Chicago.ShortNote(ap, 3), `Associated Press, "Officer Sentenced to Probation," para. 3.`},
		"Chicago/bibliography": {unescape(Chicago.Reference(ap).Markdown()), `Associated Press. "Officer Sentenced to Probation." *AP News*, April 19, 2016.`},
		"sort key":             {APA.SortKey(ap), "associated press"},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			if tc.got != tc.want {
				t.Errorf("\n got %s\nwant %s", tc.got, tc.want)
			}
		})
	}
}

func TestParseDate(t *testing.T) {
	tests := map[string]struct {
		in                string
		want              Date
		apa, mla, chicago string
	}{
		"day":              {"2016-03-24", Date{Year: 2016, Month: 3, Day: 24}, "2016, March 24", "24 Mar. 2016", "March 24, 2016"},
		"month":            {"2016-04", Date{Year: 2016, Month: 4}, "2016, April", "Apr. 2016", "April 2016"},
		"September in MLA": {"2016-09", Date{Year: 2016, Month: 9}, "2016, September", "Sept. 2016", "September 2016"},
		"year":             {"2016", Date{Year: 2016}, "2016", "2016", "2016"},
		"unknown":          {"", Date{}, "n.d.", "", "n.d."},
		"approximate EDTF": {"2016-04~", Date{Year: 2016, Month: 4, Approx: true}, "ca. 2016, April", "c. Apr. 2016", "ca. April 2016"},
		"uncertain EDTF":   {"2016?", Date{Year: 2016, Approx: true}, "ca. 2016", "c. 2016", "ca. 2016"},
		"circa prefix":     {"ca. 2016", Date{Year: 2016, Approx: true}, "ca. 2016", "c. 2016", "ca. 2016"},
		"free text":        {"Spring 2016", Date{Raw: "Spring 2016"}, "Spring 2016", "Spring 2016", "Spring 2016"},
		"bad month":        {"2016-13", Date{Raw: "2016-13"}, "2016-13", "2016-13", "2016-13"},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			got := ParseDate(tc.in)
			if got != tc.want {
				t.Fatalf("ParseDate(%q) = %+v, want %+v", tc.in, got, tc.want)
			}
			if s := got.apa(); s != tc.apa {
				t.Errorf("apa = %q, want %q", s, tc.apa)
			}
			if s := got.mla(); s != tc.mla {
				t.Errorf("mla = %q, want %q", s, tc.mla)
			}
			if s := got.chicago(); s != tc.chicago {
				t.Errorf("chicago = %q, want %q", s, tc.chicago)
			}
		})
	}
}

func TestSort(t *testing.T) {
	tests := map[string]struct {
		style Style
		want  []int64
	}{
		// APA and MLA: "Asian ...", "Ex-Cop ...", "Wang".
		"APA": {APA, []int64{1, 3, 2}},
		"MLA": {MLA, []int64{1, 3, 2}},
		// Chicago: the outlet stands in for a missing author: "AFRO", "NBC
		// News", "Wang".
		"Chicago": {Chicago, []int64{1, 3, 2}},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			as := []data.Article{seed002, seed001, seed000}
			tc.style.Sort(as)
			var got []int64
			for _, a := range as {
				got = append(got, a.ID)
			}
			if len(got) != len(tc.want) {
				t.Fatalf("got %v, want %v", got, tc.want)
			}
			for i := range got {
				if got[i] != tc.want[i] {
					t.Fatalf("got %v, want %v", got, tc.want)
				}
			}
		})
	}
}

func TestSortKeyIgnoresArticle(t *testing.T) {
	got := APA.SortKey(article("The Verdict", "", "", "", ""))
	if want := "verdict"; got != want {
		t.Errorf("SortKey = %q, want %q", got, want)
	}
}

func TestEscapeMarkdown(t *testing.T) {
	tests := map[string]struct{ in, want string }{
		"emphasis and code": {"*a* _b_ `c`", `\*a\* \_b\_ \` + "`c\\`"},
		"html":              {"<script>alert(1)</script>", `\<script\>alert(1)\</script\>`},
		"entity":            {"AT&T &amp; co", `AT&T \&amp; co`},
		"heading at start":  {"# not a heading", `\# not a heading`},
		"hash inside":       {"#APIs4BlackLives and #Justice4Liang", `\#APIs4BlackLives and #Justice4Liang`},
		"numbered list":     {"1. first", `1\. first`},
		"plain":             {"Peter Liang, 2016.", "Peter Liang, 2016."},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			if got := EscapeMarkdown(tc.in); got != tc.want {
				t.Errorf("EscapeMarkdown(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

func TestParseStyle(t *testing.T) {
	tests := map[string]struct {
		in      string
		want    Style
		wantErr bool
	}{
		"default": {"", APA, false},
		"upper":   {"MLA", MLA, false},
		"chicago": {"chicago", Chicago, false},
		"unknown": {"harvard", "", true},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			got, err := ParseStyle(tc.in)
			if (err != nil) != tc.wantErr {
				t.Fatalf("err = %v, wantErr %v", err, tc.wantErr)
			}
			if err != nil && data.ErrorCode(err) != data.EINVALID {
				t.Errorf("code = %q, want %q", data.ErrorCode(err), data.EINVALID)
			}
			if got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}
