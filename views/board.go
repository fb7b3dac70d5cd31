package views

import (
	"fmt"
	"image/color"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"orchard/app/workspace"
	"orchard/model"
)

// boardScope is what a board shows: one account's actions, or one team
// member's actions across every account ("My actions").
type boardScope struct {
	accountID string
	memberID  string
}

// boardCell is one column within one swimlane: a virtualised list of cards.
type boardCell struct {
	status model.Status
	lane   model.Lane
	cards  []*model.Action
	list   *widget.List
}

// boardView is the Kanban of actions: columns by status, optional
// swimlanes, drag and drop, keyboard moves.
type boardView struct {
	ring *focusRing // shown while the widget has the keyboard
	widget.BaseWidget
	ws       *workspace.Workspace
	win      fyne.Window
	scope    boardScope
	mode     model.LaneMode
	filter   model.ActionFilter
	selected string
	actions  []*model.Action // in scope, before the filter
	lanes    []model.Lane
	cells    []*boardCell // lane-major: lanes × statuses
	headers  map[model.Status]*columnHeader
	body     *fyne.Container
	overlay  *fyne.Container
	ghost    *fyne.Container
	ghostTxt *canvas.Text
	marker   *canvas.Rectangle
	drag     *boardDrag
	root     fyne.CanvasObject
	today    func() time.Time
	report   func(error)
	safe     bool    // customer-safe: only what the customer may see (workshop mode)
	builtAt  float32 // the card height the lists were built for
}

var (
	_ fyne.Focusable    = (*boardView)(nil)
	_ fyne.Shortcutable = (*boardView)(nil)
)

func newBoardView(ws *workspace.Workspace, win fyne.Window, scope boardScope, today func() time.Time) *boardView {
	b := &boardView{ws: ws, win: win, scope: scope, today: today, headers: map[model.Status]*columnHeader{}}
	b.ExtendBaseWidget(b)
	b.marker = canvas.NewRectangle(color.Transparent)
	b.marker.Hide()
	ghostBg := canvas.NewRectangle(color.Transparent)
	ghostBg.StrokeWidth, ghostBg.CornerRadius = 2, 4
	ghostBg.Resize(fyne.NewSize(200, baseCardHeight))
	b.ghostTxt = canvas.NewText("", color.Black)
	b.ghostTxt.TextStyle = fyne.TextStyle{Bold: true}
	b.ghostTxt.Move(fyne.NewPos(10, 8))
	b.ghost = container.NewWithoutLayout(ghostBg, b.ghostTxt)
	b.ghost.Resize(fyne.NewSize(200, baseCardHeight))
	b.ghost.Hide()
	b.overlay = container.NewWithoutLayout(b.ghost, b.marker)
	b.body = container.NewStack()
	for _, s := range model.Statuses {
		b.headers[s] = newColumnHeader(b, s)
	}
	b.root = container.NewStack(b.body, b.overlay)
	b.reload()
	return b
}

// styleOverlay takes the drag's ghost card and drop marker colours from the
// current theme; it runs as a drag starts, so they follow a change of
// theme or workshop mode.
func (b *boardView) styleOverlay() {
	th, v := b.theme(), fyne.CurrentApp().Settings().ThemeVariant()
	b.marker.FillColor = th.Color(theme.ColorNamePrimary, v)
	bg := b.ghost.Objects[0].(*canvas.Rectangle)
	bg.FillColor, bg.StrokeColor = th.Color(theme.ColorNameOverlayBackground, v), th.Color(theme.ColorNamePrimary, v)
	b.ghostTxt.Color = th.Color(theme.ColorNameForeground, v)
	bg.Refresh()
	b.marker.Refresh()
}

func (b *boardView) theme() fyne.Theme {
	if b.BaseWidget.Theme() != nil {
		return b.BaseWidget.Theme()
	}
	return theme.Current()
}

func (b *boardView) CreateRenderer() fyne.WidgetRenderer {
	b.ring = newFocusRing(b, widget.NewSimpleRenderer(b.root))
	return b.ring
}

// inScope returns the actions the board is about.
func (b *boardView) inScope() []*model.Action {
	p := b.ws.Portfolio()
	if b.scope.accountID != "" {
		if b.safe {
			// In front of the customer: the actions agreed with them,
			// without internal notes or impact figures.
			return p.CustomerView(b.scope.accountID, model.CustomerShare{}).Actions(b.scope.accountID)
		}
		return p.Actions(b.scope.accountID)
	}
	var out []*model.Action
	for _, e := range p.All(model.KindAction) {
		if a := e.(*model.Action); b.scope.memberID != "" && a.OwnerID == b.scope.memberID {
			out = append(out, a)
		}
	}
	return out
}

// stored is the workspace's own version of the actions in scope: moves
// and edits start from it, never from the customer-safe copies shown in
// workshop mode, which leave fields out.
func (b *boardView) stored() []*model.Action {
	if b.safe && b.scope.accountID != "" {
		return b.ws.Portfolio().Actions(b.scope.accountID)
	}
	return b.actions
}

