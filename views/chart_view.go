package views

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"orchard/views/chart"
)

// Chart sizes on screen and at 1× when saved.
const (
	chartWidth  = 960
	chartHeight = 416
)

// chartView shows one chart and saves it as PNG (1× or 2×) or SVG from its
// button or its secondary-click menu.
type chartView struct {
	widget.BaseWidget
	name   string // file name stem, e.g. "revenue"
	win    fyne.Window
	render func(f chart.Format, w, h int) ([]byte, error)
	img    *canvas.Image
	status *widget.Label
	root   fyne.CanvasObject
	stale  bool // drawn on the next layout: charts in hidden tabs cost nothing
}

var _ fyne.SecondaryTappable = (*chartView)(nil)

func newChartView(name string, win fyne.Window, render func(f chart.Format, w, h int) ([]byte, error)) *chartView {
	c := &chartView{name: name, win: win, render: render, img: canvas.NewImageFromResource(nil), status: widget.NewLabel("")}
	c.img.FillMode = canvas.ImageFillContain
	c.img.SetMinSize(fyne.NewSize(480, 208))
	c.status.Hide()
	save := widget.NewButtonWithIcon("Save chart…", theme.DocumentSaveIcon(), func() { c.showMenu(fyne.CurrentApp().Driver().AbsolutePositionForObject(c)) })
	save.Importance = widget.LowImportance
	c.root = container.NewBorder(container.NewHBox(layout.NewSpacer(), save), c.status, nil, nil, c.img)
	c.ExtendBaseWidget(c)
	c.stale = true
	return c
}

// redraw asks for the chart to be drawn again from the current data; it is
// drawn when next laid out on screen.
func (c *chartView) redraw() {
	c.stale = true
	if c.Visible() && c.Size().Width > 0 {
		c.draw()
	}
}

func (c *chartView) draw() {
	c.stale = false
	data, err := c.render(chart.PNG, chartWidth, chartHeight)
	if err != nil {
		c.status.SetText("This chart could not be drawn here; its data are safe. Try saving it as PNG at 2×.")
		c.status.Show()
		c.img.Resource = nil
	} else {
		c.status.Hide()
		c.img.Resource = fyne.NewStaticResource(fmt.Sprintf("%s-%d.png", c.name, len(data)), data)
	}
	c.img.Refresh()
}

func (c *chartView) TappedSecondary(ev *fyne.PointEvent) { c.showMenu(ev.AbsolutePosition) }

func (c *chartView) showMenu(at fyne.Position) { chartSaveMenu(c.win, c, c.name, c.render, at) }

// chartSaveMenu offers to save a chart as PNG at 1× or 2×, or as SVG.
func chartSaveMenu(win fyne.Window, from fyne.CanvasObject, name string, render func(f chart.Format, w, h int) ([]byte, error), at fyne.Position) {
	save := func(label, ext string, f chart.Format, scale int) *fyne.MenuItem {
		return fyne.NewMenuItem(label, func() {
			saveFile(win, "Save chart", name+"."+ext, func() ([]byte, error) {
				return render(f, chartWidth*scale, chartHeight*scale)
			}, nil)
		})
	}
	menu := fyne.NewMenu("", save("Save as PNG (1×)", "png", chart.PNG, 1), save("Save as PNG (2×, for slides)", "png", chart.PNG, 2),
		save("Save as SVG", "svg", chart.SVG, 1))
	if cv := fyne.CurrentApp().Driver().CanvasForObject(from); cv != nil {
		widget.ShowPopUpMenuAtPosition(menu, cv, at)
	}
}

func (c *chartView) CreateRenderer() fyne.WidgetRenderer {
	return &chartViewRenderer{c: c, inner: widget.NewSimpleRenderer(c.root)}
}

// chartViewRenderer draws a stale chart when it is laid out.
type chartViewRenderer struct {
	c     *chartView
	inner fyne.WidgetRenderer
}

func (r *chartViewRenderer) Layout(s fyne.Size) {
	r.inner.Layout(s)
	if r.c.stale && s.Width > 0 {
		r.c.draw()
	}
}
func (r *chartViewRenderer) MinSize() fyne.Size           { return r.inner.MinSize() }
func (r *chartViewRenderer) Refresh()                     { r.inner.Refresh() }
func (r *chartViewRenderer) Objects() []fyne.CanvasObject { return r.inner.Objects() }
func (r *chartViewRenderer) Destroy()                     { r.inner.Destroy() }
