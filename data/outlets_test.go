package data

import "testing"

func TestLookupOutlet(t *testing.T) {
	for name, want := range map[string]string{
		"The New York Times": "The New York Times", "new york times": "The New York Times", "nytimes.com": "The New York Times",
		"Washington Post": "The Washington Post", "the afro-american": "AFRO", "theguardian.com": "The Guardian",
	} {
		o, ok := LookupOutlet(name)
		if !ok || o.Name != want {
			t.Errorf("LookupOutlet(%q) = %q, %v; want %q", name, o.Name, ok, want)
		}
	}
	if o, ok := LookupOutlet("Fern Gazette"); ok {
		t.Errorf("LookupOutlet(Fern Gazette) = %q, want none", o.Name)
	}
	for host, want := range map[string]string{"www.nbcnews.com": "NBC News", "edition.cnn.com": "CNN", "m.independent.co.uk": "The Independent", "notcnn.com": ""} {
		if got := OutletOfHost(host); got != want {
			t.Errorf("OutletOfHost(%q) = %q, want %q", host, got, want)
		}
	}
}

// TestKnownOutletsKinds checks that the one list of outlets is what
// GuessSourceType goes by: a known newspaper or magazine is one whatever
// the page's types say, and no two outlets claim a name or a domain.
func TestKnownOutletsKinds(t *testing.T) {
	names := map[string]string{}
	for _, o := range KnownOutlets {
		switch o.Kind {
		case Newspaper, Magazine:
			if got := GuessSourceType(o.Name, "website", ""); got != o.Kind {
				t.Errorf("GuessSourceType(%q) = %q, want %q", o.Name, got, o.Kind)
			}
		case NewsWebsite:
		default:
			t.Errorf("%s: kind %q", o.Name, o.Kind)
		}
		for _, k := range append(append([]string{outletKey(o.Name)}, o.Domains...), func() (a []string) {
			for _, x := range o.Aliases {
				a = append(a, outletKey(x))
			}
			return
		}()...) {
			if prev, ok := names[k]; ok && prev != o.Name {
				t.Errorf("%q is both %s's and %s's", k, prev, o.Name)
			}
			names[k] = o.Name
		}
	}
}
