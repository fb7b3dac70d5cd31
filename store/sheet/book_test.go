package sheet_test

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"orchard/assets/sample"
	"orchard/model"
	"orchard/store/sheet"
)

func samplePortfolio() *model.Portfolio {
	p := model.NewPortfolio()
	settings, records := sample.Build(today)
	p.Settings = settings
	for _, r := range records {
		p.Put(r)
	}
	return p
}

// exportAndOpen writes the workspace workbook and opens it with excelize.
func exportAndOpen(t *testing.T, p *model.Portfolio) (string, *excelize.File) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "all.xlsx")
	if err := sheet.ExportWorkspace(p, path); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return path, f
}

// The workspace workbook brings every record back exactly, including
// awkward values: large amounts, cents, fine positions, text that looks
// like a formula, line breaks and non-Latin names.
func TestWorkspaceWorkbookRoundTrip(t *testing.T) {
	p := samplePortfolio()
	a := model.Clone(p.Accounts()[0]).(*model.Account)
	a.Revenue = 98765432109_87
	a.PlaceX, a.Placed = 0.123456789012, true
	a.Notes = "=HYPERLINK(\"http://x\")\nsecond line"
	a.Name = "Ōsaka Łódź Σ GmbH"
	p.Put(a)
	path, f := exportAndOpen(t, p)
	for _, sh := range f.GetSheetList() {
		rows, _ := f.GetRows(sh)
		for i := range rows {
			for j := range rows[i] {
				cell, _ := excelize.CoordinatesToCellName(j+1, i+1)
				if fm, _ := f.GetCellFormula(sh, cell); fm != "" {
					t.Errorf("sheet %s cell %s holds a formula %q; text must stay text", sh, cell, fm)
				}
			}
		}
	}
	f.Close()

	empty := model.NewPortfolio()
	res := plan(t, path, empty, sheet.Options{})
	if len(res.Problems) > 0 {
		t.Fatalf("problems reading back our own workbook: %v", res.Problems)
	}
	if res.Settings == nil || res.Settings.Rates.Base != p.Settings.Rates.Base || res.Settings.Name != p.Settings.Name {
		t.Errorf("settings did not come back into an empty workspace: %+v", res.Settings)
	}
	apply(empty, res)
	for _, k := range model.Kinds {
		want, got := p.All(k), empty.All(k)
		if len(want) != len(got) {
			t.Errorf("%s: %d records came back, want %d", k, len(got), len(want))
			continue
		}
		for i := range want {
			if !model.Same(want[i], got[i]) {
				t.Errorf("%s changed on the way:\nwant %+v\ngot  %+v", k, want[i], got[i])
			}
		}
	}
	// Into a workspace that has accounts, settings stay as they are and
	// nothing is new.
	again := plan(t, path, empty, sheet.Options{})
	if again.Settings != nil || again.New != 0 || again.Updated != 0 || again.Unchanged == 0 {
		t.Errorf("re-import = %s, settings %v; want all unchanged and settings kept", again.Summary(), again.Settings != nil)
	}
}

// A person edits the workbook: a changed value updates the record, a bad
// number and a row pointing at an account that is not there are reported
// by sheet and row and left out, the rest still imports.
func TestWorkspaceWorkbookEdited(t *testing.T) {
	p := samplePortfolio()
	path, f := exportAndOpen(t, p)
	rows, _ := f.GetRows("Accounts")
	col := map[string]int{}
	for j, h := range rows[0] {
		col[h] = j + 1
	}
	cell := func(c, r int) string { s, _ := excelize.CoordinatesToCellName(c, r); return s }
	f.SetCellValue("Accounts", cell(col["Industry"], 2), "Shipping")
	f.SetCellValue("Accounts", cell(col["Revenue"], 3), "lots")
	srows, _ := f.GetRows("Stakeholders")
	scol := map[string]int{}
	for j, h := range srows[0] {
		scol[h] = j + 1
	}
	f.SetCellValue("Stakeholders", cell(scol["Account ID"], 2), "no-such-account")
	// A person added at the bottom, with no ID.
	added := len(srows) + 1
	f.SetCellValue("Stakeholders", cell(scol["Account ID"], added), srows[2][scol["Account ID"]-1])
	f.SetCellValue("Stakeholders", cell(scol["Name"], added), "Added Person")
	if err := f.Save(); err != nil {
		t.Fatal(err)
	}
	f.Close()

	res := plan(t, path, p, sheet.Options{})
	addedFound := false
	for _, e := range res.Records {
		if s, ok := e.(*model.Stakeholder); ok && s.Name == "Added Person" && s.ID != "" {
			addedFound = true
		}
	}
	if res.New != 1 || !addedFound {
		t.Errorf("new = %d; the added person should be new: %s", res.New, res.Summary())
	}
	if res.Updated != 1 {
		t.Errorf("updated = %d, want 1 (the account whose industry changed); %s", res.Updated, res.Summary())
	}
	var sawRevenue, sawRef bool
	for _, pr := range res.Problems {
		if pr.Sheet == "Accounts" && pr.Row == 3 && pr.Column == "Revenue" && pr.Found == "lots" {
			sawRevenue = true
		}
		if pr.Sheet == "Stakeholders" && pr.Row == 2 && strings.Contains(pr.Expected, "accounts") {
			sawRef = true
		}
	}
	if !sawRevenue || !sawRef {
		t.Errorf("problems do not name the bad revenue (Accounts row 3) and the stray stakeholder (Stakeholders row 2): %v", res.Problems)
	}
}
