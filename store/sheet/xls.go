package sheet

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"
	"unicode/utf16"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/korean"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
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
	var n int
	if lenBytes == 1 {
		v, err := s.byte()
		if err != nil {
			return "", err
		}
		n = int(v)
	} else {
		v, err := s.u16()
		if err != nil {
			return "", err
		}
		n = int(v)
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

// rkNumber decodes an RK value: a signed 30-bit integer or the top 30
// bits of a double, either of them possibly a hundred times the value.
func rkNumber(rk uint32) float64 {
	var v float64
	if rk&0x02 != 0 {
		v = float64(int32(rk) >> 2)
	} else {
		v = math.Float64frombits(uint64(rk&0xFFFFFFFC) << 32)
	}
	if rk&0x01 != 0 {
		v /= 100
	}
	return v
}

// xlsErrorText is the text Excel shows for an error code.
func xlsErrorText(code byte) string {
	switch code {
	case 0x00:
		return "#NULL!"
	case 0x07:
		return "#DIV/0!"
	case 0x0F:
		return "#VALUE!"
	case 0x17:
		return "#REF!"
	case 0x1D:
		return "#NAME?"
	case 0x24:
		return "#NUM!"
	default:
		return "#N/A"
	}
}

// codePageDecoder gives the decoder for a Windows code page number; an
// unknown one is read as Windows-1252, the most common.
func codePageDecoder(cp uint16) *encoding.Decoder {
	var e encoding.Encoding
	switch cp {
	case 437:
		e = charmap.CodePage437
	case 850:
		e = charmap.CodePage850
	case 852:
		e = charmap.CodePage852
	case 866:
		e = charmap.CodePage866
	case 874:
		e = charmap.Windows874
	case 932:
		e = japanese.ShiftJIS
	case 936:
		e = simplifiedchinese.GBK
	case 949:
		e = korean.EUCKR
	case 950:
		e = traditionalchinese.Big5
	case 1250:
		e = charmap.Windows1250
	case 1251:
		e = charmap.Windows1251
	case 1253:
		e = charmap.Windows1253
	case 1254:
		e = charmap.Windows1254
	case 1255:
		e = charmap.Windows1255
	case 1256:
		e = charmap.Windows1256
	case 1257:
		e = charmap.Windows1257
	case 1258:
		e = charmap.Windows1258
	case 10000, 32768:
		e = charmap.Macintosh
	case 20866:
		e = charmap.KOI8R
	case 28591:
		e = charmap.ISO8859_1
	case 28592:
		e = charmap.ISO8859_2
	case 28605:
		e = charmap.ISO8859_15
	default:
		e = charmap.Windows1252
	}
	return e.NewDecoder()
}

// errXLSEnd is the stream ending between records.
var errXLSEnd = errors.New("the workbook stream ends part-way through")

// biffReader walks a stream's records.
type biffReader struct {
	data []byte
	pos  int
}

// next returns the next record; a record whose length runs past the
// stream's end is errXLSShort.
func (r *biffReader) next() (uint16, []byte, error) {
	if r.pos+4 > len(r.data) {
		return 0, nil, errXLSEnd
	}
	id := binary.LittleEndian.Uint16(r.data[r.pos:])
	n := int(binary.LittleEndian.Uint16(r.data[r.pos+2:]))
	if r.pos+4+n > len(r.data) {
		return 0, nil, errXLSShort
	}
	body := r.data[r.pos+4 : r.pos+4+n]
	r.pos += 4 + n
	return id, body, nil
}

// continues takes the CONTINUE records that follow the record just read.
func (r *biffReader) continues() [][]byte {
	var out [][]byte
	for r.pos+4 <= len(r.data) && binary.LittleEndian.Uint16(r.data[r.pos:]) == recContinue {
		n := int(binary.LittleEndian.Uint16(r.data[r.pos+2:]))
		if r.pos+4+n > len(r.data) {
			break
		}
		out = append(out, r.data[r.pos+4:r.pos+4+n])
		r.pos += 4 + n
	}
	return out
}

// segReader reads values that may run from one record into the CONTINUE
// records after it.
type segReader struct {
	segs [][]byte
	i, p int // segment, and position in it
	high bool
}

func (s *segReader) remaining() int {
	n := 0
	for i := s.i; i < len(s.segs); i++ {
		n += len(s.segs[i])
	}
	return n - s.p
}

// advance moves past exhausted segments; it reports whether one was left.
func (s *segReader) advance() bool {
	moved := false
	for s.i < len(s.segs) && s.p >= len(s.segs[s.i]) {
		s.i++
		s.p = 0
		moved = true
	}
	return moved
}

func (s *segReader) byte() (byte, error) {
	s.advance()
	if s.i >= len(s.segs) {
		return 0, errXLSShort
	}
	v := s.segs[s.i][s.p]
	s.p++
	return v, nil
}

func (s *segReader) u16() (uint16, error) {
	lo, err := s.byte()
	if err != nil {
		return 0, err
	}
	hi, err := s.byte()
	return uint16(lo) | uint16(hi)<<8, err
}

func (s *segReader) u32() (uint32, error) {
	lo, err := s.u16()
	if err != nil {
		return 0, err
	}
	hi, err := s.u16()
	return uint32(lo) | uint32(hi)<<16, err
}

// bytes reads n raw bytes, which may span segments.
func (s *segReader) bytes(n int) ([]byte, error) {
	if n > s.remaining() {
		return nil, errXLSShort
	}
	out := make([]byte, 0, n)
	for len(out) < n {
		s.advance()
		take := min(n-len(out), len(s.segs[s.i])-s.p)
		out = append(out, s.segs[s.i][s.p:s.p+take]...)
		s.p += take
	}
	return out, nil
}

func (s *segReader) skip(n int) error {
	if n < 0 || n > s.remaining() {
		return errXLSShort
	}
	for n > 0 {
		s.advance()
		take := min(n, len(s.segs[s.i])-s.p)
		s.p += take
		n -= take
	}
	return nil
}

// unicodeString reads a BIFF8 string: a character count (two bytes, or
// one when short), option flags, the optional counts of formatting runs
// and of East Asian phonetic data, the characters, then those extras.
func (s *segReader) unicodeString(short bool) (string, error) {
	var n int
	if short {
		v, err := s.byte()
		if err != nil {
			return "", err
		}
		n = int(v)
	} else {
		v, err := s.u16()
		if err != nil {
			return "", err
		}
		n = int(v)
	}
	flags, err := s.byte()
	if err != nil {
		return "", err
	}
	s.high = flags&0x01 != 0
	runs, ext := 0, 0
	if flags&0x08 != 0 {
		v, err := s.u16()
		if err != nil {
			return "", err
		}
		runs = int(v)
	}
	if flags&0x04 != 0 {
		v, err := s.u32()
		if err != nil {
			return "", err
		}
		ext = int(int32(v))
	}
	text, err := s.charsAs(n)
	if err != nil {
		return "", err
	}
	if err := s.skip(4 * runs); err != nil {
		return "", err
	}
	if err := s.skip(ext); err != nil {
		return "", err
	}
	return text, nil
}

// chars reads n characters of a BIFF8 string whose flags byte comes first.
func (s *segReader) chars(n int) (string, error) {
	flags, err := s.byte()
	if err != nil {
		return "", err
	}
	s.high = flags&0x01 != 0
	return s.charsAs(n)
}

// charsAs reads n characters, one byte each (Latin-1) or two (UTF-16)
// as s.high says. Where the characters run into the next CONTINUE record,
// that record begins with a byte saying which of the two it holds.
func (s *segReader) charsAs(n int) (string, error) {
	// Every character takes at least a byte: a count beyond what is left
	// is a damaged string, refused before anything is allocated for it.
	if n > s.remaining() {
		return "", errXLSShort
	}
	var b strings.Builder
	b.Grow(n)
	var units []uint16
	for read := 0; read < n; {
		if s.i >= len(s.segs) {
			return "", errXLSShort
		}
		if s.p >= len(s.segs[s.i]) {
			s.i, s.p = s.i+1, 0
			if s.i >= len(s.segs) || len(s.segs[s.i]) == 0 {
				return "", errXLSShort
			}
			s.high, s.p = s.segs[s.i][0]&0x01 != 0, 1
			continue
		}
		seg := s.segs[s.i]
		if s.high {
			for read < n && s.p+2 <= len(seg) {
				units = append(units, binary.LittleEndian.Uint16(seg[s.p:]))
				s.p += 2
				read++
			}
			if s.p < len(seg) && read < n { // half a character at a record's end
				return "", errXLSShort
			}
		} else {
			for read < n && s.p < len(seg) {
				units = append(units, uint16(seg[s.p]))
				s.p++
				read++
			}
		}
	}
	for _, r := range utf16.Decode(units) {
		b.WriteRune(r)
	}
	return b.String(), nil
}
