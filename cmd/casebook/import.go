package main

import (
	"fmt"
	"strings"

	"github.com/casebookapp/casebook/data"
	"github.com/casebookapp/casebook/data/ingest"
	"github.com/casebookapp/casebook/internal/text"
)

func cmdImport(e *env, args []string) error {
	fs := newFlags("import")
	undo := fs.Bool("undo-last", false, "undo the last merge of a classmate's annotation file")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *undo {
		if fs.NArg() > 0 {
			return usagef("import --undo-last takes no files")
		}
		rep, err := e.lib.UndoLastImport(e.ctx)
		if data.ErrorCode(err) == data.ENOTFOUND {
			// A student who imported the wrong article looks here first.
			return data.Errorf(data.ENOTFOUND, "%s. --undo-last undoes a classmate's .json file; to remove an article you imported, use File › Delete article in the app (File › Deleted articles… brings it back)", data.ErrorMessage(err))
		}
		if err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "Undid the merge of %s (from %s): %s removed, %s put back as they were.\n",
			rep.File, rep.From, text.Plural(rep.Removed, "annotation", "annotations"), text.Plural(rep.Restored, "annotation", "annotations"))
		return nil
	}
	if fs.NArg() == 0 {
		return usagef("import needs at least one file or folder, for example: casebook import article.html notes.txt")
	}
	results := ingest.ImportFiles(e.ctx, e.lib, fs.Args(), func(done, total int, r ingest.FileResult) {
		fmt.Fprintln(e.stdout, describeImport(r))
	})
	counts := map[ingest.FileStatus]int{}
	for _, r := range results {
		counts[r.Status]++
	}
	failed := counts[ingest.FileFailed]
	if n := counts[ingest.FileSkipped]; n > 0 {
		fmt.Fprintf(e.stdout, "%d skipped (see above for why).\n", n)
	}
	if counts[ingest.FileAdded]+counts[ingest.FileUpdated] > 0 {
		// Load the search index now, so that closing the library stores
		// a snapshot of it when the import changed much (search.Index.Close):
		// the next `casebook search` then starts in milliseconds instead
		// of reading every table. Only a speed-up: a failure changes
		// nothing the student asked for.
		_ = e.lib.PrepareSearch(e.ctx)
	}
	if len(results) == 0 {
		return data.Errorf(data.EINVALID, "no article files found in %v (Casebook imports %v)", fs.Args(), ingest.Extensions)
	}
	if len(results) > 1 {
		fmt.Fprintf(e.stdout, "%d added, %d updated, %d already there, %s merged, %d failed.\n",
			counts[ingest.FileAdded], counts[ingest.FileUpdated], counts[ingest.FileDuplicate], text.Plural(counts[ingest.FileMerged], "annotation file", "annotation files"), failed)
	}
	if failed > 0 {
		// Skipped files (of kinds Casebook does not read) were not
		// tried: they are neither failed nor imported.
		return data.Errorf(data.EINVALID, "%s", importFailure(failed, len(results)-counts[ingest.FileSkipped]))
	}
	return nil
}

// importFailure says how many of the files could not be imported, in
// words that agree with the counts.
func importFailure(failed, total int) string {
	switch {
	case total == 1:
		return "the file could not be imported (see above)"
	case failed == total && total == 2:
		return "neither file could be imported (see above)"
	case failed == total:
		return fmt.Sprintf("none of the %d files could be imported (see above)", total)
	case total-failed == 1:
		return fmt.Sprintf("%d of %d files could not be imported (see above); the other one is in your library", failed, total)
	}
	return fmt.Sprintf("%d of %d files could not be imported (see above); the other %d are in your library", failed, total, total-failed)
}

// describeImport is the line the CLI prints for one imported file. A
// failure's message already names the file.
func describeImport(r ingest.FileResult) string {
	switch r.Status {
	case ingest.FileFailed:
		return "failed    " + text.OneLine(r.Detail())
	case ingest.FileSkipped:
		return "skipped   " + text.OneLine(r.Detail())
	}
	verb := map[ingest.FileStatus]string{ingest.FileAdded: "added", ingest.FileUpdated: "updated",
		ingest.FileMerged: "merged", ingest.FileDuplicate: "skipped"}[r.Status]
	return fmt.Sprintf("%-9s %s: %s", verb, r.Path, strings.ReplaceAll(r.Detail(), "\n", "\n          "))
}
