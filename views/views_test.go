package views

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"orchard/app/workspace"
	"orchard/assets/sample"
	"orchard/model"
)

var testToday = time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC)

func sampleWorkspace(t *testing.T) *workspace.Workspace {
	t.Helper()
	settings, records := sample.Build(testToday)
	ws, err := workspace.Create(filepath.Join(t.TempDir(), "v.orchard"), settings, records)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ws.Close() })
	return ws
}

func newTestShell(t *testing.T) (*Shell, *workspace.Workspace, fyne.Window) {
	t.Helper()
	test.NewTempApp(t)
	ws := sampleWorkspace(t)
	w := test.NewTempWindow(t, nil)
	s := NewShell(ws, w)
	s.Today = func() time.Time { return testToday }
	w.SetContent(s.Content())
	w.Resize(fyne.NewSize(1400, 900))
	t.Cleanup(s.Close)
	return s, ws, w
}

// texts returns every piece of text drawn in the window.
func texts(w fyne.Window) string { return textsOf(w.Content()) }

func textsOf(root fyne.CanvasObject) string {
	var b strings.Builder
	for _, o := range test.LaidOutObjects(root) {
		switch v := o.(type) {
		case *widget.Label:
			b.WriteString(v.Text + "\n")
		case *widget.Button:
			b.WriteString(v.Text + "\n")
		case *widget.Card:
			b.WriteString(v.Title + "\n" + v.Subtitle + "\n")
		case *canvas.Text:
			b.WriteString(v.Text + "\n")
		}
	}
	return b.String()
}

func accountByName(ws *workspace.Workspace, name string) *model.Account {
	for _, a := range ws.Portfolio().Accounts() {
		if a.Name == name {
			return a
		}
	}
	return nil
}

// selectRow selects an account as a click on its row would.
func selectRow(t *testing.T, s *Shell, name string) {
	t.Helper()
	for i, r := range s.portfolio.list.rows {
		if r.acc.Name == name {
			s.portfolio.list.table.Select(widget.TableCellID{Row: i, Col: 1})
			return
		}
	}
	t.Fatalf("no row for %s", name)
}

func TestShellNavigation(t *testing.T) {
	s, ws, w := newTestShell(t)
	if s.Section() != SectionPortfolio {
		t.Fatalf("starts on %v, want Portfolio", s.Section())
	}
	if first := s.portfolio.list.rows[0].acc.ID; s.Account() != first {
		t.Error("the first account of the list should be current at start, so the form is never empty")
	}
	if got := len(s.portfolio.list.rows); got != ws.Portfolio().Count(model.KindAccount) {
		t.Errorf("list shows %d accounts, want all %d", got, ws.Portfolio().Count(model.KindAccount))
	}
	name := sample.PlannedAccounts[0]
	selectRow(t, s, name)
	if s.Account() != accountByName(ws, name).ID {
		t.Fatal("clicking a row did not make the account current")
	}
	if !strings.Contains(texts(w), name) {
		t.Error("the selected account's name is not shown")
	}
	tests := []struct {
		sec  Section
		want string
	}{
		{SectionPlan, "Add customer goal"},
		{SectionMap, "Coverage gaps"},
		{SectionBoard, "In progress"},
		{SectionReview, "Year to date"},
		{SectionPortfolio, "Add account"},
	}
	for _, tt := range tests {
		test.Tap(s.navButtons[tt.sec])
		if s.Section() != tt.sec {
			t.Errorf("tapping %s shows section %v", sectionTitles[tt.sec], s.Section())
		}
		if !strings.Contains(texts(w), tt.want) {
			t.Errorf("%s screen does not show %q", sectionTitles[tt.sec], tt.want)
		}
		if s.navButtons[tt.sec].Importance != widget.HighImportance {
			t.Errorf("%s is not highlighted in the navigation", sectionTitles[tt.sec])
		}
	}
}

func TestScreensFollowUndoAcrossSections(t *testing.T) {
	s, ws, w := newTestShell(t)
	name := sample.PlannedAccounts[1]
	selectRow(t, s, name)
	acc := accountByName(ws, name)
	c := model.Clone(acc).(*model.Account)
	c.Name = "Helios Renewables"
	if err := ws.Save(c); err != nil {
		t.Fatal(err)
	}
	test.Tap(s.navButtons[SectionPlan])
	if !strings.Contains(texts(w), "Helios Renewables") {
		t.Fatal("the Plan screen does not show the renamed account")
	}
	s.Undo()
	if body := textsOf(s.body); !strings.Contains(body, name) || strings.Contains(body, "Helios Renewables") {
		t.Error("after undo on the Plan screen, the old name should be back")
	}
	if !strings.Contains(s.status.Text, "Undo") {
		t.Errorf("status line = %q, want it to say what was undone", s.status.Text)
	}
}

