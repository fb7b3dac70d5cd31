// Package workspace is the running state of an open workspace: the model in
// memory, the commands that change it, undo and redo, and notifications. It
// is the only writer to the store.
package workspace

import (
	"fmt"
	"sync"
	"time"

	"orchard/model"
	"orchard/store"
)

// Change is one record before and after a command; nil means absent.
type Change struct {
	Kind      model.Kind
	ID        string
	AccountID string
	Before    model.Entity
	After     model.Entity
}

// Event tells listeners what a command, an undo or a redo changed.
type Event struct {
	Label    string // "Edit account \"Acme\"", "Undo Delete action \"Call CFO\""
	Changes  []Change
	Settings bool // the workspace settings changed
}

// Touches reports whether the event changed any record of kind k.
func (e Event) Touches(k model.Kind) bool {
	for _, c := range e.Changes {
		if c.Kind == k {
			return true
		}
	}
	return false
}

// TouchesAccount reports whether the event changed anything of an account.
func (e Event) TouchesAccount(id string) bool {
	for _, c := range e.Changes {
		if c.AccountID == id || c.Kind == model.KindTeamMember {
			return true
		}
	}
	return false
}

// Listener receives events on the goroutine that ran the command.
type Listener func(Event)

type step struct {
	label          string
	changes        []Change
	settingsBefore *model.Settings
	settingsAfter  *model.Settings
}

// Workspace is an open workspace file and its content.
type Workspace struct {
	mu        sync.Mutex
	st        *store.Store
	p         *model.Portfolio
	undo      []step
	redo      []step
	listeners map[int]Listener
	nextID    int
	now       func() time.Time
	saving    bool  // an import is being saved: other commands wait
	seq       int64 // the file's change count the portfolio reflects
	offline   bool  // the team server cannot be reached (live.go)

	// Which version of a record is whose (conflict.go): how many times
	// others' changes were taken in, when each held version became the
	// stored one, and when each record was last changed elsewhere.
	takenIn   uint64
	heldSince map[model.Entity]uint64
	otherAt   map[string]uint64
}

// maxUndo bounds memory; older steps fall off the bottom.
const maxUndo = 500

// Open opens a workspace file and loads it.
func Open(path string) (*Workspace, error) {
	st, err := store.Open(path)
	if err != nil {
		return nil, err
	}
	return load(st)
}

// Create makes a new workspace file holding settings and records, written in
// one transaction, and opens it. Nothing is on the undo stack afterwards.
func Create(path string, settings model.Settings, records []model.Entity) (*Workspace, error) {
	if err := settings.Validate(); err != nil {
		return nil, err
	}
	st, err := store.Create(path, func(st *store.Store) error {
		if err := st.Write(store.Batch{Puts: records, Settings: &settings}); err != nil {
			return fmt.Errorf("filling the new workspace: %w", err)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return load(st)
}

func load(st *store.Store) (*Workspace, error) {
	p, seq, err := st.Snapshot()
	if err != nil {
		st.Close()
		return nil, err
	}
	return &Workspace{st: st, p: p, seq: seq, listeners: map[int]Listener{}, now: time.Now}, nil
}

// Close closes the file. Every command has already been saved.
func (w *Workspace) Close() error { return w.st.Close() }

// Path returns the workspace file's path.
func (w *Workspace) Path() string { return w.st.Path() }

// ReadOnly reports whether edits are refused because the file is read-only.
func (w *Workspace) ReadOnly() bool { return w.st.ReadOnly() }

// Access says who is signed in to a team workspace, and in what role
// (store.Access); a file has every right and no role.
func (w *Workspace) Access() store.Access { return w.st.Access() }

// SchemaVersion returns the file's schema version.
func (w *Workspace) SchemaVersion() int { return w.st.SchemaVersion() }

// BackupPath is the copy taken before an upgrade on open, or "".
func (w *Workspace) BackupPath() string { return w.st.BackupPath() }

// SaveCopy writes a copy of the workspace file to path.
func (w *Workspace) SaveCopy(path string) error { return w.st.SaveCopy(path) }

// Portfolio returns the content. Treat it as read-only: change it through
// commands, editing a model.Clone of a record.
func (w *Workspace) Portfolio() *model.Portfolio { return w.p }

// Subscribe registers l and returns a function that removes it.
func (w *Workspace) Subscribe(l Listener) (unsubscribe func()) {
	w.mu.Lock()
	defer w.mu.Unlock()
	id := w.nextID
	w.nextID++
	w.listeners[id] = l
	return func() {
		w.mu.Lock()
		defer w.mu.Unlock()
		delete(w.listeners, id)
	}
}

func (w *Workspace) notify(ev Event) {
	w.mu.Lock()
	ls := make([]Listener, 0, len(w.listeners))
	for i := 0; i < w.nextID; i++ {
		if l, ok := w.listeners[i]; ok {
			ls = append(ls, l)
		}
	}
	w.mu.Unlock()
	for _, l := range ls {
		l(ev)
	}
}
