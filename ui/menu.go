package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"math"
)

// Shortcuts of the main menu. The menu owns them: Fyne runs a main-menu
// shortcut before giving the key to the focused widget.
var (
	shortcutFind    = &desktop.CustomShortcut{KeyName: fyne.KeyF, Modifier: fyne.KeyModifierShortcutDefault}
	shortcutExport  = &desktop.CustomShortcut{KeyName: fyne.KeyE, Modifier: fyne.KeyModifierShortcutDefault}
	shortcutImport  = &desktop.CustomShortcut{KeyName: fyne.KeyO, Modifier: fyne.KeyModifierShortcutDefault}
	shortcutNewNote = &desktop.CustomShortcut{KeyName: fyne.KeyN, Modifier: fyne.KeyModifierShortcutDefault}
	shortcutReader  = &desktop.CustomShortcut{KeyName: fyne.KeyR, Modifier: fyne.KeyModifierShortcutDefault}
	shortcutQuit    = &desktop.CustomShortcut{KeyName: fyne.KeyQ, Modifier: fyne.KeyModifierShortcutDefault}
	shortcutBigger  = &desktop.CustomShortcut{KeyName: fyne.KeyEqual, Modifier: fyne.KeyModifierShortcutDefault}
	shortcutSmaller = &desktop.CustomShortcut{KeyName: fyne.KeyMinus, Modifier: fyne.KeyModifierShortcutDefault}
	// Ctrl+0 is normal size, as in browsers and readers; the colours take
	// Ctrl+1…9 only.
	shortcutNormalSize = &desktop.CustomShortcut{KeyName: fyne.Key0, Modifier: fyne.KeyModifierShortcutDefault}
	// Ctrl+Z reaches the menu as Fyne's own undo shortcut.
	shortcutUndo = &fyne.ShortcutUndo{}
)

// colourShortcut is Ctrl+1..5 for the legend's colours in order.
func colourShortcut(i int) fyne.Shortcut {
	keys := []fyne.KeyName{fyne.Key1, fyne.Key2, fyne.Key3, fyne.Key4, fyne.Key5, fyne.Key6, fyne.Key7, fyne.Key8, fyne.Key9}
	if i < 0 || i >= len(keys) {
		return nil
	}
	return &desktop.CustomShortcut{KeyName: keys[i], Modifier: fyne.KeyModifierShortcutDefault}
}

// makeMenu returns the main menu: File, Edit, Highlight, View, Help.
func (u *UI) makeMenu() *fyne.MainMenu {
	file := fyne.NewMenu("File",
		&fyne.MenuItem{Label: "Import…", Icon: theme.FileIcon(), Shortcut: shortcutImport, Action: u.showImport},
		&fyne.MenuItem{Label: "Import folder…", Icon: theme.FolderOpenIcon(), Action: u.showImportFolder},
		&fyne.MenuItem{Label: "Export…", Icon: theme.DocumentSaveIcon(), Shortcut: shortcutExport, Action: u.showExport},
		fyne.NewMenuItemSeparator(),
		&fyne.MenuItem{Label: "Edit article details…", Icon: theme.DocumentCreateIcon(), Action: u.showMetaEditor},
		&fyne.MenuItem{Label: "Open source in browser", Icon: theme.ComputerIcon(), Action: u.openSource},
		&fyne.MenuItem{Label: "Delete article", Icon: theme.DeleteIcon(), Action: u.deleteArticle},
		&fyne.MenuItem{Label: "Deleted articles…", Icon: theme.HistoryIcon(), Action: u.showTrash},
		fyne.NewMenuItemSeparator(),
		&fyne.MenuItem{Label: "Quit", IsQuit: true, Shortcut: shortcutQuit, Action: u.quit},
	)
	edit := fyne.NewMenu("Edit", append([]*fyne.MenuItem{
		{Label: "Undo", Icon: theme.ContentUndoIcon(), Shortcut: shortcutUndo, Action: u.undoAction},
		fyne.NewMenuItemSeparator(),
		{Label: "Find", Icon: theme.SearchIcon(), Shortcut: shortcutFind, Action: u.search.focus},
		{Label: "New note", Icon: theme.DocumentCreateIcon(), Shortcut: shortcutNewNote, Action: func() { u.notes.addNote() }},
		{Label: "Go to the reader", Icon: theme.NavigateNextIcon(), Shortcut: shortcutReader, Action: u.reader.focus},
		{Label: "Add to outline", Icon: theme.ListIcon(), Shortcut: shortcutAddToOutl, Action: u.addToOutline},
		fyne.NewMenuItemSeparator(),
	}, u.copyItems()...)...)
	var colours []*fyne.MenuItem
	for i, c := range u.colours {
		key := c.Key
		colours = append(colours, &fyne.MenuItem{Label: c.Meaning, Icon: swatchResource(c.RGB), Shortcut: colourShortcut(i), Action: func() { u.highlight(key) }})
	}
	colours = append(colours,
		fyne.NewMenuItemSeparator(),
		&fyne.MenuItem{Label: "Remove highlight", Icon: theme.ContentClearIcon(), Action: u.removeHighlightAtTarget},
		&fyne.MenuItem{Label: "Rename colours…", Icon: theme.SettingsIcon(), Action: u.showLegendEditor})
	highlight := fyne.NewMenu("Highlight", colours...)

	mode := u.themeMode()
	themeItem := func(label, m string) *fyne.MenuItem {
		return &fyne.MenuItem{Label: label, Checked: mode == m, Action: func() { u.setTheme(m) }}
	}
	view := fyne.NewMenu("View",
		themeItem("Follow the system", themeSystem),
		themeItem("Light", themeLight),
		themeItem("Dark", themeDark),
		fyne.NewMenuItemSeparator(),
		&fyne.MenuItem{Label: "Larger text", Icon: theme.ZoomInIcon(), Shortcut: shortcutBigger, Action: func() { u.setTextScale(u.textScale() + 0.1) }},
		&fyne.MenuItem{Label: "Smaller text", Icon: theme.ZoomOutIcon(), Shortcut: shortcutSmaller, Action: func() { u.setTextScale(u.textScale() - 0.1) }},
		&fyne.MenuItem{Label: "Normal text size", Shortcut: shortcutNormalSize, Action: func() { u.setTextScale(1) }},
		fyne.NewMenuItemSeparator(),
		&fyne.MenuItem{Label: "Compare two articles…", Action: func() { u.showCompare(u.reader.article.ID, 0) }},
		&fyne.MenuItem{Label: "Outline", Icon: theme.ListIcon(), Action: func() { u.sideTabs.SelectIndex(1) }},
	)
	help := fyne.NewMenu("Help",
		&fyne.MenuItem{Label: "Keyboard shortcuts", Action: u.showShortcuts},
		&fyne.MenuItem{Label: "About Casebook", Icon: theme.InfoIcon(), Action: u.showAbout},
	)
	menu := fyne.NewMainMenu(file, edit, highlight, view, help)
	guardMenu(u, menu.Items)
	return menu
}

