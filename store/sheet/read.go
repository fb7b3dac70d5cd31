package sheet

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/charmap"
)

// Table is one sheet of a file as rows of text cells.
type Table struct {
	Name string
	Rows [][]string
}

// Workbook is what a spreadsheet file holds.
type Workbook struct {
	Path   string
	Format string // "xlsx", "csv" or "html"
	Tables []Table
	// Orchard is set for a workbook ExportWorkspace wrote: it is read by
	// ID, column for column, and needs no mapping.
	Orchard bool
}

// Limits that keep a hostile or broken file from exhausting memory.
const (
	maxFileBytes = 100 << 20 // 100 MB
	maxColumns   = 200       // columns read per row; runaway used ranges are cut
)

// ReadFile reads a spreadsheet, recognising its format from its content
// rather than its name: Excel workbooks (.xlsx, .xlsm, .xltx), and text
// tables separated by commas, semicolons, tabs or pipes in UTF-8 (with or
// without a byte-order mark), UTF-16 or Windows-1252.
func ReadFile(path string) (*Workbook, error) {
	return ReadFileContext(context.Background(), path, nil)
}

// ReadFileContext is ReadFile that reports progress (0 to 1) to progress,
// when not nil, and stops with ctx's error when ctx is cancelled.
func ReadFileContext(ctx context.Context, path string, progress func(float64)) (*Workbook, error) {
	if progress == nil {
		progress = func(float64) {}
	}
	info, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("cannot read %s: %w", path, err)
	}
	if info.Size() > maxFileBytes {
		return nil, fmt.Errorf("cannot import %s: it is %d MB; Orchard imports files up to %d MB", path, info.Size()>>20, maxFileBytes>>20)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("cannot read %s: %w", path, err)
	}
	switch {
	case bytes.HasPrefix(data, []byte("PK\x03\x04")):
		return readXLSX(ctx, path, data, progress)
	case bytes.HasPrefix(data, []byte{0xD0, 0xCF, 0x11, 0xE0}):
		return nil, fmt.Errorf("cannot import %s: it is an Excel 97–2003 workbook (.xls) or a password-protected one; "+
			"open it in Excel or LibreOffice and save it as .xlsx or .csv, then import that", path)
	case len(data) == 0:
		return nil, fmt.Errorf("cannot import %s: the file is empty", path)
	}
	text, err := decodeText(data)
	if err != nil {
		return nil, fmt.Errorf("cannot import %s: %w", path, err)
	}
	name := strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
	if looksLikeHTML(text) {
		tables := readHTMLTables(text, name)
		if len(tables) == 0 {
			return nil, fmt.Errorf("cannot import %s: it is a web page with no table in it, not a spreadsheet", path)
		}
		progress(1)
		return &Workbook{Path: path, Format: "html", Tables: tables}, nil
	}
	rows, err := readDelimited(ctx, text, progress)
	if err != nil {
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		return nil, fmt.Errorf("cannot import %s: %w", path, err)
	}
	return &Workbook{Path: path, Format: "csv", Tables: []Table{{Name: name, Rows: rows}}}, nil
}

func readXLSX(ctx context.Context, path string, data []byte, progress func(float64)) (*Workbook, error) {
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{UnzipSizeLimit: 1 << 30, UnzipXMLSizeLimit: 256 << 20})
	if err != nil {
		if errors.Is(err, excelize.ErrWorkbookPassword) {
			return nil, fmt.Errorf("cannot import %s: the workbook is password-protected; remove the password in Excel and import again", path)
		}
		return nil, fmt.Errorf("cannot import %s: it looks like an Excel workbook but cannot be read (%v); it may be damaged or truncated", path, err)
	}
	defer f.Close()
	wb := &Workbook{Path: path, Format: "xlsx"}
	// Orchard's own workbook is read as stored, not as displayed, so
	// numbers keep every digit.
	var opts []excelize.Options
	if v, err := f.GetCellValue(aboutSheet, "A1"); err == nil && v == bookMarker {
		wb.Orchard = true
		opts = append(opts, excelize.Options{RawCellValue: true})
	}
	// Asking excelize for merged cells loads a whole sheet into memory, so
	// it is asked only when some sheet has them.
	hasMerges := anyMergedCells(data)
	// The sheets' stated sizes give the progress; a runaway size only
	// makes the bar move slowly, never past the end.
	total, done := 0, 0
	for _, name := range f.GetSheetList() {
		total += dimensionRows(f, name)
	}
	for _, name := range f.GetSheetList() {
		rows, err := f.Rows(name)
		if err != nil {
			return nil, fmt.Errorf("cannot import %s, sheet %s: %w", path, name, err)
		}
		t := Table{Name: name}
		for rows.Next() {
			cols, err := rows.Columns(opts...)
			if err != nil {
				rows.Close()
				return nil, fmt.Errorf("cannot import %s, sheet %s, row %d: %w", path, name, len(t.Rows)+1, err)
			}
			if len(cols) > maxColumns {
				cols = cols[:maxColumns]
			}
			t.Rows = append(t.Rows, cols)
			if done++; done%500 == 0 {
				if err := ctx.Err(); err != nil {
					rows.Close()
					return nil, err
				}
				progress(min(1, float64(done)/float64(max(total, 1))))
			}
		}
		rows.Close()
		if hasMerges {
			fillMerged(f, name, t.Rows)
		}
		wb.Tables = append(wb.Tables, t)
	}
	progress(1)
	return wb, nil
}

