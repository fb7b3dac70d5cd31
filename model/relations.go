package model

import (
	"fmt"
	"slices"
	"strings"
)

// How records depend on each other: the checks a record must pass among
// the others, what deleting one takes with it or leaves detached, and a
// record's name in messages.

// Check validates e and the references it makes to other records.
func (p *Portfolio) Check(e Entity) error {
	return p.CheckAmong(e, nil)
}

// CheckAmong is Check as if the pending records (keyed by PendingKey) were
// already in the portfolio, so a batch may refer to its own records.
func (p *Portfolio) CheckAmong(e Entity, pending map[string]Entity) error {
	if err := e.Validate(); err != nil {
		return err
	}
	get := func(k Kind, id string) Entity {
		if r, ok := pending[PendingKey(k, id)]; ok {
			return r
		}
		return p.Get(k, id)
	}
	c := checker{record: recordName(e.Kind())}
	ref := func(field string, k Kind, id string) {
		if id != "" && get(k, id) == nil {
			c.fail(field, "refers to a %s that does not exist (%s)", recordName(k), id)
		}
	}
	if acc := AccountOf(e); acc != "" && e.Kind() != KindAccount {
		ref("account", KindAccount, acc)
	}
	switch v := e.(type) {
	case *Stakeholder:
		ref("reports to", KindStakeholder, v.ReportsTo)
		ref("dotted-line manager", KindStakeholder, v.DottedLine)
		if v.ReportsTo != "" {
			if loop := reportsToCycle(get, v.ID, v.ReportsTo); loop != nil {
				names := []string{v.Name}
				for _, id := range loop {
					if s, ok := get(KindStakeholder, id).(*Stakeholder); ok && id != v.ID {
						names = append(names, s.Name)
					}
				}
				names = append(names, v.Name)
				c.fail("reports to", "would make a reporting loop: %s", strings.Join(names, " → "))
			}
		}
	case *TeamAssignment:
		ref("team member", KindTeamMember, v.MemberID)
	case *Coverage:
		ref("team member", KindTeamMember, v.MemberID)
		ref("stakeholder", KindStakeholder, v.StakeholderID)
	case *InfluenceLink:
		ref("from", KindStakeholder, v.FromID)
		ref("to", KindStakeholder, v.ToID)
	case *Initiative:
		ref("goal", KindGoal, v.GoalID)
		ref("owner", KindStakeholder, v.OwnerID)
	case *Opportunity:
		ref("goal", KindGoal, v.GoalID)
	case *Action:
		ref("owner", KindTeamMember, v.OwnerID)
		ref("goal", KindGoal, v.GoalID)
		for _, s := range v.Stakeholders {
			ref("linked stakeholders", KindStakeholder, s)
		}
	case *Scorecard:
		ref("stakeholder", KindStakeholder, v.StakeholderID)
	case *ReviewMeeting:
		ref("cycle", KindCycle, v.CycleID)
	case *PeriodFigure:
		ref("team member", KindTeamMember, v.MemberID)
	case *ExternalKey:
		if slices.Contains(KeyedKinds, v.RecordKind) {
			ref("record", v.RecordKind, v.RecordID)
		}
	}
	return c.err()
}

// PendingKey keys a record in a batch for CheckAmong.
func PendingKey(k Kind, id string) string { return string(k) + "/" + id }

// reportsToCycle returns the chain of managers from manager up to id when
// making id report to manager would close a loop, or nil.
func reportsToCycle(get func(Kind, string) Entity, id, manager string) []string {
	seen := map[string]bool{}
	var chain []string
	for cur := manager; cur != ""; {
		chain = append(chain, cur)
		if cur == id {
			return chain
		}
		if seen[cur] {
			return nil
		}
		seen[cur] = true
		s, ok := get(KindStakeholder, cur).(*Stakeholder)
		if !ok {
			return nil
		}
		cur = s.ReportsTo
	}
	return nil
}

