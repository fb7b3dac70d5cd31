package workspace

import (
	"errors"
	"fmt"
	"time"
	"unicode"

	"orchard/model"
	"orchard/store"
)

// Conflict is returned when what a person saves or undoes was made against
// a version of a record that someone else has changed since: nothing was
// written over their change. It says who changed what, keeps the person's
// own edit, and for an edit Reapply lays it over the new version.
type Conflict struct {
	Kind   model.Kind
	ID     string
	Name   string       // the record as a person calls it
	Theirs model.Entity // the record as it now is; nil when they deleted it
	Fields []string     // what they changed (model.ChangedFields)
	By     string       // who saved it last; "" when not known
	At     time.Time    // when
	Undo   string       // the step that could not be undone or redone ("Undo Edit Acme"); "" for an edit

	base, mine model.Entity // the version the edit was made from, and the edit
}

func (c *Conflict) Unwrap() error { return ErrConflict }

// Who is who changed the record: their name, or "Someone else".
func (c *Conflict) Who() string {
	if c.By == "" {
		return "Someone else"
	}
	return c.By
}

func (c *Conflict) Error() string {
	who := c.Who()
	when := ""
	if !c.At.IsZero() {
		when = " " + whenSaid(c.At)
	}
	what := c.Name
	if c.Theirs != nil && len(c.Fields) > 0 {
		what += " (" + model.FieldLabels(c.Fields) + ")"
	}
	deleted := c.Theirs == nil && c.Kind != store.SettingsKind
	switch {
	case c.Undo != "" && deleted:
		return fmt.Sprintf("Cannot %s: %s deleted %s since%s. The step is kept.", lowerFirst(c.Undo), who, c.Name, when)
	case c.Undo != "":
		return fmt.Sprintf("Cannot %s: %s changed %s since%s, and it would overwrite that. The step is kept.", lowerFirst(c.Undo), who, what, when)
	case deleted:
		return fmt.Sprintf("%s deleted %s%s while you were editing it; your changes were not saved.", who, c.Name, when)
	case c.mine == nil:
		return fmt.Sprintf("%s changed %s%s while you were editing it. Orchard shows their version now; make your change again if it is still needed.", who, what, when)
	}
	return fmt.Sprintf("%s changed %s%s while you were editing it. Orchard shows their version now; your changes are kept, to apply again or drop.", who, what, when)
}

// Mine is the person's own edit that was refused.
func (c *Conflict) Mine() model.Entity { return c.mine }

// MyFields names what the person changed in their refused edit.
func (c *Conflict) MyFields() []string { return model.ChangedFields(c.base, c.mine) }

// CanReapply reports whether the refused edit can be laid over the record
// as it now is (not when the record was deleted, nor for an undo).
func (c *Conflict) CanReapply() bool { return c.Undo == "" && c.Theirs != nil && c.mine != nil }

// whenSaid words a moment for a message: "at 14:02" today, "on 3 Dec at
// 14:02" before.
func whenSaid(t time.Time) string {
	t = t.Local()
	now := time.Now()
	if y, m, d := t.Date(); y == now.Year() && m == now.Month() && d == now.Day() {
		return "at " + t.Format("15:04")
	}
	return "on " + t.Format("2 Jan 2006") + " at " + t.Format("15:04")
}

func lowerFirst(s string) string {
	if s == "" {
		return s
	}
	r := []rune(s)
	r[0] = unicode.ToLower(r[0])
	return string(r)
}

// conflictOver describes another's change to a record that a step or edit
// expected to find as it was.
func (w *Workspace) conflictOver(expected, current model.Entity) *Conflict {
	ref := current
	if ref == nil {
		ref = expected
	}
	return w.whoChanged(&Conflict{Kind: ref.Kind(), ID: ref.EntityID(), Name: model.Describe(ref), Theirs: current, Fields: model.ChangedFields(expected, current)})
}

