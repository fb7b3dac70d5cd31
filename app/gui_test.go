package app

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"orchard/app/pack"
	"orchard/model"
	"orchard/views"
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

// F11 and Esc reach the window whatever has the focus: after a click in
// the account list, in a form's field, or in a dialog's text field (Fyne
// gives a key without a modifier only to the focused widget).
func TestWindowKeysWhateverHasTheFocus(t *testing.T) {
	d := newTestDesktop(t)
	var table fyne.Focusable
	for _, o := range test.LaidOutObjects(d.win.Content()) {
		if f, ok := o.(fyne.Focusable); ok && strings.Contains(fmt.Sprintf("%T", o), "Table") {
			table = f
		}
	}
	if table == nil {
		t.Fatal("no account list found")
	}
	d.win.Canvas().Focus(table)
	d.win.Canvas().Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyF11})
	if !d.workshop {
		t.Fatal("F11 with the account list focused did not enter workshop mode")
	}
	d.win.Canvas().Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if d.workshop {
		t.Fatal("Esc with the account list focused did not leave workshop mode")
	}
	name := focusedNameEntry(t, d)
	d.win.Canvas().Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyF11})
	if !d.workshop {
		t.Fatalf("F11 in the account's name field (%q) did not enter workshop mode", name.Text)
	}
	d.toggleWorkshop()
	// A dialog's text field: Esc closes the dialog, cancelling it.
	d.newDialog()
	top := d.win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no dialog")
	}
	var field fyne.Focusable
	for _, o := range test.LaidOutObjects(top) {
		if e, ok := o.(fyne.Focusable); ok && strings.Contains(fmt.Sprintf("%T", o), "Entry") {
			field = e
			break
		}
	}
	if field == nil {
		t.Fatal("the dialog has no text field")
	}
	d.win.Canvas().Focus(field)
	d.win.Canvas().Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if top.Visible() {
		t.Error("Esc in the dialog's text field left the dialog open")
	}
}

// Workshop mode's quadrant at 1280×720: the chart has the page (the form
// and the filters fold away), the accounts' names are at least twice the
// normal body text and inside the window; leaving restores both.
func TestWorkshopQuadrantReadableAndRestored(t *testing.T) {
	d := newTestDesktop(t)
	d.win.Resize(fyne.NewSize(1280, 720))
	normal := d.fa.Settings().Theme().Size("text")
	names := map[string]bool{}
	for _, a := range d.ws.Portfolio().Accounts() {
		names[a.Name] = true
	}
	nameTexts := func() (sizes []float32, outside int) {
		var quadrant fyne.CanvasObject
		for _, o := range shownObjects(d.win.Content()) {
			if strings.HasSuffix(fmt.Sprintf("%T", o), "quadrantEditor") {
				quadrant = o
			}
		}
		if quadrant == nil {
			t.Fatal("no quadrant")
		}
		for _, o := range shownObjects(quadrant) {
			if tx, ok := o.(*canvas.Text); ok && names[tx.Text] {
				sizes = append(sizes, tx.TextSize)
				at := fyne.CurrentApp().Driver().AbsolutePositionForObject(tx)
				if at.X < 0 || at.Y < 0 || at.X+tx.MinSize().Width > 1280+1 || at.Y+tx.MinSize().Height > 720+1 {
					outside++
				}
			}
		}
		return sizes, outside
	}
	d.toggleWorkshop()
	d.shell.ShowStop(views.SectionPortfolio, true)
	// The presenter shows the portfolio and names the other customers (an
	// internal workshop); by default only the cover shows.
	for _, o := range shownObjects(d.win.Content()) {
		if b, ok := o.(*widget.Button); ok && b.Text == "Show portfolio" {
			test.Tap(b)
		}
	}
	for _, o := range shownObjects(d.win.Content()) {
		if c, ok := o.(*widget.Check); ok && c.Text == "Name other customers" {
			c.SetChecked(true)
		}
	}
	sizes, outside := nameTexts()
	if len(sizes) < 5 {
		t.Fatalf("only %d account names shown on the workshop quadrant", len(sizes))
	}
	for _, s := range sizes {
		if s < 2*normal {
			t.Fatalf("an account's name is %v px in workshop mode, want at least %v", s, 2*normal)
		}
	}
	if outside > 0 {
		t.Errorf("%d names drawn outside the 1280×720 window", outside)
	}
	for _, o := range shownObjects(d.win.Content()) {
		if b, ok := o.(*widget.Button); ok && b.Text == "Record positions…" {
			t.Error("the quadrant's buttons still show in workshop mode")
		}
	}
	d.toggleWorkshop()
	sizes, _ = nameTexts()
	for _, s := range sizes {
		if s >= 2*normal || s == 0 {
			t.Fatalf("after workshop mode a name is %v px, want the normal size back", s)
		}
	}
}

// shownObjects lists the objects a person can see: those whose every
// ancestor is visible too.
func shownObjects(root fyne.CanvasObject) []fyne.CanvasObject {
	var out []fyne.CanvasObject
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if o == nil || !o.Visible() {
			return
		}
		out = append(out, o)
		switch v := o.(type) {
		case *fyne.Container:
			for _, c := range v.Objects {
				walk(c)
			}
		case fyne.Widget:
			for _, c := range test.WidgetRenderer(v).Objects() {
				walk(c)
			}
		}
	}
	walk(root)
	return out
}

// The File menu's items that act on a workspace are enabled only while
// one is open; Remove sample only for the sample.
func TestMenuFollowsTheWorkspace(t *testing.T) {
	d := newTestDesktop(t)
	if d.removeSample.Disabled || len(d.needsWorkspace) == 0 {
		t.Fatal("with the sample open, Remove sample should be enabled")
	}
	for _, it := range d.needsWorkspace {
		if it.Disabled {
			t.Errorf("%q is disabled with a workspace open", it.Label)
		}
	}
	d.closeWorkspace()
	d.refreshMenu()
	for _, it := range append(d.needsWorkspace, d.removeSample) {
		if !it.Disabled {
			t.Errorf("%q is enabled with no workspace open", it.Label)
		}
	}
}

// Account ▸ Export review deck… writes the deck of the selected account
// with the template chosen in Edit ▸ Review deck template…, and says when
// that template could not be used.
func TestExportDeckFromTheWindow(t *testing.T) {
	d := newTestDesktop(t)
	var acc *model.Account
	for _, a := range d.ws.Portfolio().Accounts() {
		if a.Name == "Northwind Logistics" {
			acc = a
		}
	}
	d.shell.SelectAccount(acc.ID)
	var item *fyne.MenuItem
	for _, m := range d.main.Items {
		for _, it := range m.Items {
			if m.Label == "Account" && it.Label == "Export review deck…" {
				item = it
			}
		}
	}
	if item == nil {
		t.Fatal("no Account ▸ Export review deck…")
	}
	item.Action() // the options dialog
	if d.win.Canvas().Overlays().Top() == nil {
		t.Fatal("the deck's options did not open")
	}
	d.win.Canvas().Overlays().Top().Hide()
	out := filepath.Join(t.TempDir(), "review.pptx")
	if err := <-d.buildDeck(pack.DeckOptions{AccountID: acc.ID, Path: out, Format: pack.PPTX}, acc.Name); err != nil {
		t.Fatal(err)
	}
	if info, err := os.Stat(out); err != nil || info.Size() < 10_000 {
		t.Fatalf("the deck was not written: %v", err)
	}
	if !strings.Contains(d.shell.Status(), "Wrote the review of Northwind Logistics") {
		t.Errorf("status line: %q", d.shell.Status())
	}
}
