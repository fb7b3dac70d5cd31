package views

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
)

// reportTo sends err to the screen's reporter (the shell's status line and
// dialog) or, when the screen stands alone, shows it in a dialog on win.
// A nil err does nothing, so callers can pass a command's result straight in.
func reportTo(report func(error), win fyne.Window, err error) {
	if err == nil {
		return
	}
	if report != nil {
		report(err)
		return
	}
	if win == nil { // not on screen (yet): the error has nowhere to show
		fyne.LogError("Orchard", err)
		return
	}
	dialog.ShowError(err, win)
}
