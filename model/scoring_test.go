package model_test

import (
	"math"
	"testing"
	"time"

	"orchard/model"
)

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

func answers(value, rel int) model.Answers {
	var a model.Answers
	for q, info := range model.Questions {
		if info.Axis == model.AxisValue {
			a[q] = value
		} else {
			a[q] = rel
		}
	}
	return a
}

func TestAnswersScore(t *testing.T) {
	w := model.DefaultWeights()
	if got, ok := answers(5, 1).Score(model.AxisValue, w); !ok || got != 100 {
		t.Errorf("all 5 on value = %v,%v, want 100", got, ok)
	}
	if got, ok := answers(5, 1).Score(model.AxisRelationship, w); !ok || got != 0 {
		t.Errorf("all 1 on relationship = %v,%v, want 0", got, ok)
	}
	if _, ok := (model.Answers{}).Score(model.AxisValue, w); ok {
		t.Error("no answers must not give a score")
	}
	// Trust and strategic fit outweigh the other three relationship questions.
	var a model.Answers
	a[model.QTrust], a[model.QStrategicFit] = 5, 5
	a[model.QKeyStakeholders], a[model.QViewInOurIndustry], a[model.QViewInTheirIndustry] = 1, 1, 1
	got, _ := a.Score(model.AxisRelationship, w)
	if want := 100.0 * 6 / 9; math.Abs(got-want) > 1e-9 {
		t.Errorf("weighted relationship score = %v, want %v", got, want)
	}
	// Unknown answers are left out rather than counted as low.
	var b model.Answers
	b[model.QTrust] = 5
	if got, _ := b.Score(model.AxisRelationship, w); got != 100 {
		t.Errorf("one known answer of 5 = %v, want 100", got)
	}
}

func TestPriority(t *testing.T) {
	tests := []struct {
		x, y float64
		q    model.Quadrant
		p    model.Priority
	}{
		{80, 80, model.QuadrantSweetSpot, model.PriorityFirst},
		{20, 80, model.QuadrantDevelop, model.PrioritySecond},
		{80, 20, model.QuadrantMaintain, model.PriorityThird},
		{20, 20, model.QuadrantDeprioritise, model.PriorityFourth},
		{50, 50, model.QuadrantSweetSpot, model.PriorityFirst},
	}
	for _, tt := range tests {
		q := model.QuadrantAt(tt.x, tt.y)
		if q != tt.q || model.PriorityOf(q) != tt.p {
			t.Errorf("(%v,%v) = %v/%v, want %v/%v", tt.x, tt.y, q, model.PriorityOf(q), tt.q, tt.p)
		}
	}
	w := model.DefaultWeights()
	a := &model.Account{Answers: answers(5, 5)}
	if got := a.EffectivePriority(w); got != model.PriorityFirst {
		t.Errorf("strong/high account priority = %v, want First", got)
	}
	a.PriorityOverride = model.PriorityThird
	if got := a.EffectivePriority(w); got != model.PriorityThird {
		t.Errorf("overridden priority = %v, want Third", got)
	}
	a.PriorityOverride = model.PriorityNone
	a.Placed, a.PlaceX, a.PlaceY = true, 10, 10
	if got := a.EffectivePriority(w); got != model.PriorityFourth {
		t.Errorf("manually placed weak/low priority = %v, want Fourth", got)
	}
	if got := (&model.Account{}).EffectivePriority(w); got != model.PriorityNone {
		t.Errorf("unassessed priority = %v, want none", got)
	}
}

func TestActionOverdue(t *testing.T) {
	today := day(2026, 11, 23)
	tests := []struct {
		due    time.Time
		status model.Status
		want   bool
	}{
		{day(2026, 11, 22), model.StatusPlanned, true},
		{day(2026, 11, 23), model.StatusPlanned, false},
		{day(2026, 11, 1), model.StatusDone, false},
		{time.Time{}, model.StatusBlocked, false},
	}
	for _, tt := range tests {
		a := &model.Action{Due: tt.due, Status: tt.status}
		if got := a.Overdue(today.Add(15 * time.Hour)); got != tt.want {
			t.Errorf("due %v status %s overdue = %v, want %v", tt.due, tt.status, got, tt.want)
		}
	}
}
