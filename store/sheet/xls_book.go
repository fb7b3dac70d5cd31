package sheet

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/richardlehane/mscfb"
	"github.com/xuri/excelize/v2"
)

// readOLE reads a file in Microsoft's compound-file container: an Excel
// 97–2003 or Excel 95 workbook, or an encrypted .xlsx (whose package the
// container wraps). Anything else in that container is refused by name.
func readOLE(ctx context.Context, path string, data []byte, progress func(float64)) (*Workbook, error) {
	streams, err := oleStreams(data)
	if err != nil {
		return nil, fmt.Errorf("cannot import %s: it looks like an Excel 97–2003 workbook (.xls) but its container is damaged (%v); open it in Excel or LibreOffice, save it again and import that", path, err)
	}
	stream, ok := streams["workbook"]
	if !ok {
		stream, ok = streams["book"] // Excel 95
	}
	switch {
	case !ok && (streams["encryptedpackage"] != nil || streams["encryptioninfo"] != nil):
		return nil, fmt.Errorf("cannot import %s: the workbook is password-protected; remove the password in Excel and import again", path)
	case !ok:
		return nil, fmt.Errorf("cannot import %s: it is a Microsoft Office file but not an Excel workbook (a Word or PowerPoint file, perhaps)", path)
	}
	book, err := parseXLS(stream)
	if err != nil {
		var fe *xlsFormatError
		if errors.As(err, &fe) {
			return nil, fmt.Errorf("cannot import %s: %s", path, fe.msg)
		}
		return nil, fmt.Errorf("cannot import %s: the workbook is damaged (%v); open it in Excel or LibreOffice, save it again and import that", path, err)
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	progress(0.3)
	// The cells, with their number formats, are laid into a workbook of
	// today's format and read as every .xlsx is: numbers, dates, merged
	// cells and the limits come out exactly as they would from the same
	// sheet saved as .xlsx.
	xlsx, err := book.asXLSX()
	if err != nil {
		return nil, fmt.Errorf("cannot import %s: %w", path, err)
	}
	wb, err := readXLSX(ctx, path, xlsx, func(p float64) { progress(0.3 + 0.7*p) })
	if err != nil {
		return nil, err
	}
	wb.Format = "xls"
	return wb, nil
}

// oleStreams reads the container's streams by lower-case name. A stream
// can only be as large as the file that holds it, which bounds what a
// damaged directory can make it allocate.
func oleStreams(data []byte) (out map[string][]byte, err error) {
	defer func() { // the container library trusts its input; a bad one is a damaged file
		if r := recover(); r != nil {
			out, err = nil, fmt.Errorf("%v", r)
		}
	}()
	doc, err := mscfb.New(bytes.NewReader(data))
	if err != nil {
		return nil, err
	}
	out = map[string][]byte{}
	for entry, err := doc.Next(); err != io.EOF; entry, err = doc.Next() {
		if err != nil {
			return nil, err
		}
		name := strings.ToLower(entry.Name)
		if name != "workbook" && name != "book" && name != "encryptedpackage" && name != "encryptioninfo" {
			continue
		}
		if entry.Size > int64(len(data)) {
			return nil, fmt.Errorf("stream %s claims %d bytes in a file of %d", entry.Name, entry.Size, len(data))
		}
		body, err := io.ReadAll(io.LimitReader(entry, int64(len(data))))
		if err != nil {
			return nil, err
		}
		if _, seen := out[name]; !seen {
			out[name] = body
		}
	}
	return out, nil
}

// builtInFormats are the number format ids a .xlsx may use without
// defining them; the spreadsheet library knows their codes. Any other id
// is read with the code the .xls defines for it.
var builtInFormats = func() map[uint16]bool {
	m := map[uint16]bool{}
	for _, r := range [][2]uint16{{0, 4}, {9, 22}, {37, 49}} {
		for i := r[0]; i <= r[1]; i++ {
			m[i] = true
		}
	}
	return m
}()

// asXLSX writes the book's worksheets, values, number formats, merged
// cells and date system into an in-memory .xlsx.
func (b *xlsBook) asXLSX() ([]byte, error) {
	f := excelize.NewFile()
	defer f.Close()
	if b.date1904 {
		on := true
		if err := f.SetWorkbookProps(&excelize.WorkbookPropsOptions{Date1904: &on}); err != nil {
			return nil, err
		}
	}
	styles := map[uint16]int{} // number format id → style
	styleOf := func(xf uint16) (int, error) {
		if int(xf) >= len(b.xfFormat) {
			return 0, nil
		}
		id := b.xfFormat[xf]
		if code, ok := b.formats[id]; id == 0 || ok && strings.EqualFold(code, "General") {
			return 0, nil // as a .xlsx's unformatted cell: the number as stored
		}
		if s, ok := styles[id]; ok {
			return s, nil
		}
		st := &excelize.Style{NumFmt: int(id)}
		if code, ok := b.formats[id]; ok && !builtInFormats[id] {
			st = &excelize.Style{CustomNumFmt: &code}
		} else if !builtInFormats[id] {
			st = &excelize.Style{}
		}
		s, err := f.NewStyle(st)
		if err != nil {
			return 0, nil // a format code the library cannot take: shown as General
		}
		styles[id] = s
		return s, nil
	}
	names := map[string]bool{}
	visible := 0
	for i, sh := range b.sheets {
		name := sheetNameFor(sh.name, i, names)
		if i == 0 {
			if err := f.SetSheetName("Sheet1", name); err != nil {
				return nil, err
			}
		} else if _, err := f.NewSheet(name); err != nil {
			return nil, err
		}
		if err := b.writeSheet(f, name, sh, styleOf); err != nil {
			return nil, err
		}
		if !sh.hidden {
			visible++
		}
	}
	if len(b.sheets) == 0 {
		return nil, errors.New("the workbook has no worksheets")
	}
	if visible > 0 { // a workbook shows at least one sheet
		for i, sh := range b.sheets {
			if sh.hidden {
				_ = f.SetSheetVisible(f.GetSheetName(i), false)
			}
		}
	}
	buf, err := f.WriteToBuffer()
	if err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// sheetNameFor keeps a sheet's name as the file has it, unless the newer
// format cannot hold it (too long, a character it forbids, empty or the
// same as another's), when it is made to fit.
func sheetNameFor(name string, i int, used map[string]bool) string {
	clean := strings.Map(func(r rune) rune {
		if strings.ContainsRune(`:\/?*[]`, r) {
			return '_'
		}
		return r
	}, strings.Trim(name, "'"))
	if r := []rune(clean); len(r) > 31 {
		clean = string(r[:31])
	}
	if strings.TrimSpace(clean) == "" {
		clean = fmt.Sprintf("Sheet%d", i+1)
	}
	base := clean
	for n := 2; used[strings.ToLower(clean)]; n++ {
		suffix := fmt.Sprintf(" (%d)", n)
		r := []rune(base)
		clean = string(r[:min(len(r), 31-len(suffix))]) + suffix
	}
	used[strings.ToLower(clean)] = true
	return clean
}

func (b *xlsBook) writeSheet(f *excelize.File, name string, sh xlsSheet, styleOf func(uint16) (int, error)) error {
	cells := sh.cells
	slices.SortStableFunc(cells, func(x, y xlsCell) int {
		if x.row != y.row {
			return int(x.row) - int(y.row)
		}
		return int(x.col) - int(y.col)
	})
	sw, err := f.NewStreamWriter(name)
	if err != nil {
		return err
	}
	var row []any
	for i := 0; i < len(cells); {
		r := cells[i].row
		row = row[:0]
		for ; i < len(cells) && cells[i].row == r; i++ {
			c := cells[i]
			if i+1 < len(cells) && cells[i+1].row == r && cells[i+1].col == c.col {
				continue // a cell written twice: the later record stands
			}
			for len(row) < int(c.col) {
				row = append(row, nil)
			}
			style, err := styleOf(c.xf)
			if err != nil {
				return err
			}
			var v any
			switch c.kind {
			case xlsNumber:
				v = c.num
			case xlsBool:
				v = c.num != 0
			default:
				if c.text == "" {
					v = nil
				} else {
					v = c.text
				}
			}
			if v == nil {
				row = append(row, nil)
				continue
			}
			row = append(row, excelize.Cell{StyleID: style, Value: v})
		}
		cell, err := excelize.CoordinatesToCellName(1, int(r)+1)
		if err != nil {
			return err
		}
		if err := sw.SetRow(cell, row); err != nil {
			return err
		}
	}
	for _, m := range sh.merges {
		if m.r0 == m.r1 && m.c0 == m.c1 {
			continue
		}
		tl, err1 := excelize.CoordinatesToCellName(int(m.c0)+1, int(m.r0)+1)
		br, err2 := excelize.CoordinatesToCellName(int(m.c1)+1, int(m.r1)+1)
		if err1 != nil || err2 != nil {
			continue
		}
		if err := sw.MergeCell(tl, br); err != nil {
			return err
		}
	}
	return sw.Flush()
}
