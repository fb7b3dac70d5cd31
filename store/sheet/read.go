package sheet

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
)

// Table is one sheet of a file as rows of text cells.
type Table struct {
	Name string
	Rows [][]string
	// File is the file the sheet came from, when a workbook gathers
	// several (a folder or a zip of a CRM export).
	File string
	// Sep is the separator of a text table, for putting back together a
	// value an unquoted separator split.
	Sep rune
	// Form is set when the sheet was laid out as a form (a label and its
	// value per row) and is read as the one record it describes.
	Form bool
}

// source is the file a sheet came from.
func (w *Workbook) source(t Table) string {
	if t.File != "" {
		return t.File
	}
	return w.Path
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

// Limits that keep a hostile or broken file from exhausting memory. They
// are checked while a file is read, so reading stops as soon as one is
// passed, and are far beyond what a real plan or CRM export holds.
const (
	MaxFileBytes = 100 << 20 // 100 MB on disk
	MaxRows      = 250_000   // rows in one file, all sheets together
	MaxColumns   = 500       // columns holding a value; empty columns after them are dropped
	MaxCells     = 5_000_000 // cells holding a value, all sheets together
	MaxCellChars = 32_767    // characters in one cell (Excel's own limit)
	// maxTextBytes bounds a workbook's unpacked shared-text table, which the
	// spreadsheet library holds in memory whole.
	maxTextBytes = 256 << 20
)

// readLimits counts what a file has given so far against the limits.
// Sheets may be read at once, so the counts are atomic.
type readLimits struct {
	path  string
	rows  atomic.Int64
	cells atomic.Int64
}

// row checks one row as read and returns it with empty cells after the
// last value dropped. sheet and n (1-based) name it in the refusal.
func (l *readLimits) row(sheet string, n int, cols []string) ([]string, error) {
	last := len(cols) - 1
	for last >= 0 && cols[last] == "" {
		last--
	}
	cols = cols[:last+1]
	where := func() string {
		if sheet != "" {
			return fmt.Sprintf("sheet %s, row %d", sheet, n)
		}
		return fmt.Sprintf("row %d", n)
	}
	if len(cols) > MaxColumns {
		return nil, fmt.Errorf("cannot import %s: %s has values in %d columns; Orchard reads up to %d columns", l.path, where(), len(cols), MaxColumns)
	}
	filled := int64(0)
	for i, c := range cols {
		if c == "" {
			continue
		}
		filled++
		if len(c) > MaxCellChars && utf8.RuneCountInString(c) > MaxCellChars {
			return nil, fmt.Errorf("cannot import %s: %s, column %d holds %d characters (it begins %q); a cell holds at most %d",
				l.path, where(), i+1, utf8.RuneCountInString(c), clip(c, 60), MaxCellChars)
		}
	}
	cells, rows := l.cells.Add(filled), l.rows.Load()
	if len(cols) > 0 {
		rows = l.rows.Add(1)
	}
	if rows > MaxRows {
		return nil, fmt.Errorf("cannot import %s: it has more than %d rows; Orchard imports up to %d rows from one file — split it and import the parts", l.path, MaxRows, MaxRows)
	}
	if cells > MaxCells {
		return nil, fmt.Errorf("cannot import %s: it has more than %d cells with values; Orchard imports up to %d from one file — split it and import the parts", l.path, MaxCells, MaxCells)
	}
	return cols, nil
}

// clip shortens s to at most n characters for a message, marking the cut.
func clip(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n]) + "…"
}

// ReadFile reads a spreadsheet, recognising its format from its content
// rather than its name: Excel workbooks (.xlsx, .xlsm, .xltx, and the
// .xls of Excel 95 to 2003), and text
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
	if info.Size() > MaxFileBytes {
		return nil, fmt.Errorf("cannot import %s: it is %d MB; Orchard imports files up to %d MB", path, info.Size()>>20, MaxFileBytes>>20)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("cannot read %s: %w", path, err)
	}
	return readData(ctx, path, data, progress)
}

