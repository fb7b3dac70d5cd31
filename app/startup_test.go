package app

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"orchard/views"
)

// Start-up loads the text faces while the window is made, in the order
// runGUI does it, and the faces are then there for the first screen. Under
// the race detector (test.sh) this also fails if making the window shares
// unguarded state with the loading. (The test app guards its settings, so
// it cannot catch the real app's unguarded theme: that is why the theme is
// set before the loading starts and desktopFor leaves it alone.)
func TestFacesLoadWhileTheWindowIsMade(t *testing.T) {
	fa := test.NewTempApp(t)
	fa.Settings().SetTheme(views.NewTheme(false, 1))
	faces := loadFaces()
	d := desktopFor(fa)
	<-faces
	if d.win == nil {
		t.Fatal("no window was made")
	}
	regular := fyne.MeasureText("Northwind Logistics", theme.TextSize(), fyne.TextStyle{})
	bold := fyne.MeasureText("Northwind Logistics", theme.TextSize(), fyne.TextStyle{Bold: true})
	if regular.Width <= 0 || bold.Width <= regular.Width {
		t.Errorf("after the faces loaded, an account name measures %v in regular and %v in bold", regular, bold)
	}
}
