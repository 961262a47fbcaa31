package main

import (
	"os"
	"runtime"
	"runtime/debug"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"

	"github.com/casebookapp/casebook/assets"
	"github.com/casebookapp/casebook/data"
	"github.com/casebookapp/casebook/data/sqlite"
	"github.com/casebookapp/casebook/internal/xwindow"
	"github.com/casebookapp/casebook/ui"
	// Keeps Fyne from logging about a "C.UTF-8" locale at start-up; it must
	// be initialised before Fyne's language package reads the locale.
	_ "github.com/casebookapp/casebook/ui/quietlocale"
)

// appID is Casebook's reverse-DNS application id; Fyne keeps the window
// size, the last article and the theme in preferences under it.
const appID = "io.github.casebookapp.casebook"

// runGUI opens the desktop window on lib and returns when it is closed.
func runGUI(lib *sqlite.Library) error {
	if err := checkDisplay(); err != nil {
		return err
	}
	app.SetMetadata(fyne.AppMetadata{ID: appID, Name: "Casebook", Version: appVersion(), Icon: assets.Icon, Migrations: map[string]bool{"fyneDo": true}})
	a := app.NewWithID(appID)
	a.SetIcon(assets.Icon)
	u := ui.New(a, lib, ui.Options{Placer: xwindow.Placer{}})
	u.Window.SetIcon(assets.Icon)
	// Start-up leaves garbage behind (seed parsing, font loading, the first
	// frames); hand it back to the system once the window is up, so that
	// the app's footprint is what it really uses.
	time.AfterFunc(1500*time.Millisecond, debug.FreeOSMemory)
	u.Window.ShowAndRun()
	return nil
}

// checkDisplay says plainly when there is no graphical session to open a
// window in (on Linux and the BSDs, neither DISPLAY nor WAYLAND_DISPLAY is
// set), where GLFW would otherwise panic with a stack trace.
func checkDisplay() error {
	switch runtime.GOOS {
	case "darwin", "windows", "android", "ios":
		return nil
	}
	if os.Getenv("DISPLAY") != "" || os.Getenv("WAYLAND_DISPLAY") != "" {
		return nil
	}
	return data.Errorf(data.EINVALID, "no graphical display to open the window in (DISPLAY is not set); run casebook from a desktop session, or use a command such as `casebook articles` (see `casebook help`)")
}
