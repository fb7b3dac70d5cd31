package views

import (
	"errors"
	"fmt"
	"reflect"
	"sort"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"orchard/app/workspace"
	"orchard/model"
)

var currencies = []string{"EUR", "USD", "GBP", "CHF", "SEK", "NOK", "DKK", "JPY", "AUD", "CAD"}

var answerOptions = []string{"?", "1", "2", "3", "4", "5"}

// accountForm edits one account's facts and assessment. Each field is saved
// when the user leaves it; a field that does not validate keeps what was
// typed and says what to fix.
type accountForm struct {
	ws         *workspace.Workspace
	id         string
	base       *model.Account // the version the inputs were loaded from: an edit is made against it
	loading    bool
	committing bool // our own save is being notified: keep the inputs as typed
	report     func(error)

	title                                          *widget.Label
	notice                                         *widget.Label // someone else changed the account under an unsaved edit
	name, region, revenue, prev, margin, potential *commitEntry
	notes                                          *commitEntry
	industry, owner, currency                      *commitSelectEntry
	outlook, objective, priority                   *widget.Select
	notesInternal                                  *widget.Check
	answers                                        [model.NumQuestions]*scoreChoice
	assess                                         *fyne.Container // the questions, once built
	assessed                                       bool
	scores                                         *widget.Label
	errors                                         map[string]*widget.Label
	content                                        fyne.CanvasObject
	empty                                          fyne.CanvasObject
	root                                           *fyne.Container
}

// buildAccountForm makes the form; lazy leaves the scorecard's questions
// to buildAssessment.
func buildAccountForm(ws *workspace.Workspace, lazy bool) *accountForm {
	f := &accountForm{ws: ws, errors: map[string]*widget.Label{}}
	commit := func() { f.commit() }
	f.title = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	f.notice = widget.NewLabel("")
	f.notice.Wrapping = fyne.TextWrapWord
	f.notice.Importance = widget.WarningImportance
	f.notice.Hide()
	f.name = newCommitEntry(false, commit)
	f.region = newCommitEntry(false, commit)
	f.revenue = newCommitEntry(false, commit)
	f.prev = newCommitEntry(false, commit)
	f.margin = newCommitEntry(false, commit)
	f.potential = newCommitEntry(false, commit)
	f.notes = newCommitEntry(true, commit)
	f.notes.SetMinRowsVisible(3)
	f.industry = newCommitSelectEntry(nil, commit)
	f.owner = newCommitSelectEntry(nil, commit)
	f.currency = newCommitSelectEntry(currencies, commit)
	f.outlook = widget.NewSelect(outlookLabels(), func(string) { f.commit() })
	f.objective = widget.NewSelect(objectiveLabels(), func(string) { f.commit() })
	f.priority = widget.NewSelect(nil, func(string) { f.commit() })
	f.notesInternal = widget.NewCheck("Internal (left out of customer-safe exports)", func(bool) { f.commit() })
	f.scores = widget.NewLabel("")
	f.scores.Wrapping = fyne.TextWrapWord

	facts := container.New(layout.NewFormLayout(),
		widget.NewLabel("Name"), f.field("name", f.name),
		widget.NewLabel("Industry"), f.field("industry", f.industry),
		widget.NewLabel("Region"), f.field("region", f.region),
		widget.NewLabel("Owner"), f.field("owner", f.owner),
		widget.NewLabel("Currency"), f.field("currency", f.currency),
		widget.NewLabel("Revenue"), f.field("revenue", f.revenue),
		widget.NewLabel("Previous year"), f.field("previous revenue", f.prev),
		widget.NewLabel("Margin %"), f.field("margin", f.margin),
		widget.NewLabel("Potential"), f.field("potential", f.potential),
		widget.NewLabel("Outlook"), f.field("outlook", f.outlook),
		widget.NewLabel("Objective"), f.field("objective", f.objective),
		widget.NewLabel("Priority"), f.field("priority", f.priority),
		widget.NewLabel("Notes"), container.NewVBox(f.notes, f.notesInternal),
	)
	f.assess = container.NewVBox()
	f.content = container.NewVScroll(container.NewVBox(
		f.title,
		f.notice,
		widget.NewCard("", "Facts", facts),
		widget.NewCard("", "Assessment scorecard (1 weak – 5 strong, ? unknown)", container.NewVBox(f.scores, f.assess)),
	))
	f.empty = container.NewCenter(widget.NewLabel("Select an account to see and edit it,\nor add one with “Add account”."))
	f.root = container.NewStack(f.empty)
	if !lazy {
		f.buildAssessment()
	}
	return f
}

