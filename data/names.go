package data

// nameParticles are the lower-case particles that belong to a family name:
// "Vincent van Gogh", "Osama bin Laden", "Corrie ten Boom". The citation
// styles keep them with the family name; the people index reads a name
// across them.
var nameParticles = map[string]bool{
	"van": true, "von": true, "de": true, "der": true, "den": true, "da": true, "di": true, "del": true,
	"della": true, "du": true, "le": true, "la": true, "bin": true, "ibn": true, "al": true, "ten": true, "ter": true,
}

// NameParticle reports whether w is a name particle as written inside a
// name, in lower case ("van"; "Van" starts a name and is no particle).
func NameParticle(w string) bool { return nameParticles[w] }
