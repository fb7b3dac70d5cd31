package views

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
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
