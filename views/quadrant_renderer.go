package views

import (
	"image/color"
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"

	"orchard/model"
)

// bubbleObjects are the canvas objects of one bubble.
type bubbleObjects struct {
	trail  []fyne.CanvasObject // faded earlier positions and the line to now
	lines  []*canvas.Line
	dots   []*canvas.Circle
	circle *canvas.Circle
	ring   *canvas.Circle // manual placement
	label  *canvas.Text
	// mark is the priority's digit inside the bubble, so that priority
	// is told by more than its colour (green and orange look alike to
	// people with red–green colour blindness).
	mark  *canvas.Text
	shown bool // label wins its spot
}

// maxLabels is how many of the largest accounts may get a label.
const maxLabels = 200

type quadrantRenderer struct {
	q          *quadrantEditor
	quads      [4]*canvas.Rectangle
	quadLabels [4]*canvas.Text
	midX, midY *canvas.Line
	frame      *canvas.Rectangle
	axisX      *canvas.Text
	axisY      *canvas.Text
	hint       *canvas.Text
	bubbles    []bubbleObjects
	selection  *canvas.Circle
	tipBox     *canvas.Rectangle
	tipLines   [4]*canvas.Text
	objects    []fyne.CanvasObject
}

var quadrantTitles = [4]string{
	"Weak relationship · high value — Second priority",
	"Strong relationship · high value — sweet spot, First priority",
	"Weak relationship · low value — Fourth priority",
	"Strong relationship · low value — Third priority",
}

// quadrantShortTitles replace the titles where a quadrant is too narrow
// for them (a small window, or projector-size text).
var quadrantShortTitles = [4]string{"Second priority", "First priority", "Fourth priority", "Third priority"}

// applySizes sets the text sizes from the current theme: after the theme
// changes (workshop mode, presenter zoom) the text follows. In workshop
// mode the accounts' names are body-size text, twice the normal.
func (r *quadrantRenderer) applySizes() {
	th := r.q.Theme()
	caption, body := th.Size(theme.SizeNameCaptionText), th.Size(theme.SizeNameText)
	names := caption
	if r.q.workshop {
		names = body
	}
	for i := range r.quadLabels {
		r.quadLabels[i].TextSize = caption
	}
	for i := range r.bubbles {
		r.bubbles[i].label.TextSize = names
	}
	r.axisX.TextSize, r.axisY.TextSize = body, body
}

func newQuadrantRenderer(q *quadrantEditor) *quadrantRenderer {
	r := &quadrantRenderer{q: q}
	tint := []color.Color{
		withAlpha(ColorSecond, 0x18), withAlpha(ColorFirst, 0x30),
		withAlpha(ColorFourth, 0x18), withAlpha(ColorThird, 0x18),
	}
	for i := range r.quads {
		r.quads[i] = canvas.NewRectangle(tint[i])
		r.quadLabels[i] = canvas.NewText(quadrantTitles[i], color.Black)
		r.quadLabels[i].TextStyle = fyne.TextStyle{Bold: i == 1}
	}
	r.midX, r.midY = canvas.NewLine(color.Black), canvas.NewLine(color.Black)
	r.midX.StrokeWidth, r.midY.StrokeWidth = 2, 2
	r.frame = canvas.NewRectangle(color.Transparent)
	r.frame.StrokeWidth = 1
	r.axisX = canvas.NewText("Relationship strength and strategic fit  →  stronger", color.Black)
	r.axisY = canvas.NewText("↑ Potential revenue value: higher", color.Black)
	r.axisX.TextStyle, r.axisY.TextStyle = fyne.TextStyle{Bold: true}, fyne.TextStyle{Bold: true}
	r.hint = canvas.NewText("", color.Black)
	r.hint.Alignment = fyne.TextAlignCenter
	r.selection = canvas.NewCircle(color.Transparent)
	r.selection.StrokeWidth = 3
	r.tipBox = canvas.NewRectangle(color.Black)
	r.tipBox.StrokeWidth, r.tipBox.CornerRadius = 1, 4
	for i := range r.tipLines {
		r.tipLines[i] = canvas.NewText("", color.Black)
	}
	r.tipLines[0].TextStyle = fyne.TextStyle{Bold: true}
	r.rebuild()
	return r
}

