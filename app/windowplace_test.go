package app

import (
	"image"
	"testing"
)

// A window opens where it was left, moved just enough to be whole on the
// screen that holds its corner; left on a screen since unplugged, it is
// placed by the system.
func TestWindowOpensOnTheScreenItWasOn(t *testing.T) {
	laptop := image.Rect(0, 0, 1280, 720)
	monitor := image.Rect(1280, -200, 3200, 880) // to the right, higher up
	size := image.Pt(1240, 660)
	for _, c := range []struct {
		name    string
		at      image.Point
		screens []image.Rectangle
		want    image.Point
		ok      bool
	}{
		{"where it was", image.Pt(20, 30), []image.Rectangle{laptop}, image.Pt(20, 30), true},
		{"partly off the right edge", image.Pt(600, 30), []image.Rectangle{laptop}, image.Pt(40, 30), true},
		{"above the top", image.Pt(10, -25), []image.Rectangle{laptop}, image.Pt(10, 0), true},
		{"on the second monitor", image.Pt(1500, -150), []image.Rectangle{laptop, monitor}, image.Pt(1500, -150), true},
		{"second monitor unplugged", image.Pt(1500, -150), []image.Rectangle{laptop}, image.Pt(1500, -150), false},
		{"no screens known", image.Pt(20, 30), nil, image.Pt(20, 30), false},
	} {
		got, ok := placeOnScreens(c.at, size, c.screens)
		if got != c.want || ok != c.ok {
			t.Errorf("%s: %v %v, want %v %v", c.name, got, ok, c.want, c.ok)
		}
	}
}
