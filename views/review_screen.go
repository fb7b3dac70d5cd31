package views

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"orchard/app/workspace"
	"orchard/model"
	"orchard/views/chart"
)

// reviewScreen closes the loop on one account: plan against actual, what
// the actions delivered, how the customer scores us, the account's health
// and the review meetings.
type reviewScreen struct {
	ws        *workspace.Workspace
	win       fyne.Window
	accountID string
	today     func() time.Time
	figures   *fyne.Container
	impact    *fyne.Container
	scores    *fyne.Container
	health    *fyne.Container
	meetings  *fyne.Container
	report    func(error)
	root      fyne.CanvasObject
	tabs      *container.AppTabs
	healthTab *container.TabItem
	// safe is set in workshop mode: the customer sees the review's charts
	// at projector size, without our health assessment, margin or buttons.
	safe bool
	// share is what the presenter chose to show beyond the customer-safe
	// defaults: plan against actual. Each workshop starts without it.
	share model.CustomerShare
}

// source is what the review shows: the workspace, or in front of the
// customer only what model.CustomerView lets them see.
func (s *reviewScreen) source() *model.Portfolio {
	if s.safe {
		return s.ws.Portfolio().CustomerView(s.accountID, s.share)
	}
	return s.ws.Portfolio()
}

// showFigures shows or hides plan against actual in front of the customer.
func (s *reviewScreen) showFigures(on bool) {
	s.share.Figures = on
	s.buildFigures()
	s.buildImpact()
}

// setWorkshop shows the review as the customer may see it, or as the
// account manager works on it.
func (s *reviewScreen) setWorkshop(on bool) {
	if s.safe == on {
		return
	}
	s.safe = on
	s.share = model.CustomerShare{}
	if on {
		s.tabs.Remove(s.healthTab)
	} else {
		s.tabs.Items = append(s.tabs.Items[:3], append([]*container.TabItem{s.healthTab}, s.tabs.Items[3:]...)...)
		s.tabs.Refresh()
	}
	s.rebuild()
}

func newReviewScreen(ws *workspace.Workspace, win fyne.Window, accountID string, today func() time.Time, report func(error)) *reviewScreen {
	s := &reviewScreen{ws: ws, win: win, accountID: accountID, today: today, report: report,
		figures: container.NewVBox(), impact: container.NewVBox(), scores: container.NewVBox(),
		health: container.NewVBox(), meetings: container.NewVBox()}
	s.healthTab = container.NewTabItem("Health", container.NewVScroll(s.health))
	s.tabs = container.NewAppTabs(
		container.NewTabItem("Plan vs actual", container.NewVScroll(s.figures)),
		container.NewTabItem("Action impact", container.NewVScroll(s.impact)),
		container.NewTabItem("Customer scorecard", container.NewVScroll(s.scores)),
		s.healthTab,
		container.NewTabItem("Meetings", container.NewVScroll(s.meetings)),
	)
	s.root = s.tabs
	s.rebuild()
	return s
}

func (s *reviewScreen) fail(err error) {
	reportTo(s.report, s.win, err)
}

// onEvent redraws the tabs whose data the change touched.
func (s *reviewScreen) onEvent(ev workspace.Event) {
	if !ev.TouchesAccount(s.accountID) && !ev.Settings {
		return
	}
	if s.ws.Portfolio().Account(s.accountID) == nil {
		return
	}
	touches := func(kinds ...model.Kind) bool {
		if ev.Settings {
			return true
		}
		for _, k := range kinds {
			if ev.Touches(k) {
				return true
			}
		}
		return false
	}
	if touches(model.KindFigure, model.KindCycle, model.KindAccount) {
		s.buildFigures()
	}
	if touches(model.KindAction, model.KindGoal, model.KindTeamMember) {
		s.buildImpact()
	}
	if touches(model.KindScorecard, model.KindStakeholder) {
		s.buildScores()
	}
	s.buildHealth() // health reads nearly everything
	if touches(model.KindReview, model.KindCycle, model.KindStakeholder, model.KindAction, model.KindScorecard, model.KindAccount) {
		s.buildMeetings()
	}
}

func (s *reviewScreen) rebuild() {
	if s.ws.Portfolio().Account(s.accountID) == nil {
		return
	}
	s.buildFigures()
	s.buildImpact()
	s.buildScores()
	s.buildHealth()
	s.buildMeetings()
}

