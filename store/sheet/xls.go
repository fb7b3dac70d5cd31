package sheet

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"slices"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
)

// Excel 97–2003 (BIFF8) and Excel 95 (BIFF5) workbooks keep their content
// in one stream of records: a two-byte type, a two-byte length, then the
// body. The workbook's globals come first (code page, date system, number
// formats, cell formats, the shared text table and where each sheet
// starts); each sheet follows as its own run of records from a BOF to an
// EOF. This file reads the records into cells; xls_book.go hands them to
// the importer.

// Record types read here.
const (
	recBOF         = 0x0809
	recEOF         = 0x000A
	recFilePass    = 0x002F
	recCodePage    = 0x0042
	recDateMode    = 0x0022
	recFormat      = 0x041E
	recXF          = 0x00E0
	recBoundSheet  = 0x0085
	recSST         = 0x00FC
	recContinue    = 0x003C
	recLabelSST    = 0x00FD
	recLabel       = 0x0204
	recRString     = 0x00D6
	recNumber      = 0x0203
	recRK          = 0x027E
	recMulRK       = 0x00BD
	recBoolErr     = 0x0205
	recFormula     = 0x0006
	recString      = 0x0207
	recMergedCells = 0x00E5
	recShrFmla     = 0x04BC
	recArray       = 0x0221
	recTable       = 0x0236
)

// errXLSShort is a record, or the stream, ending before what it says it holds.
var errXLSShort = errors.New("a record claims more than the file holds")

// xlsCell is one cell that holds a value.
type xlsCell struct {
	row, col uint16
	xf       uint16 // index of the cell's format, which names its number format
	kind     byte   // xlsNumber, xlsText, xlsBool or xlsError
	num      float64
	text     string
}

const (
	xlsNumber = iota
	xlsText
	xlsBool
	xlsError
)

type xlsRange struct{ r0, r1, c0, c1 uint16 }

type xlsSheet struct {
	name   string
	hidden bool
	offset uint32
	cells  []xlsCell
	merges []xlsRange
}

// xlsBook is what a workbook stream holds, as far as the importer needs.
type xlsBook struct {
	biff8    bool
	date1904 bool
	decoder  *encoding.Decoder // 8-bit text of a BIFF5 workbook
	formats  map[uint16]string // number format codes the file defines
	xfFormat []uint16          // cell format index → number format id
	sst      []string
	sheets   []xlsSheet
	// textBytes counts the text the cells hold, shared text counted once
	// per cell that shows it, against maxTextBytes.
	textBytes int
}

// xlsFormatError is a workbook the reader cannot take, with why in words.
type xlsFormatError struct{ msg string }

func (e *xlsFormatError) Error() string { return e.msg }

// parseXLS reads a BIFF5 or BIFF8 workbook stream.
func parseXLS(stream []byte) (*xlsBook, error) {
	b := &xlsBook{formats: map[uint16]string{}}
	r := &biffReader{data: stream}
	id, body, err := r.next()
	if err != nil {
		return nil, err
	}
	if id != recBOF || len(body) < 4 {
		if id == 0x0009 || id == 0x0209 || id == 0x0409 {
			return nil, &xlsFormatError{"it is an Excel 2.x–4.x workbook, older than Orchard reads"}
		}
		return nil, &xlsFormatError{"its workbook stream does not begin as an Excel workbook does"}
	}
	switch v := binary.LittleEndian.Uint16(body); v {
	case 0x0600:
		b.biff8 = true
	case 0x0500:
	default:
		return nil, &xlsFormatError{fmt.Sprintf("it is written in a version of the Excel format (%#04x) that Orchard does not read", v)}
	}
	b.decoder = charmap.Windows1252.NewDecoder()
	if err := b.readGlobals(r); err != nil {
		return nil, err
	}
	// Each sheet has its own stretch of the stream after the globals; two
	// sheets sharing one would be read twice (and a file of many such
	// sheets would take a very long time), so that is a damaged file.
	end := r.pos
	order := make([]int, len(b.sheets))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(x, y int) int { return int(b.sheets[x].offset) - int(b.sheets[y].offset) })
	for _, i := range order {
		sh := &b.sheets[i]
		if int64(sh.offset) < int64(end) {
			return nil, &xlsFormatError{fmt.Sprintf("the workbook is damaged: sheet %s starts inside another part of the file; open it in Excel or LibreOffice, save it again and import that", sh.name)}
		}
		if end, err = b.readSheet(stream, sh); err != nil {
			return nil, err
		}
	}
	return b, nil
}