// style takes the colours from the current theme, so a change of theme or
// workshop mode restyles the quadrant on its next refresh.
func (r *quadrantRenderer) style() {
	th, v := r.q.Theme(), fyne.CurrentApp().Settings().ThemeVariant()
	fg, line := th.Color(theme.ColorNameForeground, v), th.Color(theme.ColorNameSeparator, v)
	for i := range r.quadLabels {
		r.quadLabels[i].Color = fg
	}
	r.midX.StrokeColor, r.midY.StrokeColor, r.frame.StrokeColor = line, line, line
	r.axisX.Color, r.axisY.Color = fg, fg
	r.hint.Color = th.Color(theme.ColorNamePlaceHolder, v)
	r.selection.StrokeColor = fg
	r.tipBox.FillColor, r.tipBox.StrokeColor = th.Color(theme.ColorNameOverlayBackground, v), line
	for _, t := range r.tipLines {
		t.Color = fg
	}
	for i := range r.bubbles {
		o := &r.bubbles[i]
		o.label.Color = fg
		if o.ring != nil {
			o.ring.StrokeColor = fg
		}
	}
}

func withAlpha(c color.NRGBA, a uint8) color.NRGBA {
	c.A = a
	return c
}

// rebuild makes canvas objects for the current bubbles.
func (r *quadrantRenderer) rebuild() {
	q := r.q
	r.bubbles = make([]bubbleObjects, len(q.bubbles))
	for i, b := range q.bubbles {
		o := &r.bubbles[i]
		o.circle = canvas.NewCircle(bubbleColor(b.eval.Priority))
		o.circle.StrokeColor, o.circle.StrokeWidth = withAlpha(color.NRGBA{}, 0x60), 1
		if b.acc.Placed {
			o.ring = canvas.NewCircle(color.Transparent)
			o.ring.StrokeWidth = 2
		}
		o.label = canvas.NewText(q.nameOf(b), color.Black)
		o.mark = canvas.NewText("", color.Black)
		o.mark.TextStyle, o.mark.Alignment = fyne.TextStyle{Bold: true}, fyne.TextAlignCenter
		setMark(o.mark, b.eval.Priority)
		if q.showTrails {
			faded := withAlpha(priorityColor(int(b.eval.Priority)).(color.NRGBA), 0x50)
			for range b.trail {
				l := canvas.NewLine(faded)
				l.StrokeWidth = 2
				d := canvas.NewCircle(faded)
				o.lines, o.dots = append(o.lines, l), append(o.dots, d)
				o.trail = append(o.trail, l, d)
			}
		}
	}
	r.objects = r.objects[:0]
	for i := range r.quads {
		r.objects = append(r.objects, r.quads[i])
	}
	r.objects = append(r.objects, r.frame, r.midX, r.midY)
	for i := range r.quadLabels {
		r.objects = append(r.objects, r.quadLabels[i])
	}
	r.objects = append(r.objects, r.axisX, r.axisY, r.hint)
	for i := range r.bubbles {
		r.objects = append(r.objects, r.bubbles[i].trail...)
	}
	for i := range r.bubbles {
		o := &r.bubbles[i]
		r.objects = append(r.objects, o.circle, o.mark)
		if o.ring != nil {
			r.objects = append(r.objects, o.ring)
		}
	}
	for i := range r.bubbles {
		r.objects = append(r.objects, r.bubbles[i].label)
	}
	r.objects = append(r.objects, r.selection, r.tipBox)
	for _, t := range r.tipLines {
		r.objects = append(r.objects, t)
	}
	r.applySizes()
	r.style()
}

