package workspace

import (
	"errors"
	"fmt"

	"orchard/model"
	"orchard/store"
)

// ErrNotFound is returned by commands on a record that no longer exists.
var ErrNotFound = errors.New("record not found")

// run saves a step, keeps it in memory, records it for undo and notifies.
func (w *Workspace) run(s step) error {
	if err := w.apply(s, true); err != nil {
		return err
	}
	w.mu.Lock()
	w.undo = append(w.undo, s)
	if len(w.undo) > maxUndo {
		w.undo = w.undo[len(w.undo)-maxUndo:]
	}
	w.redo = nil
	w.mu.Unlock()
	w.notify(Event{Label: s.label, Changes: s.changes, Settings: s.settingsAfter != nil})
	return nil
}

// ErrBusy is returned by commands while an import is being saved.
var ErrBusy = errors.New("an import is being saved; try again when it has finished")

// apply writes a step forward (after) or backward (before) in one
// transaction, then updates the in-memory portfolio to match.
func (w *Workspace) apply(s step, forward bool) error {
	if w.isSaving() {
		return ErrBusy
	}
	if w.Offline() {
		return ErrOffline
	}
	b := batchOf(s, forward)
	w.mu.Lock()
	seq := w.seq
	w.mu.Unlock()
	// When another process saved since this one last read, its changes are
	// read in while the write lock is held, so no one else saves
	// meanwhile, and the step is written only if it was computed from
	// records as they now are.
	next, err := w.st.WriteCaughtUp(b, seq, func() (store.Batch, error) {
		if _, err := w.Refresh(); err != nil {
			return b, err
		}
		return b, w.stillApplies(s, forward)
	})
	if err != nil {
		return err
	}
	w.mu.Lock()
	w.seq = next
	w.mu.Unlock()
	w.remember(b)
	return nil
}

func (w *Workspace) isSaving() bool {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.saving
}

// remember makes a written batch part of the in-memory portfolio.
func (w *Workspace) remember(b store.Batch) {
	for _, e := range b.Deletes {
		w.p.Remove(e.Kind(), e.EntityID())
	}
	for _, e := range b.Puts {
		w.p.Put(e)
		w.hold(e, false)
	}
	if b.Settings != nil {
		w.p.Settings = *b.Settings
	}
}

// batchOf lists what a step writes going forward or backward.
func batchOf(s step, forward bool) store.Batch {
	var b store.Batch
	for _, c := range s.changes {
		target, gone := c.After, c.Before
		if !forward {
			target, gone = c.Before, c.After
		}
		if target != nil {
			b.Puts = append(b.Puts, target)
		} else if gone != nil {
			b.Deletes = append(b.Deletes, gone)
		}
	}
	b.Settings = s.settingsAfter
	if !forward {
		b.Settings = s.settingsBefore
	}
	return b
}

func change(before, after model.Entity) Change {
	ref := after
	if ref == nil {
		ref = before
	}
	return Change{Kind: ref.Kind(), ID: ref.EntityID(), AccountID: model.AccountOf(ref), Before: before, After: after}
}

// Create adds a new record after checking it and its references.
func (w *Workspace) create(e model.Entity) error {
	if w.p.Get(e.Kind(), e.EntityID()) != nil {
		return fmt.Errorf("%s already exists", model.Describe(e))
	}
	if err := w.p.Check(e); err != nil {
		return err
	}
	w.stamp(e)
	return w.run(step{label: "Add " + model.Describe(e), changes: []Change{change(nil, e)}})
}

// Update replaces a record with an edited copy (see model.Clone).
func (w *Workspace) update(e model.Entity) error {
	before := w.p.Get(e.Kind(), e.EntityID())
	if before == nil {
		return fmt.Errorf("cannot save %s: %w (it may have been deleted)", model.Describe(e), ErrNotFound)
	}
	if before == e {
		return fmt.Errorf("cannot save %s: edit a copy (model.Clone), not the stored record", model.Describe(e))
	}
	if err := refuseClosed(before); err != nil {
		return err
	}
	return w.edit("Edit "+model.Describe(e), before, e)
}

