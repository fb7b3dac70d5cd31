package chart

import (
	"bytes"
	"fmt"

	gochart "github.com/wcharczuk/go-chart/v2"

	"orchard/model"
)

// ParetoHeadline says in one sentence how concentrated revenue is.
func ParetoHeadline(p model.Pareto) string {
	if len(p.Rows) == 0 || p.Total <= 0 {
		return "No revenue to rank yet."
	}
	return fmt.Sprintf("%d of %d accounts (%.0f %%) bring 80 %% of revenue (%s %s in all)",
		p.AccountsFor80, len(p.Rows), p.ShareOfAccounts, model.MoneyFromMajor(p.Total).String(), p.Currency)
}

// ParetoChart draws accounts ranked by revenue as bars with the cumulative
// share as a line against the 80 % mark.
func ParetoChart(p model.Pareto, f Format, width, height int) ([]byte, error) {
	out, _, err := ParetoPlot(p, f, width, height)
	return out, err
}

// Plot is where a chart's plot area lies in its picture, in pixels.
type Plot struct{ Left, Top, Right, Bottom int }

// BarAt is the index of the Pareto bar under picture pixel x, or -1.
func (b Plot) BarAt(x float64, bars int) int {
	if bars == 0 || b.Right <= b.Left || x < float64(b.Left) || x >= float64(b.Right) {
		return -1
	}
	// The axis runs from 0.5 to bars+0.5, one bar per unit.
	i := int((x - float64(b.Left)) / float64(b.Right-b.Left) * float64(bars))
	return min(i, bars-1)
}

// ParetoPlot draws the Pareto chart and says where its plot area lies, so
// a click on the picture can find the bar under it.
func ParetoPlot(p model.Pareto, f Format, width, height int) ([]byte, Plot, error) {
	var plot Plot
	if len(p.Rows) < 2 {
		return nil, plot, fmt.Errorf("a Pareto chart needs two or more accounts with revenue in %s (found %d)", p.Currency, len(p.Rows))
	}
	n := len(p.Rows)
	xs, revenue, cum, mark := make([]float64, n), make([]float64, n), make([]float64, n), make([]float64, n)
	step := max(1, n/12)
	var ticks []gochart.Tick
	for i, r := range p.Rows {
		xs[i], revenue[i], cum[i], mark[i] = float64(i+1), r.Revenue, r.Cumulative, 80
		if i%step == 0 || i == n-1 {
			// The bars are named: rank and the account's name, short.
			label := fmt.Sprint(i + 1)
			if r.Account != nil {
				label = fmt.Sprintf("%d %s", i+1, shortName(r.Account.Name, 12))
			}
			ticks = append(ticks, gochart.Tick{Value: float64(i + 1), Label: label})
		}
	}
	ch := gochart.Chart{
		DPI:        f.dpi(),
		Title:      ParetoHeadline(p),
		TitleStyle: titleStyle(f, ParetoHeadline(p), width, 15),
		Width:      width,
		Height:     height,
		Background: paper(gochart.Box{Top: 50, Left: 60, Right: 70, Bottom: 20}, f), // room for the money labels and the last rotated name
		Canvas:     paper(gochart.Box{}, f),
		XAxis: gochart.XAxis{Name: "Accounts ranked by revenue: bars show revenue in " + p.Currency + ", the line the cumulative share", Ticks: ticks, Range: &gochart.ContinuousRange{Min: 0.5, Max: float64(n) + 0.5},
			NameStyle: gochart.Style{FontSize: 12, FontColor: dc(f.look().Ink)}, Style: gochart.Style{FontSize: 10, FontColor: dc(f.look().Ink), TextRotationDegrees: 35}},
		// Shares go on the primary axis: go-chart v2.1.2 reads the primary
		// axis's ticks when ranging the secondary one, so explicit ticks work
		// only there.
		YAxis: gochart.YAxis{Name: "Cumulative share", ValueFormatter: func(v interface{}) string { f, _ := v.(float64); return fmt.Sprintf("%.0f%%", f) },
			NameStyle: gochart.Style{FontSize: 12, FontColor: dc(f.look().Ink)}, Style: gochart.Style{FontSize: 11, FontColor: dc(f.look().Ink)},
			Ticks: []gochart.Tick{{Value: 0, Label: "0%"}, {Value: 20, Label: "20%"}, {Value: 40, Label: "40%"},
				{Value: 60, Label: "60%"}, {Value: 80, Label: "80%"}, {Value: 100, Label: "100%"}}},
		YAxisSecondary: gochart.YAxis{ValueFormatter: func(v interface{}) string { f, _ := v.(float64); return axisMoney(f) },
			NameStyle: gochart.Style{FontSize: 12, FontColor: dc(f.look().Ink)}, Style: gochart.Style{FontSize: 11, FontColor: dc(f.look().Ink)},
			Range: &gochart.ContinuousRange{Min: 0, Max: revenue[0] * 1.05}},
		Series: []gochart.Series{
			gochart.HistogramSeries{Name: "Revenue", YAxis: gochart.YAxisSecondary, InnerSeries: gochart.ContinuousSeries{XValues: xs, YValues: revenue},
				Style: gochart.Style{FillColor: dc(Blue), StrokeColor: dc(Blue), StrokeWidth: 1}},
			gochart.ContinuousSeries{Name: "Cumulative share", XValues: xs, YValues: cum,
				Style: gochart.Style{StrokeColor: dc(Green), StrokeWidth: 4, DotColor: dc(Green), DotWidth: 3}},
			gochart.ContinuousSeries{Name: "80 %", XValues: xs, YValues: mark,
				Style: gochart.Style{StrokeColor: dc(Red), StrokeWidth: 2, StrokeDashArray: []float64{8, 6}}},
		},
	}
	ch.Elements = []gochart.Renderable{func(_ gochart.Renderer, box gochart.Box, _ gochart.Style) {
		plot = Plot{Left: box.Left, Top: box.Top, Right: box.Right, Bottom: box.Bottom}
	}}
	var buf bytes.Buffer
	render := gochart.PNG
	if f.IsSVG() {
		render = safeSVG
	}
	if err := ch.Render(render, &buf); err != nil {
		return nil, plot, fmt.Errorf("drawing the Pareto chart: %w", err)
	}
	return buf.Bytes(), plot, nil
}

// shortName cuts a name to at most n characters, marking the cut.
func shortName(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
