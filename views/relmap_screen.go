package views

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"orchard/app/workspace"
	"orchard/model"
)

// mapScreen is the relationship map with its toolbar and the coverage-gap panel.
type mapScreen struct {
	ws     *workspace.Workspace
	win    fyne.Window
	m      *relMap
	gaps   *fyne.Container
	safe   *widget.Check
	export func(m *relMap)
	root   fyne.CanvasObject
	// What workshop mode folds away: the gap panel and the legend (which
	// are ours, not the customer's) and the view switches.
	cov         *widget.Check
	split       *container.Split
	sidePanel   fyne.CanvasObject
	legendLabel *widget.Label
}

// setWorkshop folds away, in front of the customer, what does not fit a
// projector or is ours alone, and brings it back afterwards.
func (s *mapScreen) setWorkshop(on bool) {
	foldAway(on, s.sidePanel, s.legendLabel, s.cov, s.safe)
	foldSplit(s.split, on, mapSplit)
}

func newMapScreen(ws *workspace.Workspace, win fyne.Window, accountID string, report func(error)) *mapScreen {
	s := &mapScreen{ws: ws, win: win}
	m := newRelMap(ws, accountID)
	s.m = m
	m.onError = report
	m.onEdit = func(st *model.Stakeholder) { showStakeholderEditor(ws, win, st) }
	m.onAdd = func(at model.Point) { s.addAt(at) }
	add := widget.NewButtonWithIcon("Add stakeholder", theme.ContentAddIcon(), func() {
		_, y0, x1, _ := m.scene.Bounds()
		s.addAt(model.Point{X: x1 + model.LayoutGapX, Y: y0 + model.LayoutCardHeight + 140})
	})
	relayout := widget.NewButtonWithIcon("Re-layout", theme.ViewRefreshIcon(), func() { s.relayout() })
	fit := widget.NewButtonWithIcon("Fit", theme.ZoomFitIcon(), m.fit)
	zoomIn := widget.NewButtonWithIcon("", theme.ZoomInIcon(), func() { m.TypedRune('+') })
	zoomOut := widget.NewButtonWithIcon("", theme.ZoomOutIcon(), func() { m.TypedRune('-') })
	cov := widget.NewCheck("Coverage lines", func(on bool) { m.showCoverage = on; m.Refresh() })
	cov.Checked = true
	s.safe = widget.NewCheck("Customer-safe", func(on bool) {
		m.customerSafe, m.selLine = on, -1
		m.reload() // the customer's scene: fewer cards and lines
		m.Refresh()
		s.fillGaps()
	})
	exportBtn := widget.NewButtonWithIcon("Export PNG…", theme.DocumentSaveIcon(), func() {
		if s.export != nil {
			s.export(m)
		}
	})
	bar := container.NewHBox(add, relayout, fit, zoomOut, zoomIn, cov, s.safe, exportBtn)
	legend := widget.NewLabel("Lines: solid reports to · dashed dotted line · blue arrow influences · red dashes conflict · green our coverage. " +
		"Drag a card's right handle onto another to connect; Shift+drag selects; arrow keys go from person to person; Ctrl+wheel zooms.")
	legend.Wrapping = fyne.TextWrapWord
	legend.Importance = widget.LowImportance
	s.gaps = container.NewVBox()
	side := container.NewBorder(widget.NewLabelWithStyle("Coverage gaps", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), nil, nil, nil,
		container.NewVScroll(s.gaps))
	split := container.NewHSplit(container.NewBorder(nil, legend, nil, nil, m), side)
	split.Offset = mapSplit
	s.split, s.sidePanel, s.legendLabel, s.cov = split, side, legend, cov
	s.root = container.NewBorder(container.NewHScroll(bar), nil, nil, nil, split)
	s.fillGaps()
	return s
}

// addAt creates a stakeholder at a map point and opens its editor.
func (s *mapScreen) addAt(at model.Point) {
	st := &model.Stakeholder{ID: model.NewID(), AccountID: s.m.accountID, Name: "New stakeholder", Placed: true, MapX: at.X, MapY: at.Y}
	if err := s.ws.Save(st); err != nil {
		s.m.fail(err)
		return
	}
	s.m.selected = map[string]bool{st.ID: true}
	showStakeholderEditor(s.ws, s.win, st)
}

// relayout places everyone as an org chart, as one undoable step.
func (s *mapScreen) relayout() {
	if err := s.ws.RelayoutMap(s.m.accountID); err != nil {
		s.m.fail(err)
		return
	}
	s.m.fit()
}

// fillGaps lists the coverage gaps, each with a button that adds an action.
func (s *mapScreen) fillGaps() {
	s.gaps.Objects = nil
	if s.m.customerSafe {
		s.gaps.Add(para("Hidden in the customer-safe view."))
		s.gaps.Refresh()
		return
	}
	gaps := s.ws.Portfolio().CoverageGaps(s.m.accountID)
	if len(gaps) == 0 {
		s.gaps.Add(para("No gaps: every key person has a strong relationship and the plan rests on several."))
	}
	// A gap whose action is already on the board offers to open it, not to
	// add it again.
	existing := map[string]*model.Action{}
	for _, a := range s.ws.Portfolio().Actions(s.m.accountID) {
		if a.Status != model.StatusDone && a.Status != model.StatusNotImplemented {
			existing[a.Title] = a
		}
	}
	for _, g := range gaps {
		g := g
		text := para("⚠ " + g.Text)
		btn := widget.NewButtonWithIcon("Create action", theme.ContentAddIcon(), func() { s.createAction(g) })
		if a := existing[g.Action]; a != nil {
			btn = widget.NewButtonWithIcon("Open action", theme.DocumentCreateIcon(), func() { showActionEditor(s.ws, s.win, a) })
		}
		btn.Importance = widget.LowImportance
		s.gaps.Add(container.NewVBox(text, container.NewHBox(btn), widget.NewSeparator()))
	}
	s.gaps.Refresh()
}

// createAction adds the gap's suggested action at the end of Planned.
func (s *mapScreen) createAction(g model.Gap) {
	p := s.ws.Portfolio()
	a := &model.Action{ID: model.NewID(), AccountID: s.m.accountID, Title: g.Action, Status: model.StatusPlanned,
		Horizon: model.HorizonShort, OwnerID: g.MemberID, Description: g.Text, Order: 1}
	if g.StakeholderID != "" {
		a.Stakeholders = []string{g.StakeholderID}
	}
	planned := model.Column(p.Actions(s.m.accountID), model.StatusPlanned, model.LanesNone, "", model.ActionFilter{}, time.Time{})
	if n := len(planned); n > 0 {
		a.Order = planned[n-1].Order + 1
	}
	if err := s.ws.Save(a); err != nil {
		s.m.fail(err)
	}
}

func (s *mapScreen) onEvent(ev workspace.Event) {
	s.m.onEvent(ev)
	for _, k := range []model.Kind{model.KindStakeholder, model.KindCoverage, model.KindTeamAssignment, model.KindAction} {
		if ev.Touches(k) {
			s.fillGaps()
			return
		}
	}
}
