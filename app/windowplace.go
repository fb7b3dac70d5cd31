package app

import (
	"image"
	"time"

	"fyne.io/fyne/v2"
)

// Where the window was left is remembered with its size, and it opens
// there next time, on the screen it was on, as long as that screen is
// still there. The toolkit has no call for a window's place, so it is
// read and set through the system's own window (windowplace_*.go: X11,
// Windows, macOS); where that is not done (Wayland) the system places it.

const (
	prefX      = "windowX"
	prefY      = "windowY"
	prefPlaced = "windowPlaced"
)

// grabArea is how much of the window's top-left corner must be on a screen
// for the user to be able to take hold of it: the start of its title bar.
var grabArea = image.Pt(120, 40)

// placeOnScreens is where a window of the given size goes that was left
// with its top-left corner at at: there, moved just far enough to be whole
// on the screen that holds its corner (or the start of its title bar).
// ok is false when no screen holds it any longer (a screen since
// unplugged): the system then places the window.
func placeOnScreens(at image.Point, size image.Point, screens []image.Rectangle) (image.Point, bool) {
	grab := image.Rectangle{Min: at, Max: at.Add(grabArea)}
	for _, s := range screens {
		if !grab.Overlaps(s) {
			continue
		}
		p := at
		p.X = max(s.Min.X, min(p.X, s.Max.X-size.X))
		p.Y = max(s.Min.Y, min(p.Y, s.Max.Y-size.Y))
		return p, true
	}
	return at, false
}

// rememberPlace keeps where the window is, for the next start.
func (d *desktopApp) rememberPlace() {
	if d.workshop || d.win.FullScreen() {
		return
	}
	at, ok := nativePlace(d.win)
	prefs := d.fa.Preferences()
	prefs.SetBool(prefPlaced, ok)
	if ok {
		prefs.SetInt(prefX, at.X)
		prefs.SetInt(prefY, at.Y)
	}
}

// restorePlace puts the window back where it was left.
func (d *desktopApp) restorePlace() {
	prefs := d.fa.Preferences()
	if !prefs.Bool(prefPlaced) {
		return
	}
	size := d.win.Canvas().Size()
	scale := d.win.Canvas().Scale()
	px := image.Pt(int(size.Width*scale), int(size.Height*scale))
	if s, ok := nativeSize(d.win); ok { // in the system's own units (points on a Mac)
		px = s
	}
	p, ok := placeOnScreens(image.Pt(prefs.Int(prefX), prefs.Int(prefY)), px, nativeScreens(d.win))
	if !ok {
		return
	}
	moveNative(d.win, p)
	// Window managers differ in whether a move places the frame or the
	// window inside it there: once the move has been carried out, the
	// window is put right by the difference, so it does not creep by its
	// title bar's height on every start.
	time.AfterFunc(300*time.Millisecond, func() {
		fyne.Do(func() {
			if got, ok := nativePlace(d.win); ok && got != p {
				if off := got.Sub(p); abs(off.X) < 200 && abs(off.Y) < 200 {
					moveNative(d.win, p.Sub(off))
				}
			}
		})
	})
}

func abs(v int) int {
	if v < 0 {
		return -v
	}
	return v
}

// runNative runs f with the system's handle of the window, when the
// toolkit gives one.
func runNative(w fyne.Window, f func(context any)) bool {
	n, ok := w.(interface{ RunNative(func(any)) })
	if !ok {
		return false
	}
	n.RunNative(f)
	return true
}
