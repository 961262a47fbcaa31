package ingest

import (
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/casebookapp/casebook/data"
)

// Finding the article in a whole page's copy (rule 7 of Parse).
//
// A student who selects all in a browser and copies gets the article with
// the page around it: menus, share bars, subscription prompts, lists of
// other headlines, footers. The article is the one long run of prose in
// it, the way Readability finds it in a page's HTML, with the headline and
// the byline just above.

// proseUnits is how long a paragraph must be, in words, to count as prose
// on its length alone, without ending a sentence.
const proseUnits = 30

// blockInfo is what scoring a paragraph found.
type blockInfo struct {
	units    int    // words (each CJK character counts as one)
	prose    bool   // reads as a paragraph of an article
	repeated bool   // the same text appears elsewhere in the page
	teaser   bool   // prose alone under a headline: another story's summary
	notice   bool   // a site notice as long as a paragraph
	key      string // the text in lower case, to find it repeated
}

// textUnits counts the words of s: runs of letters and digits, each CJK
// character on its own.
func textUnits(s string) int {
	n, in := 0, false
	for _, r := range s {
		switch {
		case isCJK(r):
			n++
			in = false
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if !in {
				n++
			}
			in = true
		default:
			in = false
		}
	}
	return n
}

func isCJK(r rune) bool {
	return r >= 0x2e80 && unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul)
}

// reFootnoteTail matches the footnote marks after a sentence's end:
// "... in a time loop.[55]", "... [citation needed]".
var reFootnoteTail = regexp.MustCompile(`(?:\s*\[(?:\d{1,4}|[a-z][a-z ]{0,20})\])+$`)

// endsSentenceAny is endsSentence with the CJK full stops, and after the
// footnote marks a reference work puts there.
func endsSentenceAny(s string) bool {
	if strings.HasSuffix(s, "]") {
		s = reFootnoteTail.ReplaceAllString(s, "")
	}
	if endsSentence(s) {
		return true
	}
	s = strings.TrimRightFunc(s, func(r rune) bool { return strings.ContainsRune("\"'”’»)]」』）", r) })
	r, _ := utf8.DecodeLastRuneInString(s)
	return strings.ContainsRune("。！？．", r)
}

// textKey is a paragraph's text reduced to lower-case letters and digits,
// to recognise the same line printed twice.
func textKey(s string) string {
	return strings.Join(strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}), " ")
}

// sentenceShaped reports prose: most of its words start in lower case (a
// run of Title Case Words is a headline or a menu), or it is CJK text.
func sentenceShaped(s string) bool {
	lower, words, cjk := 0, 0, 0
	for _, w := range strings.Fields(s) {
		r, _ := utf8.DecodeRuneInString(strings.TrimLeftFunc(w, func(r rune) bool { return !unicode.IsLetter(r) }))
		switch {
		case isCJK(r):
			cjk++
		case unicode.IsLower(r):
			lower++
			words++
		case unicode.IsLetter(r):
			words++
		}
	}
	return cjk > 0 || words > 0 && lower*10 >= words*3
}

// scoreBlocks scores every paragraph.
func scoreBlocks(paras []para) []blockInfo {
	info := make([]blockInfo, len(paras))
	count := map[string]int{}
	for i, p := range paras {
		info[i].key = strings.ToLower(p.text)
		info[i].units = textUnits(p.text)
		count[info[i].key]++
	}
	for i, p := range paras {
		b := &info[i]
		b.repeated = count[b.key] > 1
		if p.kind != data.KindBody {
			continue
		}
		// (The line rules tried these patterns on lines of up to 40
		// words already.)
		if b.units > 40 && b.units <= 150 && (reBoilerStart.MatchString(p.text) || reBoilerAnywhere.MatchString(p.text)) {
			// A long notice (cookies, subscriptions) the line rules leave
			// to body text because of its length.
			b.notice = true
			continue
		}
		// Long prose has sentences: a run of hundreds of words without
		// a full stop is a list (of names, of tags).
		long := b.units >= proseUnits && (b.units < 100 || sentenceEnds(p.text)*60 >= b.units)
		// A teaser cut off with an ellipsis ends no sentence, and a line
		// of links between bars ("About us | Contact | Advertise") is no
		// prose, however long.
		b.prose = sentenceShaped(p.text) && !b.repeated && (long || b.units >= 15 && endsSentenceAny(p.text)) && !linkBar(p.text)
	}
	// A list of other stories shows each as a headline over one
	// paragraph of summary, with no more prose under it.
	for i := 1; i < len(paras); i++ {
		if info[i].prose && !info[i-1].prose && (paras[i-1].kind == data.KindBody || paras[i-1].kind == data.KindRelated || paras[i-1].kind == data.KindTitle) &&
			headlineLike(paras[i-1].text) && (i+1 == len(paras) || !info[i+1].prose) {
			info[i].teaser = true
		}
	}
	return info
}

