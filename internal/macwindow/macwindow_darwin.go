//go:build darwin

// Package macwindow reads and sets where a window stands on a Mac, through
// AppKit's NSWindow and NSScreen (called with purego, so no Objective-C is
// compiled). Places are in points from the top-left corner of the main
// screen, y downwards, as on the other systems.
package macwindow

import (
	"image"
	"math"
	"structs"

	"github.com/ebitengine/purego/objc"
)

type point struct {
	_    structs.HostLayout
	X, Y float64
}

type size struct {
	_    structs.HostLayout
	W, H float64
}

type rect struct {
	_      structs.HostLayout
	Origin point
	Size   size
}

var (
	selFrame      = objc.RegisterName("frame")
	selScreens    = objc.RegisterName("screens")
	selCount      = objc.RegisterName("count")
	selObjectAt   = objc.RegisterName("objectAtIndex:")
	selSetTopLeft = objc.RegisterName("setFrameTopLeftPoint:")
	nsScreenClass = objc.ID(objc.GetClass("NSScreen"))
)

// screenFrames are the frames of every screen, the main one first, in
// AppKit's coordinates (y upwards from the main screen's bottom).
func screenFrames() []rect {
	if nsScreenClass == 0 {
		return nil
	}
	list := nsScreenClass.Send(selScreens)
	if list == 0 {
		return nil
	}
	n := objc.Send[uint64](list, selCount)
	out := make([]rect, 0, n)
	for i := uint64(0); i < n; i++ {
		out = append(out, objc.Send[rect](list.Send(selObjectAt, i), selFrame))
	}
	return out
}

// topLeft turns an AppKit frame into a rectangle with y downwards from the
// main screen's top.
func topLeft(f rect, mainHeight float64) image.Rectangle {
	x0 := int(math.Round(f.Origin.X))
	y0 := int(math.Round(mainHeight - (f.Origin.Y + f.Size.H)))
	return image.Rect(x0, y0, x0+int(math.Round(f.Size.W)), y0+int(math.Round(f.Size.H)))
}

// Frame is where the window (an NSWindow) stands, frame and title bar
// included.
func Frame(nsWindow uintptr) (image.Rectangle, bool) {
	screens := screenFrames()
	if nsWindow == 0 || len(screens) == 0 {
		return image.Rectangle{}, false
	}
	f := objc.Send[rect](objc.ID(nsWindow), selFrame)
	return topLeft(f, screens[0].Size.H), true
}

// Move puts the window's top-left corner at at.
func Move(nsWindow uintptr, at image.Point) {
	screens := screenFrames()
	if nsWindow == 0 || len(screens) == 0 {
		return
	}
	objc.ID(nsWindow).Send(selSetTopLeft, point{X: float64(at.X), Y: screens[0].Size.H - float64(at.Y)})
}

// Screens are the screens' rectangles, the main one first.
func Screens() []image.Rectangle {
	screens := screenFrames()
	out := make([]image.Rectangle, len(screens))
	for i, s := range screens {
		out[i] = topLeft(s, screens[0].Size.H)
	}
	return out
}
