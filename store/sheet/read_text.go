package sheet

import (
	"bytes"
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
)

// Text tables: the encoding a file is in, and rows split at the separator
// it uses.

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
