package views

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
)

// focusRing draws the theme's focus colour round a widget Orchard draws
// itself (the quadrant, the board, the map) while it has the keyboard, as
// the toolkit's own widgets show theirs: someone moving with Tab sees
// where the arrow keys will act.
type focusRing struct {
	fyne.WidgetRenderer
	w    fyne.Widget
	ring *canvas.Rectangle
	objs []fyne.CanvasObject
}

func newFocusRing(w fyne.Widget, inner fyne.WidgetRenderer) *focusRing {
	f := &focusRing{WidgetRenderer: inner, w: w, ring: canvas.NewRectangle(color.Transparent)}
	f.ring.Hidden = true
	f.style()
	return f
}

func (f *focusRing) style() {
	th := theme.Current()
	if t, ok := f.w.(interface{ Theme() fyne.Theme }); ok {
		th = t.Theme()
	}
	v := fyne.CurrentApp().Settings().ThemeVariant()
	f.ring.StrokeColor = th.Color(theme.ColorNameFocus, v)
	f.ring.StrokeWidth = 2 * th.Size(theme.SizeNameInputBorder)
	f.ring.CornerRadius = th.Size(theme.SizeNameInputRadius)
}

// Objects are the widget's own with the ring on top; the list is made
// again only when the widget's own changed.
func (f *focusRing) Objects() []fyne.CanvasObject {
	inner := f.WidgetRenderer.Objects()
	same := len(f.objs) == len(inner)+1
	for i := 0; same && i < len(inner); i++ {
		same = f.objs[i] == inner[i]
	}
	if !same {
		f.objs = append(append(f.objs[:0], inner...), f.ring)
	}
	return f.objs
}

func (f *focusRing) Layout(size fyne.Size) {
	f.WidgetRenderer.Layout(size)
	f.ring.Move(fyne.NewPos(0, 0))
	f.ring.Resize(size)
}

func (f *focusRing) Refresh() {
	f.WidgetRenderer.Refresh()
	f.style()
	f.ring.Refresh()
}

// show shows or hides the ring.
func (f *focusRing) show(on bool) {
	if f == nil || f.ring.Hidden == !on {
		return
	}
	f.ring.Hidden = !on
	f.ring.Refresh()
}
