package ingest

import (
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	readability "codeberg.org/readeck/go-readability"
	"github.com/casebookapp/casebook/data"
	"golang.org/x/net/html"
)

const fixtures = "../../testdata/import"

func fixture(name string) string { return filepath.Join(fixtures, name) }

// TestReadFile checks every good fixture: the metadata, and that the
// passages have the right kinds and text.
func TestReadFile(t *testing.T) {
	sentence := "The judge imposed 800 hours of community service — more than the £0 fine some expected, said José."
	encoded := struct {
		meta  data.Meta
		kinds []data.Kind
	}{
		meta:  data.Meta{Title: "Liang Sentenced to Probation", Author: "Jane Doe", Outlet: "NBC News"},
		kinds: []data.Kind{kT, kY, kB},
	}
	tests := map[string]struct {
		meta  data.Meta
		kinds []data.Kind
		// texts pins passages by index.
		texts map[int]string
		// absent lists text that must not appear in any passage.
		absent []string
	}{
		"news.html": {
			meta: data.Meta{
				Title:  "Liang Gets Probation, Community Service in Gurley Death",
				Author: "Dana Whitfield; Marcus Oyelaran", Outlet: "The Brooklyn Ledger", Date: "2016-04-19", Type: data.NewsWebsite,
				Source: "https://ledger.example.com/2016/04/19/liang-probation",
			},
			kinds: []data.Kind{kB, kB, kC, kB, kP, kL, kB, kB},
			texts: map[int]string{
				2: "Supporters and opponents of Peter Liang gathered outside the courthouse on Tuesday",
				5: "District Attorney Won't Seek Prison Time for Liang",
			},
			absent: []string{"tracking pixel", "Buy now", "Sports", "Cookie policy", "Thousands Rally for Former Officer", "All rights reserved", "Terms"},
		},
		"meta-only.html": {
			meta:   data.Meta{Title: "Rally in Cadman Plaza draws thousands", Author: "Lena Park", Outlet: "Queens Daily Star", Date: "2016-02-20", Source: "meta-only.html", Type: data.NewsWebsite},
			kinds:  []data.Kind{kB, kB, kB, kB},
			absent: []string{"Front page", "Log in", "Share this article"},
		},
		"article.md": {
			meta: data.Meta{
				Title: "Notes on the Liang Sentencing", Author: "Priya Raman; Owen Blake", Outlet: "Campus Law Review",
				Date: "2016-04-21", Source: "https://review.example.edu/liang-sentencing",
			},
			kinds: []data.Kind{kT, kB, kC, kB, kB, kB, kB, kP},
			texts: map[int]string{
				1: "The judge imposed five years of probation and 800 hours of community service, more than the 500 hours the DA requested.",
				2: "Peter Liang leaving court on April 19, 2016",
				4: "The conviction was reduced to criminally negligent homicide.",
				6: "“This is not justice,” Gurley's aunt said.",
			},
			absent: []string{"**", "](", "`", "tags:", "policing"},
		},
		"escapes.md": {
			// Passages read as the rendered page does: references and
			// backslash escapes decoded, code spans verbatim.
			meta:  data.Meta{Title: "AT&T and the 5% Rule"},
			kinds: []data.Kind{kT, kB, kB},
			texts: map[int]string{
				0: "AT&T and the 5% Rule",
				1: "AT&T said *not* 5%, and the café owner agreed — or so memo #4 claimed.",
				2: `Type a &amp;&amp; b \* in the box, or write &amp; for an ampersand &copy 2016.`,
			},
		},
		"no-frontmatter.md": {
			meta:  data.Meta{Title: "Liang apologizes to Gurley's partner", Author: "Ruth Okafor", Date: "2016-03-24", Source: "no-frontmatter.md"},
			kinds: []data.Kind{kT, kY, kD, kB},
			texts: map[int]string{3: "Peter Liang met Kimberly Ballinger for five minutes on Thursday."},
		},
		"cp1252.txt": {
			meta:  data.Meta{Title: "Pound Sterling Prices Rise", Source: "cp1252.txt"},
			kinds: []data.Kind{kT, kB},
			texts: map[int]string{1: "The fee rose to £40 on Monday, “the highest ever”, said the café owner."},
		},
		"utf16le.txt": {meta: encoded.meta, kinds: encoded.kinds, texts: map[int]string{2: sentence}},
		"utf16be.txt": {meta: encoded.meta, kinds: encoded.kinds, texts: map[int]string{2: sentence}},
		"utf8bom.txt": {meta: encoded.meta, kinds: encoded.kinds, texts: map[int]string{0: "Liang Sentenced to Probation", 2: sentence}},
		"crlf.txt":    {meta: encoded.meta, kinds: encoded.kinds, texts: map[int]string{2: sentence}},
		"cr.txt":      {meta: encoded.meta, kinds: encoded.kinds, texts: map[int]string{2: sentence}},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			got, err := ReadFile(fixture(name))
			if err != nil {
				t.Fatalf("ReadFile: %v", err)
			}
			want := tt.meta
			if want.Source == "" {
				want.Source = name
			}
			if got.Meta != want {
				t.Errorf("Meta = %+v\nwant %+v", got.Meta, want)
			}
			if g, w := kinds(got), tt.kinds; !equalKinds(g, w) {
				t.Errorf("kinds = %v, want %v", g, w)
				dumpPassages(t, got)
			}
			for i, w := range tt.texts {
				if i >= len(got.Passages) {
					t.Errorf("no passage %d", i)
				} else if g := got.Passages[i].Text; g != w {
					t.Errorf("passage %d = %q, want %q", i, g, w)
				}
			}
			for _, p := range got.Passages {
				for _, bad := range tt.absent {
					if strings.Contains(p.Text, bad) {
						t.Errorf("passage %q contains %q", p.Text, bad)
					}
				}
			}
			if !filepath.IsAbs(got.Origin) || filepath.Base(got.Origin) != name {
				t.Errorf("Origin = %q, want the absolute path", got.Origin)
			}
			if strings.ContainsRune(got.Original, '\r') || strings.HasPrefix(got.Original, "\ufeff") {
				t.Errorf("Original keeps CR or a BOM: %q", got.Original)
			}
		})
	}
}

