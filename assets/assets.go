// Package assets holds Casebook's bundled resources behind typed accessors:
// the icon, embedded in the binary as a Fyne resource.
package assets

import (
	_ "embed"

	"fyne.io/fyne/v2"
)

//go:embed icon.png
var iconPNG []byte

// Icon is the application icon: a page with one line highlighted.
var Icon = fyne.NewStaticResource("icon.png", iconPNG)
