package sheet_test

import (
	"fmt"
	"path/filepath"
	"testing"

	"github.com/xuri/excelize/v2"

	"orchard/model"
	"orchard/store/sheet"
)

// bigWorkbook writes 10,000 accounts and 50,000 stakeholders in two sheets.
func bigWorkbook(b *testing.B) string {
	path := filepath.Join(b.TempDir(), "big.xlsx")
	f := excelize.NewFile()
	defer f.Close()
	f.SetSheetName("Sheet1", "Accounts")
	f.NewSheet("Contacts")
	sw, _ := f.NewStreamWriter("Accounts")
	sw.SetRow("A1", []any{"Account Name", "Industry", "Annual Revenue", "Country"})
	for i := 0; i < 10000; i++ {
		cell, _ := excelize.CoordinatesToCellName(1, i+2)
		sw.SetRow(cell, []any{fmt.Sprintf("Account %05d", i), "Manufacturing", 1000 + i, "Germany"})
	}
	sw.Flush()
	sw, _ = f.NewStreamWriter("Contacts")
	sw.SetRow("A1", []any{"Account Name", "Full Name", "Title", "Department", "Reports To"})
	for i := 0; i < 50000; i++ {
		cell, _ := excelize.CoordinatesToCellName(1, i+2)
		boss := ""
		if i%5 != 0 {
			boss = fmt.Sprintf("Person %06d", i-i%5)
		}
		sw.SetRow(cell, []any{fmt.Sprintf("Account %05d", i/5), fmt.Sprintf("Person %06d", i), "Manager", "Operations", boss})
	}
	sw.Flush()
	if err := f.SaveAs(path); err != nil {
		b.Fatal(err)
	}
	return path
}

// BenchmarkExcelizeReadOnly is the floor: excelize reading every row.
func BenchmarkExcelizeReadOnly(b *testing.B) {
	path := bigWorkbook(b)
	b.ReportAllocs()
	for b.Loop() {
		f, err := excelize.OpenFile(path)
		if err != nil {
			b.Fatal(err)
		}
		n := 0
		for _, s := range f.GetSheetList() {
			rows, _ := f.Rows(s)
			for rows.Next() {
				cols, _ := rows.Columns()
				n += len(cols)
			}
			rows.Close()
		}
		f.Close()
	}
}

// BenchmarkImportBigWorkbook reads and plans the import of that workbook.
func BenchmarkImportBigWorkbook(b *testing.B) {
	path := bigWorkbook(b)
	b.ReportAllocs()
	for b.Loop() {
		wb, err := sheet.ReadFile(path)
		if err != nil {
			b.Fatal(err)
		}
		res, err := sheet.Plan(wb, model.NewPortfolio(), sheet.Options{Today: today})
		if err != nil || res.New != 60000 {
			b.Fatalf("%v %s %v", err, res.Summary(), res.Problems[:min(3, len(res.Problems))])
		}
	}
}

// bigPortfolio holds 2,000 accounts with 10 people and 5 actions each.
func bigPortfolio() *model.Portfolio {
	p := model.NewPortfolio()
	for i := 0; i < 2000; i++ {
		a := &model.Account{ID: model.NewID(), Name: fmt.Sprintf("Account %05d", i), Currency: "EUR", Objective: model.ObjectiveGrowth,
			Revenue: model.Money(100_000_00 + i)}
		p.Put(a)
		var boss string
		for j := 0; j < 10; j++ {
			s := &model.Stakeholder{ID: model.NewID(), AccountID: a.ID, Name: fmt.Sprintf("Person %d", j), Title: "Manager", ReportsTo: boss}
			p.Put(s)
			boss = s.ID
		}
		for j := 0; j < 5; j++ {
			p.Put(&model.Action{ID: model.NewID(), AccountID: a.ID, Title: fmt.Sprintf("Action %d", j), Status: model.StatusPlanned, Order: float64(j)})
		}
	}
	return p
}

// BenchmarkWorkspaceWorkbook measures the complete workbook both ways for
// 2,000 accounts, 20,000 people and 10,000 actions: export, and reading
// it back and planning the import into an empty workspace.
func BenchmarkWorkspaceWorkbook(b *testing.B) {
	p := bigPortfolio()
	path := filepath.Join(b.TempDir(), "all.xlsx")
	if err := sheet.ExportWorkspace(p, path); err != nil {
		b.Fatal(err)
	}
	b.Run("export", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if err := sheet.ExportWorkspace(p, path); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("import", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			wb, err := sheet.ReadFile(path)
			if err != nil {
				b.Fatal(err)
			}
			res, err := sheet.Plan(wb, model.NewPortfolio(), sheet.Options{})
			if err != nil || res.New != 32000 {
				b.Fatalf("%v %s", err, res.Summary())
			}
		}
	})
}

// BenchmarkPlanBigWorkbook is the planning part of BenchmarkImportBigWorkbook
// alone, the workbook read once: what Orchard adds to reading the rows.
func BenchmarkPlanBigWorkbook(b *testing.B) {
	wb, err := sheet.ReadFile(bigWorkbook(b))
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		res, err := sheet.Plan(wb, model.NewPortfolio(), sheet.Options{Today: today})
		if err != nil || res.New != 60000 {
			b.Fatalf("%v %s", err, res.Summary())
		}
	}
}
