package views

import (
	"errors"
	"math"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"

	"orchard/app/workspace"
	"orchard/model"
)

func TestScoreToPosRoundTrip(t *testing.T) {
	for _, size := range []fyne.Size{fyne.NewSize(800, 600), fyne.NewSize(1920, 1080), fyne.NewSize(430, 330)} {
		area := plotFor(size)
		for _, s := range [][2]float64{{0, 0}, {100, 100}, {50, 50}, {12.5, 87.5}, {99, 1}} {
			x, y := area.posToScore(area.scoreToPos(s[0], s[1]))
			if math.Abs(x-s[0]) > 0.01 || math.Abs(y-s[1]) > 0.01 {
				t.Errorf("%v: (%v,%v) came back as (%v,%v)", size, s[0], s[1], x, y)
			}
		}
		top := area.scoreToPos(0, 100)
		if top != area.origin {
			t.Errorf("weak/high corner at %v, want the plot's top-left %v", top, area.origin)
		}
		if x, y := area.posToScore(fyne.NewPos(-50, size.Height+50)); x != 0 || y != 0 {
			t.Errorf("a drop outside the plot gave (%v,%v), want it clamped to (0,0)", x, y)
		}
	}
}

func TestPlaceLabelsHidesOverlapsSmallerFirst(t *testing.T) {
	boxes := []labelBox{
		{index: 0, pos: fyne.NewPos(0, 0), size: fyne.NewSize(100, 20), rank: 1},
		{index: 1, pos: fyne.NewPos(50, 10), size: fyne.NewSize(100, 20), rank: 9},
		{index: 2, pos: fyne.NewPos(300, 0), size: fyne.NewSize(100, 20), rank: 2},
	}
	shown := placeLabels(boxes)
	if !shown[1] || shown[0] || !shown[2] {
		t.Errorf("shown %v: the larger account's label should win, the free one stay", shown)
	}
	if got := shortName("Marlow & Finch Insurance Group", 22); len([]rune(got)) != 22 || !strings.HasSuffix(got, "…") {
		t.Errorf("shortName = %q", got)
	}
}

func TestBubbleAreaFollowsRevenue(t *testing.T) {
	big, quarter := bubbleRadius(400, 400), bubbleRadius(100, 400)
	if math.Abs(float64(big/quarter)-2) > 1e-6 {
		t.Errorf("a quarter of the revenue should halve the radius (quarter the area): %v vs %v", big, quarter)
	}
	if bubbleRadius(0, 400) != minRadius {
		t.Error("a zero-revenue account must still get the minimum bubble")
	}
}

// quadrantWorkspace has three assessed accounts in three quadrants and one
// unassessed.
func quadrantWorkspace(t testing.TB) *workspace.Workspace {
	ws, err := workspace.Create(filepath.Join(t.TempDir(), "q.orchard"), model.DefaultSettings(), []model.Entity{
		&model.Account{ID: "a", Name: "Alpha Foods", Currency: "EUR", Revenue: 900_000_00, Answers: answersAll(5, 5)},
		&model.Account{ID: "b", Name: "Beta Rail", Currency: "EUR", Revenue: 100_000_00, Answers: answersAll(2, 4)},
		&model.Account{ID: "c", Name: "Gamma Labs", Currency: "USD", Revenue: 0, Answers: answersAll(4, 1)},
		&model.Account{ID: "d", Name: "Delta New", Currency: "EUR"},
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ws.Close() })
	return ws
}

func answersAll(value, rel int) model.Answers {
	var a model.Answers
	for q, info := range model.Questions {
		if info.Axis == model.AxisValue {
			a[q] = value
		} else {
			a[q] = rel
		}
	}
	return a
}

func newTestQuadrant(t *testing.T, ws *workspace.Workspace) (*quadrantEditor, fyne.Window) {
	t.Helper()
	test.NewTempApp(t)
	q := newQuadrantEditor(ws)
	t.Cleanup(ws.Subscribe(q.onEvent)) // as the portfolio screen forwards events
	w := test.NewTempWindow(t, q)
	w.SetPadded(false)
	w.Resize(fyne.NewSize(800, 600))
	return q, w
}

func centerOf(q *quadrantEditor, id string) fyne.Position {
	b := q.bubbles[q.indexOf(id)]
	return plotFor(q.Size()).scoreToPos(b.x, b.y)
}