// readData reads a file's content, recognising its format from the bytes;
// path names it in messages and gives a text table its sheet name.
func readData(ctx context.Context, path string, data []byte, progress func(float64)) (*Workbook, error) {
	var err error
	switch {
	case bytes.HasPrefix(data, []byte("PK\x03\x04")) && isExport(data):
		return readExportZip(ctx, path, data, progress)
	case bytes.HasPrefix(data, []byte("PK\x03\x04")):
		return readXLSX(ctx, path, data, progress)
	case bytes.HasPrefix(data, []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}):
		return readOLE(ctx, path, data, progress)
	case isOldBIFF(data):
		return nil, fmt.Errorf("cannot import %s: it is an Excel 2.x–4.x workbook, older than Orchard reads; "+
			"open it in Excel or LibreOffice and save it as .xlsx, then import that", path)
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
		limits := &readLimits{path: path}
		for ti := range tables {
			for ri, r := range tables[ti].Rows {
				if tables[ti].Rows[ri], err = limits.row(tables[ti].Name, ri+1, r); err != nil {
					return nil, err
				}
			}
		}
		progress(1)
		return &Workbook{Path: path, Format: "html", Tables: tables}, nil
	}
	rows, sep, err := readDelimited(ctx, text, &readLimits{path: path}, progress)
	if err != nil {
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		return nil, fmt.Errorf("cannot import %s: %w", path, err)
	}
	return &Workbook{Path: path, Format: "csv", Tables: []Table{{Name: name, Rows: rows, Sep: sep}}}, nil
}

func readXLSX(ctx context.Context, path string, data []byte, progress func(float64)) (*Workbook, error) {
	if err := checkPackedSizes(path, data); err != nil {
		return nil, err
	}
	limits := &readLimits{path: path}
	f, err := excelize.OpenReader(bytes.NewReader(data), withTempDir(excelize.Options{UnzipSizeLimit: 1 << 30, UnzipXMLSizeLimit: 256 << 20}))
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
		opts = append(opts, withTempDir(excelize.Options{RawCellValue: true}))
	}
	// Asking excelize for merged cells loads a whole sheet into memory, so
	// it is asked only when some sheet has them.
	hasMerges, err := scanSheets(path, data)
	if err != nil {
		return nil, err
	}
	// The sheets' stated sizes give the progress; a runaway size only
	// makes the bar move slowly, never past the end.
	names := f.GetSheetList()
	total := 0
	for _, name := range names {
		total += dimensionRows(f, name)
	}
	// Two sheets at a time where there are two cores: a CRM workbook's
	// accounts and contacts are read side by side.
	var done atomic.Int64
	var told sync.Mutex // progress hears from one sheet at a time
	report := func() {
		if n := done.Add(1); n%500 == 0 {
			told.Lock()
			progress(min(1, float64(n)/float64(max(total, 1))))
			told.Unlock()
		}
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	tables := make([]Table, len(names))
	errs := make([]error, len(names))
	next := atomic.Int64{}
	var wg sync.WaitGroup
	for range min(len(names), max(1, runtime.GOMAXPROCS(0)), 2) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := int(next.Add(1) - 1); i < len(names); i = int(next.Add(1) - 1) {
				tables[i], errs[i] = readSheet(ctx, f, path, names[i], opts, limits, report)
				if errs[i] != nil {
					cancel()
					return
				}
			}
		}()
	}
	wg.Wait()
	// A sheet's own refusal, not the cancelling it caused in the others.
	var first error
	for _, err := range errs {
		if err != nil && (first == nil || errors.Is(first, context.Canceled)) {
			first = err
		}
	}
	if first != nil {
		return nil, first
	}
	for i, name := range names {
		if hasMerges {
			fillMerged(f, name, tables[i].Rows)
		}
		wb.Tables = append(wb.Tables, tables[i])
	}
	progress(1)
	return wb, nil
}

// readSheet reads one sheet's rows within the file's limits.
func readSheet(ctx context.Context, f *excelize.File, path, name string, opts []excelize.Options, limits *readLimits, report func()) (Table, error) {
	t := Table{Name: name}
	rows, err := f.Rows(name)
	if err != nil {
		return t, fmt.Errorf("cannot import %s, sheet %s: %w", path, name, err)
	}
	defer rows.Close()
	for rows.Next() {
		cols, err := rows.Columns(opts...)
		if err != nil {
			return t, fmt.Errorf("cannot import %s, sheet %s, row %d: %w", path, name, len(t.Rows)+1, err)
		}
		if cols, err = limits.row(name, len(t.Rows)+1, cols); err != nil {
			return t, err
		}
		t.Rows = append(t.Rows, cols)
		report()
		if len(t.Rows)%500 == 0 {
			if err := ctx.Err(); err != nil {
				return t, err
			}
		}
	}
	if err := rows.Error(); err != nil {
		return t, fmt.Errorf("cannot import %s: sheet %s is damaged (%v); open it in Excel or LibreOffice, save it again and import that", path, name, err)
	}
	return t, nil
}
