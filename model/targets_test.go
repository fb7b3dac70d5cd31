package model_test

import (
	"testing"
	"time"

	"orchard/model"
)

func TestPeriodWithin(t *testing.T) {
	for _, c := range []struct {
		p, of string
		want  bool
	}{{"2026-03", "2026-Q1", true}, {"2026-04", "2026-Q1", false}, {"2026-Q2", "2026", true}, {"2026-11", "2026", true},
		{"2026-Q1", "2026-Q1", true}, {"2025-Q1", "2026", false}, {"2026", "2026-Q1", false}, {"2026-Q1", "2026-03", false}} {
		if got := model.PeriodWithin(c.p, c.of); got != c.want {
			t.Errorf("PeriodWithin(%s, %s) = %v", c.p, c.of, got)
		}
	}
}

// A seller's target for a quarter stands beside what the accounts they own
// brought in it: the quarter's monthly actuals, converted to the base
// currency; other sellers' accounts and targets do not count.
func TestMemberTargetsAgainstOwnedAccounts(t *testing.T) {
	p := model.NewPortfolio()
	p.Settings = model.DefaultSettings()
	p.Settings.Rates = model.Rates{Base: "EUR", PerOne: map[string]float64{"USD": 0.5}}
	p.Put(&model.TeamMember{ID: "ann", Name: "Ann Berg"})
	p.Put(&model.TeamMember{ID: "ben", Name: "Ben Okafor"})
	p.Put(&model.Account{ID: "a1", Name: "Acme", Owner: "Ann Berg", Currency: "EUR"})
	p.Put(&model.Account{ID: "a2", Name: "Beta", Owner: "ann berg", Currency: "USD"})
	p.Put(&model.Account{ID: "a3", Name: "Gamma", Owner: "Ben Okafor", Currency: "EUR"})
	p.Put(&model.PeriodFigure{ID: "t1", MemberID: "ann", Period: "2026-Q1", FigureKind: model.FigureTarget, Revenue: model.MoneyFromMajor(100)})
	p.Put(&model.PeriodFigure{ID: "t2", MemberID: "ben", Period: "2026-Q1", FigureKind: model.FigureTarget, Revenue: model.MoneyFromMajor(999)})
	p.Put(&model.PeriodFigure{ID: "f1", AccountID: "a1", Period: "2026-01", FigureKind: model.FigureActual, Revenue: model.MoneyFromMajor(30)})
	p.Put(&model.PeriodFigure{ID: "f2", AccountID: "a1", Period: "2026-02", FigureKind: model.FigureActual, Revenue: model.MoneyFromMajor(20)})
	p.Put(&model.PeriodFigure{ID: "f3", AccountID: "a2", Period: "2026-Q1", FigureKind: model.FigureActual, Revenue: model.MoneyFromMajor(40)})
	p.Put(&model.PeriodFigure{ID: "f4", AccountID: "a1", Period: "2026-04", FigureKind: model.FigureActual, Revenue: model.MoneyFromMajor(500)})
	p.Put(&model.PeriodFigure{ID: "f5", AccountID: "a3", Period: "2026-01", FigureKind: model.FigureActual, Revenue: model.MoneyFromMajor(700)})
	p.Put(&model.PeriodFigure{ID: "f6", AccountID: "a1", Period: "2026-03", FigureKind: model.FigureTarget, Revenue: model.MoneyFromMajor(800)})
	rows := p.MemberTargetRows("ann")
	if len(rows) != 1 || rows[0].Period != "2026-Q1" || rows[0].Target != model.MoneyFromMajor(100) {
		t.Fatalf("Ann's targets: %+v", rows)
	}
	if want := model.MoneyFromMajor(30 + 20 + 40*0.5); rows[0].Actual != want || !rows[0].HasActual {
		t.Errorf("Ann's accounts brought %v in 2026-Q1, want %v", rows[0].Actual, want)
	}
	if err := (&model.PeriodFigure{ID: "x", MemberID: "ann", Period: "2026", FigureKind: model.FigureActual}).Validate(); err == nil {
		t.Error("a team member's actual figure should be refused: it is their accounts' actuals")
	}
	if err := (&model.PeriodFigure{ID: "x", AccountID: "a1", MemberID: "ann", Period: "2026", FigureKind: model.FigureTarget}).Validate(); err == nil {
		t.Error("a figure of both an account and a team member should be refused")
	}
	if deps := p.Dependents(p.Get(model.KindTeamMember, "ann")); len(deps) != 1 || deps[0].EntityID() != "t1" {
		t.Errorf("deleting Ann should take her target with her, not %v", deps)
	}
}

// A scoring date's score per criterion is the average of everyone who
// scored that day; dates come oldest first.
func TestScoreTrendAverages(t *testing.T) {
	d1, d2 := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC), time.Date(2026, 9, 1, 0, 0, 0, 0, time.UTC)
	tr := model.ScoreTrendOf([]*model.Scorecard{
		{ID: "c", Date: d2, Scores: map[string]int{"Quality": 9}},
		{ID: "a", Date: d1, Scores: map[string]int{"Quality": 6, "Innovation": 4}},
		{ID: "b", Date: d1, Scores: map[string]int{"Quality": 8}},
	})
	if len(tr.Dates) != 2 || !tr.Dates[0].Equal(d1) {
		t.Fatalf("dates %v", tr.Dates)
	}
	if tr.Avg[d1]["Quality"] != 7 || tr.Avg[d1]["Innovation"] != 4 || tr.Avg[d2]["Quality"] != 9 {
		t.Errorf("averages %v", tr.Avg)
	}
}
