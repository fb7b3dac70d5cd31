package views

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"orchard/model"
	"orchard/views/chart"
)

// Read-only overviews of an account's plan, people, actions and review.
// The dedicated editors replace them screen by screen.

func heading(text string) *widget.Label {
	return widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
}

// para is a wrapping paragraph of body text.
func para(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	return l
}

func dateOr(t time.Time, none string) string {
	if t.IsZero() {
		return none
	}
	return t.Format("2 Jan 2006")
}

// currentCycle is the cycle that contains today, else the latest one.
func currentCycle(p *model.Portfolio, accountID string, today time.Time) *model.Cycle {
	var best *model.Cycle
	for _, e := range p.OfAccount(model.KindCycle, accountID) {
		c := e.(*model.Cycle)
		if !today.Before(c.Start) && !today.After(c.End) {
			return c
		}
		if best == nil || c.Start.After(best.Start) {
			best = c
		}
	}
	return best
}

func lastReview(p *model.Portfolio, accountID string) *model.ReviewMeeting {
	var last *model.ReviewMeeting
	for _, e := range p.OfAccount(model.KindReview, accountID) {
		r := e.(*model.ReviewMeeting)
		if last == nil || r.Date.After(last.Date) {
			last = r
		}
	}
	return last
}

// planSummary is the header every account screen shows.
func planSummary(p *model.Portfolio, a *model.Account, today time.Time) fyne.CanvasObject {
	ev := a.Assess(p.Settings.Weights)
	lines := []string{
		fmt.Sprintf("Objective: %s · Priority: %s · Revenue %s", orDash(a.Objective.Label()), ev.Priority, a.Revenue.Format(a.Currency)),
	}
	if c := currentCycle(p, a.ID, today); c != nil {
		lines = append(lines, fmt.Sprintf("%s targets: revenue %s, margin %s", c.Name, c.RevenueTarget.Format(a.Currency), c.MarginTarget.Format(a.Currency)))
		if c.CustomerWants != "" {
			lines = append(lines, "What the customer wants this year: "+c.CustomerWants)
		}
	}
	if r := lastReview(p, a.ID); r != nil {
		lines = append(lines, fmt.Sprintf("Last review with the customer: %s · next: %s", dateOr(r.Date, "—"), dateOr(r.NextDate, "not set")))
	} else {
		lines = append(lines, "Never reviewed with the customer")
	}
	return widget.NewCard(a.Name, "", para(strings.Join(lines, "\n")))
}

func orDash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}

