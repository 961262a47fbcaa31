package ingest

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/casebookapp/casebook/data"
)

// Site furniture. Each pattern is anchored at the start (or matches the
// whole line) and is only tried on short lines that do not start in lower
// case, so that body text mentioning the same words is left alone.
var (
	// reBoilerShort matches whole lines of a few words: widgets and labels.
	reBoilerShort = regexp.MustCompile(`(?i)^(?:[/|•·]\s*)?(?:` +
		`updated|published|posted|last updated|advertisement|advertising|ad|sponsored|sponsored content|paid content|` +
		`share|share this|share this (?:article|story|page|post)|share on (?:facebook|twitter|x|linkedin|whatsapp)|` +
		`tweet|email|e-mail|print|copy link|link copied|save|save article|comments?|\d+ comments?|` +
		`reprints?|gift (?:this )?article|listen|listen to (?:this )?(?:article|story)|read in app|open in app|` +
		`live|watch live|menu|search|home|sections|close|next|previous|back to top|skip to (?:main )?content|` +
		`story continues below(?: advertisement)?|continue reading(?: below| the main story)?|read more|` +
		`newsletter|most read|most popular|trending|trending now|editor'?s picks|recommended|` +
		`\d+\s*(?:/|of)\s*\d+|image \d+ of \d+` +
		`)[\s.:!|•·/]*$`)
	// reBoilerStart matches notices by their opening words.
	reBoilerStart = regexp.MustCompile(`(?i)^(?:` +
		`follow\b.{0,80}\bon\s+(?:facebook|twitter|instagram|tumblr|x|linkedin|youtube|threads|bluesky|tiktok|mastodon)\b|` +
		`follow us\b|like us on facebook|` +
		`get more news|` +
		`sign up\b.{0,80}\b(?:newsletters?|updates|emails?|alerts|briefing|digest|account)\b|` +
		`subscribe\b.{0,60}\b(?:newsletters?|now|today|for|to (?:our|the|get|continue|read))\b|` +
		`get (?:the|our)\b.{0,40}\bnewsletter|` +
		`already a subscriber|create (?:a )?(?:free )?account|log in|sign in to\b|register (?:now|for free|to)\b|` +
		`click here\b|tap here\b|` +

		`share this (?:article|story|page|post)\b|` +
		`download (?:the|our)\b.{0,30}\bapp\b|` +
		`this material may not be published|` +
		`(?:©|\(c\)\s*\d{4}|copyright\b)|` +
		`skip (?:to|ad)\b|` +
		`(?:please )?(?:enable|turn on) javascript|javascript is (?:disabled|required)|` +
		`(?:ie|internet explorer) ?\d*\s+is not supported|` +
		`your browser\b.{0,60}\b(?:not supported|out of date|outdated)|` +
		`(?:we|this (?:web)?site|our (?:web)?site)\b.{0,40}\buses? cookies|` +
		`by (?:continuing|using)\b.{0,80}\bcookies` +
		`)`)
	// reBoilerAnywhere matches notices recognisable from a phrase anywhere
	// in a short line.
	reBoilerAnywhere = regexp.MustCompile(`(?i)(?:` +
		`for an optimal experience|not supported\b.{0,40}\bbrowser|` +
		`\bcookie (?:policy|settings|preferences|consent|notice)\b|\baccept (?:all )?cookies\b|\buse of cookies\b|` +
		`\ball rights reserved\b|` +
		`\bsign up for (?:our|the)\b.{0,40}\bnewsletter` +
		`)`)

	// reMeterOrLink matches a metering notice ("You have 2 free articles
	// left", "You've reached your limit of free articles") and a link's
	// sentence ("Read the press release here."); it is tried only on
	// lines that start with "you" or end with "here", to keep classifying
	// cheap.
	reMeterOrLink = regexp.MustCompile(`(?i)^(?:` +
		`you(?:'ve| have)? (?:\d+|one|two|three) (?:free )?(?:articles?|stories) (?:left|remaining)|` +
		`you(?:'ve| have) (?:read|reached)\b.{0,40}\b(?:free )?(?:articles?|stories)\b|` +
		`(?:read|see|watch|view|download)\b.{0,50}\bhere[.!]?$` +
		`)`)

	reRelated = regexp.MustCompile(`(?i)^(?:related(?: coverage| stories| story| articles?| content| links?| reading| video)?|` +
		`read more|read also|also read|see also|more(?: on this(?: story)?| from [\p{L}\p{N} .&'’-]{1,40}| coverage)?|` +
		`recommended(?: for you| reading)?|read next|up next|what to read next|don'?t miss|further reading|` +
		`watch|listen|previously)(?:\s*[:：|>»]|\s*[—–]|\s+-)\s*\S`)
	reRelatedHeading = regexp.MustCompile(`(?i)^(?:related(?: coverage| stories| articles| content| links| reading)?|` +
		`more (?:on this story|stories|coverage)|more from [\p{L}\p{N} .&'’-]{1,40}|further reading|you may also like)\s*$`)

	reCredit = regexp.MustCompile(`(?i)^(?:\(?[—–-]?\s*)?(?:additional )?(?:reporting|writing|editing|research|compiled|written|edited) by\b|` +
		`^(?:photo|photograph|image|picture|video)s?\s+(?:by|credit|courtesy)\b|^(?:photo |image )?credits?\s*:`)
	reContributed = regexp.MustCompile(`(?i)^(.{1,200}?)\s+(?:also\s+|has\s+|have\s+)?contributed(?:\s+reporting)?` +
		`(?:\s+to\s+(?:this|the)\s+(?:report|story|article|reporting))?(?:\s+from\s+[\p{L} ,.'’-]{1,60})?[.)]*$`)

	// reStaffByline matches a byline that names no person but the paper's
	// staff: "Our Foreign Staff", "By Our Reporter", "A Staff Reporter",
	// "Staff and agencies".
	reStaffByline = regexp.MustCompile(`(?i)^(?:by\s+)?(?:(?:our|a)\s+(?:own\s+)?(?:[\p{L}-]+\s+)?(?:staff|reporters?|correspondents?|writers?)|` +
		`(?:staff|wires?)\s+(?:and|&)\s+agenc(?:y|ies)|agencies\s+(?:and|&)\s+staff)\s*$`)
	// reCreditTail matches a photo credit after a label at the end of a
	// caption: "... Credit: HARARE HERALD", "... Photo: Reuters".
	reCreditTail   = regexp.MustCompile(`(?:^|\s)(?:(?:photo(?:graph)?|image|picture)\s+)?(?i:credits?|photo(?:graph)?|image|picture)\s*:\s*\p{Lu}[\p{L}\p{N}&'’.,/ -]{0,60}$`)
	reCaptionLabel = regexp.MustCompile(`(?i)^(?:image|photo|photograph|picture|caption|pictured|file photo|illustration|video still)\s*:`)
	// reParenCredit matches a photo credit in parentheses at the end.
	reParenCredit = regexp.MustCompile(`\(([^()]{1,100})\)\s*$`)
	rePhotoWord   = regexp.MustCompile(`(?i)\b(?:photos?|images?|pictures?|getty|pool|courtesy|handout|photograph(?:er|y|s)?|file|illustration|screenshot|screen ?grab)\b`)
	// reSlashCredit matches "Name Name / Agency" (or "NAME / Pool via AP")
	// at the end of a line.
	// reCreditOnly matches a line that is nothing but a photo credit: an
	// agency ("Getty Images", "AP Photo", "Reuters"), "Courtesy of ...", or
	// "Name Name for The New York Times".
	reCreditOnly = regexp.MustCompile(`(?i)^(?:(?:AP|AFP|EPA|Reuters|Getty|Shutterstock|Alamy|Associated Press)(?:\s+(?:photos?|images?|via getty images))?|` +
		`(?:photo\s+)?courtesy(?:\s+of)?\s+\S.{0,60}|` +
		`(?-i:\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){1,3})\s+for\s+(?:the\s+)?(?-i:\p{Lu}[\p{L}&'’.-]*(?:\s+\p{Lu}[\p{L}&'’.-]*){0,3})\s+` +
		`(?:times|news|post|journal|tribune|globe|herald|press|chronicle|guardian|magazine|daily|gazette|star|sun|observer|bloomberg|reuters|npr|cnn))$`)
	reSlashCredit = regexp.MustCompile(`(?:^|[\s.,;:)”"])\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,3}\s*/\s*` +
		`\p{Lu}[\p{L}&'’-]*(?:\s+(?:via|for|of|\p{Lu}[\p{L}&'’-]*)){0,5}$`)
)

