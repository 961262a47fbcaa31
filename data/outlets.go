package data

import "strings"

// KnownOutlet is a news organisation a student is likely to cite: the
// name its articles are cited under, other names it goes by, the web
// addresses it publishes at, and the kind of publication it is.
type KnownOutlet struct {
	Name    string
	Aliases []string   // other spellings ("New York Times", "nytimes")
	Domains []string   // "nytimes.com"; a host under one is the outlet's too
	Kind    SourceType // Newspaper for a paper printed as well as on the web
}

// KnownOutlets is Casebook's one list of known outlets. It names the
// outlet of an imported article from a mention in a pasted page's
// furniture ("NBC News", "© 2016 The Guardian") or from an address in its
// text, and tells a print newspaper or a magazine from a news website when
// the citation styles cite them differently (see GuessSourceType).
var KnownOutlets = []KnownOutlet{
	{Name: "ABC News", Domains: []string{"abcnews.go.com", "abcnews.com"}, Kind: NewsWebsite},
	{Name: "AFRO", Aliases: []string{"The Afro-American", "Afro-American", "The AFRO"}, Domains: []string{"afro.com"}, Kind: Newspaper},
	{Name: "Al Jazeera", Domains: []string{"aljazeera.com"}, Kind: NewsWebsite},
	{Name: "AM New York", Domains: []string{"amny.com"}, Kind: Newspaper},
	{Name: "Amsterdam News", Aliases: []string{"New York Amsterdam News"}, Domains: []string{"amsterdamnews.com"}, Kind: Newspaper},
	{Name: "Associated Press", Domains: []string{"apnews.com", "ap.org"}, Kind: NewsWebsite},
	{Name: "Axios", Domains: []string{"axios.com"}, Kind: NewsWebsite},
	{Name: "BBC News", Domains: []string{"bbc.com", "bbc.co.uk"}, Kind: NewsWebsite},
	{Name: "Bloomberg", Domains: []string{"bloomberg.com"}, Kind: NewsWebsite},
	{Name: "Boston Globe", Domains: []string{"bostonglobe.com"}, Kind: Newspaper},
	{Name: "BuzzFeed News", Domains: []string{"buzzfeednews.com", "buzzfeed.com"}, Kind: NewsWebsite},
	{Name: "CBS News", Domains: []string{"cbsnews.com"}, Kind: NewsWebsite},
	{Name: "Chicago Tribune", Domains: []string{"chicagotribune.com"}, Kind: Newspaper},
	{Name: "China Daily", Domains: []string{"chinadaily.com.cn", "chinadailyusa.com"}, Kind: Newspaper},
	{Name: "City Limits", Domains: []string{"citylimits.org"}, Kind: NewsWebsite},
	{Name: "CNN", Domains: []string{"cnn.com"}, Kind: NewsWebsite},
	{Name: "Colorlines", Domains: []string{"colorlines.com"}, Kind: NewsWebsite},
	{Name: "Daily Mail", Aliases: []string{"Mail Online", "MailOnline"}, Domains: []string{"dailymail.co.uk"}, Kind: Newspaper},
	{Name: "Daily News", Aliases: []string{"New York Daily News"}, Domains: []string{"nydailynews.com"}, Kind: Newspaper},
	{Name: "Democracy Now!", Domains: []string{"democracynow.org"}, Kind: NewsWebsite},
	{Name: "Financial Times", Domains: []string{"ft.com"}, Kind: Newspaper},
	{Name: "Fox News", Domains: []string{"foxnews.com"}, Kind: NewsWebsite},
	{Name: "Gothamist", Domains: []string{"gothamist.com"}, Kind: NewsWebsite},
	{Name: "Herald Sun", Aliases: []string{"HeraldSun"}, Domains: []string{"heraldsun.com.au"}, Kind: Newspaper},
	{Name: "Houston Chronicle", Domains: []string{"houstonchronicle.com"}, Kind: Newspaper},
	{Name: "HuffPost", Domains: []string{"huffpost.com", "huffingtonpost.com"}, Kind: NewsWebsite},
	{Name: "Los Angeles Times", Domains: []string{"latimes.com"}, Kind: Newspaper},
	{Name: "Miami Herald", Domains: []string{"miamiherald.com"}, Kind: Newspaper},
	{Name: "Mother Jones", Domains: []string{"motherjones.com"}, Kind: Magazine},
	{Name: "MSNBC", Domains: []string{"msnbc.com"}, Kind: NewsWebsite},
	{Name: "National Post", Domains: []string{"nationalpost.com"}, Kind: Newspaper},
	{Name: "NBC News", Domains: []string{"nbcnews.com"}, Kind: NewsWebsite},
	{Name: "New York Magazine", Domains: []string{"nymag.com"}, Kind: Magazine},
	{Name: "New York Post", Domains: []string{"nypost.com"}, Kind: Newspaper},
	{Name: "Newsday", Domains: []string{"newsday.com"}, Kind: Newspaper},
	{Name: "Newsweek", Domains: []string{"newsweek.com"}, Kind: Magazine},
	{Name: "NPR", Domains: []string{"npr.org"}, Kind: NewsWebsite},
	{Name: "NY1", Domains: []string{"ny1.com"}, Kind: NewsWebsite},
	{Name: "PBS NewsHour", Domains: []string{"pbs.org"}, Kind: NewsWebsite},
	{Name: "Politico", Domains: []string{"politico.com"}, Kind: NewsWebsite},
	{Name: "ProPublica", Domains: []string{"propublica.org"}, Kind: NewsWebsite},
	{Name: "Reuters", Domains: []string{"reuters.com"}, Kind: NewsWebsite},
	{Name: "Rolling Stone", Domains: []string{"rollingstone.com"}, Kind: Magazine},
	{Name: "San Francisco Chronicle", Domains: []string{"sfchronicle.com"}, Kind: Newspaper},
	{Name: "Sing Tao Daily", Domains: []string{"singtaousa.com"}, Kind: Newspaper},
	{Name: "Slate", Domains: []string{"slate.com"}, Kind: Magazine},
	{Name: "South China Morning Post", Domains: []string{"scmp.com"}, Kind: Newspaper},
	{Name: "Star Tribune", Domains: []string{"startribune.com"}, Kind: Newspaper},
	{Name: "The Age", Domains: []string{"theage.com.au"}, Kind: Newspaper},
	{Name: "The Atlanta Journal-Constitution", Domains: []string{"ajc.com"}, Kind: Newspaper},
	{Name: "The Atlantic", Domains: []string{"theatlantic.com"}, Kind: Magazine},
	{Name: "The Australian", Domains: []string{"theaustralian.com.au"}, Kind: Newspaper},
	{Name: "The Baltimore Sun", Domains: []string{"baltimoresun.com"}, Kind: Newspaper},
	{Name: "The Christian Science Monitor", Domains: []string{"csmonitor.com"}, Kind: NewsWebsite},
	{Name: "The City", Domains: []string{"thecity.nyc"}, Kind: NewsWebsite},
	{Name: "The Dallas Morning News", Domains: []string{"dallasnews.com"}, Kind: Newspaper},
	{Name: "The Denver Post", Domains: []string{"denverpost.com"}, Kind: Newspaper},
	{Name: "The Economist", Domains: []string{"economist.com"}, Kind: Magazine},
	{Name: "The Globe and Mail", Domains: []string{"theglobeandmail.com"}, Kind: Newspaper},
	{Name: "The Guardian", Domains: []string{"theguardian.com", "guardian.co.uk"}, Kind: Newspaper},
	{Name: "The Hindu", Domains: []string{"thehindu.com"}, Kind: Newspaper},
	{Name: "The Independent", Domains: []string{"independent.co.uk"}, Kind: Newspaper},
	{Name: "The Intercept", Domains: []string{"theintercept.com"}, Kind: NewsWebsite},
	{Name: "The Irish Times", Domains: []string{"irishtimes.com"}, Kind: Newspaper},
	{Name: "The Japan Times", Domains: []string{"japantimes.co.jp"}, Kind: Newspaper},
	{Name: "The Marshall Project", Domains: []string{"themarshallproject.org"}, Kind: NewsWebsite},
	{Name: "The Nation", Domains: []string{"thenation.com"}, Kind: Magazine},
	{Name: "The New York Times", Aliases: []string{"nytimes"}, Domains: []string{"nytimes.com"}, Kind: Newspaper},
	{Name: "The New Yorker", Domains: []string{"newyorker.com"}, Kind: Magazine},
	{Name: "The New Zealand Herald", Aliases: []string{"NZ Herald", "New Zealand Herald"}, Domains: []string{"nzherald.co.nz"}, Kind: Newspaper},
	{Name: "The Observer", Kind: Newspaper},
	{Name: "The Oregonian", Domains: []string{"oregonlive.com"}, Kind: Newspaper},
	{Name: "The Philadelphia Inquirer", Domains: []string{"inquirer.com"}, Kind: Newspaper},
	{Name: "The Seattle Times", Domains: []string{"seattletimes.com"}, Kind: Newspaper},
	{Name: "The Star-Ledger", Domains: []string{"nj.com"}, Kind: Newspaper},
	{Name: "The Straits Times", Domains: []string{"straitstimes.com"}, Kind: Newspaper},
	{Name: "The Sydney Morning Herald", Aliases: []string{"Sydney Morning Herald"}, Domains: []string{"smh.com.au"}, Kind: Newspaper},
	{Name: "The Telegraph", Aliases: []string{"The Daily Telegraph"}, Domains: []string{"telegraph.co.uk"}, Kind: Newspaper},
	{Name: "The Times", Domains: []string{"thetimes.co.uk"}, Kind: Newspaper},
	{Name: "The Times of India", Domains: []string{"timesofindia.indiatimes.com"}, Kind: Newspaper},
	{Name: "The Toronto Star", Domains: []string{"thestar.com"}, Kind: Newspaper},
	{Name: "The Wall Street Journal", Domains: []string{"wsj.com"}, Kind: Newspaper},
	{Name: "The Washington Post", Domains: []string{"washingtonpost.com"}, Kind: Newspaper},
	{Name: "Time", Domains: []string{"time.com"}, Kind: Magazine},
	{Name: "USA Today", Domains: []string{"usatoday.com"}, Kind: Newspaper},
	{Name: "Vox", Domains: []string{"vox.com"}, Kind: NewsWebsite},
	{Name: "WNYC", Domains: []string{"wnyc.org"}, Kind: NewsWebsite},
	{Name: "World Journal", Domains: []string{"worldjournal.com"}, Kind: Newspaper},
	{Name: "Yahoo News", Domains: []string{"news.yahoo.com"}, Kind: NewsWebsite},
}

