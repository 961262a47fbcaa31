package ingest

import (
	"cmp"
	"encoding/json"
	"net/url"
	"regexp"
	"strings"
	"time"

	readability "codeberg.org/readeck/go-readability"
	"github.com/casebookapp/casebook/data"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// pageMeta is what a web page states about itself in <meta> tags, the
// canonical link and JSON-LD.
type pageMeta struct {
	title, author, outlet, date, url string
	// ogType is the Open Graph og:type, ldType the JSON-LD article's
	// @type (types joined by spaces): what the page says it is.
	ogType, ldType string
}

// decodeHTML extracts the article of a saved web page (see Decode).
func decodeHTML(name, base, text string) (data.NewArticle, error) {
	doc, err := html.Parse(strings.NewReader(text))
	if err != nil {
		return data.NewArticle{}, data.Errorf(data.EINVALID, "%s: the web page cannot be read (%v)", name, err)
	}
	pm := readPageMeta(doc)
	var pageURL *url.URL
	if u, err := url.Parse(pm.url); err == nil && u.IsAbs() {
		pageURL = u
	}
	ra, err := readability.FromDocument(doc, pageURL)
	if err != nil || strings.TrimSpace(ra.Content) == "" || strings.TrimSpace(ra.TextContent) == "" {
		return data.NewArticle{}, data.Errorf(data.EINVALID, "%s: no article text was found in this web page", name)
	}
	var r blockRenderer
	if ra.Node != nil && ra.Node.Parent != nil {
		// ra.Node is the first element of the article Readability
		// extracted; its parent holds the whole article, the tree that
		// ra.Content serialises. Render that tree rather than parse the
		// page a second time.
		for c := ra.Node.Parent.FirstChild; c != nil; c = c.NextSibling {
			r.render(c)
		}
	} else {
		content, err := html.Parse(strings.NewReader(ra.Content))
		if err != nil {
			return data.NewArticle{}, data.Errorf(data.EINVALID, "%s: no article text was found in this web page", name)
		}
		r.render(content)
	}
	r.flush()
	art, err := parseFile(name, base, strings.Join(r.blocks, "\n\n"), r.hints, false)
	if err != nil || bodyWords(art) < minArticleWords {
		return data.NewArticle{}, data.Errorf(data.EINVALID, "%s: no article text was found in this web page", name)
	}

	// What the page states outright wins over what the text suggests.
	var bylineAuthor string
	if by := clean(ra.Byline); by != "" {
		if !strings.HasPrefix(strings.ToLower(by), "by ") {
			by = "By " + by
		}
		if bl, ok := parseByline(by); ok {
			bylineAuthor = strings.Join(bl.authors, "; ")
		}
	}
	var raDate string
	if ra.PublishedTime != nil {
		raDate = ra.PublishedTime.UTC().Format("2006-01-02")
	}
	art.Title = cmp.Or(pm.title, clean(ra.Title), art.Title)
	art.Author = cmp.Or(pm.author, bylineAuthor, art.Author)
	_, titleSite := splitSiteTitle(clean(documentTitle(doc)))
	art.Outlet = cmp.Or(pm.outlet, clean(ra.SiteName), art.Outlet, titleSite)
	art.Date = cmp.Or(pm.date, raDate, art.Date)
	art.Source = cmp.Or(pm.url, base)
	art.Type = data.GuessSourceType(art.Outlet, pm.ogType, pm.ldType)
	return art, nil
}

// documentTitle returns the text of the page's <title>, where browsers put
// "Headline | Site".
func documentTitle(n *html.Node) string {
	if n.Type == html.ElementNode && n.DataAtom == atom.Title {
		var b strings.Builder
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.TextNode {
				b.WriteString(c.Data)
			}
		}
		return b.String()
	}
	if n.Type == html.ElementNode && n.DataAtom == atom.Body {
		return ""
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if t := documentTitle(c); t != "" {
			return t
		}
	}
	return ""
}

// minArticleWords is the least body text a web page must have to count
// as an article: Readability returns whatever block scores best, and on a
// page without a story that is a menu or a footer.
const minArticleWords = 15

// bodyWords counts the words of an article's body passages.
func bodyWords(a data.NewArticle) int {
	n := 0
	for _, p := range a.Passages {
		if p.Kind == data.KindBody {
			n += len(strings.Fields(p.Text))
		}
	}
	return n
}

