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

// buildImpact compares expected and actual impact, per goal and per
// action, with the lessons of what beat, missed or never happened.
func (s *reviewScreen) buildImpact() {
	p := s.source() // in front of the customer: agreed actions, money only if shared
	a := p.Account(s.accountID)
	s.impact.Objects = nil
	actions := p.Actions(s.accountID)
	if s.safe && !s.share.Figures {
		s.buildAgreedActions(actions)
		return
	}
	type sums struct{ expected, actual model.Money }
	byGoal := map[string]*sums{}
	var beat, missed, notDone []*model.Action
	for _, x := range actions {
		g := byGoal[x.GoalID]
		if g == nil {
			g = &sums{}
			byGoal[x.GoalID] = g
		}
		g.expected += x.ExpectedImpact
		if x.Status == model.StatusDone {
			g.actual += x.ActualImpact
			switch {
			case x.ActualImpact > x.ExpectedImpact:
				beat = append(beat, x)
			case x.ActualImpact < x.ExpectedImpact:
				missed = append(missed, x)
			}
		}
		if x.Status == model.StatusNotImplemented {
			notDone = append(notDone, x)
		}
	}
	s.impact.Add(s.chart("impact"))
	s.impact.Add(s.chart("actions"))
	s.impact.Add(heading("Expected and actual impact by customer goal"))
	grid := container.NewGridWithColumns(3, heading("Goal"), heading("Expected"), heading("Actual (done actions)"))
	goalName := func(id string) string {
		if g, ok := p.Get(model.KindGoal, id).(*model.Goal); ok {
			return g.Title
		}
		return "No goal"
	}
	var ids []string
	for id := range byGoal {
		ids = append(ids, id)
	}
	sort.Slice(ids, func(i, j int) bool { return goalName(ids[i]) < goalName(ids[j]) })
	for _, id := range ids {
		g := byGoal[id]
		// A long goal would widen all three equal columns past the
		// window (at projector size most of all): it is cut short.
		name := widget.NewLabel(goalName(id))
		name.Truncation = fyne.TextTruncateEllipsis
		grid.Add(name)
		grid.Add(widget.NewLabel(g.expected.Format(a.Currency)))
		grid.Add(widget.NewLabel(g.actual.Format(a.Currency)))
	}
	s.impact.Add(grid)
	list := func(title string, xs []*model.Action) {
		s.impact.Add(heading(fmt.Sprintf("%s (%d)", title, len(xs))))
		for _, x := range xs {
			x := x
			line := para(fmt.Sprintf("%s — expected %s, actual %s", x.Title, x.ExpectedImpact.Format(a.Currency), x.ActualImpact.Format(a.Currency)))
			if s.safe { // lessons are ours
				s.impact.Add(line)
				continue
			}
			lesson := newCommitEntry(false, nil)
			lesson.SetText(x.Lesson)
			lesson.SetPlaceHolder("Lesson for the next cycle")
			lesson.onCommit = func() {
				cur, ok := s.ws.Portfolio().Get(model.KindAction, x.ID).(*model.Action)
				if !ok || cur.Lesson == lesson.Text {
					return
				}
				c := model.Clone(cur).(*model.Action)
				c.Lesson = lesson.Text
				s.fail(s.ws.Save(c))
			}
			s.impact.Add(container.NewVBox(line, lesson))
		}
	}
	list("Beat expectations", beat)
	list("Missed expectations", missed)
	list("Not implemented by the customer", notDone)
	s.impact.Refresh()
}

// buildAgreedActions is the impact tab in front of a customer who has
// not been shown figures: the agreed actions by owner and status, and
// which are done or were not implemented, without what they are worth.
func (s *reviewScreen) buildAgreedActions(actions []*model.Action) {
	s.impact.Add(s.chart("actions"))
	var done, notDone []string
	for _, x := range actions {
		switch x.Status {
		case model.StatusDone:
			done = append(done, "• "+x.Title)
		case model.StatusNotImplemented:
			notDone = append(notDone, "• "+x.Title)
		}
	}
	for _, part := range []struct {
		title string
		lines []string
	}{{"Completed", done}, {"Not implemented", notDone}} {
		s.impact.Add(heading(fmt.Sprintf("%s (%d)", part.title, len(part.lines))))
		if len(part.lines) > 0 {
			s.impact.Add(para(strings.Join(part.lines, "\n")))
		}
	}
	s.impact.Refresh()
}

