package sheet

import (
	"bytes"
	"context"
	"encoding/binary"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf16"
)

// Workbook streams made record by record, for what LibreOffice's
// conversions do not cover: Excel's built-in formats, Excel 95, and files
// that are encrypted, too old or damaged.

func rec(id uint16, parts ...any) []byte {
	var body bytes.Buffer
	for _, p := range parts {
		switch v := p.(type) {
		case []byte:
			body.Write(v)
		case string:
			body.WriteString(v)
		default:
			binary.Write(&body, binary.LittleEndian, v)
		}
	}
	out := binary.LittleEndian.AppendUint16(nil, id)
	out = binary.LittleEndian.AppendUint16(out, uint16(body.Len()))
	return append(out, body.Bytes()...)
}

// wide is a BIFF8 string of two-byte characters with a two-byte count.
func wide(s string) []byte {
	u := utf16.Encode([]rune(s))
	out := binary.LittleEndian.AppendUint16(nil, uint16(len(u)))
	out = append(out, 1)
	for _, c := range u {
		out = binary.LittleEndian.AppendUint16(out, c)
	}
	return out
}

// rk encodes an integer as an RK value.
func rkInt(v int32) uint32 { return uint32(v)<<2 | 0x02 }

// rkX100 encodes a value with two decimals as an RK integer a hundred times it.
func rkX100(hundredths int32) uint32 { return uint32(hundredths)<<2 | 0x03 }

// book8 builds a BIFF8 workbook stream: globals (with the extra records
// given), one sheet "Data" holding the cell records given.
func book8(globals []byte, cells ...[]byte) []byte {
	head := rec(recBOF, uint16(0x0600), uint16(0x0005), uint32(0), uint32(0), uint32(0))
	head = append(head, rec(recCodePage, uint16(1200))...)
	head = append(head, globals...)
	for _, ifmt := range []uint16{0, 14, 22, 164} { // XF 0–3
		head = append(head, rec(recXF, uint16(0), ifmt, make([]byte, 16))...)
	}
	name := []byte{4, 0}
	name = append(name, "Data"...)
	bound := rec(recBoundSheet, uint32(0), byte(0), byte(0), name)
	eof := rec(recEOF)
	offset := uint32(len(head) + len(bound) + len(eof))
	binary.LittleEndian.PutUint32(bound[4:], offset)
	out := append(append(append(head, bound...), eof...), rec(recBOF, uint16(0x0600), uint16(0x0010), uint32(0), uint32(0), uint32(0))...)
	for _, c := range cells {
		out = append(out, c...)
	}
	return append(out, rec(recEOF)...)
}

func cellRows(t *testing.T, stream []byte) [][]string {
	t.Helper()
	wb, err := readData(context.Background(), "made.xls", container(t, "Workbook", stream), func(float64) {})
	if err != nil {
		t.Fatal(err)
	}
	return wb.Tables[0].Rows
}

// Excel's built-in date formats make dates, as they do in a .xlsx; RK
// numbers keep their sign and their hundredths.
func TestXLSBuiltInDatesAndRK(t *testing.T) {
	serial := 45747.0 // 31 March 2025
	stream := book8(nil,
		rec(recNumber, uint16(0), uint16(0), uint16(1), math.Float64bits(serial)),
		rec(recNumber, uint16(0), uint16(1), uint16(2), math.Float64bits(serial+0.5)),
		rec(recRK, uint16(1), uint16(0), uint16(0), rkInt(-7)),
		rec(recRK, uint16(1), uint16(1), uint16(0), rkX100(-1234)),
		rec(recMulRK, uint16(2), uint16(0), uint16(0), rkInt(536870911), uint16(0), rkX100(5), uint16(0), rkInt(-536870912), uint16(2)),
		rec(recNumber, uint16(3), uint16(0), uint16(3), math.Float64bits(0.1)),
	)
	rows := cellRows(t, stream)
	want := [][]string{{"03-31-25", "3/31/25 12:00"}, {"-7", "-12.34"}, {"536870911", "0.05", "-536870912"}, {"0.1"}}
	for r := range want {
		if r >= len(rows) || strings.Join(rows[r], "|") != strings.Join(want[r], "|") {
			t.Fatalf("rows %q, want %q", rows, want)
		}
	}
}

