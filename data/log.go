package data

import (
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"sync"
)

// The log keeps the technical detail of errors (SQLite's and the operating
// system's own words) that the student's messages leave out. It is a text
// file in the configuration folder, rotated at logMaxBytes with logKeep old
// files, so it never holds more than a few MB.
const (
	logMaxBytes = 1 << 20
	logKeep     = 2
)

var (
	logMu   sync.Mutex
	logPath string
)

// LogPath returns the path of the log file, or "" before StartLog.
func LogPath() string {
	logMu.Lock()
	defer logMu.Unlock()
	return logPath
}

// DefaultLogPath returns where the log lives: <UserConfigDir>/casebook/casebook.log.
func DefaultLogPath() (string, error) {
	dir, err := os.UserConfigDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(dir, "casebook", "casebook.log"), nil
}

// StartLog sends the program's log/slog output to the file at path, created
// 0600 in a folder it creates, and rotated as it grows.
func StartLog(path string) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return err
	}
	w := &rotatingFile{path: path}
	if err := w.open(); err != nil {
		return err
	}
	slog.SetDefault(slog.New(slog.NewTextHandler(w, &slog.HandlerOptions{Level: slog.LevelInfo})))
	logMu.Lock()
	logPath = path
	logMu.Unlock()
	return nil
}

// rotatingFile is an append-only file that is renamed to path.1 (path.1 to
// path.2, and so on) when it reaches logMaxBytes.
type rotatingFile struct {
	mu   sync.Mutex
	path string
	f    *os.File
	size int64
}

func (r *rotatingFile) open() error {
	f, err := os.OpenFile(r.path, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o600)
	if err != nil {
		return err
	}
	st, err := f.Stat()
	if err != nil {
		f.Close()
		return err
	}
	r.f, r.size = f, st.Size()
	return nil
}

func (r *rotatingFile) Write(p []byte) (int, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.f == nil {
		return 0, io.ErrClosedPipe
	}
	if r.size+int64(len(p)) > logMaxBytes && r.size > 0 {
		r.f.Close()
		for i := logKeep; i > 1; i-- {
			os.Rename(fmt.Sprintf("%s.%d", r.path, i-1), fmt.Sprintf("%s.%d", r.path, i))
		}
		os.Rename(r.path, r.path+".1")
		if err := r.open(); err != nil {
			r.f = nil
			return 0, err
		}
	}
	n, err := r.f.Write(p)
	r.size += int64(n)
	return n, err
}
