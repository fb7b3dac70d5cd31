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

// ActionsChart stacks each owner's actions by status.
func ActionsChart(p *model.Portfolio, accountID string, f Format, width, height int) ([]byte, error) {
	a := p.Account(accountID)
	title := a.Name + ": actions by owner and status"
	actions := p.Actions(accountID)
	if len(actions) == 0 {
		return NoData(title, "the plan has no actions", f, width, height)
	}
	byOwner := map[string]map[model.Status]int{}
	for _, x := range actions {
		owner := "Unassigned"
		if m, ok := p.Get(model.KindTeamMember, x.OwnerID).(*model.TeamMember); ok {
			owner = m.Name
		}
		if byOwner[owner] == nil {
			byOwner[owner] = map[model.Status]int{}
		}
		byOwner[owner][x.Status]++
	}
	owners := sortedKeys(byOwner)
	colors := map[model.Status]drawing.Color{model.StatusPlanned: dc(Grey), model.StatusInProgress: dc(Blue),
		model.StatusBlocked: dc(Orange), model.StatusDone: dc(Green), model.StatusNotImplemented: dc(Red)}
	var bars []gochart.StackedBar
	for _, o := range owners {
		bar := gochart.StackedBar{Name: o}
		for _, s := range model.Statuses {
			if n := byOwner[o][s]; n > 0 {
				bar.Values = append(bar.Values, segment(s.Label(), n, colors[s], dc(mapPaper), f))
			}
		}
		bars = append(bars, bar)
	}
	return stackedChart(title, width, height, 30, bars, f)
}

// CoverageChart stacks the stakeholders of each buying role by how well
// our team knows them; the customer-safe chart says only whether we work
// with them, not how strongly.
func CoverageChart(p *model.Portfolio, accountID string, f Format, width, height int, safe bool) ([]byte, error) {
	a := p.Account(accountID)
	title := a.Name + ": stakeholders by buying role and our relationship"
	if safe {
		title = a.Name + ": the people we work with, by buying role"
	}
	people := p.Stakeholders(accountID)
	if len(people) == 0 {
		return NoData(title, "nobody on the customer's side is mapped", f, width, height)
	}
	best := map[string]model.Strength{}
	for _, e := range p.OfAccount(model.KindCoverage, accountID) {
		c := e.(*model.Coverage)
		best[c.StakeholderID] = max(best[c.StakeholderID], c.Strength)
	}
	byRole := map[string]map[model.Strength]int{}
	for _, s := range people {
		role := strings.ReplaceAll(string(s.Role), "_", " ")
		if role == "" {
			role = "role unknown"
		}
		if byRole[role] == nil {
			byRole[role] = map[model.Strength]int{}
		}
		byRole[role][best[s.ID]]++
	}
	roles := sortedKeys(byRole)
	colors := []drawing.Color{dc(Red), dc(Orange), {R: 0xfd, G: 0xd8, B: 0x35, A: 255}, dc(Blue), dc(Green)}
	var bars []gochart.StackedBar
	for _, r := range roles {
		bar := gochart.StackedBar{Name: r}
		if safe {
			known := 0
			for st := model.StrengthVendor; st <= model.StrengthTrustedAdvisor; st++ {
				known += byRole[r][st]
			}
			for _, part := range []struct {
				label string
				n     int
				col   drawing.Color
			}{{"working with us", known, dc(Green)}, {"not yet", byRole[r][model.StrengthNone], dc(Grey)}} {
				if part.n > 0 {
					bar.Values = append(bar.Values, segment(part.label, part.n, part.col, dc(mapPaper), f))
				}
			}
			bars = append(bars, bar)
			continue
		}
		for st := model.StrengthNone; st <= model.StrengthTrustedAdvisor; st++ {
			if n := byRole[r][st]; n > 0 {
				bar.Values = append(bar.Values, segment(st.String(), n, colors[st], dc(Ink), f))
			}
		}
		bars = append(bars, bar)
	}
	return stackedChart(title, width, height, 20, bars, f)
}

