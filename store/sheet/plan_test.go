package sheet_test

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"orchard/model"
	"orchard/store/sheet"

	"github.com/xuri/excelize/v2"
)

// figuresByAccount totals the imported figures per account name and kind.
func figuresByAccount(p *model.Portfolio) map[string]model.Money {
	out := map[string]model.Money{}
	for _, a := range p.Accounts() {
		for _, e := range p.OfAccount(model.KindFigure, a.ID) {
			f := e.(*model.PeriodFigure)
			out[a.Name+" "+string(f.FigureKind)] += f.Revenue
		}
	}
	return out
}

// A plan laid out as an outline, in words Orchard has no vocabulary for:
// region rows summing the stores below them, a store-less heading, a grand
// total row, a total column. Each store's months land once, as targets (the
// file is a plan), and every row is accounted for.
func TestWidePlanOutlineWithSubtotals(t *testing.T) {
	var b strings.Builder
	b.WriteString("Ke hoach theo cua hang,,,,\n,,,,\n")
	b.WriteString("Vung / Cua hang,,Jan 2026,Feb 2026,Tong\n")
	stores := map[string][][2]int{
		"North": {{10, 20}, {30, 40}},
		"South": {{5, 6}, {7, 8}, {9, 10}},
	}
	names := map[string][]string{"North": {"Harbour", "Old Town"}, "South": {"Riverside", "Market", "Station"}}
	total := [2]int{}
	for _, region := range []string{"North", "South"} {
		sum := [2]int{}
		for _, v := range stores[region] {
			sum[0], sum[1] = sum[0]+v[0], sum[1]+v[1]
		}
		total[0], total[1] = total[0]+sum[0], total[1]+sum[1]
		fmt.Fprintf(&b, "%s,,%d,%d,%d\n", region, sum[0], sum[1], sum[0]+sum[1])
		for i, v := range stores[region] {
			fmt.Fprintf(&b, ",%s,%d,%d,%d\n", names[region][i], v[0], v[1], v[0]+v[1])
		}
	}
	b.WriteString("West,,0,0,0\n,Pier,0,0,0\n")
	fmt.Fprintf(&b, "Tong cong,,%d,%d,%d\n", total[0], total[1], total[0]+total[1])
	path := writeCSV(t, "store revenue plan.csv", b.String())

	p := model.NewPortfolio()
	res := plan(t, path, p, sheet.Options{})
	// 6 stores (with Pier) and their 12 figures; 2 region sums, 1 heading
	// (West) and the grand total left out.
	if res.New != 18 || res.Skipped != 4 || len(res.Problems) != 0 {
		t.Fatalf("%s; problems %v; notes %q", res.Summary(), res.Problems, res.Notes)
	}
	notes := strings.Join(res.Notes, "\n")
	for _, want := range []string{"3 subtotal and total rows are left out", "row 4 adds up rows 5–6", "head a group of rows"} {
		if !strings.Contains(notes, want) {
			t.Errorf("notes lack %q:\n%s", want, notes)
		}
	}
	apply(p, res)
	got := figuresByAccount(p)
	if got["Harbour target"] != 30_00 || got["Station target"] != 19_00 || got["Pier target"] != 0 {
		t.Errorf("figures %v", got)
	}
	var all model.Money
	for k, v := range got {
		if strings.HasSuffix(k, " actual") {
			t.Errorf("a plan's figure read as actual: %s", k)
		}
		all += v
	}
	if want := model.Money((total[0] + total[1]) * 100); all != want {
		t.Errorf("the plan adds up to %d, want %d: a sum was counted or a store lost", all, want)
	}
	for _, a := range p.Accounts() {
		if a.Name == "North" || a.Name == "West" || strings.HasPrefix(a.Name, "Tong") {
			t.Errorf("a sum or heading became account %q", a.Name)
		}
	}
}

