package views

import (
	"fmt"
	"sort"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"orchard/model"
)

// buildGoals lists the customer's goals with their initiatives, progress
// and the buttons to edit, reorder and remove them.
func (s *planScreen) buildGoals() {
	p := s.shown()
	s.goals.Objects = nil
	add := widget.NewButtonWithIcon("Add customer goal", theme.ContentAddIcon(), func() {
		g := &model.Goal{ID: model.NewID(), AccountID: s.accountID, Order: len(s.ws.Portfolio().Goals(s.accountID))}
		s.editGoal(g)
	})
	add.Importance = widget.HighImportance
	s.goals.Add(container.NewBorder(nil, nil, add, nil, para("The customer's own goals come first; link actions and opportunities to them.")))
	goals := p.Goals(s.accountID)
	if len(goals) == 0 {
		s.goals.Add(para("No customer goals yet. Ask the customer what they must achieve this year and how they measure it."))
	}
	for i := range goals {
		s.goals.Add(s.goalCard(p, goals, i))
	}
	s.goals.Refresh()
}

// goalCard is one goal from p (the workspace, or the customer's view of
// it) with its initiatives and progress.
func (s *planScreen) goalCard(p *model.Portfolio, goals []*model.Goal, i int) fyne.CanvasObject {
	g := goals[i]
	done, total := p.GoalProgress(g.ID)
	title := widget.NewLabelWithStyle(g.Title+internalMark(g.Internal), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.Wrapping = fyne.TextWrapWord
	facts := fmt.Sprintf("Measured by: %s · target %s", orDash(g.Measure), dateOr(g.TargetDate, "open"))
	if !s.safe { // our opportunities are ours
		opps := 0
		for _, e := range p.OfAccount(model.KindOpportunity, s.accountID) {
			if e.(*model.Opportunity).GoalID == g.ID {
				opps++
			}
		}
		facts += fmt.Sprintf(" · %d linked opportunit%s", opps, plural(opps, "y", "ies"))
	}
	measure := para(facts)
	bar := widget.NewProgressBar()
	if total > 0 {
		bar.SetValue(float64(done) / float64(total))
	}
	bar.TextFormatter = func() string { return fmt.Sprintf("%d of %d linked actions done", done, total) }
	up := widget.NewButtonWithIcon("", theme.MoveUpIcon(), func() { s.moveGoal(goals, i, i-1) })
	down := widget.NewButtonWithIcon("", theme.MoveDownIcon(), func() { s.moveGoal(goals, i, i+1) })
	if i == 0 {
		up.Disable()
	}
	if i == len(goals)-1 {
		down.Disable()
	}
	edit := widget.NewButtonWithIcon("Edit", theme.DocumentCreateIcon(), func() { s.editGoal(g) })
	del := widget.NewButtonWithIcon("Delete", theme.DeleteIcon(), func() {
		s.fail(s.ws.Delete(model.KindGoal, g.ID))
	})
	addIn := widget.NewButtonWithIcon("Add initiative", theme.ContentAddIcon(), func() {
		s.editInitiative(&model.Initiative{ID: model.NewID(), AccountID: s.accountID, GoalID: g.ID, Order: len(s.ws.Portfolio().Initiatives(g.ID))})
	})
	box := container.NewVBox(title, measure, bar)
	for _, in := range p.Initiatives(g.ID) {
		in := in
		owner := "no owner"
		if st, ok := p.Get(model.KindStakeholder, in.OwnerID).(*model.Stakeholder); ok {
			owner = st.Name
		}
		line := para(fmt.Sprintf("• %s: %s (owner %s)%s", orDash(in.Department), in.Title, owner, internalMark(in.Internal)))
		eb := widget.NewButtonWithIcon("", theme.DocumentCreateIcon(), func() { s.editInitiative(in) })
		db := widget.NewButtonWithIcon("", theme.DeleteIcon(), func() { s.fail(s.ws.Delete(model.KindInitiative, in.ID)) })
		eb.Importance, db.Importance = widget.LowImportance, widget.LowImportance
		box.Add(container.NewBorder(nil, nil, nil, container.NewHBox(eb, db), line))
	}
	box.Add(container.NewHBox(up, down, edit, del, addIn))
	return widget.NewCard("", "", box)
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// moveGoal reorders goals as one undoable step.
func (s *planScreen) moveGoal(goals []*model.Goal, from, to int) {
	s.fail(s.ws.ReorderGoals(s.accountID, from, to))
}

// editGoal edits (or creates) a goal in a dialog that stays open on errors.
func (s *planScreen) editGoal(g *model.Goal) {
	title, measure, target := NewEntry(), NewEntry(), NewEntry()
	title.SetText(g.Title)
	measure.SetText(g.Measure)
	if !g.TargetDate.IsZero() {
		target.SetText(g.TargetDate.Format("2006-01-02"))
	}
	target.SetPlaceHolder("e.g. 2027-06-30")
	internal := widget.NewCheck("Internal (left out of customer-safe views and exports)", nil)
	internal.SetChecked(g.Internal)
	items := []*widget.FormItem{widget.NewFormItem("Goal", title), widget.NewFormItem("How they measure success", measure),
		widget.NewFormItem("Target date", target), widget.NewFormItem("", internal)}
	guard := newEditBase(s.ws, g)
	s.formDialog("Customer goal", items, func() error {
		c := model.Clone(g).(*model.Goal)
		c.Title, c.Measure, c.Internal = strings.TrimSpace(title.Text), strings.TrimSpace(measure.Text), internal.Checked
		d, err := model.ParseDate(target.Text)
		if err != nil {
			return fmt.Errorf("target date: %w", err)
		}
		c.TargetDate = d
		return guard.save(c)
	})
}

// editInitiative edits (or creates) a department's initiative.
func (s *planScreen) editInitiative(in *model.Initiative) {
	p := s.ws.Portfolio()
	depts := map[string]bool{}
	var deptList []string
	people := map[string]string{noneChoice: ""}
	opts := []string{noneChoice}
	for _, st := range p.Stakeholders(s.accountID) {
		if st.Department != "" && !depts[st.Department] {
			depts[st.Department] = true
			deptList = append(deptList, st.Department)
		}
		label := st.Name
		if st.Title != "" {
			label += " — " + st.Title
		}
		opts = append(opts, label)
		people[label] = st.ID
	}
	sort.Strings(deptList)
	dept := widget.NewSelectEntry(deptList)
	dept.SetText(in.Department)
	title := NewEntry()
	title.SetText(in.Title)
	owner := widget.NewSelect(opts, nil)
	owner.SetSelected(labelOf(people, in.OwnerID))
	internal := widget.NewCheck("Internal", nil)
	internal.SetChecked(in.Internal)
	items := []*widget.FormItem{widget.NewFormItem("Department or business unit", dept), widget.NewFormItem("Initiative", title),
		widget.NewFormItem("Owner (their side)", owner), widget.NewFormItem("", internal)}
	guard := newEditBase(s.ws, in)
	s.formDialog("Initiative", items, func() error {
		c := model.Clone(in).(*model.Initiative)
		c.Department, c.Title = strings.TrimSpace(dept.Text), strings.TrimSpace(title.Text)
		c.OwnerID, c.Internal = people[owner.Selected], internal.Checked
		return guard.save(c)
	})
}

// save creates or updates a record of this plan.
func (s *planScreen) save(e model.Entity) error {
	return s.ws.Save(e)
}

// formDialog shows the plan's edit forms (see formDialog).
func (s *planScreen) formDialog(title string, items []*widget.FormItem, save func() error) {
	formDialog(s.win, title, items, save)
}
