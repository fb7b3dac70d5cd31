package views

import (
	"context"
	"fmt"
	"sort"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"orchard/app/workspace"
	"orchard/model"
)

const allFilter = "All"

// portfolioScreen shows the accounts as a list, a quadrant or a Pareto
// chart, beside the form of the selected one.
type portfolioScreen struct {
	ws       *workspace.Workspace
	win      fyne.Window
	report   func(error) // the shell's way of showing an error; nil shows a dialog
	sortBy   *widget.Select
	list     *accountList
	quadrant *quadrantEditor
	quadPane *quadrantPane
	pareto   *paretoPane
	health   *healthPane
	form     *accountForm
	search   *Entry
	owner    *widget.Select
	industry *widget.Select
	priority *widget.Select
	count    *widget.Label
	tabs     *container.AppTabs
	onSelect func(id string)
	root     fyne.CanvasObject
	split    *container.Split
	// workshopView is the cover and presenter's bar in workshop mode.
	workshopView *portfolioWorkshop
	workshop     bool
	today        func() time.Time // the shell's clock
	// typed counts the filter's keystrokes; a large portfolio filters once
	// typing pauses, for the latest keystroke only.
	typed int
	// later runs f on the UI thread once typing has paused (a test runs
	// it when it likes).
	later func(f func())
	// offThread runs a large portfolio's filtering off the UI thread and
	// then, on it, what the filtering returns (a test runs both when it
	// likes); cancelFilter stops the run a newer filter or reload makes
	// stale.
	offThread    func(work func() func())
	cancelFilter context.CancelFunc
}

// Typing in the filter of a large portfolio waits for a pause before
// filtering, so a quickly typed word filters once, not once a letter.
const (
	filterPauseFrom = 2000 // accounts
	filterPause     = 120 * time.Millisecond
)

// typedFilter takes a keystroke in the filter box.
func (s *portfolioScreen) typedFilter(text string) {
	s.list.query.text = text
	s.typed++
	if s.ws.Portfolio().Count(model.KindAccount) < filterPauseFrom {
		s.filterChanged()
		return
	}
	key := s.typed
	s.later(func() {
		if key == s.typed { // else a later keystroke has its own turn
			s.filterChanged()
		}
	})
}

// setClock makes the list's health, the health pane and recorded
// positions follow the shell's clock rather than each their own.
func (s *portfolioScreen) setClock(today func() time.Time) {
	s.today = today
	s.list.today = today
	s.health.today = today
}

// setWorkshop gives the chart the whole page in front of the customer: the
// account's form (internal figures, and too wide at projector size) folds
// away, as do the quadrant's filters and buttons; leaving restores them.
func (s *portfolioScreen) setWorkshop(on bool) {
	s.workshop = on
	s.quadPane.setWorkshop(on)
	s.quadrant.workshop = on
	s.setWorkshopCover(on)
	foldAway(on, s.form.root)
	foldSplit(s.split, on, portfolioSplit)
}

func newPortfolioScreen(ws *workspace.Workspace, win fyne.Window, report func(error), onSelect, onOpen func(id string), openAt func(string, Section)) *portfolioScreen {
	return buildPortfolioScreen(ws, win, report, onSelect, onOpen, openAt, false)
}

