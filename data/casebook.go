// Package data holds Casebook's domain: articles, passages, highlights,
// notes, tags, the colour legend, outlines and what a study group shares,
// with the errors a student is shown, dates and the library's paths. It
// uses the standard library only: no SQL, no Fyne.
//
// The pieces that stand alone live in subpackages: sqlite is the store (the
// library file), ingest turns raw article text and files into passages,
// search is the typo-tolerant passage index, anchor re-attaches annotations
// when a text changes, export renders quotes, notes and citations for
// coursework (export/cite the citation styles, titlecase their titles),
// webanno reads and writes a study group's W3C annotation file, compare
// lines up two articles, casefacts extracts the people and the timeline, and
// glance applies the student's corrections to them.
package data

import (
	"strings"
	"time"
)

// Kind says what role a paragraph plays in an article. Body and caption
// passages are part of the reading flow and search; only body passages are
// numbered, as a reader of the article would count its paragraphs.
type Kind string

// The passage kinds.
const (
	KindTitle       Kind = "title"
	KindByline      Kind = "byline"
	KindDateline    Kind = "dateline"
	KindCaption     Kind = "caption"
	KindBody        Kind = "body"
	KindCredit      Kind = "credit"
	KindRelated     Kind = "related"
	KindBoilerplate Kind = "boilerplate"
)

// kinds lists every passage kind, in a stable order.
var kinds = []Kind{KindTitle, KindByline, KindDateline, KindCaption, KindBody, KindCredit, KindRelated, KindBoilerplate}

// Numbered reports whether passages of this kind get a paragraph number, the
// "para. N" of a citation: body paragraphs only. A photo caption or credit
// keeps its place in the reader but is not counted.
func (k Kind) Numbered() bool { return k == KindBody }

// InFlow reports whether passages of this kind are shown in the reader's
// text flow and searched: body paragraphs and photo captions.
func (k Kind) InFlow() bool { return k == KindBody || k == KindCaption }

// Valid reports whether k is one of the known kinds.
func (k Kind) Valid() bool {
	for _, v := range kinds {
		if k == v {
			return true
		}
	}
	return false
}

// Meta is the citable description of an article. Every field may be unknown
// (empty) and every field can be edited by the user.
type Meta struct {
	Title  string `json:"title"`
	Outlet string `json:"outlet"`
	// Author holds one or more author names, separated by "; ".
	Author string `json:"author"`
	// Date is the publication date as an ISO 8601 prefix: "2016-03-24",
	// "2016-04" or "2016". Empty when unknown ("n.d." in citations).
	Date string `json:"date"`
	// DateNote explains an approximate date ("after the sentencing on 19 April").
	DateNote string `json:"date_note,omitempty"`
	// Source is where the article came from: its address if known, otherwise
	// the file name it was imported from.
	Source string `json:"source"`
	// Type is the kind of publication, which the citation styles format
	// differently. Empty when unknown: citations then guess it from the
	// outlet (see GuessSourceType).
	Type SourceType `json:"type,omitempty"`
	// SentenceTitle is the title in sentence case, as APA cites it: derived
	// from the title and the article's text when the article is stored, and
	// correctable by the user. Empty when not derived yet.
	SentenceTitle string `json:"sentence_title,omitempty"`
	// Accessed is the date the user read the article, as an ISO 8601 prefix,
	// cited for undated sources. Empty means the date it was added.
	Accessed string `json:"accessed,omitempty"`
}

// SourceType is the kind of publication an article appeared in.
type SourceType string

// The source types.
const (
	Newspaper    SourceType = "newspaper"     // a print newspaper's site (AFRO, The New York Times)
	NewsWebsite  SourceType = "news website"  // a news site with no print paper (NBC News, CNN)
	Magazine     SourceType = "magazine"      // a magazine (Time, The Atlantic)
	Blog         SourceType = "blog"          // a blog post
	PressRelease SourceType = "press release" // an organisation's statement
	WebPage      SourceType = "web page"      // any other web page
)

// SourceTypes lists the source types in the order a form offers them.
var SourceTypes = []SourceType{Newspaper, NewsWebsite, Magazine, Blog, PressRelease, WebPage}

// ParseSourceType reads a source type as a user or a file gives it; it
// returns "" for text that names none.
func ParseSourceType(s string) SourceType {
	s = strings.ToLower(strings.Join(strings.Fields(strings.NewReplacer("_", " ", "-", " ").Replace(s)), " "))
	for _, t := range SourceTypes {
		if s == string(t) {
			return t
		}
	}
	switch s {
	case "news site", "news", "website news", "newswebsite":
		return NewsWebsite
	case "webpage", "website", "page", "web":
		return WebPage
	case "press", "news release", "pressrelease":
		return PressRelease
	case "blog post", "weblog":
		return Blog
	case "paper":
		return Newspaper
	}
	return ""
}

