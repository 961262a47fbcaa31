package casefacts

import (
	"strings"
	"sync/atomic"
	"unicode"

	"github.com/casebookapp/casebook/data"
)

// Entity kinds.
const (
	Person       = "person"
	Organisation = "organisation"
)

// Entity is one person or organisation of the index.
type Entity struct {
	Name string `json:"name"`
	Kind string `json:"kind"`
	// Role is taken from the text: an appositive ("Liang's attorney") or a
	// title before the name ("Brooklyn District Attorney").
	Role string `json:"role"`
	// Aliases are the other forms the articles use: a surname alone, a
	// given name, an abbreviation or its full name.
	Aliases []string `json:"aliases"`
	// Mentions are the passages that name the entity, in reading order.
	Mentions []Ref `json:"mentions"`
	// VariantOf names the entry this one is probably a misspelling of: a
	// spelling that differs by a letter or two from a name in the same
	// article. The source may be wrong; a student citing it should check.
	VariantOf string `json:"variant_of"`
}

// cand is one name as found in a passage, before the forms are merged.
type cand struct {
	kind    string // Person, Organisation, or "" for a single word to resolve
	words   []string
	surface string // an organisation's name as written, possessives kept
	acr     string // an organisation's abbreviation, given beside it or leading it
	isAcr   bool   // the name is itself an abbreviation
	role    string
	apposed bool // role is an appositive, which wins over a title
	ref     Ref
	order   int
}

func (c cand) text() string {
	if c.surface != "" {
		return c.surface
	}
	return strings.Join(c.words, " ")
}

// span is the text of a sentence from the first to the last token.
func span(sent string, ts []token) string {
	last := ts[len(ts)-1]
	end := last.end
	if last.poss {
		// "Stanford University's Center": the name, not its possessive.
		end = last.start + len(last.text)
	}
	s := sent[ts[0].start:end]
	return strings.Join(strings.Fields(s), " ")
}

// People finds the people and organisations the articles name. Articles are
// read in the order given; the result is ordered by kind (people first),
// then by the number of passages that mention each entry, then by name.
//
// The rules, in order:
//
//  1. Only body and caption passages are read; a caption loses its photo
//     credit. Each sentence is split into words, and runs of capitalised
//     words (with "de", "van", "of", "for" between them) are candidates.
//  2. A run loses the words that cannot start a name: sentence starters,
//     days, months, peoples ("Asian-American"), and at the start of a
//     sentence a word the article also uses in lower case ("Police").
//  3. A run with an organisation's head word ("Association", "Department",
//     "Authority", "News" ...) or after a word such as "group" is an
//     organisation; an abbreviation in capitals is one unless it is a
//     title or a people ("DA", "AAPI"). A name ending in a facility word
//     ("Houses", "Court") is a place and is left out, as are runs made only
//     of places and titles.
//  4. Otherwise the titles and places in front ("Brooklyn District
//     Attorney", "Justice") are the role, and two to four capitalised words
//     that follow are a person's name. A single word is kept only when it
//     is the surname or given name of a person the same article names in
//     full (or, failing that, the only such person in the library), or a
//     spelling a letter or two from such a surname (then it is flagged as a
//     variant).
//  5. An abbreviation in brackets after a name ("Asian Pacific American
//     Labor Alliance (APALA)"), or whose letters are the initials of an
//     organisation's name, is merged with it.
//  6. The role is the first appositive ("Paul Shechtman, Liang's attorney,")
//     or else the first title before the name ("rookie NYPD officer").
func People(arts []Article) []Entity {
	// Each article is read on its own (in parallel), then the names are
	// merged in article order, so the result does not depend on timing.
	return peopleFrom(parallel(arts, articleNames))
}

// articleNames reads the names of one article.
func articleNames(a Article) []cand {
	x := &extractor{}
	x.article(a)
	return x.cands
}

// peopleFrom merges the names read from each article, in article order.
func peopleFrom(per [][]cand) []Entity {
	x := &extractor{}
	for _, cs := range per {
		for _, c := range cs {
			c.order = len(x.cands)
			x.cands = append(x.cands, c)
		}
	}
	return x.resolve()
}