func TestDeletingCurrentAccountReturnsToPortfolio(t *testing.T) {
	s, ws, _ := newTestShell(t)
	selectRow(t, s, sample.PlannedAccounts[2])
	test.Tap(s.navButtons[SectionBoard])
	if err := ws.Delete(model.KindAccount, s.Account()); err != nil {
		t.Fatal(err)
	}
	if s.Section() != SectionPortfolio || s.Account() != "" {
		t.Errorf("after deleting the open account: section %v, account %q", s.Section(), s.Account())
	}
	s.Undo()
	if accountByName(ws, sample.PlannedAccounts[2]) == nil {
		t.Error("undo did not bring the account back")
	}
}

func TestEmptyWorkspaceHasNoAccountScreens(t *testing.T) {
	test.NewTempApp(t)
	ws, err := workspace.Create(filepath.Join(t.TempDir(), "empty.orchard"), model.DefaultSettings(), nil)
	if err != nil {
		t.Fatal(err)
	}
	defer ws.Close()
	w := test.NewTempWindow(t, nil)
	s := NewShell(ws, w)
	defer s.Close()
	w.SetContent(s.Content())
	for _, sec := range []Section{SectionPlan, SectionMap, SectionBoard, SectionReview} {
		if !s.navButtons[sec].Disabled() {
			t.Errorf("%s is enabled with no account", sectionTitles[sec])
		}
	}
	s.Show(SectionBoard)
	if s.Section() != SectionPortfolio {
		t.Error("an account screen opened with no account")
	}
	if !strings.Contains(texts(w), "Add account") {
		t.Error("the empty portfolio should offer to add an account")
	}
}

func TestWorkshopModeOnTheShell(t *testing.T) {
	s, _, _ := newTestShell(t)
	selectRow(t, s, sample.PlannedAccounts[0])
	test.Tap(s.navButtons[SectionMap])
	s.SetWorkshop(true)
	s.ShowSampleBanner(func() {}, func() {}, func() {})
	if s.side.Visible() || s.status.Visible() || s.top.Visible() {
		t.Error("workshop mode should hide the navigation, the banners and the status line (it names the file)")
	}
	if !s.relMap.m.customerSafe {
		t.Error("workshop mode should switch the map to its customer-safe view")
	}
	if s.relMap.sidePanel.Visible() || s.relMap.legendLabel.Visible() {
		t.Error("workshop mode should fold away the map's gap panel and legend")
	}
	s.WorkshopStep(1)
	if s.Section() != SectionBoard {
		t.Errorf("PageDown from the map went to %v, want the board", s.Section())
	}
	s.WorkshopStep(1)
	s.WorkshopStep(1)
	if s.Section() != SectionPortfolio || s.portfolio.tabs.SelectedIndex() != 1 {
		t.Errorf("stepping round should reach the quadrant: section %v tab %d", s.Section(), s.portfolio.tabs.SelectedIndex())
	}
	test.Tap(s.navButtons[SectionPlan])
	if !s.plan.safe {
		t.Error("a screen opened during the workshop should start customer-safe")
	}
	selectRow(t, s, sample.PlannedAccounts[1]) // another account's map is built afresh
	test.Tap(s.navButtons[SectionMap])
	if s.relMap.sidePanel.Visible() || !s.relMap.m.customerSafe {
		t.Error("a map opened during the workshop should start folded and customer-safe")
	}
	s.SetWorkshop(false)
	if !s.side.Visible() || !s.status.Visible() || !s.top.Visible() || s.plan.safe || s.relMap.m.customerSafe || !s.relMap.sidePanel.Visible() {
		t.Error("leaving workshop mode should bring the navigation and the internal views back")
	}
}

// A new account is the current account at once: its pages open without
// clicking its row again.
func TestAddAccountOpensItsPages(t *testing.T) {
	s, ws, _ := newTestShell(t)
	before := ws.Portfolio().Count(model.KindAccount)
	s.portfolio.addAccount()
	if ws.Portfolio().Count(model.KindAccount) != before+1 {
		t.Fatal("no account was added")
	}
	if a := ws.Portfolio().Account(s.Account()); a == nil || a.Name != "New account" {
		t.Fatalf("the current account is %q, want the new one", s.Account())
	}
	if s.navButtons[SectionPlan].Disabled() || s.navButtons[SectionMap].Disabled() {
		t.Error("the new account's pages are disabled")
	}
}

// Every screen reads the shell's clock: moving it moves the list's health,
// the health pane's flags and the label of recorded positions with it.
func TestScreensShareTheShellsClock(t *testing.T) {
	s, _, _ := newTestShell(t)
	later := testToday.AddDate(2, 0, 0)
	s.Today = func() time.Time { return later }
	if !s.portfolio.list.today().Equal(later) || !s.portfolio.health.today().Equal(later) || !s.portfolio.today().Equal(later) {
		t.Error("a Portfolio screen keeps its own clock")
	}
}
