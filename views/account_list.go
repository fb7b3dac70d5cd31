package views

import (
	"context"
	"image/color"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"orchard/model"
)

// accountList is the virtualised table of accounts: click a header to sort,
// click a row to select it, tick rows to act on several at once.
type accountList struct {
	table    *keyTable
	rows     []*accountRow
	query    accountQuery
	selected string          // account ID shown in the form
	checked  map[string]bool // ticked account IDs
	onSelect func(id string)
	onCheck  func()
	onSort   func() // the order changed
	today    func() time.Time
	// health holds every account's health, worked out once per change of
	// the workspace (and day) rather than on every keystroke in the filter.
	health    map[string]model.Health
	healthDay time.Time
}

// healthChanged forgets the accounts' health: the workspace changed.
func (l *accountList) healthChanged() { l.health = nil }

// The table's first column holds the tick boxes; the rest are accountColumns.
const checkColumnWidth = 44

func newAccountList(onSelect func(id string)) *accountList {
	l := &accountList{onSelect: onSelect, checked: map[string]bool{}, today: time.Now}
	// A table of its own kind, so F11 and Esc reach the window after a
	// row is clicked.
	t := &keyTable{}
	t.Length = func() (int, int) { return len(l.rows), len(accountColumns) + 1 }
	t.CreateCell, t.UpdateCell = l.createCell, l.updateCell
	t.ShowHeaderRow = true
	t.ExtendBaseWidget(t)
	l.table = t
	l.table.ShowHeaderColumn = false
	l.table.StickyColumnCount = 2 // the tick and the name stay in view when scrolling sideways
	l.table.CreateHeader = func() fyne.CanvasObject {
		b := widget.NewButton("", nil)
		b.Importance = widget.LowImportance
		b.Alignment = widget.ButtonAlignLeading
		c := widget.NewCheck("", nil)
		return container.NewStack(b, c)
	}
	l.table.UpdateHeader = l.updateHeader
	l.table.SetColumnWidth(0, checkColumnWidth)
	for i, c := range accountColumns {
		l.table.SetColumnWidth(i+1, c.width)
	}
	l.table.OnSelected = func(id widget.TableCellID) {
		if id.Row < 0 || id.Row >= len(l.rows) {
			return
		}
		if id.Col == 0 {
			// The tick column from the keyboard (Space on its cell) or a
			// click beside the box ticks the row, as the box does.
			accID := l.rows[id.Row].acc.ID
			l.check(accID, !l.checked[accID])
			l.table.Unselect(id) // so that the next Space ticks again
			l.table.RefreshItem(id)
			return
		}
		// The screen's selection refreshes the table once (selectAccount).
		if l.onSelect != nil {
			l.onSelect(l.rows[id.Row].acc.ID)
		} else {
			l.selectAccount(l.rows[id.Row].acc.ID)
		}
	}
	return l
}

func (l *accountList) updateHeader(id widget.TableCellID, o fyne.CanvasObject) {
	stack := o.(*fyne.Container)
	b, c := stack.Objects[0].(*widget.Button), stack.Objects[1].(*widget.Check)
	if id.Col < 0 {
		return
	}
	if id.Col == 0 {
		b.Hide()
		c.Show()
		c.OnChanged = nil
		c.SetChecked(len(l.rows) > 0 && l.countChecked() == len(l.rows))
		c.OnChanged = func(on bool) { l.checkAll(on) }
		return
	}
	c.Hide()
	b.Show()
	col := id.Col - 1
	title := accountColumns[col].title
	if col == l.query.sortColumn {
		if l.query.descending {
			title += " ▼"
		} else {
			title += " ▲"
		}
	}
	b.SetText(title)
	b.OnTapped = func() { l.sortBy(col) }
}

// createCell makes a cell: a background and a label; the tick box is
// added when the cell first shows the tick column, so the other columns'
// cells (most of them) carry none.
func (l *accountList) createCell() fyne.CanvasObject {
	bg := canvas.NewRectangle(color.Transparent)
	lbl := widget.NewLabel("")
	return newFitCell(lbl, bg, lbl)
}