// Delete removes a record together with what hangs from it (an account's
// stakeholders, actions…) and clears references to it elsewhere. Undo brings
// all of it back.
func (w *Workspace) Delete(k model.Kind, id string) error {
	e := w.p.Get(k, id)
	if e == nil {
		return fmt.Errorf("cannot delete %s %s: %w", k, id, ErrNotFound)
	}
	return w.DeleteMany("Delete "+model.Describe(e), []model.Entity{e})
}

// DeleteMany removes several records as one undoable step.
func (w *Workspace) DeleteMany(label string, records []model.Entity) error {
	seen := map[string]bool{}
	var changes []Change
	key := func(e model.Entity) string { return model.PendingKey(e.Kind(), e.EntityID()) }
	for _, e := range records {
		for _, d := range w.p.Detached(e) {
			if !seen[key(d)] {
				seen[key(d)] = true
				changes = append(changes, change(w.p.Get(d.Kind(), d.EntityID()), d))
			}
		}
		for _, d := range append(w.p.Dependents(e), e) {
			if !seen[key(d)] {
				seen[key(d)] = true
				changes = append(changes, change(d, nil))
			} else {
				// A detached copy was queued; the record goes entirely instead.
				for i := range changes {
					if changes[i].Kind == d.Kind() && changes[i].ID == d.EntityID() {
						changes[i].After = nil
					}
				}
			}
		}
	}
	if len(changes) == 0 {
		return nil
	}
	return w.run(step{label: label, changes: changes})
}

// Apply saves several new or edited records as one undoable step (an import,
// a re-layout, a board reorder). Each is checked against the portfolio as it
// will be after the records before it.
func (w *Workspace) applyRecords(label string, records []model.Entity) error {
	changes, err := w.changesFor(label, records)
	if err != nil {
		return err
	}
	for _, e := range records {
		w.stamp(e)
	}
	return w.run(step{label: label, changes: changes})
}

// changesFor checks records against the portfolio as it will be with all of
// them, and lists the changes they make.
func (w *Workspace) changesFor(label string, records []model.Entity) ([]Change, error) {
	var changes []Change
	pending := map[string]model.Entity{}
	for _, e := range records {
		k := model.PendingKey(e.Kind(), e.EntityID())
		before := w.p.Get(e.Kind(), e.EntityID())
		if before == e {
			return nil, fmt.Errorf("%s: edit a copy (model.Clone), not the stored record", label)
		}
		if _, dup := pending[k]; dup {
			return nil, fmt.Errorf("%s: %s appears twice", label, model.Describe(e))
		}
		// A closed cycle stays as it was, whichever command would change it.
		if before != nil && !model.Same(before, e) {
			if err := refuseClosed(before); err != nil {
				return nil, fmt.Errorf("%s: %w", label, err)
			}
		}
		pending[k] = e
		changes = append(changes, change(before, e))
	}
	// Check with the whole batch visible, so records may refer to each other.
	for _, e := range records {
		if err := w.p.CheckAmong(e, pending); err != nil {
			return nil, fmt.Errorf("%s: %w", label, err)
		}
	}
	return changes, nil
}

// Import saves the records an import planned, and the settings it brings
// when not nil, as one undoable step. Records keep the times they carry.
func (w *Workspace) Import(label string, records []model.Entity, settings *model.Settings) error {
	pi, err := w.PrepareImport(label, records, settings)
	if err != nil {
		return err
	}
	if err := pi.Save(); err != nil {
		return err
	}
	pi.Finish()
	return nil
}

// PendingImport is an import checked against the workspace and ready to be
// saved. Save may run on any goroutine; until Finish or a failed Save, other
// commands are refused with ErrBusy. Finish, on the goroutine that owns the
// portfolio (the UI's), makes it part of the workspace: portfolio, undo,
// notification.
type PendingImport struct {
	w     *Workspace
	s     step
	batch store.Batch
	seq   int64 // the change count the import was planned against
}

