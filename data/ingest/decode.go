package ingest

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path/filepath"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/casebookapp/casebook/data"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	xunicode "golang.org/x/text/encoding/unicode"
)

// maxFileSize is the largest file Casebook imports: 20 MB, far more than
// any news article, small enough to read into memory at once.
const maxFileSize = 20 << 20

// MaxAnnotationFileSize is the largest study-group annotation file (.json)
// Casebook imports: 256 MB, what its own export writes for about 100,000
// notes that quote whole paragraphs (TestAnnotationLimitFitsExports
// measures it), so a file Casebook exported always imports again.
const MaxAnnotationFileSize = 256 << 20

// Extensions lists the file name extensions ReadFile accepts.
var Extensions = []string{".txt", ".md", ".markdown", ".html", ".htm", ".docx", ".rtf", ".pdf"}

// ReadFile reads and decodes the article file at path (see decode). The
// article's Origin is the file's absolute path, so that importing the same
// file again updates it. Every error is an EINVALID *data.Error whose
// message names the file and the reason.
func ReadFile(path string) (data.NewArticle, error) {
	arts, err := readFileAll(path)
	if err != nil {
		return data.NewArticle{}, err
	}
	return arts[0], nil
}

// readFileAll is ReadFile for files that may hold several articles (see
// decodeAll).
func readFileAll(path string) ([]data.NewArticle, error) {
	if abs, err := filepath.Abs(path); err == nil {
		path = abs
	}
	if err := checkExtension(path); err != nil {
		return nil, err
	}
	f, info, err := openRegular(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if info.IsDir() {
		return nil, data.Errorf(data.EINVALID, "%s: this is a folder, not a file", path)
	}
	if info.Size() > maxFileSize {
		return nil, tooLarge(path, info.Size())
	}
	// Read one byte past the limit in case the file grew since Stat.
	b, err := io.ReadAll(io.LimitReader(f, maxFileSize+1))
	if err != nil {
		return nil, fileError(path, err)
	}
	return decodeAll(path, b)
}

// fileError turns an operating-system error into a message for the student.
func fileError(path string, err error) error {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return data.Errorf(data.EINVALID, "%s: no such file", path)
	case errors.Is(err, fs.ErrPermission):
		return data.Errorf(data.EINVALID, "%s: the file cannot be read (permission denied)", path)
	}
	return data.FileError(path+": the file cannot be read", err)
}

func tooLarge(name string, size int64) error {
	return data.Errorf(data.EINVALID, "%s: the file is too large (%.1f MB; the limit is %d MB)",
		name, float64(size)/(1<<20), maxFileSize>>20)
}

func checkExtension(name string) error {
	ext := strings.ToLower(filepath.Ext(name))
	for _, e := range Extensions {
		if ext == e {
			return nil
		}
	}
	what := "files without an extension are not supported"
	if ext != "" {
		what = fmt.Sprintf("%q files are not supported", ext)
	}
	return data.Errorf(data.EINVALID, "%s: %s; Casebook imports %s and %s files", name, what,
		strings.Join(Extensions[:len(Extensions)-1], ", "), Extensions[len(Extensions)-1])
}

// decode turns the bytes of an article file into an article. name is the
// file's name or path: its extension chooses the format, it becomes the
// article's Origin, its base name the Meta.Source unless the file gives an
// address, and it is named in every error.
//
// Decoding: a UTF-8, UTF-16 LE or UTF-16 BE byte-order mark decides the
// encoding; otherwise valid UTF-8 is UTF-8, an HTML page's declared
// charset is used, and anything else is read as Windows-1252 (a superset of
// Latin-1 for printable text, so 0xA3 is "£"). CRLF and CR become LF.
// NUL bytes, or more than 2% control characters, mean a binary file.
//
// Formats: .txt text goes to Parse as it is. .md and .markdown files may
// start with YAML front matter (title, author or authors, outlet, site,
// publisher, date, url or source) that becomes metadata; the Markdown
// syntax is stripped from the passages. .html and .htm pages are reduced to
// their article with Readability (codeberg.org/readeck/go-readability);
// JSON-LD (NewsArticle headline, author, datePublished, publisher) and
// <meta> tags (og:site_name, article:published_time, author, og:url) give
// the metadata. Figure captions become caption passages and paragraphs
// that are a single link become related passages.
//
// Metadata the file states outright (front matter, JSON-LD, meta tags)
// wins over what Parse reads from the text. Original is the decoded file
// with LF line endings, Markdown and HTML markup included.
func decode(name string, b []byte) (data.NewArticle, error) {
	arts, err := decodeAll(name, b)
	if err != nil {
		return data.NewArticle{}, err
	}
	return arts[0], nil
}

