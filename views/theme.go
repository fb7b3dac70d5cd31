// Package views holds Orchard's Fyne screens and custom widgets. Views read
// the workspace's portfolio and change it only through workspace commands.
package views

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// Palette colours shared by the app and its charts.
var (
	ColorPrimary   = color.NRGBA{R: 0x2e, G: 0x7d, B: 0x32, A: 0xff} // orchard green
	ColorFirst     = color.NRGBA{R: 0x2e, G: 0x7d, B: 0x32, A: 0xff}
	ColorSecond    = color.NRGBA{R: 0x15, G: 0x65, B: 0xc0, A: 0xff}
	ColorThird     = color.NRGBA{R: 0xef, G: 0x8f, B: 0x00, A: 0xff}
	ColorFourth    = color.NRGBA{R: 0x75, G: 0x75, B: 0x75, A: 0xff}
	ColorWarning   = color.NRGBA{R: 0xc6, G: 0x28, B: 0x28, A: 0xff}
	ColorSupporter = color.NRGBA{R: 0x2e, G: 0x7d, B: 0x32, A: 0xff}
	ColorNeutral   = color.NRGBA{R: 0x9e, G: 0x9e, B: 0x9e, A: 0xff}
	ColorDetractor = color.NRGBA{R: 0xc6, G: 0x28, B: 0x28, A: 0xff}
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