// ImpactChart sets expected against actual impact per customer goal.
func ImpactChart(p *model.Portfolio, accountID string, f Format, width, height int, safe bool) ([]byte, error) {
	a := p.Account(accountID)
	title := a.Name + ": expected (grey) and actual (green) impact by customer goal, " + a.Currency
	type sums struct{ exp, act float64 }
	by := map[string]*sums{}
	for _, x := range p.Actions(accountID) {
		name := "No goal"
		if g, ok := p.Get(model.KindGoal, x.GoalID).(*model.Goal); ok {
			if safe && g.Internal {
				continue
			}
			name = g.Title
		}
		if by[name] == nil {
			by[name] = &sums{}
		}
		by[name].exp += x.ExpectedImpact.Major()
		if x.Status == model.StatusDone {
			by[name].act += x.ActualImpact.Major()
		}
	}
	if len(by) == 0 {
		return NoData(title, "no action has an expected impact yet", f, width, height)
	}
	var names []string
	for n := range by {
		names = append(names, n)
	}
	sort.Strings(names)
	var bars []gochart.Value
	top := 0.0
	for _, n := range names {
		top = math.Max(top, math.Max(by[n].exp, by[n].act))
	}
	for _, n := range names {
		short := n
		if r := []rune(n); len(r) > 22 {
			short = string(r[:21]) + "…"
		}
		bars = append(bars,
			gochart.Value{Label: short + " · expected", Value: by[n].exp, Style: gochart.Style{FillColor: dc(Grey), StrokeColor: dc(Grey)}},
			gochart.Value{Label: "actual", Value: by[n].act, Style: gochart.Style{FillColor: dc(Green), StrokeColor: dc(Green)}})
	}
	c := gochart.BarChart{Title: title, DPI: f.dpi(), TitleStyle: titleStyle(f, title, width, 20), Width: width, Height: height, BarWidth: 50,
		UseBaseValue: true, BaseValue: 0,
		Background: paper(gochart.Box{Top: 50, Left: 20, Right: 20, Bottom: 20}, f), Canvas: paper(gochart.Box{}, f),
		XAxis: axisStyle(f), YAxis: gochart.YAxis{Style: axisStyle(f), Range: &gochart.ContinuousRange{Min: 0, Max: math.Max(top*1.1, 1)},
			ValueFormatter: func(v interface{}) string { x, _ := v.(float64); return axisMoney(x) }},
		Bars: bars}
	return renderBars(c, f)
}

// ScorecardChart draws the customer's average score per criterion at each
// scoring, with each line named at its end.
func ScorecardChart(p *model.Portfolio, accountID string, f Format, width, height int) ([]byte, error) {
	a := p.Account(accountID)
	title := a.Name + ": how the customer scores us (1–10) per criterion"
	var cards []*model.Scorecard
	for _, e := range p.OfAccount(model.KindScorecard, accountID) {
		cards = append(cards, e.(*model.Scorecard))
	}
	trend := model.ScoreTrendOf(cards)
	dates := trend.Dates
	if len(dates) < 2 {
		return NoData(title, "a trend needs two scorings or more", f, width, height)
	}
	palette := []drawing.Color{dc(Green), dc(Blue), dc(Orange), dc(Red), dc(Grey), {R: 0x6a, G: 0x1b, B: 0x9a, A: 255}}
	var series []gochart.Series
	var ends []gochart.Value2
	for i, crit := range p.Settings.Criteria {
		var xs, ys []float64
		for j, d := range dates {
			if v, ok := trend.Avg[d][crit]; ok {
				xs, ys = append(xs, float64(j)), append(ys, v)
			}
		}
		if len(xs) == 0 {
			continue
		}
		col := palette[i%len(palette)]
		series = append(series, gochart.ContinuousSeries{Name: crit, XValues: xs, YValues: ys,
			Style: gochart.Style{StrokeColor: col, StrokeWidth: 4, DotColor: col, DotWidth: 5}})
		ends = append(ends, gochart.Value2{XValue: xs[len(xs)-1], YValue: ys[len(ys)-1], Label: crit})
	}
	series = append(series, spreadLabels{gochart.AnnotationSeries{Annotations: ends, Style: gochart.Style{FontSize: 12, FontColor: dc(f.look().Ink), StrokeColor: dc(f.look().Muted), FillColor: dc(f.look().Paper)}}})
	var ticks []gochart.Tick
	for j, d := range dates {
		ticks = append(ticks, gochart.Tick{Value: float64(j), Label: d.Format("Jan 2006")})
	}
	c := gochart.Chart{Title: title, DPI: f.dpi(), TitleStyle: titleStyle(f, title, width, 20), Width: width, Height: height,
		Background: paper(gochart.Box{Top: 50, Left: 20, Right: 120, Bottom: 20}, f), Canvas: paper(gochart.Box{}, f),
		XAxis:  gochart.XAxis{Ticks: ticks, Style: axisStyle(f)},
		YAxis:  gochart.YAxis{Style: axisStyle(f), Ticks: scoreTicks()},
		Series: series}
	return render(c, f)
}

func scoreTicks() []gochart.Tick {
	var t []gochart.Tick
	for v := 1; v <= 10; v++ {
		t = append(t, gochart.Tick{Value: float64(v), Label: fmt.Sprint(v)})
	}
	return t
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
