package sample

import (
	"fmt"
	"math"
	"time"

	"orchard/model"
)

// plan fills one account with stakeholders, team, goals, whitespace,
// opportunities, actions, figures, scorecards, a cycle and a review.
func (b *builder) plan(a *model.Account, offerings, criteria []string) {
	people := b.stakeholders(a)
	members := b.accountTeam(a, people)
	goals := b.goals(a, people)
	b.whitespace(a, offerings)
	b.opportunities(a, offerings, goals)
	b.actions(a, members, goals, people)
	b.figures(a)
	b.scorecards(a, people, criteria)
	b.cycleAndReview(a)
}

func (b *builder) stakeholders(a *model.Account) []*model.Stakeholder {
	people := make([]*model.Stakeholder, len(orgChart))
	offset := b.rng.IntN(len(firstNames))
	for i, seat := range orgChart {
		s := &model.Stakeholder{
			ID: b.id(), AccountID: a.ID,
			Name:        firstNames[(offset+i)%len(firstNames)] + " " + lastNames[(offset*3+i*7)%len(lastNames)],
			Title:       seat.title,
			Department:  seat.department,
			Role:        model.BuyingRole(seat.role),
			Influence:   model.Influence(seat.influence),
			Attitude:    model.Attitude(b.rng.IntN(5) - 2),
			Concerns:    concernFor(seat.department),
			LastContact: b.today.AddDate(0, 0, -b.rng.IntN(120)),
		}
		if seat.role == "champion" {
			s.Attitude = 2
		}
		if seat.boss >= 0 {
			s.ReportsTo = people[seat.boss].ID
		}
		people[i] = s
		b.add(s)
	}
	people[15].DottedLine = people[3].ID // quality reports dotted-line to the CIO
	people[18].DottedLine = people[2].ID
	links := [][3]int{{5, 1, 3}, {10, 3, 2}, {6, 2, 3}, {11, 4, 2}, {16, 9, 2}, {19, 2, 1}, {8, 10, 2}}
	for _, l := range links {
		b.add(&model.InfluenceLink{ID: b.id(), AccountID: a.ID, FromID: people[l[0]].ID, ToID: people[l[1]].ID,
			LinkKind: model.LinkInfluences, Strength: l[2]})
	}
	b.add(&model.InfluenceLink{ID: b.id(), AccountID: a.ID, FromID: people[4].ID, ToID: people[8].ID,
		LinkKind: model.LinkConflicts, Strength: 2})
	return people
}

func concernFor(dept string) string {
	switch dept {
	case "Finance":
		return "Cost transparency and predictable spend"
	case "IT":
		return "Integration effort and security"
	case "Operations":
		return "Uptime and delivery performance"
	case "Procurement":
		return "Vendor consolidation and price"
	}
	return "Growth and reputation"
}

func (b *builder) accountTeam(a *model.Account, people []*model.Stakeholder) []*model.TeamMember {
	n := 5 + b.rng.IntN(4)
	var members []*model.TeamMember
	for _, m := range b.team {
		if m.Name == a.Owner || (len(members) < n && m.Function != model.FunctionSales) {
			members = append(members, m)
		}
	}
	resp := map[model.Function]string{
		model.FunctionSales: "Accountable: the plan and the relationship", model.FunctionProduct: "Responsible: roadmap fit",
		model.FunctionService: "Responsible: delivery and adoption", model.FunctionMarketing: "Consulted: references and events",
		model.FunctionExecutive: "Accountable: executive sponsorship",
	}
	for _, m := range members {
		b.add(&model.TeamAssignment{ID: b.id(), AccountID: a.ID, MemberID: m.ID, Responsibility: resp[m.Function],
			Internal: m.Function == model.FunctionExecutive})
	}
	// Coverage: most key people are known by someone; a few gaps remain on purpose.
	for i, s := range people {
		if i%6 == 4 {
			continue
		}
		m := members[i%len(members)]
		b.add(&model.Coverage{ID: b.id(), AccountID: a.ID, MemberID: m.ID, StakeholderID: s.ID,
			Strength: model.Strength(1 + b.rng.IntN(4))})
	}
	return members
}

func (b *builder) goals(a *model.Account, people []*model.Stakeholder) []*model.Goal {
	var goals []*model.Goal
	for i, g := range goalSeeds[:3] {
		goal := &model.Goal{ID: b.id(), AccountID: a.ID, Title: g.title, Measure: g.measure, Order: i,
			TargetDate: b.today.AddDate(1, 0, 0)}
		goals = append(goals, goal)
		b.add(goal)
		for j := 0; j < 2; j++ {
			dept := departments[(i+j)%len(departments)]
			b.add(&model.Initiative{ID: b.id(), AccountID: a.ID, GoalID: goal.ID, Department: dept, Order: j,
				Title: fmt.Sprintf("%s programme for %s", dept, lowerFirst(g.title)), OwnerID: people[1+(i+j)%9].ID,
				Internal: i == 2 && j == 1})
		}
	}
	return goals
}

func lowerFirst(s string) string {
	if s == "" {
		return s
	}
	return string(s[0]+'a'-'A') + s[1:]
}

func (b *builder) whitespace(a *model.Account, offerings []string) {
	for i, unit := range departments[:4] {
		for j, off := range offerings {
			c := &model.WhitespaceCell{ID: b.id(), AccountID: a.ID, BusinessUnit: unit, Offering: off}
			switch (i*5 + j*3) % 7 {
			case 0, 1:
				c.State, c.Revenue = model.CellSold, model.MoneyFromMajor(float64(50+b.rng.IntN(400))*1000)
			case 2:
				c.State = model.CellOpen
			case 3:
				c.State, c.Competitor = model.CellCompetitor, "Brightline Systems"
			case 4:
				c.State = model.CellNotRelevant
			default:
				c.State = model.CellUnknown
			}
			b.add(c)
		}
	}
}

