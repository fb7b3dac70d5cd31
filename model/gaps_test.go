package model_test

import (
	"fmt"
	"testing"

	"orchard/model"
)

func TestCoverageGaps(t *testing.T) {
	p := model.NewPortfolio()
	p.Put(&model.Account{ID: "a", Name: "Acme", Currency: "EUR"})
	for _, m := range []string{"ann", "bob", "cy"} {
		p.Put(&model.TeamMember{ID: m, Name: m})
		p.Put(&model.TeamAssignment{ID: "t" + m, AccountID: "a", MemberID: m})
	}
	put := func(id string, role model.BuyingRole, infl model.Influence, att model.Attitude) {
		p.Put(&model.Stakeholder{ID: id, AccountID: "a", Name: id, Role: role, Influence: infl, Attitude: att})
	}
	put("ceo", model.RoleDecisionMaker, model.InfluenceHigh, 0)
	put("cfo", model.RoleEconomicBuyer, model.InfluenceHigh, -1)
	put("user", model.RoleUser, model.InfluenceLow, -2)
	put("champ", model.RoleChampion, model.InfluenceMedium, 2)
	cover := func(id, member, who string, s model.Strength) {
		p.Put(&model.Coverage{ID: id, AccountID: "a", MemberID: member, StakeholderID: who, Strength: s})
	}
	cover("c1", "ann", "ceo", model.StrengthTrustedAdvisor)
	cover("c2", "bob", "cfo", model.StrengthVendor)

	got := map[string]bool{}
	for _, g := range p.CoverageGaps("a") {
		got[fmt.Sprintf("%s:%s%s", g.Kind, g.StakeholderID, g.MemberID)] = true
		if g.Text == "" || g.Action == "" {
			t.Errorf("gap %+v lacks a description or suggested action", g)
		}
	}
	want := []string{
		"key_person_uncovered:cfo", // only a vendor relationship
		"key_detractor:cfo",
		"single_thread:", // one strong relationship among four
		"idle_member:cy", // on the team, knows nobody
	}
	for _, w := range want {
		if !got[w] {
			t.Errorf("missing gap %s in %v", w, got)
		}
	}
	for _, not := range []string{"key_person_uncovered:ceo", "key_detractor:user", "idle_member:ann"} {
		if got[not] {
			t.Errorf("unexpected gap %s", not)
		}
	}
	cover("c3", "cy", "champ", model.StrengthProblemSolver)
	for _, g := range p.CoverageGaps("a") {
		if g.Kind == model.GapSingleThread || g.MemberID == "cy" {
			t.Errorf("gap %s should be closed by a second strong relationship", g.Kind)
		}
	}
}

func TestOrgLayoutHasNoOverlaps(t *testing.T) {
	// A 300-person tree: 1 CEO, 6 VPs, 7 managers each, the rest spread below.
	var people []*model.Stakeholder
	add := func(id, boss string) {
		people = append(people, &model.Stakeholder{ID: id, AccountID: "a", Name: id, ReportsTo: boss})
	}
	add("ceo", "")
	n := 1
	for v := 0; v < 6; v++ {
		vp := fmt.Sprintf("vp%d", v)
		add(vp, "ceo")
		n++
		for m := 0; m < 7; m++ {
			mgr := fmt.Sprintf("%s-m%d", vp, m)
			add(mgr, vp)
			n++
			for e := 0; e < 6 && n < 299; e++ {
				add(fmt.Sprintf("%s-e%d", mgr, e), mgr)
				n++
			}
		}
	}
	add("loner", "missing-manager")
	if len(people) != 300 {
		t.Fatalf("built %d people", len(people))
	}
	pos := model.OrgLayout(people)
	if len(pos) != len(people) {
		t.Fatalf("placed %d of %d", len(pos), len(people))
	}
	type box struct{ x, y float64 }
	var boxes []box
	for _, s := range people {
		p := pos[s.ID]
		boxes = append(boxes, box{p.X, p.Y})
	}
	for i := range boxes {
		for j := i + 1; j < len(boxes); j++ {
			a, b := boxes[i], boxes[j]
			if a.x < b.x+model.LayoutCardWidth && b.x < a.x+model.LayoutCardWidth &&
				a.y < b.y+model.LayoutCardHeight && b.y < a.y+model.LayoutCardHeight {
				t.Fatalf("%s and %s overlap at %v and %v", people[i].ID, people[j].ID, a, b)
			}
		}
	}
	// Managers sit above their reports.
	for _, s := range people {
		if boss, ok := pos[s.ReportsTo]; ok && boss.Y >= pos[s.ID].Y {
			t.Errorf("%s is not below their manager", s.ID)
		}
	}
	// A loop (a→b→a) still gets everyone placed.
	loop := []*model.Stakeholder{{ID: "a", Name: "a", ReportsTo: "b"}, {ID: "b", Name: "b", ReportsTo: "a"}}
	if got := model.OrgLayout(loop); len(got) != 2 {
		t.Errorf("loop placed %d of 2", len(got))
	}
}
