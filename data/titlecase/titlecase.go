// Package titlecase changes the capitalisation of article titles for the
// citation styles: headline case for MLA 9 and Chicago 17, each with its own
// list of words kept in lower case, and sentence case for APA 7, which keeps
// capitalised only the words the article itself capitalises mid-sentence
// (names such as Peter Liang and Akai Gurley), acronyms (NYPD) and words
// written with inner capitals (#APIs4BlackLives, iPhone). It uses the
// standard library only.
package titlecase

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Lowercase is a set of words a headline-style title keeps in lower case
// unless they begin or end it or follow a colon.
type Lowercase map[string]bool

func set(words ...string) Lowercase {
	m := Lowercase{}
	for _, w := range words {
		m[w] = true
	}
	return m
}

// prepositions are lowercased by both MLA 9 and Chicago 17, whatever their
// length (MLA Handbook 9th ed., §1.2; Chicago Manual 17th ed., §8.159).
var prepositions = []string{
	"about", "above", "across", "after", "against", "along", "alongside", "amid", "amidst", "among", "amongst",
	"around", "as", "astride", "at", "atop", "before", "behind", "below", "beneath", "beside", "besides",
	"between", "beyond", "by", "circa", "despite", "down", "during", "except", "for", "from", "in", "inside",
	"into", "like", "near", "of", "off", "on", "onto", "out", "over", "per", "plus", "since", "than", "through",
	"throughout", "till", "to", "toward", "towards", "under", "underneath", "until", "unto", "up", "upon",
	"versus", "via", "with", "within", "without",
	// name particles, as in "Vincent van Gogh"
	"de", "van", "von",
}

// MLA is MLA 9's list (§1.2): articles, prepositions, the coordinating
// conjunctions (and, but, for, nor, or, so, yet) and the "to" of an
// infinitive.
var MLA = set(append([]string{"a", "an", "the", "and", "but", "nor", "or", "so", "yet"}, prepositions...)...)

// Chicago is Chicago 17's list (§8.159): articles, prepositions and the
// conjunctions and, but, for, or and nor only ("Yet" and "So" are
// capitalised).
var Chicago = set(append([]string{"a", "an", "the", "and", "but", "nor", "or"}, prepositions...)...)

// APA is APA 7's list for titles in title case (§6.17), as in-text
// citations give them: only the minor words of three letters or fewer;
// "About", "Amid" and "With" are capitalised.
var APA = set("a", "an", "the", "and", "as", "but", "for", "if", "nor", "or", "so", "yet",
	"at", "by", "in", "of", "off", "on", "per", "to", "up", "via")

// Headline returns title in headline case: every word capitalised except
// those in lower, which are lowercased unless they are the first or last
// word or follow a colon. Words already written with capitals other than
// the first letter (NYPD, #APIs4BlackLives, iPhone) are left alone, and
// each part of a hyphenated compound is treated as a word ("Ex-Cop").
func Headline(title string, lower Lowercase) string {
	words := split(title)
	for i, w := range words {
		if w.space {
			continue
		}
		first := i == firstWord(words) || afterColon(words, i)
		last := i == lastWord(words)
		parts := strings.Split(w.text, "-")
		for j, p := range parts {
			core, pre, post := trimPunct(p)
			if core == "" || mixedCase(core) {
				continue
			}
			k := strings.ToLower(core)
			// A minor word inside a compound stays lower case too
			// ("Stop-and-Frisk"), but not its first part.
			if lower[k] && (j > 0 || !first && !last && len(parts) == 1 && !adverb(words, i, k, post)) {
				parts[j] = pre + k + post
				continue
			}
			parts[j] = pre + upperFirst(core) + post
		}
		words[i].text = strings.Join(parts, "-")
	}
	return join(words)
}

// Sentence returns title in sentence case, as APA 7 wants it (§6.17): the
// first word, and the first word after a colon, capitalised; proper nouns
// kept as the article writes them. A word counts as proper when text (the
// article's body paragraphs) writes it capitalised more often than not where
// it does not begin a sentence. Acronyms and words with inner capitals are
// kept as they are. With no text to go by, the title is returned as it is:
// a proper noun lowercased is a worse mistake than a common noun
// capitalised.
func Sentence(title string, text []string) string {
	if len(text) == 0 {
		return title
	}
	caps, lowers := usage(text)
	words := split(title)
	written := sentenceCased(words)
	for i, w := range words {
		if w.space {
			continue
		}
		first := i == firstWord(words) || afterColon(words, i)
		parts := strings.Split(w.text, "-")
		for j, p := range parts {
			core, pre, post := trimPunct(p)
			if core == "" || mixedCase(core) || allCaps(core) {
				continue
			}
			if first && j == 0 {
				parts[j] = pre + upperFirst(core) + post
				continue
			}
			k := key(core)
			if isUpper(core) && (written || caps[k] > lowers[k]) {
				continue
			}
			parts[j] = pre + strings.ToLower(core) + post
		}
		words[i].text = strings.Join(parts, "-")
	}
	return join(words)
}

// sentenceCased reports whether a title is already written in sentence
// case: past its first word and the first after a colon, it writes in lower
// case a word that headline style would capitalise ("Attack stokes
// instability fears in North Africa"). Then the words it does capitalise are
// its writer's proper nouns, which Sentence keeps even where the body never
// writes them mid-sentence. Only words of letters count, so that "a.m." or
// "3rd" in a headline-style title does not pass for one.
func sentenceCased(words []word) bool {
	for i, w := range words {
		if w.space || i == firstWord(words) || afterColon(words, i) {
			continue
		}
		// The first part of a compound only: headline styles differ on
		// the rest ("Ex-cop", "Ex-Cop").
		core, _, _ := trimPunct(strings.Split(w.text, "-")[0])
		if core != "" && !MLA[core] && lettersOnly(core) && strings.ToLower(core) == core {
			return true
		}
	}
	return false
}

