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
	"syscall"
	"time"

	"github.com/casebookapp/casebook/data"
	"github.com/casebookapp/casebook/data/webanno"
	"github.com/casebookapp/casebook/internal/text"
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
	FileSkipped   FileStatus = "skipped"   // found in a folder but not imported: of a kind Casebook does not read, not a regular file, or a link leading outside
)

// FileResult is the outcome of importing one file.
type FileResult struct {
	Path   string
	Status FileStatus
	// Article is the article added or updated.
	Article data.Article
	// passages counts the article's numbered paragraphs.
	passages int
	// Orphaned counts annotations that could not be placed in an updated text.
	Orphaned int
	// Merge says what merging an annotation file did, and From whom the
	// file came from.
	Merge data.MergeReport
	From  string
	// Err says why the file failed or is a duplicate.
	Err error
	// repairs say what reading the file had to repair.
	repairs []string
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
		return fmt.Sprintf("article %d “%s”, %s", r.Article.ID, title, text.Plural(r.passages, "paragraph", "paragraphs")) + unknown(r.Article.Meta) + r.warnings()
	case FileUpdated:
		s := fmt.Sprintf("article %d “%s” has a new text, %s", r.Article.ID, title, text.Plural(r.passages, "paragraph", "paragraphs"))
		if r.Orphaned > 0 {
			s += fmt.Sprintf("; %s could not be placed in it and %s kept, listed as Orphans",
				text.Plural(r.Orphaned, "highlight or note", "highlights or notes"), map[bool]string{true: "is", false: "are"}[r.Orphaned == 1])
		}
		return s + unknown(r.Article.Meta) + r.warnings()
	case FileMerged:
		m := r.Merge
		s := fmt.Sprintf("%s added, %d updated, %d unchanged", text.Plural(m.Added, "annotation", "annotations"), m.Updated, m.Unchanged)
		if m.KeptBoth > 0 {
			s += fmt.Sprintf("; %s changed on both sides: yours %s kept, and theirs added beside %s, marked as from %s",
				text.Plural(m.KeptBoth, "annotation", "annotations"), map[bool]string{true: "is", false: "are"}[m.KeptBoth == 1],
				map[bool]string{true: "it", false: "them"}[m.KeptBoth == 1], r.From)
		}
		if m.Undated > 0 {
			s += fmt.Sprintf("; %d changed but with a missing or future date, so not used", m.Undated)
		}
		switch {
		case m.Orphaned == 1:
			s += "; 1 kept as an orphan (its quote is not in the article)"
		case m.Orphaned > 1:
			s += fmt.Sprintf("; %d kept as orphans (their quote is not in the article)", m.Orphaned)
		}
		if m.Outlines > 0 {
			s += fmt.Sprintf("; %s added or updated", text.Plural(m.Outlines, "outline", "outlines"))
			if m.OutlinesBeside > 0 {
				s += fmt.Sprintf(" (%d beside yours of the same id, yours kept, theirs marked as from %s)", m.OutlinesBeside, r.From)
			}
		}
		for _, sk := range m.Skipped {
			s += "\nskipped " + sk
		}
		return s
	}
	return data.ErrorMessage(r.Err)
}

// warnings lists the file's repairs after what it became.
func (r FileResult) warnings() string {
	s := ""
	for _, w := range r.repairs {
		s += "; " + w
	}
	return s
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
	check := ""
	if m.Date != "" && m.DateNote == copyrightYearNote {
		check = "; " + copyrightYearNote + ": check the date with Edit details…"
	}
	switch len(missing) {
	case 0:
		return check
	case 1:
		return fmt.Sprintf("; not found in the file: %s (Edit details… adds it)", missing[0]) + check
	}
	return fmt.Sprintf("; not found in the file: %s (Edit details… adds them)", strings.Join(missing, ", ")) + check
}

// Importer is the part of the library an import writes to.
type Importer interface {
	BeginImport(ctx context.Context) (data.ImportBatch, error)
	ImportArticle(ctx context.Context, a data.NewArticle) (data.PutResult, error)
	MergeBundle(ctx context.Context, from data.MergeFrom, anns []data.Annotation, outlines []data.SharedOutline) (data.MergeReport, error)
}

// batchTime bounds how long an import holds the library's write lock: the
// articles read within it are stored in one transaction (a
// data.ImportBatch), which then commits, so that the window's own saves,
// and other processes, wait at most about this long. Committing (and
// indexing) once per batch instead of once per file is what makes
// importing thousands of files fast.
const batchTime = 300 * time.Millisecond

