package data

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"syscall"
)

// Error codes. The UI and the CLI turn them into friendly messages; the
// message itself is already written for the student.
const (
	ENOTFOUND   = "not_found"   // no such article, passage, note, colour...
	EINVALID    = "invalid"     // the input cannot be accepted as it is
	EDUPLICATE  = "duplicate"   // the same content is already in the library
	ENOTLIBRARY = "not_library" // the file is not a Casebook library
	EBUSY       = "busy"        // another program holds the library's write lock
	EREADONLY   = "read_only"   // the library (or a file) cannot be written
	EDAMAGED    = "damaged"     // the library file is damaged or cut short
	EFULL       = "full"        // the disk is full
	EINTERNAL   = "internal"    // anything else: a bug or a failing disk
)

// Error is an error with a code and a message meant for the user.
type Error struct {
	Code    string
	Message string
	// cause is the error Explain translated, kept for errors.Is and As.
	cause error
}

// Error implements the error interface.
func (e *Error) Error() string { return e.Message }

// Unwrap returns the error an explained error was translated from.
func (e *Error) Unwrap() error { return e.cause }

// Errorf returns an *Error with the given code and a formatted message.
func Errorf(code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// ErrorCode returns the code of err if it is (or wraps) an *Error, the code
// Explain gives it otherwise, and "" for nil.
func ErrorCode(err error) string {
	var e *Error
	switch {
	case err == nil:
		return ""
	case errors.As(err, &e):
		return e.Code
	default:
		return explain(err, false).Code
	}
}

// ErrorMessage returns the user-facing message of err: the message of an
// *Error, or for any other error (SQLite's, the operating system's, a bug)
// a sentence in plain words from Explain. The technical detail goes to the
// log, never to the student.
func ErrorMessage(err error) string {
	var e *Error
	switch {
	case err == nil:
		return ""
	case errors.As(err, &e):
		return e.Message
	}
	return Explain(err).Message
}

// Explain turns any error into an *Error in plain words, writing its
// technical detail to the log. This is the one place where SQLite's and the
// operating system's error texts ("attempt to write a readonly database",
// "FOREIGN KEY constraint failed") are translated.
func Explain(err error) *Error {
	if err == nil {
		return nil
	}
	var e *Error
	if errors.As(err, &e) {
		return e
	}
	e = explain(err, true)
	e.cause = err
	return e
}

func explain(err error, log bool) *Error {
	if errors.Is(err, context.Canceled) {
		return Errorf(EINTERNAL, "stopped before it finished; nothing was changed")
	}
	if log {
		slog.Error("casebook error", "detail", err.Error())
	}
	for _, x := range explainers {
		if e := x(err); e != nil {
			return e
		}
	}
	if ose := osError(err); ose != nil {
		return ose
	}
	return Errorf(EINTERNAL, "Casebook could not finish that, and nothing was changed%s", LogHint())
}

// osError says in plain words what an operating-system error means, or
// returns nil.
func osError(err error) *Error {
	switch {
	case errors.Is(err, syscall.ENOSPC), errors.Is(err, syscall.EDQUOT):
		return Errorf(EFULL, "the disk is full")
	case errors.Is(err, syscall.EROFS):
		return Errorf(EREADONLY, "the disk or folder is read-only")
	case errors.Is(err, fs.ErrPermission):
		return Errorf(EREADONLY, "permission denied")
	case errors.Is(err, fs.ErrNotExist):
		return Errorf(ENOTFOUND, "it does not exist")
	}
	return nil
}

// FileError is an operating-system error while working on a file: what was
// being done, and why it failed, in plain words (the detail goes to the
// log).
func FileError(what string, err error) error {
	if ose := osError(err); ose != nil {
		return Errorf(ose.Code, "%s: %s", what, ose.Message)
	}
	e := explain(err, true)
	return Errorf(e.Code, "%s (%s)", what, e.Message)
}

// LogHint names the log file, when there is one, for a message that asks
// the student to look further or to pass the detail on.
func LogHint() string {
	if p := LogPath(); p != "" {
		return " (the details are in " + p + ")"
	}
	return ""
}

// explainers translate a storage engine's own errors (SQLite's) into plain
// words; see RegisterExplainer.
var explainers []func(error) *Error

// RegisterExplainer adds a translation of a storage engine's errors to
// Explain: f returns nil for an error it does not know. The store registers
// its own when its package is initialised, as a database/sql driver
// registers itself, so that package data needs no SQLite.
func RegisterExplainer(f func(err error) *Error) { explainers = append(explainers, f) }
