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
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/charmap"
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

// scanSheets streams the workbook's sheets and shared text once, before
// the spreadsheet library reads them, to learn whether any sheet has
// merged cells (asking the library loads a whole sheet into memory) and to
// refuse a cell longer than a cell can be before the library holds it.
func scanSheets(path string, data []byte) (hasMerges bool, err error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return true, nil // let excelize decide
	}
	needle := []byte("<mergeCell")
	// Escaped text (&amp;) takes up to six bytes a character in the file.
	const maxRun = MaxCellChars * 6
	valueRows := 0
	for _, zf := range zr.File {
		sheetPart := strings.HasPrefix(zf.Name, "xl/worksheets/") && strings.HasSuffix(zf.Name, ".xml")
		if !sheetPart && !strings.EqualFold(zf.Name, "xl/sharedStrings.xml") {
			continue
		}
		rc, err := zf.Open()
		if err != nil {
			return true, nil
		}
		buf := make([]byte, 64<<10)
		var tail []byte
		sc := xmlScan{sheet: sheetPart}
		for {
			n, rerr := rc.Read(buf)
			chunk := buf[:n]
			if !sc.feed(chunk, maxRun) {
				rc.Close()
				return false, fmt.Errorf("cannot import %s: a cell in %s holds more than %d characters; a cell holds at most %d",
					path, zf.Name, MaxCellChars, MaxCellChars)
			}
			valueRows += sc.rows
			sc.rows = 0
			if sheetPart && !hasMerges {
				// The needle may straddle two chunks: look across the seam.
				seam := append(tail, chunk[:min(len(chunk), len(needle))]...)
				hasMerges = bytes.Contains(seam, needle) || bytes.Contains(chunk, needle)
			}
			if len(chunk) >= 64 {
				tail = append(tail[:0], chunk[len(chunk)-64:]...)
			} else {
				tail = append(tail, chunk...)
				tail = append(tail[:0], tail[max(0, len(tail)-64):]...)
			}
			if valueRows > MaxRows {
				rc.Close()
				return false, fmt.Errorf("cannot import %s: it has more than %d rows; Orchard imports up to %d rows from one file — split it and import the parts", path, MaxRows, MaxRows)
			}
			if rerr != nil {
				break
			}
		}
		if sc.rowHasValue {
			valueRows++
		}
		rc.Close()
		// A sheet cut short (or otherwise broken at its end) would read as
		// fewer rows without a word.
		if end := bytes.TrimRight(tail, " \t\r\n"); sheetPart && (sc.depth != 0 || !bytes.HasSuffix(end, []byte("worksheet>"))) {
			return false, fmt.Errorf("cannot import %s: sheet %s is damaged (its XML is cut short or does not close what it opens); open the file in Excel or LibreOffice, save it again and import that", path, sheetName(zf.Name))
		}
	}
	return hasMerges, nil
}

// xmlScan follows a sheet's XML as it streams by, without parsing it: how
// deep elements nest, how long runs of text are, and how many rows hold a
// value. It jumps from '<' to '>' and back, looking at bytes one by one
// only in tag names.
type xmlScan struct {
	sheet       bool
	inTag       bool
	run         int // bytes of text since the last tag
	name        [4]byte
	nameLen     int
	nameDone    bool
	closing     bool // </x>
	declaration bool // <?x?> or <!x>
	prev        byte // the byte before the current one, in a tag
	depth       int
	rowHasValue bool
	rows        int // rows with a value finished in this chunk
}

// feed scans a chunk; it returns false when a run of text passes maxRun.
func (x *xmlScan) feed(chunk []byte, maxRun int) bool {
	for i := 0; i < len(chunk); {
		if !x.inTag {
			j := bytes.IndexByte(chunk[i:], '<')
			if j < 0 {
				x.run += len(chunk) - i
				return x.run <= maxRun
			}
			x.run += j
			if x.run > maxRun {
				return false
			}
			x.inTag, x.run, x.nameLen, x.nameDone, x.closing, x.declaration, x.prev = true, 0, 0, false, false, false, '<'
			i += j + 1
			continue
		}
		if x.nameDone {
			j := bytes.IndexByte(chunk[i:], '>')
			if j < 0 {
				x.prev = chunk[len(chunk)-1]
				return true
			}
			if j > 0 {
				x.prev = chunk[i+j-1]
			}
			x.endTag()
			i += j + 1
			continue
		}
		c := chunk[i]
		i++
		if x.prev == '<' {
			x.closing, x.declaration = c == '/', c == '?' || c == '!'
		}
		if c == '>' {
			x.tagName()
			x.prev = c
			x.endTag()
			continue
		}
		x.prev = c
		if c == ' ' || c == '/' || c == '\t' || c == '\n' || c == '\r' || x.nameLen == len(x.name) {
			x.nameDone = true
			x.tagName()
		} else {
			x.name[x.nameLen] = c
			x.nameLen++
		}
	}
	return true
}

