package views

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"orchard/app/workspace"
	"orchard/model"
)

// mapDragMode is what a drag on the map does, decided where it starts.
type mapDragMode int

const (
	dragNone    mapDragMode = iota
	dragCards               // move the selected cards
	dragPan                 // move the view
	dragRubber              // select by rectangle (Shift on the background)
	dragConnect             // draw a new line from a card's handle
)

// Zoom limits of the map.
const (
	minZoom = 0.05 // Fit shows even a 300-person organisation whole
	maxZoom = 4
)

// relMap is the relationship map: stakeholder cards in map coordinates,
// lines between them, our team above. Dragging moves widgets only; the
// positions are saved once, on release.
type relMap struct {
	ring *focusRing // shown while the widget has the keyboard
	widget.BaseWidget
	ws           *workspace.Workspace
	accountID    string
	scene        model.Scene
	index        map[string]int // card ID -> index in scene.Cards
	cardLines    [][]int        // card index -> lines touching it
	zoom         float32
	pan          fyne.Position // screen position of the map origin
	selected     map[string]bool
	selLine      int
	customerSafe bool
	showCoverage bool
	press        mapPress
	drag         mapDrag
	ctrl         bool
	userMoved    bool // the user panned or zoomed: stop fitting on resize
	onEdit       func(s *model.Stakeholder)
	onAdd        func(at model.Point)
	onError      func(error)
	renderer     *relMapRenderer
}

// mapPress is where the mouse went down and with which modifier.
type mapPress struct {
	valid bool
	pos   fyne.Position
	shift bool
}

type mapDrag struct {
	mode    mapDragMode
	from    int // card index the connect drag starts at
	start   fyne.Position
	pointer fyne.Position
	moved   []int // cards moved by this drag
}

var (
	_ fyne.Draggable         = (*relMap)(nil)
	_ fyne.Tappable          = (*relMap)(nil)
	_ fyne.SecondaryTappable = (*relMap)(nil)
	_ fyne.Scrollable        = (*relMap)(nil)
	_ fyne.Focusable         = (*relMap)(nil)
	_ desktop.Mouseable      = (*relMap)(nil)
	_ desktop.Keyable        = (*relMap)(nil)
)

func newRelMap(ws *workspace.Workspace, accountID string) *relMap {
	m := &relMap{ws: ws, accountID: accountID, zoom: 1, selected: map[string]bool{}, selLine: -1, showCoverage: true}
	m.ExtendBaseWidget(m)
	m.reload()
	return m
}

// reload rebuilds the scene from the workspace.
func (m *relMap) reload() {
	p := m.ws.Portfolio()
	m.scene = p.MapScene(m.accountID)
	if m.customerSafe {
		m.scene = m.scene.ForCustomer(p, m.accountID)
	}
	m.index = make(map[string]int, len(m.scene.Cards))
	for i, c := range m.scene.Cards {
		m.index[c.ID] = i
	}
	m.cardLines = make([][]int, len(m.scene.Cards))
	for i, l := range m.scene.Lines {
		for _, id := range []string{l.From, l.To} {
			if c, ok := m.index[id]; ok {
				m.cardLines[c] = append(m.cardLines[c], i)
			}
		}
	}
	for id := range m.selected {
		if _, ok := m.index[id]; !ok {
			delete(m.selected, id)
		}
	}
	if m.selLine >= len(m.scene.Lines) {
		m.selLine = -1
	}
	if m.renderer != nil {
		m.Refresh()
	}
}

func (m *relMap) onEvent(ev workspace.Event) {
	for _, k := range []model.Kind{model.KindStakeholder, model.KindCoverage, model.KindInfluenceLink, model.KindTeamAssignment, model.KindTeamMember} {
		if ev.Touches(k) {
			m.reload()
			return
		}
	}
}

// Map <-> screen.
func (m *relMap) toScreen(x, y float64) fyne.Position {
	return fyne.NewPos(float32(x)*m.zoom+m.pan.X, float32(y)*m.zoom+m.pan.Y)
}

func (m *relMap) toMap(p fyne.Position) model.Point {
	return model.Point{X: float64((p.X - m.pan.X) / m.zoom), Y: float64((p.Y - m.pan.Y) / m.zoom)}
}

func (m *relMap) cardSize() fyne.Size {
	return fyne.NewSize(model.LayoutCardWidth*m.zoom, model.LayoutCardHeight*m.zoom)
}

// cardAt returns the topmost card under a screen point, or -1.
func (m *relMap) cardAt(p fyne.Position) int {
	s := m.cardSize()
	for i := len(m.scene.Cards) - 1; i >= 0; i-- {
		c := m.scene.Cards[i]
		tl := m.toScreen(c.X, c.Y)
		if p.X >= tl.X && p.X <= tl.X+s.Width && p.Y >= tl.Y && p.Y <= tl.Y+s.Height {
			return i
		}
	}
	return -1
}

