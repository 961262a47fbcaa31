package ingest

import (
	"path/filepath"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/casebookapp/casebook/data"
)

// Finding the headline of an article in a page's copy.

// findTitle returns the index of the article's headline, or -1. The
// headline is looked for from twenty paragraphs above the byline (or,
// without one, the article's first paragraph) to some way into the run of
// prose, which can open with a notice that is not the article's. Each
// candidate (a short line shaped like a headline) scores for its shape,
// for being repeated on the page (sites print the headline twice), for
// echoing the file's name and the three paragraphs of prose under it, and
// for standing right above the byline or a dateline; it loses for its
// distance, and for the prose it would leave out of the article.
func findTitle(paras []para, info []blockInfo, start, end, byline int, source string) int {
	ref := start
	if byline >= 0 && byline < start {
		ref = byline
	}
	lo := max(0, ref-20)
	nameKey := fileNameKey(source)
	// next[i] is the first prose paragraph after i (len(paras) for none).
	next := make([]int, len(paras)+1)
	next[len(paras)] = len(paras)
	for i := len(paras) - 1; i >= 0; i-- {
		next[i] = next[i+1]
		if i+1 < len(paras) && info[i+1].prose {
			next[i] = i + 1
		}
	}
	words := map[int][]string{}
	ledeOf := func(i int) map[string]bool {
		lede := map[string]bool{}
		for j, n := next[i], 0; j < len(paras) && j <= max(i, start)+15 && n < 3; j, n = next[j], n+1 {
			ws, ok := words[j]
			if !ok {
				ws = strings.Fields(cjkSpaced(textKey(paras[j].text)))
				words[j] = ws
			}
			for _, w := range ws {
				lede[w] = true
			}
		}
		return lede
	}
	// Where each repeated line stands: a line printed again inside the
	// article is a subheading listed in a table of contents, not the
	// headline.
	at := map[string][]int{}
	for i := range paras {
		if info[i].repeated {
			at[info[i].key] = append(at[info[i].key], i)
		}
	}
	keys := make([]string, len(paras)) // textKey of each paragraph, made when needed
	best, bestScore := -1, 0.0
	skipped := 0
	for i := lo; i < len(paras) && i <= end; i++ {
		p := paras[i]
		if info[i].prose {
			if i >= start {
				skipped += info[i].units
				if skipped > 250 {
					break
				}
			}
			continue
		}
		if p.kind != data.KindBody && p.kind != data.KindTitle {
			continue
		}
		sc, ok := titleScore(p.text, info[i], nameKey, ledeOf(i))
		for _, j := range at[info[i].key] {
			if j != i && j > start+1 && j <= end {
				sc -= 4
				break
			}
		}
		if !ok {
			continue
		}
		if !info[i].repeated && quotedElsewhere(paras, info, keys, i) {
			// The page prints the headline again inside a line of its
			// furniture: a breadcrumb, a series' label, a share prompt.
			sc += 1.5
		}
		// Where the line stands: above the byline or the date, or under
		// them.
		nx := i + 1
		for nx < len(paras) && paras[nx].kind == data.KindDateline {
			nx++
		}
		// A line with a date in a few words reads as the article's
		// dateline, whatever else it says ("Posted by jane on
		// 2019-02-15", "Jane Doe Monday, February 29, 2016 @ 11:10 PM").
		datedAt := func(j int) bool {
			return j >= 0 && j < len(paras) && (paras[j].kind == data.KindByline || paras[j].kind == data.KindDateline ||
				paras[j].kind == data.KindBody && !info[j].prose && (info[j].units <= 20 || info[j].units <= 40 && strings.ContainsFunc(paras[j].text, isCJK)) &&
					len(findDates(paras[j].text)) > 0)
		}
		switch {
		case nx == byline:
			sc += 4
		case i+2 == byline && byline < len(paras) && info[i].units >= 4 && !info[i+1].prose && info[i+1].units >= 6 && paras[i+1].kind == data.KindBody &&
			!strings.HasSuffix(paras[i+1].text, ":") && !info[i+1].repeated:
			// The headline over its dek, over the byline. (A line printed
			// twice on the page is the headline itself, under a kicker.)
			sc += 3
		case datedAt(i + 1):
			sc += 3
		}
		if datedAt(i-1) && i >= 2 && (paras[i-2].kind == data.KindByline || headlineLike(paras[i-2].text) && info[i-2].units >= 4) {
			// The headline stands above the byline and the date; a line
			// under them is a dek or a subheading. (A date under the
			// site's name or a menu heads a post: a blog's post shows its
			// date over its headline.)
			sc -= 2
		}
		if i == 0 && info[i].units <= 3 {
			// A short line opening the page's copy is the site's name,
			// its masthead.
			sc -= 3
		}
		if sc < 3 {
			continue
		}
		// How far it stands from the article.
		sc -= 0.1 * float64(max(ref-i, 0))
		if skipped > 0 {
			// A subheading inside the article echoes the paragraphs
			// under it too: leaving prose out costs.
			sc -= 0.03 * float64(skipped)
			if skipped >= 40 {
				sc -= 2
			}
		}
		if debugTitle != nil {
			debugTitle(i, sc)
		}
		if sc > bestScore {
			best, bestScore = i, sc
		}
	}
	return best
}

