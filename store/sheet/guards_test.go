package sheet_test

import (
	"archive/zip"
	"bufio"
	"encoding/csv"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf16"

	"orchard/model"
	"orchard/store/sheet"
)

// rawWorkbook writes the smallest .xlsx Excel opens, its one sheet's rows
// written by rows, so a test can build a workbook no spreadsheet program
// would: millions of rows, a cell of megabytes, broken XML.
func rawWorkbook(t testing.TB, rows func(w io.Writer)) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "hostile.xlsx")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	z := zip.NewWriter(f)
	part := func(name, body string) {
		w, _ := z.Create(name)
		io.WriteString(w, body)
	}
	part("[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`)
	part("_rels/.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`)
	part("xl/workbook.xml", `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Accounts" sheetId="1" r:id="rId1"/></sheets></workbook>`)
	part("xl/_rels/workbook.xml.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`)
	w, _ := z.Create("xl/worksheets/sheet1.xml")
	bw := bufio.NewWriterSize(w, 1<<20)
	io.WriteString(bw, `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`)
	rows(bw)
	io.WriteString(bw, `</sheetData></worksheet>`)
	bw.Flush()
	if err := z.Close(); err != nil {
		t.Fatal(err)
	}
	f.Close()
	return path
}

func inlineRow(w io.Writer, n int, cells ...string) {
	fmt.Fprintf(w, `<row r="%d">`, n)
	for _, c := range cells {
		fmt.Fprintf(w, `<c t="inlineStr"><is><t>%s</t></is></c>`, c)
	}
	io.WriteString(w, `</row>`)
}

// identicalRows is a small file that unpacks to n identical rows.
func identicalRows(t testing.TB, n int) string {
	return rawWorkbook(t, func(w io.Writer) {
		inlineRow(w, 1, "Account", "Industry")
		for i := 2; i <= n+1; i++ {
			inlineRow(w, i, "Acme", "Retail")
		}
	})
}

func TestTooManyRowsAreRefusedWhileReading(t *testing.T) {
	path := identicalRows(t, sheet.MaxRows+10)
	info, _ := os.Stat(path)
	_, err := sheet.ReadFile(path)
	if err == nil || !strings.Contains(err.Error(), fmt.Sprintf("up to %d rows", sheet.MaxRows)) {
		t.Fatalf("a %d KB workbook of %d rows = %v, want a refusal naming the limit", info.Size()>>10, sheet.MaxRows+10, err)
	}
	// Formatted but empty rows, as a sheet whose every row got a height
	// has, do not count.
	empty := rawWorkbook(t, func(w io.Writer) {
		inlineRow(w, 1, "Account", "Industry")
		inlineRow(w, 2, "Acme", "Retail")
		for i := 3; i < sheet.MaxRows+100; i++ {
			fmt.Fprintf(w, `<row r="%d" ht="20" customHeight="1"/>`, i)
		}
	})
	wb, err := sheet.ReadFile(empty)
	if err != nil {
		t.Fatalf("a sheet of formatted empty rows was refused: %v", err)
	}
	res, err := sheet.Plan(wb, model.NewPortfolio(), sheet.Options{})
	if err != nil || res.New != 1 {
		t.Errorf("the one account among empty rows: %v, %+v", err, res)
	}
}

func TestHugeCellIsRefusedBeforeItIsRead(t *testing.T) {
	path := rawWorkbook(t, func(w io.Writer) {
		inlineRow(w, 1, "Account", "Notes")
		inlineRow(w, 2, "Acme", strings.Repeat("A", 20<<20))
	})
	_, err := sheet.ReadFile(path)
	if err == nil || !strings.Contains(err.Error(), "at most 32767") {
		t.Fatalf("a 20 MB cell = %v, want a refusal naming the cell limit", err)
	}
	if len(err.Error()) > 500 {
		t.Errorf("the refusal is %d characters long; it should not echo the cell", len(err.Error()))
	}
}

func TestBrokenSheetXMLIsRefused(t *testing.T) {
	path := rawWorkbook(t, func(w io.Writer) {
		inlineRow(w, 1, "Account", "Industry")
		io.WriteString(w, `<row r="2"><c t="inlineStr"><is><t>Acme</t></is></c><c t="inlineStr"><is><t>Ret`)
	})
	wb, err := sheet.ReadFile(path)
	if err == nil {
		res, _ := sheet.Plan(wb, model.NewPortfolio(), sheet.Options{})
		t.Fatalf("a workbook with broken XML was read (%s), want a refusal", res.Summary())
	}
	if !strings.Contains(err.Error(), "damaged") {
		t.Errorf("refusal %q should say the sheet is damaged", err)
	}
}

func TestMalformedTextFiles(t *testing.T) {
	unclosed := writeCSV(t, "unclosed.csv", "Account,Industry\nAcme,Retail\n\"Beta,Energy\nGamma,Retail\nDelta,Banking\n")
	if _, err := sheet.ReadFile(unclosed); err == nil || !strings.Contains(err.Error(), "row 3") || !strings.Contains(err.Error(), "never closed") {
		t.Errorf("an unterminated quote = %v, want a refusal naming row 3", err)
	}
	// A value over several lines in proper quotes is still one cell.
	multi := read(t, writeCSV(t, "multi.csv", "Account,Notes\nAcme,\"line one\nline two\"\nBeta,\"say \"\"hi\"\"\"\n"))
	if rows := multi.Tables[0].Rows; len(rows) != 3 || rows[1][1] != "line one\nline two" || rows[2][1] != `say "hi"` {
		t.Errorf("quoted values read as %q", rows)
	}

	cr := read(t, writeCSV(t, "mac.csv", "Account,Industry\rAcme,Retail\rBeta,Energy\r"))
	if rows := cr.Tables[0].Rows; len(rows) != 3 || rows[2][0] != "Beta" {
		t.Errorf("carriage-return lines read as %q", rows)
	}

	u := utf16.Encode([]rune("Account,Industry\r\nMüller GmbH,Retail\r\nBeta,Energy\r\n"))
	le := make([]byte, 0, 2*len(u))
	for _, c := range u {
		le = append(le, byte(c), byte(c>>8))
	}
	utf := filepath.Join(t.TempDir(), "utf16.csv")
	os.WriteFile(utf, le, 0o644)
	wb := read(t, utf)
	if rows := wb.Tables[0].Rows; len(rows) != 3 || rows[1][0] != "Müller GmbH" {
		t.Errorf("UTF-16 without a byte-order mark read as %q", rows)
	}

	lines := writeCSV(t, "many.csv", "Account\n"+strings.Repeat("Acme\n", sheet.MaxRows+1))
	if _, err := sheet.ReadFile(lines); err == nil || !strings.Contains(err.Error(), "rows") {
		t.Errorf("a text file of %d lines = %v, want a refusal", sheet.MaxRows+2, err)
	}
}

// The problem report never hands a spreadsheet a formula: not in the
// values found, not in sheet names, and it quotes long values only in part.
func TestProblemReportIsFormulaSafe(t *testing.T) {
	path := writeCSV(t, "=2+5+cmd|calc.csv", "Account,Revenue\nAcme,=HYPERLINK(\"http://x\")\nBeta,"+strings.Repeat("9", 5000)+"x\n")
	wb := read(t, path)
	res, err := sheet.Plan(wb, model.NewPortfolio(), sheet.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Problems) == 0 {
		t.Fatal("no problems to report")
	}
	records, err := csv.NewReader(strings.NewReader(string(res.ProblemsCSV()))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range records[1:] {
		for _, cell := range r {
			if c := strings.TrimLeft(cell, " "); c != "" && strings.ContainsRune("=+-@\t\r", rune(c[0])) {
				t.Errorf("report cell %q would be read as a formula", cell)
			}
			if len(cell) > 400 {
				t.Errorf("report cell of %d characters; values are quoted only in part", len(cell))
			}
		}
	}
}

// BenchmarkRefuse14MillionRows reads a small workbook that unpacks to 14
// million identical rows: it is refused after the scan, and memory stays
// bounded by what is kept, not by what the file claims (see B/op).
func BenchmarkRefuse14MillionRows(b *testing.B) {
	path := identicalRows(b, 14_000_000)
	info, _ := os.Stat(path)
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		if _, err := sheet.ReadFile(path); err == nil {
			b.Fatal("read")
		}
	}
	b.ReportMetric(float64(info.Size())/(1<<20), "file-MB")
}