// chart is a saveable view of one of the account's charts.
func (s *reviewScreen) chart(name string) fyne.CanvasObject {
	safe := s.safe
	return newChartView(name, s.win, func(f chart.Format, w, h int) ([]byte, error) {
		return chart.Render(s.source(), name, s.accountID, f, w, h, safe)
	})
}

func (s *reviewScreen) cycles() []*model.Cycle {
	var out []*model.Cycle
	for _, e := range s.ws.Portfolio().OfAccount(model.KindCycle, s.accountID) {
		out = append(out, e.(*model.Cycle))
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Start.Before(out[j].Start) })
	return out
}

func (s *reviewScreen) figureList() []*model.PeriodFigure {
	var out []*model.PeriodFigure
	for _, e := range s.ws.Portfolio().OfAccount(model.KindFigure, s.accountID) {
		out = append(out, e.(*model.PeriodFigure))
	}
	return out
}

func pctText(r model.PeriodRow) string {
	if pct, ok := r.VariancePct(); ok {
		return model.FormatPercent(pct, 1, true)
	}
	return "— (no target)"
}

// buildFigures shows revenue by period against target, year to date, the
// chart, and the ways to enter actuals.
func (s *reviewScreen) buildFigures() {
	p := s.ws.Portfolio()
	a := p.Account(s.accountID)
	s.figures.Objects = nil
	if s.safe && !s.share.Figures {
		// Our revenue is shown to the customer only when the presenter
		// chooses to, as the review pack's "plan vs actual" tick.
		show := widget.NewButtonWithIcon("Show plan vs actual", theme.VisibilityIcon(), func() { s.showFigures(true) })
		s.figures.Add(para("Plan against actual shows our revenue and targets with this customer. Show it only where you agreed to share it."))
		s.figures.Add(container.NewHBox(show))
		s.figures.Refresh()
		return
	}
	cy := model.CurrentCycle(s.openCycles(), s.today())
	rows := model.PlanVsActual(s.figureList())
	add := widget.NewButtonWithIcon("Enter a figure…", theme.ContentAddIcon(), func() { s.editFigure(cy) })
	cycleBtn := widget.NewButtonWithIcon("Cycle and targets…", theme.DocumentCreateIcon(), func() { s.editCycle(cy) })
	paste := widget.NewButtonWithIcon("Paste actuals…", theme.ContentPasteIcon(), func() { s.pasteActuals(cy) })
	cycleText := "No planning cycle yet."
	switch {
	case cy != nil && s.safe:
		cycleText = fmt.Sprintf("%s (%s – %s): revenue target %s", cy.Name, model.FormatDate(cy.Start),
			model.FormatDate(cy.End), cy.RevenueTarget.Format(a.Currency))
	case cy != nil:
		cycleText = fmt.Sprintf("%s (%s – %s): revenue target %s, margin target %s", cy.Name, model.FormatDate(cy.Start),
			model.FormatDate(cy.End), cy.RevenueTarget.Format(a.Currency), cy.MarginTarget.Format(a.Currency))
	}
	head := widget.NewLabelWithStyle(cycleText, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	head.Wrapping = fyne.TextWrapWord
	if s.safe { // the buttons are the account manager's
		hide := widget.NewButtonWithIcon("Hide plan vs actual", theme.VisibilityOffIcon(), func() { s.showFigures(false) })
		hide.Importance = widget.LowImportance
		s.figures.Add(container.NewBorder(nil, nil, nil, hide, head))
	} else {
		s.figures.Add(container.NewBorder(nil, nil, nil, container.NewHBox(cycleBtn, add, paste), head))
	}
	s.figures.Add(s.chart("revenue"))
	// At projector size five columns of money do not fit across the
	// screen: the variance in money is left to the percentage.
	cols := []string{"Period", "Target", "Actual", "Variance", "Variance %"}
	if s.safe {
		cols = []string{"Period", "Target", "Actual", "Variance %"}
	}
	grid := container.NewGridWithColumns(len(cols))
	for _, c := range cols {
		grid.Add(heading(c))
	}
	row := func(r model.PeriodRow, bold bool) {
		style := fyne.TextStyle{Bold: bold}
		actual := "—"
		if r.HasActual {
			actual = r.Actual.Format(a.Currency)
		}
		variance := "—"
		if r.HasActual && r.HasTarget {
			variance = r.Variance().Format(a.Currency)
		}
		cells := []string{r.Period, r.Target.Format(a.Currency), actual, variance, pctText(r)}
		if s.safe {
			cells = []string{r.Period, r.Target.Format(a.Currency), actual, pctText(r)}
		}
		for _, t := range cells {
			grid.Add(widget.NewLabelWithStyle(t, fyne.TextAlignLeading, style))
		}
	}
	for _, r := range rows {
		row(r, false)
	}
	row(model.YearToDate(rows, cy, s.today()), true)
	s.figures.Add(grid)
	s.figures.Refresh()
}

// editFigure enters one target or actual for a period of the cycle.
func (s *reviewScreen) editFigure(cy *model.Cycle) {
	period, revenue, margin := NewEntry(), NewEntry(), NewEntry()
	period.SetPlaceHolder("2026-Q3 or 2026-09")
	kind := widget.NewRadioGroup([]string{"Actual", "Target"}, nil)
	kind.Horizontal = true
	kind.SetSelected("Actual")
	items := []*widget.FormItem{widget.NewFormItem("Period", period), widget.NewFormItem("", kind),
		widget.NewFormItem("Revenue", revenue), widget.NewFormItem("Margin", margin)}
	formDialog(s.win, "Revenue figure", items, func() error {
		fk := model.FigureActual
		if kind.Selected == "Target" {
			fk = model.FigureTarget
		}
		f, err := s.figure(cy, strings.TrimSpace(period.Text), fk, revenue.Text, margin.Text)
		if err != nil {
			return err
		}
		return s.ws.EnterFigures("Enter "+string(fk)+" for "+f.Period, []*model.PeriodFigure{f})
	})
}

// figure builds a period figure, replacing the one already held for that
// period and kind, and checks the period lies in the cycle.
func (s *reviewScreen) figure(cy *model.Cycle, period string, kind model.FigureKind, revenue, margin string) (*model.PeriodFigure, error) {
	start, _, err := model.PeriodStart(period)
	if err != nil {
		return nil, err
	}
	if cy != nil && (start.Before(cy.Start) || start.After(cy.End)) {
		return nil, fmt.Errorf("period %s lies outside the cycle %s (%s – %s)", period, cy.Name, model.FormatDate(cy.Start), model.FormatDate(cy.End))
	}
	rev, err := model.ParseMoney(revenue)
	if err != nil {
		return nil, fmt.Errorf("revenue for %s: %w", period, err)
	}
	mar, err := model.ParseMoney(margin)
	if err != nil {
		return nil, fmt.Errorf("margin for %s: %w", period, err)
	}
	f := &model.PeriodFigure{ID: model.NewID(), AccountID: s.accountID, Period: period, FigureKind: kind, Revenue: rev, Margin: mar}
	for _, old := range s.figureList() {
		if old.Period == period && old.FigureKind == kind {
			f.ID = old.ID
		}
	}
	return f, nil
}

// pasteActuals takes lines copied from a spreadsheet: period, revenue and
// optionally margin, separated by tabs or semicolons. All lines land or none.
func (s *reviewScreen) pasteActuals(cy *model.Cycle) {
	text := NewMultiLineEntry()
	text.SetMinRowsVisible(8)
	text.SetPlaceHolder("2026-Q1\t1,050,000\t310,000\n2026-Q2\t990,000\t280,000")
	formDialog(s.win, "Paste actuals from a spreadsheet", []*widget.FormItem{widget.NewFormItem("Rows", text)}, func() error {
		recs, err := s.parseActuals(cy, text.Text)
		if err != nil {
			return err
		}
		return s.ws.EnterFigures(fmt.Sprintf("Paste %d actuals", len(recs)), recs)
	})
}

func (s *reviewScreen) parseActuals(cy *model.Cycle, text string) ([]*model.PeriodFigure, error) {
	var recs []*model.PeriodFigure
	seen := map[string]int{}
	for n, line := range strings.Split(strings.ReplaceAll(text, "\r", ""), "\n") {
		if strings.TrimSpace(line) == "" {
			continue
		}
		sep := "\t"
		if !strings.Contains(line, "\t") {
			sep = ";"
		}
		cols := strings.Split(line, sep)
		if len(cols) < 2 {
			return nil, fmt.Errorf("line %d: found %q, expected a period and a revenue separated by a tab", n+1, line)
		}
		margin := ""
		if len(cols) > 2 {
			margin = cols[2]
		}
		period := strings.TrimSpace(cols[0])
		if prev, dup := seen[period]; dup {
			return nil, fmt.Errorf("line %d: period %s is already on line %d", n+1, period, prev)
		}
		seen[period] = n + 1
		f, err := s.figure(cy, period, model.FigureActual, cols[1], margin)
		if err != nil {
			return nil, fmt.Errorf("line %d: %w", n+1, err)
		}
		recs = append(recs, f)
	}
	if len(recs) == 0 {
		return nil, fmt.Errorf("nothing to paste: copy rows of period and revenue from a spreadsheet")
	}
	return recs, nil
}

// formDialog shows a form whose Save runs save; an error is shown in the
// dialog, which keeps everything typed.
func formDialog(win fyne.Window, title string, items []*widget.FormItem, save func() error) dialog.Dialog {
	msg := widget.NewLabel("")
	msg.Importance = widget.DangerImportance
	msg.Wrapping = fyne.TextWrapWord
	msg.Hide()
	var d dialog.Dialog
	ok := widget.NewButton("Save", func() {
		if err := save(); err != nil {
			var parts []string
			for _, fe := range model.FieldErrors(err) {
				parts = append(parts, capitalise(fe.Field)+" "+fe.Rule)
			}
			if len(parts) == 0 {
				parts = []string{err.Error()}
			}
			msg.SetText(strings.Join(parts, "\n"))
			msg.Show()
			return
		}
		d.Hide()
	})
	ok.Importance = widget.HighImportance
	cancel := widget.NewButton("Cancel", func() { d.Hide() })
	form := widget.NewForm(items...)
	body := container.NewBorder(nil, container.NewVBox(msg, container.NewHBox(cancel, ok)), nil, nil, container.NewVScroll(form))
	d = dialog.NewCustomWithoutButtons(title, body, win)
	// Tall forms scroll inside a dialog that fits the window.
	h := min(form.MinSize().Height+170, max(win.Canvas().Size().Height-60, 300))
	d.Resize(fyne.NewSize(max(620, form.MinSize().Width+60), h))
	d.Show()
	return d
}

// editCycle edits the open cycle's dates and targets, or starts the
// account's first cycle when it has none.
func (s *reviewScreen) editCycle(cy *model.Cycle) {
	a := s.ws.Portfolio().Account(s.accountID)
	if cy == nil {
		y := s.today().Year()
		cy = &model.Cycle{ID: model.NewID(), AccountID: s.accountID, Name: fmt.Sprintf("FY%d", y),
			Start: time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC), End: time.Date(y, 12, 31, 0, 0, 0, 0, time.UTC)}
	}
	name, start, end := NewEntry(), NewEntry(), NewEntry()
	name.SetText(cy.Name)
	start.SetText(cy.Start.Format("2006-01-02"))
	end.SetText(cy.End.Format("2006-01-02"))
	revenue, margin := NewEntry(), NewEntry()
	revenue.SetText(cy.RevenueTarget.String())
	margin.SetText(cy.MarginTarget.String())
	wants, learnings := NewEntry(), NewMultiLineEntry()
	wants.SetText(cy.CustomerWants)
	learnings.SetText(cy.Learnings)
	items := []*widget.FormItem{widget.NewFormItem("Name", name), widget.NewFormItem("Starts", start), widget.NewFormItem("Ends", end),
		widget.NewFormItem("Revenue target ("+a.Currency+")", revenue), widget.NewFormItem("Margin target ("+a.Currency+")", margin),
		widget.NewFormItem("What the customer wants this year", wants), widget.NewFormItem("Learnings", learnings)}
	guard := newEditBase(s.ws, cy)
	formDialog(s.win, "Planning cycle", items, func() error {
		c := model.Clone(cy).(*model.Cycle)
		c.Name, c.CustomerWants, c.Learnings = strings.TrimSpace(name.Text), strings.TrimSpace(wants.Text), learnings.Text
		var err error
		if c.Start, err = model.ParseDate(start.Text); err != nil {
			return fmt.Errorf("start: %w", err)
		}
		if c.End, err = model.ParseDate(end.Text); err != nil {
			return fmt.Errorf("end: %w", err)
		}
		if c.RevenueTarget, err = model.ParseMoney(revenue.Text); err != nil {
			return fmt.Errorf("revenue target: %w", err)
		}
		if c.MarginTarget, err = model.ParseMoney(margin.Text); err != nil {
			return fmt.Errorf("margin target: %w", err)
		}
		return guard.save(c)
	})
}