// cellCheck is the cell's tick box, made the first time it is needed.
func cellCheck(stack *fyne.Container) *widget.Check {
	if len(stack.Objects) < 3 {
		stack.Add(widget.NewCheck("", nil))
	}
	return stack.Objects[2].(*widget.Check)
}

func (l *accountList) updateCell(id widget.TableCellID, o fyne.CanvasObject) {
	stack := o.(*fyne.Container)
	bg, lbl := stack.Objects[0].(*canvas.Rectangle), stack.Objects[1].(*widget.Label)
	if id.Row >= len(l.rows) {
		lbl.SetText("")
		return
	}
	r := l.rows[id.Row]
	want := color.Color(color.Transparent)
	if r.acc.ID == l.selected {
		want = theme.Color(theme.ColorNameSelection)
	}
	if bg.FillColor != want {
		bg.FillColor = want
		bg.Refresh()
	}
	if id.Col == 0 {
		lbl.Hide()
		chk := cellCheck(stack)
		chk.Show()
		accID := r.acc.ID
		chk.OnChanged = nil // recycled cell: do not report the old row
		chk.SetChecked(l.checked[accID])
		chk.OnChanged = func(on bool) { l.check(accID, on) }
		return
	}
	if len(stack.Objects) > 2 {
		stack.Objects[2].Hide()
	}
	lbl.Show()
	col := accountColumns[id.Col-1]
	text, importance, style := col.text(r), widget.MediumImportance, fyne.TextStyle{Bold: id.Col == 1}
	if col.title == "Priority" && r.eval.Priority == model.PriorityFirst {
		importance = widget.SuccessImportance
	}
	if col.title == "Health" && r.health.AtRisk {
		importance = widget.DangerImportance
	}
	// Shaping and shortening text with "…" is most of a table refresh: a
	// cell already showing this text in this style is left alone, so a new
	// selection re-measures nothing; a text that fits is not shortened.
	if lbl.Text != text || lbl.Importance != importance || lbl.TextStyle != style {
		lbl.Text, lbl.Importance, lbl.TextStyle = text, importance, style
		fitLabel(lbl, o.Size().Width)
		lbl.Refresh()
	}
}

func (l *accountList) check(id string, on bool) {
	if on {
		l.checked[id] = true
	} else {
		delete(l.checked, id)
	}
	l.table.RefreshItem(widget.TableCellID{Row: -1, Col: 0})
	l.table.Refresh()
	if l.onCheck != nil {
		l.onCheck()
	}
}

// checkAll ticks or clears every row the filter shows.
func (l *accountList) checkAll(on bool) {
	for _, r := range l.rows {
		if on {
			l.checked[r.acc.ID] = true
		} else {
			delete(l.checked, r.acc.ID)
		}
	}
	l.table.Refresh()
	if l.onCheck != nil {
		l.onCheck()
	}
}

func (l *accountList) countChecked() int {
	n := 0
	for _, r := range l.rows {
		if l.checked[r.acc.ID] {
			n++
		}
	}
	return n
}

// checkedAccounts returns the ticked accounts the filter shows, in list order.
func (l *accountList) checkedAccounts() []*model.Account {
	var out []*model.Account
	for _, r := range l.rows {
		if l.checked[r.acc.ID] {
			out = append(out, r.acc)
		}
	}
	return out
}

// show rebuilds the rows from the portfolio with the current query.
func (l *accountList) show(p *model.Portfolio) {
	l.setRows(l.snapshot(p).rows(context.Background()), p)
}

// listSnapshot is what filtering the list reads: records held by the
// portfolio are never changed in place and the health map is replaced,
// not edited, so a snapshot can be filtered off the UI thread while the
// portfolio moves on.
type listSnapshot struct {
	accounts []*model.Account
	weights  model.Weights
	health   map[string]model.Health
	query    accountQuery
}

// snapshot takes what the list's rows are built from, working out the
// health scores when the portfolio or the day changed.
func (l *accountList) snapshot(p *model.Portfolio) listSnapshot {
	today := l.today()
	if day := today.Truncate(24 * time.Hour); l.health == nil || !day.Equal(l.healthDay) {
		l.health, l.healthDay = p.HealthScores(today), day
	}
	return listSnapshot{accounts: p.Accounts(), weights: p.Settings.Weights, health: l.health, query: l.query}
}