// blockRenderer turns the article HTML Readability returns into plain
// text: one paragraph per block element, blank lines between them, and a
// line break for <br>. It notes which paragraphs were figure captions and
// which consisted of one link.
type blockRenderer struct {
	blocks []string
	hints  map[string]data.Kind

	buf               strings.Builder
	words, linkWords  int
	inLink, inCaption int
	captionBlock      bool
}

// blockElements end the paragraph before them and after them.
var blockElements = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true,
	atom.H5: true, atom.H6: true, atom.Li: true, atom.Ul: true, atom.Ol: true, atom.Blockquote: true,
	atom.Pre: true, atom.Figure: true, atom.Figcaption: true, atom.Section: true, atom.Article: true,
	atom.Header: true, atom.Footer: true, atom.Aside: true, atom.Table: true, atom.Tr: true,
	atom.Td: true, atom.Th: true, atom.Dl: true, atom.Dt: true, atom.Dd: true, atom.Hr: true,
	atom.Main: true, atom.Nav: true, atom.Address: true, atom.Details: true, atom.Summary: true,
}

func (r *blockRenderer) render(n *html.Node) {
	var a atom.Atom
	switch n.Type {
	case html.TextNode:
		if n.PrevSibling != nil && n.PrevSibling.Type == html.TextNode {
			// Written with the text node before it (see below).
			return
		}
		text := n.Data
		if n.NextSibling != nil && n.NextSibling.Type == html.TextNode {
			// Readability's edits can leave adjacent text nodes; they
			// are one text, as in the page, so that a word split
			// between them counts once.
			var b strings.Builder
			for c := n; c != nil && c.Type == html.TextNode; c = c.NextSibling {
				b.WriteString(c.Data)
			}
			text = b.String()
		}
		r.buf.WriteString(text)
		w := len(strings.Fields(text))
		r.words += w
		if r.inLink > 0 {
			r.linkWords += w
		}
		if r.inCaption > 0 {
			r.captionBlock = true
		}
		return
	case html.ElementNode:
		a = elementAtom(n)
		switch a {
		case atom.Script, atom.Style, atom.Noscript, atom.Template, atom.Iframe, atom.Svg, atom.Button, atom.Form:
			return
		case atom.Br:
			r.buf.WriteByte('\n')
			return
		}
	}
	block := blockElements[a]
	if block {
		r.flush()
	}
	if a == atom.A {
		r.inLink++
	}
	if a == atom.Figcaption {
		r.inCaption++
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		r.render(c)
	}
	if a == atom.A {
		r.inLink--
	}
	if a == atom.Figcaption {
		r.inCaption--
	}
	if block {
		r.flush()
	}
}

// elementAtom returns an element's tag as an atom. The elements
// Readability creates (the <p> it turns a <div> into) carry their tag name
// only.
func elementAtom(n *html.Node) atom.Atom {
	if n.DataAtom != 0 {
		return n.DataAtom
	}
	return atom.Lookup([]byte(strings.ToLower(n.Data)))
}

// flush ends the current paragraph.
func (r *blockRenderer) flush() {
	var lines []string
	for _, l := range strings.Split(r.buf.String(), "\n") {
		if l = clean(l); l != "" {
			lines = append(lines, l)
		}
	}
	if len(lines) > 0 {
		text := strings.Join(lines, "\n")
		r.blocks = append(r.blocks, text)
		var kind data.Kind
		switch {
		case r.captionBlock:
			kind = data.KindCaption
		case r.words > 0 && r.linkWords == r.words && r.words <= 25:
			// A paragraph that is nothing but a link points to another story.
			kind = data.KindRelated
		}
		if kind != "" && len(lines) == 1 {
			if r.hints == nil {
				r.hints = map[string]data.Kind{}
			}
			r.hints[text] = kind
		}
	}
	r.buf.Reset()
	r.words, r.linkWords, r.captionBlock = 0, 0, false
}