// decodeAll is decode for files that may hold several articles: a news
// database's export (.txt, .docx or .pdf; see splitExport) gives one
// article for each in it, in order, each with the Origin "<name>#<n>" so
// that importing the export again updates them one by one, its own text as
// Original, and the metadata its fields state. Any other file gives one
// article, as decode.
func decodeAll(name string, b []byte) ([]data.NewArticle, error) {
	if err := checkExtension(name); err != nil {
		return nil, err
	}
	if len(b) > maxFileSize {
		return nil, tooLarge(name, int64(len(b)))
	}
	if len(b) == 0 {
		return nil, data.Errorf(data.EINVALID, "%s: the file is empty", name)
	}
	ext := strings.ToLower(filepath.Ext(name))
	switch ext {
	case ".docx", ".rtf", ".pdf":
		return decodeDocument(name, ext, b)
	}
	isHTML := ext == ".html" || ext == ".htm"
	text, replaced, err := decodeText(name, b, isHTML)
	if err != nil {
		return nil, err
	}
	arts, err := decodeTextFile(name, ext, text)
	if err != nil {
		return nil, err
	}
	if replaced > 0 {
		warning := fmt.Sprintf("%s not valid UTF-8 and shown as � (the rest of the file is UTF-8)",
			map[bool]string{true: "1 byte was", false: fmt.Sprintf("%d bytes were", replaced)}[replaced == 1])
		for i := range arts {
			arts[i].Warnings = append(arts[i].Warnings, warning)
		}
	}
	return arts, nil
}

// decodeTextFile turns the decoded text of a .txt, .md or .html file into
// its articles.
func decodeTextFile(name, ext, text string) ([]data.NewArticle, error) {
	var err error
	text = normaliseNewlines(text)
	if strings.TrimFunc(text, isSpaceOrInvisible) == "" {
		return nil, data.Errorf(data.EINVALID, "%s: the file is empty (it holds only white space)", name)
	}
	if !mostlyText(text) {
		return nil, binaryError(name)
	}

	base := filepath.Base(name)
	var art data.NewArticle
	switch ext {
	case ".md", ".markdown":
		art, err = decodeMarkdown(name, base, text)
	case ".html", ".htm":
		art, err = decodeHTML(name, base, text)
	default:
		return articlesOf(name, text, data.Meta{}, false)
	}
	if err != nil {
		return nil, err
	}
	art.Origin = name
	art.Original = text
	return []data.NewArticle{art}, nil
}

