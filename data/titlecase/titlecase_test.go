package titlecase

import (
	"testing"
	"unicode"
)

func TestHeadline(t *testing.T) {
	tests := []struct {
		in    string
		lower Lowercase
		want  string
	}{
		{"Liang sentencing prompts #APIs4BlackLives responses amid accountability debate", MLA, "Liang Sentencing Prompts #APIs4BlackLives Responses amid Accountability Debate"},
		{"Responses Amid Debate", Chicago, "Responses amid Debate"},
		{"Spared prison, yet the protests go on", MLA, "Spared Prison, yet the Protests Go On"},
		{"Spared prison, yet the protests go on", Chicago, "Spared Prison, Yet the Protests Go On"},
		{"Groups talk about stop-and-frisk", APA, "Groups Talk About Stop-and-Frisk"},
		{"Groups talk about stop-and-frisk", Chicago, "Groups Talk about Stop-and-Frisk"},
		{"ex-cop apologizes: a meeting in the DA's office", MLA, "Ex-Cop Apologizes: A Meeting in the DA's Office"},
		{"what the iPhone video shows of", MLA, "What the iPhone Video Shows Of"},
	}
	for _, tc := range tests {
		if got := Headline(tc.in, tc.lower); got != tc.want {
			t.Errorf("Headline(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestSentence(t *testing.T) {
	text := []string{
		"Rookie NYPD officer Peter Liang shot Akai Gurley. Officer Liang said it was an accident.",
		"The officer was convicted. Supporters of the officer rallied in Brooklyn.",
	}
	tests := map[string]string{
		"Ex-Cop Peter Liang Apologizes to Akai Gurley's Partner": "Ex-cop Peter Liang apologizes to Akai Gurley's partner",
		"Former NYPD Officer Convicted: Supporters Rally":        "Former NYPD officer convicted: Supporters rally",
		"#APIs4BlackLives Responses in Brooklyn":                 "#APIs4BlackLives responses in Brooklyn",
		"“Officer Liang” Speaks":                                 "“Officer Liang” speaks",
	}
	for in, want := range tests {
		if got := Sentence(in, text); got != want {
			t.Errorf("Sentence(%q) = %q, want %q", in, got, want)
		}
	}
	if got := Sentence("Title Without Text", nil); got != "Title Without Text" {
		t.Errorf("with no text the title is kept as it is, got %q", got)
	}
}

// FuzzCase checks that changing a title's case never panics and changes
// nothing but the case of letters: the same number of characters, the
// same characters where they are not letters.
func FuzzCase(f *testing.F) {
	for _, s := range []string{"Ex-Cop Peter Liang Apologizes", "#APIs4BlackLives: a  debate", "“Officer” — why?", "", "ǅuly ıi", "a-\u200d-b"} {
		f.Add(s, "Peter Liang said. The officer spoke")
	}
	f.Fuzz(func(t *testing.T, title, text string) {
		for _, out := range []string{Headline(title, MLA), Headline(title, Chicago), Headline(title, APA), Sentence(title, []string{text})} {
			a, b := []rune(title), []rune(out)
			if len(a) != len(b) {
				t.Fatalf("%q became %q: other length", title, out)
			}
			for i := range a {
				if a[i] != b[i] && !unicode.IsLetter(a[i]) {
					t.Fatalf("%q became %q: changed %q", title, out, a[i])
				}
			}
		}
	})
}

// TestHeadlineAdverbs checks the exception all three manuals make to
// lowercasing prepositions: a word used as an adverb, the particle of a verb
// (Chicago 17 §8.159: "up in Look Up, down in Turn Down"), is capitalised.
// Without parsing the sentence, Headline takes a particle for an adverb when
// another preposition (other than of, to or from, which make compound
// prepositions) or the end of a clause follows it.
func TestHeadlineAdverbs(t *testing.T) {
	tests := []struct {
		in    string
		lower Lowercase
		want  string
	}{
		{"Liang supporters speak out on sentence", Chicago, "Liang Supporters Speak Out on Sentence"},
		{"Liang supporters speak out on sentence", MLA, "Liang Supporters Speak Out on Sentence"},
		{"Police crack down on protest", APA, "Police Crack Down on Protest"},
		{"Protesters sit in, then march", Chicago, "Protesters Sit In, Then March"},
		{"Family walks out of court", Chicago, "Family Walks out of Court"},
		{"Liang faces up to five years", Chicago, "Liang Faces up to Five Years"},
		{"Rally in Brooklyn for Gurley", Chicago, "Rally in Brooklyn for Gurley"},
	}
	for _, tc := range tests {
		if got := Headline(tc.in, tc.lower); got != tc.want {
			t.Errorf("Headline(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// TestSentenceKeepsCapitalsOfSentenceCaseTitle checks a title its outlet
// already writes in sentence case: the words it capitalises past the first
// are its writer's proper nouns, kept even where the article's body never
// writes them mid-sentence ("North Africa" when the body says only "North
// African"). A headline-style title still goes by the body.
func TestSentenceKeepsCapitalsOfSentenceCaseTitle(t *testing.T) {
	text := []string{
		"Gunmen killed 19 people in Tunis. It was the most deadly terrorist attack in the North African nation in more than a decade.",
		"The attack raised fears of instability in the region.",
	}
	tests := map[string]string{
		"Attack stokes instability fears in North Africa":   "Attack stokes instability fears in North Africa",
		"Attack Stokes Instability Fears in Tunis":          "Attack stokes instability fears in Tunis",
		"Attack Stokes Fears at 3 a.m. in Tunis":            "Attack stokes fears at 3 a.m. in Tunis",
		"Why the attack matters: Fears in Tunis and Europe": "Why the attack matters: Fears in Tunis and Europe",
		"Ex-cop Fears Instability in Tunis":                 "Ex-cop fears instability in Tunis",
	}
	for in, want := range tests {
		if got := Sentence(in, text); got != want {
			t.Errorf("Sentence(%q) = %q, want %q", in, got, want)
		}
	}
}
