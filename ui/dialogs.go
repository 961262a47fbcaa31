package ui

import (
	"context"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/casebookapp/casebook/data"
)

// MetaEditor is the open article-details dialog's form, kept for tests.
type MetaEditor struct {
	Title, Outlet, Author, Date, Source *dialogEntry
	// DateHint shows how the date is read, or what is wrong with it.
	DateHint *widget.Label
	dialog   *formDialog
	// saving is set while the details are being written.
	saving bool
}

// Save stores the form as the Save button does (Enter in a field too). It
// reports whether the details were valid and the save was queued; the
// dialog closes once it is done, and stays open with everything typed if
// it fails.
func (m *MetaEditor) Save() bool {
	if m.dialog.Confirm.Disabled() {
		return false
	}
	m.dialog.Confirm.OnTapped()
	return true
}

// showMetaEditor edits the citable details of the open article. A date the
// app cannot read is shown under the field and Save stays disabled until
// it is fixed; nothing typed is lost.
func (u *UI) showMetaEditor() {
	a := u.Reader.article
	if a.ID == 0 {
		u.showInfo("No article open", "Open an article in the library first; its details are what citations use.")
		return
	}
	m := &MetaEditor{}
	entry := func(text, hint string) *dialogEntry {
		e := newDialogEntry(u)
		e.SetText(text)
		e.SetPlaceHolder(hint)
		return e
	}
	m.Title = entry(a.Title, "Headline")
	m.Outlet = entry(a.Outlet, "Publisher, e.g. NBC News")
	m.Author = entry(a.Author, "Authors separated by ; (leave empty if none)")
	m.Date = entry(humanDate(a.Date, false), "e.g. April 19, 2016 or 19 April 2016; empty if unknown")
	if a.Date == "" {
		m.Date.SetText("")
	}
	m.Source = entry(a.Source, "Web address or file name")
	m.DateHint = widget.NewLabel("")
	m.DateHint.Wrapping = fyne.TextWrapWord
	m.DateHint.SizeName = theme.SizeNameCaptionText
	m.Date.Validator = func(s string) error {
		if _, err := data.ParseDate(s); err != nil {
			return friendlyError{err}
		}
		return nil
	}
	form := widget.NewForm(
		widget.NewFormItem("Title", m.Title),
		widget.NewFormItem("Outlet", m.Outlet),
		widget.NewFormItem("Author(s)", m.Author),
		widget.NewFormItem("Date", container.NewVBox(m.Date, m.DateHint)),
		widget.NewFormItem("Source", m.Source),
	)
	hint := newMutedLabel("Citations (APA, MLA, Chicago) use these details. Unknown fields stay empty: a missing date is cited as “n.d.”.")
	save := func() bool {
		iso, err := data.ParseDate(m.Date.Text)
		if err != nil || m.saving {
			return false
		}
		meta := a.Meta
		meta.Title, meta.Outlet, meta.Author, meta.Date, meta.Source = m.Title.Text, m.Outlet.Text, m.Author.Text, iso, m.Source.Text
		m.saving = true
		m.dialog.Confirm.Disable()
		m.dialog.Confirm.SetText("Saving…")
		var updated data.Article
		u.writes.submit(fmt.Sprintf("article %d", a.ID), func(ctx context.Context) (err error) {
			updated, err = u.lib.UpdateMeta(ctx, a.ID, meta)
			return err
		}, func(err error) {
			m.saving = false
			m.dialog.Confirm.SetText("Save")
			m.validate()
			if err != nil {
				// The dialog stays open with what was typed.
				m.DateHint.SetText("Not saved: " + data.ErrorMessage(err))
				return
			}
			if u.Reader.article.ID == updated.ID {
				u.Reader.article = updated
				u.Reader.showHeader()
			}
			u.refreshLibrary()
			m.dialog.Hide()
		})
		// The dialog closes when the write is done.
		return false
	}
	m.dialog = u.newFormDialog("Article details", "Save", container.NewVBox(form, hint), save)
	for _, e := range []*dialogEntry{m.Title, m.Outlet, m.Author, m.Date, m.Source} {
		e.OnChanged = func(string) { m.validate() }
	}
	m.dialog.SetOnClosed(func() { u.metaEditor = nil })
	m.dialog.Resize(fyne.NewSize(560, 0))
	u.metaEditor = m
	m.validate()
	m.dialog.show(u)
}

// validate shows how the date is read, or why it cannot be, and enables
// Save only when every field is valid.
func (m *MetaEditor) validate() {
	iso, err := data.ParseDate(m.Date.Text)
	switch {
	case err != nil:
		m.DateHint.SetText(data.ErrorMessage(err))
		m.DateHint.Importance = widget.DangerImportance
	case iso == "":
		m.DateHint.SetText("No date: cited as “n.d.”")
		m.DateHint.Importance = widget.MediumImportance
	default:
		m.DateHint.SetText("Read as " + humanDate(iso, false))
		m.DateHint.Importance = widget.MediumImportance
	}
	m.DateHint.Refresh()
	if err != nil || m.saving {
		m.dialog.Confirm.Disable()
	} else {
		m.dialog.Confirm.Enable()
	}
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
