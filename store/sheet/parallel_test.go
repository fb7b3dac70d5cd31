package sheet_test

import (
	"fmt"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/xuri/excelize/v2"

	"orchard/store/sheet"
)

// A workbook's sheets are read side by side: each comes back whole, in the
// file's order, with progress heard from one sheet at a time; a sheet past
// the limits refuses the file with its own reason.
func TestSheetsReadSideBySide(t *testing.T) {
	path := filepath.Join(t.TempDir(), "three.xlsx")
	f := excelize.NewFile()
	names := []string{"Accounts", "Contacts", "Deals"}
	for i, n := range names {
		if i == 0 {
			f.SetSheetName("Sheet1", n)
		} else {
			f.NewSheet(n)
		}
		sw, _ := f.NewStreamWriter(n)
		sw.SetRow("A1", []any{"Name", "Value"})
		for r := 0; r < 1500*(i+1); r++ {
			cell, _ := excelize.CoordinatesToCellName(1, r+2)
			sw.SetRow(cell, []any{fmt.Sprintf("%s %d", n, r), r})
		}
		sw.Flush()
	}
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	calls, inside := 0, 0
	wb, err := sheet.ReadFileContext(t.Context(), path, func(float64) {
		mu.Lock()
		inside++
		if inside > 1 {
			t.Error("progress heard from two sheets at once")
		}
		calls++
		inside--
		mu.Unlock()
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(wb.Tables) != 3 || calls == 0 {
		t.Fatalf("%d sheets, %d progress calls", len(wb.Tables), calls)
	}
	for i, tb := range wb.Tables {
		if tb.Name != names[i] || len(tb.Rows) != 1500*(i+1)+1 || tb.Rows[len(tb.Rows)-1][0] != fmt.Sprintf("%s %d", names[i], 1500*(i+1)-1) {
			t.Errorf("sheet %d: %s with %d rows", i, tb.Name, len(tb.Rows))
		}
	}

	// One sheet far too wide: the file is refused, naming that sheet.
	sw, _ := f.NewStreamWriter("Deals")
	wide := make([]any, sheet.MaxColumns+5)
	for j := range wide {
		wide[j] = "x"
	}
	sw.SetRow("A1", wide)
	sw.Flush()
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	_, err = sheet.ReadFile(path)
	if err == nil || !strings.Contains(err.Error(), "sheet Deals") || !strings.Contains(err.Error(), "columns") {
		t.Errorf("a sheet too wide: %v", err)
	}
}
