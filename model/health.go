package model

import (
	"fmt"
	"math"
	"sort"
	"strings"
	"time"
)

// Health factors, each with the most points it can take off 100.
const (
	FactorKeyCoverage    = "key people covered"
	FactorDetractors     = "detractors in key roles"
	FactorSingleThread   = "more than one strong relationship"
	FactorScorecardLevel = "customer scorecard level"
	FactorScorecardTrend = "customer scorecard trend"
	FactorActions        = "overdue and blocked actions"
	FactorRevenueTarget  = "revenue against target"
	FactorRevenueTrend   = "revenue trend"
	FactorFreshness      = "plan kept up to date"
	FactorReview         = "recent review with the customer"
)

// HealthFactors lists the factors in the order explanations show them.
var HealthFactors = []string{FactorKeyCoverage, FactorDetractors, FactorSingleThread, FactorScorecardLevel,
	FactorScorecardTrend, FactorActions, FactorRevenueTarget, FactorRevenueTrend, FactorFreshness, FactorReview}

// DefaultHealthWeights are the points each factor can take off; they add up
// to 100. Relationships and revenue weigh most.
func DefaultHealthWeights() map[string]float64 {
	return map[string]float64{
		FactorKeyCoverage: 20, FactorDetractors: 10, FactorSingleThread: 10, FactorScorecardLevel: 10,
		FactorScorecardTrend: 5, FactorActions: 10, FactorRevenueTarget: 15, FactorRevenueTrend: 5,
		FactorFreshness: 5, FactorReview: 10,
	}
}

var defaultHealthWeights = DefaultHealthWeights()

// DefaultAtRisk is the health below which an account is at risk.
const DefaultAtRisk = 60

// HealthFactor is one factor's part in a score.
type HealthFactor struct {
	Name   string
	Points float64 // taken off 100 (0 = no concern)
	Detail string  // what the factor saw, in words
}

// Health is an account's score and why.
type Health struct {
	Score   float64 // 0–100
	AtRisk  bool
	Factors []HealthFactor // every factor, largest loss first
	// Unassessed is set for an account with nothing planned yet (no
	// people, actions, reviews, scorecards or figures): its score says
	// only that, and it is never "at risk".
	Unassessed bool
}

// Explain lists the factors that cost points, largest first.
func (h Health) Explain() string {
	if h.Unassessed {
		return "Not assessed yet: nothing is planned for this account (no people, actions, reviews, scorecards or figures)."
	}
	var parts []string
	for _, f := range h.Factors {
		if f.Points >= 0.5 {
			parts = append(parts, fmt.Sprintf("−%.0f %s (%s)", f.Points, f.Name, f.Detail))
		}
	}
	if len(parts) == 0 {
		return "No concerns."
	}
	return strings.Join(parts, "; ")
}

// accountData is one account's records, gathered once for scoring.
type accountData struct {
	people  []*Stakeholder
	covers  []*Coverage
	actions []*Action
	figures []*PeriodFigure
	cards   []*Scorecard
	reviews []*ReviewMeeting
	cycles  []*Cycle
	marks   []*PositionMark
}

// dataOf fills d with the account's records from the per-account index
// (built once, kept up to date by Put and Remove), each list in ID order,
// reusing d's lists: scoring every account allocates no per-account maps.
func (p *Portfolio) dataOf(accountID string, d *accountData) *accountData {
	d.people = typed(d.people[:0], p.accountBucket(KindStakeholder, accountID))
	d.covers = typed(d.covers[:0], p.accountBucket(KindCoverage, accountID))
	d.actions = typed(d.actions[:0], p.accountBucket(KindAction, accountID))
	d.figures = typed(d.figures[:0], p.accountBucket(KindFigure, accountID))
	d.cards = typed(d.cards[:0], p.accountBucket(KindScorecard, accountID))
	d.reviews = typed(d.reviews[:0], p.accountBucket(KindReview, accountID))
	d.cycles = typed(d.cycles[:0], p.accountBucket(KindCycle, accountID))
	d.marks = typed(d.marks[:0], p.accountBucket(KindPositionMark, accountID))
	return d
}

