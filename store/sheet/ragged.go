package sheet

import (
	"fmt"
	"math"
	"strings"
	"unicode"
)

// A text file with an unquoted separator inside a value ("24, place
// Kléber") has rows with more fields than the header, every value after
// the split pushed one column right. Such a row is put back together when
// exactly one place to join it makes its values look like the other
// rows' values column by column; otherwise it is reported and left out.

// valueClass sorts a cell into a few shapes for comparing columns.
func valueClass(v string) string {
	v = strings.TrimSpace(v)
	switch {
	case isEmpty(v):
		return "empty"
	case looksLikeEmail(v):
		return "email"
	}
	digits, letters, other := 0, 0, 0
	for _, r := range v {
		switch {
		case unicode.IsDigit(r):
			digits++
		case unicode.IsLetter(r):
			letters++
		case r != ' ':
			other++
		}
	}
	switch {
	case letters == 0 && digits > 0 && strings.ContainsAny(v, "()+- ") && digits >= 6:
		return "phone"
	case letters == 0 && digits > 0:
		return "number"
	case digits == 0 && letters > 0 && !strings.Contains(v, " "):
		return "word"
	case digits == 0 && letters > 0:
		return "words"
	}
	return "mixed"
}

// columnProfile counts the classes of each column over rows of the
// header's width.
func columnProfile(rows [][]string, width int) []map[string]int {
	prof := make([]map[string]int, width)
	for j := range prof {
		prof[j] = map[string]int{}
	}
	for _, r := range rows {
		if len(trimRow(r)) > width {
			continue
		}
		for j := 0; j < width; j++ {
			v := ""
			if j < len(r) {
				v = r[j]
			}
			prof[j][valueClass(v)]++
		}
	}
	return prof
}

// fit scores how well a row's values look like their columns' values.
func fit(prof []map[string]int, row []string) float64 {
	score := 0.0
	for j, v := range row {
		total := 0
		for _, n := range prof[j] {
			total += n
		}
		p := (float64(prof[j][valueClass(v)]) + 0.1) / (float64(total) + 1)
		score += math.Log(p)
	}
	return score
}

// repairRow joins a row that has extra fields back to the header's width,
// if one place to join it fits clearly best.
func repairRow(prof []map[string]int, r []string, width int, sep rune) (fixed []string, col int, ok bool) {
	r = trimRow(r)
	extra := len(r) - width
	if extra <= 0 || extra > 3 {
		return nil, 0, false
	}
	best, second, bestAt := math.Inf(-1), math.Inf(-1), -1
	var bestRow []string
	for p := 0; p+extra < len(r); p++ {
		joined := append(append(append([]string{}, r[:p]...), strings.Join(r[p:p+extra+1], string(sep))), r[p+extra+1:]...)
		if len(joined) != width {
			continue
		}
		s := fit(prof, joined)
		switch {
		case s > best:
			second, best, bestAt, bestRow = best, s, p, joined
		case s > second:
			second = s
		}
	}
	// Clearly best: at least e² times likelier than the next place.
	if bestAt < 0 || best-second < 2 {
		return nil, 0, false
	}
	return bestRow, bestAt, true
}

// trimRow drops empty cells after the last value.
func trimRow(r []string) []string {
	n := len(r)
	for n > 0 && strings.TrimSpace(r[n-1]) == "" {
		n--
	}
	return r[:n]
}

// repairRagged mends the rows of a text table that an unquoted separator
// split, and reports those it cannot mend; it returns the rows to read.
func (im *importer) repairRagged(t Table, header int, headers []string) [][]string {
	width := len(trimRow(headers))
	if t.Sep == 0 || width == 0 {
		return t.Rows
	}
	data := t.Rows[header+1:]
	var ragged int
	for _, r := range data {
		if len(trimRow(r)) > width {
			ragged++
		}
	}
	if ragged == 0 {
		return t.Rows
	}
	prof := columnProfile(data, width)
	im.dropped = map[int]bool{}
	out := append([][]string{}, t.Rows...)
	var mended []int
	for i, r := range data {
		if len(trimRow(r)) <= width {
			continue
		}
		row := header + i + 2
		if fixed, col, ok := repairRow(prof, r, width, t.Sep); ok {
			out[header+1+i] = fixed
			mended = append(mended, row)
			_ = col
			continue
		}
		im.problem(t.Name, row, "", clip(strings.Join(trimRow(r), string(t.Sep)), 120),
			fmt.Sprintf("%d values, as many as the header has; a value holds an unquoted %q and it is not clear which", width, string(t.Sep)))
		im.dropped[header+1+i] = true // left out, counted as skipped
	}
	if len(mended) > 0 {
		im.res.Notes = append(im.res.Notes, fmt.Sprintf("Sheet %s: %d rows had a value split by an unquoted %q (rows %s); each was put back together where its values fit their columns.",
			t.Name, len(mended), string(t.Sep), joinInts(mended, 10)))
	}
	return out
}
