package views

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// Keys that belong to the window whatever has the focus: F11 (workshop
// mode) and Esc (close the dialog in front, leave workshop mode). Fyne
// gives a key without a modifier only to the focused widget, so after a
// click in the account list or a text field the window never saw them;
// Orchard's focusable widgets pass these on to the window's key handler.

// passKey hands a key a focused widget does not use to the window's own
// key handler, so F11, Esc and PageUp/PageDown work wherever the focus is.
func passKey(o fyne.CanvasObject, ev *fyne.KeyEvent) {
	if c := fyne.CurrentApp().Driver().CanvasForObject(o); c != nil {
		if h := c.OnTypedKey(); h != nil {
			h(ev)
		}
	}
}

// passWindowKey hands F11 and Esc, which a text field or a table has no
// use for, to the window, and says whether it did.
func passWindowKey(o fyne.CanvasObject, ev *fyne.KeyEvent) bool {
	if ev.Name != fyne.KeyF11 && ev.Name != fyne.KeyEscape {
		return false
	}
	passKey(o, ev)
	return true
}

// Entry is a text field that lets F11 and Esc reach the window: Esc in a
// dialog's field closes the dialog, as on every desktop.
type Entry struct {
	widget.Entry
}

// NewEntry makes a one-line Entry, set up as the toolkit's own.
func NewEntry() *Entry {
	e := &Entry{}
	e.Wrapping = fyne.TextWrap(fyne.TextTruncateClip)
	e.ExtendBaseWidget(e)
	return e
}

// NewMultiLineEntry makes an Entry of several lines.
func NewMultiLineEntry() *Entry {
	e := NewEntry()
	e.MultiLine = true
	return e
}

// TypedKey passes the window's keys on and gives the rest to the field.
func (e *Entry) TypedKey(ev *fyne.KeyEvent) {
	if !passWindowKey(e, ev) {
		e.Entry.TypedKey(ev)
	}
}

// keyTable is a table that lets F11 and Esc reach the window.
type keyTable struct {
	widget.Table
	// sized runs once the table has a height, for what needs its
	// size (scrolling a row into view) but was asked for before.
	sized func()
}

func (t *keyTable) Resize(size fyne.Size) {
	t.Table.Resize(size)
	if f := t.sized; f != nil && size.Height > 0 {
		t.sized = nil
		f()
	}
}

func (t *keyTable) TypedKey(ev *fyne.KeyEvent) {
	if !passWindowKey(t, ev) {
		t.Table.TypedKey(ev)
	}
}
