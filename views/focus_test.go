package views

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// The quadrant, which Orchard draws itself, is reached with Tab like the
// toolkit's widgets and shows that it has the keyboard; leaving it hides
// the ring.
func TestTabReachesTheQuadrantAndShowsItsFocus(t *testing.T) {
	s := portfolioOf(t, 30)
	s.tabs.SelectIndex(1) // Quadrant
	c := s.win.Canvas()
	reached := false
	for i := 0; i < 200 && !reached; i++ {
		c.FocusNext()
		reached = c.Focused() == fyne.Focusable(s.quadrant)
	}
	if !reached {
		t.Fatal("Tab never reached the quadrant")
	}
	if s.quadrant.ring == nil || s.quadrant.ring.ring.Hidden {
		t.Fatal("the focused quadrant shows no focus ring")
	}
	found := false
	for _, o := range s.quadrant.ring.Objects() {
		found = found || o == s.quadrant.ring.ring
	}
	if !found {
		t.Error("the ring is not drawn with the quadrant")
	}
	c.FocusNext()
	if !s.quadrant.ring.ring.Hidden {
		t.Error("the ring stays after the focus moved on")
	}
}

// On the keyboard alone, Enter on a whitespace cell offers what its
// secondary click does: the states, details and a new opportunity.
func TestWhitespaceCellMenuFromTheKeyboard(t *testing.T) {
	s, _, w := newTestPlan(t)
	s.addUnit("Logistics")
	cell := cellButton(t, s, "Logistics", "Analytics")
	w.Canvas().Focus(cell)
	cell.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	menu := w.Canvas().Overlays().Top()
	if menu == nil {
		t.Fatal("Enter on a cell opened no menu")
	}
	texts := ""
	for _, o := range test.LaidOutObjects(menu) {
		if l, ok := o.(*canvas.Text); ok {
			texts += l.Text + "|"
		}
	}
	for _, want := range []string{"Details", "Create opportunity"} {
		if !strings.Contains(texts, want) {
			t.Errorf("the menu lacks %q: %s", want, texts)
		}
	}
}

// focusables are the visible, enabled widgets that take the keyboard,
// not counting those inside a table or list (which moves among its own
// cells with the arrow keys once it has the keyboard).
func focusables(o fyne.CanvasObject, out map[fyne.Focusable]bool) {
	if o == nil || !o.Visible() {
		return
	}
	if f, ok := o.(fyne.Focusable); ok {
		if d, ok := o.(fyne.Disableable); !ok || !d.Disabled() {
			out[f] = true
		}
	}
	switch w := o.(type) {
	case *widget.Table, *keyTable, *widget.List:
		return
	case *fyne.Container:
		for _, c := range w.Objects {
			focusables(c, out)
		}
	case fyne.Widget:
		for _, c := range test.WidgetRenderer(w).Objects() {
			focusables(c, out)
		}
	}
}

// Every screen can be used from the keyboard alone: Tab reaches every
// control on it, in a cycle.
func TestTabReachesEveryControlOnEveryScreen(t *testing.T) {
	s, _, w := newTestShell(t)
	selectRow(t, s, "Northwind Logistics")
	for _, sec := range []Section{SectionPortfolio, SectionMyActions, SectionPlan, SectionMap, SectionBoard, SectionReview} {
		s.Show(sec)
		want := map[fyne.Focusable]bool{}
		focusables(w.Content(), want)
		c := w.Canvas()
		c.Unfocus()
		reached := map[fyne.Focusable]bool{}
		for i := 0; i < 3*len(want)+10; i++ {
			c.FocusNext()
			if f := c.Focused(); f != nil {
				reached[f] = true
			}
		}
		for f := range want {
			if !reached[f] {
				t.Errorf("%s: Tab never reaches a %T", sec.Title(), f)
			}
		}
		if len(want) < 5 {
			t.Errorf("%s: only %d controls found; the walk is not seeing the screen", sec.Title(), len(want))
		}
	}
}

// In the account list, Space on the tick column ticks the row, and the
// Sort choice orders the list, so neither needs the mouse.
func TestAccountListTicksAndSortsFromTheKeyboard(t *testing.T) {
	s := portfolioOf(t, 30)
	l := s.list
	first := l.rows[0].acc.ID
	l.table.Select(widget.TableCellID{Row: 0, Col: 0}) // what Space on the focused cell does
	if !l.checked[first] {
		t.Fatal("Space on the tick column did not tick the row")
	}
	l.table.Select(widget.TableCellID{Row: 0, Col: 0})
	if l.checked[first] {
		t.Error("a second Space did not clear the tick")
	}
	s.sortBy.SetSelected("Revenue ▼")
	for i := 1; i < len(l.rows); i++ {
		if l.rows[i-1].acc.Revenue < l.rows[i].acc.Revenue {
			t.Fatalf("after Sort: Revenue ▼ row %d (%v) is below row %d (%v)", i, l.rows[i-1].acc.Revenue, i+1, l.rows[i].acc.Revenue)
		}
	}
	l.sortBy(0) // a click on the Name header
	if s.sortBy.Selected != "Name ▲" {
		t.Errorf("after clicking the Name header the Sort choice says %q", s.sortBy.Selected)
	}
}