// lineClass is a line's kind with what classifying it read on the way and
// the metadata needs: a byline's parts, a dateline's date.
type lineClass struct {
	kind   data.Kind
	byline byline // for a byline
	date   string // for a dateline: the publication date it shows
}

// classifyLine gives one cleaned line the kind it has on its own (rule 4 of
// Parse); the title and the caption under a label are decided by the caller.
func classifyLine(s string) data.Kind { return classify(s).kind }

// classify is classifyLine with what the byline and dateline rules read.
func classify(s string) lineClass {
	words := len(strings.Fields(s))
	upper := startsUpperOrSymbol(s)
	if upper && words <= 6 && reBoilerShort.MatchString(s) || isNavBar(s) {
		return lineClass{kind: data.KindBoilerplate}
	}
	if upper && words <= 16 {
		if dates, ok := datelineDates(s); ok {
			return lineClass{kind: data.KindDateline, date: pickDate(s, dates)}
		}
	}
	if upper && words <= 5 && reStaffByline.MatchString(s) {
		// "Our Foreign Staff", "By Our Reporter": the paper's own
		// staff, no person to cite.
		return lineClass{kind: data.KindByline}
	}
	if upper && words <= 20 {
		if bl, ok := parseByline(s); ok {
			return lineClass{kind: data.KindByline, byline: bl}
		}
	}
	switch {
	case upper && words <= 40 && isCredit(s):
		return lineClass{kind: data.KindCredit}
	case upper && words <= 40 && (reRelated.MatchString(s) || reRelatedHeading.MatchString(s)):
		return lineClass{kind: data.KindRelated}
	case upper && words <= 40 && (reBoilerStart.MatchString(s) || reBoilerAnywhere.MatchString(s) || meterOrLink(s) || widget(s, words)):
		return lineClass{kind: data.KindBoilerplate}
	case isCaption(s, words):
		return lineClass{kind: data.KindCaption}
	}
	return lineClass{kind: data.KindBody}
}

