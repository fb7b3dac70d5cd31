package views

import (
	"bytes"
	"image/png"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"orchard/app/workspace"
	"orchard/model"
	"orchard/views/chart"
)

func newTestPlan(t *testing.T) (*planScreen, *workspace.Workspace, fyne.Window) {
	t.Helper()
	var s *planScreen
	ws, w := mountAccountScreen(t, func(ws *workspace.Workspace, w fyne.Window, id string) (fyne.CanvasObject, workspace.Listener) {
		s = newPlanScreen(ws, w, id, func() time.Time { return testToday }, nil)
		return s.root, s.onEvent
	})
	return s, ws, w
}

// cellButton finds the whitespace cell of a unit and offering.
func cellButton(t *testing.T, s *planScreen, unit, offering string) *wsCell {
	t.Helper()
	for _, o := range test.LaidOutObjects(s.space) {
		if c, ok := o.(*wsCell); ok && c.unit == unit && c.offering == offering {
			return c
		}
	}
	t.Fatalf("no cell %s × %s", unit, offering)
	return nil
}

func TestWhitespaceCellsCycle(t *testing.T) {
	s, ws, _ := newTestPlan(t)
	s.addUnit("Logistics")
	c := cellButton(t, s, "Logistics", "Analytics")
	if !strings.Contains(c.Text, "Unknown") {
		t.Fatalf("a new unit's cell reads %q", c.Text)
	}
	gaps := ws.Portfolio().WhitespaceGrid(s.accountID).Gaps
	test.Tap(c)
	c = cellButton(t, s, "Logistics", "Analytics")
	if !strings.Contains(c.Text, "Sold") {
		t.Errorf("one click should make it sold, reads %q", c.Text)
	}
	if got := ws.Portfolio().WhitespaceGrid(s.accountID).Gaps; got != gaps-1 {
		t.Errorf("whitespace %d after selling a cell, want %d", got, gaps-1)
	}
	for i := 0; i < 4; i++ {
		test.Tap(cellButton(t, s, "Logistics", "Analytics"))
	}
	if c := cellButton(t, s, "Logistics", "Analytics"); !strings.Contains(c.Text, "Unknown") {
		t.Errorf("five clicks should come round to unknown, reads %q", c.Text)
	}
	for i := 0; i < 5; i++ {
		ws.Undo()
	}
	if c := cellButton(t, s, "Logistics", "Analytics"); !strings.Contains(c.Text, "Unknown") {
		t.Errorf("after undoing the clicks: %q", c.Text)
	}
	ws.Undo() // the unit
	for _, u := range ws.Portfolio().WhitespaceGrid(s.accountID).Units {
		if u == "Logistics" {
			t.Error("undo did not remove the added business unit")
		}
	}
}

func TestRemovedOfferingIsArchivedNotLost(t *testing.T) {
	s, ws, _ := newTestPlan(t)
	set := ws.Portfolio().Settings
	set.Offerings = set.Offerings[1:] // drop "Platform"
	if err := ws.UpdateSettings(set); err != nil {
		t.Fatal(err)
	}
	g := ws.Portfolio().WhitespaceGrid(s.accountID)
	if !g.Archived["Platform"] {
		t.Fatalf("the dropped offering's cells should show as archived: %v", g.Offerings)
	}
	c := cellButton(t, s, "Finance", "Platform")
	if !c.Disabled() {
		t.Error("archived cells should be read-only")
	}
}

func TestOpportunityFromCellMarksItOpen(t *testing.T) {
	s, ws, w := newTestPlan(t)
	n := len(ws.Portfolio().OfAccount(model.KindOpportunity, s.accountID))
	o := &model.Opportunity{ID: model.NewID(), AccountID: s.accountID, Name: "Analytics for IT", Offering: "Analytics",
		BusinessUnit: "IT", Currency: "EUR", Value: 90_000_00, Probability: 30, Created: testToday}
	if err := s.saveOpportunity(o); err != nil {
		t.Fatal(err)
	}
	if got := len(ws.Portfolio().OfAccount(model.KindOpportunity, s.accountID)); got != n+1 {
		t.Fatalf("%d opportunities, want %d", got, n+1)
	}
	cell := ws.Portfolio().WhitespaceGrid(s.accountID).Cells[[2]string{"IT", "Analytics"}]
	if cell.State != model.CellOpen {
		t.Errorf("the cell is %s, want open", cell.State)
	}
	ws.Undo()
	cell = ws.Portfolio().WhitespaceGrid(s.accountID).Cells[[2]string{"IT", "Analytics"}]
	if cell.State == model.CellOpen || len(ws.Portfolio().OfAccount(model.KindOpportunity, s.accountID)) != n {
		t.Error("one undo should remove the opportunity and restore the cell")
	}
	// Bad input keeps the dialog and says what is wrong.
	s.opportunityFromCell("IT", "Analytics")
	prob := findEntryWithText(t, w, "20")
	prob.SetText("140")
	save := findButtonIn(t, w.Canvas().Overlays().Top(), "Save")
	test.Tap(save)
	if w.Canvas().Overlays().Top() == nil {
		t.Fatal("the dialog closed on a probability of 140%")
	}
	if !strings.Contains(labelsIn(w.Canvas().Overlays().Top()), "Probability must be between 0 and 100") {
		t.Errorf("dialog says %q", labelsIn(w.Canvas().Overlays().Top()))
	}
}

