package model

import (
	"fmt"
	"sort"
)

// GapKind names a kind of coverage gap on the relationship map.
type GapKind string

const (
	GapKeyPersonUncovered GapKind = "key_person_uncovered"
	GapKeyDetractor       GapKind = "key_detractor"
	GapSingleThread       GapKind = "single_thread"
	GapIdleMember         GapKind = "idle_member"
)

// Gap is one weakness in how we cover an account's people.
type Gap struct {
	Kind          GapKind
	StakeholderID string // the person it concerns, if any
	MemberID      string // the team member it concerns, if any
	Text          string // what it is, in a sentence
	Action        string // a suggested action title
}

// IsKey reports whether a stakeholder matters most: a decision maker, an
// economic buyer, or anyone of high influence.
func (s *Stakeholder) IsKey() bool {
	return s.Role == RoleDecisionMaker || s.Role == RoleEconomicBuyer || s.Influence == InfluenceHigh
}

// StrongCoverage is the weakest relationship that counts as strong.
const StrongCoverage = StrengthProblemSolver

// CoverageGaps lists an account's gaps: key people nobody knows well,
// detractors in key roles, a plan hanging on one strong contact, and team
// members on the account who know nobody.
func (p *Portfolio) CoverageGaps(accountID string) []Gap {
	people := p.Stakeholders(accountID)
	best := map[string]Strength{}
	knows := map[string]int{}
	for _, e := range p.OfAccount(KindCoverage, accountID) {
		c := e.(*Coverage)
		best[c.StakeholderID] = max(best[c.StakeholderID], c.Strength)
		knows[c.MemberID]++
	}
	var gaps []Gap
	strong := 0
	for _, s := range people {
		if best[s.ID] >= StrongCoverage {
			strong++
		}
		if !s.IsKey() {
			continue
		}
		if best[s.ID] < StrongCoverage {
			how := "nobody on our team knows them"
			if best[s.ID] > StrengthNone {
				how = fmt.Sprintf("our best relationship is %s", best[s.ID])
			}
			gaps = append(gaps, Gap{Kind: GapKeyPersonUncovered, StakeholderID: s.ID,
				Text:   fmt.Sprintf("%s (%s) is a key person and %s", s.Name, orRole(s), how),
				Action: fmt.Sprintf("Build a relationship with %s", s.Name)})
		}
		if s.Attitude < 0 {
			gaps = append(gaps, Gap{Kind: GapKeyDetractor, StakeholderID: s.ID,
				Text:   fmt.Sprintf("%s (%s) is a %s in a key role", s.Name, orRole(s), s.Attitude),
				Action: fmt.Sprintf("Plan how to win over %s", s.Name)})
		}
	}
	if len(people) > 1 && strong <= 1 {
		gaps = append(gaps, Gap{Kind: GapSingleThread,
			Text:   singleThread(strong, len(people)),
			Action: "Widen the relationship beyond a single contact"})
	}
	var idle []*TeamMember
	for _, e := range p.OfAccount(KindTeamAssignment, accountID) {
		t := e.(*TeamAssignment)
		if m, ok := p.Get(KindTeamMember, t.MemberID).(*TeamMember); ok && knows[m.ID] == 0 {
			idle = append(idle, m)
		}
	}
	sort.Slice(idle, func(i, j int) bool { return idle[i].Name < idle[j].Name })
	for _, m := range idle {
		gaps = append(gaps, Gap{Kind: GapIdleMember, MemberID: m.ID,
			Text:   fmt.Sprintf("%s is on the account team but has no relationship with the customer's people", m.Name),
			Action: fmt.Sprintf("Introduce %s to a counterpart", m.Name)})
	}
	return gaps
}

func orRole(s *Stakeholder) string {
	if s.Title != "" {
		return s.Title
	}
	if s.Role != "" {
		return string(s.Role)
	}
	return "no title"
}

// singleThread says in plain words how few strong relationships the plan
// rests on.
func singleThread(strong, people int) string {
	switch strong {
	case 0:
		return fmt.Sprintf("Nobody on our team has a strong relationship with any of the customer's %d people", people)
	case 1:
		return fmt.Sprintf("Only one of the customer's %d people has a strong relationship with us: the plan hangs on that one contact", people)
	}
	return fmt.Sprintf("Only %d of the customer's %d people have a strong relationship with us", strong, people)
}
