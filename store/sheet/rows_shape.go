package sheet

import (
	"slices"
	"sort"
	"strings"
)

// What a sheet's rows look like around the records: blank and total rows,
// legends, footers, section headings, columns grouped by a heading.

// withNoteLines puts "Header: value" lines into notes, replacing an
// earlier line of the same header so a re-import does not repeat them.
func withNoteLines(notes, lines string) string {
	if lines == "" {
		return notes
	}
	out := strings.Split(notes, "\n")
	for _, l := range strings.Split(lines, "\n") {
		head, _, _ := strings.Cut(l, ": ")
		replaced := false
		for i, o := range out {
			if strings.HasPrefix(o, head+": ") {
				out[i], replaced = l, true
				break
			}
		}
		if !replaced {
			out = append(out, l)
		}
	}
	return strings.TrimSpace(strings.Join(out, "\n"))
}

// legendWords head the key to a sheet's codes, or its notes, below a list.
var legendWords = map[string]bool{"legend": true, "leyenda": true, "legende": true, "légende": true, "legenda": true,
	"key": true, "notes": true, "notas": true, "hinweise": true, "anmerkungen": true, "instructions": true, "instrucciones": true}

// legendHeading says whether a row holds only a legend heading.
func legendHeading(r []string) bool {
	text := ""
	for _, c := range r {
		if c = strings.TrimSpace(c); c != "" {
			if text != "" {
				return false
			}
			text = c
		}
	}
	return legendWords[strings.ToLower(strings.TrimRight(text, ": "))]
}

func blankRow(r []string) bool {
	for _, c := range r {
		if !isEmpty(strings.TrimSpace(c)) {
			return false
		}
	}
	return true
}

// isTotalRow says whether a row is labelled as a total: the label is one
// of its first two filled cells.
func isTotalRow(r []string) bool {
	seen := 0
	for _, c := range r {
		if c = strings.TrimSpace(c); c == "" {
			continue
		}
		if len(c) <= 24 && mayBeTotalWord(c[0]) && totalWords[strings.ToLower(c)] {
			return true
		}
		if seen++; seen == 2 {
			break
		}
	}
	return false
}

// mayBeTotalWord says whether a cell starting with byte b could be one of
// totalWords, sparing the lower-casing of every other first cell.
func mayBeTotalWord(b byte) bool {
	switch b | 0x20 {
	case 't', 's', 'g', 'i', 'z', 'r', 'o':
		return true
	}
	return b >= 0x80
}

// totalWords label a total or subtotal row, in the languages Orchard reads
// (sums are also found by their values in revenue sheets).
var totalWords = map[string]bool{"total": true, "totals": true, "grand total": true, "sum": true, "subtotal": true, "sub-total": true,
	"summe": true, "gesamt": true, "gesamtsumme": true, "insgesamt": true, "zwischensumme": true, "totaal": true, "subtotaal": true,
	"totale": true, "subtotale": true, "total general": true, "total geral": true, "sous-total": true, "total général": true,
	"razem": true, "suma": true, "ogółem": true, "итого": true, "всего": true, "tổng": true, "tổng cộng": true, "合计": true, "总计": true}

// typicalFilled is the median number of filled cells in a sheet's rows
// (those with any), a measure of what a record row looks like.
func typicalFilled(rows [][]string) int {
	var counts []int
	for i, r := range rows {
		if i == 500 {
			break
		}
		if n := filledCells(r); n > 0 {
			counts = append(counts, n)
		}
	}
	if len(counts) == 0 {
		return 0
	}
	sort.Ints(counts)
	return counts[len(counts)/2]
}

// sectionName recognises a row that names a section of a list rather than
// a record: in a responsibility matrix, a row with no codes; elsewhere, in
// a list whose rows fill three or more cells, a row with one short text in
// its first filled column, or one text merged across the row. A person's
// name alone is a person, and accounts and figures have no sections.
func sectionName(r []string, fields []Field, kind Kind, typical int, matrix bool) (string, bool) {
	// One value, alone or repeated across the row: found without
	// allocating, as nearly every row has several.
	v, firstCol, n := "", -1, 0
	for j, c := range r {
		if c = strings.TrimSpace(c); c != "" {
			if firstCol < 0 {
				v, firstCol = c, j
			} else if c != v && !matrix {
				return "", false
			}
			n++
		}
	}
	if n == 0 {
		return "", false
	}
	if matrix {
		for j, f := range fields {
			if f == FRACI && j < len(r) && raciCode(r[j]) {
				return "", false
			}
		}
		return v, true
	}
	if kind == KindAccounts || kind == KindRevenue || typical < 3 {
		return "", false
	}
	// The first column of the list, or a merged row starting there.
	leftmost := len(fields)
	for j, f := range fields {
		if f != "" {
			leftmost = j
			break
		}
	}
	if firstCol > leftmost || len([]rune(v)) > 80 || looksLikePersonName(v) || looksLikeAmount(v) || looksLikePeriodValue(v) || looksLikeEmail(v) {
		return "", false
	}
	if n == 1 && kind == KindStakeholders {
		return "", false // a person known only by a label
	}
	return v, true
}

