package ingest

import (
	"net/url"
	"regexp"
	"strings"
)

// knownOutlets are news organisations a student is likely to cite, with
// the web addresses they publish under. The list lets Casebook name the
// outlet of a pasted page from a mention in its furniture ("NBC News",
// "© 2016 The Guardian") or from an address in the text.
var knownOutlets = []struct {
	name    string
	domains []string
}{
	{"ABC News", []string{"abcnews.go.com", "abcnews.com"}},
	{"AFRO", []string{"afro.com"}},
	{"Al Jazeera", []string{"aljazeera.com"}},
	{"AM New York", []string{"amny.com"}},
	{"Associated Press", []string{"apnews.com", "ap.org"}},
	{"Axios", []string{"axios.com"}},
	{"BBC News", []string{"bbc.com", "bbc.co.uk"}},
	{"Bloomberg", []string{"bloomberg.com"}},
	{"Boston Globe", []string{"bostonglobe.com"}},
	{"BuzzFeed News", []string{"buzzfeednews.com", "buzzfeed.com"}},
	{"CBS News", []string{"cbsnews.com"}},
	{"Chicago Tribune", []string{"chicagotribune.com"}},
	{"China Daily", []string{"chinadaily.com.cn", "chinadailyusa.com"}},
	{"City Limits", []string{"citylimits.org"}},
	{"CNN", []string{"cnn.com"}},
	{"Colorlines", []string{"colorlines.com"}},
	{"Daily News", []string{"nydailynews.com"}},
	{"Democracy Now!", []string{"democracynow.org"}},
	{"Fox News", []string{"foxnews.com"}},
	{"Gothamist", []string{"gothamist.com"}},
	{"HuffPost", []string{"huffpost.com", "huffingtonpost.com"}},
	{"Los Angeles Times", []string{"latimes.com"}},
	{"MSNBC", []string{"msnbc.com"}},
	{"NBC News", []string{"nbcnews.com"}},
	{"New York Post", []string{"nypost.com"}},
	{"Newsday", []string{"newsday.com"}},
	{"Newsweek", []string{"newsweek.com"}},
	{"NPR", []string{"npr.org"}},
	{"NY1", []string{"ny1.com"}},
	{"PBS NewsHour", []string{"pbs.org"}},
	{"Politico", []string{"politico.com"}},
	{"ProPublica", []string{"propublica.org"}},
	{"Reuters", []string{"reuters.com"}},
	{"Slate", []string{"slate.com"}},
	{"South China Morning Post", []string{"scmp.com"}},
	{"The Atlantic", []string{"theatlantic.com"}},
	{"The Christian Science Monitor", []string{"csmonitor.com"}},
	{"The City", []string{"thecity.nyc"}},
	{"The Economist", []string{"economist.com"}},
	{"The Guardian", []string{"theguardian.com", "guardian.co.uk"}},
	{"The Independent", []string{"independent.co.uk"}},
	{"The Intercept", []string{"theintercept.com"}},
	{"The Marshall Project", []string{"themarshallproject.org"}},
	{"The Nation", []string{"thenation.com"}},
	{"The New York Times", []string{"nytimes.com"}},
	{"The New Yorker", []string{"newyorker.com"}},
	{"The Telegraph", []string{"telegraph.co.uk"}},
	{"The Wall Street Journal", []string{"wsj.com"}},
	{"The Washington Post", []string{"washingtonpost.com"}},
	{"Time", []string{"time.com"}},
	{"USA Today", []string{"usatoday.com"}},
	{"Vox", []string{"vox.com"}},
	{"WNYC", []string{"wnyc.org"}},
	{"World Journal", []string{"worldjournal.com"}},
	{"Yahoo News", []string{"news.yahoo.com"}},
}

// outletOfDomain returns the known outlet that publishes at host (or at a
// domain it is under), or "".
func outletOfDomain(host string) string {
	host = strings.TrimPrefix(strings.ToLower(host), "www.")
	for _, o := range knownOutlets {
		for _, d := range o.domains {
			if host == d || strings.HasSuffix(host, "."+d) {
				return o.name
			}
		}
	}
	return ""
}

// reURL finds a web address in text.
var reURL = regexp.MustCompile(`\bhttps?://[^\s<>"()]+|\bwww\.[a-z0-9-]+(?:\.[a-z0-9-]+)+[^\s<>"()]*`)

// urlOutlet returns the known outlet of the first address in s that has
// one.
func urlOutlet(s string) string {
	for _, m := range reURL.FindAllString(s, 8) {
		if !strings.Contains(m, "://") {
			m = "http://" + m
		}
		u, err := url.Parse(strings.TrimRight(m, ".,;:!?"))
		if err != nil {
			continue
		}
		if o := outletOfDomain(u.Hostname()); o != "" {
			return o
		}
	}
	return ""
}

// knownOutletKeys are the knownOutlets' names as text keys: the whole
// name, the name without "The", and whether that has one word only.
var knownOutletKeys = func() []struct {
	name, full, bare string
	oneWord          bool
} {
	out := make([]struct {
		name, full, bare string
		oneWord          bool
	}, len(knownOutlets))
	for i, o := range knownOutlets {
		out[i].name = o.name
		out[i].full = textKey(o.name)
		out[i].bare = textKey(strings.TrimPrefix(o.name, "The "))
		out[i].oneWord = len(strings.Fields(out[i].bare)) < 2
	}
	return out
}()

// knownOutletIn returns the known outlet whose name the line holds as
// words of their own ("NBC News", "the Guardian"), or "". A name of one
// word (CNN, Time, Vox) is too easily met as a word or a menu item: it
// counts only in a copyright line.
func knownOutletIn(s string) string {
	key := textKey(s)
	padded := " " + key + " "
	copyright := reCopyright.MatchString(s)
	for _, o := range knownOutletKeys {
		if o.oneWord && !copyright {
			continue
		}
		if key == o.full || key == o.bare || strings.Contains(padded, " "+o.bare+" ") {
			return o.name
		}
	}
	return ""
}

// reParenOutlet is an outlet in parentheses standing by a byline or a
// dateline: "(China Daily USA)", "NEW YORK (China Daily USA) —".
var reParenOutlet = regexp.MustCompile(`(?:^|\s)\(([\p{Lu}][\p{L}.&' -]{1,40})\)\s*(?:[—–-]+\s*|$)`)

// parenOutlet returns the outlet in parentheses of a short line, a byline
// or a dateline: "(China Daily USA)". A parenthesis glued to a word, as in
// "in New York(China Daily USA)", is a slip of the text, not a credit.
func parenOutlet(s string) string {
	m := reParenOutlet.FindStringSubmatch(s)
	if m == nil {
		return ""
	}
	name := strings.TrimSpace(m[1])
	if full, ok := agencyNames[strings.ToUpper(name)]; ok {
		return full
	}
	// One word in capitals ("(HD)", "(VIDEO)") is a label, not a name.
	if len(strings.Fields(name)) < 2 || !outletish(name) {
		return ""
	}
	return name
}
