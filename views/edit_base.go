package views

import (
	"errors"
	"fmt"

	"orchard/app/workspace"
	"orchard/model"
)

// editBase saves what an editor dialog edited against the version of the
// record it opened with. When someone else changed the record meanwhile
// the save is refused and says so; the dialog stays open with what the
// person typed, and saving again lays their changes over the new version
// (the fields they did not touch keep the other person's values).
type editBase struct {
	ws   *workspace.Workspace
	orig model.Entity // the record as the dialog opened with it
	base model.Entity // the version the next save is made against
}

func newEditBase(ws *workspace.Workspace, orig model.Entity) *editBase {
	return &editBase{ws: ws, orig: orig, base: orig}
}

// save stores edited, a copy of the record the dialog opened with that
// holds what the person typed.
func (b *editBase) save(edited model.Entity) error {
	mine := edited
	if b.base != b.orig {
		mine = model.WithFields(b.base, edited, model.ChangedFields(b.orig, edited))
	}
	err := b.ws.SaveEdit(b.base, mine)
	var c *workspace.Conflict
	if errors.As(err, &c) && c.CanReapply() {
		b.base = c.Theirs
		return fmt.Errorf("%w Save again to apply your changes (%s) over theirs, or Cancel to keep theirs", err, model.FieldLabels(model.ChangedFields(b.orig, edited)))
	}
	return err
}
