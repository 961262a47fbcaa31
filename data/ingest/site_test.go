package ingest

import (
	"strings"
	"testing"
)

// TestSiteOutlet checks each kind of evidence siteOutlet weighs on lines
// of a page's furniture, and that repetition alone (a menu) names no
// outlet.
func TestSiteOutlet(t *testing.T) {
	tests := []struct {
		name    string
		lines   []string
		title   string
		authors []string
		want    string
	}{
		{"copyright line", []string{"Home", "World", "© 2025 Atlas Obscura. All rights reserved."}, "", nil, "Atlas Obscura"},
		{"site before the sign, company after",
			[]string{"Sign up for CityLab Daily:", "Citylab.com © 2019 The Atlantic Monthly Group"}, "", nil, "CityLab"},
		{"masthead repeated beats the company's copyright",
			[]string{"Pinecone", "About Pinecone", "Join Pinecone", "Pinecone", "© Larchwood Interactive Inc. / All Rights Reserved."}, "", nil, "Pinecone"},
		{"headline - site", []string{"Why Ferns Curl - The Fern Gazette", "Subscribe"}, "Why Ferns Curl", nil, "The Fern Gazette"},
		{"an address spells the name", []string{"Get the most out of Daily Fern Digest. Subscribe", "Visit www.dailyferndigest.com for more", "Daily Fern Digest account"}, "", nil, "Daily Fern Digest"},
		{"a known outlet's address", []string{"Thank you for supporting independent.co.uk"}, "", nil, "The Independent"},
		{"the author's own site is not the outlet", []string{"Originally published at www.janeroe.com", "Jane Roe", "Jane Roe"}, "", []string{"Jane Roe"}, ""},
		{"a menu names no outlet", []string{"Home", "Sign In", "Home", "Sign In", "More", "More", "About Us", "Contact Us"}, "", nil, ""},
		{"a one-word known outlet only as the copyright's holder",
			[]string{"© 2016 Cable News Network. A Time Warner Company. All Rights Reserved."}, "", nil, ""},
		{"the author in the publication, on a platform's page",
			[]string{"Sign in to Fernpress", "Open in app", "Fernpress", "Voodoo Gardening", "Jane Roe in Voodoo Gardening", "More from Voodoo Gardening", "fernpress.com", "Fernpress"}, "", []string{"Jane Roe"}, "Voodoo Gardening"},
		{"a labelled \"From:\" line and the address beat the company's copyright",
			[]string{"m.fernsun.com.au", "Subscribe now to access Fern Sun.", "Opinion", "From: Fern Sun", "Subscribe now to access Fern Sun.",
				"Copyright Fern and Weekly Times. All times AEST (GMT +10:00)", "© Fern and Weekly Times. All times AEDT (GMT +11:00)"}, "", nil, "Fern Sun"},
		{"a follow button's state is not part of the name",
			[]string{"Follow Fernhacker Followed", "Fernhacker", "Follow Fernhacker Followed", "Fernhacker"}, "", nil, "Fernhacker"},
	}
	for _, tt := range tests {
		if got := siteOutlet(tt.lines, tt.title, tt.authors); got != tt.want {
			t.Errorf("%s: siteOutlet = %q, want %q", tt.name, got, tt.want)
		}
	}
}

// TestOutletDateline reads the outlet of an outlet's dateline, and no
// outlet from a degree after a byline's name or from a sentence that
// mentions an outlet.
func TestOutletDateline(t *testing.T) {
	for text, want := range map[string]string{
		"Officer Sentenced\n\nFernMoney (New York) First published April 19, 2016: 1:28 AM ET\n\n" + strings.Join(sampleArticle, "\n\n"):                                       "FernMoney",
		"Officer Sentenced\n\nBy Brenda Goodman, MA\n\n" + strings.Join(sampleArticle, "\n\n"):                                                                                 "",
		"Officer Sentenced\n\n" + strings.Join(sampleArticle, "\n\n") + "\n\nReader comment: The New York Times reported that the family will appeal the sentence next month.": "",
		"Officer Sentenced\n\nHome (New York) Updated April 19, 2016\n\n" + strings.Join(sampleArticle, "\n\n"):                                                                "",
	} {
		a, err := Parse(text, "test", "a.txt")
		if err != nil {
			t.Fatal(err)
		}
		if a.Outlet != want {
			t.Errorf("Outlet = %q, want %q for %.80q", a.Outlet, want, text)
		}
	}
}

// TestPastedPageOutlet imports a page's copy whose furniture names the
// site several ways and none of them in a rule.
func TestPastedPageOutlet(t *testing.T) {
	furniture := []string{"The Fern Gazette", "Home", "News", "Gardens", "Sign In to The Fern Gazette", "Subscribe", "Search"}
	footer := []string{"About The Fern Gazette", "Contact Us", "Privacy Policy", "Terms of Use", "© 2016 Fern Media Group Ltd.", "The Fern Gazette"}
	text := strings.Join(furniture, "\n") + "\n\nOfficer Sentenced\n\n" + strings.Join(sampleArticle, "\n\n") + "\n\n" + strings.Join(footer, "\n")
	a, err := Parse(text, "test", "page.txt")
	if err != nil {
		t.Fatal(err)
	}
	if a.Outlet != "The Fern Gazette" {
		t.Errorf("Outlet = %q, want %q", a.Outlet, "The Fern Gazette")
	}
}
