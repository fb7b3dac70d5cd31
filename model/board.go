package model

import (
	"fmt"
	"sort"
	"strings"
	"time"
)

// LaneMode says how the action board splits its columns into swimlanes.
type LaneMode string

const (
	LanesNone    LaneMode = ""
	LanesOwner   LaneMode = "owner"
	LanesHorizon LaneMode = "horizon"
	LanesGoal    LaneMode = "goal"
)

// LaneModes lists the swimlane choices in the order the board offers them.
var LaneModes = []LaneMode{LanesNone, LanesOwner, LanesHorizon, LanesGoal}

// LaneValue is the value of the field a lane mode groups by ("" for none).
func LaneValue(a *Action, mode LaneMode) string {
	switch mode {
	case LanesOwner:
		return a.OwnerID
	case LanesHorizon:
		return string(a.Horizon)
	case LanesGoal:
		return a.GoalID
	}
	return ""
}

// setLane writes a lane's value into the field the lanes group by: moving a
// card across lanes changes its owner, horizon or goal.
func setLane(a *Action, mode LaneMode, value string) {
	switch mode {
	case LanesOwner:
		a.OwnerID = value
	case LanesHorizon:
		a.Horizon = Horizon(value)
	case LanesGoal:
		a.GoalID = value
	}
}

// Lane is one swimlane: the field value and its title.
type Lane struct {
	Value string
	Title string
}

// BoardLanes returns the lanes for actions in a mode: every value in use,
// plus the choices a card could be dropped into, with "none" last.
func (p *Portfolio) BoardLanes(actions []*Action, mode LaneMode, accountID string) []Lane {
	switch mode {
	case LanesNone:
		return []Lane{{}}
	case LanesHorizon:
		return []Lane{{string(HorizonShort), "3–6 months"}, {string(HorizonLong), "12–36 months"}, {"", "No horizon"}}
	case LanesGoal:
		var lanes []Lane
		seen := map[string]bool{}
		goals := p.Goals(accountID)
		if accountID == "" {
			for _, e := range p.All(KindGoal) {
				goals = append(goals, e.(*Goal))
			}
		}
		for _, g := range goals {
			lanes = append(lanes, Lane{g.ID, g.Title})
			seen[g.ID] = true
		}
		for _, a := range actions {
			if a.GoalID != "" && !seen[a.GoalID] {
				seen[a.GoalID] = true
				lanes = append(lanes, Lane{a.GoalID, "Goal " + a.GoalID})
			}
		}
		return append(lanes, Lane{"", "No objective"})
	}
	// Owners: the people who own a card here, by name.
	var lanes []Lane
	seen := map[string]bool{}
	for _, a := range actions {
		if a.OwnerID != "" && !seen[a.OwnerID] {
			seen[a.OwnerID] = true
			name := a.OwnerID
			if m, ok := p.Get(KindTeamMember, a.OwnerID).(*TeamMember); ok {
				name = m.Name
			}
			lanes = append(lanes, Lane{a.OwnerID, name})
		}
	}
	sort.Slice(lanes, func(i, j int) bool { return lanes[i].Title < lanes[j].Title })
	return append(lanes, Lane{"", "Unassigned"})
}

// ActionFilter narrows the board; zero values keep everything.
type ActionFilter struct {
	OwnerID     string
	GoalID      string
	Horizon     Horizon
	OverdueOnly bool
	AgreedOnly  bool
	Text        string
}

// Keeps reports whether a card passes the filter on a given day.
func (f ActionFilter) Keeps(a *Action, today time.Time) bool {
	if f.OwnerID != "" && a.OwnerID != f.OwnerID || f.GoalID != "" && a.GoalID != f.GoalID ||
		f.Horizon != "" && a.Horizon != f.Horizon || f.OverdueOnly && !a.Overdue(today) || f.AgreedOnly && !a.CustomerAgreed {
		return false
	}
	if t := strings.ToLower(strings.TrimSpace(f.Text)); t != "" {
		return strings.Contains(strings.ToLower(a.Title+"\x00"+a.Description+"\x00"+a.Notes), t)
	}
	return true
}

// Column returns the cards of one status (and lane, unless mode is none)
// that pass the filter, in board order.
func Column(actions []*Action, status Status, mode LaneMode, lane string, f ActionFilter, today time.Time) []*Action {
	var out []*Action
	for _, a := range actions {
		if a.Status == status && (mode == LanesNone || LaneValue(a, mode) == lane) && f.Keeps(a, today) {
			out = append(out, a)
		}
	}
	sortByOrder(out)
	return out
}

func sortByOrder(list []*Action) {
	sort.SliceStable(list, func(i, j int) bool {
		if list[i].Order != list[j].Order {
			return list[i].Order < list[j].Order
		}
		return list[i].ID < list[j].ID
	})
}

