package views

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"orchard/model"
)

func TestAccountFormSavesOnLeavingAField(t *testing.T) {
	s, ws, w := newTestShell(t)
	selectRow(t, s, "Kestrel Software")
	f := s.portfolio.form
	w.Canvas().Focus(f.name)
	f.name.SetText("Kestrel Cloud")
	if accountByName(ws, "Kestrel Cloud") != nil {
		t.Fatal("saved while still typing")
	}
	w.Canvas().Focus(f.region) // leaving the field saves it
	a := accountByName(ws, "Kestrel Cloud")
	if a == nil {
		t.Fatal("leaving the name field did not save it")
	}
	if label, _ := ws.CanUndo(); !strings.Contains(label, "Edit account") {
		t.Errorf("undo label = %q", label)
	}
	// The list shows the new name too.
	if s.portfolio.list.rows[s.portfolio.list.rowOf(a.ID)].acc.Name != "Kestrel Cloud" {
		t.Error("the list still shows the old name")
	}
}

func TestAccountFormKeepsBadInputAndSaysWhatToFix(t *testing.T) {
	s, ws, _ := newTestShell(t)
	selectRow(t, s, "Kestrel Software")
	f := s.portfolio.form
	before := *accountByName(ws, "Kestrel Software")
	f.revenue.SetText("lots")
	f.currency.setText("dollars")
	err := f.commit()
	if err == nil {
		t.Fatal("a revenue of 'lots' was accepted")
	}
	if f.revenue.Text != "lots" {
		t.Errorf("the typed revenue was replaced by %q", f.revenue.Text)
	}
	msg := f.errors["revenue"]
	if !msg.Visible() || !strings.Contains(msg.Text, "lots") || !strings.Contains(msg.Text, "expected") {
		t.Errorf("revenue error shown = %v %q", msg.Visible(), msg.Text)
	}
	if after := accountByName(ws, "Kestrel Software"); after.Revenue != before.Revenue || after.Currency != before.Currency {
		t.Error("the account changed although the form had an error")
	}
	// Fix the revenue: now the currency rule speaks.
	f.revenue.SetText("300,000")
	f.commit()
	cur := f.errors["currency"]
	if !cur.Visible() || !strings.Contains(cur.Text, "three-letter") {
		t.Errorf("currency error shown = %v %q", cur.Visible(), cur.Text)
	}
	if f.errors["revenue"].Visible() {
		t.Error("the fixed revenue still shows an error")
	}
	f.currency.setText("usd")
	if err := f.commit(); err != nil {
		t.Fatalf("valid input refused: %v", err)
	}
	after := accountByName(ws, "Kestrel Software")
	if after.Revenue != 300_000_00 || after.Currency != "USD" {
		t.Errorf("saved revenue %v %s, want 300,000 USD", after.Revenue, after.Currency)
	}
}

func TestAssessmentUpdatesScoresLive(t *testing.T) {
	s, ws, _ := newTestShell(t)
	selectRow(t, s, "Kestrel Software")
	f := s.portfolio.form
	for q := range f.answers {
		if model.Questions[q].Axis == model.AxisRelationship {
			f.answers[q].SetSelected("5")
		}
	}
	a := accountByName(ws, "Kestrel Software")
	if ev := a.Assess(ws.Portfolio().Settings.Weights); ev.Relationship != 100 {
		t.Fatalf("relationship score after answering 5 everywhere = %v", ev.Relationship)
	}
	if !strings.Contains(f.scores.Text, "Relationship score 100") {
		t.Errorf("scores line = %q", f.scores.Text)
	}
	// Override the priority: the form and list say it was set by hand.
	f.priority.SetSelected("Fourth")
	a = accountByName(ws, "Kestrel Software")
	if a.PriorityOverride != model.PriorityFourth {
		t.Fatalf("override not saved: %v", a.PriorityOverride)
	}
	if !strings.Contains(f.scores.Text, "set by hand") {
		t.Errorf("scores line does not show the override: %q", f.scores.Text)
	}
	row := s.portfolio.list.rows[s.portfolio.list.rowOf(a.ID)]
	if got := priorityText(row.eval); got != "Fourth (set)" {
		t.Errorf("list priority = %q, want 'Fourth (set)'", got)
	}
	s.Undo()
	if f.priority.Selected == "Fourth" {
		t.Error("the form did not follow undo")
	}
}

