// Package ingest turns an article's text, or a file holding one, into
// passages and citable metadata. It depends on the domain (package data),
// webanno (a classmate's .json) and the bundled seeds, not on the store: an
// import writes through data.ImportBatch, which the store provides.
//
// Parse applies the same general text rules to every article, whether it is
// a bundled seed or a file the student imports: it splits the text into
// paragraphs, gives each paragraph a kind (title, byline, dateline, caption,
// body, credit, related or boilerplate) and reads the title, author(s),
// outlet and date where the text shows them. Nothing in it knows about a
// particular file.
package ingest

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/casebookapp/casebook/data"
)

// Parse turns an article's text (already UTF-8, any line endings) into
// metadata and passages. origin identifies where the text came from (for
// example "seed:000_x.txt" or a file path) and source is the file name or
// address stored in Meta.Source.
//
// The rules, in order:
//
//  1. CRLF and CR line endings become LF. The result's Original is the text
//     exactly as given.
//  2. A blank line (empty or white space only, NBSP included) separates
//     blocks. Each line of a block is first classified on its own (see
//     below). Within a block, a line break also ends a paragraph (web copy
//     puts one paragraph on each line, and a dek is often followed by a
//     site widget on the next line), unless it is a wrapped line: a line
//     that starts in lower case after an unfinished sentence, or a body
//     line after a body line that does not end a sentence (with . ! ? : ;
//     or … before any closing quotes) and is not a lone headline. A block
//     of three or more lines of even width (30 to 100 characters, within
//     20 of each other, all but the last) that breaks a sentence somewhere
//     is hard-wrapped text: its body lines join into one paragraph.
//  3. Runs of white space inside a paragraph, NBSP included, become one
//     space; zero-width spaces and byte-order marks are dropped, and
//     joiners too unless they join two characters (emoji sequences such
//     as 👩‍🎓, scripts that need them); the text is trimmed.
//  4. A line is boilerplate (site furniture: browser and cookie notices,
//     "Follow ... on Facebook", newsletter and share prompts,
//     "Advertisement", "Click here ...", copyright lines, a bare "Updated"
//     or "/ Updated" left over from a date widget), a dateline (a short
//     line that is only a date with words such as Published, Updated, a
//     time or a weekday), a byline ("By A, B and C", optionally with an
//     outlet after a comma or bar), a credit ("X contributed to this
//     report.", "Reporting by ...", "Photo by ..."), related ("RELATED:
//     ...", "Read more: ...", "See also: ..."), a caption (a line starting
//     "Image:", "Photo:" or "Caption:", a line ending with a photo credit
//     in parentheses or after a slash, such as "(AP Photo)" or "Mary
//     Altaffer / Pool via AP", and the line right after an "Image:" label in
//     the same block), or otherwise body. Patterns look at the start or the
//     end of short lines only, so a body paragraph that mentions Facebook,
//     cookies or a photo stays body.
//  5. An "Image: X" label line and the caption line under it stay two
//     caption passages: the label is alternative text, the second line the
//     caption proper, and each stays quotable verbatim.
//  6. The title is the first body paragraph, if it is among the first
//     five paragraphs, is a single line and reads as a headline: either 2
//     to 25 words without a final period and mostly capitalised (or all
//     capitals), or 2 to 20 words with no final punctuation at all (a
//     sentence-case headline).
//  7. Text that is a whole page's copy (select all, copy, paste: at least
//     eight lines of furniture making a quarter of the paragraphs or more)
//     has its article found the way Readability finds it in HTML: see
//     markArticle. What lies outside the article becomes boilerplate or
//     related; the headline and the byline are looked for near it.
//
// Metadata comes from those passages: Title from the title, Author from the
// bylines ("A; B; C"), Outlet from a byline's outlet, else an agency
// dateline such as "NEW YORK (AP) —", else an outlet in parentheses on a
// short line ("(China Daily USA)"; not one glued to a word, as in "in New
// York(China Daily USA)"), else the name the page's furniture points to
// (see siteOutlet: a copyright line's, the "Headline - Site" of a title
// line, a name an address in the text spells or a known outlet's address,
// "About X"/"Follow X", each weighed with how often the name recurs), else
// "Follow <outlet> on Facebook", else a known outlet named on a line of
// furniture ("NBC News"), else a copyright line, else the known outlet of
// a web address in the text;
// Date (ISO, "2016-04-14") from a dateline or a byline, preferring a
// Published date to an Updated one. Credits never become authors. What
// the text does not show stays empty.
//
// Text with nothing but white space is an EINVALID error.
func Parse(text, origin, source string) (data.NewArticle, error) {
	return parse(text, origin, source, true)
}

