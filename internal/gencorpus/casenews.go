package gencorpus

import (
	"fmt"
	"math/rand/v2"
	"strings"
)

// The people, organisations and dates of generated case reports: every
// kind the people index and the timeline read.
var (
	caseGiven  = []string{"Maria", "James", "Wei", "Aisha", "Carlos", "Priya", "John", "Fatima", "Olga", "Kenji", "Amara", "Luis"}
	caseFamily = []string{"Lopez", "Chen", "Okafor", "Smith", "Ivanova", "Tanaka", "Haddad", "Singh", "Brown", "Novak", "Mensah", "Garcia"}
	caseOrgs   = []string{"Legal Aid Society", "City Housing Authority", "National Tenants Alliance", "Metro Police Department", "Civil Rights Union (CRU)", "Daily Ledger News"}
	caseMonths = []string{"Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."}
	caseDays   = []string{"Monday", "Tuesday", "Wednesday", "Thursday", "Friday"}
)

func pick(r *rand.Rand, xs []string) string { return xs[r.IntN(len(xs))] }

// CaseName returns a generated person's name ("Maria Lopez").
func CaseName(r *rand.Rand) string { return pick(r, caseGiven) + " " + pick(r, caseFamily) }

// CaseParagraph returns a paragraph of three sentences of a generated
// report on a criminal case: arrests with full dates, officials with
// titles, spokespeople of organisations, a verdict, a rally on a weekday,
// and now and then a sentence with nothing in it to extract.
func CaseParagraph(r *rand.Rand) string {
	sentences := []func() string{
		func() string {
			return fmt.Sprintf("On %s %d, %d, %s was arrested by officers of the %s in Brooklyn.", pick(r, caseMonths), 1+r.IntN(28), 2010+r.IntN(10), CaseName(r), pick(r, caseOrgs))
		},
		func() string {
			return fmt.Sprintf("District Attorney %s said on %s that the office would seek a sentence of %d years.", CaseName(r), pick(r, caseDays), 1+r.IntN(9))
		},
		func() string {
			return fmt.Sprintf("%s, a spokeswoman for the %s, told reporters last month that the case was closed.", CaseName(r), pick(r, caseOrgs))
		},
		func() string {
			return fmt.Sprintf("The jury convicted %s in %s of manslaughter, according to %s, the defendant's attorney.", pick(r, caseFamily), pick(r, caseMonths[:4]), CaseName(r))
		},
		func() string {
			return fmt.Sprintf("Protesters gathered outside City Hall one day after the verdict, and %s addressed the rally on %s.", CaseName(r), pick(r, caseDays))
		},
		func() string {
			return "The weather in the city stayed mild, and traffic moved slowly along the avenue as the morning went on."
		},
	}
	parts := make([]string, 3)
	for i := range parts {
		parts[i] = sentences[r.IntN(len(sentences))]()
	}
	return strings.Join(parts, " ")
}

// CaseDate returns a generated publication date, YYYY-MM-DD, 2010–2019.
func CaseDate(r *rand.Rand) string {
	return fmt.Sprintf("20%02d-%02d-%02d", 10+r.IntN(10), 1+r.IntN(12), 1+r.IntN(28))
}