// buildAssessment adds the scorecard's questions, each with its choice
// and hint. A form made lazily (the window's first screen) shows its facts
// in the first frame and gets its questions, which lie below the fold,
// from this right after; it does nothing the second time.
func (f *accountForm) buildAssessment() {
	if f.assessed {
		return
	}
	f.assessed = true
	for q := range f.answers {
		info := model.Questions[q]
		r := newScoreChoice(answerOptions, func(string) { f.commit() })
		f.answers[q] = r
		hint := widget.NewLabel(info.Hint)
		hint.Importance = widget.LowImportance
		hint.TextStyle = fyne.TextStyle{Italic: true}
		hint.Wrapping = fyne.TextWrapWord
		axis := "Value"
		if info.Axis == model.AxisRelationship {
			axis = "Relationship"
		}
		question := widget.NewLabelWithStyle(axis+": "+info.Text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		question.Wrapping = fyne.TextWrapWord
		f.assess.Add(question)
		f.assess.Add(container.NewHBox(r))
		f.assess.Add(hint)
	}
	if a := f.ws.Portfolio().Account(f.id); a != nil {
		f.loading = true
		f.showAnswers(a)
		f.loading = false
	}
}

// showAnswers sets the scorecard's choices to the account's answers.
func (f *accountForm) showAnswers(a *model.Account) {
	if !f.assessed {
		return
	}
	for q, r := range f.answers {
		setChoice(r, answerOptions[a.Answers[q]])
	}
}

// field stacks an input with the line that shows its validation error.
func (f *accountForm) field(name string, input fyne.CanvasObject) fyne.CanvasObject {
	msg := widget.NewLabel("")
	msg.Importance = widget.DangerImportance
	msg.Wrapping = fyne.TextWrapWord
	msg.Hide()
	f.errors[name] = msg
	return container.NewVBox(input, msg)
}

func outlookLabels() []string {
	out := make([]string, len(model.Outlooks))
	for i, o := range model.Outlooks {
		out[i] = outlookLabel(o)
	}
	return out
}

func outlookLabel(o model.Outlook) string {
	return strings.ReplaceAll(strings.ToUpper(string(o[:1]))+string(o[1:]), "_", " ")
}

func objectiveLabels() []string {
	out := make([]string, len(model.Objectives))
	for i, o := range model.Objectives {
		out[i] = o.Label()
	}
	return out
}

var priorityChoices = []model.Priority{model.PriorityFirst, model.PrioritySecond, model.PriorityThird, model.PriorityFourth}

// derivedLabel is the priority choice that follows the quadrant.
func derivedLabel(p model.Priority) string { return "From quadrant (" + p.String() + ")" }

// show loads an account into the form ("" shows the empty state).
func (f *accountForm) show(id string) {
	f.id = id
	a := f.ws.Portfolio().Account(id)
	f.base = a
	f.notice.Hide()
	if a == nil {
		f.id = ""
		f.root.Objects = []fyne.CanvasObject{f.empty}
		f.root.Refresh()
		return
	}
	f.loading = true
	defer func() { f.loading = false }()
	p := f.ws.Portfolio()
	f.title.SetText(a.Name)
	f.name.SetText(a.Name)
	f.region.SetText(a.Region)
	f.revenue.SetText(a.Revenue.String())
	f.prev.SetText(a.PrevRevenue.String())
	f.margin.SetText(strconv.FormatFloat(a.MarginPct, 'f', -1, 64))
	f.potential.SetText(a.Potential.String())
	f.notes.SetText(a.Notes)
	f.notesInternal.SetChecked(a.NotesInternal)
	f.industry.SetOptions(distinct(p, func(a *model.Account) string { return a.Industry }))
	f.industry.setText(a.Industry)
	owners := distinct(p, func(a *model.Account) string { return a.Owner })
	for _, m := range p.TeamMembers() {
		owners = appendMissing(owners, m.Name)
	}
	sort.Strings(owners)
	f.owner.SetOptions(owners)
	f.owner.setText(a.Owner)
	f.currency.setText(a.Currency)
	// A choice is set only when it differs: each refresh of a choice
	// redraws its icons, and most answers are the same from one account to
	// the next.
	outlook, objective := "", ""
	if a.Outlook != "" {
		outlook = outlookLabel(a.Outlook)
	}
	if a.Objective != "" {
		objective = a.Objective.Label()
	}
	setChoice(f.outlook, outlook)
	setChoice(f.objective, objective)
	f.showAnswers(a)
	f.showPriority(a)
	for _, l := range f.errors {
		l.Hide()
	}
	if len(f.root.Objects) != 1 || f.root.Objects[0] != f.content {
		f.root.Objects = []fyne.CanvasObject{f.content}
		f.root.Refresh()
	}
}

// setChoice selects v ("" for none) in a radio group or a select when it
// does not hold it yet.
func setChoice(c fyne.CanvasObject, v string) {
	switch w := c.(type) {
	case *scoreChoice:
		w.SetSelected(v)
	case *widget.Select:
		switch {
		case w.Selected == v:
		case v == "":
			w.ClearSelected()
		default:
			w.SetSelected(v)
		}
	}
}

func (f *accountForm) showPriority(a *model.Account) {
	ev := a.Assess(f.ws.Portfolio().Settings.Weights)
	opts := []string{derivedLabel(ev.Derived)}
	for _, p := range priorityChoices {
		opts = append(opts, p.String())
	}
	f.priority.Options = opts
	if ev.Overridden {
		f.priority.SetSelected(a.PriorityOverride.String())
	} else {
		f.priority.SetSelected(opts[0])
	}
	f.scores.SetText(assessmentText(ev))
}

func assessmentText(ev model.Assessment) string {
	s := fmt.Sprintf("Relationship score %s · Value score %s\nQuadrant: %s · Priority: %s",
		scoreText(ev.Relationship, ev.HasRelationship), scoreText(ev.Value, ev.HasValue), ev.Quadrant, ev.Priority)
	if ev.Overridden {
		s += fmt.Sprintf(" (set by hand; the quadrant gives %s)", ev.Derived)
	}
	return s
}

func distinct(p *model.Portfolio, get func(*model.Account) string) []string {
	var out []string
	seen := map[string]bool{}
	for _, a := range p.Accounts() {
		if v := get(a); v != "" && !seen[v] {
			seen[v] = true
			out = append(out, v)
		}
	}
	sort.Strings(out)
	return out
}

func appendMissing(list []string, v string) []string {
	for _, x := range list {
		if x == v {
			return list
		}
	}
	return append(list, v)
}

// read builds an edited copy of the account from the inputs; parse errors
// are reported per field.
func (f *accountForm) read(a *model.Account) (*model.Account, map[string]string) {
	c := model.Clone(a).(*model.Account)
	bad := map[string]string{}
	c.Name = strings.TrimSpace(f.name.Text)
	c.Region = strings.TrimSpace(f.region.Text)
	c.Industry = strings.TrimSpace(f.industry.Text)
	c.Owner = strings.TrimSpace(f.owner.Text)
	c.Currency = strings.ToUpper(strings.TrimSpace(f.currency.Text))
	money := func(field, text string, dst *model.Money) {
		v, err := model.ParseMoney(text)
		if err != nil {
			bad[field] = err.Error()
			return
		}
		*dst = v
	}
	money("revenue", f.revenue.Text, &c.Revenue)
	money("previous revenue", f.prev.Text, &c.PrevRevenue)
	money("potential", f.potential.Text, &c.Potential)
	if t := strings.TrimSuffix(strings.TrimSpace(f.margin.Text), "%"); t == "" {
		c.MarginPct = 0
	} else if v, err := strconv.ParseFloat(strings.TrimSpace(t), 64); err != nil {
		bad["margin"] = fmt.Sprintf("%q is not a percentage (expected a number such as 24.5)", f.margin.Text)
	} else {
		c.MarginPct = v
	}
	c.Outlook = ""
	for _, o := range model.Outlooks {
		if outlookLabel(o) == f.outlook.Selected {
			c.Outlook = o
		}
	}
	c.Objective = model.ObjectiveFromLabel(f.objective.Selected)
	c.PriorityOverride = model.PriorityNone
	for _, p := range priorityChoices {
		if p.String() == f.priority.Selected {
			c.PriorityOverride = p
		}
	}
	for q, r := range f.answers {
		if !f.assessed {
			break // the questions are not built yet: the stored answers stand
		}
		c.Answers[q] = 0
		for i, opt := range answerOptions {
			if opt == r.Selected {
				c.Answers[q] = i
			}
		}
	}
	c.Notes = f.notes.Text
	c.NotesInternal = f.notesInternal.Checked
	return c, bad
}

// commit saves what the inputs say, if it differs from the account as they
// were loaded. It returns the error it showed, if any. An edit made while
// someone else changed the account is refused (workspace.Conflict): the
// form then shows their version and the report offers to apply the edit
// again.
func (f *accountForm) commit() error {
	if f.loading || f.id == "" || f.base == nil {
		return nil
	}
	base := f.base
	c, bad := f.read(base)
	for _, l := range f.errors {
		l.Hide()
	}
	if len(bad) > 0 {
		for field, msg := range bad {
			f.showError(field, msg)
		}
		return fmt.Errorf("account %q: %s", base.Name, joinErrors(bad))
	}
	if sameAccount(base, c) {
		return nil
	}
	f.committing = true
	err := f.ws.SaveEdit(base, c)
	f.committing = false
	if err != nil {
		if errors.Is(err, workspace.ErrConflict) {
			f.show(f.id) // their version; the edit is kept in the conflict
		}
		fields := model.FieldErrors(err)
		for _, fe := range fields {
			f.showError(fe.Field, capitalise(fe.Field)+" "+fe.Rule)
		}
		if len(fields) == 0 && f.report != nil {
			f.report(err)
		}
		return err
	}
	f.base = f.ws.Portfolio().Account(f.id)
	return nil
}

// dirty reports whether the inputs hold an edit not saved yet.
func (f *accountForm) dirty() bool {
	if f.base == nil {
		return false
	}
	c, bad := f.read(f.base)
	return len(bad) > 0 || !sameAccount(f.base, c)
}

func (f *accountForm) showError(field, msg string) {
	l, ok := f.errors[field]
	if !ok {
		l = f.errors["name"]
	}
	l.SetText(msg)
	l.Show()
}

func capitalise(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

func joinErrors(m map[string]string) string {
	var out []string
	for _, v := range m {
		out = append(out, v)
	}
	sort.Strings(out)
	return strings.Join(out, "; ")
}

func sameAccount(a, b *model.Account) bool {
	x, y := *a, *b
	x.Updated = y.Updated // a save time is not an edit
	return reflect.DeepEqual(x, y)
}

// refresh reloads the form when the workspace changed its account (undo,
// another screen, someone else) unless the user is in the middle of an
// edit: then what they typed stays, the form says the account changed, and
// saving it meets the other change as a conflict or, for this window's own
// change, is laid over it.
func (f *accountForm) refresh(ev workspace.Event) {
	if f.id == "" || (!ev.TouchesAccount(f.id) && !ev.Settings) {
		return
	}
	a := f.ws.Portfolio().Account(f.id)
	if a == nil {
		f.show("")
		return
	}
	// Our own save being notified, or an edit under way: keep the inputs.
	if f.committing || a != f.base && f.dirty() {
		f.loading = true
		f.title.SetText(a.Name)
		f.showPriority(a)
		f.loading = false
		if !f.committing && ev.Label == workspace.ExternalLabel {
			c := f.ws.ChangedSince(f.base)
			what := ""
			if len(c.Fields) > 0 {
				what = " (" + model.FieldLabels(c.Fields) + ")"
			}
			f.notice.SetText(fmt.Sprintf("%s changed this account%s while you were editing it. Your edit is kept; saving it will ask which to keep.", c.Who(), what))
			f.notice.Show()
		}
		return
	}
	f.show(f.id)
}
