package views

import (
	"fmt"
	"sort"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"orchard/app/workspace"
	"orchard/model"
	"orchard/views/chart"
)

// paretoPane ranks the accounts by revenue: all of them converted at the
// workspace's exchange rates, or one currency at a time.
type paretoPane struct {
	ws       *workspace.Workspace
	win      fyne.Window
	currency *widget.Select
	headline *widget.Label
	note     *widget.Label
	view     *chartView
	par      model.Pareto
	plot     chart.Plot // where the bars lie in the picture on screen
	pointed  *widget.Label
	onPick   func(id string) // a bar clicked: its account is selected
	root     fyne.CanvasObject
	visible  bool // drawing waits until the pane is shown
	stale    bool
}

const convertedPrefix = "All accounts, converted to "

func newParetoPane(ws *workspace.Workspace, win fyne.Window) *paretoPane {
	p := &paretoPane{ws: ws, win: win}
	p.currency = widget.NewSelect(nil, func(string) { p.redraw() })
	p.headline = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	p.headline.Wrapping = fyne.TextWrapWord
	p.note = widget.NewLabel("")
	p.note.Wrapping = fyne.TextWrapWord
	p.view = newChartView("pareto", win, func(f chart.Format, w, h int) ([]byte, error) {
		if len(p.par.Rows) < 2 {
			return chart.NoData("Pareto", "two or more accounts with revenue are needed", f, w, h)
		}
		out, plot, err := chart.ParetoPlot(p.par, f, w, h)
		if w == chartWidth && h == chartHeight {
			p.plot = plot // the picture on screen, not a saved copy
		}
		return out, err
	})
	p.pointed = widget.NewLabel("Point at a bar to see its account; click it to open the account.")
	p.pointed.Truncation = fyne.TextTruncateEllipsis
	p.view.onPoint = p.point
	p.view.fixMinSize(fyne.NewSize(360, 200)) // the pane gives it the room it has
	rates := widget.NewButtonWithIcon("Exchange rates…", theme.SettingsIcon(), func() { ShowRatesDialog(ws, win) })
	bar := container.NewBorder(nil, nil, widget.NewLabel("Show"), rates, p.currency)
	p.root = container.NewBorder(container.NewVBox(bar, p.headline), container.NewVBox(p.pointed, p.note), nil, nil, p.view)
	p.stale = true
	return p
}

// point names the account under the pointer, and opens it on a click.
func (p *paretoPane) point(x, _ float64, tapped bool) {
	i := p.plot.BarAt(x, len(p.par.Rows))
	if i < 0 || p.par.Rows[i].Account == nil {
		p.pointed.SetText("Point at a bar to see its account; click it to open the account.")
		return
	}
	r := p.par.Rows[i]
	p.pointed.SetText(fmt.Sprintf("%d. %s: %s, %s of revenue, %s cumulative · click to open",
		i+1, r.Account.Name, model.MoneyFromMajor(r.Revenue).Format(p.par.Currency), model.FormatPercent(r.Share, 0, false), model.FormatPercent(r.Cumulative, 0, false)))
	if tapped && p.onPick != nil {
		p.onPick(r.Account.ID)
	}
}

// show draws the pane if something changed while it was hidden.
func (p *paretoPane) show(visible bool) {
	p.visible = visible
	if visible && p.stale {
		p.redraw()
	}
}

// currencies lists the currencies the accounts use.
func accountCurrencies(pf *model.Portfolio) []string {
	seen := map[string]bool{}
	var out []string
	for _, a := range pf.Accounts() {
		if !seen[a.Currency] {
			seen[a.Currency] = true
			out = append(out, a.Currency)
		}
	}
	sort.Strings(out)
	return out
}

// redraw rebuilds the choice of currencies, the chart and the headline;
// while the pane is hidden it only notes that it must.
func (p *paretoPane) redraw() {
	if !p.visible {
		p.stale = true
		return
	}
	p.stale = false
	pf := p.ws.Portfolio()
	base := pf.Settings.Rates.Base
	opts := []string{convertedPrefix + base}
	for _, c := range accountCurrencies(pf) {
		opts = append(opts, "Only accounts in "+c)
	}
	p.currency.Options = opts
	if !contains(opts, p.currency.Selected) {
		p.currency.Selected = opts[0]
	}
	p.currency.Refresh()
	var par model.Pareto
	if cur, ok := strings.CutPrefix(p.currency.Selected, "Only accounts in "); ok {
		var in []*model.Account
		for _, a := range pf.Accounts() {
			if a.Currency == cur {
				in = append(in, a)
			}
		}
		par = model.BuildPareto(in, cur, model.Rates{Base: cur})
	} else {
		par = model.BuildPareto(pf.Accounts(), base, pf.Settings.Rates)
	}
	p.headline.SetText(chart.ParetoHeadline(par))
	p.note.SetText(leftOutNote(par))
	p.par = par
	p.view.redraw()
}

func leftOutNote(par model.Pareto) string {
	if len(par.LeftOut) == 0 {
		if par.Currency != "" {
			return "Amounts in other currencies are converted at the workspace's exchange rates (Exchange rates… to edit)."
		}
		return ""
	}
	var parts []string
	for cur, n := range par.LeftOut {
		parts = append(parts, fmt.Sprintf("%d in %s", n, cur))
	}
	sort.Strings(parts)
	return fmt.Sprintf("Left out for want of an exchange rate to %s: %s accounts. Add the rate under Exchange rates…, or show one currency at a time.",
		par.Currency, strings.Join(parts, ", "))
}

func contains(list []string, v string) bool {
	for _, x := range list {
		if x == v {
			return true
		}
	}
	return false
}
