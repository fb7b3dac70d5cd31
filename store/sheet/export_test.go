package sheet_test

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"orchard/assets/sample"
	"orchard/model"
	"orchard/store/sheet"
)

func TestExportWorkbook(t *testing.T) {
	p := model.NewPortfolio()
	settings, records := sample.Build(time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC))
	p.Settings = settings
	for _, r := range records {
		p.Put(r)
	}
	path := filepath.Join(t.TempDir(), "export.xlsx")
	if err := sheet.ExportWorkbookSafe(p, path, false); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatalf("the exported workbook does not open: %v", err)
	}
	defer f.Close()
	want := map[string]int{"Accounts": p.Count(model.KindAccount), "Stakeholders": p.Count(model.KindStakeholder),
		"Team": p.Count(model.KindTeamMember), "Actions": p.Count(model.KindAction)}
	for name, n := range want {
		rows, err := f.GetRows(name)
		if err != nil {
			t.Fatalf("sheet %s: %v", name, err)
		}
		if len(rows)-1 != n {
			t.Errorf("sheet %s has %d data rows, want %d", name, len(rows)-1, n)
		}
	}
	// People read names, not IDs: the CFO's manager is the CEO by name.
	rows, _ := f.GetRows("Stakeholders")
	found := false
	for _, r := range rows {
		if len(r) > 4 && r[2] == "Chief Financial Officer" {
			found = true
			if r[4] == "" || len(r[4]) == 36 {
				t.Errorf("Reports to = %q, want the manager's name", r[4])
			}
		}
	}
	if !found {
		t.Error("no CFO row in the Stakeholders sheet")
	}
}

// Names that look like formulas are written as text cells, which no
// spreadsheet runs, in both the meeting workbook and the complete one.
func TestExportedFormulaLikeNamesStayText(t *testing.T) {
	p := model.NewPortfolio()
	p.Put(&model.Account{ID: "a1", Name: `=HYPERLINK("http://evil","click")`, Currency: "EUR", Owner: "+1-555", Notes: "@SUM(A1)"})
	dir := t.TempDir()
	meeting, complete := filepath.Join(dir, "meeting.xlsx"), filepath.Join(dir, "complete.xlsx")
	if err := sheet.ExportWorkbookSafe(p, meeting, true); err != nil {
		t.Fatal(err)
	}
	if err := sheet.ExportWorkspace(p, complete); err != nil {
		t.Fatal(err)
	}
	for _, path := range []string{meeting, complete} {
		f, err := excelize.OpenFile(path)
		if err != nil {
			t.Fatal(err)
		}
		found := false
		for _, name := range f.GetSheetList() {
			rows, _ := f.GetRows(name)
			for r, row := range rows {
				for c, v := range row {
					cell, _ := excelize.CoordinatesToCellName(c+1, r+1)
					if formula, _ := f.GetCellFormula(name, cell); formula != "" {
						t.Errorf("%s %s!%s holds the formula %q", filepath.Base(path), name, cell, formula)
					}
					if strings.HasPrefix(v, "=HYPERLINK") {
						found = true
						if typ, _ := f.GetCellType(name, cell); typ != excelize.CellTypeSharedString && typ != excelize.CellTypeInlineString {
							t.Errorf("%s %s!%s is stored as %v, want text", filepath.Base(path), name, cell, typ)
						}
					}
				}
			}
		}
		f.Close()
		if !found {
			t.Errorf("%s lost the account's name", filepath.Base(path))
		}
	}
}
