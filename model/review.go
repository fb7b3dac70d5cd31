package model

import (
	"fmt"
	"regexp"
	"sort"
	"time"
)

// FigureKind says whether a period figure is a target or an actual.
type FigureKind string

const (
	FigureTarget FigureKind = "target"
	FigureActual FigureKind = "actual"
)

var periodPattern = regexp.MustCompile(`^\d{4}(-Q[1-4]|-(0[1-9]|1[0-2]))?$`)

// PeriodFigure is revenue and margin for one account in one period: a year
// "2026", a quarter "2026-Q1" or a month "2026-03". A figure may instead
// belong to one of our team: a seller's own revenue target (quota) for a
// period, across the accounts they own.
type PeriodFigure struct {
	ID         string
	AccountID  string
	MemberID   string // set instead of AccountID for a team member's target
	Period     string
	FigureKind FigureKind
	Revenue    Money
	Margin     Money
}

func (f *PeriodFigure) EntityID() string { return f.ID }
func (f *PeriodFigure) Kind() Kind       { return KindFigure }

func (f *PeriodFigure) Validate() error {
	c := checker{record: "period figure"}
	c.required("id", f.ID)
	switch {
	case f.AccountID == "" && f.MemberID == "":
		c.fail("account", "is required (or the team member whose target it is)")
	case f.AccountID != "" && f.MemberID != "":
		c.fail("team member", "must be left empty for an account's figure")
	case f.MemberID != "" && f.FigureKind == FigureActual:
		c.fail("kind", "of a team member's figure is a target: their actual is what their accounts bring")
	}
	if !periodPattern.MatchString(f.Period) {
		c.fail("period", "must be a year, quarter or month such as 2026, 2026-Q1 or 2026-03 (found %q)", f.Period)
	}
	c.oneOf("kind", string(f.FigureKind), []string{string(FigureTarget), string(FigureActual)})
	return c.err()
}

// DefaultCriteria are the customer value scorecard criteria of a new workspace.
var DefaultCriteria = []string{"Value delivered", "Innovation", "Collaboration", "Responsiveness", "Quality"}

// Scorecard is one customer stakeholder's scoring of us on a review date.
type Scorecard struct {
	ID            string
	AccountID     string
	Date          time.Time
	StakeholderID string
	Scores        map[string]int // criterion -> 1..10
	Comment       string
}

func (s *Scorecard) EntityID() string { return s.ID }
func (s *Scorecard) Kind() Kind       { return KindScorecard }

func (s *Scorecard) Validate() error {
	c := checker{record: "scorecard"}
	c.required("id", s.ID)
	c.required("account", s.AccountID)
	if s.Date.IsZero() {
		c.fail("date", "is required")
	}
	for k, v := range s.Scores {
		c.between(fmt.Sprintf("score for %s", k), v, 1, 10)
	}
	return c.err()
}

// ReviewMeeting is a plan review held with the customer.
type ReviewMeeting struct {
	ID        string
	AccountID string
	CycleID   string
	Date      time.Time
	Attendees string
	Decisions string
	Notes     string
	NextDate  time.Time
	Snapshot  string // JSON ReviewSnapshot of the account at the meeting
}

func (r *ReviewMeeting) EntityID() string { return r.ID }
func (r *ReviewMeeting) Kind() Kind       { return KindReview }

func (r *ReviewMeeting) Validate() error {
	c := checker{record: "review meeting"}
	c.required("id", r.ID)
	c.required("account", r.AccountID)
	if r.Date.IsZero() {
		c.fail("date", "is required")
	}
	if !r.NextDate.IsZero() && r.NextDate.Before(r.Date) {
		c.fail("next review", "must be after the meeting date")
	}
	return c.err()
}

// Cycle is one planning cycle of an account, usually a year.
type Cycle struct {
	ID            string
	AccountID     string
	Name          string
	Start         time.Time
	End           time.Time
	RevenueTarget Money
	MarginTarget  Money
	CustomerWants string // what the customer wants this year, in one line
	Learnings     string // carried forward into the next cycle
	Closed        bool   // rolled over: read-only from then on
	Archive       string // JSON CycleArchive written when the cycle closed
}

func (c *Cycle) EntityID() string { return c.ID }
func (c *Cycle) Kind() Kind       { return KindCycle }

