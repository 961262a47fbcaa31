package main

import (
	"fmt"
	"strings"
	"text/tabwriter"

	"github.com/casebookapp/casebook/data"
	"github.com/casebookapp/casebook/data/export/cite"
	"github.com/casebookapp/casebook/internal/text"
)

func cmdOutline(e *env, args []string) error {
	if len(args) == 0 {
		return usagef("outline needs a subcommand: new, add, show or list")
	}
	switch args[0] {
	case "new":
		return cmdOutlineNew(e, args[1:])
	case "add":
		return cmdOutlineAdd(e, args[1:])
	case "show":
		return cmdOutlineShow(e, args[1:])
	case "list":
		return cmdOutlineList(e, args[1:])
	default:
		return usagef("unknown outline subcommand %q: use new, add, show or list", args[0])
	}
}

func cmdOutlineNew(e *env, args []string) error {
	fs := newFlags("outline new")
	template := fs.String("template", "blank", strings.Join(data.TemplateNames(), ", "))
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() < 1 {
		return usagef("outline new needs a name, for example: casebook outline new \"Liang brief\" --template brief")
	}
	o, err := e.lib.NewOutline(e.ctx, strings.Join(fs.Args(), " "), *template)
	if err != nil {
		return err
	}
	var hs []string
	for _, s := range o.Sections {
		hs = append(hs, s.Heading)
	}
	fmt.Fprintf(e.stdout, "Created outline %q with sections: %s.\n", o.Name, strings.Join(hs, ", "))
	return nil
}

func cmdOutlineAdd(e *env, args []string) error {
	fs := newFlags("outline add")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 3 {
		return usagef("outline add takes an outline, a section and a paragraph, for example: casebook outline add \"Liang brief\" Facts 1:4")
	}
	p, err := e.passage(fs.Arg(2))
	if err != nil {
		return err
	}
	it, err := e.lib.AddToOutline(e.ctx, fs.Arg(0), fs.Arg(1), data.NewItem{PassageID: p.ID})
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "Added article %d, para. %d to %q › %s (%s, %s).\n", p.ArticleID, p.N, fs.Arg(0), fs.Arg(1),
		text.Plural(len(it.Quotes), "quote", "quotes"), text.Plural(len(it.Notes), "note", "notes"))
	return nil
}

// outlineJSON is an outline as `outline show --json` prints it: each item
// with its in-text citation in the chosen style.
type outlineJSON struct {
	Name     string        `json:"name"`
	Template string        `json:"template"`
	Sections []sectionJSON `json:"sections"`
}

type sectionJSON struct {
	Heading string     `json:"heading"`
	Text    string     `json:"text"`
	Items   []itemJSON `json:"items"`
}

type itemJSON struct {
	data.OutlineItem
	Citation string `json:"citation"`
	Orphan   bool   `json:"orphan"`
}

func cmdOutlineShow(e *env, args []string) error {
	fs := newFlags("outline show")
	asJSON := fs.Bool("json", false, "print JSON")
	style := fs.String("style", "apa", "apa, mla or chicago")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() < 1 {
		return usagef("outline show needs an outline's name, for example: casebook outline show \"Liang brief\"")
	}
	st, err := cite.ParseStyle(*style)
	if err != nil {
		return usagef("%s", data.ErrorMessage(err))
	}
	o, err := e.lib.OutlineByName(e.ctx, strings.Join(fs.Args(), " "))
	if err != nil {
		return err
	}
	arts := map[int64]data.Article{}
	citation := func(it data.OutlineItem) (string, error) {
		a, ok := arts[it.ArticleID]
		if !ok {
			var err error
			if a, err = e.lib.Article(e.ctx, it.ArticleID); err != nil {
				return "", err
			}
			arts[it.ArticleID] = a
		}
		return st.InText(a, it.Para).String(), nil
	}
	out := outlineJSON{Name: o.Name, Template: o.Template, Sections: []sectionJSON{}}
	for _, s := range o.Sections {
		sj := sectionJSON{Heading: s.Heading, Text: s.Text, Items: []itemJSON{}}
		for _, it := range s.Items {
			c, err := citation(it)
			if err != nil {
				return err
			}
			sj.Items = append(sj.Items, itemJSON{OutlineItem: it, Citation: c, Orphan: it.Orphan()})
		}
		out.Sections = append(out.Sections, sj)
	}
	if *asJSON {
		return printJSON(e.stdout, out)
	}
	fmt.Fprintf(e.stdout, "%s (%s)\n", o.Name, o.Template)
	for i, s := range out.Sections {
		fmt.Fprintf(e.stdout, "\n%d. %s\n", i+1, s.Heading)
		if t := strings.TrimSpace(s.Text); t != "" {
			for _, l := range strings.Split(t, "\n") {
				fmt.Fprintf(e.stdout, "   %s\n", l)
			}
		}
		for _, it := range s.Items {
			where := fmt.Sprintf("%d:%d", it.ArticleID, it.Para)
			if it.Orphan {
				where = fmt.Sprintf("%d:orphan", it.ArticleID)
			}
			for _, q := range it.Quotes {
				fmt.Fprintf(e.stdout, "   - [%s %s] “%s” %s\n", it.Kind, where, text.Clip(q, 160), it.Citation)
			}
			for _, n := range it.Notes {
				fmt.Fprintf(e.stdout, "       note: %s\n", text.Clip(n, 160))
			}
		}
	}
	return nil
}

func cmdOutlineList(e *env, args []string) error {
	fs := newFlags("outline list")
	asJSON := fs.Bool("json", false, "print JSON")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usagef("outline list takes no arguments")
	}
	list, err := e.lib.Outlines(e.ctx)
	if err != nil {
		return err
	}
	if *asJSON {
		if list == nil {
			list = []data.OutlineSummary{}
		}
		return printJSON(e.stdout, list)
	}
	if len(list) == 0 {
		fmt.Fprintln(e.stdout, "No outlines yet. Start one with: casebook outline new NAME --template brief|essay|compare|blank")
		return nil
	}
	tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "NAME\tTEMPLATE\tSECTIONS\tITEMS")
	for _, o := range list {
		fmt.Fprintf(tw, "%s\t%s\t%d\t%d\n", o.Name, o.Template, o.Sections, o.Items)
	}
	return tw.Flush()
}
