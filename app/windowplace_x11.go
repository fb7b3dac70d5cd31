//go:build linux && cgo && !wayland

package app

/*
#cgo LDFLAGS: -lX11
#include <X11/Xlib.h>
#include <X11/Xatom.h>

// The frame a window manager draws round the window: left, right, top,
// bottom (_NET_FRAME_EXTENTS), or nothing.
static int orchardFrame(Display* d, Window w, long ext[4]) {
	Atom a = XInternAtom(d, "_NET_FRAME_EXTENTS", True);
	if (a == None) return 0;
	Atom type; int format; unsigned long n, after; unsigned char* data = NULL;
	if (XGetWindowProperty(d, w, a, 0, 4, False, XA_CARDINAL, &type, &format, &n, &after, &data) != Success) return 0;
	int ok = data != NULL && n == 4;
	if (ok) {
		long* v = (long*)data;
		for (int i = 0; i < 4; i++) ext[i] = v[i];
	}
	if (data) XFree(data);
	return ok;
}

// orchardPlace is the top-left corner of the window's frame on the desktop.
static int orchardPlace(unsigned long w, int* x, int* y) {
	Display* d = XOpenDisplay(NULL);
	if (!d) return 0;
	Window child;
	int ok = XTranslateCoordinates(d, (Window)w, DefaultRootWindow(d), 0, 0, x, y, &child);
	long ext[4] = {0, 0, 0, 0};
	if (ok && orchardFrame(d, (Window)w, ext)) {
		*x -= ext[0];
		*y -= ext[2];
	}
	XCloseDisplay(d);
	return ok;
}

static void orchardMove(unsigned long w, int x, int y) {
	Display* d = XOpenDisplay(NULL);
	if (!d) return;
	XMoveWindow(d, (Window)w, x, y);
	XFlush(d);
	XCloseDisplay(d);
}

static int orchardScreen(int* w, int* h) {
	Display* d = XOpenDisplay(NULL);
	if (!d) return 0;
	*w = DisplayWidth(d, DefaultScreen(d));
	*h = DisplayHeight(d, DefaultScreen(d));
	XCloseDisplay(d);
	return 1;
}
*/
import "C"

import (
	"image"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver"
)

func x11Handle(w fyne.Window) (C.ulong, bool) {
	var h C.ulong
	ok := false
	runNative(w, func(ctx any) {
		if c, is := ctx.(driver.X11WindowContext); is && c.WindowHandle != 0 {
			h, ok = C.ulong(c.WindowHandle), true
		}
	})
	return h, ok
}

func nativePlace(w fyne.Window) (image.Point, bool) {
	h, ok := x11Handle(w)
	if !ok {
		return image.Point{}, false
	}
	var x, y C.int
	if C.orchardPlace(h, &x, &y) == 0 {
		return image.Point{}, false
	}
	return image.Pt(int(x), int(y)), true
}

// nativeSize is left to the toolkit here: its canvas size in pixels.
func nativeSize(fyne.Window) (image.Point, bool) { return image.Point{}, false }

func moveNative(w fyne.Window, at image.Point) {
	if h, ok := x11Handle(w); ok {
		C.orchardMove(h, C.int(at.X), C.int(at.Y))
	}
}

// nativeScreens is the desktop: X11 joins its monitors into one screen.
func nativeScreens(fyne.Window) []image.Rectangle {
	var w, h C.int
	if C.orchardScreen(&w, &h) == 0 {
		return nil
	}
	return []image.Rectangle{image.Rect(0, 0, int(w), int(h))}
}
