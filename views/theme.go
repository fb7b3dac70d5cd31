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

// orchardTheme is the default theme with Orchard's primary colour. In
// workshop mode it is a projector theme: text twice the size, roomier
// targets, and high-contrast colours; zoom scales everything further.
type orchardTheme struct {
	fyne.Theme
	workshop bool
	zoom     float32
}

// NewTheme returns Orchard's theme for a desk or (workshop) a projector,
// at a presenter zoom (1 = normal).
func NewTheme(workshop bool, zoom float32) fyne.Theme {
	if zoom <= 0 {
		zoom = 1
	}
	return &orchardTheme{Theme: theme.DefaultTheme(), workshop: workshop, zoom: zoom}
}

// Projector colours: near-black on white or white on near-black, and a
// green dark on white and light on near-black, every pair at least 7:1 (a
// buttons' text on the green too).
var (
	projectorInk      = color.NRGBA{R: 0x10, G: 0x10, B: 0x10, A: 0xff}
	projectorPaper    = color.NRGBA{R: 0xff, G: 0xff, B: 0xff, A: 0xff}
	projectorNight    = color.NRGBA{R: 0x0a, G: 0x0a, B: 0x0a, A: 0xff}
	projectorDay      = color.NRGBA{R: 0xfa, G: 0xfa, B: 0xfa, A: 0xff}
	projectorGreen    = color.NRGBA{R: 0x1b, G: 0x5e, B: 0x20, A: 0xff}
	projectorGreenDay = color.NRGBA{R: 0x9c, G: 0xe0, B: 0xa0, A: 0xff} // on near-black
	projectorMuted    = color.NRGBA{R: 0x30, G: 0x30, B: 0x30, A: 0xff}
	projectorMutedDay = color.NRGBA{R: 0xd0, G: 0xd0, B: 0xd0, A: 0xff}
)

func (t *orchardTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	if t.workshop {
		dark := v == theme.VariantDark
		switch n {
		case theme.ColorNameForeground:
			if dark {
				return projectorDay
			}
			return projectorInk
		case theme.ColorNameBackground, theme.ColorNameInputBackground, theme.ColorNameMenuBackground, theme.ColorNameOverlayBackground:
			if dark {
				return projectorNight
			}
			return projectorPaper
		case theme.ColorNamePlaceHolder, theme.ColorNameDisabled:
			if dark {
				return projectorMutedDay
			}
			return projectorMuted
		case theme.ColorNamePrimary:
			if dark {
				return projectorGreenDay
			}
			return projectorGreen
		case theme.ColorNameForegroundOnPrimary:
			if dark {
				return projectorInk
			}
			return projectorPaper
		}
	}
	switch n {
	case theme.ColorNamePrimary:
		return ColorPrimary
	case theme.ColorNameFocus:
		return color.NRGBA{R: ColorPrimary.R, G: ColorPrimary.G, B: ColorPrimary.B, A: 0x7f}
	case theme.ColorNameSelection:
		return color.NRGBA{R: ColorPrimary.R, G: ColorPrimary.G, B: ColorPrimary.B, A: 0x40}
	}
	return t.Theme.Color(n, v)
}

func (t *orchardTheme) Size(n fyne.ThemeSizeName) float32 {
	s := t.Theme.Size(n) * t.zoom
	if !t.workshop {
		return s
	}
	switch n {
	case theme.SizeNameText, theme.SizeNameHeadingText, theme.SizeNameSubHeadingText, theme.SizeNameCaptionText, theme.SizeNameInlineIcon:
		return s * 2
	case theme.SizeNamePadding, theme.SizeNameInnerPadding, theme.SizeNameLineSpacing:
		return s * 1.5
	case theme.SizeNameSeparatorThickness, theme.SizeNameInputBorder, theme.SizeNameScrollBar:
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
