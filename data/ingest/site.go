package ingest

import (
	"net/url"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/casebookapp/casebook/data"
)

// The outlet of a pasted page, found the way a reader finds it: the site
// names itself over and over in its masthead and footer ("CNET", "About
// CNET", "Join CNET"), signs its copyright line ("© 2018 Atlas Obscura";
// "Citylab.com © 2019 The Atlantic Monthly Group"), ends its window title
// with its name ("Headline - Atlas Obscura"), and prints its address
// ("www.medicalnewstoday.com"). Each name the furniture offers is scored
// on that evidence and the best one wins, if one has evidence beyond being
// repeated (a menu's "Home" is repeated too). No rule names a site: only
// data.KnownOutlets does.

// The kinds of evidence for a site's name.
const (
	evCopyright = iota + 1
	evTitle
	evDomain
	evKnown
	evPhrase
	evAuthorIn
)

// The weights of the evidence.
const (
	wCopyright     = 3 // the name a copyright line is signed with
	wCompany       = 1 // a company's name in a copyright line ("Leaf Group Ltd.")
	wTitleSuffix   = 3 // "Headline - Site"
	wDomain        = 3 // a known outlet's address in the text
	wSpelled       = 2 // a name an address spells ("medicalnewstoday.com")
	wKnown         = 2 // a known outlet named in the furniture
	wPhrase        = 2 // "About X", "Follow X", "Join X", "from X"
	wAuthorIn      = 4 // "<the author> in X"
	wLine          = 1 // each line of furniture that names it (at most maxLines)
	maxLines       = 4
	maxLabels      = 16 // addresses looked at (a page of references has hundreds)
	minSiteScore   = 4
	maxSiteNameLen = 48
)

var (
	// reCopyMark finds a copyright sign or word in a line.
	reCopyMark = regexp.MustCompile(`(?i)©|\(c\)\s*\d{4}|\bcopyright\b`)
	// reCopyNoise is what surrounds the holder's name in a copyright line.
	reCopyNoise = regexp.MustCompile(`(?i)^(?:[\s,©®™:]|\(c\)|copyright\b|\d{4}(?:\s*[-–]\s*\d{4})?)+`)
	// reCopyEnd ends the holder's name: a sentence, a dash or bar, "All
	// rights reserved", "or its affiliated companies".
	reCopyEnd = regexp.MustCompile(`(?i)\.\s|\s[-–—|/]\s|\s/$|\ball rights\b|\bor its\b|\btodos os\b|\btous droits\b|\s\d{4}\b|,\s*\d{4}|[.,;]$`)
	// reCompany is a company's legal form or a word that names a business
	// rather than a publication.
	reCompany = regexp.MustCompile(`(?i)\b(?:inc|llc|ltd|limited|corp|corporation|company|group|holdings|enterprises|productions|software|foundation|interactive|network|media|gmbh|plc|s\.?a)\b\.?`)
	// reCompanyTail is a legal form at a name's end.
	reCompanyTail = regexp.MustCompile(`(?i)[,\s]+(?:inc|llc|ltd|limited|corp|plc|gmbh)\.?$`)
	// reSitePhrase is furniture that names its site: "About CNET",
	// "Follow Lifehacker", "Sign In to CNET", "Support The Guardian",
	// "More on Nodejs from Voodoo Engineering", "From: Herald Sun".
	reSitePhrase = regexp.MustCompile(`(?i)^(?:about|follow|join|support|subscribe to|sign (?:in|up) (?:to|for|with)|log in to|write for|work at|like|thank you for supporting|become an?|get|visit|welcome to|.{0,40}\bfrom:?)\s+(\S.*)$`)
	// reDomain is a bare web address: "independent.co.uk", "m.heraldsun.com.au".
	reDomain = regexp.MustCompile(`(?i)\b(?:[a-z0-9-]+\.)+(?:com|org|net|co\.uk|com\.au|com\.br|co|io|fr|de|uk|au|ca|cn|nyc|news|info)\b`)
	// reCopyTail is what may stand between a site's name and the
	// copyright sign after it: "topicseed, 2018-2019 ©".
	reCopyTail = regexp.MustCompile(`[\s,®™]*(?:\d{4}(?:\s*[-–]\s*\d{4})?)?[\s,]*$`)
	reRights   = regexp.MustCompile(`(?i)\brights\b|\breserved\b`)
	// reTitleSep splits "Headline - Site" in a line.
	reTitleSep = regexp.MustCompile(`\s+(?:[|–—-]|::)\s+`)
)

