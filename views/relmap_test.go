package views

import (
	"bytes"
	"image/png"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"orchard/app/workspace"
	"orchard/model"
	"orchard/views/chart"
)

// mapWorkspace: a CEO with two reports, one influence line, one team
// member who knows the CEO.
func mapWorkspace(t testing.TB) *workspace.Workspace {
	recs := []model.Entity{
		&model.Account{ID: "acc", Name: "Acme", Currency: "EUR"},
		&model.TeamMember{ID: "ann", Name: "Ann Lee"},
		&model.TeamAssignment{ID: "ta", AccountID: "acc", MemberID: "ann"},
		&model.Stakeholder{ID: "ceo", AccountID: "acc", Name: "Cleo Chief", Title: "CEO", Role: model.RoleDecisionMaker, Influence: model.InfluenceHigh, Attitude: 1, Placed: true, MapX: 220, MapY: 0},
		&model.Stakeholder{ID: "cfo", AccountID: "acc", Name: "Fin Money", Title: "CFO", ReportsTo: "ceo", Role: model.RoleEconomicBuyer, Attitude: -1, Placed: true, MapX: 0, MapY: 200},
		&model.Stakeholder{ID: "cio", AccountID: "acc", Name: "Ida Tech", Title: "CIO", ReportsTo: "ceo", Placed: true, MapX: 440, MapY: 200},
		&model.InfluenceLink{ID: "l1", AccountID: "acc", FromID: "cfo", ToID: "cio", LinkKind: model.LinkInfluences, Strength: 3},
		&model.Coverage{ID: "c1", AccountID: "acc", MemberID: "ann", StakeholderID: "ceo", Strength: model.StrengthTrustedAdvisor},
	}
	ws, err := workspace.Create(filepath.Join(t.TempDir(), "m.orchard"), model.DefaultSettings(), recs)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ws.Close() })
	return ws
}

func newTestMap(t *testing.T, ws *workspace.Workspace) (*relMap, fyne.Window) {
	t.Helper()
	test.NewTempApp(t)
	m := newRelMap(ws, "acc")
	t.Cleanup(ws.Subscribe(m.onEvent))
	w := test.NewTempWindow(t, m)
	w.SetPadded(false)
	w.Resize(fyne.NewSize(1000, 700))
	return m, w
}

func cardCenter(m *relMap, id string) fyne.Position {
	c := m.scene.Cards[m.index[id]]
	s := m.cardSize()
	return m.toScreen(c.X, c.Y).Add(fyne.NewPos(s.Width/2, s.Height/2))
}

// pointerDrag presses at from and moves to to in steps, as the desktop
// driver reports it.
func pointerDrag(m *relMap, from, to fyne.Position, steps int, shift bool) {
	mod := fyne.KeyModifier(0)
	if shift {
		mod = fyne.KeyModifierShift
	}
	m.MouseDown(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: from}, Button: desktop.MouseButtonPrimary, Modifier: mod})
	step := fyne.NewDelta((to.X-from.X)/float32(steps), (to.Y-from.Y)/float32(steps))
	pos := from
	for i := 0; i < steps; i++ {
		pos = pos.Add(step)
		m.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: pos}, Dragged: step})
	}
}

func lineIndex(m *relMap, kind model.LineKind, from, to string) int {
	for i, l := range m.scene.Lines {
		if l.Kind == kind && l.From == from && l.To == to {
			return i
		}
	}
	return -1
}

func TestDragCardMovesItsLinesAndSavesOnRelease(t *testing.T) {
	ws := mapWorkspace(t)
	m, _ := newTestMap(t, ws)
	li := lineIndex(m, model.LineReports, "cfo", "ceo")
	a0, _, _ := m.renderer.lineEnds(li)
	from := cardCenter(m, "cfo")
	pointerDrag(m, from, from.Add(fyne.NewPos(-40, 90)), 5, false)
	a1, _, _ := m.renderer.lineEnds(li)
	if a1 == a0 {
		t.Error("the reporting line did not follow the card during the drag")
	}
	if s := ws.Portfolio().Get(model.KindStakeholder, "cfo").(*model.Stakeholder); s.MapY != 200 {
		t.Fatal("the drag saved before release")
	}
	m.DragEnd()
	s := ws.Portfolio().Get(model.KindStakeholder, "cfo").(*model.Stakeholder)
	wantX, wantY := 0+float64(-40/m.zoom), 200+float64(90/m.zoom)
	if diff(s.MapX, wantX) > 0.01 || diff(s.MapY, wantY) > 0.01 {
		t.Errorf("saved at (%.1f, %.1f), want (%.1f, %.1f) in map units", s.MapX, s.MapY, wantX, wantY)
	}
	label, _ := ws.CanUndo()
	if !strings.Contains(label, "Fin Money") {
		t.Errorf("undo label %q", label)
	}
	ws.Undo()
	if s := ws.Portfolio().Get(model.KindStakeholder, "cfo").(*model.Stakeholder); s.MapX != 0 || s.MapY != 200 {
		t.Errorf("undo left the card at (%v, %v)", s.MapX, s.MapY)
	}
}

