package ingest

import (
	"cmp"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/casebookapp/casebook/data"
)

// Dates as news pages print them.
const monthRe = `(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)`

var (
	reDateMDY = regexp.MustCompile(`(?i)\b` + monthRe + `\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b`)
	reDateDMY = regexp.MustCompile(`(?i)\b(\d{1,2})(?:st|nd|rd|th)?\s+` + monthRe + `\.?,?\s+(\d{4})\b`)
	reDateISO = regexp.MustCompile(`\b(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?\b`)
	reDateUS  = regexp.MustCompile(`\b(\d{1,2})/(\d{1,2})/(\d{4})\b`)
	// reDateFR is a date in French: "30 avril 2015", "1er mars 2019".
	reDateFR = regexp.MustCompile(`(?i)\b(\d{1,2})(?:er)?\s+(janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[ûu]t|septembre|octobre|novembre|d[ée]cembre)\s+(\d{4})\b`)

	// reDatelineFiller is what a dateline may hold besides its dates.
	reDatelineFiller = regexp.MustCompile(`(?i)\b(?:updated|published|posted|last|first|modified|originally|on|at|date|created|and|` +
		`\d{1,2}(?::\d{2})?\s*(?:a\.?m\.?|p\.?m\.?)|\d{1,2}[:.]\d{2}|a\.m\.|p\.m\.|am|pm|et|est|edt|ct|cst|cdt|pt|pst|pdt|mt|mst|mdt|gmt|utc|bst|cet|cest|` +
		`(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|sday|nesday|rsday|urday)?|` +
		`\d+\s+(?:minutes?|mins?|hours?|hrs?|days?)\s+ago)\b\.?`)
	reLowPriorityDate = regexp.MustCompile(`(?i)\b(?:updated|modified)\b[^\p{L}]*$`)

	reBylineStart = regexp.MustCompile(`^(?:(?:Written|Story|Words|Text|Reported) by|By|BY)[:\s]\s*(\S.*)$`)
	reBylineSep   = regexp.MustCompile(`\s*[|•·]\s*|\s+[—–-]\s+`)
	reAndSplit    = regexp.MustCompile(`\s+(?:and|AND|&)\s+`)

	// reOutletDateline is an outlet's dateline: the outlet, the city in
	// parentheses and the date ("CNNMoney (New York) First published
	// February 1, 2016").
	reOutletDateline = regexp.MustCompile(`^(\p{Lu}[\p{L}\d.&'’]*(?: [\p{Lu}\d][\p{L}\d.&'’]*){0,3})\s+\(\p{Lu}[\p{L} .'’-]{1,30}\)\s+(?i:first published|published|updated|posted)\b`)
	reFollowOutlet   = regexp.MustCompile(`^Follow\s+(.{2,60}?)\s+on\s+(?:Facebook|Twitter|Instagram|Tumblr|X|LinkedIn|YouTube|Threads|Bluesky|TikTok)\b`)
	reAgencyLede     = regexp.MustCompile(`^\p{Lu}[\p{Lu}.'’-]*(?:[ ,]+[\p{Lu}\p{L}.'’-]+){0,6}\s*\(([\p{L}][\p{L} .&]{0,30})\)\s*[—–-]+\s*\S`)
	reCopyright      = regexp.MustCompile(`(?i)^(?:©|\(c\)|copyright)\s*(?:©\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?)?[\s,]*(.+?)[.\s]*(?:all rights reserved\.?)?$`)
)

// foundDate is a date found in a line, with its byte span.
type foundDate struct {
	iso        string
	start, end int
}

// isoDate returns "YYYY-MM-DD" for a valid calendar date between 1900 and
// 2100 (what a news page can have printed), or "".
func isoDate(y, m, d int) string {
	if y < 1900 || y > 2100 || !data.ValidDay(y, m, d) {
		return ""
	}
	return data.ISODate(y, m, d)
}

func atoi(s string) int {
	n := 0
	for _, r := range s {
		n = n*10 + int(r-'0')
	}
	return n
}

