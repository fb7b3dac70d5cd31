package model

import (
	"encoding/json"
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"
)

// ArchivedAction is a finished action as the closed cycle remembers it.
type ArchivedAction struct {
	Title    string `json:"title"`
	Status   string `json:"status"`
	Owner    string `json:"owner"`
	Goal     string `json:"goal"`
	Expected Money  `json:"expected"`
	Actual   Money  `json:"actual"`
	Lesson   string `json:"lesson"`
}

// CycleArchive is what a planning cycle leaves behind when it closes.
type CycleArchive struct {
	Goals      []string         `json:"goals"`
	Actions    []ArchivedAction `json:"actions"`
	Revenue    []PeriodRow      `json:"revenue"`
	YearToDate PeriodRow        `json:"year_to_date"`
	Health     float64          `json:"health"`
	ClosedOn   string           `json:"closed_on"`
}

// ReadArchive decodes a closed cycle's archive.
func (c *Cycle) ReadArchive() (CycleArchive, error) {
	var a CycleArchive
	if c.Archive == "" {
		return a, fmt.Errorf("%s has no archive", c.Name)
	}
	err := json.Unmarshal([]byte(c.Archive), &a)
	return a, err
}

var yearInName = regexp.MustCompile(`\d{4}`)

// nextCycleName counts the year in a cycle's name on: FY2026 -> FY2027.
func nextCycleName(name string, start time.Time) string {
	if loc := yearInName.FindStringIndex(name); loc != nil {
		y, _ := strconv.Atoi(name[loc[0]:loc[1]])
		return name[:loc[0]] + strconv.Itoa(y+1) + name[loc[1]:]
	}
	return fmt.Sprintf("Cycle %d", start.Year())
}

// RollOver closes an account's current cycle and opens the next one. Open
// actions, goals, the relationship map and the team carry forward; finished
// actions move into the closed cycle's archive (and off the board); the new
// cycle starts from the old one's learnings and lessons. It returns the
// records to save and to delete, as one step.
func (p *Portfolio) RollOver(accountID string, today time.Time) (puts, deletes []Entity, next *Cycle, err error) {
	a := p.Account(accountID)
	if a == nil {
		return nil, nil, nil, fmt.Errorf("no account %s", accountID)
	}
	var cycles []*Cycle
	for _, e := range p.OfAccount(KindCycle, accountID) {
		if c := e.(*Cycle); !c.Closed {
			cycles = append(cycles, c)
		}
	}
	cur := CurrentCycle(cycles, today)
	if cur == nil {
		return nil, nil, nil, fmt.Errorf("%s has no open planning cycle to close", a.Name)
	}
	arch := CycleArchive{ClosedOn: today.Format("2006-01-02"), Health: p.HealthOf(accountID, today).Score}
	for _, g := range p.Goals(accountID) {
		arch.Goals = append(arch.Goals, g.Title)
	}
	var lessons []string
	for _, x := range p.Actions(accountID) {
		if x.Status != StatusDone && x.Status != StatusNotImplemented {
			continue
		}
		owner, goal := "", ""
		if m, ok := p.Get(KindTeamMember, x.OwnerID).(*TeamMember); ok {
			owner = m.Name
		}
		if g, ok := p.Get(KindGoal, x.GoalID).(*Goal); ok {
			goal = g.Title
		}
		arch.Actions = append(arch.Actions, ArchivedAction{Title: x.Title, Status: x.Status.Label(), Owner: owner, Goal: goal,
			Expected: x.ExpectedImpact, Actual: x.ActualImpact, Lesson: x.Lesson})
		if x.Lesson != "" {
			lessons = append(lessons, fmt.Sprintf("%s: %s", x.Title, x.Lesson))
		}
		deletes = append(deletes, x)
	}
	var figures []*PeriodFigure
	for _, e := range p.OfAccount(KindFigure, accountID) {
		figures = append(figures, e.(*PeriodFigure))
	}
	for _, r := range PlanVsActual(figures) {
		if start, _, err := PeriodStart(r.Period); err == nil && !start.Before(cur.Start) && !start.After(cur.End) {
			arch.Revenue = append(arch.Revenue, r)
		}
	}
	arch.YearToDate = YearToDate(arch.Revenue, cur, today)
	data, err := json.Marshal(arch)
	if err != nil {
		return nil, nil, nil, err
	}
	closed := Clone(cur).(*Cycle)
	closed.Closed, closed.Archive = true, string(data)
	start := cur.End.AddDate(0, 0, 1)
	next = &Cycle{ID: NewID(), AccountID: accountID, Name: nextCycleName(cur.Name, start), Start: start,
		End: start.AddDate(1, 0, -1), RevenueTarget: cur.RevenueTarget, MarginTarget: cur.MarginTarget,
		CustomerWants: cur.CustomerWants}
	sort.Strings(lessons)
	next.Learnings = strings.TrimSpace(cur.Learnings)
	if len(lessons) > 0 {
		if next.Learnings != "" {
			next.Learnings += "\n"
		}
		next.Learnings += fmt.Sprintf("Lessons from %s:\n- %s", cur.Name, strings.Join(lessons, "\n- "))
	}
	// Review meetings stay with the cycle they belong to.
	return []Entity{closed, next}, deletes, next, nil
}

