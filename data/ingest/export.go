package ingest

import (
	"regexp"
	"strings"

	"github.com/casebookapp/casebook/data"
)

// News-database exports. Library databases export news articles as text
// (or RTF, DOCX, PDF carrying the same text) with labelled fields, many
// articles to a file:
//
//   - Nexis Uni: the headline, the publication and the date on lines of
//     their own, then "Copyright ...", "Section:", "Length:", "Byline:",
//     "Dateline:", a line "Body", the paragraphs, "Load-Date:", and "End of
//     Document" after each article (older exports number them "1 of 5
//     DOCUMENTS" instead);
//   - ProQuest: "Title:", "Author:", "Publication title:", "Publication
//     date:", "Full text:" followed by the paragraphs, then "Document
//     URL:", "Copyright:", "Database:"..., articles separated by a rule of
//     underscores or headed "Document 1 of 5";
//   - Factiva: two-letter codes, each on a line of its own or before a
//     tab: HD (headline), BY, WC (word count), PD (publication date), SN
//     (source name), LP and TD (the text), AN ("Document ...", the last
//     line of each article); its default display shows the same fields
//     without the codes, one a line: the headline, the byline, "523
//     words", the date, the source's name and code, the language, the
//     copyright, the text and "Document ...".
//
// splitExport recognises these layouts, splits the text into its articles
// and reads each one's metadata from its fields.

var (
	reNexisField  = regexp.MustCompile(`^(Byline|Section|Length|Dateline|Load-Date|Highlight|Graphic|Language|Publication-Type|Journal-Code|Subject|Geographic|Organization|Person|Industry|Correction-Date|Correction|Notes|Document-Type|Series|Type|Distribution):\s*(.*)$`)
	reProQuest    = regexp.MustCompile(`^(Title|Author|Publication title|Publication date|Full text|Abstract|Section|Publication year|Source type|Language of publication|Document type|ProQuest document ID|Document URL|Copyright|Last updated|Database|Place of publication|Country of publication|Publisher|Subject|Location|People|Company / organization|Dateline|Links|Pages|Volume|Issue|ISSN|Identifier / keyword|Column|Publication subject|First page|Document feature|Credit|Illustration|Update|Accession number|Company):\s*(.*)$`)
	reFactivaCode = regexp.MustCompile(`^(HD|BY|CR|WC|PD|ET|SN|SC|ED|PG|LA|CY|LP|TD|CO|IN|NS|RE|IPC|IPD|PUB|AN|SE|CLM|ART|RF)(?:\t\s*(.*)|\s*)$`)
	reSeparator   = regexp.MustCompile(`(?i)^\s*(?:end of document|_{8,}|-{8,}|={8,}|document \d+ of \d+|\d+ of \d+ documents)\s*$`)
	reFactivaAN   = regexp.MustCompile(`^Document [A-Za-z0-9]{16,}\s*$`)
	reWordCount   = regexp.MustCompile(`^\d[\d,]* words$`)
)

// exportArticle is one article of an export: its lines and what its
// fields said.
type exportArticle struct {
	meta  data.Meta
	title string
	// kinds gives the kind of each paragraph of text, in order: the
	// furniture's kinds, and "" for the body's paragraphs, which are left
	// to Parse.
	kinds []data.Kind
	text  string // the article's own text, fields included
}

