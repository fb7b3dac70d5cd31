package views

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"orchard/model"
)

// accountList is the virtualised table of accounts: click a header to sort,
// click a row to select it.
type accountList struct {
	table    *widget.Table
	rows     []*accountRow
	query    accountQuery
	selected string // account ID
	onSelect func(id string)
}

func newAccountList(onSelect func(id string)) *accountList {
	l := &accountList{onSelect: onSelect}
	l.table = widget.NewTableWithHeaders(
		func() (int, int) { return len(l.rows), len(accountColumns) },
		l.createCell, l.updateCell)
	l.table.ShowHeaderColumn = false
	l.table.StickyColumnCount = 1 // the name stays in view when scrolling sideways
	l.table.CreateHeader = func() fyne.CanvasObject {
		b := widget.NewButton("", nil)
		b.Importance = widget.LowImportance
		b.Alignment = widget.ButtonAlignLeading
		return b
	}
	l.table.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		b := o.(*widget.Button)
		if id.Col < 0 {
			return
		}
		title := accountColumns[id.Col].title
		if id.Col == l.query.sortColumn {
			if l.query.descending {
				title += " ▼"
			} else {
				title += " ▲"
			}
		}
		b.SetText(title)
		col := id.Col
		b.OnTapped = func() { l.sortBy(col) }
	}
	for i, c := range accountColumns {
		l.table.SetColumnWidth(i, c.width)
	}
	l.table.OnSelected = func(id widget.TableCellID) {
		if id.Row < 0 || id.Row >= len(l.rows) {
			return
		}
		l.selected = l.rows[id.Row].acc.ID
		l.table.Refresh()
		if l.onSelect != nil {
			l.onSelect(l.selected)
		}
	}
	return l
}

func (l *accountList) createCell() fyne.CanvasObject {
	bg := canvas.NewRectangle(color.Transparent)
	lbl := widget.NewLabel("")
	lbl.Truncation = fyne.TextTruncateEllipsis
	return container.NewStack(bg, lbl)
}

func (l *accountList) updateCell(id widget.TableCellID, o fyne.CanvasObject) {
	stack := o.(*fyne.Container)
	bg, lbl := stack.Objects[0].(*canvas.Rectangle), stack.Objects[1].(*widget.Label)
	if id.Row >= len(l.rows) {
		lbl.SetText("")
		return
	}
	r := l.rows[id.Row]
	lbl.SetText(accountColumns[id.Col].text(r))
	lbl.Importance = widget.MediumImportance
	lbl.TextStyle = fyne.TextStyle{Bold: id.Col == 0}
	if accountColumns[id.Col].title == "Priority" && r.eval.Priority == model.PriorityFirst {
		lbl.Importance = widget.SuccessImportance
	}
	want := color.Color(color.Transparent)
	if r.acc.ID == l.selected {
		want = theme.Color(theme.ColorNameSelection)
	}
	if bg.FillColor != want {
		bg.FillColor = want
		bg.Refresh()
	}
	lbl.Refresh()
}

// show rebuilds the rows from the portfolio with the current query.
func (l *accountList) show(p *model.Portfolio) {
	l.rows = buildRows(p.Accounts(), p.Settings.Weights, l.query)
	l.table.Refresh()
}

func (l *accountList) sortBy(col int) {
	if l.query.sortColumn == col {
		l.query.descending = !l.query.descending
	} else {
		l.query.sortColumn, l.query.descending = col, false
	}
	// Re-sorting needs no new scores; reuse the evaluated rows.
	l.rows = sortRows(l.rows, l.query)
	l.table.Refresh()
	l.reveal()
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

func (l *accountList) reveal() {
	if i := l.rowOf(l.selected); i >= 0 {
		l.table.ScrollTo(widget.TableCellID{Row: i, Col: 0})
	}
}
