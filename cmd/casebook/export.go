package main

import (
	"fmt"

	"github.com/casebookapp/casebook/data"
	"github.com/casebookapp/casebook/data/export"
	"github.com/casebookapp/casebook/data/export/cite"
	"github.com/casebookapp/casebook/data/glance"
	"github.com/casebookapp/casebook/internal/text"
)

func cmdExport(e *env, args []string) error {
	fs := newFlags("export")
	format := fs.String("format", "", "md, docx, html, csv or json")
	style := fs.String("style", "apa", "apa, mla or chicago")
	scope := fs.String("scope", "all", "all, article:ID, colour:NAME, tag:NAME or outline:NAME")
	order := fs.String("order", "reading", "reading, colour or tag")
	paper := fs.String("paper", "a4", "a4 or letter (docx, html)")
	out := fs.String("out", "", "write to this file instead of standard output")
	include := fs.String("include", "", "timeline, people or timeline,people: add those sections (md, docx, html)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usagef("export takes no arguments; name the file with --out")
	}
	if *format == "" {
		return usagef("export needs --format md, docx, html, csv or json")
	}
	var opt export.Options
	var err error
	if opt.Format, err = export.ParseFormat(*format); err != nil {
		return usagef("%s", data.ErrorMessage(err))
	}
	if opt.Style, err = cite.ParseStyle(*style); err != nil {
		return usagef("%s", data.ErrorMessage(err))
	}
	if opt.Scope, err = export.ParseScope(*scope); err != nil {
		return usagef("%s", data.ErrorMessage(err))
	}
	if opt.Order, err = export.ParseOrder(*order); err != nil {
		return usagef("%s", data.ErrorMessage(err))
	}
	switch *paper {
	case "a4", "A4":
		opt.Paper = export.A4
	case "letter", "Letter":
		opt.Paper = export.Letter
	default:
		return usagef("unknown paper %q: use a4 or letter", *paper)
	}
	if opt.Include, err = export.ParseInclude(*include); err != nil {
		return usagef("%s", data.ErrorMessage(err))
	}
	if opt.Include != (export.Include{}) && (opt.Format == export.CSV || opt.Format == export.JSON) {
		return usagef("--include adds sections to md, docx and html exports, not to %s", *format)
	}
	if *out == "" && opt.Format.Binary() {
		return usagef("a %s export is a binary file: name it with --out, for example --out quotes%s", *format, opt.Format.Ext())
	}
	if opt.Scope.ArticleID != 0 {
		if _, err := e.lib.Article(e.ctx, opt.Scope.ArticleID); err != nil {
			return err
		}
	}
	if opt.Scope.Colour != "" {
		if opt.Scope.Colour, err = e.lib.ColourKey(e.ctx, opt.Scope.Colour); err != nil {
			return err
		}
	}

	doc, err := export.Load(e.ctx, e.lib)
	if err != nil {
		return err
	}
	if opt.Include != (export.Include{}) {
		c, err := glance.Load(e.ctx, e.lib)
		if err != nil {
			return err
		}
		doc.Timeline, doc.People = c.Timeline, c.People
	}
	var rep export.Report
	if *out == "" {
		rep, err = export.Write(e.stdout, doc, opt)
	} else {
		rep, err = export.WriteFile(*out, doc, opt)
	}
	if err != nil {
		return err
	}
	if *out != "" {
		fmt.Fprintf(e.stderr, "Wrote %s and %s from %s to %s.\n", text.Plural(rep.Entries, "quote", "quotes"), text.Plural(rep.Notes, "note", "notes"), text.Plural(rep.Articles, "article", "articles"), *out)
	}
	if rep.Entries == 0 && opt.Scope.Outline != "" {
		fmt.Fprintln(e.stderr, "The outline has no quotes yet: its headings were exported. Add passages with: casebook outline add NAME SECTION ID:N")
	} else if rep.Entries == 0 && opt.Include == (export.Include{}) {
		fmt.Fprintln(e.stderr, "Nothing to export yet: highlight a passage or write a note first (or widen --scope).")
	}
	if n := len(rep.Failures); n > 0 {
		if n == 1 {
			fmt.Fprintln(e.stderr, "Warning: 1 quote no longer appears word for word in its source; it is marked in the export:")
		} else {
			fmt.Fprintf(e.stderr, "Warning: %d quotes no longer appear word for word in their source; they are marked in the export:\n", n)
		}
		for _, f := range rep.Failures {
			fmt.Fprintf(e.stderr, "  %s\n", f)
		}
	}
	return nil
}
