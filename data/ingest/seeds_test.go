package ingest

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strings"
	"testing"

	"github.com/casebookapp/casebook/data"
	"github.com/casebookapp/casebook/seeds"
)

// passageKind returns the kind of the passage whose text starts with
// prefix, or "" when there is none.
func passageKind(a data.NewArticle, prefix string) data.Kind {
	for _, p := range a.Passages {
		if strings.HasPrefix(p.Text, prefix) {
			return p.Kind
		}
	}
	return ""
}

// TestParseSeedTexts checks what Parse alone reads from the bundled texts.
func TestParseSeedTexts(t *testing.T) {
	type want struct {
		prefix string
		kind   data.Kind
	}
	tests := map[string]struct {
		meta   data.Meta
		kinds  []want
		bodies int
	}{
		"000_3314bc92a2a454ff.txt": {
			meta: data.Meta{},
			kinds: []want{
				{"Akai Gurley (right) was shot and killed", kC},
				{"An Asian-American labor group opposed the no jail time sentence of a Chinese-American", kB},
				{"“No matter the identity of an officer", kB},
			},
			bodies: 8,
		},
		"001_b015dc53e88b5f60.txt": {
			meta: data.Meta{Author: "Frances Kai-Hwa Wang", Outlet: "NBC Asian America"},
			kinds: []want{
				{"/ Updated", kP},
				{"By Frances Kai-Hwa Wang", kY},
				{"Ahead of Tuesday’s sentencing", kB},
				{"Note: NBC News reached out", kB},
				{"Follow NBC Asian America on Facebook, Twitter, Instagram, and Tumblr.", kP},
				{"Traci G. Lee contributed.", kR},
			},
			bodies: 10,
		},
		"002_e4365a94bf8ca061.txt": {
			meta: data.Meta{Title: "Ex-Cop Peter Liang Apologizes to Akai Gurley's Domestic Partner in Meeting", Outlet: "NBC Asian American"},
			kinds: []want{
				{"IE 11 is not supported.", kP},
				{"Ex-Cop Peter Liang Apologizes", kT},
				{"Liang’s apology comes just one day after", kB},
				{"Get more newsLiveon", kP},
				{"Image: Peter Liang", kC},
				{"Police officer Peter Liang reacts as the verdict is read", kC},
				{"Image: New York City Police officer (NYPD)", kC},
				{"New York City Police officer (NYPD) Peter Liang is led", kC},
				{"RELATED: Brooklyn DA Won't Seek Prison", kL},
				{"RELATED: Former NYPD Cop Peter Liang's Guilty Verdict", kL},
				{"Follow NBC Asian American on Facebook", kP},
				{"“The initial reaction is", kB},
			},
			bodies: 16,
		},
	}
	files := seeds.Files()
	if got, want := len(files), len(tests); got != want {
		t.Fatalf("%d seeds, want %d", got, want)
	}
	for _, f := range files {
		tt, ok := tests[f.Name]
		if !ok {
			t.Fatalf("no expectations for seed %s", f.Name)
		}
		t.Run(f.Name, func(t *testing.T) {
			a, err := Parse(f.Text, "seed:"+f.Name, f.Name)
			if err != nil {
				t.Fatal(err)
			}
			tt.meta.Source = f.Name
			if a.Meta != tt.meta {
				t.Errorf("Meta = %+v, want %+v", a.Meta, tt.meta)
			}
			for _, w := range tt.kinds {
				if got := passageKind(a, w.prefix); got != w.kind {
					t.Errorf("kind of %q = %q, want %q", w.prefix, got, w.kind)
				}
			}
			bodies := 0
			for _, p := range a.Passages {
				if p.Kind == data.KindBody {
					bodies++
				}
			}
			if bodies != tt.bodies {
				t.Errorf("%d body passages, want %d", bodies, tt.bodies)
				dumpPassages(t, a)
			}
			if a.Original != f.Text {
				t.Error("Original differs from the seed text")
			}
		})
	}
}

