package views

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"orchard/app/workspace"
	"orchard/model"
)

// Someone else changes the account a person is editing in the form: what
// they typed stays, the form says who changed what, saving is refused with
// a question, and "Apply my changes again" keeps both changes.
func TestFormEditMeetsAnothersChange(t *testing.T) {
	s, ws, w := newTestShell(t)
	bo, err := workspace.Open(ws.Path())
	if err != nil {
		t.Fatal(err)
	}
	defer bo.Close()
	bo.SetAuthor("Bo Chen")
	selectRow(t, s, "Northwind Logistics")
	id := s.Account()
	f := s.portfolio.form
	f.region.SetText("Typed by me") // not saved yet: the field has not been left

	theirs := model.Clone(bo.Portfolio().Account(id)).(*model.Account)
	theirs.Revenue += 7_000_00
	if err := bo.Save(theirs); err != nil {
		t.Fatal(err)
	}
	if _, err := ws.Refresh(); err != nil { // what the window's watch does
		t.Fatal(err)
	}
	if f.region.Text != "Typed by me" {
		t.Fatalf("another's change wiped what was typed: region field holds %q", f.region.Text)
	}
	if !f.notice.Visible() || !strings.Contains(f.notice.Text, "Bo Chen") || !strings.Contains(f.notice.Text, "revenue") {
		t.Errorf("the form does not say who changed what: %q (shown %v)", f.notice.Text, f.notice.Visible())
	}

	if err := s.Flush(); err == nil {
		t.Fatal("saving over Bo's change went through")
	}
	if s.conflict == nil {
		t.Fatal("no question about the other change")
	}
	if got := f.revenue.Text; got != theirs.Revenue.String() {
		t.Errorf("the form shows revenue %q after the refusal, want Bo's %q", got, theirs.Revenue.String())
	}
	dlg := textsOf(w.Canvas().Overlays().Top())
	for _, want := range []string{"Bo Chen", "Region: “Typed by me”", "Apply my changes again", "Keep theirs"} {
		if !strings.Contains(dlg, want) {
			t.Errorf("the question does not show %q:\n%s", want, dlg)
		}
	}
	test.Tap(findButtonIn(t, w.Canvas().Overlays().Top(), "Apply my changes again"))
	got := ws.Portfolio().Account(id)
	if got.Region != "Typed by me" || got.Revenue != theirs.Revenue {
		t.Errorf("after applying again the account has region %q revenue %v; want mine and Bo's", got.Region, got.Revenue)
	}
	if _, err := bo.Refresh(); err != nil {
		t.Fatal(err)
	}
	if bo.Portfolio().Account(id).Region != "Typed by me" {
		t.Error("the re-applied edit did not reach the file")
	}
	if f.region.Text != "Typed by me" || f.notice.Visible() {
		t.Errorf("the form after applying shows region %q, notice %v", f.region.Text, f.notice.Visible())
	}
}

// "Keep theirs" drops the edit and leaves the other person's version.
func TestFormEditKeepTheirs(t *testing.T) {
	s, ws, w := newTestShell(t)
	bo, err := workspace.Open(ws.Path())
	if err != nil {
		t.Fatal(err)
	}
	defer bo.Close()
	selectRow(t, s, "Northwind Logistics")
	id := s.Account()
	s.portfolio.form.region.SetText("Typed by me")
	theirs := model.Clone(bo.Portfolio().Account(id)).(*model.Account)
	theirs.Region = "Bo's region"
	if err := bo.Save(theirs); err != nil {
		t.Fatal(err)
	}
	if _, err := ws.Refresh(); err != nil {
		t.Fatal(err)
	}
	s.Flush()
	dlg := textsOf(w.Canvas().Overlays().Top())
	if !strings.Contains(dlg, "(theirs: “Bo's region”)") {
		t.Errorf("the question does not show their value of the field both changed:\n%s", dlg)
	}
	test.Tap(findButtonIn(t, w.Canvas().Overlays().Top(), "Keep theirs"))
	if got := ws.Portfolio().Account(id).Region; got != "Bo's region" {
		t.Errorf("region = %q after keeping theirs", got)
	}
	if got := s.portfolio.form.region.Text; got != "Bo's region" {
		t.Errorf("the form shows %q after keeping theirs", got)
	}
}

// An editor dialog's save over another's change is refused once, saying
// so; saving again lays the person's changes over the other version.
func TestEditorDialogSavesAgainOverAnothersChange(t *testing.T) {
	test.NewTempApp(t)
	ws := sampleWorkspace(t)
	bo, err := workspace.Open(ws.Path())
	if err != nil {
		t.Fatal(err)
	}
	defer bo.Close()
	bo.SetAuthor("Bo Chen")
	orig := ws.Portfolio().Stakeholders(accountByName(ws, "Northwind Logistics").ID)[0]
	guard := newEditBase(ws, orig)

	theirs := model.Clone(bo.Portfolio().Get(model.KindStakeholder, orig.ID)).(*model.Stakeholder)
	theirs.Title = "Chief Everything Officer"
	if err := bo.Save(theirs); err != nil {
		t.Fatal(err)
	}
	if _, err := ws.Refresh(); err != nil {
		t.Fatal(err)
	}
	mine := model.Clone(orig).(*model.Stakeholder)
	mine.Concerns = "Budget freeze"
	err = guard.save(mine)
	if err == nil || !strings.Contains(err.Error(), "Bo Chen changed") || !strings.Contains(err.Error(), "Save again") {
		t.Fatalf("first save over Bo's change = %v", err)
	}
	if err := guard.save(mine); err != nil {
		t.Fatalf("saving again: %v", err)
	}
	got := ws.Portfolio().Get(model.KindStakeholder, orig.ID).(*model.Stakeholder)
	if got.Concerns != "Budget freeze" || got.Title != "Chief Everything Officer" {
		t.Errorf("after saving again: concerns %q title %q; want mine and Bo's", got.Concerns, got.Title)
	}
}
