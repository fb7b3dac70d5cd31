package views

import (
	"fmt"
	"image/color"
	"sort"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"orchard/app/workspace"
	"orchard/model"
)

// quadrantFilter narrows the accounts the quadrant shows.
type quadrantFilter struct {
	owner, industry string
	objective       model.Objective
}

func (f quadrantFilter) keeps(a *model.Account) bool {
	return (f.owner == "" || a.Owner == f.owner) && (f.industry == "" || a.Industry == f.industry) &&
		(f.objective == "" || a.Objective == f.objective)
}

// quadrantBubble is one account as the quadrant draws it.
type quadrantBubble struct {
	acc    *model.Account
	eval   model.Assessment
	x, y   float64 // relationship and value, 0–100
	radius float32
	trail  []*model.PositionMark
}

// quadrantEditor is the Relationship/Revenue quadrant: one bubble per
// account, dragged to place it by hand, saved once on release.
type quadrantEditor struct {
	ring *focusRing // shown while the widget has the keyboard
	widget.BaseWidget
	ws         *workspace.Workspace
	filter     quadrantFilter
	showTrails bool
	workshop   bool              // names at body size for a projector
	anonymous  bool              // in front of a customer: only the selected account is named
	bubbles    []*quadrantBubble // largest first, so small ones draw on top
	unplaced   int               // accounts without a position, not drawn
	selected   string
	hovered    int // bubble index under the pointer, -1 for none
	drag       quadrantDrag
	onSelect   func(id string)
	onOpen     func(id string)
	onError    func(error)
	renderer   *quadrantRenderer
}

// quadrantDrag is a drag in progress: which bubble and where it has got to.
type quadrantDrag struct {
	index  int // -1 when no bubble is being dragged
	center fyne.Position
}

var (
	_ fyne.Draggable         = (*quadrantEditor)(nil)
	_ fyne.Tappable          = (*quadrantEditor)(nil)
	_ fyne.SecondaryTappable = (*quadrantEditor)(nil)
	_ fyne.Focusable         = (*quadrantEditor)(nil)
	_ desktop.Hoverable      = (*quadrantEditor)(nil)
)

func newQuadrantEditor(ws *workspace.Workspace) *quadrantEditor {
	q := &quadrantEditor{ws: ws, hovered: -1, drag: quadrantDrag{index: -1}, showTrails: true}
	q.ExtendBaseWidget(q)
	q.reload()
	return q
}

// reload rebuilds the bubbles from the workspace.
func (q *quadrantEditor) reload() {
	p := q.ws.Portfolio()
	w, rates := p.Settings.Weights, p.Settings.Rates
	q.bubbles, q.unplaced = q.bubbles[:0], 0
	var largest float64
	revenue := map[string]float64{}
	trails := p.Trails()
	for _, a := range p.Accounts() {
		if !q.filter.keeps(a) {
			continue
		}
		x, y, ok := a.Position(w)
		if !ok {
			q.unplaced++
			continue
		}
		if r, ok := rates.Between(a.Currency, rates.Base); ok {
			revenue[a.ID] = a.Revenue.Major() * r
			largest = max(largest, revenue[a.ID])
		}
		q.bubbles = append(q.bubbles, &quadrantBubble{acc: a, eval: a.Assess(w), x: x, y: y, trail: trails[a.ID]})
	}
	for _, b := range q.bubbles {
		b.radius = bubbleRadius(revenue[b.acc.ID], largest)
	}
	sort.SliceStable(q.bubbles, func(i, j int) bool { return q.bubbles[i].radius > q.bubbles[j].radius })
	q.hovered, q.drag.index = -1, -1
	if q.renderer != nil { // otherwise the renderer, when made, draws these
		q.Refresh()
	}
}

// onEvent redraws after changes to accounts, trails or settings.
func (q *quadrantEditor) onEvent(ev workspace.Event) {
	if ev.Touches(model.KindAccount) || ev.Touches(model.KindPositionMark) || ev.Settings {
		q.reload()
	}
}

func (q *quadrantEditor) indexOf(id string) int {
	for i, b := range q.bubbles {
		if b.acc.ID == id {
			return i
		}
	}
	return -1
}

// bubbleAt returns the topmost bubble under pos, or -1.
func (q *quadrantEditor) bubbleAt(pos fyne.Position) int {
	area := plotFor(q.Size(), q.axisTextSize())
	for i := len(q.bubbles) - 1; i >= 0; i-- {
		b := q.bubbles[i]
		c := area.scoreToPos(b.x, b.y)
		dx, dy := pos.X-c.X, pos.Y-c.Y
		if dx*dx+dy*dy <= b.radius*b.radius {
			return i
		}
	}
	return -1
}

func (q *quadrantEditor) selectIndex(i int) {
	id := ""
	if i >= 0 {
		id = q.bubbles[i].acc.ID
	}
	if id == q.selected {
		return
	}
	q.selected = id
	if q.renderer != nil {
		q.renderer.placeSelection()
	}
	if q.onSelect != nil && id != "" {
		q.onSelect(id)
	}
}

// Tapped selects the bubble under the pointer and takes keyboard focus.
func (q *quadrantEditor) Tapped(ev *fyne.PointEvent) {
	q.selectIndex(q.bubbleAt(ev.Position))
	if c := fyne.CurrentApp().Driver().CanvasForObject(q); c != nil {
		c.Focus(q)
	}
}

