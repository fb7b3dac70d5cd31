// Package sheet moves workspace content to and from spreadsheets.
package sheet

import (
	"fmt"
	"sort"
	"time"

	"github.com/xuri/excelize/v2"

	"orchard/model"
)

// exportSheet is one sheet of the workbook: a header row and a row per record.
type exportSheet struct {
	name    string
	headers []string
	rows    [][]any
}

// ExportWorkbookSafe writes the portfolio as a workbook to read in a
// meeting, one sheet per kind of record, with names instead of internal
// IDs; customer-safe leaves out attitudes, concerns and lessons, which are
// for our side only. ExportWorkspace writes the complete workbook that
// imports back.
func ExportWorkbookSafe(p *model.Portfolio, path string, customerSafe bool) error {
	f := excelize.NewFile(withTempDir(excelize.Options{}))
	defer f.Close()
	sheets := buildSheets(p)
	if customerSafe {
		// Only what model.CustomerView lets a customer see: none of our
		// assessments, and no sheet of records they do not get.
		drop := map[string]bool{"Attitude": true, "Concerns": true, "Lesson": true, "Buying role": true, "Influence": true,
			"Margin %": true, "Potential": true, "Outlook": true, "Priority": true, "Probability %": true, "Margin": true,
			"Objective": true}
		for _, q := range model.Questions {
			drop[q.Text] = true
		}
		if p.Count(model.KindFigure) == 0 {
			drop["Revenue"], drop["Previous revenue"] = true, true
		}
		sheets = withoutColumns(sheets, drop)
		var kept []exportSheet
		for _, s := range sheets {
			if len(s.rows) > 0 {
				kept = append(kept, s)
			}
		}
		sheets = kept
	}
	for i, s := range sheets {
		if i == 0 {
			if err := f.SetSheetName("Sheet1", s.name); err != nil {
				return fmt.Errorf("exporting %s: %w", path, err)
			}
		} else if _, err := f.NewSheet(s.name); err != nil {
			return fmt.Errorf("exporting %s: %w", path, err)
		}
		if err := writeSheet(f, s); err != nil {
			return fmt.Errorf("exporting %s, sheet %s: %w", path, s.name, err)
		}
	}
	if err := saveWorkbook(f, path); err != nil {
		return fmt.Errorf("exporting %s: %w", path, err)
	}
	return nil
}

func writeSheet(f *excelize.File, s exportSheet) error {
	sw, err := f.NewStreamWriter(s.name)
	if err != nil {
		return err
	}
	header := make([]any, len(s.headers))
	for i, h := range s.headers {
		header[i] = excelize.Cell{Value: h}
	}
	if err := sw.SetRow("A1", header); err != nil {
		return err
	}
	for i, r := range s.rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+2)
		if err := sw.SetRow(cell, r); err != nil {
			return err
		}
	}
	return sw.Flush()
}