// An Excel 95 workbook keeps its text in its code page.
func TestXLSExcel95CodePage(t *testing.T) {
	label := func(row, col uint16, text []byte) []byte {
		return rec(recLabel, row, col, uint16(0), uint16(len(text)), text)
	}
	head := rec(recBOF, uint16(0x0500), uint16(0x0005), uint32(0))
	head = append(head, rec(recCodePage, uint16(1251))...)
	head = append(head, rec(recXF, uint16(0), uint16(0), make([]byte, 12))...)
	bound := rec(recBoundSheet, uint32(0), byte(0), byte(0), byte(6), "Kunden")
	eof := rec(recEOF)
	binary.LittleEndian.PutUint32(bound[4:], uint32(len(head)+len(bound)+len(eof)))
	stream := append(append(append(head, bound...), eof...), rec(recBOF, uint16(0x0500), uint16(0x0010), uint32(0))...)
	stream = append(stream, label(0, 0, []byte("Firma"))...)
	stream = append(stream, label(1, 0, []byte{0xcc, 0xee, 0xf1, 0xea, 0xe2, 0xe0})...) // "Москва" in Windows-1251
	stream = append(stream, rec(recRK, uint16(1), uint16(1), uint16(0), rkInt(-7))...)
	stream = append(stream, rec(recEOF)...)
	wb, err := readData(context.Background(), "old.xls", container(t, "Book", stream), func(float64) {})
	if err != nil {
		t.Fatal(err)
	}
	if wb.Tables[0].Name != "Kunden" {
		t.Errorf("sheet %q", wb.Tables[0].Name)
	}
	if got := strings.Join(wb.Tables[0].Rows[1], "|"); got != "Москва|-7" {
		t.Errorf("row 2 reads %q, want Москва|-7", got)
	}
}

// Shared text split across CONTINUE records, where the split falls inside
// a string and changes its width, reads whole.
func TestXLSSharedTextAcrossContinues(t *testing.T) {
	first := strings.Repeat("a", 10)
	second := "Zoë Ωμέγα"
	sst := binary.LittleEndian.AppendUint32(nil, 2)
	sst = binary.LittleEndian.AppendUint32(sst, 2)
	sst = append(sst, wide(first)...)
	// The second string: count, Latin-1 flags, its first three characters...
	sst = binary.LittleEndian.AppendUint16(sst, uint16(len([]rune(second))))
	sst = append(sst, 0, 'Z', 'o', 0xEB)
	// ...then the rest in a CONTINUE that starts with the two-byte flag.
	cont := []byte{1}
	for _, c := range utf16.Encode([]rune(second)[3:]) {
		cont = binary.LittleEndian.AppendUint16(cont, c)
	}
	globals := append(rec(recSST, sst), rec(recContinue, cont)...)
	rows := cellRows(t, book8(globals,
		rec(recLabelSST, uint16(0), uint16(0), uint16(0), uint32(0)),
		rec(recLabelSST, uint16(0), uint16(1), uint16(0), uint32(1))))
	if got := strings.Join(rows[0], "|"); got != first+"|"+second {
		t.Errorf("shared text reads %q", got)
	}
}

// Files Orchard cannot read are refused with why, before anything is
// imported.
func TestXLSRefusals(t *testing.T) {
	read := func(data []byte) error {
		_, err := readData(context.Background(), "bad.xls", data, func(float64) {})
		return err
	}
	good, err := os.ReadFile(filepath.Join("testdata", "xls", "numbers.xls"))
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name string
		data []byte
		want string
	}{
		{"encrypted", container(t, "Workbook", book8(rec(recFilePass, uint16(1), make([]byte, 52)))), "password-protected"},
		{"encrypted xlsx", container(t, "EncryptedPackage", make([]byte, 5000)), "password-protected"},
		{"Word file", container(t, "WordDocument", make([]byte, 5000)), "not an Excel workbook"},
		{"Excel 4", append([]byte{0x09, 0x04, 0x06, 0x00, 0x00, 0x00, 0x10, 0x00}, make([]byte, 100)...), "Excel 2.x–4.x"},
		{"truncated container", good[:len(good)/3], "damaged"},
		{"record longer than the stream", container(t, "Workbook", append(book8(nil)[:40], 0xFD, 0x00, 0xFF, 0xFF, 1, 2)), "damaged"},
		{"text table claiming more than it holds", container(t, "Workbook", book8(rec(recSST, uint32(1), uint32(1_000_000), uint16(30000), byte(1), "ab"))), "damaged"},
		{"text beyond the table", container(t, "Workbook", book8(nil, rec(recLabelSST, uint16(0), uint16(0), uint16(0), uint32(5)))), "shows shared text number 6, but the file holds 0"},
	}
	for _, c := range cases {
		if err := read(c.data); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: %v, want a refusal saying %q", c.name, err, c.want)
		}
	}
}

