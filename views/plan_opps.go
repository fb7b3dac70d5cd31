package views

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"orchard/model"
)

var opportunityStages = []string{"Qualify", "Develop", "Propose", "Negotiate", "Won", "Lost"}

// buildOpportunities lists the account's opportunities with the pipeline
// and weighted totals in the account's currency.
func (s *planScreen) buildOpportunities() {
	p := s.ws.Portfolio()
	a := s.account()
	s.opps.Objects = nil
	if s.safe {
		// Deals, their values and win chances are ours alone.
		s.opps.Add(para("Opportunities are not shown in the customer-safe view."))
		s.opps.Refresh()
		return
	}
	pl := p.PipelineOf(s.accountID)
	total := fmt.Sprintf("Pipeline %s · weighted %s (%d opportunities)", pl.Total.Format(pl.Currency), pl.Weighted.Format(pl.Currency), pl.Count)
	if len(pl.LeftOut) > 0 {
		var parts []string
		for cur, n := range pl.LeftOut {
			parts = append(parts, fmt.Sprintf("%d in %s", n, cur))
		}
		sort.Strings(parts)
		total += fmt.Sprintf(". Not in the totals for want of an exchange rate: %s.", strings.Join(parts, ", "))
	}
	add := widget.NewButtonWithIcon("Add opportunity", theme.ContentAddIcon(), func() {
		s.editOpportunity(&model.Opportunity{ID: model.NewID(), AccountID: s.accountID, Currency: a.Currency, Stage: opportunityStages[0],
			Probability: 20, Created: s.today()})
	})
	s.opps.Add(container.NewBorder(nil, nil, add, nil, widget.NewLabelWithStyle(total, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})))
	var list []*model.Opportunity
	for _, e := range p.OfAccount(model.KindOpportunity, s.accountID) {
		list = append(list, e.(*model.Opportunity))
	}
	sort.SliceStable(list, func(i, j int) bool { return list[i].ExpectedClose.Before(list[j].ExpectedClose) })
	if len(list) == 0 {
		s.opps.Add(para("No opportunities yet. Create one here or from an open whitespace cell."))
	}
	for _, o := range list {
		o := o
		goal := "no goal"
		if g, ok := p.Get(model.KindGoal, o.GoalID).(*model.Goal); ok && !(s.safe && g.Internal) {
			goal = g.Title
		}
		where := ""
		if o.Offering != "" && !strings.Contains(o.Name, o.Offering) || o.BusinessUnit != "" && !strings.Contains(o.Name, o.BusinessUnit) {
			where = fmt.Sprintf(" (%s, %s)", orDash(o.Offering), orDash(o.BusinessUnit))
		}
		line := para(fmt.Sprintf("%s%s · %s · %s · %d%% (weighted %s) · closes %s · goal: %s",
			o.Name, where, o.Stage, o.Value.Format(o.Currency), o.Probability,
			o.Weighted().Short(), dateOr(o.ExpectedClose, "—"), goal))
		edit := widget.NewButtonWithIcon("", theme.DocumentCreateIcon(), func() { s.editOpportunity(o) })
		del := widget.NewButtonWithIcon("", theme.DeleteIcon(), func() { s.fail(s.ws.Delete(model.KindOpportunity, o.ID)) })
		edit.Importance, del.Importance = widget.LowImportance, widget.LowImportance
		s.opps.Add(container.NewBorder(nil, nil, nil, container.NewHBox(edit, del), line))
	}
	s.opps.Refresh()
}

// opportunityFromCell opens a new opportunity for a whitespace cell and
// marks the cell open once it is saved.
func (s *planScreen) opportunityFromCell(unit, offering string) {
	a := s.account()
	o := &model.Opportunity{ID: model.NewID(), AccountID: s.accountID, Name: offering + " for " + unit, Offering: offering,
		BusinessUnit: unit, Currency: a.Currency, Stage: opportunityStages[0], Probability: 20, Created: s.today()}
	s.editOpportunity(o)
}

// editOpportunity edits (or creates) an opportunity.
func (s *planScreen) editOpportunity(o *model.Opportunity) {
	p := s.ws.Portfolio()
	name, value, prob, close := NewEntry(), NewEntry(), NewEntry(), NewEntry()
	name.SetText(o.Name)
	value.SetText(o.Value.String())
	prob.SetText(strconv.Itoa(o.Probability))
	if !o.ExpectedClose.IsZero() {
		close.SetText(o.ExpectedClose.Format("2006-01-02"))
	}
	close.SetPlaceHolder("e.g. 2027-03-31")
	g := p.WhitespaceGrid(s.accountID)
	offering := widget.NewSelectEntry(p.Settings.Offerings)
	offering.SetText(o.Offering)
	unit := widget.NewSelectEntry(g.Units)
	unit.SetText(o.BusinessUnit)
	currency := widget.NewSelectEntry(currencies)
	currency.SetText(o.Currency)
	stage := widget.NewSelectEntry(opportunityStages)
	stage.SetText(o.Stage)
	goals := map[string]string{noneChoice: ""}
	gopts := []string{noneChoice}
	for _, goal := range p.Goals(s.accountID) {
		gopts = append(gopts, goal.Title)
		goals[goal.Title] = goal.ID
	}
	goal := widget.NewSelect(gopts, nil)
	goal.SetSelected(labelOf(goals, o.GoalID))
	items := []*widget.FormItem{
		widget.NewFormItem("Name", name), widget.NewFormItem("Offering", offering), widget.NewFormItem("Business unit", unit),
		widget.NewFormItem("Value", value), widget.NewFormItem("Currency", currency), widget.NewFormItem("Stage", stage),
		widget.NewFormItem("Probability %", prob), widget.NewFormItem("Expected close", close), widget.NewFormItem("Customer goal", goal),
	}
	s.formDialog("Opportunity", items, func() error {
		c := model.Clone(o).(*model.Opportunity)
		c.Name, c.Offering, c.BusinessUnit = strings.TrimSpace(name.Text), strings.TrimSpace(offering.Text), strings.TrimSpace(unit.Text)
		c.Currency, c.Stage, c.GoalID = strings.ToUpper(strings.TrimSpace(currency.Text)), strings.TrimSpace(stage.Text), goals[goal.Selected]
		v, err := model.ParseMoney(value.Text)
		if err != nil {
			return fmt.Errorf("value: %w", err)
		}
		c.Value = v
		pr, err := strconv.Atoi(strings.TrimSuffix(strings.TrimSpace(prob.Text), "%"))
		if err != nil {
			return fmt.Errorf("probability: %q is not a whole per cent (expected 0 to 100)", prob.Text)
		}
		c.Probability = pr
		d, err := model.ParseDate(close.Text)
		if err != nil {
			return fmt.Errorf("expected close: %w", err)
		}
		c.ExpectedClose = d
		return s.saveOpportunity(c)
	})
}

// saveOpportunity saves an opportunity; a new one from a whitespace cell
// also marks that cell open, in the same undoable step.
func (s *planScreen) saveOpportunity(o *model.Opportunity) error {
	return s.ws.SaveOpportunity(o)
}
