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
	cites   []string
	noteNos []int
}

// buildAids lays out the included sections, citing their passages with the
// articles' current metadata (arts) and adding the articles they cite to
// the reference list (cited). Chicago notes continue the numbering of the
// quotes' notes (seen says which articles had their full note).
func (v *view) buildAids(doc Document, arts map[int64]data.Article, cited map[int64]data.Article, seen map[int64]bool) {
	opt := v.opt
	cites := func(refs []casefacts.Ref) ([]string, []int) {
		var out []string
		var nos []int
		dup := map[string]bool{}
		for _, r := range refs {
			a, ok := arts[r.Article]
			if !ok {
				continue
			}
			cited[a.ID] = a
			if opt.Style == cite.Chicago {
				var n cite.Text
				if seen[a.ID] {
					n = cite.Text{{Text: opt.Style.ShortNote(a, r.Para)}}
				} else {
					n = opt.Style.Note(a, r.Para)
					seen[a.ID] = true
				}
				v.notes = append(v.notes, n)
				nos = append(nos, len(v.notes))
				continue
			}
			c := opt.Style.InText(a, r.Para)
			if !dup[c] {
				dup[c] = true
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
// 2016, para. 5)".
func joinCites(cs []string) string {
	if len(cs) == 0 {
		return ""
	}
	type group struct {
		prefix, unit string
		paras        []string
	}
	var gs []group
	for _, c := range cs {
		if !strings.HasPrefix(c, "(") || !strings.HasSuffix(c, ")") {
			return strings.Join(cs, " ")
		}
		inner := c[1 : len(c)-1]
		m := paraCite.FindStringSubmatch(inner)
		if m == nil {
			gs = append(gs, group{prefix: inner})
			continue
		}
		if n := len(gs); n > 0 && gs[n-1].prefix == m[1] && gs[n-1].unit == m[2] {
			gs[n-1].paras = append(gs[n-1].paras, m[3])
			continue
		}
		gs = append(gs, group{prefix: m[1], unit: m[2], paras: []string{m[3]}})
	}
	parts := make([]string, len(gs))
	for i, g := range gs {
		switch {
		case len(g.paras) == 0:
			parts[i] = g.prefix
		case len(g.paras) == 1:
			parts[i] = g.prefix + g.unit + ". " + g.paras[0]
		default:
			parts[i] = g.prefix + g.unit + "s. " + strings.Join(g.paras, ", ")
		}
	}
	return "(" + strings.Join(parts, "; ") + ")"
}

// paraCite splits an in-text citation before its paragraph: APA's "para. 5",
// MLA's "par. 5".
var paraCite = regexp.MustCompile(`^(.*?)(para|par)\. (\d+)$`)