// linkBar reports a line of three or more links between bars: "About us
// | Contact | Advertise | Jobs".
func linkBar(s string) bool {
	return strings.Count(s, "|")+strings.Count(s, "｜") >= 3
}

// sentenceEnds counts the full stops, question and exclamation marks of s.
func sentenceEnds(s string) int {
	n := 0
	for _, r := range s {
		if strings.ContainsRune(".!?。！？", r) {
			n++
		}
	}
	return n
}

// blockValue is a paragraph's worth in the search for the article: the
// words of prose count for it, each piece of furniture against it.
func blockValue(p para, b blockInfo) float64 {
	switch {
	case b.teaser:
		return float64(b.units) / 4
	case b.prose:
		return float64(b.units)
	case p.kind == data.KindBody && reListItem.MatchString(p.text):
		// An item of a numbered or bulleted list.
		return -0.5
	case p.kind == data.KindBody || p.kind == data.KindTitle:
		if b.repeated {
			return -6
		}
		return -3 - float64(min(b.units, 12))/4
	case p.kind == data.KindBoilerplate || p.kind == data.KindRelated:
		return -4
	}
	// Bylines, datelines, captions and credits belong in an article.
	return -0.5
}

// gapCost is what the k-th line in a row that is not prose adds to its
// own cost: a subheading or a caption between paragraphs costs little, a
// menu, a video player or a comment form of dozens of lines a great deal,
// so the article does not run on into the stories listed under it.
func gapCost(k int) float64 { return 0.5 * float64(min(k, 10)) }

// maxGap is the most lines in a row that are not prose inside an article.
const maxGap = 80

// reArticleStop matches a heading that ends an article on a page: its
// comments, or the stories listed under it.
var reArticleStop = regexp.MustCompile(`(?i)^(?:` +
	`(?:view|show|load|read|see|hide)?\s*(?:all\s+)?(?:\d+\s+)?(?:reader\s+)?comments?\s*(?:\(\d+\))?|` +
	`(?:leave|post|add|write)\s+a\s+(?:comment|reply)|join the (?:discussion|conversation)|` +
	`related(?: coverage| stories| articles| content| links| reading| posts)?|more (?:on this story|stories|coverage|from [\p{L} .&'’-]{1,40})|` +
	`recommended(?: for you| stories| reading)?|you (?:may|might) also (?:like|enjoy)|most (?:popular|read|viewed|shared)|` +
	`trending(?: now| stories)?|editor'?s picks|top stories|latest (?:news|stories)|further reading|read next|up next` +
	`)[\s:.!]*$`)

// reListItem matches an item of a list: "1. Finland", "• Item".
var reListItem = regexp.MustCompile(`^(?:\d{1,2}[.)]|[•·▪◦*–-])\s+\S`)

// bestRun returns the run of paragraphs with the greatest total value
// (Kadane's algorithm), trimmed to the prose at its ends; ok is false when
// the page has no prose.
func bestRun(paras []para, info []blockInfo) (start, end int, ok bool) {
	best, sum := 0.0, 0.0
	s, gap := 0, 0
	start, end = -1, -1
	for i := range paras {
		v := blockValue(paras[i], info[i])
		if info[i].prose {
			gap = 0
		} else {
			v -= gapCost(gap)
			gap++
		}
		if sum <= 0 {
			sum, s = 0, i
		}
		sum += v
		if sum > best {
			best, start, end = sum, s, i
		}
	}
	if start < 0 {
		return 0, 0, false
	}
	for start < end && !info[start].prose {
		start++
	}
	for end > start && !info[end].prose {
		end--
	}
	return start, end, info[start].prose
}

