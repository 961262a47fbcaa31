package main

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/casebookapp/casebook/data"
	"github.com/casebookapp/casebook/internal/text"
)

func cmdCompare(e *env, args []string) error {
	fs := newFlags("compare")
	asJSON := fs.Bool("json", false, "print JSON")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 2 {
		return usagef("compare takes two article ids, for example: casebook compare 1 3")
	}
	var ids [2]int64
	for i := range ids {
		id, err := strconv.ParseInt(fs.Arg(i), 10, 64)
		if err != nil {
			return usagef("%q is not an article id: use a number from `casebook articles`", fs.Arg(i))
		}
		ids[i] = id
	}
	r, err := e.lib.Compare(e.ctx, ids[0], ids[1])
	if err != nil {
		return err
	}
	if *asJSON {
		return printJSON(e.stdout, r)
	}
	var arts [2]data.Article
	texts := r.Texts()
	for i, id := range ids {
		if arts[i], err = e.lib.Article(e.ctx, id); err != nil {
			return err
		}
	}
	w := e.stdout
	for i, a := range arts {
		fmt.Fprintf(w, "%c: article %d, %s%s\n", 'A'+i, a.ID, orDash(a.Title), outletOf(a))
	}
	fmt.Fprintf(w, "\n%s\n", text.Plural(len(r.Pairs), "aligned pair", "aligned pairs"))
	for _, p := range r.Pairs {
		fmt.Fprintf(w, "  A ¶%d ↔ B ¶%d  (%.2f; because: %s)\n", p.A.Para, p.B.Para, p.Score, strings.Join(p.Because, ", "))
		fmt.Fprintf(w, "      A: %s\n      B: %s\n", text.Clip(texts[0][p.A.Para], 100), text.Clip(texts[1][p.B.Para], 100))
	}
	fmt.Fprintf(w, "\n%s\n", text.Plural(len(r.Differences), "difference", "differences"))
	for _, d := range r.Differences {
		fmt.Fprintf(w, "  %s:\n", d.Topic)
		fmt.Fprintf(w, "      A ¶%d: %s\n      B ¶%d: %s\n", d.A.Para, d.A.Text, d.B.Para, d.B.Text)
	}
	return nil
}

func outletOf(a data.Article) string {
	if a.Outlet == "" {
		return ""
	}
	return " (" + a.Outlet + ")"
}
