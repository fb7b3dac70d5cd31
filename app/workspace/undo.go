package workspace

import "errors"

// CanUndo reports whether there is a step to undo, and its label.
func (w *Workspace) CanUndo() (string, bool) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if len(w.undo) == 0 {
		return "", false
	}
	return w.undo[len(w.undo)-1].label, true
}

// CanRedo reports whether there is a step to redo, and its label.
func (w *Workspace) CanRedo() (string, bool) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if len(w.redo) == 0 {
		return "", false
	}
	return w.redo[len(w.redo)-1].label, true
}

// Undo reverts the last step. It returns false when there was none.
func (w *Workspace) Undo() (bool, error) {
	return w.travel(&w.undo, &w.redo, false, "Undo ")
}

// Redo repeats the last undone step. It returns false when there was none.
func (w *Workspace) Redo() (bool, error) {
	return w.travel(&w.redo, &w.undo, true, "Redo ")
}

func (w *Workspace) travel(from, to *[]step, forward bool, prefix string) (bool, error) {
	w.mu.Lock()
	if len(*from) == 0 {
		w.mu.Unlock()
		return false, nil
	}
	s := (*from)[len(*from)-1]
	w.mu.Unlock()
	// Someone else may have changed what the step touches since (their
	// change was taken in): undoing would write over it, so it is refused
	// and the step stays where it is.
	err := w.stillApplies(s, forward)
	if err == nil {
		err = w.apply(s, forward)
	}
	if err != nil {
		var c *Conflict
		if errors.As(err, &c) {
			c.Undo = prefix + s.label
		}
		return false, err
	}
	w.mu.Lock()
	*from = (*from)[:len(*from)-1]
	*to = append(*to, s)
	w.mu.Unlock()
	ev := Event{Label: prefix + s.label, Settings: s.settingsAfter != nil}
	for _, c := range s.changes {
		if !forward {
			c.Before, c.After = c.After, c.Before
		}
		ev.Changes = append(ev.Changes, c)
	}
	w.notify(ev)
	return true, nil
}
