//go:build windows

package app

import (
	"image"
	"syscall"
	"unsafe"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver"
)

var (
	user32           = syscall.NewLazyDLL("user32.dll")
	getWindowRect    = user32.NewProc("GetWindowRect")
	setWindowPos     = user32.NewProc("SetWindowPos")
	getSystemMetrics = user32.NewProc("GetSystemMetrics")
)

type winRect struct{ Left, Top, Right, Bottom int32 }

const (
	swpNoSize     = 0x0001
	swpNoZOrder   = 0x0004
	swpNoActivate = 0x0010
	// The virtual screen: every monitor together.
	smXVirtualScreen  = 76
	smYVirtualScreen  = 77
	smCxVirtualScreen = 78
	smCyVirtualScreen = 79
)

func hwndOf(w fyne.Window) (uintptr, bool) {
	var h uintptr
	runNative(w, func(ctx any) {
		if c, ok := ctx.(driver.WindowsWindowContext); ok {
			h = c.HWND
		}
	})
	return h, h != 0
}

func nativePlace(w fyne.Window) (image.Point, bool) {
	h, ok := hwndOf(w)
	if !ok {
		return image.Point{}, false
	}
	var r winRect
	if ret, _, _ := getWindowRect.Call(h, uintptr(unsafe.Pointer(&r))); ret == 0 {
		return image.Point{}, false
	}
	return image.Pt(int(r.Left), int(r.Top)), true
}

// nativeSize is left to the toolkit here: its canvas size in pixels.
func nativeSize(fyne.Window) (image.Point, bool) { return image.Point{}, false }

func moveNative(w fyne.Window, at image.Point) {
	if h, ok := hwndOf(w); ok {
		setWindowPos.Call(h, 0, uintptr(int32(at.X)), uintptr(int32(at.Y)), 0, 0, swpNoSize|swpNoZOrder|swpNoActivate)
	}
}

func metric(i uintptr) int {
	v, _, _ := getSystemMetrics.Call(i)
	return int(int32(v))
}

// nativeScreens is the virtual screen that holds every monitor.
func nativeScreens(fyne.Window) []image.Rectangle {
	x, y := metric(smXVirtualScreen), metric(smYVirtualScreen)
	return []image.Rectangle{image.Rect(x, y, x+metric(smCxVirtualScreen), y+metric(smCyVirtualScreen))}
}
