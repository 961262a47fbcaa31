package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/casebookapp/casebook/data"
	"github.com/casebookapp/casebook/internal/text"
)

// newFlags returns a flag set for a command that reports usage errors
// instead of printing and exiting.
func newFlags(name string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	return fs
}

// parseFlags parses flags wherever they stand among the arguments, as the
// CLI contract writes them after the positional ones ("show ID --json"). A
// "--" ends the flags: everything after it is positional, so that a search
// for "-liang" is possible. The positional arguments are left in fs.Args().
func parseFlags(fs *flag.FlagSet, args []string) error {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return usagef("%s: %v", fs.Name(), err)
		}
		rest := fs.Args()
		if len(rest) == 0 {
			break
		}
		// flag stops at "--" (consuming it) or at the first positional.
		if len(args) > len(rest) && args[len(args)-len(rest)-1] == "--" {
			pos = append(pos, rest...)
			break
		}
		pos = append(pos, rest[0])
		args = rest[1:]
	}
	// Parse once more with no flags so that fs.Args() holds the positionals.
	return fs.Parse(append([]string{"--"}, pos...))
}

func printJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

// passage finds the paragraph a reference "ID:N" names: paragraph N of
// article ID.
func (e *env) passage(ref string) (data.Passage, error) {
	a, b, ok := strings.Cut(ref, ":")
	id, err1 := strconv.ParseInt(a, 10, 64)
	n, err2 := strconv.Atoi(b)
	if !ok || err1 != nil || err2 != nil {
		return data.Passage{}, usagef("%q is not a paragraph reference: write ARTICLE:PARAGRAPH, for example 2:5", ref)
	}
	return e.lib.Passage(e.ctx, id, n)
}

func cmdArticles(e *env, args []string) error {
	fs := newFlags("articles")
	asJSON := fs.Bool("json", false, "print JSON")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usagef("articles takes no arguments")
	}
	arts, err := e.lib.Articles(e.ctx)
	if err != nil {
		return err
	}
	if *asJSON {
		if arts == nil {
			arts = []data.ArticleSummary{}
		}
		return printJSON(e.stdout, arts)
	}
	tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tTITLE\tOUTLET\tDATE\tPARAS\tNOTES")
	for _, a := range arts {
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%d\t%d\n", a.ID, orDash(text.Clip(a.Title, 60)), orDash(a.Outlet), orDash(a.Date), a.Passages, a.Notes)
	}
	return tw.Flush()
}

func cmdShow(e *env, args []string) error {
	fs := newFlags("show")
	asJSON := fs.Bool("json", false, "print JSON")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return usagef("show takes one article id, for example: casebook show 2")
	}
	id, err := strconv.ParseInt(fs.Arg(0), 10, 64)
	if err != nil {
		return usagef("%q is not an article id: use a number from `casebook articles`", fs.Arg(0))
	}
	a, err := e.lib.Article(e.ctx, id)
	if err != nil {
		return err
	}
	ps, err := e.lib.Passages(e.ctx, id)
	if err != nil {
		return err
	}
	if *asJSON {
		if ps == nil {
			ps = []data.Passage{}
		}
		return printJSON(e.stdout, struct {
			Article  data.Article   `json:"article"`
			Passages []data.Passage `json:"passages"`
		}{a, ps})
	}
	fmt.Fprintf(e.stdout, "%s\n", orDash(a.Title))
	for _, f := range [][2]string{{"Outlet", a.Outlet}, {"Type", string(a.SourceTypeOf())}, {"Author", a.Author}, {"Date", a.Date}, {"Source", a.Source}} {
		if f[1] != "" {
			fmt.Fprintf(e.stdout, "%-7s %s\n", f[0]+":", f[1])
		}
	}
	fmt.Fprintln(e.stdout)
	for _, p := range ps {
		if p.N > 0 {
			fmt.Fprintf(e.stdout, "%4d  %s\n", p.N, p.Text)
		} else {
			fmt.Fprintf(e.stdout, "   -  [%s] %s\n", p.Kind, p.Text)
		}
	}
	return nil
}

