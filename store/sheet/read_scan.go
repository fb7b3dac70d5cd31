package sheet

import (
	"archive/zip"
	"bytes"
	"fmt"
	"strings"

	"github.com/xuri/excelize/v2"
)

// The pre-scan of a workbook's parts before the spreadsheet library reads
// them, and what is read from a sheet around its rows.

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
