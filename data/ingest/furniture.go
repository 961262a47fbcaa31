package ingest

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/casebookapp/casebook/data"
)

// Site furniture that stands inside or right above an article in a page's
// copy: photo galleries, share bars, charts and players that cut an
// article from its head.

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
// short lines that are neither prose nor list items nor a table's cells (a share bar:
// "Share", "Facebook", "Twitter", "Email"), and a very long line that is
// no sentence (a list of hundreds of names).
func markMenus(paras []para, info []blockInfo, start, end int) {
	short := func(i int) bool {
		return paras[i].kind == data.KindBody && !info[i].prose && !info[i].inset && info[i].units <= 4 && !reListItem.MatchString(paras[i].text)
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

// reFeedStamp matches an item of a live feed: a time of day, then the
// item's headline ("14:44 Accusations de viols : ...", "9.05 Markets
// open higher", "11h20 ...").
var reFeedStamp = regexp.MustCompile(`^(?:[01]?\d|2[0-3])[:.h][0-5]\d\s+\S`)

// markFeeds marks a live feed of other news as furniture: three or more
// items that open with a time of day, no more than eight lines apart,
// most of them a headline rather than a sentence, and the lines between
// them (an item's summary, a post quoted from a social network). Such a
// feed runs beside or under an article on many news sites and holds
// paragraphs of prose that would otherwise read as the article's. A live
// blog, whose stamped entries are the article, writes its entries as
// sentences, and a single update inside an article ("12:00 PM PT --
// Deputies were ...") is no feed.
func markFeeds(paras []para, info []blockInfo) {
	var stamps []int
	head := func(i int) bool { return info[i].units <= 25 && !endsSentenceAny(paras[i].text) }
	flush := func() {
		// The feed starts and ends with an item's headline: a stamped
		// sentence at either end is the article's own update.
		for len(stamps) > 0 && !head(stamps[0]) {
			stamps = stamps[1:]
		}
		for len(stamps) > 0 && !head(stamps[len(stamps)-1]) {
			stamps = stamps[:len(stamps)-1]
		}
		if len(stamps) >= 3 {
			heads := 0
			for _, i := range stamps {
				if head(i) {
					heads++
				}
			}
			if heads*3 >= len(stamps)*2 {
				for i := stamps[0]; i <= stamps[len(stamps)-1]; i++ {
					info[i].feed = true
					info[i].prose = false
					info[i].teaser = false
				}
			}
		}
		stamps = nil
	}
	for i, p := range paras {
		if p.kind != data.KindBody && p.kind != data.KindBoilerplate || !startsDigit(p.text) || !reFeedStamp.MatchString(p.text) {
			continue
		}
		if len(stamps) > 0 && i-stamps[len(stamps)-1] > 8 {
			flush()
		}
		stamps = append(stamps, i)
	}
	flush()
}

// dataLine reports a line that reads as data rather than words: a table's
// number, percentage, version or date ("4307", "19.5%", "4.2.3", "April
// 2014"), or a line of a program ("int add(int x, int y) {", "$ wasmer run
// hello.wasm", "}").
func dataLine(s string) bool {
	letters, others := 0, 0
	for _, r := range s {
		switch {
		case unicode.IsLetter(r):
			letters++
		case !unicode.IsSpace(r):
			others++
		}
	}
	if others >= letters {
		return true
	}
	last, _ := utf8.DecodeLastRuneInString(s)
	if strings.ContainsRune("{};()", last) {
		return true
	}
	for _, p := range []string{"//", "#", "$ ", "}", "<"} {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return strings.Contains(s, "=>") || strings.Contains(s, "==") || strings.Contains(s, "();")
}

// markInsets marks the tables and program listings that an article holds
// between its paragraphs: three or more body lines in a row, each short
// (three words or less) or reading as data (see dataLine), a third of them
// data and none prose. In a page's copy each cell of a table is a line of
// its own, as each item of a menu is; a menu's items are words, a table's
// column of numbers and a program's lines are not. The lines of an inset
// cost the article little, so that it does not end at its first table.
func markInsets(paras []para, info []blockInfo) {
	cell := func(i int) (ok, isData bool) {
		p := paras[i]
		if p.kind != data.KindBody && p.kind != data.KindBoilerplate || info[i].prose || info[i].feed || info[i].units > 20 {
			return false, false
		}
		if dataLine(p.text) {
			return true, true
		}
		return info[i].units <= 3 && p.kind == data.KindBody, false
	}
	for i := 0; i < len(paras); {
		j, n := i, 0
		for j < len(paras) {
			ok, d := cell(j)
			if !ok {
				break
			}
			if d {
				n++
			}
			j++
		}
		if j-i >= 3 && n*3 >= j-i {
			for k := i; k < j; k++ {
				info[k].inset = true
			}
		}
		i = max(j, i+1)
	}
}