// articlesOf parses the text of a .txt file, a Word document or a PDF:
// the articles of a database export, or else one article (a pasted page's
// article found in it). meta is what the document's properties state,
// which wins over what the text shows; pdf says the properties are a
// PDF's, whose title is often the printed page's "Headline | Site".
func articlesOf(name, text string, meta data.Meta, pdf bool) ([]data.NewArticle, error) {
	base := filepath.Base(name)
	meta = borneOut(meta, text)
	if exps := splitExport(text); len(exps) > 0 {
		out := make([]data.NewArticle, 0, len(exps))
		for i, e := range exps {
			art, err := parse(e.text, name, base, false)
			if err != nil {
				continue
			}
			// Each paragraph of the article's text is one passage; the
			// fields' kinds go to theirs.
			if len(art.Passages) == len(e.kinds) {
				for j, k := range e.kinds {
					switch {
					case k != "":
						art.Passages[j].Kind = k
					case art.Passages[j].Kind == data.KindTitle:
						art.Passages[j].Kind = data.KindBody
					}
				}
			}
			art.Title = cmp.Or(e.meta.Title, art.Title)
			art.Author = cmp.Or(e.meta.Author, art.Author)
			art.Outlet = cmp.Or(e.meta.Outlet, art.Outlet)
			art.Date = cmp.Or(e.meta.Date, art.Date)
			art.Source = cmp.Or(e.meta.Source, base)
			art.Type = cmp.Or(e.meta.Type, art.Type)
			art.Origin = name
			if len(exps) > 1 {
				art.Origin = fmt.Sprintf("%s#%d", name, i+1)
			}
			art.Original = e.text
			out = append(out, art)
		}
		if len(out) > 0 {
			return out, nil
		}
	}
	art, err := parseFile(name, base, text, nil, true)
	if err != nil {
		return nil, err
	}
	if pdf {
		// A PDF's title property is often the page's <title> that the
		// browser printed ("Headline | Site") or a file name; the first
		// page's headline is the better title when there is one.
		title, site := splitSiteTitle(meta.Title)
		meta.Title = cmp.Or(art.Title, title)
		meta.Outlet = site
		if meta.Outlet == "" && art.Outlet == "" && meta.Source != "" {
			// The address the browser printed names the outlet.
			meta.Outlet = addressOutlet(meta.Source, text)
		}
	}
	art.Source = cmp.Or(meta.Source, art.Source)
	art.Title = cmp.Or(meta.Title, art.Title)
	art.Author = cmp.Or(meta.Author, art.Author)
	art.Outlet = cmp.Or(meta.Outlet, art.Outlet)
	art.Date = cmp.Or(meta.Date, art.Date)
	art.Origin = name
	art.Original = text
	return []data.NewArticle{art}, nil
}

// borneOut keeps of a document's author and date properties only what its
// text bears out. The properties describe the file: its author is
// whoever saved it (the student's own account, when they pasted an
// article into Word), its date the day it was saved. They are the
// article's only when the text names the same person or prints the same
// date; otherwise the byline and the date the text shows are used, or the
// import reports them unknown.
func borneOut(meta data.Meta, text string) data.Meta {
	if meta.Author != "" && !strings.Contains(" "+textKey(text)+" ", " "+textKey(meta.Author)+" ") {
		meta.Author = ""
	}
	if meta.Date != "" && !slices.ContainsFunc(findDates(text), func(d foundDate) bool { return d.iso == meta.Date }) {
		meta.Date = ""
	}
	return meta
}

// decodeDocument imports a Word document, an RTF document or a PDF: its text, in
// paragraphs, goes through Parse like a pasted article's, and what the
// document's properties state outright (title, author, date) wins over
// what Parse reads from the text. Original is the extracted text.
func decodeDocument(name, ext string, b []byte) ([]data.NewArticle, error) {
	var (
		text string
		meta data.Meta
		err  error
	)
	switch ext {
	case ".docx":
		text, meta, err = decodeDOCX(name, b)
	case ".rtf":
		text, meta, err = decodeRTF(name, b)
	case ".pdf":
		text, meta, err = decodePDF(name, b)
	}
	if err != nil {
		return nil, err
	}
	text = normaliseNewlines(strings.ToValidUTF8(text, "\uFFFD"))
	if strings.TrimFunc(text, isSpaceOrInvisible) == "" {
		return nil, data.Errorf(data.EINVALID, "%s: the document has no text", name)
	}
	return articlesOf(name, text, meta, ext == ".pdf")
}

// parseFile runs Parse on text extracted from a file, then applies the
// kinds the file's structure showed (hints, keyed by cleaned passage text)
// to passages Parse took for body text.
// find says whether the text may be a whole page's copy in which the
// article is still to be found (rule 7 of Parse): not so for the article
// Readability extracted from a web page, nor for a Markdown file.
func parseFile(name, base, text string, hints map[string]data.Kind, find bool) (data.NewArticle, error) {
	if strings.TrimFunc(text, isSpaceOrInvisible) == "" {
		return data.NewArticle{}, data.Errorf(data.EINVALID, "%s: the file has no article text", name)
	}
	art, err := parse(text, name, base, find)
	if err != nil {
		return data.NewArticle{}, data.Errorf(data.EINVALID, "%s: the file has no article text", name)
	}
	for i, p := range art.Passages {
		if k, ok := hints[p.Text]; ok && (p.Kind == data.KindBody || p.Kind == data.KindTitle && k != data.KindBody) {
			art.Passages[i].Kind = k
		}
	}
	return art, nil
}