func (r *quadrantRenderer) Objects() []fyne.CanvasObject { return r.objects }
func (r *quadrantRenderer) Destroy()                     {}

func (r *quadrantRenderer) MinSize() fyne.Size { return fyne.NewSize(420, 320) }

func (r *quadrantRenderer) Refresh() {
	if len(r.bubbles) != len(r.q.bubbles) || !r.sameBubbles() {
		r.rebuild()
	} else {
		for i, b := range r.q.bubbles {
			r.bubbles[i].circle.FillColor = bubbleColor(b.eval.Priority)
			setMark(r.bubbles[i].mark, b.eval.Priority)
		}
		r.style()
	}
	r.applySizes()
	r.Layout(r.q.Size())
	for _, o := range r.objects {
		o.Refresh()
	}
}

// sameBubbles reports whether the objects still match the bubbles one to
// one (same accounts, same ring and trail shape).
func (r *quadrantRenderer) sameBubbles() bool {
	for i, b := range r.q.bubbles {
		o := r.bubbles[i]
		if (o.ring != nil) != b.acc.Placed || o.label.Text != r.q.nameOf(b) ||
			(r.q.showTrails && len(o.dots) != len(b.trail)) || (!r.q.showTrails && len(o.dots) > 0) {
			return false
		}
	}
	return true
}

func (r *quadrantRenderer) Layout(size fyne.Size) {
	q := r.q
	area := plotFor(size, r.q.axisTextSize())
	half := fyne.NewSize(area.size.Width/2, area.size.Height/2)
	corners := [4]fyne.Position{
		area.origin,
		area.origin.Add(fyne.NewPos(half.Width, 0)),
		area.origin.Add(fyne.NewPos(0, half.Height)),
		area.origin.Add(fyne.NewPos(half.Width, half.Height)),
	}
	pad := float32(6)
	// The quadrants' titles are placed first and no account's name may
	// cover them; a title too wide for its quadrant is said shorter.
	boxes := make([]labelBox, 0, min(len(q.bubbles), maxLabels)+4)
	for i, c := range corners {
		r.quads[i].Move(c)
		r.quads[i].Resize(half)
		r.quadLabels[i].Text = quadrantTitles[i]
		if r.quadLabels[i].MinSize().Width > half.Width-2*pad {
			r.quadLabels[i].Text = quadrantShortTitles[i]
		}
		at := c.Add(fyne.NewPos(pad, pad))
		r.quadLabels[i].Move(at)
		boxes = append(boxes, labelBox{index: -1 - i, pos: at, size: r.quadLabels[i].MinSize(), rank: math.Inf(1)})
	}
	r.frame.Move(area.origin)
	r.frame.Resize(area.size)
	mid := area.scoreToPos(50, 50)
	r.midX.Position1, r.midX.Position2 = fyne.NewPos(area.origin.X, mid.Y), fyne.NewPos(area.origin.X+area.size.Width, mid.Y)
	r.midY.Position1, r.midY.Position2 = fyne.NewPos(mid.X, area.origin.Y), fyne.NewPos(mid.X, area.origin.Y+area.size.Height)
	r.axisY.Move(fyne.NewPos(area.origin.X, 6))
	xs := r.axisX.MinSize()
	r.axisX.Move(fyne.NewPos(area.origin.X+area.size.Width-xs.Width, area.origin.Y+area.size.Height+8))
	r.hint.Text = r.hintText()
	r.hint.Move(fyne.NewPos(area.origin.X, area.origin.Y+area.size.Height/2+24))
	r.hint.Resize(fyne.NewSize(area.size.Width, 20))

	// Only the largest accounts compete for a label; measuring and placing
	// thousands would cost more than a frame and could not be read anyway.
	for i, b := range q.bubbles {
		c := area.scoreToPos(b.x, b.y)
		r.placeBubble(i, c)
		r.placeTrail(i, area, c)
		if i < maxLabels { // bubbles are sorted largest first
			ls := r.bubbles[i].label.MinSize()
			at := labelPos(c, b.radius, ls, size)
			inside := func(x float32) float32 { return max(0, min(x, size.Width-ls.Width)) }
			alts := []fyne.Position{
				fyne.NewPos(c.X-b.radius-3-ls.Width, at.Y),                    // left
				fyne.NewPos(inside(c.X-ls.Width/2), c.Y+b.radius+2),           // below
				fyne.NewPos(inside(c.X-ls.Width/2), c.Y-b.radius-2-ls.Height), // above
			}
			rank := float64(b.radius)
			if q.anonymous && b.acc.ID == q.selected {
				rank = math.MaxFloat64 // the one account named in front of its customer
			}
			boxes = append(boxes, labelBox{index: i, pos: at, size: ls, rank: rank, alts: alts})
		}
	}
	shown := placeLabels(boxes)
	for i := range r.bubbles {
		o := &r.bubbles[i]
		o.shown = shown[i] && o.label.Text != ""
		if i+4 < len(boxes) {
			o.label.Move(boxes[i+4].pos)
		}
		if o.shown {
			o.label.Show()
		} else {
			o.label.Hide()
		}
	}
	r.placeSelection()
	r.placeTooltip()
}