// stringList is a repeatable string flag.
type stringList []string

func (s *stringList) String() string     { return strings.Join(*s, ",") }
func (s *stringList) Set(v string) error { *s = append(*s, v); return nil }

func cmdNote(e *env, args []string) error {
	if len(args) == 0 {
		return usagef("note needs a subcommand: add or list")
	}
	switch args[0] {
	case "add":
		return cmdNoteAdd(e, args[1:])
	case "list":
		return cmdNoteList(e, args[1:])
	default:
		return usagef("unknown note subcommand %q: use add or list", args[0])
	}
}

func cmdNoteAdd(e *env, args []string) error {
	fs := newFlags("note add")
	var tags stringList
	fs.Var(&tags, "tag", "tag the note (repeatable)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() < 2 {
		return usagef("note add needs a paragraph and a text, for example: casebook note add 2:5 \"The DA asked for 500 hours\"")
	}
	p, err := e.passage(fs.Arg(0))
	if err != nil {
		return err
	}
	note, err := e.lib.AddNote(e.ctx, data.NewNote{PassageID: p.ID, Body: strings.Join(fs.Args()[1:], " "), Tags: tags})
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "Added note %d to article %d, para. %d.\n", note.ID, p.ArticleID, p.N)
	return nil
}

// noteJSON is a note as `note list --json` prints it.
type noteJSON struct {
	data.Note
	Orphan bool `json:"orphan"`
}

func cmdNoteList(e *env, args []string) error {
	fs := newFlags("note list")
	asJSON := fs.Bool("json", false, "print JSON")
	orphans := fs.Bool("orphans", false, "only notes that lost their place in a changed text")
	article := fs.Int64("article", 0, "only this article's notes")
	tag := fs.String("tag", "", "only notes with this tag")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usagef("note list takes no arguments")
	}
	if *article != 0 {
		if _, err := e.lib.Article(e.ctx, *article); err != nil {
			return err
		}
	}
	notes, err := e.lib.Notes(e.ctx, data.NoteFilter{ArticleID: *article, Orphans: *orphans, Tag: *tag})
	if err != nil {
		return err
	}
	out := make([]noteJSON, 0, len(notes))
	for _, n := range notes {
		nj := noteJSON{Note: n, Orphan: n.Orphan()}
		if nj.Tags == nil {
			nj.Tags = []string{}
		}
		out = append(out, nj)
	}
	if *asJSON {
		return printJSON(e.stdout, out)
	}
	if len(out) == 0 {
		fmt.Fprintln(e.stdout, "No notes yet. Add one with: casebook note add ARTICLE:PARAGRAPH TEXT")
		return nil
	}
	for _, n := range out {
		where := fmt.Sprintf("%d:%d", n.ArticleID, n.Para)
		if n.Orphan {
			where = fmt.Sprintf("%d:orphan", n.ArticleID)
		}
		tags := ""
		if len(n.Tags) > 0 {
			tags = "  #" + strings.Join(n.Tags, " #")
		}
		from := ""
		if n.From != "" {
			from = "  (from " + n.From + ")"
		}
		fmt.Fprintf(e.stdout, "[%d] %s  %s%s%s\n", n.ID, where, text.OneLine(n.Body), tags, from)
	}
	return nil
}

func cmdHighlight(e *env, args []string) error {
	fs := newFlags("highlight")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 2 {
		return usagef("highlight takes a paragraph and a colour, for example: casebook highlight 2:5 green")
	}
	p, err := e.passage(fs.Arg(0))
	if err != nil {
		return err
	}
	h, err := e.lib.AddHighlight(e.ctx, p.ID, 0, len([]rune(p.Text)), fs.Arg(1))
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "Highlighted article %d, para. %d in %s.\n", p.ArticleID, p.N, h.Colour)
	return nil
}

func orDash(s string) string {
	if s == "" {
		return "–"
	}
	return s
}
