package views

import (
	"fmt"
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
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
	stale  bool       // drawn on the next layout: charts in hidden tabs cost nothing
	drawn  chart.Look // the theme's colours it was last drawn in
	scale  float64    // and the text scale
	fixed  bool       // its least size is set by its pane, not by its text scale
	// onPoint, when set, hears the pointer over the picture, in the
	// picture's own pixels: moving (tapped false) and clicking.
	onPoint func(x, y float64, tapped bool)
}

var (
	_ fyne.SecondaryTappable = (*chartView)(nil)
	_ fyne.Tappable          = (*chartView)(nil)
	_ desktop.Hoverable      = (*chartView)(nil)
)

// picture turns a position in the widget into the picture's pixels: the
// picture is drawn at chartWidth×chartHeight and shown scaled to fit,
// centred, in the image's place.
func (c *chartView) picture(at fyne.Position) (float64, float64, bool) {
	box, size := c.img.Position(), c.img.Size()
	if size.Width <= 0 || size.Height <= 0 {
		return 0, 0, false
	}
	scale := min(size.Width/chartWidth, size.Height/chartHeight)
	left := box.X + (size.Width-chartWidth*scale)/2
	top := box.Y + (size.Height-chartHeight*scale)/2
	x, y := float64((at.X-left)/scale), float64((at.Y-top)/scale)
	return x, y, x >= 0 && y >= 0 && x < chartWidth && y < chartHeight
}

func (c *chartView) point(at fyne.Position, tapped bool) {
	if c.onPoint == nil {
		return
	}
	if x, y, ok := c.picture(at); ok {
		c.onPoint(x, y, tapped)
	} else {
		c.onPoint(-1, -1, tapped)
	}
}

func (c *chartView) Tapped(ev *fyne.PointEvent)        { c.point(ev.Position, true) }
func (c *chartView) MouseIn(ev *desktop.MouseEvent)    { c.point(ev.Position, false) }
func (c *chartView) MouseMoved(ev *desktop.MouseEvent) { c.point(ev.Position, false) }
func (c *chartView) MouseOut()                         { c.point(fyne.NewPos(-1, -1), false) }

func newChartView(name string, win fyne.Window, render func(f chart.Format, w, h int) ([]byte, error)) *chartView {
	c := &chartView{name: name, win: win, render: render, img: canvas.NewImageFromResource(nil), status: widget.NewLabel("")}
	c.img.FillMode = canvas.ImageFillContain
	c.img.SetMinSize(chartMinSize(1))
	c.status.Hide()
	save := widget.NewButtonWithIcon("Save chart…", theme.DocumentSaveIcon(), func() { c.showMenu(fyne.CurrentApp().Driver().AbsolutePositionForObject(c)) })
	save.Importance = widget.LowImportance
	c.root = container.NewBorder(container.NewHBox(layout.NewSpacer(), save), c.status, nil, nil, c.img)
	c.ExtendBaseWidget(c)
	c.stale = true
	return c
}

// fixMinSize sets the least room the chart takes, whatever its text scale.
func (c *chartView) fixMinSize(s fyne.Size) {
	c.fixed = true
	c.img.SetMinSize(s)
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
	c.drawn, c.scale = screenLook(c), textScale(c)
	if !c.fixed {
		// In a list of charts (the review) a chart gets its least height:
		// at projector size that is the picture's own, so its larger text
		// is not shrunk again.
		c.img.SetMinSize(chartMinSize(c.scale))
	}
	data, err := c.render(chart.PNG.On(c.drawn).Scaled(c.scale), chartWidth, chartHeight)
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
func (r *chartViewRenderer) MinSize() fyne.Size { return r.inner.MinSize() }

// Refresh draws the chart again when the theme's colours changed (dark,
// light, workshop mode), so it never sits as a white block on a dark page.
func (r *chartViewRenderer) Refresh() {
	if screenLook(r.c) != r.c.drawn || textScale(r.c) != r.c.scale {
		r.c.redraw()
	}
	r.inner.Refresh()
}
func (r *chartViewRenderer) Objects() []fyne.CanvasObject { return r.inner.Objects() }
func (r *chartViewRenderer) Destroy()                     { r.inner.Destroy() }

// screenLook is the current theme's colours for a chart on screen: its
// background as paper, its text colour as ink, placeholder and separator
// colours for axes and rules.
func screenLook(w interface{ Theme() fyne.Theme }) chart.Look {
	th, v := w.Theme(), fyne.CurrentApp().Settings().ThemeVariant()
	c := func(n fyne.ThemeColorName) color.NRGBA {
		out := color.NRGBAModel.Convert(th.Color(n, v)).(color.NRGBA)
		out.A = 0xff // charts are opaque pictures
		return out
	}
	return chart.Look{Paper: c(theme.ColorNameBackground), Ink: c(theme.ColorNameForeground),
		Muted: c(theme.ColorNamePlaceHolder), Rule: c(theme.ColorNameSeparator)}
}

// textScale is how much larger than usual a chart's text is drawn: on a
// projector (workshop mode, presenter zoom) the theme's text is larger,
// and the chart's text grows with it, up to what a chart can lay out.
func textScale(w interface{ Theme() fyne.Theme }) float64 {
	s := float64(w.Theme().Size(theme.SizeNameText) / theme.DefaultTheme().Size(theme.SizeNameText))
	return max(1, min(s, 1.6))
}

// chartMinSize is the least room a chart takes: two thirds of its
// picture, enough for its text to read; the whole picture when its text
// is drawn larger for a projector.
func chartMinSize(scale float64) fyne.Size {
	if scale > 1 {
		return fyne.NewSize(chartWidth, chartHeight)
	}
	return fyne.NewSize(chartWidth*2/3, chartHeight*2/3)
}
