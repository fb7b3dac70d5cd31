package sheet

import (
	"encoding/json"
	"fmt"
	"os"
	"slices"
	"strings"
)

// Date orders a sheet's day/month dates can be read in.
const (
	DatesAuto  = ""    // decided from the data
	DatesDMY   = "dmy" // 03/04/2026 is 3 April
	DatesMDY   = "mdy" // 03/04/2026 is 4 March
	mappingTag = "orchard import mapping"
)

// SheetMapping says how one sheet is read: where its headers are, what it
// holds and what each column becomes. The import wizard shows it, the user
// may change any part, and it can be saved to read the next file of the
// same shape the same way.
type SheetMapping struct {
	Sheet     string   `json:"sheet"`
	HeaderRow int      `json:"header_row"` // 1-based; the lower row of a two-row header; 0 when none was found
	TwoRows   bool     `json:"two_row_header,omitempty"`
	Headers   []string `json:"headers"` // the header text of each column
	Kind      Kind     `json:"kind"`
	Fields    []Field  `json:"fields"` // per column: a field, "" to leave it out, or FToNotes
	// Dates is DatesDMY or DatesMDY when the user said how to read dates
	// such as 03/04/2026; DatesAuto decides from the data.
	Dates string `json:"dates,omitempty"`
	// Samples holds a few values of each column, for the wizard.
	Samples [][]string `json:"-"`
	// RunnerUp is the next most likely kind when the evidence did not
	// clearly favour Kind; the wizard offers it.
	RunnerUp Kind `json:"-"`
}

// minKindScore is the least evidence for reading a sheet as a kind; below
// it the sheet opens as "unknown", its columns shown for the user to map.
const minKindScore = 3

// Analyse guesses how to read each sheet of a workbook, weighing every
// kind against the sheet's headers, values and names (see scoreKinds).
func Analyse(wb *Workbook) []SheetMapping {
	var out []SheetMapping
	for i, t := range wb.Tables {
		// A responsibility matrix is told by its codes, whatever its
		// headers say.
		if m, ok := raciMapping(t.Rows); ok {
			m.Sheet = t.Name
			m.Samples = samples(t, m.HeaderRow-1, len(m.Headers))
			out = append(out, m)
			continue
		}
		m := analyseAt(wb, t, findHeader(t.Rows))
		if m.Kind == KindUnknown {
			// A form (a label and its value per row) is one record: the
			// sheet is read from here on as that record's row.
			if ft, ok := formTable(t); ok {
				if fm := analyseAt(wb, ft, findHeader(ft.Rows)); fm.Kind != KindUnknown {
					wb.Tables[i], m = ft, fm
				}
			}
		}
		out = append(out, m)
	}
	return out
}

// AnalyseWithHeaderRow reads a sheet with its headers on the row the user
// says (1-based), when Orchard found none: no sheet is a dead end.
func AnalyseWithHeaderRow(wb *Workbook, sheetName string, row int) (SheetMapping, bool) {
	for _, t := range wb.Tables {
		if t.Name == sheetName && row >= 1 && row <= len(t.Rows) {
			return analyseAt(wb, t, oneRowHeader(t.Rows[row-1], row-1)), true
		}
	}
	return SheetMapping{}, false
}

func analyseAt(wb *Workbook, t Table, h header) SheetMapping {
	m := SheetMapping{Sheet: t.Name, Kind: KindUnknown}
	if h.row < 0 {
		return m
	}
	m.HeaderRow, m.TwoRows, m.Headers, m.Fields = h.row+1, h.two, h.texts, h.fields
	scores := scoreKinds(wb.source(t), t.Name, h.texts, h.fields, columnShapes(t.Rows[h.row+1:], len(h.texts)))
	if best := scores[0]; best.score >= minKindScore {
		m.Kind, m.Fields = best.kind, best.fields
		if len(scores) > 1 && scores[1].score >= minKindScore && scores[1].score > best.score*0.8 {
			m.RunnerUp = scores[1].kind
		}
	}
	if m.Kind != KindUnknown {
		m.Fields = salutationColumns(t.Rows[h.row+1:], m.Headers, m.Fields, m.Kind)
	}
	m.Samples = samples(t, h.row, len(m.Headers))
	return m
}

