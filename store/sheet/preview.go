package sheet

import (
	"fmt"
	"strings"

	"orchard/model"
)

// PreviewTable lays out the preview rows of one sheet as a table: the
// spreadsheet row, what will happen to it, any problem in it, then the
// record's fields as
// Orchard will store them, with names in place of links.
func (r *Result) PreviewTable(p *model.Portfolio, sheet string, kind Kind) (headers []string, rows [][]string) {
	pending := map[string]model.Entity{}
	for _, e := range r.Records {
		pending[model.PendingKey(e.Kind(), e.EntityID())] = e
	}
	get := func(k model.Kind, id string) model.Entity {
		if e, ok := pending[model.PendingKey(k, id)]; ok {
			return e
		}
		if id == "" {
			return nil
		}
		return p.Get(k, id)
	}
	name := func(k model.Kind, id string) string {
		switch v := get(k, id).(type) {
		case *model.Account:
			return v.Name
		case *model.Stakeholder:
			return v.Name
		case *model.TeamMember:
			return v.Name
		}
		return ""
	}
	date := isoDate
	headers = []string{"Row", "Will be", "Problem"}
	switch kind {
	case KindAccounts:
		headers = append(headers, "Account", "Industry", "Region", "Owner", "Revenue", "Margin %", "Potential", "Notes")
	case KindStakeholders:
		headers = append(headers, "Account", "Name", "Title", "Department", "Reports to", "Buying role", "Influence", "Attitude", "Notes")
	case KindTeam:
		headers = append(headers, "Name", "Title", "Email")
	case KindOpportunities:
		headers = append(headers, "Account", "Opportunity", "Offering", "Value", "Stage", "Probability %", "Expected close")
	case KindActions:
		headers = append(headers, "Account", "Action", "Owner", "Status", "Due", "Customer agreed", "Notes")
	case KindRevenue:
		headers = append(headers, "Account", "Period", "Target or actual", "Revenue", "Margin")
	}
	for _, pr := range r.Preview {
		if pr.Sheet != sheet {
			continue
		}
		row := []string{fmt.Sprint(pr.Row), pr.Outcome, strings.Join(pr.Problems, "; ")}
		switch v := pr.Record.(type) {
		case *model.Account:
			row = append(row, v.Name, v.Industry, v.Region, v.Owner, v.Revenue.Format(v.Currency), fmt.Sprintf("%g", v.MarginPct),
				v.Potential.Format(v.Currency), oneLine(v.Notes))
		case *model.Stakeholder:
			row = append(row, name(model.KindAccount, v.AccountID), v.Name, v.Title, v.Department, name(model.KindStakeholder, v.ReportsTo),
				string(v.Role), v.Influence.String(), v.Attitude.String(), oneLine(v.Notes))
		case *model.TeamMember:
			row = append(row, v.Name, v.Title, v.Email)
		case *model.Opportunity:
			row = append(row, name(model.KindAccount, v.AccountID), v.Name, v.Offering, v.Value.Format(v.Currency), v.Stage,
				fmt.Sprint(v.Probability), date(v.ExpectedClose))
		case *model.Action:
			agreed := "no"
			if v.CustomerAgreed {
				agreed = "yes"
			}
			row = append(row, name(model.KindAccount, v.AccountID), v.Title, name(model.KindTeamMember, v.OwnerID), v.Status.Label(),
				date(v.Due), agreed, oneLine(v.Notes))
		case *model.PeriodFigure:
			cur := ""
			if a, ok := get(model.KindAccount, v.AccountID).(*model.Account); ok {
				cur = a.Currency
			}
			row = append(row, name(model.KindAccount, v.AccountID), v.Period, string(v.FigureKind), v.Revenue.Format(cur), v.Margin.Format(cur))
		}
		for len(row) < len(headers) {
			row = append(row, "")
		}
		rows = append(rows, row)
	}
	return headers, rows
}

func oneLine(s string) string { return strings.ReplaceAll(s, "\n", " · ") }
