package views

import (
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"

	"orchard/model"
)

// The relationship map from the keyboard: focus, moving between cards with
// the arrow keys, and the modifier keys held.

// ThemeChanged fits the map again after workshop mode or presenter zoom
// changed the text size, unless the user has placed it themselves.
func (m *relMap) ThemeChanged() {
	if !m.userMoved {
		m.openFit()
	}
}

func (m *relMap) FocusGained() { m.ring.show(true) }

func (m *relMap) FocusLost() { m.ctrl = false; m.ring.show(false) }

func (m *relMap) TypedRune(r rune) {
	switch r {
	case '+', '=':
		m.zoomAround(fyne.NewPos(m.Size().Width/2, m.Size().Height/2), m.zoom*1.25)
	case '-':
		m.zoomAround(fyne.NewPos(m.Size().Width/2, m.Size().Height/2), m.zoom/1.25)
	case '0':
		m.fit()
	}
}

// TypedKey: Delete removes the selected line or people; Enter edits.
func (m *relMap) TypedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeyLeft, fyne.KeyRight, fyne.KeyUp, fyne.KeyDown:
		m.step(ev.Name)
	case fyne.KeyDelete, fyne.KeyBackspace:
		m.deleteSelection()
	case fyne.KeyReturn, fyne.KeyEnter:
		if len(m.selected) == 1 && m.onEdit != nil {
			for id := range m.selected {
				if s, ok := m.ws.Portfolio().Get(model.KindStakeholder, id).(*model.Stakeholder); ok {
					m.onEdit(s)
				}
			}
		}
	default:
		passKey(m, ev)
	}
}

// step selects the nearest card in an arrow's direction (the top card
// when nothing is selected) and pans the map so it is in view: on a
// projector the presenter walks the org chart with the arrows.
func (m *relMap) step(dir fyne.KeyName) {
	if len(m.scene.Cards) == 0 {
		return
	}
	from := -1
	for id := range m.selected {
		if i, ok := m.index[id]; ok && m.selected[id] {
			from = i
		}
	}
	next := nearestCard(m.scene.Cards, from, dir)
	if next < 0 {
		return
	}
	m.selected = map[string]bool{m.scene.Cards[next].ID: true}
	m.follow(next)
	m.Refresh()
}

// nearestCard is the card nearest to cards[from] in direction dir, one
// lying more that way than across, or -1; with no card to start from, the
// top (then leftmost) card.
func nearestCard(cards []model.SceneCard, from int, dir fyne.KeyName) int {
	if from < 0 {
		best := -1
		for i, c := range cards {
			if best < 0 || c.Y < cards[best].Y || (c.Y == cards[best].Y && c.X < cards[best].X) {
				best = i
			}
		}
		return best
	}
	o := cards[from]
	best, bestD := -1, math.Inf(1)
	for i, c := range cards {
		if i == from {
			continue
		}
		dx, dy := c.X-o.X, c.Y-o.Y
		var along, across float64
		switch dir {
		case fyne.KeyRight:
			along, across = dx, dy
		case fyne.KeyLeft:
			along, across = -dx, dy
		case fyne.KeyDown:
			along, across = dy, dx
		case fyne.KeyUp:
			along, across = -dy, dx
		}
		if along <= 0 || math.Abs(across) > 2*along {
			continue
		}
		if d := along + 2*math.Abs(across); d < bestD {
			best, bestD = i, d
		}
	}
	return best
}

// follow pans, if it must, so card i lies inside the view with a margin.
func (m *relMap) follow(i int) {
	size := m.Size()
	if i < 0 || i >= len(m.scene.Cards) || size.Width <= 0 {
		return
	}
	c := m.scene.Cards[i]
	tl, cs := m.toScreen(c.X, c.Y), m.cardSize()
	pad := float32(24)
	dx, dy := float32(0), float32(0)
	switch {
	case tl.X < pad:
		dx = pad - tl.X
	case tl.X+cs.Width > size.Width-pad:
		dx = size.Width - pad - (tl.X + cs.Width)
	}
	switch {
	case tl.Y < pad:
		dy = pad - tl.Y
	case tl.Y+cs.Height > size.Height-pad:
		dy = size.Height - pad - (tl.Y + cs.Height)
	}
	m.pan = m.pan.Add(fyne.NewPos(dx, dy))
}

func (m *relMap) KeyDown(ev *fyne.KeyEvent) {
	if ev.Name == desktop.KeyControlLeft || ev.Name == desktop.KeyControlRight || ev.Name == desktop.KeySuperLeft || ev.Name == desktop.KeySuperRight {
		m.ctrl = true
	}
}

func (m *relMap) KeyUp(ev *fyne.KeyEvent) {
	if ev.Name == desktop.KeyControlLeft || ev.Name == desktop.KeyControlRight || ev.Name == desktop.KeySuperLeft || ev.Name == desktop.KeySuperRight {
		m.ctrl = false
	}
}