func (r *quadrantRenderer) hintText() string {
	switch {
	case len(r.q.bubbles) == 0 && r.q.unplaced == 0:
		return "No accounts to show. Add an account, or clear the filters."
	case len(r.q.bubbles) == 0:
		return "None of these accounts is assessed yet: answer the scorecard in an account's form to place it."
	case r.q.unplaced > 0:
		return ""
	}
	return ""
}

// placeBubble puts one bubble's circle, ring and label at centre c.
func (r *quadrantRenderer) placeBubble(i int, c fyne.Position) {
	b, o := r.q.bubbles[i], &r.bubbles[i]
	rad := b.radius
	o.circle.Position1 = fyne.NewPos(c.X-rad, c.Y-rad)
	o.circle.Position2 = fyne.NewPos(c.X+rad, c.Y+rad)
	// The digit fits inside the bubble; a bubble too small for one to be
	// read goes without.
	// In front of the customer our priorities are not shown, in words or
	// in digits.
	o.mark.TextSize = min(r.q.Theme().Size(theme.SizeNameCaptionText), 1.3*rad)
	o.mark.Hidden = o.mark.Text == "" || o.mark.TextSize < 7 || r.q.workshop
	ms := o.mark.MinSize()
	o.mark.Resize(ms)
	o.mark.Move(fyne.NewPos(c.X-ms.Width/2, c.Y-ms.Height/2))
	if o.ring != nil {
		rr := rad + 4
		o.ring.Position1 = fyne.NewPos(c.X-rr, c.Y-rr)
		o.ring.Position2 = fyne.NewPos(c.X+rr, c.Y+rr)
	}
}

// placeTrail draws the earlier positions and the line from the last of
// them to centre c.
func (r *quadrantRenderer) placeTrail(i int, area plotArea, c fyne.Position) {
	b, o := r.q.bubbles[i], &r.bubbles[i]
	for k, d := range o.dots {
		p := area.scoreToPos(b.trail[k].X, b.trail[k].Y)
		d.Position1, d.Position2 = p.Subtract(fyne.NewPos(4, 4)), p.Add(fyne.NewPos(4, 4))
		next := c
		if k+1 < len(b.trail) {
			next = area.scoreToPos(b.trail[k+1].X, b.trail[k+1].Y)
		}
		o.lines[k].Position1, o.lines[k].Position2 = p, next
	}
}