func (b *xlsBook) readGlobals(r *biffReader) error {
	for {
		id, body, err := r.next()
		if err != nil {
			return err
		}
		switch id {
		case recEOF:
			return nil
		case recFilePass:
			return &xlsFormatError{"the workbook is password-protected; remove the password in Excel and import again"}
		case recCodePage:
			if len(body) >= 2 {
				b.decoder = codePageDecoder(binary.LittleEndian.Uint16(body))
			}
		case recDateMode:
			b.date1904 = len(body) >= 2 && binary.LittleEndian.Uint16(body) == 1
		case recFormat:
			if len(body) < 3 {
				return errXLSShort
			}
			ifmt := binary.LittleEndian.Uint16(body)
			s := &segReader{segs: [][]byte{body[2:]}}
			var code string
			if b.biff8 {
				code, err = s.unicodeString(false)
			} else {
				code, err = b.byteString(s, 1)
			}
			if err != nil {
				return err
			}
			b.formats[ifmt] = code
		case recXF:
			if len(body) < 4 {
				return errXLSShort
			}
			b.xfFormat = append(b.xfFormat, binary.LittleEndian.Uint16(body[2:]))
		case recBoundSheet:
			if len(body) < 7 {
				return errXLSShort
			}
			sh := xlsSheet{offset: binary.LittleEndian.Uint32(body), hidden: body[4]&0x03 != 0}
			if body[5] != 0 { // a chart, macro sheet or VB module: no cells to import
				continue
			}
			s := &segReader{segs: [][]byte{body[6:]}}
			if b.biff8 {
				n, err := s.byte()
				if err != nil {
					return err
				}
				sh.name, err = s.chars(int(n))
				if err != nil {
					return err
				}
			} else if sh.name, err = b.byteString(s, 1); err != nil {
				return err
			}
			b.sheets = append(b.sheets, sh)
		case recSST:
			if err := b.readSST(append([][]byte{body}, r.continues()...)); err != nil {
				return err
			}
		}
	}
}

// readSST reads the shared text table, spread over an SST record and the
// CONTINUE records after it.
func (b *xlsBook) readSST(segs [][]byte) error {
	if len(segs[0]) < 8 {
		return errXLSShort
	}
	unique := int(binary.LittleEndian.Uint32(segs[0][4:]))
	segs[0] = segs[0][8:]
	s := &segReader{segs: segs}
	// Each string takes at least three bytes, so the count the record
	// claims cannot make the table larger than its bytes allow.
	b.sst = make([]string, 0, min(unique, s.remaining()/3))
	for len(b.sst) < unique && s.remaining() > 0 {
		str, err := s.unicodeString(false)
		if err != nil {
			return err
		}
		b.sst = append(b.sst, str)
	}
	return nil
}

// byteString reads a BIFF5 string: a length of lenBytes bytes, then the
// text in the workbook's code page.
func (b *xlsBook) byteString(s *segReader, lenBytes int) (string, error) {
	n, err := s.length(lenBytes == 1)
	if err != nil {
		return "", err
	}
	raw, err := s.bytes(n)
	if err != nil {
		return "", err
	}
	out, err := b.decoder.Bytes(raw)
	if err != nil {
		return string(raw), nil
	}
	return string(out), nil
}

// cellString reads a LABEL, RSTRING or STRING record's text.
func (b *xlsBook) cellString(s *segReader) (string, error) {
	if b.biff8 {
		return s.unicodeString(false)
	}
	return b.byteString(s, 2)
}

