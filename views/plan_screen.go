package views

import (
	"fmt"
	"path/filepath"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"orchard/app/workspace"
	"orchard/model"
)

// planScreen is an account's plan: the customer's goals first, then where
// our offerings meet them, the pipeline and who on our side does what.
type planScreen struct {
	ws        *workspace.Workspace
	win       fyne.Window
	accountID string
	today     func() time.Time
	safe      bool // customer-safe: internal fields are left out
	header    *fyne.Container
	goals     *fyne.Container
	space     *fyne.Container
	opps      *fyne.Container
	team      *fyne.Container
	tabs      *container.AppTabs
	safeCheck *widget.Check
	report    func(error)
	root      fyne.CanvasObject
}

func newPlanScreen(ws *workspace.Workspace, win fyne.Window, accountID string, today func() time.Time, report func(error)) *planScreen {
	s := &planScreen{ws: ws, win: win, accountID: accountID, today: today, report: report,
		header: container.NewStack(), goals: container.NewVBox(), space: container.NewStack(),
		opps: container.NewVBox(), team: container.NewVBox()}
	s.safeCheck = widget.NewCheck("Customer-safe view (hides internal fields)", func(on bool) { s.safe = on; s.rebuild() })
	s.tabs = container.NewAppTabs(
		container.NewTabItem("Goals and initiatives", container.NewVScroll(s.goals)),
		container.NewTabItem("Whitespace", s.space),
		container.NewTabItem("Opportunities", container.NewVScroll(s.opps)),
		container.NewTabItem("Account team", container.NewVScroll(s.team)),
	)
	s.root = container.NewBorder(container.NewVBox(s.header, s.safeCheck), nil, nil, nil, s.tabs)
	s.rebuild()
	return s
}

func (s *planScreen) fail(err error) {
	reportTo(s.report, s.win, err)
}

// rebuild redraws every tab from the workspace.
func (s *planScreen) rebuild() {
	p := s.ws.Portfolio()
	a := p.Account(s.accountID)
	if a == nil {
		return
	}
	s.header.Objects = []fyne.CanvasObject{planSummary(p, a, s.today(), s.safe)}
	s.header.Refresh()
	s.buildGoals()
	s.buildWhitespace()
	s.buildOpportunities()
	s.buildTeam()
}

func (s *planScreen) onEvent(ev workspace.Event) {
	if ev.TouchesAccount(s.accountID) || ev.Settings {
		s.rebuild()
	}
}

// shown is what the plan shows: the whole workspace, or in the
// customer-safe view only what model.CustomerView lets the customer see.
// Edits always start from the stored record, never from this view.
func (s *planScreen) shown() *model.Portfolio {
	if s.safe {
		return s.ws.Portfolio().CustomerView(s.accountID, model.CustomerShare{})
	}
	return s.ws.Portfolio()
}

// SetSafe switches the customer-safe view (workshop mode turns it on).
func (s *planScreen) setSafe(on bool) { s.safeCheck.SetChecked(on) }

// saveFile asks where to save (the system's Save dialog where there is
// one; suggested in the user's home) and writes what produce makes there.
func saveFile(win fyne.Window, title, name string, produce func() ([]byte, error), done func(path string)) {
	SavePath(win, FileAsk{Title: title, Start: filepath.Join(homeDir(), model.FileName(name))}, func(path string) {
		data, err := produce()
		if err == nil {
			err = workspace.WriteExport(path, data)
		}
		if err != nil {
			dialog.ShowError(fmt.Errorf("%s: %w", title, err), win)
			return
		}
		if done != nil {
			done(path)
		}
	})
}

// internalMark labels an internal item in the internal view.
func internalMark(internal bool) string {
	if internal {
		return " 🔒 internal"
	}
	return ""
}

// accountOf returns the plan's account (nil once deleted).
func (s *planScreen) account() *model.Account { return s.ws.Portfolio().Account(s.accountID) }