// buildPortfolioScreen makes the screen; lazy leaves the form's scorecard
// questions for after the first frame (see Shell.Started).
func buildPortfolioScreen(ws *workspace.Workspace, win fyne.Window, report func(error), onSelect, onOpen func(id string), openAt func(string, Section), lazy bool) *portfolioScreen {
	s := &portfolioScreen{ws: ws, win: win, onSelect: onSelect, today: time.Now,
		later: func(f func()) { time.AfterFunc(filterPause, func() { fyne.Do(f) }) },
		offThread: func(work func() func()) {
			go func() {
				show := work()
				fyne.Do(show)
			}()
		}}
	s.form = buildAccountForm(ws, lazy)
	s.form.report = report
	s.report = report
	s.list = newAccountList(s.picked)
	s.list.onCheck = s.updateCount
	s.quadrant = newQuadrantEditor(ws)
	s.quadrant.onSelect, s.quadrant.onOpen, s.quadrant.onError = s.picked, onOpen, report
	s.pareto = newParetoPane(ws, win)
	s.pareto.onPick = s.picked
	s.quadPane = newQuadrantPane(ws, s.quadrant, func() time.Time { return s.today() })
	if openAt == nil {
		openAt = func(string, Section) {}
	}
	s.health = newHealthPane(ws, win, time.Now, openAt)
	s.search = NewEntry()
	s.search.SetPlaceHolder("Filter by name, owner, industry, region…")
	s.search.OnChanged = s.typedFilter
	s.owner = widget.NewSelect(nil, func(v string) { s.list.query.owner = filterValue(v); s.filterChanged() })
	s.industry = widget.NewSelect(nil, func(v string) { s.list.query.industry = filterValue(v); s.filterChanged() })
	s.priority = widget.NewSelect(priorityFilterOptions(), func(v string) { s.list.query.priority, s.list.query.unassessed = priorityFilter(v); s.filterChanged() })
	s.priority.Selected = allFilter
	s.count = widget.NewLabel("")
	add := widget.NewButtonWithIcon("Add account", theme.ContentAddIcon(), s.addAccount)
	add.Importance = widget.HighImportance
	del := widget.NewButtonWithIcon("Delete", theme.DeleteIcon(), s.deleteSelected)
	// The order is chosen here too, for the keyboard: the column headers
	// are reached only with the mouse.
	sortBy := widget.NewSelect(sortChoices(), nil)
	sortBy.Selected = s.list.sortChoice()
	sortBy.OnChanged = func(v string) {
		for i, c := range sortChoices() {
			if c == v && v != s.list.sortChoice() {
				s.list.sorted(i/2, i%2 == 1)
			}
		}
	}
	s.list.onSort = func() {
		if sortBy.Selected != s.list.sortChoice() {
			sortBy.Selected = s.list.sortChoice()
			sortBy.Refresh()
		}
	}
	s.sortBy = sortBy
	filters := container.NewHBox(widget.NewLabel("Owner"), s.owner, widget.NewLabel("Industry"), s.industry,
		widget.NewLabel("Priority"), s.priority, s.count)
	// The filter row scrolls sideways rather than widen the window on small screens.
	bar := container.NewVBox(container.NewBorder(nil, nil, container.NewHBox(add, del), container.NewHBox(widget.NewLabel("Sort"), sortBy), s.search),
		container.NewHScroll(filters))
	s.tabs = container.NewAppTabs(
		container.NewTabItem("List", container.NewBorder(bar, nil, nil, nil, s.list.table)),
		container.NewTabItem("Quadrant", s.quadPane.root),
		container.NewTabItem("Pareto", s.pareto.root),
		container.NewTabItem("Health and flags", s.health.root),
	)
	s.tabs.OnSelected = func(t *container.TabItem) {
		s.pareto.show(t.Text == "Pareto")
		s.health.show(t.Text == "Health and flags")
	}
	s.workshopView = newPortfolioWorkshop(func() { s.showPortfolio(true) }, func() { s.showPortfolio(false) },
		func(named bool) {
			if s.workshop {
				s.applyWorkshopCover(true)
			}
		})
	lead := container.NewBorder(s.workshopView.bar, nil, nil, nil, container.NewStack(s.tabs, s.workshopView.cover))
	s.split = container.NewHSplit(lead, s.form.root)
	s.split.Offset = portfolioSplit
	s.root = s.split
	s.reload()
	if len(s.list.rows) > 0 {
		s.selectAccount(s.list.rows[0].acc.ID)
	}
	return s
}

// picked is a selection made in the list or the quadrant.
func (s *portfolioScreen) picked(id string) {
	s.form.commit()
	s.list.selectAccount(id)
	s.selectInQuadrant(id)
	s.form.show(id)
	if s.onSelect != nil {
		s.onSelect(id)
	}
}

func filterValue(v string) string {
	if v == allFilter {
		return ""
	}
	return v
}

// reload refreshes filter choices and rows from the portfolio.
func (s *portfolioScreen) reload() {
	p := s.ws.Portfolio()
	s.owner.Options = append([]string{allFilter}, distinct(p, func(a *model.Account) string { return a.Owner })...)
	s.industry.Options = append([]string{allFilter}, distinct(p, func(a *model.Account) string { return a.Industry })...)
	if s.owner.Selected == "" {
		s.owner.Selected = allFilter
	}
	if s.industry.Selected == "" {
		s.industry.Selected = allFilter
	}
	s.owner.Refresh()
	s.industry.Refresh()
	s.refreshList()
}

// filterChanged shows the rows a changed filter lets through from the
// top, or at the selected account when it is among them: never a scroll
// position left from a longer list, over an empty table. A large
// portfolio is filtered off the UI thread, from a snapshot of its
// accounts and scores, and shown in one refresh; a newer keystroke
// cancels a run still going.
func (s *portfolioScreen) filterChanged() {
	p := s.ws.Portfolio()
	if p.Count(model.KindAccount) < filterPauseFrom {
		s.refreshList()
		s.showFiltered()
		return
	}
	s.stopFilter()
	snap := s.list.snapshot(p)
	ctx, cancel := context.WithCancel(context.Background())
	s.cancelFilter = cancel
	s.offThread(func() func() {
		rows := snap.rows(ctx)
		return func() {
			if ctx.Err() != nil {
				return // a newer filter or a reload has its own turn
			}
			cancel()
			s.cancelFilter = nil
			s.list.setRows(rows, p)
			s.updateCount()
			s.showFiltered()
		}
	})
}

// stopFilter cancels a filtering still under way.
func (s *portfolioScreen) stopFilter() {
	if s.cancelFilter != nil {
		s.cancelFilter()
		s.cancelFilter = nil
	}
}