// readPageMeta collects the page's own statements about itself. JSON-LD
// comes first, then <meta> tags, then the canonical link.
func readPageMeta(doc *html.Node) pageMeta {
	var pm, ld pageMeta
	var canonical string
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Meta:
				key := strings.ToLower(cmp.Or(attr(n, "property"), attr(n, "name"), attr(n, "itemprop")))
				val := clean(attr(n, "content"))
				if val == "" {
					break
				}
				switch key {
				case "og:title", "twitter:title":
					setOnce(&pm.title, val)
				case "author", "article:author", "dc.creator", "parsely-author", "sailthru.author", "byl":
					// article:author is often a profile address, not a name.
					if !strings.Contains(val, "://") {
						setOnce(&pm.author, authorList(val))
					}
				case "og:site_name", "application-name", "publisher", "dc.publisher":
					setOnce(&pm.outlet, val)
				case "article:published_time", "datepublished", "date", "dc.date", "dc.date.issued",
					"pubdate", "publish-date", "parsely-pub-date", "sailthru.date":
					setOnce(&pm.date, dateOf(val))
				case "og:url":
					setOnce(&pm.url, val)
				case "og:type":
					setOnce(&pm.ogType, val)
				}
			case atom.Link:
				if strings.EqualFold(attr(n, "rel"), "canonical") {
					setOnce(&canonical, attr(n, "href"))
				}
			case atom.Script:
				if strings.EqualFold(strings.TrimSpace(attr(n, "type")), "application/ld+json") && n.FirstChild != nil {
					readJSONLD(n.FirstChild.Data, &ld)
				}
				return
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return pageMeta{
		title:  cmp.Or(ld.title, pm.title),
		author: cmp.Or(ld.author, pm.author),
		outlet: cmp.Or(ld.outlet, pm.outlet),
		date:   cmp.Or(ld.date, pm.date),
		url:    absURL(cmp.Or(ld.url, canonical, pm.url)),
		ogType: pm.ogType,
		ldType: ld.ldType,
	}
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if strings.EqualFold(a.Key, key) {
			return a.Val
		}
	}
	return ""
}

func setOnce(dst *string, v string) {
	if *dst == "" {
		*dst = v
	}
}

// absURL keeps only absolute http(s) addresses.
func absURL(s string) string {
	u, err := url.Parse(strings.TrimSpace(s))
	if err != nil || !u.IsAbs() || (u.Scheme != "http" && u.Scheme != "https") {
		return ""
	}
	return u.String()
}

// authorList turns "A, B and C" or "A; B" into "A; B; C".
func authorList(s string) string {
	s = strings.TrimSpace(s)
	if strings.HasPrefix(strings.ToLower(s), "by ") {
		s = s[3:]
	}
	var names []string
	for _, p := range strings.Split(s, ";") {
		if name, ok := invertedWithInitials(p); ok {
			names = append(names, name)
			continue
		}
		names = append(names, splitNames(p)...)
	}
	return strings.Join(names, "; ")
}

// invertedWithInitials reads "Kooman, F." or "Wang, F. K.-H.", a name
// written family name first with initials, as metadata often gives it, and
// returns it in reading order: "F. Kooman". A comma before a full name
// ("Jane Doe, John Roe") lists two people, and is not one.
func invertedWithInitials(s string) (string, bool) {
	family, given, ok := strings.Cut(strings.TrimSpace(s), ",")
	family, given = strings.TrimSpace(family), strings.TrimSpace(given)
	// Initials carry their periods: "Reuters, AP" is two outlets.
	if !ok || strings.Contains(given, ",") || !strings.Contains(given, ".") || len(strings.Fields(family)) != 1 {
		return "", false
	}
	for _, w := range strings.Fields(given) {
		if !reInitials.MatchString(w) {
			return "", false
		}
	}
	return given + " " + family, true
}

// reInitials matches a word of initials: "F.", "K.-H.".
var reInitials = regexp.MustCompile(`^(\p{Lu}\.?)([-‐]?\p{Lu}\.?)*$`)

// dateOf reads an ISO timestamp or a written date as "YYYY-MM-DD".
func dateOf(s string) string {
	s = strings.TrimSpace(s)
	for _, layout := range []string{time.RFC3339, "2006-01-02T15:04:05", "2006-01-02T15:04", "2006-01-02"} {
		if t, err := time.Parse(layout, s); err == nil {
			return isoDate(t.Year(), int(t.Month()), t.Day())
		}
	}
	if d := findDates(s); len(d) > 0 {
		return d[0].iso
	}
	return ""
}

