package casefacts

import (
	"cmp"
	"slices"
	"strings"
)

// ent is an entity being built.
type ent struct {
	Entity
	forms    map[string]bool
	refs     map[Ref]bool
	first    int
	apposed  bool
	articles map[int64]bool
}

func (e *ent) mention(c cand, form string) {
	if form != "" {
		e.forms[form] = true
	}
	e.articles[c.ref.Article] = true
	if !e.refs[c.ref] {
		e.refs[c.ref] = true
		e.Mentions = append(e.Mentions, c.ref)
	}
	if c.role != "" && (e.Role == "" || c.apposed && !e.apposed) {
		e.Role, e.apposed = c.role, c.apposed
	}
}

// personKey identifies a person by given name and surname, ignoring middle
// initials.
func personKey(ws []string) string {
	var keep []string
	for i, w := range ws {
		if i > 0 && i < len(ws)-1 && strings.HasSuffix(w, ".") {
			continue
		}
		keep = append(keep, strings.ToLower(w))
	}
	return strings.Join(keep, " ")
}

func (x *extractor) resolve() []Entity {
	var list []*ent
	byKey := map[string]*ent{}
	get := func(key, name, kind string, order int) *ent {
		if e := byKey[key]; e != nil {
			return e
		}
		e := &ent{Entity: Entity{Name: name, Kind: kind}, first: order, forms: map[string]bool{}, refs: map[Ref]bool{}, articles: map[int64]bool{}}
		byKey[key] = e
		list = append(list, e)
		return e
	}

	// Organisations with a full name, and the abbreviations given for them.
	acrOrg := map[string]*ent{}
	for _, c := range x.cands {
		if c.kind != Organisation || c.isAcr {
			continue
		}
		if c.acr != "" && strings.EqualFold(c.words[0], c.acr) {
			// "CAAAV Organizing Asian Communities": known by its abbreviation.
			e := acrOrg[c.acr]
			if e == nil {
				e = get("org:"+strings.ToLower(c.acr), c.acr, Organisation, c.order)
				acrOrg[c.acr] = e
			}
			e.mention(c, c.text())
			continue
		}
		e := get("org:"+strings.ToLower(c.text()), c.text(), Organisation, c.order)
		e.mention(c, "")
		if c.acr != "" && initials(c.words) == strings.TrimSuffix(c.acr, "s") {
			acrOrg[c.acr] = e
			e.forms[c.acr] = true
		}
	}
	// Abbreviations alone: merged with the organisation they abbreviate.
	for _, c := range x.cands {
		if c.kind != Organisation || !c.isAcr {
			continue
		}
		a := c.words[0]
		e := acrOrg[a]
		if e == nil {
			for _, o := range list {
				if o.Kind == Organisation && initials(strings.Fields(o.Name)) == a {
					e = o
					break
				}
			}
		}
		if e == nil {
			e = get("org:"+strings.ToLower(a), a, Organisation, c.order)
			acrOrg[a] = e
		}
		e.mention(c, a)
	}

	// People named in full. A full name a letter or two from another in the
	// same article, with the same given name, is a variant.
	type personInArt struct {
		e     *ent
		words []string
	}
	inArt := map[int64][]personInArt{}
	count := map[string]int{}
	for _, c := range x.cands {
		if c.kind == Person {
			count[personKey(c.words)]++
		}
	}
	var variants []cand
	for _, c := range x.cands {
		if c.kind != Person {
			continue
		}
		key := personKey(c.words)
		if byKey["p:"+key] == nil {
			var canon *ent
			for _, p := range inArt[c.ref.Article] {
				pw := p.words
				if strings.EqualFold(pw[0], c.words[0]) && variantOf(c.words[len(c.words)-1], pw[len(pw)-1]) && count[personKey(pw)] >= count[key] {
					canon = p.e
				}
			}
			if canon != nil {
				variants = append(variants, c)
				continue
			}
		}
		e := get("p:"+key, c.text(), Person, c.order)
		if len(c.text()) > len(e.Name) {
			e.forms[e.Name] = true
			e.Name = c.text()
		}
		e.mention(c, c.text())
		found := false
		for _, p := range inArt[c.ref.Article] {
			if p.e == e {
				found = true
			}
		}
		if !found {
			inArt[c.ref.Article] = append(inArt[c.ref.Article], personInArt{e, c.words})
		}
	}
	// Single words: a surname or given name of a person named in full in the
	// same article, or of the only such person in the library.
	for _, c := range x.cands {
		if c.kind != "" {
			if c.kind == Person && byKey["p:"+personKey(c.words)] == nil {
				variants = append(variants, c)
			}
			continue
		}
		w := c.words[0]
		var match *ent
		for _, part := range []int{-1, 0} { // surname, then given name
			for _, p := range inArt[c.ref.Article] {
				pw := p.words
				i := len(pw) - 1
				if part == 0 {
					i = 0
				}
				if strings.EqualFold(pw[i], w) && match == nil {
					match = p.e
				}
			}
		}
		if match == nil {
			var only []*ent
			for _, e := range list {
				if e.Kind == Person {
					f := strings.Fields(e.Name)
					if strings.EqualFold(f[len(f)-1], w) {
						only = append(only, e)
					}
				}
			}
			if len(only) == 1 {
				match = only[0]
			}
		}
		if match != nil {
			match.mention(c, w)
			continue
		}
		variants = append(variants, c)
	}
	// Variants: spellings a letter or two from a name in the same article.
	for _, c := range variants {
		w := c.words[len(c.words)-1]
		var canon *ent
		for _, p := range inArt[c.ref.Article] {
			if variantOf(w, p.words[len(p.words)-1]) {
				canon = p.e
				break
			}
		}
		if canon == nil {
			continue // unsure: leave it out
		}
		e := get("v:"+strings.ToLower(c.text()), c.text(), Person, c.order)
		e.VariantOf = canon.Name
		e.mention(c, "")
	}

	refOrder := map[Ref]int{}
	for _, c := range x.cands {
		if _, ok := refOrder[c.ref]; !ok {
			refOrder[c.ref] = c.order
		}
	}
	out := make([]Entity, 0, len(list))
	for _, e := range list {
		if len(e.Mentions) == 0 {
			continue
		}
		slices.SortFunc(e.Mentions, func(a, b Ref) int { return cmp.Compare(refOrder[a], refOrder[b]) })
		e.Aliases = []string{}
		for f := range e.forms {
			if f != e.Name {
				e.Aliases = append(e.Aliases, f)
			}
		}
		slices.Sort(e.Aliases)
		out = append(out, e.Entity)
	}
	sortEntities(out)
	return out
}

// sortEntities orders entries by kind (people first), then by the number of
// passages that mention them (most first), then by name.
func sortEntities(es []Entity) {
	slices.SortStableFunc(es, func(a, b Entity) int {
		if a.Kind != b.Kind {
			if a.Kind == Person {
				return -1
			}
			return 1
		}
		if c := cmp.Compare(len(b.Mentions), len(a.Mentions)); c != 0 {
			return c
		}
		return cmp.Compare(strings.ToLower(a.Name), strings.ToLower(b.Name))
	})
}