func TestDragBubbleSavesManualPlacementOnce(t *testing.T) {
	ws := quadrantWorkspace(t)
	q, w := newTestQuadrant(t, ws)
	if len(q.bubbles) != 3 || q.unplaced != 1 {
		t.Fatalf("%d bubbles and %d unplaced, want 3 and 1", len(q.bubbles), q.unplaced)
	}
	start := centerOf(q, "b")
	test.Drag(w.Canvas(), start, 120, -80)
	a := ws.Portfolio().Account("b")
	if !a.Placed {
		t.Fatal("the drop was not saved as a manual placement")
	}
	wantX, wantY := plotFor(q.Size()).posToScore(start.Add(fyne.NewPos(120, -80)))
	if math.Abs(a.PlaceX-wantX) > 0.01 || math.Abs(a.PlaceY-wantY) > 0.01 {
		t.Errorf("saved at (%.2f, %.2f), want where it was dropped (%.2f, %.2f)", a.PlaceX, a.PlaceY, wantX, wantY)
	}
	if q.renderer.bubbles[q.indexOf("b")].ring == nil {
		t.Error("a manually placed bubble should be drawn with a ring")
	}
	if label, _ := ws.CanUndo(); !strings.Contains(label, "Move account \"Beta Rail\"") {
		t.Errorf("undo label %q", label)
	}
	ws.Undo()
	if ws.Portfolio().Account("b").Placed {
		t.Error("undo did not return the bubble to its scored position")
	}
	if c := centerOf(q, "b"); c != start {
		t.Errorf("after undo the bubble is at %v, want back at %v", c, start)
	}
}

func TestDragMovesWidgetsOnlyUntilRelease(t *testing.T) {
	ws := quadrantWorkspace(t)
	q, _ := newTestQuadrant(t, ws)
	start := centerOf(q, "a")
	// A real drag: the first event carries the pointer after its first step.
	pos := start
	for i := 0; i < 5; i++ {
		pos = pos.Add(fyne.NewPos(-20, 15))
		q.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: pos}, Dragged: fyne.NewDelta(-20, 15)})
		if ws.Portfolio().Account("a").Placed {
			t.Fatal("the workspace changed during the drag")
		}
	}
	circle := q.renderer.bubbles[q.indexOf("a")].circle
	r := q.bubbles[q.indexOf("a")].radius
	if got := circle.Position1.Add(fyne.NewPos(r, r)); got != pos {
		t.Errorf("the bubble is drawn at %v during the drag, want under the pointer at %v", got, pos)
	}
	if _, ok := ws.CanUndo(); ok {
		t.Fatal("a drag in progress left an undo step")
	}
	q.DragEnd()
	if !ws.Portfolio().Account("a").Placed {
		t.Fatal("release did not save")
	}
	ws.Undo()
	if _, ok := ws.CanUndo(); ok {
		t.Error("one drag should be exactly one undo step")
	}
}

func TestDragOnEmptySpaceChangesNothing(t *testing.T) {
	ws := quadrantWorkspace(t)
	q, w := newTestQuadrant(t, ws)
	test.Drag(w.Canvas(), fyne.NewPos(plotLeft+5, q.Size().Height-plotBottom-5), 50, -50)
	if _, ok := ws.CanUndo(); ok {
		t.Error("dragging empty space saved something")
	}
}

func TestQuadrantKeyboardAndSelection(t *testing.T) {
	ws := quadrantWorkspace(t)
	q, w := newTestQuadrant(t, ws)
	var opened, picked string
	q.onOpen = func(id string) { opened = id }
	q.onSelect = func(id string) { picked = id }
	test.TapCanvas(w.Canvas(), centerOf(q, "b"))
	if picked != "b" || q.selected != "b" {
		t.Fatalf("tapping Beta Rail selected %q", picked)
	}
	if w.Canvas().Focused() != q {
		t.Error("tapping the quadrant should give it the keyboard")
	}
	before := q.bubbles[q.indexOf("b")]
	x0, y0 := before.x, before.y
	q.TypedKey(&fyne.KeyEvent{Name: fyne.KeyRight})
	q.TypedKey(&fyne.KeyEvent{Name: fyne.KeyUp})
	a := ws.Portfolio().Account("b")
	if !a.Placed || math.Abs(a.PlaceX-(x0+2)) > 1e-9 || math.Abs(a.PlaceY-(y0+2)) > 1e-9 {
		t.Errorf("after → and ↑: placed %v at (%v,%v), want (%v,%v)", a.Placed, a.PlaceX, a.PlaceY, x0+2, y0+2)
	}
	q.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if opened != "b" {
		t.Errorf("Enter opened %q, want b", opened)
	}
}

func TestQuadrantHoverShowsFacts(t *testing.T) {
	ws := quadrantWorkspace(t)
	q, _ := newTestQuadrant(t, ws)
	q.MouseMoved(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: centerOf(q, "a")}})
	r := q.renderer
	if !r.tipBox.Visible() {
		t.Fatal("hovering a bubble shows no tooltip")
	}
	var text []string
	for _, l := range r.tipLines {
		text = append(text, l.Text)
	}
	all := strings.Join(text, "\n")
	for _, want := range []string{"Alpha Foods", "900,000 EUR", "Relationship 100", "Value 100", "First priority"} {
		if !strings.Contains(all, want) {
			t.Errorf("tooltip %q lacks %q", all, want)
		}
	}
	q.MouseOut()
	if r.tipBox.Visible() {
		t.Error("tooltip stays after the pointer left")
	}
}

