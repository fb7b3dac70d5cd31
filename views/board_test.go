package views

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"orchard/app/workspace"
	"orchard/model"
)

// boardWorkspace: one account, two team members, cards P1–P3 planned,
// D1 done.
func boardWorkspace(t testing.TB) *workspace.Workspace {
	recs := []model.Entity{
		&model.Account{ID: "acc", Name: "Acme", Currency: "EUR"},
		&model.TeamMember{ID: "ann", Name: "Ann Lee"},
		&model.TeamMember{ID: "bob", Name: "Bob Stone"},
		&model.Action{ID: "P1", AccountID: "acc", Title: "First planned", Status: model.StatusPlanned, Order: 1, OwnerID: "ann"},
		&model.Action{ID: "P2", AccountID: "acc", Title: "Second planned", Status: model.StatusPlanned, Order: 2, OwnerID: "bob"},
		&model.Action{ID: "P3", AccountID: "acc", Title: "Third planned", Status: model.StatusPlanned, Order: 3, OwnerID: "ann"},
		&model.Action{ID: "D1", AccountID: "acc", Title: "Done one", Status: model.StatusDone, Order: 1, OwnerID: "bob"},
	}
	ws, err := workspace.Create(filepath.Join(t.TempDir(), "b.orchard"), model.DefaultSettings(), recs)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ws.Close() })
	return ws
}

func newTestBoard(t *testing.T, ws *workspace.Workspace) (*boardView, fyne.Window) {
	t.Helper()
	test.NewTempApp(t)
	w := test.NewTempWindow(t, nil)
	b := newBoardView(ws, w, boardScope{accountID: "acc"}, func() time.Time { return testToday })
	t.Cleanup(ws.Subscribe(b.onEvent))
	w.SetContent(b)
	w.Resize(fyne.NewSize(1200, 700))
	return b, w
}

func column(b *boardView, s model.Status) string {
	var ids []string
	for _, c := range b.cells {
		if c.status == s {
			for _, a := range c.cards {
				ids = append(ids, a.ID)
			}
		}
	}
	return strings.Join(ids, " ")
}

// cardWidget finds the drawn card of an action.
func cardWidget(t *testing.T, w fyne.Window, id string) *boardCard {
	t.Helper()
	for _, o := range test.LaidOutObjects(w.Content()) {
		if c, ok := o.(*boardCard); ok && c.action != nil && c.action.ID == id && c.Visible() {
			return c
		}
	}
	t.Fatalf("card %s is not drawn", id)
	return nil
}

func cellList(b *boardView, s model.Status) *widget.List {
	for _, c := range b.cells {
		if c.status == s {
			return c.list
		}
	}
	return nil
}

// dragTo drags a card in steps, as a pointer would, to an absolute point.
func dragTo(c *boardCard, to fyne.Position, steps int) {
	d := fyne.CurrentApp().Driver()
	from := d.AbsolutePositionForObject(c).Add(fyne.NewPos(20, 20))
	delta := to.Subtract(from)
	step := fyne.NewDelta(delta.X/float32(steps), delta.Y/float32(steps))
	pos := fyne.NewPos(20, 20)
	for i := 0; i < steps; i++ {
		pos = pos.Add(step)
		c.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: pos}, Dragged: step})
	}
	c.DragEnd()
}

func TestDragCardToAnotherColumn(t *testing.T) {
	ws := boardWorkspace(t)
	b, w := newTestBoard(t, ws)
	done := cellList(b, model.StatusDone)
	target := fyne.CurrentApp().Driver().AbsolutePositionForObject(done).Add(fyne.NewPos(30, 2))
	c := cardWidget(t, w, "P2")
	// Part way: ghost shown, nothing saved.
	c.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: fyne.NewPos(40, 30)}, Dragged: fyne.NewDelta(20, 10)})
	if !b.ghost.Visible() {
		t.Error("no ghost card follows the pointer")
	}
	if _, ok := ws.CanUndo(); ok {
		t.Fatal("saved during the drag")
	}
	b.drag = nil
	b.ghost.Hide()
	dragTo(c, target, 6)
	if got := column(b, model.StatusDone); got != "P2 D1" {
		t.Errorf("Done = %q, want P2 dropped above D1", got)
	}
	if got := column(b, model.StatusPlanned); got != "P1 P3" {
		t.Errorf("Planned = %q", got)
	}
	a := ws.Portfolio().Get(model.KindAction, "P2").(*model.Action)
	if a.Status != model.StatusDone {
		t.Errorf("saved status %s", a.Status)
	}
	if b.ghost.Visible() || b.marker.Visible() {
		t.Error("ghost or marker left behind after the drop")
	}
	label, _ := ws.CanUndo()
	if !strings.Contains(label, "to Done") {
		t.Errorf("undo label %q", label)
	}
	ws.Undo()
	if got := column(b, model.StatusPlanned); got != "P1 P2 P3" {
		t.Errorf("after undo Planned = %q", got)
	}
}