func planOverview(p *model.Portfolio, a *model.Account, today time.Time) fyne.CanvasObject {
	box := container.NewVBox(planSummary(p, a, today), heading("Customer goals and initiatives"))
	goals := p.Goals(a.ID)
	if len(goals) == 0 {
		box.Add(para("No customer goals yet."))
	}
	actions := p.Actions(a.ID)
	for _, g := range goals {
		done, total := 0, 0
		for _, x := range actions {
			if x.GoalID == g.ID {
				total++
				if x.Status == model.StatusDone {
					done++
				}
			}
		}
		text := fmt.Sprintf("%s — measured by %s, target %s · actions %d/%d done", g.Title, orDash(g.Measure), dateOr(g.TargetDate, "open"), done, total)
		box.Add(widget.NewLabelWithStyle("• "+text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
		for _, e := range p.OfAccount(model.KindInitiative, a.ID) {
			in := e.(*model.Initiative)
			if in.GoalID != g.ID {
				continue
			}
			owner := "no owner"
			if s, ok := p.Get(model.KindStakeholder, in.OwnerID).(*model.Stakeholder); ok {
				owner = s.Name
			}
			box.Add(para(fmt.Sprintf("      %s: %s (%s)", in.Department, in.Title, owner)))
		}
	}
	counts := map[model.CellState]int{}
	for _, e := range p.OfAccount(model.KindWhitespace, a.ID) {
		counts[e.(*model.WhitespaceCell).State]++
	}
	box.Add(heading("Whitespace"))
	box.Add(para(fmt.Sprintf("Sold %d · open opportunity %d · competitor %d · not relevant %d · unknown %d",
		counts[model.CellSold], counts[model.CellOpen], counts[model.CellCompetitor], counts[model.CellNotRelevant], counts[model.CellUnknown])))
	var total, weighted model.Money
	opps := p.OfAccount(model.KindOpportunity, a.ID)
	box.Add(heading(fmt.Sprintf("Opportunities (%d)", len(opps))))
	for _, e := range opps {
		o := e.(*model.Opportunity)
		total += o.Value
		weighted += o.Weighted()
		box.Add(para(fmt.Sprintf("%s · %s · %s · %d%% · closes %s", o.Name, o.Stage, o.Value.Format(o.Currency), o.Probability, dateOr(o.ExpectedClose, "—"))))
	}
	box.Add(para(fmt.Sprintf("Pipeline %s, weighted %s", total.Format(a.Currency), weighted.Format(a.Currency))))
	return container.NewVScroll(box)
}

func attitudeText(a model.Attitude) string {
	switch {
	case a > 0:
		return "▲ " + a.String()
	case a < 0:
		return "▼ " + a.String()
	}
	return "● neutral"
}

func peopleOverview(p *model.Portfolio, a *model.Account, today time.Time) fyne.CanvasObject {
	people := p.Stakeholders(a.ID)
	best := map[string]*model.Coverage{}
	for _, e := range p.OfAccount(model.KindCoverage, a.ID) {
		c := e.(*model.Coverage)
		if b := best[c.StakeholderID]; b == nil || c.Strength > b.Strength {
			best[c.StakeholderID] = c
		}
	}
	box := container.NewVBox(planSummary(p, a, today), heading(fmt.Sprintf("Stakeholders (%d)", len(people))))
	var gaps []string
	for _, s := range people {
		cov := "not covered"
		if c := best[s.ID]; c != nil {
			if m, ok := p.Get(model.KindTeamMember, c.MemberID).(*model.TeamMember); ok {
				cov = fmt.Sprintf("%s (%s)", m.Name, c.Strength)
			}
		}
		manager := ""
		if m, ok := p.Get(model.KindStakeholder, s.ReportsTo).(*model.Stakeholder); ok {
			manager = " · reports to " + m.Name
		}
		box.Add(para(fmt.Sprintf("%s — %s · %s · influence %s · %s · coverage: %s%s",
			s.Name, orDash(s.Title), roleLabel(s.Role), s.Influence, attitudeText(s.Attitude), cov, manager)))
		key := s.Role == model.RoleDecisionMaker || s.Influence == model.InfluenceHigh
		if key && (best[s.ID] == nil || best[s.ID].Strength < model.StrengthProblemSolver) {
			gaps = append(gaps, s.Name+" ("+orDash(s.Title)+")")
		}
	}
	box.Add(heading(fmt.Sprintf("Coverage gaps (%d)", len(gaps))))
	if len(gaps) == 0 {
		box.Add(para("Every decision maker and high-influence stakeholder has a strong relationship."))
	} else {
		box.Add(para("Key people without a strong relationship: " + strings.Join(gaps, ", ")))
	}
	return container.NewVScroll(box)
}

func roleLabel(r model.BuyingRole) string {
	if r == "" {
		return "role unknown"
	}
	return strings.ReplaceAll(string(r), "_", " ")
}

func initials(name string) string {
	var out []rune
	for _, f := range strings.Fields(name) {
		out = append(out, []rune(f)[0])
	}
	return strings.ToUpper(string(out))
}

func boardOverview(p *model.Portfolio, a *model.Account, today time.Time) fyne.CanvasObject {
	cols := container.NewGridWithColumns(len(model.Statuses))
	byStatus := map[model.Status][]*model.Action{}
	for _, x := range p.Actions(a.ID) {
		byStatus[x.Status] = append(byStatus[x.Status], x)
	}
	for _, st := range model.Statuses {
		col := container.NewVBox(heading(fmt.Sprintf("%s (%d)", st.Label(), len(byStatus[st]))))
		for _, x := range byStatus[st] {
			owner := "—"
			if m, ok := p.Get(model.KindTeamMember, x.OwnerID).(*model.TeamMember); ok {
				owner = initials(m.Name)
			}
			due := dateOr(x.Due, "no date")
			if x.Overdue(today) {
				due = "⚠ overdue " + due
			}
			agreed := ""
			if x.CustomerAgreed {
				agreed = " · ✓ agreed"
			}
			title := widget.NewLabelWithStyle(x.Title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
			title.Wrapping = fyne.TextWrapWord
			card := widget.NewCard("", "", container.NewVBox(title,
				para(fmt.Sprintf("%s · %s · %s%s", owner, due, x.Horizon.Label(), agreed))))
			col.Add(card)
		}
		cols.Add(col)
	}
	return container.NewBorder(planSummary(p, a, today), nil, nil, nil, container.NewVScroll(cols))
}

func reviewOverview(p *model.Portfolio, a *model.Account, today time.Time) fyne.CanvasObject {
	type pair struct{ target, actual *model.PeriodFigure }
	periods := map[string]*pair{}
	var keys []string
	for _, e := range p.OfAccount(model.KindFigure, a.ID) {
		f := e.(*model.PeriodFigure)
		pp := periods[f.Period]
		if pp == nil {
			pp = &pair{}
			periods[f.Period] = pp
			keys = append(keys, f.Period)
		}
		if f.FigureKind == model.FigureTarget {
			pp.target = f
		} else {
			pp.actual = f
		}
	}
	sort.Strings(keys)
	grid := container.NewGridWithColumns(5, heading("Period"), heading("Target"), heading("Actual"), heading("Variance"), heading("Variance %"))
	for _, k := range keys {
		pp := periods[k]
		var t, act model.Money
		if pp.target != nil {
			t = pp.target.Revenue
		}
		if pp.actual != nil {
			act = pp.actual.Revenue
		}
		pct := "—"
		if t != 0 {
			pct = fmt.Sprintf("%+.1f %%", float64(act-t)/float64(t)*100)
		}
		grid.Add(widget.NewLabel(k))
		grid.Add(widget.NewLabel(t.Format(a.Currency)))
		grid.Add(widget.NewLabel(act.Format(a.Currency)))
		grid.Add(widget.NewLabel((act - t).Format(a.Currency)))
		grid.Add(widget.NewLabel(pct))
	}
	box := container.NewVBox(planSummary(p, a, today), heading("Revenue: plan vs actual"))
	if png, err := chart.RevenueVsTarget(p, a.ID, chart.PNG, 1000, 380); err == nil {
		img := canvas.NewImageFromResource(fyne.NewStaticResource("revenue-"+a.ID+".png", png))
		img.FillMode = canvas.ImageFillContain
		img.SetMinSize(fyne.NewSize(800, 304))
		box.Add(img)
	}
	box.Add(grid)
	cards := p.OfAccount(model.KindScorecard, a.ID)
	box.Add(heading(fmt.Sprintf("Customer value scorecards (%d)", len(cards))))
	for _, e := range cards {
		sc := e.(*model.Scorecard)
		who := "unknown scorer"
		if s, ok := p.Get(model.KindStakeholder, sc.StakeholderID).(*model.Stakeholder); ok {
			who = s.Name
		}
		var parts []string
		for _, c := range p.Settings.Criteria {
			if v, ok := sc.Scores[c]; ok {
				parts = append(parts, fmt.Sprintf("%s %d", c, v))
			}
		}
		box.Add(para(fmt.Sprintf("%s by %s: %s", dateOr(sc.Date, "—"), who, strings.Join(parts, " · "))))
	}
	return container.NewVScroll(box)
}