// Subtotal rows below the rows they add up, in a list with an account
// column, are left out by their values whatever they are called; a year
// column beside its months is a total column.
func TestSubtotalRowsBelowAndTotalColumn(t *testing.T) {
	path := writeCSV(t, "actuals.csv", "Customer,Jan 2026,Feb 2026,2026\n"+
		"Acme,100,200,300\nBeta,50,70,120\nNord,150,270,420\n"+
		"Gamma,1,2,3\nDelta,4,5,9\nSüd,5,7,12\n")
	p := model.NewPortfolio()
	res := plan(t, path, p, sheet.Options{})
	if res.Skipped != 2 || res.New != 4+8 {
		t.Fatalf("%s; notes %q; problems %v", res.Summary(), res.Notes, res.Problems)
	}
	notes := strings.Join(res.Notes, "\n")
	if !strings.Contains(notes, "column D (2026) adds up the periods within it") || !strings.Contains(notes, "row 4 adds up rows 2–3") {
		t.Errorf("notes %s", notes)
	}
	apply(p, res)
	got := figuresByAccount(p)
	if got["Acme actual"] != 300_00 || got["Delta actual"] != 9_00 || len(got) != 4 {
		t.Errorf("figures %v", got)
	}
}

// A long plan with headers in an unknown language: the column of months
// (written month/day/year, always on the 1st) and the amounts beside it
// say what the sheet holds; the store column with the most names is the
// account, not the region above it.
func TestLongPlanReadFromItsValues(t *testing.T) {
	var b strings.Builder
	b.WriteString("Doanh thu ke hoach\n\nQuan,Cua hang,Thang,Doanh thu\n")
	for _, s := range []struct{ region, store string }{{"Ba Dinh", "Ngoc Ho"}, {"Ba Dinh", "Thanh Cong"}, {"Cau Giay", "Dich Vong"}} {
		for m := 1; m <= 12; m++ {
			fmt.Fprintf(&b, "%s,%s,%d/1/2022,%d\n", s.region, s.store, m, 1000*m)
		}
	}
	path := writeCSV(t, "ke hoach 2022 budget.csv", b.String())
	p := model.NewPortfolio()
	res := plan(t, path, p, sheet.Options{})
	if res.Sheets[0].Kind != sheet.KindRevenue || res.New != 3+36 || res.Skipped != 0 || res.Merged != 0 {
		t.Fatalf("%+v: %s; problems %v", res.Sheets[0], res.Summary(), res.Problems)
	}
	apply(p, res)
	periods := map[string]bool{}
	for _, a := range p.Accounts() {
		if a.Name == "Ba Dinh" {
			t.Errorf("the region was taken for the account")
		}
		for _, e := range p.OfAccount(model.KindFigure, a.ID) {
			f := e.(*model.PeriodFigure)
			periods[f.Period] = true
			if f.FigureKind != model.FigureTarget {
				t.Errorf("%s %s read as %s in a budget", a.Name, f.Period, f.FigureKind)
			}
		}
	}
	if len(periods) != 12 || !periods["2022-02"] || !periods["2022-12"] {
		t.Errorf("periods %v: 2/1/2022 must read as February", periods)
	}
}

// A quarter in one column and its year in another ("Quarter 1" beside
// "FY2025"), or a year alone, make the period.
func TestPeriodAndYearInTwoColumns(t *testing.T) {
	p, acme := withAccount("Acme")
	res := plan(t, writeCSV(t, "targets.csv", "Account,Fiscal Period,Fiscal Year,Target\n"+
		"Acme,Quarter 1,FY2025,100\nAcme,Quartal 2,2025,200\nAcme,,2026,900\n"), p, sheet.Options{})
	if res.New != 3 || res.Skipped != 0 {
		t.Fatalf("%s; problems %v", res.Summary(), res.Problems)
	}
	apply(p, res)
	got := map[string]model.Money{}
	for _, e := range p.OfAccount(model.KindFigure, acme.ID) {
		f := e.(*model.PeriodFigure)
		got[f.Period+" "+string(f.FigureKind)] = f.Revenue
	}
	if got["2025-Q1 target"] != 100_00 || got["2025-Q2 target"] != 200_00 || got["2026 target"] != 900_00 {
		t.Errorf("figures %v", got)
	}
}

