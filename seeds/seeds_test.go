package seeds

import (
	"os"
	"regexp"
	"strings"
	"testing"
)

func TestFiles(t *testing.T) {
	record, err := os.ReadFile("SOURCES.md")
	if err != nil {
		t.Fatal(err)
	}
	files := Files()
	if got, want := len(files), 3; got != want {
		t.Fatalf("len(Files()) = %d, want %d", got, want)
	}
	iso := regexp.MustCompile(`^\d{4}(-\d{2}(-\d{2})?)?$`)
	for i, f := range files {
		if i > 0 && files[i-1].Name >= f.Name {
			t.Errorf("Files() not in name order: %q before %q", files[i-1].Name, f.Name)
		}
		if strings.TrimSpace(f.Text) == "" {
			t.Errorf("%s: empty text", f.Name)
		}
		if f.Source.Title == "" || f.Source.Outlet == "" || f.Source.URL == "" {
			t.Errorf("%s: incomplete source %+v", f.Name, f.Source)
		}
		if !iso.MatchString(f.Source.Date) {
			t.Errorf("%s: date %q is not an ISO prefix", f.Name, f.Source.Date)
		}
		if !strings.Contains(string(record), f.Name) {
			t.Errorf("SOURCES.md does not mention %s", f.Name)
		}
	}
	tests := map[string]struct{ outlet, date, author string }{
		"000_3314bc92a2a454ff.txt": {"AFRO", "2016-04", ""},
		"001_b015dc53e88b5f60.txt": {"NBC News", "2016-04", "Frances Kai-Hwa Wang"},
		"002_e4365a94bf8ca061.txt": {"NBC News", "2016-03-24", ""},
	}
	for _, f := range files {
		want, ok := tests[f.Name]
		if !ok {
			t.Errorf("unexpected seed %s", f.Name)
			continue
		}
		t.Run(f.Name, func(t *testing.T) {
			if got := f.Source.Outlet; got != want.outlet {
				t.Errorf("outlet = %q, want %q", got, want.outlet)
			}
			if got := f.Source.Date; got != want.date {
				t.Errorf("date = %q, want %q", got, want.date)
			}
			if got := f.Source.Author; got != want.author {
				t.Errorf("author = %q, want %q", got, want.author)
			}
		})
	}
}
