package model_test

import (
	"strings"
	"testing"

	"orchard/model"
)

func validAccount() *model.Account {
	return &model.Account{ID: "a1", Name: "Acme", Currency: "EUR", Revenue: 100_00, Objective: model.ObjectiveGrowth}
}

func TestAccountValidate(t *testing.T) {
	tests := []struct {
		name  string
		edit  func(a *model.Account)
		field string // "" means valid
		rule  string
	}{
		{"valid", func(a *model.Account) {}, "", ""},
		{"blank name", func(a *model.Account) { a.Name = "  " }, "name", "is required"},
		{"lower-case currency", func(a *model.Account) { a.Currency = "eur" }, "currency", "three-letter ISO code"},
		{"negative revenue", func(a *model.Account) { a.Revenue = -1 }, "revenue", "must not be negative"},
		{"answer out of range", func(a *model.Account) { a.Answers[model.QTrust] = 6 }, "rel_trust", "between 1 and 5"},
		{"unknown objective", func(a *model.Account) { a.Objective = "world domination" }, "objective", "must be one of"},
		{"placement outside", func(a *model.Account) { a.Placed, a.PlaceX = true, 120 }, "placement", "inside the quadrant"},
		{"margin over 100", func(a *model.Account) { a.MarginPct = 140 }, "margin", "between -100"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := validAccount()
			tt.edit(a)
			err := a.Validate()
			if tt.field == "" {
				if err != nil {
					t.Fatalf("Validate() = %v, want nil", err)
				}
				return
			}
			fields := model.FieldErrors(err)
			if len(fields) == 0 {
				t.Fatalf("Validate() = %v, want an error on %s", err, tt.field)
			}
			f := fields[0]
			if f.Field != tt.field || !strings.Contains(f.Rule, tt.rule) {
				t.Errorf("error on %q %q, want %q containing %q", f.Field, f.Rule, tt.field, tt.rule)
			}
			if !strings.Contains(err.Error(), tt.field) {
				t.Errorf("message %q does not name the field %q", err.Error(), tt.field)
			}
		})
	}
}

func TestOtherRecordsValidate(t *testing.T) {
	tests := []struct {
		name  string
		e     model.Entity
		field string
	}{
		{"stakeholder without name", &model.Stakeholder{ID: "s", AccountID: "a"}, "name"},
		{"stakeholder reports to self", &model.Stakeholder{ID: "s", AccountID: "a", Name: "X", ReportsTo: "s"}, "reports to"},
		{"stakeholder attitude", &model.Stakeholder{ID: "s", AccountID: "a", Name: "X", Attitude: 3}, "attitude"},
		{"coverage strength", &model.Coverage{ID: "c", AccountID: "a", MemberID: "m", StakeholderID: "s", Strength: 9}, "strength"},
		{"influence to self", &model.InfluenceLink{ID: "l", AccountID: "a", FromID: "s", ToID: "s", LinkKind: model.LinkInfluences, Strength: 1}, "to"},
		{"action status", &model.Action{ID: "x", AccountID: "a", Title: "Call", Status: "someday"}, "status"},
		{"opportunity probability", &model.Opportunity{ID: "o", AccountID: "a", Name: "Deal", Currency: "EUR", Probability: 120}, "probability"},
		{"figure period", &model.PeriodFigure{ID: "f", AccountID: "a", Period: "Q1 2026", FigureKind: model.FigureActual}, "period"},
		{"scorecard score", &model.Scorecard{ID: "s", AccountID: "a", Date: day(2026, 1, 1), Scores: map[string]int{"Quality": 11}}, "score for Quality"},
		{"whitespace state", &model.WhitespaceCell{ID: "w", AccountID: "a", BusinessUnit: "IT", Offering: "X", State: "maybe"}, "state"},
		{"cycle end before start", &model.Cycle{ID: "c", AccountID: "a", Name: "FY", Start: day(2026, 5, 1), End: day(2026, 1, 1)}, "end"},
		{"team member function", &model.TeamMember{ID: "m", Name: "Ann", Function: "legal"}, "function"},
		{"goal title", &model.Goal{ID: "g", AccountID: "a"}, "title"},
		{"review next before date", &model.ReviewMeeting{ID: "r", AccountID: "a", Date: day(2026, 5, 1), NextDate: day(2026, 1, 1)}, "next review"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fields := model.FieldErrors(tt.e.Validate())
			for _, f := range fields {
				if f.Field == tt.field {
					return
				}
			}
			t.Errorf("Validate() fields %v, want one on %q", fields, tt.field)
		})
	}
}