// container wraps one stream in a compound file (version 3, 512-byte
// sectors), the way Excel stores a workbook. The stream is padded to the
// size kept in ordinary sectors.
func container(t testing.TB, name string, stream []byte) []byte {
	t.Helper()
	const sector = 512
	body := append([]byte(nil), stream...)
	for len(body) < 4096 || len(body)%sector != 0 {
		body = append(body, 0)
	}
	n := len(body) / sector
	if n+2 > sector/4 {
		t.Fatal("stream too large for the test container")
	}
	le := binary.LittleEndian
	head := make([]byte, sector)
	copy(head, []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1})
	le.PutUint16(head[24:], 0x003E)
	le.PutUint16(head[26:], 3)
	le.PutUint16(head[28:], 0xFFFE)
	le.PutUint16(head[30:], 9)
	le.PutUint16(head[32:], 6)
	le.PutUint32(head[44:], 1)          // one FAT sector
	le.PutUint32(head[48:], 1)          // the directory in sector 1
	le.PutUint32(head[56:], 4096)       // mini stream cutoff
	le.PutUint32(head[60:], 0xFFFFFFFE) // no mini FAT
	le.PutUint32(head[68:], 0xFFFFFFFE) // no DIFAT sectors
	for i := 0; i < 109; i++ {
		le.PutUint32(head[76+4*i:], 0xFFFFFFFF)
	}
	le.PutUint32(head[76:], 0) // the FAT in sector 0
	fat := make([]byte, sector)
	for i := 0; i < sector/4; i++ {
		le.PutUint32(fat[4*i:], 0xFFFFFFFF)
	}
	le.PutUint32(fat[0:], 0xFFFFFFFD)
	le.PutUint32(fat[4:], 0xFFFFFFFE)
	for i := 0; i < n; i++ {
		next := uint32(2 + i + 1)
		if i == n-1 {
			next = 0xFFFFFFFE
		}
		le.PutUint32(fat[4*(2+i):], next)
	}
	dir := make([]byte, sector)
	entry := func(i int, name string, kind byte, child, start uint32, size int) {
		e := dir[128*i:]
		u := utf16.Encode([]rune(name))
		for j, c := range u {
			le.PutUint16(e[2*j:], c)
		}
		if name != "" {
			le.PutUint16(e[64:], uint16(2*len(u)+2))
		}
		e[66], e[67] = kind, 1
		le.PutUint32(e[68:], 0xFFFFFFFF)
		le.PutUint32(e[72:], 0xFFFFFFFF)
		le.PutUint32(e[76:], child)
		le.PutUint32(e[116:], start)
		le.PutUint32(e[120:], uint32(size))
	}
	entry(0, "Root Entry", 5, 1, 0xFFFFFFFE, 0)
	entry(1, name, 2, 0xFFFFFFFF, 2, len(body))
	entry(2, "", 0, 0xFFFFFFFF, 0, 0)
	entry(3, "", 0, 0xFFFFFFFF, 0, 0)
	out := append(append(append(head, fat...), dir...), body...)
	return out
}

// FuzzParseXLS feeds the record parser arbitrary workbook streams: it
// must refuse or read them without panicking, and never hold more than
// the stream's bytes can describe.
func FuzzParseXLS(f *testing.F) {
	if data, err := os.ReadFile(filepath.Join("testdata", "xls", "numbers.xls")); err == nil {
		if streams, err := oleStreams(data); err == nil {
			f.Add(streams["workbook"])
		}
	}
	f.Add(book8(nil, rec(recRK, uint16(1), uint16(1), uint16(0), rkInt(-7))))
	f.Add(book8(rec(recSST, uint32(1), uint32(1), wide("Zoë")), rec(recLabelSST, uint16(0), uint16(0), uint16(0), uint32(0))))
	f.Fuzz(func(t *testing.T, stream []byte) {
		b, err := parseXLS(stream)
		if err != nil {
			return
		}
		cells, text := 0, 0
		for _, sh := range b.sheets {
			cells += len(sh.cells)
		}
		for _, s := range b.sst {
			text += len(s)
		}
		if cells > len(stream)/6+1 {
			t.Fatalf("%d cells from a stream of %d bytes", cells, len(stream))
		}
		if text > 2*len(stream) {
			t.Fatalf("%d bytes of shared text from a stream of %d bytes", text, len(stream))
		}
	})
}
