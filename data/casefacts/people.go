package casefacts

import (
	"cmp"
	"slices"
	"strings"
	"sync/atomic"
	"unicode"
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

var connectors = set(`de van von der den da di du la le of for`)

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
			if toks[j].word && connectors[toks[j].text] && capWord(j+1) && !toks[j-1].poss {
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
		if stopWords[l] || days[l] || months[l] || (initial && !acronym(w) && lower[strings.ToLower(w)]) || connectors[w] {
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
	for a < b && (stopWords[lowerOf(toks[a])] || days[lowerOf(toks[a])] || months[lowerOf(toks[a])] || connectors[toks[a].text]) {
		a++
	}
	for b > a && connectors[toks[b-1].text] {
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
		for s < h-1 && connectors[ws[s].text] {
			s++
		}
		end := h + 1
		for end < len(ws) && isDigits(ws[end].text) {
			end++
		}
		if end+1 < len(ws) && connectors[ws[end].text] {
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
		if connectors[t.text] {
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
		if !capitalised(t.text) && !connectors[t.text] {
			return false
		}
	}
	return true
}

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
		if connectors[w] || w == "and" || w == "&" || w == "the" {
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
	return EditDistance(strings.ToLower(w), strings.ToLower(name), 2) >= 0
}

// ent is an entity being built.
type ent struct {
	Entity
	forms    map[string]bool
	refs     map[Ref]bool
	first    int
	apposed  bool
	articles map[int64]bool
}

func (e *ent) mention(c cand, form string) {
	if form != "" {
		e.forms[form] = true
	}
	e.articles[c.ref.Article] = true
	if !e.refs[c.ref] {
		e.refs[c.ref] = true
		e.Mentions = append(e.Mentions, c.ref)
	}
	if c.role != "" && (e.Role == "" || c.apposed && !e.apposed) {
		e.Role, e.apposed = c.role, c.apposed
	}
}

// personKey identifies a person by given name and surname, ignoring middle
// initials.
func personKey(ws []string) string {
	var keep []string
	for i, w := range ws {
		if i > 0 && i < len(ws)-1 && strings.HasSuffix(w, ".") {
			continue
		}
		keep = append(keep, strings.ToLower(w))
	}
	return strings.Join(keep, " ")
}

func (x *extractor) resolve() []Entity {
	var list []*ent
	byKey := map[string]*ent{}
	get := func(key, name, kind string, order int) *ent {
		if e := byKey[key]; e != nil {
			return e
		}
		e := &ent{Entity: Entity{Name: name, Kind: kind}, first: order, forms: map[string]bool{}, refs: map[Ref]bool{}, articles: map[int64]bool{}}
		byKey[key] = e
		list = append(list, e)
		return e
	}

	// Organisations with a full name, and the abbreviations given for them.
	acrOrg := map[string]*ent{}
	for _, c := range x.cands {
		if c.kind != Organisation || c.isAcr {
			continue
		}
		if c.acr != "" && strings.EqualFold(c.words[0], c.acr) {
			// "CAAAV Organizing Asian Communities": known by its abbreviation.
			e := acrOrg[c.acr]
			if e == nil {
				e = get("org:"+strings.ToLower(c.acr), c.acr, Organisation, c.order)
				acrOrg[c.acr] = e
			}
			e.mention(c, c.text())
			continue
		}
		e := get("org:"+strings.ToLower(c.text()), c.text(), Organisation, c.order)
		e.mention(c, "")
		if c.acr != "" && initials(c.words) == strings.TrimSuffix(c.acr, "s") {
			acrOrg[c.acr] = e
			e.forms[c.acr] = true
		}
	}
	// Abbreviations alone: merged with the organisation they abbreviate.
	for _, c := range x.cands {
		if c.kind != Organisation || !c.isAcr {
			continue
		}
		a := c.words[0]
		e := acrOrg[a]
		if e == nil {
			for _, o := range list {
				if o.Kind == Organisation && initials(strings.Fields(o.Name)) == a {
					e = o
					break
				}
			}
		}
		if e == nil {
			e = get("org:"+strings.ToLower(a), a, Organisation, c.order)
			acrOrg[a] = e
		}
		e.mention(c, a)
	}

	// People named in full. A full name a letter or two from another in the
	// same article, with the same given name, is a variant.
	type personInArt struct {
		e     *ent
		words []string
	}
	inArt := map[int64][]personInArt{}
	count := map[string]int{}
	for _, c := range x.cands {
		if c.kind == Person {
			count[personKey(c.words)]++
		}
	}
	var variants []cand
	for _, c := range x.cands {
		if c.kind != Person {
			continue
		}
		key := personKey(c.words)
		if byKey["p:"+key] == nil {
			var canon *ent
			for _, p := range inArt[c.ref.Article] {
				pw := p.words
				if strings.EqualFold(pw[0], c.words[0]) && variantOf(c.words[len(c.words)-1], pw[len(pw)-1]) && count[personKey(pw)] >= count[key] {
					canon = p.e
				}
			}
			if canon != nil {
				variants = append(variants, c)
				continue
			}
		}
		e := get("p:"+key, c.text(), Person, c.order)
		if len(c.text()) > len(e.Name) {
			e.forms[e.Name] = true
			e.Name = c.text()
		}
		e.mention(c, c.text())
		found := false
		for _, p := range inArt[c.ref.Article] {
			if p.e == e {
				found = true
			}
		}
		if !found {
			inArt[c.ref.Article] = append(inArt[c.ref.Article], personInArt{e, c.words})
		}
	}
	// Single words: a surname or given name of a person named in full in the
	// same article, or of the only such person in the library.
	for _, c := range x.cands {
		if c.kind != "" {
			if c.kind == Person && byKey["p:"+personKey(c.words)] == nil {
				variants = append(variants, c)
			}
			continue
		}
		w := c.words[0]
		var match *ent
		for _, part := range []int{-1, 0} { // surname, then given name
			for _, p := range inArt[c.ref.Article] {
				pw := p.words
				i := len(pw) - 1
				if part == 0 {
					i = 0
				}
				if strings.EqualFold(pw[i], w) && match == nil {
					match = p.e
				}
			}
		}
		if match == nil {
			var only []*ent
			for _, e := range list {
				if e.Kind == Person {
					f := strings.Fields(e.Name)
					if strings.EqualFold(f[len(f)-1], w) {
						only = append(only, e)
					}
				}
			}
			if len(only) == 1 {
				match = only[0]
			}
		}
		if match != nil {
			match.mention(c, w)
			continue
		}
		variants = append(variants, c)
	}
	// Variants: spellings a letter or two from a name in the same article.
	for _, c := range variants {
		w := c.words[len(c.words)-1]
		var canon *ent
		for _, p := range inArt[c.ref.Article] {
			if variantOf(w, p.words[len(p.words)-1]) {
				canon = p.e
				break
			}
		}
		if canon == nil {
			continue // unsure: leave it out
		}
		e := get("v:"+strings.ToLower(c.text()), c.text(), Person, c.order)
		e.VariantOf = canon.Name
		e.mention(c, "")
	}

	refOrder := map[Ref]int{}
	for _, c := range x.cands {
		if _, ok := refOrder[c.ref]; !ok {
			refOrder[c.ref] = c.order
		}
	}
	out := make([]Entity, 0, len(list))
	for _, e := range list {
		if len(e.Mentions) == 0 {
			continue
		}
		slices.SortFunc(e.Mentions, func(a, b Ref) int { return cmp.Compare(refOrder[a], refOrder[b]) })
		e.Aliases = []string{}
		for f := range e.forms {
			if f != e.Name {
				e.Aliases = append(e.Aliases, f)
			}
		}
		slices.Sort(e.Aliases)
		out = append(out, e.Entity)
	}
	SortEntities(out)
	return out
}

// SortEntities orders entries by kind (people first), then by the number of
// passages that mention them (most first), then by name.
func SortEntities(es []Entity) {
	slices.SortStableFunc(es, func(a, b Entity) int {
		if a.Kind != b.Kind {
			if a.Kind == Person {
				return -1
			}
			return 1
		}
		if c := cmp.Compare(len(b.Mentions), len(a.Mentions)); c != 0 {
			return c
		}
		return cmp.Compare(strings.ToLower(a.Name), strings.ToLower(b.Name))
	})
}
