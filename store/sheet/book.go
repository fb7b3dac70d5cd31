package sheet

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"orchard/model"
	"orchard/store"
)

// An Orchard workbook carries a whole workspace: an About sheet, then one
// sheet per kind of record with every stored column, money in major units
// and the account's name beside its ID so a person can read and edit it.
// Importing it back matches rows by their ID.
const (
	bookMarker = "Orchard workbook"
	bookFormat = "1"
	aboutSheet = "About"
)

// moneyColumns hold integer minor units in the workspace and major units
// (1250000.5) in the workbook.
var moneyColumns = map[string]bool{"accounts.revenue": true, "accounts.prev_revenue": true, "accounts.potential": true,
	"whitespace_cells.revenue": true, "opportunities.value": true, "actions.expected_impact": true, "actions.actual_impact": true,
	"period_figures.revenue": true, "period_figures.margin": true, "planning_cycles.revenue_target": true, "planning_cycles.margin_target": true}

// sheetTitle names a table's sheet: "team_members" -> "Team members".
func sheetTitle(table string) string {
	s := strings.ReplaceAll(table, "_", " ")
	return strings.ToUpper(s[:1]) + s[1:]
}

// columnTitle names a column's header: "account_id" -> "Account ID".
func columnTitle(col string) string {
	words := strings.Split(col, "_")
	for i, w := range words {
		if w == "id" {
			words[i] = "ID"
		} else if i == 0 {
			words[i] = strings.ToUpper(w[:1]) + w[1:]
		}
	}
	return strings.Join(words, " ")
}

// ExportWorkspace writes the whole portfolio as an Orchard workbook that
// File ▸ Import reads back into an identical workspace.
func ExportWorkspace(p *model.Portfolio, path string) error {
	sc, err := store.Scratch()
	if err != nil {
		return fmt.Errorf("exporting %s: %w", path, err)
	}
	defer sc.Discard()
	var puts []model.Entity
	for _, k := range model.Kinds {
		puts = append(puts, p.All(k)...)
	}
	settings := p.Settings
	if err := sc.Write(store.Batch{Puts: puts, Settings: &settings}); err != nil {
		return fmt.Errorf("exporting %s: %w", path, err)
	}
	tables, err := sc.Dump()
	if err != nil {
		return fmt.Errorf("exporting %s: %w", path, err)
	}
	f := excelize.NewFile(withTempDir(excelize.Options{}))
	defer f.Close()
	if err := f.SetSheetName("Sheet1", aboutSheet); err != nil {
		return fmt.Errorf("exporting %s: %w", path, err)
	}
	about := [][]any{
		{bookMarker, bookFormat},
		{"Workspace", p.Settings.Name},
		{"Exported", time.Now().Format("2006-01-02 15:04")},
		{"Orchard reads this workbook back with File ▸ Import: rows are matched by their ID, edited values update the workspace, and new rows without an ID are added."},
	}
	for i, r := range about {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow(aboutSheet, cell, &r); err != nil {
			return fmt.Errorf("exporting %s: %w", path, err)
		}
	}
	accountNames := map[string]string{}
	for _, a := range p.Accounts() {
		accountNames[a.ID] = a.Name
	}
	for _, t := range tables {
		s := bookSheet(t, accountNames)
		if _, err := f.NewSheet(s.name); err != nil {
			return fmt.Errorf("exporting %s: %w", path, err)
		}
		if err := writeSheet(f, s); err != nil {
			return fmt.Errorf("exporting %s, sheet %s: %w", path, s.name, err)
		}
	}
	// Written beside the target and renamed, so a failure never leaves
	// half a workbook or spoils an earlier one.
	err = saveWorkbook(f, path)
	if err != nil {
		return fmt.Errorf("exporting %s: %w", path, err)
	}
	return nil
}

// bookSheet lays out one table: the account's name first where rows
// belong to an account, then every stored column.
func bookSheet(t store.TableRows, accountNames map[string]string) exportSheet {
	s := exportSheet{name: sheetTitle(t.Name)}
	accountCol := -1
	for j, c := range t.Columns {
		if c == "account_id" {
			accountCol = j
		}
	}
	if accountCol >= 0 {
		s.headers = append(s.headers, "Account")
	}
	for _, c := range t.Columns {
		s.headers = append(s.headers, columnTitle(c))
	}
	for _, r := range t.Rows {
		row := make([]any, 0, len(s.headers))
		if accountCol >= 0 {
			id, _ := r[accountCol].(string)
			row = append(row, accountNames[id])
		}
		for j, v := range r {
			if n, ok := v.(int64); ok && moneyColumns[t.Name+"."+t.Columns[j]] {
				v = model.Money(n).Major()
			}
			row = append(row, v)
		}
		s.rows = append(s.rows, row)
	}
	return s
}

