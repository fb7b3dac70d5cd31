package views

import (
	"fmt"
	"image/color"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
)

func colorKey(c color.Color) string {
	r, g, b, _ := c.RGBA()
	return fmt.Sprintf("#%02x%02x%02x", r>>8, g>>8, b>>8)
}

// onScreen is where picture pixel (x, y) of a chart shows in its widget.
func onScreen(c *chartView, x, y float64) fyne.Position {
	box, size := c.img.Position(), c.img.Size()
	scale := min(size.Width/chartWidth, size.Height/chartHeight)
	left := box.X + (size.Width-chartWidth*scale)/2
	top := box.Y + (size.Height-chartHeight*scale)/2
	return fyne.NewPos(left+float32(x)*scale, top+float32(y)*scale)
}

// Pointing at a Pareto bar names its account; clicking it selects that
// account in the list and the form.
func TestParetoBarsNameAndOpenTheirAccounts(t *testing.T) {
	s, _, w := newTestShell(t)
	s.portfolio.tabs.SelectIndex(2)
	w.Resize(fyne.NewSize(1400, 901)) // lay the Pareto out and draw it
	pp := s.portfolio.pareto
	if len(pp.par.Rows) < 5 || pp.plot.Right <= pp.plot.Left {
		t.Fatalf("the Pareto was not drawn: %d rows, plot %+v", len(pp.par.Rows), pp.plot)
	}
	n := len(pp.par.Rows)
	for _, rank := range []int{0, 4, n - 1} {
		want := pp.par.Rows[rank].Account
		x := float64(pp.plot.Left) + (float64(rank)+0.5)*float64(pp.plot.Right-pp.plot.Left)/float64(n)
		at := onScreen(pp.view, x, float64(pp.plot.Bottom-5))
		pp.view.MouseMoved(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: at}})
		if !strings.Contains(pp.pointed.Text, want.Name) {
			t.Errorf("pointing at bar %d says %q, want %s", rank+1, pp.pointed.Text, want.Name)
		}
		test.TapAt(pp.view, at)
		if s.Account() != want.ID || s.portfolio.list.selected != want.ID || s.portfolio.form.name.Text != want.Name {
			t.Errorf("clicking bar %d selected %q, want %s", rank+1, s.Account(), want.Name)
		}
	}
	// Outside the bars nothing is named and nothing changes.
	before := s.Account()
	test.TapAt(pp.view, onScreen(pp.view, 2, 2))
	if s.Account() != before || !strings.HasPrefix(pp.pointed.Text, "Point") {
		t.Error("a click beside the bars changed the selection")
	}
}

// A chart on screen is drawn in the theme's colours and again when the
// theme changes.
func TestChartsOnScreenFollowTheTheme(t *testing.T) {
	s, _, w := newTestShell(t)
	s.portfolio.tabs.SelectIndex(2)
	w.Resize(fyne.NewSize(1400, 901))
	v := s.portfolio.pareto.view
	bg := func() string { return colorKey(theme.Color(theme.ColorNameBackground)) }
	if colorKey(v.drawn.Paper) != bg() {
		t.Fatalf("the chart's paper is %s, the theme's background %s", colorKey(v.drawn.Paper), bg())
	}
	fyne.CurrentApp().Settings().SetTheme(NewTheme(true, 1))
	v.Refresh()
	if colorKey(v.drawn.Paper) != colorKey(NewTheme(true, 1).Color(theme.ColorNameBackground, fyne.CurrentApp().Settings().ThemeVariant())) {
		t.Errorf("after a theme change the chart's paper is %s", colorKey(v.drawn.Paper))
	}
}
