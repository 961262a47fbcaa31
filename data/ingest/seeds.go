package ingest

import (
	"github.com/casebookapp/casebook/data"
	"github.com/casebookapp/casebook/seeds"
)

// Seeds parses the bundled articles, in file-name order, with origin
// "seed:<file name>", and completes their metadata from the public record
// shipped beside them (seeds/SOURCES.md).
//
// The merge rule: the title and author the text itself shows win, and the
// record fills them when the text shows none. The outlet always comes from
// the record, because the text only names social accounts or sections
// ("Follow NBC Asian America on Facebook") while the record gives the
// publisher a citation names ("NBC News", "AFRO"), with its source type. Date, DateNote and
// Source (the article's address) come from the record; the text's own date
// is kept only when the record has none.
func Seeds() ([]data.NewArticle, error) {
	files := seeds.Files()
	out := make([]data.NewArticle, 0, len(files))
	for _, f := range files {
		art, err := Parse(f.Text, "seed:"+f.Name, f.Name)
		if err != nil {
			return nil, err
		}
		src := f.Source
		if art.Title == "" {
			art.Title = src.Title
		}
		if art.Author == "" {
			art.Author = src.Author
		}
		if src.Outlet != "" {
			art.Outlet = src.Outlet
		}
		if src.Date != "" {
			art.Date, art.DateNote = src.Date, src.DateNote
		}
		if src.URL != "" {
			art.Source = src.URL
		}
		if t := data.ParseSourceType(src.Type); t != "" {
			art.Type = t
		}
		out = append(out, art)
	}
	return out, nil
}