// findDates returns the dates written in s, in order.
func findDates(s string) []foundDate {
	var out []foundDate
	add := func(idx []int, iso string) {
		if iso == "" {
			return
		}
		for _, f := range out {
			if idx[0] < f.end && f.start < idx[1] {
				return
			}
		}
		out = append(out, foundDate{iso, idx[0], idx[1]})
	}
	for _, m := range reDateMDY.FindAllStringSubmatchIndex(s, -1) {
		add(m, isoDate(atoi(s[m[6]:m[7]]), data.MonthNumber(s[m[2]:m[2]+3]), atoi(s[m[4]:m[5]])))
	}
	for _, m := range reDateDMY.FindAllStringSubmatchIndex(s, -1) {
		add(m, isoDate(atoi(s[m[6]:m[7]]), data.MonthNumber(s[m[4]:m[4]+3]), atoi(s[m[2]:m[3]])))
	}
	for _, m := range reDateFR.FindAllStringSubmatchIndex(s, -1) {
		add(m, isoDate(atoi(s[m[6]:m[7]]), data.FrenchMonthNumber(s[m[4]:m[5]]), atoi(s[m[2]:m[3]])))
	}
	for _, m := range reDateISO.FindAllStringSubmatchIndex(s, -1) {
		add(m, isoDate(atoi(s[m[2]:m[3]]), atoi(s[m[4]:m[5]]), atoi(s[m[6]:m[7]])))
	}
	for _, m := range reDateUS.FindAllStringSubmatchIndex(s, -1) {
		add(m, isoDate(atoi(s[m[6]:m[7]]), atoi(s[m[2]:m[3]]), atoi(s[m[4]:m[5]])))
	}
	// Keep reading order whatever pattern found them.
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && out[j].start < out[j-1].start; j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out
}

// pickDate returns the publication date among the dates of s: the first
// one not introduced by "Updated" or "Modified", else the first.
func pickDate(s string, dates []foundDate) string {
	if len(dates) == 0 {
		return ""
	}
	for _, d := range dates {
		before := s[:d.start]
		if i := strings.LastIndexAny(before, "|•·/"); i >= 0 {
			before = before[i:]
		}
		if !reLowPriorityDate.MatchString(before) {
			return d.iso
		}
	}
	return dates[0].iso
}

// datelineDates reports a line that holds a date and otherwise only
// dateline words: "Updated April 14, 2016, 5:00 PM ET", "Published Feb.
// 11, 2016". It returns the line's dates.
func datelineDates(s string) ([]foundDate, bool) {
	if !strings.ContainsAny(s, "0123456789") {
		return nil, false
	}
	dates := findDates(s)
	if len(dates) == 0 {
		return nil, false
	}
	var rest strings.Builder
	prev := 0
	for _, d := range dates {
		rest.WriteString(s[prev:d.start])
		rest.WriteByte(' ')
		prev = d.end
	}
	rest.WriteString(s[prev:])
	left := reDatelineFiller.ReplaceAllString(rest.String(), " ")
	if strings.IndexFunc(left, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) >= 0 {
		return nil, false
	}
	return dates, true
}

// byline is what a "By ..." line says.
type byline struct {
	authors []string
	outlet  string
	date    string
	// placed says the line names where the writer is ("Jane Doe in
	// Dunedin"), which is no publication.
	placed bool
}

// parseByline reads "By A", "By A and B", "By A, B and C", "By A, Outlet",
// "By A | Outlet", "BY A B Associated Press" and "By A • March 24, 2016".
// Every comma-separated part must be a name, an outlet or a job title, so a
// sentence that starts with "By" is not a byline.
func parseByline(s string) (byline, bool) {
	var bl byline
	m := reBylineStart.FindStringSubmatch(s)
	if m == nil {
		return bl, false
	}
	segs := reBylineSep.Split(m[1], -1)
	for _, part := range splitNames(segs[0]) {
		if name, outlet, ok := splitCapsName(part); ok {
			bl.authors = append(bl.authors, personName(name))
			if bl.outlet == "" {
				bl.outlet = outlet
			}
			continue
		}
		switch name := nameWithTail(part); {
		case name != "":
			// "Jane Doe in New York", "Jane Doe for The Guardian".
			tail := ""
			if i := strings.Index(part, " for "); i >= 0 {
				tail = part[i+len(" for "):]
			}
			bl.authors = append(bl.authors, personName(name))
			if bl.outlet == "" && outletish(tail) {
				bl.outlet = stripRoles(tail)
			}
		case outletish(part) || len(bl.authors) > 0 && reTheOrg.MatchString(part):
			// After a name, "The Brooklyn Eagle" is the outlet even
			// without a word such as "News".
			if bl.outlet == "" {
				bl.outlet = stripRoles(part)
			}
		case stripRoles(part) == "" || len(bl.authors) > 0 && hasRoleWord(part):
			// A job title such as "Staff Writer" or, after a name,
			// "Senior Staff Technologist".
		case stripRoles(part) != part && isPersonName(stripRoles(part)):
			// "Jane Doe Staff Writer": the job without a comma (but
			// "Jane Reporter" is a name).
			bl.authors = append(bl.authors, personName(stripRoles(part)))
		case isPersonName(part):
			bl.authors = append(bl.authors, personName(part))
		default:
			return bl, false
		}
	}
	if len(bl.authors) == 0 {
		return bl, false
	}
	for _, seg := range segs[1:] {
		if seg == "" {
			continue
		}
		if dates, ok := datelineDates(seg); ok {
			if bl.date == "" {
				bl.date = pickDate(seg, dates)
			}
		} else if outletish(seg) && bl.outlet == "" {
			bl.outlet = stripRoles(seg)
		}
	}
	return bl, true
}

