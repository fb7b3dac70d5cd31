package sheet

import (
	"fmt"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"
	"time"

	"orchard/model"
)

var xlsFixtures = []string{"numbers", "text", "dates", "dates1904", "sheets"}

func readFixture(t testing.TB, name string) *Workbook {
	t.Helper()
	wb, err := ReadFile(filepath.Join("testdata", "xls", name))
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return wb
}

// Each .xls (LibreOffice's conversion of the .xlsx beside it) reads to
// exactly the cells its .xlsx reads to: numbers, text, dates, formula
// results, merged cells and sheets.
func TestXLSReadsAsItsXLSX(t *testing.T) {
	for _, name := range xlsFixtures {
		t.Run(name, func(t *testing.T) {
			want, got := readFixture(t, name+".xlsx"), readFixture(t, name+".xls")
			if got.Format != "xls" {
				t.Errorf("format %q", got.Format)
			}
			if len(got.Tables) != len(want.Tables) {
				t.Fatalf("%d sheets, want %d", len(got.Tables), len(want.Tables))
			}
			for i := range want.Tables {
				w, g := want.Tables[i], got.Tables[i]
				if g.Name != w.Name {
					t.Errorf("sheet %d is named %q, want %q", i+1, g.Name, w.Name)
				}
				w.Rows, g.Rows = trimEmptyRows(w.Rows), trimEmptyRows(g.Rows)
				if len(g.Rows) != len(w.Rows) {
					t.Errorf("sheet %s: %d rows, want %d", w.Name, len(g.Rows), len(w.Rows))
				}
				for r := range min(len(g.Rows), len(w.Rows)) {
					if !reflect.DeepEqual(g.Rows[r], w.Rows[r]) {
						t.Errorf("sheet %s row %d:\n got %q\nwant %q", w.Name, r+1, clipRow(g.Rows[r]), clipRow(w.Rows[r]))
					}
				}
			}
		})
	}
}

func trimEmptyRows(rows [][]string) [][]string {
	for len(rows) > 0 && len(rows[len(rows)-1]) == 0 {
		rows = rows[:len(rows)-1]
	}
	return rows
}

func clipRow(r []string) []string {
	out := make([]string, len(r))
	for i, c := range r {
		out[i] = clip(c, 40)
	}
	return out
}

// The values themselves, as a person reads them in Excel.
func TestXLSValues(t *testing.T) {
	wb := readFixture(t, "numbers.xls")
	rows := wb.Tables[0].Rows
	cell := func(r, c int) string {
		if r >= len(rows) || c >= len(rows[r]) {
			return ""
		}
		return rows[r][c]
	}
	for _, c := range []struct {
		r, c int
		want string
	}{
		{2, 1, "-7"}, {2, 2, "0.5"}, {2, 3, "-0.25"}, {2, 4, "-120000"}, {2, 5, "12.34"},
		{3, 4, "536870911"}, {3, 5, "-536870912"}, {3, 6, "123456789012"}, {3, 1, "1234567.89"},
		{1, 6, "2500000"}, {1, 7, "Acme Ltd"}, {1, 8, "TRUE"}, {1, 9, "#DIV/0!"}, {2, 8, "FALSE"},
		{5, 0, "Region"}, {5, 1, "Region"}, // merged across
		{7, 0, "Echo"}, // merged down
	} {
		if got := cell(c.r, c.c); got != c.want {
			t.Errorf("row %d column %d = %q, want %q", c.r+1, c.c+1, got, c.want)
		}
	}
	text := readFixture(t, "text.xls").Tables[0].Rows
	all := ""
	for _, r := range text {
		all += strings.Join(r, "|") + "\n"
	}
	for _, want := range []string{"Jürgen Müller 0", "Ελένη Παπαδοπούλου 3", "山田 太郎 5", "Ana 🍎 Pomar 9", "Société Générale 599", "  leading and trailing  ", "line one\nline two"} {
		if !strings.Contains(all, want) {
			t.Errorf("text sheet lacks %q", want)
		}
	}
	for _, r := range text {
		if len(r) > 3 && r[0] == "Long" && len([]rune(r[3])) < 9000 {
			t.Errorf("long note %s cut to %d characters", r[1], len([]rune(r[3])))
		}
	}
}

// A whole import reads a .xls as it reads the same .xlsx.
func TestXLSImportsAsItsXLSX(t *testing.T) {
	for _, name := range []string{"numbers", "text", "dates"} {
		want := importFixture(t, filepath.Join("testdata", "xls", name+".xlsx"))
		got := importFixture(t, filepath.Join("testdata", "xls", name+".xls"))
		if got != want {
			t.Errorf("%s: the .xls imports as\n%s\nthe .xlsx as\n%s", name, got, want)
		}
	}
}

var idPattern = regexp.MustCompile(`[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|0x[0-9a-f]+`)

// importFixture plans an import of the file into an empty portfolio and
// writes down what it would do, with record IDs (new each time) left out.
func importFixture(t *testing.T, path string) string {
	t.Helper()
	wb, err := ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	res, err := Plan(wb, model.NewPortfolio(), Options{Today: time.Date(2026, 12, 6, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for _, s := range res.Sheets {
		fmt.Fprintf(&b, "sheet %s: %v, header row %d, %d rows, %v\n", s.Name, s.Kind, s.HeaderRow, s.Rows, s.Mapping)
	}
	fmt.Fprintf(&b, "new %d updated %d unchanged %d skipped %d merged %d\n", res.New, res.Updated, res.Unchanged, res.Skipped, res.Merged)
	for _, p := range res.Problems {
		fmt.Fprintln(&b, p)
	}
	for _, n := range res.Notes {
		fmt.Fprintln(&b, strings.ReplaceAll(n, filepath.Ext(path), ".EXT"))
	}
	for _, r := range res.Records {
		fmt.Fprintln(&b, idPattern.ReplaceAllString(fmt.Sprintf("%T %+v", r, r), "ID"))
	}
	return b.String()
}

// BenchmarkReadXLS10k reads ten thousand account rows from a .xls;
// BenchmarkReadXLSX10k reads the same rows from the .xlsx they came from.
func BenchmarkReadXLS10k(b *testing.B)  { benchmarkRead(b, "rows10k.xls") }
func BenchmarkReadXLSX10k(b *testing.B) { benchmarkRead(b, "rows10k.xlsx") }

func benchmarkRead(b *testing.B, name string) {
	b.ReportAllocs()
	for b.Loop() {
		wb := readFixture(b, name)
		if len(wb.Tables[0].Rows) != 10001 {
			b.Fatalf("%d rows", len(wb.Tables[0].Rows))
		}
	}
}