func TestDragWithinColumnAndDropOutside(t *testing.T) {
	ws := boardWorkspace(t)
	b, w := newTestBoard(t, ws)
	d := fyne.CurrentApp().Driver()
	list := cellList(b, model.StatusPlanned)
	below := d.AbsolutePositionForObject(list).Add(fyne.NewPos(30, 3*b.pitch()-4)) // after the third card
	dragTo(cardWidget(t, w, "P1"), below, 5)
	if got := column(b, model.StatusPlanned); got != "P2 P3 P1" {
		t.Errorf("Planned = %q, want P1 moved to the end", got)
	}
	// A drop outside every column changes nothing.
	_, before := ws.CanUndo()
	dragTo(cardWidget(t, w, "P2"), fyne.NewPos(5, 5), 4)
	if got := column(b, model.StatusPlanned); got != "P2 P3 P1" {
		t.Errorf("a drop outside moved the card: %q", got)
	}
	if label, ok := ws.CanUndo(); ok != before || !strings.Contains(label, "First planned") {
		t.Errorf("a drop outside saved something: %q", label)
	}
}

func TestBoardKeyboardMoves(t *testing.T) {
	ws := boardWorkspace(t)
	b, w := newTestBoard(t, ws)
	test.Tap(cardWidget(t, w, "P3"))
	if b.selected != "P3" || w.Canvas().Focused() != b {
		t.Fatalf("tap selected %q, focus %v", b.selected, w.Canvas().Focused())
	}
	ctrl := func(k fyne.KeyName) {
		b.TypedShortcut(&desktop.CustomShortcut{KeyName: k, Modifier: fyne.KeyModifierControl})
	}
	ctrl(fyne.KeyUp)
	if got := column(b, model.StatusPlanned); got != "P1 P3 P2" {
		t.Errorf("Ctrl+↑: %q", got)
	}
	ctrl(fyne.KeyRight)
	if got := column(b, model.StatusInProgress); got != "P3" {
		t.Errorf("Ctrl+→: In progress = %q", got)
	}
	ctrl(fyne.KeyRight)
	ctrl(fyne.KeyRight)
	if got := column(b, model.StatusDone); got != "D1 P3" {
		t.Errorf("Ctrl+→ twice more: Done = %q, want P3 at the end", got)
	}
	b.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDelete})
	if ws.Portfolio().Get(model.KindAction, "P3") != nil {
		t.Fatal("Delete did not delete")
	}
	ws.Undo()
	if ws.Portfolio().Get(model.KindAction, "P3") == nil {
		t.Error("undo did not restore the deleted card")
	}
	for i := 0; i < 4; i++ {
		ws.Undo()
	}
	if got := column(b, model.StatusPlanned); got != "P1 P2 P3" {
		t.Errorf("after undoing every move: %q", got)
	}
}

