package sheet_test

import (
	"strings"
	"testing"

	"orchard/model"
	"orchard/store/sheet"
)

// A sheet of sales goals per person (a CRM's goals, a quota sheet) with no
// account: each row is that team member's own target for its quarter; a
// team goal that only adds up its sellers' (named as their parent) is left
// out, so nothing counts twice, and where it is not their sum that is
// said; a goal without a target is counted as skipped. Every row is
// accounted for, and importing it again changes nothing.
func TestGoalsPerPersonBecomeTeamMembersTargets(t *testing.T) {
	csv := "Name,Goal Owner,Target,Fiscal Period,Fiscal Year,Parent Goal\n" +
		"Team Q1 FY2026,Maria Lopez,\"$100,000.00 \",Quarter 1,FY2026,\n" +
		"Q1 FY2026 - Ann,Ann Berg,\"$40,000.00 \",Quarter 1,FY2026,Team Q1 FY2026\n" +
		"Q1 FY2026 - Ben,Ben Okafor,\"$50,000.00 \",Quarter 1,FY2026,Team Q1 FY2026\n" +
		"Q1 FY2026 - Cy,Cyrus Vance,,Quarter 1,FY2026,Team Q1 FY2026\n" +
		"Team Q2 FY2026,Maria Lopez,\"$80,000.00 \",Quarter 2,FY2026,\n" +
		"Q2 FY2026 - Ann,Ann Berg,\"$45,000.00 \",Quarter 2,FY2026,Team Q2 FY2026\n" +
		"Q2 FY2026 - Ben,Ben Okafor,\"$35,000.00 \",Quarter 2,FY2026,Team Q2 FY2026\n"
	path := writeCSV(t, "Goal.csv", csv)
	p := model.NewPortfolio()
	p.Settings = model.DefaultSettings()
	p.Settings.Rates = model.Rates{Base: "USD"}
	res := plan(t, path, p, sheet.Options{})
	if len(res.Problems) > 0 {
		t.Fatalf("problems: %+v", res.Problems)
	}
	members := map[string]string{}
	targets := map[string]model.Money{}
	for _, e := range res.Records {
		if m, ok := e.(*model.TeamMember); ok {
			members[m.ID] = m.Name
		}
	}
	for _, e := range res.Records {
		switch f := e.(type) {
		case *model.PeriodFigure:
			if f.AccountID != "" || f.FigureKind != model.FigureTarget {
				t.Errorf("a goal became an account's figure or an actual: %+v", f)
			}
			targets[members[f.MemberID]+" "+f.Period] = f.Revenue
		case *model.Account:
			t.Errorf("a goals sheet made the account %q", f.Name)
		}
	}
	want := map[string]model.Money{"Ann Berg 2026-Q1": model.MoneyFromMajor(40000), "Ben Okafor 2026-Q1": model.MoneyFromMajor(50000),
		"Ann Berg 2026-Q2": model.MoneyFromMajor(45000), "Ben Okafor 2026-Q2": model.MoneyFromMajor(35000)}
	if len(targets) != len(want) {
		t.Errorf("targets %v, want %v", targets, want)
	}
	for k, v := range want {
		if targets[k] != v {
			t.Errorf("%s: %v, want %v", k, targets[k], v)
		}
	}
	if res.Skipped != 3 || res.New != len(want)+len(members) {
		t.Errorf("%s; want the 2 team goals and the blank one skipped", res.Summary())
	}
	notes := strings.Join(res.Notes, "\n")
	for _, w := range []string{"Team Q1 FY2026 says 100,000, but the goals under it add up to 90,000", "no target"} {
		if !strings.Contains(notes, w) {
			t.Errorf("the notes do not say %q:\n%s", w, notes)
		}
	}
	if strings.Contains(notes, "Team Q2 FY2026 says") {
		t.Error("a team goal that is its sellers' sum was reported as different")
	}
	for _, e := range res.Records {
		p.Put(e)
	}
	again := plan(t, path, p, sheet.Options{})
	if again.New != 0 || again.Updated != 0 || again.Unchanged != len(want) {
		t.Errorf("importing the goals again: %s", again.Summary())
	}
}
