package ui

import (
	"encoding/json"
	"os"
	"path/filepath"

	"fyne.io/fyne/v2"
)

// windowState is what the window remembers between runs: its size and the
// reading place (the library, the article in it, the top passage).
//
// It is kept in a file of its own, written whole and at once when the window
// quits (and when an article is opened). Fyne's preferences save the first
// change at once and later ones on a timer, then once more when the app has
// stopped; a process that exits first loses them, which is how the window's
// height was lost in 2 of 5 restarts.
type windowState struct {
	Width   float32 `json:"width"`
	Height  float32 `json:"height"`
	Library string  `json:"library,omitempty"`
	Article int64   `json:"article,omitempty"`
	Seq     int     `json:"seq,omitempty"`
	// X and Y are the window's top-left corner on the screen, in pixels,
	// when Placed: where the Placer could read it.
	Placed bool `json:"placed,omitempty"`
	X      int  `json:"x,omitempty"`
	Y      int  `json:"y,omitempty"`
}

// stateFile is the name of the window state file in Casebook's own
// configuration folder.
const stateFile = "window-state.json"

// statePath is where the window state is kept: <UserConfigDir>/casebook,
// beside the default library, and not in the app's Fyne storage. Fyne
// watches that folder and reloads its preferences on any change in it, so
// writing the state there at exit raced with Fyne's own last save of
// preferences.json and logged "Preferences load error: EOF".
func (u *UI) statePath() string {
	if u.opts.statePath != "" {
		return u.opts.statePath
	}
	if dir, err := os.UserConfigDir(); err == nil {
		return filepath.Join(dir, "casebook", stateFile)
	}
	return ""
}

// loadState reads the window state. Without a state file, it reads what
// older versions kept in the preferences.
func (u *UI) loadState() windowState {
	if p := u.statePath(); p != "" {
		if b, err := os.ReadFile(p); err == nil {
			var st windowState
			if json.Unmarshal(b, &st) == nil {
				return st
			}
		}
	}
	prefs := u.app.Preferences()
	return windowState{
		Width:   float32(prefs.FloatWithFallback(prefWidth, 0)),
		Height:  float32(prefs.FloatWithFallback(prefHeight, 0)),
		Library: prefs.String(prefLibrary),
		Article: int64(prefs.Int(prefArticle)),
		Seq:     prefs.Int(prefPassage),
	}
}

// saveState writes the window state whole: to a temporary file, synced,
// then renamed over the old one, so that it is the old or the new state,
// never half of one.
func (u *UI) saveState(st windowState) error {
	p := u.statePath()
	if p == "" {
		return nil
	}
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return err
	}
	b, err := json.Marshal(st)
	if err != nil {
		return err
	}
	f, err := os.CreateTemp(filepath.Dir(p), ".window-state-*")
	if err != nil {
		return err
	}
	defer os.Remove(f.Name())
	if _, err := f.Write(b); err != nil {
		f.Close()
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	return os.Rename(f.Name(), p)
}

// currentState is the window's state now.
func (u *UI) currentState() windowState {
	st := u.state
	size := u.Window.Canvas().Size()
	if size.Width > 0 && size.Height > 0 {
		st.Width, st.Height = size.Width, size.Height
	}
	// Before the window is shown and placed (an article opened at start),
	// where it is says nothing.
	if u.opts.Placer != nil && u.placed {
		if x, y, ok := u.opts.Placer.Position(u.Window); ok {
			st.Placed, st.X, st.Y = true, x, y
		}
	}
	if u.reader.article.ID != 0 {
		st.Library = u.lib.Path()
		st.Article = u.reader.article.ID
		st.Seq = u.reader.topSeq()
	}
	return st
}

// rememberState writes the window state; a failure goes to the log only.
func (u *UI) rememberState() {
	u.state = u.currentState()
	if err := u.saveState(u.state); err != nil {
		fyne.LogError("saving the window state", err)
	}
}

// placeWindow puts the shown window back where it was when it was last
// closed (kept on a monitor by the Placer).
func (u *UI) placeWindow() {
	u.placed = true
	if u.opts.Placer == nil {
		return
	}
	u.fitMonitor()
	if u.state.Placed {
		u.opts.Placer.Move(u.Window, u.state.X, u.state.Y)
	}
}

// fitMonitor shrinks the window to fit its monitor: the first-run size
// (1280×820) is taller than a 1366×768 laptop screen, and a size saved on a
// larger monitor since unplugged would run off the screen. A window
// manager may do the same; without one (or with one that does not), the
// bottom rows and the notes panel would be out of reach.
func (u *UI) fitMonitor() {
	w, h, ok := u.opts.Placer.Monitor(u.Window)
	if !ok || w <= 0 || h <= 0 {
		return
	}
	scale := u.Window.Canvas().Scale()
	if scale <= 0 {
		scale = 1
	}
	// Leave room for a panel or a title bar.
	maxW, maxH := float32(w)*0.96/scale, float32(h)*0.9/scale
	size := u.Window.Canvas().Size()
	if size.Width <= maxW && size.Height <= maxH {
		return
	}
	u.Window.Resize(fyne.NewSize(min(size.Width, maxW), min(size.Height, maxH)))
}
