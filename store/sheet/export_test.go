package sheet_test

import (
	"path/filepath"
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
