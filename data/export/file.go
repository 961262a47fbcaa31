package export

import (
	"os"
	"path/filepath"

	"github.com/casebookapp/casebook/data"
)

// WriteFile writes the export to path through a temporary file in the same
// folder, renamed into place only when the whole export was written, so that
// a failed export never leaves half a document behind (nor replaces a good
// one).
func WriteFile(path string, doc Document, opt Options) (Report, error) {
	f, err := os.CreateTemp(filepath.Dir(path), ".casebook-export-*")
	if err != nil {
		return Report{}, data.Errorf(data.EINVALID, "cannot write %s: %v", path, err)
	}
	defer os.Remove(f.Name())
	rep, err := Write(f, doc, opt)
	if cerr := f.Close(); err == nil && cerr != nil {
		err = data.Errorf(data.EINVALID, "cannot write %s: %v", path, cerr)
	}
	if err != nil {
		return rep, err
	}
	if err := os.Chmod(f.Name(), 0o644); err != nil {
		return rep, err
	}
	if err := os.Rename(f.Name(), path); err != nil {
		return rep, data.Errorf(data.EINVALID, "cannot write %s: %v", path, err)
	}
	return rep, nil
}
