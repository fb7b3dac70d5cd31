package chart

import (
	"bytes"
	"fmt"
	"math"
	"slices"
	"sort"
	"strings"

	gochart "github.com/wcharczuk/go-chart/v2"
	"github.com/wcharczuk/go-chart/v2/drawing"

	"orchard/model"
)

// Names of the charts Orchard draws, as the command line knows them.
var Names = []string{"quadrant", "pareto", "revenue", "actions", "impact", "scorecard", "coverage"}

// Render draws a named chart for an account (the quadrant and Pareto are
// of the whole portfolio). A chart without data says "no data yet". The
// customer-safe drawing leaves out internal goals.
func Render(p *model.Portfolio, name, accountID string, f Format, width, height int, safe bool) ([]byte, error) {
	a := p.Account(accountID)
	if a == nil && name != "quadrant" && name != "pareto" {
		return nil, fmt.Errorf("no account %s", accountID)
	}
	if !slices.Contains(Names, name) {
		return nil, fmt.Errorf("no chart named %q (charts: %s)", name, strings.Join(Names, ", "))
	}
	out, err := drawNamed(p, name, accountID, f, width, height, safe)
	// Larger text (a projector) that leaves the chart no room is made
	// smaller step by step, down to the usual size.
	for err != nil && f.scale > 1 {
		f.scale = max(1, f.scale-0.2)
		out, err = drawNamed(p, name, accountID, f, width, height, safe)
	}
	if err == nil {
		return out, nil
	}
	// A chart the library cannot lay out says why in words, in the
	// chart's place, instead of its error text.
	title := titles[name]
	if a != nil && name != "pareto" && name != "quadrant" {
		title = a.Name + ": " + title
	}
	why := plainChartError(err)
	if name == "pareto" || name == "revenue" {
		why = err.Error() // these say in words what they lack
	}
	return NoData(title, why, f, width, height)
}

// drawNamed draws one named chart, or says why it cannot.
func drawNamed(p *model.Portfolio, name, accountID string, f Format, width, height int, safe bool) ([]byte, error) {
	switch name {
	case "quadrant":
		return QuadrantChart(p, accountID, f, width, height)
	case "pareto":
		par := model.BuildPareto(p.Accounts(), p.Settings.Rates.Base, p.Settings.Rates)
		return ParetoChart(par, f, width, height)
	case "revenue":
		return RevenueVsTarget(p, accountID, f, width, height)
	case "actions":
		return ActionsChart(p, accountID, f, width, height)
	case "impact":
		return ImpactChart(p, accountID, f, width, height, safe)
	case "scorecard":
		return ScorecardChart(p, accountID, f, width, height)
	}
	return CoverageChart(p, accountID, f, width, height, safe)
}

// titles name the charts when one cannot be drawn.
var titles = map[string]string{"quadrant": "relationship and revenue", "pareto": "Pareto of the portfolio",
	"revenue": "revenue against target", "actions": "actions by owner", "impact": "what our actions delivered",
	"scorecard": "customer scorecard", "coverage": "who we work with"}

// plainChartError says in words why a chart could not be drawn.
func plainChartError(err error) string {
	msg := err.Error()
	switch {
	case strings.Contains(msg, "invalid canvas box"), strings.Contains(msg, "invalid range"):
		return "Its labels do not fit at this size. Save it as PNG at 2× to see it whole."
	case strings.Contains(msg, "zero") || strings.Contains(msg, "no data"):
		return "There is nothing to show yet."
	}
	return "It could not be drawn from these figures."
}

func provider(f Format) gochart.RendererProvider {
	if f.IsSVG() {
		return safeSVG
	}
	return gochart.PNG
}

