package model

import (
	"slices"
	"sort"
	"strings"
)

// Kind names a record type; stores and change notifications use it.
type Kind string

const (
	KindAccount        Kind = "account"
	KindStakeholder    Kind = "stakeholder"
	KindTeamMember     Kind = "team_member"
	KindTeamAssignment Kind = "team_assignment"
	KindCoverage       Kind = "coverage"
	KindInfluenceLink  Kind = "influence_link"
	KindGoal           Kind = "goal"
	KindInitiative     Kind = "initiative"
	KindWhitespace     Kind = "whitespace_cell"
	KindOpportunity    Kind = "opportunity"
	KindAction         Kind = "action"
	KindFigure         Kind = "period_figure"
	KindScorecard      Kind = "scorecard"
	KindReview         Kind = "review_meeting"
	KindCycle          Kind = "planning_cycle"
	KindPositionMark   Kind = "position_mark"
	KindExternalKey    Kind = "external_key"
)

// Kinds lists every kind, parents before the records that point at them.
var Kinds = []Kind{KindAccount, KindTeamMember, KindStakeholder, KindTeamAssignment, KindCoverage,
	KindInfluenceLink, KindGoal, KindInitiative, KindWhitespace, KindOpportunity, KindAction,
	KindFigure, KindScorecard, KindReview, KindCycle, KindPositionMark, KindExternalKey}

// Entity is any record of the portfolio.
type Entity interface {
	EntityID() string
	Kind() Kind
	Validate() error
}

// accountScoped is an entity that belongs to one account.
type accountScoped interface {
	Entity
	accountID() string
}

func (s *Stakeholder) accountID() string    { return s.AccountID }
func (t *TeamAssignment) accountID() string { return t.AccountID }
func (c *Coverage) accountID() string       { return c.AccountID }
func (l *InfluenceLink) accountID() string  { return l.AccountID }
func (g *Goal) accountID() string           { return g.AccountID }
func (i *Initiative) accountID() string     { return i.AccountID }
func (w *WhitespaceCell) accountID() string { return w.AccountID }
func (o *Opportunity) accountID() string    { return o.AccountID }
func (a *Action) accountID() string         { return a.AccountID }
func (f *PeriodFigure) accountID() string   { return f.AccountID }
func (s *Scorecard) accountID() string      { return s.AccountID }
func (r *ReviewMeeting) accountID() string  { return r.AccountID }
func (c *Cycle) accountID() string          { return c.AccountID }

// AccountOf returns the account an entity belongs to ("" for accounts and
// shared team members: an account is its own scope).
func AccountOf(e Entity) string {
	if s, ok := e.(accountScoped); ok {
		return s.accountID()
	}
	if a, ok := e.(*Account); ok {
		return a.ID
	}
	return ""
}

// Portfolio is the whole content of a workspace held in memory.
type Portfolio struct {
	Settings Settings
	records  map[Kind]map[string]Entity
	// byName caches Accounts(); nil after any account changes.
	byName []*Account
	// byAccount indexes each kind's records by account, each account's
	// sorted by ID, built on a kind's first OfAccount and kept up to date
	// by Put and Remove: a scan of every record per account made
	// whole-portfolio work (the summary, health) quadratic. A sorted slice
	// rather than a map per account: most accounts have a few records of
	// a kind, and 50,000 small maps cost more memory than the records.
	byAccount map[Kind]map[string][]Entity
}

// NewPortfolio returns an empty portfolio with default settings.
func NewPortfolio() *Portfolio {
	p := &Portfolio{Settings: DefaultSettings(), records: map[Kind]map[string]Entity{}}
	for _, k := range Kinds {
		p.records[k] = map[string]Entity{}
	}
	return p
}

// Get returns the record of that kind and ID, or nil.
func (p *Portfolio) Get(k Kind, id string) Entity {
	return p.records[k][id]
}

// Put adds or replaces a record. It does not validate: callers check first
// with Check.
func (p *Portfolio) Put(e Entity) {
	k, id := e.Kind(), e.EntityID()
	if idx := p.byAccount[k]; idx != nil {
		if old, ok := p.records[k][id]; ok {
			bucketRemove(idx, AccountOf(old), id)
		}
		bucketPut(idx, AccountOf(e), e)
	}
	p.records[k][id] = e
	if k == KindAccount {
		p.byName = nil
	}
}

// Remove deletes a record; removing a missing one does nothing.
func (p *Portfolio) Remove(k Kind, id string) {
	if idx := p.byAccount[k]; idx != nil {
		if old, ok := p.records[k][id]; ok {
			bucketRemove(idx, AccountOf(old), id)
		}
	}
	delete(p.records[k], id)
	if k == KindAccount {
		p.byName = nil
	}
}

// Count returns how many records of a kind there are.
func (p *Portfolio) Count(k Kind) int { return len(p.records[k]) }

// All returns the records of a kind sorted by ID, for stable output.
func (p *Portfolio) All(k Kind) []Entity {
	out := make([]Entity, 0, len(p.records[k]))
	for _, e := range p.records[k] {
		out = append(out, e)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].EntityID() < out[j].EntityID() })
	return out
}

// Account returns the account with that ID, or nil.
func (p *Portfolio) Account(id string) *Account {
	a, _ := p.records[KindAccount][id].(*Account)
	return a
}

// Accounts returns every account sorted by name (case-insensitive). The
// slice is shared until an account changes: do not modify it.
func (p *Portfolio) Accounts() []*Account {
	if p.byName != nil {
		return p.byName
	}
	type keyed struct {
		key string
		a   *Account
	}
	ks := make([]keyed, 0, len(p.records[KindAccount]))
	for _, e := range p.records[KindAccount] {
		a := e.(*Account)
		ks = append(ks, keyed{strings.ToLower(a.Name) + "\x00" + a.ID, a})
	}
	sort.Slice(ks, func(i, j int) bool { return ks[i].key < ks[j].key })
	p.byName = make([]*Account, len(ks))
	for i, k := range ks {
		p.byName[i] = k.a
	}
	return p.byName
}

