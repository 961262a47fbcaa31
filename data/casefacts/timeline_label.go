package casefacts

import (
	"regexp"
	"strings"

	"github.com/casebookapp/casebook/data"
)

// overlaps reports whether two labels share at least a third of their
// words of four letters or more.
func overlaps(a, b string) bool {
	words := func(s string) map[string]bool {
		m := map[string]bool{}
		for _, w := range wordRe.FindAllString(strings.ToLower(s), -1) {
			if len([]rune(w)) >= 4 {
				m[w] = true
			}
		}
		return m
	}
	wa, wb := words(a), words(b)
	common := 0
	for w := range wa {
		if wb[w] {
			common++
		}
	}
	return common*3 >= min(len(wa), len(wb)) && common > 0
}

// nounPhrase is the end of a clause that a "which" refers to: the words
// after its last verb or preposition ("push ahead with Ballinger's wrongful
// death lawsuit" → "Ballinger's wrongful death lawsuit").
func nounPhrase(s string) string {
	f := strings.Fields(s)
	i := len(f)
	for i > 0 && len(f)-i < 6 && !npStops[strings.ToLower(f[i-1])] {
		i--
	}
	return strings.Join(f[i:], " ")
}

var npStops = set(`with of to for in on at about against from by said says told that and but
is was were are has have had will would`)

func lastWordStart(s string) int {
	s = strings.TrimRight(s, " ")
	return strings.LastIndex(s, " ") + 1
}

func isPrep(w string) bool {
	switch strings.ToLower(strings.TrimSpace(w)) {
	case "on", "in", "at", "by", "since", "until", "from", "during", "of", "when":
		return true
	}
	return false
}

var wordRe = regexp.MustCompile(`[\p{L}’']+`)

// kindNear is the kind of the event word nearest to the date in a clause
// (at its bytes ds to de). A word right after the date is what it dates
// ("the 2014 shooting death"); otherwise a word before the date ("was
// convicted … on Feb. 11") is nearer than one after it.
func kindNear(clause string, ds, de int) string {
	best, bestDist := "", 1<<30
	for _, m := range wordRe.FindAllStringIndex(clause, -1) {
		w := strings.ToLower(clause[m[0]:m[1]])
		k, ok := eventKinds[w]
		if !ok {
			continue
		}
		if m[0] >= ds && m[1] <= de && de > ds || data.MonthNumber(w) > 0 && capitalised(clause[m[0]:m[1]]) {
			continue // a date ("in March"), not a march
		}
		if de > ds && m[0] >= de && m[0] <= de+1 {
			return k
		}
		// A word that only describes the next one ("shooting death",
		// "sentencing recommendation") is not the event.
		if n := wordRe.FindString(clause[m[1]:]); n != "" && strings.HasPrefix(strings.TrimLeft(clause[m[1]:], " "), n) {
			if _, isKind := eventKinds[strings.ToLower(n)]; isKind || strings.EqualFold(n, "death") {
				continue
			}
		}
		d := ds - m[1]
		if m[0] >= de {
			d = 10000 + m[0] - de
		}
		// A statement word is the event only when nothing else is; a trial
		// is the setting of a verdict or a sentence rather than an event.
		switch k {
		case "statement":
			d += 20000
		case "trial":
			d += 50
		}
		if d < bestDist {
			best, bestDist = k, d
		}
	}
	return best
}

var (
	leadingJunk   = regexp.MustCompile(`(?i)^(?:[,;:—–\s]|and\s|but\s|which\s|who\s|when\s|while\s|that\s|after\s|since\s|then\s)+`)
	parens        = regexp.MustCompile(`\s*\([^)]*\)`)
	relClause     = regexp.MustCompile(`, (?:which|who|whose) [^,]+,`)
	relStart      = regexp.MustCompile(`^(?:which|who|whose)\b`)
	trailingWords = set(`for on in at of to by from with since as`)
	auxRe         = regexp.MustCompile(`^([A-Z][\p{L}’'.-]*(?:\s+[A-Z][\p{L}’'.-]*)*(?:,\s*\d+,)?)\s+(?:was|were|has been|had been|have been|is being|was being)\s+((?:\w+ed|shot|killed|hit|held|led|brought|given|taken|struck|found|sentenced|convicted|fired)\b)`)
	datePrep      = regexp.MustCompile(`(?i)(?:\b(?:ahead of|on|in|at|by|since|from|during|of|last)\s+)$`)
)

// label makes a short description from a clause: the clause without the
// date (and its preposition), without "was" before a participle
// ("Liang convicted of manslaughter"), at most 14 words.
func label(clause string, ds, de int) (string, bool) {
	// Drop a relative clause between commas that does not hold the date:
	// "The Legal Aid Society, which represents several tenants, filed …".
	for {
		if !strings.Contains(clause, ", wh") {
			break
		}
		m := relClause.FindStringIndex(clause)
		if m == nil || (ds >= m[0] && ds < m[1] && de > ds) {
			break
		}
		cut := m[1] - m[0] - 1
		clause = clause[:m[0]] + " " + clause[m[1]:]
		if ds >= m[1] {
			ds, de = ds-cut, de-cut
		}
	}
	before := clause[:ds]
	if m := datePrep.FindStringIndex(before); m != nil {
		before = before[:m[0]]
	}
	after := clause[de:]
	after = strings.TrimLeft(after, " ")
	s := strings.TrimRight(before, " ,") + " " + after
	if strings.HasPrefix(after, ",") {
		s = strings.TrimRight(before, " ,") + after
	}
	if strings.TrimSpace(before) == "" {
		s = strings.TrimLeft(after, " ,")
	}
	if strings.Contains(s, "(") {
		s = parens.ReplaceAllString(s, "")
	}
	s = strings.Join(strings.Fields(s), " ")
	s = leadingJunk.ReplaceAllString(s, "")
	s = strings.TrimRight(s, " ,;:.—–")
	if strings.Contains(s, " was ") || strings.Contains(s, " were ") || strings.Contains(s, " been ") || strings.Contains(s, " being ") {
		s = auxRe.ReplaceAllString(s, "$1 $2")
	}
	s = strings.Join(strings.Fields(s), " ")
	s = strings.Trim(s, "“”\"")
	// "…a Brooklyn rally in support of Liang, welcomed the …": the part
	// before a comma is enough when it says something.
	if i := strings.Index(s, ", "); i > 0 && len(strings.Fields(s[:i])) >= 4 && !capitalised(s[i+2:]) && !relStart.MatchString(s[i+2:]) {
		s = s[:i]
	}
	for {
		i := strings.LastIndex(s, " ")
		if i < 0 || !isPrep(s[i+1:]) && !trailingWords[strings.ToLower(s[i+1:])] {
			break
		}
		s = s[:i]
	}
	f := strings.Fields(s)
	if len(f) < 2 {
		return "", false
	}
	subject := capitalised(s) && !stopWords[strings.ToLower(f[0])]
	if len(f) > 20 {
		s = strings.Join(f[:20], " ") + " …"
	}
	r := []rune(s)
	if len(r) > 0 {
		r[0] = []rune(strings.ToUpper(string(r[0])))[0]
	}
	return string(r), subject
}