// showFiltered scrolls a filtered list to the selected account, or to its
// top.
func (s *portfolioScreen) showFiltered() {
	if s.list.rowOf(s.list.selected) >= 0 {
		s.list.reveal()
	} else {
		s.list.table.ScrollToTop()
	}
}

func (s *portfolioScreen) refreshList() {
	s.stopFilter() // the rows shown now are newer than any it would bring
	p := s.ws.Portfolio()
	s.list.show(p)
	s.updateCount()
	if s.priority.Selected == "" {
		s.priority.Selected = allFilter
		s.priority.Refresh()
	}
}

// selectAccount selects an account everywhere and shows it in the form.
func (s *portfolioScreen) selectAccount(id string) {
	s.list.selectAccount(id)
	s.selectInQuadrant(id)
	s.form.show(id)
	if s.workshop && !s.workshopView.showing {
		s.applyWorkshopCover(true) // the cover names the account
	}
}

// selectInQuadrant rings the selected bubble; in front of a customer the
// selected account is the one named, so the labels are drawn again.
func (s *portfolioScreen) selectInQuadrant(id string) {
	s.quadrant.selected = id
	if s.quadrant.anonymous {
		s.quadrant.Refresh()
	} else if s.quadrant.renderer != nil {
		s.quadrant.renderer.placeSelection()
	}
}

func (s *portfolioScreen) updateCount() {
	text := fmt.Sprintf("%d of %d accounts", len(s.list.rows), s.ws.Portfolio().Count(model.KindAccount))
	if n := s.list.countChecked(); n > 0 {
		text += fmt.Sprintf(", %d ticked", n)
	}
	s.count.SetText(text)
}

func (s *portfolioScreen) addAccount() {
	s.form.commit()
	p := s.ws.Portfolio()
	a := &model.Account{ID: model.NewID(), Name: uniqueName(p, "New account"), Currency: commonCurrency(p),
		Objective: model.ObjectiveGrowth, Owner: s.list.query.owner, Industry: s.list.query.industry}
	if err := s.ws.Save(a); err != nil {
		reportTo(s.report, s.win, err)
		return
	}
	// Chosen as a click would choose it, so the account's own pages open
	// at once.
	s.picked(a.ID)
	s.win.Canvas().Focus(s.form.name)
}

// deleteSelected deletes the ticked accounts, or else the selected one,
// as one undoable step.
func (s *portfolioScreen) deleteSelected() {
	targets := s.list.checkedAccounts()
	if len(targets) == 0 {
		if a := s.ws.Portfolio().Account(s.list.selected); a != nil {
			targets = []*model.Account{a}
		}
	}
	if len(targets) == 0 {
		dialog.ShowInformation("Delete accounts", "Select an account in the list, or tick several, first.", s.win)
		return
	}
	records := make([]model.Entity, len(targets))
	plan := 0
	for i, a := range targets {
		records[i] = a
		plan += len(s.ws.Portfolio().Dependents(a))
	}
	label := "Delete " + model.Describe(targets[0])
	msg := fmt.Sprintf("Delete %s?", targets[0].Name)
	if len(targets) > 1 {
		label = fmt.Sprintf("Delete %d accounts", len(targets))
		msg = fmt.Sprintf("Delete %d accounts (%s, …)?", len(targets), targets[0].Name)
	}
	if plan > 0 {
		msg += fmt.Sprintf("\nTheir plans go with them: %d stakeholders, actions and other records.", plan)
	}
	dialog.ShowConfirm("Delete accounts", msg+"\nYou can undo this with Ctrl+Z.", func(ok bool) {
		if !ok {
			return
		}
		reportTo(s.report, s.win, s.ws.DeleteMany(label, records))
	}, s.win)
}

// onEvent keeps the list and form in step with the workspace.
func (s *portfolioScreen) onEvent(ev workspace.Event) {
	s.list.healthChanged() // health reads nearly everything
	if ev.Touches(model.KindAccount) || ev.Settings {
		s.reload()
		if s.ws.Portfolio().Account(s.list.selected) == nil {
			s.list.selected = ""
		}
	}
	s.quadrant.onEvent(ev)
	s.health.redraw()
	if ev.Touches(model.KindAccount) || ev.Touches(model.KindPositionMark) || ev.Settings {
		s.quadPane.refresh()
		s.pareto.redraw()
	}
	s.form.refresh(ev)
}

func uniqueName(p *model.Portfolio, base string) string {
	taken := map[string]bool{}
	for _, a := range p.Accounts() {
		taken[a.Name] = true
	}
	name := base
	for i := 2; taken[name]; i++ {
		name = fmt.Sprintf("%s %d", base, i)
	}
	return name
}

// commonCurrency is the currency most accounts use, the best default for a new one.
func commonCurrency(p *model.Portfolio) string {
	counts := map[string]int{}
	for _, a := range p.Accounts() {
		counts[a.Currency]++
	}
	best, n := "EUR", 0
	keys := make([]string, 0, len(counts))
	for k := range counts {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		if counts[k] > n {
			best, n = k, counts[k]
		}
	}
	return best
}