// Extract builds both the people index and the timeline, reading each
// article once. progress, if set, is called after each article with the
// number read and the total, from the goroutines that read them.
func Extract(arts []Article, progress func(done, total int)) ([]Entity, []Event) {
	type read struct {
		names   []cand
		reports []Source
	}
	var done atomic.Int64
	per := parallel(arts, func(a Article) read {
		r := read{articleNames(a), articleEvents(a)}
		if n := done.Add(1); progress != nil {
			progress(int(n), len(arts))
		}
		return r
	})
	names := make([][]cand, len(per))
	var srcs []Source
	for i, r := range per {
		names[i] = r.names
		srcs = append(srcs, r.reports...)
	}
	return peopleFrom(names), mergeEvents(srcs, arts)
}

type extractor struct {
	cands []cand
}

func (x *extractor) article(a Article) {
	lower := lowerWords(a)
	readPassages(a, func(text string, ref Ref) {
		for _, s := range sentences(dateline.ReplaceAllString(text, "")) {
			x.sentence(s, ref, lower)
		}
	})
}

// lowerWords is the set of words the article uses in lower case.
func lowerWords(a Article) map[string]bool {
	m := map[string]bool{}
	for _, p := range a.Passages {
		if !readable(p.Kind) {
			continue
		}
		for _, f := range strings.FieldsFunc(p.Text, func(r rune) bool { return !unicode.IsLetter(r) }) {
			if unicode.IsLower([]rune(f)[0]) {
				m[f] = true
			}
		}
	}
	return m
}

// connector reports a word that may stand between the capitalised words
// of one name: a name particle ("van", "bin") or, in an organisation's
// name, "of" and "for".
func connector(w string) bool { return data.NameParticle(w) || w == "of" || w == "for" }

func (x *extractor) sentence(s string, ref Ref, lower map[string]bool) {
	toks := tokenize(s)
	first := -1
	for i, t := range toks {
		if t.word {
			first = i
			break
		}
	}
	capWord := func(i int) bool {
		return i < len(toks) && toks[i].word && (capitalised(toks[i].text) || isDigits(toks[i].text) && i+1 < len(toks) && toks[i+1].word && capitalised(toks[i+1].text))
	}
	for i := 0; i < len(toks); {
		if !capWord(i) || strings.HasPrefix(toks[i].text, "#") {
			i++
			continue
		}
		j := i + 1
		for j < len(toks) {
			if capWord(j) && !strings.HasPrefix(toks[j].text, "#") {
				j++
				continue
			}
			// "Community Board 5", "Local 100".
			if toks[j].word && isDigits(toks[j].text) && orgHeads[lowerOf(toks[j-1])] {
				j++
				continue
			}
			if toks[j].word && connector(toks[j].text) && capWord(j+1) && !toks[j-1].poss {
				j += 2
				continue
			}
			// "World Travel and Tourism Council": "and" inside an
			// organisation's name.
			if toks[j].word && (toks[j].text == "and" || toks[j].text == "&") && capWord(j+1) {
				k := j + 1
				for k < len(toks) && capWord(k) {
					k++
				}
				if orgHeads[lowerOf(toks[k-1])] {
					j = k
					continue
				}
			}
			break
		}
		x.run(toks, i, j, i == first, ref, lower, s)
		i = j
	}
}

func isDigits(w string) bool {
	for _, r := range w {
		if !unicode.IsDigit(r) {
			return false
		}
	}
	return w != ""
}

// run handles the capitalised run toks[a:b].
func (x *extractor) run(toks []token, a, b int, initial bool, ref Ref, lower map[string]bool, sent string) {
	for a < b {
		w := toks[a].text
		l := lowerOf(toks[a])
		if stopWords[l] || isWeekday(l) || data.MonthNumber(l) > 0 || (initial && !acronym(w) && lower[strings.ToLower(w)]) || connector(w) {
			a++
			initial = false
			continue
		}
		break
	}
	// "al-Qaeda-linked": an adjective, not a name.
	for b > a {
		w := toks[b-1].text
		if i := strings.LastIndex(w, "-"); i > 0 && adjSuffixes[strings.ToLower(w[i+1:])] {
			b--
			continue
		}
		break
	}
	if a >= b {
		return
	}
	// Split after possessives ("APALA's Executive Director"), but keep an
	// organisation's name whole ("Patrolmen's Benevolent Association").
	start := a
	for k := a; k < b; k++ {
		if toks[k].poss && k+1 < b {
			if k == start && pluralPossessor(toks[k].text) && headIn(toks[k+1:b]) {
				continue
			}
			x.segment(toks, start, k+1, ref, sent)
			start = k + 1
		}
	}
	x.segment(toks, start, b, ref, sent)
}