func (cy *Cycle) Validate() error {
	c := checker{record: "planning cycle"}
	c.required("id", cy.ID)
	c.required("account", cy.AccountID)
	c.required("name", cy.Name)
	if cy.Start.IsZero() || cy.End.IsZero() {
		c.fail("dates", "need a start and an end")
	} else if !cy.End.After(cy.Start) {
		c.fail("end", "must be after the start")
	}
	c.notNegative("revenue target", cy.RevenueTarget)
	return c.err()
}

// ScoreTrend is how a customer scores us over time: the average score of
// each criterion at each scoring date, dates oldest first. The review's
// table and its chart read it from here.
type ScoreTrend struct {
	Dates []time.Time
	Avg   map[time.Time]map[string]float64
}

// ScoreTrendOf averages scorecards per date and criterion.
func ScoreTrendOf(cards []*Scorecard) ScoreTrend {
	t := ScoreTrend{Avg: map[time.Time]map[string]float64{}}
	count := map[time.Time]map[string]int{}
	for _, sc := range cards {
		if t.Avg[sc.Date] == nil {
			t.Avg[sc.Date], count[sc.Date] = map[string]float64{}, map[string]int{}
			t.Dates = append(t.Dates, sc.Date)
		}
		for c, v := range sc.Scores {
			t.Avg[sc.Date][c] += float64(v)
			count[sc.Date][c]++
		}
	}
	for d, m := range t.Avg {
		for c := range m {
			m[c] /= float64(count[d][c])
		}
	}
	sort.Slice(t.Dates, func(i, j int) bool { return t.Dates[i].Before(t.Dates[j]) })
	return t
}

// DayScore is the customer's average score of us (1–10, over every
// criterion and everyone who scored) on one scoring day.
type DayScore struct {
	Date time.Time
	Avg  float64
}

// ScoreAverages are the days the customer scored us, earliest first, each
// with its average; a scorecard without scores adds no day. Health reads
// the latest two, a review's snapshot the latest.
func ScoreAverages(cards []*Scorecard) []DayScore {
	type tally struct{ sum, n int }
	byDay := map[string]*tally{}
	var out []DayScore
	for _, c := range cards {
		if len(c.Scores) == 0 {
			continue
		}
		key := c.Date.UTC().Format(time.RFC3339Nano)
		t := byDay[key]
		if t == nil {
			t = &tally{}
			byDay[key] = t
			out = append(out, DayScore{Date: c.Date})
		}
		for _, v := range c.Scores {
			t.sum += v
			t.n++
		}
	}
	for i := range out {
		t := byDay[out[i].Date.UTC().Format(time.RFC3339Nano)]
		out[i].Avg = float64(t.sum) / float64(t.n)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Date.Before(out[j].Date) })
	return out
}

// PeriodRevenue is one period's revenue target and actual for an account.
type PeriodRevenue struct {
	Period               string
	Target, Actual       Money
	HasTarget, HasActual bool
}

// PlanVsActual lists an account's revenue targets and actuals by period,
// earliest first: the figures behind the revenue chart and the review's
// plan-against-actual table.
func (p *Portfolio) PlanVsActual(accountID string) []PeriodRevenue {
	byPeriod := map[string]*PeriodRevenue{}
	var out []PeriodRevenue
	for _, e := range p.OfAccount(KindFigure, accountID) {
		f := e.(*PeriodFigure)
		r := byPeriod[f.Period]
		if r == nil {
			r = &PeriodRevenue{Period: f.Period}
			byPeriod[f.Period] = r
		}
		if f.FigureKind == FigureTarget {
			r.Target, r.HasTarget = f.Revenue, true
		} else {
			r.Actual, r.HasActual = f.Revenue, true
		}
	}
	for _, r := range byPeriod {
		out = append(out, *r)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Period < out[j].Period })
	return out
}

// CustomerChanges is Changes as the customer may read it: their people who
// joined or left, actions completed and their own scorecard, without our
// quadrant or the attitudes we recorded.
func CustomerChanges(before, after ReviewSnapshot) []string {
	before.Quadrant = after.Quadrant
	people := make(map[string]SnapPerson, len(before.People))
	for id, p := range before.People {
		if now, ok := after.People[id]; ok {
			p.Attitude = now.Attitude
		}
		people[id] = p
	}
	before.People = people
	return Changes(before, after)
}
