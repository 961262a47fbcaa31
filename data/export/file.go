package export

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/casebookapp/casebook/data"
)

// WriteFile writes the export to path through a temporary file in the same
// folder, renamed into place only when the whole export was written, so that
// a failed export never leaves half a document behind (nor replaces a good
// one).
//
// It never writes over the library the document was loaded from, nor any of
// its files (data.CheckOutsideLibrary). A path that is a symbolic link writes
// the file it leads to, and the link stays; a file that exists keeps its
// permissions; a new file gets the usual 0644.
func WriteFile(path string, doc Document, opt Options) (Report, error) {
	if err := data.CheckOutsideLibrary(doc.library, path); err != nil {
		return Report{}, err
	}
	target := path
	if r, err := filepath.EvalSymlinks(path); err == nil {
		target = r
	} else if !errors.Is(err, fs.ErrNotExist) {
		return Report{}, data.FileError("cannot write "+path, err)
	} else if l, lerr := os.Readlink(path); lerr == nil {
		// A link to a file that does not exist yet: create that file.
		if !filepath.IsAbs(l) {
			l = filepath.Join(filepath.Dir(path), l)
		}
		target = l
	}
	mode := fs.FileMode(0o644)
	if st, err := os.Stat(target); err == nil {
		if !st.Mode().IsRegular() {
			return Report{}, data.Errorf(data.EINVALID, "cannot write %s: it is not an ordinary file", path)
		}
		mode = st.Mode().Perm()
	}
	f, err := os.CreateTemp(filepath.Dir(target), ".casebook-export-*")
	if err != nil {
		return Report{}, data.FileError("cannot write "+path, err)
	}
	defer os.Remove(f.Name())
	rep, err := Write(f, doc, opt)
	if cerr := f.Close(); err == nil && cerr != nil {
		err = data.FileError("cannot write "+path, cerr)
	}
	if err != nil {
		return rep, err
	}
	if err := os.Chmod(f.Name(), mode); err != nil {
		return rep, data.FileError("cannot write "+path, err)
	}
	if err := os.Rename(f.Name(), target); err != nil {
		return rep, data.FileError("cannot write "+path, err)
	}
	return rep, nil
}
