package views

import (
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"orchard/app/workspace"
	"orchard/model"
)

var laneLabels = map[model.LaneMode]string{
	model.LanesNone: "No swimlanes", model.LanesOwner: "Lanes by owner",
	model.LanesHorizon: "Lanes by horizon", model.LanesGoal: "Lanes by objective",
}

// boardScreen is the action board under its lanes, filters and search.
type boardScreen struct {
	ws     *workspace.Workspace
	board  *boardView
	member *widget.Select
	owner  *widget.Select
	goal   *widget.Select
	fill   func()
	root   fyne.CanvasObject
	chrome *fyne.Container // search, new action and filters
	// targets, on My actions, is the team member's own targets against
	// what the accounts they own brought.
	targets *widget.Label
}

func newBoardScreen(ws *workspace.Workspace, win fyne.Window, scope boardScope, today func() time.Time, report func(error)) *boardScreen {
	s := &boardScreen{ws: ws}
	b := newBoardView(ws, win, scope, today)
	b.report = report
	s.board = b
	var laneOpts []string
	for _, m := range model.LaneModes {
		laneOpts = append(laneOpts, laneLabels[m])
	}
	lanes := widget.NewSelect(laneOpts, func(v string) {
		for m, l := range laneLabels {
			if l == v {
				b.mode = m
			}
		}
		b.reload()
	})
	lanes.Selected = laneLabels[model.LanesNone]
	members := map[string]string{}
	goals := map[string]string{}
	s.owner = widget.NewSelect(nil, func(v string) { b.filter.OwnerID = members[v]; b.reload() })
	s.goal = widget.NewSelect(nil, func(v string) { b.filter.GoalID = goals[v]; b.reload() })
	s.targets = widget.NewLabel("")
	s.targets.Wrapping = fyne.TextWrapWord
	s.targets.Hide()
	s.member = widget.NewSelect(nil, func(v string) { b.scope.memberID = members[v]; b.reload(); s.showTargets() })
	s.fill = func() {
		p := ws.Portfolio()
		opts := []string{allFilter}
		for _, m := range p.TeamMembers() {
			opts = append(opts, m.Name)
			members[m.Name] = m.ID
		}
		s.owner.Options, s.member.Options = opts, opts[1:]
		gopts := []string{allFilter}
		for _, g := range p.Goals(scope.accountID) {
			gopts = append(gopts, g.Title)
			goals[g.Title] = g.ID
		}
		s.goal.Options = gopts
		if s.owner.Selected == "" {
			s.owner.Selected = allFilter
		}
		if s.goal.Selected == "" {
			s.goal.Selected = allFilter
		}
	}
	s.fill()
	horizon := widget.NewSelect([]string{allFilter, model.HorizonShort.Label(), model.HorizonLong.Label()}, func(v string) {
		b.filter.Horizon = ""
		for _, h := range []model.Horizon{model.HorizonShort, model.HorizonLong} {
			if h.Label() == v {
				b.filter.Horizon = h
			}
		}
		b.reload()
	})
	horizon.Selected = allFilter
	overdue := widget.NewCheck("Overdue", func(on bool) { b.filter.OverdueOnly = on; b.reload() })
	agreed := widget.NewCheck("Agreed", func(on bool) { b.filter.AgreedOnly = on; b.reload() })
	search := NewEntry()
	search.SetPlaceHolder("Search actions…")
	search.OnChanged = func(t string) { b.filter.Text = t; b.reload() }
	var who fyne.CanvasObject = container.NewHBox(widget.NewLabel("Owner"), s.owner)
	var add fyne.CanvasObject = widget.NewButtonWithIcon("New action…", theme.ContentAddIcon(), func() {
		a := &model.Action{ID: model.NewID(), AccountID: scope.accountID, Status: model.StatusPlanned,
			OwnerID: b.filter.OwnerID, GoalID: b.filter.GoalID, Order: 1}
		col := model.Column(b.actions, model.StatusPlanned, model.LanesNone, "", model.ActionFilter{}, today())
		if n := len(col); n > 0 {
			a.Order = col[n-1].Order + 1
		}
		showActionEditor(ws, win, a)
	})
	if scope.accountID == "" {
		who = container.NewHBox(widget.NewLabel("Team member"), s.member)
		add = widget.NewLabel("")
	}
	bar := container.NewHBox(who, widget.NewLabel("Objective"), s.goal, widget.NewLabel("Horizon"), horizon, overdue, agreed, lanes)
	s.chrome = container.NewVBox(container.NewBorder(nil, nil, add, nil, search), container.NewHScroll(bar), s.targets)
	// Columns wider than the window (projector-size text, a small
	// screen) scroll sideways rather than be cut off.
	s.root = container.NewBorder(s.chrome, nil, nil, nil, container.NewHScroll(b))
	return s
}

// setWorkshop folds the search and filters away in front of the customer,
// leaving the columns the page.
func (s *boardScreen) setWorkshop(on bool) {
	foldAway(on, s.chrome)
	if s.board.safe != on {
		s.board.safe = on
		s.board.reload()
	}
}

// showTargets says, on My actions, the chosen team member's latest own
// targets against what the accounts they own brought.
func (s *boardScreen) showTargets() {
	p := s.ws.Portfolio()
	rows := p.MemberTargetRows(s.board.scope.memberID)
	if s.board.scope.accountID != "" || len(rows) == 0 {
		s.targets.Hide()
		return
	}
	s.targets.SetText(memberTargetsText(rows, p.Settings.Rates.Base, 4))
	s.targets.Show()
}

// memberTargetsText is the last few periods of a team member's targets,
// each with what their accounts brought.
func memberTargetsText(rows []model.MemberTargetRow, base string, last int) string {
	var parts []string
	for _, r := range rows[max(0, len(rows)-last):] {
		part := fmt.Sprintf("%s target %s", r.Period, r.Target.Short())
		if r.HasActual {
			part += fmt.Sprintf(", their accounts brought %s", r.Actual.Short())
		}
		if r.LeftOut > 0 {
			part += fmt.Sprintf(" (%d figures without an exchange rate left out)", r.LeftOut)
		}
		parts = append(parts, part)
	}
	text := fmt.Sprintf("Own targets (%s): %s", base, strings.Join(parts, " · "))
	if n := len(rows) - last; n > 0 {
		text += fmt.Sprintf(" · and %d earlier", n)
	}
	return text
}

// chooseMember shows one team member's actions (My actions).
func (s *boardScreen) chooseMember(id string) {
	for _, m := range s.ws.Portfolio().TeamMembers() {
		if m.ID == id {
			s.member.SetSelected(m.Name)
		}
	}
}

func (s *boardScreen) onEvent(ev workspace.Event) {
	if ev.Touches(model.KindFigure) || ev.Touches(model.KindAccount) || ev.Touches(model.KindTeamMember) || ev.Settings {
		s.showTargets()
	}
	if ev.Touches(model.KindTeamMember) || ev.Touches(model.KindGoal) {
		s.fill()
	}
	s.board.onEvent(ev)
}
