package app

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"orchard/model"
)

func newTestDesktop(t *testing.T) *desktopApp {
	t.Helper()
	d := newDesktop(test.NewTempApp(t))
	path := filepath.Join(t.TempDir(), "gui.orchard")
	ws, err := createSample(path)
	if err != nil {
		t.Fatal(err)
	}
	d.setWorkspace(ws)
	t.Cleanup(d.closeWorkspace)
	return d
}

func TestUndoInsideTextFieldEditsText(t *testing.T) {
	d := newTestDesktop(t)
	acc := d.ws.Portfolio().Accounts()[0]
	d.shell.SelectAccount(acc.ID)
	if err := d.ws.MoveAccount(acc.ID, 10, 10); err != nil { // something to undo in the workspace
		t.Fatal(err)
	}
	name := focusedNameEntry(t, d)
	test.Type(d.win.Canvas().Focused(), "XYZ")
	if name.Text != acc.Name+"XYZ" && name.Text != "XYZ"+acc.Name {
		t.Fatalf("typing gave %q", name.Text)
	}
	d.undo()
	if name.Text == acc.Name+"XYZ" || name.Text == "XYZ"+acc.Name {
		t.Error("Ctrl+Z inside the field did not undo the typing")
	}
	if !d.ws.Portfolio().Account(acc.ID).Placed {
		t.Error("Ctrl+Z inside a text field undid a workspace change")
	}
	d.win.Canvas().Unfocus()
	d.undo()
	if d.ws.Portfolio().Account(acc.ID).Placed {
		t.Error("Ctrl+Z outside a text field did not undo the workspace change")
	}
	d.redo()
	if !d.ws.Portfolio().Account(acc.ID).Placed {
		t.Error("redo did not bring the move back")
	}
}

func TestQuitSavesPendingFieldEdit(t *testing.T) {
	d := newTestDesktop(t)
	acc := d.ws.Portfolio().Accounts()[0]
	path := d.ws.Path()
	d.shell.SelectAccount(acc.ID)
	name := focusedNameEntry(t, d)
	name.SetText("Renamed before quitting")
	d.quit()
	ws, err := openForTest(path)
	if err != nil {
		t.Fatal(err)
	}
	defer ws.Close()
	if got := ws.Portfolio().Account(acc.ID).Name; got != "Renamed before quitting" {
		t.Errorf("after quit the name on disk is %q: the edit was lost", got)
	}
}

func TestRecentAndLastWorkspaceRemembered(t *testing.T) {
	d := newTestDesktop(t)
	first := d.ws.Path()
	second := filepath.Join(t.TempDir(), "second.orchard")
	ws, err := createSample(second)
	if err != nil {
		t.Fatal(err)
	}
	ws.Close()
	d.openPath(second)
	if d.ws.Path() != second {
		t.Fatalf("open switched to %s", d.ws.Path())
	}
	if got := d.fa.Preferences().String(prefLast); got != second {
		t.Errorf("last workspace = %q", got)
	}
	recent := d.recentPaths()
	if len(recent) < 2 || recent[0] != second || recent[1] != first {
		t.Errorf("recent = %v, want [%s %s ...]", recent, second, first)
	}
	if len(d.recent.Items) < 2 {
		t.Error("Open recent menu is not filled")
	}
	p, created, err := d.startupPath("")
	if err != nil || created || p != second {
		t.Errorf("next start opens %q (created %v, %v), want the last one", p, created, err)
	}
}

func TestOpeningBadFileKeepsCurrentWorkspace(t *testing.T) {
	d := newTestDesktop(t)
	current := d.ws.Path()
	bad := filepath.Join(t.TempDir(), "plan.xlsx")
	writeFile(t, bad, []byte("PK\x03\x04 not really"))
	if err := d.open(bad); err == nil {
		t.Fatal("an xlsx file was opened as a workspace")
	}
	if d.ws == nil || d.ws.Path() != current {
		t.Error("a failed open closed the current workspace")
	}
	if d.ws.Portfolio().Count(model.KindAccount) == 0 {
		t.Error("the current workspace lost its content")
	}
}

func TestExportPackFromTheWindow(t *testing.T) {
	d := newTestDesktop(t)
	acc := d.ws.Portfolio().Accounts()[0]
	for _, a := range d.ws.Portfolio().Accounts() {
		if a.Name == "Northwind Logistics" {
			acc = a
		}
	}
	d.shell.SelectAccount(acc.ID)
	dir := filepath.Join(t.TempDir(), "pack")
	if err := <-d.buildPack(acc.ID, acc.Name, dir, false); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, "summary.html")); err != nil {
		t.Errorf("the review pack has no summary page: %v", err)
	}
}

func TestWorkshopModeEntersAndLeaves(t *testing.T) {
	d := newTestDesktop(t)
	normal := d.fa.Settings().Theme().Size("text")
	d.toggleWorkshop()
	if !d.workshop || !d.win.FullScreen() {
		t.Fatal("F11 should enter workshop mode full screen")
	}
	if got := d.fa.Settings().Theme().Size("text"); got < 2*normal {
		t.Errorf("projector text %v, want at least twice %v", got, normal)
	}
	d.presenterZoom(1.15)
	if got := d.fa.Settings().Theme().Size("text"); got <= 2*normal {
		t.Error("presenter zoom did not enlarge the text")
	}
	d.typedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if d.workshop || d.win.FullScreen() {
		t.Error("Esc should leave workshop mode")
	}
}

// The sample portfolio says so above every screen, with the ways out of
// it.
func TestSampleBanner(t *testing.T) {
	d := newTestDesktop(t)
	var labels []string
	for _, o := range test.LaidOutObjects(d.win.Content()) {
		if b, ok := o.(*widget.Button); ok && b.Visible() {
			labels = append(labels, b.Text)
		}
	}
	all := strings.Join(labels, "|")
	for _, want := range []string{"Import my spreadsheet…", "Start empty…", "Remove sample…"} {
		if !strings.Contains(all, want) {
			t.Errorf("the sample workspace offers no %q (buttons: %s)", want, all)
		}
	}
}

// Esc closes the dialog in front; with none, it leaves workshop mode.
func TestEscapeClosesTheDialogInFront(t *testing.T) {
	d := newTestDesktop(t)
	d.about()
	if d.win.Canvas().Overlays().Top() == nil {
		t.Fatal("the About dialog did not open")
	}
	d.typedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if top := d.win.Canvas().Overlays().Top(); top != nil && top.Visible() {
		t.Error("Esc left the dialog open")
	}
}
