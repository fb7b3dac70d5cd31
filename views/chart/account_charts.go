package chart

import (
	"fmt"
	"math"
	"sort"
	"strings"

	gochart "github.com/wcharczuk/go-chart/v2"
	"github.com/wcharczuk/go-chart/v2/drawing"

	"orchard/model"
)

// The charts of one account: its actions by owner, who we work with, what
// our actions delivered and how the customer scores us.

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
