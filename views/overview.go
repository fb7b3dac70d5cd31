package views

import (
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"orchard/model"
)

// Shared pieces of the account screens: the plan summary header and small
// text helpers.

func heading(text string) *widget.Label {
	return widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
}

// para is a wrapping paragraph of body text.
func para(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	return l
}

func dateOr(t time.Time, none string) string {
	if t.IsZero() {
		return none
	}
	return model.FormatDate(t)
}

func lastReview(p *model.Portfolio, accountID string) *model.ReviewMeeting {
	var last *model.ReviewMeeting
	for _, e := range p.OfAccount(model.KindReview, accountID) {
		r := e.(*model.ReviewMeeting)
		if last == nil || r.Date.After(last.Date) {
			last = r
		}
	}
	return last
}

// planSummary is the header every account screen shows.
//
// A customer-safe summary (workshop mode, the customer-safe view) is drawn
// from what the customer may see: no objective, priority, revenue or
// targets, only what they want this year and the reviews with them.
func planSummary(p *model.Portfolio, a *model.Account, today time.Time, safe bool) fyne.CanvasObject {
	var lines []string
	if safe {
		p = p.CustomerView(a.ID, model.CustomerShare{})
	} else {
		ev := a.Assess(p.Settings.Weights)
		lines = append(lines, fmt.Sprintf("Objective: %s · Priority: %s · Revenue %s", orDash(a.Objective.Label()), ev.Priority, a.Revenue.Format(a.Currency)))
	}
	var cycles []*model.Cycle
	for _, e := range p.OfAccount(model.KindCycle, a.ID) {
		cycles = append(cycles, e.(*model.Cycle))
	}
	if c := model.CurrentCycle(cycles, today); c != nil {
		if !safe {
			lines = append(lines, fmt.Sprintf("%s targets: revenue %s, margin %s", c.Name, c.RevenueTarget.Format(a.Currency), c.MarginTarget.Format(a.Currency)))
		}
		if c.CustomerWants != "" {
			lines = append(lines, "What the customer wants this year: "+c.CustomerWants)
		}
	}
	if r := lastReview(p, a.ID); r != nil {
		lines = append(lines, fmt.Sprintf("Last review with the customer: %s · next: %s", dateOr(r.Date, "—"), dateOr(r.NextDate, "not set")))
	} else {
		lines = append(lines, "Never reviewed with the customer")
	}
	return widget.NewCard(a.Name, "", para(strings.Join(lines, "\n")))
}

func orDash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}

func roleLabel(r model.BuyingRole) string {
	if r == "" {
		return "role unknown"
	}
	return strings.ReplaceAll(string(r), "_", " ")
}

func initials(name string) string {
	var out []rune
	for _, f := range strings.Fields(name) {
		out = append(out, []rune(f)[0])
	}
	return strings.ToUpper(string(out))
}