// PrepareImport checks an import's records and settings against the
// workspace as it is now.
func (w *Workspace) PrepareImport(label string, records []model.Entity, settings *model.Settings) (*PendingImport, error) {
	if w.Offline() {
		return nil, ErrOffline
	}
	if settings != nil {
		if err := settings.Validate(); err != nil {
			return nil, fmt.Errorf("%s: %w", label, err)
		}
	}
	changes, err := w.changesFor(label, records)
	if err != nil {
		return nil, err
	}
	s := step{label: label, changes: changes}
	if settings != nil {
		before := w.p.Settings
		s.settingsBefore, s.settingsAfter = &before, settings
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.saving {
		return nil, ErrBusy
	}
	w.saving = true
	return &PendingImport{w: w, s: s, batch: batchOf(s, true), seq: w.seq}, nil
}

// Save writes the import in one transaction. When it fails nothing was
// written and the workspace takes commands again. When another process
// saved to the file after the import was planned, the error wraps
// store.ErrStale: Refresh, plan the import again and save that.
func (pi *PendingImport) Save() error {
	seq, err := pi.w.st.WriteIf(pi.batch, pi.seq)
	pi.w.mu.Lock()
	defer pi.w.mu.Unlock()
	if err != nil {
		pi.w.saving = false
		if errors.Is(err, store.ErrStale) {
			return fmt.Errorf("%w; the import was planned against what was there before and has not been saved", err)
		}
		return err
	}
	pi.w.seq = seq
	return nil
}

// Abandon gives up an import that was prepared but will not be saved.
func (pi *PendingImport) Abandon() {
	pi.w.mu.Lock()
	pi.w.saving = false
	pi.w.mu.Unlock()
}

// Finish makes a saved import part of the workspace.
func (pi *PendingImport) Finish() {
	w := pi.w
	w.remember(pi.batch)
	w.mu.Lock()
	w.saving = false
	w.undo = append(w.undo, pi.s)
	if len(w.undo) > maxUndo {
		w.undo = w.undo[len(w.undo)-maxUndo:]
	}
	w.redo = nil
	w.mu.Unlock()
	w.notify(Event{Label: pi.s.label, Changes: pi.s.changes, Settings: pi.s.settingsAfter != nil})
}

// Commit saves new or edited records and deletes others as one undoable
// step (a cycle roll-over: the closed cycle, the new one, the actions
// archived).
func (w *Workspace) commit(label string, puts, deletes []model.Entity) error {
	pending := map[string]model.Entity{}
	var changes []Change
	for _, e := range puts {
		before := w.p.Get(e.Kind(), e.EntityID())
		if before == e {
			return fmt.Errorf("%s: edit a copy (model.Clone), not the stored record", label)
		}
		if err := refuseClosed(before); err != nil {
			return err
		}
		pending[model.PendingKey(e.Kind(), e.EntityID())] = e
		changes = append(changes, change(before, e))
	}
	for _, e := range puts {
		if err := w.p.CheckAmong(e, pending); err != nil {
			return fmt.Errorf("%s: %w", label, err)
		}
	}
	for _, e := range deletes {
		cur := w.p.Get(e.Kind(), e.EntityID())
		if cur == nil {
			return fmt.Errorf("%s: %s no longer exists", label, model.Describe(e))
		}
		changes = append(changes, change(cur, nil))
	}
	return w.run(step{label: label, changes: changes})
}

// refuseClosed keeps a closed planning cycle read-only.
func refuseClosed(before model.Entity) error {
	if c, ok := before.(*model.Cycle); ok && c.Closed {
		return fmt.Errorf("%s is closed and read-only", c.Name)
	}
	return nil
}

// UpdateSettings replaces the workspace settings.
func (w *Workspace) UpdateSettings(s model.Settings) error {
	if err := s.Validate(); err != nil {
		return err
	}
	before := w.p.Settings
	return w.run(step{label: "Change workspace settings", settingsBefore: &before, settingsAfter: &s})
}

// stamp records when an account last changed, for plan freshness.
func (w *Workspace) stamp(e model.Entity) {
	if a, ok := e.(*model.Account); ok {
		a.Updated = w.now().UTC()
	}
}