func buildSheets(p *model.Portfolio) []exportSheet {
	accountName := func(id string) string {
		if a := p.Account(id); a != nil {
			return a.Name
		}
		return ""
	}
	personName := func(id string) string {
		if s, ok := p.Get(model.KindStakeholder, id).(*model.Stakeholder); ok {
			return s.Name
		}
		return ""
	}
	memberName := func(id string) string {
		if m, ok := p.Get(model.KindTeamMember, id).(*model.TeamMember); ok {
			return m.Name
		}
		return ""
	}
	goalTitle := func(id string) string {
		if g, ok := p.Get(model.KindGoal, id).(*model.Goal); ok {
			return g.Title
		}
		return ""
	}
	date := isoDate

	accounts := exportSheet{name: "Accounts", headers: []string{"Account", "Industry", "Region", "Owner", "Currency",
		"Revenue", "Previous revenue", "Margin %", "Potential", "Outlook", "Objective", "Priority"}}
	for _, q := range model.Questions {
		accounts.headers = append(accounts.headers, q.Text)
	}
	for _, a := range p.Accounts() {
		row := []any{a.Name, a.Industry, a.Region, a.Owner, a.Currency, a.Revenue.Major(), a.PrevRevenue.Major(),
			a.MarginPct, a.Potential.Major(), string(a.Outlook), a.Objective.Label(), a.EffectivePriority(p.Settings.Weights).String()}
		for _, v := range a.Answers {
			if v == 0 {
				row = append(row, "")
			} else {
				row = append(row, v)
			}
		}
		accounts.rows = append(accounts.rows, row)
	}

	people := exportSheet{name: "Stakeholders", headers: []string{"Account", "Name", "Title", "Department", "Reports to",
		"Dotted line to", "Buying role", "Influence", "Attitude", "Concerns", "Last contact"}}
	for _, e := range sorted(p, model.KindStakeholder) {
		s := e.(*model.Stakeholder)
		people.rows = append(people.rows, []any{accountName(s.AccountID), s.Name, s.Title, s.Department,
			personName(s.ReportsTo), personName(s.DottedLine), string(s.Role), s.Influence.String(), s.Attitude.String(),
			s.Concerns, date(s.LastContact)})
	}

	team := exportSheet{name: "Team", headers: []string{"Name", "Function", "Title", "Email"}}
	for _, m := range p.TeamMembers() {
		team.rows = append(team.rows, []any{m.Name, string(m.Function), m.Title, m.Email})
	}

	actions := exportSheet{name: "Actions", headers: []string{"Account", "Action", "Owner", "Status", "Due", "Horizon",
		"Goal", "Customer agreed", "Expected impact", "Actual impact", "Lesson"}}
	for _, e := range sorted(p, model.KindAction) {
		a := e.(*model.Action)
		actions.rows = append(actions.rows, []any{accountName(a.AccountID), a.Title, memberName(a.OwnerID), a.Status.Label(),
			date(a.Due), a.Horizon.Label(), goalTitle(a.GoalID), a.CustomerAgreed, a.ExpectedImpact.Major(),
			a.ActualImpact.Major(), a.Lesson})
	}

	opps := exportSheet{name: "Opportunities", headers: []string{"Account", "Opportunity", "Offering", "Business unit",
		"Value", "Currency", "Stage", "Probability %", "Expected close", "Goal"}}
	for _, e := range sorted(p, model.KindOpportunity) {
		o := e.(*model.Opportunity)
		opps.rows = append(opps.rows, []any{accountName(o.AccountID), o.Name, o.Offering, o.BusinessUnit, o.Value.Major(),
			o.Currency, o.Stage, o.Probability, date(o.ExpectedClose), goalTitle(o.GoalID)})
	}

	figures := exportSheet{name: "Revenue", headers: []string{"Account", "Period", "Kind", "Revenue", "Margin"}}
	targets := exportSheet{name: "Team targets", headers: []string{"Team member", "Period", "Target", "Currency"}}
	for _, e := range sorted(p, model.KindFigure) {
		f := e.(*model.PeriodFigure)
		if f.MemberID != "" { // a seller's own target, in the base currency
			if m, ok := p.Get(model.KindTeamMember, f.MemberID).(*model.TeamMember); ok {
				targets.rows = append(targets.rows, []any{m.Name, f.Period, f.Revenue.Major(), p.Settings.Rates.Base})
			}
			continue
		}
		figures.rows = append(figures.rows, []any{accountName(f.AccountID), f.Period, string(f.FigureKind), f.Revenue.Major(), f.Margin.Major()})
	}
	if len(targets.rows) > 0 {
		return []exportSheet{accounts, people, team, actions, opps, figures, targets}
	}
	return []exportSheet{accounts, people, team, actions, opps, figures}
}

// isoDate writes a date as 2026-11-23, or nothing when it is unset.
func isoDate(d time.Time) string {
	if d.IsZero() {
		return ""
	}
	return d.Format("2006-01-02")
}

// sorted returns records of a kind ordered by account name, then by how a
// person would list them, so exports are stable and readable.
func sorted(p *model.Portfolio, k model.Kind) []model.Entity {
	all := p.All(k)
	key := func(e model.Entity) string {
		acc := ""
		if a := p.Account(model.AccountOf(e)); a != nil {
			acc = a.Name
		}
		switch v := e.(type) {
		case *model.Stakeholder:
			return acc + "\x00" + v.Name
		case *model.Action:
			return fmt.Sprintf("%s\x00%s\x00%012.3f", acc, v.Status, v.Order)
		case *model.Opportunity:
			return acc + "\x00" + v.Name
		case *model.PeriodFigure:
			return acc + "\x00" + v.Period + "\x00" + string(v.FigureKind)
		}
		return acc
	}
	sort.SliceStable(all, func(i, j int) bool { return key(all[i]) < key(all[j]) })
	return all
}

// withoutColumns drops the named columns from every sheet.
func withoutColumns(sheets []exportSheet, drop map[string]bool) []exportSheet {
	for i, s := range sheets {
		var keep []int
		var headers []string
		for j, h := range s.headers {
			if !drop[h] {
				keep = append(keep, j)
				headers = append(headers, h)
			}
		}
		rows := make([][]any, len(s.rows))
		for r, row := range s.rows {
			for _, j := range keep {
				rows[r] = append(rows[r], row[j])
			}
		}
		sheets[i] = exportSheet{name: s.name, headers: headers, rows: rows}
	}
	return sheets
}
