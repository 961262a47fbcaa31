package ingest

import (
	"context"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/casebookapp/casebook/data"
	"github.com/casebookapp/casebook/data/export"
)

// FileStatus says what importing one file did.
type FileStatus string

// The outcomes of importing a file.
const (
	FileAdded     FileStatus = "added"     // a new article
	FileUpdated   FileStatus = "updated"   // a new text for an article imported from the same file
	FileDuplicate FileStatus = "duplicate" // the same text is already in the library: nothing added
	FileFailed    FileStatus = "failed"    // the file could not be imported; the library is unchanged
	FileMerged    FileStatus = "merged"    // a study group's annotation file, merged into the library
)

// FileResult is the outcome of importing one file.
type FileResult struct {
	Path   string
	Status FileStatus
	// Article is the article added or updated.
	Article data.Article
	// Passages counts the article's numbered paragraphs.
	Passages int
	// Orphaned counts annotations that could not be placed in an updated text.
	Orphaned int
	// Merge says what merging an annotation file did.
	Merge data.MergeReport
	// Err says why the file failed or is a duplicate.
	Err error
}

// Detail says, in one sentence or two, what a file became or why it failed;
// the CLI and the import dialog both show it.
func (r FileResult) Detail() string {
	title := r.Article.Title
	if title == "" {
		title = "untitled"
	}
	switch r.Status {
	case FileAdded:
		return fmt.Sprintf("article %d “%s”, %s", r.Article.ID, title, countOf(r.Passages, "paragraph", "paragraphs")) + unknown(r.Article.Meta)
	case FileUpdated:
		s := fmt.Sprintf("article %d “%s” has a new text, %s", r.Article.ID, title, countOf(r.Passages, "paragraph", "paragraphs"))
		if r.Orphaned > 0 {
			s += fmt.Sprintf("; %s could not be placed in it and %s kept, listed as Orphans",
				countOf(r.Orphaned, "highlight or note", "highlights or notes"), map[bool]string{true: "is", false: "are"}[r.Orphaned == 1])
		}
		return s + unknown(r.Article.Meta)
	case FileMerged:
		m := r.Merge
		s := fmt.Sprintf("%s added, %d updated, %d unchanged", countOf(m.Added, "annotation", "annotations"), m.Updated, m.Unchanged)
		switch {
		case m.Orphaned == 1:
			s += "; 1 kept as an orphan (its quote is not in the article)"
		case m.Orphaned > 1:
			s += fmt.Sprintf("; %d kept as orphans (their quote is not in the article)", m.Orphaned)
		}
		if m.Outlines > 0 {
			s += fmt.Sprintf("; %s added or updated", countOf(m.Outlines, "outline", "outlines"))
		}
		for _, sk := range m.Skipped {
			s += "\nskipped " + sk
		}
		return s
	}
	return data.ErrorMessage(r.Err)
}

// unknown names the citation details the file did not show, so that the
// student knows to add them with Edit details…: "; not found: author,
// date (Edit details… adds them)", or "" when all are known.
func unknown(m data.Meta) string {
	var missing []string
	for _, f := range []struct{ name, value string }{
		{"title", m.Title}, {"author", m.Author}, {"outlet", m.Outlet}, {"date", m.Date},
	} {
		if strings.TrimSpace(f.value) == "" {
			missing = append(missing, f.name)
		}
	}
	switch len(missing) {
	case 0:
		return ""
	case 1:
		return fmt.Sprintf("; not found in the file: %s (Edit details… adds it)", missing[0])
	}
	return fmt.Sprintf("; not found in the file: %s (Edit details… adds them)", strings.Join(missing, ", "))
}

