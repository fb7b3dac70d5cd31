package sheet

import (
	"fmt"
	"math"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"orchard/model"
)

// Plans as people lay them out: a row per account under group rows that
// sum them, subtotal rows below the rows they add up, a grand total, a
// total column beside the months, periods written as dates, and headers in
// a language Orchard has no words for. Each figure lands once: the sums are
// recognised by their values and left out, with a note naming their rows.

// unlabelledKind says whether figures the headers do not call target or
// actual are targets: a file or sheet named as a plan, budget or forecast
// holds targets, unless its name also speaks of actuals.
func unlabelledKind(file, sheet string) model.FigureKind {
	words := strings.FieldsFunc(strings.ToLower(strings.TrimSuffix(filepath.Base(file), filepath.Ext(file))+" "+sheet), func(r rune) bool {
		return !unicode.IsLetter(r)
	})
	target, actual := false, false
	for _, w := range words {
		switch {
		case planNameWords[w]:
			target = true
		case w == "actual" || w == "actuals" || w == "ist" || w == "achieved" || w == "realised" || w == "realized":
			actual = true
		}
	}
	if target && !actual {
		return model.FigureTarget
	}
	return model.FigureActual
}

// planNameWords name a plan in file and sheet names, in the languages
// Orchard reads.
var planNameWords = map[string]bool{"plan": true, "plans": true, "planning": true, "budget": true, "budgets": true,
	"target": true, "targets": true, "forecast": true, "quota": true, "quotas": true, "goals": true, "soll": true,
	"planung": true, "objectif": true, "objectifs": true, "previsionnel": true, "doel": true, "doelen": true,
	"presupuesto": true, "objetivo": true, "objetivos": true, "obiettivo": true, "obiettivi": true, "piano": true,
	"meta": true, "metas": true, "orcamento": true, "orçamento": true, "planu": true, "cel": true, "cele": true, "budżet": true,
	"kế": true, "hoạch": true}

// periodDayFirst decides how a column of periods written as dates is read:
// a month's figures are dated on one day of each month, so the part that
// stays the same is the day ("1/1/2022", "2/1/2022", … are January, then
// February). Otherwise the dates decide as any date column does.
func periodDayFirst(vals []string) bool {
	first, second := map[int]bool{}, map[int]bool{}
	for _, v := range vals {
		parts := strings.FieldsFunc(strings.TrimSpace(v), func(r rune) bool { return r == '/' || r == '.' || r == '-' })
		if len(parts) != 3 || len(parts[0]) > 2 || len(parts[1]) > 2 {
			continue
		}
		a, err1 := strconv.Atoi(parts[0])
		b, err2 := strconv.Atoi(parts[1])
		if err1 != nil || err2 != nil {
			continue
		}
		first[a], second[b] = true, true
	}
	switch {
	case len(first) == 1 && len(second) > 1:
		return true
	case len(second) == 1 && len(first) > 1:
		return false
	}
	dayFirst, _ := dayFirstColumn(vals)
	return dayFirst
}

// looksLikePeriodValue accepts what a column of periods holds: a year, a
// quarter, a month, or a date on the first of a month.
func looksLikePeriodValue(v string) bool {
	v = strings.TrimSpace(v)
	if v == "" || !strings.ContainsAny(v, "0123456789") {
		return false // every period form has its year in digits
	}
	if n, err := strconv.Atoi(v); err == nil {
		return n >= 1990 && n <= 2100
	}
	if _, err := strconv.ParseFloat(v, 64); err == nil {
		return false // a date serial is as likely an amount
	}
	w := strings.ToLower(v)
	if yearQuarter.MatchString(w) || quarterYear.MatchString(w) || yearMonth.MatchString(w) || monthYear.MatchString(w) {
		return true
	}
	if namedMonth.MatchString(w) || namedMonthYY.MatchString(w) {
		_, err := parsePeriod(v)
		return err == nil
	}
	for _, dayFirst := range []bool{true, false} {
		if d, err := parseDateCell(v, dayFirst); err == nil && d.Day() == 1 {
			return true
		}
	}
	return false
}

// looksLikeAmount accepts a plain or formatted number that is not a
// period.
func looksLikeAmount(v string) bool {
	v = strings.TrimSpace(v)
	if v == "" || looksLikePeriodValue(v) {
		return false
	}
	_, err := parseAmount(v)
	return err == nil
}

