// Command gen writes the .xlsx workbooks from which make.sh makes the .xls
// fixtures of the legacy-Excel reader's tests: each .xls is LibreOffice's
// conversion of the .xlsx beside it, and the tests hold the two to the same
// cell values.
package main

import (
	"fmt"
	"log"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"
)

func main() {
	dir := "."
	if len(os.Args) > 1 {
		dir = os.Args[1]
	}
	for name, build := range map[string]func(*excelize.File) error{
		"numbers.xlsx":   numbers,
		"text.xlsx":      text,
		"dates.xlsx":     dates,
		"dates1904.xlsx": dates1904,
		"sheets.xlsx":    sheets,
		"rows10k.xlsx":   rows10k,
	} {
		f := excelize.NewFile()
		if err := build(f); err != nil {
			log.Fatalf("%s: %v", name, err)
		}
		if err := f.SaveAs(filepath.Join(dir, name)); err != nil {
			log.Fatal(err)
		}
	}
}

// stream writes rows into a sheet; a cell may be an excelize.Cell with a
// formula and its cached result.
func stream(f *excelize.File, sheet string, rows [][]any, merges ...[2]string) error {
	if _, err := f.GetSheetIndex(sheet); err != nil {
		return err
	}
	if idx, _ := f.GetSheetIndex(sheet); idx < 0 {
		if _, err := f.NewSheet(sheet); err != nil {
			return err
		}
	}
	sw, err := f.NewStreamWriter(sheet)
	if err != nil {
		return err
	}
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := sw.SetRow(cell, r); err != nil {
			return err
		}
	}
	for _, m := range merges {
		if err := sw.MergeCell(m[0], m[1]); err != nil {
			return err
		}
	}
	return sw.Flush()
}

func style(f *excelize.File, code string) int {
	s, err := f.NewStyle(&excelize.Style{CustomNumFmt: &code})
	if err != nil {
		log.Fatal(err)
	}
	return s
}

// numbers: negative, fractional, large and small numbers, integers and
// decimals Excel keeps in its compact RK form, formulas with number, text,
// true/false and error results, merged cells.
func numbers(f *excelize.File) error {
	f.SetSheetName("Sheet1", "Accounts")
	pct := style(f, "0.0%")
	money := style(f, "#,##0.00")
	rows := [][]any{
		{"Account Name", "Revenue", "Margin", "Growth", "Employees", "Score", "Double", "Label", "Positive", "Ratio"},
		{"Acme", 1250000, 0.245, -0.03, 1200, 4, excelize.Cell{Formula: "B2*2", Value: 2500000}, excelize.Cell{Formula: `A2&" Ltd"`, Value: "Acme Ltd"}, excelize.Cell{Formula: "B2>0", Value: true}, excelize.Cell{Formula: "1/0", Value: "#DIV/0!"}},
		{"Borealis", -7, 0.5, -0.25, -120000, 12.34, excelize.Cell{Formula: "B3*2", Value: -14}, excelize.Cell{Formula: `A3&" Ltd"`, Value: "Borealis Ltd"}, excelize.Cell{Formula: "B3>0", Value: false}, 0.1},
		{"Cirrus", 1234567.89, excelize.Cell{StyleID: pct, Value: 0.125}, excelize.Cell{StyleID: money, Value: -9876.5}, 536870911, -536870912, 123456789012.0, "", 1e15, 3.14159265358979},
		{"Delta", 0, 1e-7, 99.99, 1 << 40, -0.01, 2.5e-300, "x", -1.5, 1.0 / 3},
		{"Region", nil, "Nordics"},
		{"Echo", 42, 0.75},
		{"", 43, 0.8},
	}
	return stream(f, "Accounts", rows, [2]string{"A6", "B6"}, [2]string{"A7", "A8"})
}

