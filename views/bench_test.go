package views

import (
	"context"
	"fmt"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"

	"orchard/app/workspace"
	"orchard/model"
	"orchard/views/chart"
)

// BenchmarkBuildRows10k measures refreshing the account list for 10,000
// accounts: filter, score and sort.
func BenchmarkBuildRows10k(b *testing.B) {
	accounts := make([]*model.Account, 10000)
	for i := range accounts {
		a := &model.Account{ID: fmt.Sprint(i), Name: fmt.Sprintf("Account %05d", (i*7919)%10000), Currency: "EUR",
			Revenue: model.Money(i * 1000), Owner: fmt.Sprintf("Owner %d", i%40), Industry: fmt.Sprintf("Industry %d", i%25)}
		for q := range a.Answers {
			a.Answers[q] = 1 + (i+q)%5
		}
		accounts[i] = a
	}
	w := model.DefaultWeights()
	b.ReportAllocs()
	for b.Loop() {
		rows := buildRows(context.Background(), accounts, w, nil, accountQuery{text: "account", sortColumn: 4, descending: true})
		if len(rows) != len(accounts) {
			b.Fatal("rows lost")
		}
	}
}

// manyAccounts makes n assessed accounts spread over the quadrant.
func manyAccounts(n int) []model.Entity {
	out := make([]model.Entity, n)
	for i := range out {
		a := &model.Account{ID: fmt.Sprintf("acc-%05d", i), Name: fmt.Sprintf("Account %05d", i), Currency: "EUR",
			Revenue: model.Money((i%997 + 1) * 100_000), Owner: fmt.Sprintf("Owner %d", i%40), Industry: fmt.Sprintf("Industry %d", i%25)}
		for q := range a.Answers {
			a.Answers[q] = 1 + (i*7+q*3)%5
		}
		out[i] = a
	}
	return out
}

// BenchmarkQuadrantDragEvent measures one Dragged event on a quadrant of
// 500 accounts: the bubble and its attached objects move, nothing else.
func BenchmarkQuadrantDragEvent(b *testing.B) {
	test.NewTempApp(b)
	ws, err := workspace.Create(filepath.Join(b.TempDir(), "q.orchard"), model.DefaultSettings(), manyAccounts(500))
	if err != nil {
		b.Fatal(err)
	}
	defer ws.Close()
	q := newQuadrantEditor(ws)
	w := test.NewTempWindow(b, q)
	w.Resize(fyne.NewSize(1200, 800))
	b0 := q.bubbles[len(q.bubbles)/2]
	start := plotFor(q.Size()).scoreToPos(b0.x, b0.y)
	q.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: start.Add(fyne.NewPos(1, 1))}, Dragged: fyne.NewDelta(1, 1)})
	step := fyne.NewDelta(1, 0)
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		i++
		if i%200 == 0 {
			step.DX = -step.DX // stay inside the widget
		}
		q.Dragged(&fyne.DragEvent{Dragged: step})
	}
}

// BenchmarkOpenPortfolio10k measures building the Portfolio screen for a
// workspace of 10,000 accounts: list rows, quadrant bubbles and the form.
func BenchmarkOpenPortfolio10k(b *testing.B) {
	ws, w := accountsWindow(b, 10000)
	b.ReportAllocs()
	for b.Loop() {
		s := newPortfolioScreen(ws, w, nil, nil, nil, nil)
		w.SetContent(s.root)
		w.Resize(fyne.NewSize(1400, 900))
	}
}

// bigBoard makes one account with n actions spread over the columns.
func bigBoard(b *testing.B, n int) *workspace.Workspace {
	recs := []model.Entity{&model.Account{ID: "acc", Name: "Acme", Currency: "EUR"}, &model.TeamMember{ID: "m", Name: "Ann Lee"}}
	for i := 0; i < n; i++ {
		recs = append(recs, &model.Action{ID: fmt.Sprintf("a%04d", i), AccountID: "acc", Title: fmt.Sprintf("Action number %d", i),
			Status: model.Statuses[i%len(model.Statuses)], Order: float64(i), OwnerID: "m", ExpectedImpact: model.Money(i * 100)})
	}
	ws, err := workspace.Create(filepath.Join(b.TempDir(), "board.orchard"), model.DefaultSettings(), recs)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { ws.Close() })
	return ws
}

// BenchmarkOpenBoard1000 measures opening a board of 1,000 cards and
// laying it out in a window.
func BenchmarkOpenBoard1000(b *testing.B) {
	test.NewTempApp(b)
	ws := bigBoard(b, 1000)
	w := test.NewTempWindow(b, nil)
	b.ReportAllocs()
	for b.Loop() {
		v := newBoardView(ws, w, boardScope{accountID: "acc"}, func() time.Time { return testToday })
		w.SetContent(v)
		w.Resize(fyne.NewSize(1400, 900))
	}
}