func lettersOnly(s string) bool {
	for _, r := range s {
		if !unicode.IsLetter(r) && r != '\'' && r != '’' {
			return false
		}
	}
	return true
}

// usage counts, for every word of text, how often it is written
// capitalised where it does not begin a sentence, and how often in lower
// case.
func usage(text []string) (caps, lowers map[string]int) {
	caps, lowers = map[string]int{}, map[string]int{}
	for _, para := range text {
		start := true
		for _, f := range strings.Fields(para) {
			for _, p := range strings.Split(f, "-") {
				core, _, _ := trimPunct(p)
				if core == "" {
					continue
				}
				k := key(core)
				switch {
				case !isUpper(core):
					lowers[k]++
				case !start:
					caps[k]++
				}
			}
			start = endsSentence(f)
		}
	}
	return caps, lowers
}

// key folds a word for counting: lower case, without a possessive "'s".
func key(w string) string {
	w = strings.ToLower(w)
	for _, s := range []string{"'s", "’s"} {
		w = strings.TrimSuffix(w, s)
	}
	return w
}

func endsSentence(w string) bool {
	w = strings.TrimRight(w, `"'”’)]`)
	return strings.HasSuffix(w, ".") || strings.HasSuffix(w, "?") || strings.HasSuffix(w, "!") || strings.HasSuffix(w, ":")
}

type word struct {
	text  string
	space bool
}

// particles are the prepositions that also serve as adverbs, the particles
// of phrasal verbs ("speak out", "crack down").
var particles = set("about", "across", "along", "around", "back", "by", "down", "in", "off", "on", "out", "over", "through", "up")

// adverb reports whether the particle k, the word at i with trailing
// punctuation post, is used as an adverb, which the manuals capitalise
// (Chicago 17 §8.159, "Look Up", "Turn Down"): when a clause ends after it,
// or another preposition follows it ("Speak Out on"), except of, to and
// from, with which it makes a compound preposition ("out of", "up to").
func adverb(ws []word, i int, k, post string) bool {
	if !particles[k] {
		return false
	}
	if strings.ContainsAny(post, ",;:—–.") {
		return true
	}
	for j := i + 1; j < len(ws); j++ {
		if ws[j].space {
			continue
		}
		core, pre, _ := trimPunct(ws[j].text)
		next := strings.ToLower(core)
		return pre == "" && prepositionSet[next] && next != "of" && next != "to" && next != "from"
	}
	return false
}

var prepositionSet = set(prepositions...)

func split(s string) []word {
	var out []word
	for s != "" {
		r, _ := utf8.DecodeRuneInString(s)
		sp := unicode.IsSpace(r)
		i := strings.IndexFunc(s, func(r rune) bool { return unicode.IsSpace(r) != sp })
		if i < 0 {
			i = len(s)
		}
		out = append(out, word{text: s[:i], space: sp})
		s = s[i:]
	}
	return out
}

func join(ws []word) string {
	var b strings.Builder
	for _, w := range ws {
		b.WriteString(w.text)
	}
	return b.String()
}

func firstWord(ws []word) int {
	for i, w := range ws {
		if !w.space {
			return i
		}
	}
	return -1
}

func lastWord(ws []word) int {
	for i := len(ws) - 1; i >= 0; i-- {
		if !ws[i].space {
			return i
		}
	}
	return -1
}

// afterColon reports whether word i follows a colon (or a question or
// exclamation mark, or a dash, that starts a subtitle).
func afterColon(ws []word, i int) bool {
	for j := i - 1; j >= 0; j-- {
		if ws[j].space {
			continue
		}
		t := strings.TrimRight(ws[j].text, `"'”’)`)
		return strings.HasSuffix(t, ":") || strings.HasSuffix(t, "?") || strings.HasSuffix(t, "!") || t == "—" || t == "–"
	}
	return false
}

// trimPunct splits w into leading punctuation, the word, and trailing
// punctuation. A hashtag's "#" and an inner apostrophe stay with the word.
func trimPunct(w string) (core, pre, post string) {
	isWord := func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
	i := strings.IndexFunc(w, isWord)
	if i < 0 {
		return "", w, ""
	}
	j := strings.LastIndexFunc(w, isWord)
	_, n := utf8.DecodeRuneInString(w[j:])
	core, pre, post = w[i:j+n], w[:i], w[j+n:]
	if strings.HasSuffix(pre, "#") {
		// "#justice" is a hashtag, which keeps its own case.
		return core, pre, post
	}
	return core, pre, post
}

// isUpper reports whether w begins with a capital letter.
func isUpper(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// mixedCase reports whether w has a capital letter after its first rune
// and a lower-case letter somewhere: "iPhone", "APIs4BlackLives", "McDonald".
func mixedCase(w string) bool {
	lower, innerUpper := false, false
	for i, r := range w {
		if unicode.IsLower(r) {
			lower = true
		}
		if i > 0 && unicode.IsUpper(r) {
			innerUpper = true
		}
	}
	return lower && innerUpper
}

// allCaps reports whether w is an acronym: two or more letters, all
// capitals ("NYPD", "AP").
func allCaps(w string) bool {
	letters := 0
	for _, r := range w {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return letters >= 2
}

func upperFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if r == utf8.RuneError {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}
