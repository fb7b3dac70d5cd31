//go:build darwin

package app

import (
	"image"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver"

	"orchard/internal/macwindow"
)

func nsWindowOf(w fyne.Window) uintptr {
	var h uintptr
	runNative(w, func(ctx any) {
		if c, ok := ctx.(driver.MacWindowContext); ok {
			h = c.NSWindow
		}
	})
	return h
}

func nativePlace(w fyne.Window) (image.Point, bool) {
	f, ok := macwindow.Frame(nsWindowOf(w))
	return f.Min, ok
}

func nativeSize(w fyne.Window) (image.Point, bool) {
	f, ok := macwindow.Frame(nsWindowOf(w))
	return f.Size(), ok
}

func moveNative(w fyne.Window, at image.Point) { macwindow.Move(nsWindowOf(w), at) }

func nativeScreens(fyne.Window) []image.Rectangle { return macwindow.Screens() }
