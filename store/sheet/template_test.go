package sheet_test

import (
	"path/filepath"
	"testing"

	"github.com/xuri/excelize/v2"

	"orchard/model"
	"orchard/store/sheet"
)

// An account plan template: instructions, the account's overview as a
// form, its stakeholders and actions without an account column, and a
// revenue plan by product line. Everything lands on the account the
// overview describes, the product lines adding up per month.
func TestAccountPlanTemplateLandsOnItsAccount(t *testing.T) {
	path := filepath.Join(t.TempDir(), "Key Account Plan.xlsx")
	f := excelize.NewFile()
	put := func(sheet string, rows [][]any) {
		if _, err := f.GetSheetIndex(sheet); err != nil || sheet != "Sheet1" {
			f.NewSheet(sheet)
		}
		for i, r := range rows {
			c, _ := excelize.CoordinatesToCellName(1, i+1)
			f.SetSheetRow(sheet, c, &r)
		}
	}
	put("Instructions", [][]any{{"How to use this template"}, {}, {"1. Fill in the account overview."}, {"2. List the stakeholders."}})
	f.DeleteSheet("Sheet1")
	put("Account Overview", [][]any{{"Key Account Plan"}, {}, {"Account name", "Globex Corporation"}, {"Industry", "Manufacturing"},
		{"Annual revenue (USD)", 12500000}, {"Account manager", "Jane Doe"}})
	put("Stakeholder Map", [][]any{{"Stakeholder Map"}, {}, {"Name", "Role / Title", "Influence (H/M/L)", "Attitude"},
		{"Hank Scorpio", "CEO", "H", "Supporter"}, {"Karen Smith", "CFO", "H", "Sceptic"}, {"Bob Jones", "Head of Plant Ops", "M", "Champion"}})
	put("Action Plan", [][]any{{"Action Plan FY26"}, {}, {"#", "Action", "Owner", "Due date", "Status"},
		{1, "Run executive business review", "Jane Doe", "2026-02-15", "Not started"},
		{2, "Map plant decision makers", "Tom Lee", "2026-03-01", "In progress"}})
	months := []any{"Product line"}
	for _, m := range []string{"Jan", "Feb", "Mar"} {
		months = append(months, m+"-26")
	}
	lines := [][]any{months, {"Sensors", 11000, 12000, 13000}, {"Services", 20500, 21500, 22500}, {"Software", 7000, 7000, 7500},
		{"Total", 38500, 40500, 43000}}
	put("Revenue Plan", lines)
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	p := model.NewPortfolio()
	res := plan(t, path, p, sheet.Options{})
	apply(p, res)
	if p.Count(model.KindAccount) != 1 {
		t.Fatalf("%d accounts %v, want Globex alone: %s", p.Count(model.KindAccount), p.Accounts(), res.Summary())
	}
	globex := p.Accounts()[0]
	if globex.Name != "Globex Corporation" || len(p.Stakeholders(globex.ID)) != 3 || len(p.Actions(globex.ID)) != 2 {
		t.Errorf("Globex has %d people and %d actions, want 3 and 2", len(p.Stakeholders(globex.ID)), len(p.Actions(globex.ID)))
	}
	got := map[string]model.Money{}
	for _, e := range p.All(model.KindFigure) {
		f := e.(*model.PeriodFigure)
		if f.AccountID != globex.ID || f.FigureKind != model.FigureTarget {
			t.Errorf("figure %+v: want Globex's target", f)
		}
		got[f.Period] += f.Revenue
	}
	want := map[string]float64{"2026-01": 38500, "2026-02": 40500, "2026-03": 43000}
	for period, v := range want {
		if got[period] != model.MoneyFromMajor(v) {
			t.Errorf("%s: %v, want %v (the product lines added up)", period, got[period], v)
		}
	}
	// The second and third lines went into the first's figures; the
	// total row is left out.
	if res.Merged != 2 || res.Skipped != 1 {
		t.Errorf("%s: want the 2 later lines merged and the total skipped", res.Summary())
	}
}
