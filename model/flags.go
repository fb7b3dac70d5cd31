package model

import (
	"fmt"
	"sort"
	"time"
)

// FlagKind names a coaching flag.
type FlagKind string

const (
	FlagStalePlan       FlagKind = "stale_plan"
	FlagNoReview        FlagKind = "no_review_this_cycle"
	FlagOverdue         FlagKind = "overdue_actions"
	FlagNoAgreedActions FlagKind = "no_customer_agreed_actions"
	FlagKeyUncovered    FlagKind = "key_stakeholder_uncovered"
	FlagQuadrantDrop    FlagKind = "dropped_a_quadrant"
)

// FixAt says which screen a flag is fixed on.
type FixAt string

const (
	FixPortfolio FixAt = "portfolio"
	FixBoard     FixAt = "board"
	FixMap       FixAt = "map"
	FixReview    FixAt = "review"
)

// Flag is a coaching moment on one account.
type Flag struct {
	AccountID string
	Account   string
	Owner     string
	Kind      FlagKind
	Text      string
	FixAt     FixAt
}

// StaleAfterDays is how long a plan may go without an edit before it is
// flagged as stale.
const StaleAfterDays = 60

// Flags lists coaching flags for every account, by account name.
func (p *Portfolio) Flags(today time.Time) []Flag {
	var d accountData
	var out []Flag
	for _, a := range p.Accounts() {
		out = append(out, p.flagsOf(a, p.dataOf(a.ID, &d), today)...)
	}
	return out
}

func (p *Portfolio) flagsOf(a *Account, d *accountData, today time.Time) []Flag {
	if d == nil {
		d = &accountData{}
	}
	var out []Flag
	flag := func(k FlagKind, fix FixAt, format string, args ...any) {
		out = append(out, Flag{AccountID: a.ID, Account: a.Name, Owner: a.Owner, Kind: k, FixAt: fix, Text: fmt.Sprintf(format, args...)})
	}
	if a.Updated.IsZero() || today.Sub(a.Updated) > StaleAfterDays*24*time.Hour {
		days := "never updated"
		if !a.Updated.IsZero() {
			days = fmt.Sprintf("not updated for %.0f days", today.Sub(a.Updated).Hours()/24)
		}
		flag(FlagStalePlan, FixPortfolio, "Plan %s", days)
	}
	from := today.AddDate(-1, 0, 0)
	if c := currentCycleOf(d.cycles, today); c != nil && !today.Before(c.Start) && !today.After(c.End) {
		from = c.Start
	}
	reviewed := false
	for _, r := range d.reviews {
		if !r.Date.Before(from) && !r.Date.After(today) {
			reviewed = true
		}
	}
	switch {
	case len(d.reviews) == 0:
		flag(FlagNoReview, FixReview, "Never reviewed with the customer")
	case !reviewed:
		flag(FlagNoReview, FixReview, "No review with the customer since %s", FormatDate(from))
	}
	overdue, agreed := 0, 0
	for _, x := range d.actions {
		if x.Overdue(today) {
			overdue++
		}
		if x.CustomerAgreed {
			agreed++
		}
	}
	if overdue > 0 {
		flag(FlagOverdue, FixBoard, "%d overdue action(s)", overdue)
	}
	if len(d.actions) > 0 && agreed == 0 {
		flag(FlagNoAgreedActions, FixBoard, "None of the %d actions is agreed with the customer", len(d.actions))
	}
	covered := map[string]bool{}
	for _, c := range d.covers {
		covered[c.StakeholderID] = true
	}
	var names []string
	for _, s := range d.people {
		if s.IsKey() && !covered[s.ID] {
			names = append(names, s.Name)
		}
	}
	if len(names) > 0 {
		sort.Strings(names)
		flag(FlagKeyUncovered, FixMap, "Key stakeholder(s) nobody on our team knows: %s", joinNames(names))
	}
	if len(d.marks) > 0 {
		sort.Slice(d.marks, func(i, j int) bool { return d.marks[i].Date.Before(d.marks[j].Date) })
		last := d.marks[len(d.marks)-1]
		was := PriorityOf(QuadrantAt(last.X, last.Y))
		if x, y, ok := a.Position(p.Settings.Weights); ok {
			if now := PriorityOf(QuadrantAt(x, y)); now > was {
				flag(FlagQuadrantDrop, FixPortfolio, "Dropped from %s to %s priority since %s", was, now, orLabel(last.Label))
			}
		}
	}
	return out
}

func joinNames(names []string) string {
	if len(names) > 3 {
		return fmt.Sprintf("%s, %s, %s and %d more", names[0], names[1], names[2], len(names)-3)
	}
	s := ""
	for i, n := range names {
		if i > 0 {
			s += ", "
		}
		s += n
	}
	return s
}

func orLabel(s string) string {
	if s == "" {
		return "the last review"
	}
	return s
}
