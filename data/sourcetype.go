package data

import "strings"

// printNewspapers are well-known newspapers that are printed on paper as
// well as published on the web. The styles cite their articles as newspaper
// articles even when read online, which a page's metadata (an "og:type" of
// "article", a JSON-LD "NewsArticle") does not tell apart from a news site
// with no print edition.
var printNewspapers = map[string]bool{
	"afro": true, "the afro-american": true, "afro-american": true, "the afro": true,
	"the new york times": true, "new york times": true, "nytimes": true, "nytimes.com": true,
	"the washington post": true, "washington post": true, "the wall street journal": true, "wall street journal": true,
	"usa today": true, "los angeles times": true, "the los angeles times": true, "chicago tribune": true,
	"the boston globe": true, "boston globe": true, "new york daily news": true, "daily news": true,
	"new york post": true, "the new york post": true, "newsday": true, "amsterdam news": true,
	"new york amsterdam news": true, "the new york amsterdam news": true, "the guardian": true, "the observer": true,
	"the times": true, "the independent": true, "the daily telegraph": true, "the telegraph": true,
	"financial times": true, "the financial times": true, "the philadelphia inquirer": true,
	"san francisco chronicle": true, "the san francisco chronicle": true, "the seattle times": true,
	"the dallas morning news": true, "houston chronicle": true, "the atlanta journal-constitution": true,
	"the star-ledger": true, "the baltimore sun": true, "miami herald": true, "the miami herald": true,
	"world journal": true, "sing tao daily": true, "the denver post": true, "the oregonian": true,
	"star tribune": true, "the toronto star": true, "the globe and mail": true, "south china morning post": true,
}

// magazines are well-known magazines.
var magazines = map[string]bool{
	"time": true, "the atlantic": true, "the new yorker": true, "newsweek": true, "new york magazine": true,
	"the nation": true, "mother jones": true, "rolling stone": true, "the economist": true, "slate": true,
}

// GuessSourceType guesses what kind of publication an article appeared in
// from what a page says about itself: its outlet's name, its Open Graph
// "og:type" and its JSON-LD "@type". A well-known print newspaper is a
// newspaper whatever the page says; a press release, blog or magazine says
// so in its types; other news articles are from a news website; and a page
// with no sign of news is a web page.
func GuessSourceType(outlet, ogType, ldType string) SourceType {
	o := strings.ToLower(strings.TrimSpace(outlet))
	lt := strings.ToLower(ldType)
	og := strings.ToLower(strings.TrimSpace(ogType))
	switch {
	case printNewspapers[o]:
		return Newspaper
	case strings.Contains(lt, "pressrelease") || strings.Contains(o, "newswire") || strings.Contains(o, "press release"):
		return PressRelease
	case strings.Contains(lt, "blogposting") || strings.Contains(lt, "blog") || og == "blog":
		return Blog
	case magazines[o] || strings.Contains(o, "magazine") || strings.Contains(lt, "publicationissue"):
		return Magazine
	case strings.Contains(lt, "newsarticle") || strings.Contains(lt, "reportage") || strings.Contains(lt, "analysisnewsarticle"):
		return NewsWebsite
	case o != "" && (og == "article" || strings.Contains(lt, "article")):
		return NewsWebsite
	case o != "" && og == "" && lt == "":
		// Nothing but an outlet's name: a news article, as Casebook's
		// articles are.
		return NewsWebsite
	}
	return WebPage
}

// SourceTypeOf returns the article's source type, or the guess from its
// outlet when it has none.
func (m Meta) SourceTypeOf() SourceType {
	if m.Type != "" {
		return m.Type
	}
	return GuessSourceType(m.Outlet, "", "")
}