func TestAddAccount(t *testing.T) {
	s, ws, w := newTestShell(t)
	n := ws.Portfolio().Count(model.KindAccount)
	test.Tap(findButton(t, w, "Add account"))
	if ws.Portfolio().Count(model.KindAccount) != n+1 {
		t.Fatal("no account added")
	}
	a := ws.Portfolio().Account(s.portfolio.list.selected)
	if a == nil || a.Name != "New account" || a.Currency != "EUR" {
		t.Fatalf("new account = %+v, want 'New account' in the most used currency EUR", a)
	}
	if w.Canvas().Focused() != f(s).name {
		t.Error("the name field should have the focus for typing")
	}
	test.Tap(findButton(t, w, "Add account"))
	if accountByName(ws, "New account 2") == nil {
		t.Error("a second new account should get a distinct name")
	}
}

func f(s *Shell) *accountForm { return s.portfolio.form }

func TestTickSeveralAccountsAndDeleteAsOneStep(t *testing.T) {
	s, ws, _ := newTestShell(t)
	l := s.portfolio.list
	n := ws.Portfolio().Count(model.KindAccount)
	names := []string{"Halden Paper", "Iris Diagnostics", "Juniper Schools Trust"}
	for _, name := range names {
		l.check(accountByName(ws, name).ID, true)
	}
	if !strings.Contains(s.portfolio.count.Text, "3 ticked") {
		t.Errorf("count line %q should say 3 ticked", s.portfolio.count.Text)
	}
	records := []model.Entity{}
	for _, a := range l.checkedAccounts() {
		records = append(records, a)
	}
	if err := ws.DeleteMany("Delete 3 accounts", records); err != nil {
		t.Fatal(err)
	}
	if ws.Portfolio().Count(model.KindAccount) != n-3 {
		t.Fatalf("%d accounts left, want %d", ws.Portfolio().Count(model.KindAccount), n-3)
	}
	if len(l.checked) != 0 {
		t.Error("deleted accounts stay ticked")
	}
	s.Undo()
	for _, name := range names {
		if accountByName(ws, name) == nil {
			t.Errorf("one undo should restore all three; %s is missing", name)
		}
	}
	// Ticking all follows the filter.
	s.portfolio.search.SetText("Retail")
	l.checkAll(true)
	if got := len(l.checkedAccounts()); got != len(l.rows) || got == 0 || got == ws.Portfolio().Count(model.KindAccount) {
		t.Errorf("tick all ticked %d of %d filtered rows", got, len(l.rows))
	}
}

func TestPriorityFilter(t *testing.T) {
	s, ws, _ := newTestShell(t)
	s.portfolio.priority.SetSelected("First")
	if len(s.portfolio.list.rows) == 0 {
		t.Fatal("the sample has First-priority accounts; the filter shows none")
	}
	for _, r := range s.portfolio.list.rows {
		if r.eval.Priority != model.PriorityFirst {
			t.Errorf("%s (%v) shown under the First filter", r.acc.Name, r.eval.Priority)
		}
	}
	s.portfolio.priority.SetSelected(allFilter)
	if len(s.portfolio.list.rows) != ws.Portfolio().Count(model.KindAccount) {
		t.Error("All does not show every account again")
	}
}

// A filter applied while the list is scrolled down shows its rows from the
// top, never "1 of 120 accounts" over an empty table.
func TestFilterShowsItsRowsFromTheTop(t *testing.T) {
	test.NewTempApp(t)
	ws := manyWorkspace(t, 120)
	w := test.NewTempWindow(t, nil)
	s := newPortfolioScreen(ws, w, nil, nil, nil, nil)
	w.SetContent(s.root)
	w.Resize(fyne.NewSize(1280, 720))
	accounts := ws.Portfolio().Accounts()
	s.picked(accounts[0].ID)
	s.list.table.ScrollToBottom()
	target := s.list.rows[len(s.list.rows)/3].acc.Name // above the bottom, not the selected one
	offset := func() float32 { return scrollY(s.list.table) }
	if offset() == 0 {
		t.Fatal("the list did not scroll down")
	}
	test.Type(s.search, target)
	if len(s.list.rows) != 1 {
		t.Fatalf("the filter %q let %d rows through", target, len(s.list.rows))
	}
	if y := offset(); y != 0 {
		t.Errorf("the one row %q is drawn %v px above the view: the list kept the scroll of the longer list", target, y)
	}
}