// A wide sheet with a column saying Plan or Ist on each row: each row's
// months are that kind, so the plan and the actuals of an account both
// land instead of one folding into the other.
func TestWideSheetWithPlanAndActualRows(t *testing.T) {
	p := model.NewPortfolio()
	res := plan(t, writeCSV(t, "umsatz.csv", "Kunde,Art,Jan 2026,Feb 2026,Mär 2026\n"+
		"Acme Corp,Plan,100,110,120\nAcme Corp,Ist,90,115,\nBeta GmbH,Plan,50,50,50\nBeta GmbH,Ist,40,55,\n"), p, sheet.Options{})
	if res.New != 2+10 || res.Merged != 0 || res.Skipped != 0 {
		t.Fatalf("%s; problems %v", res.Summary(), res.Problems)
	}
	apply(p, res)
	got := figuresByAccount(p)
	if got["Acme Corp target"] != 330_00 || got["Acme Corp actual"] != 205_00 || got["Beta GmbH actual"] != 95_00 {
		t.Errorf("figures %v", got)
	}
}

// Dates stored as Excel dates in Excel's built-in short format reach the
// importer as the spreadsheet library shows them (03-31-26, month first)
// and are read as those dates; a percentage cell gives a probability.
func TestExcelShortDatesAndPercentages(t *testing.T) {
	f := excelize.NewFile()
	rows := [][]any{
		{"Opportunity", "Customer", "Value", "Expected close", "Phase", "Win %"},
		{"Acme renewal", "Acme Corp", 120000.5, time.Date(2026, 3, 31, 0, 0, 0, 0, time.UTC), "Proposal", 0.75},
		{"Beta pilot", "Beta GmbH", 45000, time.Date(2026, 5, 4, 0, 0, 0, 0, time.UTC), "Qualify", 0.1},
	}
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		f.SetSheetRow("Sheet1", cell, &r)
	}
	date, _ := f.NewStyle(&excelize.Style{NumFmt: 14})
	pct, _ := f.NewStyle(&excelize.Style{NumFmt: 9})
	f.SetCellStyle("Sheet1", "D2", "D3", date)
	f.SetCellStyle("Sheet1", "F2", "F3", pct)
	path := filepath.Join(t.TempDir(), "opportunities.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	p := model.NewPortfolio()
	res := plan(t, path, p, sheet.Options{})
	if len(res.Problems) != 0 || res.New != 4 {
		t.Fatalf("%s; problems %v", res.Summary(), res.Problems)
	}
	apply(p, res)
	for _, e := range p.All(model.KindOpportunity) {
		o := e.(*model.Opportunity)
		switch o.Name {
		case "Acme renewal":
			if o.ExpectedClose.Format("2006-01-02") != "2026-03-31" || o.Probability != 75 {
				t.Errorf("Acme renewal closes %v at %d %%", o.ExpectedClose, o.Probability)
			}
		case "Beta pilot":
			if o.ExpectedClose.Format("2006-01-02") != "2026-05-04" || o.Probability != 10 {
				t.Errorf("Beta pilot closes %v at %d %% (4 May, not 5 April)", o.ExpectedClose, o.Probability)
			}
		}
	}
}

// Excel's short dates are month first whatever their numbers: a column of
// them asks no question about the order, and 05-04-26 is 4 May.
func TestExcelShortDatesAskNothing(t *testing.T) {
	f := excelize.NewFile()
	rows := [][]any{{"Task", "Due date", "Status"}, {"Call", time.Date(2026, 5, 4, 0, 0, 0, 0, time.UTC), "open"},
		{"Visit", time.Date(2026, 6, 2, 0, 0, 0, 0, time.UTC), "open"}}
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		f.SetSheetRow("Sheet1", cell, &r)
	}
	date, _ := f.NewStyle(&excelize.Style{NumFmt: 14})
	f.SetCellStyle("Sheet1", "B2", "B3", date)
	path := filepath.Join(t.TempDir(), "actions.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	p, acme := withAccount("Acme")
	res := plan(t, path, p, sheet.Options{AccountID: acme.ID})
	if len(res.Questions) != 0 || len(res.Problems) != 0 {
		t.Fatalf("questions %v; problems %v", res.Questions, res.Problems)
	}
	apply(p, res)
	for _, e := range p.OfAccount(model.KindAction, acme.ID) {
		a := e.(*model.Action)
		if want := map[string]string{"Call": "2026-05-04", "Visit": "2026-06-02"}[a.Title]; a.Due.Format("2006-01-02") != want {
			t.Errorf("%s is due %v, want %s", a.Title, a.Due, want)
		}
	}
}
