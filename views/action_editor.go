package views

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"orchard/app/workspace"
	"orchard/model"
)

const noneChoice = "—"

// actionEditor edits every field of one action in a dialog. A field that
// does not validate keeps what was typed and says what to fix; the dialog
// stays open until the action saves or the user cancels.
type actionEditor struct {
	ws                                     *workspace.Workspace
	original                               *model.Action
	guard                                  *editBase // saves against the version the dialog opened with
	title, due, expected, actual           *Entry
	description, notes, lesson             *Entry
	owner, function, status, horizon, goal *widget.Select
	agreed, internal                       *widget.Check
	people                                 *widget.CheckGroup
	memberIDs, goalIDs, personIDs          map[string]string // choice label -> ID
	errors                                 map[string]*widget.Label
	dlg                                    dialog.Dialog
}

func (b *boardView) editAction(a *model.Action) {
	// The card may be a customer-safe copy (workshop mode): the editor
	// works on the action as stored, so saving keeps every field.
	if stored, ok := b.ws.Portfolio().Get(model.KindAction, a.ID).(*model.Action); ok {
		a = stored
	}
	showActionEditor(b.ws, b.win, a)
}

// showActionEditor opens the editor for an action in the window.
func showActionEditor(ws *workspace.Workspace, win fyne.Window, a *model.Action) *actionEditor {
	p := ws.Portfolio()
	e := &actionEditor{ws: ws, original: a, guard: newEditBase(ws, a), errors: map[string]*widget.Label{},
		memberIDs: map[string]string{noneChoice: ""}, goalIDs: map[string]string{noneChoice: ""}, personIDs: map[string]string{}}
	e.title = NewEntry()
	e.title.SetText(a.Title)
	e.description = NewMultiLineEntry()
	e.description.SetText(a.Description)
	e.description.SetMinRowsVisible(2)
	e.due = NewEntry()
	e.due.SetText(dateOr(a.Due, ""))
	if !a.Due.IsZero() {
		e.due.SetText(a.Due.Format("2006-01-02"))
	}
	e.due.SetPlaceHolder("e.g. 2026-12-15")
	e.expected = NewEntry()
	e.expected.SetText(a.ExpectedImpact.String())
	e.actual = NewEntry()
	e.actual.SetText(a.ActualImpact.String())
	e.notes = NewMultiLineEntry()
	e.notes.SetText(a.Notes)
	e.lesson = NewEntry()
	e.lesson.SetText(a.Lesson)

	members := []string{noneChoice}
	for _, m := range p.TeamMembers() {
		members = append(members, m.Name)
		e.memberIDs[m.Name] = m.ID
	}
	e.owner = widget.NewSelect(members, nil)
	e.owner.SetSelected(labelOf(e.memberIDs, a.OwnerID))
	functions := []string{noneChoice}
	for _, f := range model.Functions {
		functions = append(functions, string(f))
	}
	e.function = widget.NewSelect(functions, nil)
	e.function.SetSelected(orChoice(string(a.Function)))
	var statuses []string
	for _, s := range model.Statuses {
		statuses = append(statuses, s.Label())
	}
	e.status = widget.NewSelect(statuses, nil)
	e.status.SetSelected(a.Status.Label())
	e.horizon = widget.NewSelect([]string{noneChoice, model.HorizonShort.Label(), model.HorizonLong.Label()}, nil)
	e.horizon.SetSelected(orChoice(a.Horizon.Label()))
	goals := []string{noneChoice}
	for _, g := range p.Goals(a.AccountID) {
		goals = append(goals, g.Title)
		e.goalIDs[g.Title] = g.ID
	}
	e.goal = widget.NewSelect(goals, nil)
	e.goal.SetSelected(labelOf(e.goalIDs, a.GoalID))
	e.agreed = widget.NewCheck("Agreed with the customer", nil)
	e.agreed.SetChecked(a.CustomerAgreed)
	e.internal = widget.NewCheck("Notes are internal (left out of customer-safe exports)", nil)
	e.internal.SetChecked(a.NotesInternal)
	var people, chosen []string
	for _, s := range p.Stakeholders(a.AccountID) {
		label := s.Name
		if s.Title != "" {
			label += " — " + s.Title
		}
		people = append(people, label)
		e.personIDs[label] = s.ID
		for _, id := range a.Stakeholders {
			if id == s.ID {
				chosen = append(chosen, label)
			}
		}
	}
	e.people = widget.NewCheckGroup(people, nil)
	e.people.SetSelected(chosen)

	row := func(label, field string, input fyne.CanvasObject) []fyne.CanvasObject {
		msg := widget.NewLabel("")
		msg.Importance = widget.DangerImportance
		msg.Wrapping = fyne.TextWrapWord
		msg.Hide()
		e.errors[field] = msg
		return []fyne.CanvasObject{widget.NewLabel(label), container.NewVBox(input, msg)}
	}
	form := container.New(layout.NewFormLayout())
	add := func(objs []fyne.CanvasObject) { form.Add(objs[0]); form.Add(objs[1]) }
	add(row("Title", "title", e.title))
	add(row("Description", "description", e.description))
	add(row("Owner", "owner", e.owner))
	add(row("Function", "function", e.function))
	add(row("Status", "status", e.status))
	add(row("Due date", "due", e.due))
	add(row("Horizon", "horizon", e.horizon))
	add(row("Objective", "goal", e.goal))
	add(row("", "agreed", e.agreed))
	add(row("Expected impact", "expected impact", e.expected))
	add(row("Actual impact", "actual impact", e.actual))
	add(row("Stakeholders", "linked stakeholders", container.NewVScroll(e.people)))
	add(row("Notes", "notes", container.NewVBox(e.notes, e.internal)))
	add(row("Lesson", "lesson", e.lesson))

	save := widget.NewButton("Save", func() { e.save() })
	save.Importance = widget.HighImportance
	cancel := widget.NewButton("Cancel", func() { e.dlg.Hide() })
	body := container.NewBorder(nil, container.NewHBox(layout.NewSpacer(), cancel, save), nil, nil, container.NewVScroll(form))
	e.dlg = dialog.NewCustomWithoutButtons("Action", body, win)
	e.dlg.Resize(fyne.NewSize(760, 680))
	e.dlg.Show()
	return e
}

