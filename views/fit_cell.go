package views

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// A table cell whose label is shortened with "…" only when its text does
// not fit. The toolkit shapes a shortening label's text anew at every
// layout, even when all of it fits, and in the Portfolio list that was
// most of laying out the first screen. A label that fits is shown whole
// and costs one measurement, which the toolkit keeps per text.

// fitCellLayout lays every object over the whole cell, as a stack does,
// and decides the label's shortening for the cell's width.
type fitCellLayout struct{ lbl *widget.Label }

func newFitCell(lbl *widget.Label, objs ...fyne.CanvasObject) *fyne.Container {
	return container.New(fitCellLayout{lbl}, objs...)
}

func (f fitCellLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	if fitLabel(f.lbl, size.Width) {
		f.lbl.Refresh()
	}
	for _, o := range objs {
		o.Move(fyne.Position{})
		o.Resize(size)
	}
}

// MinSize is the tallest object's height: a cell's width is its column's,
// and a label's whole text must not widen it.
func (f fitCellLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var min fyne.Size
	for _, o := range objs {
		if !o.Visible() {
			continue
		}
		m := o.MinSize()
		if o == fyne.CanvasObject(f.lbl) {
			m.Width = 0
		}
		min = min.Max(m)
	}
	return min
}

// fitLabel sets the label to shorten its text only when the text is wider
// than width leaves room for; it reports whether that changed. A width
// not yet known (zero) leaves the label as it is until the cell is laid
// out.
func fitLabel(lbl *widget.Label, width float32) bool {
	if width <= 0 {
		return false
	}
	want := fyne.TextTruncateOff
	if lbl.Text != "" && textWidth(lbl.Text, lbl.TextStyle)+2*theme.InnerPadding() > width {
		want = fyne.TextTruncateEllipsis
	}
	if lbl.Truncation == want {
		return false
	}
	lbl.Truncation = want
	return true
}

// textWidth is the width a label's text is drawn at, in the theme's text
// size (the toolkit keeps each measurement).
func textWidth(text string, style fyne.TextStyle) float32 {
	return fyne.MeasureText(text, theme.TextSize(), style).Width
}