// reBracketBar matches a line of three or more short links in brackets.
var reBracketBar = regexp.MustCompile(`^(?:\[[^\[\]]{1,20}\]\s*){3,}$`)

// navSeparators split the items of a site's navigation bar or breadcrumb.
const navSeparators = "|•·»›>"

// isNavBar reports a navigation bar or breadcrumb trail: three or more short
// items (at most four words each, none ending a sentence) separated by
// "|", "•", "·", "»", "›" or ">", as in "Home | News | Sports" or
// "News › U.S. › Crime". In a line that opens a quotation with "«", "»"
// closes it (French and other languages quote titles so: "Screenshot :
// «Vape Wave», «6 Days»"), and is no separator.
func isNavBar(s string) bool {
	if strings.HasPrefix(s, "[") && reBracketBar.MatchString(s) {
		// "[Docs] [txt|pdf] [Tracker] [Email]": links in brackets.
		return true
	}
	seps := navSeparators
	if strings.ContainsRune(s, '«') {
		seps = strings.ReplaceAll(seps, "»", "")
	}
	items := strings.FieldsFunc(s, func(r rune) bool { return strings.ContainsRune(seps, r) })
	if len(items) < 3 {
		return false
	}
	for _, it := range items {
		it = strings.TrimSpace(it)
		n := len(strings.Fields(it))
		if n == 0 || n > 4 || strings.HasSuffix(it, ".") && n > 1 {
			return false
		}
	}
	return true
}

// isCredit reports a contributor line: "Traci G. Lee contributed.",
// "Associated Press writers A and B contributed to this report.",
// "Reporting by A; Editing by B", "Photo by A".
func isCredit(s string) bool {
	if reCredit.MatchString(s) {
		return true
	}
	if !strings.Contains(s, "contributed") {
		return false
	}
	m := reContributed.FindStringSubmatch(s)
	if m == nil {
		return false
	}
	// The subject must be names (or an outlet), not a phrase such as
	// "Many people".
	subject := strings.TrimLeft(m[1], "—–-( ")
	caps, n := 0, 0
	for _, w := range strings.FieldsFunc(subject, func(r rune) bool { return unicode.IsSpace(r) || r == ',' || r == ';' }) {
		lw := strings.ToLower(w)
		switch lw {
		case "and", "&", "of", "the", "writer", "writers", "reporter", "reporters", "correspondent",
			"correspondents", "journalist", "journalists", "staff", "in", "from", "also":
			continue
		}
		n++
		r, _ := utf8.DecodeRuneInString(w)
		if unicode.IsUpper(r) {
			caps++
		}
	}
	return n > 0 && caps == n && (n >= 2 || outletish(subject))
}

