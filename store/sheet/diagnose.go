package sheet

import (
	"fmt"
	"strings"
)

// nothingRecognised explains why no sheet of a file can be imported, with
// what the user can do about it.
func nothingRecognised(wb *Workbook) error {
	for _, t := range wb.Tables {
		if sep, ok := oneCellRows(t.Rows); ok {
			return fmt.Errorf("cannot import %s: in sheet %s each row holds all its values in one cell, separated by %q. "+
				"It looks like a CSV file that a spreadsheet opened and saved again with another separator; import the original export, "+
				"or split the column (Excel: Data ▸ Text to Columns) and save it as CSV again", wb.Path, t.Name, sep)
		}
	}
	for _, t := range wb.Tables {
		for _, r := range t.Rows[:min(len(t.Rows), 20)] {
			var cells []string
			for _, c := range r {
				if c = strings.TrimSpace(c); c != "" {
					cells = append(cells, fmt.Sprintf("%q", clip(c, 30)))
				}
				if len(cells) == 6 {
					break
				}
			}
			if len(cells) >= 2 {
				return fmt.Errorf("cannot import %s: no sheet has headers Orchard recognises (its first headers read %s). "+
					"Open it in the import wizard (orchard --import FILE) and say what each column holds, or name the sheet's kind with --kind '%s=stakeholders' (or accounts, team, opportunities, actions, revenue)",
					wb.Path, strings.Join(cells, ", "), t.Name)
			}
		}
	}
	return fmt.Errorf("cannot import %s: it holds no table of rows to import (a workbook of only charts, pivot tables or pictures has none)", wb.Path)
}

// oneCellRows recognises rows that hold one cell full of another
// separator, starting with the first row (the header), and returns that
// separator.
func oneCellRows(rows [][]string) (string, bool) {
	first := true
	sep, n := "", 0
	for _, r := range rows[:min(len(rows), 200)] {
		var filled []string
		for _, c := range r {
			if strings.TrimSpace(c) != "" {
				filled = append(filled, c)
			}
		}
		if len(filled) == 0 {
			continue
		}
		cellSep := ""
		if len(filled) == 1 {
			for _, s := range []string{",", ";", "\t", "|"} {
				if strings.Count(filled[0], s) >= 3 {
					cellSep = s
					break
				}
			}
		}
		if first {
			if cellSep == "" {
				return "", false // the header is split: not this trouble
			}
			sep, first = cellSep, false
		}
		if cellSep == sep {
			n++
		}
	}
	return sep, n >= 3
}