// inferFigures reads a sheet whose headers name no period as revenue
// figures when its values say so: a column of periods, a column of amounts
// after it, and a column of names for the accounts (the one with the most
// distinct names, the most particular of several). It returns the fields
// and how strong the case is; 0 when the values do not make one.
func inferFigures(fields []Field, shapes []columnShape) ([]Field, float64) {
	pcol := -1
	for j, s := range shapes {
		if s.filled >= 3 && s.periods >= 0.9 && (j >= len(fields) || fields[j] == "" || fields[j] == FToNotes || fields[j] == FPeriod) {
			pcol = j
			break
		}
	}
	if pcol < 0 {
		return fields, 0
	}
	out := make([]Field, max(len(fields), len(shapes)))
	copy(out, fields)
	out[pcol] = FPeriod
	amountAt := -1
	for j := pcol + 1; j < len(shapes); j++ {
		if shapes[j].filled >= 3 && shapes[j].amounts >= 0.9 && (out[j] == "" || out[j] == FRevenue || out[j] == FAmount || out[j] == FTarget || out[j] == FActual) {
			amountAt = j
			break
		}
	}
	if amountAt < 0 {
		return fields, 0
	}
	if out[amountAt] == "" {
		out[amountAt] = FAmount
	}
	hasAccount := false
	for _, f := range out {
		hasAccount = hasAccount || f == FAccount
	}
	if !hasAccount {
		best, bestUnique := -1, 0.0
		for j, s := range shapes {
			if j == pcol || j == amountAt || out[j] != "" || s.filled < 3 || s.amounts > 0.5 || s.periods > 0.5 {
				continue
			}
			if s.unique > bestUnique {
				best, bestUnique = j, s.unique
			}
		}
		if best >= 0 {
			out[best] = FAccount
		}
	}
	return out, 6
}

// planRow is one data row of a wide revenue sheet, as the search for sums
// sees it.
type planRow struct {
	level  int // the first label column that is filled; -1 when none is
	label  string
	vals   []float64
	usable bool // every period cell is empty or an amount, and one is not zero
	sum    bool // a subtotal or total, found so far
}

// planLayout is what the search for sums found in a wide revenue sheet.
type planLayout struct {
	labels map[int]string  // data row -> the account it is about, from its label columns
	skip   map[int]planSum // data row -> the rows it adds up
}

// planSum is a row left out of a plan because it adds up other rows (or,
// with no figures, heads them).
type planSum struct {
	first, last int // data rows it adds up
	heading     bool
}

// layoutPlan looks at a wide revenue sheet's data rows: which label each
// row carries (when no column is the account's, the text before the
// periods is), and which rows are sums of others — a group row whose
// figures are those of the rows below it, a subtotal below the rows it
// adds up, a grand total.
func (im *importer) layoutPlan(data [][]string, fields []Field) planLayout {
	out := planLayout{labels: map[int]string{}, skip: map[int]planSum{}}
	var periods, labels []int
	hasAccount := false
	for j, f := range fields {
		switch f {
		case FPeriodActual, FPeriodTarget:
			periods = append(periods, j)
		case FAccount:
			hasAccount = true
		}
	}
	if len(periods) == 0 {
		return out
	}
	if !hasAccount {
		for j := 0; j < periods[0]; j++ {
			if fields[j] == "" {
				labels = append(labels, j)
			}
		}
	}
	rows := make([]planRow, len(data))
	outline := false
	for i, r := range data {
		pr := planRow{level: -1, usable: true}
		for _, j := range labels {
			if j < len(r) && !isEmpty(r[j]) && !looksLikeAmount(r[j]) {
				if pr.level < 0 {
					pr.level = j
				}
				pr.label = strings.TrimSpace(r[j])
			}
		}
		nonzero := false
		for _, j := range periods {
			v := 0.0
			if j < len(r) && !isEmpty(r[j]) {
				x, err := im.amount(r[j])
				if err != nil {
					pr.usable = false
				}
				v = x
			}
			nonzero = nonzero || v != 0
			pr.vals = append(pr.vals, v)
		}
		pr.usable = pr.usable && nonzero
		rows[i] = pr
		if i > 0 && pr.level >= 0 && rows[i-1].level >= 0 && pr.level != rows[i-1].level {
			outline = true
		}
	}
	// Labels spread over several columns, one filled per row, form an
	// outline: a row labelled further left heads the rows below it.
	for i, pr := range rows {
		if pr.label != "" {
			out.labels[i] = pr.label
		}
	}
	// Group rows above their rows, inner groups first (from the bottom).
	for i := len(rows) - 1; i >= 0; i-- {
		pr := &rows[i]
		if !pr.usable {
			continue
		}
		inOutline := outline && pr.level >= 0
		k := sumRun(rows, i, +1,
			func(c planRow) bool { return inOutline && c.level >= 0 && c.level <= pr.level }, // the next group at its depth
			func(n int, c planRow) bool { return n >= 2 || inOutline && c.level > pr.level })
		if k >= 0 {
			pr.sum = true
			out.skip[i] = planSum{first: i + 1, last: k}
		}
	}
	// Subtotals below their rows, and grand totals: the sum of every row
	// above that is not itself a sum, however many there are.
	total := make([]float64, len(periods))
	counted := 0
	for i := range rows {
		pr := &rows[i]
		if pr.usable && !pr.sum {
			if k := sumRun(rows, i, -1, func(planRow) bool { return false }, func(n int, _ planRow) bool { return n >= 2 }); k >= 0 {
				pr.sum = true
				out.skip[i] = planSum{first: k, last: i - 1}
			} else if counted >= 2 && sameFigures(pr.vals, total) {
				pr.sum = true
				out.skip[i] = planSum{first: 0, last: i - 1}
			}
		}
		if !pr.sum {
			for m := range total {
				total[m] += pr.vals[m]
			}
			counted++
		}
	}
	// In an outline, a row with no figures heading deeper rows is a
	// section title, not an account.
	for i, pr := range rows {
		if outline && pr.level >= 0 && !pr.sum && blankVals(pr.vals) && i+1 < len(rows) && rows[i+1].level > pr.level {
			out.skip[i] = planSum{first: i + 1, last: i + 1, heading: true}
		}
	}
	for i := range out.skip {
		delete(out.labels, i)
	}
	return out
}