// NoData draws a titled chart area that says there is nothing to show yet.
func NoData(title, why string, f Format, width, height int) ([]byte, error) {
	r, err := onPaper(provider(f), f)(width, height)
	if err != nil {
		return nil, err
	}
	font, err := gochart.GetDefaultFont()
	if err != nil {
		return nil, err
	}
	r.SetDPI(f.dpi())
	r.SetFont(font)
	r.SetFontColor(dc(f.look().Ink))
	r.SetFontSize(18)
	r.Text(title, 30, 50)
	r.SetFontColor(dc(f.look().Muted))
	r.SetFontSize(16)
	r.Text("No data yet", 30, height/2)
	r.SetFontSize(12)
	r.Text(why, 30, height/2+28)
	var buf bytes.Buffer
	if err := r.Save(&buf); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

func render(c gochart.Chart, f Format) ([]byte, error) {
	var buf bytes.Buffer
	if err := c.Render(provider(f), &buf); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// renderStacked draws a stacked bar chart with bars as wide as the chart
// allows, so their names fit below them.
func renderStacked(c gochart.StackedBarChart, f Format) ([]byte, error) {
	if n := len(c.Bars); n > 0 {
		w := (c.Width-120)/n - c.BarSpacing
		w = max(60, min(w, 160))
		for i := range c.Bars {
			c.Bars[i].Width = w
		}
	}
	var buf bytes.Buffer
	if err := c.Render(onPaper(provider(f), f), &buf); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// onPaper fills the picture with the paper colour before the chart draws:
// go-chart's stacked bars leave their background transparent, which shows
// as a white or black block depending on the viewer.
func onPaper(rp gochart.RendererProvider, f Format) gochart.RendererProvider {
	return func(width, height int) (gochart.Renderer, error) {
		r, err := rp(width, height)
		if err != nil {
			return nil, err
		}
		r.SetFillColor(dc(f.look().Paper))
		r.MoveTo(0, 0)
		r.LineTo(width, 0)
		r.LineTo(width, height)
		r.LineTo(0, height)
		r.Close()
		r.Fill()
		return r, nil
	}
}

func renderBars(c gochart.BarChart, f Format) ([]byte, error) {
	var buf bytes.Buffer
	if err := c.Render(provider(f), &buf); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

func axisStyle(f Format) gochart.Style {
	return gochart.Style{FontSize: 14, FontColor: dc(f.look().Ink), StrokeColor: dc(f.look().Muted), StrokeWidth: 2}
}

var priorityColors = map[model.Priority]drawing.Color{
	model.PriorityFirst: dc(Green), model.PrioritySecond: dc(Blue), model.PriorityThird: dc(Orange), model.PriorityFourth: dc(Grey),
}

// QuadrantChart draws the portfolio quadrant: relationship across, value
// up, bubbles sized by revenue and coloured by priority, the largest named.
// The account given (if any) is named whatever its size.
func QuadrantChart(p *model.Portfolio, highlight string, f Format, width, height int) ([]byte, error) {
	w := p.Settings.Weights
	rates := p.Settings.Rates
	type pt struct {
		a    *model.Account
		x, y float64
		rev  float64
		prio model.Priority
	}
	var pts []pt
	largest := 0.0
	for _, a := range p.Accounts() {
		x, y, ok := a.Position(w)
		if !ok {
			continue
		}
		rev := 0.0
		if r, ok := rates.Between(a.Currency, rates.Base); ok {
			rev = a.Revenue.Major() * r
		}
		largest = math.Max(largest, rev)
		pts = append(pts, pt{a, x, y, rev, a.EffectivePriority(w)})
	}
	title := "Portfolio: relationship strength (across) and potential value (up)"
	if len(pts) == 0 {
		return NoData(title, "no account is assessed yet", f, width, height)
	}
	var series []gochart.Series
	for _, prio := range []model.Priority{model.PriorityFourth, model.PriorityThird, model.PrioritySecond, model.PriorityFirst} {
		var xs, ys, sizes []float64
		for _, q := range pts {
			if q.prio == prio {
				xs, ys = append(xs, q.x), append(ys, q.y)
				sizes = append(sizes, 4+22*math.Sqrt(q.rev/math.Max(largest, 1)))
			}
		}
		if len(xs) == 0 {
			continue
		}
		col := priorityColors[prio]
		col.A = 0xc0
		sz := sizes
		series = append(series, gochart.ContinuousSeries{Name: prio.String(), XValues: xs, YValues: ys,
			Style: gochart.Style{StrokeWidth: gochart.Disabled, DotColor: col,
				DotWidthProvider: func(_, _ gochart.Range, i int, _, _ float64) float64 { return sz[i] }}})
	}
	mid := gochart.Style{StrokeColor: dc(f.look().Muted), StrokeWidth: 2, StrokeDashArray: []float64{6, 4}}
	series = append(series,
		gochart.ContinuousSeries{XValues: []float64{50, 50}, YValues: []float64{0, 100}, Style: mid},
		gochart.ContinuousSeries{XValues: []float64{0, 100}, YValues: []float64{50, 50}, Style: mid})
	sort.SliceStable(pts, func(i, j int) bool { return pts[i].rev > pts[j].rev })
	var labels []gochart.Value2
	for i, q := range pts {
		if i < 12 || q.a.ID == highlight {
			labels = append(labels, gochart.Value2{XValue: q.x, YValue: q.y, Label: q.a.Name})
		}
	}
	series = append(series, spreadLabels{gochart.AnnotationSeries{Annotations: labels,
		Style: gochart.Style{FontSize: 12, FontColor: dc(f.look().Ink), StrokeColor: dc(f.look().Muted), FillColor: dc(withAlpha(f.look().Paper, 220))}}})
	ticks := []gochart.Tick{{Value: 0, Label: "weak"}, {Value: 50, Label: ""}, {Value: 100, Label: "strong"}}
	vticks := []gochart.Tick{{Value: 0, Label: "low"}, {Value: 50, Label: ""}, {Value: 100, Label: "high"}}
	title += " — top right is the sweet spot"
	c := gochart.Chart{Title: title, DPI: f.dpi(), TitleStyle: titleStyle(f, title, width, 20), Width: width, Height: height,
		Background: paper(gochart.Box{Top: 50, Left: 20, Right: 30, Bottom: 20}, f), Canvas: paper(gochart.Box{}, f),
		XAxis:  gochart.XAxis{Ticks: ticks, Style: axisStyle(f), Range: &gochart.ContinuousRange{Min: -6, Max: 106}},  // room for bubbles on the edge
		YAxis:  gochart.YAxis{Ticks: vticks, Style: axisStyle(f), Range: &gochart.ContinuousRange{Min: -6, Max: 106}}, // room for bubbles on the edge
		Series: series}
	return render(c, f)
}

// paper is the padded chart area: white for files, the screen's own
// background on screen.
func paper(pad gochart.Box, f Format) gochart.Style {
	return gochart.Style{Padding: pad, FillColor: dc(f.look().Paper)}
}

// segment is one part of a stacked bar: n items of one kind, labelled
// with their name and count.
func segment(label string, n int, fill, text drawing.Color, f Format) gochart.Value {
	return gochart.Value{Label: fmt.Sprintf("%s %d", label, n), Value: float64(n),
		Style: gochart.Style{FillColor: fill, StrokeColor: dc(f.look().Paper), FontColor: text, FontSize: 12}}
}

// stackedChart draws stacked bars on the charts' paper and axes.
func stackedChart(title string, width, height, spacing int, bars []gochart.StackedBar, f Format) ([]byte, error) {
	// Larger text may not break a bar's name inside a word: the text is
	// made smaller until every word of every name fits its bar.
	if n := len(bars); n > 0 {
		barW := max(60, min((width-120)/n-spacing, 160))
		var words []string
		for _, b := range bars {
			words = append(words, strings.Fields(b.Name)...)
		}
		for f.scale > 1 && !wordsFit(words, barW-6, 14, f.dpi()) {
			f.scale = max(1, f.scale-0.1)
		}
	}
	c := gochart.StackedBarChart{Title: title, DPI: f.dpi(), TitleStyle: titleStyle(f, title, width, 20), Width: width, Height: height,
		Background: paper(gochart.Box{Top: 50, Left: 20, Right: 20, Bottom: 20}, f), Canvas: paper(gochart.Box{}, f),
		XAxis: axisStyle(f), YAxis: axisStyle(f), BarSpacing: spacing, Bars: bars}
	return renderStacked(c, f)
}

// sortedKeys lists a map's keys in order.
func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
