package views

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"orchard/app/workspace"
	"orchard/assets/sample"
)

// In front of the customer the review shows no health assessment, no
// margin target and none of the account manager's buttons; leaving
// workshop mode brings them back.
func TestReviewInWorkshopModeIsCustomerSafe(t *testing.T) {
	test.NewTempApp(t)
	st, recs := sample.Build(testToday)
	ws, err := workspace.Create(filepath.Join(t.TempDir(), "s.orchard"), st, recs)
	if err != nil {
		t.Fatal(err)
	}
	defer ws.Close()
	var id string
	for _, a := range ws.Portfolio().Accounts() {
		if a.Name == "Helios Energy" {
			id = a.ID
		}
	}
	w := test.NewTempWindow(t, nil)
	s := newReviewScreen(ws, w, id, func() time.Time { return testToday }, nil)
	w.SetContent(s.root)
	w.Resize(fyne.NewSize(1280, 720))
	tabs := func() string {
		var names []string
		for _, it := range s.tabs.Items {
			names = append(names, it.Text)
		}
		return strings.Join(names, "|")
	}
	before := textsOf(s.figures)
	if !strings.Contains(before, "margin target") || !strings.Contains(before, "Enter a figure") || !strings.Contains(tabs(), "Health") {
		t.Fatalf("the normal review lacks what the test removes: %q / %s", before, tabs())
	}
	s.setWorkshop(true)
	shown := textsOf(s.figures)
	for _, leak := range []string{"margin target", "Enter a figure", "Paste actuals", "Cycle and targets"} {
		if strings.Contains(shown, leak) {
			t.Errorf("the workshop review shows %q", leak)
		}
	}
	if strings.Contains(tabs(), "Health") {
		t.Errorf("the workshop review offers our health assessment: %s", tabs())
	}
	s.setWorkshop(false)
	if got := tabs(); got != "Plan vs actual|Action impact|Customer scorecard|Health|Meetings" {
		t.Errorf("after workshop mode the tabs are %s", got)
	}
	if !strings.Contains(textsOf(s.figures), "Enter a figure") {
		t.Error("after workshop mode the review's buttons did not come back")
	}
}