// whoChanged fills in who saved the conflict's record last, and when.
func (w *Workspace) whoChanged(c *Conflict) *Conflict {
	if last, err := w.st.LastChange(c.Kind, c.ID); err == nil {
		c.By, c.At = last.By, last.At
	}
	return c
}

// ChangedSince describes how the record base was a version of has changed
// since, and by whom (for a form that keeps an unsaved edit of base).
func (w *Workspace) ChangedSince(base model.Entity) *Conflict {
	return w.conflictOver(base, w.p.Get(base.Kind(), base.EntityID()))
}

// LastChange says who saved a record last and when (see store.LastChange).
func (w *Workspace) LastChange(k model.Kind, id string) (store.RecordChange, error) {
	return w.st.LastChange(k, id)
}

// SaveEdit saves a record a person edited in a form that showed base, the
// version then stored. When the stored version has changed since, by this
// window (the quadrant moved the account the form shows), what the person
// changed is laid over it; when someone else changed or deleted it, the
// edit is refused with a *Conflict and nothing is written.
func (w *Workspace) SaveEdit(base, edited model.Entity) error {
	if base == nil {
		return w.Save(edited)
	}
	current := w.p.Get(base.Kind(), base.EntityID())
	elsewhere := w.changedElsewhereSince(base)
	switch {
	case current == nil && !elsewhere:
		return w.Save(edited) // a new record, or one this window deleted: it is made again
	case current == nil || current != base && elsewhere:
		c := w.conflictOver(base, current)
		c.base, c.mine = base, edited
		return c
	}
	err := w.update(model.WithFields(current, edited, model.ChangedFields(base, edited)))
	var c *Conflict
	if errors.As(err, &c) && c.Kind == base.Kind() && c.ID == base.EntityID() {
		// Someone saved it between this window's last look and the write.
		c.base, c.mine = base, edited
	}
	return err
}

// Reapply saves a refused edit over the record as it now is: the person's
// changed fields win, the rest of the other person's change stays.
func (w *Workspace) Reapply(c *Conflict) error {
	if !c.CanReapply() {
		return c
	}
	current := w.p.Get(c.Kind, c.ID)
	if current == nil {
		return w.conflictOver(c.Theirs, nil)
	}
	return w.SaveEdit(current, model.WithFields(current, c.mine, c.MyFields()))
}

// changedElsewhereSince reports whether another program or person changed
// the record since base was the stored version. Each version this
// workspace holds is marked with how many times it had taken in others'
// changes when that version became the stored one; a version not marked
// was loaded at the start.
func (w *Workspace) changedElsewhereSince(base model.Entity) bool {
	last, ok := w.otherAt[model.PendingKey(base.Kind(), base.EntityID())]
	if !ok {
		return false
	}
	return last > w.heldSince[base]
}

// hold marks a version as the stored one from now on; external says it is
// another's change.
func (w *Workspace) hold(e model.Entity, external bool) {
	w.initHeld()
	w.heldSince[e] = w.takenIn
	if external {
		w.otherAt[model.PendingKey(e.Kind(), e.EntityID())] = w.takenIn
	}
}

// gone marks a record as deleted by another.
func (w *Workspace) gone(e model.Entity) {
	w.initHeld()
	w.otherAt[model.PendingKey(e.Kind(), e.EntityID())] = w.takenIn
}

func (w *Workspace) initHeld() {
	if w.heldSince == nil {
		w.heldSince, w.otherAt = map[model.Entity]uint64{}, map[string]uint64{}
	}
	if len(w.heldSince) > maxHeld {
		// Forget old versions; a form still showing one sees a conflict
		// if the record was ever changed elsewhere, never a lost update.
		clear(w.heldSince)
	}
}

const maxHeld = 100_000

// SetAuthor names who this workspace's changes are by, for what others are
// told when their edit meets one of them (store.SetAuthor).
func (w *Workspace) SetAuthor(name string) { w.st.SetAuthor(name) }