// rows filters and sorts the snapshot; nil when ctx is cancelled first.
func (s listSnapshot) rows(ctx context.Context) []*accountRow {
	return buildRows(ctx, s.accounts, s.weights, s.health, s.query)
}

// setRows shows filtered rows in one refresh, dropping ticks of accounts
// that are gone.
func (l *accountList) setRows(rows []*accountRow, p *model.Portfolio) {
	l.rows = rows
	for id := range l.checked {
		if p.Account(id) == nil {
			delete(l.checked, id)
		}
	}
	l.table.Refresh()
}

func (l *accountList) sortBy(col int) {
	if l.query.sortColumn == col {
		l.query.descending = !l.query.descending
	} else {
		l.query.sortColumn, l.query.descending = col, false
	}
	l.sorted(l.query.sortColumn, l.query.descending)
}

// sorted orders the list by a column, either way, and says so to
// onSort (the Sort choice that keeps the order reachable from the keyboard).
func (l *accountList) sorted(col int, descending bool) {
	l.query.sortColumn, l.query.descending = col, descending
	// Re-sorting needs no new scores; reuse the evaluated rows.
	l.rows = sortRows(l.rows, l.query)
	l.table.Refresh()
	l.reveal()
	if l.onSort != nil {
		l.onSort()
	}
}

// sortChoices are the orders the Sort choice offers: each column, up and down.
func sortChoices() []string {
	var out []string
	for _, c := range accountColumns {
		out = append(out, c.title+" ▲", c.title+" ▼")
	}
	return out
}

// sortChoice is the Sort choice naming the list's order.
func (l *accountList) sortChoice() string {
	arrow := " ▲"
	if l.query.descending {
		arrow = " ▼"
	}
	return accountColumns[l.query.sortColumn].title + arrow
}

// rowOf returns the row index of an account, or -1 when filtered out.
func (l *accountList) rowOf(id string) int {
	for i, r := range l.rows {
		if r.acc.ID == id {
			return i
		}
	}
	return -1
}

// selectAccount marks an account selected without telling onSelect.
func (l *accountList) selectAccount(id string) {
	l.selected = id
	l.table.Refresh()
	l.reveal()
}

// revealMidway scrolls a table just laid out, still at its top, so that the
// selected row is in the middle of the view, with the rows around it on
// either side, or leaves it where it is when it is in the top half. (A row
// scrolled to from below lands at the bottom edge: scrolling to the row
// half a view further down puts this one halfway.)
func (l *accountList) revealMidway() {
	i := l.rowOf(l.selected)
	if i < 0 {
		return
	}
	pitch := l.table.CreateCell().MinSize().Height + theme.Padding()
	half := int(l.table.Size().Height / pitch / 2)
	l.table.ScrollTo(widget.TableCellID{Row: min(i+half, len(l.rows)-1), Col: 1})
	if half < 2 {
		// Laid out at its smallest (a window given new content is laid out
		// so first): again at the size it is shown at.
		l.table.sized = l.revealMidway
	}
}

// reveal scrolls the selected row into view. The toolkit's table, scrolling
// up to a row, leaves it under the header row; asking next for the row
// above brings the selected one out from under it, and changes nothing when
// the row was below the view or already in it.
//
// A table not yet laid out has no height to scroll within (the toolkit
// would scroll as if the view were one line tall, leaving rows above the
// selected one out of sight), so it reveals the row when it gets one, in
// the middle of the view (revealMidway).
func (l *accountList) reveal() {
	if l.table.Size().Height <= 0 {
		l.table.sized = l.revealMidway
		return
	}
	l.table.sized = nil
	if i := l.rowOf(l.selected); i >= 0 {
		l.table.ScrollTo(widget.TableCellID{Row: i, Col: 1})
		if i > 0 {
			l.table.ScrollTo(widget.TableCellID{Row: i - 1, Col: 1})
		}
	}
}
