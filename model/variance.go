package model

import (
	"fmt"
	"sort"
	"strconv"
	"time"
)

// PeriodStart returns the first day of a period ("2026", "2026-Q2",
// "2026-03") and the first day after it.
func PeriodStart(period string) (start, end time.Time, err error) {
	if !periodPattern.MatchString(period) {
		return time.Time{}, time.Time{}, fmt.Errorf("%q is not a period (expected 2026, 2026-Q1 or 2026-03)", period)
	}
	y, _ := strconv.Atoi(period[:4])
	switch {
	case len(period) == 4:
		start = time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC)
		return start, start.AddDate(1, 0, 0), nil
	case period[5] == 'Q':
		q := int(period[6] - '0')
		start = time.Date(y, time.Month(3*(q-1)+1), 1, 0, 0, 0, 0, time.UTC)
		return start, start.AddDate(0, 3, 0), nil
	}
	m, _ := strconv.Atoi(period[5:])
	start = time.Date(y, time.Month(m), 1, 0, 0, 0, 0, time.UTC)
	return start, start.AddDate(0, 1, 0), nil
}

// PeriodRow is plan against actual for one period.
type PeriodRow struct {
	Period         string
	Target, Actual Money
	HasTarget      bool
	HasActual      bool
}

// Variance is actual minus target.
func (r PeriodRow) Variance() Money { return r.Actual - r.Target }

// VariancePct is the variance in per cent of the target; ok is false when
// there is no target to divide by.
func (r PeriodRow) VariancePct() (float64, bool) {
	if r.Target == 0 {
		return 0, false
	}
	return float64(r.Actual-r.Target) / float64(r.Target) * 100, true
}

// PlanVsActual lines up an account's revenue targets and actuals by
// period, oldest first.
func PlanVsActual(figures []*PeriodFigure) []PeriodRow {
	rows := map[string]*PeriodRow{}
	for _, f := range figures {
		r := rows[f.Period]
		if r == nil {
			r = &PeriodRow{Period: f.Period}
			rows[f.Period] = r
		}
		if f.FigureKind == FigureTarget {
			r.Target, r.HasTarget = f.Revenue, true
		} else {
			r.Actual, r.HasActual = f.Revenue, true
		}
	}
	out := make([]PeriodRow, 0, len(rows))
	for _, r := range rows {
		out = append(out, *r)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Period < out[j].Period })
	return out
}

// YearToDate adds up the periods of a cycle that have started by today and
// have an actual: what has been delivered against what was planned so far.
func YearToDate(rows []PeriodRow, c *Cycle, today time.Time) PeriodRow {
	ytd := PeriodRow{Period: "Year to date"}
	for _, r := range rows {
		start, _, err := PeriodStart(r.Period)
		if err != nil || start.After(today) || !r.HasActual {
			continue
		}
		if c != nil && (start.Before(c.Start) || start.After(c.End)) {
			continue
		}
		ytd.Target += r.Target
		ytd.Actual += r.Actual
		ytd.HasTarget = ytd.HasTarget || r.HasTarget
		ytd.HasActual = true
	}
	return ytd
}

// revenueSignals scores revenue against target this cycle and the trend of
// the last two quarters against the two before.
func revenueSignals(figures []*PeriodFigure, c *Cycle, today time.Time) (target float64, td string, trend float64, trd string) {
	rows := PlanVsActual(figures)
	ytd := YearToDate(rows, c, today)
	if pct, ok := ytd.VariancePct(); ok {
		target = -pct / 20 // 20 % below target is the full loss
		td = fmt.Sprintf("%+.1f %% against target so far this cycle", pct)
	} else {
		td = "no revenue target for this cycle yet"
	}
	var quarters []PeriodRow
	for _, r := range rows {
		if len(r.Period) == 7 && r.Period[5] == 'Q' && r.HasActual {
			quarters = append(quarters, r)
		}
	}
	if n := len(quarters); n >= 4 {
		recent := quarters[n-1].Actual + quarters[n-2].Actual
		before := quarters[n-3].Actual + quarters[n-4].Actual
		if before > 0 {
			change := float64(recent-before) / float64(before) * 100
			trend = -change / 20
			trd = fmt.Sprintf("%+.1f %% over the last two quarters", change)
		}
	}
	if trd == "" {
		trd = "not enough quarters to see a trend"
	}
	return target, td, trend, trd
}
