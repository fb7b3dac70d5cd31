package model_test

import (
	"testing"
	"time"

	"orchard/model"
)

func TestWhitespaceGrid(t *testing.T) {
	p := model.NewPortfolio()
	p.Settings.Offerings = []string{"Platform", "Services"}
	p.Put(&model.Account{ID: "a", Name: "Acme", Currency: "EUR"})
	cell := func(id, unit, off string, st model.CellState, rev model.Money) {
		p.Put(&model.WhitespaceCell{ID: id, AccountID: "a", BusinessUnit: unit, Offering: off, State: st, Revenue: rev})
	}
	cell("1", "Finance", "Platform", model.CellSold, 100_00)
	cell("2", "Finance", "Services", model.CellOpen, 0)
	cell("3", "IT", "Platform", model.CellCompetitor, 0)
	cell("4", "IT", "Legacy tool", model.CellSold, 50_00) // offering removed from settings
	// IT × Services has no cell: unknown, so whitespace.
	w := p.WhitespaceGrid("a")
	if got := len(w.Units); got != 2 || w.Units[0] != "Finance" {
		t.Fatalf("units %v", w.Units)
	}
	if len(w.Offerings) != 3 || w.Offerings[2] != "Legacy tool" || !w.Archived["Legacy tool"] {
		t.Errorf("offerings %v archived %v: the removed offering must stay, marked archived", w.Offerings, w.Archived)
	}
	if w.Gaps != 2 || w.GapsByUnit["IT"] != 1 || w.GapsByOffering["Services"] != 2 {
		t.Errorf("gaps %d by unit %v by offering %v; want open + unknown = 2", w.Gaps, w.GapsByUnit, w.GapsByOffering)
	}
	if w.SoldByUnit["IT"] != 50_00 || w.SoldByOffering["Platform"] != 100_00 {
		t.Errorf("sold by unit %v by offering %v", w.SoldByUnit, w.SoldByOffering)
	}
	if model.NextCellState(model.CellNotRelevant) != model.CellUnknown || model.NextCellState(model.CellUnknown) != model.CellSold {
		t.Error("clicking cycles through every state and back")
	}
}

func TestPipelineNeverAddsUnconvertedCurrencies(t *testing.T) {
	p := model.NewPortfolio()
	p.Settings.Rates = model.Rates{Base: "EUR", PerOne: map[string]float64{"USD": 0.5}}
	p.Put(&model.Account{ID: "a", Name: "Acme", Currency: "EUR"})
	opp := func(id, cur string, value model.Money, prob int) {
		p.Put(&model.Opportunity{ID: id, AccountID: "a", Name: id, Currency: cur, Value: value, Probability: prob})
	}
	opp("e", "EUR", 1000_00, 50)
	opp("u", "USD", 1000_00, 20)
	opp("j", "JPY", 9_000_000_00, 90)
	pl := p.PipelineOf("a")
	if pl.Total != 1500_00 || pl.Weighted != 600_00 {
		t.Errorf("total %v weighted %v, want 1,500 and 600 EUR", pl.Total, pl.Weighted)
	}
	if pl.LeftOut["JPY"] != 1 || pl.Count != 2 {
		t.Errorf("left out %v count %d: the yen deal has no rate and must not be summed", pl.LeftOut, pl.Count)
	}
}

func TestGoalProgressAndReorder(t *testing.T) {
	p := model.NewPortfolio()
	p.Put(&model.Account{ID: "a", Name: "Acme", Currency: "EUR"})
	for i, st := range []model.Status{model.StatusDone, model.StatusPlanned, model.StatusDone} {
		p.Put(&model.Action{ID: string(rune('x' + i)), AccountID: "a", Title: "t", Status: st, GoalID: "g"})
	}
	if done, total := p.GoalProgress("g"); done != 2 || total != 3 {
		t.Errorf("progress %d/%d, want 2/3", done, total)
	}
	goals := []*model.Goal{{ID: "A", Order: 0}, {ID: "B", Order: 1}, {ID: "C", Order: 2}}
	changed := model.ReorderGoals(goals, 2, 0)
	order := map[string]int{}
	for _, g := range goals {
		order[g.ID] = g.Order
	}
	for _, c := range changed {
		order[c.ID] = c.Order
	}
	if order["C"] != 0 || order["A"] != 1 || order["B"] != 2 || len(changed) != 3 {
		t.Errorf("after moving C to the top: %v (%d changed)", order, len(changed))
	}
	if goals[0].Order != 0 {
		t.Error("ReorderGoals changed its input")
	}
}

func TestOpportunityCloseBeforeOpened(t *testing.T) {
	o := &model.Opportunity{ID: "o", AccountID: "a", Name: "Deal", Currency: "EUR",
		Created: time.Date(2026, 5, 1, 0, 0, 0, 0, time.UTC), ExpectedClose: time.Date(2026, 4, 1, 0, 0, 0, 0, time.UTC)}
	fields := model.FieldErrors(o.Validate())
	if len(fields) != 1 || fields[0].Field != "expected close" {
		t.Errorf("close before opening: %v", fields)
	}
}