// typed appends the records, as their own type, to dst.
func typed[T Entity](dst []T, es []Entity) []T {
	for _, e := range es {
		dst = append(dst, e.(T))
	}
	return dst
}

// HealthOf scores one account on a given day.
func (p *Portfolio) HealthOf(accountID string, today time.Time) Health {
	a := p.Account(accountID)
	if a == nil {
		return Health{}
	}
	return p.score(a, p.dataOf(accountID, &accountData{}), today, true, nil)
}

// HealthAll scores and explains every account at once.
func (p *Portfolio) HealthAll(today time.Time) map[string]Health {
	return p.healthAll(today, true)
}

// HealthScores scores every account without the words of the explanation:
// enough for a list's column, and quicker.
func (p *Portfolio) HealthScores(today time.Time) map[string]Health {
	return p.healthAll(today, false)
}

// HealthScorer scores one account at a time,
// without the words of the explanation: for going through many accounts
// without holding every score at once. A score's Factors are reused by
// the next call: read them before scoring the next account.
func (p *Portfolio) HealthScorer(today time.Time) func(*Account) Health {
	var d accountData
	buf := make([]HealthFactor, 0, len(HealthFactors))
	return func(a *Account) Health {
		h := p.score(a, p.dataOf(a.ID, &d), today, false, buf[:0])
		buf = h.Factors
		return h
	}
}

func (p *Portfolio) healthAll(today time.Time, explain bool) map[string]Health {
	var d accountData
	out := make(map[string]Health, len(p.records[KindAccount]))
	for _, a := range p.Accounts() {
		out[a.ID] = p.score(a, p.dataOf(a.ID, &d), today, explain, nil)
	}
	return out
}

func clamp01(v float64) float64 { return math.Max(0, math.Min(1, v)) }

