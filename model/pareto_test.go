package model_test

import (
	"math"
	"testing"

	"orchard/model"
)

func acc(name, currency string, revenue float64) *model.Account {
	return &model.Account{ID: name, Name: name, Currency: currency, Revenue: model.MoneyFromMajor(revenue)}
}

func TestBuildPareto(t *testing.T) {
	rates := model.Rates{Base: "EUR", PerOne: map[string]float64{"USD": 0.5}}
	tests := []struct {
		name        string
		accounts    []*model.Account
		wantOrder   []string
		wantFor80   int
		wantShare   float64
		wantLeftOut map[string]int
		wantTotal   float64
	}{
		{
			name:      "classic long tail",
			accounts:  []*model.Account{acc("C", "EUR", 50), acc("A", "EUR", 600), acc("B", "EUR", 250), acc("D", "EUR", 50), acc("E", "EUR", 50)},
			wantOrder: []string{"A", "B", "C", "D", "E"}, wantFor80: 2, wantShare: 40, wantTotal: 1000,
		},
		{
			name:      "converted currency ranks by converted value",
			accounts:  []*model.Account{acc("Dollar", "USD", 1000), acc("Euro", "EUR", 600)},
			wantOrder: []string{"Euro", "Dollar"}, wantFor80: 2, wantShare: 100, wantTotal: 1100,
		},
		{
			name:      "no rate: left out and counted, never summed",
			accounts:  []*model.Account{acc("Yen", "JPY", 1e6), acc("Euro", "EUR", 100)},
			wantOrder: []string{"Euro"}, wantFor80: 1, wantShare: 100, wantTotal: 100,
			wantLeftOut: map[string]int{"JPY": 1},
		},
		{
			name:      "zero revenue accounts are ranked, not dropped",
			accounts:  []*model.Account{acc("Zero", "EUR", 0), acc("One", "EUR", 10)},
			wantOrder: []string{"One", "Zero"}, wantFor80: 1, wantShare: 50, wantTotal: 10,
		},
		{
			name: "empty", accounts: nil, wantOrder: nil, wantFor80: 0, wantShare: 0,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := model.BuildPareto(tt.accounts, "EUR", rates)
			var order []string
			for _, r := range p.Rows {
				order = append(order, r.Account.Name)
			}
			if len(order) != len(tt.wantOrder) {
				t.Fatalf("order %v, want %v", order, tt.wantOrder)
			}
			for i := range order {
				if order[i] != tt.wantOrder[i] {
					t.Fatalf("order %v, want %v", order, tt.wantOrder)
				}
			}
			if p.AccountsFor80 != tt.wantFor80 || math.Abs(p.ShareOfAccounts-tt.wantShare) > 1e-9 {
				t.Errorf("80%% needs %d accounts (%.1f%%), want %d (%.1f%%)", p.AccountsFor80, p.ShareOfAccounts, tt.wantFor80, tt.wantShare)
			}
			if math.Abs(p.Total-tt.wantTotal) > 1e-6 {
				t.Errorf("total %v, want %v", p.Total, tt.wantTotal)
			}
			for cur, n := range tt.wantLeftOut {
				if p.LeftOut[cur] != n {
					t.Errorf("left out %v, want %v", p.LeftOut, tt.wantLeftOut)
				}
			}
			if n := len(p.Rows); n > 0 && p.Total > 0 && math.Abs(p.Rows[n-1].Cumulative-100) > 1e-9 {
				t.Errorf("cumulative share ends at %v, want 100", p.Rows[n-1].Cumulative)
			}
		})
	}
}

func TestRatesBetween(t *testing.T) {
	r := model.Rates{Base: "EUR", PerOne: map[string]float64{"USD": 0.9, "GBP": 1.2}}
	if v, ok := r.Between("USD", "GBP"); !ok || math.Abs(v-0.75) > 1e-12 {
		t.Errorf("USD→GBP = %v %v, want 0.75", v, ok)
	}
	if v, ok := r.Between("EUR", "USD"); !ok || math.Abs(v-1/0.9) > 1e-12 {
		t.Errorf("EUR→USD = %v", v)
	}
	if _, ok := r.Between("CHF", "EUR"); ok {
		t.Error("a currency without a rate converted")
	}
}

func TestQuadrantCodes(t *testing.T) {
	want := map[model.Quadrant]string{model.QuadrantSweetSpot: "strong-high", model.QuadrantDevelop: "weak-high",
		model.QuadrantMaintain: "strong-low", model.QuadrantDeprioritise: "weak-low", model.QuadrantUnknown: ""}
	for q, code := range want {
		if q.Code() != code {
			t.Errorf("%v.Code() = %q, want %q", q, q.Code(), code)
		}
	}
}
