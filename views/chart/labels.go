package chart

import (
	"sort"

	gochart "github.com/wcharczuk/go-chart/v2"
)

// spreadLabels is an annotation series whose labels never cover each
// other: a label that would sit on one already placed moves below it (or
// above, near the bottom) and keeps a thin leader line to its point.
type spreadLabels struct {
	gochart.AnnotationSeries
}

// Render draws the labels, spread apart.
func (s spreadLabels) Render(r gochart.Renderer, canvasBox gochart.Box, xrange, yrange gochart.Range, defaults gochart.Style) {
	if s.Style.Hidden || len(s.Annotations) == 0 {
		return
	}
	base := s.Style.InheritFrom(gochart.Style{FontColor: gochart.DefaultTextColor, Font: defaults.Font,
		FillColor: gochart.DefaultAnnotationFillColor, FontSize: gochart.DefaultAnnotationFontSize,
		StrokeColor: defaults.StrokeColor, StrokeWidth: defaults.StrokeWidth, Padding: gochart.DefaultAnnotationPadding})
	boxes := make([]gochart.Box, len(s.Annotations))
	points := make([][2]int, len(s.Annotations))
	for i, a := range s.Annotations {
		lx := canvasBox.Left + xrange.Translate(a.XValue)
		ly := canvasBox.Bottom - yrange.Translate(a.YValue)
		points[i] = [2]int{lx, ly}
		boxes[i] = gochart.Draw.MeasureAnnotation(r, canvasBox, a.Style.InheritFrom(base), lx, ly, a.Label)
	}
	ys := spread(boxes, canvasBox.Top, canvasBox.Bottom)
	for i, a := range s.Annotations {
		style := a.Style.InheritFrom(base)
		lx, ly := points[i][0], points[i][1]
		if ys[i] != ly {
			r.SetStrokeColor(style.StrokeColor)
			r.SetStrokeWidth(1)
			r.MoveTo(lx, ly)
			r.LineTo(lx, ys[i])
			r.Stroke()
		}
		gochart.Draw.Annotation(r, canvasBox, style, lx, ys[i], a.Label)
	}
}

// spread gives each label box a vertical centre so that no two overlap:
// labels are placed top first, each moving down past any it would cover,
// or up when that would take it below the bottom. It returns the centres.
func spread(boxes []gochart.Box, top, bottom int) []int {
	order := make([]int, len(boxes))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return boxes[order[a]].Top < boxes[order[b]].Top })
	out := make([]int, len(boxes))
	var placed []gochart.Box
	overlaps := func(a, b gochart.Box) bool {
		return a.Left < b.Right && b.Left < a.Right && a.Top < b.Bottom && b.Top < a.Bottom
	}
	at := func(b gochart.Box, y int) gochart.Box {
		h := b.Bottom - b.Top
		b.Top = y - h/2
		b.Bottom = b.Top + h
		return b
	}
	for _, i := range order {
		b := boxes[i]
		h := b.Bottom - b.Top
		y := (b.Top + b.Bottom) / 2
		down := true
		for tries := 0; tries < 4*len(boxes)+4; tries++ {
			hit := -1
			for k, p := range placed {
				if overlaps(at(b, y), p) {
					hit = k
					break
				}
			}
			if hit < 0 {
				break
			}
			if down {
				y = placed[hit].Bottom + h/2 + 1
				if y+h/2 > bottom {
					down, y = false, (b.Top+b.Bottom)/2
				}
			} else {
				y = placed[hit].Top - h/2 - 1
				if y-h/2 < top {
					break // nowhere free: leave it where it was
				}
			}
		}
		out[i] = y
		placed = append(placed, at(b, y))
	}
	return out
}

// titleFits is the largest font size, at most size and at least 10, at
// which title fits across a chart width wide with a margin each side, so
// no title is cut off at either edge (go-chart centres titles and never
// wraps them).
func titleFits(title string, width int, size, dpi float64) float64 {
	font, err := gochart.GetDefaultFont()
	if err != nil {
		return size
	}
	r, err := gochart.PNG(width, 10) // measured as the chart draws it
	if err != nil {
		return size
	}
	r.SetDPI(dpi)
	r.SetFont(font)
	room := width - 40
	for ; size > 10; size -= 0.5 {
		r.SetFontSize(size)
		if r.MeasureText(title).Width() <= room {
			break
		}
	}
	return size
}

// titleStyle is a chart title's look: ink colour, as large as fits.
func titleStyle(f Format, title string, width int, size float64) gochart.Style {
	return gochart.Style{FontSize: titleFits(title, width, size, f.dpi()), FontColor: dc(f.look().Ink)}
}

// wordsFit reports whether each word, set at size and dpi, is at most
// width wide.
func wordsFit(words []string, width int, size, dpi float64) bool {
	font, err := gochart.GetDefaultFont()
	if err != nil {
		return true
	}
	r, err := gochart.PNG(width+1, 10)
	if err != nil {
		return true
	}
	r.SetDPI(dpi)
	r.SetFont(font)
	r.SetFontSize(size)
	for _, w := range words {
		if r.MeasureText(w).Width() > width {
			return false
		}
	}
	return true
}