// sumRun walks from row i, downwards (dir +1) or upwards (-1), adding up
// the rows that are neither sums nor blank, and returns the row at which
// they add up to row i's figures, or -1. The walk ends at a row stop
// accepts, at a row whose figures cannot be read, or after 500 rows; enough
// says whether the rows added so far (n, the last being c) may make a sum.
func sumRun(rows []planRow, i, dir int, stop func(c planRow) bool, enough func(n int, c planRow) bool) int {
	acc := make([]float64, len(rows[i].vals))
	n := 0
	for k := i + dir; k >= 0 && k < len(rows) && (k-i)*dir <= 500; k += dir {
		c := rows[k]
		if stop(c) {
			break
		}
		if c.sum || blankVals(c.vals) {
			continue
		}
		if !c.usable {
			break
		}
		for m := range acc {
			acc[m] += c.vals[m]
		}
		n++
		if enough(n, c) && sameFigures(rows[i].vals, acc) {
			return k
		}
	}
	return -1
}

// sameFigures compares two rows of amounts, allowing for the rounding of
// figures shown without their cents.
func sameFigures(a, b []float64) bool {
	for k := range a {
		if math.Abs(a[k]-b[k]) > 0.5+1e-9*math.Abs(a[k]) {
			return false
		}
	}
	return true
}

func blankVals(v []float64) bool {
	for _, x := range v {
		if x != 0 {
			return false
		}
	}
	return true
}

// totalColumns leaves out the period columns that add up others: a year
// beside that year's months or quarters, a quarter beside its months (a
// plan for the quarter beside the months' actuals is no sum). It
// returns the fields with those columns cleared and a note per column.
func totalColumns(sheet string, headers []string, fields []Field) ([]Field, []string) {
	type col struct {
		j      int
		period string
		kind   model.FigureKind
	}
	var cols []col
	for j, f := range fields {
		if f != FPeriodActual && f != FPeriodTarget {
			continue
		}
		if p, k, ok := periodHeader(headers[j]); ok {
			cols = append(cols, col{j, p, k})
		}
	}
	out := append([]Field(nil), fields...)
	var notes []string
	for _, c := range cols {
		for _, d := range cols {
			if d.j != c.j && d.kind == c.kind && len(d.period) > len(c.period) && periodContains(c.period, d.period) {
				out[c.j] = ""
				notes = append(notes, fmt.Sprintf("Sheet %s: column %s (%s) adds up the periods within it; it is left out so that nothing is counted twice.",
					sheet, columnName(c.j), headers[c.j]))
				break
			}
		}
	}
	return out, notes
}

// periodContains says whether period outer ("2026", "2026-Q1") holds
// period inner ("2026-03").
func periodContains(outer, inner string) bool {
	if !strings.HasPrefix(inner, outer[:4]) {
		return false
	}
	if len(outer) == 4 {
		return true
	}
	if q, ok := strings.CutPrefix(outer[4:], "-Q"); ok && len(inner) == 7 && inner[5] != 'Q' {
		m, _ := strconv.Atoi(inner[5:])
		n, _ := strconv.Atoi(q)
		return (m-1)/3+1 == n
	}
	return false
}

// planNotes says which rows of a plan were left out as sums or headings.
func (im *importer) planNotes(sheet string, header int, plan planLayout) {
	rowOf := func(i int) int { return header + i + 2 }
	var sums, headings []int
	for i, s := range plan.skip {
		if s.heading {
			headings = append(headings, rowOf(i))
		} else {
			sums = append(sums, rowOf(i))
		}
	}
	slices.Sort(sums)
	slices.Sort(headings)
	if len(sums) > 0 {
		var parts []string
		for _, r := range sums[:min(len(sums), 6)] {
			s := plan.skip[r-header-2]
			parts = append(parts, fmt.Sprintf("row %d adds up rows %d–%d", r, rowOf(s.first), rowOf(s.last)))
		}
		more := ""
		if len(sums) > 6 {
			more = fmt.Sprintf("; and %d more", len(sums)-6)
		}
		im.res.Notes = append(im.res.Notes, fmt.Sprintf("Sheet %s: %d subtotal and total rows are left out, their figures being the sums of other rows (%s%s).",
			sheet, len(sums), strings.Join(parts, "; "), more))
	}
	if len(headings) > 0 {
		im.res.Notes = append(im.res.Notes, fmt.Sprintf("Sheet %s: %d rows head a group of rows and hold no figures of their own (empty or zero); they are not accounts (rows %s).",
			sheet, len(headings), joinInts(headings, 10)))
	}
}
