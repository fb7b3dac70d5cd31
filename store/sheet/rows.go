package sheet

import (
	"context"
	"fmt"
	"slices"
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
