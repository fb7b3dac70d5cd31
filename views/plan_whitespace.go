package views

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"orchard/model"
	"orchard/views/chart"
)

// cellLook is how a whitespace state reads: a symbol and words (never
// colour alone) and a button importance for its colour.
func cellLook(c *model.WhitespaceCell, safe bool) (string, widget.Importance) {
	state := model.CellUnknown
	if c != nil {
		state = c.State
	}
	switch state {
	// In front of the customer a cell says what the customer knows: what
	// they buy from us, not what it earns us nor whom we see as a rival.
	case model.CellSold:
		text := "✓ Sold"
		if c.Revenue > 0 && !safe {
			text += " · " + c.Revenue.Short()
		}
		return text, widget.SuccessImportance
	case model.CellOpen:
		return "◎ Open opportunity", widget.HighImportance
	case model.CellCompetitor:
		if c.Competitor != "" && !safe {
			return "✗ " + c.Competitor, widget.DangerImportance
		}
		return "✗ Competitor", widget.DangerImportance
	case model.CellNotRelevant:
		return "– Not relevant", widget.LowImportance
	}
	return "? Unknown", widget.MediumImportance
}

// wsCell is one whitespace cell: click or Space cycles its state, the
// secondary click offers the rest.
type wsCell struct {
	widget.Button
	s        *planScreen
	unit     string
	offering string
}

func newWSCell(s *planScreen, unit, offering string, c *model.WhitespaceCell, archived bool) *wsCell {
	w := &wsCell{s: s, unit: unit, offering: offering}
	w.ExtendBaseWidget(w)
	text, imp := cellLook(c, s.safe)
	if c != nil && c.Note != "" { // the customer's view has no internal notes
		text += " ✎"
	}
	w.Text, w.Importance = text, imp
	w.OnTapped = func() { w.cycle() }
	if archived {
		w.Disable()
	}
	return w
}

func (w *wsCell) current() *model.WhitespaceCell {
	g := w.s.ws.Portfolio().WhitespaceGrid(w.s.accountID)
	return g.Cells[[2]string{w.unit, w.offering}]
}

// set saves a new version of the cell (creating it on first use).
func (w *wsCell) set(change func(c *model.WhitespaceCell)) error {
	cur := w.current()
	var c *model.WhitespaceCell
	if cur == nil {
		c = &model.WhitespaceCell{ID: model.NewID(), AccountID: w.s.accountID, BusinessUnit: w.unit, Offering: w.offering, State: model.CellUnknown}
	} else {
		c = model.Clone(cur).(*model.WhitespaceCell)
	}
	change(c)
	return w.s.save(c)
}

func (w *wsCell) cycle() {
	w.s.fail(w.set(func(c *model.WhitespaceCell) { c.State = model.NextCellState(c.State) }))
}

// TypedKey: Space cycles the state as a click does; Enter (Return) offers
// what the secondary click does, for someone on the keyboard alone.
func (w *wsCell) TypedKey(ev *fyne.KeyEvent) {
	if (ev.Name == fyne.KeyReturn || ev.Name == fyne.KeyEnter) && !w.Disabled() {
		w.TappedSecondary(&fyne.PointEvent{AbsolutePosition: fyne.CurrentApp().Driver().AbsolutePositionForObject(w).AddXY(0, w.Size().Height)})
		return
	}
	w.Button.TypedKey(ev)
}

func (w *wsCell) TappedSecondary(ev *fyne.PointEvent) {
	var states []*fyne.MenuItem
	for _, st := range model.CellStates {
		st := st
		text, _ := cellLook(&model.WhitespaceCell{State: st}, false)
		states = append(states, fyne.NewMenuItem(text, func() { w.s.fail(w.set(func(c *model.WhitespaceCell) { c.State = st })) }))
	}
	menu := fyne.NewMenu("", append(states, fyne.NewMenuItemSeparator(),
		fyne.NewMenuItem("Details (revenue, competitor, note)…", func() { w.s.editCell(w) }),
		fyne.NewMenuItem("Create opportunity here…", func() { w.s.opportunityFromCell(w.unit, w.offering) }),
	)...)
	if c := fyne.CurrentApp().Driver().CanvasForObject(w); c != nil {
		widget.ShowPopUpMenuAtPosition(menu, c, ev.AbsolutePosition)
	}
}