// ImportFiles imports article files. Each article is all or nothing: a bad
// file is reported and leaves no trace, and the others still go in. A news
// database's export gives one result for each article in it, all with the
// export's path. Articles are stored in batches of one transaction each, a
// savepoint per article (see batchTime). A .json file is a study group's
// W3C annotation file (as Casebook exports it): its highlights and notes
// are merged into the library, in a transaction of its own. Folders are
// expanded to the supported files inside them. progress, if not nil, is
// called for each result, in order, once its batch has committed, with the
// number of files done and the total. The CLI, the File > Import dialog and
// drag and drop all import through here.
func ImportFiles(ctx context.Context, lib Importer, paths []string, progress func(done, total int, r FileResult)) []FileResult {
	files, skipped := expandPaths(paths)
	total := len(skipped) + len(files)
	results := make([]FileResult, 0, total)
	for _, r := range skipped {
		results = append(results, r)
		if progress != nil {
			progress(len(results), total, r)
		}
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	// Files are read and parsed ahead of the library writes, on another
	// goroutine, so that the two overlap; results stay in order.
	type parsed struct {
		path     string
		articles []data.NewArticle
		err      error
	}
	ahead := make(chan parsed, 8)
	go func() {
		defer close(ahead)
		for _, path := range files {
			p := parsed{path: path}
			if !isAnnotationFile(path) {
				p.articles, p.err = readFileAll(path)
			}
			select {
			case ahead <- p:
			case <-ctx.Done():
				return
			}
		}
	}()

	report := func(file int, r FileResult) {
		results = append(results, r)
		if progress != nil {
			progress(len(skipped)+file+1, total, r)
		}
	}

	// item is one article of a file (or a file that could not be read)
	// in the open batch: its result is final only once the batch commits.
	type item struct {
		file    int
		path    string
		article data.NewArticle
		readErr error
		res     FileResult
	}
	var (
		batch   data.ImportBatch
		started time.Time
		held    []item
	)
	// redo stores the held articles again, one transaction each, when
	// their batch could not commit: each then gets its own verdict.
	redo := func() {
		for i, it := range held {
			if it.readErr == nil {
				held[i].res = storeArticle(ctx, lib, it.path, it.article)
			}
		}
	}
	flush := func() {
		if batch != nil {
			if err := batch.Commit(); err != nil {
				redo()
			}
			batch = nil
		}
		for _, it := range held {
			report(it.file, it.res)
		}
		held = held[:0]
	}
	defer func() {
		if batch != nil {
			batch.Rollback()
		}
	}()
	// store adds one article to the open batch, beginning one if needed.
	store := func(file int, path string, a data.NewArticle) {
		if batch == nil {
			b, err := lib.BeginImport(ctx)
			if err != nil {
				flush()
				report(file, storeArticle(ctx, lib, path, a))
				return
			}
			batch, started = b, time.Now()
		}
		put, err := batch.Article(a)
		held = append(held, item{file: file, path: path, article: a, res: articleResult(path, a, put, err)})
		if data.Broken(err) {
			// The batch is lost: store its articles, this one
			// included, one by one.
			batch.Rollback()
			batch = nil
			redo()
			flush()
		}
	}

	for file := 0; ; file++ {
		var p parsed
		var ok bool
		select {
		case p, ok = <-ahead:
		default:
			// Nothing parsed yet: wait no longer than the batch may
			// hold the lock, then commit it and wait on.
			wait := time.NewTimer(max(0, batchTime-time.Since(started)))
			select {
			case p, ok = <-ahead:
			case <-wait.C:
				flush()
				p, ok = <-ahead
			}
			wait.Stop()
		}
		if !ok {
			break
		}
		switch {
		case isAnnotationFile(p.path):
			flush()
			report(file, mergeFile(ctx, lib, p.path))
		case p.err != nil:
			held = append(held, item{file: file, path: p.path, readErr: p.err, res: FileResult{Path: p.path, Status: FileFailed, Err: p.err}})
		default:
			for _, a := range p.articles {
				store(file, p.path, a)
				if ctx.Err() != nil {
					break
				}
			}
		}
		if batch != nil && time.Since(started) >= batchTime {
			flush()
		}
		if ctx.Err() != nil {
			break
		}
	}
	flush()
	return results
}

// isAnnotationFile reports a study group's W3C annotation file.
func isAnnotationFile(path string) bool { return strings.EqualFold(filepath.Ext(path), ".json") }

// storeArticle stores one file's article in a transaction of its own.
func storeArticle(ctx context.Context, lib Importer, path string, a data.NewArticle) FileResult {
	put, err := lib.ImportArticle(ctx, a)
	return articleResult(path, a, put, err)
}

// articleResult says what storing a file's article did.
func articleResult(path string, a data.NewArticle, put data.PutResult, err error) FileResult {
	r := FileResult{Path: path, repairs: a.Warnings}
	for _, p := range a.Passages {
		if p.Kind.Numbered() {
			r.passages++
		}
	}
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

// expandPaths replaces each folder among paths by the supported article
// and annotation files inside it (recursively, hidden files and folders
// skipped, sorted by name). Files named directly are kept whatever their
// extension, so that an unsupported file is reported rather than silently
// skipped.
//
// Inside a folder only regular files are imported: a named pipe, socket or
// device is skipped (reading a pipe would wait for ever), and so is a
// symbolic link that leads outside the folder (a link to a private key is
// not an article); both are returned as FileSkipped results that say why.
// A file of a kind Casebook does not import is returned as a FileSkipped
// result that says which kinds it does. A folder that cannot be read is
// returned as a FileFailed result.
func expandPaths(paths []string) (files []string, other []FileResult) {
	for _, p := range paths {
		st, err := os.Stat(p)
		if err != nil || !st.IsDir() {
			files = append(files, p)
			continue
		}
		root, err := filepath.EvalSymlinks(p)
		if err != nil {
			root = p
		}
		var found []string
		var notes []FileResult
		skip := func(path, why string) {
			notes = append(notes, FileResult{Path: path, Status: FileSkipped, Err: data.Errorf(data.EINVALID, "%s: %s", path, why)})
		}
		_ = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				notes = append(notes, FileResult{Path: path, Status: FileFailed, Err: fileError(path, err)})
				if d != nil && d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			if path != p && strings.HasPrefix(d.Name(), ".") {
				if d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			if d.IsDir() {
				return nil
			}
			wanted := checkExtension(path) == nil || isAnnotationFile(path)
			switch t := d.Type(); {
			case t&fs.ModeSymlink != 0:
				target, err := filepath.EvalSymlinks(path)
				if err != nil {
					if wanted {
						skip(path, "a link to a file that does not exist; not imported")
					}
					return nil
				}
				if rel, err := filepath.Rel(root, target); err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
					skip(path, "a link to "+target+", outside the imported folder; not followed")
					return nil
				}
				if st, err := os.Stat(target); err != nil || !st.Mode().IsRegular() {
					if wanted || err == nil && st.IsDir() {
						skip(path, "a link to something that is not an ordinary file; not followed")
					}
					return nil
				}
			case !t.IsRegular():
				skip(path, "a "+fileKind(t)+", not an ordinary file; not imported")
				return nil
			}
			if wanted {
				found = append(found, path)
			} else {
				// A file of a kind Casebook cannot read (an old .doc,
				// an .odt, a picture) is named, so that the student
				// knows it was left out.
				notes = append(notes, FileResult{Path: path, Status: FileSkipped, Err: checkExtension(path)})
			}
			return nil
		})
		sort.Strings(found)
		files = append(files, found...)
		other = append(other, notes...)
	}
	return files, other
}

