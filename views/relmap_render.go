package views

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"

	"orchard/model"
)

type mapCardObjs struct {
	bg                                   *canvas.Rectangle
	name, title, role, attitude, covText *canvas.Text
	handle                               *canvas.Circle
}

type mapLineObjs struct {
	segs []*canvas.Line
	head *canvas.Polygon
	ends [][2]fyne.Position // scratch for dashes
	used int
	a, b fyne.Position
	ok   bool
}

type relMapRenderer struct {
	m        *relMap
	cards    []mapCardObjs
	lines    []mapLineObjs
	rubber   *canvas.Rectangle
	connectL *canvas.Line
	hint     *canvas.Text
	objects  []fyne.CanvasObject
	styled   [2]color.Color // the theme's foreground and card colour the objects were made with
}

func newRelMapRenderer(m *relMap) *relMapRenderer {
	r := &relMapRenderer{m: m}
	th, v := m.Theme(), fyne.CurrentApp().Settings().ThemeVariant()
	r.rubber = canvas.NewRectangle(withAlpha(ColorSecond, 0x30))
	r.rubber.StrokeColor, r.rubber.StrokeWidth = ColorSecond, 1
	r.rubber.Hide()
	r.connectL = canvas.NewLine(th.Color(theme.ColorNamePrimary, v))
	r.connectL.StrokeWidth = 3
	r.connectL.Hide()
	r.hint = canvas.NewText("", th.Color(theme.ColorNamePlaceHolder, v))
	r.rebuild()
	return r
}

func (r *relMapRenderer) fg() color.Color {
	return r.m.Theme().Color(theme.ColorNameForeground, fyne.CurrentApp().Settings().ThemeVariant())
}

// rebuild makes objects for the scene's cards and lines.
func (r *relMapRenderer) rebuild() {
	m := r.m
	th, v := m.Theme(), fyne.CurrentApp().Settings().ThemeVariant()
	fg := th.Color(theme.ColorNameForeground, v)
	r.styled = [2]color.Color{fg, th.Color(theme.ColorNameInputBackground, v)}
	r.connectL.StrokeColor = th.Color(theme.ColorNamePrimary, v)
	r.hint.Color = th.Color(theme.ColorNamePlaceHolder, v)
	muted := th.Color(theme.ColorNamePlaceHolder, v)
	r.cards = make([]mapCardObjs, len(m.scene.Cards))
	for i := range m.scene.Cards {
		o := &r.cards[i]
		o.bg = canvas.NewRectangle(th.Color(theme.ColorNameInputBackground, v))
		o.bg.CornerRadius = 6
		o.name = canvas.NewText("", fg)
		o.name.TextStyle = fyne.TextStyle{Bold: true}
		o.title = canvas.NewText("", fg)
		o.role = canvas.NewText("", muted)
		o.attitude = canvas.NewText("", fg)
		o.covText = canvas.NewText("", fg)
		o.handle = canvas.NewCircle(withAlpha(ColorPrimary, 0xa0))
	}
	r.lines = make([]mapLineObjs, len(m.scene.Lines))
	for i, l := range m.scene.Lines {
		if l.Kind == model.LineInfluence {
			r.lines[i].head = &canvas.Polygon{Sides: 3, FillColor: ColorSecond}
		}
	}
	r.collect()
}

func (r *relMapRenderer) collect() {
	r.objects = r.objects[:0]
	for i := range r.lines {
		for _, s := range r.lines[i].segs {
			r.objects = append(r.objects, s)
		}
		if h := r.lines[i].head; h != nil {
			r.objects = append(r.objects, h)
		}
	}
	for i := range r.cards {
		o := &r.cards[i]
		r.objects = append(r.objects, o.bg, o.name, o.title, o.role, o.attitude, o.covText, o.handle)
	}
	r.objects = append(r.objects, r.rubber, r.connectL, r.hint)
}

func (r *relMapRenderer) Objects() []fyne.CanvasObject { return r.objects }
func (r *relMapRenderer) Destroy()                     {}
func (r *relMapRenderer) MinSize() fyne.Size           { return fyne.NewSize(300, 240) }

func (r *relMapRenderer) Refresh() {
	// A change of theme (workshop mode, light or dark) makes the objects
	// again in the new colours, as does a change of the scene's shape.
	th, v := r.m.Theme(), fyne.CurrentApp().Settings().ThemeVariant()
	styled := [2]color.Color{th.Color(theme.ColorNameForeground, v), th.Color(theme.ColorNameInputBackground, v)}
	if len(r.cards) != len(r.m.scene.Cards) || len(r.lines) != len(r.m.scene.Lines) || r.kindsChanged() || styled != r.styled {
		r.rebuild()
	}
	r.Layout(r.m.Size())
	canvas.Refresh(r.m)
}

func (r *relMapRenderer) kindsChanged() bool {
	for i, l := range r.m.scene.Lines {
		if (l.Kind == model.LineInfluence) != (r.lines[i].head != nil) {
			return true
		}
	}
	return false
}