// readSheet reads one sheet's cells, from its BOF at sh.offset to its
// EOF, and returns where it ended.
func (b *xlsBook) readSheet(stream []byte, sh *xlsSheet) (int, error) {
	if int64(sh.offset) >= int64(len(stream)) {
		return 0, fmt.Errorf("sheet %s starts past the end of the workbook stream: %w", sh.name, errXLSShort)
	}
	r := &biffReader{data: stream, pos: int(sh.offset)}
	if id, _, err := r.next(); err != nil {
		return 0, err
	} else if id != recBOF {
		return 0, &xlsFormatError{fmt.Sprintf("the workbook is damaged: sheet %s does not start where the workbook says it does; open it in Excel or LibreOffice, save it again and import that", sh.name)}
	}
	depth := 0    // BOF–EOF runs inside the sheet (an embedded chart)
	pending := -1 // the formula cell whose text the next STRING record holds
	add := func(c xlsCell) error {
		if c.col >= 16384 { // beyond any Excel's last column
			return &xlsFormatError{fmt.Sprintf("sheet %s, row %d has a cell in column %d, past Excel's last", sh.name, c.row+1, int(c.col)+1)}
		}
		if c.kind == xlsText {
			b.textBytes += len(c.text)
			if limit := min(maxTextBytes, max(16<<20, 64*len(stream))); b.textBytes > limit {
				return &xlsFormatError{fmt.Sprintf("its cells repeat more text (over %d MB) than a workbook of its size can hold; it may be damaged or made to exhaust memory", limit>>20)}
			}
		}
		sh.cells = append(sh.cells, c)
		return nil
	}
	for {
		id, body, err := r.next()
		if err != nil {
			return 0, fmt.Errorf("sheet %s: %w", sh.name, err)
		}
		if depth > 0 {
			switch id {
			case recBOF:
				depth++
			case recEOF:
				depth--
			}
			continue
		}
		switch id {
		case recString, recContinue, recShrFmla, recArray, recTable:
			// a formula's text result comes after its shared or array formula
		default:
			pending = -1
		}
		switch id {
		case recNumber, recRK, recMulRK, recLabelSST, recLabel, recRString, recBoolErr, recFormula:
			if len(body) < 6 {
				return 0, fmt.Errorf("sheet %s: %w", sh.name, errXLSShort)
			}
		}
		head := func() xlsCell {
			return xlsCell{row: binary.LittleEndian.Uint16(body), col: binary.LittleEndian.Uint16(body[2:]), xf: binary.LittleEndian.Uint16(body[4:])}
		}
		switch id {
		case recBOF:
			depth++
		case recEOF:
			return r.pos, nil
		case recNumber:
			if len(body) < 14 {
				return 0, errXLSShort
			}
			c := head()
			c.num = math.Float64frombits(binary.LittleEndian.Uint64(body[6:]))
			err = add(c)
		case recRK:
			if len(body) < 10 {
				return 0, errXLSShort
			}
			c := head()
			c.num = rkNumber(binary.LittleEndian.Uint32(body[6:]))
			err = add(c)
		case recMulRK:
			row, col := binary.LittleEndian.Uint16(body), binary.LittleEndian.Uint16(body[2:])
			for p := 4; p+6 <= len(body)-2 && err == nil; p += 6 {
				err = add(xlsCell{row: row, col: col, xf: binary.LittleEndian.Uint16(body[p:]), num: rkNumber(binary.LittleEndian.Uint32(body[p+2:]))})
				col++
			}
		case recLabelSST:
			if len(body) < 10 {
				return 0, errXLSShort
			}
			c := head()
			i := binary.LittleEndian.Uint32(body[6:])
			if int64(i) >= int64(len(b.sst)) {
				return 0, &xlsFormatError{fmt.Sprintf("the workbook is damaged: sheet %s, row %d shows shared text number %d, but the file holds %d; open it in Excel or LibreOffice, save it again and import that", sh.name, c.row+1, i+1, len(b.sst))}
			}
			c.kind, c.text = xlsText, b.sst[i]
			err = add(c)
		case recLabel, recRString:
			c := head()
			c.kind = xlsText
			if c.text, err = b.cellString(&segReader{segs: append([][]byte{body[6:]}, r.continues()...)}); err == nil {
				err = add(c)
			}
		case recBoolErr:
			if len(body) < 8 {
				return 0, errXLSShort
			}
			c := head()
			if body[7] == 0 {
				c.kind, c.num = xlsBool, float64(body[6]&1)
			} else {
				c.kind, c.text = xlsError, xlsErrorText(body[6])
			}
			err = add(c)
		case recFormula:
			if len(body) < 14 {
				return 0, errXLSShort
			}
			c := head()
			res := body[6:14]
			if res[6] == 0xFF && res[7] == 0xFF {
				switch res[0] {
				case 0: // text, in the STRING record that follows
					c.kind = xlsText
					pending = len(sh.cells)
				case 1:
					c.kind, c.num = xlsBool, float64(res[2]&1)
				case 2:
					c.kind, c.text = xlsError, xlsErrorText(res[2])
				default: // an empty text result
					continue
				}
			} else {
				c.num = math.Float64frombits(binary.LittleEndian.Uint64(res))
			}
			err = add(c)
		case recString:
			if pending >= 0 {
				var text string
				if text, err = b.cellString(&segReader{segs: append([][]byte{body}, r.continues()...)}); err == nil {
					sh.cells[pending].text = text
					b.textBytes += len(text)
				}
				pending = -1
			}
		case recMergedCells:
			if len(body) < 2 {
				return 0, errXLSShort
			}
			n := int(binary.LittleEndian.Uint16(body))
			for i := 0; i < n && 2+8*i+8 <= len(body); i++ {
				p := body[2+8*i:]
				m := xlsRange{r0: binary.LittleEndian.Uint16(p), r1: binary.LittleEndian.Uint16(p[2:]), c0: binary.LittleEndian.Uint16(p[4:]), c1: binary.LittleEndian.Uint16(p[6:])}
				if m.r0 <= m.r1 && m.c0 <= m.c1 {
					sh.merges = append(sh.merges, m)
				}
			}
		}
		if err != nil {
			return 0, err
		}
	}
}

// isOldBIFF tells an Excel 2.x–4.x worksheet, which is a bare record
// stream rather than a container: a BOF record of those versions with the
// body length they use.
func isOldBIFF(data []byte) bool {
	if len(data) < 8 || data[0] != 0x09 || (data[1] != 0x00 && data[1] != 0x02 && data[1] != 0x04) {
		return false
	}
	n := binary.LittleEndian.Uint16(data[2:])
	return (n == 4 || n == 6 || n == 8) && data[3] == 0
}