// SnapPerson is a stakeholder as a review saw them.
type SnapPerson struct {
	Name     string   `json:"name"`
	Attitude Attitude `json:"attitude"`
}

// ReviewSnapshot is how an account stood at a review meeting.
type ReviewSnapshot struct {
	Quadrant Quadrant              `json:"quadrant"`
	People   map[string]SnapPerson `json:"people"`
	Done     []string              `json:"done"`  // titles of finished actions
	Score    float64               `json:"score"` // latest scorecard average, 0 when none
}

// Snapshot records how an account stands now, for the next review to compare.
func (p *Portfolio) Snapshot(accountID string) ReviewSnapshot {
	s := ReviewSnapshot{People: map[string]SnapPerson{}}
	if a := p.Account(accountID); a != nil {
		if x, y, ok := a.Position(p.Settings.Weights); ok {
			s.Quadrant = QuadrantAt(x, y)
		}
	}
	for _, st := range p.Stakeholders(accountID) {
		s.People[st.ID] = SnapPerson{Name: st.Name, Attitude: st.Attitude}
	}
	for _, x := range p.Actions(accountID) {
		if x.Status == StatusDone {
			s.Done = append(s.Done, x.Title)
		}
	}
	sort.Strings(s.Done)
	var cards []*Scorecard
	for _, e := range p.OfAccount(KindScorecard, accountID) {
		cards = append(cards, e.(*Scorecard))
	}
	if days := ScoreAverages(cards); len(days) > 0 {
		s.Score = days[len(days)-1].Avg
	}
	return s
}

// Encode writes the snapshot for a review meeting.
func (s ReviewSnapshot) Encode() string {
	b, _ := json.Marshal(s)
	return string(b)
}

// DecodeSnapshot reads a meeting's snapshot; ok is false when it has none.
func DecodeSnapshot(text string) (ReviewSnapshot, bool) {
	var s ReviewSnapshot
	if text == "" || json.Unmarshal([]byte(text), &s) != nil {
		return s, false
	}
	return s, true
}

// Changes lists, in sentences, what changed from an earlier snapshot to a later one.
func Changes(before, after ReviewSnapshot) []string {
	var out []string
	if before.Quadrant != after.Quadrant && before.Quadrant != QuadrantUnknown && after.Quadrant != QuadrantUnknown {
		out = append(out, fmt.Sprintf("Moved on the quadrant from %s to %s", before.Quadrant, after.Quadrant))
	}
	var added, left, turned []string
	for id, p := range after.People {
		old, ok := before.People[id]
		switch {
		case !ok:
			added = append(added, p.Name)
		case old.Attitude != p.Attitude:
			turned = append(turned, fmt.Sprintf("%s from %s to %s", p.Name, old.Attitude, p.Attitude))
		}
	}
	for id, p := range before.People {
		if _, ok := after.People[id]; !ok {
			left = append(left, p.Name)
		}
	}
	sort.Strings(added)
	sort.Strings(left)
	sort.Strings(turned)
	if len(added) > 0 {
		out = append(out, "New stakeholders: "+strings.Join(added, ", "))
	}
	if len(left) > 0 {
		out = append(out, "Stakeholders who left: "+strings.Join(left, ", "))
	}
	if len(turned) > 0 {
		out = append(out, "Attitude changed: "+strings.Join(turned, "; "))
	}
	was := map[string]bool{}
	for _, t := range before.Done {
		was[t] = true
	}
	var done []string
	for _, t := range after.Done {
		if !was[t] {
			done = append(done, t)
		}
	}
	if len(done) > 0 {
		out = append(out, fmt.Sprintf("Actions completed (%d): %s", len(done), strings.Join(done, ", ")))
	}
	if before.Score > 0 && after.Score > 0 && before.Score != after.Score {
		out = append(out, fmt.Sprintf("Customer scorecard average from %.1f to %.1f", before.Score, after.Score))
	}
	if len(out) == 0 {
		out = append(out, "Nothing changed")
	}
	return out
}