func diff(a, b float64) float64 {
	if a > b {
		return a - b
	}
	return b - a
}

func TestRubberBandSelectsAndMovesTogether(t *testing.T) {
	ws := mapWorkspace(t)
	m, _ := newTestMap(t, ws)
	s := m.cardSize()
	cfo, cio := m.toScreen(0, 200), m.toScreen(440, 200)
	pointerDrag(m, cfo.Subtract(fyne.NewPos(10, 10)), cio.Add(fyne.NewPos(s.Width+10, s.Height+10)), 4, true)
	m.DragEnd()
	if !m.selected["cfo"] || !m.selected["cio"] || m.selected["ceo"] {
		t.Fatalf("rubber band selected %v, want CFO and CIO", m.selected)
	}
	pointerDrag(m, cardCenter(m, "cio"), cardCenter(m, "cio").Add(fyne.NewPos(0, 60)), 3, false)
	m.DragEnd()
	p := ws.Portfolio()
	if p.Get(model.KindStakeholder, "cfo").(*model.Stakeholder).MapY <= 200 || p.Get(model.KindStakeholder, "cio").(*model.Stakeholder).MapY <= 200 {
		t.Error("both selected cards should move together")
	}
	if label, _ := ws.CanUndo(); label != "Move 2 stakeholders" {
		t.Errorf("one step for the group, got %q", label)
	}
}

func TestConnectByHandle(t *testing.T) {
	ws := mapWorkspace(t)
	m, w := newTestMap(t, ws)
	var errs []error
	m.onError = func(err error) { errs = append(errs, err) }
	pointerDrag(m, m.handlePos(m.index["cio"]), cardCenter(m, "cfo"), 5, false)
	m.DragEnd()
	if w.Canvas().Overlays().Top() == nil {
		t.Fatal("dropping a line on a card should ask what it means")
	}
	items, err := m.connectChoices(m.index["cio"], m.index["cfo"])
	if err != nil || len(items) != 4 {
		t.Fatalf("choices %d, %v", len(items), err)
	}
	items[1].Action() // dotted line
	if s := ws.Portfolio().Get(model.KindStakeholder, "cio").(*model.Stakeholder); s.DottedLine != "cfo" {
		t.Errorf("dotted line not saved: %q", s.DottedLine)
	}
	items[2].Action() // influences
	if lineIndex(m, model.LineInfluence, "cio", "cfo") < 0 {
		t.Error("the new influence line is not drawn")
	}
	// A loop is refused and names the people.
	loop, _ := m.connectChoices(m.index["ceo"], m.index["cfo"])
	loop[0].Action() // CEO reports to CFO, who reports to the CEO
	if len(errs) == 0 || !strings.Contains(errs[len(errs)-1].Error(), "Cleo Chief → Fin Money → Cleo Chief") {
		t.Errorf("loop error %v", errs)
	}
	if _, err := m.connectChoices(m.index["cfo"], m.index["cfo"]); err == nil {
		t.Error("a line from a card to itself was offered")
	}
	// Our team member to a stakeholder: coverage strengths.
	cov, _ := m.connectChoices(m.index["ann"], m.index["cio"])
	cov[2].Action()
	if lineIndex(m, model.LineCoverage, "ann", "cio") < 0 {
		t.Error("coverage line not created")
	}
}