// Dependents returns the records that must go when e goes, children before
// the records they hang from, so that deleting in order never breaks a
// reference and re-inserting in reverse restores them.
func (p *Portfolio) Dependents(e Entity) []Entity {
	var out []Entity
	if _, isAccount := e.(*Account); !isAccount {
		// An account's keys are among its records below.
		for _, k := range p.KeysOf(e) {
			out = append(out, k)
		}
	}
	switch v := e.(type) {
	case *Account:
		for i := len(Kinds) - 1; i >= 0; i-- {
			k := Kinds[i]
			if k == KindAccount || k == KindTeamMember {
				continue
			}
			out = append(out, p.OfAccount(k, v.ID)...)
		}
	case *TeamMember:
		for _, k := range []Kind{KindCoverage, KindTeamAssignment, KindFigure} {
			for _, x := range p.All(k) {
				if (k == KindCoverage && x.(*Coverage).MemberID == v.ID) ||
					(k == KindTeamAssignment && x.(*TeamAssignment).MemberID == v.ID) ||
					(k == KindFigure && x.(*PeriodFigure).MemberID == v.ID) {
					out = append(out, x)
				}
			}
		}
	case *Stakeholder:
		for _, x := range p.OfAccount(KindCoverage, v.AccountID) {
			if x.(*Coverage).StakeholderID == v.ID {
				out = append(out, x)
			}
		}
		for _, x := range p.OfAccount(KindInfluenceLink, v.AccountID) {
			if l := x.(*InfluenceLink); l.FromID == v.ID || l.ToID == v.ID {
				out = append(out, x)
			}
		}
	case *Goal:
		for _, x := range p.OfAccount(KindInitiative, v.AccountID) {
			if x.(*Initiative).GoalID == v.ID {
				out = append(out, x)
			}
		}
	}
	return out
}

// Detached returns copies of records that keep a reference to e, with that
// reference cleared: what must be rewritten (not deleted) when e goes, such
// as stakeholders who reported to a deleted one or actions owned by a
// removed team member.
func (p *Portfolio) Detached(e Entity) []Entity {
	var out []Entity
	switch v := e.(type) {
	case *Stakeholder:
		for _, s := range p.Stakeholders(v.AccountID) {
			if s.ReportsTo == v.ID || s.DottedLine == v.ID {
				c := *s
				if c.ReportsTo == v.ID {
					c.ReportsTo = ""
				}
				if c.DottedLine == v.ID {
					c.DottedLine = ""
				}
				out = append(out, &c)
			}
		}
		for _, x := range p.OfAccount(KindInitiative, v.AccountID) {
			if i := x.(*Initiative); i.OwnerID == v.ID {
				c := *i
				c.OwnerID = ""
				out = append(out, &c)
			}
		}
		for _, x := range p.OfAccount(KindScorecard, v.AccountID) {
			if s := x.(*Scorecard); s.StakeholderID == v.ID {
				c := *s
				c.StakeholderID = ""
				out = append(out, &c)
			}
		}
		for _, x := range p.OfAccount(KindAction, v.AccountID) {
			a := x.(*Action)
			for i, id := range a.Stakeholders {
				if id == v.ID {
					c := Clone(a).(*Action)
					c.Stakeholders = append(c.Stakeholders[:i:i], a.Stakeholders[i+1:]...)
					out = append(out, c)
					break
				}
			}
		}
	case *TeamMember:
		for _, x := range p.All(KindAction) {
			if a := x.(*Action); a.OwnerID == v.ID {
				c := *a
				c.OwnerID = ""
				out = append(out, &c)
			}
		}
	case *Goal:
		for _, k := range []Kind{KindAction, KindOpportunity} {
			for _, x := range p.OfAccount(k, v.AccountID) {
				switch r := x.(type) {
				case *Action:
					if r.GoalID == v.ID {
						c := *r
						c.GoalID = ""
						out = append(out, &c)
					}
				case *Opportunity:
					if r.GoalID == v.ID {
						c := *r
						c.GoalID = ""
						out = append(out, &c)
					}
				}
			}
		}
	}
	return out
}

func recordName(k Kind) string {
	return strings.ReplaceAll(string(k), "_", " ")
}

// Describe names a record for messages and undo labels: `account "Acme"`.
func Describe(e Entity) string {
	name := ""
	switch v := e.(type) {
	case *Account:
		name = v.Name
	case *Stakeholder:
		name = v.Name
	case *TeamMember:
		name = v.Name
	case *Goal:
		name = v.Title
	case *Action:
		name = v.Title
	case *Opportunity:
		name = v.Name
	}
	if name == "" {
		return recordName(e.Kind())
	}
	return fmt.Sprintf("%s %q", recordName(e.Kind()), name)
}
