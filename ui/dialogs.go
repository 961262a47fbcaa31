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
	// SentenceTitle is the title as APA cites it, derived from the
	// article's text; Accessed the day it was read (empty: the day added).
	SentenceTitle, Accessed *widget.Entry
	// Type is the source type: newspaper, news website, and so on.
	Type   *widget.Select
	dialog *dialog.ConfirmDialog
	save   func() bool
}

// Save stores the form as the save button does; it reports success.
func (m *MetaEditor) Save() bool { return m.save() }

// showMetaEditor edits the citable details of the open article.
func (u *UI) showMetaEditor() {
	a := u.Reader.article
	if a.ID == 0 {
		dialog.ShowInformation("No article open", "Open an article in the library first; its details are what citations use.", u.Window)
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
	m.SentenceTitle = entry(a.SentenceTitle, "The title in sentence case, as APA cites it")
	m.Accessed = entry(a.Accessed, "YYYY-MM-DD; empty for the day it was added ("+a.AddedAt.Format("2006-01-02")+")")
	var types []string
	for _, t := range data.SourceTypes {
		types = append(types, sourceTypeLabel(t))
	}
	m.Type = widget.NewSelect(types, nil)
	m.Type.SetSelected(sourceTypeLabel(a.SourceTypeOf()))
	m.Date.Validator = func(s string) error {
		if !data.ValidDate(strings.TrimSpace(s)) {
			return friendlyError{data.Errorf(data.EINVALID, "use YYYY-MM-DD, YYYY-MM or YYYY")}
		}
		return nil
	}
	m.Accessed.Validator = func(s string) error {
		if s = strings.TrimSpace(s); !data.ValidDate(s) || (s != "" && len(s) != len("2006-01-02")) {
			return friendlyError{data.Errorf(data.EINVALID, "use YYYY-MM-DD")}
		}
		return nil
	}
	form := widget.NewForm(
		widget.NewFormItem("Title", m.Title),
		widget.NewFormItem("APA title", m.SentenceTitle),
		widget.NewFormItem("Outlet", m.Outlet),
		widget.NewFormItem("Source type", m.Type),
		widget.NewFormItem("Author(s)", m.Author),
		widget.NewFormItem("Date", m.Date),
		widget.NewFormItem("Source", m.Source),
		widget.NewFormItem("Accessed", m.Accessed),
	)
	hint := newMutedLabel("Citations (APA, MLA, Chicago) use these details. Keep the title as published: APA's sentence-case title is derived from it, and you can correct it. Unknown fields stay empty: a missing date is cited as “n.d.” with the day you accessed the article.")
	m.save = func() bool {
		meta := a.Meta
		meta.Title, meta.Outlet, meta.Author, meta.Date, meta.Source = m.Title.Text, m.Outlet.Text, m.Author.Text, m.Date.Text, m.Source.Text
		meta.SentenceTitle, meta.Accessed = m.SentenceTitle.Text, m.Accessed.Text
		meta.Type = data.ParseSourceType(m.Type.Selected)
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
Ctrl+1 … Ctrl+5	Highlight the selection (or the passage) in a legend colour
Ctrl+N	New note on the current passage
Ctrl+C	Copy the selection with its citation (style: Edit › Citation style)
Ctrl+Shift+C	Copy the selection's text only
Ctrl+Z	Undo (a highlight, a removal, a deleted note)
Ctrl+E	Export
Ctrl+O	Import
Ctrl+= / Ctrl+-	Larger / smaller text
Ctrl+Q	Quit
Shift+arrows	Extend the selection in a passage
Ctrl+Shift+O	Add the passage (or the highlight selected) to the outline's current section
Alt+↑ / Alt+↓	Move the focused outline item up or down`

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
	dialog.ShowCustom("Keyboard shortcuts", "Close", grid, u.Window)
}

// showAbout says what Casebook is.
func (u *UI) showAbout() {
	text := widget.NewLabel("Casebook " + u.App.Metadata().Version + "\n\n" +
		"A study reader for the sources on the 2014 killing of Akai Gurley by NYPD officer\n" +
		"Peter Liang, his 2016 trial and sentencing, and the community response.\n\n" +
		"Read passage by passage, highlight in colours that mean something, write notes,\n" +
		"and cite with paragraph numbers.\n\nLibrary: " + u.lib.Path())
	dialog.ShowCustom("About Casebook", "Close", text, u.Window)
}

// sourceTypeLabel names a source type as the details form offers it.
func sourceTypeLabel(t data.SourceType) string {
	s := string(t)
	if s == "" {
		return ""
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
