package cite

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/casebookapp/casebook/data"
)

// personName is a personal name split into the parts the citation styles need.
// An organisation (a group author), or any one-word name, has only a family
// part, which all three styles print as it is: never inverted, never reduced
// to initials.
type personName struct {
	given  string // "Frances Kai-Hwa"
	family string // "Wang", "van Gogh"
	suffix string // "Jr.", "III"
}

// suffixes are the generational suffixes kept apart from the family name.
var suffixes = map[string]bool{"jr": true, "jr.": true, "sr": true, "sr.": true, "ii": true, "iii": true, "iv": true}

// parseName splits a name as a user typed it. An organisation ("Associated
// Press", "NBC News Staff", "APALA") is kept whole as the family part, as APA,
// MLA and Chicago cite group authors. "Family, Given" and "Family, Given,
// Suffix" are taken as already inverted; otherwise the last word is the family
// name, together with any lower-case particles before it.
func parseName(s string) personName {
	s = strings.Join(strings.Fields(s), " ")
	if s == "" {
		return personName{}
	}
	if isOrganisation(s) {
		return personName{family: s}
	}
	if strings.Contains(s, ",") {
		parts := strings.Split(s, ",")
		for i := range parts {
			parts[i] = strings.TrimSpace(parts[i])
		}
		n := personName{family: parts[0]}
		if len(parts) > 1 {
			n.given = parts[1]
		}
		if len(parts) > 2 {
			n.suffix = strings.Join(parts[2:], " ")
		}
		// "Martin Luther King, Jr." is a suffix, not an inverted name.
		if suffixes[strings.ToLower(n.given)] && len(parts) == 2 {
			m := parseName(parts[0])
			m.suffix = n.given
			return m
		}
		return n
	}
	words := strings.Fields(s)
	var n personName
	if len(words) > 1 && suffixes[strings.ToLower(words[len(words)-1])] {
		n.suffix = words[len(words)-1]
		words = words[:len(words)-1]
	}
	i := len(words) - 1
	for i > 0 && data.NameParticle(words[i-1]) {
		i--
	}
	n.family = strings.Join(words[i:], " ")
	n.given = strings.Join(words[:i], " ")
	return n
}

// groupWords are words that mark a name as an organisation's: news outlets,
// wire services and bylines such as "Staff", and the words of institutions'
// names. A family name that is also one of these ("Press", "Post") is rare
// enough next to a byline like "Associated Press" that the byline wins.
var groupWords = map[string]bool{
	"press": true, "news": true, "times": true, "staff": true, "agency": true, "association": true,
	"alliance": true, "reuters": true, "ap": true, "afp": true, "upi": true, "wire": true, "wires": true,
	"newsroom": true, "desk": true, "editors": true, "editorial": true, "board": true, "bureau": true,
	"service": true, "services": true, "network": true, "media": true, "broadcasting": true, "radio": true,
	"television": true, "tv": true, "magazine": true, "journal": true, "tribune": true, "gazette": true,
	"herald": true, "daily": true, "weekly": true, "online": true, "committee": true, "council": true,
	"coalition": true, "federation": true, "league": true, "union": true, "society": true, "institute": true,
	"foundation": true, "organization": true, "organisation": true, "department": true, "ministry": true,
	"office": true, "university": true, "college": true, "center": true, "centre": true, "group": true,
	"company": true, "corporation": true, "inc": true, "ltd": true, "llc": true, "corp": true,
	"correspondents": true, "reporters": true,
}

// isOrganisation reports whether a name, as the user typed it, is a group
// author rather than a person: it has a word such as "Press", "News",
// "Staff" or "Association" (see groupWords), an ampersand, a leading "The",
// or an acronym of three or more capitals ("NBC", "APALA"). A name typed all
// in capitals ("PETER LIANG") is read as a person's unless one of its words
// says otherwise.
func isOrganisation(s string) bool {
	words := strings.Fields(s)
	if len(words) == 0 {
		return false
	}
	if strings.EqualFold(words[0], "the") && len(words) > 1 {
		return true
	}
	shouting := len(words) > 1
	for _, w := range words {
		if !acronym(w) {
			shouting = false
		}
	}
	for _, w := range words {
		k := strings.ToLower(strings.Trim(w, ".,;:()"))
		if w == "&" || strings.Contains(w, "&") || groupWords[k] {
			return true
		}
		if !shouting && acronym(w) && !suffixes[k] {
			return true
		}
	}
	return false
}

// acronym reports whether w is three or more capital letters (digits and
// "&" allowed), like "NBC" or "NQAPIA". Two capitals are more often a
// person's initials ("JK Rowling") and are not counted.
func acronym(w string) bool {
	letters := 0
	for _, r := range strings.Trim(w, ".,;:()") {
		switch {
		case unicode.IsUpper(r):
			letters++
		case unicode.IsDigit(r) || r == '&':
		default:
			return false
		}
	}
	return letters >= 3
}

// initials returns the APA initials of the given names: "Frances Kai-Hwa"
// becomes "F. K.-H.", and "Traci G." becomes "T. G.".
func (n personName) initials() string {
	var words []string
	for _, w := range strings.Fields(n.given) {
		var parts []string
		for _, p := range strings.Split(w, "-") {
			r, _ := utf8.DecodeRuneInString(strings.TrimLeft(p, ".("))
			if r == utf8.RuneError || !unicode.IsLetter(r) {
				continue
			}
			parts = append(parts, string(unicode.ToUpper(r))+".")
		}
		if len(parts) > 0 {
			words = append(words, strings.Join(parts, "-"))
		}
	}
	return strings.Join(words, " ")
}

// natural returns the name in reading order: "Frances Kai-Hwa Wang".
func (n personName) natural() string {
	return joinNonEmpty(" ", n.given, n.family, n.suffix)
}

// inverted returns the name family first, with the full given names:
// "Wang, Frances Kai-Hwa", or "King, Martin Luther, Jr.".
func (n personName) inverted() string {
	if n.given == "" {
		return joinNonEmpty(", ", n.family, n.suffix)
	}
	return joinNonEmpty(", ", n.family, n.given, n.suffix)
}

// particle returns the lower-case particles that begin the family name
// ("van" of "van Gogh"), and bare the rest.
func (n personName) particle() string {
	w := strings.Fields(n.family)
	i := 0
	for i < len(w)-1 && data.NameParticle(w[i]) {
		i++
	}
	return strings.Join(w[:i], " ")
}

func (n personName) bare() string {
	return strings.TrimSpace(strings.TrimPrefix(n.family, n.particle()))
}

// demoted returns the inverted name with its particles after the given
// names, as Chicago lists it: "Gogh, Vincent van, Jr.".
func (n personName) demoted() string {
	if n.particle() == "" || n.given == "" {
		return n.inverted()
	}
	return joinNonEmpty(", ", n.bare(), n.given+" "+n.particle(), n.suffix)
}

// apa returns the name as an APA reference list gives it: "Wang, F. K.-H.".
func (n personName) apa() string {
	return joinNonEmpty(", ", n.family, n.initials(), n.suffix)
}

func joinNonEmpty(sep string, parts ...string) string {
	var out []string
	for _, p := range parts {
		if p != "" {
			out = append(out, p)
		}
	}
	return strings.Join(out, sep)
}
