package data

import (
	"crypto/sha256"
	"encoding/hex"
)

// PutStatus says what storing an article did.
type PutStatus string

// The outcomes of storing an article.
const (
	Added     PutStatus = "added"     // a new article
	Updated   PutStatus = "updated"   // same origin, new text: passages replaced, annotations re-anchored
	Unchanged PutStatus = "unchanged" // same origin, same text: nothing to do
)

// PutResult reports what storing one article did.
type PutResult struct {
	Article Article
	Status  PutStatus
	// Orphaned counts the highlights and notes that could not be placed in
	// the new text. They are kept, listed as orphans.
	Orphaned int
}

// Hash returns the content hash of an article's original text.
func Hash(original string) string {
	sum := sha256.Sum256([]byte(original))
	return hex.EncodeToString(sum[:])
}

// ValidDate reports whether s is empty or an ISO date prefix: YYYY,
// YYYY-MM or YYYY-MM-DD.
func ValidDate(s string) bool {
	_, _, _, ok := DateParts(s)
	return s == "" || ok
}