// footerStart finds where a report's footer begins below a list: after the
// last row filling two or more cells, a blank row, then only rows of one
// cell. It returns the footer's first row (an index into rows), or -1. A
// list of one column (its header has one cell) has no footer this way.
func footerStart(rows [][]string, headerCells int) int {
	if headerCells < 2 {
		return -1
	}
	last := -1
	for i := len(rows) - 1; i >= 0; i-- {
		if filledCells(rows[i]) >= 2 {
			last = i
			break
		}
	}
	if last < 0 {
		return -1
	}
	sawBlank := false
	for i := last + 1; i < len(rows); i++ {
		if blankRow(rows[i]) {
			sawBlank = true
			continue
		}
		if sawBlank {
			return i
		}
		break
	}
	// A text file loses its blank lines on reading: a footer is then told
	// by its words, or by three or more lines of one cell.
	run, words := 0, false
	for _, r := range rows[last+1:] {
		if blankRow(r) {
			continue
		}
		run++
		for _, c := range r {
			l := strings.ToLower(c)
			for _, w := range footerWords {
				words = words || strings.Contains(l, w)
			}
		}
	}
	if run > 0 && (words || run >= 3) {
		return last + 1
	}
	return -1
}

// footerWords mark the lines a reporting tool writes below an export.
var footerWords = []string{"copyright", "©", "all rights reserved", "generated by", "generated on", "confidential",
	"erstellt von", "erstellt am", "vertraulich", "généré par", "genere par", "confidentiel", "generado por", "confidencial",
	"gegenereerd door", "vertrouwelijk", "generato da", "riservat", "gerado por", "wygenerowano"}

func filledCells(r []string) int {
	n := 0
	for _, c := range r {
		if strings.TrimSpace(c) != "" {
			n++
		}
	}
	return n
}

// sameCells says whether two rows hold the same text, cell for cell.
func sameCells(a, b []string) bool {
	n := max(len(a), len(b))
	filled := 0
	for j := 0; j < n; j++ {
		var x, y string
		if j < len(a) {
			x = strings.TrimSpace(a[j])
		}
		if j < len(b) {
			y = strings.TrimSpace(b[j])
		}
		if !strings.EqualFold(x, y) {
			return false
		}
		if x != "" {
			filled++
		}
	}
	return filled >= 2
}

// sectionsBelow says whether a list has section rows, so that the row
// above its header is the first section's name rather than a title.
func sectionsBelow(rows [][]string, fields []Field, kind Kind, typical int, matrix bool) bool {
	for _, r := range rows {
		if _, ok := sectionName(r, fields, kind, typical, matrix); ok {
			return true
		}
	}
	return false
}

// groupedColumn recognises a grouped report's column: a value on the first
// row of each group and the rows below left empty. Each value then appears
// once, the first data row has one, and a good share of the rows are
// empty; a list that merely misses some values repeats its values instead.
// It returns, per data row left empty, the value above it.
func groupedColumn(rows [][]string, fields []Field, f Field) map[int]string {
	col := slices.Index(fields, f)
	if col < 0 {
		return nil
	}
	seen := map[string]bool{}
	empty, filled := 0, 0
	started := false
	for _, r := range rows {
		if filledCells(r) < 2 {
			continue // blank lines, sections and footers say nothing here
		}
		v := ""
		if col < len(r) {
			v = strings.TrimSpace(r[col])
		}
		switch {
		case isEmpty(v) && !started:
			return nil // the first record has no value to carry down
		case isEmpty(v):
			empty++
		default:
			if seen[key(v)] {
				return nil
			}
			seen[key(v)] = true
			filled++
			started = true
		}
	}
	if filled < 2 || empty < filled || empty*10 < 3*(empty+filled) {
		return nil
	}
	out := map[int]string{}
	last := ""
	for i, r := range rows {
		if filledCells(r) < 2 {
			continue
		}
		v := ""
		if col < len(r) {
			v = strings.TrimSpace(r[col])
		}
		if isEmpty(v) {
			out[i] = last
		} else {
			last = v
		}
	}
	return out
}