// buildWhitespace draws the business unit × offering grid with totals.
func (s *planScreen) buildWhitespace() {
	g := s.shown().WhitespaceGrid(s.accountID)
	a := s.account()
	grid := container.NewGridWithColumns(len(g.Offerings) + 2)
	grid.Add(widget.NewLabelWithStyle("Business unit", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
	for _, o := range g.Offerings {
		title := o
		if g.Archived[o] {
			title += " (archived)"
		}
		grid.Add(widget.NewLabelWithStyle(title, fyne.TextAlignCenter, fyne.TextStyle{Bold: true}))
	}
	// What each unit and offering earns us is ours; the customer sees
	// where the whitespace is.
	sums := func(sold model.Money, gaps int) string {
		if s.safe {
			return fmt.Sprint(gaps)
		}
		return fmt.Sprintf("%s · %d", sold.Short(), gaps)
	}
	sumsTitle := "Sold · whitespace"
	if s.safe {
		sumsTitle = "Whitespace"
	}
	grid.Add(widget.NewLabelWithStyle(sumsTitle, fyne.TextAlignCenter, fyne.TextStyle{Bold: true}))
	for _, u := range g.Units {
		u := u
		remove := widget.NewButtonWithIcon("", theme.DeleteIcon(), func() { s.removeUnit(u) })
		remove.Importance = widget.LowImportance
		grid.Add(container.NewBorder(nil, nil, nil, remove, widget.NewLabel(u)))
		for _, o := range g.Offerings {
			grid.Add(newWSCell(s, u, o, g.Cells[[2]string{u, o}], g.Archived[o]))
		}
		grid.Add(widget.NewLabelWithStyle(sums(g.SoldByUnit[u], g.GapsByUnit[u]), fyne.TextAlignCenter, fyne.TextStyle{}))
	}
	grid.Add(widget.NewLabelWithStyle("Total", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
	var sold model.Money
	for _, o := range g.Offerings {
		sold += g.SoldByOffering[o]
		grid.Add(widget.NewLabelWithStyle(sums(g.SoldByOffering[o], g.GapsByOffering[o]), fyne.TextAlignCenter, fyne.TextStyle{}))
	}
	grid.Add(widget.NewLabelWithStyle(sums(sold, g.Gaps), fyne.TextAlignCenter, fyne.TextStyle{Bold: true}))

	unit := widget.NewEntry()
	unit.SetPlaceHolder("New business unit, e.g. Logistics")
	addUnit := func() {
		if name := strings.TrimSpace(unit.Text); name != "" {
			s.addUnit(name)
		}
	}
	unit.OnSubmitted = func(string) { addUnit() }
	add := widget.NewButtonWithIcon("Add business unit", theme.ContentAddIcon(), addUnit)
	export := widget.NewButtonWithIcon("Export image…", theme.DocumentSaveIcon(), func() {
		saveFile(s.win, "Export whitespace map", a.Name+" whitespace.png", func() ([]byte, error) {
			return chart.WhitespacePNG(s.ws.Portfolio(), s.accountID, s.safe, 2)
		}, nil)
	})
	head := para(fmt.Sprintf("Whitespace: %d relevant cells with nothing sold and no competitor in place (open opportunities and unknowns). "+
		"Click a cell to cycle sold → open → competitor → not relevant → unknown; right-click for details or to create an opportunity.", g.Gaps))
	if s.safe {
		head = para(fmt.Sprintf("Where our offerings meet your business units: %d cells still open or to be explored.", g.Gaps))
	}
	bar := container.NewBorder(nil, nil, nil, container.NewHBox(add, export), unit)
	var body fyne.CanvasObject = grid
	if len(g.Units) == 0 {
		body = para("No business units yet: add the customer's divisions or departments to map where our offerings meet them.")
	}
	s.space.Objects = []fyne.CanvasObject{container.NewBorder(container.NewVBox(head, bar), nil, nil, nil, container.NewScroll(body))}
	s.space.Refresh()
}

// addUnit adds a row of unknown cells, one per offering, as one step.
func (s *planScreen) addUnit(name string) {
	s.fail(s.ws.AddBusinessUnit(s.accountID, name))
}

// removeUnit deletes a row of cells as one undoable step.
func (s *planScreen) removeUnit(name string) {
	var recs []model.Entity
	for _, c := range s.ws.Portfolio().WhitespaceGrid(s.accountID).Cells {
		if c.BusinessUnit == name {
			recs = append(recs, c)
		}
	}
	s.fail(s.ws.DeleteMany("Remove business unit "+name, recs))
}

// editCell edits a cell's revenue, competitor and note.
func (s *planScreen) editCell(w *wsCell) {
	cur := w.current()
	if cur == nil {
		cur = &model.WhitespaceCell{State: model.CellUnknown}
	}
	revenue, competitor, note := widget.NewEntry(), widget.NewEntry(), widget.NewMultiLineEntry()
	revenue.SetText(cur.Revenue.String())
	competitor.SetText(cur.Competitor)
	note.SetText(cur.Note)
	internal := widget.NewCheck("Note is internal", nil)
	internal.SetChecked(cur.NoteInternal)
	items := []*widget.FormItem{widget.NewFormItem("Revenue sold", revenue), widget.NewFormItem("Competitor", competitor),
		widget.NewFormItem("Note", note), widget.NewFormItem("", internal)}
	s.formDialog(fmt.Sprintf("%s × %s", w.unit, w.offering), items, func() error {
		v, err := model.ParseMoney(revenue.Text)
		if err != nil {
			return fmt.Errorf("revenue: %w", err)
		}
		return w.set(func(c *model.WhitespaceCell) {
			c.Revenue, c.Competitor, c.Note, c.NoteInternal = v, strings.TrimSpace(competitor.Text), note.Text, internal.Checked
		})
	})
}
