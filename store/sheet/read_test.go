package sheet_test

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

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
