package data

import (
	"os"
	"path/filepath"
	"strings"
)

// realPath returns path made absolute with its symbolic links resolved. A
// path that does not exist yet is resolved as far as its folder.
func realPath(path string) string {
	abs, err := filepath.Abs(path)
	if err != nil {
		abs = filepath.Clean(path)
	}
	if r, err := filepath.EvalSymlinks(abs); err == nil {
		return r
	}
	if dir, err := filepath.EvalSymlinks(filepath.Dir(abs)); err == nil {
		return filepath.Join(dir, filepath.Base(abs))
	}
	return abs
}

// libraryFile reports whether name (a base name) is one of the files that
// make up the library whose base name is base: the library itself, SQLite's
// -wal, -shm and -journal files, the copies kept before an upgrade and the
// files a new library or a copy is built in.
func libraryFile(base, name string) bool {
	switch name {
	case base, base + "-wal", base + "-shm", base + "-journal":
		return true
	}
	if rest, ok := strings.CutPrefix(name, base+".before-"); ok && strings.HasSuffix(rest, ".bak") {
		return true
	}
	// Files being made: a new library, a backup before it is renamed.
	return strings.HasPrefix(name, "."+base+".new-") || strings.HasPrefix(name, "."+base+".before-")
}

// CheckOutsideLibrary refuses out, a file about to be written (an export),
// when it is the library at libPath or one of the files that belong to it,
// whatever path or link leads there: real paths are compared after symbolic
// links are resolved, and an existing file is compared by identity, so that
// a hard link is caught too. The CLI's export and the GUI's save dialog both
// check through here.
func CheckOutsideLibrary(libPath, out string) error {
	if libPath == "" || out == "" {
		return nil
	}
	refuse := func() error {
		return Errorf(EINVALID, "%s is your Casebook library (or one of its files); choose another file name for the export", out)
	}
	target := realPath(out)
	outInfo, outErr := os.Stat(out)
	for _, lib := range []string{filepath.Clean(libPath), realPath(libPath)} {
		if !filepath.IsAbs(lib) {
			if abs, err := filepath.Abs(lib); err == nil {
				lib = abs
			}
		}
		dir, base := filepath.Dir(lib), filepath.Base(lib)
		if filepath.Dir(target) == dir && libraryFile(base, filepath.Base(target)) {
			return refuse()
		}
		if realDir := realPath(dir); filepath.Dir(target) == realDir && libraryFile(base, filepath.Base(target)) {
			return refuse()
		}
		if outErr != nil {
			continue
		}
		entries, err := os.ReadDir(dir)
		if err != nil {
			continue
		}
		for _, e := range entries {
			if !libraryFile(base, e.Name()) {
				continue
			}
			if st, err := os.Stat(filepath.Join(dir, e.Name())); err == nil && os.SameFile(st, outInfo) {
				return refuse()
			}
		}
	}
	return nil
}

// DefaultPath returns where the library lives unless --db or CASEBOOK_DB say
// otherwise: <UserConfigDir>/casebook/library.db.
func DefaultPath() (string, error) {
	if p := os.Getenv("CASEBOOK_DB"); p != "" {
		return p, nil
	}
	dir, err := os.UserConfigDir()
	if err != nil {
		return "", Errorf(EINVALID, "cannot find a configuration folder for the library (%v); use --db PATH", err)
	}
	return filepath.Join(dir, "casebook", "library.db"), nil
}