// reTheOrg matches a capitalised name with "The": "The Brooklyn Eagle".
var reTheOrg = regexp.MustCompile(`^The(?:\s+\p{Lu}[\p{L}&'’.-]*){1,4}$`)

// nameWithTail returns the name of "Jane Doe in New York" or "Jane Doe for
// The Guardian", or "" when s is not such a part.
func nameWithTail(s string) string {
	for _, sep := range []string{" in ", " for "} {
		i := strings.Index(s, sep)
		if i <= 0 {
			continue
		}
		tail := s[i+len(sep):]
		if r, _ := utf8.DecodeRuneInString(tail); unicode.IsUpper(r) && isPersonName(s[:i]) && len(strings.Fields(tail)) <= 5 {
			return s[:i]
		}
	}
	return ""
}

// splitNames splits "A, B, and C" or "A and B" into parts.
func splitNames(s string) []string {
	var out []string
	for _, p := range strings.Split(s, ",") {
		p = strings.TrimSpace(p)
		p = strings.TrimPrefix(p, "and ")
		p = strings.TrimPrefix(p, "& ")
		for _, q := range reAndSplit.Split(p, -1) {
			if q = strings.TrimSpace(q); q != "" {
				out = append(out, q)
			}
		}
	}
	return out
}

// nameParticles may appear in lower case inside a person's name.
var nameParticles = map[string]bool{
	"de": true, "da": true, "van": true, "von": true, "der": true, "den": true, "del": true,
	"la": true, "le": true, "bin": true, "al": true, "di": true, "du": true, "y": true, "dos": true,
}

// notNames are capitalised words that start sentences after "By".
var notNames = map[string]bool{
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true,
	"saturday": true, "sunday": true, "the": true, "then": true, "now": true, "law": true,
	"contrast": true, "comparison": true, "default": true, "itself": true, "this": true,
	"that": true, "all": true, "most": true, "some": true, "far": true,
}

// isPersonName reports 2 to 5 capitalised words (initials, hyphens,
// apostrophes and lower-case particles allowed) with no digits.
func isPersonName(s string) bool {
	words := strings.Fields(s)
	if len(words) < 2 || len(words) > 5 || notNames[strings.ToLower(words[0])] {
		return false
	}
	for i, w := range words {
		if nameParticles[w] && i > 0 && i < len(words)-1 {
			continue
		}
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) {
			return false
		}
		for _, c := range w {
			if !unicode.IsLetter(c) && !strings.ContainsRune(".-'’", c) {
				return false
			}
		}
	}
	return true
}

// splitCapsName splits an agency byline "JENNIFER PELTZ Associated Press"
// into the name in capitals and the outlet or job title after it.
func splitCapsName(s string) (name, outlet string, ok bool) {
	words := strings.Fields(s)
	i := 0
	for i < len(words) && isAllCaps(words[i]) {
		i++
	}
	if i < 2 || i == len(words) {
		return "", "", false
	}
	name, rest := strings.Join(words[:i], " "), strings.Join(words[i:], " ")
	if !isPersonName(name) {
		return "", "", false
	}
	if outletish(rest) {
		return name, stripRoles(rest), true
	}
	if stripRoles(rest) == "" {
		return name, "", true
	}
	return "", "", false
}

// isAllCaps reports a word with letters, all of them upper case.
func isAllCaps(w string) bool {
	letters := false
	for _, r := range w {
		if unicode.IsLetter(r) {
			if !unicode.IsUpper(r) {
				return false
			}
			letters = true
		}
	}
	return letters
}