func TestGoalsReorderAndProgress(t *testing.T) {
	s, ws, _ := newTestPlan(t)
	goals := ws.Portfolio().Goals(s.accountID)
	first, last := goals[0].ID, goals[len(goals)-1].ID
	s.moveGoal(goals, len(goals)-1, 0)
	now := ws.Portfolio().Goals(s.accountID)
	if now[0].ID != last || now[1].ID != first {
		t.Errorf("after moving the last goal to the top: %s, %s", now[0].Title, now[1].Title)
	}
	if label, _ := ws.CanUndo(); !strings.HasPrefix(label, "Move goal") {
		t.Errorf("undo label %q", label)
	}
	ws.Undo()
	if ws.Portfolio().Goals(s.accountID)[0].ID != first {
		t.Error("undo did not restore the order")
	}
	if !strings.Contains(textsOf(s.goals), "linked actions done") {
		t.Error("goals do not show their actions' progress")
	}
}

func TestCustomerSafeHidesInternalPlanItems(t *testing.T) {
	s, ws, _ := newTestPlan(t)
	var internal *model.Initiative
	for _, e := range ws.Portfolio().OfAccount(model.KindInitiative, s.accountID) {
		if in := e.(*model.Initiative); in.Internal {
			internal = in
		}
	}
	if internal == nil {
		t.Fatal("the sample has an internal initiative")
	}
	if !strings.Contains(textsOf(s.goals), internal.Title) {
		t.Fatal("the internal view should show the internal initiative")
	}
	s.setSafe(true)
	if strings.Contains(textsOf(s.goals), internal.Title) {
		t.Error("the customer-safe view shows an internal initiative")
	}
	if strings.Contains(textsOf(s.team), "VP Sales") || strings.Contains(textsOf(s.team), "Camille Roux") {
		t.Error("the customer-safe view shows an internal team role")
	}
	// Nor our deals, their values and win chances, nor what a sold cell
	// earns us or whom we name as a competitor.
	if opps := textsOf(s.opps); strings.Contains(opps, "%") || strings.Contains(opps, "Pipeline") {
		t.Errorf("the customer-safe view shows opportunities: %q", opps)
	}
	for _, e := range ws.Portfolio().OfAccount(model.KindWhitespace, s.accountID) {
		c := e.(*model.WhitespaceCell)
		space := textsOf(s.space)
		if c.Competitor != "" && strings.Contains(space, c.Competitor) {
			t.Errorf("the customer-safe whitespace names the competitor %q", c.Competitor)
		}
		if c.Revenue > 0 && strings.Contains(space, c.Revenue.Short()) {
			t.Errorf("the customer-safe whitespace shows what a sold cell earns (%s)", c.Revenue.Short())
		}
	}
	s.setSafe(false)
	if !strings.Contains(textsOf(s.opps), "Pipeline") {
		t.Error("leaving the customer-safe view did not bring the opportunities back")
	}
}

func TestWhitespaceImage(t *testing.T) {
	_, ws, _ := newTestPlan(t)
	acc := accountByName(ws, "Northwind Logistics")
	img, err := chart.WhitespacePNG(ws.Portfolio(), acc.ID, false, 2)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := png.Decode(bytes.NewReader(img)); err != nil {
		t.Fatal(err)
	}
	if _, err := chart.WhitespacePNG(ws.Portfolio(), accountByName(ws, "Halden Paper").ID, false, 2); err == nil ||
		!strings.Contains(err.Error(), "Halden Paper") {
		t.Errorf("an account without business units: %v", err)
	}
}

func TestWhitespaceMarkup(t *testing.T) {
	test.NewTempApp(t)
	ws := boardWorkspace(t)
	set := ws.Portfolio().Settings
	set.Offerings = []string{"Platform", "Services"}
	ws.UpdateSettings(set)
	for _, c := range []*model.WhitespaceCell{
		{ID: "w1", AccountID: "acc", BusinessUnit: "Finance", Offering: "Platform", State: model.CellSold, Revenue: 120_000_00},
		{ID: "w2", AccountID: "acc", BusinessUnit: "Finance", Offering: "Services", State: model.CellCompetitor, Competitor: "Rival"},
	} {
		if err := ws.Save(c); err != nil {
			t.Fatal(err)
		}
	}
	w := test.NewTempWindow(t, nil)
	s := newPlanScreen(ws, w, "acc", func() time.Time { return testToday }, nil)
	s.space.Resize(fyne.NewSize(900, 300))
	test.AssertObjectRendersToMarkup(t, "plan/whitespace.xml", s.space)
}

func findEntryWithText(t *testing.T, w fyne.Window, text string) *widget.Entry {
	t.Helper()
	for _, o := range test.LaidOutObjects(w.Canvas().Overlays().Top()) {
		if e, ok := o.(*widget.Entry); ok && e.Text == text {
			return e
		}
		if e, ok := o.(*Entry); ok && e.Text == text {
			return &e.Entry
		}
	}
	t.Fatalf("no field holding %q", text)
	return nil
}

func findButtonIn(t *testing.T, root fyne.CanvasObject, text string) *widget.Button {
	t.Helper()
	for _, o := range test.LaidOutObjects(root) {
		if b, ok := o.(*widget.Button); ok && b.Text == text {
			return b
		}
	}
	t.Fatalf("no button %q", text)
	return nil
}

func labelsIn(root fyne.CanvasObject) string { return textsOf(root) }