// moveBubble follows a drag: only the dragged bubble's objects move.
func (r *quadrantRenderer) moveBubble(i int, c fyne.Position) {
	if i >= len(r.bubbles) {
		return
	}
	o := &r.bubbles[i]
	r.placeBubble(i, c)
	o.circle.Refresh()
	o.mark.Refresh()
	if o.ring != nil {
		o.ring.Refresh()
	}
	if n := len(o.lines); n > 0 {
		o.lines[n-1].Position2 = c
		o.lines[n-1].Refresh()
	}
	b := r.q.bubbles[i]
	o.label.Move(labelPos(c, b.radius, o.label.MinSize(), r.q.Size()))
	if !o.shown {
		o.label.Show()
		o.shown = true
	}
	r.placeSelection()
}

func (r *quadrantRenderer) placeSelection() {
	q := r.q
	i := q.indexOf(q.selected)
	if i < 0 || i >= len(r.bubbles) {
		r.selection.Hide()
		return
	}
	o := r.bubbles[i]
	grow := float32(7)
	r.selection.Position1 = o.circle.Position1.Subtract(fyne.NewPos(grow, grow))
	r.selection.Position2 = o.circle.Position2.Add(fyne.NewPos(grow, grow))
	r.selection.Show()
	r.selection.Refresh()
}

func (r *quadrantRenderer) placeTooltip() {
	q := r.q
	if q.hovered < 0 || q.hovered >= len(q.bubbles) || q.drag.index >= 0 {
		r.tipBox.Hide()
		for _, t := range r.tipLines {
			t.Hide()
		}
		return
	}
	b := q.bubbles[q.hovered]
	lines := q.tooltipText(b)
	var w, h float32
	for k, t := range r.tipLines {
		t.Text = ""
		if k < len(lines) {
			t.Text = lines[k]
		}
		if t.Text == "" {
			continue
		}
		s := t.MinSize()
		w = max(w, s.Width)
		h += s.Height
	}
	pad := float32(6)
	size := fyne.NewSize(w+2*pad, h+2*pad)
	c := r.bubbles[q.hovered].circle
	pos := fyne.NewPos(c.Position2.X+8, c.Position1.Y)
	area := q.Size()
	if pos.X+size.Width > area.Width {
		pos.X = c.Position1.X - 8 - size.Width
	}
	pos.X = max(pos.X, 0)
	if pos.Y+size.Height > area.Height {
		pos.Y = area.Height - size.Height
	}
	pos.Y = max(pos.Y, 0)
	r.tipBox.Move(pos)
	r.tipBox.Resize(size)
	r.tipBox.Show()
	r.tipBox.Refresh()
	y := pos.Y + pad
	for _, t := range r.tipLines {
		if t.Text == "" {
			t.Hide()
			continue
		}
		t.Move(fyne.NewPos(pos.X+pad, y))
		y += t.MinSize().Height
		t.Show()
		t.Refresh()
	}
}

// labelPos puts a label right of its bubble, or left of it where the right
// side would run out of the widget.
func labelPos(c fyne.Position, radius float32, label, widget fyne.Size) fyne.Position {
	x := c.X + radius + 3
	if x+label.Width > widget.Width {
		x = c.X - radius - 3 - label.Width
	}
	return fyne.NewPos(x, c.Y-label.Height/2)
}

// setMark writes a priority's digit, dark or light for contrast with the
// bubble's colour behind it.
func setMark(t *canvas.Text, p model.Priority) {
	t.Text = ""
	if p >= model.PriorityFirst && p <= model.PriorityFourth {
		t.Text = string(rune('0' + int(p)))
	}
	c := priorityColor(int(p)).(color.NRGBA)
	// Relative luminance, roughly: light fills take black, dark white.
	if 0.2126*float64(c.R)+0.7152*float64(c.G)+0.0722*float64(c.B) > 140 {
		t.Color = color.NRGBA{A: 0xff}
	} else {
		t.Color = color.NRGBA{R: 0xff, G: 0xff, B: 0xff, A: 0xff}
	}
}
