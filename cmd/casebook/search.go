package main

import (
	"fmt"
	"strings"
	"time"

	"github.com/casebookapp/casebook/data"
	"github.com/casebookapp/casebook/internal/text"
)

func cmdSearch(e *env, args []string) error {
	fs := newFlags("search")
	asJSON := fs.Bool("json", false, "print JSON")
	limit := fs.Int("limit", data.DefaultSearchLimit, "at most this many results")
	stats := fs.Bool("stats", false, "print on stderr the time loading the index and the query took")
	article := fs.Int64("article", 0, "only this article")
	colour := fs.String("colour", "", "only passages highlighted in this colour")
	fs.StringVar(colour, "color", "", "same as --colour")
	hasNote := fs.Bool("has-note", false, "only passages with a note")
	tag := fs.String("tag", "", "only passages with a note with this tag")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return usagef("search needs something to look for, for example: casebook search probation")
	}
	if *limit < 1 {
		return usagef("--limit must be at least 1")
	}
	if *article != 0 {
		if _, err := e.lib.Article(e.ctx, *article); err != nil {
			return err
		}
	}
	q := strings.Join(fs.Args(), " ")
	// The index is loaded first, apart from the query (Search would load
	// it itself), so that --stats can tell the two apart.
	start := time.Now()
	if err := e.lib.PrepareSearch(e.ctx); err != nil {
		return err
	}
	load := time.Since(start)
	start = time.Now()
	res, err := e.lib.Search(e.ctx, q, data.SearchOptions{Limit: *limit, Article: *article, Colour: *colour, HasNote: *hasNote, Tag: *tag})
	took := time.Since(start)
	if err != nil {
		return err
	}
	if *stats {
		fmt.Fprintf(e.stderr, "search: load %.0f ms, query %.1f ms, %d results\n", ms(load), ms(took), len(res))
	}
	if *asJSON {
		return printJSON(e.stdout, res)
	}
	if len(res) == 0 {
		fmt.Fprintf(e.stdout, "No passages match %q.\n", q)
		return nil
	}
	for _, r := range res {
		where := ""
		if r.In == "note" {
			where = fmt.Sprintf(" — in note %d", r.Note)
		}
		if r.Passage == 0 {
			// A photo caption: searched, but not numbered.
			fmt.Fprintf(e.stdout, "%d:-  %s, caption%s\n    %s\n\n", r.Article, text.Clip(r.Title, 70), where, snippet(r.Text, r.Matches, 240))
			continue
		}
		fmt.Fprintf(e.stdout, "%d:%d  %s, para. %d%s\n    %s\n\n", r.Article, r.Passage, text.Clip(r.Title, 70), r.Passage, where, snippet(r.Text, r.Matches, 240))
	}
	return nil
}

// snippet returns up to width runes of text around its first match (cut at
// words, as the app's results are), on one line, with every match marked
// **like this**.
func snippet(s string, matches [][2]int, width int) string {
	rs, ms := text.Snippet([]rune(s), matches, width/2, width)
	var b strings.Builder
	pos := 0
	for _, m := range ms {
		if m[1] <= pos {
			continue // inside the match before
		}
		from := max(m[0], pos)
		b.WriteString(string(rs[pos:from]))
		b.WriteString("**" + string(rs[from:m[1]]) + "**")
		pos = m[1]
	}
	b.WriteString(string(rs[pos:]))
	return text.OneLine(b.String())
}

// ms gives a duration in milliseconds.
func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }
