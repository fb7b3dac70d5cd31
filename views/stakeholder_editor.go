package views

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"orchard/app/workspace"
	"orchard/model"
)

var attitudeChoices = []model.Attitude{2, 1, 0, -1, -2}

// showStakeholderEditor edits (or, for a record not yet saved, creates) a
// stakeholder. Errors keep the dialog open with the input as typed.
func showStakeholderEditor(ws *workspace.Workspace, win fyne.Window, s *model.Stakeholder) {
	p := ws.Portfolio()
	name, title, dept := NewEntry(), NewEntry(), NewEntry()
	name.SetText(s.Name)
	title.SetText(s.Title)
	dept.SetText(s.Department)
	people := map[string]string{noneChoice: ""}
	opts := []string{noneChoice}
	for _, o := range p.Stakeholders(s.AccountID) {
		if o.ID != s.ID {
			label := o.Name
			if o.Title != "" {
				label += " — " + o.Title
			}
			opts = append(opts, label)
			people[label] = o.ID
		}
	}
	reports, dotted := widget.NewSelect(opts, nil), widget.NewSelect(opts, nil)
	reports.SetSelected(labelOf(people, s.ReportsTo))
	dotted.SetSelected(labelOf(people, s.DottedLine))
	roles := []string{noneChoice}
	for _, r := range model.BuyingRoles {
		roles = append(roles, roleLabel(r))
	}
	role := widget.NewSelect(roles, nil)
	role.SetSelected(noneChoice)
	if s.Role != "" {
		role.SetSelected(roleLabel(s.Role))
	}
	influence := widget.NewRadioGroup([]string{"unknown", "low", "medium", "high"}, nil)
	influence.Horizontal = true
	influence.SetSelected(s.Influence.String())
	var atts []string
	for _, a := range attitudeChoices {
		_, word := attitudeLook(a)
		atts = append(atts, word)
	}
	attitude := widget.NewSelect(atts, nil)
	_, word := attitudeLook(s.Attitude)
	attitude.SetSelected(word)
	concerns := NewMultiLineEntry()
	concerns.SetText(s.Concerns)
	concerns.SetMinRowsVisible(2)
	notes := NewMultiLineEntry()
	notes.SetText(s.Notes)
	internal := widget.NewCheck("Notes are internal (left out of customer-safe views and exports)", nil)
	internal.SetChecked(s.NotesInternal)
	last := NewEntry()
	if !s.LastContact.IsZero() {
		last.SetText(s.LastContact.Format("2006-01-02"))
	}
	last.SetPlaceHolder("e.g. 2026-11-02")
	items := []*widget.FormItem{
		widget.NewFormItem("Name", name), widget.NewFormItem("Title", title), widget.NewFormItem("Department", dept),
		widget.NewFormItem("Reports to", reports), widget.NewFormItem("Dotted line to", dotted),
		widget.NewFormItem("Buying role", role), widget.NewFormItem("Influence", influence),
		widget.NewFormItem("Attitude to us", attitude), widget.NewFormItem("Concerns", concerns),
		widget.NewFormItem("Last contact", last), widget.NewFormItem("Notes", container.NewVBox(notes, internal)),
	}
	guard := newEditBase(ws, s)
	d := formDialog(win, fmt.Sprintf("Stakeholder — %s", orDash(s.Name)), items, func() error {
		c := model.Clone(s).(*model.Stakeholder)
		c.Name, c.Title, c.Department = strings.TrimSpace(name.Text), strings.TrimSpace(title.Text), strings.TrimSpace(dept.Text)
		c.ReportsTo, c.DottedLine = people[reports.Selected], people[dotted.Selected]
		c.Role = ""
		for _, r := range model.BuyingRoles {
			if roleLabel(r) == role.Selected {
				c.Role = r
			}
		}
		for i, l := range []string{"unknown", "low", "medium", "high"} {
			if l == influence.Selected {
				c.Influence = model.Influence(i)
			}
		}
		for i, a := range atts {
			if a == attitude.Selected {
				c.Attitude = attitudeChoices[i]
			}
		}
		c.Concerns, c.Notes, c.NotesInternal = concerns.Text, notes.Text, internal.Checked
		d0, err := model.ParseDate(last.Text)
		if err != nil {
			return fmt.Errorf("last contact: %w", err)
		}
		c.LastContact = d0
		return guard.save(c)
	})
	d.Resize(fyne.NewSize(680, 640))
	win.Canvas().Focus(name)
}