// handleAt returns the card whose connect handle is under p, or -1.
func (m *relMap) handleAt(p fyne.Position) int {
	for i := range m.scene.Cards {
		h := m.handlePos(i)
		dx, dy := p.X-h.X, p.Y-h.Y
		r := max(8*m.zoom, 7)
		if dx*dx+dy*dy <= r*r {
			return i
		}
	}
	return -1
}

// handlePos is the centre of a card's connect handle: the middle of its right edge.
func (m *relMap) handlePos(i int) fyne.Position {
	c := m.scene.Cards[i]
	s := m.cardSize()
	return m.toScreen(c.X, c.Y).Add(fyne.NewPos(s.Width, s.Height/2))
}

// lineAt returns the line within a few pixels of p, or -1.
func (m *relMap) lineAt(p fyne.Position) int {
	if m.renderer == nil {
		return -1
	}
	for i := range m.scene.Lines {
		a, b, ok := m.renderer.lineEnds(i)
		if ok && distToSegment(p, a, b) <= 6 {
			return i
		}
	}
	return -1
}

func (m *relMap) focus() {
	if c := fyne.CurrentApp().Driver().CanvasForObject(m); c != nil {
		c.Focus(m)
	}
}

func (m *relMap) fail(err error) {
	reportTo(m.onError, windowOf(m), err) // never dropped: a dialog when nobody listens
}

// MouseDown remembers where a press started and whether Shift was held.
func (m *relMap) MouseDown(ev *desktop.MouseEvent) {
	m.press = mapPress{valid: true, pos: ev.Position, shift: ev.Modifier&fyne.KeyModifierShift != 0}
}

func (m *relMap) MouseUp(*desktop.MouseEvent) {}

// Tapped selects the card or line under the pointer (Shift adds cards).
func (m *relMap) Tapped(ev *fyne.PointEvent) {
	m.focus()
	shift := m.press.valid && m.press.shift
	m.press.valid = false
	if i := m.cardAt(ev.Position); i >= 0 {
		c := m.scene.Cards[i]
		if !shift {
			clear(m.selected)
		}
		if !c.Member {
			m.selected[c.ID] = !m.selected[c.ID] || !shift
		}
		m.selLine = -1
	} else if l := m.lineAt(ev.Position); l >= 0 {
		clear(m.selected)
		m.selLine = l
	} else {
		clear(m.selected)
		m.selLine = -1
	}
	m.renderer.refreshSelection()
}

// Dragged moves cards, pans, draws a rubber band or a new line, depending
// on where the drag began.
func (m *relMap) Dragged(ev *fyne.DragEvent) {
	d := &m.drag
	if d.mode == dragNone {
		start := ev.Position.Subtract(ev.Dragged)
		if m.press.valid {
			start = m.press.pos
		}
		d.start, d.pointer = start, start
		switch h, c := m.handleAt(start), m.cardAt(start); {
		case h >= 0:
			d.mode, d.from = dragConnect, h
		case c >= 0 && !m.scene.Cards[c].Member:
			d.mode = dragCards
			id := m.scene.Cards[c].ID
			if !m.selected[id] {
				if !(m.press.valid && m.press.shift) {
					clear(m.selected)
				}
				m.selected[id] = true
			}
			d.moved = d.moved[:0]
			for id := range m.selected {
				d.moved = append(d.moved, m.index[id])
			}
			m.renderer.refreshSelection()
		case c >= 0:
			d.mode = dragPan // our team's lane is laid out, not placed
		case m.press.valid && m.press.shift:
			d.mode = dragRubber
		default:
			d.mode = dragPan
		}
	}
	d.pointer = d.pointer.Add(ev.Dragged)
	switch d.mode {
	case dragCards:
		dx, dy := float64(ev.Dragged.DX/m.zoom), float64(ev.Dragged.DY/m.zoom)
		for _, i := range d.moved {
			m.scene.Cards[i].X += dx
			m.scene.Cards[i].Y += dy
		}
		m.renderer.moveCards(d.moved)
	case dragPan:
		m.userMoved = true
		m.pan = m.pan.Add(ev.Dragged)
		m.renderer.Layout(m.Size())
	case dragRubber:
		m.renderer.showRubber(d.start, d.pointer)
	case dragConnect:
		m.renderer.showConnect(m.handlePos(d.from), d.pointer)
	}
}

// DragEnd saves moved cards in one step, finishes a rubber band, or asks
// what a new line means.
func (m *relMap) DragEnd() {
	d := m.drag
	m.drag = mapDrag{moved: d.moved[:0]}
	m.press.valid = false
	switch d.mode {
	case dragCards:
		m.saveMoved(d.moved)
	case dragRubber:
		m.renderer.hideRubber()
		x0, y0 := min(d.start.X, d.pointer.X), min(d.start.Y, d.pointer.Y)
		x1, y1 := max(d.start.X, d.pointer.X), max(d.start.Y, d.pointer.Y)
		s := m.cardSize()
		for _, c := range m.scene.Cards {
			p := m.toScreen(c.X, c.Y)
			if !c.Member && p.X >= x0 && p.Y >= y0 && p.X+s.Width <= x1 && p.Y+s.Height <= y1 {
				m.selected[c.ID] = true
			}
		}
		m.renderer.refreshSelection()
	case dragConnect:
		m.renderer.hideConnect()
		to := m.cardAt(d.pointer)
		if to < 0 {
			return
		}
		m.connect(d.from, to, d.pointer)
	}
}