// anyMergedCells says whether a workbook's sheets declare merged cells.
func anyMergedCells(data []byte) bool {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return true // let excelize decide
	}
	needle := []byte("<mergeCell")
	for _, zf := range zr.File {
		if !strings.HasPrefix(zf.Name, "xl/worksheets/") || !strings.HasSuffix(zf.Name, ".xml") {
			continue
		}
		rc, err := zf.Open()
		if err != nil {
			return true
		}
		buf := make([]byte, 64<<10)
		var tail []byte
		for {
			n, err := rc.Read(buf)
			chunk := append(tail, buf[:n]...)
			if bytes.Contains(chunk, needle) {
				rc.Close()
				return true
			}
			if len(chunk) >= len(needle) {
				tail = append([]byte(nil), chunk[len(chunk)-len(needle)+1:]...)
			}
			if err != nil {
				break
			}
		}
		rc.Close()
	}
	return false
}

// fillMerged gives every cell of a merged range the value of its first
// cell, as a reader sees it: an account name merged down over its people
// belongs to each of them.
func fillMerged(f *excelize.File, sheet string, rows [][]string) {
	merged, err := f.GetMergeCells(sheet)
	if err != nil {
		return
	}
	for _, m := range merged {
		c1, r1, err1 := excelize.CellNameToCoordinates(m.GetStartAxis())
		c2, r2, err2 := excelize.CellNameToCoordinates(m.GetEndAxis())
		if err1 != nil || err2 != nil || r1 > len(rows) {
			continue
		}
		v := ""
		if c1-1 < len(rows[r1-1]) {
			v = rows[r1-1][c1-1]
		}
		if v == "" {
			continue
		}
		for r := r1; r <= min(r2, len(rows)); r++ {
			for c := c1; c <= min(c2, maxColumns); c++ {
				for len(rows[r-1]) < c {
					rows[r-1] = append(rows[r-1], "")
				}
				rows[r-1][c-1] = v
			}
		}
	}
}

// dimensionRows reads how many rows a sheet says it uses ("A1:D5000").
func dimensionRows(f *excelize.File, sheet string) int {
	dim, err := f.GetSheetDimension(sheet)
	if err != nil {
		return 0
	}
	_, last, ok := strings.Cut(dim, ":")
	if !ok {
		last = dim
	}
	_, row, err := excelize.CellNameToCoordinates(last)
	if err != nil {
		return 0
	}
	return row
}

// decodeText turns file bytes into text: UTF-8 (BOM or not), UTF-16 by
// its byte-order mark, else Windows-1252.
func decodeText(data []byte) (string, error) {
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		return string(data[3:]), nil
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}), bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		little := data[0] == 0xFF
		body := data[2:]
		u := make([]uint16, len(body)/2)
		for i := range u {
			if little {
				u[i] = uint16(body[2*i]) | uint16(body[2*i+1])<<8
			} else {
				u[i] = uint16(body[2*i])<<8 | uint16(body[2*i+1])
			}
		}
		return string(utf16.Decode(u)), nil
	case utf8.Valid(data):
		if bytes.IndexByte(data, 0) >= 0 {
			return "", errors.New("it holds binary data, not a spreadsheet")
		}
		return string(data), nil
	}
	out, err := charmap.Windows1252.NewDecoder().Bytes(data)
	if err != nil {
		return "", fmt.Errorf("its text is in no encoding Orchard knows: %w", err)
	}
	return string(out), nil
}

// readDelimited reads a text table, picking the separator that splits the
// first lines most consistently.
func readDelimited(ctx context.Context, text string, progress func(float64)) ([][]string, error) {
	lines := strings.SplitN(text, "\n", 12)
	best, bestScore := ',', -1
	for _, sep := range []rune{',', ';', '\t', '|'} {
		counts := map[int]int{}
		for _, l := range lines[:min(len(lines), 10)] {
			if n := strings.Count(l, string(sep)); n > 0 {
				counts[n]++
			}
		}
		score := 0
		for n, c := range counts {
			score = max(score, c*10+n)
		}
		if score > bestScore {
			best, bestScore = sep, score
		}
	}
	r := csv.NewReader(strings.NewReader(text))
	r.Comma = best
	r.FieldsPerRecord = -1
	r.LazyQuotes = true
	var rows [][]string
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("row %d: %v", len(rows)+1, err)
		}
		if len(rec) > maxColumns {
			rec = rec[:maxColumns]
		}
		rows = append(rows, rec)
		if len(rows)%1000 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
			progress(float64(r.InputOffset()) / float64(max(len(text), 1)))
		}
	}
	progress(1)
	return rows, nil
}
