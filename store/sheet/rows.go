package sheet

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"strings"

	"orchard/model"
)

// Reading one sheet row by row: which reader a row goes to, and the rows
// that are no records (blank, totals, legends).

func (im *importer) sheet(ctx context.Context, t Table, m SheetMapping) error {
	header, kind := m.HeaderRow-1, m.Kind
	// Fields that mean nothing for this kind of sheet (left from another
	// kind the user tried) are left out once, here.
	fields := make([]Field, len(m.Fields))
	for j, f := range m.Fields {
		// A revenue sheet's column of people makes each row that team
		// member's own target (a quota sheet).
		if slices.Contains(KindFields[kind], f) || (kind == KindRevenue && f == FAgent) {
			fields[j] = f
		}
	}
	colName := map[Field]string{}
	for j, f := range fields {
		if f != "" && j < len(m.Headers) {
			colName[f] = m.Headers[j]
		}
	}
	im.rowKeys = nil
	im.lineAccount, im.lineFigures = nil, nil
	if kind == KindStakeholders {
		im.rowKeys = make(map[int]string, len(t.Rows))
	}
	_, hasAccount := colName[FAccount]
	im.noAccountColumn = !hasAccount
	im.path = im.wb.source(t)
	im.source = keySource(im.path, m.Headers, t.Rows[min(len(t.Rows), m.HeaderRow):])
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
	var plan planLayout
	if kind == KindRevenue {
		im.unlabelled = unlabelledKind(im.path, t.Name)
		var notes []string
		fields, notes = totalColumns(t.Name, m.Headers, fields)
		im.res.Notes = append(im.res.Notes, notes...)
		var periods []string
		for _, r := range t.Rows[header+1:] {
			for j, f := range fields {
				if f == FPeriod && j < len(r) {
					periods = append(periods, r[j])
				}
			}
		}
		im.periodsDayFirst = periodDayFirst(periods)
		plan = im.layoutPlan(t.Rows[header+1:], fields)
		if len(plan.labels) > 0 {
			im.noAccountColumn = false
		}
		im.planNotes(t.Name, header, plan)
		im.lineAccount = im.planLinesOf(t.Name, m.Headers, fields, plan)
	}
	// Goals that only add up other goals (a team's, over its sellers')
	// are left out, so nothing is counted twice.
	var rollups, childOf map[int]string
	if kind == KindRevenue && slices.Contains(fields, FAgent) {
		rollups, childOf = goalRollups(t.Rows[header+1:])
		im.rollups = &rollupSums{stated: map[string]float64{}, sum: map[string]float64{}, childOf: childOf}
	}
	var roles map[int]*model.TeamMember
	if slices.Contains(fields, FRACI) {
		roles = im.raciRoles(t.Name, m.Headers, fields)
	}
	typical := typicalFilled(t.Rows[header+1:])
	footer := footerStart(t.Rows[header+1:], filledCells(t.Rows[header]))
	// A row of one cell straight above the header names the first
	// section, when the list has sections (a board exported group by group).
	section, firstSection := "", ""
	if header > 0 && !m.TwoRows && filledCells(t.Rows[header-1]) == 1 && kind != KindAccounts && kind != KindRevenue {
		for _, c := range t.Rows[header-1] {
			if c = strings.TrimSpace(c); c != "" {
				firstSection = c
			}
		}
	}
	if firstSection != "" && !sectionsBelow(t.Rows[header+1:], fields, kind, typical, roles != nil) {
		firstSection = "" // a title above a list without sections
	}
	// People, deals and tasks grouped under their account; an account
	// list or a plan is not read this way (a row there without its account
	// is its own record or a problem).
	var grouped map[int]string
	if kind == KindStakeholders || kind == KindOpportunities || kind == KindActions {
		grouped = groupedColumn(t.Rows[header+1:], fields, FAccount)
	}
	if len(grouped) > 0 {
		im.res.Notes = append(im.res.Notes, fmt.Sprintf("Sheet %s: column %s names each account once, above its rows (a grouped report); the %d rows below a name belong to it.",
			t.Name, colName[FAccount], len(grouped)))
	}
	var sections, repeats []int
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
		if v, ok := grouped[i]; ok && !blank && isEmpty(c[FAccount]) {
			c[FAccount] = v // a grouped report names the account once, above its rows
		}
		if _, sum := plan.skip[i]; sum {
			im.res.Skipped++
			continue
		}
		if name, ok := rollups[i]; ok && !blank {
			im.res.Skipped++
			if v, err := im.scaled(FTarget, c[FTarget]); err == nil && !isEmpty(c[FTarget]) {
				im.rollups.stated[name] = v
			}
			continue
		}
		im.rollupChild = ""
		if name, ok := childOf[i]; ok {
			im.rollupChild = name
		}
		if label, ok := plan.labels[i]; ok {
			c[FAccount] = label
			if im.lineAccount != nil {
				// A line of the one account's plan (a product's row):
				// its figures add to the account's.
				c[FAccount] = im.lineAccount.Name
				im.rowNotes = ""
			}
			blank = false
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
		// A report's footer below the list (its title, copyright and
		// "generated by" lines, one cell each after a blank row) ends it.
		if i == footer {
			n := 0
			for _, rest := range t.Rows[header+1+i:] {
				if !blankRow(rest) {
					n++
				}
			}
			im.res.Skipped += n
			im.res.Notes = append(im.res.Notes, fmt.Sprintf("Sheet %s: the list ends at row %d; the %d lines below it, one cell each (a report's title, copyright or \"generated by\" lines), are not records.", t.Name, row-1, n))
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
		// A header repeated inside the list (a board exported group by
		// group) is no record.
		if sameCells(r, t.Rows[header]) {
			im.res.Skipped++
			repeats = append(repeats, row)
			continue
		}
		// A section row (a phase's name alone between tasks, or a row
		// of a matrix with no codes) heads the rows below it.
		if name, ok := sectionName(r, fields, kind, typical, roles != nil); ok {
			section = name
			sections = append(sections, row)
			im.res.Skipped++
			continue
		}
		if section == "" && len(sections) == 0 && firstSection != "" {
			section = firstSection
		}
		if section != "" {
			notes = append([]string{"Section: " + section}, notes...)
		}
		if roles != nil {
			owner, parts := raciParts(r, fields, m.Headers, roles)
			im.rowOwner = owner
			if parts != "" {
				notes = append(notes, strings.Split(parts, "\n")...)
			}
		}
		im.rowSheet, im.rowNum = t.Name, row
		im.rowNotes = strings.Join(notes, "\n")
		im.rowPeriods = periods
		if roles == nil {
			im.rowOwner = nil
		}
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
	if len(repeats) > 0 {
		im.res.Notes = append(im.res.Notes, fmt.Sprintf("Sheet %s: the header is repeated on rows %s; those rows are not records.", t.Name, joinInts(repeats, 10)))
	}
	if len(sections) > 0 {
		im.res.Notes = append(im.res.Notes, fmt.Sprintf("Sheet %s: %d rows name a section and head the rows below them (rows %s); they are not records, and each record notes its section.",
			t.Name, len(sections), joinInts(sections, 10)))
	}
	if im.rollups != nil {
		im.rollupNotes(t.Name, rollups)
		im.rollups = nil
	}
	if kind == KindStakeholders {
		im.resolveManagers(t, header, fields)
	}
	if kind == KindAccounts && len(im.personRows) > 0 {
		im.companyPeople()
	}
	return nil
}

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
