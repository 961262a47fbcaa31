package ui

import "github.com/casebookapp/casebook/data/sqlite"

// The store is a Store: what cmd/casebook passes to New. (Tests may import
// the store; package ui itself does not, see data's TestDependencies.)
var _ Store = (*sqlite.Library)(nil)
