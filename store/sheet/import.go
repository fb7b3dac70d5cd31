package sheet

import (
	"context"
	"encoding/csv"
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"

	"orchard/model"
)

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

// Result is what an import would do: the records to save and the counts.
type Result struct {
	Sheets                           []SheetReport
	Records                          []model.Entity
	New, Updated, Unchanged, Skipped int
	// Merged counts rows that went into a record an earlier row of this
	// import made or changed (the same key, or the same name); Merges says
	// which row went into which.
	Merged   int
	Merges   []string
	Problems []Problem
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
func (r *Result) ProblemsCSV() []byte {
	var b strings.Builder
	w := csv.NewWriter(&b)
	w.Write([]string{"Sheet", "Row", "Column", "Found", "Expected"})
	for _, p := range r.Problems {
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

// Options steer an import.
type Options struct {
	// AccountID receives stakeholders and actions from sheets that name no account.
	AccountID string
	Today     time.Time
	// Sheets says how to read each sheet; nil reads them as Analyse guesses.
	Sheets []SheetMapping
	// Currency is the currency of amounts the file gives none for; empty
	// reads them in the workspace's base currency, with a note.
	Currency string
}

// Plan works out what importing a workbook into the portfolio would do,
// without changing anything. Records that match existing ones (by name
// within their account, or team members by name) are updated, not doubled.
func Plan(wb *Workbook, p *model.Portfolio, o Options) (*Result, error) {
	return PlanContext(context.Background(), wb, p, o)
}

// PlanContext is Plan that stops when ctx is cancelled.
func PlanContext(ctx context.Context, wb *Workbook, p *model.Portfolio, o Options) (*Result, error) {
	if wb.Orchard {
		return planBook(wb, p)
	}
	rows := 0
	for _, t := range wb.Tables {
		rows += len(t.Rows)
	}
	im := &importer{p: p, o: o, res: &Result{}, accounts: map[string]*model.Account{}, members: map[string]*model.TeamMember{},
		people: make(map[string]*model.Stakeholder, rows), written: make(map[string]model.Entity, rows), pos: make(map[string]int, rows),
		personKey: make(map[string]string, rows), keys: newSourceKeys(p), path: wb.Path, wb: wb, firstRow: make(map[string]string, rows)}
	for _, a := range p.Accounts() {
		im.accounts[key(a.Name)] = a
	}
	for _, m := range p.TeamMembers() {
		im.members[key(m.Name)] = m
	}
	sheets := o.Sheets
	if sheets == nil {
		sheets = Analyse(wb)
	}
	byName := map[string]SheetMapping{}
	for _, m := range sheets {
		byName[m.Sheet] = m
	}
	// Accounts and team first, so later sheets can refer to them.
	order := map[Kind]int{KindAccounts: 0, KindTeam: 1, KindStakeholders: 2, KindOpportunities: 3, KindActions: 4, KindRevenue: 5}
	type sheetPlan struct {
		t Table
		m SheetMapping
	}
	var plans []sheetPlan
	for _, t := range wb.Tables {
		m, ok := byName[t.Name]
		if !ok {
			continue
		}
		rep := SheetReport{Name: t.Name, Kind: m.Kind, HeaderRow: m.HeaderRow, Mapping: map[string]Field{}}
		if m.HeaderRow > 0 {
			for j, f := range m.Fields {
				if f != "" && j < len(m.Headers) {
					rep.Mapping[m.Headers[j]] = f
				}
			}
			rep.Rows = max(0, len(t.Rows)-m.HeaderRow)
		}
		im.res.Sheets = append(im.res.Sheets, rep)
		if m.Kind != KindUnknown && m.HeaderRow > 0 {
			plans = append(plans, sheetPlan{t, m})
		}
		if m.Kind != KindUnknown {
			im.res.Notes = append(im.res.Notes, duplicateNotes(m)...)
		}
		if m.RunnerUp != "" {
			im.res.Notes = append(im.res.Notes, fmt.Sprintf("Sheet %s is read as %s, but it could also hold %s: choose on its tab in the import wizard, or run orchard import with --kind '%s=%s'.",
				t.Name, m.Kind, m.RunnerUp, t.Name, m.RunnerUp))
		}
		if m.Kind != KindUnknown && m.Dates == DatesAuto {
			// Asked whatever the mapping now is: a column the user just
			// mapped to a date may be the ambiguous one.
			if vals := m.dateValues(t); ambiguous(vals) {
				im.res.Questions = append(im.res.Questions, Question{Sheet: t.Name,
					Text: fmt.Sprintf("Dates in sheet %s read either as day/month or as month/day (for example %s). Which is it?", t.Name, firstSlashDate(vals))})
			}
		}
	}
	if len(plans) == 0 {
		return nil, nothingRecognised(wb)
	}
	sort.SliceStable(plans, func(i, j int) bool { return order[plans[i].m.Kind] < order[plans[j].m.Kind] })
	for _, sp := range plans {
		if err := im.sheet(ctx, sp.t, sp.m); err != nil {
			return nil, err
		}
	}
	if im.unnamed > 0 {
		im.res.Notes = append(im.res.Notes, fmt.Sprintf("%d people have no name in the file; they are labelled by their team or role. Add their names when you know them.", im.unnamed))
	}
	if im.keyedAccounts > 0 {
		im.res.Notes = append(im.res.Notes, fmt.Sprintf("%d accounts are named in the file only by their ID in another system; they are added as \"Account ID\" and get their names when the file of accounts is imported.", im.keyedAccounts))
	}
	if im.madeAccounts > 0 {
		im.res.Notes = append(im.res.Notes, fmt.Sprintf("%d accounts named in the file are not in the workspace yet; they are added.", im.madeAccounts))
	}
	for sheet, rows := range im.totalRows {
		im.res.Notes = append(im.res.Notes, fmt.Sprintf("Sheet %s: %d total or subtotal rows left out (rows %s).", sheet, len(rows), joinInts(rows, 10)))
	}
	for _, e := range im.list {
		if a, ok := e.(*model.Account); ok && !o.Today.IsZero() {
			a.Updated = o.Today.UTC() // the plan of an imported account is as fresh as the file
		}
		im.res.Records = append(im.res.Records, e)
	}
	for _, pr := range im.previewOrder {
		if pr.key != "" {
			pr.Record = im.written[pr.key]
		}
		im.res.Preview = append(im.res.Preview, *pr)
	}
	return im.res, nil
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

type importer struct {
	p         *model.Portfolio
	o         Options
	res       *Result
	accounts  map[string]*model.Account     // by folded name, including new ones
	members   map[string]*model.TeamMember  // by folded name
	people    map[string]*model.Stakeholder // by account + folded name, new or edited in this import
	written   map[string]model.Entity       // kind/id -> latest version in this import
	list      []model.Entity
	pos       map[string]int          // kind/id -> index in list
	personKey map[string]string       // stakeholder ID -> its key in people
	existing  map[string]model.Entity // kind/account/folded name -> a record already in the workspace
	// preview rows in order; each record is looked up at the end, when
	// every later change to it (a manager link) is known.
	previewOrder  []*PreviewRow
	rowPuts       []rowPut                       // what the row being read saved, in order
	figs          map[string]*model.PeriodFigure // by account/period/kind
	decimalComma  bool                           // the sheet's amounts use a decimal comma
	rowPeriods    []periodCell                   // the row's cells under period headers
	keys          *sourceKeys                    // records by their ID in the system they came from
	path          string                         // the sheet's file, for naming the account of rows that name none
	wb            *Workbook
	madeAccounts  int               // accounts made because rows named them
	keyedAccounts int               // accounts made because rows named their key
	unnamed       int               // people labelled by team or role, the file giving no name
	firstRow      map[string]string // kind/id -> "sheet S, row N" that first wrote it
	rowAt         string            // the row being read, "sheet S, row N"
	totalRows     map[string][]int  // per sheet, total rows left out
	// noAccountColumn is set while reading a sheet that has no account
	// column: its rows belong to the default account.
	noAccountColumn bool
	scale           map[Field]float64 // per amount field of the sheet, the unit its header gives
	headerCurrency  string            // a currency an amount header of the sheet names
	currencyNoted   map[string]bool   // sheets whose missing currency was noted
	dropped         map[int]bool      // rows of the sheet left out because a split could not be mended
}

func joinInts(v []int, most int) string {
	var parts []string
	for i, n := range v {
		if i == most {
			parts = append(parts, "…")
			break
		}
		parts = append(parts, strconv.Itoa(n))
	}
	return strings.Join(parts, ", ")
}

// amount reads an amount of the sheet being imported.
func (im *importer) amount(s string) (float64, error) { return parseAmountIn(s, im.decimalComma) }

// existingNamed finds a record already in the workspace by kind, account
// and name, through an index built once per import.
func (im *importer) existingNamed(k model.Kind, accountID, name string) model.Entity {
	if im.existing == nil {
		im.existing = map[string]model.Entity{}
		for _, kind := range []model.Kind{model.KindStakeholder, model.KindOpportunity, model.KindAction} {
			for _, e := range im.p.All(kind) {
				var n string
				switch v := e.(type) {
				case *model.Stakeholder:
					n = v.Name
				case *model.Opportunity:
					n = v.Name
				case *model.Action:
					n = v.Title
				}
				im.existing[string(kind)+"/"+model.AccountOf(e)+"/"+key(n)] = e
			}
		}
	}
	return im.existing[string(k)+"/"+accountID+"/"+key(name)]
}

// key folds a name for matching: lower case, runs of white space as one
// space, none at the ends.
func key(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		if unicode.IsSpace(r) {
			space = b.Len() > 0
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

// rowPut is a record a row saved and what happened to it.
type rowPut struct{ key, outcome string }

// put records a new or edited record once, keeping the latest version.
func (im *importer) put(before, e model.Entity) {
	k := model.PendingKey(e.Kind(), e.EntityID())
	im.keys.remember(e)
	if _, ok := im.written[k]; ok {
		if i, listed := im.pos[k]; listed {
			im.list[i] = e
		}
		im.written[k] = e
		im.rowPuts = append(im.rowPuts, rowPut{k, "merged"})
		if first := im.firstRow[k]; first != "" && first != im.rowAt && len(im.rowPuts) == 1 {
			im.res.Merged++
			if len(im.res.Merges) < 200 {
				im.res.Merges = append(im.res.Merges, fmt.Sprintf("%s went into %s of %s (the same key or name)", im.rowAt, model.Describe(e), first))
			}
		}
		return
	}
	im.written[k] = e
	im.firstRow[k] = im.rowAt
	switch {
	case before == nil:
		im.res.New++
		im.rowPuts = append(im.rowPuts, rowPut{k, "new"})
	case model.Same(before, e):
		im.res.Unchanged++
		im.rowPuts = append(im.rowPuts, rowPut{k, "unchanged"})
		return
	default:
		im.res.Updated++
		im.rowPuts = append(im.rowPuts, rowPut{k, "update"})
	}
	im.pos[k] = len(im.list)
	im.list = append(im.list, e)
}

func (im *importer) problem(sheet string, row int, col, found, expected string) {
	im.res.Problems = append(im.res.Problems, Problem{Sheet: sheet, Row: row, Column: col, Found: found, Expected: expected})
}

// cells gives a row's value per field.
type cells map[Field]string

func (im *importer) sheet(ctx context.Context, t Table, m SheetMapping) error {
	header, kind := m.HeaderRow-1, m.Kind
	// Fields that mean nothing for this kind of sheet (left from another
	// kind the user tried) are left out once, here.
	fields := make([]Field, len(m.Fields))
	for j, f := range m.Fields {
		if slices.Contains(KindFields[kind], f) {
			fields[j] = f
		}
	}
	colName := map[Field]string{}
	for j, f := range fields {
		if f != "" && j < len(m.Headers) {
			colName[f] = m.Headers[j]
		}
	}
	_, hasAccount := colName[FAccount]
	im.noAccountColumn = !hasAccount
	im.path = im.wb.source(t)
	im.amountUnits(t.Name, m.Headers, fields)
	im.dropped = nil
	t.Rows = im.repairRagged(t, header, m.Headers)
	dayFirst := m.dayFirst(t)
	var amounts []string
	for _, r := range t.Rows[header+1:] {
		for j, f := range fields {
			if j < len(r) && (f == FRevenue || f == FAmount || f == FPotential || f == FTarget || f == FActual || f == FMargin ||
				f == FPeriodActual || f == FPeriodTarget) {
				amounts = append(amounts, r[j])
			}
		}
	}
	im.decimalComma = decimalCommaSeen(amounts)
	shown := 0
	for i, r := range t.Rows[header+1:] {
		if i%1000 == 999 && ctx.Err() != nil {
			return ctx.Err()
		}
		row := header + i + 2
		c := cells{}
		var notes []string
		var periods []periodCell
		blank := true
		for j, f := range fields {
			if j >= len(r) || f == "" {
				continue
			}
			v := strings.TrimSpace(r[j])
			if f == FPeriodActual || f == FPeriodTarget {
				periods = append(periods, periodCell{m.Headers[j], v})
				if !isEmpty(v) {
					blank = false
				}
				continue
			}
			if f == FToNotes {
				if !isEmpty(v) {
					notes = append(notes, m.Headers[j]+": "+v)
				}
				continue
			}
			c[f] = v
			if !isEmpty(v) {
				blank = false
			}
		}
		if im.dropped[header+1+i] { // a split row that could not be put back together
			im.res.Skipped++
			continue
		}
		if blank {
			continue
		}
		// A legend or notes block below the list ends it.
		if legendHeading(r) {
			for _, rest := range t.Rows[header+1+i:] {
				if !blankRow(rest) {
					im.res.Skipped++
				}
			}
			im.res.Notes = append(im.res.Notes, fmt.Sprintf("Sheet %s: the list ends at row %d, where a legend or notes begin; that row and the rows below it are not records.", t.Name, row))
			break
		}
		if isTotalRow(r) {
			im.res.Skipped++
			if im.totalRows == nil {
				im.totalRows = map[string][]int{}
			}
			im.totalRows[t.Name] = append(im.totalRows[t.Name], row)
			continue
		}
		im.rowAt = fmt.Sprintf("sheet %s, row %d", t.Name, row)
		c[fieldNotesLines] = strings.Join(notes, "\n")
		im.rowPeriods = periods
		im.rowPuts = im.rowPuts[:0]
		problemsBefore := len(im.res.Problems)
		var ok bool
		switch kind {
		case KindAccounts:
			ok = im.account(t.Name, row, c, colName)
		case KindTeam:
			ok = im.member(t.Name, row, c, colName)
		case KindStakeholders:
			ok = im.stakeholder(t.Name, row, c, colName)
		case KindOpportunities:
			ok = im.opportunity(t.Name, row, c, colName, dayFirst)
		case KindActions:
			ok = im.action(t.Name, row, c, colName, dayFirst)
		case KindRevenue:
			ok = im.figures(t.Name, row, c, colName)
		}
		if !ok {
			im.res.Skipped++
			im.rowPuts = im.rowPuts[:0]
		}
		if shown < previewRows {
			shown++
			// A row may save several records (a revenue row, one per
			// period): the preview shows each, the problems on the first.
			puts := im.rowPuts
			if len(puts) == 0 {
				puts = []rowPut{{"", "skipped"}}
			}
			for n, rp := range puts {
				pr := &PreviewRow{Sheet: t.Name, Row: row, Outcome: rp.outcome, key: rp.key}
				if n == 0 {
					for _, p := range im.res.Problems[problemsBefore:] {
						pr.Problems = append(pr.Problems, fmt.Sprintf("%s: found %q, expected %s", p.Column, p.Found, p.Expected))
					}
				}
				im.previewOrder = append(im.previewOrder, pr)
			}
		}
	}
	if kind == KindStakeholders {
		im.resolveManagers(t, header, fields)
	}
	return nil
}

// fieldNotesLines carries a row's "Header: value" lines for its notes.
const fieldNotesLines Field = "\x00notes lines"

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

func isTotalRow(r []string) bool {
	for _, c := range r {
		if w := strings.ToLower(strings.TrimSpace(c)); w == "total" || w == "sum" || w == "summe" || w == "totaal" || w == "gesamt" {
			return true
		}
	}
	return false
}

func (im *importer) account(sheet string, row int, c cells, col map[Field]string) bool {
	name := c[FAccount]
	if isEmpty(name) {
		name = c[FName]
	}
	if isEmpty(name) {
		im.problem(sheet, row, col[FAccount], "", "an account name")
		return false
	}
	// A key column finds the account it made before; without one, the
	// name does, unless that account came with another key (two customers
	// of one name in a CRM are two accounts).
	id := strings.TrimSpace(c[FID])
	var before *model.Account
	if id != "" {
		before = im.keys.accounts[id]
		if before != nil {
			before = im.latestAccount(before)
		}
	}
	if before == nil {
		if byName := im.accounts[key(name)]; byName != nil && (id == "" || byName.SourceKey == "" || byName.SourceKey == id) {
			before = byName
		}
	}
	// Fields the file does not have, such as the objective, stay empty.
	a := &model.Account{ID: model.NewID(), Name: name, Currency: im.p.Settings.Rates.Base}
	if before != nil {
		a = model.Clone(before).(*model.Account)
		a.Name = name
	}
	if id != "" {
		a.SourceKey = id
	}
	if v := c[FIndustry]; !isEmpty(v) {
		a.Industry = v
	}
	if v := c[FRegion]; !isEmpty(v) {
		a.Region = v
	}
	if v := c[FOwner]; !isEmpty(v) {
		a.Owner = v
	}
	if before == nil || !isEmpty(c[FCurrency]) || !isEmpty(c[FRevenue]) {
		a.Currency = im.currencyOf(sheet, c, FRevenue, a.Currency, true)
	}
	if v := c[FRevenue]; !isEmpty(v) {
		amt, err := im.scaled(FRevenue, v)
		if err != nil || amt < 0 {
			im.problem(sheet, row, col[FRevenue], v, "a revenue of zero or more, e.g. 1,250,000")
			return false
		}
		a.Revenue = model.MoneyFromMajor(amt)
	}
	if v := c[FPotential]; !isEmpty(v) {
		if amt, err := im.scaled(FPotential, v); err == nil && amt >= 0 {
			a.Potential = model.MoneyFromMajor(amt)
		}
	}
	if v := c[FMargin]; !isEmpty(v) {
		pct, err := im.amount(strings.TrimSuffix(v, "%"))
		if err != nil || pct < -100 || pct > 100 {
			im.problem(sheet, row, col[FMargin], v, "a margin in per cent from -100 to 100")
			return false
		}
		a.MarginPct = pct
	}
	if v := c[FParent]; !isEmpty(v) {
		a.Notes = withNoteLines(a.Notes, "Subsidiary of: "+v)
	}
	if v := c[FNotes]; !isEmpty(v) && !strings.Contains(a.Notes, v) {
		a.Notes = strings.TrimSpace(v + "\n" + a.Notes)
	}
	a.Notes = withNoteLines(a.Notes, c[fieldNotesLines])
	if err := a.Validate(); err != nil {
		im.problem(sheet, row, col[FAccount], name, err.Error())
		return false
	}
	im.accounts[key(name)] = a
	im.put(entityOrNil(before), a)
	return true
}

func entityOrNil[T model.Entity](e T) model.Entity {
	var zero T
	if any(e) == any(zero) {
		return nil
	}
	return e
}

func (im *importer) member(sheet string, row int, c cells, col map[Field]string) bool {
	name := c[FAgent]
	if isEmpty(name) {
		name = personName(c)
	}
	if isEmpty(name) {
		im.problem(sheet, row, orDefault(col[FAgent], orDefault(col[FName], "name")), "", "a team member's name")
		return false
	}
	id := strings.TrimSpace(c[FID])
	var before *model.TeamMember
	if id != "" {
		before = im.keys.members[id]
	}
	if before == nil {
		before = im.members[key(name)]
	}
	m := &model.TeamMember{ID: model.NewID(), Name: name, Function: model.FunctionSales}
	if before != nil {
		m = model.Clone(before).(*model.TeamMember)
	}
	if id != "" {
		m.SourceKey = id
	}
	if v := c[FTitle]; !isEmpty(v) {
		m.Title = v
	}
	if v := c[FEmail]; !isEmpty(v) {
		m.Email = v
	}
	if v := c[FManager]; !isEmpty(v) && m.Title == "" {
		m.Title = "Reports to " + v
	}
	im.members[key(name)] = m
	im.put(entityOrNil(before), m)
	return true
}

// accountFor finds the account a row belongs to: its own column, else the
// import's account.
// A link cell may hold another system's ID (Salesforce's AccountId) or a
// name; a row naming none goes to the default account.
func (im *importer) accountFor(c cells) *model.Account {
	v := strings.TrimSpace(c[FAccount])
	if isEmpty(v) {
		// A sheet without an account column is about one account; in a
		// sheet with one, a row that leaves it empty names none.
		if im.noAccountColumn {
			return im.defaultAccount()
		}
		return nil
	}
	if a := im.accountOf(v); a != nil {
		return a
	}
	return im.accounts[key(v)]
}

// accountOrNamed is accountFor that adds an account the row names by a
// name the workspace does not know yet.
func (im *importer) accountOrNamed(c cells) *model.Account {
	if a := im.accountFor(c); a != nil {
		return a
	}
	return im.namedAccount(strings.TrimSpace(c[FAccount]))
}

func (im *importer) stakeholder(sheet string, row int, c cells, col map[Field]string) bool {
	a := im.accountOrNamed(c)
	if a == nil {
		found := c[FAccount]
		im.problem(sheet, row, orDefault(col[FAccount], "account"), found, "an account that exists or is in this import (or choose the account to import into)")
		return false
	}
	raw := personName(c)
	name, title := splitNameRole(raw)
	if isEmpty(name) {
		// A register of roles without names: the row is labelled by its
		// team or role, never by a name made up.
		for _, f := range []Field{FDepartment, FTitle, FRole} {
			if v := strings.TrimSpace(c[f]); !isEmpty(v) {
				name = v
				im.unnamed++
				break
			}
		}
	}
	if isEmpty(name) {
		im.problem(sheet, row, orDefault(col[FName], "name"), raw, "a person's name")
		return false
	}
	// Within one file an ID column tells apart people who share a name.
	pk := a.ID + "/" + key(name)
	if id := c[FID]; !isEmpty(id) {
		pk = a.ID + "/id:" + id
	}
	before := im.people[pk]
	id := strings.TrimSpace(c[FID])
	if before == nil && id != "" {
		before = im.keys.people[a.ID+"/"+id]
	}
	if before == nil {
		before, _ = im.existingNamed(model.KindStakeholder, a.ID, name).(*model.Stakeholder)
		if before != nil && id != "" && before.SourceKey != "" && before.SourceKey != id {
			before = nil // the same name under another key is another person
		}
	}
	s := &model.Stakeholder{ID: model.NewID(), AccountID: a.ID, Name: name}
	if before != nil {
		s = model.Clone(before).(*model.Stakeholder)
		s.Name = name
	}
	if id != "" {
		s.SourceKey = id
	}
	if title != "" {
		s.Title = title
	}
	if v := c[FTitle]; !isEmpty(v) {
		s.Title = v
	}
	if v := c[FDepartment]; !isEmpty(v) {
		s.Department = v
	}
	if v := c[FAttitude]; !isEmpty(v) {
		att, ok := parseAttitude(v)
		if !ok {
			im.problem(sheet, row, col[FAttitude], v, "a stance such as champion, supporter, neutral, sceptical or blocker")
		} else {
			s.Attitude = att
		}
	}
	if v := c[FInfluence]; !isEmpty(v) {
		if inf, ok := parseInfluence(v); ok {
			s.Influence = inf
		} else {
			im.problem(sheet, row, col[FInfluence], v, "high, medium, low or a score from 1 to 5")
		}
	}
	if v := c[FRole]; !isEmpty(v) && !knownBuyingRole(v) && s.Title == "" {
		s.Title = v // a role in the project, such as "Finance Manager", is what they do
	}
	if v := c[FRole]; !isEmpty(v) {
		switch strings.ToLower(v) {
		case "accountable", "decision maker", "decision-maker":
			s.Role = model.RoleDecisionMaker
		case "economic buyer":
			s.Role = model.RoleEconomicBuyer
		case "champion", "coach":
			s.Role = model.RoleChampion
		case "consulted", "influencer":
			s.Role = model.RoleInfluencer
		case "responsible", "technical buyer":
			s.Role = model.RoleTechnicalBuyer
		case "informed", "user":
			s.Role = model.RoleUser
		case "gatekeeper", "blocker":
			s.Role = model.RoleGatekeeper
		}
	}
	if v := c[FEmail]; !isEmpty(v) {
		s.Notes = withNoteLines(s.Notes, "Email: "+v)
	}
	if v := c[FNotes]; !isEmpty(v) && !strings.Contains(s.Notes, v) {
		s.Notes = strings.TrimSpace(v + "\n" + s.Notes)
	}
	s.Notes = withNoteLines(s.Notes, c[fieldNotesLines])
	im.people[pk] = s
	im.personKey[s.ID] = pk
	im.put(entityOrNil(before), s)
	return true
}

// resolveManagers links reports-to by manager ID or by name within the
// account, refusing a link that would make a loop.
func (im *importer) resolveManagers(t Table, header int, fields []Field) {
	idCol, mgrIDCol, mgrCol, nameCol, accCol, firstCol, lastCol := -1, -1, -1, -1, -1, -1, -1
	for j, f := range fields {
		switch f {
		case FID:
			idCol = j
		case FManagerID:
			mgrIDCol = j
		case FReportsTo:
			mgrCol = j
		case FName:
			nameCol = j
		case FAccount:
			accCol = j
		case FFirstName:
			firstCol = j
		case FLastName:
			lastCol = j
		}
	}
	if (nameCol < 0 && firstCol < 0 && lastCol < 0 && idCol < 0) || (mgrIDCol < 0 && mgrCol < 0) {
		return
	}
	cell := func(r []string, j int) string {
		if j >= 0 && j < len(r) {
			return strings.TrimSpace(r[j])
		}
		return ""
	}
	rowName := func(r []string) string {
		return personName(cells{FName: cell(r, nameCol), FFirstName: cell(r, firstCol), FLastName: cell(r, lastCol)})
	}
	byExt := map[string]*model.Stakeholder{}
	extOf := map[string]string{} // stakeholder ID -> external ID
	// Each row's person, by the key they were filed under when read.
	rowKey := func(r []string) string {
		a := im.accountFor(cells{FAccount: cell(r, accCol)})
		if a == nil {
			return ""
		}
		if id := cell(r, idCol); idCol >= 0 && !isEmpty(id) {
			return a.ID + "/id:" + id
		}
		name, _ := splitNameRole(rowName(r))
		return a.ID + "/" + key(name)
	}
	data := t.Rows[header+1:]
	keys := make([]string, len(data))
	for i, r := range data {
		keys[i] = rowKey(r)
		if s := im.people[keys[i]]; s != nil && idCol >= 0 {
			byExt[cell(r, idCol)] = s
			extOf[s.ID] = cell(r, idCol)
		}
	}
	for i, r := range data {
		s := im.people[keys[i]]
		if s == nil {
			continue
		}
		var mgr *model.Stakeholder
		if id := cell(r, mgrIDCol); !isEmpty(id) {
			mgr = byExt[id]
		} else if n := cell(r, mgrCol); !isEmpty(n) {
			name, _ := splitNameRole(n)
			mgr = im.people[s.AccountID+"/"+key(name)]
		}
		if mgr == nil || mgr.ID == s.ID {
			continue
		}
		// Walk up from the manager: reaching s would close a loop.
		loop := false
		for cur, n := mgr, 0; cur != nil && n < 10000; n++ {
			if cur.ReportsTo == s.ID {
				loop = true
				break
			}
			next, _ := im.written[model.PendingKey(model.KindStakeholder, cur.ReportsTo)].(*model.Stakeholder)
			if next == nil {
				next, _ = im.p.Get(model.KindStakeholder, cur.ReportsTo).(*model.Stakeholder)
			}
			cur = next
		}
		if loop {
			im.problem(t.Name, header+i+2, "reports to", mgr.Name, fmt.Sprintf("a manager who does not report to %s (that would make a loop)", s.Name))
			continue
		}
		if s.ReportsTo != mgr.ID {
			before := im.p.Get(model.KindStakeholder, s.ID)
			c := model.Clone(s).(*model.Stakeholder)
			c.ReportsTo = mgr.ID
			im.people[im.personKey[c.ID]] = c
			if ext, ok := extOf[c.ID]; ok {
				byExt[ext] = c
			}
			im.replace(before, c)
		}
	}
}

// replace swaps the pending version of a record for a newer one.
func (im *importer) replace(before, e model.Entity) {
	k := model.PendingKey(e.Kind(), e.EntityID())
	if _, ok := im.written[k]; ok {
		if i, listed := im.pos[k]; listed {
			im.list[i] = e
		} else { // it was unchanged until now
			im.res.Unchanged--
			im.res.Updated++
			im.pos[k] = len(im.list)
			im.list = append(im.list, e)
		}
		im.written[k] = e
		return
	}
	im.put(before, e)
}

func orDefault(s, d string) string {
	if s == "" {
		return d
	}
	return s
}

func (im *importer) opportunity(sheet string, row int, c cells, col map[Field]string, dayFirst bool) bool {
	a := im.accountOrNamed(c)
	if a == nil {
		im.problem(sheet, row, orDefault(col[FAccount], "account"), c[FAccount], "an account that exists or is in this import")
		return false
	}
	name := c[FName]
	if isEmpty(name) {
		name = c[FID]
	}
	if isEmpty(name) {
		name = strings.TrimSpace(c[FProduct] + " for " + a.Name)
	}
	id := strings.TrimSpace(c[FID])
	var before *model.Opportunity
	if id != "" {
		before = im.keys.opps[id]
	}
	if before == nil {
		before, _ = im.existingNamed(model.KindOpportunity, a.ID, name).(*model.Opportunity)
		if before != nil && id != "" && before.SourceKey != "" && before.SourceKey != id {
			before = nil
		}
	}
	if before != nil {
		if w, ok := im.written[model.PendingKey(model.KindOpportunity, before.ID)].(*model.Opportunity); ok {
			before = w
		}
	}
	o := &model.Opportunity{ID: model.NewID(), AccountID: a.ID, Name: name, Currency: a.Currency, Created: im.o.Today}
	if before != nil {
		o = model.Clone(before).(*model.Opportunity)
	}
	if id != "" {
		o.SourceKey = id
	}
	if v := strings.ToUpper(strings.TrimSpace(c[FCurrency])); model.ValidCurrency(v) {
		o.Currency = v
	}
	if v := c[FProduct]; !isEmpty(v) {
		o.Offering = v
	}
	if v := c[FStage]; !isEmpty(v) {
		o.Stage = v
		switch strings.ToLower(v) {
		case "won", "closed won":
			o.Probability = 100
		case "lost", "closed lost":
			o.Probability = 0
		}
	}
	if v := c[FAmount]; !isEmpty(v) {
		o.Currency = im.currencyOf(sheet, c, FAmount, o.Currency, false)
		amt, err := im.scaled(FAmount, v)
		if err != nil || amt < 0 {
			im.problem(sheet, row, col[FAmount], v, "a value of zero or more")
			return false
		}
		o.Value = model.MoneyFromMajor(amt)
	}
	if v := c[FProbability]; !isEmpty(v) {
		pv, err := im.amount(strings.TrimSuffix(v, "%"))
		if err != nil || pv < 0 || pv > 100 {
			im.problem(sheet, row, col[FProbability], v, "a probability from 0 to 100 %")
			return false
		}
		o.Probability = int(pv + 0.5)
	}
	if v := c[FCloseDate]; !isEmpty(v) {
		d, err := parseDateCell(v, dayFirst)
		if err != nil {
			im.problem(sheet, row, col[FCloseDate], v, "a date such as 2026-11-23")
			return false
		}
		o.ExpectedClose = d
		if !o.Created.IsZero() && d.Before(o.Created) {
			o.Created = time.Time{} // a deal closed in the past was opened before it closed
		}
	}
	if err := o.Validate(); err != nil {
		im.problem(sheet, row, col[FName], name, err.Error())
		return false
	}
	im.put(entityOrNil(before), o)
	return true
}

func (im *importer) action(sheet string, row int, c cells, col map[Field]string, dayFirst bool) bool {
	a := im.accountOrNamed(c)
	if a == nil {
		im.problem(sheet, row, orDefault(col[FAccount], "account"), c[FAccount], "an account that exists or is in this import (or choose the account to import into)")
		return false
	}
	title := c[FAction]
	if isEmpty(title) {
		title = c[FName]
	}
	if isEmpty(title) {
		im.problem(sheet, row, col[FAction], "", "what the action is")
		return false
	}
	id := strings.TrimSpace(c[FID])
	var before *model.Action
	if id != "" {
		before = im.keys.actions[a.ID+"/"+id]
	}
	if before == nil {
		before, _ = im.existingNamed(model.KindAction, a.ID, title).(*model.Action)
		if before != nil && id != "" && before.SourceKey != "" && before.SourceKey != id {
			before = nil
		}
	}
	if before != nil {
		if w, ok := im.written[model.PendingKey(model.KindAction, before.ID)].(*model.Action); ok {
			before = w
		}
	}
	x := &model.Action{ID: model.NewID(), AccountID: a.ID, Title: title, Status: model.StatusPlanned, Order: float64(len(im.list) + 1)}
	if before != nil {
		x = model.Clone(before).(*model.Action)
	}
	if id != "" {
		x.SourceKey = id
	}
	if v := c[FStatus]; !isEmpty(v) {
		st, ok := parseStatus(v)
		if !ok {
			im.problem(sheet, row, col[FStatus], v, "a status such as planned, in progress, blocked, done or not implemented")
		} else {
			x.Status = st
		}
	}
	if v := c[FDue]; !isEmpty(v) {
		d, err := parseDateCell(v, dayFirst)
		if err != nil {
			im.problem(sheet, row, col[FDue], v, "a date such as 2026-11-23")
		} else {
			x.Due = d
		}
	}
	if v := c[FOwner]; !isEmpty(v) {
		names := splitNames(v)
		if m := im.members[key(names[0])]; m != nil {
			x.OwnerID = m.ID
		} else {
			x.Notes = withNoteLines(x.Notes, "Owner in the file: "+v)
		}
	}
	if v := c[FNotes]; !isEmpty(v) {
		x.Description = v
	}
	if v := c[FAgreed]; !isEmpty(v) {
		agreed, ok := parseBool(v)
		if !ok {
			im.problem(sheet, row, col[FAgreed], v, "yes or no (ja/nein, oui/non, x or ✓ also work)")
		} else {
			x.CustomerAgreed = agreed
		}
	}
	x.Notes = withNoteLines(x.Notes, c[fieldNotesLines])
	im.put(entityOrNil(before), x)
	return true
}
