package views

import (
	"fmt"
	"image/color"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"orchard/model"
)

// boardCard draws one action in a board column. Cards are recycled by the
// column's list; set points a card at another action.
type boardCard struct {
	widget.BaseWidget
	board  *boardView
	action *model.Action
	full   [3]string // untruncated title, meta and detail lines
	bg     *canvas.Rectangle
	edge   *canvas.Rectangle // left stripe: overdue or due soon
	title  *canvas.Text
	meta   *canvas.Text
	detail *canvas.Text
}

var (
	_ fyne.Draggable         = (*boardCard)(nil)
	_ fyne.Tappable          = (*boardCard)(nil)
	_ fyne.SecondaryTappable = (*boardCard)(nil)
)

// baseCardHeight is the fixed height of a card at the normal text size,
// so lists can recycle rows; it grows with the text (workshop mode, zoom).
const baseCardHeight = 74

// cardHeight is the height of a card at the board's current text size.
func (b *boardView) cardHeight() float32 {
	return baseCardHeight * b.theme().Size(theme.SizeNameText) / theme.DefaultTheme().Size(theme.SizeNameText)
}

func newBoardCard(b *boardView) *boardCard {
	th := b.theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	c := &boardCard{board: b,
		bg:     canvas.NewRectangle(th.Color(theme.ColorNameInputBackground, v)),
		edge:   canvas.NewRectangle(color.Transparent),
		title:  canvas.NewText("", th.Color(theme.ColorNameForeground, v)),
		meta:   canvas.NewText("", th.Color(theme.ColorNameForeground, v)),
		detail: canvas.NewText("", th.Color(theme.ColorNamePlaceHolder, v)),
	}
	c.bg.CornerRadius = th.Size(theme.SizeNameInputRadius)
	c.bg.StrokeWidth = 2
	c.title.TextStyle = fyne.TextStyle{Bold: true}
	c.meta.TextSize = th.Size(theme.SizeNameCaptionText) + 1
	c.detail.TextSize = th.Size(theme.SizeNameCaptionText) + 1
	c.ExtendBaseWidget(c)
	return c
}

// dueMark says how a due date stands, in words and a symbol (never colour alone).
func dueMark(a *model.Action, today time.Time) (string, color.Color) {
	if a.Due.IsZero() {
		return "no date", nil
	}
	d := model.FormatDate(a.Due)
	switch {
	case a.Overdue(today):
		return "⚠ overdue " + d, ColorWarning
	case a.Status != model.StatusDone && a.Status != model.StatusNotImplemented && a.Due.Before(today.AddDate(0, 0, 7)):
		return "⏰ due " + d, ColorThird
	}
	return "due " + d, nil
}

func (c *boardCard) set(a *model.Action) {
	c.action = a
	b := c.board
	p := b.ws.Portfolio()
	th := b.theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	// Sizes follow the theme each time, so leaving workshop mode leaves
	// no card at projector size.
	c.title.TextSize = th.Size(theme.SizeNameText)
	c.meta.TextSize = th.Size(theme.SizeNameCaptionText) + 1
	c.detail.TextSize = th.Size(theme.SizeNameCaptionText) + 1
	c.full[0] = a.Title
	owner := "—"
	if m, ok := p.Get(model.KindTeamMember, a.OwnerID).(*model.TeamMember); ok {
		owner = initials(m.Name)
	}
	due, dueColor := dueMark(a, b.today())
	agreed := ""
	if a.CustomerAgreed {
		agreed = " · ✓ agreed"
	}
	c.full[1] = fmt.Sprintf("%s · %s · %s%s", owner, due, orDash(a.Horizon.Label()), agreed)
	goal := "no objective"
	if g, ok := p.Get(model.KindGoal, a.GoalID).(*model.Goal); ok {
		goal = shortName(g.Title, 26)
	}
	if b.scope.memberID != "" {
		if acc := p.Account(a.AccountID); acc != nil {
			goal = shortName(acc.Name, 18) + " · " + goal
		}
	}
	cur := ""
	if acc := p.Account(a.AccountID); acc != nil {
		cur = acc.Currency
	}
	c.full[2] = goal
	if a.ExpectedImpact != 0 {
		c.full[2] += " · +" + a.ExpectedImpact.Short() + " " + cur
	}
	c.fit(c.Size().Width)
	c.edge.FillColor = color.Transparent
	if dueColor != nil {
		c.edge.FillColor = dueColor
	}
	c.bg.StrokeColor = color.Transparent
	if b.selected == a.ID {
		c.bg.StrokeColor = th.Color(theme.ColorNamePrimary, v)
	}
	c.Refresh()
}

func (c *boardCard) MinSize() fyne.Size { return fyne.NewSize(150, c.board.cardHeight()) }

// fit shortens each line with an ellipsis to the card's width.
func (c *boardCard) fit(width float32) {
	room := width - 16
	for i, t := range []*canvas.Text{c.title, c.meta, c.detail} {
		t.Text = fitText(c.full[i], t.TextSize, t.TextStyle, room)
	}
}

// fitText returns s, or its longest prefix plus "…" that fits in width.
func fitText(s string, size float32, style fyne.TextStyle, width float32) string {
	if width <= 0 || fyne.MeasureText(s, size, style).Width <= width {
		return s
	}
	r := []rune(s)
	lo, hi := 0, len(r)
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if fyne.MeasureText(string(r[:mid])+"…", size, style).Width <= width {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	return string(r[:lo]) + "…"
}

func (c *boardCard) Tapped(*fyne.PointEvent) {
	if c.action != nil {
		c.board.selectCard(c.action.ID)
	}
}

// DoubleTapped opens the card's editor, as Enter does.
func (c *boardCard) DoubleTapped(*fyne.PointEvent) {
	if c.action != nil {
		c.board.selectCard(c.action.ID)
		c.board.editAction(c.action)
	}
}

var _ fyne.DoubleTappable = (*boardCard)(nil)

func (c *boardCard) TappedSecondary(ev *fyne.PointEvent) {
	if c.action != nil {
		c.board.selectCard(c.action.ID)
		c.board.showCardMenu(c.action, ev.AbsolutePosition)
	}
}

func (c *boardCard) Dragged(ev *fyne.DragEvent) {
	if c.action != nil {
		c.board.dragCard(c, ev)
	}
}

func (c *boardCard) DragEnd() { c.board.dropCard() }

func (c *boardCard) CreateRenderer() fyne.WidgetRenderer {
	return &boardCardRenderer{c: c, objects: []fyne.CanvasObject{c.bg, c.edge, c.title, c.meta, c.detail}}
}

type boardCardRenderer struct {
	c       *boardCard
	objects []fyne.CanvasObject
}

func (r *boardCardRenderer) Layout(s fyne.Size) {
	c := r.c
	c.bg.Resize(s)
	c.edge.Move(fyne.NewPos(0, 4))
	c.edge.Resize(fyne.NewSize(5, s.Height-8))
	pad := float32(10)
	c.fit(s.Width)
	k := c.board.cardHeight() / baseCardHeight // lines move apart as the text grows
	c.title.Move(fyne.NewPos(pad, 6*k))
	c.meta.Move(fyne.NewPos(pad, 30*k))
	c.detail.Move(fyne.NewPos(pad, 50*k))
}

func (r *boardCardRenderer) MinSize() fyne.Size           { return r.c.MinSize() }
func (r *boardCardRenderer) Objects() []fyne.CanvasObject { return r.objects }
func (r *boardCardRenderer) Destroy()                     {}
func (r *boardCardRenderer) Refresh() {
	for _, o := range r.objects {
		o.Refresh()
	}
}