// TestReadFileSameText checks that one text in different encodings and
// line endings decodes to the same Original, so it is one article.
func TestReadFileSameText(t *testing.T) {
	var first string
	for _, name := range []string{"utf8bom.txt", "utf16le.txt", "utf16be.txt", "crlf.txt", "cr.txt"} {
		a, err := ReadFile(fixture(name))
		if err != nil {
			t.Fatal(err)
		}
		if first == "" {
			first = a.Original
		} else if a.Original != first {
			t.Errorf("%s: Original = %q, want %q", name, a.Original, first)
		}
	}
}

// TestReadFileErrors checks that every bad file is refused with a message
// that names it and says why.
func TestReadFileErrors(t *testing.T) {
	dir := t.TempDir()
	big := filepath.Join(dir, "huge.txt")
	if err := os.WriteFile(big, []byte("x"), 0o600); err != nil {
		t.Fatal(err)
	}
	// A sparse file: large on disk without writing 20 MB.
	if err := os.Truncate(big, maxFileSize+1); err != nil {
		t.Fatal(err)
	}
	folder := filepath.Join(dir, "folder.txt")
	if err := os.Mkdir(folder, 0o700); err != nil {
		t.Fatal(err)
	}
	tests := map[string]struct {
		path   string
		reason string
	}{
		"empty":            {fixture("empty.txt"), "empty"},
		"white space":      {fixture("whitespace.txt"), "empty"},
		"binary with NULs": {fixture("image.txt"), "not a text file"},
		"control bytes":    {fixture("controls.txt"), "not a text file"},
		"unsupported":      {fixture("notes.odt"), "not supported"},
		"no article":       {fixture("no-article.html"), "no article text"},
		"bad front matter": {fixture("bad-frontmatter.md"), "front matter"},
		"too large":        {big, "too large"},
		"missing":          {filepath.Join(dir, "missing.txt"), "no such file"},
		"folder":           {folder, "folder"},
		"no extension":     {filepath.Join(dir, "README"), "not supported"},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			_, err := ReadFile(tt.path)
			if got, want := data.ErrorCode(err), data.EINVALID; got != want {
				t.Fatalf("ErrorCode = %q, want %q (err %v)", got, want, err)
			}
			msg := data.ErrorMessage(err)
			if !strings.Contains(msg, filepath.Base(tt.path)) {
				t.Errorf("message %q does not name the file", msg)
			}
			if !strings.Contains(msg, tt.reason) {
				t.Errorf("message %q does not say %q", msg, tt.reason)
			}
		})
	}
}

