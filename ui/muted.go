package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// colorNameMuted is the colour of secondary text: article details, note
// timestamps, hints. A low-importance Label uses the theme's disabled colour,
// which is barely visible in either variant; this one reads clearly while
// still standing back from the body text.
const colorNameMuted fyne.ThemeColorName = "casebookMuted"

// mutedColor returns the secondary text colour for a variant.
func mutedColor(v fyne.ThemeVariant) color.Color {
	if v == theme.VariantDark {
		return color.NRGBA{R: 0xb4, G: 0xb4, B: 0xb8, A: 0xff}
	}
	return color.NRGBA{R: 0x66, G: 0x66, B: 0x6b, A: 0xff}
}

// mutedLabel is a label in the muted colour. Like widget.Label it has a
// Text field and SetText; it wraps words unless it is set to truncate.
type mutedLabel struct {
	widget.BaseWidget
	text string

	rt  *widget.RichText
	seg *widget.TextSegment
}

// newMutedLabel returns a wrapped muted label in the body text size.
func newMutedLabel(text string) *mutedLabel {
	m := &mutedLabel{text: text}
	m.seg = &widget.TextSegment{Text: text, Style: widget.RichTextStyle{
		ColorName: colorNameMuted,
		SizeName:  theme.SizeNameText,
		Inline:    true,
	}}
	m.rt = widget.NewRichText(m.seg)
	m.rt.Wrapping = fyne.TextWrapWord
	m.ExtendBaseWidget(m)
	return m
}

// caption makes the label caption-sized.
func (m *mutedLabel) caption() *mutedLabel {
	m.seg.Style.SizeName = theme.SizeNameCaptionText
	return m
}

// italic makes the label italic.
func (m *mutedLabel) italic() *mutedLabel {
	m.seg.Style.TextStyle.Italic = true
	return m
}

// centered centres the label's lines.
func (m *mutedLabel) centered() *mutedLabel {
	m.seg.Style.Alignment = fyne.TextAlignCenter
	return m
}

// truncated keeps the label on one line, cut with an ellipsis.
func (m *mutedLabel) truncated() *mutedLabel {
	m.rt.Wrapping = fyne.TextWrapOff
	m.rt.Truncation = fyne.TextTruncateEllipsis
	return m
}

// SetText changes the text.
func (m *mutedLabel) SetText(s string) {
	m.text = s
	m.Refresh()
}

// Refresh implements fyne.Widget.
func (m *mutedLabel) Refresh() {
	m.seg.Text = m.text
	m.rt.Refresh()
	m.BaseWidget.Refresh()
}

// CreateRenderer implements fyne.Widget.
func (m *mutedLabel) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(m.rt)
}
