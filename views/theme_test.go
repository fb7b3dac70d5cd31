package views

import (
	"image/color"
	"math"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"orchard/app/workspace"
	"orchard/model"
)

// contrast is the WCAG contrast ratio of two colours.
func contrast(a, b color.Color) float64 {
	lum := func(c color.Color) float64 {
		r, g, bl, _ := c.RGBA()
		ch := func(v uint32) float64 {
			x := float64(v) / 0xffff
			if x <= 0.03928 {
				return x / 12.92
			}
			return math.Pow((x+0.055)/1.055, 2.4)
		}
		return 0.2126*ch(r) + 0.7152*ch(g) + 0.0722*ch(bl)
	}
	la, lb := lum(a), lum(b)
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

func TestProjectorThemeContrastAndSize(t *testing.T) {
	desk, proj := NewTheme(false, 1), NewTheme(true, 1)
	pairs := [][2]fyne.ThemeColorName{
		{theme.ColorNameForeground, theme.ColorNameBackground},
		{theme.ColorNameForeground, theme.ColorNameInputBackground},
		{theme.ColorNamePlaceHolder, theme.ColorNameInputBackground},
		{theme.ColorNameForegroundOnPrimary, theme.ColorNamePrimary},
		{theme.ColorNamePrimary, theme.ColorNameBackground},
	}
	for _, v := range []fyne.ThemeVariant{theme.VariantLight, theme.VariantDark} {
		for _, p := range pairs {
			if c := contrast(proj.Color(p[0], v), proj.Color(p[1], v)); c < 7 {
				t.Errorf("variant %v: %s on %s has contrast %.1f:1, want at least 7:1", v, p[0], p[1], c)
			}
		}
	}
	if got, want := proj.Size(theme.SizeNameText), 2*desk.Size(theme.SizeNameText); got < want {
		t.Errorf("projector text %v, want at least twice the desk's %v", got, desk.Size(theme.SizeNameText))
	}
	if z := NewTheme(false, 1.5); z.Size(theme.SizeNameText) != 1.5*desk.Size(theme.SizeNameText) {
		t.Error("presenter zoom does not scale the text")
	}
}

// Switching to the projector theme (workshop mode) restyles what Orchard
// draws itself on its next refresh, as the toolkit's widgets are: the
// quadrant's labels and lines, the map's cards and hint, the board's drag
// ghost; nothing keeps the colours it was built with.
func TestOwnRenderersFollowAThemeSwitch(t *testing.T) {
	m, _ := newTestMap(t, mapWorkspace(t))
	b, _ := newTestBoard(t, boardWorkspace(t)) // each makes a test app: the last is current
	ws, err := workspace.Create(filepath.Join(t.TempDir(), "q.orchard"), model.DefaultSettings(), manyAccounts(20))
	if err != nil {
		t.Fatal(err)
	}
	defer ws.Close()
	q := newQuadrantEditor(ws)
	test.NewTempWindow(t, q).Resize(fyne.NewSize(900, 600))
	a := fyne.CurrentApp()

	proj := NewTheme(true, 1)
	a.Settings().SetTheme(proj)
	v := a.Settings().ThemeVariant()
	fg, sep := proj.Color(theme.ColorNameForeground, v), proj.Color(theme.ColorNameSeparator, v)
	q.Refresh()
	r := q.renderer
	if r.quadLabels[0].Color != fg || r.axisX.Color != fg || r.frame.StrokeColor != sep || r.bubbles[0].label.Color != fg {
		t.Errorf("the quadrant kept its colours: label %v, axis %v, frame %v, name %v; the projector's are %v and %v",
			r.quadLabels[0].Color, r.axisX.Color, r.frame.StrokeColor, r.bubbles[0].label.Color, fg, sep)
	}
	m.Refresh()
	mr := test.WidgetRenderer(m).(*focusRing).WidgetRenderer.(*relMapRenderer)
	if mr.cards[0].name.Color != fg || mr.hint.Color != proj.Color(theme.ColorNamePlaceHolder, v) {
		t.Errorf("the map kept its colours: name %v, hint %v", mr.cards[0].name.Color, mr.hint.Color)
	}
	b.styleOverlay() // as a drag starts
	if b.ghostTxt.Color != fg || b.marker.FillColor != proj.Color(theme.ColorNamePrimary, v) {
		t.Errorf("the board's drag ghost kept its colours: %v, marker %v", b.ghostTxt.Color, b.marker.FillColor)
	}
}
