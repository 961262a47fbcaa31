package export

import (
	"encoding/csv"
	"io"
	"strconv"
	"strings"
)

// csvHeader names the CSV columns.
var csvHeader = []string{"article", "para", "colour meaning", "quote", "note", "tags", "citation", "verbatim check"}

// writeCSV writes one row per note (with that note's tags), and one per
// highlight without a note, with the header row first. Each row stands alone, so its citation is the
// full one (in Chicago, the full note). Entries appear once, in the chosen
// order, even when ordered by tag.
//
// A cell that starts with "=", "+", "-", "@", a tab or a carriage return is
// prefixed with an apostrophe, so that a spreadsheet shows it as text rather
// than run it as a formula.
func writeCSV(w io.Writer, v *view) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(csvHeader); err != nil {
		return err
	}
	done := map[*item]bool{}
	for _, s := range v.sections {
		for _, it := range s.items {
			v.step()
			if done[it] {
				continue
			}
			done[it] = true
			meaning := ""
			if it.colour != nil {
				meaning = it.colour.Meaning
			}
			para := ""
			if it.para > 0 {
				para = strconv.Itoa(it.para)
			}
			check := "ok"
			if it.failure != "" {
				check = it.failure
			}
			row := func(note string, tags []string) error {
				return cw.Write([]string{
					cell(it.article.Title), para, cell(meaning), cell(it.quote), cell(note),
					cell(strings.Join(tags, ", ")), cell(it.fullNote.String()), check,
				})
			}
			if len(it.Notes) == 0 {
				if err := row("", nil); err != nil {
					return err
				}
			}
			for _, n := range it.Notes {
				if err := row(n.Body, n.Tags); err != nil {
					return err
				}
			}
		}
	}
	cw.Flush()
	return cw.Error()
}

// cell guards a text cell against formula injection.
func cell(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}
