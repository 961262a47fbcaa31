package ui

import (
	"sort"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// token is one word of a passage with the spaces that follow it. Offsets are
// in runes, the unit of highlight and search offsets.
type token struct {
	start, end int     // runes of the word [start, end)
	next       int     // first rune after the trailing spaces
	width      float32 // width of the word alone
	space      float32 // width of the trailing spaces
	newline    bool    // a hard line break follows the word
}

// line is one laid-out line of a passage: runes [start, end) are drawn, and
// the line owns the runes up to next (its trailing spaces).
type line struct {
	start, end, next int
}

// measureFunc returns the width of a string in the passage's font.
type measureFunc func(string) float32

// tokenize splits text into words and measures each one once. Wrapping at a
// new width then needs no further measuring, so that a resize recomputes the
// height of every passage of a long article cheaply.
func tokenize(text []rune, measure measureFunc) []token {
	var toks []token
	spaceW := measure(" ")
	i := 0
	for i < len(text) {
		// Leading spaces of the passage belong to no word; skip them.
		for i < len(text) && unicode.IsSpace(text[i]) {
			i++
		}
		if i >= len(text) {
			break
		}
		start := i
		for i < len(text) && !unicode.IsSpace(text[i]) {
			i++
		}
		t := token{start: start, end: i, width: measure(string(text[start:i]))}
		for i < len(text) && unicode.IsSpace(text[i]) {
			if text[i] == '\n' {
				t.newline = true
			} else {
				t.space += spaceW
			}
			i++
		}
		t.next = i
		toks = append(toks, t)
	}
	return toks
}

// wrap lays tokens out in lines no wider than max. A word wider than a whole
// line is cut between characters, measured with measure.
func wrap(text []rune, toks []token, max float32, measure measureFunc) []line {
	if len(toks) == 0 {
		return nil
	}
	var lines []line
	cur := line{start: toks[0].start, end: toks[0].start, next: toks[0].start}
	x := float32(0)
	empty := true
	flush := func() {
		lines = append(lines, cur)
		empty = true
		x = 0
	}
	for _, t := range toks {
		if !empty && x+t.width > max {
			flush()
		}
		if empty {
			cur = line{start: t.start, end: t.start, next: t.start}
			empty = false
		}
		if t.width > max && x == 0 {
			// Cut an over-long word (an address, say) into pieces that fit.
			s := t.start
			for s < t.end {
				e := fitRunes(text, s, t.end, max, measure)
				cur.end, cur.next = e, e
				if e < t.end {
					flush()
					cur = line{start: e, end: e, next: e}
					empty = false
				} else {
					x = measure(string(text[s:e]))
				}
				s = e
			}
		} else {
			cur.end = t.end
			x += t.width
		}
		cur.next = t.next
		x += t.space
		if t.newline {
			flush()
		}
	}
	if !empty {
		flush()
	}
	return lines
}

// fitRunes returns the largest e in (s, end] such that runes [s, e) fit in
// max, and at least s+1 so that progress is always made.
func fitRunes(text []rune, s, end int, max float32, measure measureFunc) int {
	n := sort.Search(end-s, func(k int) bool {
		return measure(string(text[s:s+k+1])) > max
	})
	if n == 0 {
		return s + 1
	}
	return s + n
}

// lineOf returns the index of the line that holds rune offset off. An offset
// in a line's trailing spaces belongs to that line; the end of the text to the
// last line.
func lineOf(lines []line, off int) int {
	i := sort.Search(len(lines), func(i int) bool { return lines[i].next > off })
	if i >= len(lines) {
		return len(lines) - 1
	}
	return i
}

// fitRow lays objects out left to right at their natural size and hides
// those that do not fit whole: a row of chips (completions, filters) shows
// as many as the width allows, and never one cut in the middle of a word.
type fitRow struct{}

// Layout implements fyne.Layout.
func (fitRow) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	gap := theme.Padding()
	x := float32(0)
	full := false
	for _, o := range objs {
		m := o.MinSize()
		if full || x+m.Width > size.Width {
			full = true
			o.Hide()
			continue
		}
		o.Show()
		o.Move(fyne.NewPos(x, (size.Height-m.Height)/2))
		o.Resize(m)
		x += m.Width + gap
	}
}

// MinSize implements fyne.Layout: as wide as the first object, as high as
// the highest.
func (fitRow) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var s fyne.Size
	for i, o := range objs {
		m := o.MinSize()
		if i == 0 {
			s.Width = m.Width
		}
		s.Height = max(s.Height, m.Height)
	}
	return s
}