// TeamMembers returns the workspace's team sorted by name.
func (p *Portfolio) TeamMembers() []*TeamMember {
	out := make([]*TeamMember, 0, len(p.records[KindTeamMember]))
	for _, e := range p.records[KindTeamMember] {
		out = append(out, e.(*TeamMember))
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// OfAccount returns the records of a kind that belong to an account, sorted
// by ID.
func (p *Portfolio) OfAccount(k Kind, accountID string) []Entity {
	bucket := p.accountBucket(k, accountID)
	if len(bucket) == 0 {
		return nil
	}
	return append([]Entity(nil), bucket...)
}

// CountOfAccount is how many records of a kind belong to an account.
func (p *Portfolio) CountOfAccount(k Kind, accountID string) int {
	return len(p.accountBucket(k, accountID))
}

// EachOfAccount passes each record of a kind that belongs to an account,
// in ID order, without the copy OfAccount makes: for counting and summing
// over many accounts.
func (p *Portfolio) EachOfAccount(k Kind, accountID string, fn func(Entity)) {
	for _, e := range p.accountBucket(k, accountID) {
		fn(e)
	}
}

// accountBucket is a kind's records of one account in ID order, the
// kind's index built on first use. The slice is the index's own.
func (p *Portfolio) accountBucket(k Kind, accountID string) []Entity {
	idx := p.byAccount[k]
	if idx == nil {
		if p.byAccount == nil {
			p.byAccount = map[Kind]map[string][]Entity{}
		}
		idx = map[string][]Entity{}
		for _, e := range p.records[k] {
			acc := AccountOf(e)
			idx[acc] = append(idx[acc], e)
		}
		for _, b := range idx {
			sort.Slice(b, func(i, j int) bool { return b[i].EntityID() < b[j].EntityID() })
		}
		p.byAccount[k] = idx
	}
	return idx[accountID]
}

// bucketPut adds e to its account's bucket, or replaces the record with
// its ID, keeping the bucket in ID order.
func bucketPut(idx map[string][]Entity, acc string, e Entity) {
	b, id := idx[acc], e.EntityID()
	i := sort.Search(len(b), func(i int) bool { return b[i].EntityID() >= id })
	if i < len(b) && b[i].EntityID() == id {
		b[i] = e
		return
	}
	idx[acc] = slices.Insert(b, i, e)
}

// bucketRemove takes the record with that ID out of its account's bucket.
func bucketRemove(idx map[string][]Entity, acc, id string) {
	b := idx[acc]
	i := sort.Search(len(b), func(i int) bool { return b[i].EntityID() >= id })
	if i == len(b) || b[i].EntityID() != id {
		return
	}
	b = slices.Delete(b, i, i+1)
	if len(b) == 0 {
		delete(idx, acc)
		return
	}
	idx[acc] = b
}

// Stakeholders returns an account's stakeholders sorted by name.
func (p *Portfolio) Stakeholders(accountID string) []*Stakeholder {
	var out []*Stakeholder
	for _, e := range p.OfAccount(KindStakeholder, accountID) {
		out = append(out, e.(*Stakeholder))
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// Actions returns an account's actions in board order within each status.
func (p *Portfolio) Actions(accountID string) []*Action {
	var out []*Action
	for _, e := range p.OfAccount(KindAction, accountID) {
		out = append(out, e.(*Action))
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Order < out[j].Order })
	return out
}

// Goals returns an account's goals in their order.
func (p *Portfolio) Goals(accountID string) []*Goal {
	var out []*Goal
	for _, e := range p.OfAccount(KindGoal, accountID) {
		out = append(out, e.(*Goal))
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Order < out[j].Order })
	return out
}

// MemberTargets are a team member's own revenue targets, by period.
func (p *Portfolio) MemberTargets(memberID string) []*PeriodFigure {
	var out []*PeriodFigure
	for _, e := range p.All(KindFigure) {
		if f := e.(*PeriodFigure); f.MemberID == memberID && memberID != "" {
			out = append(out, f)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Period < out[j].Period })
	return out
}

// Subset returns a portfolio holding one account, its records and the team
// members they refer to, with the same settings: what a per-account export
// writes.
func (p *Portfolio) Subset(accountID string) *Portfolio {
	q := NewPortfolio()
	q.Settings = p.Settings
	a := p.Account(accountID)
	if a == nil {
		return q
	}
	q.Put(a)
	members := map[string]bool{}
	for _, k := range Kinds {
		if k == KindAccount || k == KindTeamMember {
			continue
		}
		for _, e := range p.OfAccount(k, accountID) {
			q.Put(e)
			switch v := e.(type) {
			case *TeamAssignment:
				members[v.MemberID] = true
			case *Coverage:
				members[v.MemberID] = true
			case *Action:
				members[v.OwnerID] = true
			}
		}
	}
	for id := range members {
		if m := p.Get(KindTeamMember, id); m != nil {
			q.Put(m)
		}
	}
	return q
}

// Copy returns a portfolio holding the same records, for work on another
// goroutine (an export) while commands go on changing this one. Records are
// never changed in place, so sharing them is safe.
func (p *Portfolio) Copy() *Portfolio {
	q := NewPortfolio()
	q.Settings = p.Settings
	for k, m := range p.records {
		for id, e := range m {
			q.records[k][id] = e
		}
	}
	return q
}
