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

// metaEditor is the article-details form: the citable details of one
// article, checked as they are typed and saved through the write queue.
type metaEditor struct {
	title, outlet, author, date, source *dialogEntry
	// sentenceTitle is the title as APA cites it, derived from the
	// article's text; accessed the day it was read (empty: the day added).
	sentenceTitle, accessed *dialogEntry
	// Type is the source type: newspaper, news website, and so on.
	Type *widget.Select
	// dateHint shows how the date is read, or what is wrong with it;
	// accessedHint the same for the day accessed.
	dateHint, accessedHint *widget.Label

	store   metaStore
	hooks   metaHooks
	article data.Article
	content fyne.CanvasObject
	// confirm is the dialog's Save button, hide closes the dialog (see
	// attach).
	confirm *widget.Button
	hide    func()
	// saving is set while the details are being written.
	saving bool
}

// metaStore is what the details form writes: an article's details.
type metaStore interface {
	UpdateMeta(ctx context.Context, id int64, m data.Meta) (data.Article, error)
}

// metaHooks are what the details form asks of the window. Nil hooks do
// nothing (a write runs at once).
type metaHooks struct {
	// write runs a write to the library after the earlier ones of its
	// lane, off the UI goroutine; done is then called on the UI goroutine.
	write func(lane string, run func(ctx context.Context) error, done func(err error))
	// saved is given the article once its details are saved.
	saved func(data.Article)
	// keys gives the fields' Enter and Escape to the dialog.
	keys func(*fyne.KeyEvent) bool
}

func (h *metaHooks) fill() {
	if h.write == nil {
		h.write = func(_ string, run func(context.Context) error, done func(error)) { done(run(context.Background())) }
	}
	if h.saved == nil {
		h.saved = func(data.Article) {}
	}
}

// Save stores the form as the Save button does (Enter in a field too). It
// reports whether the details were valid and the save was queued; the
// dialog closes once it is done, and stays open with everything typed if
// it fails.
func (m *metaEditor) Save() bool {
	if m.confirm.Disabled() {
		return false
	}
	m.confirm.OnTapped()
	return true
}

// parseAccessed reads the day an article was accessed: a full date, in any
// of the forms ParseDate reads, or empty.
func parseAccessed(s string) (string, error) {
	iso, err := data.ParseDate(s)
	if err != nil {
		return "", err
	}
	if iso != "" && len(iso) != len("2006-01-02") {
		return "", data.Errorf(data.EINVALID, "give the whole day it was accessed, e.g. May 2, 2024")
	}
	return iso, nil
}

// showMetaEditor edits the citable details of the open article. A date the
// app cannot read is shown under the field and Save stays disabled until
// it is fixed; nothing typed is lost.
func (u *UI) showMetaEditor() {
	a := u.reader.article
	if a.ID == 0 {
		u.showInfo("No article open", "Open an article in the library first; its details are what citations use.")
		return
	}
	m := newMetaEditor(u.lib, a, metaHooks{
		write: func(lane string, run func(ctx context.Context) error, done func(error)) {
			u.writes.submit(lane, run, done)
		},
		saved: func(updated data.Article) {
			if u.reader.article.ID == updated.ID {
				u.reader.article = updated
				u.reader.showHeader()
			}
			u.refreshLibrary()
		},
		keys: u.modalKey,
	})
	d := u.newFormDialog("Article details", "Save", m.content, m.save)
	m.attach(d.confirm, d.Hide)
	d.SetOnClosed(func() { u.metaEditor = nil })
	d.Resize(fyne.NewSize(600, 0))
	u.metaEditor = m
	d.show(u)
}

// newMetaEditor builds the details form of an article on a store. It is
// shown once attach has given it the dialog's Save button.
func newMetaEditor(store metaStore, a data.Article, hooks metaHooks) *metaEditor {
	hooks.fill()
	m := &metaEditor{store: store, hooks: hooks, article: a}
	entry := func(text, hint string) *dialogEntry {
		e := newDialogEntry(hooks.keys)
		e.SetText(text)
		e.SetPlaceHolder(hint)
		return e
	}
	m.title = entry(a.Title, "Headline")
	m.outlet = entry(a.Outlet, "Publisher, e.g. NBC News")
	m.author = entry(a.Author, "Authors separated by ; (leave empty if none)")
	m.date = entry(humanDate(a.Date, false), "e.g. April 19, 2016 or 19 April 2016; empty if unknown")
	if a.Date == "" {
		m.date.SetText("")
	}
	m.source = entry(a.Source, "Web address or file name")
	m.sentenceTitle = entry(a.SentenceTitle, "The title in sentence case, as APA cites it")
	m.accessed = entry(humanDate(a.Accessed, false), "The day you read it (empty: "+humanDate(a.AddedAt.Format("2006-01-02"), false)+")")
	if a.Accessed == "" {
		m.accessed.SetText("")
	}
	var types []string
	for _, t := range data.SourceTypes {
		types = append(types, sourceTypeLabel(t))
	}
	m.Type = widget.NewSelect(types, nil)
	m.Type.SetSelected(sourceTypeLabel(a.SourceTypeOf()))
	hintLabel := func() *widget.Label {
		l := widget.NewLabel("")
		l.Wrapping = fyne.TextWrapWord
		l.SizeName = theme.SizeNameCaptionText
		return l
	}
	m.dateHint, m.accessedHint = hintLabel(), hintLabel()
	m.date.Validator = func(s string) error {
		if _, err := data.ParseDate(s); err != nil {
			return friendlyError{err}
		}
		return nil
	}
	m.accessed.Validator = func(s string) error {
		if _, err := parseAccessed(s); err != nil {
			return friendlyError{err}
		}
		return nil
	}
	form := widget.NewForm(
		widget.NewFormItem("Title", m.title),
		widget.NewFormItem("APA title", m.sentenceTitle),
		widget.NewFormItem("Outlet", m.outlet),
		widget.NewFormItem("Source type", m.Type),
		widget.NewFormItem("Author(s)", m.author),
		widget.NewFormItem("Date", container.NewVBox(m.date, m.dateHint)),
		widget.NewFormItem("Source", m.source),
		widget.NewFormItem("Accessed", container.NewVBox(m.accessed, m.accessedHint)),
	)
	hint := newMutedLabel("Citations (APA, MLA, Chicago) use these details. Keep the title as published: APA's sentence-case title is derived from it, and you can correct it. Unknown fields stay empty: a missing date is cited as “n.d.” with the day you accessed the article.")
	m.content = container.NewVBox(form, hint)
	return m
}