// scoreTrend is the average score per criterion at each scoring date
// (model.ScoreTrend) and who scored on each.
type scoreTrend struct {
	dates  []time.Time
	avg    map[time.Time]map[string]float64
	people map[time.Time][]string
}

func (s *reviewScreen) trend() scoreTrend {
	p := s.ws.Portfolio()
	var cards []*model.Scorecard
	people := map[time.Time][]string{}
	for _, e := range p.OfAccount(model.KindScorecard, s.accountID) {
		sc := e.(*model.Scorecard)
		cards = append(cards, sc)
		who := "someone"
		if st, ok := p.Get(model.KindStakeholder, sc.StakeholderID).(*model.Stakeholder); ok {
			who = st.Name
		}
		people[sc.Date] = append(people[sc.Date], who)
	}
	t := model.ScoreTrendOf(cards)
	return scoreTrend{dates: t.Dates, avg: t.Avg, people: people}
}

// buildScores shows how the customer scores us over time, each criterion's
// change since the previous scoring, drops marked.
func (s *reviewScreen) buildScores() {
	p := s.ws.Portfolio()
	s.scores.Objects = nil
	add := widget.NewButtonWithIcon("Record a scoring…", theme.ContentAddIcon(), s.addScorecard)
	criteria := widget.NewButtonWithIcon("Criteria…", theme.SettingsIcon(), s.editCriteria)
	s.scores.Add(container.NewBorder(nil, nil, nil, container.NewHBox(add, criteria),
		para("The customer scores us 1–10 on each criterion; the change since the previous scoring is shown, drops marked ▼.")))
	s.scores.Add(s.chart("scorecard"))
	t := s.trend()
	if len(t.dates) == 0 {
		s.scores.Add(para("No scorings yet."))
		s.scores.Refresh()
		return
	}
	crit := p.Settings.Criteria
	grid := container.NewGridWithColumns(len(t.dates)+1, heading("Criterion"))
	for _, d := range t.dates {
		grid.Add(heading(model.FormatDate(d)))
	}
	for _, c := range crit {
		grid.Add(widget.NewLabel(c))
		for i, d := range t.dates {
			v, ok := t.avg[d][c]
			if !ok {
				grid.Add(widget.NewLabel("—"))
				continue
			}
			text := fmt.Sprintf("%.1f", v)
			imp := widget.MediumImportance
			if i > 0 {
				if prev, ok := t.avg[t.dates[i-1]][c]; ok {
					switch change := v - prev; {
					case change <= -0.5:
						text += fmt.Sprintf("  ▼ %.1f", change)
						imp = widget.DangerImportance
					case change >= 0.5:
						text += fmt.Sprintf("  ▲ +%.1f", change)
						imp = widget.SuccessImportance
					}
				}
			}
			l := widget.NewLabel(text)
			l.Importance = imp
			grid.Add(l)
		}
	}
	s.scores.Add(grid)
	for _, d := range t.dates {
		s.scores.Add(para(fmt.Sprintf("%s: scored by %s", model.FormatDate(d), strings.Join(t.people[d], ", "))))
	}
	s.scores.Refresh()
}

// addScorecard records one stakeholder's scores on a date.
func (s *reviewScreen) addScorecard() {
	p := s.ws.Portfolio()
	date := NewEntry()
	date.SetText(s.today().Format("2006-01-02"))
	people := map[string]string{}
	var opts []string
	for _, st := range p.Stakeholders(s.accountID) {
		opts = append(opts, st.Name)
		people[st.Name] = st.ID
	}
	who := widget.NewSelect(opts, nil)
	items := []*widget.FormItem{widget.NewFormItem("Date", date), widget.NewFormItem("Scored by", who)}
	entries := map[string]*Entry{}
	for _, c := range p.Settings.Criteria {
		e := NewEntry()
		e.SetPlaceHolder("1–10, or empty")
		entries[c] = e
		items = append(items, widget.NewFormItem(c, e))
	}
	comment := NewEntry()
	items = append(items, widget.NewFormItem("Comment", comment))
	formDialog(s.win, "Customer value scorecard", items, func() error {
		d, err := model.ParseDate(date.Text)
		if err != nil || d.IsZero() {
			return fmt.Errorf("date: %q is not a date (expected e.g. 2026-11-23)", date.Text)
		}
		sc := &model.Scorecard{ID: model.NewID(), AccountID: s.accountID, Date: d, StakeholderID: people[who.Selected],
			Scores: map[string]int{}, Comment: comment.Text}
		for c, e := range entries {
			t := strings.TrimSpace(e.Text)
			if t == "" {
				continue
			}
			v, err := strconv.Atoi(t)
			if err != nil {
				return fmt.Errorf("%s: %q is not a whole number (expected 1 to 10)", c, t)
			}
			sc.Scores[c] = v
		}
		if len(sc.Scores) == 0 {
			return fmt.Errorf("enter a score for at least one criterion")
		}
		return s.ws.Save(sc)
	})
}

