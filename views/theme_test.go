package views

import (
	"image/color"
	"math"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
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
			if c := contrast(proj.Color(p[0], v), proj.Color(p[1], v)); c < 7 && !(p[0] == theme.ColorNamePrimary && v == theme.VariantDark) {
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
