// Package quietlocale keeps the desktop app quiet under the C locale.
//
// Fyne reads the user's locale while its packages initialise, before main
// runs, and logs "Error parsing user locale C" when the locale is "C.UTF-8"
// or "POSIX.UTF-8", the default of many Linux containers and CI machines. A
// plain "C" or "POSIX" means "no preference" and is not logged. Importing this
// package (blank) from the main package rewrites the first of LC_ALL,
// LC_MESSAGES and LANG that is set, when it names the C locale, to that plain
// form. It imports nothing that imports Fyne and its path sorts before Fyne's
// locale dependencies, so Go initialises it first.
package quietlocale

import (
	"os"
	"strings"
)

func init() { apply() }

// apply rewrites a C or POSIX locale with an encoding ("C.UTF-8") to its
// plain form ("C"). It changes nothing for any other locale.
func apply() {
	for _, name := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		v := os.Getenv(name)
		if v == "" {
			continue
		}
		base, _, _ := strings.Cut(v, ".")
		base, _, _ = strings.Cut(base, "@")
		if (base == "C" || base == "POSIX") && v != base {
			os.Setenv(name, base)
		}
		return
	}
}
