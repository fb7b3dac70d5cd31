package sheet_test

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"orchard/model"
	"orchard/store/sheet"
)

func accountsWorkbook(t *testing.T, rows int) string {
	t.Helper()
	f := excelize.NewFile()
	sw, _ := f.NewStreamWriter("Sheet1")
	sw.SetRow("A1", []any{"Account", "Industry", "Revenue"})
	for i := 0; i < rows; i++ {
		cell, _ := excelize.CoordinatesToCellName(1, i+2)
		sw.SetRow(cell, []any{fmt.Sprintf("Account %d", i), "Retail", i * 1000})
	}
	sw.Flush()
	path := filepath.Join(t.TempDir(), "big.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	return path
}

// Reading reports progress that only grows and ends at 1, and a cancelled
// read stops with the cancellation rather than a half-read workbook.
func TestReadProgressAndCancel(t *testing.T) {
	for _, path := range []string{accountsWorkbook(t, 5000),
		writeCSV(t, "big.csv", "Account,Revenue\n"+strings.Repeat("Acme,1000\n", 5000))} {
		var seen []float64
		wb, err := sheet.ReadFileContext(context.Background(), path, func(f float64) { seen = append(seen, f) })
		if err != nil || len(wb.Tables[0].Rows) != 5001 {
			t.Fatalf("%s: read %v", path, err)
		}
		if len(seen) < 3 || seen[len(seen)-1] != 1 {
			t.Errorf("%s: progress %v should rise in steps to 1", path, seen)
		}
		for i := 1; i < len(seen); i++ {
			if seen[i] < seen[i-1] || seen[i] > 1 {
				t.Errorf("%s: progress went from %v to %v", path, seen[i-1], seen[i])
			}
		}
		ctx, cancel := context.WithCancel(context.Background())
		wb, err = sheet.ReadFileContext(ctx, path, func(float64) { cancel() })
		if !errors.Is(err, context.Canceled) || wb != nil {
			t.Errorf("%s: cancelled read gave %v, %v", path, wb != nil, err)
		}
	}
}

// A CRM report saved as an HTML table and named .xls reads as a sheet.
func TestHTMLTableSavedAsXLS(t *testing.T) {
	page := `<html><head><meta charset="utf-8"><title>Report</title></head><body>
<table><tr><td colspan="3"><b>Key accounts – exported 2026-11-20</b></td></tr>
<tr><th>Account Name</th><th>Industry</th><th>Annual Revenue</th></tr>
<tr><td>Acme &amp; Söhne</td><td>Retail</td><td>$1,200,000</td></tr>
<tr><td>Globex</td><td>Energy<br>Utilities</td><td>$900,000</td></tr>
</table></body></html>`
	path := writeCSV(t, "report.xls", page)
	res := plan(t, path, model.NewPortfolio(), sheet.Options{})
	if res.New != 2 || res.Sheets[0].HeaderRow != 2 {
		t.Fatalf("%s, sheets %+v", res.Summary(), res.Sheets)
	}
	for _, e := range res.Records {
		a := e.(*model.Account)
		if a.Name == "Acme & Söhne" && a.Revenue != 1_200_000_00 {
			t.Errorf("Acme revenue %v", a.Revenue)
		}
		if a.Name == "Globex" && a.Industry != "Energy Utilities" {
			t.Errorf("Globex industry %q", a.Industry)
		}
	}
	if _, err := sheet.ReadFile(writeCSV(t, "empty.xls", "<html><body><p>No data</p></body></html>")); err == nil || !strings.Contains(err.Error(), "no table") {
		t.Errorf("a page without a table: %v", err)
	}
}
