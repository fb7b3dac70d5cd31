package views

import "fyne.io/fyne/v2"

// passKey hands a key a focused widget does not use to the window's own
// key handler, so F11, Esc and PageUp/PageDown work wherever the focus is.
func passKey(o fyne.CanvasObject, ev *fyne.KeyEvent) {
	if c := fyne.CurrentApp().Driver().CanvasForObject(o); c != nil {
		if h := c.OnTypedKey(); h != nil {
			h(ev)
		}
	}
}