// exportLayout says which database exported the text: "nexis",
// "proquest", "factiva", "factiva-display" (a word count line and a
// "Document ..." line) or "" for none. It needs several of a layout's
// labels (for Nexis, two of Byline, Section, Length, Load-Date and
// Dateline and a "Body" or "End of Document" line; for ProQuest three
// fields; for Factiva three codes), so that an article or a page that
// shows a "Language:" or "Notes:" line is not taken for an export.
func exportLayout(text string) string {
	var nexis, proquest, factiva, marks, wordCounts, documentIDs int
	for _, raw := range strings.Split(text, "\n") {
		l := strings.TrimSpace(raw)
		if m := reNexisField.FindStringSubmatch(l); m != nil {
			switch m[1] {
			case "Byline", "Section", "Length", "Load-Date", "Dateline":
				nexis++
			}
		}
		if l == "Body" || strings.EqualFold(l, "End of Document") {
			marks++
		}
		if reProQuest.MatchString(l) {
			proquest++
		}
		if reWordCount.MatchString(l) {
			wordCounts++
		}
		if reFactivaAN.MatchString(l) {
			documentIDs++
		}
		if m := reFactivaCode.FindStringSubmatch(raw); m != nil && (m[1] == "HD" || m[1] == "PD" || m[1] == "SN" || m[1] == "TD" || m[1] == "LP" || m[1] == "AN" || m[1] == "WC") {
			factiva++
		}
	}
	switch {
	case factiva >= 3:
		return "factiva"
	case proquest >= 3 && proquest >= nexis:
		return "proquest"
	case nexis >= 2 && marks >= 1:
		return "nexis"
	case wordCounts >= 1 && documentIDs >= 1:
		return "factiva-display"
	}
	return ""
}

// splitExport splits an export's text into its articles. It returns nil
// when the text is not an export.
func splitExport(text string) []exportArticle {
	layout := exportLayout(text)
	if layout == "" {
		return nil
	}
	var chunks [][]string
	var cur []string
	flush := func() {
		if strings.TrimSpace(strings.Join(cur, "")) != "" {
			chunks = append(chunks, cur)
		}
		cur = nil
	}
	for _, line := range strings.Split(text, "\n") {
		switch {
		case reSeparator.MatchString(line):
			flush()
		case (layout == "factiva" || layout == "factiva-display") && reFactivaAN.MatchString(strings.TrimSpace(line)):
			cur = append(cur, line)
			flush()
		default:
			cur = append(cur, line)
		}
	}
	flush()
	var out []exportArticle
	for _, c := range chunks {
		var a exportArticle
		switch layout {
		case "nexis":
			a = nexisArticle(c)
		case "proquest":
			a = proquestArticle(c)
		case "factiva":
			a = factivaArticle(c)
		case "factiva-display":
			a = factivaDisplayArticle(c)
		}
		if strings.TrimSpace(a.text) != "" {
			out = append(out, a)
		}
	}
	return out
}

// paragraphsOf joins lines into paragraphs at blank lines, cleaned.
func paragraphsOf(lines []string) []string {
	var out []string
	var cur []string
	flush := func() {
		if p := clean(strings.Join(cur, " ")); p != "" {
			out = append(out, p)
		}
		cur = nil
	}
	for _, l := range lines {
		if strings.TrimSpace(l) == "" {
			flush()
			continue
		}
		cur = append(cur, l)
	}
	flush()
	return out
}

// build assembles an article's text from its furniture before the body,
// the body's paragraphs and the furniture after, one paragraph to a
// block, and records the furniture's kinds.
func (a *exportArticle) build(head []string, headKinds []data.Kind, body, tail []string) {
	var blocks []string
	add := func(text string, k data.Kind) {
		if text = clean(text); text != "" {
			blocks = append(blocks, text)
			a.kinds = append(a.kinds, k)
		}
	}
	for i, h := range head {
		add(h, headKinds[i])
	}
	for _, b := range body {
		add(b, "")
	}
	for _, t := range tail {
		add(t, data.KindBoilerplate)
	}
	a.text = strings.Join(blocks, "\n\n")
}

// exportByline reads a byline field's authors ("Jane Doe and John Roe",
// "By JANE DOE", "Doe, Jane"): "A; B".
func exportByline(s string) string {
	s = clean(s)
	if s == "" {
		return ""
	}
	// "Doe, Jane" (ProQuest's order): one comma, a name on each side.
	if parts := strings.Split(s, ","); len(parts) == 2 && !strings.Contains(s, " and ") {
		last, first := strings.TrimSpace(parts[0]), strings.TrimSpace(parts[1])
		if len(strings.Fields(last)) <= 2 && len(strings.Fields(first)) <= 3 && isPersonName(first+" "+last) {
			return personName(first + " " + last)
		}
	}
	if !reBylineWord.MatchString(s) {
		s = "By " + s
	}
	if bl, ok := looseByline(s); ok {
		return strings.Join(bl.authors, "; ")
	}
	return ""
}