// outletKey is how a name is looked up: lower case, without a leading
// "The" or a trailing ".com".
func outletKey(s string) string {
	s = strings.ToLower(strings.Join(strings.Fields(s), " "))
	s = strings.TrimPrefix(s, "the ")
	return strings.TrimSuffix(s, ".com")
}

var knownOutletsByKey = func() map[string]*KnownOutlet {
	m := map[string]*KnownOutlet{}
	for i := range KnownOutlets {
		o := &KnownOutlets[i]
		for _, n := range append([]string{o.Name}, o.Aliases...) {
			m[outletKey(n)] = o
		}
		for _, d := range o.Domains {
			if _, ok := m[d]; !ok {
				m[d] = o
			}
		}
	}
	return m
}()

// LookupOutlet returns the known outlet a name (or one of its aliases, or
// a domain it publishes at) names, ignoring case and a leading "The".
func LookupOutlet(name string) (KnownOutlet, bool) {
	if o, ok := knownOutletsByKey[outletKey(name)]; ok {
		return *o, true
	}
	if o, ok := knownOutletsByKey[strings.ToLower(strings.TrimSpace(name))]; ok {
		return *o, true
	}
	return KnownOutlet{}, false
}

// OutletOfHost returns the known outlet that publishes at host (or at a
// domain it is under: "edition.cnn.com" is CNN's), or "".
func OutletOfHost(host string) string {
	host = strings.TrimPrefix(strings.ToLower(strings.TrimSuffix(host, ".")), "www.")
	for _, o := range KnownOutlets {
		for _, d := range o.Domains {
			if host == d || strings.HasSuffix(host, "."+d) {
				return o.Name
			}
		}
	}
	return ""
}
