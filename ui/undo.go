package ui

import "context"

// undoStep is one action the user can take back.
type undoStep struct {
	id    int
	label string
	undo  func(ctx context.Context) error
}

// undoStack holds the actions Ctrl+Z takes back, newest last. It is used on
// the UI goroutine only.
type undoStack struct {
	steps []undoStep
	last  int // the id of the newest step ever pushed
}

// push records an action and how to take it back. It returns the step's id,
// with which remove takes that very step out.
func (s *undoStack) push(label string, undo func(ctx context.Context) error) int {
	s.last++
	s.steps = append(s.steps, undoStep{id: s.last, label: label, undo: undo})
	if len(s.steps) > 100 {
		s.steps = s.steps[1:]
	}
	return s.last
}

// remove takes out the step with the given id, wherever it is.
func (s *undoStack) remove(id int) (undoStep, bool) {
	for i, st := range s.steps {
		if st.id == id {
			s.steps = append(s.steps[:i:i], s.steps[i+1:]...)
			return st, true
		}
	}
	return undoStep{}, false
}

// pop removes and returns the newest action.
func (s *undoStack) pop() (undoStep, bool) {
	if len(s.steps) == 0 {
		return undoStep{}, false
	}
	st := s.steps[len(s.steps)-1]
	s.steps = s.steps[:len(s.steps)-1]
	return st, true
}

// undoLast takes back the newest highlight, recolouring or deletion.
func (u *UI) undoLast() {
	st, ok := u.undo.pop()
	if !ok {
		return
	}
	u.runUndo(st)
}

// runUndo takes back one step and shows the result.
func (u *UI) runUndo(st undoStep) {
	if st.id == u.notes.undoStep {
		u.notes.hideUndoBar()
	}
	u.writes.submit(laneAnnotations, st.undo, func(err error) {
		u.showError(err)
		u.annotationsChanged()
		u.notes.refreshPassage()
	})
}
