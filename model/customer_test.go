package model_test

import (
	"testing"
	"time"

	"orchard/assets/sample"
	"orchard/model"
)

// The customer's view holds their account only, with our assessments
// cleared and internal items left out; figures only when chosen.
func TestCustomerView(t *testing.T) {
	p := model.NewPortfolio()
	settings, records := sample.Build(time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC))
	p.Settings = settings
	for _, r := range records {
		p.Put(r)
	}
	var acc *model.Account
	for _, a := range p.Accounts() {
		if a.Name == sample.PlannedAccounts[0] {
			acc = a
		}
	}
	p.Put(&model.Goal{ID: "g-secret", AccountID: acc.ID, Title: "Squeeze their budget", Internal: true})
	v := p.CustomerView(acc.ID, model.CustomerShare{})
	if v.Count(model.KindAccount) != 1 || v.Account(acc.ID) == nil {
		t.Fatalf("%d accounts in the customer's view", v.Count(model.KindAccount))
	}
	a := v.Account(acc.ID)
	if a.MarginPct != 0 || a.Potential != 0 || a.Outlook != "" || a.PriorityOverride != model.PriorityNone || a.Revenue != 0 || a.Objective != "" {
		t.Errorf("assessments left on the account: %+v", a)
	}
	for _, k := range []model.Kind{model.KindCoverage, model.KindInfluenceLink, model.KindOpportunity, model.KindPositionMark, model.KindFigure} {
		if n := v.Count(k); n != 0 {
			t.Errorf("%d %s records in the customer's view", n, k)
		}
	}
	if v.Get(model.KindGoal, "g-secret") != nil {
		t.Error("an internal goal is in the customer's view")
	}
	for _, s := range v.Stakeholders(acc.ID) {
		if s.Attitude != 0 || s.Influence != 0 || s.Role != "" || s.Concerns != "" {
			t.Errorf("%s keeps our assessment: %+v", s.Name, s)
		}
	}
	for _, x := range v.Actions(acc.ID) {
		if !x.CustomerAgreed || x.Lesson != "" {
			t.Errorf("action %q: agreed %v, lesson %q", x.Title, x.CustomerAgreed, x.Lesson)
		}
	}
	if len(v.Actions(acc.ID)) == 0 || len(v.Stakeholders(acc.ID)) == 0 || len(v.Goals(acc.ID)) == 0 {
		t.Error("the customer's view lost their own goals, people or agreed actions")
	}
	p.Put(&model.WhitespaceCell{ID: "ws-rival", AccountID: acc.ID, BusinessUnit: "Finance", Offering: "Analytics", State: model.CellCompetitor, Competitor: "Rivalsoft"})
	if c := p.CustomerView(acc.ID, model.CustomerShare{}).Get(model.KindWhitespace, "ws-rival").(*model.WhitespaceCell); c.State == model.CellCompetitor || c.Competitor != "" {
		t.Errorf("a competitor cell shows in the customer's view: %+v", c)
	}
	if w := p.CustomerView(acc.ID, model.CustomerShare{Figures: true}); w.Count(model.KindFigure) == 0 || w.Account(acc.ID).Revenue == 0 {
		t.Error("chosen figures are missing")
	}
}
