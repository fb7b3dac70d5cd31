// Package views holds Orchard's Fyne screens and custom widgets. Views read
// the workspace's portfolio and change it only through workspace commands.
package views

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"orchard/views/chart"
)

// Palette colours: the charts' palette, so screens and exports match.
var (
	ColorPrimary   = chart.Green // orchard green
	ColorFirst     = chart.Green
	ColorSecond    = chart.Blue
	ColorThird     = chart.Orange
	ColorFourth    = chart.Grey
	ColorWarning   = chart.Red
	ColorSupporter = chart.Green
	ColorNeutral   = color.NRGBA{R: 0x9e, G: 0x9e, B: 0x9e, A: 0xff}
	ColorDetractor = chart.Red
)

// orchardTheme is the default theme with Orchard's primary colour; in
// workshop mode it scales text and padding up for a projector.
type orchardTheme struct {
	fyne.Theme
	workshop bool
}

// NewTheme returns Orchard's theme, for a desk or for a projector.
func NewTheme(workshop bool) fyne.Theme {
	return &orchardTheme{Theme: theme.DefaultTheme(), workshop: workshop}
}

func (t *orchardTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	switch n {
	case theme.ColorNamePrimary, theme.ColorNameFocus:
		if n == theme.ColorNameFocus {
			return color.NRGBA{R: ColorPrimary.R, G: ColorPrimary.G, B: ColorPrimary.B, A: 0x7f}
		}
		return ColorPrimary
	case theme.ColorNameSelection:
		return color.NRGBA{R: ColorPrimary.R, G: ColorPrimary.G, B: ColorPrimary.B, A: 0x40}
	}
	return t.Theme.Color(n, v)
}

func (t *orchardTheme) Size(n fyne.ThemeSizeName) float32 {
	s := t.Theme.Size(n)
	if !t.workshop {
		return s
	}
	switch n {
	case theme.SizeNameText, theme.SizeNameHeadingText, theme.SizeNameSubHeadingText,
		theme.SizeNameCaptionText, theme.SizeNameInlineIcon, theme.SizeNamePadding,
		theme.SizeNameInnerPadding, theme.SizeNameLineSpacing:
		return s * 1.6
	case theme.SizeNameSeparatorThickness, theme.SizeNameInputBorder:
		return s * 2
	}
	return s
}

// priorityColor is the colour of a priority everywhere it is drawn.
func priorityColor(p int) color.Color {
	switch p {
	case 1:
		return ColorFirst
	case 2:
		return ColorSecond
	case 3:
		return ColorThird
	case 4:
		return ColorFourth
	}
	return ColorNeutral
}