func labelOf(ids map[string]string, id string) string {
	for label, v := range ids {
		if v == id && label != noneChoice {
			return label
		}
	}
	return noneChoice
}

func orChoice(s string) string {
	if s == "" {
		return noneChoice
	}
	return s
}

// read builds the edited action; parse errors are reported per field.
func (e *actionEditor) read() (*model.Action, map[string]string) {
	c := model.Clone(e.original).(*model.Action)
	bad := map[string]string{}
	c.Title = strings.TrimSpace(e.title.Text)
	c.Description = e.description.Text
	c.OwnerID = e.memberIDs[e.owner.Selected]
	c.Function = model.Function(strings.TrimPrefix(e.function.Selected, noneChoice))
	for _, s := range model.Statuses {
		if s.Label() == e.status.Selected {
			c.Status = s
		}
	}
	if d, err := model.ParseDate(e.due.Text); err != nil {
		bad["due"] = err.Error()
	} else {
		c.Due = d
	}
	c.Horizon = ""
	for _, h := range []model.Horizon{model.HorizonShort, model.HorizonLong} {
		if h.Label() == e.horizon.Selected {
			c.Horizon = h
		}
	}
	c.GoalID = e.goalIDs[e.goal.Selected]
	c.CustomerAgreed = e.agreed.Checked
	for field, entry := range map[string]*Entry{"expected impact": e.expected, "actual impact": e.actual} {
		v, err := model.ParseMoney(entry.Text)
		if err != nil {
			bad[field] = err.Error()
			continue
		}
		if field == "expected impact" {
			c.ExpectedImpact = v
		} else {
			c.ActualImpact = v
		}
	}
	c.Stakeholders = nil
	for _, label := range e.people.Selected {
		c.Stakeholders = append(c.Stakeholders, e.personIDs[label])
	}
	c.Notes, c.NotesInternal, c.Lesson = e.notes.Text, e.internal.Checked, e.lesson.Text
	return c, bad
}

// save validates and saves; on an error the dialog stays open.
func (e *actionEditor) save() error {
	for _, l := range e.errors {
		l.Hide()
	}
	c, bad := e.read()
	if len(bad) > 0 {
		for f, msg := range bad {
			e.showError(f, msg)
		}
		return fmt.Errorf("%s", joinErrors(bad))
	}
	if err := e.guard.save(c); err != nil {
		fields := model.FieldErrors(err)
		for _, fe := range fields {
			e.showError(fe.Field, capitalise(fe.Field)+" "+fe.Rule)
		}
		if len(fields) == 0 {
			e.showError("title", err.Error())
		}
		return err
	}
	e.dlg.Hide()
	return nil
}

func (e *actionEditor) showError(field, msg string) {
	l, ok := e.errors[field]
	if !ok {
		l = e.errors["title"]
	}
	l.SetText(msg)
	l.Show()
}
