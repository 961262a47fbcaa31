package export

import (
	"regexp"
	"strings"

	"github.com/casebookapp/casebook/data"
	"github.com/casebookapp/casebook/data/casefacts"
	"github.com/casebookapp/casebook/data/export/cite"
)

// Include selects the study aids exported after the quotes and notes: the
// timeline and the index of people and organisations, each entry with the
// citations of the passages it comes from.
type Include struct {
	Timeline bool
	People   bool
}

// ParseInclude reads the CLI's --include: "timeline", "people", both
// separated by commas, or "" for neither.
func ParseInclude(s string) (Include, error) {
	var in Include
	for _, part := range strings.Split(s, ",") {
		switch strings.ToLower(strings.TrimSpace(part)) {
		case "":
		case "timeline":
			in.Timeline = true
		case "people":
			in.People = true
		default:
			return Include{}, data.Errorf(data.EINVALID, "unknown section %q: --include takes timeline, people or both (timeline,people)", strings.TrimSpace(part))
		}
	}
	return in, nil
}

// aidSection is the timeline or the people index, laid out for every
// format.
type aidSection struct {
	heading string
	groups  []aidGroup
}

// aidGroup is a kind of entity ("People", "Organisations"), or the whole
// timeline.
type aidGroup struct {
	heading string
	entries []aidEntry
}

// aidEntry is one line: a date or a name in bold, a description, a warning
// (a disputed date, a probable misspelling) and the citations of its
// passages.
type aidEntry struct {
	lead, text, warning string
	// cites are the in-text citations (APA, MLA), each once, in order; for
	// Chicago, noteNos are the footnote numbers in v.notes.
	cites   []cite.Text
	noteNos []int
}

// aidArticles are the articles the included sections cite.
func aidArticles(doc Document, in Include, arts map[int64]data.Article) []data.Article {
	seen := map[int64]bool{}
	var out []data.Article
	add := func(refs []casefacts.Ref) {
		for _, r := range refs {
			if a, ok := arts[r.Article]; ok && !seen[a.ID] {
				seen[a.ID] = true
				out = append(out, a)
			}
		}
	}
	if in.Timeline {
		for _, e := range doc.Timeline {
			add(e.Passages)
		}
	}
	if in.People {
		for _, e := range doc.People {
			add(e.Mentions)
		}
	}
	return out
}

// buildAids lays out the included sections, citing their passages with the
// articles' current metadata (arts) through the document's citation list,
// which already holds their articles. Chicago notes continue the numbering
// of the quotes' notes.
func (v *view) buildAids(doc Document, arts map[int64]data.Article, citer *cite.List) {
	opt := v.opt
	cites := func(refs []casefacts.Ref) ([]cite.Text, []int) {
		var out []cite.Text
		var nos []int
		dup := map[string]bool{}
		for _, r := range refs {
			a, ok := arts[r.Article]
			if !ok {
				continue
			}
			if opt.Style == cite.Chicago {
				v.notes = append(v.notes, citer.Note(a, r.Para))
				nos = append(nos, len(v.notes))
				continue
			}
			c := citer.InText(a, r.Para)
			if k := c.String(); !dup[k] {
				dup[k] = true
				out = append(out, c)
			}
		}
		return out, nos
	}
	if opt.Include.Timeline {
		g := aidGroup{}
		for _, e := range doc.Timeline {
			ae := aidEntry{lead: e.Date.Readable(), text: e.Label}
			if !e.Date.Known() {
				ae.lead = "Date not resolved (“" + strings.Join(e.AsWritten, "”, “") + "”)"
			}
			if e.Disputed {
				ae.warning = e.Dispute
			}
			ae.cites, ae.noteNos = cites(e.Passages)
			g.entries = append(g.entries, ae)
		}
		v.aids = append(v.aids, aidSection{heading: "Timeline", groups: []aidGroup{g}})
		v.report.TimelineEntries = len(g.entries)
	}
	if opt.Include.People {
		var groups []aidGroup
		for _, kind := range []string{casefacts.Person, casefacts.Organisation} {
			g := aidGroup{heading: map[string]string{casefacts.Person: "People", casefacts.Organisation: "Organisations"}[kind]}
			for _, e := range doc.People {
				if e.Kind != kind {
					continue
				}
				text := e.Role
				if len(e.Aliases) > 0 {
					also := "also " + strings.Join(e.Aliases, ", ")
					if text == "" {
						text = also
					} else {
						text += " (" + also + ")"
					}
				}
				ae := aidEntry{lead: e.Name, text: text}
				if e.VariantOf != "" {
					ae.warning = "Possibly a misspelling of " + e.VariantOf + " in the source."
				}
				ae.cites, ae.noteNos = cites(e.Mentions)
				g.entries = append(g.entries, ae)
				v.report.PeopleEntries++
			}
			if len(g.entries) > 0 {
				groups = append(groups, g)
			}
		}
		v.aids = append(v.aids, aidSection{heading: "People and organisations", groups: groups})
	}
}

