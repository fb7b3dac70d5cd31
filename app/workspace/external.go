package workspace

import (
	"errors"
	"reflect"

	"orchard/model"
	"orchard/store"
)

// ExternalLabel names the event that brings in what another process saved.
const ExternalLabel = "Changes saved by another program"

// ErrConflict is returned by a command whose records another process
// changed since this one read them: nothing was written over that change.
var ErrConflict = errors.New("changed by another program")

// Changed reports, without touching the portfolio, whether another process
// has saved to the file since this workspace last read or wrote it. It is
// safe on any goroutine: a window polls it on a timer.
func (w *Workspace) Changed() (bool, error) {
	seq, err := w.st.ChangeSeq()
	if err != nil {
		return false, err
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	return seq != w.seq && !w.saving, nil
}

// Refresh reads what another process saved, if anything, into the
// portfolio and notifies listeners of exactly the records that changed. Run
// it on the goroutine that owns the portfolio. It reports whether anything
// was read.
func (w *Workspace) Refresh() (bool, error) {
	seq, err := w.st.ChangeSeq()
	if err != nil {
		return false, err
	}
	w.mu.Lock()
	same, saving := seq == w.seq, w.saving
	w.mu.Unlock()
	if same || saving {
		return false, nil
	}
	p, seq, err := w.st.Snapshot()
	if err != nil {
		return false, err
	}
	ev := w.takeIn(p)
	w.mu.Lock()
	w.seq = seq
	w.mu.Unlock()
	if len(ev.Changes) > 0 || ev.Settings {
		w.notify(ev)
	}
	return true, nil
}

// takeIn makes the portfolio equal to p, record by record, so that views
// holding the portfolio see the new content, and lists what differed.
func (w *Workspace) takeIn(p *model.Portfolio) Event {
	ev := Event{Label: ExternalLabel}
	w.takenIn++
	for _, k := range model.Kinds {
		for _, old := range w.p.All(k) {
			if p.Get(k, old.EntityID()) == nil {
				w.takeRecord(&ev, old, nil)
			}
		}
		for _, now := range p.All(k) {
			w.takeRecord(&ev, w.p.Get(k, now.EntityID()), now)
		}
	}
	if !reflect.DeepEqual(w.p.Settings, p.Settings) {
		w.p.Settings = p.Settings
		ev.Settings = true
	}
	return ev
}

// takeRecord makes one record of the portfolio what another saved (now;
// nil when they deleted it), marks it as theirs and adds the change to ev;
// a record that did not change is left alone.
func (w *Workspace) takeRecord(ev *Event, old, now model.Entity) {
	switch {
	case now == nil && old != nil:
		w.p.Remove(old.Kind(), old.EntityID())
		w.gone(old)
	case now != nil && !store.SameStored(old, now):
		w.p.Put(now)
		w.hold(now, true)
	default:
		return
	}
	ev.Changes = append(ev.Changes, change(old, now))
}

// stillApplies checks, after another process's changes were read, that a
// step was computed from records as they now are; else it says, with a
// *Conflict, who changed which record meanwhile.
func (w *Workspace) stillApplies(s step, forward bool) error {
	for _, c := range s.changes {
		expected := c.Before
		if !forward {
			expected = c.After
		}
		current := w.p.Get(c.Kind, c.ID)
		if !store.SameStored(expected, current) {
			if expected == nil {
				// They made a record this step makes too (an undone delete
				// they redid): theirs stands.
				expected = current
			}
			return w.conflictOver(expected, current)
		}
	}
	expected := s.settingsBefore
	if !forward {
		expected = s.settingsAfter
	}
	if expected != nil && !reflect.DeepEqual(*expected, w.p.Settings) {
		return w.whoChanged(&Conflict{Kind: store.SettingsKind, ID: "settings", Name: "the workspace settings"})
	}
	return nil
}
