package views

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"orchard/app/workspace"
	"orchard/assets/sample"
	"orchard/model"
)

func newTestReview(t *testing.T) (*reviewScreen, *workspace.Workspace, fyne.Window) {
	t.Helper()
	var s *reviewScreen
	ws, w := mountAccountScreen(t, func(ws *workspace.Workspace, w fyne.Window, id string) (fyne.CanvasObject, workspace.Listener) {
		s = newReviewScreen(ws, w, id, func() time.Time { return testToday }, nil)
		return s.root, s.onEvent
	})
	return s, ws, w
}

func TestPasteActualsAllOrNothing(t *testing.T) {
	s, ws, _ := newTestReview(t)
	cy := model.CurrentCycle(s.cycles(), testToday)
	before := len(s.figureList())
	_, err := s.parseActuals(cy, "2026-Q1\t1,000,000\t300,000\n2026-Q2\tlots\t1\n")
	if err == nil || !strings.Contains(err.Error(), "line 2") || !strings.Contains(err.Error(), "lots") {
		t.Fatalf("a bad amount on line 2: %v", err)
	}
	if _, err := s.parseActuals(cy, "2024-Q1\t5\n"); err == nil || !strings.Contains(err.Error(), "outside the cycle") {
		t.Errorf("a period outside the cycle: %v", err)
	}
	if _, err := s.parseActuals(cy, "2026-Q1\t5\n2026-Q1\t6\n"); err == nil || !strings.Contains(err.Error(), "already on line 1") {
		t.Errorf("a period twice: %v", err)
	}
	recs, err := s.parseActuals(cy, "2026-Q1;1.000.000\n2026-Q2\t950,000\t280,000\n")
	if err == nil {
		// "1.000.000" with dots is not our number format: refused, not misread.
		t.Fatalf("accepted %d rows with an ambiguous number", len(recs))
	}
	recs, err = s.parseActuals(cy, "2026-Q1;1000000\n2026-Q2\t950,000\t280,000\n")
	if err != nil {
		t.Fatal(err)
	}
	if err := ws.EnterFigures("Paste", recs); err != nil {
		t.Fatal(err)
	}
	if got := len(s.figureList()); got != before {
		t.Errorf("pasting over existing quarters should replace them: %d figures, had %d", got, before)
	}
	rows := model.PlanVsActual(s.figureList())
	for _, r := range rows {
		if r.Period == "2026-Q2" && r.Actual != 950_000_00 {
			t.Errorf("2026-Q2 actual %v", r.Actual)
		}
	}
	if !strings.Contains(textsOf(s.figures), "950,000 EUR") {
		t.Error("the table does not show the pasted actual")
	}
}

func TestScorecardAndMeeting(t *testing.T) {
	s, ws, _ := newTestReview(t)
	if !strings.Contains(textsOf(s.scores), "▲") && !strings.Contains(textsOf(s.scores), "▼") {
		t.Error("the sample's two scorings should show a change")
	}
	sc := &model.Scorecard{ID: "new", AccountID: s.accountID, Date: testToday, Scores: map[string]int{"Quality": 11}}
	if err := ws.Save(sc); err == nil || !strings.Contains(err.Error(), "between 1 and 10") {
		t.Errorf("a score of 11: %v", err)
	}
	sc.Scores["Quality"] = 2
	if err := ws.Save(sc); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(textsOf(s.scores), "▼") {
		t.Error("a drop to 2 is not marked")
	}
	n := len(ws.Portfolio().Actions(s.accountID))
	if err := ws.RecordReview(workspace.Review{AccountID: s.accountID, Date: testToday, Decisions: "Go", NewActions: []string{"Send the pilot plan"}}); err != nil {
		t.Fatal(err)
	}
	if len(ws.Portfolio().Actions(s.accountID)) != n+1 || !strings.Contains(textsOf(s.meetings), testToday.Format("2 Jan 2006")) {
		t.Error("the meeting or its action is missing")
	}
	ws.Undo()
	if len(ws.Portfolio().Actions(s.accountID)) != n {
		t.Error("one undo should remove the meeting and the actions it created")
	}
}

func TestHealthTabExplains(t *testing.T) {
	s, ws, _ := newTestReview(t)
	h := ws.Portfolio().HealthOf(s.accountID, testToday)
	text := textsOf(s.health)
	if !strings.Contains(text, "Health") || !strings.Contains(text, model.FactorKeyCoverage) {
		t.Fatalf("health tab: %q", text)
	}
	for _, f := range h.Factors {
		if f.Points >= 0.05 && !strings.Contains(text, f.Detail) {
			t.Errorf("the tab does not explain %s (%s)", f.Name, f.Detail)
		}
	}
}

func TestStartNextCycleFromReview(t *testing.T) {
	s, ws, w := newTestReview(t)
	s.startNextCycle()
	top := w.Canvas().Overlays().Top()
	if top == nil || !strings.Contains(textsOf(top), "FY2027") {
		t.Fatal("starting the next cycle should first say what will happen")
	}
	test.Tap(findButtonIn(t, top, "Yes"))
	if !strings.Contains(textsOf(s.meetings), "FY2026 (closed, read-only)") {
		t.Errorf("the closed cycle is not listed: %q", textsOf(s.meetings))
	}
	if !strings.Contains(textsOf(s.figures), "FY2027") {
		t.Error("plan vs actual does not move to the new cycle")
	}
	ws.Undo()
	if strings.Contains(textsOf(s.meetings), "closed, read-only") {
		t.Error("undo did not reopen the cycle")
	}
}

func TestFirstCycleForAnUnplannedAccount(t *testing.T) {
	test.NewTempApp(t)
	ws := sampleWorkspace(t)
	w := test.NewTempWindow(t, nil)
	acc := accountByName(ws, "Halden Paper")
	s := newReviewScreen(ws, w, acc.ID, func() time.Time { return testToday }, nil)
	t.Cleanup(ws.Subscribe(s.onEvent))
	if !strings.Contains(textsOf(s.figures), "No planning cycle yet") {
		t.Fatal("an account without a cycle should say so")
	}
	s.editCycle(nil)
	top := w.Canvas().Overlays().Top()
	test.Tap(findButtonIn(t, top, "Save"))
	if !strings.Contains(textsOf(s.figures), "FY2026") {
		t.Errorf("after saving the first cycle: %q", textsOf(s.figures))
	}
}

// In a region that writes 1.234,5 and 2. Dez. 2026 the review does too.
func TestReviewFollowsTheRegion(t *testing.T) {
	model.SetRegion("de-DE")
	t.Cleanup(func() { model.SetRegion("") })
	s, _, w := newTestShell(t)
	selectRow(t, s, sample.PlannedAccounts[0])
	s.Show(SectionReview)
	w.Resize(fyne.NewSize(1400, 901))
	shown := texts(w)
	for _, want := range []string{"\u00a0€", "Jan. 2026", " %"} {
		if !strings.Contains(shown, want) {
			t.Errorf("the German review lacks %q", want)
		}
	}
	for _, neutral := range []string{" EUR", "1 Jan 2026"} {
		if strings.Contains(shown, neutral) {
			t.Errorf("the German review still writes %q", neutral)
		}
	}
}
