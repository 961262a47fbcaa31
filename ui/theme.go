package ui

import (
	"image/color"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// Theme modes the View menu offers.
const (
	themeSystem = "system"
	themeLight  = "light"
	themeDark   = "dark"
)

// casebookTheme is Fyne's default theme with two user settings on top: a
// forced light or dark variant (or the system's), and a text size factor.
type casebookTheme struct {
	mode  string
	scale float32
}

var _ fyne.Theme = (*casebookTheme)(nil)

func newTheme(mode string, scale float32) *casebookTheme {
	if scale <= 0 {
		scale = 1
	}
	return &casebookTheme{mode: mode, scale: scale}
}

func (t *casebookTheme) variant(v fyne.ThemeVariant) fyne.ThemeVariant {
	switch t.mode {
	case themeLight:
		return theme.VariantLight
	case themeDark:
		return theme.VariantDark
	}
	return v
}

// Color implements fyne.Theme.
func (t *casebookTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	if n == colorNameMuted {
		return mutedColor(t.variant(v))
	}
	return theme.DefaultTheme().Color(n, t.variant(v))
}

// Font implements fyne.Theme.
func (t *casebookTheme) Font(s fyne.TextStyle) fyne.Resource { return theme.DefaultTheme().Font(s) }

// Icon implements fyne.Theme.
func (t *casebookTheme) Icon(n fyne.ThemeIconName) fyne.Resource {
	return theme.DefaultTheme().Icon(n)
}

// Size implements fyne.Theme; text sizes follow the user's factor.
func (t *casebookTheme) Size(n fyne.ThemeSizeName) float32 {
	s := theme.DefaultTheme().Size(n)
	switch n {
	case theme.SizeNameText, theme.SizeNameHeadingText, theme.SizeNameSubHeadingText, theme.SizeNameCaptionText,
		// Icons grow with the text, so that buttons and rows keep their
		// proportions at 200 %.
		theme.SizeNameInlineIcon:
		return s * t.scale
	}
	return s
}

// currentVariant returns the variant the app is drawn in, honouring a forced
// light or dark mode.
func currentVariant() fyne.ThemeVariant {
	app := fyne.CurrentApp()
	v := app.Settings().ThemeVariant()
	if t, ok := app.Settings().Theme().(*casebookTheme); ok {
		return t.variant(v)
	}
	return v
}

// parseRGB reads a "#rrggbb" legend colour; anything else is a neutral grey.
func parseRGB(s string) color.NRGBA {
	s = strings.TrimPrefix(strings.TrimSpace(s), "#")
	if len(s) != 6 {
		return color.NRGBA{R: 0x9e, G: 0x9e, B: 0x9e, A: 0xff}
	}
	n, err := strconv.ParseUint(s, 16, 32)
	if err != nil {
		return color.NRGBA{R: 0x9e, G: 0x9e, B: 0x9e, A: 0xff}
	}
	return color.NRGBA{R: uint8(n >> 16), G: uint8(n >> 8), B: uint8(n), A: 0xff}
}

// highlightFill is the background of a highlight: the legend colour, see-
// through enough that the theme's text stays legible on it in both variants.
func highlightFill(c color.Color, v fyne.ThemeVariant) color.Color {
	r, g, b, _ := c.RGBA()
	a := uint8(0x70)
	if v == theme.VariantDark {
		a = 0x6a
	}
	return color.NRGBA{R: uint8(r >> 8), G: uint8(g >> 8), B: uint8(b >> 8), A: a}
}

// matchFill and matchStroke draw search matches: an outlined orange box, so
// that a match never looks like one of the user's own highlights.
func matchFill(v fyne.ThemeVariant) color.Color {
	if v == theme.VariantDark {
		return color.NRGBA{R: 0xff, G: 0x8f, B: 0x00, A: 0x40}
	}
	return color.NRGBA{R: 0xff, G: 0x8f, B: 0x00, A: 0x30}
}

func matchStroke(v fyne.ThemeVariant) color.Color {
	if v == theme.VariantDark {
		return color.NRGBA{R: 0xff, G: 0xa7, B: 0x26, A: 0xff}
	}
	return color.NRGBA{R: 0xe6, G: 0x5c, B: 0x00, A: 0xff}
}
