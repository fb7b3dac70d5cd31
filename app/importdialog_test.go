package app

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"orchard/model"
	"orchard/store/sheet"
	"orchard/views"
)

// waitForPlan opens the wizard on a file and waits for its first plan.
func waitForPlan(t *testing.T, d *desktopApp, prev *sheet.Result) *importWizard {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		if w := d.importWizard; w != nil && w.Res != nil && w.Res != prev && w.ImportButton != nil {
			return w
		}
		time.Sleep(10 * time.Millisecond)
	}
	t.Fatal("the import wizard did not show a plan")
	return nil
}

func findSelect(t *testing.T, w *importWizard, sheetIndex int, selected string) *widget.Select {
	t.Helper()
	for _, o := range test.LaidOutObjects(w.SheetTabs[sheetIndex].Content) {
		if s, ok := o.(*widget.Select); ok && s.Selected == selected {
			return s
		}
	}
	t.Fatalf("no select showing %q on sheet %d", selected, sheetIndex)
	return nil
}

// The wizard shows the file as it will be stored, asks about ambiguous
// dates before it lets the user import, takes an edited column mapping,
// and imports in one undoable step.
func TestImportWizard(t *testing.T) {
	d := newTestDesktop(t)
	d.async = func(f func()) { f() }
	acc := d.ws.Portfolio().Accounts()[0]
	path := filepath.Join(t.TempDir(), "actions.csv")
	if err := os.WriteFile(path, []byte("Account,Action,Due,Priority\n"+acc.Name+",Call the CFO,03/04/2026,high\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	before := d.ws.Portfolio().Count(model.KindAction)
	d.previewImport(path, "")
	w := waitForPlan(t, d, nil)
	if !w.ImportButton.Disabled() || !strings.Contains(w.Notice.Text, "03/04/2026") {
		t.Fatalf("ambiguous dates: import enabled=%v, notice %q", !w.ImportButton.Disabled(), w.Notice.Text)
	}
	if rows := w.Preview[0]; len(rows) != 2 || rows[1][1] != "new" {
		t.Fatalf("preview %v", rows)
	}
	first := w.Res
	findSelect(t, w, 0, "Dates: decide from the data").SetSelected("Dates: month first (12/31/2026)")
	w = waitForPlan(t, d, first)
	second := w.Res
	findSelect(t, w, 0, views.LeaveOut).SetSelected("→ notes") // Priority goes to the notes
	w = waitForPlan(t, d, second)
	if w.ImportButton.Disabled() {
		t.Fatalf("import still disabled: %q", w.Notice.Text)
	}
	if !strings.Contains(strings.Join(w.Preview[0][1], "|"), "Priority: high") {
		t.Errorf("preview does not show the priority in the notes: %v", w.Preview[0])
	}
	test.Tap(w.ImportButton)
	if got := d.ws.Portfolio().Count(model.KindAction); got != before+1 {
		t.Fatalf("%d actions after import, want %d", got, before+1)
	}
	var x *model.Action
	for _, e := range d.ws.Portfolio().All(model.KindAction) {
		if a := e.(*model.Action); a.Title == "Call the CFO" {
			x = a
		}
	}
	if x == nil || x.Due.Format("2006-01-02") != "2026-03-04" || x.Notes != "Priority: high" {
		t.Fatalf("imported action %+v", x)
	}
	matches, _ := filepath.Glob(strings.TrimSuffix(d.ws.Path(), ".orchard") + ".before-import-*.orchard")
	if len(matches) == 0 {
		t.Error("no copy of the workspace was taken before importing")
	}
	d.undo()
	if got := d.ws.Portfolio().Count(model.KindAction); got != before {
		t.Errorf("undo left %d actions, want %d", got, before)
	}
	// The next file with these headers opens with the same mapping.
	d.previewImport(path, "")
	deadline := time.Now().Add(10 * time.Second)
	for (d.importWizard == nil || d.importWizard == w || d.importWizard.Res == nil) && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	w2 := d.importWizard
	if w2 == nil || w2 == w || w2.Sheets[0].Fields[3] != sheet.FToNotes || w2.Sheets[0].Dates != sheet.DatesMDY {
		t.Fatalf("the remembered mapping was not used")
	}
	if !strings.Contains(w2.Notice.Text, "as you mapped the last file") {
		t.Errorf("notice %q should say the mapping was reused", w2.Notice.Text)
	}
	count := d.ws.Portfolio().Count(model.KindAction)
	d.typedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if d.importWizard != nil || d.ws.Portfolio().Count(model.KindAction) != count {
		t.Error("Esc did not cancel the import wizard without changing anything")
	}
}

// Quitting while an import is being saved waits for it: the import lands
// and then the window closes.
func TestQuitWaitsForImportSave(t *testing.T) {
	d := newTestDesktop(t)
	d.async = func(f func()) { f() }
	acc := d.ws.Portfolio().Accounts()[0]
	path := filepath.Join(t.TempDir(), "people.csv")
	if err := os.WriteFile(path, []byte("Account,Name,Title\n"+acc.Name+",Saved Before Quit,CFO\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	d.previewImport(path, "")
	w := waitForPlan(t, d, nil)
	var save func()
	d.async = func(f func()) { save = f }
	test.Tap(w.ImportButton)
	if save == nil {
		t.Fatal("the import was not saved in the background")
	}
	db := d.ws.Path()
	d.quit()
	if d.ws == nil {
		t.Fatal("quit closed the workspace while the import was being saved")
	}
	save()
	if d.ws != nil {
		t.Error("the window did not quit once the import was saved")
	}
	ws, err := openForTest(db)
	if err != nil {
		t.Fatal(err)
	}
	defer ws.Close()
	found := false
	for _, e := range ws.Portfolio().All(model.KindStakeholder) {
		found = found || e.(*model.Stakeholder).Name == "Saved Before Quit"
	}
	if !found {
		t.Error("the import is not in the workspace file after quitting")
	}
}

// Rows that name no account go, by default, to a new account named after
// the file, not to whatever account is selected; the picker narrows as
// the user types, and choosing an account plans again.
func TestImportWizardAccountPicker(t *testing.T) {
	d := newTestDesktop(t)
	d.async = func(f func()) { f() }
	acc := d.ws.Portfolio().Accounts()[3]
	d.shell.SelectAccount(acc.ID)
	path := filepath.Join(t.TempDir(), "board members.csv")
	if err := os.WriteFile(path, []byte("Name,Title\nMaria Chen,CFO\nKen Ito,CEO\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	d.previewImport(path, "")
	w := waitForPlan(t, d, nil)
	picker := w.Into
	if picker.Text != "A new account: Board members" || w.AccountID != "" {
		t.Fatalf("picker shows %q (account %q); want the new account named after the file", picker.Text, w.AccountID)
	}
	if !strings.Contains(strings.Join(w.Res.Notes, " "), `"Board members"`) {
		t.Errorf("the plan does not say where the rows go: %q", w.Res.Notes)
	}
	first := w.Res
	picker.SetText(acc.Name)
	w = waitForPlan(t, d, first)
	if w.AccountID != acc.ID {
		t.Errorf("choosing %s left the account as %q", acc.Name, w.AccountID)
	}
}

// A sheet whose headers Orchard does not find is no dead end: the user
// says which row holds them, then what the sheet holds.
func TestImportWizardChooseHeaderRow(t *testing.T) {
	d := newTestDesktop(t)
	d.async = func(f func()) { f() }
	path := filepath.Join(t.TempDir(), "list.csv")
	if err := os.WriteFile(path, []byte("Kundschaft,Notiz\nAcme,gut\nBeta,neu\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	d.previewImportAll([]string{path}, "")
	deadline := time.Now().Add(10 * time.Second)
	for d.importWizard == nil && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	w := d.importWizard
	if w == nil || w.Sheets[0].HeaderRow != 0 {
		t.Fatalf("expected a sheet without a header row found")
	}
	var pick *widget.Select
	for _, o := range test.LaidOutObjects(w.SheetTabs[0].Content) {
		if s, ok := o.(*widget.Select); ok && s.PlaceHolder == "Choose the row" {
			pick = s
		}
	}
	if pick == nil {
		t.Fatal("no choice of the header row")
	}
	pick.SetSelected("Row 1")
	if m := w.Sheets[0]; m.HeaderRow != 1 || len(m.Headers) != 2 || m.Headers[0] != "Kundschaft" {
		t.Fatalf("after choosing row 1 the sheet reads %+v", m)
	}
	findSelect(t, w, 0, string(sheet.KindUnknown)).SetSelected(string(sheet.KindAccounts))
	if w.Sheets[0].Kind != sheet.KindAccounts {
		t.Errorf("the sheet's kind is %s after choosing accounts", w.Sheets[0].Kind)
	}
}

// The wizard asks once in which currency amounts without one are: the
// plan follows the answer.
func TestImportWizardAsksTheCurrency(t *testing.T) {
	d := newTestDesktop(t)
	d.async = func(f func()) { f() }
	path := filepath.Join(t.TempDir(), "accounts.csv")
	if err := os.WriteFile(path, []byte("Account,Industry,Revenue\nZeta Works,Retail,1000\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	d.previewImport(path, "")
	w := waitForPlan(t, d, nil)
	first := w.Res
	w.CurrencyEntry.SetText("GBP")
	w = waitForPlan(t, d, first)
	for _, e := range w.Res.Records {
		if a, ok := e.(*model.Account); ok && a.Name == "Zeta Works" && a.Currency != "GBP" {
			t.Errorf("Zeta Works planned in %s after choosing GBP", a.Currency)
		}
	}
}
