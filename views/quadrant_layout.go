package views

import (
	"math"
	"sort"

	"fyne.io/fyne/v2"
)

// plotArea is the part of the quadrant widget where scores are drawn.
type plotArea struct {
	origin fyne.Position // top-left corner
	size   fyne.Size
}

// Margins around the plot leave room for axis titles; the top and bottom
// ones grow with the text (workshop mode doubles it).
const (
	plotLeft   = 36
	plotTop    = 34
	plotRight  = 16
	plotBottom = 34
)

// plotFor places the plot in a widget of this size, with axis titles of
// this text size (0 for the normal size).
func plotFor(size fyne.Size, textSize ...float32) plotArea {
	top, bottom := float32(plotTop), float32(plotBottom)
	if len(textSize) > 0 && textSize[0] > 14 {
		top, bottom = textSize[0]*2.4, textSize[0]*2.4
	}
	w := max(size.Width-plotLeft-plotRight, 10)
	h := max(size.Height-top-bottom, 10)
	return plotArea{origin: fyne.NewPos(plotLeft, top), size: fyne.NewSize(w, h)}
}

// scoreToPos maps a relationship score x and value score y (0–100) to a
// point in the widget; value grows upwards.
func (a plotArea) scoreToPos(x, y float64) fyne.Position {
	return fyne.NewPos(
		a.origin.X+float32(x/100)*a.size.Width,
		a.origin.Y+float32(1-y/100)*a.size.Height)
}

// posToScore is the inverse of scoreToPos, clamped to the quadrant.
func (a plotArea) posToScore(p fyne.Position) (x, y float64) {
	x = float64((p.X - a.origin.X) / a.size.Width * 100)
	y = 100 - float64((p.Y-a.origin.Y)/a.size.Height*100)
	return clampScore(x), clampScore(y)
}

func clampScore(v float64) float64 { return math.Max(0, math.Min(100, v)) }

// Bubble radii: area grows with revenue; a zero-revenue account still shows.
const (
	minRadius = 6
	maxRadius = 38
)

// bubbleRadius makes bubble area proportional to revenue, with a floor.
func bubbleRadius(revenue, largest float64) float32 {
	if largest <= 0 || revenue <= 0 {
		return minRadius
	}
	return float32(math.Max(minRadius, maxRadius*math.Sqrt(revenue/largest)))
}

// labelBox is where a bubble's label would be drawn.
type labelBox struct {
	index int // bubble index
	pos   fyne.Position
	size  fyne.Size
	rank  float64         // larger wins a contested spot
	alts  []fyne.Position // other places, tried in order when pos is taken
}

func (b labelBox) overlaps(o labelBox) bool {
	return b.pos.X < o.pos.X+o.size.Width && o.pos.X < b.pos.X+b.size.Width &&
		b.pos.Y < o.pos.Y+o.size.Height && o.pos.Y < b.pos.Y+b.size.Height
}

// placeLabels decides which labels to show and where: larger accounts
// first, each at the first of its places (right of the bubble, then left,
// below, above) that overlaps no label already placed; a label with no
// free place is hidden (it shows on hover). It moves each box to the place
// chosen.
func placeLabels(boxes []labelBox) map[int]bool {
	order := make([]int, len(boxes))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(i, j int) bool { return boxes[order[i]].rank > boxes[order[j]].rank })
	shown := map[int]bool{}
	var placed []labelBox
	for _, k := range order {
		b := boxes[k]
		for _, at := range append([]fyne.Position{b.pos}, b.alts...) {
			b.pos = at
			free := true
			for _, p := range placed {
				if b.overlaps(p) {
					free = false
					break
				}
			}
			if free {
				placed = append(placed, b)
				shown[b.index] = true
				boxes[k].pos = at
				break
			}
		}
	}
	return shown
}

// shortName trims a label to n runes with an ellipsis.
func shortName(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