func TestSelectLineAndDelete(t *testing.T) {
	ws := mapWorkspace(t)
	m, _ := newTestMap(t, ws)
	li := lineIndex(m, model.LineInfluence, "cfo", "cio")
	a, b, _ := m.renderer.lineEnds(li)
	mid := fyne.NewPos((a.X+b.X)/2, (a.Y+b.Y)/2)
	m.Tapped(&fyne.PointEvent{Position: mid})
	if m.selLine != li {
		t.Fatalf("tapping the influence line selected line %d", m.selLine)
	}
	m.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDelete})
	if ws.Portfolio().Get(model.KindInfluenceLink, "l1") != nil {
		t.Fatal("Delete did not remove the line")
	}
	ws.Undo()
	if ws.Portfolio().Get(model.KindInfluenceLink, "l1") == nil {
		t.Error("undo did not restore the line")
	}
	items := m.lineStrengthItems(lineIndex(m, model.LineInfluence, "cfo", "cio"))
	if len(items) != 4 || !items[2].Checked {
		t.Fatalf("influence strength items %d, strong checked %v", len(items), len(items) > 2 && items[2].Checked)
	}
	items[0].Action()
	if l := ws.Portfolio().Get(model.KindInfluenceLink, "l1").(*model.InfluenceLink); l.Strength != 1 {
		t.Errorf("strength %d after choosing weak", l.Strength)
	}
	// Deleting a person removes their lines in the same step.
	m.Tapped(&fyne.PointEvent{Position: cardCenter(m, "cfo")})
	m.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDelete})
	if ws.Portfolio().Get(model.KindInfluenceLink, "l1") != nil || lineIndex(m, model.LineReports, "cfo", "ceo") >= 0 {
		t.Error("the CFO's lines survived their deletion")
	}
	ws.Undo()
	if ws.Portfolio().Get(model.KindInfluenceLink, "l1") == nil || lineIndex(m, model.LineReports, "cfo", "ceo") < 0 {
		t.Error("one undo should bring the CFO back with their lines")
	}
}

func TestZoomPanAndFit(t *testing.T) {
	ws := mapWorkspace(t)
	m, _ := newTestMap(t, ws)
	p := fyne.NewPos(300, 300)
	at := m.toMap(p)
	m.ctrl = true
	for i := 0; i < 40; i++ {
		m.Scrolled(&fyne.ScrollEvent{PointEvent: fyne.PointEvent{Position: p}, Scrolled: fyne.NewDelta(0, 10)})
	}
	if m.zoom != maxZoom {
		t.Errorf("zoom %v, want capped at %v", m.zoom, maxZoom)
	}
	if back := m.toMap(p); diff(back.X, at.X) > 0.01 || diff(back.Y, at.Y) > 0.01 {
		t.Errorf("zooming moved the point under the pointer: %v -> %v", at, back)
	}
	m.ctrl = false
	m.TypedRune('0')
	x0, y0, x1, y1 := m.scene.Bounds()
	tl, br := m.toScreen(x0, y0), m.toScreen(x1, y1)
	if tl.X < 0 || tl.Y < 0 || br.X > m.Size().Width || br.Y > m.Size().Height {
		t.Errorf("fit leaves cards outside: %v – %v in %v", tl, br, m.Size())
	}
	before := m.pan
	pointerDrag(m, fyne.NewPos(5, 690), fyne.NewPos(105, 640), 4, false)
	m.DragEnd()
	if m.pan.X-before.X != 100 || m.pan.Y-before.Y != -50 {
		t.Errorf("dragging the background panned by %v", m.pan.Subtract(before))
	}
	if _, ok := ws.CanUndo(); ok {
		t.Error("panning saved something")
	}
}

