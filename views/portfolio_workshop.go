package views

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// The portfolio in front of a customer. The quadrant, the Pareto and the
// list show other customers and our assessments, so in workshop mode the
// Portfolio stop opens on a cover naming the customer's own account; the
// presenter shows the quadrant only by choosing to, and even then every
// other customer is an unnamed bubble unless the presenter ticks "Name
// other customers". Leaving workshop mode puts everything back.

// portfolioWorkshop is the cover and the presenter's bar above the
// quadrant.
type portfolioWorkshop struct {
	cover   *fyne.Container
	title   *canvas.Text
	bar     *fyne.Container
	names   *widget.Check
	showing bool // the presenter chose to show the portfolio
}

func newPortfolioWorkshop(show, hide func(), name func(bool)) *portfolioWorkshop {
	w := &portfolioWorkshop{}
	w.title = canvas.NewText("", theme.Color(theme.ColorNameForeground))
	w.title.TextStyle = fyne.TextStyle{Bold: true}
	w.title.Alignment = fyne.TextAlignCenter
	sub := widget.NewLabelWithStyle("Account planning workshop", fyne.TextAlignCenter, fyne.TextStyle{})
	// Upright: slanted text reads worse from the back of the room.
	next := widget.NewLabelWithStyle("Page Down: relationship map · action board · review", fyne.TextAlignCenter, fyne.TextStyle{})
	open := widget.NewButton("Show portfolio", show)
	open.Importance = widget.LowImportance
	w.cover = container.NewStack(canvas.NewRectangle(theme.Color(theme.ColorNameBackground)),
		container.NewVBox(layout.NewSpacer(), w.title, sub, next, layout.NewSpacer(),
			container.NewHBox(layout.NewSpacer(), open)))
	w.names = widget.NewCheck("Name other customers", name)
	hideBtn := widget.NewButton("Hide portfolio", hide)
	w.bar = container.NewHBox(widget.NewLabel("Other customers are shown unnamed."), w.names, layout.NewSpacer(), hideBtn)
	w.cover.Hide()
	w.bar.Hide()
	return w
}

// setTitle names the customer's account on the cover, at twice the
// heading size so it reads from the back of the room.
func (w *portfolioWorkshop) setTitle(name string, th fyne.Theme, v fyne.ThemeVariant) {
	if name == "" {
		name = "Account planning"
	}
	w.title.Text = name
	w.title.TextSize = 2 * th.Size(theme.SizeNameHeadingText)
	w.title.Color = th.Color(theme.ColorNameForeground, v)
	w.title.Refresh()
	if bg, ok := w.cover.Objects[0].(*canvas.Rectangle); ok {
		bg.FillColor = th.Color(theme.ColorNameBackground, v)
		bg.Refresh()
	}
}

// setWorkshopCover shows the cover (workshop on) or folds cover and bar
// away (off); the presenter's choices last only as long as the workshop.
func (s *portfolioScreen) setWorkshopCover(on bool) {
	w := s.workshopView
	w.showing = false
	w.names.SetChecked(false)
	s.applyWorkshopCover(on)
}

// applyWorkshopCover shows what the workshop's state asks for.
func (s *portfolioScreen) applyWorkshopCover(on bool) {
	w := s.workshopView
	exposed := on && w.showing
	s.quadrant.anonymous = on && !w.names.Checked
	if on && !w.showing {
		a := s.ws.Portfolio().Account(s.list.selected)
		name := ""
		if a != nil {
			name = a.Name
		}
		w.setTitle(name, s.quadrant.Theme(), fyne.CurrentApp().Settings().ThemeVariant())
		w.cover.Show()
		s.tabs.Hide()
	} else {
		w.cover.Hide()
		s.tabs.Show()
	}
	if exposed {
		w.bar.Show()
		s.tabs.SelectIndex(1)
	} else {
		w.bar.Hide()
	}
	// In front of a customer only the quadrant can be chosen: the list,
	// the Pareto and health name or rank every other customer.
	for i := range s.tabs.Items {
		if on && i != 1 {
			s.tabs.DisableIndex(i)
		} else {
			s.tabs.EnableIndex(i)
		}
	}
	s.quadrant.Refresh()
}

func (s *portfolioScreen) showPortfolio(on bool) {
	s.workshopView.showing = on
	if !on {
		s.workshopView.names.SetChecked(false)
	}
	s.applyWorkshopCover(true)
}