// parse is Parse; find says whether to look for the article in a page's
// copy (rule 7), which text that Readability or a Markdown file already
// reduced to the article does not need.
func parse(text, origin, source string, find bool) (data.NewArticle, error) {
	art := data.NewArticle{Origin: origin, Original: text}
	art.Source = source
	norm := normaliseNewlines(text)
	if strings.TrimFunc(norm, isSpaceOrInvisible) == "" {
		name := source
		if name == "" {
			name = origin
		}
		if name == "" {
			return art, data.Errorf(data.EINVALID, "the article is empty: it has no text")
		}
		return art, data.Errorf(data.EINVALID, "%s: the article is empty: it has no text", name)
	}

	paras := splitParagraphs(norm)
	markTitle(paras)
	if find {
		markArticle(paras, source)
	}
	for _, p := range paras {
		art.Passages = append(art.Passages, data.NewPassage{Kind: p.kind, Text: p.text})
	}
	art.Meta = extractMeta(paras)
	art.Source = source
	return art, nil
}

// para is a paragraph being built: its cleaned text and kind.
type para struct {
	text string
	kind data.Kind
	// lines is the number of source lines joined into it.
	lines int
	// label reports an "Image:" style caption label, whose next line in
	// the same block is the caption.
	label bool
	// read is what classifying a byline or dateline read from it (nil
	// for other kinds, to keep the many body paragraphs small).
	read *lineClass
}

// normaliseNewlines turns CRLF and lone CR into LF.
func normaliseNewlines(s string) string {
	if !strings.ContainsRune(s, '\r') {
		return s
	}
	s = strings.ReplaceAll(s, "\r\n", "\n")
	return strings.ReplaceAll(s, "\r", "\n")
}

// isSpaceOrInvisible reports white space, including NBSP, and the invisible
// zero-width characters that web copy leaves behind.
func isSpaceOrInvisible(r rune) bool {
	return unicode.IsSpace(r) || isInvisible(r)
}

func isInvisible(r rune) bool {
	switch r {
	case '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff':
		return true
	}
	return false
}

// isJoiner reports the zero-width joiner and non-joiner, which are part of
// the text between two characters: they combine emoji ("👩‍🎓") and shape
// Persian or Indic script.
func isJoiner(r rune) bool { return r == '\u200c' || r == '\u200d' }

