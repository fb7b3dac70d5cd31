package model_test

import (
	"math"
	"strings"
	"testing"
	"time"

	"orchard/model"
)

var hToday = time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC)

// healthy returns a portfolio whose account has no concern at all.
func healthy() *model.Portfolio {
	p := model.NewPortfolio()
	p.Put(&model.Account{ID: "a", Name: "Acme", Currency: "EUR", Updated: hToday.AddDate(0, 0, -5)})
	p.Put(&model.TeamMember{ID: "m", Name: "Ann"})
	for _, id := range []string{"ceo", "cfo", "cio"} {
		p.Put(&model.Stakeholder{ID: id, AccountID: "a", Name: id, Role: model.RoleDecisionMaker, Attitude: 1})
		p.Put(&model.Coverage{ID: "c" + id, AccountID: "a", MemberID: "m", StakeholderID: id, Strength: model.StrengthTrustedAdvisor})
	}
	p.Put(&model.Cycle{ID: "y", AccountID: "a", Name: "FY2026", Start: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), End: time.Date(2026, 12, 31, 0, 0, 0, 0, time.UTC)})
	for i, q := range []string{"2025-Q4", "2026-Q1", "2026-Q2", "2026-Q3"} {
		p.Put(&model.PeriodFigure{ID: "t" + q, AccountID: "a", Period: q, FigureKind: model.FigureTarget, Revenue: 100_00})
		p.Put(&model.PeriodFigure{ID: "a" + q, AccountID: "a", Period: q, FigureKind: model.FigureActual, Revenue: model.Money(100_00 + i*10_00)})
	}
	for i, d := range []time.Time{hToday.AddDate(0, -6, 0), hToday.AddDate(0, 0, -30)} {
		p.Put(&model.Scorecard{ID: "s" + string(rune('0'+i)), AccountID: "a", Date: d, Scores: map[string]int{"Quality": 9, "Value": 8 + i}})
	}
	p.Put(&model.ReviewMeeting{ID: "r", AccountID: "a", Date: hToday.AddDate(0, 0, -20)})
	p.Put(&model.Action{ID: "x", AccountID: "a", Title: "t", Status: model.StatusPlanned, Due: hToday.AddDate(0, 0, 10), CustomerAgreed: true})
	return p
}

func points(h model.Health, name string) float64 {
	for _, f := range h.Factors {
		if f.Name == name {
			return f.Points
		}
	}
	return -1
}

func TestHealth(t *testing.T) {
	h := healthy().HealthOf("a", hToday)
	if h.Score != 100 || h.AtRisk {
		t.Fatalf("a healthy account scores %v (%s)", h.Score, h.Explain())
	}
	if h.Explain() != "No concerns." {
		t.Errorf("explanation %q", h.Explain())
	}
	tests := []struct {
		name   string
		change func(p *model.Portfolio)
		factor string
		want   float64 // points lost, computed by hand from the default weights
	}{
		{"one of three key people uncovered", func(p *model.Portfolio) { p.Remove(model.KindCoverage, "ccio") }, model.FactorKeyCoverage, 20.0 / 3},
		{"one detractor in a key role", func(p *model.Portfolio) {
			s := model.Clone(p.Get(model.KindStakeholder, "cfo")).(*model.Stakeholder)
			s.Attitude = -1
			p.Put(s)
		}, model.FactorDetractors, 5},
		{"single thread", func(p *model.Portfolio) { p.Remove(model.KindCoverage, "ccio"); p.Remove(model.KindCoverage, "ccfo") }, model.FactorSingleThread, 10},
		{"scorecard dropped one point", func(p *model.Portfolio) {
			p.Put(&model.Scorecard{ID: "s1", AccountID: "a", Date: hToday.AddDate(0, 0, -30), Scores: map[string]int{"Quality": 8, "Value": 7}})
		}, model.FactorScorecardTrend, 5},
		{"half the open actions overdue", func(p *model.Portfolio) {
			p.Put(&model.Action{ID: "y", AccountID: "a", Title: "late", Status: model.StatusPlanned, Due: hToday.AddDate(0, 0, -3)})
		}, model.FactorActions, 10 * 0.5 * 1.5},
		{"10 % below target", func(p *model.Portfolio) {
			for _, q := range []string{"2026-Q1", "2026-Q2", "2026-Q3"} {
				p.Put(&model.PeriodFigure{ID: "a" + q, AccountID: "a", Period: q, FigureKind: model.FigureActual, Revenue: 90_00})
			}
		}, model.FactorRevenueTarget, 15 * 0.5},
		{"plan untouched for 60 days", func(p *model.Portfolio) {
			a := model.Clone(p.Account("a")).(*model.Account)
			a.Updated = hToday.AddDate(0, 0, -60)
			p.Put(a)
		}, model.FactorFreshness, 5 * 0.5},
		{"never reviewed", func(p *model.Portfolio) { p.Remove(model.KindReview, "r") }, model.FactorReview, 10},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := healthy()
			tt.change(p)
			h := p.HealthOf("a", hToday)
			if got := points(h, tt.factor); math.Abs(got-tt.want) > 1e-6 {
				t.Errorf("%s costs %.3f points, want %.3f (%s)", tt.factor, got, tt.want, h.Explain())
			}
			lost := 0.0
			for _, f := range h.Factors {
				lost += f.Points
			}
			if math.Abs(h.Score-(100-lost)) > 1e-6 || h.Score > 100-tt.want+1e-6 {
				t.Errorf("score %.3f is not 100 minus the factors' %.3f points", h.Score, lost)
			}
			if !strings.Contains(h.Explain(), tt.factor) && tt.want >= 0.5 {
				t.Errorf("the explanation does not name %q: %s", tt.factor, h.Explain())
			}
		})
	}
	empty := model.NewPortfolio()
	empty.Put(&model.Account{ID: "e", Name: "Empty", Currency: "EUR"})
	// Nothing planned is not the same as at risk: a portfolio of accounts
	// not planned yet would otherwise be all red, and the warning mean
	// nothing.
	if h := empty.HealthOf("e", hToday); h.AtRisk || !h.Unassessed || !strings.Contains(h.Explain(), "Not assessed") {
		t.Errorf("an account with nothing planned should be not assessed, not at risk: %+v %s", h, h.Explain())
	}
	// Adding people nobody covers, none of them key, never raises health.
	empty.Put(&model.Action{ID: "x", AccountID: "e", Title: "Call", Status: model.StatusPlanned})
	before := empty.HealthOf("e", hToday).Score
	empty.Put(&model.Stakeholder{ID: "s1", AccountID: "e", Name: "Ann"})
	empty.Put(&model.Stakeholder{ID: "s2", AccountID: "e", Name: "Ben"})
	if after := empty.HealthOf("e", hToday).Score; after > before {
		t.Errorf("adding uncovered people raised health from %.1f to %.1f", before, after)
	}
}

