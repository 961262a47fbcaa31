package casefacts

import (
	"strings"
	"unicode"

	"github.com/casebookapp/casebook/internal/text"
)

// bracketed returns the abbreviation in brackets right after toks[:b], as
// in "Asian Pacific American Labor Alliance (APALA)".
func bracketed(toks []token, b int) string {
	if b+2 < len(toks) && toks[b].text == "(" && toks[b+1].word && acronym(toks[b+1].text) && toks[b+2].text == ")" {
		return toks[b+1].text
	}
	return ""
}

var placePreps = set(`in near outside inside across throughout within at`)

// titleModifiers may stand before a title in the role ("former Officer",
// "state Assemblyman").
var titleModifiers = set(`former then acting interim state city federal deputy rookie veteran senior late
incoming outgoing current retired ex`)

var roleStops = set(`by of the a an to from with and or in on at for as that who which said says told
including like such also then now named called
was were is are has have had will would but his her their its our`)

// roleBefore is the role a name's title gives: the lower-case words just
// before the run ("rookie NYPD officer") and the titles at its start.
func roleBefore(toks []token, k int, prefix []string) string {
	// prefix holds the run's own leading titles; toks before the run's
	// start are lower-case modifiers.
	runStart := k - len(prefix)
	var pre []string
	i := runStart - 1
	for ; i >= 0 && len(pre) < 4; i-- {
		t := toks[i]
		if !t.word || roleStops[t.text] || (capitalised(t.text) && !acronym(t.text) && !places[lowerOf(t)]) {
			break
		}
		if len(prefix) > 0 && !titleModifiers[t.text] {
			break
		}
		pre = append([]string{t.text}, pre...)
	}
	var clean []string
	for _, w := range prefix {
		if !stopWords[strings.ToLower(w)] {
			clean = append(clean, w)
		}
	}
	all := append(pre, clean...)
	if len(all) == 0 || !roleNouns[strings.ToLower(all[len(all)-1])] {
		return ""
	}
	role := strings.Join(all, " ")
	// "his friend Melissa Butler": whose friend is the person named just
	// before in the sentence.
	if i >= 0 && toks[i].word && (toks[i].text == "his" || toks[i].text == "her" || toks[i].text == "their") {
		for j := i - 1; j >= 0; j-- {
			if toks[j].word && capitalised(toks[j].text) && !notName(toks[j].text) && !acronym(toks[j].text) && j > 0 {
				role = toks[j].text + "’s " + role
				break
			}
		}
	}
	return role
}

var whoVerbsNotRole = set(`said says told was is were are had has would will could did do does`)

// appositive is the role given after a name between commas: "Paul
// Shechtman, Liang's attorney," or "Scott Rynecki, who represents
// Ballinger in a wrongful death lawsuit".
func appositive(toks []token, b int, sent string) string {
	if b >= len(toks) || toks[b].text != "," {
		return ""
	}
	k := b + 1
	end := k
	n := 0
	for end < len(toks) {
		t := toks[end]
		if !t.word && t.text != "-" && t.text != "’" && t.text != "'" && t.text != "[" && t.text != "]" {
			break
		}
		if t.word {
			n++
		}
		end++
	}
	if n == 0 || n > 16 || end == k {
		return ""
	}
	phrase := toks[k:end]
	firstW := phrase[0].text
	if strings.ContainsFunc(firstW, unicode.IsDigit) {
		return ""
	}
	text := sent[phrase[0].start:phrase[len(phrase)-1].end]
	if firstW == "who" {
		if len(phrase) < 3 || whoVerbsNotRole[phrase[1].text] || stopWords[phrase[1].text] {
			return ""
		}
		return strings.TrimPrefix(text, "who ")
	}
	// Cut a relative clause: "the unarmed African-American man who was ...".
	for i, t := range phrase {
		if i > 0 && (t.text == "who" || t.text == "which" || t.text == "whose") {
			text = strings.TrimSpace(sent[phrase[0].start:phrase[i-1].end])
			phrase = phrase[:i]
			break
		}
	}
	ok := false
	for i, t := range phrase {
		if i < 8 && roleNouns[strings.ToLower(t.text)] {
			ok = true
		}
		if whoVerbsNotRole[t.text] {
			return ""
		}
	}
	if !ok {
		return ""
	}
	for _, art := range []string{"a ", "an ", "the "} {
		text = strings.TrimPrefix(text, art)
	}
	return text
}

// initials are the capitals of a name's words, skipping "and", "of" ...
func initials(ws []string) string {
	var b strings.Builder
	for _, w := range ws {
		if connector(w) || w == "and" || w == "&" || w == "the" {
			continue
		}
		for i, part := range strings.Split(w, "-") {
			_ = i
			r := []rune(part)
			if len(r) > 0 {
				b.WriteRune(unicode.ToUpper(r[0]))
			}
		}
	}
	return b.String()
}

// variantOf reports whether w looks like a misspelling of name: the same
// first letter, five letters or more, and one or two edits apart.
func variantOf(w, name string) bool {
	if len([]rune(w)) < 5 || len([]rune(name)) < 5 || strings.EqualFold(w, name) {
		return false
	}
	if []rune(strings.ToLower(w))[0] != []rune(strings.ToLower(name))[0] {
		return false
	}
	return text.WithinEdits(strings.ToLower(w), strings.ToLower(name), 2) >= 0
}