// holderOf returns the name that follows a copyright mark: "The
// Guardian" of " 2016 The Guardian. All rights reserved.".
func holderOf(s string) string {
	s = reCopyNoise.ReplaceAllString(s, "")
	if i := reCopyEnd.FindStringIndex(s); i != nil {
		s = s[:i[0]]
	}
	return strings.TrimSpace(s)
}

// copyrightHolder returns the text key of the name a copyright line is
// signed with, or "".
func copyrightHolder(l string) string {
	loc := reCopyMark.FindStringIndex(l)
	if loc == nil {
		return ""
	}
	return textKey(strings.TrimPrefix(holderOf(l[loc[1]:]), "The "))
}

// siteCand is a name the furniture offers for the site, and its evidence.
type siteCand struct {
	name  string
	ev    map[int]int // the weight of each kind of evidence (its weight names it), counted once
	lines int
}

// strong is the weight of the candidate's evidence beyond repetition.
func (c *siteCand) strong() int {
	n := 0
	for _, w := range c.ev {
		n += w
	}
	return n
}

// siteOutlet returns the outlet that the lines of a page's furniture
// (and its title) point to, or "".
func siteOutlet(lines []string, title string, authors []string) string {
	notSite := map[string]bool{}
	for _, a := range authors {
		notSite[textKey(a)] = true
	}
	cands := map[string]*siteCand{}
	order := []string{}
	add := func(name string, kind, w int) *siteCand {
		name = strings.TrimSpace(strings.Trim(strings.TrimSpace(name), ".,:;®™»«|"))
		name = reCompanyTail.ReplaceAllString(name, "")
		key := textKey(strings.TrimPrefix(name, "The "))
		if key == "" || len(name) > maxSiteNameLen || len(strings.Fields(key)) > 5 || !nameLike(name) || labelWords(key) || notSite[key] {
			return nil
		}
		c, ok := cands[key]
		if !ok {
			c = &siteCand{name: name, ev: map[int]int{}}
			cands[key] = c
			order = append(order, key)
		}
		if w > 0 {
			c.ev[kind] = max(c.ev[kind], w)
		}
		return c
	}

	// Copyright lines.
	for _, l := range lines {
		loc := reCopyMark.FindStringIndex(l)
		if loc == nil || len(strings.Fields(l)) > 30 {
			continue
		}
		// "Citylab.com © 2019 ...": the site before the sign.
		before := strings.TrimSpace(reCopyTail.ReplaceAllString(l[:loc[0]], ""))
		if strings.HasPrefix(l[loc[0]:], "©") && before != "" && len(strings.Fields(before)) <= 3 && !reRights.MatchString(before) {
			add(before, evCopyright, wCopyright)
		}
		rest := holderOf(l[loc[1]:])
		if rest == "" || len(strings.Fields(rest)) > 6 {
			continue
		}
		if reCompany.MatchString(rest) {
			add(rest, evCopyright, wCompany)
		} else {
			add(rest, evCopyright, wCopyright)
		}
	}

	// The window title's or a heading's "Headline - Site".
	if tk := textKey(title); tk != "" {
		for _, l := range append([]string{title}, lines...) {
			if len(l) > 300 || !strings.Contains(strings.ToLower(l), strings.ToLower(strings.Fields(title)[0])) {
				continue
			}
			parts := reTitleSep.Split(l, -1)
			if len(parts) < 2 {
				continue
			}
			head := strings.Join(parts[:len(parts)-1], " ")
			if hk := textKey(head); hk == tk || strings.HasPrefix(hk, tk) {
				add(parts[len(parts)-1], evTitle, wTitleSuffix)
			}
		}
	}

	// Known outlets named in the furniture.
	for _, l := range lines {
		if len(strings.Fields(l)) > 10 && !reCopyMark.MatchString(l) {
			continue // a sentence's mention, not the page's name
		}
		if o := knownOutletIn(l); o != "" {
			add(o, evKnown, wKnown)
		}
	}

	// Standalone short lines are candidates on no evidence of their own:
	// a masthead's name, but also a menu's items.
	for _, l := range lines {
		if n := len(strings.Fields(l)); n >= 1 && n <= 4 && !strings.ContainsAny(l, ".?!,:") {
			add(l, 0, 0)
		}
	}

	// "Jane Doe in Voodoo Engineering": a platform's credit of the
	// article's author to the publication.
	for _, l := range lines {
		for _, a := range authors {
			if rest, ok := strings.CutPrefix(l, a+" in "); ok && len(strings.Fields(rest)) <= 4 {
				add(rest, evAuthorIn, wAuthorIn)
			}
		}
	}

	// Phrases that name the site.
	var phrases []string
	for _, l := range lines {
		if len(strings.Fields(l)) > 10 {
			continue
		}
		if m := reSitePhrase.FindStringSubmatch(l); m != nil {
			phrases = append(phrases, " "+strings.TrimPrefix(textKey(m[1]), "the ")+" ")
			// The name the phrase starts with: "Get Quanta Magazine
			// delivered to your inbox".
			if run := capitalRun(m[1]); run != "" {
				add(run, 0, 0)
			}
		}
	}

	// Addresses in the text: a known outlet's, or one that spells a name
	// the page shows ("www.medicalnewstoday.com", "Medical News Today").
	var labels []string
	for _, l := range lines {
		for _, d := range reDomain.FindAllString(l, 4) {
			host := strings.ToLower(d)
			if u, err := url.Parse("http://" + host); err == nil {
				host = u.Hostname()
			}
			if o := outletOfDomain(host); o != "" {
				add(o, evDomain, wDomain)
				continue
			}
			if label := squash(registrable(host)); len(label) >= 4 && !slices.Contains(labels, label) && len(labels) < maxLabels {
				labels = append(labels, label)
			}
		}
	}
	for _, l := range lines {
		if len(labels) == 0 {
			break
		}
		sl := squash(l)
		for _, label := range labels {
			if len(label) >= 4 && strings.Contains(sl, label) {
				if name := spelledName(l, label); name != "" {
					add(name, 0, 0)
				}
			}
		}
	}

	var best *siteCand
	bestScore := 0
	// How many lines name each run of up to five words.
	runs := map[string]int{}
	for _, l := range lines {
		if len(l) > 300 {
			continue // prose, not furniture
		}
		words := strings.Fields(textKey(l))
		seen := map[string]bool{}
		for i := range words {
			for j := i + 1; j <= len(words) && j <= i+5; j++ {
				if r := strings.Join(words[i:j], " "); !seen[r] {
					seen[r] = true
					runs[r]++
				}
			}
		}
	}
	for _, key := range order {
		c := cands[key]
		c.lines = min(runs[key], maxLines)
		sq := squash(key)
		for _, label := range labels {
			if sq == label {
				c.ev[evDomain] = max(c.ev[evDomain], wSpelled)
				break
			}
		}
	}
	// A phrase names the longest candidate it starts with: "Follow NBC
	// News" is NBC News's, not NBC's.
	for _, p := range phrases {
		var to *siteCand
		longest := 0
		words := strings.Fields(p)
		for n := 1; n <= len(words) && n <= 5; n++ {
			key := strings.Join(words[:n], " ")
			c, ok := cands[key]
			if !ok {
				continue
			}
			// A name the phrase alone shows ("Get TMZ Breaking News
			// alerts") counts less than one the page repeats ("TMZ").
			l := len(key)
			if c.lines >= 2 {
				l += maxSiteNameLen
			}
			if l > longest {
				to, longest = c, l
			}
		}
		if to != nil {
			to.ev[evPhrase] = wPhrase
		}
	}
	for _, key := range order {
		c := cands[key]
		strong := c.strong()
		score := strong + c.lines*wLine
		// A tie goes to the longer name: "Voodoo Engineering" over
		// "Voodoo".
		if strong > 0 && score >= minSiteScore && (score > bestScore || score == bestScore && len(c.name) > len(best.name)) {
			best, bestScore = c, score
		}
	}
	if best == nil {
		return ""
	}
	if o, ok := data.LookupOutlet(best.name); ok {
		return o.Name
	}
	return best.name
}