// joinCites puts in-text citations in one pair of brackets, the
// paragraphs of one source together: "(AFRO, 2016, paras. 1, 4; Wang,
// 2016, para. 5)". A citation it cannot take apart is kept whole.
func joinCites(cs []cite.Text) cite.Text {
	if len(cs) == 0 {
		return nil
	}
	type group struct {
		body  cite.Text // the citation inside its brackets, without the paragraph
		unit  string
		paras []string
	}
	var gs []group
	index := map[string]int{}
	for _, c := range cs {
		body, ok := unbracket(c)
		if !ok {
			gs = append(gs, group{body: c})
			continue
		}
		unit, para := "", ""
		if n := len(body); n > 0 {
			last := body[n-1]
			if m := paraCite.FindStringSubmatch(last.Text); m != nil && last.URL == "" && !last.Italic {
				body = append(cite.Text{}, body[:n-1]...)
				if m[1] != "" {
					body = append(body, cite.Span{Text: m[1]})
				}
				unit, para = m[2], m[3]
			}
		}
		// One group per source, in the order first cited; a citation
		// without a paragraph (a caption) adds nothing to a source cited
		// by paragraph.
		key := strings.TrimRight(body.String(), ", ")
		if i, ok := index[key]; ok {
			if para != "" {
				if gs[i].unit == "" {
					gs[i].unit, gs[i].body = unit, body
				}
				gs[i].paras = append(gs[i].paras, para)
			}
			continue
		}
		index[key] = len(gs)
		g := group{body: body, unit: unit}
		if para != "" {
			g.paras = []string{para}
		}
		gs = append(gs, g)
	}
	out := cite.Text{{Text: "("}}
	for i, g := range gs {
		if i > 0 {
			out = append(out, cite.Span{Text: "; "})
		}
		out = append(out, g.body...)
		switch {
		case len(g.paras) == 1:
			out = append(out, cite.Span{Text: g.unit + ". " + g.paras[0]})
		case len(g.paras) > 1:
			out = append(out, cite.Span{Text: g.unit + "s. " + strings.Join(g.paras, ", ")})
		}
	}
	return append(out, cite.Span{Text: ")"})
}

// unbracket takes the brackets off an in-text citation: "(AFRO, 2016, para.
// 5)" → "AFRO, 2016, para. 5".
func unbracket(c cite.Text) (cite.Text, bool) {
	if len(c) == 0 || !strings.HasPrefix(c[0].Text, "(") || !strings.HasSuffix(c[len(c)-1].Text, ")") || c[0].Italic || c[len(c)-1].Italic {
		return nil, false
	}
	out := append(cite.Text{}, c...)
	out[0].Text = out[0].Text[1:]
	out[len(out)-1].Text = strings.TrimSuffix(out[len(out)-1].Text, ")")
	var kept cite.Text
	for _, s := range out {
		if s.Text != "" {
			kept = append(kept, s)
		}
	}
	return kept, true
}

// paraCite splits the end of an in-text citation before its paragraph:
// APA's "…, 2016, para. 5", MLA's "… par. 5".
var paraCite = regexp.MustCompile(`^(.*?)(para|par)\. (\d+)$`)