// titleScore scores a line as the headline; ok is false for a line that
// cannot be one. The strongest sign is the lede's echo: a headline's words
// come back in the article's first paragraphs, a menu's or a share bar's
// do not.
func titleScore(text string, b blockInfo, nameKey string, lede map[string]bool) (float64, bool) {
	if b.units < 2 || b.units > 40 || strings.HasSuffix(text, ":") || reCaptionInside.MatchString(text) {
		return 0, false
	}
	last, _ := utf8.DecodeLastRuneInString(text)
	sc := 0.0
	switch {
	case headlineLike(text):
		sc += 1.5
	case shortUnpunctuated(text) || last == '?' || last == '!':
		sc += 0.5
	case last == '.' || last == ',':
		return 0, false
	}
	switch {
	case b.units <= 3:
		sc -= 2
	case b.units >= 6:
		sc++
	}
	if b.repeated {
		sc += 2.5
	}
	if b.units > 14 {
		// A dek or a teaser's sentence rather than a headline.
		sc -= 0.15 * float64(b.units-14)
	}
	key := textKey(text)
	if nameKey != "" {
		sc += 4 * nameEcho(nameKey, key)
	}
	words, echoed := 0, 0
	for _, w := range strings.Fields(cjkSpaced(key)) {
		if utf8.RuneCountInString(w) < 4 && !isCJKWord(w) || functionWords[w] {
			continue
		}
		words++
		if lede[w] {
			echoed++
		}
	}
	if words > 0 {
		sc += 5*float64(echoed)/float64(words) + float64(min(echoed, 3))
	}
	return sc, true
}

// quotedElsewhere reports a line of three words or more that another,
// longer line of the page's furniture (not prose) holds word for word.
// keys caches the paragraphs' textKey, spaced at both ends.
func quotedElsewhere(paras []para, info []blockInfo, keys []string, i int) bool {
	if info[i].units < 3 {
		return false
	}
	key := func(j int) string {
		if keys[j] == "" {
			keys[j] = " " + textKey(paras[j].text) + " "
		}
		return keys[j]
	}
	for j := range paras {
		if j == i || info[j].prose || info[j].units <= info[i].units || info[j].units > 40 {
			continue
		}
		if strings.Contains(key(j), key(i)) {
			return true
		}
	}
	return false
}

// functionWords are the commonest words of four letters or more in the
// languages of Casebook's sources, which any line can share with any
// paragraph: they are no sign of a headline's echo.
var functionWords = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`this that these those with from have been were what when where which while whom whose
		will would could should shall about into than then them they their there here very also just only more most
		some such over after before other your ours does done each much many like even upon onto
		dans pour avec sans sont mais plus cette elle elles nous vous leur leurs tout tous toute comme
		para pero como esta este estos sobre entre desde porque cuando donde todo todos tiene
		eine einen einem einer nicht sich auch oder aber wird sind nach noch wenn dass`) {
		functionWords[w] = true
	}
}

// reCaptionInside matches what a picture's caption has and a headline has
// not: a sentence that ends inside the line and runs on into a credit
// ("Whale expert Hori Parata. Photograph: ...", "... in 2023.CreditJane
// Roe"), or a credit label.
var reCaptionInside = regexp.MustCompile(`\p{Ll}{3}\. \p{Lu}|[\p{Ll}\d]\.(?:Credit|Photo|Image)|(?i)\b(?:photograph|photo|picture|image|illustration)(?: by)?:\s`)

// isCJKWord reports a word of CJK characters.
func isCJKWord(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return isCJK(r)
}

// cjkSpaced puts a space around each CJK character of a key, so that
// each counts as a word.
func cjkSpaced(k string) string {
	if !strings.ContainsFunc(k, isCJK) {
		return k
	}
	var b strings.Builder
	for _, r := range k {
		if isCJK(r) {
			b.WriteByte(' ')
			b.WriteRune(r)
			b.WriteByte(' ')
		} else {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// nameEcho says how much a line echoes the file's name: 1 when one holds
// the other, else the share of the name's words of four letters or more
// that the line has, when that is at least two words and three fifths.
func nameEcho(nameKey, key string) float64 {
	if strings.Contains(key, nameKey) || strings.Contains(nameKey, key) && len(key) >= 12 {
		return 1
	}
	words := map[string]bool{}
	for _, w := range strings.Fields(key) {
		words[w] = true
	}
	n, found := 0, 0
	for _, w := range strings.Fields(nameKey) {
		if utf8.RuneCountInString(w) < 4 {
			continue
		}
		n++
		if words[w] {
			found++
		}
	}
	if found < 2 || found*5 < n*3 {
		return 0
	}
	return float64(found) / float64(n)
}

// fileNameKey returns the words of a file's name ("Ex-Cop_Liang
// apologizes.txt" → "ex cop liang apologizes") when it has at least three,
// else "".
func fileNameKey(source string) string {
	base := strings.TrimSuffix(filepath.Base(source), filepath.Ext(source))
	k := textKey(base)
	if len(strings.Fields(k)) < 3 {
		return ""
	}
	return k
}
