package workspace_test

import (
	"strings"
	"testing"
	"time"

	"orchard/model"
)

// Each named operation is one undoable step that leaves the workspace, on
// screen and on disk, as the user expects; undo puts everything back.
func TestNamedOperationsAreOneStepEach(t *testing.T) {
	ws, path := openSample(t)
	acc := firstPlanned(ws)
	p := ws.Portfolio()
	people := p.Stakeholders(acc.ID)
	var member *model.TeamMember
	for _, m := range p.TeamMembers() {
		member = m
		break
	}
	cycleDay := time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC)
	steps := []struct {
		name  string
		do    func() error
		check func() string // what is wrong after the step, or ""
	}{
		{"Save a new goal", func() error {
			return ws.Save(&model.Goal{ID: "g-new", AccountID: acc.ID, Title: "Open two new regions"})
		}, func() string {
			if p.Get(model.KindGoal, "g-new") == nil {
				return "the goal is not there"
			}
			return ""
		}},
		{"Save an edited goal", func() error {
			g := model.Clone(p.Get(model.KindGoal, "g-new")).(*model.Goal)
			g.Measure = "Regions with revenue"
			return ws.Save(g)
		}, func() string {
			if p.Get(model.KindGoal, "g-new").(*model.Goal).Measure != "Regions with revenue" {
				return "the edit is not saved"
			}
			return ""
		}},
		{"Connect", func() error { return ws.Connect(acc.ID, people[0].ID, people[1].ID, model.LinkInfluences) }, func() string {
			if p.CountOfAccount(model.KindInfluenceLink, acc.ID) == 0 {
				return "no influence line"
			}
			return ""
		}},
		{"Cover", func() error { return ws.Cover(acc.ID, member.ID, people[2].ID, model.StrengthTrustedAdvisor) }, func() string {
			for _, e := range p.OfAccount(model.KindCoverage, acc.ID) {
				if c := e.(*model.Coverage); c.MemberID == member.ID && c.StakeholderID == people[2].ID && c.Strength == model.StrengthTrustedAdvisor {
					return ""
				}
			}
			return "no coverage recorded"
		}},
		{"Re-layout the map", func() error { return ws.RelayoutMap(acc.ID) }, func() string {
			for _, s := range p.Stakeholders(acc.ID) {
				if !s.Placed {
					return s.Name + " is not placed"
				}
			}
			return ""
		}},
		{"Add a team member", func() error {
			return ws.AddTeamMember(acc.ID, &model.TeamMember{ID: "m-new", Name: "Noor Haddad", Function: model.FunctionSales})
		}, func() string {
			for _, e := range p.OfAccount(model.KindTeamAssignment, acc.ID) {
				if e.(*model.TeamAssignment).MemberID == "m-new" {
					return ""
				}
			}
			return "the new member is not on the account's team"
		}},
		{"Add a business unit", func() error { return ws.AddBusinessUnit(acc.ID, "Aftermarket") }, func() string {
			if g := p.WhitespaceGrid(acc.ID); !strings.Contains(strings.Join(g.Units, "|"), "Aftermarket") {
				return "the unit is not on the whitespace map"
			}
			return ""
		}},
		{"Save an opportunity from a whitespace cell", func() error {
			return ws.SaveOpportunity(&model.Opportunity{ID: "o-new", AccountID: acc.ID, Name: "Aftermarket platform", BusinessUnit: "Aftermarket",
				Offering: p.Settings.Offerings[0], Currency: acc.Currency})
		}, func() string {
			cell := p.WhitespaceGrid(acc.ID).Cells[[2]string{"Aftermarket", p.Settings.Offerings[0]}]
			if p.Get(model.KindOpportunity, "o-new") == nil || cell == nil || cell.State != model.CellOpen {
				return "the opportunity is missing or its cell is not open"
			}
			return ""
		}},
		{"Enter figures", func() error {
			return ws.EnterFigures("Enter actuals", []*model.PeriodFigure{{ID: "f-new", AccountID: acc.ID, Period: "2030-Q1", FigureKind: model.FigureActual, Revenue: 5_000_00}})
		}, func() string {
			if p.Get(model.KindFigure, "f-new") == nil {
				return "the figure is not there"
			}
			return ""
		}},
		{"Start the next cycle", func() error { return ws.StartNextCycle(acc.ID, cycleDay) }, func() string {
			open := 0
			for _, e := range p.OfAccount(model.KindCycle, acc.ID) {
				if !e.(*model.Cycle).Closed {
					open++
				}
			}
			if open != 1 {
				return "not exactly one open cycle"
			}
			return ""
		}},
	}
	for _, s := range steps {
		before := snapshot(p)
		if err := s.do(); err != nil {
			t.Fatalf("%s: %v", s.name, err)
		}
		if why := s.check(); why != "" {
			t.Errorf("%s: %s", s.name, why)
		}
		same(t, s.name+" (on disk)", snapshot(onDisk(t, path)), snapshot(p))
		label, ok := ws.CanUndo()
		if !ok {
			t.Fatalf("%s: nothing to undo", s.name)
		}
		if _, err := ws.Undo(); err != nil {
			t.Fatal(err)
		}
		same(t, s.name+" undone ("+label+")", snapshot(p), before)
		if _, err := ws.Redo(); err != nil {
			t.Fatal(err)
		}
	}
}

