package model

import "time"

// Status is an action's column on the board.
type Status string

const (
	StatusPlanned        Status = "planned"
	StatusInProgress     Status = "in_progress"
	StatusBlocked        Status = "blocked"
	StatusDone           Status = "done"
	StatusNotImplemented Status = "not_implemented"
)

// Statuses lists the statuses in board column order.
var Statuses = []Status{StatusPlanned, StatusInProgress, StatusBlocked, StatusDone, StatusNotImplemented}

// Label is the status as a column header reads it.
func (s Status) Label() string {
	switch s {
	case StatusPlanned:
		return "Planned"
	case StatusInProgress:
		return "In progress"
	case StatusBlocked:
		return "Blocked"
	case StatusDone:
		return "Done"
	case StatusNotImplemented:
		return "Not implemented"
	}
	return string(s)
}

// Horizon is when an action is meant to pay off.
type Horizon string

const (
	HorizonShort Horizon = "short" // next 3–6 months
	HorizonLong  Horizon = "long"  // 12–36 months
)

func (h Horizon) Label() string {
	switch h {
	case HorizonShort:
		return "3–6 months"
	case HorizonLong:
		return "12–36 months"
	}
	return ""
}

// Action is one step of the account plan.
type Action struct {
	ID             string
	AccountID      string
	Title          string
	Description    string
	OwnerID        string // team member ID
	Function       Function
	Status         Status
	Due            time.Time
	Horizon        Horizon
	GoalID         string // the customer goal it serves
	CustomerAgreed bool
	ExpectedImpact Money
	ActualImpact   Money
	Order          float64 // position within its board column
	Notes          string
	NotesInternal  bool
	Lesson         string
	Stakeholders   []string // IDs of the customer people involved
}

func (a *Action) EntityID() string { return a.ID }
func (a *Action) Kind() Kind       { return KindAction }

func (a *Action) Validate() error {
	c := checker{record: "action"}
	c.required("id", a.ID)
	c.required("account", a.AccountID)
	c.required("title", a.Title)
	c.maxLen("title", a.Title, 300)
	names := make([]string, len(Statuses))
	for i, s := range Statuses {
		names[i] = string(s)
	}
	c.oneOf("status", string(a.Status), names)
	if a.Horizon != "" {
		c.oneOf("horizon", string(a.Horizon), []string{string(HorizonShort), string(HorizonLong)})
	}
	c.notNegative("expected impact", a.ExpectedImpact)
	return c.err()
}

// Overdue reports whether the action is past its due date and still open.
func (a *Action) Overdue(today time.Time) bool {
	if a.Due.IsZero() || a.Status == StatusDone || a.Status == StatusNotImplemented {
		return false
	}
	return a.Due.Before(truncateDay(today))
}

func truncateDay(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, t.Location())
}
