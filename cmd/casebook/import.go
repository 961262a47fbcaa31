package main

import (
	"fmt"
	"strings"

	"github.com/casebookapp/casebook/data"
	"github.com/casebookapp/casebook/data/ingest"
)

func cmdImport(e *env, args []string) error {
	fs := newFlags("import")
	if err := parseFlags(fs, args); err != nil {
		return err
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
	if len(results) == 0 {
		return data.Errorf(data.EINVALID, "no article files found in %v (Casebook imports %v)", fs.Args(), ingest.Extensions)
	}
	if len(results) > 1 {
		fmt.Fprintf(e.stdout, "%d added, %d updated, %d already there, %s merged, %d failed.\n",
			counts[ingest.FileAdded], counts[ingest.FileUpdated], counts[ingest.FileDuplicate], plural(counts[ingest.FileMerged], "annotation file"), failed)
	}
	if failed > 0 {
		return data.Errorf(data.EINVALID, "%s", importFailure(failed, len(results)))
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
		return fmt.Sprintf("%d of %d files could not be imported (see above); the other one was", failed, total)
	}
	return fmt.Sprintf("%d of %d files could not be imported (see above); the other %d were", failed, total, total-failed)
}

// describeImport is the line the CLI prints for one imported file. A
// failure's message already names the file.
func describeImport(r ingest.FileResult) string {
	if r.Status == ingest.FileFailed {
		return "failed    " + oneLine(r.Detail())
	}
	verb := map[ingest.FileStatus]string{ingest.FileAdded: "added", ingest.FileUpdated: "updated",
		ingest.FileMerged: "merged", ingest.FileDuplicate: "skipped"}[r.Status]
	return fmt.Sprintf("%-9s %s: %s", verb, r.Path, strings.ReplaceAll(r.Detail(), "\n", "\n          "))
}

// plural writes a count with its noun, "1 paragraph", "3 paragraphs".
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
