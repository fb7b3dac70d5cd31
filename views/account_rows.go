package views

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"orchard/model"
)

// accountColumn is one column of the account list.
type accountColumn struct {
	title string
	width float32
	text  func(r *accountRow) string
	less  func(a, b *accountRow) bool
}

// accountRow is an account with what the list shows of it, computed once
// per refresh rather than per drawn cell.
type accountRow struct {
	acc    *model.Account
	eval   model.Assessment
	health model.Health
}

func scoreText(v float64, ok bool) string {
	if !ok {
		return "–"
	}
	return fmt.Sprintf("%.0f", v)
}

func priorityText(ev model.Assessment) string {
	if ev.Overridden {
		return ev.Priority.String() + " (set)"
	}
	return ev.Priority.String()
}

func lowerLess(a, b string) bool { return strings.ToLower(a) < strings.ToLower(b) }

var accountColumns = []accountColumn{
	{"Name", 220, func(r *accountRow) string { return r.acc.Name }, func(a, b *accountRow) bool { return lowerLess(a.acc.Name, b.acc.Name) }},
	{"Owner", 120, func(r *accountRow) string { return r.acc.Owner }, func(a, b *accountRow) bool { return lowerLess(a.acc.Owner, b.acc.Owner) }},
	{"Industry", 140, func(r *accountRow) string { return r.acc.Industry }, func(a, b *accountRow) bool { return lowerLess(a.acc.Industry, b.acc.Industry) }},
	{"Objective", 170, func(r *accountRow) string { return r.acc.Objective.Label() }, func(a, b *accountRow) bool { return a.acc.Objective.Label() < b.acc.Objective.Label() }},
	{"Revenue", 130, func(r *accountRow) string { return r.acc.Revenue.Format(r.acc.Currency) }, func(a, b *accountRow) bool { return a.acc.Revenue < b.acc.Revenue }},
	{"Potential", 130, func(r *accountRow) string { return r.acc.Potential.Format(r.acc.Currency) }, func(a, b *accountRow) bool { return a.acc.Potential < b.acc.Potential }},
	{"Relationship", 100, func(r *accountRow) string { return scoreText(r.eval.Relationship, r.eval.HasRelationship) }, func(a, b *accountRow) bool {
		return scoreKey(a.eval.Relationship, a.eval.HasRelationship) < scoreKey(b.eval.Relationship, b.eval.HasRelationship)
	}},
	{"Value", 70, func(r *accountRow) string { return scoreText(r.eval.Value, r.eval.HasValue) }, func(a, b *accountRow) bool {
		return scoreKey(a.eval.Value, a.eval.HasValue) < scoreKey(b.eval.Value, b.eval.HasValue)
	}},
	{"Quadrant", 190, func(r *accountRow) string { return r.eval.Quadrant.String() }, func(a, b *accountRow) bool { return a.eval.Quadrant < b.eval.Quadrant }},
	{"Priority", 110, func(r *accountRow) string { return priorityText(r.eval) }, func(a, b *accountRow) bool { return priorityKey(a.eval.Priority) < priorityKey(b.eval.Priority) }},
	{"Health", 90, healthText, func(a, b *accountRow) bool { return a.health.Score < b.health.Score }},
}

// healthText shows the score and, not by colour alone, whether it is at risk.
func healthText(r *accountRow) string {
	if r.health.Unassessed {
		return "not assessed"
	}
	if r.health.AtRisk {
		return fmt.Sprintf("%.0f ⚠ risk", r.health.Score)
	}
	return fmt.Sprintf("%.0f", r.health.Score)
}

func scoreKey(v float64, ok bool) float64 {
	if !ok {
		return -1
	}
	return v
}

// priorityKey sorts unprioritised accounts after Fourth.
func priorityKey(p model.Priority) int {
	if p == model.PriorityNone {
		return 99
	}
	return int(p)
}

// accountQuery is what the list shows: a filter and a sort.
type accountQuery struct {
	text       string
	owner      string // "" for all
	industry   string
	priority   model.Priority // PriorityNone for all; see priorityFilter
	unassessed bool           // only accounts without a priority
	sortColumn int
	descending bool
}

// buildRows filters and sorts the accounts for the list.
// It stops, returning nil, when ctx is cancelled.
func buildRows(ctx context.Context, accounts []*model.Account, w model.Weights, health map[string]model.Health, q accountQuery) []*accountRow {
	needle := strings.ToLower(strings.TrimSpace(q.text))
	rows := make([]*accountRow, 0, len(accounts))
	for i, a := range accounts {
		if i%1024 == 1023 && ctx.Err() != nil {
			return nil
		}
		if q.owner != "" && a.Owner != q.owner || q.industry != "" && a.Industry != q.industry {
			continue
		}
		ev := a.Assess(w)
		if q.priority != model.PriorityNone && ev.Priority != q.priority || q.unassessed && ev.Priority != model.PriorityNone {
			continue
		}
		if needle != "" && !strings.Contains(strings.ToLower(a.Name+"\x00"+a.Owner+"\x00"+a.Industry+"\x00"+a.Region), needle) {
			continue
		}
		rows = append(rows, &accountRow{acc: a, eval: ev, health: health[a.ID]})
	}
	return sortRows(rows, q)
}

// sortRows orders rows by the query's column; ties keep their order.
func sortRows(rows []*accountRow, q accountQuery) []*accountRow {
	col := accountColumns[q.sortColumn]
	sort.SliceStable(rows, func(i, j int) bool {
		if q.descending {
			return col.less(rows[j], rows[i])
		}
		return col.less(rows[i], rows[j])
	})
	return rows
}
