package chart

import (
	"bytes"
	"fmt"
	"math"
	"slices"

	gochart "github.com/wcharczuk/go-chart/v2"

	"orchard/model"
)

// Format is an output format of a chart and the colours it is drawn in.
type Format struct {
	svg    bool
	colors Look
	scale  float64 // text size against the picture, 1 when zero
}

// The formats charts are saved in, on white paper.
var (
	PNG = Format{}
	SVG = Format{svg: true}
)

// IsSVG reports whether the chart is drawn as SVG text.
func (f Format) IsSVG() bool { return f.svg }

// On is the format drawn in a screen's colours (a dark or projector theme)
// rather than on white paper.
func (f Format) On(l Look) Format {
	f.colors = l
	return f
}

// Scaled is the format with its text s times larger against the picture:
// a chart on a projector reads from the back of the room.
func (f Format) Scaled(s float64) Format {
	f.scale = s
	return f
}

// dpi is the resolution go-chart sets its text at: larger text is a
// higher resolution on the same picture.
func (f Format) dpi() float64 {
	if f.scale <= 0 {
		return gochart.DefaultDPI
	}
	return gochart.DefaultDPI * f.scale
}

// look is the colours the chart is drawn in: paper unless a screen's.
func (f Format) look() Look {
	if f.colors == (Look{}) {
		return Paper
	}
	return f.colors
}

// RevenueVsTarget draws one account's revenue per period against its target,
// as PNG or SVG bytes of the given size. It returns an error when the
// account has fewer than two periods with figures.
func RevenueVsTarget(p *model.Portfolio, accountID string, f Format, width, height int) ([]byte, error) {
	a := p.Account(accountID)
	if a == nil {
		return nil, fmt.Errorf("no account %s", accountID)
	}
	periods, target, actual := revenueSeries(p, accountID)
	if len(periods) < 2 {
		return nil, fmt.Errorf("%s has revenue figures for %d period(s); a chart needs two or more", a.Name, len(periods))
	}
	xs := make([]float64, len(periods))
	ticks := make([]gochart.Tick, len(periods))
	for i, per := range periods {
		xs[i] = float64(i)
		ticks[i] = gochart.Tick{Value: float64(i), Label: per}
	}
	money := func(v interface{}) string {
		f, _ := v.(float64)
		return axisMoney(f)
	}
	line := func(name string, ys []float64, c gochart.Style) gochart.ContinuousSeries {
		return gochart.ContinuousSeries{Name: name, XValues: xs, YValues: ys, Style: c}
	}
	title := fmt.Sprintf("%s: actual revenue (green) vs target (dashed), %s per period", a.Name, a.Currency)
	ch := gochart.Chart{
		DPI: f.dpi(),
		// The title names both lines, so no small legend is needed.
		Title:      title,
		TitleStyle: titleStyle(f, title, width, 16),
		Width:      width,
		Height:     height,
		Background: paper(gochart.Box{Top: 50, Left: 20, Right: 30, Bottom: 20}, f), Canvas: paper(gochart.Box{}, f),
		XAxis: gochart.XAxis{Ticks: ticks, Style: gochart.Style{FontSize: 11, FontColor: dc(f.look().Ink)}},
		// Revenue is measured from zero, so the lines' heights compare.
		YAxis: gochart.YAxis{ValueFormatter: money, Style: gochart.Style{FontSize: 12, FontColor: dc(f.look().Ink)},
			Range:          &gochart.ContinuousRange{Min: 0, Max: math.Max(1, 1.1*math.Max(slices.Max(target), slices.Max(actual)))},
			GridMajorStyle: gochart.Style{StrokeColor: dc(f.look().Rule), StrokeWidth: 0.5}},
		Series: []gochart.Series{
			line("Target", target, gochart.Style{StrokeColor: dc(f.look().Muted), StrokeWidth: 3, StrokeDashArray: []float64{8, 6}}),
			line("Actual", actual, gochart.Style{StrokeColor: dc(Green), StrokeWidth: 4, DotColor: dc(Green), DotWidth: 5}),
		},
	}
	var buf bytes.Buffer
	render := gochart.PNG
	if f.IsSVG() {
		render = safeSVG
	}
	if err := ch.Render(render, &buf); err != nil {
		return nil, fmt.Errorf("drawing the revenue chart of %s: %w", a.Name, err)
	}
	return buf.Bytes(), nil
}

// revenueSeries lines up targets and actuals by period, oldest first.
func revenueSeries(p *model.Portfolio, accountID string) (periods []string, target, actual []float64) {
	for _, r := range p.PlanVsActual(accountID) {
		periods = append(periods, r.Period)
		target = append(target, r.Target.Major())
		actual = append(actual, r.Actual.Major())
	}
	return periods, target, actual
}

// axisMoney labels an amount axis with enough digits to tell ticks apart.
func axisMoney(v float64) string {
	switch {
	case v >= 1e6 || v <= -1e6:
		return fmt.Sprintf("%.2fM", v/1e6)
	case v >= 1e3 || v <= -1e3:
		return fmt.Sprintf("%.0fk", v/1e3)
	}
	return fmt.Sprintf("%.0f", v)
}
