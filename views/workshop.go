package views

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
)

// What each screen folds away in workshop mode (what does not fit a
// projector or is ours alone) and brings back afterwards.

// foldAway hides the objects in workshop mode and shows them again after.
func foldAway(workshop bool, objs ...fyne.CanvasObject) {
	for _, o := range objs {
		if workshop {
			o.Hide()
		} else {
			o.Show()
		}
	}
}

// foldSplit gives a split's leading side the whole width in workshop mode
// and its usual share (offset) after.
func foldSplit(s *container.Split, workshop bool, offset float64) {
	if workshop {
		offset = 1
	}
	s.Offset = offset
	s.Refresh()
}

// The share of the width the list and the map take beside their panels.
const (
	portfolioSplit = 0.62
	mapSplit       = 0.75
)
