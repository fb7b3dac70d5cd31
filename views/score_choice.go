package views

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// scoreChoice picks one of a few short options laid side by side, the
// scorecard's "? 1 2 3 4 5": a click on a segment, the arrow keys, or the
// option's own key (1–5, ?) chooses it. It does the job of a horizontal
// radio group at a fraction of the cost: the form has ten of them, and a
// radio group's items each carry icons that are parsed and coloured again
// on every refresh, which made up half of what the first frame drew.
type scoreChoice struct {
	widget.BaseWidget
	Options   []string
	Selected  string
	OnChanged func(string)

	hovered int // segment under the mouse, -1 for none
	focused bool
}

func newScoreChoice(options []string, changed func(string)) *scoreChoice {
	c := &scoreChoice{Options: options, OnChanged: changed, hovered: -1}
	c.ExtendBaseWidget(c)
	return c
}

// SetSelected chooses v ("" for none) and tells OnChanged when it changed.
func (c *scoreChoice) SetSelected(v string) {
	if v == c.Selected {
		return
	}
	c.Selected = v
	c.Refresh()
	if c.OnChanged != nil {
		c.OnChanged(v)
	}
}

func (c *scoreChoice) index() int {
	for i, o := range c.Options {
		if o == c.Selected {
			return i
		}
	}
	return -1
}

// segmentAt is the option under x, or -1.
func (c *scoreChoice) segmentAt(x float32) int {
	if len(c.Options) == 0 || x < 0 || x >= c.Size().Width {
		return -1
	}
	return int(x / (c.Size().Width / float32(len(c.Options))))
}

func (c *scoreChoice) Tapped(e *fyne.PointEvent) {
	if i := c.segmentAt(e.Position.X); i >= 0 {
		c.SetSelected(c.Options[i])
	}
	if cv := fyne.CurrentApp().Driver().CanvasForObject(c); cv != nil {
		cv.Focus(c)
	}
}

func (c *scoreChoice) MouseIn(e *desktop.MouseEvent)    { c.hover(c.segmentAt(e.Position.X)) }
func (c *scoreChoice) MouseMoved(e *desktop.MouseEvent) { c.hover(c.segmentAt(e.Position.X)) }
func (c *scoreChoice) MouseOut()                        { c.hover(-1) }

func (c *scoreChoice) hover(i int) {
	if i != c.hovered {
		c.hovered = i
		c.Refresh()
	}
}

func (c *scoreChoice) FocusGained() { c.focused = true; c.Refresh() }
func (c *scoreChoice) FocusLost()   { c.focused = false; c.Refresh() }

// TypedRune picks the option typed: "3" scores three, "?" unknown.
func (c *scoreChoice) TypedRune(r rune) {
	for _, o := range c.Options {
		if o == string(r) {
			c.SetSelected(o)
			return
		}
	}
}

// TypedKey moves the choice with the arrow keys, Home and End.
func (c *scoreChoice) TypedKey(e *fyne.KeyEvent) {
	if len(c.Options) == 0 {
		return
	}
	i := c.index()
	switch e.Name {
	case fyne.KeyLeft:
		i--
	case fyne.KeyRight:
		i++
	case fyne.KeyHome:
		i = 0
	case fyne.KeyEnd:
		i = len(c.Options) - 1
	default:
		return
	}
	i = max(0, min(i, len(c.Options)-1))
	c.SetSelected(c.Options[i])
}

func (c *scoreChoice) CreateRenderer() fyne.WidgetRenderer {
	r := &scoreChoiceRenderer{c: c, frame: canvas.NewRectangle(color.Transparent)}
	for _, o := range c.Options {
		r.cells = append(r.cells, canvas.NewRectangle(color.Transparent))
		r.labels = append(r.labels, canvas.NewText(o, color.Black))
	}
	r.objects = append(r.objects, r.frame)
	for i := range r.cells {
		r.objects = append(r.objects, r.cells[i], r.labels[i])
	}
	r.Refresh()
	return r
}

type scoreChoiceRenderer struct {
	c       *scoreChoice
	frame   *canvas.Rectangle
	cells   []*canvas.Rectangle
	labels  []*canvas.Text
	objects []fyne.CanvasObject
}

func (r *scoreChoiceRenderer) Destroy()                     {}
func (r *scoreChoiceRenderer) Objects() []fyne.CanvasObject { return r.objects }

// MinSize gives every segment room for the widest option and a square
// click target at least as tall as an entry.
func (r *scoreChoiceRenderer) MinSize() fyne.Size {
	th := r.c.Theme()
	pad := th.Size(theme.SizeNamePadding)
	textSize := th.Size(theme.SizeNameText)
	var widest fyne.Size
	for _, l := range r.labels {
		s := fyne.MeasureText(l.Text, textSize, fyne.TextStyle{Bold: true})
		widest = widest.Max(s)
	}
	h := widest.Height + 4*pad
	w := max(widest.Width+4*pad, h)
	return fyne.NewSize(w*float32(len(r.labels)), h)
}

func (r *scoreChoiceRenderer) Layout(size fyne.Size) {
	r.frame.Resize(size)
	if len(r.cells) == 0 {
		return
	}
	w := size.Width / float32(len(r.cells))
	inset := r.c.Theme().Size(theme.SizeNameInputBorder)
	for i, cell := range r.cells {
		cell.Move(fyne.NewPos(float32(i)*w+inset, inset))
		cell.Resize(fyne.NewSize(w-2*inset, size.Height-2*inset))
		l := r.labels[i]
		ls := l.MinSize()
		l.Move(fyne.NewPos(float32(i)*w+(w-ls.Width)/2, (size.Height-ls.Height)/2))
		l.Resize(ls)
	}
}

// Refresh takes colours and sizes from the theme each time, so a change
// of theme or workshop mode shows at once.
func (r *scoreChoiceRenderer) Refresh() {
	th := r.c.Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	r.frame.FillColor = th.Color(theme.ColorNameInputBackground, v)
	r.frame.StrokeColor = th.Color(theme.ColorNameInputBorder, v)
	r.frame.StrokeWidth = th.Size(theme.SizeNameInputBorder)
	if r.c.focused {
		r.frame.StrokeColor = th.Color(theme.ColorNameFocus, v)
		r.frame.StrokeWidth *= 2
	}
	r.frame.CornerRadius = th.Size(theme.SizeNameInputRadius)
	sel := r.c.index()
	for i, cell := range r.cells {
		cell.CornerRadius = th.Size(theme.SizeNameInputRadius)
		l := r.labels[i]
		l.TextSize = th.Size(theme.SizeNameText)
		l.TextStyle = fyne.TextStyle{}
		switch {
		case i == sel:
			cell.FillColor = th.Color(theme.ColorNamePrimary, v)
			l.Color = th.Color(theme.ColorNameForegroundOnPrimary, v)
			l.TextStyle.Bold = true
		case i == r.c.hovered:
			cell.FillColor = th.Color(theme.ColorNameHover, v)
			l.Color = th.Color(theme.ColorNameForeground, v)
		default:
			cell.FillColor = color.Transparent
			l.Color = th.Color(theme.ColorNameForeground, v)
		}
	}
	r.Layout(r.c.Size())
	r.frame.Refresh()
	for i := range r.cells {
		r.cells[i].Refresh()
		r.labels[i].Refresh()
	}
}
