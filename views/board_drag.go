package views

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"orchard/model"
)

// boardDrag is a card drag in progress. Positions are absolute (canvas)
// coordinates; the cells' rectangles are taken once, when the drag starts.
type boardDrag struct {
	id      string
	grab    fyne.Position // where on the card it was picked up
	pointer fyne.Position
	rects   []cellRect
	target  *boardCell
	index   int // insertion row in target, counting the cards shown
}

type cellRect struct {
	cell *boardCell
	pos  fyne.Position
	size fyne.Size
}

// autoScrollEdge is how near a list's edge the pointer scrolls it.
const autoScrollEdge = 28

func (b *boardView) pitch() float32 { return b.cardHeight() + b.theme().Size(theme.SizeNamePadding) }

// dragCard follows the pointer with a ghost card and an insertion marker;
// nothing is saved until the drop.
func (b *boardView) dragCard(c *boardCard, ev *fyne.DragEvent) {
	d := fyne.CurrentApp().Driver()
	if b.drag == nil {
		// The press was where the pointer was before this first step, if that
		// is on the card; test drivers report the press position itself.
		grab := ev.Position.Subtract(ev.Dragged)
		if grab.X < 0 || grab.Y < 0 || grab.X > c.Size().Width || grab.Y > c.Size().Height {
			grab = ev.Position
		}
		start := d.AbsolutePositionForObject(c).Add(grab)
		b.drag = &boardDrag{id: c.action.ID, grab: grab, pointer: start, index: -1}
		for _, cell := range b.cells {
			b.drag.rects = append(b.drag.rects, cellRect{cell, d.AbsolutePositionForObject(cell.list), cell.list.Size()})
		}
		b.styleOverlay()
		b.ghostTxt.Text = shortName(c.action.Title, 28)
		b.ghostTxt.Refresh()
		b.ghost.Resize(fyne.NewSize(c.Size().Width, b.cardHeight()))
		b.ghost.Objects[0].Resize(fyne.NewSize(c.Size().Width, b.cardHeight()))
		b.ghost.Show()
		b.selected = c.action.ID
	}
	dr := b.drag
	dr.pointer = dr.pointer.Add(ev.Dragged)
	origin := d.AbsolutePositionForObject(b.overlay)
	b.ghost.Move(dr.pointer.Subtract(origin).Subtract(dr.grab))
	dr.target, dr.index = nil, -1
	for _, r := range dr.rects {
		if dr.pointer.X < r.pos.X || dr.pointer.X > r.pos.X+r.size.Width || dr.pointer.Y < r.pos.Y || dr.pointer.Y > r.pos.Y+r.size.Height {
			continue
		}
		list := r.cell.list
		offset := list.GetScrollOffset()
		switch {
		case dr.pointer.Y < r.pos.Y+autoScrollEdge:
			list.ScrollToOffset(offset - 12)
		case dr.pointer.Y > r.pos.Y+r.size.Height-autoScrollEdge:
			list.ScrollToOffset(offset + 12)
		}
		offset = list.GetScrollOffset()
		p := b.pitch()
		i := int((dr.pointer.Y - r.pos.Y + offset + p/2) / p)
		i = max(0, min(i, len(r.cell.cards)))
		dr.target, dr.index = r.cell, i
		y := r.pos.Y - origin.Y + float32(i)*p - offset - b.theme().Size(theme.SizeNamePadding)/2 - 1
		b.marker.Move(fyne.NewPos(r.pos.X-origin.X, max(r.pos.Y-origin.Y, y)))
		b.marker.Resize(fyne.NewSize(r.size.Width, 3))
		b.marker.Show()
		break
	}
	if dr.target == nil {
		b.marker.Hide()
	}
}

// dropCard saves the move, or puts the card back when dropped outside.
func (b *boardView) dropCard() {
	dr := b.drag
	b.drag = nil
	b.ghost.Hide()
	b.marker.Hide()
	if dr == nil || dr.target == nil {
		return
	}
	m := b.dropMove(dr)
	if a, ok := b.ws.Portfolio().Get(model.KindAction, dr.id).(*model.Action); ok {
		same := a.Status == m.Status && (b.mode == model.LanesNone || model.LaneValue(a, b.mode) == m.Lane)
		if same {
			// Dropped onto its own place: nothing to save.
			if c, i := b.cellOf(dr.id); c == dr.target && (dr.index == i || dr.index == i+1) {
				return
			}
		}
	}
	b.move(m)
}

// dropMove turns an insertion row into neighbours, leaving the dragged card
// out of its own column.
func (b *boardView) dropMove(dr *boardDrag) model.BoardMove {
	cell := dr.target
	var others []*model.Action
	idx := dr.index
	for i, a := range cell.cards {
		if a.ID == dr.id {
			if i < dr.index {
				idx--
			}
			continue
		}
		others = append(others, a)
	}
	m := model.BoardMove{ID: dr.id, Status: cell.status, Mode: b.mode, Lane: cell.lane.Value}
	switch {
	case idx < len(others):
		m.Before = others[idx].ID
	case len(others) > 0:
		m.After = others[len(others)-1].ID
	}
	return m
}
