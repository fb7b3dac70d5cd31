package model_test

import (
	"strings"
	"testing"

	"orchard/model"
)

func smallPortfolio() *model.Portfolio {
	p := model.NewPortfolio()
	p.Put(validAccount())
	p.Put(&model.TeamMember{ID: "m1", Name: "Ann"})
	p.Put(&model.Stakeholder{ID: "ceo", AccountID: "a1", Name: "Chief"})
	p.Put(&model.Stakeholder{ID: "cfo", AccountID: "a1", Name: "Money", ReportsTo: "ceo"})
	p.Put(&model.Coverage{ID: "c1", AccountID: "a1", MemberID: "m1", StakeholderID: "cfo", Strength: 3})
	p.Put(&model.Goal{ID: "g1", AccountID: "a1", Title: "Grow"})
	p.Put(&model.Action{ID: "x1", AccountID: "a1", Title: "Call", Status: model.StatusPlanned, OwnerID: "m1", GoalID: "g1"})
	return p
}

func TestCheckReferences(t *testing.T) {
	p := smallPortfolio()
	tests := []struct {
		name string
		e    model.Entity
		msg  string
	}{
		{"missing account", &model.Stakeholder{ID: "s", AccountID: "nope", Name: "X"}, "account refers to a account that does not exist"},
		{"missing manager", &model.Stakeholder{ID: "s", AccountID: "a1", Name: "X", ReportsTo: "ghost"}, "reports to refers to a stakeholder"},
		{"reporting loop", &model.Stakeholder{ID: "ceo", AccountID: "a1", Name: "Chief", ReportsTo: "cfo"}, "reporting loop: Chief → Money → Chief"},
		{"missing owner", &model.Action{ID: "x", AccountID: "a1", Title: "T", Status: model.StatusDone, OwnerID: "ghost"}, "owner refers to a team member"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := p.Check(tt.e)
			if err == nil || !strings.Contains(err.Error(), tt.msg) {
				t.Errorf("Check() = %v, want %q", err, tt.msg)
			}
		})
	}
	if err := p.Check(&model.Stakeholder{ID: "new", AccountID: "a1", Name: "New", ReportsTo: "cfo"}); err != nil {
		t.Errorf("valid stakeholder refused: %v", err)
	}
	pending := map[string]model.Entity{model.PendingKey(model.KindStakeholder, "boss"): &model.Stakeholder{ID: "boss", AccountID: "a1", Name: "B"}}
	if err := p.CheckAmong(&model.Stakeholder{ID: "n2", AccountID: "a1", Name: "N", ReportsTo: "boss"}, pending); err != nil {
		t.Errorf("reference into the same batch refused: %v", err)
	}
}

func TestDependentsAndDetached(t *testing.T) {
	p := smallPortfolio()
	deps := p.Dependents(p.Account("a1"))
	if len(deps) != 5 {
		t.Fatalf("account dependents = %d records, want 5 (2 stakeholders, coverage, goal, action)", len(deps))
	}
	// Children come before what they hang from: coverage before stakeholders.
	pos := map[model.Kind]int{}
	for i, d := range deps {
		pos[d.Kind()] = i
	}
	if pos[model.KindCoverage] > pos[model.KindStakeholder] {
		t.Error("coverage must be removed before stakeholders")
	}
	det := p.Detached(p.Get(model.KindStakeholder, "ceo"))
	if len(det) != 1 || det[0].(*model.Stakeholder).ReportsTo != "" {
		t.Fatalf("deleting the CEO should detach the CFO's reporting line, got %v", det)
	}
	if p.Get(model.KindStakeholder, "cfo").(*model.Stakeholder).ReportsTo != "ceo" {
		t.Error("Detached must return copies, not change the portfolio")
	}
	det = p.Detached(p.Get(model.KindTeamMember, "m1"))
	if len(det) != 1 || det[0].(*model.Action).OwnerID != "" {
		t.Errorf("removing a team member should unassign their actions, got %v", det)
	}
}

// OfAccount answers from an index that follows every Put and Remove: a
// record moved to another account, replaced or removed is found where it
// now is, and only there.
func TestOfAccountFollowsChanges(t *testing.T) {
	p := model.NewPortfolio()
	p.Put(&model.Account{ID: "a", Name: "A", Currency: "EUR"})
	p.Put(&model.Account{ID: "b", Name: "B", Currency: "EUR"})
	p.Put(&model.Action{ID: "x1", AccountID: "a", Title: "one"})
	p.Put(&model.Action{ID: "x2", AccountID: "a", Title: "two"})
	ids := func(acc string) string {
		var out []string
		for _, e := range p.OfAccount(model.KindAction, acc) {
			out = append(out, e.EntityID()+"="+e.(*model.Action).Title)
		}
		return strings.Join(out, ",")
	}
	if got := ids("a"); got != "x1=one,x2=two" {
		t.Fatalf("a holds %s", got)
	}
	p.Put(&model.Action{ID: "x2", AccountID: "b", Title: "two moved"})
	p.Put(&model.Action{ID: "x1", AccountID: "a", Title: "one edited"})
	p.Put(&model.Action{ID: "x3", AccountID: "b", Title: "three"})
	p.Remove(model.KindAction, "x3")
	if got := ids("a"); got != "x1=one edited" {
		t.Errorf("after the changes a holds %s", got)
	}
	if got := ids("b"); got != "x2=two moved" {
		t.Errorf("after the changes b holds %s", got)
	}
	if q := p.Copy(); len(q.OfAccount(model.KindAction, "b")) != 1 {
		t.Error("a copy does not find b's action")
	}
	// Records arriving out of order are still listed in ID order, and
	// the counts follow.
	p.Put(&model.Action{ID: "x9", AccountID: "a", Title: "nine"})
	p.Put(&model.Action{ID: "x0", AccountID: "a", Title: "zero"})
	if got := ids("a"); got != "x0=zero,x1=one edited,x9=nine" {
		t.Errorf("a holds %s, not in ID order", got)
	}
	p.Remove(model.KindAction, "x2")
	if p.CountOfAccount(model.KindAction, "a") != 3 || p.CountOfAccount(model.KindAction, "b") != 0 || ids("b") != "" {
		t.Errorf("counts %d and %d after b's only action went", p.CountOfAccount(model.KindAction, "a"), p.CountOfAccount(model.KindAction, "b"))
	}
}