// fileKind names a file that is not a regular file, for a message.
func fileKind(m fs.FileMode) string {
	switch {
	case m&fs.ModeNamedPipe != 0:
		return "named pipe"
	case m&fs.ModeSocket != 0:
		return "socket"
	case m&fs.ModeDevice != 0, m&fs.ModeCharDevice != 0:
		return "device"
	case m.IsDir():
		return "folder"
	}
	return "special file"
}

// openRegular opens path for reading if it is a regular file, without
// waiting on a named pipe or a device.
func openRegular(path string) (*os.File, os.FileInfo, error) {
	if st, err := os.Stat(path); err == nil && !st.Mode().IsRegular() && !st.IsDir() {
		return nil, nil, data.Errorf(data.EINVALID, "%s: a %s, not an ordinary file; Casebook imports files only", path, fileKind(st.Mode()))
	}
	f, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, nil, fileError(path, err)
	}
	st, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, nil, fileError(path, err)
	}
	if !st.Mode().IsRegular() && !st.IsDir() {
		f.Close()
		return nil, nil, data.Errorf(data.EINVALID, "%s: a %s, not an ordinary file; Casebook imports files only", path, fileKind(st.Mode()))
	}
	return f, st, nil
}

// mergeFile merges a W3C annotation file into the library.
func mergeFile(ctx context.Context, lib Importer, path string) FileResult {
	r := FileResult{Path: path, Status: FileFailed}
	f, st, err := openRegular(path)
	if err != nil {
		r.Err = err
		return r
	}
	defer f.Close()
	if st.IsDir() {
		r.Err = data.Errorf(data.EINVALID, "%s: this is a folder, not a file", path)
		return r
	}
	if st.Size() > MaxAnnotationFileSize {
		r.Err = data.Errorf(data.EINVALID, "%s: the file is too large (%.1f MB; the limit for annotation files is %d MB)",
			path, float64(st.Size())/(1<<20), MaxAnnotationFileSize>>20)
		return r
	}
	anns, outlines, err := webanno.ReadBundle(io.LimitReader(f, MaxAnnotationFileSize+1))
	if err != nil {
		r.Err = data.Errorf(data.EINVALID, "%s: %s", path, data.ErrorMessage(err))
		return r
	}
	from := data.MergeFrom{Name: strings.TrimSuffix(filepath.Base(path), filepath.Ext(path)), File: path}
	if abs, err := filepath.Abs(path); err == nil {
		from.File = abs
	}
	r.Merge, err = lib.MergeBundle(ctx, from, anns, outlines)
	if err != nil {
		r.Err = data.Errorf(data.ErrorCode(err), "%s: %s", path, data.ErrorMessage(err))
		return r
	}
	r.Status, r.From = FileMerged, from.Name
	return r
}