// personName title-cases a name printed in capitals ("JENNIFER PELTZ").
func personName(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if !isAllCaps(s) {
		return s
	}
	var b strings.Builder
	start := true
	for _, r := range s {
		if start {
			b.WriteRune(r)
		} else {
			b.WriteRune(unicode.ToLower(r))
		}
		start = r == ' ' || r == '-' || r == '\'' || r == '’'
	}
	return b.String()
}

// roleWords are job titles that follow a name or outlet in a byline.
var roleWords = map[string]bool{
	"staff": true, "writer": true, "writers": true, "reporter": true, "reporters": true,
	"correspondent": true, "correspondents": true, "contributor": true, "contributing": true,
	"editor": true, "senior": true, "chief": true, "national": true, "political": true,
	"investigative": true, "columnist": true, "producer": true, "special": true, "to": true,
	"for": true, "freelance": true, "digital": true, "bureau": true, "journalist": true,
}

// hasRoleWord reports a part with a job-title word other than "to" and
// "for".
func hasRoleWord(s string) bool {
	for _, w := range strings.Fields(s) {
		lw := strings.ToLower(w)
		if roleWords[lw] && lw != "to" && lw != "for" {
			return true
		}
	}
	return false
}

// stripRoles removes job-title words from the end (and "Special to" from
// the start) of a byline part: "Associated Press Writer" → "Associated
// Press", "Staff Writer" → "".
func stripRoles(s string) string {
	words := strings.Fields(s)
	for len(words) > 0 && roleWords[strings.ToLower(words[len(words)-1])] {
		words = words[:len(words)-1]
	}
	for len(words) > 0 && roleWords[strings.ToLower(words[0])] {
		words = words[1:]
	}
	return strings.Join(words, " ")
}

// outletWords mark a name as a news organisation's.
var outletWords = map[string]bool{
	"news": true, "press": true, "times": true, "post": true, "journal": true, "tribune": true,
	"herald": true, "gazette": true, "daily": true, "magazine": true, "media": true, "radio": true,
	"tv": true, "television": true, "network": true, "broadcasting": true, "online": true,
	"today": true, "weekly": true, "guardian": true, "observer": true, "chronicle": true,
	"telegraph": true, "independent": true, "insider": true, "wire": true, "reuters": true,
	"bloomberg": true, "globe": true, "review": true, "star": true, "sun": true, "mirror": true,
	"express": true, "examiner": true, "inquirer": true, "bulletin": true, "courier": true,
	"sentinel": true, "register": true, "dispatch": true, "monitor": true, "afro": true,
	"politico": true, "axios": true, "vox": true, "slate": true, "salon": true, "huffpost": true,
	"buzzfeed": true, "newsweek": true, "atlantic": true, "standard": true, "record": true,
}

// credentials are degrees and licences that follow a name in a byline.
var credentials = map[string]bool{
	"MA": true, "MS": true, "MSC": true, "BA": true, "BS": true, "MD": true, "DO": true, "RN": true, "NP": true,
	"PHD": true, "MPH": true, "MBA": true, "JD": true, "MSW": true, "LCSW": true, "DDS": true, "PA": true,
}

// outletish reports a short name that reads as a news organisation's: it
// has an outlet word ("News", "Press", "Times"...) or, in mixed case, an
// acronym such as NBC; in capitals, a single short acronym such as AP.
func outletish(s string) bool {
	s = stripRoles(s)
	words := strings.Fields(s)
	if len(words) == 0 || len(words) > 6 {
		return false
	}
	if len(words) == 1 && credentials[strings.ToUpper(strings.ReplaceAll(words[0], ".", ""))] {
		// "Brenda Goodman, MA": a degree, not an outlet.
		return false
	}
	caps := isAllCaps(s)
	if caps && len(words) == 1 && utf8.RuneCountInString(words[0]) <= 4 {
		return true
	}
	for _, w := range words {
		w = strings.Trim(w, ".,'’()")
		if outletWords[strings.ToLower(w)] {
			return true
		}
		if !caps && isAllCaps(w) && utf8.RuneCountInString(w) >= 2 && utf8.RuneCountInString(w) <= 6 {
			return true
		}
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) && !unicode.IsDigit(r) && !smallWords[strings.ToLower(w)] {
			return false
		}
	}
	return false
}

// agencyNames expands the agency abbreviations of datelines.
var agencyNames = map[string]string{
	"AP": "Associated Press", "UPI": "United Press International", "AFP": "Agence France-Presse",
}