func (b *builder) opportunities(a *model.Account, offerings []string, goals []*model.Goal) {
	stages := []string{"Qualify", "Develop", "Propose", "Negotiate"}
	for i := 0; i < 5; i++ {
		b.add(&model.Opportunity{ID: b.id(), AccountID: a.ID, Name: fmt.Sprintf("%s for %s", offerings[i%len(offerings)], departments[i%4]),
			Offering: offerings[i%len(offerings)], BusinessUnit: departments[i%4], Currency: a.Currency,
			Value: model.MoneyFromMajor(float64(80+b.rng.IntN(500)) * 1000), Stage: stages[i%len(stages)],
			Probability: 20 + 15*(i%len(stages)), ExpectedClose: b.today.AddDate(0, 1+i*2, 0), GoalID: goals[i%len(goals)].ID,
			Created: b.today.AddDate(0, -2-i, 0)})
	}
}

func (b *builder) actions(a *model.Account, members []*model.TeamMember, goals []*model.Goal, people []*model.Stakeholder) {
	n := 30 + b.rng.IntN(21)
	for i := 0; i < n; i++ {
		status := model.Statuses[i%len(model.Statuses)]
		due := b.today.AddDate(0, 0, -40+b.rng.IntN(160))
		act := &model.Action{
			ID: b.id(), AccountID: a.ID, Title: actionTitles[i%len(actionTitles)],
			Description: "Agreed in the planning workshop.",
			OwnerID:     members[i%len(members)].ID, Function: members[i%len(members)].Function,
			Status: status, Due: due, GoalID: goals[i%len(goals)].ID,
			CustomerAgreed: i%3 != 1, Order: float64(i),
			ExpectedImpact: model.MoneyFromMajor(float64(5+b.rng.IntN(120)) * 1000),
		}
		if i%3 == 0 {
			// Linked people sorted by name, as the store returns them.
			x, y := people[(i/3)%len(people)], people[(i/3+7)%len(people)]
			if y.Name < x.Name {
				x, y = y, x
			}
			act.Stakeholders = []string{x.ID, y.ID}
		}
		act.Horizon = model.HorizonShort
		if i%4 == 3 {
			act.Horizon = model.HorizonLong
		}
		if status == model.StatusDone {
			act.ActualImpact = model.Money(float64(act.ExpectedImpact) * (0.4 + b.rng.Float64()*1.2))
			act.Lesson = "Early involvement of Finance made the difference."
		}
		if status == model.StatusNotImplemented {
			act.Lesson = "The customer froze budgets; agree funding before the pilot."
		}
		b.add(act)
	}
}

func (b *builder) figures(a *model.Account) {
	quarterly := a.Revenue.Major() / 4
	year, q := b.today.Year(), (int(b.today.Month())-1)/3+1
	for k := 12; k >= 1; k-- {
		y, qq := year, q-k
		for qq < 1 {
			qq += 4
			y--
		}
		period := fmt.Sprintf("%d-Q%d", y, qq)
		trend := 0.85 + 0.15*float64(12-k)/12
		target := quarterly * trend * 1.05
		actual := target * (0.88 + b.rng.Float64()*0.22)
		margin := a.MarginPct / 100
		b.add(&model.PeriodFigure{ID: b.id(), AccountID: a.ID, Period: period, FigureKind: model.FigureTarget,
			Revenue: hundreds(target), Margin: hundreds(target * margin)})
		b.add(&model.PeriodFigure{ID: b.id(), AccountID: a.ID, Period: period, FigureKind: model.FigureActual,
			Revenue: hundreds(actual), Margin: hundreds(actual * (margin - 0.02 + b.rng.Float64()*0.04))})
	}
}

// hundreds rounds a planned figure to whole hundreds, as people write them.
func hundreds(v float64) model.Money {
	return model.MoneyFromMajor(math.Round(v/100) * 100)
}

func (b *builder) scorecards(a *model.Account, people []*model.Stakeholder, criteria []string) {
	for k, when := range []time.Time{b.today.AddDate(0, -9, 0), b.today.AddDate(0, -3, 0)} {
		for _, who := range []*model.Stakeholder{people[2], people[10]} {
			sc := &model.Scorecard{ID: b.id(), AccountID: a.ID, Date: when, StakeholderID: who.ID, Scores: map[string]int{}}
			for _, c := range criteria {
				sc.Scores[c] = min(10, 5+b.rng.IntN(4)+k)
			}
			b.add(sc)
		}
	}
}

func (b *builder) cycleAndReview(a *model.Account) {
	start := time.Date(b.today.Year(), 1, 1, 0, 0, 0, 0, time.UTC)
	cy := &model.Cycle{ID: b.id(), AccountID: a.ID, Name: fmt.Sprintf("FY%d", start.Year()), Start: start,
		End: start.AddDate(1, 0, -1), RevenueTarget: model.Money(float64(a.Revenue) * 1.12),
		MarginTarget:  model.Money(float64(a.Revenue) * 1.12 * a.MarginPct / 100),
		CustomerWants: "Faster deliveries at lower cost, with data they can trust",
		Learnings:     "Decisions stall without the CFO in the room."}
	b.add(cy)
	b.add(&model.ReviewMeeting{ID: b.id(), AccountID: a.ID, CycleID: cy.ID, Date: b.today.AddDate(0, -2, 0),
		Attendees: "COO, CIO, Data & Analytics Lead; our account team", Decisions: "Go ahead with the warehouse pilot",
		NextDate: b.today.AddDate(0, 1, 0)})
}
