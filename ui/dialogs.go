package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"github.com/casebookapp/casebook/data"
)

// MetaEditor is the open article-details dialog's form, kept for tests.
type MetaEditor struct {
	Title, Outlet, Author, Date, Source *widget.Entry
	dialog                              *dialog.ConfirmDialog
	save                                func() bool
}

// Save stores the form as the save button does; it reports success.
func (m *MetaEditor) Save() bool { return m.save() }

// showMetaEditor edits the citable details of the open article.
func (u *UI) showMetaEditor() {
	a := u.Reader.article
	if a.ID == 0 {
		u.showInfo("No article open", "Open an article in the library first; its details are what citations use.")
		return
	}
	m := &MetaEditor{}
	entry := func(text, hint string) *widget.Entry {
		e := widget.NewEntry()
		e.SetText(text)
		e.SetPlaceHolder(hint)
		return e
	}
	m.Title = entry(a.Title, "Headline")
	m.Outlet = entry(a.Outlet, "Publisher, e.g. NBC News")
	m.Author = entry(a.Author, "Authors separated by ; (leave empty if none)")
	m.Date = entry(a.Date, "YYYY-MM-DD, YYYY-MM or YYYY; empty if unknown")
	m.Source = entry(a.Source, "Web address or file name")
	m.Date.Validator = func(s string) error {
		if !data.ValidDate(strings.TrimSpace(s)) {
			return friendlyError{data.Errorf(data.EINVALID, "use YYYY-MM-DD, YYYY-MM or YYYY")}
		}
		return nil
	}
	form := widget.NewForm(
		widget.NewFormItem("Title", m.Title),
		widget.NewFormItem("Outlet", m.Outlet),
		widget.NewFormItem("Author(s)", m.Author),
		widget.NewFormItem("Date", m.Date),
		widget.NewFormItem("Source", m.Source),
	)
	hint := newMutedLabel("Citations (APA, MLA, Chicago) use these details. Unknown fields stay empty: a missing date is cited as “n.d.”.")
	m.save = func() bool {
		meta := a.Meta
		meta.Title, meta.Outlet, meta.Author, meta.Date, meta.Source = m.Title.Text, m.Outlet.Text, m.Author.Text, m.Date.Text, m.Source.Text
		updated, err := u.lib.UpdateMeta(u.ctx, a.ID, meta)
		if err != nil {
			u.showError(err)
			return false
		}
		u.Reader.article = updated
		u.Reader.showHeader()
		u.refreshLibrary()
		return true
	}
	m.dialog = dialog.NewCustomConfirm("Article details", "Save", "Cancel", container.NewVBox(form, hint), func(ok bool) {
		if ok {
			m.save()
		}
		u.metaEditor = nil
	}, u.Window)
	m.dialog.Resize(fyne.NewSize(560, 0))
	u.metaEditor = m
	m.dialog.Show()
}

// shortcutsText lists the keyboard shortcuts.
const shortcutsText = `Ctrl+F	Search articles and notes
Enter	Open the chosen search result
Esc	Clear the search
F6	Next pane: search, library, reader, notes
Ctrl+R	Go to the reader's current passage
↑ / ↓	Previous / next passage
Shift+→ / Shift+←	Select word by word from the passage's start
Ctrl+Shift+→ / ←	Select sentence by sentence
Shift+Home / End	Select to the passage's start / end
Ctrl+1 … Ctrl+5	Highlight the selection (or the passage) in a legend colour
Ctrl+N	New note on the current passage (or the selection)
Esc (in a note)	Back to the reader
Ctrl+Z	Undo (a highlight, a removal, a deleted note)
Ctrl+E	Export
Ctrl+O	Import
Ctrl+= / Ctrl+-	Larger / smaller text
Ctrl+Q	Quit`

// showShortcuts lists the keyboard shortcuts.
func (u *UI) showShortcuts() {
	// A form layout sizes the keys' column to the longest key, so that each
	// key sits next to what it does.
	grid := container.New(layout.NewFormLayout())
	for _, l := range strings.Split(shortcutsText, "\n") {
		k, v, _ := strings.Cut(l, "\t")
		key := widget.NewLabel(k)
		key.TextStyle.Bold = true
		grid.Add(key)
		grid.Add(widget.NewLabel(v))
	}
	u.showCustom("Keyboard shortcuts", grid)
}

// showAbout says what Casebook is.
func (u *UI) showAbout() {
	text := widget.NewLabel("Casebook " + u.App.Metadata().Version + "\n\n" +
		"A study reader for the sources on the 2014 killing of Akai Gurley by NYPD officer\n" +
		"Peter Liang, his 2016 trial and sentencing, and the community response.\n\n" +
		"Read passage by passage, highlight in colours that mean something, write notes,\n" +
		"and cite with paragraph numbers.\n\nLibrary: " + u.lib.Path())
	u.showCustom("About Casebook", text)
}