// articleTypes are the schema.org types of a news story.
var articleTypes = map[string]bool{
	"Article": true, "NewsArticle": true, "ReportageNewsArticle": true, "AnalysisNewsArticle": true,
	"BlogPosting": true, "OpinionNewsArticle": true, "ReviewNewsArticle": true, "BackgroundNewsArticle": true,
	"Report": true, "ScholarlyArticle": true, "LiveBlogPosting": true, "SocialMediaPosting": true,
}

// readJSONLD fills ld from the first schema.org article in a JSON-LD
// script, looking inside arrays and @graph.
func readJSONLD(src string, ld *pageMeta) {
	if ld.title != "" {
		return
	}
	src = strings.TrimSpace(src)
	src = strings.TrimPrefix(src, "<![CDATA[")
	src = strings.TrimSuffix(src, "]]>")
	var v any
	if json.Unmarshal([]byte(src), &v) != nil {
		return
	}
	obj := findArticle(v, 0)
	if obj == nil {
		return
	}
	ld.title = clean(str(obj["headline"]))
	switch t := obj["@type"].(type) {
	case string:
		ld.ldType = t
	case []any:
		for _, e := range t {
			if s, ok := e.(string); ok {
				ld.ldType = strings.TrimSpace(ld.ldType + " " + s)
			}
		}
	}
	if ld.title == "" {
		ld.title = clean(str(obj["name"]))
	}
	people, orgs := names(obj["author"])
	ld.author = strings.Join(people, "; ")
	if p, ok := obj["publisher"].(map[string]any); ok {
		ld.outlet = clean(str(p["name"]))
	} else {
		ld.outlet = clean(str(obj["publisher"]))
	}
	// A newsroom credited as the author ("NBC News") is no person to
	// cite, but it does name the outlet.
	if ld.outlet == "" && len(orgs) > 0 {
		ld.outlet = orgs[0]
	}
	ld.date = dateOf(str(obj["datePublished"]))
	ld.url = cmp.Or(str(obj["url"]), idOf(obj["mainEntityOfPage"]))
}

func findArticle(v any, depth int) map[string]any {
	if depth > 6 {
		return nil
	}
	switch x := v.(type) {
	case []any:
		for _, e := range x {
			if o := findArticle(e, depth+1); o != nil {
				return o
			}
		}
	case map[string]any:
		if isArticleType(x["@type"]) {
			return x
		}
		if g, ok := x["@graph"]; ok {
			return findArticle(g, depth+1)
		}
	}
	return nil
}

func isArticleType(t any) bool {
	switch x := t.(type) {
	case string:
		return articleTypes[x]
	case []any:
		for _, e := range x {
			if s, ok := e.(string); ok && articleTypes[s] {
				return true
			}
		}
	}
	return false
}

func str(v any) string {
	s, _ := v.(string)
	return strings.TrimSpace(s)
}

// idOf reads a schema.org reference: a string or an object with @id.
func idOf(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case map[string]any:
		return cmp.Or(str(x["@id"]), str(x["url"]))
	}
	return ""
}

// names reads a schema.org author: a name, a Person or an Organization,
// or a list of them. It returns the people's names and the organisations'
// apart; a bare name counts as a person's.
func names(v any) (people, orgs []string) {
	var add func(v any, org bool)
	add = func(v any, org bool) {
		switch x := v.(type) {
		case string:
			if n := clean(x); n != "" && !strings.Contains(n, "://") {
				if org {
					orgs = append(orgs, n)
				} else {
					people = append(people, n)
				}
			}
		case map[string]any:
			add(x["name"], isOrganizationType(x["@type"]))
		case []any:
			for _, e := range x {
				add(e, org)
			}
		}
	}
	add(v, false)
	return people, orgs
}

// isOrganizationType reports a schema.org @type (a string or a list) that
// names an organisation rather than a person: Organization and its
// subtypes such as NewsMediaOrganization, Corporation or NGO.
func isOrganizationType(t any) bool {
	switch x := t.(type) {
	case string:
		x = strings.TrimPrefix(strings.TrimPrefix(x, "https://schema.org/"), "http://schema.org/")
		return strings.HasSuffix(x, "Organization") || x == "Corporation" || x == "NGO"
	case []any:
		for _, e := range x {
			if isOrganizationType(e) {
				return true
			}
		}
	}
	return false
}