// labelWords reports a name made only of the words of labels and menus
// ("More", "Sign In", "Read More"), which no site goes by.
func labelWords(key string) bool {
	if widgetLabels[key] {
		return true
	}
	words := strings.Fields(key)
	if len(words) > 0 && pronouns[words[0]] {
		// "About Us", "Our Newsletter".
		return true
	}
	for _, w := range words {
		if !nonNameWords[w] && !functionWords[w] && !smallWords[w] && w != "in" && w != "up" && w != "to" {
			return false
		}
	}
	return true
}

// followWords are a follow button's states.
var followWords = map[string]bool{"followed": true, "following": true, "unfollow": true}

var pronouns = map[string]bool{"us": true, "our": true, "we": true, "you": true, "your": true, "me": true, "my": true, "i": true}

// capitalRun returns the capitalised words s starts with (at most four),
// or "".
func capitalRun(s string) string {
	var out []string
	for _, w := range strings.Fields(s) {
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) || len(out) == 4 || nonNameWords[strings.ToLower(w)] || followWords[strings.ToLower(w)] {
			break
		}
		out = append(out, strings.Trim(w, ".,:;!?\"'()»«"))
	}
	return strings.Join(out, " ")
}

// nameLike reports a name a site may go by: it starts with a letter or
// digit, has a capital or is one word ("eHow", "topicseed"), and is not a
// sentence.
func nameLike(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
		return false
	}
	words := strings.Fields(s)
	if len(words) == 1 {
		return true
	}
	caps := 0
	for _, w := range words {
		if r, _ := utf8.DecodeRuneInString(w); unicode.IsUpper(r) {
			caps++
		}
	}
	return caps*2 > len(words)
}