// score scores one account; factors, when not nil, is the (empty) slice
// the factors are appended to.
func (p *Portfolio) score(a *Account, d *accountData, today time.Time, explain bool, factors []HealthFactor) Health {
	if d == nil {
		d = &accountData{}
	}
	weights := p.Settings.HealthWeights
	if len(weights) == 0 {
		weights = defaultHealthWeights // read only: no map per account scored
	}
	threshold := p.Settings.AtRisk
	if threshold == 0 {
		threshold = DefaultAtRisk
	}
	if factors == nil {
		factors = make([]HealthFactor, 0, len(HealthFactors))
	}
	// Details are words for people; scoring many accounts for a list skips them.
	add := func(name string, penalty float64, detail func() string) {
		f := HealthFactor{Name: name, Points: weights[name] * clamp01(penalty)}
		if explain {
			f.Detail = detail()
		}
		factors = append(factors, f)
	}
	var best map[string]Strength
	if len(d.covers) > 0 {
		best = make(map[string]Strength, len(d.covers))
		for _, c := range d.covers {
			best[c.StakeholderID] = max(best[c.StakeholderID], c.Strength)
		}
	}
	// Relationships.
	key, uncovered, detractors, strong := 0, 0, 0, 0
	for _, s := range d.people {
		if best[s.ID] >= StrongCoverage {
			strong++
		}
		if s.IsKey() {
			key++
			if best[s.ID] < StrongCoverage {
				uncovered++
			}
			if s.Attitude < 0 {
				detractors++
			}
		}
	}
	switch {
	case len(d.people) == 0:
		add(FactorKeyCoverage, 1, func() string { return "nobody on the customer's side is mapped" })
	case key == 0:
		// As bad as nobody mapped: adding people nobody covers must not
		// raise an account's health.
		add(FactorKeyCoverage, 1, func() string { return "no decision maker or high-influence person is identified" })
	default:
		add(FactorKeyCoverage, float64(uncovered)/float64(key), func() string { return fmt.Sprintf("%d of %d key people without a strong relationship", uncovered, key) })
	}
	add(FactorDetractors, float64(detractors)/2, func() string { return fmt.Sprintf("%d detractor(s) in key roles", detractors) })
	switch {
	case strong <= 1:
		add(FactorSingleThread, 1, func() string { return fmt.Sprintf("%d strong relationship(s)", strong) })
	case strong == 2:
		add(FactorSingleThread, 0.5, func() string { return "2 strong relationships" })
	default:
		add(FactorSingleThread, 0, func() string { return fmt.Sprintf("%d strong relationships", strong) })
	}
	// The customer's view of us.
	level, trend, detailLevel, detailTrend := scorecardSignals(d.cards)
	add(FactorScorecardLevel, level, func() string { return detailLevel })
	add(FactorScorecardTrend, trend, func() string { return detailTrend })
	// Execution.
	open, stuck := 0, 0
	for _, x := range d.actions {
		if x.Status == StatusDone || x.Status == StatusNotImplemented {
			continue
		}
		open++
		if x.Overdue(today) || x.Status == StatusBlocked {
			stuck++
		}
	}
	if open == 0 {
		add(FactorActions, 0, func() string { return "no open actions" })
	} else {
		add(FactorActions, float64(stuck)/float64(open)*1.5, func() string { return fmt.Sprintf("%d of %d open actions overdue or blocked", stuck, open) })
	}
	// Revenue.
	rt, rtDetail, tr, trDetail := revenueSignals(d.figures, currentCycleOf(d.cycles, today), today)
	add(FactorRevenueTarget, rt, func() string { return rtDetail })
	add(FactorRevenueTrend, tr, func() string { return trDetail })
	// Care of the plan.
	if a.Updated.IsZero() {
		add(FactorFreshness, 1, func() string { return "never updated" })
	} else {
		days := today.Sub(a.Updated).Hours() / 24
		add(FactorFreshness, (days-30)/60, func() string { return fmt.Sprintf("last updated %.0f days ago", math.Max(0, days)) })
	}
	var last time.Time
	for _, r := range d.reviews {
		if r.Date.After(last) && !r.Date.After(today) {
			last = r.Date
		}
	}
	if last.IsZero() {
		add(FactorReview, 1, func() string { return "never reviewed with the customer" })
	} else {
		days := today.Sub(last).Hours() / 24
		add(FactorReview, (days-90)/90, func() string { return fmt.Sprintf("last review %.0f days ago", days) })
	}
	h := Health{Score: 100, Factors: factors}
	for _, f := range factors {
		h.Score -= f.Points
	}
	h.Score = math.Max(0, math.Min(100, h.Score))
	h.Unassessed = len(d.people) == 0 && len(d.actions) == 0 && len(d.reviews) == 0 && len(d.cards) == 0 && len(d.figures) == 0
	h.AtRisk = h.Score < float64(threshold) && !h.Unassessed
	if explain {
		sort.SliceStable(h.Factors, func(i, j int) bool { return h.Factors[i].Points > h.Factors[j].Points })
	}
	return h
}

// scorecardSignals reads the latest average score (1–10) and the change
// from the review before.
func scorecardSignals(cards []*Scorecard) (level, trend float64, dl, dt string) {
	days := ScoreAverages(cards)
	if len(days) == 0 {
		return 0.5, 0, "the customer has never scored us", "no trend yet"
	}
	latest := days[len(days)-1].Avg
	level = (8 - latest) / 4 // 8 or better is no concern, 4 or worse the full loss
	dl = fmt.Sprintf("latest average %.1f of 10", latest)
	if len(days) < 2 {
		return level, 0, dl, "one scoring so far"
	}
	prev := days[len(days)-2].Avg
	change := latest - prev
	trend = -change // a drop of one point is the full loss
	dt = fmt.Sprintf("%+.1f since the review before", change)
	return level, trend, dl, dt
}

// CurrentCycle is the cycle containing today, else the latest one (nil
// when there is none).
func CurrentCycle(cycles []*Cycle, today time.Time) *Cycle { return currentCycleOf(cycles, today) }

// currentCycleOf is the open cycle containing today, else the latest open
// one; closed cycles count only when no cycle is open.
func currentCycleOf(cycles []*Cycle, today time.Time) *Cycle {
	var open []*Cycle
	for _, c := range cycles {
		if !c.Closed {
			open = append(open, c)
		}
	}
	if len(open) > 0 {
		cycles = open
	}
	var best *Cycle
	for _, c := range cycles {
		if !today.Before(c.Start) && !today.After(c.End) {
			return c
		}
		if best == nil || c.Start.After(best.Start) {
			best = c
		}
	}
	return best
}
