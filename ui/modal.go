package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// modal is an open dialog. While one is open, no key reaches the window
// behind it: the menu's shortcuts do nothing, and the keys typed with no
// field of the dialog focused come here. Enter runs the default button,
// Escape cancels or closes.
type modal struct {
	d dialog.Dialog
	// enter runs the default button; escape cancels. Either may be nil:
	// the key then does nothing (a progress dialog, say).
	enter, escape func()
	// prev had the focus when the dialog opened; it gets it back after.
	prev fyne.Focusable
}

// openModal shows d as the window's top dialog.
func (u *UI) openModal(d dialog.Dialog, enter, escape func()) *modal {
	m := &modal{d: d, enter: enter, escape: escape, prev: u.Window.Canvas().Focused()}
	d.SetOnClosed(func() { u.modalClosed(m) })
	u.modals = append(u.modals, m)
	d.Show()
	return m
}

// modalClosed forgets a dialog that closed and gives the focus back to what
// had it. The focus comes back only once the key that closed the dialog has
// been handled: a Space that pressed the dialog's button is not typed into
// the note behind it.
func (u *UI) modalClosed(m *modal) {
	for i, x := range u.modals {
		if x == m {
			u.modals = append(u.modals[:i:i], u.modals[i+1:]...)
			break
		}
	}
	c := u.Window.Canvas()
	if m.prev == nil || u.quitting {
		return
	}
	u.refocusing = true
	c.Unfocus()
	prev := m.prev
	u.do(func() {
		u.refocusing = false
		if !u.modalOpen() && c.Focused() == nil {
			c.Focus(prev)
		}
	})
}

// modalOpen reports whether a dialog or pop-up covers the window. A
// tooltip does not.
func (u *UI) modalOpen() bool {
	return len(u.modals) > 0 || u.overlayOpen()
}

// overlayOpen reports whether a pop-up shows (a tooltip is no pop-up).
func (u *UI) overlayOpen() bool {
	return u.Window.Canvas().Overlays().Top() != nil
}

// modalKey gives a key to the top dialog; it reports whether a dialog took
// it (every key is taken while one is open).
func (u *UI) modalKey(ev *fyne.KeyEvent) bool {
	if len(u.modals) == 0 {
		return u.overlayOpen()
	}
	m := u.modals[len(u.modals)-1]
	switch ev.Name {
	case fyne.KeyReturn, fyne.KeyEnter:
		if m.enter != nil {
			m.enter()
		}
	case fyne.KeyEscape:
		if m.escape != nil {
			m.escape()
		}
	}
	return true
}

// guardShortcut wraps a menu action so that it does nothing while a dialog
// is open: the driver runs menu shortcuts before any dialog sees the key.
// The editing shortcuts (copy, cut, paste, select all, undo) go to
// the dialog's focused field instead, as they would without the menu.
func (u *UI) guardShortcut(f func(), sc fyne.Shortcut) func() {
	if f == nil {
		return nil
	}
	return func() {
		if !u.modalOpen() {
			f()
			return
		}
		field, ok := u.Window.Canvas().Focused().(fyne.Shortcutable)
		if !ok || sc == nil {
			return
		}
		if std := editingShortcut(sc, u.app.Clipboard()); std != nil {
			field.TypedShortcut(std)
		}
	}
}

