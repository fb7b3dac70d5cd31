package views

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"orchard/app/workspace"
	"orchard/model"
)

// healthPane lists the accounts at risk, by revenue at stake, and the
// coaching flags across the portfolio, each linking to where it is fixed.
type healthPane struct {
	ws     *workspace.Workspace
	win    fyne.Window
	today  func() time.Time
	openAt func(id string, sec Section)
	owner  *widget.Select
	body   *fyne.Container
	root   fyne.CanvasObject
	shown  bool // drawing waits until the pane is visible
	stale  bool
}

// maxListed caps each list; a larger portfolio is narrowed by owner.
const maxListed = 120

func newHealthPane(ws *workspace.Workspace, win fyne.Window, today func() time.Time, openAt func(string, Section)) *healthPane {
	h := &healthPane{ws: ws, win: win, today: today, openAt: openAt, body: container.NewVBox()}
	h.owner = widget.NewSelect(nil, func(string) { h.redraw() })
	weights := widget.NewButtonWithIcon("Health weights…", theme.SettingsIcon(), func() { ShowHealthWeightsDialog(ws, win) })
	bar := container.NewBorder(nil, nil, widget.NewLabel("Owner"), weights, h.owner)
	h.root = container.NewBorder(bar, nil, nil, nil, container.NewVScroll(h.body))
	h.stale = true
	return h
}

// show draws the pane if it changed while hidden.
func (h *healthPane) show(visible bool) {
	h.shown = visible
	if visible && h.stale {
		h.redraw()
	}
}

var flagSections = map[model.FixAt]Section{model.FixPortfolio: SectionPortfolio, model.FixBoard: SectionBoard,
	model.FixMap: SectionMap, model.FixReview: SectionReview}

func (h *healthPane) redraw() {
	if !h.shown {
		h.stale = true
		return
	}
	h.stale = false
	p := h.ws.Portfolio()
	owners := append([]string{allFilter}, distinct(p, func(a *model.Account) string { return a.Owner })...)
	h.owner.Options = owners
	if !contains(owners, h.owner.Selected) {
		h.owner.Selected = allFilter
	}
	h.owner.Refresh()
	owner := filterValue(h.owner.Selected)
	today := h.today()
	health := p.HealthAll(today)
	rates := p.Settings.Rates
	type risk struct {
		a     *model.Account
		h     model.Health
		stake float64
	}
	var risks []risk
	for _, a := range p.Accounts() {
		if hh := health[a.ID]; hh.AtRisk && (owner == "" || a.Owner == owner) {
			stake := 0.0
			if r, ok := rates.Between(a.Currency, rates.Base); ok {
				stake = a.Revenue.Major() * r
			}
			risks = append(risks, risk{a, hh, stake})
		}
	}
	sort.SliceStable(risks, func(i, j int) bool { return risks[i].stake > risks[j].stake })
	h.body.Objects = nil
	h.body.Add(heading(fmt.Sprintf("At risk: %d account(s), largest revenue at stake first", len(risks))))
	for i, r := range risks {
		if i == maxListed {
			h.body.Add(para(fmt.Sprintf("… and %d more: choose an owner to see theirs.", len(risks)-maxListed)))
			break
		}
		r := r
		open := widget.NewButton("Open review", func() { h.openAt(r.a.ID, SectionReview) })
		title := widget.NewLabelWithStyle(fmt.Sprintf("%s — health %.0f ⚠ · %s", r.a.Name, r.h.Score, r.a.Revenue.Format(r.a.Currency)),
			fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		h.body.Add(container.NewBorder(nil, nil, nil, open, container.NewVBox(title, para(r.h.Explain()))))
	}
	flags := p.Flags(today)
	var shown []model.Flag
	for _, f := range flags {
		if owner == "" || f.Owner == owner {
			shown = append(shown, f)
		}
	}
	h.body.Add(widget.NewSeparator())
	h.body.Add(heading(fmt.Sprintf("Coaching flags: %d", len(shown))))
	for i, f := range shown {
		if i == maxListed {
			h.body.Add(para(fmt.Sprintf("… and %d more: choose an owner to see theirs.", len(shown)-maxListed)))
			break
		}
		f := f
		fix := widget.NewButton("Fix on "+strings.ToLower(sectionTitles[flagSections[f.FixAt]]), func() { h.openAt(f.AccountID, flagSections[f.FixAt]) })
		fix.Importance = widget.LowImportance
		h.body.Add(container.NewBorder(nil, nil, nil, fix, para(fmt.Sprintf("%s (%s): %s", f.Account, orDash(f.Owner), f.Text))))
	}
	h.body.Refresh()
}

// ShowHealthWeightsDialog edits how many points each health factor can
// take off and the at-risk threshold.
func ShowHealthWeightsDialog(ws *workspace.Workspace, win fyne.Window) {
	s := ws.Portfolio().Settings
	weights := s.HealthWeights
	if len(weights) == 0 {
		weights = model.DefaultHealthWeights()
	}
	def := model.DefaultHealthWeights()
	entries := map[string]*Entry{}
	var items []*widget.FormItem
	for _, f := range model.HealthFactors {
		e := NewEntry()
		e.SetText(strconv.FormatFloat(weights[f], 'f', -1, 64))
		entries[f] = e
		item := widget.NewFormItem(f, e)
		item.HintText = fmt.Sprintf("default %g points", def[f])
		items = append(items, item)
	}
	threshold := NewEntry()
	at := s.AtRisk
	if at == 0 {
		at = model.DefaultAtRisk
	}
	threshold.SetText(strconv.Itoa(at))
	items = append(items, widget.NewFormItem("At risk below", threshold))
	d := dialog.NewForm("Account health: points each factor can take off 100", "Save", "Cancel", items, func(ok bool) {
		if !ok {
			return
		}
		next := ws.Portfolio().Settings
		next.HealthWeights = map[string]float64{}
		for f, e := range entries {
			v, err := strconv.ParseFloat(strings.TrimSpace(e.Text), 64)
			if err != nil {
				dialog.ShowError(fmt.Errorf("weight of %q: %q is not a number (expected 0 to 100 points)", f, e.Text), win)
				return
			}
			next.HealthWeights[f] = v
		}
		t, err := strconv.Atoi(strings.TrimSpace(threshold.Text))
		if err != nil {
			dialog.ShowError(fmt.Errorf("at-risk threshold: %q is not a whole number (expected 0 to 100)", threshold.Text), win)
			return
		}
		next.AtRisk = t
		if err := ws.UpdateSettings(next); err != nil {
			dialog.ShowError(err, win)
		}
	}, win)
	d.Resize(fyne.NewSize(640, 620))
	d.Show()
}