// BoardMove is where a card is dropped: a column, a lane, and a neighbour.
// Before names the card it lands above; if empty, After names the card it
// lands below; if both are empty it goes to the end of the column.
type BoardMove struct {
	ID     string
	Status Status
	Mode   LaneMode
	Lane   string
	Before string
	After  string
}

// minGap is the smallest order difference kept between neighbours before
// the column is renumbered; far above float64 resolution for any board.
const minGap = 1e-6

// MoveCard returns edited copies of the actions a move changes: the moved
// card (new status, lane field and order) and, when its neighbours are too
// close to fit between, the renumbered rest of its column. The inputs are
// not modified.
func MoveCard(actions []*Action, m BoardMove) ([]*Action, error) {
	var moved *Action
	var column []*Action
	for _, a := range actions {
		if a.ID == m.ID {
			moved = a
		} else if a.Status == m.Status {
			column = append(column, a)
		}
	}
	if moved == nil {
		return nil, fmt.Errorf("no action %s on the board", m.ID)
	}
	sortByOrder(column)
	at := len(column) // insertion index in the full column
	find := func(id string) int {
		for i, a := range column {
			if a.ID == id {
				return i
			}
		}
		return -1
	}
	switch {
	case m.Before != "":
		if at = find(m.Before); at < 0 {
			return nil, fmt.Errorf("the card to drop above (%s) is not in column %s", m.Before, m.Status.Label())
		}
	case m.After != "":
		i := find(m.After)
		if i < 0 {
			return nil, fmt.Errorf("the card to drop below (%s) is not in column %s", m.After, m.Status.Label())
		}
		at = i + 1
	}
	c := Clone(moved).(*Action)
	c.Status = m.Status
	if m.Mode != LanesNone {
		setLane(c, m.Mode, m.Lane)
	}
	switch {
	case len(column) == 0:
		c.Order = 1
	case at == 0:
		c.Order = column[0].Order - 1
	case at == len(column):
		c.Order = column[len(column)-1].Order + 1
	default:
		lo, hi := column[at-1].Order, column[at].Order
		if hi-lo > minGap {
			c.Order = lo + (hi-lo)/2
		} else {
			return renumber(column, c, at), nil
		}
	}
	return []*Action{c}, nil
}

// renumber gives the column orders 1, 2, 3… with c inserted at index at.
func renumber(column []*Action, c *Action, at int) []*Action {
	seq := make([]*Action, 0, len(column)+1)
	seq = append(seq, column[:at]...)
	seq = append(seq, c)
	seq = append(seq, column[at:]...)
	var changed []*Action
	for i, a := range seq {
		want := float64(i + 1)
		if a == c {
			c.Order = want
			changed = append(changed, c)
		} else if a.Order != want {
			e := Clone(a).(*Action)
			e.Order = want
			changed = append(changed, e)
		}
	}
	return changed
}

// StatusStep returns the status d columns to the right (negative: left),
// staying on the board.
func StatusStep(s Status, d int) Status {
	for i, x := range Statuses {
		if x == s {
			j := max(0, min(len(Statuses)-1, i+d))
			return Statuses[j]
		}
	}
	return s
}

// WIPKey names a WIP limit: a column, or a column within one lane.
func WIPKey(status Status, mode LaneMode, lane string) string {
	if mode == LanesNone {
		return string(status)
	}
	return string(status) + "/" + string(mode) + "/" + lane
}

// ActionCounts tallies actions by status and counts the overdue ones.
func ActionCounts(actions []*Action, today time.Time) (byStatus map[Status]int, overdue int) {
	byStatus = map[Status]int{}
	for _, a := range actions {
		byStatus[a.Status]++
		if a.Overdue(today) {
			overdue++
		}
	}
	return byStatus, overdue
}

// WIPState is how a board column stands against its work-in-progress
// limits: the column's own limit and whether its cards exceed it, and
// each lane whose cards exceed that lane's limit.
type WIPState struct {
	Limit int // the column's limit, 0 for none
	Over  bool
	Lanes []LaneOver
}

// LaneOver is a lane over its limit in one column.
type LaneOver struct {
	Lane  Lane
	Limit int
}

// WIPStateOf reads the limits for column s of a board of actions shown in
// lanes (mode); the counts are of every action on the board, filtered or
// not, as the limits are.
func WIPStateOf(actions []*Action, s Status, mode LaneMode, lanes []Lane, wip map[string]int) WIPState {
	var st WIPState
	total := 0
	perLane := map[string]int{}
	for _, a := range actions {
		if a.Status == s {
			total++
			perLane[LaneValue(a, mode)]++
		}
	}
	if limit := wip[WIPKey(s, LanesNone, "")]; limit > 0 {
		st.Limit, st.Over = limit, total > limit
	}
	if mode != LanesNone {
		for _, l := range lanes {
			if limit := wip[WIPKey(s, mode, l.Value)]; limit > 0 && perLane[l.Value] > limit {
				st.Lanes = append(st.Lanes, LaneOver{Lane: l, Limit: limit})
			}
		}
	}
	return st
}