// articleEnd returns the last paragraph of the article that starts at
// start: where the running total of the paragraphs' values is greatest,
// before any gap of more than maxGap lines.
func articleEnd(paras []para, info []blockInfo, start int) int {
	best, sum, end, gap := 0.0, 0.0, start, 0
	for i := start; i < len(paras); i++ {
		v := blockValue(paras[i], info[i])
		if info[i].prose {
			gap = 0
		} else {
			v -= gapCost(gap)
			gap++
			if gap > maxGap {
				break
			}
		}
		sum += v
		if sum > best {
			best, end = sum, i
		}
	}
	return end
}

// markArticle applies rule 7 of Parse to paragraphs classified line by
// line. source is the file's name, which a student often names after the
// headline.
//
//  1. Each paragraph is scored: prose (sentence-shaped, 15 words ending a
//     sentence or 30 words) counts its words, a lone summary under a
//     headline a quarter of them; every other line costs, more when it is
//     repeated on the page and more the longer the run of such lines.
//  2. The run of paragraphs with the best total is the article's core.
//  3. The byline is the last one above it (bylines in lower case, or
//     followed by a date, a handle or a job, are read here too); the
//     headline is the best-scoring candidate around it (see findTitle).
//  4. The article runs from under the headline to where its total is
//     best, and stops at a heading of comments or of other stories once
//     most of its prose is above that heading.
//  5. Outside it, body lines become boilerplate, or related when they read
//     as other stories' headlines or summaries; captions outside it become
//     boilerplate; bylines far from the headline too.
func markArticle(paras []para, source string) {
	if len(paras) == 0 {
		return
	}
	info := scoreBlocks(paras)
	if !pageCopy(paras, info) {
		return
	}
	start, end, ok := bestRun(paras, info)
	if !ok {
		return
	}
	anchor := findByline(paras, start)
	if anchor < 0 {
		if h, first := headAbove(paras, info, start); h >= 0 {
			// The best run is the article's second half, cut off from
			// its head by a chart, a video player or a gallery.
			start = first
			anchor = findByline(paras, start)
		}
	}
	if anchor < 0 {
		anchor = findDatedName(paras, start)
	}
	title := findTitle(paras, info, start, end, anchor, source)
	if title >= 0 {
		for i := range paras {
			if paras[i].kind == data.KindTitle && i != title {
				paras[i].kind = data.KindBody
			}
		}
		paras[title].kind = data.KindTitle
		paras[title].read = nil
	}
	top := start
	if title >= 0 {
		top = title
		if title > start {
			// The headline stands under some prose that is not the
			// article's, such as a notice: the article starts after it.
			for start <= title || start < end && !info[start].prose {
				start++
			}
		}
	}
	if title >= 0 && title < start {
		// The headline stands above prose that a chart or a video
		// player cut off from the rest: the article starts under it.
		first, units := -1, 0
		for i := title + 1; i < start; i++ {
			if info[i].prose {
				if first < 0 {
					first = i
				}
				units += info[i].units
			}
		}
		if first >= 0 && units >= 60 {
			start = first
		}
	}
	end = max(end, articleEnd(paras, info, start))
	// The article ends at the heading of its comments or of the stories
	// listed under it, once it has some prose.
	total := 0
	for i := start; i <= end; i++ {
		if info[i].prose {
			total += info[i].units
		}
	}
	units := 0
	for i := start; i <= end; i++ {
		if info[i].prose {
			units += info[i].units
		}
		if units >= 40 && units*2 >= total && !info[i].prose && info[i].units <= 8 && reArticleStop.MatchString(paras[i].text) {
			if debugStop != nil {
				debugStop(i)
			}
			for end = i - 1; end > start && !info[end].prose; end-- {
			}
			break
		}
	}
	findNameByline(paras, title, start)
	// The article's byline is by its headline; another further off
	// belongs to a story listed beside it.
	if title >= 0 {
		for i := range paras {
			if paras[i].kind == data.KindByline && (i < title-8 || i > start+3) {
				paras[i].kind = data.KindBoilerplate
				paras[i].read = nil
			}
		}
	}

	for i := range paras {
		p := &paras[i]
		if p.kind == data.KindCaption && (i < top || i > end) {
			// A caption by another story's picture, or a menu line that
			// only looks like one ("Blood / Hematology").
			p.kind = data.KindBoilerplate
		}
		if p.kind != data.KindBody {
			continue
		}
		switch {
		case info[i].notice:
			p.kind = data.KindBoilerplate
		case i < top:
			p.kind = data.KindBoilerplate
		case i > end:
			if headlineLike(p.text) && info[i].units >= 4 || info[i].prose {
				p.kind = data.KindRelated
			} else {
				p.kind = data.KindBoilerplate
			}
		case i < start:
			// Between the headline and the article: a dek, a video
			// player's labels, share buttons.
			p.kind = data.KindBoilerplate
		case info[i].repeated && !info[i].prose:
			p.kind = data.KindBoilerplate
		}
	}
	markMenus(paras, info, start, end)
	markGalleries(paras, info)
}

