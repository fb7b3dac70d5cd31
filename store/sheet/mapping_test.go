package sheet_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"orchard/model"
	"orchard/store/sheet"
)

func writeCSV(t *testing.T, name, text string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func read(t *testing.T, path string) *sheet.Workbook {
	t.Helper()
	wb, err := sheet.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return wb
}

func withAccount(name string) (*model.Portfolio, *model.Account) {
	p := model.NewPortfolio()
	a := &model.Account{ID: model.NewID(), Name: name, Currency: "EUR", Objective: model.ObjectiveGrowth}
	p.Put(a)
	return p, a
}

// "Contact" merged above "Name" and "Title", "Company" merged down two
// rows: the columns read as Contact Name, Contact Title and Company.
func TestTwoRowHeader(t *testing.T) {
	f := excelize.NewFile()
	rows := [][]any{
		{"ID", "Contact", "", "Company", "Attitude"},
		{"", "Name", "Title", "", ""},
		{"7", "Ana Ruiz", "CFO", "Acme", "champion"},
		{"8", "Ben Ode", "CIO", "Acme", "sceptic"},
	}
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		f.SetSheetRow("Sheet1", cell, &r)
	}
	f.MergeCell("Sheet1", "B1", "C1")
	f.MergeCell("Sheet1", "D1", "D2")
	path := filepath.Join(t.TempDir(), "contacts.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	p, acme := withAccount("Acme")
	m := sheet.Analyse(read(t, path))[0]
	if m.HeaderRow != 2 || !m.TwoRows || m.Kind != sheet.KindStakeholders {
		t.Fatalf("header row %d two=%v kind %s; want row 2, two rows, stakeholders", m.HeaderRow, m.TwoRows, m.Kind)
	}
	if strings.Join(m.Headers, "|") != "ID|Contact Name|Contact Title|Company|Attitude" {
		t.Errorf("headers read as %q", m.Headers)
	}
	res := plan(t, path, p, sheet.Options{})
	if res.New != 2 {
		t.Fatalf("%s, problems %v", res.Summary(), res.Problems)
	}
	apply(p, res)
	people := p.OfAccount(model.KindStakeholder, acme.ID)
	if len(people) != 2 {
		t.Fatalf("%d people under Acme", len(people))
	}
	for _, e := range people {
		s := e.(*model.Stakeholder)
		if s.Name == "Ana Ruiz" && (s.Title != "CFO" || s.Attitude != 2) {
			t.Errorf("Ana Ruiz stored as %+v", s)
		}
	}
}

func TestRevenueActualsSheet(t *testing.T) {
	path := writeCSV(t, "revenue.csv", "Account;Month;Plan;Actual;Margin\n"+
		"Acme;Mar 2026;100.000;95.000,50;20.000\n"+
		"Acme;2026-04;100.000;110.000;\n"+
		"Acme;Q2 2026;300.000;;\n"+
		"Acme;next year;1;1;\n")
	p, acme := withAccount("Acme")
	m := sheet.Analyse(read(t, path))[0]
	if m.Kind != sheet.KindRevenue {
		t.Fatalf("sheet read as %s, want revenue figures", m.Kind)
	}
	res := plan(t, path, p, sheet.Options{})
	if res.New != 5 || res.Skipped != 1 {
		t.Fatalf("%s; problems %v", res.Summary(), res.Problems)
	}
	if pr := res.Problems[0]; pr.Row != 5 || pr.Column != "Month" || pr.Found != "next year" {
		t.Errorf("problem %s should name row 5, column Month", pr)
	}
	apply(p, res)
	got := map[string]model.Money{}
	for _, e := range p.OfAccount(model.KindFigure, acme.ID) {
		f := e.(*model.PeriodFigure)
		got[f.Period+" "+string(f.FigureKind)] = f.Revenue
		if f.Period == "2026-03" && f.FigureKind == model.FigureActual && f.Margin != 20_000_00 {
			t.Errorf("March margin %v, want 20,000", f.Margin)
		}
	}
	want := map[string]model.Money{"2026-03 target": 100_000_00, "2026-03 actual": 95_000_50, "2026-04 target": 100_000_00,
		"2026-04 actual": 110_000_00, "2026-Q2 target": 300_000_00}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s = %v, want %v", k, got[k], v)
		}
	}
	// The same file again updates nothing and adds nothing.
	again := plan(t, path, p, sheet.Options{})
	if again.New != 0 || again.Updated != 0 || again.Unchanged != 5 {
		t.Errorf("re-import: %s", again.Summary())
	}
}

