package model_test

import (
	"fmt"
	"math/rand/v2"
	"testing"
	"time"

	"orchard/model"
)

func card(id string, s model.Status, order float64) *model.Action {
	return &model.Action{ID: id, AccountID: "a", Title: id, Status: s, Order: order}
}

// apply merges changed copies into the board, as the workspace would.
func apply(board []*model.Action, changed []*model.Action) []*model.Action {
	byID := map[string]*model.Action{}
	for _, c := range changed {
		byID[c.ID] = c
	}
	out := make([]*model.Action, len(board))
	for i, a := range board {
		if c, ok := byID[a.ID]; ok {
			out[i] = c
		} else {
			out[i] = a
		}
	}
	return out
}

func ids(list []*model.Action) string {
	s := ""
	for _, a := range list {
		s += a.ID
	}
	return s
}

func TestMoveCard(t *testing.T) {
	board := func() []*model.Action {
		return []*model.Action{
			card("A", model.StatusPlanned, 1), card("B", model.StatusPlanned, 2), card("C", model.StatusPlanned, 3),
			card("X", model.StatusDone, 1), card("Y", model.StatusDone, 2),
		}
	}
	tests := []struct {
		name     string
		move     model.BoardMove
		planned  string
		done     string
		nChanged int
	}{
		{"down within a column", model.BoardMove{ID: "A", Status: model.StatusPlanned, Before: "C"}, "BAC", "XY", 1},
		{"to the top", model.BoardMove{ID: "C", Status: model.StatusPlanned, Before: "A"}, "CAB", "XY", 1},
		{"to the end", model.BoardMove{ID: "A", Status: model.StatusPlanned}, "BCA", "XY", 1},
		{"across, between two", model.BoardMove{ID: "B", Status: model.StatusDone, Before: "Y"}, "AC", "XBY", 1},
		{"across, below a card", model.BoardMove{ID: "B", Status: model.StatusDone, After: "X"}, "AC", "XBY", 1},
		{"across, into the end", model.BoardMove{ID: "C", Status: model.StatusDone}, "AB", "XYC", 1},
	}
	today := time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := board()
			changed, err := model.MoveCard(b, tt.move)
			if err != nil {
				t.Fatal(err)
			}
			if len(changed) != tt.nChanged {
				t.Errorf("%d cards changed, want %d", len(changed), tt.nChanged)
			}
			nb := apply(b, changed)
			p := ids(model.Column(nb, model.StatusPlanned, model.LanesNone, "", model.ActionFilter{}, today))
			d := ids(model.Column(nb, model.StatusDone, model.LanesNone, "", model.ActionFilter{}, today))
			if p != tt.planned || d != tt.done {
				t.Errorf("planned %q done %q, want %q %q", p, d, tt.planned, tt.done)
			}
			if b[0].Order != 1 || b[0].Status != model.StatusPlanned {
				t.Error("MoveCard changed its input")
			}
		})
	}
	if _, err := model.MoveCard(board(), model.BoardMove{ID: "Z", Status: model.StatusDone}); err == nil {
		t.Error("moving a missing card should fail")
	}
}

func TestMoveAcrossLanesChangesTheField(t *testing.T) {
	b := []*model.Action{card("A", model.StatusPlanned, 1), card("B", model.StatusPlanned, 2)}
	b[0].OwnerID, b[1].OwnerID = "ann", "bob"
	changed, err := model.MoveCard(b, model.BoardMove{ID: "A", Status: model.StatusBlocked, Mode: model.LanesOwner, Lane: "bob"})
	if err != nil {
		t.Fatal(err)
	}
	if changed[0].OwnerID != "bob" || changed[0].Status != model.StatusBlocked {
		t.Errorf("moved into Bob's lane of Blocked: owner %q status %q", changed[0].OwnerID, changed[0].Status)
	}
	changed, _ = model.MoveCard(b, model.BoardMove{ID: "B", Status: model.StatusPlanned, Mode: model.LanesHorizon, Lane: string(model.HorizonLong)})
	if changed[0].Horizon != model.HorizonLong || changed[0].OwnerID != "bob" {
		t.Errorf("horizon lane move: %+v", changed[0])
	}
	changed, _ = model.MoveCard(b, model.BoardMove{ID: "B", Status: model.StatusPlanned, Mode: model.LanesGoal, Lane: ""})
	if changed[0].GoalID != "" {
		t.Errorf("dropping into 'No objective' should clear the goal")
	}
}