func TestCustomerSafeHidesAttitudeAndGaps(t *testing.T) {
	ws := mapWorkspace(t)
	m, _ := newTestMap(t, ws)
	o := m.renderer.cards[m.index["cfo"]]
	if !o.attitude.Visible() || !strings.Contains(o.attitude.Text, "detractor") {
		t.Fatalf("attitude shown as %q", o.attitude.Text)
	}
	m.customerSafe = true
	m.reload() // as the Customer-safe check does: the customer's scene
	o = m.renderer.cards[m.index["cfo"]]
	if o.attitude.Visible() || o.covText.Visible() {
		t.Error("customer-safe view still shows attitude or coverage")
	}
	if col, _ := m.renderer.cardStroke(m.index["cfo"]); col != ColorNeutral {
		t.Error("customer-safe view still colours the card by attitude")
	}
	if strings.Contains(o.role.Text, "influence") || o.role.Text != "" {
		t.Errorf("customer-safe card still prints %q", o.role.Text)
	}
	for _, l := range m.scene.Lines {
		if l.Kind == model.LineInfluence || l.Kind == model.LineConflict || l.Kind == model.LineCoverage {
			t.Errorf("the customer-safe map draws a %v line", l.Kind)
		}
	}
	if len(m.scene.Lines) == 0 {
		t.Error("the customer-safe map lost its reporting lines too")
	}
	safe, err := chart.RelationshipMapPNG(ws.Portfolio(), "acc", true, 2)
	if err != nil {
		t.Fatal(err)
	}
	full, _ := chart.RelationshipMapPNG(ws.Portfolio(), "acc", false, 2)
	if bytes.Equal(safe, full) {
		t.Error("the customer-safe picture equals the internal one")
	}
	img, err := png.Decode(bytes.NewReader(safe))
	if err != nil {
		t.Fatal(err)
	}
	x0, _, x1, _ := m.scene.Bounds()
	if w := img.Bounds().Dx(); w != int((x1-x0+80)*2) {
		t.Errorf("export width %d, want the map at 2× (%v)", w, (x1-x0+80)*2)
	}
}

func TestRelayoutIsOneUndoableStep(t *testing.T) {
	test.NewTempApp(t)
	ws := sampleWorkspace(t)
	w := test.NewTempWindow(t, nil)
	acc := accountByName(ws, "Northwind Logistics")
	s := newMapScreen(ws, w, acc.ID, nil)
	before := ws.Portfolio().Stakeholders(acc.ID)[0]
	s.relayout()
	after := ws.Portfolio().Stakeholders(acc.ID)[0]
	if !after.Placed {
		t.Fatal("re-layout did not place the stakeholders")
	}
	label, _ := ws.CanUndo()
	if !strings.HasPrefix(label, "Re-layout 20 stakeholders") {
		t.Errorf("undo label %q", label)
	}
	ws.Undo()
	if got := ws.Portfolio().Stakeholders(acc.ID)[0]; got.Placed != before.Placed {
		t.Error("undo did not return the layout")
	}
	// Gaps panel: one click adds the suggested action to the plan.
	gaps := ws.Portfolio().CoverageGaps(acc.ID)
	if len(gaps) == 0 {
		t.Fatal("the sample has coverage gaps")
	}
	n := len(ws.Portfolio().Actions(acc.ID))
	t.Cleanup(ws.Subscribe(s.onEvent))
	s.createAction(gaps[0])
	if got := len(ws.Portfolio().Actions(acc.ID)); got != n+1 {
		t.Errorf("Create action added %d actions", got-n)
	}
	// Its button now opens that action rather than adding another.
	var first *widget.Button
	for _, o := range test.LaidOutObjects(s.gaps) {
		if b, ok := o.(*widget.Button); ok && first == nil {
			first = b
		}
	}
	if first == nil || first.Text != "Open action" {
		t.Fatalf("the gap's button reads %v after its action was created", first)
	}
	test.Tap(first)
	if got := len(ws.Portfolio().Actions(acc.ID)); got != n+1 {
		t.Errorf("Open action added an action (%d)", got-n)
	}
	if w.Canvas().Overlays().Top() == nil {
		t.Error("Open action did not open the action's editor")
	}
}

func TestMapMarkup(t *testing.T) {
	ws := mapWorkspace(t)
	m, _ := newTestMap(t, ws)
	m.selected["cio"] = true
	m.Refresh()
	test.AssertObjectRendersToMarkup(t, "relmap/three_people.xml", m)
}

