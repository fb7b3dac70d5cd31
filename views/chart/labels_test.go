package chart

import (
	"testing"

	gochart "github.com/wcharczuk/go-chart/v2"
)

// Labels at the same spot are stacked without covering each other and
// stay inside the plot; labels already apart do not move.
func TestSpreadLabelsNeverOverlap(t *testing.T) {
	box := func(x, y int) gochart.Box { return gochart.Box{Left: x, Right: x + 120, Top: y - 10, Bottom: y + 10} }
	boxes := []gochart.Box{box(100, 100), box(110, 105), box(90, 98), box(400, 100), box(105, 390), box(100, 395)}
	ys := spread(boxes, 0, 400)
	if ys[3] != 100 {
		t.Errorf("a label with room of its own moved from 100 to %d", ys[3])
	}
	for i := range boxes {
		a := boxes[i]
		a.Top, a.Bottom = ys[i]-10, ys[i]+10
		if a.Top < 0 || a.Bottom > 400 {
			t.Errorf("label %d moved out of the plot: %d–%d", i, a.Top, a.Bottom)
		}
		for j := i + 1; j < len(boxes); j++ {
			b := boxes[j]
			b.Top, b.Bottom = ys[j]-10, ys[j]+10
			if a.Left < b.Right && b.Left < a.Right && a.Top < b.Bottom && b.Top < a.Bottom {
				t.Errorf("labels %d (y %d) and %d (y %d) overlap", i, ys[i], j, ys[j])
			}
		}
	}
}
