package main

import (
	"fmt"

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
	failed := 0
	counts := map[ingest.FileStatus]int{}
	for _, r := range results {
		counts[r.Status]++
		if r.Status == ingest.FileFailed {
			failed++
		}
	}
	if len(results) == 0 {
		return data.Errorf(data.EINVALID, "no article files found in %v (Casebook imports %v)", fs.Args(), ingest.Extensions)
	}
	if len(results) > 1 {
		fmt.Fprintf(e.stdout, "%d added, %d updated, %d already there, %d annotation files merged, %d failed.\n",
			counts[ingest.FileAdded], counts[ingest.FileUpdated], counts[ingest.FileDuplicate], counts[ingest.FileMerged], failed)
	}
	if failed > 0 {
		return data.Errorf(data.EINVALID, "%d of %d files could not be imported (see above); the others were", failed, len(results))
	}
	return nil
}

// describeImport is the line the CLI prints for one imported file.
func describeImport(r ingest.FileResult) string {
	switch r.Status {
	case ingest.FileAdded:
		return fmt.Sprintf("added     %s → article %d “%s” (%s)", r.Path, r.Article.ID, orDash(r.Article.Title), plural(r.Passages, "paragraph"))
	case ingest.FileUpdated:
		s := fmt.Sprintf("updated   %s → article %d “%s” (%s)", r.Path, r.Article.ID, orDash(r.Article.Title), plural(r.Passages, "paragraph"))
		if r.Orphaned > 0 {
			s += fmt.Sprintf("; %d highlights or notes could not be placed in the new text and are kept as orphans (casebook note list --orphans)", r.Orphaned)
		}
		return s
	case ingest.FileMerged:
		m := r.Merge
		s := fmt.Sprintf("merged    %s: %d added, %d updated, %d unchanged", r.Path, m.Added, m.Updated, m.Unchanged)
		if m.Orphaned > 0 {
			s += fmt.Sprintf(", %d kept as orphans (their quote is not in the article)", m.Orphaned)
		}
		for _, sk := range m.Skipped {
			s += "\n          skipped " + sk
		}
		return s
	case ingest.FileDuplicate:
		return fmt.Sprintf("skipped   %s: %s", r.Path, data.ErrorMessage(r.Err))
	default:
		return fmt.Sprintf("failed    %s", oneLine(data.ErrorMessage(r.Err)))
	}
}

// plural writes a count with its noun, "1 paragraph", "3 paragraphs".
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