func TestLanesFiltersAndWIP(t *testing.T) {
	ws := boardWorkspace(t)
	b, w := newTestBoard(t, ws)
	b.mode = model.LanesOwner
	b.reload()
	if len(b.cells) != 3*len(model.Statuses) {
		t.Fatalf("%d cells, want lanes Ann, Bob, Unassigned × 5 columns", len(b.cells))
	}
	var bobDone *boardCell
	for _, c := range b.cells {
		if c.lane.Value == "bob" && c.status == model.StatusDone {
			bobDone = c
		}
	}
	target := fyne.CurrentApp().Driver().AbsolutePositionForObject(bobDone.list).Add(fyne.NewPos(30, 2*b.pitch()))
	dragTo(cardWidget(t, w, "P1"), target, 6)
	a := ws.Portfolio().Get(model.KindAction, "P1").(*model.Action)
	if a.OwnerID != "bob" || a.Status != model.StatusDone {
		t.Errorf("dropped into Bob's Done lane: owner %q status %s", a.OwnerID, a.Status)
	}
	// Filter: Ann's cards only; counts follow the filter.
	b.filter.OwnerID = "ann"
	b.reload()
	if text, _ := b.countText(model.StatusPlanned); !strings.HasPrefix(text, "1 of 2") {
		t.Errorf("Planned count under the filter = %q, want 1 of 2", text)
	}
	b.filter = model.ActionFilter{}
	// WIP: limit Planned to 1; the column warns but the move is allowed.
	if err := ws.SetWIPLimit(model.WIPKey(model.StatusPlanned, model.LanesNone, ""), 1); err != nil {
		t.Fatal(err)
	}
	text, over := b.countText(model.StatusPlanned)
	if !over || !strings.Contains(text, "⚠ over") {
		t.Errorf("2 cards over a limit of 1: %q over=%v", text, over)
	}
	ws.Undo() // the limit
	if _, over := b.countText(model.StatusPlanned); over {
		t.Error("undo did not remove the WIP limit")
	}
}

func TestQuickAddAndEditor(t *testing.T) {
	ws := boardWorkspace(t)
	b, w := newTestBoard(t, ws)
	h := b.headers[model.StatusBlocked]
	h.add.SetText("Chase the signed order")
	h.quickAdd(h.add.Text)
	col := column(b, model.StatusBlocked)
	if col == "" || h.add.Text != "" {
		t.Fatalf("quick add: column %q, field %q", col, h.add.Text)
	}
	a := ws.Portfolio().Get(model.KindAction, b.selected).(*model.Action)
	if a.Title != "Chase the signed order" || a.Status != model.StatusBlocked {
		t.Errorf("quick-added %+v", a)
	}
	e := showActionEditor(ws, w, a)
	e.due.SetText("next week")
	e.expected.SetText("-500")
	if err := e.save(); err == nil {
		t.Fatal("a due date of 'next week' was accepted")
	}
	if !e.errors["due"].Visible() || !strings.Contains(e.errors["due"].Text, "next week") {
		t.Errorf("due error %q", e.errors["due"].Text)
	}
	if e.due.Text != "next week" {
		t.Error("the editor lost what was typed")
	}
	e.due.SetText("15.12.2026")
	if err := e.save(); err == nil || !e.errors["expected impact"].Visible() {
		t.Fatalf("a negative expected impact was accepted: %v", err)
	}
	e.expected.SetText("25,000")
	e.owner.SetSelected("Ann Lee")
	if err := e.save(); err != nil {
		t.Fatal(err)
	}
	a = ws.Portfolio().Get(model.KindAction, a.ID).(*model.Action)
	if a.Due.Format("2006-01-02") != "2026-12-15" || a.ExpectedImpact != 25_000_00 || a.OwnerID != "ann" {
		t.Errorf("saved %v %v %q", a.Due, a.ExpectedImpact, a.OwnerID)
	}
}

func TestMyActionsAcrossAccounts(t *testing.T) {
	test.NewTempApp(t)
	ws := sampleWorkspace(t)
	w := test.NewTempWindow(t, nil)
	var member *model.TeamMember
	for _, m := range ws.Portfolio().TeamMembers() {
		if m.Name == "Malik Osei" {
			member = m
		}
	}
	s := newBoardScreen(ws, w, boardScope{}, func() time.Time { return testToday }, nil)
	s.chooseMember(member.ID)
	accounts := map[string]bool{}
	n := 0
	for _, c := range s.board.cells {
		for _, a := range c.cards {
			n++
			accounts[a.AccountID] = true
			if a.OwnerID != member.ID {
				t.Fatalf("%s on %s's board belongs to %s", a.Title, member.Name, a.OwnerID)
			}
		}
	}
	if n == 0 || len(accounts) < 2 {
		t.Errorf("My actions shows %d cards from %d accounts; the sample gives Malik work on several", n, len(accounts))
	}
}

func TestBoardMarkup(t *testing.T) {
	ws := boardWorkspace(t)
	b, _ := newTestBoard(t, ws)
	b.selectCard("P2")
	test.AssertObjectRendersToMarkup(t, "board/four_cards.xml", b)
}

