package cite

import (
	"testing"

	"github.com/casebookapp/casebook/data"
)

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
			if got := shortenTitle(tc.in); got != tc.want {
				t.Errorf("shortenTitle(%q) = %q, want %q", tc.in, got, tc.want)
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
	spaced.Type, file.Type = data.Newspaper, data.Newspaper
	tests := map[string]struct {
		got  string
		want string
	}{
		"APA":           {APA.reference(spaced, false).Markdown(), `Liang Sentenced. (2016, April). *NBC News*. <https://example.com/liang%20case%3E1>`},
		"MLA":           {MLA.reference(spaced, false).Markdown(), `“Liang Sentenced.” *NBC News*, Apr. 2016, <https://example.com/liang%20case%3E1>.`},
		"Chicago note":  {Chicago.Note(spaced, 2).Markdown(), `“Liang Sentenced,” *NBC News*, April 2016, para. 2, <https://example.com/liang%20case%3E1>.`},
		"file name":     {APA.reference(file, false).Markdown(), `Liang Sentenced. (2016, April). *NBC News*.`},
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
		a.Type = data.Newspaper
		got := unescape(Chicago.reference(a, false).Markdown())
		if want := `*Le Monde*. “La Peine de Peter Liang.” Été 2016.`; got != want {
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
			n := parseName(tc.in)
			if got := n.apa(); got != tc.apa {
				t.Errorf("APA() = %q, want %q", got, tc.apa)
			}
			if got := n.inverted(); got != tc.inverted {
				t.Errorf("inverted() = %q, want %q", got, tc.inverted)
			}
			if got := n.natural(); got != tc.natural {
				t.Errorf("natural() = %q, want %q", got, tc.natural)
			}
		})
	}
}

// TestGroupAuthor checks that an organisation is cited as a group author in
// every style: whole, in the author's place, never inverted or reduced to
// initials ("Press, A.").
func TestGroupAuthor(t *testing.T) {
	ap := article("Officer Sentenced to Probation", "AP News", "Associated Press", "2016-04-19", "")
	ap.SentenceTitle = "Officer sentenced to probation"
	staff := article("Officer Sentenced to Probation", "NBC News", "NBC News Staff", "2016-04-19", "")
	tests := map[string]struct {
		got  string
		want string
	}{
		"APA/in-text":          {APA.InText(ap, 3).String(), `(Associated Press, 2016, para. 3)`},
		"APA/reference":        {unescape(APA.reference(ap, false).Markdown()), `Associated Press. (2016, April 19). *Officer sentenced to probation*. AP News.`},
		"APA/staff in-text":    {APA.InText(staff, 1).String(), `(NBC News Staff, 2016, para. 1)`},
		"MLA/in-text":          {MLA.InText(ap, 3).String(), `(Associated Press, par. 3)`},
		"MLA/works cited":      {unescape(MLA.reference(ap, false).Markdown()), `Associated Press. “Officer Sentenced to Probation.” *AP News*, 19 Apr. 2016.`},
		"MLA/staff":            {unescape(MLA.reference(staff, false).Markdown()), `NBC News Staff. “Officer Sentenced to Probation.” *NBC News*, 19 Apr. 2016.`},
		"Chicago/note":         {unescape(Chicago.Note(ap, 3).Markdown()), `Associated Press, “Officer Sentenced to Probation,” AP News, April 19, 2016, para. 3.`},
		"Chicago/short note":   {Chicago.ShortNote(ap, 3).String(), `Associated Press, “Officer Sentenced to Probation,” para. 3.`},
		"Chicago/bibliography": {unescape(Chicago.reference(ap, false).Markdown()), `Associated Press. “Officer Sentenced to Probation.” AP News, April 19, 2016.`},
		"sort key":             {APA.sortKey(ap), "associated press"},
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
		want              pubDate
		apa, mla, chicago string
	}{
		"day":              {"2016-03-24", pubDate{year: 2016, month: 3, day: 24}, "2016, March 24", "24 Mar. 2016", "March 24, 2016"},
		"month":            {"2016-04", pubDate{year: 2016, month: 4}, "2016, April", "Apr. 2016", "April 2016"},
		"September in MLA": {"2016-09", pubDate{year: 2016, month: 9}, "2016, September", "Sept. 2016", "September 2016"},
		"year":             {"2016", pubDate{year: 2016}, "2016", "2016", "2016"},
		"unknown":          {"", pubDate{}, "n.d.", "", "n.d."},
		"approximate EDTF": {"2016-04~", pubDate{year: 2016, month: 4, approx: true}, "ca. 2016, April", "c. Apr. 2016", "ca. April 2016"},
		"uncertain EDTF":   {"2016?", pubDate{year: 2016, approx: true}, "ca. 2016", "c. 2016", "ca. 2016"},
		"circa prefix":     {"ca. 2016", pubDate{year: 2016, approx: true}, "ca. 2016", "c. 2016", "ca. 2016"},
		"free text":        {"Spring 2016", pubDate{raw: "Spring 2016"}, "Spring 2016", "Spring 2016", "Spring 2016"},
		"bad month":        {"2016-13", pubDate{raw: "2016-13"}, "2016-13", "2016-13", "2016-13"},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			got := parseDate(tc.in)
			if got != tc.want {
				t.Fatalf("parseDate(%q) = %+v, want %+v", tc.in, got, tc.want)
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

func TestSortKeyIgnoresArticle(t *testing.T) {
	got := APA.sortKey(article("The Verdict", "", "", "", ""))
	if want := "verdict"; got != want {
		t.Errorf("sortKey = %q, want %q", got, want)
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

func article(title, outlet, author, date, source string) data.Article {
	return data.Article{Meta: data.Meta{Title: title, Outlet: outlet, Author: author, Date: date, Source: source}}
}
