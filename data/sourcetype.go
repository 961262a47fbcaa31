package data

import "strings"

// GuessSourceType guesses what kind of publication an article appeared in
// from what a page says about itself: its outlet's name, its Open Graph
// "og:type" and its JSON-LD "@type". A known print newspaper (one of
// KnownOutlets whose Kind is Newspaper: printed on paper as well as
// published on the web, which the styles cite as a newspaper even when
// read online) is a newspaper whatever the page says; a press release,
// blog or magazine says so in its types; other news articles are from a
// news website; and a page with no sign of news is a web page.
func GuessSourceType(outlet, ogType, ldType string) SourceType {
	o := strings.ToLower(strings.TrimSpace(outlet))
	lt := strings.ToLower(ldType)
	og := strings.ToLower(strings.TrimSpace(ogType))
	known, isKnown := LookupOutlet(o)
	switch {
	case isKnown && known.Kind == Newspaper:
		return Newspaper
	case strings.Contains(lt, "pressrelease") || strings.Contains(o, "newswire") || strings.Contains(o, "press release"):
		return PressRelease
	case strings.Contains(lt, "blogposting") || strings.Contains(lt, "blog") || og == "blog":
		return Blog
	case isKnown && known.Kind == Magazine || strings.Contains(o, "magazine") || strings.Contains(lt, "publicationissue"):
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
