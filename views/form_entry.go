package views

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// commitEntry is an entry that reports when the user is done with it:
// on Enter (single-line) or when it loses focus. Forms save then, so one
// edit is one undo step rather than one per keystroke.
type commitEntry struct {
	widget.Entry
	onCommit func()
}

func newCommitEntry(multiLine bool, onCommit func()) *commitEntry {
	e := &commitEntry{onCommit: onCommit}
	e.MultiLine = multiLine
	if multiLine {
		e.Wrapping = fyne.TextWrapWord
	}
	e.ExtendBaseWidget(e)
	e.OnSubmitted = func(string) { e.commit() }
	return e
}

func (e *commitEntry) FocusLost() {
	e.Entry.FocusLost()
	e.commit()
}

func (e *commitEntry) commit() {
	if e.onCommit != nil {
		e.onCommit()
	}
}

// commitSelectEntry is a select entry (free text plus suggestions) that
// commits like commitEntry and also when a suggestion is picked.
type commitSelectEntry struct {
	widget.SelectEntry
	onCommit func()
	focused  bool
	loading  bool // set while the form fills the entry from the model
}

func newCommitSelectEntry(options []string, onCommit func()) *commitSelectEntry {
	e := &commitSelectEntry{onCommit: onCommit}
	e.SetOptions(options)
	e.ExtendBaseWidget(e)
	e.OnSubmitted = func(string) { e.commit() }
	// A suggestion picked from the drop-down arrives while unfocused.
	e.OnChanged = func(string) {
		if !e.focused && !e.loading {
			e.commit()
		}
	}
	return e
}

func (e *commitSelectEntry) setText(s string) {
	e.loading = true
	e.SetText(s)
	e.loading = false
}

func (e *commitSelectEntry) FocusGained() {
	e.focused = true
	e.SelectEntry.FocusGained()
}

func (e *commitSelectEntry) FocusLost() {
	e.focused = false
	e.SelectEntry.FocusLost()
	e.commit()
}

func (e *commitSelectEntry) commit() {
	if e.onCommit != nil {
		e.onCommit()
	}
}

// TypedKey lets F11 and Esc reach the window.
func (e *commitEntry) TypedKey(ev *fyne.KeyEvent) {
	if !passWindowKey(e, ev) {
		e.Entry.TypedKey(ev)
	}
}

// TypedKey lets F11 and Esc reach the window; Esc first closes an open
// list of suggestions, as the field's own.
func (e *commitSelectEntry) TypedKey(ev *fyne.KeyEvent) {
	if !passWindowKey(e, ev) {
		e.SelectEntry.TypedKey(ev)
	}
}