// rePlaceSuffix is the place a database adds after a publication's name
// to tell papers of the same name apart: "Daily News (New York)",
// "The Brooklyn Ledger (New York)", "The Guardian (London)".
var rePlaceSuffix = regexp.MustCompile(`\s*\((?:[A-Z][\p{L}.'-]*)(?:,? [A-Z][\p{L}.'-]*){0,3}\)$`)

// exportOutlet reads a publication line: the paper's name without the
// place the database adds, which a citation does not give.
func exportOutlet(s string) string {
	s = clean(s)
	if t := rePlaceSuffix.ReplaceAllString(s, ""); t != "" {
		return t
	}
	return s
}

// exportSourceType reads a database's publication type (Nexis's
// "Publication-Type: Newspaper", ProQuest's "Source type: Newspapers"):
// the kind of publication the citation styles cite differently. A paper
// the known-outlet list has never heard of is still cited as a newspaper
// when the database says it is one. "" when the field says nothing
// Casebook tells apart.
func exportSourceType(s string) data.SourceType {
	s = strings.ToLower(clean(s))
	switch {
	case strings.Contains(s, "newspaper"):
		return data.Newspaper
	case strings.Contains(s, "magazine"):
		return data.Magazine
	case strings.Contains(s, "press release"):
		return data.PressRelease
	case strings.Contains(s, "blog"):
		return data.Blog
	case strings.Contains(s, "wire") || strings.Contains(s, "web publication") || strings.Contains(s, "news"):
		return data.NewsWebsite
	}
	return ""
}

// exportDate reads the publication date of a date line ("April 20, 2016
// Wednesday", "20 April 2016", "Apr 20, 2016").
func exportDate(s string) string {
	if ds := findDates(s); len(ds) > 0 {
		return ds[0].iso
	}
	return ""
}

// nexisArticle reads a Nexis Uni article: headline, publication and date
// lines above the fields, the paragraphs between "Body" and the fields
// after it.
func nexisArticle(lines []string) exportArticle {
	var a exportArticle
	var head []string
	var headKinds []data.Kind
	var body, tail []string
	state := 0 // 0 head, 1 body, 2 tail
	var bodyLines []string
	headText := 0
	first := nexisHeadline(lines)
	for n, raw := range lines {
		l := strings.TrimSpace(raw)
		switch state {
		case 0:
			if l == "" {
				continue
			}
			if n < first {
				// The download's cover page: who, when, and the list
				// of its documents.
				head = append(head, l)
				headKinds = append(headKinds, data.KindBoilerplate)
				continue
			}
			if l == "Body" {
				head = append(head, l)
				headKinds = append(headKinds, data.KindBoilerplate)
				state = 1
				continue
			}
			kind := data.KindBoilerplate
			if m := reNexisField.FindStringSubmatch(l); m != nil {
				switch m[1] {
				case "Byline":
					a.meta.Author = exportByline(m[2])
					kind = data.KindByline
				case "Dateline":
					kind = data.KindDateline
				case "Publication-Type":
					a.meta.Type = exportSourceType(m[2])
				}
			} else if strings.HasPrefix(l, "Copyright") || strings.HasPrefix(l, "©") {
				if mm := reCopyright.FindStringSubmatch(l); mm != nil && a.meta.Outlet == "" {
					a.meta.Outlet = strings.TrimSpace(mm[1])
				}
			} else if isPageNumber(l) || clean(l) == a.title {
				// A page number of the export, or the headline again.
			} else {
				// The headline, then the publication, then the date.
				switch headText {
				case 0:
					a.title = clean(l)
					kind = data.KindTitle
				case 1:
					if d := exportDate(l); d != "" {
						a.meta.Date = d
						kind = data.KindDateline
					} else {
						a.meta.Outlet = exportOutlet(l)
					}
				case 2:
					if d := exportDate(l); d != "" && a.meta.Date == "" {
						a.meta.Date = d
						kind = data.KindDateline
					}
				}
				headText++
			}
			head = append(head, l)
			headKinds = append(headKinds, kind)
		case 1:
			if reNexisField.MatchString(l) && (strings.HasPrefix(l, "Load-Date:") || strings.HasPrefix(l, "Graphic:") || strings.HasPrefix(l, "Classification") || strings.HasPrefix(l, "Language:")) {
				state = 2
				tail = append(tail, l)
				continue
			}
			bodyLines = append(bodyLines, raw)
		case 2:
			if l != "" {
				tail = append(tail, l)
			}
			// Nexis writes the publication's type among the fields
			// after the body.
			if m := reNexisField.FindStringSubmatch(l); m != nil && m[1] == "Publication-Type" {
				a.meta.Type = exportSourceType(m[2])
			}
		}
	}
	body = paragraphsOf(bodyLines)
	a.meta.Title = a.title
	a.build(head, headKinds, body, tail)
	return a
}

