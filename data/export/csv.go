package export

import (
	"encoding/csv"
	"io"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// csvHeader names the CSV columns.
var csvHeader = []string{"article", "para", "colour meaning", "quote", "note", "tags", "citation", "verbatim check"}

// writeCSV writes one row per note (with that note's tags), and one per
// highlight without a note, with the header row first. Each row stands alone, so its citation is the
// full one (in Chicago, the full note). Entries appear once, in the chosen
// order, even when ordered by tag.
//
// The file starts with a UTF-8 byte-order mark, without which Excel and
// LibreOffice read it as Latin-1 and show "Gurleyâ€™s". A cell that
// starts with a formula character ("=", "+", "-", "@", or their full-width
// forms), possibly after spaces or line breaks, or with a tab, carriage
// return or line feed, is prefixed with an apostrophe, so that a
// spreadsheet shows it as text rather than run it as a formula.
func writeCSV(w io.Writer, v *view) error {
	if _, err := io.WriteString(w, "\uFEFF"); err != nil {
		return err
	}
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
	if s == "" {
		return s
	}
	if strings.ContainsRune("\t\r\n", rune(s[0])) {
		return "'" + s
	}
	t := strings.TrimLeftFunc(s, unicode.IsSpace)
	if r, _ := utf8.DecodeRuneInString(t); t != "" && strings.ContainsRune("=+-@＝＋－＠", r) {
		return "'" + s
	}
	return s
}
