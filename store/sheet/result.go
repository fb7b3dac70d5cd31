package sheet

import (
	"encoding/csv"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"orchard/model"
)

// What an import would do, in counts, records, problems and questions, and
// the problem report.

// Problem is one thing in the file Orchard could not use as it stands.
type Problem struct {
	Sheet    string
	Row      int // 1-based, as the spreadsheet numbers rows
	Column   string
	Found    string
	Expected string
}

func (p Problem) String() string {
	return fmt.Sprintf("sheet %s, row %d, column %s: found %q, expected %s", p.Sheet, p.Row, p.Column, clip(p.Found, maxQuoted), p.Expected)
}

// SheetReport says how one sheet was understood.
type SheetReport struct {
	Name      string
	Kind      Kind
	HeaderRow int              // 1-based; 0 when no header was found
	Mapping   map[string]Field // column header -> field
	Rows      int              // data rows read
}

// Writes are what saving the import writes: the records, then their keys.
func (r *Result) Writes() []model.Entity {
	return append(slices.Clip(r.Records), r.Keys...)
}

// WritesNothing says whether saving the import would write no record.
func (r *Result) WritesNothing() bool { return len(r.Records) == 0 && len(r.Keys) == 0 }

// Result is what an import would do: the records to save and the counts.
type Result struct {
	Sheets  []SheetReport
	Records []model.Entity
	// Keys are the records' IDs in the systems they came from
	// (model.ExternalKey), new or changed; saved with the records but not
	// counted among the rows.
	Keys                             []model.Entity
	New, Updated, Unchanged, Skipped int
	// Merged counts rows that went into a record an earlier row of this
	// import made or changed (the same key, or the same name); Merges says
	// which row went into which.
	Merged int
	Merges []string
	// MergedRows are the merged rows as lines of the problem report.
	MergedRows []Problem
	Problems   []Problem
	// Settings, when not nil, replace the workspace's: an Orchard workbook
	// brings its settings into a workspace that has no accounts yet.
	Settings *model.Settings
	// Questions must be answered (in the sheet mappings) before importing.
	Questions []Question
	// Notes say what was decided that the user may want to change.
	Notes []string
	// Preview shows the first rows of each sheet as they will be stored.
	Preview []PreviewRow
}

// ProblemsCSV writes the problems as a table a spreadsheet opens: the
// report of rows that were skipped or kept their old values.
func (r *Result) ProblemsCSV() []byte { return r.ProblemsCSVWith(',') }

// ProblemsCSVWith writes the problem report with this separator: ';' for
// a spreadsheet in a region whose decimal mark is a comma, which would
// otherwise open the report as one column.
func (r *Result) ProblemsCSVWith(sep rune) []byte {
	var b strings.Builder
	w := csv.NewWriter(&b)
	w.Comma = sep
	w.Write([]string{"Sheet", "Row", "Column", "Found", "Expected"})
	// Merged rows too, so the report accounts for every row not imported
	// as a record of its own.
	for _, p := range append(append([]Problem{}, r.Problems...), r.MergedRows...) {
		w.Write([]string{neutralise(p.Sheet), strconv.Itoa(p.Row), neutralise(p.Column), neutralise(clip(p.Found, maxQuoted)), neutralise(p.Expected)})
	}
	w.Flush()
	return []byte(b.String())
}

// maxQuoted is how much of a value a problem quotes.
const maxQuoted = 200

// neutralise keeps a cell from being read as a formula by a spreadsheet
// that opens the file: text that starts with =, +, -, @, a tab or a
// carriage return (also after spaces, which some spreadsheets skip) gets a
// leading apostrophe.
func neutralise(s string) string {
	t := strings.TrimLeft(s, " ")
	if t != "" && strings.ContainsRune("=+-@\t\r", rune(t[0])) {
		return "'" + s
	}
	return s
}

// Summary is the result in one line.
func (r *Result) Summary() string {
	if r.Merged > 0 {
		return fmt.Sprintf("%d new, %d updated, %d unchanged, %d merged, %d skipped", r.New, r.Updated, r.Unchanged, r.Merged, r.Skipped)
	}
	return fmt.Sprintf("%d new, %d updated, %d unchanged, %d skipped", r.New, r.Updated, r.Unchanged, r.Skipped)
}

// Question is something the file leaves open that the user must answer
// before importing.
type Question struct {
	Sheet string
	Text  string
}

// PreviewRow is one record from the first rows of a sheet, as Orchard will
// store it; a row that saves several records (one per period) gives several.
type PreviewRow struct {
	Sheet   string
	Row     int          // 1-based spreadsheet row
	Outcome string       // "new", "update", "unchanged" or "skipped"
	Record  model.Entity // the record as it will be stored; nil when skipped
	// Problems found in the row, as "column: found …, expected …".
	Problems []string
	key      string
}

// previewRows is how many rows of each sheet the preview keeps.
const previewRows = 20

func firstSlashDate(vals []string) string {
	for _, v := range vals {
		if strings.Count(v, "/")+strings.Count(v, ".")+strings.Count(v, "-") >= 2 {
			return strings.TrimSpace(v)
		}
	}
	return ""
}