func TestQuadrantFilterAndEmptyHint(t *testing.T) {
	ws := quadrantWorkspace(t)
	q, _ := newTestQuadrant(t, ws)
	q.filter.owner = "Nobody"
	q.reload()
	if len(q.bubbles) != 0 || !strings.Contains(q.renderer.hint.Text, "No accounts") {
		t.Errorf("filtered to nothing: %d bubbles, hint %q", len(q.bubbles), q.renderer.hint.Text)
	}
	empty, err := workspace.Create(filepath.Join(t.TempDir(), "e.orchard"), model.DefaultSettings(), nil)
	if err != nil {
		t.Fatal(err)
	}
	defer empty.Close()
	e := newQuadrantEditor(empty)
	test.NewTempWindow(t, e).Resize(fyne.NewSize(600, 400))
	if e.renderer.hint.Text == "" {
		t.Error("an empty workspace should show a hint in the quadrant")
	}
}

func TestQuadrantMarkup(t *testing.T) {
	ws := quadrantWorkspace(t)
	q, _ := newTestQuadrant(t, ws)
	q.showTrails = false
	if err := ws.MoveAccount("c", 80, 20); err != nil {
		t.Fatal(err)
	}
	q.selected = "a"
	q.Refresh()
	test.AssertObjectRendersToMarkup(t, "quadrant/three_accounts.xml", q)
}

func TestWeightsMoveAccountsEverywhere(t *testing.T) {
	ws := quadrantWorkspace(t)
	q, _ := newTestQuadrant(t, ws)
	// Beta Rail: trust and fit high, the rest low; weights decide its side.
	b := model.Clone(ws.Portfolio().Account("b")).(*model.Account)
	b.Answers = answersAll(4, 1)
	b.Answers[model.QTrust], b.Answers[model.QStrategicFit] = 5, 5
	if err := ws.Save(b); err != nil {
		t.Fatal(err)
	}
	if x := q.bubbles[q.indexOf("b")].x; x < 50 {
		t.Fatalf("with default weights (trust and fit ×3) Beta Rail should be strong, x = %v", x)
	}
	s := ws.Portfolio().Settings
	for i := range s.Weights {
		s.Weights[i] = 1
	}
	if err := ws.UpdateSettings(s); err != nil {
		t.Fatal(err)
	}
	if x := q.bubbles[q.indexOf("b")].x; x >= 50 {
		t.Errorf("with equal weights Beta Rail should be weak, x = %v", x)
	}
	ws.Undo()
	if x := q.bubbles[q.indexOf("b")].x; x < 50 {
		t.Errorf("undoing the weights should bring Beta Rail back, x = %v", x)
	}
}

// A quadrant standing alone (no screen listening for its errors) shows an
// error in a dialog rather than dropping it.
func TestQuadrantErrorsAreNeverDropped(t *testing.T) {
	test.NewTempApp(t)
	ws := sampleWorkspace(t)
	q := newQuadrantEditor(ws)
	w := test.NewTempWindow(t, q)
	w.Resize(fyne.NewSize(800, 600))
	q.onError = nil
	q.report(errors.New("the move could not be saved"))
	if w.Canvas().Overlays().Top() == nil {
		t.Error("an error with no listener was dropped")
	}
}

// Priority is told by more than its colour: each bubble carries its
// priority's digit, readable against the bubble's fill.
func TestBubblesCarryTheirPriorityDigit(t *testing.T) {
	for p := model.PriorityFirst; p <= model.PriorityFourth; p++ {
		mark := canvas.NewText("", nil)
		setMark(mark, p)
		if want := string(rune('0' + int(p))); mark.Text != want {
			t.Errorf("priority %v marked %q, want %q", p, mark.Text, want)
		}
		if c := contrast(mark.Color, priorityColor(int(p))); c < 3 {
			t.Errorf("priority %v: digit contrast %.1f:1 against its bubble, want 3:1 or more", p, c)
		}
	}
	mark := canvas.NewText("x", nil)
	if setMark(mark, model.PriorityNone); mark.Text != "" {
		t.Errorf("an unassessed bubble is marked %q", mark.Text)
	}
	// Drawn on screen; in front of the customer, never.
	s := portfolioOf(t, 30)
	s.tabs.SelectIndex(1)
	shown := func() int {
		n := 0
		for _, o := range s.quadrant.renderer.bubbles {
			if o.mark.Visible() && o.mark.Text != "" {
				n++
			}
		}
		return n
	}
	if shown() == 0 {
		t.Error("no bubble shows its priority's digit")
	}
	s.setWorkshop(true)
	s.quadrant.Refresh()
	if n := shown(); n != 0 {
		t.Errorf("in a workshop %d bubbles show our priority", n)
	}
}