// reLabel is a line that starts with a label: "Date and Time: ...",
// "Client/Matter: -None-".
var reLabel = regexp.MustCompile(`^[\p{L}][\p{L} /&-]{0,30}:\s`)

// nexisHeadline returns the index in lines of a Nexis article's headline:
// the line two above its date line ("April 20, 2016 Wednesday"), with the
// publication between them, or one above it when the publication is
// missing. What stands before the headline is the download's cover page
// (who downloaded it and when, a numbered list of its documents' headlines)
// or a running header. It returns 0 when no date line comes before "Body".
func nexisHeadline(lines []string) int {
	var text []int // the lines that may be the headline, the publication or the date
	for i, raw := range lines {
		l := strings.TrimSpace(raw)
		switch {
		case l == "Body":
			return 0
		case l == "" || reNexisField.MatchString(l) || strings.HasPrefix(l, "Copyright") || strings.HasPrefix(l, "©") || isPageNumber(l):
			continue
		}
		if len(text) > 0 && exportDate(l) != "" && textUnits(l) <= 8 && !reLabel.MatchString(l) {
			j := len(text) - 1
			if j > 0 && exportDate(strings.TrimSpace(lines[text[j]])) == "" && clean(lines[text[j-1]]) != clean(lines[text[j]]) {
				// The headline, then the publication.
				j--
			}
			return text[j]
		}
		text = append(text, i)
	}
	return 0
}

// proquestArticle reads a ProQuest article: fields, with "Full text:"
// opening the paragraphs, which run to the next field.
func proquestArticle(lines []string) exportArticle {
	var a exportArticle
	var head, tail, bodyLines []string
	var headKinds []data.Kind
	state := 0
	for _, raw := range lines {
		l := strings.TrimSpace(raw)
		m := reProQuest.FindStringSubmatch(l)
		if m != nil && m[1] == "Full text" {
			state = 1
			head = append(head, "Full text:")
			headKinds = append(headKinds, data.KindBoilerplate)
			if m[2] != "" {
				bodyLines = append(bodyLines, m[2])
			}
			continue
		}
		if m != nil && state == 1 && m[1] != "Dateline" {
			state = 2
		}
		if state == 1 {
			bodyLines = append(bodyLines, raw)
			continue
		}
		if l == "" {
			continue
		}
		kind := data.KindBoilerplate
		if m != nil {
			switch m[1] {
			case "Title":
				if a.title == "" {
					a.title = clean(m[2])
				}
			case "Author":
				if a.meta.Author == "" {
					a.meta.Author = exportByline(m[2])
				}
				kind = data.KindByline
			case "Publication title":
				if a.meta.Outlet == "" {
					// "The Harbor Courier; Harbor City": the place
					// after the semicolon is not the name.
					name, _, _ := strings.Cut(m[2], ";")
					a.meta.Outlet = strings.TrimRight(clean(name), ". ")
				}
			case "Publication date":
				if a.meta.Date == "" {
					a.meta.Date = exportDate(m[2])
				}
			case "Document URL":
				a.meta.Source = clean(m[2])
			case "Source type":
				a.meta.Type = exportSourceType(m[2])
			}
		} else if state == 0 && a.title == "" && len(head) == 0 {
			// An export may open with the headline before the fields.
			a.title = clean(l)
			kind = data.KindTitle
		}
		if state == 2 {
			tail = append(tail, l)
		} else {
			head = append(head, l)
			headKinds = append(headKinds, kind)
		}
	}
	a.meta.Title = a.title
	a.build(head, headKinds, paragraphsOf(bodyLines), tail)
	return a
}