// boardWithDrag opens a 1,000-card board and starts dragging a card.
func boardWithDrag(b *testing.B) (*boardView, *boardCard, *workspace.Workspace) {
	test.NewTempApp(b)
	ws := bigBoard(b, 1000)
	w := test.NewTempWindow(b, nil)
	v := newBoardView(ws, w, boardScope{accountID: "acc"}, func() time.Time { return testToday })
	b.Cleanup(ws.Subscribe(v.onEvent)) // a drop refreshes the board, as in the app
	w.SetContent(v)
	w.Resize(fyne.NewSize(1400, 900))
	var card *boardCard
	for _, o := range test.LaidOutObjects(w.Content()) {
		if c, ok := o.(*boardCard); ok && c.action != nil && c.Visible() {
			card = c
			break
		}
	}
	return v, card, ws
}

// BenchmarkBoardDragEvent measures one Dragged event: ghost, target cell,
// insertion marker.
func BenchmarkBoardDragEvent(b *testing.B) {
	v, card, _ := boardWithDrag(b)
	card.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: fyne.NewPos(30, 30)}, Dragged: fyne.NewDelta(10, 10)})
	step := fyne.NewDelta(3, 1)
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		i++
		if i%300 == 0 {
			step = fyne.NewDelta(-step.DX, -step.DY)
		}
		card.Dragged(&fyne.DragEvent{Dragged: step})
	}
	v.drag = nil
}

// BenchmarkBoardDrop measures a drop into another column: the move is
// computed, saved in one transaction and the board refreshed.
func BenchmarkBoardDrop(b *testing.B) {
	v, _, ws := boardWithDrag(b)
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		i++
		a := v.cells[i%len(v.cells)].cards[0]
		to := model.StatusStep(a.Status, 1)
		if to == a.Status {
			to = model.StatusPlanned
		}
		v.moveToColumn(a, to)
	}
	_ = ws
}

// bigMap makes an account with 300 stakeholders in a tree (299 reporting
// lines) plus 301 influence lines: 600 lines in all.
func bigMap(b testing.TB) *workspace.Workspace {
	recs := []model.Entity{&model.Account{ID: "acc", Name: "Acme", Currency: "EUR"}}
	var people []*model.Stakeholder
	for i := 0; i < 300; i++ {
		s := &model.Stakeholder{ID: fmt.Sprintf("s%03d", i), AccountID: "acc", Name: fmt.Sprintf("Person %03d", i), Title: "Manager",
			Influence: model.Influence(1 + i%3), Attitude: model.Attitude(i%5 - 2)}
		if i > 0 {
			s.ReportsTo = people[(i-1)/6].ID
		}
		people = append(people, s)
	}
	pos := model.OrgLayout(people)
	for _, s := range people {
		s.Placed, s.MapX, s.MapY = true, pos[s.ID].X, pos[s.ID].Y
		recs = append(recs, s)
	}
	for i := 0; i < 301; i++ {
		recs = append(recs, &model.InfluenceLink{ID: fmt.Sprintf("l%03d", i), AccountID: "acc", FromID: people[i%300].ID,
			ToID: people[(i*7+13)%300].ID, LinkKind: model.LinkInfluences, Strength: 1 + i%3})
	}
	ws, err := workspace.Create(filepath.Join(b.TempDir(), "map.orchard"), model.DefaultSettings(), recs)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { ws.Close() })
	return ws
}

// BenchmarkOpenMap300 measures opening a 300-person map with 600 lines.
func BenchmarkOpenMap300(b *testing.B) {
	test.NewTempApp(b)
	ws := bigMap(b)
	w := test.NewTempWindow(b, nil)
	b.ReportAllocs()
	for b.Loop() {
		m := newRelMap(ws, "acc")
		w.SetContent(m)
		w.Resize(fyne.NewSize(1400, 900))
	}
}

// BenchmarkMapDragEvent measures one Dragged event moving a card with its
// lines on that map.
func BenchmarkMapDragEvent(b *testing.B) {
	test.NewTempApp(b)
	ws := bigMap(b)
	m := newRelMap(ws, "acc")
	w := test.NewTempWindow(b, m)
	w.Resize(fyne.NewSize(1400, 900))
	c := m.scene.Cards[m.index["s001"]] // a manager: 7 reporting lines plus influences
	s := m.cardSize()
	start := m.toScreen(c.X, c.Y).Add(fyne.NewPos(s.Width/3, s.Height/2))
	m.MouseDown(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: start}})
	m.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: start.Add(fyne.NewPos(2, 2))}, Dragged: fyne.NewDelta(2, 2)})
	step := fyne.NewDelta(1, 0)
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		i++
		if i%100 == 0 {
			step.DX = -step.DX
		}
		m.Dragged(&fyne.DragEvent{Dragged: step})
	}
}