// widgetLabels are whole lines of a page's widgets: a caption's and a
// gallery's buttons, a sponsor's label, a share bar's networks.
var widgetLabels = map[string]bool{
	"view caption": true, "view full caption": true, "hide caption": true, "toggle caption": true,
	"enlarge this image": true, "enlarge image": true, "enlarge photo": true,
	"supported by": true, "presented by": true, "sponsored by": true, "paid for by": true,
	"scroll to continue": true, "scroll to continue with content": true,
	"facebook": true, "twitter": true, "linkedin": true, "whatsapp": true, "pinterest": true, "reddit": true,
	"flipboard": true, "messenger": true, "telegram": true, "copy": true, "copied": true, "more options": true,
}

// reWidgetNumber matches a metering counter ("1 of 10 articles read") and
// a time alone on its line ("5:12 PM ET").
var reWidgetNumber = regexp.MustCompile(`(?i)^(?:\d+ of \d+ (?:free )?(?:articles?|stories)(?: read| left| remaining)?|` +
	`\d{1,2}:\d{2}\s*(?:[ap]\.?m\.?)?(?:\s+[a-z]{2,4})?)[\s.]*$`)

// widget reports a line of a page's widgets by its shape: one of
// widgetLabels, a counter or a time, a share link ("Click to share on
// Twitter (Opens in new window)") or an audio player ("Listen to this
// article · 4:32 min"). It tries a regular expression only on short lines
// that start with a digit, so that classifying stays cheap.
func widget(s string, words int) bool {
	if words <= 6 {
		if widgetLabels[strings.ToLower(strings.TrimRight(s, " .:!|•·/"))] {
			return true
		}
		if startsDigit(s) && reWidgetNumber.MatchString(s) {
			return true
		}
	}
	head := strings.ToLower(s[:min(len(s), 40)])
	for _, p := range []string{"click to share", "click to email", "click to print", "click to open", "listen to this article", "listen to this story", "listen to article", "listen to story"} {
		if strings.HasPrefix(head, p) {
			return true
		}
	}
	return words <= 12 && strings.Contains(strings.ToLower(s), "(opens in new ")
}

// meterOrLink reports a metering notice or a link's sentence (see
// reMeterOrLink).
func meterOrLink(s string) bool {
	t := strings.TrimRight(s, ".! ")
	if !(len(s) >= 3 && strings.EqualFold(s[:3], "you")) && !(len(t) >= 4 && strings.EqualFold(t[len(t)-4:], "here")) {
		return false
	}
	return reMeterOrLink.MatchString(s)
}

// isCaption reports a photo caption: a labelled line, a line that ends
// with a photo credit in parentheses or after a slash, or a short line that
// is only a photo credit ("Getty Images", "Name for The New York Times").
// The reader shows it in place, without a paragraph number.
func isCaption(s string, words int) bool {
	if reCaptionLabel.MatchString(s) {
		return true
	}
	if words > 120 {
		return false
	}
	if words <= 8 && reCreditOnly.MatchString(s) {
		return true
	}
	if m := reParenCredit.FindStringSubmatch(s); m != nil && rePhotoWord.MatchString(m[1]) {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(s)
	if r == '.' || r == '"' || r == '”' {
		return false
	}
	if words >= 3 && strings.Contains(s, ":") && reCreditTail.MatchString(s[max(0, len(s)-90):]) {
		return true
	}
	// Only the tail can hold the credit; limiting the match keeps it cheap.
	tail := s
	if len(tail) > 120 {
		cut := len(tail) - 120
		for cut < len(tail) && !utf8.RuneStart(tail[cut]) {
			cut++
		}
		tail = tail[cut:]
	}
	return reSlashCredit.MatchString(tail)
}
