package views

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"orchard/app/workspace"
	"orchard/model"
)

// ShowWeightsDialog edits the assessment weights of the workspace.
func ShowWeightsDialog(ws *workspace.Workspace, win fyne.Window) {
	s := ws.Portfolio().Settings
	entries := make([]*Entry, model.NumQuestions)
	var items []*widget.FormItem
	for q, info := range model.Questions {
		e := NewEntry()
		e.SetText(strconv.FormatFloat(s.Weights[q], 'f', -1, 64))
		entries[q] = e
		axis := "Value"
		if info.Axis == model.AxisRelationship {
			axis = "Relationship"
		}
		item := widget.NewFormItem(axis+": "+shortName(info.Text, 48), e)
		item.HintText = fmt.Sprintf("default %g", info.Weight)
		items = append(items, item)
	}
	d := dialog.NewForm("Assessment weights (0 leaves a question out)", "Save", "Cancel", items, func(ok bool) {
		if !ok {
			return
		}
		next := ws.Portfolio().Settings
		for q, e := range entries {
			v, err := strconv.ParseFloat(strings.TrimSpace(e.Text), 64)
			if err != nil {
				dialog.ShowError(fmt.Errorf("weight of %q: %q is not a number (expected 0 to 10)", model.Questions[q].Text, e.Text), win)
				return
			}
			next.Weights[q] = v
		}
		if err := ws.UpdateSettings(next); err != nil {
			dialog.ShowError(err, win)
		}
	}, win)
	d.Resize(fyne.NewSize(720, 560))
	d.Show()
}

// ShowRatesDialog edits the exchange rates used to add up currencies.
func ShowRatesDialog(ws *workspace.Workspace, win fyne.Window) {
	s := ws.Portfolio().Settings
	base := NewEntry()
	base.SetText(s.Rates.Base)
	codes := accountCurrencies(ws.Portfolio())
	for c := range s.Rates.PerOne {
		codes = appendMissing(codes, c)
	}
	sort.Strings(codes)
	entries := map[string]*Entry{}
	items := []*widget.FormItem{widget.NewFormItem("Base currency", base)}
	for _, c := range codes {
		if c == s.Rates.Base {
			continue
		}
		e := NewEntry()
		if v, ok := s.Rates.PerOne[c]; ok {
			e.SetText(strconv.FormatFloat(v, 'f', -1, 64))
		}
		e.SetPlaceHolder("no rate: accounts in " + c + " are left out of totals")
		entries[c] = e
		items = append(items, widget.NewFormItem("1 "+c+" =", e))
	}
	d := dialog.NewForm("Exchange rates (in units of the base currency)", "Save", "Cancel", items, func(ok bool) {
		if !ok {
			return
		}
		next := ws.Portfolio().Settings
		next.Rates = model.Rates{Base: strings.ToUpper(strings.TrimSpace(base.Text)), PerOne: map[string]float64{}}
		for c, e := range entries {
			t := strings.TrimSpace(e.Text)
			if t == "" {
				continue
			}
			v, err := strconv.ParseFloat(t, 64)
			if err != nil {
				dialog.ShowError(fmt.Errorf("rate for %s: %q is not a number (expected e.g. 0.92)", c, t), win)
				return
			}
			next.Rates.PerOne[c] = v
		}
		if err := ws.UpdateSettings(next); err != nil {
			dialog.ShowError(err, win)
		}
	}, win)
	d.Resize(fyne.NewSize(560, 520))
	d.Show()
}