// clean collapses runs of white space to single spaces, drops zero-width
// characters (but not a joiner between two characters) and trims.
func clean(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for i, r := range s {
		switch {
		case isJoiner(r) && !space && b.Len() > 0 && joins(s[i+utf8.RuneLen(r):]):
			// kept: it joins the characters on each side
		case isInvisible(r):
			continue
		case unicode.IsSpace(r):
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}

// joins reports whether rest starts with a character a joiner can join
// to: not white space, not the end, not another invisible character.
func joins(rest string) bool {
	r, _ := utf8.DecodeRuneInString(rest)
	return rest != "" && !unicode.IsSpace(r) && (!isInvisible(r) || isJoiner(r))
}

// splitParagraphs applies rules 2 to 5 of Parse.
func splitParagraphs(norm string) []para {
	var out []para
	var block []string
	flush := func() {
		out = append(out, splitBlock(block)...)
		block = block[:0]
	}
	for _, raw := range strings.Split(norm, "\n") {
		line := clean(raw)
		if line == "" {
			if len(block) > 0 {
				flush()
			}
			continue
		}
		block = append(block, line)
	}
	if len(block) > 0 {
		flush()
	}
	return out
}

// splitBlock turns the cleaned lines of one block into paragraphs.
func splitBlock(lines []string) []para {
	wrapped := hardWrapped(lines)
	var out []para
	for i, line := range lines {
		// Each line is classified at most once: classifying is the costly
		// part of parsing.
		var lc lineClass
		classified := false
		if len(out) > 0 {
			cur := &out[len(out)-1]
			prev := lines[i-1]
			if cur.kind == data.KindBody {
				if startsLower(line) && !endsSentence(prev) {
					cur.lines++
					continue
				}
				lc, classified = classify(line), true
				if lc.kind == data.KindBody && (wrapped || !endsSentence(prev) && (cur.lines > 1 || !headlineLike(prev))) {
					cur.lines++
					continue
				}
			}
		}
		if !classified {
			lc = classify(line)
		}
		kind := lc.kind
		// The line under an "Image:" label is that image's caption, even
		// when it carries no photo credit of its own.
		if kind == data.KindBody && i > 0 && len(out) > 0 && out[len(out)-1].label {
			kind = data.KindCaption
		}
		p := para{text: line, kind: kind, lines: 1, label: kind == data.KindCaption && reCaptionLabel.MatchString(line)}
		if kind == data.KindByline || kind == data.KindDateline {
			read := lc
			p.read = &read
		}
		out = append(out, p)
	}
	// Paragraphs that absorbed wrapped lines get their full text, joined
	// once to stay linear in the block's length.
	at := 0
	for i := range out {
		if out[i].lines > 1 {
			out[i].text = strings.Join(lines[at:at+out[i].lines], " ")
		}
		at += out[i].lines
	}
	return out
}

// hardWrapped reports a block of text wrapped at a fixed width: three or
// more lines, all but the last between 30 and 100 characters long and
// within 20 characters of each other, and at least one of them breaking a
// sentence. Lines of one-paragraph-per-line text vary far more in length.
func hardWrapped(lines []string) bool {
	if len(lines) < 3 {
		return false
	}
	lo, hi, broken := 1<<30, 0, false
	for _, l := range lines[:len(lines)-1] {
		n := utf8.RuneCountInString(l)
		lo, hi = min(lo, n), max(hi, n)
		broken = broken || !endsSentence(l)
	}
	return lo >= 30 && hi <= 100 && hi-lo <= 20 && broken
}

// endsSentence reports whether s ends with sentence-final punctuation,
// possibly followed by closing quotes or brackets.
func endsSentence(s string) bool {
	s = strings.TrimRightFunc(s, func(r rune) bool {
		return strings.ContainsRune("\"'”’»)]", r)
	})
	r, _ := utf8.DecodeLastRuneInString(s)
	return strings.ContainsRune(".!?:;…", r)
}

// startsLower reports whether s starts with a lower-case letter.
func startsLower(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLower(r)
}

// startsUpperOrSymbol reports whether s does not start with a lower-case
// letter; the site-furniture patterns only apply to such lines, so that a
// wrapped fragment of a sentence is never taken for one.
func startsUpperOrSymbol(s string) bool { return !startsLower(s) }

// markTitle applies rule 6 of Parse.
func markTitle(paras []para) {
	for i := 0; i < len(paras) && i < 5; i++ {
		p := &paras[i]
		if p.kind != data.KindBody {
			continue
		}
		// Only the first body paragraph can be the headline.
		// A line that is mostly numbers ("Versions: 00 01 02 03") is a
		// label over data, not a headline.
		if p.lines == 1 && (headlineLike(p.text) || shortUnpunctuated(p.text)) && !dataLine(p.text) {
			p.kind = data.KindTitle
		}
		return
	}
}

// shortUnpunctuated reports a line of 2 to 20 words (in Chinese or
// Japanese, 4 to 40 characters) with no final punctuation, the shape of a
// sentence-case headline.
func shortUnpunctuated(s string) bool {
	n, lo, hi := len(strings.Fields(s)), 2, 20
	if strings.ContainsFunc(s, isCJK) {
		n, lo, hi = textUnits(s), 4, 40
	}
	if n < lo || n > hi {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(s)
	return !strings.ContainsRune(".,;:!?…\"”’。，；：！？、」』）", r)
}

// smallWords are left in lower case in title-case headlines.
var smallWords = map[string]bool{
	"a": true, "an": true, "the": true, "and": true, "but": true, "or": true, "nor": true,
	"for": true, "so": true, "yet": true, "as": true, "at": true, "by": true, "in": true,
	"of": true, "off": true, "on": true, "per": true, "to": true, "up": true, "via": true,
	"vs": true, "vs.": true, "with": true, "from": true, "into": true, "over": true,
	"after": true, "than": true, "is": true, "are": true, "be": true, "was": true, "amid": true,
	"out": true, "if": true, "no": true, "not": true, "its": true, "his": true, "her": true,
	"their": true, "who": true, "that": true, "this": true,
}

// headlineLike reports a line that reads as a headline: 2 to 25 words, no
// final period or comma, no sentence punctuation before a closing quote,
// and at least three quarters of its significant words capitalised (or the
// whole line in capitals).
func headlineLike(s string) bool {
	words := strings.Fields(s)
	if len(words) < 2 || len(words) > 25 {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(s)
	if strings.ContainsRune(".,;:…", last) {
		return false
	}
	if strings.ContainsRune("\"”’'", last) {
		t := strings.TrimRightFunc(s, func(r rune) bool { return strings.ContainsRune("\"”’'", r) })
		r, _ := utf8.DecodeLastRuneInString(t)
		if strings.ContainsRune(".,;:!?…", r) {
			return false
		}
	}
	significant, capital := 0, 0
	for i, w := range words {
		w = strings.TrimLeftFunc(w, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
		if w == "" {
			continue
		}
		if i > 0 && smallWords[strings.ToLower(strings.TrimRight(w, ",:;!?"))] {
			continue
		}
		significant++
		r, _ := utf8.DecodeRuneInString(w)
		if unicode.IsUpper(r) || unicode.IsDigit(r) {
			capital++
		}
	}
	return significant >= 2 && capital*4 >= significant*3
}
