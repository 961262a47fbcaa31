package cite

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/casebookapp/casebook/data"
)

// Name is a personal name split into the parts the citation styles need.
// An organisation (a group author), or any one-word name, has only a Family
// part, which all three styles print as it is: never inverted, never reduced
// to initials.
type Name struct {
	Given  string // "Frances Kai-Hwa"
	Family string // "Wang", "van Gogh"
	Suffix string // "Jr.", "III"
}

// suffixes are the generational suffixes kept apart from the family name.
var suffixes = map[string]bool{"jr": true, "jr.": true, "sr": true, "sr.": true, "ii": true, "iii": true, "iv": true}

// ParseName splits a name as a user typed it. An organisation ("Associated
// Press", "NBC News Staff", "APALA") is kept whole as the Family part, as APA,
// MLA and Chicago cite group authors. "Family, Given" and "Family, Given,
// Suffix" are taken as already inverted; otherwise the last word is the family
// name, together with any lower-case particles before it.
func ParseName(s string) Name {
	s = strings.Join(strings.Fields(s), " ")
	if s == "" {
		return Name{}
	}
	if Organisation(s) {
		return Name{Family: s}
	}
	if strings.Contains(s, ",") {
		parts := strings.Split(s, ",")
		for i := range parts {
			parts[i] = strings.TrimSpace(parts[i])
		}
		n := Name{Family: parts[0]}
		if len(parts) > 1 {
			n.Given = parts[1]
		}
		if len(parts) > 2 {
			n.Suffix = strings.Join(parts[2:], " ")
		}
		// "Martin Luther King, Jr." is a suffix, not an inverted name.
		if suffixes[strings.ToLower(n.Given)] && len(parts) == 2 {
			m := ParseName(parts[0])
			m.Suffix = n.Given
			return m
		}
		return n
	}
	words := strings.Fields(s)
	var n Name
	if len(words) > 1 && suffixes[strings.ToLower(words[len(words)-1])] {
		n.Suffix = words[len(words)-1]
		words = words[:len(words)-1]
	}
	i := len(words) - 1
	for i > 0 && data.NameParticle(words[i-1]) {
		i--
	}
	n.Family = strings.Join(words[i:], " ")
	n.Given = strings.Join(words[:i], " ")
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

// Organisation reports whether a name, as the user typed it, is a group
// author rather than a person: it has a word such as "Press", "News",
// "Staff" or "Association" (see groupWords), an ampersand, a leading "The",
// or an acronym of three or more capitals ("NBC", "APALA"). A name typed all
// in capitals ("PETER LIANG") is read as a person's unless one of its words
// says otherwise.
func Organisation(s string) bool {
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

// Initials returns the APA initials of the given names: "Frances Kai-Hwa"
// becomes "F. K.-H.", and "Traci G." becomes "T. G.".
func (n Name) Initials() string {
	var words []string
	for _, w := range strings.Fields(n.Given) {
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

// Natural returns the name in reading order: "Frances Kai-Hwa Wang".
func (n Name) Natural() string {
	return joinNonEmpty(" ", n.Given, n.Family, n.Suffix)
}

// Inverted returns the name family first, with the full given names:
// "Wang, Frances Kai-Hwa", or "King, Martin Luther, Jr.".
func (n Name) Inverted() string {
	if n.Given == "" {
		return joinNonEmpty(", ", n.Family, n.Suffix)
	}
	return joinNonEmpty(", ", n.Family, n.Given, n.Suffix)
}

// particle returns the lower-case particles that begin the family name
// ("van" of "van Gogh"), and bare the rest.
func (n Name) particle() string {
	w := strings.Fields(n.Family)
	i := 0
	for i < len(w)-1 && data.NameParticle(w[i]) {
		i++
	}
	return strings.Join(w[:i], " ")
}

func (n Name) bare() string {
	return strings.TrimSpace(strings.TrimPrefix(n.Family, n.particle()))
}

// demoted returns the inverted name with its particles after the given
// names, as Chicago lists it: "Gogh, Vincent van, Jr.".
func (n Name) demoted() string {
	if n.particle() == "" || n.Given == "" {
		return n.Inverted()
	}
	return joinNonEmpty(", ", n.bare(), n.Given+" "+n.particle(), n.Suffix)
}

// APA returns the name as an APA reference list gives it: "Wang, F. K.-H.".
func (n Name) APA() string {
	return joinNonEmpty(", ", n.Family, n.Initials(), n.Suffix)
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
