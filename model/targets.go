package model

import (
	"sort"
	"strconv"
	"strings"
)

// MemberTargetRow is a team member's own target for one period against
// what the accounts they own brought in that period.
type MemberTargetRow struct {
	Period    string
	Target    Money // in the workspace's base currency
	Actual    Money // the owned accounts' actuals, converted to the base currency
	HasActual bool
	LeftOut   int // owned accounts' actuals left out for want of an exchange rate
}

// MemberTargetRows lists a team member's targets, oldest first, each beside
// the actual revenue of the accounts they own (by name, as Owner) in that
// period: the figures of the period itself or of the months or quarters
// within it.
func (p *Portfolio) MemberTargetRows(memberID string) []MemberTargetRow {
	m, ok := p.Get(KindTeamMember, memberID).(*TeamMember)
	if !ok {
		return nil
	}
	rates := p.Settings.Rates
	var owned []*Account
	for _, a := range p.Accounts() {
		if strings.EqualFold(strings.TrimSpace(a.Owner), strings.TrimSpace(m.Name)) {
			owned = append(owned, a)
		}
	}
	var out []MemberTargetRow
	for _, t := range p.MemberTargets(memberID) {
		row := MemberTargetRow{Period: t.Period, Target: t.Revenue}
		for _, a := range owned {
			for _, e := range p.OfAccount(KindFigure, a.ID) {
				f := e.(*PeriodFigure)
				if f.FigureKind != FigureActual || !PeriodWithin(f.Period, t.Period) {
					continue
				}
				r, ok := rates.Between(a.Currency, rates.Base)
				if !ok {
					row.LeftOut++
					continue
				}
				row.Actual += MoneyFromMajor(f.Revenue.Major() * r)
				row.HasActual = true
			}
		}
		out = append(out, row)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Period < out[j].Period })
	return out
}

// PeriodWithin reports whether period p ("2026", "2026-Q1" or "2026-03")
// lies within period of ("2026-03" is within 2026-Q1 and 2026).
func PeriodWithin(p, of string) bool {
	if p == of {
		return true
	}
	if len(p) < 4 || len(of) < 4 || p[:4] != of[:4] {
		return false
	}
	switch {
	case len(of) == 4: // a year holds its quarters and months
		return true
	case strings.Contains(of, "-Q") && len(p) == 7 && !strings.Contains(p, "-Q"):
		q, _ := strconv.Atoi(of[6:])
		mo, _ := strconv.Atoi(p[5:])
		return (mo-1)/3+1 == q
	}
	return false
}
