package ingest

import (
	"net/url"
	"regexp"
	"strings"

	"github.com/casebookapp/casebook/data"
)

// outletOfDomain returns the known outlet that publishes at host (or at a
// domain it is under), or "".
func outletOfDomain(host string) string { return data.OutletOfHost(host) }

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

// knownOutletKeys are the names of data.KnownOutlets as text keys: the whole
// name, the name without "The", and whether that has one word only.
var knownOutletKeys = func() []struct {
	name, full, bare string
	oneWord          bool
} {
	out := make([]struct {
		name, full, bare string
		oneWord          bool
	}, len(data.KnownOutlets))
	for i, o := range data.KnownOutlets {
		out[i].name = o.Name
		out[i].full = textKey(o.Name)
		out[i].bare = textKey(strings.TrimPrefix(o.Name, "The "))
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
	holder := ""
	if reCopyright.MatchString(s) {
		holder = copyrightHolder(s)
	}
	for _, o := range knownOutletKeys {
		// "© 2016 Time" is Time's, "© 2016 Cable News Network. A Time
		// Warner Company" is not.
		if o.oneWord && holder != o.bare && !strings.HasPrefix(holder, o.bare+" ") {
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
