package cite

import (
	"cmp"
	"slices"
	"strings"

	"github.com/casebookapp/casebook/data"
)

// sortKey returns the key by which the style orders its reference list:
// the first author's family name, or else the title (or, in Chicago, the
// outlet that stands in for the author), ignoring a leading article,
// punctuation and case.
func (s Style) sortKey(a data.Article) string {
	var k string
	if ns := names(a); len(ns) > 0 {
		if s == MLA && len(ns) > 2 {
			// "Lee, Ann, et al.": listed by the first author, then title.
			ns = ns[:1]
		}
		var parts []string
		for _, n := range ns {
			if s == Chicago {
				// "van Gogh" is listed under G (§8.5, §16.71).
				n.given, n.family = joinNonEmpty(" ", n.given, n.particle()), n.bare()
			}
			parts = append(parts, joinNonEmpty(" ", n.family, n.given))
		}
		k = strings.Join(parts, " ")
	} else if s == Chicago && byOutlet(a) {
		k = a.Outlet
	} else {
		k = a.Title
	}
	return sortable(k)
}

func sortable(k string) string {
	k = strings.ToLower(strings.TrimLeft(k, `"'“‘*#[ `))
	for _, art := range []string{"the ", "a ", "an "} {
		if strings.HasPrefix(k, art) {
			k = k[len(art):]
			break
		}
	}
	return k
}

// sort orders articles as the style's reference list does: by sortKey;
// then APA by date (undated first, §9.47) and title, MLA and Chicago by
// title then date; then by id, so that the order is stable.
func (s Style) sort(as []data.Article) {
	slices.SortStableFunc(as, func(x, y data.Article) int {
		if c := cmp.Compare(s.sortKey(x), s.sortKey(y)); c != 0 {
			return c
		}
		byDate := cmp.Compare(x.Date, y.Date)
		byTitle := cmp.Compare(sortable(x.Title), sortable(y.Title))
		if s == APA {
			return cmp.Or(byDate, byTitle, cmp.Compare(x.ID, y.ID))
		}
		return cmp.Or(byTitle, byDate, cmp.Compare(x.ID, y.ID))
	})
}