// pluralPossessor is a word that owns an organisation's name: "Patrolmen's
// Benevolent Association", "Veterans' Affairs".
func pluralPossessor(w string) bool {
	l := strings.ToLower(w)
	return strings.HasSuffix(l, "men") || strings.HasSuffix(l, "ren") || strings.HasSuffix(l, "people") || strings.HasSuffix(l, "s")
}

func headIn(ts []token) bool {
	for _, t := range ts {
		if orgHeads[strings.ToLower(t.text)] {
			return true
		}
	}
	return false
}

func lowerOf(t token) string { return strings.ToLower(strings.TrimSuffix(t.text, ".")) }

// segment classifies toks[a:b], a run without an inner possessive.
func (x *extractor) segment(toks []token, a, b int, ref Ref, sent string) {
	for a < b && (stopWords[lowerOf(toks[a])] || isWeekday(lowerOf(toks[a])) || data.MonthNumber(lowerOf(toks[a])) > 0 || connector(toks[a].text)) {
		a++
	}
	for b > a && connector(toks[b-1].text) {
		b--
	}
	if a >= b {
		return
	}
	add := func(c cand) {
		c.ref = ref
		c.order = len(x.cands)
		x.cands = append(x.cands, c)
	}
	ws := toks[a:b]
	last := lowerOf(ws[len(ws)-1])
	if facilityWords[last] && !orgHeads[last] && !anyTitle(ws[:len(ws)-1]) {
		return
	}
	before := toks[:a]
	// An abbreviation leading a name: "CAAAV Organizing Asian Communities".
	if acronym(ws[0].text) && !badAcronyms[strings.ToLower(ws[0].text)] && len(ws) > 1 {
		rest := ws[1:]
		if !anyTitle(rest) && !headIn(rest) && allCapitalised(rest) {
			add(cand{kind: Organisation, words: words(ws), surface: span(sent, ws), acr: ws[0].text, role: appositive(toks, b, sent)})
			return
		}
	}
	// An organisation's head word.
	h := -1
	for k, t := range ws {
		if orgHeads[lowerOf(t)] {
			h = k
		}
	}
	if h >= 0 {
		s := 0
		// After the last title before the head: "Asia Digital Editor for
		// NBC News", "Former New York Police Department".
		for k := h - 1; k >= 0; k-- {
			if w := lowerOf(ws[k]); (titleWords[w] && !orgWordTitles[w]) || stopWords[w] && w != "and" {
				if k+1 < h {
					s = k + 1
				}
				break
			}
		}
		for s < h-1 && connector(ws[s].text) {
			s++
		}
		end := h + 1
		for end < len(ws) && isDigits(ws[end].text) {
			end++
		}
		if end+1 < len(ws) && connector(ws[end].text) {
			end = len(ws)
		}
		if end-s >= 2 {
			c := cand{kind: Organisation, words: words(ws[s:end]), surface: span(sent, ws[s:end])}
			if end == len(ws) {
				c.acr = bracketed(toks, b)
				if c.acr != "" {
					c.role = appositive(toks, b+3, sent)
				} else {
					c.role = appositive(toks, b, sent)
				}
			}
			add(c)
		}
		if end < len(ws) {
			x.person(toks, a+end, b, ref, sent, words(ws[:end]), add)
		}
		return
	}
	// After "group", "organization" ...: an organisation.
	if len(before) > 0 && before[len(before)-1].word && orgNouns[before[len(before)-1].text] && len(ws) >= 2 && (!anyTitle(ws) || hasConnector(ws)) {
		add(cand{kind: Organisation, words: words(ws), surface: span(sent, ws), role: roleBefore(toks, a, nil)})
		return
	}
	// Before "party", "group" ...: "the Ennahda party".
	if b < len(toks) && toks[b].word && orgNouns[toks[b].text] && !anyTitle(ws) && !placeRun(ws) {
		add(cand{kind: Organisation, words: words(ws), surface: span(sent, ws)})
		return
	}
	x.person(toks, a, b, ref, sent, nil, add)
}

