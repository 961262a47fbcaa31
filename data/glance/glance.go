// Package glance gives the case at a glance for the library: the people and
// organisations the articles name and the timeline of the events they
// report, extracted by package casefacts, with the student's corrections
// (kept in the library) applied. The CLI, the desktop app and the exports
// all read them here. It reads the library through the small Library
// interface (the store's *sqlite.Library is one) and depends on package
// data and casefacts only.
package glance

import (
	"context"

	"github.com/casebookapp/casebook/data"
	"github.com/casebookapp/casebook/data/casefacts"
)

// Library is what the case at a glance reads from the library, and where
// the student's corrections are kept (the store's *sqlite.Library is one).
type Library interface {
	Articles(ctx context.Context) ([]data.ArticleSummary, error)
	Article(ctx context.Context, id int64) (data.Article, error)
	ReadingPassages(ctx context.Context) ([]data.Passage, error)
	Corrections(ctx context.Context, target string) ([]data.Correction, error)
	AddCorrection(ctx context.Context, c data.Correction) (data.Correction, error)
}

// Case is the case at a glance.
type Case struct {
	People   []casefacts.Entity
	Timeline []casefacts.Event
	// origins maps article ids to their origins, the key corrections use.
	origins map[int64]string

	// The extraction before the corrections, and the articles it read,
	// so that Recorrect applies new corrections without extracting again.
	arts     []casefacts.Article
	people   []casefacts.Entity
	timeline []casefacts.Event
}

// articles reads every article's date and reading passages in the form the
// extraction takes.
func articles(ctx context.Context, lib Library) ([]casefacts.Article, map[int64]string, error) {
	arts, err := lib.Articles(ctx)
	if err != nil {
		return nil, nil, err
	}
	ps, err := lib.ReadingPassages(ctx)
	if err != nil {
		return nil, nil, err
	}
	byID := map[int64]int{}
	origins := map[int64]string{}
	out := make([]casefacts.Article, 0, len(arts))
	for _, a := range arts {
		byID[a.ID] = len(out)
		origins[a.ID] = a.Origin
		out = append(out, casefacts.Article{ID: a.ID, Date: a.Date})
	}
	for _, p := range ps {
		i, ok := byID[p.ArticleID]
		if !ok {
			continue // added after the list was read
		}
		out[i].Passages = append(out[i].Passages, casefacts.Passage{Para: p.N, Seq: p.Seq, Kind: string(p.Kind), Text: p.Text})
	}
	return out, origins, nil
}

// Load extracts the people index and the timeline and applies the student's
// corrections.
func Load(ctx context.Context, lib Library) (Case, error) {
	return LoadProgress(ctx, lib, nil)
}

// LoadProgress is Load that reports progress: after each article is read,
// progress (if set) is called with the number read and the total, from the
// goroutines that read them.
func LoadProgress(ctx context.Context, lib Library, progress func(done, total int)) (Case, error) {
	arts, origins, err := articles(ctx, lib)
	if err != nil {
		return Case{}, err
	}
	fixes, err := lib.Corrections(ctx, "")
	if err != nil {
		return Case{}, err
	}
	return build(arts, origins, fixes, progress), nil
}

func build(arts []casefacts.Article, origins map[int64]string, fixes []data.Correction, progress func(done, total int)) Case {
	people, timeline := casefacts.Extract(arts, progress)
	return corrected(Case{origins: origins, arts: arts, people: people, timeline: timeline}, fixes)
}

// Recorrect reads the corrections again and applies them to the extraction
// c was built from. A correction changes nothing the articles say, so
// nothing is extracted again: after the student hides or fixes an entry the
// views update at once, even with 2,000 articles. c is left as it was.
func Recorrect(ctx context.Context, lib Library, c Case) (Case, error) {
	fixes, err := lib.Corrections(ctx, "")
	if err != nil {
		return Case{}, err
	}
	return corrected(c, fixes), nil
}

// corrected applies the corrections to c's extraction (ApplyPeople and
// ApplyTimeline copy what they change).
func corrected(c Case, fixes []data.Correction) Case {
	byOrigin := map[string]int64{}
	for id, o := range c.origins {
		byOrigin[o] = id
	}
	var pf []casefacts.PersonFix
	var ef []casefacts.EventFix
	for _, fix := range fixes {
		switch fix.Target {
		case data.TargetPerson:
			pf = append(pf, casefacts.PersonFix{Action: fix.Action, Name: fix.Key, Value: fix.Value})
		case data.TargetEvent:
			f := casefacts.EventFix{Action: fix.Action, Article: byOrigin[fix.Origin], Sentence: fix.Key, Date: fix.Value, Label: fix.Label}
			if fix.Action == data.FixAdd {
				f.Passage = findPassage(c.arts, f.Article, fix.Key)
			}
			ef = append(ef, f)
		}
	}
	c.People = casefacts.ApplyPeople(c.people, pf)
	c.Timeline = casefacts.ApplyTimeline(c.timeline, ef)
	return c
}

// findPassage finds the passage of an article whose text holds quote (an
// added event's passage, after a re-import perhaps renumbered it).
func findPassage(arts []casefacts.Article, article int64, quote string) casefacts.Ref {
	for _, a := range arts {
		if a.ID != article {
			continue
		}
		for _, p := range a.Passages {
			if p.Text == quote {
				return casefacts.Ref{Article: a.ID, Para: p.Para, Kind: p.Kind, Seq: p.Seq}
			}
		}
	}
	return casefacts.Ref{}
}

// eventAnchor is what a correction to an event is keyed by: the article's
// origin and the sentence of its first source.
func eventAnchor(c Case, e casefacts.Event) (origin, sentence string, ok bool) {
	if len(e.Sources) == 0 {
		return "", "", false
	}
	s := e.Sources[0]
	return c.origins[s.Article], s.Sentence, true
}

// AddEvent keeps an event the student adds from a passage: the passage's
// text anchors it, so it follows the passage through a re-import.
func AddEvent(ctx context.Context, lib Library, p data.Passage, date, label string) (data.Correction, error) {
	a, err := lib.Article(ctx, p.ArticleID)
	if err != nil {
		return data.Correction{}, err
	}
	return lib.AddCorrection(ctx, data.Correction{Target: data.TargetEvent, Action: data.FixAdd, Key: p.Text, Origin: a.Origin, Value: date, Label: label})
}

// FixEvent stores a correction (hide, date or label) to an event.
func FixEvent(ctx context.Context, lib Library, c Case, e casefacts.Event, action, value string) (data.Correction, error) {
	origin, sentence, ok := eventAnchor(c, e)
	if !ok {
		return data.Correction{}, data.Errorf(data.EINVALID, "this event has no source passage to anchor a correction to")
	}
	fix := data.Correction{Target: data.TargetEvent, Action: action, Key: sentence, Origin: origin}
	if action == data.FixLabel {
		fix.Label = value
	} else {
		fix.Value = value
	}
	return lib.AddCorrection(ctx, fix)
}