// TestManyMovesKeepAStableOrder drops cards between the same two neighbours
// until the gap is used up: the column is renumbered and the order the user
// made is kept exactly.
func TestManyMovesKeepAStableOrder(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	var b []*model.Action
	for i := 0; i < 30; i++ {
		b = append(b, card(fmt.Sprintf("%02d", i), model.StatusPlanned, float64(i+1)))
	}
	today := time.Time{}
	renumbered := false
	for step := 0; step < 500; step++ {
		col := model.Column(b, model.StatusPlanned, model.LanesNone, "", model.ActionFilter{}, today)
		from := rng.IntN(len(col))
		moving := col[from]
		rest := append(append([]*model.Action{}, col[:from]...), col[from+1:]...)
		to := rng.IntN(len(rest) + 1)
		if step%3 == 0 {
			to = 1 // hammer the same gap
		}
		m := model.BoardMove{ID: moving.ID, Status: model.StatusPlanned}
		if to < len(rest) {
			m.Before = rest[to].ID
		}
		changed, err := model.MoveCard(b, m)
		if err != nil {
			t.Fatal(err)
		}
		if len(changed) > 1 {
			renumbered = true
		}
		b = apply(b, changed)
		seq := append(append(append([]*model.Action{}, rest[:to]...), moving), rest[to:]...)
		want := ids(seq) // the order the user made
		if got := ids(model.Column(b, model.StatusPlanned, model.LanesNone, "", model.ActionFilter{}, today)); got != want {
			t.Fatalf("step %d: order %s, want %s", step, got, want)
		}
	}
	if !renumbered {
		t.Error("500 moves into one gap should have forced a renumbering at least once")
	}
}

func TestActionFilterAndCounts(t *testing.T) {
	today := time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC)
	a := &model.Action{ID: "1", Title: "Call the CFO", Status: model.StatusPlanned, OwnerID: "ann", Due: today.AddDate(0, 0, -1), CustomerAgreed: true, Horizon: model.HorizonShort}
	b := &model.Action{ID: "2", Title: "Send deck", Status: model.StatusDone, OwnerID: "bob", Due: today.AddDate(0, 0, -9)}
	tests := []struct {
		f    model.ActionFilter
		want string
	}{
		{model.ActionFilter{}, "12"},
		{model.ActionFilter{OwnerID: "ann"}, "1"},
		{model.ActionFilter{OverdueOnly: true}, "1"},
		{model.ActionFilter{AgreedOnly: true}, "1"},
		{model.ActionFilter{Text: "deck"}, "2"},
		{model.ActionFilter{Horizon: model.HorizonLong}, ""},
	}
	for _, tt := range tests {
		got := ""
		for _, x := range []*model.Action{a, b} {
			if tt.f.Keeps(x, today) {
				got += x.ID
			}
		}
		if got != tt.want {
			t.Errorf("%+v keeps %q, want %q", tt.f, got, tt.want)
		}
	}
	by, overdue := model.ActionCounts([]*model.Action{a, b}, today)
	if by[model.StatusPlanned] != 1 || by[model.StatusDone] != 1 || overdue != 1 {
		t.Errorf("counts %v overdue %d", by, overdue)
	}
	if model.StatusStep(model.StatusPlanned, -1) != model.StatusPlanned || model.StatusStep(model.StatusBlocked, 1) != model.StatusDone {
		t.Error("StatusStep should move one column and stop at the edges")
	}
}

// A column is over its limit when its cards outnumber it; with lanes, each
// lane over its own limit is named; a limit not set is no limit.
func TestWIPStateOf(t *testing.T) {
	acts := []*model.Action{
		{ID: "1", Status: model.StatusInProgress, OwnerID: "ann"},
		{ID: "2", Status: model.StatusInProgress, OwnerID: "ann"},
		{ID: "3", Status: model.StatusInProgress, OwnerID: "ben"},
		{ID: "4", Status: model.StatusPlanned, OwnerID: "ann"},
	}
	lanes := []model.Lane{{Value: "ann", Title: "Ann"}, {Value: "ben", Title: "Ben"}}
	wip := map[string]int{
		model.WIPKey(model.StatusInProgress, model.LanesNone, ""):     2,
		model.WIPKey(model.StatusInProgress, model.LanesOwner, "ann"): 1,
		model.WIPKey(model.StatusInProgress, model.LanesOwner, "ben"): 1,
	}
	st := model.WIPStateOf(acts, model.StatusInProgress, model.LanesOwner, lanes, wip)
	if st.Limit != 2 || !st.Over || len(st.Lanes) != 1 || st.Lanes[0].Lane.Title != "Ann" {
		t.Errorf("In progress: %+v", st)
	}
	if st := model.WIPStateOf(acts, model.StatusPlanned, model.LanesOwner, lanes, wip); st.Limit != 0 || st.Over || len(st.Lanes) != 0 {
		t.Errorf("Planned has no limit, yet %+v", st)
	}
}
