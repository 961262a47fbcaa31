//go:build unix

package sqlite

import (
	"errors"
	"io/fs"
	"path/filepath"
	"syscall"
)

// writable reports whether Casebook can change the library at path: the
// file and its folder (where SQLite keeps the -wal and -shm files) can be
// written. access(2) also says no on a read-only file system, even to root.
func writable(path string) bool {
	const w = 2 // W_OK
	if err := syscall.Access(filepath.Dir(path), w); err != nil {
		return false
	}
	err := syscall.Access(path, w)
	return err == nil || errors.Is(err, fs.ErrNotExist)
}
