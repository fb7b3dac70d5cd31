package chart_test

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"orchard/views/chart"
)

var night = chart.Look{
	Paper: color.NRGBA{R: 0x14, G: 0x14, B: 0x17, A: 0xff},
	Ink:   color.NRGBA{R: 0xf0, G: 0xf0, B: 0xf0, A: 0xff},
	Muted: color.NRGBA{R: 0xb0, G: 0xb0, B: 0xb0, A: 0xff},
	Rule:  color.NRGBA{R: 0x40, G: 0x40, B: 0x40, A: 0xff},
}

// share is the part of the picture's pixels within a small distance of c.
func share(img image.Image, c color.NRGBA) float64 { return shareIn(img, img.Bounds(), c) }

// margins are the picture's title band and left edge, where only paper
// and text are drawn.
func margins(img image.Image) []image.Rectangle {
	b := img.Bounds()
	return []image.Rectangle{image.Rect(0, 0, b.Dx(), 12), image.Rect(0, 0, 12, b.Dy()), image.Rect(b.Dx()-12, 0, b.Dx(), b.Dy())}
}

func shareIn(img image.Image, b image.Rectangle, c color.NRGBA) float64 {
	near, all := 0, 0
	for y := b.Min.Y; y < b.Max.Y; y += 2 {
		for x := b.Min.X; x < b.Max.X; x += 2 {
			p := color.NRGBAModel.Convert(img.At(x, y)).(color.NRGBA)
			d := func(a, b uint8) int {
				if a > b {
					return int(a - b)
				}
				return int(b - a)
			}
			if d(p.R, c.R)+d(p.G, c.G)+d(p.B, c.B) < 24 {
				near++
			}
			all++
		}
	}
	return float64(near) / float64(all)
}

// On a dark theme every chart is drawn on the theme's own background with
// its text colour, not as a white block; saved charts stay on white paper.
func TestChartsFollowTheScreensColours(t *testing.T) {
	p := samplePortfolio()
	a := planned(p)
	white := color.NRGBA{R: 0xff, G: 0xff, B: 0xff, A: 0xff}
	for _, name := range chart.Names {
		t.Run(name, func(t *testing.T) {
			dark, err := chart.Render(p, name, a.ID, chart.PNG.On(night), 900, 450, false)
			if err != nil {
				t.Fatal(err)
			}
			img, err := png.Decode(bytes.NewReader(dark))
			if err != nil {
				t.Fatal(err)
			}
			for _, m := range margins(img) {
				if s := shareIn(img, m, night.Paper); s < 0.95 {
					t.Errorf("only %.0f%% of the margin %v is the dark theme's background", 100*s, m)
				}
			}
			if s := share(img, night.Ink); s == 0 {
				t.Error("no text in the theme's text colour")
			}
			saved, _ := chart.Render(p, name, a.ID, chart.PNG, 900, 450, false)
			img, _ = png.Decode(bytes.NewReader(saved))
			for _, m := range margins(img) {
				if s := shareIn(img, m, white); s < 0.95 {
					t.Errorf("a saved chart should be on white paper; %.0f%% of the margin %v is white", 100*s, m)
				}
			}
		})
	}
}

// The revenue axis starts at zero, so the gap between target and actual
// is not exaggerated.
func TestRevenueAxisStartsAtZero(t *testing.T) {
	p := samplePortfolio()
	a := planned(p)
	svg, err := chart.RevenueVsTarget(p, a.ID, chart.SVG, 900, 360)
	if err != nil {
		t.Fatal(err)
	}
	labels := regexp.MustCompile(`<text[^>]*>([^<]*)</text>`).FindAllStringSubmatch(string(svg), -1)
	zero := false
	for _, l := range labels {
		if strings.TrimSpace(l[1]) == "0" {
			zero = true
		}
	}
	if !zero {
		t.Error("the revenue axis has no 0 tick")
	}
}

// Every chart's title starts inside the picture at a slide's width and at
// half of it: go-chart centres a title and never wraps it, so one too wide
// was cut off at both edges.
func TestChartTitlesFit(t *testing.T) {
	p := samplePortfolio()
	a := planned(p)
	first := regexp.MustCompile(`<text x="(-?\d+)"[^>]*>([^<]*)</text>`)
	for _, name := range chart.Names {
		for _, width := range []int{960, 640} {
			svg, err := chart.Render(p, name, a.ID, chart.SVG, width, 416, false)
			if err != nil {
				t.Fatal(err)
			}
			for _, m := range first.FindAllStringSubmatch(string(svg), -1) {
				if len([]rune(m[2])) < 40 { // the title is the long line
					continue
				}
				if x, _ := strconv.Atoi(m[1]); x < 0 {
					t.Errorf("%s at %d px: the title %q starts at x=%d, outside the picture", name, width, m[2], x)
				}
			}
		}
	}
}

// On a projector every chart is drawn with larger text and still lays
// out: none falls back to "no data" for want of room.
func TestChartsDrawWithProjectorText(t *testing.T) {
	const projector = 1.6
	p := samplePortfolio()
	a := planned(p)
	labels := map[string]string{"quadrant": "Northwind Logistics", "pareto": "80 %", "revenue": "revenue",
		"actions": "Berg", "impact": "expected", "scorecard": "Quality", "coverage": ">gatekeeper<"}
	size := regexp.MustCompile(`font-size:([0-9.]+)px`)
	// The median text size: the title alone shrinks to fit the width.
	smallest := func(svg []byte) float64 {
		var sizes []float64
		for _, m := range size.FindAllStringSubmatch(string(svg), -1) {
			v, _ := strconv.ParseFloat(m[1], 64)
			sizes = append(sizes, v)
		}
		if len(sizes) == 0 {
			return 0
		}
		slices.Sort(sizes)
		return sizes[len(sizes)/2]
	}
	for _, name := range chart.Names {
		normal, _ := chart.Render(p, name, a.ID, chart.SVG, 960, 416, false)
		big, err := chart.Render(p, name, a.ID, chart.SVG.Scaled(projector), 960, 416, false)
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(string(big), "No data yet") || !strings.Contains(string(big), labels[name]) {
			t.Errorf("%s with projector text did not lay out", name)
		}
		grow := 1.3
		if name == "actions" || name == "coverage" {
			grow = 1 // bar names may not break inside a word: these grow only as far as their names fit
		}
		if smallest(big) < grow*smallest(normal) {
			t.Errorf("%s: projector text (median) %.1f px against %.1f px normally", name, smallest(big), smallest(normal))
		}
	}
}