func binaryError(name string) error {
	return data.Errorf(data.EINVALID, "%s: this is not a text file (it looks like binary data)", name)
}

var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

// decodeText applies the encoding rules of decode. It also returns how
// many invalid bytes of a UTF-8 file were replaced by U+FFFD.
func decodeText(name string, b []byte, isHTML bool) (string, int, error) {
	var enc encoding.Encoding
	switch {
	case bytes.HasPrefix(b, utf8BOM):
		_, bad := utf8Counts(b[len(utf8BOM):])
		return strings.ToValidUTF8(string(b[len(utf8BOM):]), "\uFFFD"), bad, nil
	case bytes.HasPrefix(b, []byte{0xFF, 0xFE}):
		enc = xunicode.UTF16(xunicode.LittleEndian, xunicode.ExpectBOM)
	case bytes.HasPrefix(b, []byte{0xFE, 0xFF}):
		enc = xunicode.UTF16(xunicode.BigEndian, xunicode.ExpectBOM)
	}
	if enc != nil {
		if len(b)%2 != 0 {
			// A UTF-16 file has an even number of bytes; an odd one is
			// most likely binary data that happens to start like a BOM.
			return "", 0, binaryError(name)
		}
		out, err := enc.NewDecoder().Bytes(b)
		if err != nil {
			return "", 0, data.Errorf(data.EINVALID, "%s: the file cannot be decoded as UTF-16 (%v)", name, err)
		}
		if bytes.IndexByte(out, 0) >= 0 {
			return "", 0, binaryError(name)
		}
		return string(out), 0, nil
	}
	if bytes.IndexByte(b, 0) >= 0 {
		return "", 0, binaryError(name)
	}
	if utf8.Valid(b) {
		return string(b), 0, nil
	}
	// UTF-8 but for a few bad bytes (a damaged download, a bad paste):
	// reading it all as Windows-1252 would turn every "é" into "Ã©".
	// Keep it UTF-8 and replace the bad bytes. A file with at least as
	// many valid multi-byte characters as bad bytes is taken as UTF-8.
	if multi, bad := utf8Counts(b); multi > 0 && bad <= multi {
		return replaceInvalidUTF8(b), bad, nil
	}
	enc = charmap.Windows1252
	if isHTML {
		// The page may declare its charset in a <meta> tag; the HTML
		// standard's default for pages that do not is Windows-1252 too.
		enc, _, _ = charset.DetermineEncoding(b, "text/html")
	}
	out, err := enc.NewDecoder().Bytes(b)
	if err != nil {
		return "", 0, data.Errorf(data.EINVALID, "%s: the file's encoding cannot be read (%v)", name, err)
	}
	return string(out), 0, nil
}

// utf8Counts counts the valid multi-byte UTF-8 sequences in b and the bytes
// that are not part of any valid sequence.
func utf8Counts(b []byte) (multi, bad int) {
	for len(b) > 0 {
		r, size := utf8.DecodeRune(b)
		switch {
		case r == utf8.RuneError && size == 1:
			bad++
		case size > 1:
			multi++
		}
		b = b[size:]
	}
	return multi, bad
}

// replaceInvalidUTF8 replaces each byte that is not valid UTF-8 by U+FFFD.
func replaceInvalidUTF8(b []byte) string {
	var sb strings.Builder
	sb.Grow(len(b))
	for len(b) > 0 {
		r, size := utf8.DecodeRune(b)
		if r == utf8.RuneError && size == 1 {
			sb.WriteRune(utf8.RuneError)
		} else {
			sb.Write(b[:size])
		}
		b = b[size:]
	}
	return sb.String()
}

// mostlyText reports whether no more than 2% of the runes of s are control
// characters (other than tab, line feed, form feed and vertical tab) or
// replacement characters for undecodable bytes.
func mostlyText(s string) bool {
	bad, n := 0, 0
	for _, r := range s {
		n++
		switch {
		case r == '\t' || r == '\n' || r == '\f' || r == '\v':
		case r == utf8.RuneError || unicode.IsControl(r):
			bad++
		}
	}
	return bad*50 <= n
}