// reload reads the actions again and rebuilds the lanes if they changed.
func (b *boardView) reload() {
	b.actions = b.inScope()
	lanes := b.ws.Portfolio().BoardLanes(b.actions, b.mode, b.scope.accountID)
	// Lists measure their rows when built: a new text size builds them
	// again at the new card height.
	if !sameLanes(lanes, b.lanes) || len(b.cells) == 0 || b.builtAt != b.cardHeight() {
		b.lanes = lanes
		b.builtAt = b.cardHeight()
		b.build()
	}
	today := b.today()
	for _, c := range b.cells {
		c.cards = model.Column(b.actions, c.status, b.mode, c.lane.Value, b.filter, today)
		c.list.Refresh()
	}
	for _, s := range model.Statuses {
		b.headers[s].update()
	}
}

func sameLanes(a, b []model.Lane) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// build lays out columns (and lanes) of virtualised lists.
func (b *boardView) build() {
	b.cells = b.cells[:0]
	headerRow := container.NewGridWithColumns(len(model.Statuses))
	for _, s := range model.Statuses {
		headerRow.Add(b.headers[s].root)
	}
	var grid fyne.CanvasObject
	if b.mode == model.LanesNone {
		row := container.NewGridWithColumns(len(model.Statuses))
		for _, s := range model.Statuses {
			row.Add(b.newCell(s, model.Lane{}).list)
		}
		grid = row
	} else {
		lanes := container.NewVBox()
		for _, l := range b.lanes {
			title := widget.NewLabelWithStyle(l.Title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
			row := container.NewGridWithColumns(len(model.Statuses))
			for _, s := range model.Statuses {
				row.Add(container.New(fixedHeight{h: 2*b.cardHeight() + 3*theme.Padding()}, b.newCell(s, l).list))
			}
			lanes.Add(container.NewVBox(widget.NewSeparator(), title, row))
		}
		grid = container.NewVScroll(lanes)
	}
	b.body.Objects = []fyne.CanvasObject{container.NewBorder(headerRow, nil, nil, nil, grid)}
	b.body.Refresh()
}

func (b *boardView) newCell(s model.Status, l model.Lane) *boardCell {
	c := &boardCell{status: s, lane: l}
	c.list = widget.NewList(
		func() int { return len(c.cards) },
		func() fyne.CanvasObject { return newBoardCard(b) },
		func(i widget.ListItemID, o fyne.CanvasObject) {
			if i < len(c.cards) {
				o.(*boardCard).set(c.cards[i])
			}
		})
	c.list.HideSeparators = true
	b.cells = append(b.cells, c)
	return c
}

// fixedHeight gives a lane's cells a set height; their lists scroll.
type fixedHeight struct{ h float32 }

func (f fixedHeight) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var w float32
	for _, o := range objs {
		w = max(w, o.MinSize().Width)
	}
	return fyne.NewSize(w, f.h)
}

func (f fixedHeight) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objs {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
}

// cellOf finds the cell showing an action, and its row there.
func (b *boardView) cellOf(id string) (*boardCell, int) {
	for _, c := range b.cells {
		for i, a := range c.cards {
			if a.ID == id {
				return c, i
			}
		}
	}
	return nil, -1
}

func (b *boardView) cellFor(s model.Status, lane string) *boardCell {
	for _, c := range b.cells {
		if c.status == s && (b.mode == model.LanesNone || c.lane.Value == lane) {
			return c
		}
	}
	return nil
}

func (b *boardView) selectCard(id string) {
	old := b.selected
	b.selected = id
	for _, x := range []string{old, id} {
		if c, i := b.cellOf(x); c != nil {
			c.list.RefreshItem(i)
		}
	}
	if c, i := b.cellOf(id); c != nil {
		c.list.ScrollTo(i)
	}
	if cv := fyne.CurrentApp().Driver().CanvasForObject(b); cv != nil {
		cv.Focus(b)
	}
}

func (b *boardView) fail(err error) {
	reportTo(b.report, b.win, err)
}

// move applies a board move as one undoable step, among the cards this
// board shows.
func (b *boardView) move(m model.BoardMove) {
	stored := b.stored()
	ids := make([]string, len(stored))
	for i, a := range stored {
		ids[i] = a.ID
	}
	b.fail(b.ws.MoveCard(ids, m))
}

// moveToColumn sends a card to the end of its lane in another column.
func (b *boardView) moveToColumn(a *model.Action, s model.Status) {
	if s == a.Status {
		return
	}
	lane := model.LaneValue(a, b.mode)
	m := model.BoardMove{ID: a.ID, Status: s, Mode: b.mode, Lane: lane}
	if c := b.cellFor(s, lane); c != nil && len(c.cards) > 0 {
		m.After = c.cards[len(c.cards)-1].ID
	}
	b.move(m)
}

// moveWithin swaps a card with its neighbour above (d = -1) or below (+1).
func (b *boardView) moveWithin(a *model.Action, d int) {
	c, i := b.cellOf(a.ID)
	if c == nil {
		return
	}
	j := i + d
	if j < 0 || j >= len(c.cards) {
		return
	}
	m := model.BoardMove{ID: a.ID, Status: a.Status, Mode: b.mode, Lane: model.LaneValue(a, b.mode)}
	if d < 0 {
		m.Before = c.cards[j].ID
	} else {
		m.After = c.cards[j].ID
	}
	b.move(m)
}