// TappedSecondary offers what can be done with the bubble under the pointer.
func (q *quadrantEditor) TappedSecondary(ev *fyne.PointEvent) {
	i := q.bubbleAt(ev.Position)
	if i < 0 {
		return
	}
	q.selectIndex(i)
	b := q.bubbles[i]
	open := fyne.NewMenuItem("Open account", func() { q.open(b.acc.ID) })
	reset := fyne.NewMenuItem("Reset to scored position", func() { q.report(q.ws.ResetPlacement(b.acc.ID)) })
	reset.Disabled = !b.acc.Placed
	menu := fyne.NewMenu("", open, reset)
	if c := fyne.CurrentApp().Driver().CanvasForObject(q); c != nil {
		widget.ShowPopUpMenuAtPosition(menu, c, ev.AbsolutePosition)
	}
}

func (q *quadrantEditor) open(id string) {
	if q.onOpen != nil && id != "" {
		q.onOpen(id)
	}
}

func (q *quadrantEditor) report(err error) {
	reportTo(q.onError, windowOf(q), err) // never dropped: a dialog when nobody listens
}

// Dragged moves the grabbed bubble with the pointer; nothing is saved yet.
func (q *quadrantEditor) Dragged(ev *fyne.DragEvent) {
	if q.drag.index < 0 {
		// The press happened where the pointer was before this first move.
		start := ev.Position.Subtract(ev.Dragged)
		i := q.bubbleAt(start)
		if i < 0 {
			i = q.bubbleAt(ev.Position)
		}
		if i < 0 {
			return
		}
		b := q.bubbles[i]
		q.drag = quadrantDrag{index: i, center: plotFor(q.Size(), q.axisTextSize()).scoreToPos(b.x, b.y)}
		q.selectIndex(i)
	}
	q.drag.center = q.drag.center.Add(ev.Dragged)
	if q.renderer != nil {
		q.renderer.moveBubble(q.drag.index, q.drag.center)
	}
}

// DragEnd saves the new place as a manual placement, one undoable step.
func (q *quadrantEditor) DragEnd() {
	i := q.drag.index
	q.drag.index = -1
	if i < 0 || i >= len(q.bubbles) {
		return
	}
	x, y := plotFor(q.Size(), q.axisTextSize()).posToScore(q.drag.center)
	q.report(q.ws.MoveAccount(q.bubbles[i].acc.ID, x, y))
}

func (q *quadrantEditor) MouseIn(ev *desktop.MouseEvent) { q.MouseMoved(ev) }

func (q *quadrantEditor) MouseMoved(ev *desktop.MouseEvent) {
	if i := q.bubbleAt(ev.Position); i != q.hovered {
		q.hovered = i
		if q.renderer != nil {
			q.renderer.placeTooltip()
		}
	}
}

func (q *quadrantEditor) MouseOut() {
	q.hovered = -1
	if q.renderer != nil {
		q.renderer.placeTooltip()
	}
}

func (q *quadrantEditor) FocusGained()   { q.ring.show(true) }
func (q *quadrantEditor) FocusLost()     { q.ring.show(false) }
func (q *quadrantEditor) TypedRune(rune) {}

// TypedKey nudges the selected bubble with the arrows and opens it with Enter.
func (q *quadrantEditor) TypedKey(ev *fyne.KeyEvent) {
	i := q.indexOf(q.selected)
	if i < 0 {
		passKey(q, ev)
		return
	}
	b := q.bubbles[i]
	const step = 2
	dx, dy := 0.0, 0.0
	switch ev.Name {
	case fyne.KeyLeft:
		dx = -step
	case fyne.KeyRight:
		dx = step
	case fyne.KeyUp:
		dy = step
	case fyne.KeyDown:
		dy = -step
	case fyne.KeyReturn, fyne.KeyEnter:
		q.open(b.acc.ID)
		return
	case fyne.KeyEscape:
		if q.selected == "" {
			passKey(q, ev)
		}
		q.selectIndex(-1)
		return
	default:
		passKey(q, ev)
		return
	}
	q.report(q.ws.MoveAccount(b.acc.ID, clampScore(b.x+dx), clampScore(b.y+dy)))
}

// nameOf is the label a bubble carries: its account's name, or none for
// another customer while the quadrant is shown to a customer.
func (q *quadrantEditor) nameOf(b *quadrantBubble) string {
	if q.anonymous && b.acc.ID != q.selected {
		return ""
	}
	return shortName(b.acc.Name, 22)
}

// tooltipText describes a bubble for the hover box; another customer,
// while the quadrant is shown to a customer, is only "another customer".
func (q *quadrantEditor) tooltipText(b *quadrantBubble) []string {
	if q.anonymous && b.acc.ID != q.selected {
		return []string{"Another customer"}
	}
	place := "placed by its scores"
	if b.acc.Placed {
		place = "placed by hand"
	}
	pr := b.eval.Priority.String() + " priority"
	if b.eval.Overridden {
		pr += " (set by hand)"
	}
	return []string{
		b.acc.Name,
		"Revenue " + b.acc.Revenue.Format(b.acc.Currency),
		fmt.Sprintf("Relationship %s · Value %s", scoreText(b.eval.Relationship, b.eval.HasRelationship), scoreText(b.eval.Value, b.eval.HasValue)),
		pr + " · " + place,
	}
}

func (q *quadrantEditor) CreateRenderer() fyne.WidgetRenderer {
	q.renderer = newQuadrantRenderer(q)
	q.ring = newFocusRing(q, q.renderer)
	return q.ring
}

// bubbleColor is the bubble's fill: its priority colour, slightly see-through
// so overlapping bubbles stay visible.
func bubbleColor(p model.Priority) color.Color {
	c := priorityColor(int(p)).(color.NRGBA)
	c.A = 0xc0
	return c
}

// axisTextSize is the size of the axis titles, which the plot leaves room
// for.
func (q *quadrantEditor) axisTextSize() float32 {
	return q.Theme().Size(theme.SizeNameText)
}