// attach gives the form the dialog's Save button, which it enables while
// the details are valid, and what closes the dialog once they are saved.
func (m *metaEditor) attach(confirm *widget.Button, hide func()) {
	m.confirm, m.hide = confirm, hide
	for _, e := range []*dialogEntry{m.title, m.outlet, m.author, m.date, m.source, m.sentenceTitle, m.accessed} {
		e.OnChanged = func(string) { m.validate() }
	}
	m.validate()
}

// save queues the details as typed, if valid. It returns false: the dialog
// closes when the write is done, and stays open with what was typed if it
// fails.
func (m *metaEditor) save() bool {
	iso, err := data.ParseDate(m.date.Text)
	if err != nil || m.saving {
		return false
	}
	accessed, err := parseAccessed(m.accessed.Text)
	if err != nil {
		return false
	}
	a := m.article
	meta := a.Meta
	meta.Title, meta.Outlet, meta.Author, meta.Date, meta.Source = m.title.Text, m.outlet.Text, m.author.Text, iso, m.source.Text
	meta.SentenceTitle, meta.Accessed = m.sentenceTitle.Text, accessed
	meta.Type = data.ParseSourceType(m.Type.Selected)
	m.saving = true
	m.confirm.Disable()
	m.confirm.SetText("Saving…")
	var updated data.Article
	m.hooks.write(fmt.Sprintf("article %d", a.ID), func(ctx context.Context) (err error) {
		updated, err = m.store.UpdateMeta(ctx, a.ID, meta)
		return err
	}, func(err error) {
		m.saving = false
		m.confirm.SetText("Save")
		m.validate()
		if err != nil {
			// The dialog stays open with what was typed.
			m.dateHint.SetText("Not saved: " + data.ErrorMessage(err))
			m.dateHint.Importance = widget.DangerImportance
			m.dateHint.Refresh()
			return
		}
		m.hooks.saved(updated)
		m.hide()
	})
	return false
}

// validate shows how the dates are read, or why they cannot be, and
// enables Save only when every field is valid.
func (m *metaEditor) validate() {
	show := func(l *widget.Label, iso string, err error, empty string) {
		switch {
		case err != nil:
			l.SetText(data.ErrorMessage(err))
			l.Importance = widget.DangerImportance
		case iso == "":
			l.SetText(empty)
			l.Importance = widget.MediumImportance
		default:
			l.SetText("Read as " + humanDate(iso, false))
			l.Importance = widget.MediumImportance
		}
		l.Refresh()
	}
	iso, err := data.ParseDate(m.date.Text)
	show(m.dateHint, iso, err, "No date: cited as “n.d.”")
	acc, accErr := parseAccessed(m.accessed.Text)
	show(m.accessedHint, acc, accErr, "The day it was added")
	if err != nil || accErr != nil || m.saving {
		m.confirm.Disable()
	} else {
		m.confirm.Enable()
	}
}

// shortcutsText lists the keyboard shortcuts.
const shortcutsText = `Ctrl+F	Search articles and notes
Enter	Open the chosen search result
Esc	Clear the search and its filters
F6	Next pane: search, library, reader, notes
Ctrl+R	Go to the reader's current passage
↑ / ↓	Previous / next passage
Shift+→ / Shift+←	Select word by word from the passage's start
Ctrl+Shift+→ / ←	Select sentence by sentence
Shift+Home / End	Select to the passage's start / end
Ctrl+1 … Ctrl+5	Highlight the selection (or the passage) in a legend colour
Ctrl+N	New note on the current passage (or the selection)
Esc (in a note)	Back to the reader
Tab (in a note)	From the text to its tags (Ctrl+Tab types a tab)
Ctrl+C	Copy the selection with its citation (style: Edit › Citation style)
Ctrl+Shift+C	Copy the selection's text only
Ctrl+Z	Undo (a highlight, a removal, a deleted note or article)
Ctrl+E	Export
Ctrl+O	Import
Ctrl+= / Ctrl+-	Larger / smaller text
Ctrl+0	Normal text size
Ctrl+Shift+O	Add the passage (or the highlight selected) to the outline's current section
Alt+↑ / Alt+↓	Move the focused outline item up or down
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
	text := widget.NewLabel("Casebook " + u.app.Metadata().Version + "\n\n" +
		"A study reader for the sources on the 2014 killing of Akai Gurley by NYPD officer\n" +
		"Peter Liang, his 2016 trial and sentencing, and the community response.\n\n" +
		"Read passage by passage, highlight in colours that mean something, write notes,\n" +
		"and cite with paragraph numbers.\n\nLibrary: " + u.lib.Path())
	u.showCustom("About Casebook", text)
}

// sourceTypeLabel names a source type as the details form offers it.
func sourceTypeLabel(t data.SourceType) string {
	s := string(t)
	if s == "" {
		return ""
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