func TestSeeds(t *testing.T) {
	arts, err := Seeds()
	if err != nil {
		t.Fatal(err)
	}
	tests := []data.Meta{
		{
			Title:    "Asian Organization Opposes No Jail Time Sentence of Former NYPD Officer Peter Liang",
			Outlet:   "AFRO",
			Date:     "2016-04",
			DateNote: "April 2016: after the sentencing on Tuesday, April 19, 2016; APALA's statement that it quotes is dated April 20, 2016",
			Source:   "https://afro.com/asian-organization-opposes-no-jail-time-sentence-of-former-nypd-officer-peter-liang/",
			Type:     data.Newspaper,
		},
		{
			Title:    "Liang Sentencing Prompts #APIs4BlackLives, #Justice4Liang Responses Amid Accountability Debate",
			Outlet:   "NBC News",
			Author:   "Frances Kai-Hwa Wang",
			Date:     "2016-04",
			DateNote: "April 2016: in the days before the sentencing on Tuesday, April 19, 2016",
			Source:   "https://www.nbcnews.com/news/asian-america/liang-sentencing-prompts-apis4blacklives-justice4liang-responses-amid-accountability-debate-n558316",
			Type:     data.NewsWebsite,
		},
		{
			Title:    "Ex-Cop Peter Liang Apologizes to Akai Gurley's Domestic Partner in Meeting",
			Outlet:   "NBC News",
			Date:     "2016-03-24",
			DateNote: "March 24, 2016: the Thursday after the District Attorney's announcement of Wednesday, March 23, 2016",
			Source:   "http://www.nbcnews.com/news/asian-america/ex-cop-peter-liang-apologizes-akai-gurley-s-domestic-partner-n544921",
			Type:     data.NewsWebsite,
		},
	}
	if got, want := len(arts), len(tests); got != want {
		t.Fatalf("len(Seeds()) = %d, want %d", got, want)
	}
	for i, a := range arts {
		want := tests[i]
		t.Run(a.Origin, func(t *testing.T) {
			if !strings.HasPrefix(a.Origin, "seed:") || !strings.HasSuffix(a.Origin, ".txt") {
				t.Errorf("Origin = %q", a.Origin)
			}
			if a.Meta != want {
				t.Errorf("Meta = %+v\nwant %+v", a.Meta, want)
			}
			for _, p := range a.Passages {
				if p.Kind != data.KindBody {
					continue
				}
				// None of the site furniture may be numbered as body text.
				for _, bad := range []string{"By ", "Follow ", "IE 11", "Get more news", "RELATED:", "Image:", "/ Updated", "contributed."} {
					if strings.HasPrefix(p.Text, bad) || strings.HasSuffix(p.Text, bad) {
						t.Errorf("body passage %q looks like %q", p.Text, bad)
					}
				}
			}
		})
	}
}

// TestParseSeedsUnchanged pins what Parse makes of each bundled text, kind
// by kind (T title, Y byline, D dateline, C caption, B body, R credit, L
// related, P boilerplate) and passage by passage (a hash of the passages'
// texts): the rules that find an article in a whole page's copy must
// leave the seeds exactly as they were.
func TestParseSeedsUnchanged(t *testing.T) {
	want := map[string]struct{ kinds, texts string }{
		"000_3314bc92a2a454ff.txt": {"CBBBBBBBB", "eea4c8cfb62cc8bb02763c297278b51a3b6efac3c0bf1a9f2cf7062a29383dc6"},
		"001_b015dc53e88b5f60.txt": {"PYBBBBBBBBBBPR", "8406194852323e6e7b8d4cfb9b0bc839e73f423ead11ea685ffb11e7996e406e"},
		"002_e4365a94bf8ca061.txt": {"PTBPBBBCCBBLBBBCCBBBLBBBBP", "2b43f15f9b21e2d3d409c9a9951e1635ffcd61394baf6f4cc873f6189f597919"},
	}
	letter := map[data.Kind]string{kT: "T", kY: "Y", kD: "D", kC: "C", kB: "B", kR: "R", kL: "L", kP: "P"}
	for _, f := range seeds.Files() {
		a, err := Parse(f.Text, "seed:"+f.Name, f.Name)
		if err != nil {
			t.Fatal(err)
		}
		var kinds strings.Builder
		h := sha256.New()
		for _, p := range a.Passages {
			kinds.WriteString(letter[p.Kind])
			fmt.Fprintf(h, "%s\x00", p.Text)
		}
		w := want[f.Name]
		if kinds.String() != w.kinds {
			t.Errorf("%s: kinds %s, want %s", f.Name, kinds.String(), w.kinds)
			dumpPassages(t, a)
		}
		if got := hex.EncodeToString(h.Sum(nil)); got != w.texts {
			t.Errorf("%s: the passages' texts changed (hash %s)", f.Name, got)
			dumpPassages(t, a)
		}
	}
}