// factivaArticle reads a Factiva article: each code's value is on the
// code's line after a tab, or on the lines under it up to the next code.
func factivaArticle(lines []string) exportArticle {
	var a exportArticle
	var head, tail, bodyLines []string
	var headKinds []data.Kind
	code := ""
	for _, raw := range lines {
		if m := reFactivaCode.FindStringSubmatch(raw); m != nil {
			code = m[1]
			if code == "LP" || code == "TD" {
				if v := strings.TrimSpace(m[2]); v != "" {
					bodyLines = append(bodyLines, v)
				}
				if len(bodyLines) > 0 {
					bodyLines = append(bodyLines, "")
				}
				continue
			}
			raw = m[2]
			if strings.TrimSpace(raw) == "" {
				continue
			}
		}
		l := strings.TrimSpace(raw)
		switch code {
		case "LP", "TD":
			bodyLines = append(bodyLines, raw)
			continue
		case "":
			continue
		}
		if l == "" {
			continue
		}
		kind := data.KindBoilerplate
		switch code {
		case "HD":
			if a.title == "" {
				a.title = clean(l)
				kind = data.KindTitle
			}
		case "BY":
			a.meta.Author = exportByline(l)
			kind = data.KindByline
		case "PD":
			if a.meta.Date == "" {
				a.meta.Date = exportDate(l)
				kind = data.KindDateline
			}
		case "SN":
			if a.meta.Outlet == "" {
				a.meta.Outlet = exportOutlet(l)
			}
		}
		if len(bodyLines) > 0 {
			tail = append(tail, l)
		} else {
			head = append(head, l)
			headKinds = append(headKinds, kind)
		}
	}
	a.meta.Title = a.title
	a.build(head, headKinds, paragraphsOf(bodyLines), tail)
	return a
}

// factivaDisplayArticle reads an article of Factiva's default display,
// which has the fields of the coded layout without their codes: the
// headline, the byline if there is one, "523 words", the date, the source's
// name and code, the language and the copyright line, then the paragraphs,
// and "Document ..." last. The paragraphs start after the copyright line,
// or at the first line of prose when there is none.
func factivaDisplayArticle(lines []string) exportArticle {
	var a exportArticle
	var head, tail, bodyLines []string
	var headKinds []data.Kind
	state := 0 // 0 above the word count, 1 the fields under it, 2 the body
	for _, raw := range lines {
		l := strings.TrimSpace(raw)
		if state < 2 && l == "" {
			continue
		}
		kind := data.KindBoilerplate
		switch state {
		case 0:
			switch {
			case reWordCount.MatchString(l):
				state = 1
			case a.title == "":
				a.title = clean(l)
				kind = data.KindTitle
			case a.meta.Author == "" && reBylineWord.MatchString(l):
				if au := exportByline(l); au != "" {
					a.meta.Author = au
					kind = data.KindByline
				}
			}
		case 1:
			switch {
			case reCopyright.MatchString(l) || strings.HasPrefix(l, "Copyright") || strings.HasPrefix(l, "©") || strings.HasPrefix(strings.ToLower(l), "(c)"):
				state = 2
			case textUnits(l) > 12:
				state = 2
				bodyLines = append(bodyLines, raw)
				continue
			case a.meta.Date == "" && exportDate(l) != "":
				a.meta.Date = exportDate(l)
				kind = data.KindDateline
			case a.meta.Outlet == "" && a.meta.Date != "":
				a.meta.Outlet = exportOutlet(l)
			}
		case 2:
			if reFactivaAN.MatchString(l) {
				tail = append(tail, l)
			} else {
				bodyLines = append(bodyLines, raw)
			}
			continue
		}
		head = append(head, l)
		headKinds = append(headKinds, kind)
	}
	a.meta.Title = a.title
	a.build(head, headKinds, paragraphsOf(bodyLines), tail)
	return a
}