// tagName acts on a tag's name once it is known.
func (x *xmlScan) tagName() {
	x.nameDone = true
	if !x.sheet || x.nameLen == 0 {
		return
	}
	switch string(x.name[:x.nameLen]) {
	case "row":
		if x.rowHasValue {
			x.rows++
		}
		x.rowHasValue = false
	case "v", "is":
		x.rowHasValue = true
	}
	x.nameLen = 0
}

// endTag closes a tag at its '>'.
func (x *xmlScan) endTag() {
	x.inTag = false
	switch {
	case x.declaration:
	case x.closing:
		x.depth--
	case x.prev != '/':
		x.depth++
	}
}

// sheetName turns a part name (xl/worksheets/sheet2.xml) into words for a
// message.
func sheetName(part string) string {
	return strings.TrimSuffix(strings.TrimPrefix(part, "xl/worksheets/"), ".xml")
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
			for c := c1; c <= min(c2, MaxColumns); c++ {
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
// its byte-order mark or, without one, by its zero bytes, else
// Windows-1252. Text that still holds a NUL is binary, not a table.
func decodeText(data []byte) (string, error) {
	text, err := decodeBytes(data)
	if err != nil {
		return "", err
	}
	if strings.IndexByte(text, 0) >= 0 {
		return "", errors.New("it holds binary data, not a spreadsheet")
	}
	return text, nil
}

func decodeBytes(data []byte) (string, error) {
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		return string(data[3:]), nil
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}), bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		return decodeUTF16(data[2:], data[0] == 0xFF), nil
	}
	if is, little := utf16WithoutMark(data); is {
		return decodeUTF16(data, little), nil
	}
	if utf8.Valid(data) {
		return string(data), nil
	}
	out, err := charmap.Windows1252.NewDecoder().Bytes(data)
	if err != nil {
		return "", fmt.Errorf("its text is in no encoding Orchard knows: %w", err)
	}
	return string(out), nil
}

func decodeUTF16(body []byte, little bool) string {
	u := make([]uint16, len(body)/2)
	for i := range u {
		if little {
			u[i] = uint16(body[2*i]) | uint16(body[2*i+1])<<8
		} else {
			u[i] = uint16(body[2*i])<<8 | uint16(body[2*i+1])
		}
	}
	return string(utf16.Decode(u))
}

// readDelimited reads a text table, picking the separator that splits the
// first lines most consistently.
func readDelimited(ctx context.Context, text string, limits *readLimits, progress func(float64)) ([][]string, rune, error) {
	if !strings.Contains(text, "\n") {
		// Lines ended by a carriage return alone (old Mac files).
		text = strings.ReplaceAll(text, "\r", "\n")
	}
	lines := strings.SplitN(text, "\n", 12)
	best, bestScore := ',', -1
	for _, sep := range []rune{',', ';', '\t', '|'} {
		counts := map[int]int{}
		for _, l := range lines[:min(len(lines), 10)] {
			if n := countOutsideQuotes(l, sep); n > 0 {
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
	if row := unclosedQuote(text, best); row > 0 {
		return nil, 0, fmt.Errorf("row %d opens a quoted value (\") that is never closed, so everything after it would be read as one cell; close the quote and import again", row)
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
			return nil, 0, fmt.Errorf("row %d: %v", len(rows)+1, err)
		}
		rec, err = limits.row("", len(rows)+1, rec)
		if err != nil {
			return nil, 0, err
		}
		rows = append(rows, rec)
		if len(rows)%1000 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, 0, err
			}
			progress(float64(r.InputOffset()) / float64(max(len(text), 1)))
		}
	}
	progress(1)
	return rows, best, nil
}

// countOutsideQuotes counts a separator in a line outside quoted values: a
// comma inside "…" separates nothing.
func countOutsideQuotes(line string, sep rune) int {
	n, quoted := 0, false
	for _, r := range line {
		switch {
		case r == '"':
			quoted = !quoted
		case r == sep && !quoted:
			n++
		}
	}
	return n
}