// squash keeps a name's letters and digits in lower case:
// "Medical News Today" and "medicalnewstoday" are the same.
func squash(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// registrable returns the name part of a host: "medicalnewstoday" of
// "www.medicalnewstoday.com", "heraldsun" of "m.heraldsun.com.au".
func registrable(host string) string {
	parts := strings.Split(strings.TrimSuffix(host, "."), ".")
	for len(parts) > 1 {
		last := parts[len(parts)-1]
		if len(last) <= 3 || last == "info" || last == "news" {
			parts = parts[:len(parts)-1]
			continue
		}
		break
	}
	if len(parts) == 0 {
		return ""
	}
	return parts[len(parts)-1]
}

// spelledName returns the run of capitalised words in line whose letters
// are label's ("Medical News Today" for "medicalnewstoday"), or "".
func spelledName(line, label string) string {
	words := strings.Fields(line)
	for i := range words {
		var sq strings.Builder
		for j := i; j < len(words) && j < i+5; j++ {
			w := strings.Trim(words[j], ".,:;!?\"'()")
			if r, _ := utf8.DecodeRuneInString(w); !unicode.IsUpper(r) {
				break
			}
			sq.WriteString(squash(w))
			if sq.String() == label {
				var out []string
				for _, w := range words[i : j+1] {
					out = append(out, strings.Trim(w, ".,:;!?\"'()"))
				}
				return strings.Join(out, " ")
			}
			if !strings.HasPrefix(label, sq.String()) {
				break
			}
		}
	}
	return ""
}

// addressOutlet returns the outlet of an article's address: a known
// outlet's, or the name the text shows that the address spells
// ("Medical News Today" for www.medicalnewstoday.com), or "".
func addressOutlet(addr, text string) string {
	u, err := url.Parse(addr)
	if err != nil || u.Hostname() == "" {
		return ""
	}
	if o := outletOfDomain(u.Hostname()); o != "" {
		return o
	}
	label := squash(registrable(strings.ToLower(u.Hostname())))
	if len(label) < 4 {
		return ""
	}
	for _, l := range strings.Split(text, "\n") {
		if strings.Contains(squash(l), label) {
			if name := spelledName(l, label); name != "" {
				return name
			}
		}
	}
	return ""
}
