package ui

// undoStep is one action the user can take back.
type undoStep struct {
	label string
	undo  func() error
}

// undoStack holds the actions Ctrl+Z takes back, newest last. It is used on
// the UI goroutine only.
type undoStack struct {
	steps []undoStep
}

// push records an action and how to take it back.
func (s *undoStack) push(label string, undo func() error) {
	s.steps = append(s.steps, undoStep{label: label, undo: undo})
	if len(s.steps) > 100 {
		s.steps = s.steps[1:]
	}
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

// Undo takes back the newest highlight, recolouring or deletion.
func (u *UI) Undo() {
	u.Notes.undoBar.Hide()
	st, ok := u.undo.pop()
	if !ok {
		return
	}
	if err := st.undo(); err != nil {
		u.showError(err)
	}
	u.annotationsChanged()
	u.Notes.refreshPassage()
}