// salutationColumns finds a title column that holds forms of address
// ("Dr.", "Mrs", "Herr"), as an address book's "Title" does beside its
// "Job Title": it goes to the notes, and the column of job titles left
// out beside it is read instead.
func salutationColumns(rows [][]string, headers []string, fields []Field, k Kind) []Field {
	for j, f := range fields {
		if f != FTitle || !allSalutations(rows, j) {
			continue
		}
		out := slices.Clone(fields)
		out[j] = FToNotes
		for i, h := range headers {
			if i != j && out[i] == "" {
				if g, ok := lookup(kindVocab[k], h); (ok && g == FTitle) || (!ok && fieldOf(h) == FTitle) {
					out[i] = FTitle
					break
				}
			}
		}
		return out
	}
	return fields
}

// salutations are forms of address, folded, in the languages Orchard reads.
var salutations = map[string]bool{"mr": true, "mrs": true, "ms": true, "miss": true, "mx": true, "dr": true, "prof": true,
	"sir": true, "dame": true, "herr": true, "frau": true, "m": true, "mme": true, "mlle": true, "sig": true, "sigra": true,
	"dott": true, "dottssa": true, "ing": true, "sr": true, "sra": true, "srta": true, "don": true, "dona": true,
	"pan": true, "pani": true, "dhr": true, "mevr": true, "mag": true, "dipl": true}

// allSalutations says whether a column's values (some at least) are all
// forms of address.
func allSalutations(rows [][]string, j int) bool {
	seen := 0
	for i, r := range rows {
		if i == 200 {
			break
		}
		if j >= len(r) || isEmpty(r[j]) {
			continue
		}
		for _, w := range strings.FieldsFunc(strings.ToLower(r[j]), func(c rune) bool { return c == ' ' || c == '.' }) {
			if !salutations[w] {
				return false
			}
		}
		seen++
	}
	return seen > 0
}

// samples gives a few values of each of n columns below the header row.
func samples(t Table, header, n int) [][]string {
	var out [][]string
	for j := 0; j < n; j++ {
		var vals []string
		for _, r := range t.Rows[header+1:] {
			if j < len(r) && !isEmpty(r[j]) {
				vals = append(vals, strings.TrimSpace(r[j]))
				if len(vals) == 3 {
					break
				}
			}
		}
		out = append(out, vals)
	}
	return out
}

// duplicateNotes names the columns left out because an earlier column
// has a header meaning the same.
func duplicateNotes(m SheetMapping) []string {
	var notes []string
	first := map[Field]int{}
	for j, h := range m.Headers {
		f := fieldOf(h)
		if f == "" || f == FToNotes || f == FPeriodActual || f == FPeriodTarget {
			continue
		}
		i, seen := first[f]
		if !seen {
			first[f] = j
			continue
		}
		if m.Fields[j] == "" {
			notes = append(notes, fmt.Sprintf("Sheet %s: columns %s (%s) and %s (%s) both mean %s; Orchard reads %s and leaves %s out — change the mapping if %s is the one.",
				m.Sheet, columnName(i), m.Headers[i], columnName(j), h, f, columnName(i), columnName(j), columnName(j)))
		}
	}
	return notes
}

// columnName gives a column's spreadsheet letters: 0 -> A, 27 -> AB.
func columnName(j int) string {
	name := ""
	for n := j + 1; n > 0; n = (n - 1) / 26 {
		name = string(rune('A'+(n-1)%26)) + name
	}
	return name
}

// HasDates says whether any column of the sheet is read as a date.
func (m SheetMapping) HasDates() bool { return len(m.dateColumns()) > 0 }

// dateColumns lists the columns of a sheet that hold dates.
func (m SheetMapping) dateColumns() []int {
	var cols []int
	for j, f := range m.Fields {
		if f == FCloseDate || f == FDue {
			cols = append(cols, j)
		}
	}
	return cols
}

// dayFirst says how the sheet's day/month dates are read.
func (m SheetMapping) dayFirst(t Table) bool {
	switch m.Dates {
	case DatesDMY:
		return true
	case DatesMDY:
		return false
	}
	first, _ := dayFirstColumn(m.dateValues(t))
	return first
}