// BenchmarkMapExportPNG measures drawing that map to a 2× PNG.
func BenchmarkMapExportPNG(b *testing.B) {
	ws := bigMap(b)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := chart.RelationshipMapPNG(ws.Portfolio(), "acc", false, 2); err != nil {
			b.Fatal(err)
		}
	}
}

// portfolio10k shows the Portfolio screen of 10,000 accounts in a window
// of a projector's size.
func portfolio10k(b *testing.B) *portfolioScreen { return portfolioOf(b, 10000) }

// portfolioOf is a Portfolio screen of n accounts in a 1280×720 window.
func portfolioOf(tb testing.TB, n int) *portfolioScreen {
	tb.Helper()
	test.NewTempApp(tb)
	ws := manyWorkspace(tb, n)
	w := test.NewTempWindow(tb, nil)
	s := newPortfolioScreen(ws, w, nil, nil, nil, nil)
	s.offThread = func(work func() func()) { work()() } // filtered in place, for tests to see at once
	w.SetContent(s.root)
	w.Resize(fyne.NewSize(1280, 720))
	return s
}

// BenchmarkSelectAccount10k measures selecting an account in the list of
// 10,000 (a click on a row): the list, the quadrant's mark and the form
// follow the selection.
func BenchmarkSelectAccount10k(b *testing.B) {
	s := portfolio10k(b)
	// Rows in view, so no selection scrolls.
	ids := []string{s.list.rows[1].acc.ID, s.list.rows[2].acc.ID, s.list.rows[3].acc.ID}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		s.picked(ids[i%len(ids)])
		i++
	}
}

// BenchmarkFilterKeystroke10k measures the filtering a keystroke in the
// Portfolio filter over 10,000 accounts leads to once typing pauses: the
// rows it lets through, the count and the table.
func BenchmarkFilterKeystroke10k(b *testing.B) {
	s := portfolio10k(b)
	typeIntoFilter(b, s)
}

// BenchmarkFilterUIThread10k is what a settled keystroke over 10,000
// accounts costs the UI thread now that the filtering runs off it: taking
// the snapshot and showing the rows it brings.
func BenchmarkFilterUIThread10k(b *testing.B) {
	s := portfolio10k(b)
	s.offThread = func(work func() func()) {
		b.StopTimer()
		show := work()
		b.StartTimer()
		show()
	}
	typeIntoFilter(b, s)
}

// typeIntoFilter times settled keystrokes in the Portfolio filter, each
// narrowing or widening what the one before let through.
func typeIntoFilter(b *testing.B, s *portfolioScreen) {
	texts := []string{"Account 0", "Account 01", "Account 012", "Account 01"}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		s.list.query.text = texts[i%len(texts)]
		s.filterChanged()
		i++
	}
}

// BenchmarkNewShell1000 measures what start-up does before the first frame
// on a workspace of 1,000 accounts: the shell with its Portfolio screen,
// laid out in a window of the default size.
func BenchmarkNewShell1000(b *testing.B) {
	ws, w := accountsWindow(b, 1000)
	b.ReportAllocs()
	for b.Loop() {
		s := NewStartingShell(ws, w)
		w.SetContent(s.Content())
		w.Resize(fyne.NewSize(1280, 720))
		s.Close()
	}
}

// accountsWindow is a workspace of n assessed accounts and an empty window.
func accountsWindow(b *testing.B, n int) (*workspace.Workspace, fyne.Window) {
	b.Helper()
	test.NewTempApp(b)
	return manyWorkspace(b, n), test.NewTempWindow(b, nil)
}

// manyWorkspace is a workspace file of n assessed accounts, closed when
// the test ends.
func manyWorkspace(tb testing.TB, n int) *workspace.Workspace {
	tb.Helper()
	ws, err := workspace.Create(filepath.Join(tb.TempDir(), "many.orchard"), model.DefaultSettings(), manyAccounts(n))
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { ws.Close() })
	return ws
}

// scrollY is how far down the table is scrolled. The table keeps it
// unexported, and the headless driver draws cells wherever it is, so
// tests read it to know what a user would see.
func scrollY(tb *keyTable) float32 {
	return float32(reflect.ValueOf(&tb.Table).Elem().FieldByName("offset").FieldByName("Y").Float())
}