// splitSiteTitle splits a page title of the form "Headline | Site" (as
// browsers save it) into the headline and the site's name. A title without
// such a suffix is returned whole.
func splitSiteTitle(s string) (title, site string) {
	i := strings.LastIndex(s, " | ")
	if i < 0 {
		return s, ""
	}
	head, tail := strings.TrimSpace(s[:i]), strings.TrimSpace(s[i+3:])
	if n := len(strings.Fields(tail)); n == 0 || n > 4 || len(strings.Fields(head)) < 2 || !outletish(tail) {
		return s, ""
	}
	return head, tail
}

// extractMeta reads the article's metadata from its classified paragraphs.
func extractMeta(paras []para) data.Meta {
	var m data.Meta
	var authors []string
	var titleOutlet, bylineOutlet, agencyOutlet, followOutlet, copyrightOutlet, bylineDate, datelineDate string
	var parenOut, mentionOutlet, addressOutlet, titleText string
	var mentionLines []string
	seen := map[string]bool{}
	for _, p := range paras {
		short := len(strings.Fields(p.text)) <= 8
		if parenOut == "" && (p.kind == data.KindByline || p.kind == data.KindDateline || short && p.kind != data.KindTitle) {
			parenOut = parenOutlet(p.text)
		}
		if parenOut == "" && p.kind != data.KindTitle && len(p.text) < 120 {
			// "CNNMoney (New York) First published February 1, 2016".
			if mm := reOutletDateline.FindStringSubmatch(p.text); mm != nil && nameLike(mm[1]) && !labelWords(textKey(mm[1])) {
				parenOut = mm[1]
			}
		}
		placed := p.kind == data.KindByline && p.read != nil && p.read.byline.placed
		if p.kind != data.KindTitle && (p.kind != data.KindBody || short) && !placed {
			// Looked at after the loop, and only if nothing better
			// names the outlet: a page's copy has hundreds of such lines.
			mentionLines = append(mentionLines, p.text)
		}
		if addressOutlet == "" && (strings.Contains(p.text, "http") || strings.Contains(p.text, "www.")) {
			addressOutlet = urlOutlet(p.text)
		}
		switch p.kind {
		case data.KindTitle:
			if m.Title == "" {
				titleText = p.text
				m.Title, titleOutlet = splitSiteTitle(p.text)
			}
		case data.KindByline:
			bl := p.read.byline
			for _, a := range bl.authors {
				if !seen[strings.ToLower(a)] {
					seen[strings.ToLower(a)] = true
					authors = append(authors, a)
				}
			}
			if bylineOutlet == "" {
				bylineOutlet = bl.outlet
			}
			if bylineDate == "" {
				bylineDate = bl.date
			}
		case data.KindDateline:
			if datelineDate == "" {
				datelineDate = p.read.date
			}
		case data.KindBody:
			if agencyOutlet == "" {
				if mm := reAgencyLede.FindStringSubmatch(p.text); mm != nil && outletish(mm[1]) {
					agencyOutlet = mm[1]
					if full, ok := agencyNames[strings.ToUpper(mm[1])]; ok {
						agencyOutlet = full
					}
				}
			}
		case data.KindBoilerplate:
			if mm := reFollowOutlet.FindStringSubmatch(p.text); mm != nil && followOutlet == "" && outletish(mm[1]) {
				followOutlet = mm[1]
			}
			if mm := reCopyright.FindStringSubmatch(p.text); mm != nil && copyrightOutlet == "" && outletish(mm[1]) {
				copyrightOutlet = reCompanyTail.ReplaceAllString(strings.TrimSpace(mm[1]), "")
			}
		}
	}
	m.Author = strings.Join(authors, "; ")
	siteOut := ""
	if cmp.Or(bylineOutlet, agencyOutlet, parenOut) == "" {
		siteOut = siteOutlet(mentionLines, titleText, authors)
	}
	if cmp.Or(bylineOutlet, agencyOutlet, parenOut, siteOut, followOutlet) == "" {
		for _, l := range mentionLines {
			if len(strings.Fields(l)) > 10 && !reCopyright.MatchString(l) {
				// A sentence that mentions an outlet ("The New York
				// Times reported ...") does not name the page's.
				continue
			}
			if mentionOutlet = knownOutletIn(l); mentionOutlet != "" {
				break
			}
		}
	}
	m.Outlet = cmp.Or(bylineOutlet, agencyOutlet, parenOut, siteOut, followOutlet, mentionOutlet, copyrightOutlet, addressOutlet, titleOutlet)
	m.Date = cmp.Or(datelineDate, bylineDate)
	if m.Date == "" {
		m.Date, m.DateNote = inferYearlessDate(paras)
	}
	return m
}
