package model

import (
	"reflect"
	"strings"
	"testing"
	"time"
)

func TestPlanVsActualByPeriod(t *testing.T) {
	p := NewPortfolio()
	p.Put(&Account{ID: "a", Name: "Acme", Currency: "EUR"})
	for _, f := range []*PeriodFigure{
		{ID: "1", AccountID: "a", Period: "2026-Q2", FigureKind: FigureActual, Revenue: 90_00},
		{ID: "2", AccountID: "a", Period: "2026-Q1", FigureKind: FigureTarget, Revenue: 100_00},
		{ID: "3", AccountID: "a", Period: "2026-Q1", FigureKind: FigureActual, Revenue: 110_00},
		{ID: "4", AccountID: "b", Period: "2026-Q1", FigureKind: FigureActual, Revenue: 5},
	} {
		p.Put(f)
	}
	got := p.PlanVsActual("a")
	want := []PeriodRevenue{
		{Period: "2026-Q1", Target: 100_00, Actual: 110_00, HasTarget: true, HasActual: true},
		{Period: "2026-Q2", Actual: 90_00, HasActual: true},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %+v\nwant %+v", got, want)
	}
}

// What the customer reads as changed leaves out our quadrant and the
// attitudes we noted, and keeps their people and the work done.
func TestCustomerChangesLeaveOutOurAssessments(t *testing.T) {
	before := ReviewSnapshot{Quadrant: QuadrantAt(20, 20), People: map[string]SnapPerson{"1": {Name: "Ann", Attitude: 0}, "2": {Name: "Bo"}}, Score: 6}
	after := ReviewSnapshot{Quadrant: QuadrantAt(80, 80), People: map[string]SnapPerson{"1": {Name: "Ann", Attitude: 2}, "3": {Name: "Cy"}},
		Done: []string{"Kick-off"}, Score: 7.5}
	all := strings.Join(Changes(before, after), "\n")
	safe := strings.Join(CustomerChanges(before, after), "\n")
	for _, internal := range []string{"quadrant", "Attitude"} {
		if !strings.Contains(all, internal) {
			t.Fatalf("the full list lacks %q: %s", internal, all)
		}
		if strings.Contains(safe, internal) {
			t.Errorf("the customer's list says %q: %s", internal, safe)
		}
	}
	for _, kept := range []string{"New stakeholders: Cy", "left: Bo", "Actions completed (1): Kick-off", "from 6.0 to 7.5"} {
		if !strings.Contains(safe, kept) {
			t.Errorf("the customer's list lacks %q: %s", kept, safe)
		}
	}
}

// The customer's average per scoring day, over every criterion and person;
// an empty scorecard adds no day; days come earliest first.
func TestScoreAverages(t *testing.T) {
	d1 := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	d2 := time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)
	cards := []*Scorecard{
		{ID: "c", Date: d2, Scores: map[string]int{"Quality": 9, "Innovation": 6}},
		{ID: "a", Date: d1, Scores: map[string]int{"Quality": 4}},
		{ID: "b", Date: d1, Scores: map[string]int{"Quality": 6, "Innovation": 8}},
		{ID: "d", Date: d2.AddDate(0, 1, 0)}, // nothing scored
	}
	got := ScoreAverages(cards)
	want := []DayScore{{Date: d1, Avg: 6}, {Date: d2, Avg: 7.5}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %+v, want %+v", got, want)
	}
	if ScoreAverages(nil) != nil {
		t.Error("no scorecards give days")
	}
}
