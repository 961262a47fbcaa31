package ui

import (
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/storage/repository"
)

// Fyne's save dialog hands its callback a writer it has already opened with
// truncation: choosing an existing file empties it before the callback can
// look at the name. Casebook writes exports itself, through a temporary file
// renamed into place, and must refuse some names (the library itself), so
// the "file" repository is wrapped to open a file only when something is
// written to it. A writer that is closed unused leaves the file as it was.

// fileRepository is what Fyne's own file repository implements.
type fileRepository interface {
	repository.AppendableRepository
	repository.ListableRepository
	repository.HierarchicalRepository
	repository.CopyableRepository
	repository.MovableRepository
	repository.DeleteAllRepository
}

// lazyFiles is the file repository with a writer that truncates on first
// write rather than when it is opened.
type lazyFiles struct{ fileRepository }

// Writer returns a writer that opens (and truncates) the file on its first
// write.
func (r lazyFiles) Writer(u fyne.URI) (fyne.URIWriteCloser, error) {
	return &lazyWriter{uri: u, open: r.fileRepository.Writer}, nil
}

type lazyWriter struct {
	mu   sync.Mutex
	uri  fyne.URI
	open func(fyne.URI) (fyne.URIWriteCloser, error)
	w    fyne.URIWriteCloser
}

func (w *lazyWriter) URI() fyne.URI { return w.uri }

func (w *lazyWriter) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.w == nil {
		var err error
		if w.w, err = w.open(w.uri); err != nil {
			return 0, err
		}
	}
	return w.w.Write(p)
}

func (w *lazyWriter) Close() error {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.w == nil {
		return nil
	}
	return w.w.Close()
}

// protectSaveDialogs wraps the registered file repository, once.
func protectSaveDialogs() {
	probe, err := repository.ForURI(storage.NewFileURI("/"))
	if err != nil {
		return
	}
	if _, done := probe.(lazyFiles); done {
		return
	}
	if fr, ok := probe.(fileRepository); ok {
		repository.Register("file", lazyFiles{fr})
	}
}