func TestVarianceWithZeroTarget(t *testing.T) {
	r := model.PeriodRow{Period: "2026-Q1", Target: 0, Actual: 50_00, HasActual: true}
	if _, ok := r.VariancePct(); ok {
		t.Error("a zero target must not give a percentage")
	}
	rows := model.PlanVsActual([]*model.PeriodFigure{
		{Period: "2026-Q2", FigureKind: model.FigureTarget, Revenue: 200_00},
		{Period: "2026-Q2", FigureKind: model.FigureActual, Revenue: 150_00},
		{Period: "2026-Q1", FigureKind: model.FigureActual, Revenue: 100_00},
		{Period: "2027-Q1", FigureKind: model.FigureTarget, Revenue: 999_00},
	})
	if len(rows) != 3 || rows[0].Period != "2026-Q1" {
		t.Fatalf("rows %v", rows)
	}
	if pct, _ := rows[1].VariancePct(); pct != -25 || rows[1].Variance() != -50_00 {
		t.Errorf("Q2 variance %v (%v %%), want -50 and -25 %%", rows[1].Variance(), pct)
	}
	ytd := model.YearToDate(rows, nil, hToday)
	if ytd.Actual != 250_00 || ytd.Target != 200_00 {
		t.Errorf("year to date %v of %v; future periods and periods without actuals stay out", ytd.Actual, ytd.Target)
	}
	if _, _, err := model.PeriodStart("2026-Q5"); err == nil {
		t.Error("2026-Q5 accepted")
	}
}

func TestFlags(t *testing.T) {
	p := healthy()
	if f := p.Flags(hToday); len(f) != 0 {
		t.Fatalf("a healthy account is flagged: %+v", f)
	}
	a := model.Clone(p.Account("a")).(*model.Account)
	a.Updated = hToday.AddDate(0, 0, -90)
	a.Answers = answers(1, 1) // weak/low now
	p.Put(a)
	p.Put(&model.PositionMark{ID: "pm", AccountID: "a", Date: hToday.AddDate(-1, 0, 0), Label: "FY2025 review", X: 80, Y: 80})
	p.Remove(model.KindReview, "r")
	p.Put(&model.Action{ID: "x", AccountID: "a", Title: "t", Status: model.StatusPlanned, Due: hToday.AddDate(0, 0, -1)})
	p.Remove(model.KindCoverage, "ccio")
	kinds := map[model.FlagKind]model.Flag{}
	for _, f := range p.Flags(hToday) {
		kinds[f.Kind] = f
	}
	if f := kinds[model.FlagNoReview]; f.Text != "Never reviewed with the customer" {
		t.Errorf("an account with no review at all is flagged %q; it was never reviewed", f.Text)
	}
	want := map[model.FlagKind]model.FixAt{
		model.FlagStalePlan: model.FixPortfolio, model.FlagNoReview: model.FixReview, model.FlagOverdue: model.FixBoard,
		model.FlagNoAgreedActions: model.FixBoard, model.FlagKeyUncovered: model.FixMap, model.FlagQuadrantDrop: model.FixPortfolio,
	}
	for k, fix := range want {
		f, ok := kinds[k]
		if !ok {
			t.Errorf("missing flag %s", k)
			continue
		}
		if f.FixAt != fix || f.Account != "Acme" || f.Text == "" {
			t.Errorf("flag %s = %+v", k, f)
		}
	}
	if !strings.Contains(kinds[model.FlagKeyUncovered].Text, "cio") || !strings.Contains(kinds[model.FlagQuadrantDrop].Text, "First to Fourth") {
		t.Errorf("flags should name the person and the drop: %q, %q", kinds[model.FlagKeyUncovered].Text, kinds[model.FlagQuadrantDrop].Text)
	}
}
