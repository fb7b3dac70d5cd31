package model

import (
	"sort"
	"time"
)

// PositionMark records where an account stood on the quadrant at a review,
// so later reviews can see who moved.
type PositionMark struct {
	ID        string
	AccountID string
	Date      time.Time
	Label     string // "FY2025 review"
	X, Y      float64
}

func (m *PositionMark) EntityID() string  { return m.ID }
func (m *PositionMark) Kind() Kind        { return KindPositionMark }
func (m *PositionMark) accountID() string { return m.AccountID }

func (m *PositionMark) Validate() error {
	c := checker{record: "position mark"}
	c.required("id", m.ID)
	c.required("account", m.AccountID)
	if m.Date.IsZero() {
		c.fail("date", "is required")
	}
	if m.X < 0 || m.X > 100 || m.Y < 0 || m.Y > 100 {
		c.fail("position", "must lie inside the quadrant, 0–100 on each axis (found %.0f, %.0f)", m.X, m.Y)
	}
	return c.err()
}

// MarkPositions returns a mark of today's position for every account that
// has one, for "Record positions" before a planning cycle closes.
func MarkPositions(accounts []*Account, w Weights, date time.Time, label string) []Entity {
	var out []Entity
	for _, a := range accounts {
		if x, y, ok := a.Position(w); ok {
			out = append(out, &PositionMark{ID: NewID(), AccountID: a.ID, Date: date, Label: label, X: x, Y: y})
		}
	}
	return out
}

// Trail returns an account's earlier positions, oldest first.
func (p *Portfolio) Trail(accountID string) []*PositionMark {
	var out []*PositionMark
	for _, e := range p.OfAccount(KindPositionMark, accountID) {
		out = append(out, e.(*PositionMark))
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Date.Before(out[j].Date) })
	return out
}

// Trails returns every account's earlier positions, oldest first, in one
// pass over the marks (for drawing all trails at once).
func (p *Portfolio) Trails() map[string][]*PositionMark {
	out := map[string][]*PositionMark{}
	for _, e := range p.records[KindPositionMark] {
		m := e.(*PositionMark)
		out[m.AccountID] = append(out[m.AccountID], m)
	}
	for _, marks := range out {
		sort.Slice(marks, func(i, j int) bool {
			if !marks[i].Date.Equal(marks[j].Date) {
				return marks[i].Date.Before(marks[j].Date)
			}
			return marks[i].ID < marks[j].ID
		})
	}
	return out
}
