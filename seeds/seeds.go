// Package seeds holds the articles bundled with Casebook, embedded in the
// binary, and the public-record facts about them that their texts do not
// show (SOURCES.md, as data in sources.json).
package seeds

import (
	"embed"
	"encoding/json"
	"fmt"
	"io/fs"
	"sort"
)

//go:embed *.txt sources.json
var files embed.FS

// Source is what the public record says about a bundled article. Empty
// fields are facts the record does not give.
type Source struct {
	Title string `json:"title"`
	// TitleNote says where the title comes from when the text lacks one.
	TitleNote string `json:"title_note"`
	// Outlet is the publisher's primary name, the one citations use.
	Outlet string `json:"outlet"`
	// OutletFull adds the section or full name ("NBC News (NBC Asian America)").
	OutletFull string `json:"outlet_full"`
	// Type is the outlet's source type as citations need it: "newspaper"
	// for a print paper such as AFRO, "news website" for NBC News.
	Type string `json:"type"`
	// Author holds the author names separated by "; ".
	Author string `json:"author"`
	// Contributors are credited but not authors.
	Contributors string `json:"contributors"`
	// Date is an ISO 8601 prefix: "2016-03-24", or "2016-04" when only the
	// month is known.
	Date string `json:"date"`
	// DateNote explains how the date is known and how precise it is.
	DateNote string `json:"date_note"`
	URL      string `json:"url"`
}

// File is one bundled article.
type File struct {
	// Name is the file name, such as "000_3314bc92a2a454ff.txt".
	Name string
	// Text is the file's content, UTF-8.
	Text   string
	Source Source
}

// Files returns the bundled articles in file-name order. It panics if the
// embedded files are inconsistent, which the package's tests rule out.
func Files() []File {
	out, err := load()
	if err != nil {
		panic(err)
	}
	return out
}

func load() ([]File, error) {
	b, err := files.ReadFile("sources.json")
	if err != nil {
		return nil, err
	}
	var sources map[string]Source
	if err := json.Unmarshal(b, &sources); err != nil {
		return nil, fmt.Errorf("seeds: sources.json: %w", err)
	}
	names, err := fs.Glob(files, "*.txt")
	if err != nil {
		return nil, err
	}
	sort.Strings(names)
	out := make([]File, 0, len(names))
	for _, name := range names {
		text, err := files.ReadFile(name)
		if err != nil {
			return nil, err
		}
		src, ok := sources[name]
		if !ok {
			return nil, fmt.Errorf("seeds: %s has no entry in sources.json", name)
		}
		out = append(out, File{Name: name, Text: string(text), Source: src})
	}
	return out, nil
}