// countOf writes a count with its noun: "1 paragraph", "3 paragraphs".
func countOf(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

// bundleMerger is a library that merges a bundle's outlines along with its
// annotations (data.Library does).
type bundleMerger interface {
	MergeBundle(ctx context.Context, anns []data.Annotation, outlines []data.SharedOutline) (data.MergeReport, error)
}

// Importer is the part of the library an import writes to.
type Importer interface {
	ImportArticle(ctx context.Context, a data.NewArticle) (data.PutResult, error)
	MergeAnnotations(ctx context.Context, anns []data.Annotation) (data.MergeReport, error)
}

// ImportFiles imports article files, each in its own transaction, so that a
// bad file is reported and the others still go in. A news database's export
// gives one result for each article in it, all with the export's path. A .json file is a study
// group's W3C annotation file (as Casebook exports it): its highlights and
// notes are merged into the library. Folders are expanded to
// the supported files inside them. progress, if not nil, is called after
// each file with the number done and the total. The CLI, the File > Import
// dialog and drag and drop all import through here.
func ImportFiles(ctx context.Context, lib Importer, paths []string, progress func(done, total int, r FileResult)) []FileResult {
	files := ExpandPaths(paths)
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	// Files are read and parsed one step ahead of the library writes, on
	// another goroutine, so that the two overlap; results stay in order.
	type parsed struct {
		articles []data.NewArticle
		err      error
	}
	ahead := make(chan parsed, 8)
	go func() {
		defer close(ahead)
		for _, path := range files {
			var p parsed
			if !isAnnotationFile(path) {
				p.articles, p.err = ReadFileAll(path)
			}
			select {
			case ahead <- p:
			case <-ctx.Done():
				return
			}
		}
	}()

	results := make([]FileResult, 0, len(files))
	for i, path := range files {
		p, ok := <-ahead
		if !ok {
			break
		}
		var rs []FileResult
		switch {
		case isAnnotationFile(path):
			rs = []FileResult{mergeFile(ctx, lib, path)}
		case p.err != nil:
			rs = []FileResult{storeArticle(ctx, lib, path, data.NewArticle{}, p.err)}
		default:
			// A database export gives several articles, each stored
			// in its own transaction and reported on its own.
			for _, a := range p.articles {
				rs = append(rs, storeArticle(ctx, lib, path, a, nil))
				if ctx.Err() != nil {
					break
				}
			}
		}
		for _, r := range rs {
			results = append(results, r)
			if progress != nil {
				progress(i+1, len(files), r)
			}
		}
		if ctx.Err() != nil {
			break
		}
	}
	return results
}

// isAnnotationFile reports a study group's W3C annotation file.
func isAnnotationFile(path string) bool { return strings.EqualFold(filepath.Ext(path), ".json") }

// storeArticle stores one file's article (or reports why it could not be read).
func storeArticle(ctx context.Context, lib Importer, path string, a data.NewArticle, readErr error) FileResult {
	r := FileResult{Path: path}
	if readErr != nil {
		r.Status, r.Err = FileFailed, readErr
		return r
	}
	for _, p := range a.Passages {
		if p.Kind.Numbered() {
			r.Passages++
		}
	}
	put, err := lib.ImportArticle(ctx, a)
	switch {
	case data.ErrorCode(err) == data.EDUPLICATE:
		r.Status, r.Err = FileDuplicate, err
	case err != nil:
		r.Status, r.Err = FileFailed, data.Errorf(data.ErrorCode(err), "%s: %s", path, data.ErrorMessage(err))
	case put.Status == data.Updated:
		r.Status, r.Article, r.Orphaned = FileUpdated, put.Article, put.Orphaned
	default:
		r.Status, r.Article = FileAdded, put.Article
	}
	return r
}

// ExpandPaths replaces each folder among paths by the supported article
// files inside it (recursively, hidden files and folders skipped, sorted by
// name). Files named directly are kept whatever their extension, so that an
// unsupported file is reported rather than silently skipped.
func ExpandPaths(paths []string) []string {
	var out []string
	for _, p := range paths {
		st, err := os.Stat(p)
		if err != nil || !st.IsDir() {
			out = append(out, p)
			continue
		}
		var found []string
		_ = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return nil
			}
			if path != p && strings.HasPrefix(d.Name(), ".") {
				if d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			if !d.IsDir() && (checkExtension(path) == nil || isAnnotationFile(path)) {
				found = append(found, path)
			}
			return nil
		})
		sort.Strings(found)
		out = append(out, found...)
	}
	return out
}

// mergeFile merges a W3C annotation file into the library.
func mergeFile(ctx context.Context, lib Importer, path string) FileResult {
	r := FileResult{Path: path, Status: FileFailed}
	f, err := os.Open(path)
	if err != nil {
		r.Err = fileError(path, err)
		return r
	}
	defer f.Close()
	if st, err := f.Stat(); err == nil && st.Size() > MaxFileSize {
		r.Err = tooLarge(path, st.Size())
		return r
	}
	anns, outlines, err := export.ReadBundle(io.LimitReader(f, MaxFileSize+1))
	if err != nil {
		r.Err = data.Errorf(data.EINVALID, "%s: %s", path, data.ErrorMessage(err))
		return r
	}
	if b, ok := lib.(bundleMerger); ok {
		r.Merge, err = b.MergeBundle(ctx, anns, outlines)
	} else {
		r.Merge, err = lib.MergeAnnotations(ctx, anns)
	}
	if err != nil {
		r.Err = data.Errorf(data.ErrorCode(err), "%s: %s", path, data.ErrorMessage(err))
		return r
	}
	r.Status = FileMerged
	return r
}
