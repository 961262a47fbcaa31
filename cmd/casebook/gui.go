package main

import (
	"fyne.io/fyne/v2/app"

	"github.com/casebookapp/casebook/assets"
	"github.com/casebookapp/casebook/data"
	"github.com/casebookapp/casebook/ui"
	// Keeps Fyne from logging about a "C.UTF-8" locale at start-up; it must
	// be initialised before Fyne's language package reads the locale.
	_ "github.com/casebookapp/casebook/ui/quietlocale"
)

// appID is Casebook's reverse-DNS application id; Fyne keeps the window
// size, the last article and the theme in preferences under it.
const appID = "io.github.casebookapp.casebook"

// runGUI opens the desktop window on lib and returns when it is closed.
func runGUI(lib *data.Library) error {
	a := app.NewWithID(appID)
	a.SetIcon(assets.Icon)
	u := ui.New(a, lib, ui.Options{})
	u.Window.SetIcon(assets.Icon)
	u.Window.ShowAndRun()
	return nil
}