func (r *relMapRenderer) Layout(size fyne.Size) {
	m := r.m
	for i := range m.scene.Cards {
		r.placeCard(i)
	}
	grew := false
	for i := range m.scene.Lines {
		if r.placeLine(i) {
			grew = true
		}
	}
	if grew {
		r.collect()
	}
	r.hint.Text = ""
	if len(m.scene.Cards) == 0 {
		r.hint.Text = "No stakeholders yet: right-click to add one where you want it, or use Add stakeholder."
	}
	r.hint.Move(fyne.NewPos(20, 20))
	r.refreshSelection()
}

// attitudeLook is an attitude's colour and its words with a symbol, so it
// never rests on colour alone.
func attitudeLook(a model.Attitude) (color.Color, string) {
	switch {
	case a > 0:
		return ColorSupporter, "▲ " + a.String()
	case a < 0:
		return ColorDetractor, "▼ " + a.String()
	}
	return ColorNeutral, "● neutral"
}

func (r *relMapRenderer) placeCard(i int) {
	m := r.m
	c, o := m.scene.Cards[i], &r.cards[i]
	z := m.zoom
	pos := m.toScreen(c.X, c.Y)
	size := m.cardSize()
	o.bg.Move(pos)
	o.bg.Resize(size)
	pad := 8 * z
	place := func(t *canvas.Text, text string, y, textSize float32) {
		t.Text = fitText(text, textSize*z, t.TextStyle, size.Width-2*pad)
		t.TextSize = textSize * z
		t.Move(pos.Add(fyne.NewPos(pad, y*z)))
	}
	place(o.name, c.Name, 6, cardNameSize)
	place(o.title, c.Title, 26, 12)
	if c.Member {
		o.bg.FillColor = withAlpha(ColorPrimary, 0x50)
		place(o.role, "Our team", 46, 11)
		o.attitude.Hide()
		o.covText.Hide()
	} else {
		o.bg.FillColor = m.Theme().Color(theme.ColorNameInputBackground, fyne.CurrentApp().Settings().ThemeVariant())
		if m.customerSafe {
			place(o.role, "", 44, 11) // buying role and influence are our assessment
		} else {
			place(o.role, roleLabel(c.Role)+" · influence "+c.Influence.String(), 44, 11)
		}
		col, word := attitudeLook(c.Attitude)
		o.attitude.Color = col
		place(o.attitude, word, 62, 11)
		cov := "covered: " + c.Coverage.String()
		if c.Coverage == model.StrengthNone {
			cov = "not covered"
		}
		if c.Gap {
			cov = "⚠ gap · " + cov
		}
		o.covText.Color = r.fg()
		if c.Gap {
			o.covText.Color = ColorWarning
		}
		place(o.covText, cov, 62, 11)
		o.covText.Move(pos.Add(fyne.NewPos(size.Width/2, 62*z)))
		o.covText.Text = fitText(cov, 11*z, o.covText.TextStyle, size.Width/2-pad)
		if m.customerSafe {
			o.attitude.Hide()
			o.covText.Hide()
		} else {
			o.attitude.Show()
			o.covText.Show()
		}
	}
	hr := max(6*z, 5)
	h := m.handlePos(i)
	o.handle.Position1 = fyne.NewPos(h.X-hr, h.Y-hr)
	o.handle.Position2 = fyne.NewPos(h.X+hr, h.Y+hr)
}

// cardStroke is a card's border: its attitude colour (neutral when
// customer-safe), thicker for more influence, primary when selected.
func (r *relMapRenderer) cardStroke(i int) (color.Color, float32) {
	m := r.m
	c := m.scene.Cards[i]
	w := float32(1+max(int(c.Influence), 1)) * m.zoom
	if m.customerSafe {
		w = 2 * m.zoom // influence shows nowhere, not even in the border
	}
	if m.selected[c.ID] {
		return m.Theme().Color(theme.ColorNamePrimary, fyne.CurrentApp().Settings().ThemeVariant()), max(w, 3) + 1
	}
	if c.Member || m.customerSafe {
		return ColorNeutral, w
	}
	col, _ := attitudeLook(c.Attitude)
	return col, w
}

// lineEnds returns a line's end points on the card borders.
func (r *relMapRenderer) lineEnds(i int) (fyne.Position, fyne.Position, bool) {
	lo := &r.lines[i]
	return lo.a, lo.b, lo.ok
}

// lineStyle returns colour, width and dash pattern (0 = solid) of a line.
func (r *relMapRenderer) lineStyle(i int) (color.Color, float32, float32, float32) {
	m := r.m
	l := m.scene.Lines[i]
	z := m.zoom
	// The look is the model's (model.LineStyle), in the screen's palette;
	// in front of a customer the scene has no influence, conflict or
	// coverage lines at all (model.Scene.ForCustomer).
	st := l.Style()
	w, on, off := float32(st.Width), float32(st.On), float32(st.Off)
	var col color.Color
	switch st.Role {
	case model.RoleInfluence:
		col = ColorSecond
	case model.RoleConflict:
		col = ColorDetractor
	case model.RoleCoverage:
		col = withAlpha(ColorSupporter, 0xb0)
	default:
		col = withAlpha(ColorNeutral, 0xe0)
	}
	if m.selLine == i {
		col, w = m.Theme().Color(theme.ColorNamePrimary, fyne.CurrentApp().Settings().ThemeVariant()), w+2
	}
	return col, w * z, on * z, off * z
}

