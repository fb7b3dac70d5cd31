package workspace

import "orchard/model"

// The generic writes behind the named operations, for this package's tests
// of what every write does (validation, undo, the closed-cycle rule).

func (w *Workspace) Create(e model.Entity) error { return w.create(e) }
func (w *Workspace) Update(e model.Entity) error { return w.update(e) }
func (w *Workspace) Apply(label string, records []model.Entity) error {
	return w.applyRecords(label, records)
}
func (w *Workspace) Commit(label string, puts, deletes []model.Entity) error {
	return w.commit(label, puts, deletes)
}

// Seq is the change count the workspace reflects, for the team benchmark
// to match a save to the notices it causes.
func (w *Workspace) Seq() int64 {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.seq
}