// The window's first shell shows the account's facts in the first frame
// and its scorecard questions right after; a fact saved in between keeps
// the account's answers, and the questions arrive showing them.
func TestStartingShellAddsTheScorecardAfterTheFirstFrame(t *testing.T) {
	test.NewTempApp(t)
	ws := sampleWorkspace(t)
	w := test.NewTempWindow(t, nil)
	s := NewStartingShell(ws, w)
	t.Cleanup(s.Close)
	w.SetContent(s.Content())
	w.Resize(fyne.NewSize(1280, 720))
	selectRow(t, s, "Kestrel Software")
	before := *accountByName(ws, "Kestrel Software")
	f := s.portfolio.form
	if f.name.Text != "Kestrel Software" {
		t.Fatalf("the first frame's form shows %q", f.name.Text)
	}
	if strings.Contains(texts(w), model.Questions[0].Text) {
		t.Fatal("the scorecard is built before the first frame")
	}
	f.region.SetText("Nordics")
	if err := f.commit(); err != nil {
		t.Fatal(err)
	}
	after := accountByName(ws, "Kestrel Software")
	if after.Region != "Nordics" || after.Answers != before.Answers {
		t.Fatalf("saving a fact before the scorecard was built gave region %q answers %v (were %v)", after.Region, after.Answers, before.Answers)
	}
	s.Started()
	s.Started()
	if n := strings.Count(texts(w), model.Questions[0].Text); n != 1 {
		t.Fatalf("the first question shows %d times after start, want once", n)
	}
	for q, r := range f.answers {
		if want := answerOptions[after.Answers[q]]; r.Selected != want {
			t.Errorf("question %d shows %q, the account's answer is %q", q, r.Selected, want)
		}
	}
}

// The window opens with the selected account's row in view: the first
// account at the top of the list, or one further down where the user left
// off in the middle of the view, with rows on either side of it, never with
// the rows above the first one scrolled out of sight. That holds both when
// the screens are given to the window (which lays them out at their
// smallest first) and when they go into content already laid out at the
// window's size (as at start-up).
func TestListOpensShowingTheSelectedAccount(t *testing.T) {
	test.NewTempApp(t)
	ws := manyWorkspace(t, 300)
	for _, into := range []string{"window", "holder"} {
		for _, row := range []int{0, 150, 299} {
			w := test.NewTempWindow(t, nil)
			w.Resize(fyne.NewSize(1240, 660))
			holder := container.NewStack()
			if into == "holder" {
				w.SetContent(holder)
			}
			s := NewStartingShell(ws, w)
			s.SelectAccount(accountByName(ws, fmt.Sprintf("Account %05d", row)).ID)
			if into == "holder" {
				holder.Add(s.Content())
			} else {
				w.SetContent(s.Content())
			}
			w.Resize(fyne.NewSize(1240, 660))
			// Rows lie one padding apart below the header, which covers the
			// top of the view.
			tb := s.portfolio.list.table
			v := reflect.ValueOf(&tb.Table).Elem()
			offset := scrollY(tb)
			cell := float32(v.FieldByName("cellSize").FieldByName("Height").Float())
			header := float32(v.FieldByName("headerSize").FieldByName("Height").Float())
			pitch := cell + theme.Padding()
			top := header + float32(row)*pitch
			shown := fmt.Sprintf("opening on row %d (%v–%v px down the list) %s: the list shows %v–%v px", row, top, top+cell, into, offset+header, offset+tb.Size().Height)
			if top < offset+header || top+cell > offset+tb.Size().Height {
				t.Errorf("%s, not the row", shown)
			} else if row == 150 && (top < offset+header+3*pitch || top+cell > offset+tb.Size().Height-3*pitch) {
				t.Errorf("%s, the row at an edge of the view", shown)
			}
			if row == 0 && offset != 0 {
				t.Errorf("opening on the first account %s: the list is scrolled %v px down, past the rows at its top", into, offset)
			}
			s.Close()
		}
	}
}

// The window's first screen is written in the regular and the bold face
// only: each further face the toolkit has to load (italic, monospace) adds
// about 10 ms to start-up, before the first frame. What is built after
// that frame (the scorecard's hints) may use others.
func TestStartingShellNeedsOnlyRegularAndBoldFaces(t *testing.T) {
	test.NewTempApp(t)
	ws := sampleWorkspace(t)
	w := test.NewTempWindow(t, nil)
	s := NewStartingShell(ws, w)
	t.Cleanup(s.Close)
	s.SelectAccount(accountByName(ws, "Kestrel Software").ID)
	w.SetContent(s.Content())
	w.Resize(fyne.NewSize(1240, 660))
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch v := o.(type) {
		case *canvas.Text:
			if v.Text != "" && (v.TextStyle.Italic || v.TextStyle.Monospace) {
				t.Errorf("%q is in a face of its own (%+v), loaded before the first frame", v.Text, v.TextStyle)
			}
		case fyne.Widget:
			for _, c := range test.WidgetRenderer(v).Objects() {
				walk(c)
			}
		case *fyne.Container:
			for _, c := range v.Objects {
				walk(c)
			}
		}
	}
	walk(s.Content()) // hidden parts too: laying them out measures their text
}
