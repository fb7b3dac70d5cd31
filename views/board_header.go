package views

import (
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"orchard/model"
)

// columnHeader heads a board column: its name, count and WIP state, a menu
// to set the WIP limit, and a quick-add field.
type columnHeader struct {
	b      *boardView
	status model.Status
	title  *widget.Label
	count  *widget.Label
	add    *widget.Entry
	root   fyne.CanvasObject
}

func newColumnHeader(b *boardView, s model.Status) *columnHeader {
	h := &columnHeader{b: b, status: s}
	h.title = widget.NewLabelWithStyle(s.Label(), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	h.count = widget.NewLabel("")
	h.count.Truncation = fyne.TextTruncateEllipsis
	menu := widget.NewButtonWithIcon("", theme.MoreVerticalIcon(), func() { h.showMenu() })
	menu.Importance = widget.LowImportance
	h.add = widget.NewEntry()
	h.add.SetPlaceHolder("+ Add a card…")
	h.add.OnSubmitted = func(text string) { h.quickAdd(text) }
	top := container.NewBorder(nil, nil, h.title, menu, h.count)
	if b.scope.accountID == "" {
		h.root = top // cards need an account; My actions adds through the account's board
	} else {
		h.root = container.NewVBox(top, h.add)
	}
	return h
}

func (h *columnHeader) update() {
	text, over := h.b.countText(h.status)
	h.count.SetText(text)
	if over {
		h.count.Importance = widget.DangerImportance
	} else {
		h.count.Importance = widget.MediumImportance
	}
	h.count.Refresh()
}

// quickAdd makes a card with one line at the end of the column.
func (h *columnHeader) quickAdd(text string) {
	text = strings.TrimSpace(text)
	b := h.b
	if text == "" || b.scope.accountID == "" {
		return
	}
	a := &model.Action{ID: model.NewID(), AccountID: b.scope.accountID, Title: text, Status: h.status,
		OwnerID: b.filter.OwnerID, GoalID: b.filter.GoalID, Horizon: b.filter.Horizon, Order: 1}
	col := model.Column(b.actions, h.status, model.LanesNone, "", model.ActionFilter{}, b.today())
	if n := len(col); n > 0 {
		a.Order = col[n-1].Order + 1
	}
	if err := b.ws.Save(a); err != nil {
		b.fail(err)
		return
	}
	h.add.SetText("")
	b.selectCard(a.ID)
	if c := fyne.CurrentApp().Driver().CanvasForObject(h.add); c != nil {
		c.Focus(h.add) // ready for the next card
	}
}

func (h *columnHeader) showMenu() {
	b := h.b
	items := []*fyne.MenuItem{fyne.NewMenuItem("Set WIP limit for "+h.status.Label()+"…", func() {
		h.askLimit(model.WIPKey(h.status, model.LanesNone, ""), h.status.Label())
	})}
	if b.mode != model.LanesNone {
		for _, l := range b.lanes {
			l := l
			items = append(items, fyne.NewMenuItem(fmt.Sprintf("Set WIP limit for %s in %s…", h.status.Label(), l.Title), func() {
				h.askLimit(model.WIPKey(h.status, b.mode, l.Value), h.status.Label()+" · "+l.Title)
			}))
		}
	}
	if c := fyne.CurrentApp().Driver().CanvasForObject(h.count); c != nil {
		pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(h.count)
		widget.ShowPopUpMenuAtPosition(fyne.NewMenu("", items...), c, pos.Add(fyne.NewPos(0, h.count.Size().Height)))
	}
}

// askLimit sets one WIP limit; 0 or empty removes it.
func (h *columnHeader) askLimit(key, what string) {
	b := h.b
	e := widget.NewEntry()
	if v := b.ws.Portfolio().Settings.WIP[key]; v > 0 {
		e.SetText(strconv.Itoa(v))
	}
	e.SetPlaceHolder("no limit")
	dialog.ShowForm("WIP limit: "+what, "Set", "Cancel", []*widget.FormItem{
		widget.NewFormItem("Most cards", e),
	}, func(ok bool) {
		if !ok {
			return
		}
		n := 0
		if t := strings.TrimSpace(e.Text); t != "" {
			v, err := strconv.Atoi(t)
			if err != nil || v < 0 {
				b.fail(fmt.Errorf("WIP limit for %s: %q is not a whole number of cards (expected 0 or more)", what, t))
				return
			}
			n = v
		}
		b.fail(b.ws.SetWIPLimit(key, n))
	}, b.win)
}
