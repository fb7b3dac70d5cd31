package views

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
)

// A score is picked by clicking its segment, typing its digit or moving
// with the arrow keys; each pick saves once and an unchanged pick does not.
func TestScoreChoicePicksByClickKeyAndDigit(t *testing.T) {
	test.NewTempApp(t)
	var saved []string
	c := newScoreChoice(answerOptions, func(v string) { saved = append(saved, v) })
	w := test.NewTempWindow(t, c)
	w.Resize(c.MinSize().Add(fyne.NewSize(20, 20)))
	c.Resize(c.MinSize())
	seg := c.Size().Width / float32(len(answerOptions))

	test.TapAt(c, fyne.NewPos(seg*3.5, c.Size().Height/2)) // the fourth segment: "3"
	if c.Selected != "3" {
		t.Fatalf("a click on the fourth segment chose %q, want 3", c.Selected)
	}
	if w.Canvas().Focused() != fyne.Focusable(c) {
		t.Error("a click does not give the choice the keyboard")
	}
	c.TypedKey(&fyne.KeyEvent{Name: fyne.KeyRight})
	if c.Selected != "4" {
		t.Errorf("Right from 3 chose %q", c.Selected)
	}
	c.TypedRune('1')
	if c.Selected != "1" {
		t.Errorf("typing 1 chose %q", c.Selected)
	}
	c.TypedKey(&fyne.KeyEvent{Name: fyne.KeyLeft})
	c.TypedKey(&fyne.KeyEvent{Name: fyne.KeyLeft}) // stops at the first option
	if c.Selected != "?" {
		t.Errorf("Left twice from 1 chose %q, want ?", c.Selected)
	}
	c.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEnd})
	c.TypedRune('5') // already 5: nothing to save
	c.TypedRune('x') // not an option
	want := []string{"3", "4", "1", "?", "5"}
	if len(saved) != len(want) {
		t.Fatalf("saved %v, want %v", saved, want)
	}
	for i := range want {
		if saved[i] != want[i] {
			t.Fatalf("saved %v, want %v", saved, want)
		}
	}
}

// The chosen segment is drawn in the theme's primary colour, and follows a
// change of theme without being built again.
func TestScoreChoiceFollowsTheTheme(t *testing.T) {
	a := test.NewTempApp(t)
	c := newScoreChoice(answerOptions, nil)
	c.SetSelected("2")
	test.NewTempWindow(t, c)
	r := test.WidgetRenderer(c).(*scoreChoiceRenderer)
	v := a.Settings().ThemeVariant()
	if got, want := r.cells[2].FillColor, theme.Current().Color(theme.ColorNamePrimary, v); got != want {
		t.Fatalf("chosen segment %v, want the primary colour %v", got, want)
	}
	a.Settings().SetTheme(NewTheme(true, 1.5))
	c.Refresh()
	if got, want := r.cells[2].FillColor, NewTheme(true, 1.5).Color(theme.ColorNamePrimary, a.Settings().ThemeVariant()); got != want {
		t.Errorf("after the projector theme the chosen segment is %v, want %v", got, want)
	}
	if r.labels[0].TextSize != NewTheme(true, 1.5).Size(theme.SizeNameText) {
		t.Errorf("label size %v did not follow the theme", r.labels[0].TextSize)
	}
}
