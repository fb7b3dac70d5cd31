package model

import "sort"

// Whitespace is the business unit × offering grid of one account with its
// totals. The whitespace proper is the relevant cells nobody fills yet:
// open opportunities and unknowns (not sold, not held by a competitor, not
// irrelevant).
type Whitespace struct {
	Units                      []string                      // rows, in name order
	Offerings                  []string                      // columns: the workspace's offerings, then archived ones
	Archived                   map[string]bool               // offerings no longer in the settings but with cells
	Cells                      map[[2]string]*WhitespaceCell // [unit, offering] -> cell (missing = unknown)
	SoldByUnit, SoldByOffering map[string]Money
	GapsByUnit, GapsByOffering map[string]int
	Gaps                       int // whitespace cells in all
}

// IsWhitespace reports whether a cell state counts as whitespace.
func IsWhitespace(s CellState) bool { return s == CellOpen || s == CellUnknown || s == "" }

// WhitespaceGrid builds an account's grid from its cells and the
// workspace's offerings.
func (p *Portfolio) WhitespaceGrid(accountID string) Whitespace {
	w := Whitespace{Archived: map[string]bool{}, Cells: map[[2]string]*WhitespaceCell{},
		SoldByUnit: map[string]Money{}, SoldByOffering: map[string]Money{},
		GapsByUnit: map[string]int{}, GapsByOffering: map[string]int{}}
	current := map[string]bool{}
	for _, o := range p.Settings.Offerings {
		current[o] = true
		w.Offerings = append(w.Offerings, o)
	}
	units := map[string]bool{}
	var archived []string
	for _, e := range p.OfAccount(KindWhitespace, accountID) {
		c := e.(*WhitespaceCell)
		w.Cells[[2]string{c.BusinessUnit, c.Offering}] = c
		units[c.BusinessUnit] = true
		if !current[c.Offering] && !w.Archived[c.Offering] {
			w.Archived[c.Offering] = true
			archived = append(archived, c.Offering)
		}
	}
	sort.Strings(archived)
	w.Offerings = append(w.Offerings, archived...)
	for u := range units {
		w.Units = append(w.Units, u)
	}
	sort.Strings(w.Units)
	for _, u := range w.Units {
		for _, o := range w.Offerings {
			c := w.Cells[[2]string{u, o}]
			state := CellUnknown
			if c != nil {
				state = c.State
			}
			if state == CellSold {
				w.SoldByUnit[u] += c.Revenue
				w.SoldByOffering[o] += c.Revenue
			}
			if IsWhitespace(state) && !w.Archived[o] {
				w.GapsByUnit[u]++
				w.GapsByOffering[o]++
				w.Gaps++
			}
		}
	}
	return w
}

// WhitespaceGaps is WhitespaceGrid(accountID).Gaps without building the
// grid of an account with no cells: its grid has no rows, so no gaps.
func (p *Portfolio) WhitespaceGaps(accountID string) int {
	if p.CountOfAccount(KindWhitespace, accountID) == 0 {
		return 0
	}
	return p.WhitespaceGrid(accountID).Gaps
}

// NextCellState is the state a click moves a cell to.
func NextCellState(s CellState) CellState {
	for i, x := range CellStates {
		if x == s {
			return CellStates[(i+1)%len(CellStates)]
		}
	}
	return CellStates[0]
}

// Pipeline is an account's open opportunities added up in one currency.
type Pipeline struct {
	Currency string
	Total    Money
	Weighted Money
	Count    int
	// LeftOut counts opportunities in currencies without an exchange rate;
	// they are not in the totals.
	LeftOut map[string]int
}

// PipelineOf adds up an account's opportunities in the account's currency,
// converting others at the workspace rates and never adding unconverted
// amounts.
func (p *Portfolio) PipelineOf(accountID string) Pipeline {
	a := p.Account(accountID)
	pl := Pipeline{LeftOut: map[string]int{}}
	if a == nil {
		return pl
	}
	pl.Currency = a.Currency
	for _, e := range p.OfAccount(KindOpportunity, accountID) {
		o := e.(*Opportunity)
		rate, ok := p.Settings.Rates.Between(o.Currency, a.Currency)
		if !ok {
			pl.LeftOut[o.Currency]++
			continue
		}
		pl.Total += MoneyFromMajor(o.Value.Major() * rate)
		pl.Weighted += MoneyFromMajor(o.Weighted().Major() * rate)
		pl.Count++
	}
	return pl
}

// GoalProgress counts a goal's linked actions and how many are done.
func (p *Portfolio) GoalProgress(goalID string) (done, total int) {
	for _, e := range p.All(KindAction) {
		if a := e.(*Action); a.GoalID == goalID {
			total++
			if a.Status == StatusDone {
				done++
			}
		}
	}
	return done, total
}

// Initiatives returns a goal's initiatives in their order.
func (p *Portfolio) Initiatives(goalID string) []*Initiative {
	var out []*Initiative
	for _, e := range p.All(KindInitiative) {
		if i := e.(*Initiative); i.GoalID == goalID {
			out = append(out, i)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Order < out[j].Order })
	return out
}

// ReorderGoals moves the goal at index from to index to and returns edited
// copies of the goals whose order changed (orders become 0, 1, 2…).
func ReorderGoals(goals []*Goal, from, to int) []*Goal {
	if from < 0 || from >= len(goals) || to < 0 || to >= len(goals) {
		return nil
	}
	seq := append([]*Goal(nil), goals...)
	g := seq[from]
	seq = append(seq[:from], seq[from+1:]...)
	seq = append(seq[:to], append([]*Goal{g}, seq[to:]...)...)
	var changed []*Goal
	for i, x := range seq {
		if x.Order != i {
			c := Clone(x).(*Goal)
			c.Order = i
			changed = append(changed, c)
		}
	}
	return changed
}