// text: accented and non-Latin text, text with spaces and line breaks,
// and shared text long enough, and plentiful enough, to run across the
// records Excel splits its text table into.
func text(f *excelize.File) error {
	f.SetSheetName("Sheet1", "Contacts")
	rows := [][]any{{"Account", "Full Name", "Title", "Notes"}}
	people := []string{"Jürgen Müller", "Søren Ærø", "François Lefèvre", "Ελένη Παπαδοπούλου", "Дмитрий Иванов", "山田 太郎", "김민준", "محمد علي", "Zoë O'Brien-Łukasz", "Ana 🍎 Pomar"}
	for i := 0; i < 600; i++ {
		p := people[i%len(people)]
		rows = append(rows, []any{fmt.Sprintf("Société Générale %d", i), fmt.Sprintf("%s %d", p, i), "Directeur général", fmt.Sprintf("Note %d: %s", i, strings.Repeat("ünïcödé ", i%7))})
	}
	long := strings.Repeat("A long note that runs on and on. ", 600)            // about 20,000 characters, Latin
	longWide := strings.Repeat("長い備考はレコードの境界を越えて続きます。", 700)                    // about 15,000 characters, two bytes each
	mixed := strings.Repeat("ascii then ", 400) + strings.Repeat("Ωμέγα ", 800) // changes width across a record boundary
	rows = append(rows, []any{"Long", "Long Latin", "", long}, []any{"Long", "Long wide", "", longWide}, []any{"Long", "Mixed", "", mixed},
		[]any{"Spaces", "  leading and trailing  ", "", "line one\nline two"})
	return stream(f, "Contacts", rows)
}

func dateRows(f *excelize.File) [][]any {
	// LibreOffice writes Excel's built-in date formats (14, 22) as codes of
	// its own, so these are custom codes; the tests make the built-in ones.
	iso, dmy, long, usStyle := style(f, "yyyy-mm-dd"), style(f, "dd/mm/yyyy"), style(f, "d mmmm yyyy"), style(f, "m/d/yyyy")
	stamp := style(f, "m/d/yyyy h:mm")
	day := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }
	return [][]any{
		{"Task", "Due", "Started", "Review", "Logged", "Plain"},
		{"Kick-off", excelize.Cell{StyleID: iso, Value: day(2025, 3, 31)}, excelize.Cell{StyleID: dmy, Value: day(2024, 12, 1)}, excelize.Cell{StyleID: long, Value: day(2026, 1, 15)}, excelize.Cell{StyleID: stamp, Value: time.Date(2025, 6, 2, 14, 30, 0, 0, time.UTC)}, 45000},
		{"Workshop", excelize.Cell{StyleID: usStyle, Value: day(2025, 7, 4)}, excelize.Cell{StyleID: iso, Value: day(1999, 12, 31)}, excelize.Cell{StyleID: long, Value: day(2000, 2, 29)}, excelize.Cell{StyleID: stamp, Value: time.Date(2026, 12, 4, 9, 5, 0, 0, time.UTC)}, 3.5},
	}
}

// dates: dates in several formats, built-in and custom, in the 1900 system.
func dates(f *excelize.File) error {
	f.SetSheetName("Sheet1", "Actions")
	return stream(f, "Actions", dateRows(f))
}

// dates1904: the same dates in the 1904 date system of old Mac workbooks.
func dates1904(f *excelize.File) error {
	on := true
	if err := f.SetWorkbookProps(&excelize.WorkbookPropsOptions{Date1904: &on}); err != nil {
		return err
	}
	f.SetSheetName("Sheet1", "Actions")
	return stream(f, "Actions", dateRows(f))
}

// sheets: several sheets, one of them hidden, with names as people write them.
func sheets(f *excelize.File) error {
	f.SetSheetName("Sheet1", "Accounts 2003")
	if err := stream(f, "Accounts 2003", [][]any{{"Account", "Owner"}, {"Acme", "Ann Lee"}, {"Borealis", "Bo Chen"}}); err != nil {
		return err
	}
	if _, err := f.NewSheet("Kontakte (DE)"); err != nil {
		return err
	}
	if err := stream(f, "Kontakte (DE)", [][]any{{"Firma", "Name"}, {"Acme", "Jörg Weiß"}}); err != nil {
		return err
	}
	if _, err := f.NewSheet("Hidden lookups"); err != nil {
		return err
	}
	if err := stream(f, "Hidden lookups", [][]any{{"Code", "Meaning"}, {1, "Active"}, {2, "Dormant"}}); err != nil {
		return err
	}
	return f.SetSheetVisible("Hidden lookups", false)
}

// rows10k: ten thousand account rows, for the reading benchmark.
func rows10k(f *excelize.File) error {
	f.SetSheetName("Sheet1", "Accounts")
	rows := [][]any{{"Account Name", "Industry", "Owner", "Annual Revenue", "Currency", "Margin"}}
	for i := 1; i <= 10000; i++ {
		rows = append(rows, []any{fmt.Sprintf("Account %d", i), fmt.Sprintf("Industry %d", i%25), fmt.Sprintf("Owner %d", i%40), i * 1000, "EUR", float64(i%100) / 4})
	}
	return stream(f, "Accounts", rows)
}