func (m SheetMapping) dateValues(t Table) []string {
	if m.HeaderRow == 0 {
		return nil
	}
	var vals []string
	for _, r := range t.Rows[m.HeaderRow:] {
		for _, j := range m.dateColumns() {
			if j < len(r) {
				vals = append(vals, r[j])
			}
		}
	}
	return vals
}

// ambiguous says whether date values read either way (every day and month
// is 12 or less).
func ambiguous(vals []string) bool {
	_, either := dayFirstColumn(vals)
	return either
}

// shape is a sheet's headers folded, to recognise the next file of the
// same layout.
func (m SheetMapping) shape() string {
	parts := make([]string, len(m.Headers))
	for i, h := range m.Headers {
		parts[i] = normalise(h)
	}
	return strings.Join(parts, "|")
}

// Reuse copies the kind, columns and date order of saved mappings onto the
// sheets of a new file that have the same headers, and says how many
// sheets it matched.
func Reuse(sheets []SheetMapping, saved []SheetMapping) int {
	n := 0
	for i := range sheets {
		for _, s := range saved {
			if s.shape() == sheets[i].shape() && len(s.Fields) == len(sheets[i].Fields) && sheets[i].HeaderRow > 0 {
				sheets[i].Kind, sheets[i].Dates = s.Kind, s.Dates
				sheets[i].Fields = append([]Field(nil), s.Fields...)
				n++
				break
			}
		}
	}
	return n
}

// Shape names the layout of a workbook's sheets, for remembering the
// mapping the user chose for files like it.
func Shape(sheets []SheetMapping) string {
	var parts []string
	for _, s := range sheets {
		if s.HeaderRow > 0 {
			parts = append(parts, s.shape())
		}
	}
	return strings.Join(parts, "\n")
}

type mappingFile struct {
	Tag    string         `json:"format"`
	Sheets []SheetMapping `json:"sheets"`
}

// MarshalMapping writes mappings as the JSON a mapping file holds.
func MarshalMapping(sheets []SheetMapping) []byte {
	b, _ := json.MarshalIndent(mappingFile{Tag: mappingTag, Sheets: sheets}, "", "  ")
	return append(b, '\n')
}

// UnmarshalMapping reads mappings from JSON, checking every kind and field.
func UnmarshalMapping(data []byte) ([]SheetMapping, error) {
	var f mappingFile
	if err := json.Unmarshal(data, &f); err != nil {
		return nil, fmt.Errorf("it is not a mapping file (%v)", err)
	}
	if f.Tag != mappingTag {
		return nil, fmt.Errorf("it is not an Orchard import mapping (its format is %q)", f.Tag)
	}
	for _, s := range f.Sheets {
		if _, ok := KindFields[s.Kind]; !ok && s.Kind != KindUnknown {
			return nil, fmt.Errorf("sheet %s: %q is not something Orchard imports (expected one of %s)", s.Sheet, s.Kind, kindList())
		}
		if len(s.Fields) != len(s.Headers) {
			return nil, fmt.Errorf("sheet %s: %d headers but %d fields", s.Sheet, len(s.Headers), len(s.Fields))
		}
		for j, fl := range s.Fields {
			if fl != "" && !knownField(fl) {
				return nil, fmt.Errorf("sheet %s, column %s: %q is not a field Orchard knows", s.Sheet, s.Headers[j], fl)
			}
		}
		if s.Dates != DatesAuto && s.Dates != DatesDMY && s.Dates != DatesMDY {
			return nil, fmt.Errorf("sheet %s: dates %q should be %q or %q", s.Sheet, s.Dates, DatesDMY, DatesMDY)
		}
	}
	return f.Sheets, nil
}

// ReadMapping reads a mapping file.
func ReadMapping(path string) ([]SheetMapping, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("cannot read mapping %s: %w", path, err)
	}
	m, err := UnmarshalMapping(data)
	if err != nil {
		return nil, fmt.Errorf("cannot use mapping %s: %w", path, err)
	}
	return m, nil
}

func knownField(f Field) bool {
	for _, fields := range KindFields {
		if slices.Contains(fields, f) {
			return true
		}
	}
	return false
}

func kindList() string {
	var names []string
	for _, k := range Kinds {
		names = append(names, string(k))
	}
	return strings.Join(names, ", ")
}
