//go:build !unix

package sqlite

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
)

// writable reports whether Casebook can change the library at path: the
// file can be opened for writing and a file can be made in its folder.
func writable(path string) bool {
	f, err := os.OpenFile(path, os.O_WRONLY, 0)
	if err == nil {
		f.Close()
	} else if !errors.Is(err, fs.ErrNotExist) {
		return false
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".casebook-probe-*")
	if err != nil {
		return false
	}
	tmp.Close()
	os.Remove(tmp.Name())
	return true
}