// A column no field takes can go to the notes as "Header: value"; an
// edited mapping can leave a column out; a re-import does not repeat notes.
func TestEditedMappingAndNotes(t *testing.T) {
	path := writeCSV(t, "accounts.csv", "Account,Industry,Segment,Owner\nAcme,Retail,Enterprise,Jo\n")
	wb := read(t, path)
	sheets := sheet.Analyse(wb)
	m := &sheets[0]
	for j, h := range m.Headers {
		switch h {
		case "Segment":
			m.Fields[j] = sheet.FToNotes
		case "Owner":
			m.Fields[j] = ""
		}
	}
	p := model.NewPortfolio()
	res, err := sheet.Plan(wb, p, sheet.Options{Sheets: sheets, Today: today})
	if err != nil {
		t.Fatal(err)
	}
	a := res.Records[0].(*model.Account)
	if a.Notes != "Segment: Enterprise" || a.Owner != "" || a.Industry != "Retail" {
		t.Errorf("stored account %+v; want Segment in notes and no owner", a)
	}
	apply(p, res)
	again, _ := sheet.Plan(wb, p, sheet.Options{Sheets: sheets, Today: today})
	if again.Unchanged != 1 || again.Updated != 0 {
		t.Errorf("re-import with the same mapping: %s", again.Summary())
	}
}

func TestAmbiguousDatesAreAsked(t *testing.T) {
	text := "Account,Action,Due\nAcme,Call the CFO,03/04/2026\nAcme,Send the proposal,05/06/2026\n"
	path := writeCSV(t, "actions.csv", text)
	p, _ := withAccount("Acme")
	res := plan(t, path, p, sheet.Options{})
	if len(res.Questions) != 1 || !strings.Contains(res.Questions[0].Text, "03/04/2026") {
		t.Fatalf("questions %v; want one about 03/04/2026", res.Questions)
	}
	wb := read(t, path)
	for _, c := range []struct {
		dates string
		month time.Month
	}{{sheet.DatesDMY, time.April}, {sheet.DatesMDY, time.March}} {
		sheets := sheet.Analyse(wb)
		sheets[0].Dates = c.dates
		res, err := sheet.Plan(wb, p, sheet.Options{Sheets: sheets, Today: today})
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Questions) != 0 {
			t.Errorf("%s: still asked %v", c.dates, res.Questions)
		}
		for _, e := range res.Records {
			if x := e.(*model.Action); x.Title == "Call the CFO" && x.Due.Month() != c.month {
				t.Errorf("%s: due %s, want month %s", c.dates, x.Due.Format("2006-01-02"), c.month)
			}
		}
	}
	// A day above 12 settles it without asking.
	clear := writeCSV(t, "actions2.csv", text+"Acme,Workshop,25/06/2026\n")
	if res := plan(t, clear, p, sheet.Options{}); len(res.Questions) != 0 {
		t.Errorf("asked %v although 25/06/2026 can only be day first", res.Questions)
	}
}

