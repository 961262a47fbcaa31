package data

import (
	"errors"
	"fmt"
)

// Error codes. The UI and the CLI turn them into friendly messages; the
// message itself is already written for the student.
const (
	ENOTFOUND   = "not_found"   // no such article, passage, note, colour...
	EINVALID    = "invalid"     // the input cannot be accepted as it is
	EDUPLICATE  = "duplicate"   // the same content is already in the library
	ENOTLIBRARY = "not_library" // the file is not a Casebook library
	EBUSY       = "busy"        // another program holds the library's write lock
	EINTERNAL   = "internal"    // anything else: a bug or a failing disk
)

// Error is an error with a code and a message meant for the user.
type Error struct {
	Code    string
	Message string
}

// Error implements the error interface.
func (e *Error) Error() string { return e.Message }

// Errorf returns an *Error with the given code and a formatted message.
func Errorf(code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// ErrorCode returns the code of err if it is (or wraps) an *Error, EINTERNAL
// for any other non-nil error, and "" for nil.
func ErrorCode(err error) string {
	var e *Error
	switch {
	case err == nil:
		return ""
	case errors.As(err, &e):
		return e.Code
	default:
		return EINTERNAL
	}
}

// ErrorMessage returns the user-facing message of err: the message of an
// *Error, or the plain text of any other error.
func ErrorMessage(err error) string {
	var e *Error
	if errors.As(err, &e) {
		return e.Message
	}
	if err == nil {
		return ""
	}
	return err.Error()
}