// Double-clicking a card opens its editor, as Enter does.
func TestDoubleClickOpensTheCard(t *testing.T) {
	ws := boardWorkspace(t)
	_, w := newTestBoard(t, ws)
	var card *boardCard
	for _, o := range test.LaidOutObjects(w.Content()) {
		if c, ok := o.(*boardCard); ok && c.action != nil && c.Visible() {
			card = c
			break
		}
	}
	if card == nil {
		t.Fatal("no card on the board")
	}
	if w.Canvas().Overlays().Top() != nil {
		t.Fatal("a dialog is open before the double click")
	}
	test.DoubleTap(card)
	if w.Canvas().Overlays().Top() == nil {
		t.Error("double-clicking a card opened no editor")
	}
}

// In workshop mode the board shows what the customer may see: only the
// actions agreed with them, without internal notes or impact. Moving a
// card there keeps every field of the stored action.
func TestWorkshopBoardIsCustomerSafeAndLosesNothing(t *testing.T) {
	ws := boardWorkspace(t)
	for _, id := range []string{"P1", "P2", "D1"} {
		a := model.Clone(ws.Portfolio().Get(model.KindAction, id)).(*model.Action)
		a.CustomerAgreed = id != "P2"
		a.Notes, a.NotesInternal = "Budget is tight, push licences", true
		a.ExpectedImpact, a.Lesson = 76_000_00, "start earlier"
		if err := ws.Save(a); err != nil {
			t.Fatal(err)
		}
	}
	b, w := newTestBoard(t, ws)
	b.safe = true
	b.reload()
	if got := column(b, model.StatusPlanned); got != "P1" {
		t.Fatalf("planned column in workshop mode shows %q, want only the agreed P1", got)
	}
	text := textsOf(w.Content())
	for _, leak := range []string{"Budget is tight", "76", "Second planned"} {
		if strings.Contains(text, leak) {
			t.Errorf("the workshop board shows %q", leak)
		}
	}
	b.moveToColumn(b.cells[0].cards[0], model.StatusInProgress)
	p1 := ws.Portfolio().Get(model.KindAction, "P1").(*model.Action)
	if p1.Status != model.StatusInProgress {
		t.Fatalf("the move did not happen: %s", p1.Status)
	}
	if p1.Notes != "Budget is tight, push licences" || p1.ExpectedImpact != 76_000_00 || p1.Lesson != "start earlier" || p1.OwnerID != "ann" {
		t.Errorf("moving a card in workshop mode lost fields: %+v", p1)
	}
}

// My actions shows the team member's own targets (a seller's quota) beside
// what the accounts they own brought, and follows a new target at once.
func TestMyActionsShowsTheMembersTargets(t *testing.T) {
	test.NewTempApp(t)
	ws := sampleWorkspace(t)
	w := test.NewTempWindow(t, nil)
	p := ws.Portfolio()
	var owner *model.TeamMember
	var acc *model.Account
	for _, a := range p.Accounts() {
		for _, m := range p.TeamMembers() {
			if m.Name == a.Owner && len(p.OfAccount(model.KindFigure, a.ID)) > 0 && owner == nil {
				owner, acc = m, a
			}
		}
	}
	if owner == nil {
		t.Fatal("no team member owns an account with figures in the sample")
	}
	var period string
	for _, e := range p.OfAccount(model.KindFigure, acc.ID) {
		if f := e.(*model.PeriodFigure); f.FigureKind == model.FigureActual && f.Period > period {
			period = f.Period
		}
	}
	s := newBoardScreen(ws, w, boardScope{}, func() time.Time { return testToday }, nil)
	t.Cleanup(ws.Subscribe(s.onEvent))
	s.chooseMember(owner.ID)
	if s.targets.Visible() {
		t.Errorf("targets shown for a member who has none: %q", s.targets.Text)
	}
	if err := ws.Save(&model.PeriodFigure{ID: model.NewID(), MemberID: owner.ID, Period: period, FigureKind: model.FigureTarget, Revenue: model.MoneyFromMajor(2_000_000)}); err != nil {
		t.Fatal(err)
	}
	if !s.targets.Visible() || !strings.Contains(s.targets.Text, period+" target 2.0M") || !strings.Contains(s.targets.Text, "their accounts brought") {
		t.Errorf("My actions of %s says %q", owner.Name, s.targets.Text)
	}
}
