package text

import "slices"

// EditDistance is the Levenshtein distance between a and b, in runes (one
// insertion, deletion or substitution each). With max >= 0 it gives up as
// soon as the distance must pass max and returns -1 then; with max < 0 there
// is no bound. It compares runes as they are: callers that want case ignored
// lower-case first.
//
// Package anchor measures how far a quote has drifted with it (unbounded,
// and bounded by the errors it allows); package casefacts and compare ask
// whether two names are within a typo of each other (see WithinEdits).
func EditDistance(a, b []rune, max int) int {
	if max >= 0 {
		if d := len(a) - len(b); d > max || -d > max {
			return -1
		}
	}
	// One row of the dynamic programme, rewritten in place: row[j] is the
	// distance between a[:i] and b[:j].
	var buf [64]int
	var row []int
	if len(b)+1 > len(buf) {
		row = make([]int, len(b)+1)
	} else {
		row = buf[:len(b)+1]
	}
	for j := range row {
		row[j] = j
	}
	for i := 1; i <= len(a); i++ {
		diag := row[0]
		row[0] = i
		ai := a[i-1]
		for j := 1; j <= len(b); j++ {
			cost := 1
			if ai == b[j-1] {
				cost = 0
			}
			up := row[j]
			row[j] = min(diag+cost, up+1, row[j-1]+1)
			diag = up
		}
		// Every later row is at least as far as this row's least: once
		// that passes the bound, so does the distance.
		if max >= 0 && i < len(a) && slices.Min(row) > max {
			return -1
		}
	}
	if d := row[len(b)]; max < 0 || d <= max {
		return d
	}
	return -1
}

// WithinEdits is EditDistance on two strings, read as runes: the distance
// when it is at most max, else -1.
func WithinEdits(a, b string, max int) int {
	return EditDistance([]rune(a), []rune(b), max)
}
