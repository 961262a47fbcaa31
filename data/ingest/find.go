package ingest

import (
	"regexp"
	"strings"
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

// bestRun returns the run of paragraphs with the greatest total value
// (Kadane's algorithm), trimmed to the prose at its ends; ok is false when
// the page has no prose.
func bestRun(paras []para, info []blockInfo) (start, end int, ok bool) {
	best, sum := 0.0, 0.0
	s, gap := 0, 0
	start, end = -1, -1
	for i := range paras {
		v := blockValue(paras[i], info[i])
		switch {
		case info[i].prose:
			gap = 0
		case info[i].inset:
			// A table's cells or a listing's lines are part of the
			// article's flow: they cost little and do not lengthen the
			// gap.
		default:
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
scan:
	for i := start; i < len(paras); i++ {
		v := blockValue(paras[i], info[i])
		switch {
		case info[i].prose:
			gap = 0
		case info[i].inset:
		default:
			v -= gapCost(gap)
			gap++
			if gap > maxGap {
				break scan
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
//     repeated on the page and more the longer the run of such lines. A
//     table's cells and a program's lines between paragraphs cost little
//     (see markInsets); a live feed of other news costs as furniture,
//     whatever prose it holds (see markFeeds).
//  2. The run of paragraphs with the best total is the article's core.
//  3. The byline is the last one above it (bylines in lower case, or
//     followed by a date, a handle or a job, are read here too); the
//     headline is the best-scoring candidate around it (see findTitle).
//  4. The article runs from under the headline to where its total is
//     best, with the short sentences that close it, and stops at a
//     heading of comments or of other stories once most of its prose is
//     above that heading, unless the article's own prose goes on under
//     it (a box of links inside the article, see articleResumes).
//  5. Outside it, body lines become boilerplate, or related when they read
//     as other stories' headlines or summaries; captions outside it become
//     boilerplate; bylines far from the headline too.
func markArticle(paras []para, source string) {
	if len(paras) == 0 {
		return
	}
	info := scoreBlocks(paras)
	if !pageCopy(paras, info) {
		// An article's own text (a printed page's PDF, a Word
		// document): its byline stands between the headline and the
		// first paragraph of prose, where the bylines a page's copy
		// shows near its article are read too ("By Jane Doe March 18,
		// 2015", a name alone under the headline).
		first := 0
		for first < len(paras) && !info[first].prose {
			first++
		}
		findByline(paras[:first], first)
		for i := range paras[:first] {
			if paras[i].kind == data.KindTitle {
				findNameByline(paras[:first], i, first)
				break
			}
		}
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
	var boxes [][2]int
	for i := start; i <= end; i++ {
		if info[i].prose {
			units += info[i].units
		}
		if units >= 40 && units*2 >= total && !info[i].prose && info[i].units <= 8 && reArticleStop.MatchString(paras[i].text) {
			if j := articleResumes(paras, info, start, i); j > i {
				// A box inside the article: its lines are furniture.
				boxes = append(boxes, [2]int{i, j})
				continue
			}
			if debugStop != nil {
				debugStop(i)
			}
			for end = i - 1; end > start && !info[end].prose; end-- {
			}
			break
		}
	}
	// The article's last lines can be sentences too short to count as
	// prose on their own ("The mayor's office did not comment.", "Jane
	// Doe reported from Seoul."): they stay with it while they follow it
	// line by line.
	for end+1 < len(paras) && closingSentence(paras[end+1], info[end+1]) {
		end++
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
		case info[i].repeated && !info[i].prose && !(info[i].inset && info[i].units >= 2):
			// (A table's cells repeat, "April 2014", "0.5%"; a chart's
			// ticks, "80", "’17", are furniture.)
			p.kind = data.KindBoilerplate
		}
	}
	for _, b := range boxes {
		for i := b[0]; i < b[1]; i++ {
			if paras[i].kind == data.KindBody {
				paras[i].kind = data.KindRelated
			}
		}
	}
	markMenus(paras, info, start, end)
	markGalleries(paras, info)
}

// articleResumes returns where the article goes on under the heading at
// i ("Most Popular", "12 Comments"), or -1 when it ends there: a box of
// links or a comment counter can stand inside an article. Under the
// heading, within twelve lines of short lines only (the box's links), two
// paragraphs of prose follow each other, neither a teaser, of sixty
// words or more together, and at least two fifths of their longer words
// are the article's, used above the heading. Comments and the summaries
// of other stories come with names, dates or headlines between them, and
// talk of other things.
func articleResumes(paras []para, info []blockInfo, start, i int) int {
	j := i + 1
	for j < len(paras) && j <= i+12 && !info[j].prose {
		if info[j].units > 20 {
			return -1
		}
		j++
	}
	if j+1 >= len(paras) || !info[j].prose || !info[j+1].prose || info[j].teaser || info[j+1].teaser || info[j].units+info[j+1].units < 60 {
		return -1
	}
	long := func(w string) bool { return utf8.RuneCountInString(w) >= 5 && !functionWords[w] }
	vocab := map[string]bool{}
	for k := start; k < i; k++ {
		if info[k].prose {
			for _, w := range strings.Fields(textKey(paras[k].text)) {
				if long(w) {
					vocab[w] = true
				}
			}
		}
	}
	n, shared := 0, 0
	for _, w := range strings.Fields(textKey(paras[j].text + " " + paras[j+1].text)) {
		if long(w) {
			n++
			if vocab[w] {
				shared++
			}
		}
	}
	if debugResume != nil {
		debugResume(i, j, n, shared)
	}
	if n == 0 || shared*5 < n*2 {
		return -1
	}
	return j
}

// closingSentence reports a short sentence that can close an article: a
// body line of five words or more, shaped and ended like a sentence, that
// is not printed elsewhere on the page and is no headline or notice.
func closingSentence(p para, b blockInfo) bool {
	return p.kind == data.KindBody && !b.prose && !b.repeated && !b.notice && !b.feed && b.units >= 5 &&
		sentenceShaped(p.text) && endsSentenceAny(p.text) && !headlineLike(p.text) && !reArticleStop.MatchString(p.text)
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

// debugTitle, when set by a test, is told each headline candidate's score.
var debugTitle func(i int, score float64)

// debugResume, when set by a test, is told how much the prose under a
// stop heading shares with the article above it.
var debugResume func(i, j, n, shared int)

// debugStop, when set by a test, is told where the article was cut.
var debugStop func(i int)