// editCriteria changes the workspace's scorecard criteria, one per line.
func (s *reviewScreen) editCriteria() {
	text := NewMultiLineEntry()
	text.SetText(strings.Join(s.ws.Portfolio().Settings.Criteria, "\n"))
	text.SetMinRowsVisible(6)
	formDialog(s.win, "Scorecard criteria (one per line)", []*widget.FormItem{widget.NewFormItem("Criteria", text)}, func() error {
		var list []string
		for _, l := range strings.Split(text.Text, "\n") {
			if l = strings.TrimSpace(l); l != "" {
				list = append(list, l)
			}
		}
		if len(list) == 0 {
			return fmt.Errorf("a scorecard needs at least one criterion")
		}
		next := s.ws.Portfolio().Settings
		next.Criteria = list
		return s.ws.UpdateSettings(next)
	})
}

// buildHealth explains the account's health factor by factor.
func (s *reviewScreen) buildHealth() {
	h := s.ws.Portfolio().HealthOf(s.accountID, s.today())
	s.health.Objects = nil
	state := "healthy"
	if h.AtRisk {
		state = "⚠ at risk"
	}
	s.health.Add(widget.NewLabelWithStyle(fmt.Sprintf("Health %.0f of 100 — %s", h.Score, state), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
	grid := container.NewGridWithColumns(3, heading("Factor"), heading("Points taken off"), heading("What Orchard saw"))
	for _, f := range h.Factors {
		pts := "—"
		if f.Points >= 0.05 {
			pts = fmt.Sprintf("−%.1f", f.Points)
		}
		grid.Add(widget.NewLabel(f.Name))
		grid.Add(widget.NewLabel(pts))
		grid.Add(para(f.Detail))
	}
	s.health.Add(grid)
	s.health.Add(s.chart("coverage"))
	s.health.Add(widget.NewButtonWithIcon("Health weights…", theme.SettingsIcon(), func() { ShowHealthWeightsDialog(s.ws, s.win) }))
	s.health.Refresh()
}

// buildMeetings lists review meetings and records new ones.
func (s *reviewScreen) buildMeetings() {
	p := s.ws.Portfolio()
	s.meetings.Objects = nil
	add := widget.NewButtonWithIcon("Record a review meeting…", theme.ContentAddIcon(), s.addMeeting)
	roll := widget.NewButtonWithIcon("Start next cycle…", theme.MediaSkipNextIcon(), s.startNextCycle)
	s.meetings.Add(container.NewHBox(add, roll))
	var list []*model.ReviewMeeting
	for _, e := range p.OfAccount(model.KindReview, s.accountID) {
		list = append(list, e.(*model.ReviewMeeting))
	}
	sort.Slice(list, func(i, j int) bool { return list[i].Date.After(list[j].Date) })
	if cy := model.CurrentCycle(s.openCycles(), s.today()); cy != nil && cy.Learnings != "" {
		s.meetings.Add(heading("Learnings carried into " + cy.Name))
		s.meetings.Add(para(cy.Learnings))
	}
	if len(list) == 0 {
		s.meetings.Add(para("No review with the customer recorded yet."))
	} else if snap, ok := model.DecodeSnapshot(list[0].Snapshot); ok {
		s.meetings.Add(heading("Since the last review"))
		s.meetings.Add(para("• " + strings.Join(model.Changes(snap, p.Snapshot(s.accountID)), "\n• ")))
	}
	for i, m := range list {
		s.meetings.Add(heading("Review of " + model.FormatDate(m.Date)))
		s.meetings.Add(para(fmt.Sprintf("Attendees: %s\nDecisions: %s\nNext review: %s", orDash(m.Attendees), orDash(m.Decisions), dateOr(m.NextDate, "not set"))))
		if i+1 < len(list) {
			now, ok1 := model.DecodeSnapshot(m.Snapshot)
			prev, ok2 := model.DecodeSnapshot(list[i+1].Snapshot)
			if ok1 && ok2 {
				s.meetings.Add(para("Changed since the review before: " + strings.Join(model.Changes(prev, now), "; ")))
			}
		}
	}
	for _, c := range s.cycles() {
		if !c.Closed {
			continue
		}
		s.meetings.Add(heading(c.Name + " (closed, read-only)"))
		arch, err := c.ReadArchive()
		if err != nil {
			s.meetings.Add(para(err.Error()))
			continue
		}
		a := p.Account(s.accountID)
		lines := []string{fmt.Sprintf("Closed on %s with health %.0f. Revenue year to date %s against %s.", arch.ClosedOn, arch.Health,
			arch.YearToDate.Actual.Format(a.Currency), arch.YearToDate.Target.Format(a.Currency))}
		for _, x := range arch.Actions {
			line := fmt.Sprintf("%s — %s (%s), expected %s, actual %s", x.Title, x.Status, orDash(x.Owner), x.Expected.Short(), x.Actual.Short())
			if x.Lesson != "" {
				line += ". Lesson: " + x.Lesson
			}
			lines = append(lines, line)
		}
		s.meetings.Add(para(strings.Join(lines, "\n")))
	}
	s.meetings.Refresh()
}

// openCycles are the account's cycles that are not closed.
func (s *reviewScreen) openCycles() []*model.Cycle {
	var out []*model.Cycle
	for _, c := range s.cycles() {
		if !c.Closed {
			out = append(out, c)
		}
	}
	return out
}

// startNextCycle closes the current cycle into its archive and opens the
// next, after saying what will happen.
func (s *reviewScreen) startNextCycle() {
	_, deletes, next, err := s.ws.Portfolio().RollOver(s.accountID, s.today())
	if err != nil {
		s.fail(err)
		return
	}
	msg := fmt.Sprintf("Close the current cycle and start %s?\n\n"+
		"Open actions, goals, the relationship map and the team carry forward.\n"+
		"%d finished action(s) move into the closed cycle's read-only archive.\n"+
		"The new cycle starts with last cycle's learnings and lessons.\n\nYou can undo this with Ctrl+Z.", next.Name, len(deletes))
	dialog.ShowConfirm("Start next cycle", msg, func(ok bool) {
		if ok {
			s.fail(s.ws.StartNextCycle(s.accountID, s.today()))
		}
	}, s.win)
}

// addMeeting records a review; each line under "New actions" becomes a
// planned action, all in one undoable step.
func (s *reviewScreen) addMeeting() {
	date, next := NewEntry(), NewEntry()
	date.SetText(s.today().Format("2006-01-02"))
	next.SetPlaceHolder("e.g. " + s.today().AddDate(0, 3, 0).Format("2006-01-02"))
	attendees, decisions, actions := NewEntry(), NewMultiLineEntry(), NewMultiLineEntry()
	attendees.SetPlaceHolder("Both sides, e.g. COO, CIO; our account team")
	actions.SetPlaceHolder("One new action per line")
	items := []*widget.FormItem{widget.NewFormItem("Date", date), widget.NewFormItem("Attendees", attendees),
		widget.NewFormItem("Decisions", decisions), widget.NewFormItem("New actions", actions), widget.NewFormItem("Next review", next)}
	formDialog(s.win, "Review meeting with the customer", items, func() error {
		d, err := model.ParseDate(date.Text)
		if err != nil || d.IsZero() {
			return fmt.Errorf("date: %q is not a date (expected e.g. 2026-11-23)", date.Text)
		}
		n, err := model.ParseDate(next.Text)
		if err != nil {
			return fmt.Errorf("next review: %w", err)
		}
		return s.ws.RecordReview(workspace.Review{AccountID: s.accountID, Date: d, Next: n, Attendees: attendees.Text,
			Decisions: decisions.Text, NewActions: strings.Split(actions.Text, "\n")})
	})
}
