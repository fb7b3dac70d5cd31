package workspace

import (
	"fmt"
	"strings"
	"time"

	"orchard/model"
)

// What a user does on the screens, named: each builds its change set from
// the records as stored, checks it and runs it as one undoable step. The
// views call these (and the command line can), rather than assembling
// records themselves.

// MoveCard moves a card on a board. board lists the actions the board
// shows (their stored versions are used), so the card's new place is
// among its neighbours there; a column whose neighbours are too close is
// renumbered in the same step.
func (w *Workspace) MoveCard(board []string, m model.BoardMove) error {
	var actions []*model.Action
	for _, id := range board {
		if a, ok := w.p.Get(model.KindAction, id).(*model.Action); ok {
			actions = append(actions, a)
		}
	}
	a, ok := w.p.Get(model.KindAction, m.ID).(*model.Action)
	if !ok {
		return fmt.Errorf("cannot move action %s: %w", m.ID, ErrNotFound)
	}
	changed, err := model.MoveCard(actions, m)
	if err != nil {
		return err
	}
	label := "Move " + model.Describe(a)
	if a.Status != m.Status {
		label += " to " + m.Status.Label()
	}
	records := make([]model.Entity, len(changed))
	for i, c := range changed {
		records[i] = c
	}
	return w.applyRecords(label, records)
}

// Placement is where a card stands on the relationship map.
type Placement struct {
	ID   string
	X, Y float64
}

// PlaceStakeholders saves where people were moved to on the map. People
// still laid out automatically (shown) are fixed where they are shown in
// the same step: otherwise the layout of the rest would shift around the
// moved cards.
func (w *Workspace) PlaceStakeholders(moved, shown []Placement) error {
	var recs []model.Entity
	place := func(pl Placement, onlyUnplaced bool) {
		s, ok := w.p.Get(model.KindStakeholder, pl.ID).(*model.Stakeholder)
		if !ok || (onlyUnplaced && s.Placed) {
			return
		}
		c := model.Clone(s).(*model.Stakeholder)
		c.Placed, c.MapX, c.MapY = true, pl.X, pl.Y
		recs = append(recs, c)
	}
	for _, pl := range moved {
		place(pl, false)
	}
	n := len(recs)
	if n == 0 {
		return nil
	}
	label := "Move " + model.Describe(recs[0])
	if n > 1 {
		label = fmt.Sprintf("Move %d stakeholders", n)
	}
	isMoved := map[string]bool{}
	for _, pl := range moved {
		isMoved[pl.ID] = true
	}
	for _, pl := range shown {
		if !isMoved[pl.ID] {
			place(pl, true)
		}
	}
	return w.applyRecords(label, recs)
}

// RecordPositions marks where every assessed account stands on the
// quadrant now, under a label ("Review Dec 2026"), so the quadrant can
// draw how they move. It returns how many were marked.
func (w *Workspace) RecordPositions(label string, at time.Time) (int, error) {
	marks := model.MarkPositions(w.p.Accounts(), w.p.Settings.Weights, at.UTC(), label)
	if len(marks) == 0 {
		return 0, fmt.Errorf("no account is assessed yet, so there is no position to record")
	}
	return len(marks), w.applyRecords(fmt.Sprintf("Record positions of %d accounts", len(marks)), marks)
}

// Review is a review meeting with the customer as the user records it.
type Review struct {
	AccountID            string
	Date, Next           time.Time
	Attendees, Decisions string
	NewActions           []string // one agreed action per line
}

// RecordReview records a review meeting: what the plan looked like that
// day (for "what changed since"), the cycle it falls in, and the actions
// decided, each agreed with the customer, at the end of the board.
func (w *Workspace) RecordReview(r Review) error {
	if w.p.Account(r.AccountID) == nil {
		return fmt.Errorf("cannot record a review of account %s: %w", r.AccountID, ErrNotFound)
	}
	if r.Date.IsZero() {
		return fmt.Errorf("a review needs its date")
	}
	m := &model.ReviewMeeting{ID: model.NewID(), AccountID: r.AccountID, Date: r.Date, NextDate: r.Next,
		Attendees: r.Attendees, Decisions: r.Decisions, Snapshot: w.p.Snapshot(r.AccountID).Encode()}
	var cycles []*model.Cycle
	for _, e := range w.p.OfAccount(model.KindCycle, r.AccountID) {
		if c := e.(*model.Cycle); !c.Closed {
			cycles = append(cycles, c)
		}
	}
	if cy := model.CurrentCycle(cycles, r.Date); cy != nil {
		m.CycleID = cy.ID
	}
	recs := []model.Entity{m}
	order := float64(len(w.p.Actions(r.AccountID)) + 1)
	day := r.Date.Format("2 Jan 2006") // kept in the record, so written the neutral way
	for _, l := range r.NewActions {
		if l = strings.TrimSpace(l); l != "" {
			recs = append(recs, &model.Action{ID: model.NewID(), AccountID: r.AccountID, Title: l, Status: model.StatusPlanned,
				CustomerAgreed: true, Description: "Decided at the review of " + day, Order: order})
			order++
		}
	}
	return w.applyRecords("Record review of "+day, recs)
}

// SetWIPLimit sets the work-in-progress limit of a board column or lane
// (model.WIPKey); 0 removes it.
func (w *Workspace) SetWIPLimit(key string, n int) error {
	if n < 0 {
		return fmt.Errorf("a WIP limit is 0 (none) or more cards, not %d", n)
	}
	s := w.p.Settings
	wip := map[string]int{}
	for k, v := range s.WIP {
		wip[k] = v
	}
	if n == 0 {
		delete(wip, key)
	} else {
		wip[key] = n
	}
	s.WIP = wip
	return w.UpdateSettings(s)
}