// Authors splits Author into individual names.
func (m Meta) Authors() []string {
	var out []string
	for _, a := range strings.Split(m.Author, ";") {
		if a = strings.TrimSpace(a); a != "" {
			out = append(out, a)
		}
	}
	return out
}

// Article is one source text in the library.
type Article struct {
	ID int64 `json:"id"`
	Meta
	// Origin identifies where the text was loaded from ("seed:000_x.txt",
	// or the absolute path of an imported file), so that loading the same
	// origin again updates the article rather than adding a second one.
	Origin string `json:"-"`
	// Hash is the hex SHA-256 of Original.
	Hash    string    `json:"-"`
	AddedAt time.Time `json:"-"`
}

// ArticleSummary is an article with the counts the library sidebar shows.
type ArticleSummary struct {
	Article
	Passages   int `json:"passages"`
	Highlights int `json:"highlights"`
	Notes      int `json:"notes"`
}

// Passage is one paragraph of an article.
type Passage struct {
	ID        int64 `json:"-"`
	ArticleID int64 `json:"-"`
	// Seq is the paragraph's 0-based position among all of the article's
	// paragraphs, whatever their kind.
	Seq int `json:"-"`
	// N is the paragraph number used in citations (1..n over body and
	// caption passages), or 0 for kinds that are not numbered.
	N    int    `json:"n"`
	Kind Kind   `json:"kind"`
	Text string `json:"text"`
}

// NewPassage is a paragraph as the parser produces it.
type NewPassage struct {
	Kind Kind
	Text string
}

// NewArticle is an article as the parser produces it, before it is stored.
type NewArticle struct {
	Meta
	Origin string
	// Original is the article's text as it was read, after decoding to UTF-8,
	// kept unchanged.
	Original string
	Passages []NewPassage
	// Warnings say, for the student, what reading the file had to repair
	// (bytes that were not valid UTF-8). They are not stored.
	Warnings []string
}

// Anchor places an annotation in a passage: rune offsets [Start, End) into the
// passage text, and the quoted text with some text before and after it so
// that the annotation can be re-attached if the article's text changes.
type Anchor struct {
	// PassageID is 0 when the annotation is an orphan: its text changed and
	// its quote could not be placed again.
	PassageID int64  `json:"-"`
	Start     int    `json:"start"`
	End       int    `json:"end"`
	Quote     string `json:"quote"`
	Prefix    string `json:"prefix"`
	Suffix    string `json:"suffix"`
}

// Orphan reports whether the anchor lost its place in the text.
func (a Anchor) Orphan() bool { return a.PassageID == 0 }

// Highlight marks a passage, or a span of it, in one of the legend's colours.
type Highlight struct {
	ID int64 `json:"id"`
	// UID is a stable identifier, kept across export and import, by which a
	// study group's annotation files are merged.
	UID       string `json:"uid"`
	ArticleID int64  `json:"article"`
	Anchor
	Colour string `json:"colour"`
	// Creator names who made it when it was merged from a classmate's
	// file that says; "" for the student's own.
	Creator string `json:"creator,omitempty"`
	// From names who it came from, as the student sees it: the creator, or
	// the name of the classmate's file; "" for the student's own.
	From      string    `json:"from,omitempty"`
	CreatedAt time.Time `json:"created"`
	UpdatedAt time.Time `json:"updated"`
}

// Note is Markdown text attached to a passage, or to a highlight in it.
type Note struct {
	ID        int64  `json:"id"`
	UID       string `json:"uid"`
	ArticleID int64  `json:"article"`
	Anchor
	// Para is the citation number of the note's paragraph, or 0 for an
	// orphan.
	Para int `json:"para"`
	// HighlightID is the highlight the note is attached to, or 0.
	HighlightID int64    `json:"highlight,omitempty"`
	Body        string   `json:"body"`
	Tags        []string `json:"tags"`
	// Creator names who wrote it when it was merged from a classmate's
	// file that says; "" for the student's own.
	Creator string `json:"creator,omitempty"`
	// From names who it came from, as the student sees it: the creator, or
	// the name of the classmate's file; "" for the student's own.
	From      string    `json:"from,omitempty"`
	CreatedAt time.Time `json:"created"`
	UpdatedAt time.Time `json:"updated"`
}

// Colour is one entry of the colour legend: a fixed key and colour, and a
// meaning the user can rename.
type Colour struct {
	Key     string `json:"key"`
	Meaning string `json:"meaning"`
	// RGB is the colour as "#rrggbb".
	RGB string `json:"rgb"`
}

// DefaultColours is the legend a new library starts with.
var DefaultColours = []Colour{
	{Key: "yellow", Meaning: "Key fact", RGB: "#ffd54f"},
	{Key: "red", Meaning: "Disputed / contradiction", RGB: "#ef5350"},
	{Key: "green", Meaning: "Quote to use", RGB: "#66bb6a"},
	{Key: "blue", Meaning: "Background", RGB: "#42a5f5"},
	{Key: "purple", Meaning: "Question", RGB: "#ab47bc"},
}
