package sheet

import (
	"encoding/binary"
	"errors"
	"math"
	"strings"
	"unicode/utf16"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/korean"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
)

// Reading a BIFF stream: records one after another, values that run on
// into CONTINUE records, the two widths of BIFF8 text, the code pages of
// Excel 95 text, and the encodings of numbers and errors.

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

// length reads a string's length: one byte when short, else two.
func (s *segReader) length(short bool) (int, error) {
	if short {
		v, err := s.byte()
		return int(v), err
	}
	v, err := s.u16()
	return int(v), err
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
	n, err := s.length(short)
	if err != nil {
		return "", err
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
