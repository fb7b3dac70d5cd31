//go:build !windows && !darwin && !(linux && cgo && !wayland)

package app

import (
	"image"

	"fyne.io/fyne/v2"
)

// Here the system places the window (Wayland, builds without cgo).

func nativePlace(fyne.Window) (image.Point, bool) { return image.Point{}, false }
func moveNative(fyne.Window, image.Point)         {}
func nativeScreens(fyne.Window) []image.Rectangle { return nil }