// guardMenu makes every item of the menus do nothing while a dialog is open.
func guardMenu(u *UI, menus []*fyne.Menu) {
	var walk func(items []*fyne.MenuItem)
	walk = func(items []*fyne.MenuItem) {
		for _, it := range items {
			it.Action = u.guardShortcut(it.Action, it.Shortcut)
			if it.ChildMenu != nil {
				walk(it.ChildMenu.Items)
			}
		}
	}
	for _, m := range menus {
		walk(m.Items)
	}
}

// runShortcut runs the main-menu item bound to a shortcut, as the driver
// does when the keys are pressed. It reports whether one was found.
func (u *UI) runShortcut(s fyne.Shortcut) bool {
	var find func(items []*fyne.MenuItem) bool
	find = func(items []*fyne.MenuItem) bool {
		for _, it := range items {
			if it.Shortcut != nil && it.Shortcut.ShortcutName() == s.ShortcutName() && it.Action != nil {
				it.Action()
				return true
			}
			if it.ChildMenu != nil && find(it.ChildMenu.Items) {
				return true
			}
		}
		return false
	}
	for _, m := range u.Window.MainMenu().Items {
		if find(m.Items) {
			return true
		}
	}
	return false
}

// undoAction gives Ctrl+Z to a text field being edited, and otherwise takes
// back the last highlight or deletion.
func (u *UI) undoAction() {
	type editable interface {
		fyne.Shortcutable
		SelectedText() string
	}
	if e, ok := u.Window.Canvas().Focused().(editable); ok {
		e.TypedShortcut(&fyne.ShortcutUndo{})
		return
	}
	u.undoLast()
}

// themeMode is the theme the user chose: system, light or dark.
func (u *UI) themeMode() string {
	return u.app.Preferences().StringWithFallback(prefTheme, themeSystem)
}

// textScale is the user's text size factor.
func (u *UI) textScale() float32 {
	return float32(u.app.Preferences().FloatWithFallback(prefTextSize, 1))
}

// setTheme switches between the system's, light and dark themes.
func (u *UI) setTheme(mode string) {
	u.app.Preferences().SetString(prefTheme, mode)
	u.applyTheme()
	u.Window.SetMainMenu(u.makeMenu())
}

// setTextScale changes the text size, between 80 % and 200 %.
//
// The size is kept in whole steps of 10 %: adding 0.1 in floating point
// drifts (five steps up and five down ended at 99.99998 %), and each step
// then reached a size never shown before, so every word of the article, and
// every icon, was measured and drawn anew even when going back. A step that
// changes nothing (at either end) does no work.
func (u *UI) setTextScale(s float32) {
	s = float32(math.Round(float64(min(max(s, 0.8), 2))*10) / 10)
	if s == u.textScale() {
		return
	}
	u.app.Preferences().SetFloat(prefTextSize, float64(s))
	u.applyTheme()
}

func (u *UI) applyTheme() {
	// The reader's row heights depend on the text size. Forget them before
	// the theme is applied: Fyne's theme walk lays the reader out, and its
	// layout measures the rows then, once, in the new theme (words are
	// measured once per size; see ensureTokens). Measuring them again after
	// the walk and refreshing the list once more doubled the work of a step.
	u.reader.heightsWidth = 0
	u.app.Settings().SetTheme(newTheme(u.themeMode(), u.textScale()))
	// When the walk did not lay the reader out (no article open), the
	// heights are measured here; otherwise this returns at once.
	u.reader.sizeRows(u.reader.list.Size().Width)
}