func TestMovingOneCardFixesTheAutoLayoutOfOthers(t *testing.T) {
	test.NewTempApp(t)
	ws := sampleWorkspace(t)
	acc := accountByName(ws, "Northwind Logistics")
	m := newRelMap(ws, acc.ID)
	t.Cleanup(ws.Subscribe(m.onEvent))
	w := test.NewTempWindow(t, m)
	w.Resize(fyne.NewSize(1200, 800))
	before := map[string]model.SceneCard{}
	for _, c := range m.scene.Cards {
		before[c.ID] = c
	}
	var moved string
	for _, c := range m.scene.Cards {
		if !c.Member {
			moved = c.ID
			break
		}
	}
	pointerDrag(m, cardCenter(m, moved), cardCenter(m, moved).Add(fyne.NewPos(30, 40)), 3, false)
	m.DragEnd()
	for _, c := range m.scene.Cards {
		if c.ID == moved || c.Member {
			continue
		}
		if b := before[c.ID]; b.X != c.X || b.Y != c.Y {
			t.Fatalf("%s jumped from (%v,%v) to (%v,%v) when another card moved", c.Name, b.X, b.Y, c.X, c.Y)
		}
	}
	ws.Undo()
	for _, s := range ws.Portfolio().Stakeholders(acc.ID) {
		if s.Placed {
			t.Fatalf("undo left %s placed", s.Name)
		}
	}
}

// A 300-person map opens with names at least as large as body text and
// its top person in view; Fit then shows everyone; on a projector the
// names are twice the desk's body text.
func TestMapOpensReadable(t *testing.T) {
	ws := bigMap(t)
	m, _ := newTestMap(t, ws)
	body := m.Theme().Size(theme.SizeNameText)
	top := m.renderer.cards[m.index["s000"]]
	if top.name.TextSize < body {
		t.Errorf("names open at %.1f, body text is %.1f", top.name.TextSize, body)
	}
	if p := cardCenter(m, "s000"); p.X < 0 || p.Y < 0 || p.X > m.Size().Width || p.Y > m.Size().Height {
		t.Errorf("the top person is out of view at %v", p)
	}
	m.fit()
	s := m.cardSize()
	for _, c := range m.scene.Cards {
		p := m.toScreen(c.X, c.Y)
		if p.X < -1 || p.Y < -1 || p.X+s.Width > m.Size().Width+1 || p.Y+s.Height > m.Size().Height+1 {
			t.Fatalf("after Fit, %s is outside the view at %v", c.Name, p)
		}
	}
	fyne.CurrentApp().Settings().SetTheme(NewTheme(true, 1))
	m.userMoved = false
	m.ThemeChanged()
	if got := m.renderer.cards[m.index["s000"]].name.TextSize; got < 2*body {
		t.Errorf("on a projector names are %.1f, want at least %.1f", got, 2*body)
	}
}

// On a projector the presenter walks a large org chart with the arrow
// keys: each press selects the next person that way and the map pans so
// that person is in view; a key with no one that way changes nothing.
func TestArrowsWalkTheMapAndItFollows(t *testing.T) {
	ws := bigMap(t)
	m, _ := newTestMap(t, ws)
	fyne.CurrentApp().Settings().SetTheme(NewTheme(true, 1))
	m.userMoved = false
	m.ThemeChanged()
	inView := func() (string, bool) {
		for id := range m.selected {
			c := m.scene.Cards[m.index[id]]
			p, s := m.toScreen(c.X, c.Y), m.cardSize()
			return c.Name, p.X >= 0 && p.Y >= 0 && p.X+s.Width <= m.Size().Width && p.Y+s.Height <= m.Size().Height
		}
		return "", false
	}
	m.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	if name, ok := inView(); name == "" || !ok {
		t.Fatalf("the first arrow should select the top person in view, got %q (in view %v)", name, ok)
	}
	seen := map[string]bool{}
	for _, k := range []fyne.KeyName{fyne.KeyDown, fyne.KeyDown, fyne.KeyRight, fyne.KeyRight, fyne.KeyRight, fyne.KeyRight, fyne.KeyDown, fyne.KeyLeft, fyne.KeyLeft} {
		m.TypedKey(&fyne.KeyEvent{Name: k})
		name, ok := inView()
		if !ok {
			t.Errorf("after %s, %s is selected but out of view", k, name)
		}
		seen[name] = true
	}
	if len(seen) < 5 {
		t.Errorf("the arrows reached only %d people: %v", len(seen), seen)
	}
	// Up from the top person: nobody is above, nothing changes.
	m.selected = map[string]bool{"s000": true}
	m.TypedKey(&fyne.KeyEvent{Name: fyne.KeyUp})
	if !m.selected["s000"] || len(m.selected) != 1 {
		t.Errorf("Up from the top person changed the selection to %v", m.selected)
	}
}
