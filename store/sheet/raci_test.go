package sheet_test

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"orchard/model"
	"orchard/store/sheet"
)

// A responsibility matrix from a project template: role groups merged
// above role names, a deliverable column whose header sits beside the
// first section's name, section rows between the tasks, combined codes.
// Each task becomes one action owned by the role responsible for it,
// with every role's part in its notes and its section; the roles join the
// team once; sections are no actions, and every row is accounted for.
func TestResponsibilityMatrix(t *testing.T) {
	f := excelize.NewFile()
	rows := [][]any{
		{"", "", "Leadership", "Delivery", "", "Customer side"},
		{"", "", "Sponsor", "Project Lead", "Engineer", "Key User"},
		{},
		{"Kick-off", "Deliverable"},
		{"– Agree scope", "Charter", "A", "R", "C", "I"},
		{"– Plan milestones", "Plan", "I", "R/A", "C", ""},
		{"Build"},
		{"– Build the interface", "Release 1", "", "A", "R", "C"},
		{"– Test with users", "Test report", "", "A", "C", "R"},
		{"– Sign off", "Sign-off", "A/R", "C", "", "I"},
	}
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		f.SetSheetRow("Sheet1", cell, &r)
	}
	f.MergeCell("Sheet1", "D1", "E1")
	path := filepath.Join(t.TempDir(), "raci.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	m := sheet.Analyse(read(t, path))[0]
	if m.Kind != sheet.KindActions || m.HeaderRow != 2 || m.Fields[0] != sheet.FAction || m.Headers[1] != "Deliverable" {
		t.Fatalf("read as %s from row %d: %q %q", m.Kind, m.HeaderRow, m.Headers, m.Fields)
	}
	p, acme := withAccount("Acme")
	res := plan(t, path, p, sheet.Options{AccountID: acme.ID})
	// 5 tasks and 4 roles; the 2 section rows skipped, the blank row not a row.
	if res.New != 9 || res.Skipped != 2 || len(res.Problems) != 0 {
		t.Fatalf("%s; problems %v; notes %q", res.Summary(), res.Problems, res.Notes)
	}
	apply(p, res)
	members := map[string]*model.TeamMember{}
	for _, tm := range p.TeamMembers() {
		members[tm.ID] = tm
	}
	if len(members) != 4 {
		t.Errorf("%d team members, want the 4 roles", len(members))
	}
	actions := map[string]*model.Action{}
	for _, e := range p.OfAccount(model.KindAction, acme.ID) {
		a := e.(*model.Action)
		actions[a.Title] = a
	}
	if len(actions) != 5 || actions["Build"] != nil || actions["Kick-off"] != nil {
		t.Fatalf("actions %v: want the 5 tasks and no section", actions)
	}
	check := func(title, owner, section, part string) {
		t.Helper()
		a := actions[title]
		if a == nil {
			t.Fatalf("no action %q (bullet not trimmed?)", title)
		}
		if m := members[a.OwnerID]; m == nil || m.Name != owner {
			t.Errorf("%s is owned by %v, want %s", title, members[a.OwnerID], owner)
		}
		for _, want := range []string{"Section: " + section, part} {
			if !strings.Contains(a.Notes, want) {
				t.Errorf("%s notes %q lack %q", title, a.Notes, want)
			}
		}
	}
	check("Agree scope", "Project Lead", "Kick-off", "Deliverable: Charter")
	check("Plan milestones", "Project Lead", "Kick-off", "Accountable: Project Lead")
	check("Test with users", "Key User", "Build", "Consulted: Engineer")
	check("Sign off", "Sponsor", "Build", "Responsible: Sponsor")
}

// Section rows in an ordinary action list: a phase's name alone, or merged
// across the row, heads the tasks below; it is not a task.
func TestSectionRowsInAnActionList(t *testing.T) {
	p, acme := withAccount("Acme")
	res := plan(t, writeCSV(t, "actions.csv", "Action,Owner,Status,Due\n"+
		"Phase 1,,,\n"+
		"Run the workshop,Ana,planned,2026-03-01\n"+
		"Send the proposal,Ben,done,2026-03-10\n"+
		"Phase 2,Phase 2,Phase 2,Phase 2\n"+
		"Pilot,Ana,in progress,2026-05-01\n"), p, sheet.Options{AccountID: acme.ID})
	apply(p, res)
	if res.New != 3 || res.Skipped != 2 {
		t.Fatalf("%s; problems %v", res.Summary(), res.Problems)
	}
	for _, e := range p.OfAccount(model.KindAction, acme.ID) {
		a := e.(*model.Action)
		want := map[string]string{"Run the workshop": "Phase 1", "Send the proposal": "Phase 1", "Pilot": "Phase 2"}[a.Title]
		if want == "" || !strings.Contains(a.Notes, "Section: "+want) {
			t.Errorf("%q (notes %q): want it in section %q", a.Title, a.Notes, want)
		}
	}
	if !strings.Contains(strings.Join(res.Notes, " "), "2 rows name a section") {
		t.Errorf("notes %q", res.Notes)
	}
}

// A board exported group by group (monday.com and the like): the group's
// name above each repeated header, statuses in the board's own words.
// Each item is one action in its group's section; the repeated header is
// no action.
func TestBoardExportedGroupByGroup(t *testing.T) {
	p, acme := withAccount("Acme")
	res := plan(t, writeCSV(t, "board.csv", "Account plan Acme,,,\n,,,\nQ1 actions,,,\nName,Person,Status,Date\n"+
		"Kick-off workshop,Tom Lee,Done,2026-01-15\nSend proposal,Sue Kim,Working on it,2026-02-01\n,,,\n"+
		"Q2 actions,,,\nName,Person,Status,Date\nPilot review,Tom Lee,Stuck,2026-04-10\n"), p, sheet.Options{AccountID: acme.ID})
	if res.New != 3 || res.Skipped != 2 || len(res.Problems) != 0 {
		t.Fatalf("%s; problems %v", res.Summary(), res.Problems)
	}
	apply(p, res)
	want := map[string][2]string{"Kick-off workshop": {"Q1 actions", "done"}, "Send proposal": {"Q1 actions", "in_progress"},
		"Pilot review": {"Q2 actions", "blocked"}}
	for _, e := range p.OfAccount(model.KindAction, acme.ID) {
		a := e.(*model.Action)
		w, ok := want[a.Title]
		if !ok || !strings.Contains(a.Notes, "Section: "+w[0]) || string(a.Status) != w[1] {
			t.Errorf("%q: status %s, notes %q", a.Title, a.Status, a.Notes)
		}
	}
}
