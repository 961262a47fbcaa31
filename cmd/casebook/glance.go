package main

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/casebookapp/casebook/data"
	"github.com/casebookapp/casebook/data/casefacts"
	"github.com/casebookapp/casebook/data/glance"
	"github.com/casebookapp/casebook/internal/text"
)

// refText writes a passage reference as "article:para", or
// "article:kind" for an unnumbered passage.
func refText(r casefacts.Ref) string {
	if r.Para > 0 {
		return fmt.Sprintf("%d:%d", r.Article, r.Para)
	}
	return fmt.Sprintf("%d:%s", r.Article, r.Kind)
}

func refsText(rs []casefacts.Ref, max int) string {
	var parts []string
	for i, r := range rs {
		if i == max {
			parts = append(parts, fmt.Sprintf("… (%d in all)", len(rs)))
			break
		}
		parts = append(parts, refText(r))
	}
	return strings.Join(parts, ", ")
}

var personActions = map[string]string{
	"hide": data.FixHide, "rename": data.FixRename, "merge": data.FixMerge, "role": data.FixRole, "kind": data.FixKind,
}

func cmdPeople(e *env, args []string) error {
	if len(args) > 0 && personActions[args[0]] != "" {
		return cmdPeopleFix(e, args[0], args[1:])
	}
	fs := newFlags("people")
	asJSON := fs.Bool("json", false, "print JSON")
	kind := fs.String("kind", "", "only person or organisation")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usagef("people takes no arguments, or one of: hide, rename, merge, role, kind")
	}
	if *kind != "" && *kind != casefacts.Person && *kind != casefacts.Organisation {
		return usagef("unknown kind %q: use person or organisation", *kind)
	}
	c, err := glance.Load(e.ctx, e.lib)
	if err != nil {
		return err
	}
	out := []casefacts.Entity{}
	for _, p := range c.People {
		if *kind == "" || p.Kind == *kind {
			if p.Aliases == nil {
				p.Aliases = []string{}
			}
			out = append(out, p)
		}
	}
	if *asJSON {
		return printJSON(e.stdout, out)
	}
	if len(out) == 0 {
		fmt.Fprintln(e.stdout, "No people or organisations found yet. Import articles with: casebook import FILE")
		return nil
	}
	last := ""
	for _, p := range out {
		if p.Kind != last {
			last = p.Kind
			fmt.Fprintln(e.stdout, map[string]string{casefacts.Person: "PEOPLE", casefacts.Organisation: "ORGANISATIONS"}[p.Kind])
		}
		line := "  " + p.Name
		if p.Role != "" {
			line += " — " + p.Role
		}
		if p.VariantOf != "" {
			line += fmt.Sprintf(" — possibly a misspelling of %s in the source", p.VariantOf)
		}
		if len(p.Aliases) > 0 {
			line += " (also " + strings.Join(p.Aliases, ", ") + ")"
		}
		fmt.Fprintf(e.stdout, "%s\n      %s: %s\n", line, text.Plural(len(p.Mentions), "passage", "passages"), refsText(p.Mentions, 12))
	}
	return nil
}

func cmdPeopleFix(e *env, verb string, args []string) error {
	need := map[string]string{
		"hide":   "people hide NAME",
		"rename": "people rename NAME NEW-NAME",
		"merge":  "people merge NAME INTO-NAME",
		"role":   "people role NAME ROLE...",
		"kind":   "people kind NAME person|organisation",
	}[verb]
	n := 2
	if verb == "hide" {
		n = 1
	}
	if len(args) < n || (verb != "role" && len(args) > n) {
		return usagef("write: casebook %s (quote names with spaces)", need)
	}
	c, err := glance.Load(e.ctx, e.lib)
	if err != nil {
		return err
	}
	known := func(name string) bool {
		for _, p := range c.People {
			if strings.EqualFold(p.Name, name) || containsFold(p.Aliases, name) {
				return true
			}
		}
		return false
	}
	if !known(args[0]) {
		return data.Errorf(data.ENOTFOUND, "no one in the index is called %q: see `casebook people`", args[0])
	}
	if verb == "merge" && !known(args[1]) {
		return data.Errorf(data.ENOTFOUND, "no one in the index is called %q to merge into: see `casebook people`", args[1])
	}
	value := strings.Join(args[1:], " ")
	if _, err := e.lib.AddCorrection(e.ctx, data.Correction{Target: data.TargetPerson, Action: personActions[verb], Key: args[0], Value: value}); err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "Corrected: %s %q%s. It will still apply after a re-import; undo with `casebook corrections`.\n", verb, args[0], map[bool]string{true: " → " + value, false: ""}[value != ""])
	return nil
}

func containsFold(xs []string, s string) bool {
	for _, x := range xs {
		if strings.EqualFold(x, s) {
			return true
		}
	}
	return false
}