// headNoun is the head of a role: the word before "of", "for" ... or the
// last word ("president of Patrolmen's Benevolent Association" → president).
func headNoun(role string) string {
	f := strings.Fields(role)
	for i, w := range f {
		if i > 0 && (w == "of" || w == "for" || w == "at" || w == "in" || w == "with" || w == "that" || w == "to") {
			return f[i-1]
		}
	}
	return f[len(f)-1]
}

var adjSuffixes = set(`linked based backed led owned run controlled affiliated aligned funded style
born made era inspired allied sponsored`)

func placeRun(ts []token) bool {
	for _, t := range ts {
		if !places[lowerOf(t)] {
			return false
		}
	}
	return true
}

// orgWordTitles are titles that also start organisations' names ("State
// Department", "Police Department", "Justice Department").
var orgWordTitles = set(`state police federal public supreme district justice defense defence interior foreign
finance education health labor labour national`)

// person reads a title-prefixed name from toks[a:b]; orgPrefix is an
// organisation's name already read in front of it, part of the role.
func (x *extractor) person(toks []token, a, b int, ref Ref, sent string, orgPrefix []string, add func(cand)) {
	var prefix []string
	prefix = append(prefix, orgPrefix...)
	k := a
	for k < b {
		w := lowerOf(toks[k])
		if titleWords[w] || places[w] || demonyms[w] || stopWords[w] || acronym(toks[k].text) {
			if acronym(toks[k].text) && !badAcronyms[strings.ToLower(toks[k].text)] && !(ref.Kind == "caption" && creditAgencies[w]) {
				// An organisation named in the title: "NYPD Officer".
				add(cand{kind: Organisation, words: []string{toks[k].text}, isAcr: true})
			}
			prefix = append(prefix, toks[k].text)
			k++
			continue
		}
		break
	}
	// "Interior Minister Lee Sang-min": the name follows the last title.
	for i := b - 1; i > k; i-- {
		if titleWords[lowerOf(toks[i-1])] && capitalised(toks[i].text) {
			for _, t := range toks[k:i] {
				prefix = append(prefix, t.text)
			}
			k = i
			break
		}
	}
	name := toks[k:b]
	if len(name) == 0 {
		return
	}
	// A group of people: "Tunisian Islamists".
	if lw := strings.ToLower(name[len(name)-1].text); len(name) > 1 && (strings.HasSuffix(lw, "ists") || strings.HasSuffix(lw, "ians") || strings.HasSuffix(lw, "ites")) {
		return
	}
	for _, t := range name {
		w := lowerOf(t)
		if titleWords[w] && len(name) == 1 || places[w] || facilityWords[w] && len(prefix) == 0 || notName(t.text) || strings.ContainsFunc(t.text, unicode.IsDigit) {
			return
		}
		if acronym(t.text) && utf8Len(t.text) > 1 && !strings.HasSuffix(t.text, ".") {
			if len(name) == 1 && !badAcronyms[w] && !(ref.Kind == "caption" && creditAgencies[w]) {
				add(cand{kind: Organisation, words: []string{t.text}, isAcr: true, acr: t.text})
			}
			return
		}
	}
	if len(name) > 4 {
		return
	}
	c := cand{words: words(name)}
	if len(name) >= 2 {
		c.kind = Person
		// "in Hong Kong", "near Sirte": a place, unless a title says
		// otherwise.
		if len(prefix) == 0 && k > 0 && toks[k-1].word && placePreps[toks[k-1].text] {
			return
		}
	}
	if r := appositive(toks, b, sent); r != "" {
		c.role, c.apposed = r, true
		// "Amnesty International, a London-based rights group".
		if orgNouns[strings.ToLower(headNoun(r))] {
			c.kind = Organisation
			c.surface = span(sent, name)
		}
	} else {
		c.role = roleBefore(toks, k, prefix)
	}
	add(c)
}

func utf8Len(s string) int { return len([]rune(s)) }

func words(ts []token) []string {
	out := make([]string, len(ts))
	for i, t := range ts {
		out[i] = t.text
	}
	return out
}

func hasConnector(ts []token) bool {
	for _, t := range ts {
		if connector(t.text) {
			return true
		}
	}
	return false
}

func anyTitle(ts []token) bool {
	for _, t := range ts {
		if titleWords[lowerOf(t)] {
			return true
		}
	}
	return false
}

func allCapitalised(ts []token) bool {
	for _, t := range ts {
		if !capitalised(t.text) && !connector(t.text) {
			return false
		}
	}
	return true
}
