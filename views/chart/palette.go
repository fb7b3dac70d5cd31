// Package chart renders model data to PNG and SVG with go-chart. It knows
// nothing of Fyne; the app shows its PNGs and exports both formats.
package chart

import (
	"image/color"

	"github.com/wcharczuk/go-chart/v2/drawing"
)

// The palette shared by the app theme and every chart.
var (
	Green  = color.NRGBA{R: 0x2e, G: 0x7d, B: 0x32, A: 0xff}
	Blue   = color.NRGBA{R: 0x15, G: 0x65, B: 0xc0, A: 0xff}
	Orange = color.NRGBA{R: 0xef, G: 0x8f, B: 0x00, A: 0xff}
	Grey   = color.NRGBA{R: 0x75, G: 0x75, B: 0x75, A: 0xff}
	Red    = color.NRGBA{R: 0xc6, G: 0x28, B: 0x28, A: 0xff}
	Ink    = color.NRGBA{R: 0x21, G: 0x21, B: 0x21, A: 0xff}
)

func dc(c color.NRGBA) drawing.Color {
	return drawing.Color{R: c.R, G: c.G, B: c.B, A: c.A}
}

// Look is the colours a chart is drawn in: its paper, its text, and the
// muted colour of axes and grid rules.
type Look struct {
	Paper, Ink, Muted, Rule color.NRGBA
}

// Paper is how charts are saved and printed: dark ink on white.
var Paper = Look{Paper: color.NRGBA{R: 0xff, G: 0xff, B: 0xff, A: 0xff}, Ink: Ink, Muted: Grey,
	Rule: color.NRGBA{R: 0xbd, G: 0xbd, B: 0xbd, A: 0xff}}

func withAlpha(c color.NRGBA, a uint8) color.NRGBA {
	c.A = a
	return c
}