// reSlideCounter matches the counter of a photo gallery's slide: "3/50
// Star Wars boosts economy", "3 of 50".
var reSlideCounter = regexp.MustCompile(`^(\d{1,3})\s*(?:/|of)\s*(\d{1,3})\b`)

// markGalleries marks a photo gallery as furniture: three or more slides
// in a row counted "1/50", "2/50", "3/50" (each counter a line, with the
// slide's caption and credit under it), from the short lines heading it
// to the caption of the last slide.
// A gallery of other stories' pictures can stand in the middle of an
// article, with prose in its captions.
func markGalleries(paras []para, info []blockInfo) {
	for i := 0; i < len(paras); i++ {
		if !startsDigit(paras[i].text) || info[i].units > 20 {
			continue
		}
		m := reSlideCounter.FindStringSubmatch(paras[i].text)
		if m == nil {
			continue
		}
		total, k := m[2], atoiSmall(m[1])
		last, n := i, 1
		for j := i + 1; j < len(paras) && j <= last+8; j++ {
			if !startsDigit(paras[j].text) || info[j].units > 20 {
				continue
			}
			mj := reSlideCounter.FindStringSubmatch(paras[j].text)
			if mj == nil {
				continue
			}
			if mj[2] != total || atoiSmall(mj[1]) != k+1 {
				break
			}
			k++
			last, n = j, n+1
		}
		if n < 3 {
			continue
		}
		// The last slide's caption: its first paragraph of prose and the
		// credits under it.
		end := last
		for j := last + 1; j < len(paras) && j <= last+3; j++ {
			if info[j].prose {
				end = j
				break
			}
		}
		for end+1 < len(paras) && paras[end+1].kind == data.KindCaption {
			end++
		}
		// The gallery's own heading lines above it ("Business news in
		// pictures", "50 show all").
		first := i
		for first > 0 && first > i-3 && paras[first-1].kind == data.KindBody && !info[first-1].prose && info[first-1].units <= 8 {
			first--
		}
		for j := first; j <= end; j++ {
			if paras[j].kind != data.KindTitle {
				paras[j].kind = data.KindBoilerplate
				paras[j].read = nil
			}
		}
		i = end
	}
}

// atoiSmall reads a number of up to three digits.
func atoiSmall(s string) int {
	n := 0
	for _, r := range s {
		n = n*10 + int(r-'0')
	}
	return n
}