// A map line is removed as the user means: a reporting line is cleared on
// the person who reports, a link is deleted.
func TestRemoveLine(t *testing.T) {
	ws, _ := openSample(t)
	acc := firstPlanned(ws)
	p := ws.Portfolio()
	var reporter *model.Stakeholder
	for _, s := range p.Stakeholders(acc.ID) {
		if s.ReportsTo != "" {
			reporter = s
			break
		}
	}
	if err := ws.RemoveLine(model.LineReports, reporter); err != nil {
		t.Fatal(err)
	}
	if got := p.Get(model.KindStakeholder, reporter.ID).(*model.Stakeholder); got.ReportsTo != "" || got.Name != reporter.Name {
		t.Errorf("after removing the reporting line: reports to %q, name %q", got.ReportsTo, got.Name)
	}
	people := p.Stakeholders(acc.ID)
	if err := ws.Connect(acc.ID, people[0].ID, people[1].ID, model.LinkInfluences); err != nil {
		t.Fatal(err)
	}
	links := p.OfAccount(model.KindInfluenceLink, acc.ID)
	link := links[len(links)-1]
	if err := ws.RemoveLine(model.LineInfluence, link); err != nil {
		t.Fatal(err)
	}
	if p.Get(model.KindInfluenceLink, link.EntityID()) != nil {
		t.Error("the influence line is still there")
	}
}

// Refusals say why and change nothing.
func TestNamedOperationsRefuse(t *testing.T) {
	ws, _ := openSample(t)
	acc := firstPlanned(ws)
	before := snapshot(ws.Portfolio())
	units := ws.Portfolio().WhitespaceGrid(acc.ID).Units
	for _, c := range []struct {
		err  error
		want string
	}{
		{ws.AddBusinessUnit(acc.ID, "  "), "needs a name"},
		{ws.ReorderGoals(acc.ID, 99, 0), "cannot move goal"},
		{ws.EnterFigures("Paste", nil), "no figures"},
		{ws.Save(&model.Goal{ID: "bad", AccountID: acc.ID}), "title"},
	} {
		if c.err == nil || !strings.Contains(c.err.Error(), c.want) {
			t.Errorf("%v, want a refusal saying %q", c.err, c.want)
		}
	}
	if len(units) > 0 {
		if err := ws.AddBusinessUnit(acc.ID, strings.ToUpper(units[0])); err == nil || !strings.Contains(err.Error(), "already on the map") {
			t.Errorf("a unit already on the map: %v", err)
		}
	}
	same(t, "after refusals", snapshot(ws.Portfolio()), before)
}
