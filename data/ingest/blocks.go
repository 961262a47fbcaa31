package ingest

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/casebookapp/casebook/data"
)

// Scoring the blocks of a page's copy: how much each paragraph reads as
// an article's prose, and what it is worth in the search for the article.

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
	feed     bool   // part of a live feed of other news (see markFeeds)
	inset    bool   // a cell of a table or a line of a program listing (see markInsets)
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
	markFeeds(paras, info)
	markInsets(paras, info)
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
	case b.feed:
		return -4
	case b.inset:
		return -1
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

// reListItem matches an item of a list: "1. Finland", "• Item".
var reListItem = regexp.MustCompile(`^(?:\d{1,2}[.)]|[•·▪◦*–-])\s+\S`)