// headAbove looks, for an article whose best run has no byline above
// it, for the article's head further up: a byline (else a dateline) followed
// within six lines by at least two paragraphs of prose and eighty words,
// with no more than two other lines between them. A chart's axis labels,
// a video player's controls or a photo gallery can stand between an
// article's first paragraphs and the rest, and make the rest the longer
// run. It returns the head's index and that of its first paragraph of
// prose, or -1.
func headAbove(paras []para, info []blockInfo, start int) (head, first int) {
	// A byline is the surer sign: a dateline also stands under the
	// headlines of the stories an article links to.
	for _, kind := range []data.Kind{data.KindByline, data.KindDateline} {
		if h, p := headOfKind(paras, info, start, kind); h >= 0 {
			return h, p
		}
	}
	return -1, -1
}

func headOfKind(paras []para, info []blockInfo, start int, kind data.Kind) (head, first int) {
	for h := start - 1; h >= 0 && h >= start-400; h-- {
		if paras[h].kind != kind {
			continue
		}
		p := h + 1
		for p < len(paras) && p <= h+6 && p < start && !info[p].prose {
			p++
		}
		if p >= start || !info[p].prose {
			continue
		}
		n, units, gap := 0, 0, 0
		for i := p; i < start && gap < 3; i++ {
			if info[i].prose && !info[i].teaser {
				n++
				units += info[i].units
				gap = 0
				if n >= 2 && units >= 80 {
					return h, p
				}
			} else {
				gap++
			}
		}
	}
	return -1, -1
}

// markMenus marks the furniture inside the article: a run of four or more
// short lines that are neither prose nor list items (a share bar:
// "Share", "Facebook", "Twitter", "Email"), and a very long line that is
// no sentence (a list of hundreds of names).
func markMenus(paras []para, info []blockInfo, start, end int) {
	short := func(i int) bool {
		return paras[i].kind == data.KindBody && !info[i].prose && info[i].units <= 4 && !reListItem.MatchString(paras[i].text)
	}
	for i := start; i <= end && i < len(paras); {
		if !short(i) {
			if paras[i].kind == data.KindBody && !info[i].prose && info[i].units >= 100 && sentenceEnds(paras[i].text)*60 < info[i].units {
				paras[i].kind = data.KindBoilerplate
			}
			i++
			continue
		}
		j := i
		for j <= end && j < len(paras) && short(j) {
			j++
		}
		if j-i >= 4 {
			for k := i; k < j; k++ {
				paras[k].kind = data.KindBoilerplate
			}
		}
		i = j
	}
}

