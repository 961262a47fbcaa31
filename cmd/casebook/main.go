// Command casebook is the Casebook study reader: with no command it opens the
// desktop window; with a command it works on the same library from the shell.
// It wires the pieces together: it opens the store (data/sqlite) and hands it
// to the UI (package ui, as a ui.Store) or to a CLI command, and it is the
// only package that imports Fyne's app (and with it GL).
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"

	"github.com/casebookapp/casebook/data"
	"github.com/casebookapp/casebook/data/ingest"
	"github.com/casebookapp/casebook/data/sqlite"
	"github.com/casebookapp/casebook/internal/text"
)

// Exit statuses, as the CLI contract gives them.
const (
	exitOK    = 0
	exitUser  = 1 // the library or the input said no: one line on stderr
	exitUsage = 2 // the command line itself is wrong
)

const usage = `Casebook: read, search, highlight, annotate and cite news articles.

Usage:
  casebook                                   open the desktop app
  casebook --version                         print the version and the commit it was built from
  casebook [--db PATH] articles [--json]     list articles: id, title, outlet, date, passages, notes
  casebook [--db PATH] show ID [--json]      passages of one article, numbered, with kinds
  casebook [--db PATH] search [--json] [--limit N] [--stats] [--article ID] [--colour C] [--has-note] [--tag T] [--] QUERY...
  casebook [--db PATH] note add [--tag T] ID:N TEXT   add a note to paragraph N of article ID
  casebook [--db PATH] note list [--json] [--orphans] [--article ID] [--tag T]
  casebook [--db PATH] highlight ID:N COLOUR highlight a whole paragraph (yellow, red, green, blue, purple, or a meaning)
  casebook [--db PATH] import FILE|FOLDER... .txt, .md, .html/.htm, .docx, .rtf, .pdf articles and database exports; .json annotation files from classmates
  casebook [--db PATH] import --undo-last     undo the last merge of a classmate's .json file
  casebook [--db PATH] export --format md|docx|html|csv|json [--style apa|mla|chicago]
           [--scope all|article:ID|colour:NAME|tag:NAME|outline:NAME] [--order reading|colour|tag] [--paper a4|letter]
           [--include timeline,people] [--out FILE]
  casebook [--db PATH] compare A B [--json]  align two articles' passages and flag their differences
  casebook [--db PATH] outline new NAME [--template brief|essay|compare|blank]
  casebook [--db PATH] outline add NAME SECTION ID:N   place paragraph N of article ID (with its highlights and notes)
  casebook [--db PATH] outline show NAME [--json] [--style apa|mla|chicago]
  casebook [--db PATH] outline list [--json]
  casebook [--db PATH] people [--json] [--kind person|organisation]   people and organisations, roles, aliases, mentions
  casebook [--db PATH] people hide NAME | rename NAME NEW | merge NAME INTO | role NAME ROLE... | kind NAME KIND
  casebook [--db PATH] timeline [--json]     dated events, each linked to the passages that report it
  casebook [--db PATH] timeline hide N | date N DATE | label N LABEL...   correct entry N of the timeline list
  casebook [--db PATH] timeline add ID:N DATE LABEL...                    add an event from a passage
  casebook [--db PATH] corrections [--json] | corrections undo ID      your corrections to people and timeline

The library is one file, by default <config dir>/casebook/library.db;
--db PATH or the CASEBOOK_DB environment variable choose another.
`

// usageError is a mistake in the command line: exit status 2.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error { return usageError{fmt.Sprintf(format, args...)} }

// env is what a command runs with.
type env struct {
	ctx    context.Context
	stdout io.Writer
	stderr io.Writer
	dbPath string
	lib    *sqlite.Library
}

// command is one CLI verb.
type command struct {
	run func(e *env, args []string) error
}

var commands = map[string]command{
	"articles":    {run: cmdArticles},
	"show":        {run: cmdShow},
	"note":        {run: cmdNote},
	"highlight":   {run: cmdHighlight},
	"search":      {run: cmdSearch},
	"import":      {run: cmdImport},
	"export":      {run: cmdExport},
	"compare":     {run: cmdCompare},
	"outline":     {run: cmdOutline},
	"people":      {run: cmdPeople},
	"timeline":    {run: cmdTimeline},
	"corrections": {run: cmdCorrections},
}

func main() {
	startLog()
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// startLog sends the technical detail of errors to the log file in the
// configuration folder (or CASEBOOK_LOG), never to the student's terminal.
func startLog() {
	path := os.Getenv("CASEBOOK_LOG")
	if path == "" {
		path, _ = data.DefaultLogPath()
	}
	if path == "" || data.StartLog(path) != nil {
		slog.SetDefault(slog.New(slog.NewTextHandler(io.Discard, nil)))
	}
}

// run executes the command line and returns the exit status.
func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("casebook", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	dbPath := fs.String("db", "", "library file")
	showVersion := fs.Bool("version", false, "print the version")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			fmt.Fprint(stdout, usage)
			return exitOK
		}
		fmt.Fprintf(stderr, "casebook: %v\n%s", err, usage)
		return exitUsage
	}
	args = fs.Args()
	if *showVersion {
		fmt.Fprintln(stdout, versionLine())
		return exitOK
	}

	e := &env{ctx: context.Background(), stdout: stdout, stderr: stderr, dbPath: *dbPath}
	if len(args) > 0 && (args[0] == "help" || args[0] == "-h") {
		fmt.Fprint(stdout, usage)
		return exitOK
	}
	var cmd command
	if len(args) > 0 {
		var ok bool
		if cmd, ok = commands[args[0]]; !ok {
			fmt.Fprintf(stderr, "casebook: unknown command %q\n%s", args[0], usage)
			return exitUsage
		}
	}

	lib, err := openLibrary(e.ctx, e.dbPath)
	if err != nil {
		fmt.Fprintf(stderr, "casebook: %s\n", text.OneLine(data.ErrorMessage(err)))
		return exitUser
	}
	defer lib.Close()
	e.lib = lib
	if why := lib.ReadOnly(); why != "" && len(args) > 0 {
		fmt.Fprintf(stderr, "casebook: note: %s\n", text.OneLine(why))
	}

	if len(args) == 0 {
		err = runGUI(lib)
	} else {
		err = cmd.run(e, args[1:])
	}
	var ue usageError
	switch {
	case err == nil:
		return exitOK
	case errors.As(err, &ue):
		fmt.Fprintf(stderr, "casebook: %s\n", ue.msg)
		return exitUsage
	default:
		fmt.Fprintf(stderr, "casebook: %s\n", text.OneLine(data.ErrorMessage(err)))
		return exitUser
	}
}

// openLibrary opens the library and brings the bundled articles up to date:
// the first run loads them, later runs change nothing unless a seed changed.
func openLibrary(ctx context.Context, path string) (*sqlite.Library, error) {
	if path == "" {
		var err error
		if path, err = data.DefaultPath(); err != nil {
			return nil, err
		}
	}
	lib, err := sqlite.Open(ctx, path)
	if err != nil {
		return nil, err
	}
	if lib.ReadOnly() != "" {
		return lib, nil // nothing can be loaded into it; what is there can be read
	}
	seeds, err := ingest.Seeds()
	if err == nil {
		_, err = lib.SyncArticles(ctx, seeds)
	}
	if err != nil {
		lib.Close()
		return nil, fmt.Errorf("loading the bundled articles: %w", err)
	}
	return lib, nil
}
