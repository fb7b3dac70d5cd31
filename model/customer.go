package model

// What a customer may see of their own account: the one definition of
// "customer-safe" that the review pack, the on-screen customer-safe views
// and workshop mode share.
//
// A customer sees their account only: its goals and initiatives, the
// actions agreed with them (with owners and dates), their people with
// names, titles and reporting lines, our team on the account, their own
// scorecards, and plan against actual when the user chooses to show it.
// They never see another customer, nor our assessments (relationship and
// value scores, quadrant, priority, health, margin, potential, outlook, win
// probability, competitors, attitudes, buying roles, influence, coverage,
// concerns, lessons) nor anything marked internal.

// CustomerShare says what the user chose to show beyond the defaults.
type CustomerShare struct {
	Figures bool // plan against actual: revenue figures and targets
}

// CustomerView returns a portfolio holding only what the customer of
// accountID may see, with every assessment cleared.
func (p *Portfolio) CustomerView(accountID string, share CustomerShare) *Portfolio {
	q := NewPortfolio()
	q.Settings = p.Settings
	acc := p.Account(accountID)
	if acc == nil {
		return q
	}
	q.Settings.Name = acc.Name
	a := &Account{ID: acc.ID, Name: acc.Name, Industry: acc.Industry, Region: acc.Region, Owner: acc.Owner,
		Currency: acc.Currency, Updated: acc.Updated}
	if share.Figures {
		a.Revenue, a.PrevRevenue = acc.Revenue, acc.PrevRevenue
	}
	if !acc.NotesInternal {
		a.Notes = acc.Notes
	}
	q.Put(a)
	members := map[string]bool{}
	for _, e := range p.OfAccount(KindStakeholder, accountID) {
		s := e.(*Stakeholder)
		c := &Stakeholder{ID: s.ID, AccountID: s.AccountID, Name: s.Name, Title: s.Title, Department: s.Department,
			ReportsTo: s.ReportsTo, DottedLine: s.DottedLine, Placed: s.Placed, MapX: s.MapX, MapY: s.MapY}
		if !s.NotesInternal {
			c.Notes = s.Notes
		}
		q.Put(c)
	}
	for _, e := range p.OfAccount(KindTeamAssignment, accountID) {
		if t := e.(*TeamAssignment); !t.Internal {
			q.Put(t)
			members[t.MemberID] = true
		}
	}
	for _, e := range p.OfAccount(KindGoal, accountID) {
		if g := e.(*Goal); !g.Internal {
			q.Put(g)
		}
	}
	for _, e := range p.OfAccount(KindInitiative, accountID) {
		if i := e.(*Initiative); !i.Internal && (i.GoalID == "" || q.Get(KindGoal, i.GoalID) != nil) {
			q.Put(i)
		}
	}
	for _, e := range p.OfAccount(KindWhitespace, accountID) {
		w := e.(*WhitespaceCell)
		c := &WhitespaceCell{ID: w.ID, AccountID: w.AccountID, BusinessUnit: w.BusinessUnit, Offering: w.Offering, State: w.State}
		if c.State == CellCompetitor {
			c.State = CellUnknown // whom we count as a rival is our assessment
		}
		if !w.NoteInternal {
			c.Note = w.Note
		}
		q.Put(c)
	}
	for _, e := range p.OfAccount(KindAction, accountID) {
		x := e.(*Action)
		if !x.CustomerAgreed {
			continue // our own to-dos stay ours
		}
		c := Clone(x).(*Action)
		c.Lesson = ""
		if !share.Figures {
			c.ExpectedImpact, c.ActualImpact = 0, 0 // what an action is worth to us is a figure
		}
		if c.NotesInternal {
			c.Notes = ""
		}
		if c.GoalID != "" && q.Get(KindGoal, c.GoalID) == nil {
			c.GoalID = "" // the goal it serves is internal
		}
		if c.OwnerID != "" {
			if !members[c.OwnerID] {
				c.OwnerID = "" // an owner not on the customer-facing team
			}
		}
		var people []string
		for _, id := range c.Stakeholders {
			if q.Get(KindStakeholder, id) != nil {
				people = append(people, id)
			}
		}
		c.Stakeholders = people
		q.Put(c)
	}
	for _, e := range p.OfAccount(KindScorecard, accountID) {
		q.Put(e)
	}
	for _, e := range p.OfAccount(KindCycle, accountID) {
		c := Clone(e).(*Cycle)
		c.Learnings, c.Archive, c.MarginTarget = "", "", 0
		if !share.Figures {
			c.RevenueTarget = 0
		}
		q.Put(c)
	}
	for _, e := range p.OfAccount(KindReview, accountID) {
		r := Clone(e).(*ReviewMeeting)
		r.Notes, r.Snapshot = "", ""
		q.Put(r)
	}
	if share.Figures {
		for _, e := range p.OfAccount(KindFigure, accountID) {
			f := Clone(e).(*PeriodFigure)
			f.Margin = 0
			q.Put(f)
		}
	}
	for id := range members {
		if m := p.Get(KindTeamMember, id); m != nil {
			q.Put(m)
		}
	}
	return q
}