// A saved mapping reads the next file of the same shape the same way,
// whatever the file or sheet is called; a broken mapping file is refused
// with what is wrong in it.
func TestSavedMappingIsReused(t *testing.T) {
	first := read(t, writeCSV(t, "march.csv", "Kunde;Bemerkung;Umsatz\nAcme;wichtig;1.000\n"))
	sheets := sheet.Analyse(first)
	sheets[0].Fields[1] = sheet.FToNotes
	saved, err := sheet.UnmarshalMapping(sheet.MarshalMapping(sheets))
	if err != nil {
		t.Fatal(err)
	}
	next := read(t, writeCSV(t, "april.csv", "Kunde;Bemerkung;Umsatz\nAcme;sehr wichtig;2.000\n"))
	fresh := sheet.Analyse(next)
	if fresh[0].Fields[1] == sheet.FToNotes {
		t.Fatal("the test needs Bemerkung not to go to notes by itself")
	}
	if n := sheet.Reuse(fresh, saved); n != 1 || fresh[0].Fields[1] != sheet.FToNotes {
		t.Fatalf("reused %d sheets, fields %v", n, fresh[0].Fields)
	}
	other := sheet.Analyse(read(t, writeCSV(t, "x.csv", "Kunde;Umsatz\nAcme;1\n")))
	if n := sheet.Reuse(other, saved); n != 0 {
		t.Error("a mapping was reused for a file of another shape")
	}
	for _, bad := range []string{`{"format":"something else"}`, `not json`,
		`{"format":"orchard import mapping","sheets":[{"sheet":"S","headers":["A"],"kind":"accounts","fields":["salary"]}]}`} {
		if _, err := sheet.UnmarshalMapping([]byte(bad)); err == nil {
			t.Errorf("mapping %s was accepted", bad)
		}
	}
	_, err = sheet.UnmarshalMapping([]byte(`{"format":"orchard import mapping","sheets":[{"sheet":"S","headers":["A"],"kind":"accounts","fields":["salary"]}]}`))
	if err == nil || !strings.Contains(err.Error(), "sheet S, column A") {
		t.Errorf("error %v should name the sheet and column", err)
	}
}

// The preview shows rows as they will be stored, with what happens to
// each, including links made after the row was read.
func TestPreviewRows(t *testing.T) {
	path := writeCSV(t, "people.csv", "Account,Name,Title,Reports to\nAcme,Ana,CEO,\nAcme,Ben,CFO,Ana\n,Cy,CTO,\n")
	p, _ := withAccount("Acme")
	res := plan(t, path, p, sheet.Options{})
	if len(res.Preview) != 3 {
		t.Fatalf("%d preview rows, want 3", len(res.Preview))
	}
	ana, ben, cy := res.Preview[0], res.Preview[1], res.Preview[2]
	if ana.Outcome != "new" || ben.Row != 3 || cy.Outcome != "skipped" || cy.Record != nil {
		t.Errorf("outcomes %s %s(row %d) %s", ana.Outcome, ben.Outcome, ben.Row, cy.Outcome)
	}
	if b, ok := ben.Record.(*model.Stakeholder); !ok || b.ReportsTo != ana.Record.EntityID() {
		t.Errorf("Ben's preview does not show him reporting to Ana: %+v", ben.Record)
	}
}

func TestPreviewTableShowsNames(t *testing.T) {
	path := writeCSV(t, "people.csv", "Account,Name,Title,Reports to\nAcme,Ana,CEO,\nAcme,Ben,CFO,Ana\n,Cy,CTO,\n")
	p, _ := withAccount("Acme")
	res := plan(t, path, p, sheet.Options{})
	headers, rows := res.PreviewTable(p, "people", sheet.KindStakeholders)
	col := map[string]int{}
	for i, h := range headers {
		col[h] = i
	}
	if len(rows) != 3 || rows[1][col["Reports to"]] != "Ana" || rows[1][col["Account"]] != "Acme" || rows[2][col["Will be"]] != "skipped" ||
		!strings.Contains(rows[2][col["Problem"]], "expected an account") {
		t.Errorf("preview table %v %v", headers, rows)
	}
}

// An account name merged down over its people belongs to each of them.
func TestMergedCellsFillDown(t *testing.T) {
	f := excelize.NewFile()
	rows := [][]any{
		{"Account", "Name", "Title"},
		{"Acme", "Ana Ruiz", "CFO"},
		{"", "Ben Ode", "CIO"},
		{"", "Cy Park", "CTO"},
	}
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		f.SetSheetRow("Sheet1", cell, &r)
	}
	f.MergeCell("Sheet1", "A2", "A4")
	path := filepath.Join(t.TempDir(), "merged.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	p, acme := withAccount("Acme")
	res := plan(t, path, p, sheet.Options{})
	if res.New != 3 || len(res.Problems) != 0 {
		t.Fatalf("%s; problems %v", res.Summary(), res.Problems)
	}
	for _, e := range res.Records {
		if e.(*model.Stakeholder).AccountID != acme.ID {
			t.Errorf("%s is not under Acme", model.Describe(e))
		}
	}
}