func (b *boardView) selectedAction() *model.Action {
	a, _ := b.ws.Portfolio().Get(model.KindAction, b.selected).(*model.Action)
	return a
}

func (b *boardView) FocusGained()   { b.ring.show(true) }
func (b *boardView) FocusLost()     { b.ring.show(false) }
func (b *boardView) TypedRune(rune) {}

// TypedKey: arrows move the selection, Enter edits, Delete deletes.
func (b *boardView) TypedKey(ev *fyne.KeyEvent) {
	a := b.selectedAction()
	if a == nil {
		passKey(b, ev)
		return
	}
	switch ev.Name {
	default:
		passKey(b, ev)
	case fyne.KeyReturn, fyne.KeyEnter:
		b.editAction(a)
	case fyne.KeyDelete, fyne.KeyBackspace:
		b.fail(b.ws.Delete(model.KindAction, a.ID))
	case fyne.KeyUp, fyne.KeyDown:
		if c, i := b.cellOf(a.ID); c != nil {
			d := 1
			if ev.Name == fyne.KeyUp {
				d = -1
			}
			if j := i + d; j >= 0 && j < len(c.cards) {
				b.selectCard(c.cards[j].ID)
			}
		}
	case fyne.KeyLeft, fyne.KeyRight:
		d := 1
		if ev.Name == fyne.KeyLeft {
			d = -1
		}
		lane := model.LaneValue(a, b.mode)
		for s := model.StatusStep(a.Status, d); ; s = model.StatusStep(s, d) {
			if c := b.cellFor(s, lane); c != nil && len(c.cards) > 0 {
				b.selectCard(c.cards[0].ID)
				return
			}
			if model.StatusStep(s, d) == s {
				return
			}
		}
	}
}

// TypedShortcut: Ctrl+arrows move the selected card.
func (b *boardView) TypedShortcut(s fyne.Shortcut) {
	cs, ok := s.(*desktop.CustomShortcut)
	a := b.selectedAction()
	if !ok || a == nil || cs.Modifier&(fyne.KeyModifierControl|fyne.KeyModifierSuper) == 0 {
		return
	}
	switch cs.KeyName {
	case fyne.KeyLeft:
		b.moveToColumn(a, model.StatusStep(a.Status, -1))
	case fyne.KeyRight:
		b.moveToColumn(a, model.StatusStep(a.Status, 1))
	case fyne.KeyUp:
		b.moveWithin(a, -1)
	case fyne.KeyDown:
		b.moveWithin(a, 1)
	}
}

// showCardMenu offers the card's moves, editing and deletion.
func (b *boardView) showCardMenu(a *model.Action, at fyne.Position) {
	var moveTo []*fyne.MenuItem
	for _, s := range model.Statuses {
		s := s
		it := fyne.NewMenuItem(s.Label(), func() { b.moveToColumn(a, s) })
		it.Disabled = s == a.Status
		moveTo = append(moveTo, it)
	}
	moveItem := fyne.NewMenuItem("Move to", nil)
	moveItem.ChildMenu = fyne.NewMenu("", moveTo...)
	menu := fyne.NewMenu("",
		fyne.NewMenuItem("Edit…", func() { b.editAction(a) }),
		moveItem,
		fyne.NewMenuItemSeparator(),
		fyne.NewMenuItem("Delete", func() { b.fail(b.ws.Delete(model.KindAction, a.ID)) }),
	)
	if c := fyne.CurrentApp().Driver().CanvasForObject(b); c != nil {
		widget.ShowPopUpMenuAtPosition(menu, c, at)
	}
}

// onEvent refreshes the board after a change to actions, goals or people.
func (b *boardView) onEvent(ev workspace.Event) {
	if ev.Touches(model.KindAction) || ev.Touches(model.KindGoal) || ev.Touches(model.KindTeamMember) || ev.Settings {
		b.reload()
	}
}

// countText is a column header's count, with its WIP limit when set.
func (b *boardView) countText(s model.Status) (string, bool) {
	n := 0
	total := 0
	for _, c := range b.cells {
		if c.status == s {
			n += len(c.cards)
		}
	}
	for _, a := range b.actions {
		if a.Status == s {
			total++
		}
	}
	text := fmt.Sprint(n)
	if n != total {
		text = fmt.Sprintf("%d of %d", n, total)
	}
	st := model.WIPStateOf(b.actions, s, b.mode, b.lanes, b.ws.Portfolio().Settings.WIP)
	if st.Limit > 0 {
		text += fmt.Sprintf(" · limit %d", st.Limit)
		if st.Over {
			text += " ⚠ over"
		}
	}
	for _, l := range st.Lanes {
		text += fmt.Sprintf(" ⚠ %s over %d", shortName(l.Lane.Title, 14), l.Limit)
	}
	over := st.Over || len(st.Lanes) > 0
	return text, over
}
