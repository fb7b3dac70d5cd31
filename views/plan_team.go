package views

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"orchard/model"
)

// buildTeam lists our people on the account with their responsibilities.
func (s *planScreen) buildTeam() {
	p := s.shown()
	s.team.Objects = nil
	s.team.Add(para("Who on our side does what for this account. Write the role as RACI where it helps " +
		"(e.g. \"Responsible: service delivery; Consulted: pricing\"). Team members are shared by every account."))
	on := map[string]bool{}
	for _, e := range p.OfAccount(model.KindTeamAssignment, s.accountID) {
		t := e.(*model.TeamAssignment)
		m, ok := p.Get(model.KindTeamMember, t.MemberID).(*model.TeamMember)
		if !ok {
			continue
		}
		on[m.ID] = true
		resp := newCommitEntry(false, nil)
		resp.SetText(t.Responsibility)
		resp.SetPlaceHolder("Responsibility")
		internal := widget.NewCheck("Internal", nil)
		internal.SetChecked(t.Internal)
		save := func() {
			cur, ok := s.ws.Portfolio().Get(model.KindTeamAssignment, t.ID).(*model.TeamAssignment)
			if !ok || (cur.Responsibility == resp.Text && cur.Internal == internal.Checked) {
				return
			}
			c := model.Clone(cur).(*model.TeamAssignment)
			c.Responsibility, c.Internal = resp.Text, internal.Checked
			s.fail(s.ws.Save(c))
		}
		resp.onCommit = save
		internal.OnChanged = func(bool) { save() }
		remove := widget.NewButtonWithIcon("", theme.DeleteIcon(), func() { s.fail(s.ws.Delete(model.KindTeamAssignment, t.ID)) })
		remove.Importance = widget.LowImportance
		who := widget.NewLabelWithStyle(fmt.Sprintf("%s (%s)", m.Name, orDash(string(m.Function))), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		s.team.Add(container.NewBorder(nil, nil, who, container.NewHBox(internal, remove), resp))
	}
	// Anyone not yet on the account can be added, whatever the view shows.
	all := s.ws.Portfolio()
	for _, e := range all.OfAccount(model.KindTeamAssignment, s.accountID) {
		on[e.(*model.TeamAssignment).MemberID] = true
	}
	var others []string
	ids := map[string]string{}
	for _, m := range all.TeamMembers() {
		if !on[m.ID] {
			others = append(others, m.Name)
			ids[m.Name] = m.ID
		}
	}
	pick := widget.NewSelect(others, nil)
	pick.PlaceHolder = "Add a team member…"
	add := widget.NewButtonWithIcon("Add to account team", theme.ContentAddIcon(), func() {
		if id := ids[pick.Selected]; id != "" {
			s.fail(s.ws.AddToTeam(s.accountID, id))
		}
	})
	newMember := widget.NewButtonWithIcon("New team member…", theme.AccountIcon(), s.newMember)
	s.team.Add(container.NewHBox(pick, add, newMember))
	s.team.Refresh()
}

// newMember creates a team member for the workspace and puts them on this account.
func (s *planScreen) newMember() {
	name, title, email := NewEntry(), NewEntry(), NewEntry()
	var fns []string
	for _, f := range model.Functions {
		fns = append(fns, string(f))
	}
	fn := widget.NewSelect(fns, nil)
	fn.SetSelected(string(model.FunctionSales))
	items := []*widget.FormItem{widget.NewFormItem("Name", name), widget.NewFormItem("Function", fn),
		widget.NewFormItem("Title", title), widget.NewFormItem("Email", email)}
	s.formDialog("New team member", items, func() error {
		m := &model.TeamMember{ID: model.NewID(), Name: strings.TrimSpace(name.Text), Function: model.Function(fn.Selected),
			Title: strings.TrimSpace(title.Text), Email: strings.TrimSpace(email.Text)}
		return s.ws.AddTeamMember(s.accountID, m)
	})
}