// A legacy plan with a column per month: each filled cell is a figure for
// the month its header names; "Plan" headers are targets.
func TestWideRevenueSheet(t *testing.T) {
	path := writeCSV(t, "actuals.csv", "Customer,Jan 2026,Feb 2026,Mar 2026,Plan Q1 2026\n"+
		"Acme,\"10,000\",\"12,500\",,\"30,000\"\n"+
		"Acme Two,1,,,\n")
	p, acme := withAccount("Acme")
	m := sheet.Analyse(read(t, path))[0]
	if m.Kind != sheet.KindRevenue || m.Fields[1] != sheet.FPeriodActual || m.Fields[4] != sheet.FPeriodTarget {
		t.Fatalf("read as %s with fields %q", m.Kind, m.Fields)
	}
	res := plan(t, path, p, sheet.Options{})
	// Acme Two is not in the workspace: the plan adds it, with its figure.
	if res.New != 5 || res.Skipped != 0 || !strings.Contains(strings.Join(res.Notes, " "), "1 accounts named in the file are not in the workspace") {
		t.Fatalf("%s; problems %v; notes %q", res.Summary(), res.Problems, res.Notes)
	}
	apply(p, res)
	got := map[string]model.Money{}
	for _, e := range p.OfAccount(model.KindFigure, acme.ID) {
		f := e.(*model.PeriodFigure)
		got[f.Period+" "+string(f.FigureKind)] = f.Revenue
	}
	if got["2026-01 actual"] != 10_000_00 || got["2026-02 actual"] != 12_500_00 || got["2026-Q1 target"] != 30_000_00 || len(got) != 3 {
		t.Errorf("figures %v", got)
	}
}

// A wide row shows each of its figures in the preview, and a row with one
// bad amount keeps none of its figures.
func TestWideRowPreviewAndWholeRows(t *testing.T) {
	path := writeCSV(t, "wide.csv", "Customer,Jan 2026,Feb 2026\nAcme,100,200\nAcme,300,lots\n")
	p, _ := withAccount("Acme")
	res := plan(t, path, p, sheet.Options{})
	if res.New != 2 || res.Skipped != 1 {
		t.Fatalf("%s; want the first row's two figures and the second row skipped whole", res.Summary())
	}
	_, rows := res.PreviewTable(p, "wide", sheet.KindRevenue)
	if len(rows) != 3 || rows[0][0] != "2" || rows[1][0] != "2" || rows[2][1] != "skipped" {
		t.Errorf("preview %v", rows)
	}
}

// Two columns with headers meaning the same: the first is read, and the
// user is told which was left out.
func TestDuplicateHeadersAreNamed(t *testing.T) {
	path := writeCSV(t, "dup.csv", "Account,Industry,Customer,Revenue\nAcme,Retail,Acme Holding,100\n")
	res := plan(t, path, model.NewPortfolio(), sheet.Options{})
	if res.New != 1 || res.Records[0].(*model.Account).Name != "Acme" {
		t.Fatalf("%s; want Acme from column A", res.Summary())
	}
	if len(res.Notes) == 0 || !strings.Contains(res.Notes[0], "columns A (Account) and C (Customer)") {
		t.Errorf("notes %q should name columns A and C", res.Notes)
	}
}

// A column the user maps to a date in the wizard is checked for ambiguity
// too, not only the ones Orchard recognised itself.
func TestAmbiguityOfAColumnMappedByHand(t *testing.T) {
	path := writeCSV(t, "actions.csv", "Account,Action,When\nAcme,Call the CFO,03/04/2026\n")
	p, _ := withAccount("Acme")
	wb := read(t, path)
	sheets := sheet.Analyse(wb)
	if sheets[0].Fields[2] != "" {
		t.Fatalf("the test needs When not to be recognised, got %q", sheets[0].Fields[2])
	}
	sheets[0].Fields[2] = sheet.FDue
	res, err := sheet.Plan(wb, p, sheet.Options{Sheets: sheets, Today: today})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Questions) != 1 {
		t.Errorf("questions %v; the hand-mapped date 03/04/2026 reads either way", res.Questions)
	}
}