// editingShortcut returns Fyne's own shortcut for a key combination that
// edits text, or nil.
func editingShortcut(sc fyne.Shortcut, cb fyne.Clipboard) fyne.Shortcut {
	switch sc.(type) {
	case *fyne.ShortcutUndo, *fyne.ShortcutRedo, *fyne.ShortcutSelectAll:
		return sc
	case *fyne.ShortcutCopy:
		return &fyne.ShortcutCopy{Clipboard: cb}
	case *fyne.ShortcutCut:
		return &fyne.ShortcutCut{Clipboard: cb}
	case *fyne.ShortcutPaste:
		return &fyne.ShortcutPaste{Clipboard: cb}
	}
	cs, ok := sc.(*desktop.CustomShortcut)
	if !ok || cs.Modifier != fyne.KeyModifierShortcutDefault {
		return nil
	}
	switch cs.KeyName {
	case fyne.KeyC:
		return &fyne.ShortcutCopy{Clipboard: cb}
	case fyne.KeyX:
		return &fyne.ShortcutCut{Clipboard: cb}
	case fyne.KeyV:
		return &fyne.ShortcutPaste{Clipboard: cb}
	case fyne.KeyA:
		return &fyne.ShortcutSelectAll{}
	}
	return nil
}

// showMessage shows a message with a Close button; Enter and Escape close it.
func (u *UI) showMessage(d dialog.Dialog) *modal {
	return u.openModal(d, d.Hide, d.Hide)
}

// confirm asks a Yes/No question and runs yes if the answer is Yes.
// Escape answers No; Enter does nothing, so a stray Enter removes nothing.
func (u *UI) confirm(title, msg string, yes func()) *modal {
	d := dialog.NewConfirm(title, msg, func(ok bool) {
		if ok {
			yes()
		}
	}, u.Window)
	return u.openModal(d, nil, d.Hide)
}

// showInfo shows a short message.
func (u *UI) showInfo(title, msg string) {
	u.showMessage(dialog.NewInformation(title, msg, u.Window))
}

// showCustom shows content with a Close button.
func (u *UI) showCustom(title string, content fyne.CanvasObject) *modal {
	return u.showMessage(dialog.NewCustom(title, "Close", content, u.Window))
}

// formDialog is a dialog with a form, a default button and Cancel. The
// default button is disabled while the form is not valid; Enter presses it
// when it is enabled.
type formDialog struct {
	*dialog.CustomDialog
	confirm *widget.Button
	cancel  *widget.Button
	modal   *modal
}

// newFormDialog builds (without showing) a dialog whose default button runs
// onConfirm, which closes the dialog when it returns true.
func (u *UI) newFormDialog(title, confirm string, content fyne.CanvasObject, onConfirm func() bool) *formDialog {
	fd := &formDialog{CustomDialog: dialog.NewCustomWithoutButtons(title, content, u.Window)}
	fd.cancel = widget.NewButtonWithIcon("Cancel", theme.CancelIcon(), fd.Hide)
	fd.confirm = widget.NewButtonWithIcon(confirm, theme.ConfirmIcon(), func() {
		if !fd.confirm.Disabled() && onConfirm() {
			fd.Hide()
		}
	})
	fd.confirm.Importance = widget.HighImportance
	fd.SetButtons([]fyne.CanvasObject{fd.cancel, fd.confirm})
	return fd
}

// show opens the dialog.
func (fd *formDialog) show(u *UI) {
	fd.modal = u.openModal(fd, func() { fd.confirm.OnTapped() }, fd.Hide)
}

// dialogEntry is an entry in a dialog: Enter presses the dialog's default
// button (in a one-line field) and Escape cancels, as they do with no field
// focused.
type dialogEntry struct {
	widget.Entry
	// keys gives Enter and Escape to the dialog (the window's modalKey).
	keys func(*fyne.KeyEvent) bool
}

func newDialogEntry(keys func(*fyne.KeyEvent) bool) *dialogEntry {
	if keys == nil {
		keys = func(*fyne.KeyEvent) bool { return false }
	}
	e := &dialogEntry{keys: keys}
	e.ExtendBaseWidget(e)
	return e
}

// TypedKey implements fyne.Focusable.
func (e *dialogEntry) TypedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeyEscape:
		e.keys(ev)
		return
	case fyne.KeyReturn, fyne.KeyEnter:
		if !e.MultiLine {
			e.keys(ev)
			return
		}
	}
	e.Entry.TypedKey(ev)
}
