package sheet

import (
	"strconv"
	"strings"
)

// Finding the header row: one row or two, typed or not, and the period
// columns of a wide sheet.

// header is where a sheet's column headers are and what they mean.
type header struct {
	row    int  // 0-based index of the (last) header row; -1 when none
	two    bool // the headers span this row and the one above it
	texts  []string
	fields []Field
}

// findHeader looks among the first 20 rows for the one whose cells most
// look like headers. A header may span two rows, as when "Contact" is
// merged above "Name" and "Title": then each column reads as the two
// cells together, the upper one carried across its merged width.
func findHeader(rows [][]string) header {
	best := header{row: -1}
	bestN := 1
	for i := 0; i < len(rows) && i < 20; i++ {
		if h := oneRowHeader(rows[i], i); recognised(h) > bestN {
			best, bestN = h, recognised(h)
		}
		// Two rows make a header when the lower one is headers too (group
		// labels above field names), not the first row of data below a
		// header.
		if i > 0 && !typedCells(rows[i]) && 2*recognised(oneRowHeader(rows[i], i)) >= recognised(oneRowHeader(rows[i-1], i-1)) {
			if h := twoRowHeader(rows[i-1], rows[i], i); recognised(h) > bestN {
				best, bestN = h, recognised(h)
			}
		}
	}
	if best.row < 0 {
		return typedHeader(rows)
	}
	return best
}

// typedCells says whether a row holds an amount or a date: data, not the
// lower row of a header.
func typedCells(r []string) bool {
	for _, c := range r {
		if c = strings.TrimSpace(c); c != "" && (looksLikeAmount(c) || looksLikePeriodValue(c)) {
			if _, err := strconv.Atoi(c); err == nil && len(c) == 4 {
				continue // a year heads a column as often as it fills one
			}
			return true
		}
	}
	return false
}

// typedHeader finds headers in words Orchard does not know by the data
// below them: the first row of two or more text cells directly above a row
// that holds numbers or dates where the header row holds text. Title and
// note rows above a table are passed over, as the row after them is not
// data.
func typedHeader(rows [][]string) header {
	for i := 0; i+1 < len(rows) && i < 20; i++ {
		r := rows[i]
		texts := 0
		for _, c := range r {
			if c = strings.TrimSpace(c); c != "" {
				if looksLikeAmount(c) || looksLikePeriodValue(c) {
					texts = -100
				}
				texts++
			}
		}
		if texts < 2 {
			continue
		}
		next := rows[i+1]
		typed := 0
		for j, c := range next {
			if j < len(r) && strings.TrimSpace(r[j]) != "" && (looksLikeAmount(c) || looksLikePeriodValue(c)) {
				typed++
			}
		}
		if typed > 0 {
			return oneRowHeader(r, i)
		}
	}
	return header{row: -1}
}

func recognised(h header) int {
	n := 0
	for j, f := range h.fields {
		if f != "" || j < len(h.texts) && knownHeader(h.texts[j]) {
			n++
		}
	}
	return n
}

// knownHeader says whether any kind gives the header a meaning.
func knownHeader(text string) bool {
	n := normalise(text)
	if n == "" {
		return false
	}
	if doNotModifyKind(n) != "" {
		return true
	}
	keys := headerKeys(text)
	for _, v := range kindVocab {
		for _, k := range keys {
			if _, ok := v[k]; ok {
				return true
			}
		}
	}
	return false
}

func oneRowHeader(r []string, i int) header {
	h := header{row: i, texts: make([]string, len(r)), fields: make([]Field, len(r))}
	for j, c := range r {
		h.texts[j] = strings.TrimSpace(c)
		h.fields[j] = fieldOf(c)
	}
	dedupe(h.fields)
	periodRun(h.texts, h.fields)
	return h
}

// periodRun keeps period headers only where they run along the row: two or
// more different periods of one length (months, quarters or years). A row
// of data holding one date and one amount that reads as a year is no
// header of periods.
func periodRun(texts []string, fields []Field) {
	byLen := map[int]map[string]bool{}
	for j, f := range fields {
		if f == FPeriodActual || f == FPeriodTarget {
			if p, _, ok := periodHeader(texts[j]); ok {
				if byLen[len(p)] == nil {
					byLen[len(p)] = map[string]bool{}
				}
				byLen[len(p)][p] = true
			}
		}
	}
	for _, ps := range byLen {
		if len(ps) >= 2 {
			return
		}
	}
	for j, f := range fields {
		if f == FPeriodActual || f == FPeriodTarget {
			fields[j] = ""
		}
	}
}

func twoRowHeader(top, bottom []string, i int) header {
	n := max(len(top), len(bottom))
	h := header{row: i, two: true, texts: make([]string, n), fields: make([]Field, n)}
	carried := ""
	for j := 0; j < n; j++ {
		var t, b string
		if j < len(top) {
			t = strings.TrimSpace(top[j])
		}
		if j < len(bottom) {
			b = strings.TrimSpace(bottom[j])
		}
		if t != "" {
			carried = t
		} else if b != "" {
			t = carried // the rest of a merged cell
		}
		if t == b {
			t = "" // one cell merged down both rows
		}
		h.texts[j] = strings.TrimSpace(t + " " + b)
		// Below a header only words count: a date or a year there is
		// data, not a period column.
		switch {
		case synonyms[normalise(b)] != "":
			h.fields[j] = synonyms[normalise(b)]
		case synonyms[normalise(t+" "+b)] != "":
			h.fields[j] = synonyms[normalise(t+" "+b)]
		case fieldOf(t) != "" && (b == "" || j < len(top) && strings.TrimSpace(top[j]) != ""):
			h.fields[j] = fieldOf(t) // a header merged down two rows, or over its first column

		}
	}
	dedupe(h.fields)
	periodRun(h.texts, h.fields)
	return h
}

// dedupe keeps the first column of a field that several headers name;
// any number of columns may go to the notes or name periods.
func dedupe(fields []Field) {
	seen := map[Field]bool{}
	for j, f := range fields {
		if f != "" && f != FToNotes && f != FPeriodActual && f != FPeriodTarget && seen[f] {
			fields[j] = ""
		}
		seen[f] = true
	}
}
