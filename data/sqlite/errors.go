package sqlite

import (
	"errors"
	"syscall"

	"github.com/casebookapp/casebook/data"
	"github.com/mattn/go-sqlite3"
)

func init() { data.RegisterExplainer(explainSQLite) }

// explainSQLite says in plain words what one of SQLite's errors means, or
// returns nil for an error that is not SQLite's (see data.Explain).
func explainSQLite(err error) *data.Error {
	var se sqlite3.Error
	if !errors.As(err, &se) {
		return nil
	}
	switch se.Code {
	case sqlite3.ErrBusy, sqlite3.ErrLocked:
		return data.Errorf(data.EBUSY, "the library is busy in another Casebook window; try again")
	case sqlite3.ErrReadonly, sqlite3.ErrPerm, sqlite3.ErrAuth:
		return data.Errorf(data.EREADONLY, "the library cannot be changed: it is open for reading only, or in a place Casebook cannot write to; nothing was changed")
	case sqlite3.ErrCantOpen:
		return data.Errorf(data.EREADONLY, "the library file cannot be opened: check that its folder exists and that you may read and write it")
	case sqlite3.ErrFull:
		return data.Errorf(data.EFULL, "the disk is full, so nothing was changed; free some space and try again")
	case sqlite3.ErrCorrupt, sqlite3.ErrNotADB:
		return data.Errorf(data.EDAMAGED, "the library file is damaged, so Casebook cannot read it; nothing was changed. Restore it from a backup (library.db.before-*.bak) if there is one%s", data.LogHint())
	case sqlite3.ErrConstraint:
		return data.Errorf(data.EINVALID, "the paragraph, highlight or note this refers to no longer exists (perhaps it was changed in another window); nothing was changed")
	case sqlite3.ErrIoErr:
		if se.ExtendedCode == sqlite3.ErrIoErrWrite || errors.Is(se.SystemErrno, syscall.ENOSPC) {
			return data.Errorf(data.EFULL, "the disk is full or failing, so nothing was changed; free some space and try again")
		}
		return data.Errorf(data.EINTERNAL, "the disk could not be read or written, so nothing was changed%s", data.LogHint())
	}
	return data.Errorf(data.EINTERNAL, "Casebook could not finish that, and nothing was changed%s", data.LogHint())
}

// openError explains why the library at path could not be opened.
func openError(path string, err error) error {
	var e *data.Error
	if errors.As(err, &e) {
		return e
	}
	e = data.Explain(err)
	return data.Errorf(e.Code, "cannot open the library %s: %s", path, e.Message)
}

// dbError turns an error from a library transaction into a message a
// student can act on.
func dbError(err error) error {
	if err == nil {
		return nil
	}
	return data.Explain(err)
}