// pageCopy reports a whole page's copy rather than an article's text: at
// least eight lines of furniture (short lines that are not sentences, site
// notices, links to other stories), making a quarter of the paragraphs or
// more, and a page's signs around them: three site notices the line rules
// know ("Share", "Advertisement", "Sign in", a cookie notice), or a menu
// (six lines before the first paragraph of prose), or a footer (eight
// after the last). An article's own subheadings and lists stay under that.
func pageCopy(paras []para, info []blockInfo) bool {
	n, notices := 0, 0
	for i, p := range paras {
		switch {
		case p.kind == data.KindBoilerplate || p.kind == data.KindRelated:
			n++
			notices++
		case (p.kind == data.KindBody || p.kind == data.KindTitle) && !info[i].prose:
			n++
		}
	}
	lead, trail := 0, 0
	for lead < len(paras) && !info[lead].prose {
		lead++
	}
	for trail < len(paras) && !info[len(paras)-1-trail].prose {
		trail++
	}
	return n >= 8 && n*4 >= len(paras) && (notices >= 3 || lead >= 6 || trail >= 5)
}

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
			!strings.HasSuffix(paras[i+1].text, ":"):
			// The headline over its dek, over the byline.
			sc += 3
		case datedAt(i + 1):
			sc += 3
		}
		if datedAt(i - 1) {
			// The headline stands above the byline and the date; a line
			// under them is a dek or a subheading.
			sc -= 2
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
		if utf8.RuneCountInString(w) < 4 && !isCJKWord(w) {
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

// reBylineWord starts a byline, in any case and in a few languages.
var reBylineWord = regexp.MustCompile(`^(?i:by|par|por|von|door|di)[:\s]`)

// findByline marks the bylines above the article, from a hundred and
// twenty paragraphs up (a page's video player or photo gallery can stand
// between them) to its third paragraph, and returns the index of the last
// one above the article, or -1. Besides the "By ..." lines the line rules
// find, it reads a byline in lower case or followed by a date, a handle
// and a desk.
func findByline(paras []para, start int) int {
	anchor := -1
	for i := max(0, start-120); i < start+3 && i < len(paras); i++ {
		p := &paras[i]
		switch p.kind {
		case data.KindByline:
		case data.KindBody, data.KindCaption:
			bl, ok := looseByline(p.text)
			if !ok {
				continue
			}
			p.kind = data.KindByline
			p.read = &lineClass{kind: data.KindByline, byline: bl}
		default:
			continue
		}
		if i < start {
			anchor = i
		}
	}
	return anchor
}

// findNameByline marks a person's name standing alone near the headline
// as the byline: right under it, or within six paragraphs above or four
// under it next to a dateline or a short line with a number ("4 min read",
// "March 3"). A handle after the name ("Jane Doe, @janedoe") is dropped.
// It does nothing when a byline is already there.
func findNameByline(paras []para, title, start int) {
	if title < 0 {
		return
	}
	for i := max(0, title-6); i < start && i <= title+4; i++ {
		if paras[i].kind == data.KindByline {
			return
		}
	}
	for i := max(0, title-6); i < start && i <= title+4; i++ {
		if i != title && markNameByline(paras, i, i == title+1) {
			return
		}
	}
}

// findDatedName marks, when no byline was found above the article, a
// person's name standing alone next to a date within the sixty
// paragraphs above its start (a product's score box or a video player can
// stand between them) ("Jane Doe" over "Oct 18, 2019 · 8 min
// read"), and returns its index, or -1. Found before the headline, it
// tells the headline, which stands above the byline, from the article's
// first subheading under it.
func findDatedName(paras []para, start int) int {
	for i := start - 1; i >= 0 && i >= start-60; i-- {
		if markNameByline(paras, i, false) {
			return i
		}
	}
	return -1
}

// markNameByline marks paragraph i as a byline when it is a person's name
// alone, right under the headline (underTitle), or next to a dateline or
// a short line with a date or a time, or over a job.
func markNameByline(paras []para, i int, underTitle bool) bool {
	dated := func(j int) bool {
		if j < 0 || j >= len(paras) {
			return false
		}
		q := paras[j]
		return q.kind == data.KindDateline || q.kind == data.KindBody && textUnits(q.text) <= 6 && reDateish.MatchString(q.text)
	}
	p := &paras[i]
	if p.kind != data.KindBody {
		return false
	}
	name := strings.TrimSpace(reHandleTail.ReplaceAllString(p.text, ""))
	near := underTitle || dated(i-1) || dated(i+1) || i+1 < len(paras) && jobLine(paras[i+1].text)
	if m := reNameThenTime.FindStringSubmatch(name); m != nil {
		// "Jane Doe • 8h", "Jane Doe | March 3, 2017": the name with
		// its date on the same line.
		name, near = strings.TrimSpace(m[1]), true
	}
	if !near {
		return false
	}
	if isPersonName(name) && len(strings.Fields(name)) <= 4 && !outletish(name) && !hasNonNameWord(name) && !hasSmallWord(name) {
		p.kind = data.KindByline
		p.read = &lineClass{kind: data.KindByline, byline: byline{authors: []string{personName(name)}}}
		return true
	}
	// Names with an outlet or a job, without the "By": "Jane Doe and
	// John Roe", "Jane Doe, Reuters", "Jane Doe | Staff Writer".
	if len(strings.Fields(name)) <= 12 && !hasNonNameWordOutsideRole(name) {
		if bl, ok := parseByline("By " + name); ok && len(bl.authors) > 0 && !slices.ContainsFunc(bl.authors, hasNonNameWord) {
			p.kind = data.KindByline
			p.read = &lineClass{kind: data.KindByline, byline: bl}
			return true
		}
	}
	return false
}

// hasNonNameWordOutsideRole reports a label's word (nonNameWords) in a
// line, not counting the words of a writer's job ("Staff Writer").
func hasNonNameWordOutsideRole(s string) bool {
	for _, w := range strings.Fields(s) {
		lw := strings.ToLower(strings.Trim(w, ".,:;|"))
		switch lw {
		case "editor", "writer", "reporter", "correspondent", "columnist", "contributor", "producer", "staff", "senior", "chief":
			continue
		}
		if nonNameWords[lw] {
			return true
		}
	}
	return false
}

// reDateish finds a date or a time in a short line: "11.03.17", "Oct 18,
// 2019", "8 min read", "5 hours ago", "3h", "12:41" (a bare number, such
// as a score or a count, is none).
var reDateish = regexp.MustCompile(`(?i)\b(?:\d{1,4}[./-]\d{1,2}[./-]\d{1,4}|(?:19|20)\d\d|\d+\s*(?:mins?|minutes?|h|hrs?|hours?|d|days?)\b|\d{1,2}:\d{2}|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}|\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec))`)

// reNameThenTime is a name followed by a separator and a time or a date:
// "Jane Doe • 8h", "Jane Doe · March 3, 2017", "Jane Doe | 5 hours ago".
var reNameThenTime = regexp.MustCompile(`^([^•·|]{3,40}?)\s+[•·|]\s+(?:\d{1,2}\s*(?:[smhd]|mins?|hours?|days?)\b.*|[\p{L}.]{3,10}\s+\d{1,2},?\s+\d{4}.*|\d{1,2}\s+[\p{L}.]{3,10}\s+\d{4}.*|\d{1,4}[./-]\d{1,2}[./-]\d{1,4}.*)$`)

// reOtherAnd is "and" in the languages of "Par", "Por" and "Von" bylines.
var reOtherAnd = regexp.MustCompile(`\s+(?:et|y|e|und|en)\s+`)

// reHandleTail is a social-media handle after a name: "Jane Doe,
// @janedoe".
var reHandleTail = regexp.MustCompile(`[,\s]+@\w+\s*$`)

// hasSmallWord reports a capitalised phrase with a word such as "On" or
// "The", which a headline or a label has and a name has not.
func hasSmallWord(s string) bool {
	for _, w := range strings.Fields(s) {
		if smallWords[strings.ToLower(w)] {
			return true
		}
	}
	return false
}

// reNotAuthorAside marks a contributor who is not a writer: "John Roe
// (photography)".
var reNotAuthorAside = regexp.MustCompile(`(?i)\s*(?:,\s*|\band\s+)?[\p{Lu}][\p{L}.'’-]*(?:\s+[\p{Lu}][\p{L}.'’-]*){1,3}\s*\((?:photos?|photography|pictures|video|graphics?|illustrations?)\)`)

// reLeadBy finds "by" after a date or a word such as "Posted": "on March
// 10, 2015 by Jane Doe".
var reLeadBy = regexp.MustCompile(`(?i)^(?:(?:posted|published|written|updated|story|words|text)\b[^\p{L}]*)?(?:on\s+)?(.{0,40}?)\s+(by\s.*)$`)

// nonNameWords are capitalised words of labels that stand where a name
// could: a column's, a section's, a button's.
var nonNameWords = map[string]bool{
	"professor": true, "opinion": true, "analysis": true, "review": true, "reviews": true, "column": true,
	"editorial": true, "home": true, "news": true, "video": true, "photos": true, "more": true, "share": true,
	"follow": true, "subscribe": true, "author": true, "article": true, "story": true, "read": true,
	"older": true, "newer": true, "previous": true, "next": true, "related": true, "comments": true,
	"editor": true, "writer": true, "reporter": true, "correspondent": true, "columnist": true,
	"contributor": true, "producer": true, "staff": true, "senior": true, "chief": true,
	"buy": true, "now": true, "shop": true, "login": true, "log": true, "sign": true, "watch": true,
	"listen": true, "download": true, "get": true, "print": true, "email": true, "save": true,
}

// jobLine reports a short line that is a writer's job: "Games Editor",
// "Staff Writer", "Senior Correspondent".
func jobLine(s string) bool {
	if textUnits(s) > 5 {
		return false
	}
	for _, w := range strings.Fields(strings.ToLower(s)) {
		switch strings.Trim(w, ".,:;") {
		case "editor", "writer", "reporter", "correspondent", "columnist", "contributor", "producer":
			return true
		}
	}
	return false
}

// hasNonNameWord reports a line with one of nonNameWords.
func hasNonNameWord(s string) bool {
	for _, w := range strings.Fields(s) {
		if nonNameWords[strings.ToLower(strings.Trim(w, ".,:;"))] {
			return true
		}
	}
	return false
}

// looseByline reads the bylines that the line rules leave alone because
// they are only safe near an article: "by Jane Doe @handle February 1,
// 2016: 12:41 PM ET", "By JANE DOE JULY 29, 2016", "Par Jeanne Dupont",
// "on March 10, 2015 by Jane Doe", "By Jane Doe, Senior Technologist,
// Some Project", "by Jane Doe (reporting) and John Roe (photography)".
// The names end at a date, a time, a handle or a "Follow" button.
func looseByline(s string) (byline, bool) {
	if !reBylineWord.MatchString(s) {
		m := reLeadBy.FindStringSubmatch(s)
		if m == nil || len(strings.Fields(s)) > 16 {
			return byline{}, false
		}
		if m[1] != "" {
			if _, ok := datelineDates(m[1]); !ok {
				return byline{}, false
			}
		}
		s = m[2]
	}
	s = reNotAuthorAside.ReplaceAllString(s, "")
	s = reOtherAnd.ReplaceAllString(s, " and ")
	w := strings.Fields(reParenAside.ReplaceAllString(s, ""))
	if len(w) < 3 || len(w) > 30 || !reBylineWord.MatchString(w[0]+" ") {
		return byline{}, false
	}
	names := w[1:]
	for i, f := range names {
		lf := strings.ToLower(strings.Trim(f, ".,"))
		r, _ := utf8.DecodeRuneInString(f)
		dateNext := i+1 < len(names) && startsDigit(names[i+1])
		if unicode.IsDigit(r) || strings.HasPrefix(f, "@") || strings.ContainsAny(f, "|•·—–") ||
			lf == "follow" || lf == "updated" || lf == "published" || lf == "posted" || lf == "on" ||
			monthWord(lf) && dateNext || weekdayWord(lf) && i > 0 {
			names = names[:i]
			break
		}
	}
	rest := strings.TrimRight(strings.Join(names, " "), " ,")
	for rest != "" {
		if bl, ok := parseByline("By " + rest); ok {
			if bl.date == "" {
				if ds := findDates(s); len(ds) > 0 {
					bl.date = pickDate(s, ds)
				}
			}
			return bl, true
		}
		// "Jane Doe, Senior Technologist, Some Project": the parts
		// after the name are a job and an employer.
		i := strings.LastIndex(rest, ",")
		if i < 0 {
			break
		}
		rest = strings.TrimSpace(rest[:i])
	}
	return byline{}, false
}

func startsDigit(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsDigit(r)
}

// monthWord reports a month's name or abbreviation.
func monthWord(w string) bool {
	if len(w) < 3 {
		return false
	}
	m, ok := monthNumber[w[:3]]
	if !ok {
		return false
	}
	full := strings.ToLower(time.Month(m).String())
	return w == full || w == full[:3] || w == "sept"
}

// weekdayWord reports a day's name or abbreviation.
func weekdayWord(w string) bool {
	for d := time.Sunday; d <= time.Saturday; d++ {
		full := strings.ToLower(d.String())
		if w == full || w == full[:3] {
			return true
		}
	}
	return false
}

// reParenAside matches an aside in parentheses: "(reporting)".
var reParenAside = regexp.MustCompile(`\s*\([^()]*\)`)

// debugTitle, when set by a test, is told each headline candidate's score.
var debugTitle func(i int, score float64)

// debugStop, when set by a test, is told where the article was cut.
var debugStop func(i int)