// placeLine recomputes a line's geometry; it reports whether it needed new
// segment objects (so the object list must be collected again).
func (r *relMapRenderer) placeLine(i int) bool {
	m := r.m
	l, lo := m.scene.Lines[i], &r.lines[i]
	fi, ok1 := m.index[l.From]
	ti, ok2 := m.index[l.To]
	lo.ok = ok1 && ok2 && (l.Kind != model.LineCoverage || m.showCoverage)
	if !lo.ok {
		for _, s := range lo.segs {
			s.Hide()
		}
		if lo.head != nil {
			lo.head.Hide()
		}
		return false
	}
	size := m.cardSize()
	hw, hh := size.Width/2, size.Height/2
	fc := m.toScreen(m.scene.Cards[fi].X, m.scene.Cards[fi].Y).Add(fyne.NewPos(hw, hh))
	tc := m.toScreen(m.scene.Cards[ti].X, m.scene.Cards[ti].Y).Add(fyne.NewPos(hw, hh))
	lo.a, lo.b = clipToBox(fc, hw, hh, tc), clipToBox(tc, hw, hh, fc)
	col, w, on, off := r.lineStyle(i)
	n := 1
	if on > 0 {
		lo.ends, n = dashes(lo.a, lo.b, on, off, lo.ends)
	} else {
		if len(lo.ends) == 0 {
			lo.ends = append(lo.ends, [2]fyne.Position{})
		}
		lo.ends[0] = [2]fyne.Position{lo.a, lo.b}
	}
	grew := false
	for len(lo.segs) < n {
		lo.segs = append(lo.segs, canvas.NewLine(col))
		grew = true
	}
	for k, s := range lo.segs {
		if k >= n {
			s.Hide()
			continue
		}
		s.Position1, s.Position2 = lo.ends[k][0], lo.ends[k][1]
		s.StrokeColor, s.StrokeWidth = col, w
		s.Show()
	}
	lo.used = n
	if lo.head != nil {
		hs := max(14*m.zoom, 6) + w
		lo.head.FillColor = col
		lo.head.Angle = headAngle(lo.a, lo.b)
		lo.head.Resize(fyne.NewSize(hs, hs))
		lo.head.Move(lo.b.Subtract(fyne.NewPos(hs/2, hs/2)))
		lo.head.Show()
	}
	return grew
}

// moveCards follows a drag: only the moved cards and their lines change.
func (r *relMapRenderer) moveCards(idx []int) {
	grew := false
	for _, i := range idx {
		r.placeCard(i)
		o := &r.cards[i]
		for _, obj := range []fyne.CanvasObject{o.bg, o.name, o.title, o.role, o.attitude, o.covText, o.handle} {
			obj.Refresh()
		}
		for _, l := range r.m.cardLines[i] {
			if r.placeLine(l) {
				grew = true
			}
			r.refreshLine(l)
		}
	}
	if grew {
		r.collect()
		canvas.Refresh(r.m)
	}
}

func (r *relMapRenderer) refreshLine(i int) {
	lo := &r.lines[i]
	for k := 0; k < lo.used && k < len(lo.segs); k++ {
		lo.segs[k].Refresh()
	}
	if lo.head != nil {
		lo.head.Refresh()
	}
}

// refreshSelection recolours cards and lines for the current selection.
func (r *relMapRenderer) refreshSelection() {
	for i := range r.cards {
		col, w := r.cardStroke(i)
		o := r.cards[i].bg
		if o.StrokeColor != col || o.StrokeWidth != w {
			o.StrokeColor, o.StrokeWidth = col, w
			o.Refresh()
		}
	}
	for i := range r.lines {
		col, w, _, _ := r.lineStyle(i)
		lo := &r.lines[i]
		for k := 0; k < lo.used && k < len(lo.segs); k++ {
			if s := lo.segs[k]; s.StrokeColor != col || s.StrokeWidth != w {
				s.StrokeColor, s.StrokeWidth = col, w
				s.Refresh()
			}
		}
		if lo.head != nil && lo.head.FillColor != col {
			lo.head.FillColor = col
			lo.head.Refresh()
		}
	}
}

func (r *relMapRenderer) showRubber(a, b fyne.Position) {
	r.rubber.Move(fyne.NewPos(min(a.X, b.X), min(a.Y, b.Y)))
	r.rubber.Resize(fyne.NewSize(abs32(b.X-a.X), abs32(b.Y-a.Y)))
	r.rubber.Show()
	r.rubber.Refresh()
}

func (r *relMapRenderer) hideRubber() { r.rubber.Hide() }

func (r *relMapRenderer) showConnect(a, b fyne.Position) {
	r.connectL.Position1, r.connectL.Position2 = a, b
	r.connectL.Show()
	r.connectL.Refresh()
}

func (r *relMapRenderer) hideConnect() { r.connectL.Hide() }

func abs32(v float32) float32 {
	if v < 0 {
		return -v
	}
	return v
}