func cmdTimeline(e *env, args []string) error {
	if len(args) > 0 {
		switch args[0] {
		case "hide", "date", "label":
			return cmdTimelineFix(e, args[0], args[1:])
		case "add":
			return cmdTimelineAdd(e, args[1:])
		}
	}
	fs := newFlags("timeline")
	asJSON := fs.Bool("json", false, "print JSON")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usagef("timeline takes no arguments, or one of: hide, date, label, add")
	}
	c, err := glance.Load(e.ctx, e.lib)
	if err != nil {
		return err
	}
	if *asJSON {
		if c.Timeline == nil {
			c.Timeline = []casefacts.Event{}
		}
		return printJSON(e.stdout, c.Timeline)
	}
	if len(c.Timeline) == 0 {
		fmt.Fprintln(e.stdout, "No dated events found yet. Import articles with: casebook import FILE")
		return nil
	}
	for i, ev := range c.Timeline {
		when := ev.Date.String()
		if !ev.Date.Known() {
			when = "(" + strings.Join(ev.AsWritten, ", ") + ")"
		}
		mark := ""
		switch {
		case ev.Disputed:
			mark = "  [disputed]"
		case ev.Added:
			mark = "  [added]"
		case ev.Edited:
			mark = "  [corrected]"
		}
		fmt.Fprintf(e.stdout, "%3d  %-10s  %s%s\n", i+1, when, ev.Label, mark)
		fmt.Fprintf(e.stdout, "     %10s  %s\n", "", refsText(ev.Passages, 12))
		if ev.Dispute != "" {
			fmt.Fprintf(e.stdout, "     %10s  %s\n", "", ev.Dispute)
		}
	}
	return nil
}

// entry finds a timeline entry by the number `casebook timeline` shows.
func entry(e *env, arg string) (glance.Case, casefacts.Event, error) {
	n, err := strconv.Atoi(arg)
	if err != nil || n < 1 {
		return glance.Case{}, casefacts.Event{}, usagef("%q is not an entry number: use a number from `casebook timeline`", arg)
	}
	c, err := glance.Load(e.ctx, e.lib)
	if err != nil {
		return c, casefacts.Event{}, err
	}
	if n > len(c.Timeline) {
		return c, casefacts.Event{}, data.Errorf(data.ENOTFOUND, "the timeline has %d entries, not %d", len(c.Timeline), n)
	}
	return c, c.Timeline[n-1], nil
}

func cmdTimelineFix(e *env, verb string, args []string) error {
	need := map[string]string{"hide": "timeline hide N", "date": "timeline date N 2016-02-11", "label": "timeline label N LABEL..."}[verb]
	if len(args) < 1 || verb == "hide" && len(args) != 1 || verb == "date" && len(args) != 2 || verb == "label" && len(args) < 2 {
		return usagef("write: casebook %s (N from `casebook timeline`)", need)
	}
	c, ev, err := entry(e, args[0])
	if err != nil {
		return err
	}
	if _, err := glance.FixEvent(e.ctx, e.lib, c, ev, verb, strings.Join(args[1:], " ")); err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "Corrected: %s of %q. It will still apply after a re-import; undo with `casebook corrections`.\n", verb, ev.Label)
	return nil
}

func cmdTimelineAdd(e *env, args []string) error {
	if len(args) < 3 {
		return usagef("write: casebook timeline add ARTICLE:PARAGRAPH DATE LABEL..., for example: casebook timeline add 3:17 2016-03-23 CAAAV criticises the recommendation")
	}
	p, err := e.passage(args[0])
	if err != nil {
		return err
	}
	if _, err := glance.AddEvent(e.ctx, e.lib, p, args[1], strings.Join(args[2:], " ")); err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "Added to the timeline on %s, from article %d, para. %d.\n", args[1], p.ArticleID, p.N)
	return nil
}

func cmdCorrections(e *env, args []string) error {
	if len(args) > 0 && args[0] == "undo" {
		if len(args) != 2 {
			return usagef("write: casebook corrections undo ID (ID from `casebook corrections`)")
		}
		id, err := strconv.ParseInt(args[1], 10, 64)
		if err != nil {
			return usagef("%q is not a correction id", args[1])
		}
		if err := e.lib.DeleteCorrection(e.ctx, id); err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "Undid correction %d.\n", id)
		return nil
	}
	fs := newFlags("corrections")
	asJSON := fs.Bool("json", false, "print JSON")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usagef("corrections takes no arguments, or: undo ID")
	}
	cs, err := e.lib.Corrections(e.ctx, "")
	if err != nil {
		return err
	}
	if *asJSON {
		if cs == nil {
			cs = []data.Correction{}
		}
		return printJSON(e.stdout, cs)
	}
	if len(cs) == 0 {
		fmt.Fprintln(e.stdout, "No corrections yet.")
		return nil
	}
	for _, c := range cs {
		what := fmt.Sprintf("%s %s %q", c.Action, c.Target, text.Clip(c.Key, 60))
		if c.Value != "" {
			what += " → " + c.Value
		}
		if c.Label != "" {
			what += " “" + c.Label + "”"
		}
		fmt.Fprintf(e.stdout, "[%d] %s\n", c.ID, what)
	}
	return nil
}