func TestDecode(t *testing.T) {
	tests := map[string]struct {
		name, text string
		err        string
		title      string
		body       string
	}{
		"upper-case extension":  {name: "STORY.TXT", text: "Liang Sentenced\n\nHe got probation.", title: "Liang Sentenced", body: "He got probation."},
		"markdown extension":    {name: "n.markdown", text: "# Big News Today\n\nSome *body* text.", title: "Big News Today", body: "Some body text."},
		"htm extension":         {name: "p.htm", text: "<html><body><p>" + strings.Repeat("Words in the article body go here. ", 20) + "</p></body></html>", body: strings.TrimSpace(strings.Repeat("Words in the article body go here. ", 20))},
		"too large in memory":   {name: "big.txt", text: strings.Repeat("a", maxFileSize+1), err: "too large"},
		"front matter only":     {name: "fm.md", text: "---\ntitle: Only Metadata\n---\n", err: "no article text"},
		"thematic break start":  {name: "hr.md", text: "---\n\nText after a rule.", body: "Text after a rule."},
		"html declared charset": {name: "l.html", text: "<html><head><meta charset=\"iso-8859-1\"></head><body><article><p>" + strings.Repeat("Caf\xe9 owners said the fee was \xa340. ", 10) + "</p></article></body></html>", body: strings.TrimSpace(strings.Repeat("Café owners said the fee was £40. ", 10))},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			a, err := decode(tt.name, []byte(tt.text))
			if tt.err != "" {
				if !strings.Contains(data.ErrorMessage(err), tt.err) || !strings.Contains(data.ErrorMessage(err), tt.name) {
					t.Fatalf("err = %v, want one naming %s and saying %q", err, tt.name, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if a.Title != tt.title {
				t.Errorf("Title = %q, want %q", a.Title, tt.title)
			}
			found := false
			for _, p := range a.Passages {
				found = found || p.Kind == data.KindBody && p.Text == tt.body
			}
			if !found {
				t.Errorf("no body passage %q", tt.body)
				dumpPassages(t, a)
			}
			if a.Origin != tt.name {
				t.Errorf("Origin = %q, want %q", a.Origin, tt.name)
			}
		})
	}
}

// FuzzDecode checks that decode never panics and returns either an
// EINVALID error or an article with valid passages.
func FuzzDecode(f *testing.F) {
	for _, name := range []string{"news.html", "article.md", "cp1252.txt", "utf16le.txt", "bad-frontmatter.md", "image.txt"} {
		b, err := os.ReadFile(fixture(name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(filepath.Ext(name), b)
	}
	f.Add(".txt", []byte("\xfe\xff\x00"))
	f.Add(".md", []byte("---\na: [\n---\n"))
	f.Fuzz(func(t *testing.T, ext string, b []byte) {
		a, err := decode("fuzz"+ext, b)
		if err != nil {
			if data.ErrorCode(err) != data.EINVALID {
				t.Fatalf("error %v has code %q", err, data.ErrorCode(err))
			}
			if !strings.Contains(data.ErrorMessage(err), "fuzz") {
				t.Fatalf("error %q does not name the file", data.ErrorMessage(err))
			}
			return
		}
		if len(a.Passages) == 0 {
			t.Fatal("no error and no passages")
		}
		for i, p := range a.Passages {
			if p.Text == "" || strings.TrimSpace(p.Text) != p.Text || !p.Kind.Valid() {
				t.Fatalf("passage %d = %q (%s)", i, p.Text, p.Kind)
			}
		}
	})
}

// TestDecodeSiteFromPageTitle checks that a page whose only statement of
// its site is the "Headline | Site" of its <title> gets that outlet, and
// the headline without it.
func TestDecodeSiteFromPageTitle(t *testing.T) {
	page := `<html><head><title>Liang gets probation in Gurley killing | Brooklyn Daily Eagle</title></head>
<body><div><p>A Brooklyn judge on Tuesday sentenced former NYPD officer Peter Liang to five years of probation and 800 hours of community service.</p>
<p>Justice Danny Chun also reduced the manslaughter conviction to criminally negligent homicide.</p></div></body></html>`
	a, err := decode("eagle.html", []byte(page))
	if err != nil {
		t.Fatal(err)
	}
	if got, want := a.Title, "Liang gets probation in Gurley killing"; got != want {
		t.Errorf("title = %q, want %q", got, want)
	}
	if got, want := a.Outlet, "Brooklyn Daily Eagle"; got != want {
		t.Errorf("outlet = %q, want %q", got, want)
	}
}

func TestMarkdownUnescape(t *testing.T) {
	tests := map[string]struct{ src, want string }{
		"entities":           {src: "AT&amp;T &lt;b&gt; caf&eacute;", want: "AT&T <b> café"},
		"numeric":            {src: "&#35; &#x23; &#X23; &#0; &#1234567;", want: "# # # \ufffd \ufffd"},
		"escapes":            {src: `\*not\* 5\% \_a\_ \\`, want: `*not* 5% _a_ \`},
		"escaped ampersand":  {src: `\&amp;`, want: "&amp;"},
		"escaped reference":  {src: "&#92;*", want: `\*`},
		"not references":     {src: "AT&T &copy 2016 &nosuch; &#; &#x; &#12345678; & ;", want: "AT&T &copy 2016 &nosuch; &#; &#x; &#12345678; & ;"},
		"not punctuation":    {src: `C:\Users \a`, want: `C:\Users \a`},
		"line break as text": {src: "a&#10;b&NewLine;c", want: "a b c"},
		"code span verbatim": {src: "`a &amp; \\*`", want: `a &amp; \*`},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			blocks, _ := markdownBlocks([]byte(tt.src))
			if got := strings.Join(blocks, "\n\n"); got != tt.want {
				t.Errorf("text = %q, want %q", got, tt.want)
			}
		})
	}
}

// TestDecodeJSONLDOrganizationAuthor checks that a JSON-LD author of type
// Organization is not taken for a person: it names the outlet when the
// page states no publisher.
func TestDecodeJSONLDOrganizationAuthor(t *testing.T) {
	body := `<body><article><p>A Brooklyn judge on Tuesday sentenced former NYPD officer Peter Liang to five years of probation and 800 hours of community service.</p></article></body>`
	page := func(ld string) string {
		return `<html><head><title>Liang sentenced</title><script type="application/ld+json">` + ld + `</script></head>` + body + `</html>`
	}
	tests := map[string]struct {
		ld             string
		author, outlet string
	}{
		"organization only": {
			ld:     `{"@type":"NewsArticle","headline":"Liang sentenced","author":{"@type":"Organization","name":"NBC News"}}`,
			outlet: "NBC News",
		},
		"person and organization": {
			ld:     `{"@type":"NewsArticle","headline":"Liang sentenced","author":[{"@type":"Person","name":"Jane Doe"},{"@type":"NewsMediaOrganization","name":"NBC News"}]}`,
			author: "Jane Doe", outlet: "NBC News",
		},
		"publisher wins": {
			ld:     `{"@type":"NewsArticle","headline":"Liang sentenced","author":{"@type":["Organization"],"name":"NBC News Digital"},"publisher":{"@type":"Organization","name":"NBC News"}}`,
			outlet: "NBC News",
		},
		"untyped names are people": {
			ld:     `{"@type":"NewsArticle","headline":"Liang sentenced","author":["Jane Doe",{"name":"John Roe"}]}`,
			author: "Jane Doe; John Roe",
		},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			a, err := decode("ld.html", []byte(page(tt.ld)))
			if err != nil {
				t.Fatal(err)
			}
			if got, want := a.Author, tt.author; got != want {
				t.Errorf("Author = %q, want %q", got, want)
			}
			if got, want := a.Outlet, tt.outlet; got != want {
				t.Errorf("Outlet = %q, want %q", got, want)
			}
		})
	}
}

// TestRenderArticleTree checks that rendering the article tree Readability
// extracted gives the text that parsing its serialised Content gives, also
// where Readability created elements (a <div> turned into a <p>) and left
// adjacent text nodes.
func TestRenderArticleTree(t *testing.T) {
	words := strings.Repeat("Words in the article body go here. ", 20)
	tests := map[string]string{
		"div turned into p": "<html><body><p>a<div>" + words + "</div>c</p></body></html>",
		"nested divs":       "<html><body><div><div>" + words + "<a href=x>a link</a></div><div>" + words + "</div></div></body></html>",
	}
	for _, name := range []string{"news.html", "meta-only.html"} {
		b, err := os.ReadFile(fixture(name))
		if err != nil {
			t.Fatal(err)
		}
		tests[name] = string(b)
	}
	for name, page := range tests {
		t.Run(name, func(t *testing.T) {
			doc, err := html.Parse(strings.NewReader(page))
			if err != nil {
				t.Fatal(err)
			}
			ra, err := readability.FromDocument(doc, nil)
			if err != nil || ra.Node == nil {
				t.Fatalf("no article: %v", err)
			}
			var got, want blockRenderer
			for c := ra.Node.Parent.FirstChild; c != nil; c = c.NextSibling {
				got.render(c)
			}
			got.flush()
			content, err := html.Parse(strings.NewReader(ra.Content))
			if err != nil {
				t.Fatal(err)
			}
			want.render(content)
			want.flush()
			if !slices.Equal(got.blocks, want.blocks) || !maps.Equal(got.hints, want.hints) {
				t.Errorf("blocks = %q %v\nwant %q %v", got.blocks, got.hints, want.blocks, want.hints)
			}
		})
	}
}

// TestDecodeMostlyUTF8: a UTF-8 file with a few invalid bytes stays UTF-8
// ("café", not "cafÃ©"), the bad bytes become U+FFFD, and the import says
// so; a Windows-1252 file is still read as one.
func TestDecodeMostlyUTF8(t *testing.T) {
	text := "Vigil at the café\n\nNeighbours met at the café near the Pink Houses, and a cyclist\xff passed by; the crowd grew to 200 people by nine o’clock.\n"
	art, err := decode("vigil.txt", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(art.Original, "Ã") || !strings.Contains(art.Original, "café") || !strings.Contains(art.Original, "cyclist\uFFFD passed") {
		t.Errorf("decoded as %q", art.Original)
	}
	if len(art.Warnings) != 1 || !strings.Contains(art.Warnings[0], "1 byte was not valid UTF-8") {
		t.Errorf("warnings = %q", art.Warnings)
	}
	latin := "Vigil at the caf\xe9\n\nNeighbours met at the caf\xe9 near the Pink Houses on Saturday night, \x93quietly\x94.\n"
	art, err = decode("latin.txt", []byte(latin))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(art.Original, "café") || !strings.Contains(art.Original, "“quietly”") || len(art.Warnings) != 0 {
		t.Errorf("Windows-1252 decoded as %q, warnings %q", art.Original, art.Warnings)
	}
}

// TestDecodeSourceType checks the source type an imported page is given
// from what it says about itself: a well-known print newspaper whatever its
// tags, a JSON-LD BlogPosting a blog, a NewsArticle from a news site a news
// website, an og:type "website" with no news a web page.
func TestDecodeSourceType(t *testing.T) {
	body := `<body><article><p>A Brooklyn judge on Tuesday sentenced former NYPD officer Peter Liang to five years of probation and 800 hours of community service.</p></article></body>`
	tests := map[string]struct {
		head string
		want data.SourceType
	}{
		"print newspaper": {`<meta property="og:site_name" content="The New York Times"><meta property="og:type" content="article">`, data.Newspaper},
		"news website":    {`<script type="application/ld+json">{"@type":"NewsArticle","headline":"Liang sentenced","publisher":{"@type":"Organization","name":"NBC News"}}</script>`, data.NewsWebsite},
		"blog":            {`<script type="application/ld+json">{"@type":"BlogPosting","headline":"Liang sentenced","publisher":{"@type":"Organization","name":"Angry Asian Man"}}</script>`, data.Blog},
		"og article":      {`<meta property="og:site_name" content="Gothamist"><meta property="og:type" content="article">`, data.NewsWebsite},
		"web page":        {`<meta property="og:site_name" content="APALA"><meta property="og:type" content="website">`, data.WebPage},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			a, err := decode("page.html", []byte(`<html><head><title>Liang sentenced</title>`+tt.head+`</head>`+body+`</html>`))
			if err != nil {
				t.Fatal(err)
			}
			if a.Type != tt.want {
				t.Errorf("Type = %q, want %q (outlet %q)", a.Type, tt.want, a.Outlet)
			}
		})
	}
}

// TestDecodeKeepsJoiners checks that importing a web page keeps the
// zero-width joiners of emoji sequences and the non-joiners of Persian
// text, and still drops zero-width spaces and stray joiners.
func TestDecodeKeepsJoiners(t *testing.T) {
	student := "👩\u200d🎓"
	family := "👨\u200d👩\u200d👧"
	persian := "می\u200cخواهم"
	page := `<html><head><title>Joiners</title></head><body><article><p>Students ` + student + ` and families ` + family +
		` marched in Brooklyn on Saturday, ` + persian + ` said one sign, in support of the officer's conviction.` +
		" A zero\u200bwidth space and a stray \u200d joiner go.</p></article></body></html>"
	a, err := decode("joiners.html", []byte(page))
	if err != nil {
		t.Fatal(err)
	}
	var body string
	for _, p := range a.Passages {
		if p.Kind == data.KindBody {
			body += p.Text
		}
	}
	for _, want := range []string{student, family, persian, "zerowidth space and a stray joiner go."} {
		if !strings.Contains(body, want) {
			t.Errorf("body lacks %q: %q", want, body)
		}
	}
}
