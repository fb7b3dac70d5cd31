package views

import (
	"fmt"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"orchard/app/workspace"
	"orchard/model"
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
		rows := buildRows(accounts, w, accountQuery{text: "account", sortColumn: 4, descending: true})
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
	test.NewTempApp(b)
	ws, err := workspace.Create(filepath.Join(b.TempDir(), "big.orchard"), model.DefaultSettings(), manyAccounts(10000))
	if err != nil {
		b.Fatal(err)
	}
	defer ws.Close()
	w := test.NewTempWindow(b, nil)
	b.ReportAllocs()
	for b.Loop() {
		s := newPortfolioScreen(ws, w, nil, nil, nil)
		w.SetContent(s.root)
		w.Resize(fyne.NewSize(1400, 900))
	}
}