// saveMoved stores the new places of the moved cards as one undoable step.
func (m *relMap) saveMoved(moved []int) {
	var placed, shown []workspace.Placement
	for _, i := range moved {
		c := m.scene.Cards[i]
		if !c.Member {
			placed = append(placed, workspace.Placement{ID: c.ID, X: c.X, Y: c.Y})
		}
	}
	for _, c := range m.scene.Cards {
		if !c.Member && !c.Placed {
			shown = append(shown, workspace.Placement{ID: c.ID, X: c.X, Y: c.Y})
		}
	}
	if err := m.ws.PlaceStakeholders(placed, shown); err != nil {
		m.fail(err)
		m.reload() // put the cards back where they are saved
	}
}

// Scrolled zooms around the pointer with Ctrl held, and pans otherwise.
func (m *relMap) Scrolled(ev *fyne.ScrollEvent) {
	if m.ctrl {
		f := float32(1.1)
		if ev.Scrolled.DY < 0 {
			f = 1 / f
		}
		m.zoomAround(ev.Position, m.zoom*f)
		return
	}
	m.userMoved = true
	m.pan = m.pan.Add(fyne.NewPos(ev.Scrolled.DX, ev.Scrolled.DY))
	m.Refresh()
}

// zoomAround sets the zoom keeping the map point under p in place.
func (m *relMap) zoomAround(p fyne.Position, z float32) {
	z = max(minZoom, min(maxZoom, z))
	m.userMoved = true
	at := m.toMap(p)
	m.zoom = z
	m.pan = fyne.NewPos(p.X-float32(at.X)*z, p.Y-float32(at.Y)*z)
	m.Refresh()
}

// fit zooms and pans so every card is in view.
func (m *relMap) fit() {
	if m.fitView() {
		m.Refresh()
	}
}

// fitView sets zoom and pan to show every card, without drawing; it
// reports whether there was anything to fit.
func (m *relMap) fitView() bool {
	size := m.Size()
	if len(m.scene.Cards) == 0 || size.Width <= 0 {
		return false
	}
	x0, y0, x1, y1 := m.scene.Bounds()
	pad := float32(30)
	z := min((size.Width-2*pad)/float32(x1-x0), (size.Height-2*pad)/float32(y1-y0))
	m.zoom = max(minZoom, min(maxZoom, z))
	m.pan = fyne.NewPos(pad-float32(x0)*m.zoom, pad-float32(y0)*m.zoom)
	return true
}

func (m *relMap) Resize(s fyne.Size) {
	m.BaseWidget.Resize(s)
	if !m.userMoved && s.Width > 0 && s.Height > 0 {
		m.openFit()
	}
}

// readableZoom is the zoom at which a card's name is as large as the
// theme's body text: twice the desk size on a projector.
func (m *relMap) readableZoom() float32 {
	return m.Theme().Size(theme.SizeNameText) / cardNameSize
}

// cardNameSize is the size of a card's name at zoom 1.
const cardNameSize = 14

// openFit is how the map opens: fitted when that keeps names readable,
// else at the readable zoom with the top of the chart in view (the user
// scrolls or pans to the rest, or presses Fit to see everyone).
func (m *relMap) openFit() {
	if !m.fitView() {
		return
	}
	size := m.Size()
	readable := min(maxZoom, m.readableZoom())
	if m.zoom >= readable {
		m.Refresh()
		return
	}
	x0, y0, x1, _ := m.scene.Bounds()
	// The top of the customer's chart, centred on its top person (our
	// team's lane above it is a scroll away).
	top := m.scene.Cards[0]
	found := false
	for _, c := range m.scene.Cards {
		if c.Member {
			continue
		}
		if !found || c.Y < top.Y || c.Y == top.Y && c.X < top.X {
			top, found = c, true
		}
	}
	m.zoom = readable
	cx := top.X + model.LayoutCardWidth/2
	panX := size.Width/2 - float32(cx)*m.zoom
	// Keep the chart's edges from drifting inside the view.
	panX = min(panX, 30-float32(x0)*m.zoom)
	panX = max(panX, size.Width-30-float32(x1)*m.zoom)
	panY := 30 - float32(y0)*m.zoom
	if found {
		panY = 30 - float32(top.Y)*m.zoom
	}
	m.pan = fyne.NewPos(panX, panY)
	m.Refresh()
}

func (m *relMap) CreateRenderer() fyne.WidgetRenderer {
	m.renderer = newRelMapRenderer(m)
	m.ring = newFocusRing(m, m.renderer)
	return m.ring
}
