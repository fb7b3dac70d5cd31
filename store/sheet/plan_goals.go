package sheet

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"orchard/model"
)

// Revenue goals: targets kept per person, and goals that roll up from
// product lines and subtotals.

// personGoalWords name a column of the people goals belong to.
var personGoalWords = []string{"owner", "seller", "salesperson", "salesrep", "rep", "assignedto", "user", "employee",
	"mitarbeiter", "verkaufer", "vendedor", "commerciale", "vendeur", "handlowiec", "responsavel"}

// personGoals recognises a revenue sheet of goals per person (a CRM's
// sales goals, a quota sheet): no column names an account, and a column of
// people's names, headed as their owner or seller, tells the rows apart.
// It returns that column: each row is then a team member's own target.
func personGoals(t Table, m SheetMapping) (int, bool) {
	if m.Kind != KindRevenue || m.HeaderRow == 0 || slices.Contains(m.Fields, FAccount) || slices.Contains(m.Fields, FAgent) {
		return 0, false
	}
	shapes := columnShapes(t.Rows[m.HeaderRow:], len(m.Headers))
	for j, h := range m.Headers {
		n := normalise(h)
		person := fieldOf(h) == FOwner || fieldOf(h) == FAgent
		for _, w := range personGoalWords {
			person = person || strings.HasSuffix(n, w) || strings.HasPrefix(n, w)
		}
		if !person || j >= len(shapes) || shapes[j].personNames < 0.6 || shapes[j].unique*float64(shapes[j].filled) < 2 {
			continue
		}
		return j, true
	}
	return 0, false
}

// goalRollups finds, in a sheet of goals, the rows that only add up
// others: a column (the parent goal) whose values name rows of another
// column (the goal's name). It returns, by data row index, the parent
// rows and the parent each child row names.
func goalRollups(rows [][]string) (parents map[int]string, childOf map[int]string) {
	width := 0
	for _, r := range rows {
		width = max(width, len(r))
	}
	cell := func(r []string, j int) string {
		if j < len(r) {
			return strings.TrimSpace(r[j])
		}
		return ""
	}
	for n := 0; n < width; n++ {
		names := map[string]int{}
		for i, r := range rows {
			if v := cell(r, n); v != "" {
				names[strings.ToLower(v)] = i
			}
		}
		if len(names) < 2 {
			continue
		}
		for p := 0; p < width; p++ {
			if p == n {
				continue
			}
			filled, named := 0, 0
			for _, r := range rows {
				if v := cell(r, p); v != "" {
					filled++
					if _, ok := names[strings.ToLower(v)]; ok {
						named++
					}
				}
			}
			if filled < 2 || named*10 < filled*9 {
				continue
			}
			parents, childOf = map[int]string{}, map[int]string{}
			for i, r := range rows {
				if v := cell(r, p); v != "" {
					if at, ok := names[strings.ToLower(v)]; ok {
						parents[at] = cell(rows[at], n)
						childOf[i] = cell(rows[at], n)
					}
				}
			}
			return parents, childOf
		}
	}
	return nil, nil
}

// lineWords head a plan's label column when its rows are lines of one
// account's plan rather than accounts: products, services, business units.
var lineWords = map[string]bool{"product": true, "products": true, "productline": true, "productlines": true, "offering": true,
	"offerings": true, "service": true, "services": true, "solution": true, "solutions": true, "category": true, "businessunit": true,
	"division": true, "segment": true, "portfolio": true, "line": true, "produkt": true, "produkte": true, "produktlinie": true,
	"leistung": true, "sparte": true, "geschaftsbereich": true, "produit": true, "produits": true, "gamme": true, "producto": true,
	"productos": true, "linea": true, "lineadeproducto": true, "prodotto": true, "prodotti": true, "produto": true, "produtos": true,
	"linha": true, "kategoria": true, "produkty": true, "категория": true, "продукт": true, "продукция": true}

// planLinesOf says which account a plan's rows are lines of: the one
// account the workbook describes, when the label column is headed as
// products or services and names no account Orchard knows.
func (im *importer) planLinesOf(sheet string, headers []string, fields []Field, plan planLayout) *model.Account {
	a, _ := im.describedAccount()
	if a == nil || len(plan.labels) == 0 || slices.Contains(fields, FAccount) {
		return nil
	}
	heading := ""
	for j, f := range fields {
		if f == FPeriodActual || f == FPeriodTarget {
			break
		}
		if f == "" && j < len(headers) && heading == "" {
			heading = headers[j]
		}
	}
	if !lineWords[normalise(heading)] {
		return nil
	}
	var names []string
	for i, l := range plan.labels {
		if _, sum := plan.skip[i]; !sum && !totalWords[strings.ToLower(l)] && !slices.Contains(names, l) {
			names = append(names, l)
		}
	}
	sort.Strings(names)
	im.lineFigures = map[string]bool{}
	im.res.Notes = append(im.res.Notes, fmt.Sprintf("Sheet %s: the rows are lines of %s's plan by %s (%s); their figures are added up per period.",
		sheet, a.Name, strings.ToLower(heading), strings.Join(names[:min(len(names), 6)], ", ")))
	return a
}