// planBook works out what importing an Orchard workbook would do: each
// sheet is read into a scratch workspace through the workspace schema, so
// every record comes back exactly as it was stored, then compared by ID
// with the open workspace.
func planBook(wb *Workbook, p *model.Portfolio) (*Result, error) {
	sc, err := store.Scratch()
	if err != nil {
		return nil, fmt.Errorf("cannot import %s: %w", wb.Path, err)
	}
	defer sc.Discard()
	schema, err := sc.Dump()
	if err != nil {
		return nil, fmt.Errorf("cannot import %s: %w", wb.Path, err)
	}
	res := &Result{}
	bySheet := map[string]Table{}
	for _, t := range wb.Tables {
		bySheet[normalise(t.Name)] = t
	}
	var fill []store.TableRows
	sheetOf := map[string]string{}    // table -> sheet name
	rowOf := map[string]map[int]int{} // table -> index in fill rows -> sheet row
	idRow := map[string]sheetRowRef{} // kind/ID -> where it came from
	hasSettings := false
	for _, st := range schema {
		t, ok := bySheet[normalise(sheetTitle(st.Name))]
		if !ok || len(t.Rows) == 0 {
			continue
		}
		into, rows, rep := readBookSheet(t, st, res, idRow)
		if len(into.Columns) == 0 {
			continue
		}
		sheetOf[st.Name], rowOf[st.Name] = t.Name, rows
		if st.Name == "settings" {
			hasSettings = len(into.Rows) > 0
		}
		res.Sheets = append(res.Sheets, rep)
		fill = append(fill, into)
	}
	dropped, err := sc.Fill(fill, p)
	if err != nil {
		return nil, fmt.Errorf("cannot import %s: %w", wb.Path, err)
	}
	for _, d := range dropped {
		col := "ID"
		if d.Column != "" {
			col = columnTitle(d.Column)
		}
		res.Problems = append(res.Problems, Problem{Sheet: sheetOf[d.Table], Row: rowOf[d.Table][d.Row], Column: col,
			Found: d.Found, Expected: "a row Orchard can store, but " + d.Why})
		if !d.Cleared {
			res.Skipped++
		}
	}
	q, err := sc.Load()
	if err != nil {
		return nil, fmt.Errorf("cannot import %s: %w", wb.Path, err)
	}
	im := &importer{p: p, res: res, written: map[string]model.Entity{}, pos: map[string]int{}, keys: newSourceKeys(p), firstRow: map[string]rowRef{}}
	for _, k := range model.Kinds {
		for _, e := range q.All(k) {
			ref, inFile := idRow[store.TableOf(k)+"/"+e.EntityID()]
			if !inFile {
				continue // brought in from the workspace to check a reference
			}
			if err := e.Validate(); err != nil {
				res.Problems = append(res.Problems, Problem{Sheet: ref.sheet, Row: ref.row, Column: "", Found: model.Describe(e), Expected: err.Error()})
				res.Skipped++
				continue
			}
			im.put(entityOrNil(p.Get(k, e.EntityID())), e)
		}
	}
	res.Records = im.list
	if hasSettings && len(p.Accounts()) == 0 {
		s := q.Settings
		res.Settings = &s
	}
	return res, nil
}

// readBookSheet reads one sheet of an Orchard workbook into its table's
// columns (matched by header), noting bad cells in res and where each ID
// came from in idRow. It returns the rows, the sheet row of each, and how
// the sheet was read.
func readBookSheet(t Table, st store.TableRows, res *Result, idRow map[string]sheetRowRef) (store.TableRows, map[int]int, SheetReport) {
	rep := SheetReport{Name: t.Name, Kind: Kind(sheetTitle(st.Name)), HeaderRow: 1, Mapping: map[string]Field{}}
	colAt := map[string]int{}
	for j, h := range t.Rows[0] {
		colAt[normalise(h)] = j
	}
	into := store.TableRows{Name: st.Name}
	var from []int
	for c, col := range st.Columns {
		if j, ok := colAt[normalise(col)]; ok {
			into.Columns = append(into.Columns, col)
			into.Nullable = append(into.Nullable, st.Nullable[c])
			into.Types = append(into.Types, st.Types[c])
			from = append(from, j)
			rep.Mapping[strings.TrimSpace(t.Rows[0][j])] = Field(col)
		}
	}
	sheetRows := map[int]int{}
	for i, r := range t.Rows[1:] {
		sheetRow := i + 2
		vals, blank, bad := make([]any, len(into.Columns)), true, false
		for c, j := range from {
			cell := ""
			if j < len(r) {
				cell = strings.TrimSpace(r[j])
			}
			blank = blank && cell == ""
			if cell == "" && into.Columns[c] == "id" {
				cell = model.NewID() // a row a person added
			}
			v, err := bookValue(cell, moneyColumns[st.Name+"."+into.Columns[c]], into.Types[c], into.Nullable[c])
			if err != nil {
				res.Problems = append(res.Problems, Problem{Sheet: t.Name, Row: sheetRow, Column: strings.TrimSpace(t.Rows[0][j]), Found: cell, Expected: err.Error()})
				bad = true
				break
			}
			vals[c] = v
		}
		if bad {
			res.Skipped++
			continue
		}
		if blank {
			continue
		}
		sheetRows[len(into.Rows)] = sheetRow
		into.Rows = append(into.Rows, vals)
		rep.Rows++
		if id, ok := vals[0].(string); ok && into.Columns[0] == "id" {
			idRow[st.Name+"/"+id] = sheetRowRef{t.Name, sheetRow}
		}
	}
	return into, sheetRows, rep
}

type sheetRowRef struct {
	sheet string
	row   int
}

// bookValue turns a workbook cell into the value its column stores.
func bookValue(cell string, money bool, typ string, nullable bool) (any, error) {
	if cell == "" {
		switch {
		case nullable:
			return nil, nil
		case typ == "INTEGER" || typ == "REAL":
			return int64(0), nil
		}
		return "", nil
	}
	switch {
	case money:
		v, err := parseAmount(cell)
		if err != nil {
			return nil, fmt.Errorf("an amount such as 1250000.50")
		}
		return int64(math.Round(v * 100)), nil
	case typ == "INTEGER":
		switch strings.ToLower(cell) {
		case "true":
			return int64(1), nil
		case "false":
			return int64(0), nil
		}
		v, err := strconv.ParseFloat(cell, 64)
		if err != nil || v != math.Trunc(v) {
			return nil, fmt.Errorf("a whole number")
		}
		return int64(v), nil
	case typ == "REAL":
		v, err := strconv.ParseFloat(cell, 64)
		if err != nil {
			return nil, fmt.Errorf("a number")
		}
		return v, nil
	}
	return cell, nil
}
