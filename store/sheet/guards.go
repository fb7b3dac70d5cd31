package sheet

import (
	"archive/zip"
	"bytes"
	"fmt"
	"strings"
)

// checkPackedSizes refuses a workbook whose parts unpack to more than
// Orchard reads, before the spreadsheet library unpacks them: a few
// kilobytes can declare gigabytes of repeated rows or one enormous cell.
func checkPackedSizes(path string, data []byte) error {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil // excelize explains a damaged workbook
	}
	for _, f := range zr.File {
		if strings.EqualFold(f.Name, "xl/sharedStrings.xml") && f.UncompressedSize64 > maxTextBytes {
			return fmt.Errorf("cannot import %s: its text unpacks to %d MB; Orchard imports workbooks whose text is up to %d MB",
				path, f.UncompressedSize64>>20, maxTextBytes>>20)
		}
	}
	return nil
}

// unclosedQuote returns the 1-based row at which a quoted value opens
// that the text never closes, or 0. A quote opens a value only at the
// start of a field; inside one, "" is a quote and a lone " ends it.
func unclosedQuote(text string, sep rune) int {
	row, openedAt := 1, 0
	quoted, fieldStart := false, true
	for i := 0; i < len(text); i++ {
		c := text[i]
		switch {
		case quoted:
			if c == '"' {
				if i+1 < len(text) && text[i+1] == '"' {
					i++
					continue
				}
				quoted = false
			} else if c == '\n' {
				row++
			}
		case c == '"' && fieldStart:
			quoted, openedAt = true, row
		case rune(c) == sep:
			fieldStart = true
			continue
		case c == '\n':
			row++
			fieldStart = true
			continue
		case c == ' ' && fieldStart:
			continue // spaces before an opening quote
		}
		fieldStart = false
	}
	if quoted {
		return openedAt
	}
	return 0
}

// utf16WithoutMark recognises UTF-16 text saved without a byte-order mark
// by its zero bytes: text in Latin letters has one in every other byte.
// It returns whether the text is UTF-16 and whether it is little-endian.
func utf16WithoutMark(data []byte) (is, little bool) {
	n := min(len(data), 4096) &^ 1
	if n < 4 {
		return false, false
	}
	var even, odd int
	for i := 0; i < n; i += 2 {
		if data[i] == 0 {
			even++
		}
		if data[i+1] == 0 {
			odd++
		}
	}
	pairs := n / 2
	switch {
	case odd*10 >= pairs*6 && even*10 < pairs:
		return true, true
	case even*10 >= pairs*6 && odd*10 < pairs:
		return true, false
	}
	return false, false
}
