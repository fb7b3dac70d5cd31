package workspace

import (
	"fmt"

	"orchard/model"
)

// MoveAccount places an account by hand on the quadrant (0–100 each axis).
func (w *Workspace) MoveAccount(id string, x, y float64) error {
	a := w.p.Account(id)
	if a == nil {
		return fmt.Errorf("cannot move account %s: %w", id, ErrNotFound)
	}
	c := model.Clone(a).(*model.Account)
	c.Placed, c.PlaceX, c.PlaceY = true, clamp(x, 0, 100), clamp(y, 0, 100)
	return w.edit("Move "+model.Describe(a), a, c)
}

// ResetPlacement returns an account to the position its scores give.
func (w *Workspace) ResetPlacement(id string) error {
	a := w.p.Account(id)
	if a == nil {
		return fmt.Errorf("cannot reset account %s: %w", id, ErrNotFound)
	}
	c := model.Clone(a).(*model.Account)
	c.Placed, c.PlaceX, c.PlaceY = false, 0, 0
	return w.edit("Reset placement of "+model.Describe(a), a, c)
}

func (w *Workspace) edit(label string, before, after model.Entity) error {
	if err := w.p.Check(after); err != nil {
		return err
	}
	w.stamp(after)
	return w.run(step{label: label, changes: []Change{change(before, after)}})
}

func clamp(v, lo, hi float64) float64 {
	if v < lo {
		return lo
	}
	if v > hi {
		return hi
	}
	return v
}
