package model

import "time"

// Goal is one of the customer's strategic goals.
type Goal struct {
	ID         string
	AccountID  string
	Title      string
	Measure    string // how the customer measures success
	TargetDate time.Time
	Order      int
	Internal   bool // left out of customer-safe views
}

func (g *Goal) EntityID() string { return g.ID }
func (g *Goal) Kind() Kind       { return KindGoal }

func (g *Goal) Validate() error {
	c := checker{record: "goal"}
	c.required("id", g.ID)
	c.required("account", g.AccountID)
	c.required("title", g.Title)
	return c.err()
}

// Initiative is a department's initiative under a customer goal.
type Initiative struct {
	ID         string
	AccountID  string
	GoalID     string
	Department string
	Title      string
	OwnerID    string // stakeholder ID
	Order      int
	Internal   bool // left out of customer-safe views
}

func (i *Initiative) EntityID() string { return i.ID }
func (i *Initiative) Kind() Kind       { return KindInitiative }

func (i *Initiative) Validate() error {
	c := checker{record: "initiative"}
	c.required("id", i.ID)
	c.required("account", i.AccountID)
	c.required("goal", i.GoalID)
	c.required("title", i.Title)
	return c.err()
}

// CellState is what a whitespace cell says about one offering in one
// business unit.
type CellState string

const (
	CellUnknown     CellState = "unknown"
	CellSold        CellState = "sold"
	CellOpen        CellState = "open"
	CellCompetitor  CellState = "competitor"
	CellNotRelevant CellState = "not_relevant"
)

// CellStates lists the states in the order a click cycles through them.
var CellStates = []CellState{CellUnknown, CellSold, CellOpen, CellCompetitor, CellNotRelevant}

// WhitespaceCell is one cell of the business unit × offering grid.
type WhitespaceCell struct {
	ID           string
	AccountID    string
	BusinessUnit string
	Offering     string
	State        CellState
	Revenue      Money
	Competitor   string
	Note         string
	NoteInternal bool
}

func (w *WhitespaceCell) EntityID() string { return w.ID }
func (w *WhitespaceCell) Kind() Kind       { return KindWhitespace }

func (w *WhitespaceCell) Validate() error {
	c := checker{record: "whitespace cell"}
	c.required("id", w.ID)
	c.required("account", w.AccountID)
	c.required("business unit", w.BusinessUnit)
	c.required("offering", w.Offering)
	names := make([]string, len(CellStates))
	for i, s := range CellStates {
		names[i] = string(s)
	}
	c.oneOf("state", string(w.State), names)
	c.notNegative("revenue", w.Revenue)
	return c.err()
}

// Opportunity is a potential sale on the account.
type Opportunity struct {
	ID            string
	AccountID     string
	Name          string
	Offering      string
	BusinessUnit  string
	Value         Money
	Currency      string
	Stage         string
	Probability   int // per cent
	ExpectedClose time.Time
	GoalID        string
	Created       time.Time // when it was opened
}

func (o *Opportunity) EntityID() string { return o.ID }
func (o *Opportunity) Kind() Kind       { return KindOpportunity }

func (o *Opportunity) Validate() error {
	c := checker{record: "opportunity"}
	c.required("id", o.ID)
	c.required("account", o.AccountID)
	c.required("name", o.Name)
	c.notNegative("value", o.Value)
	if !ValidCurrency(o.Currency) {
		c.fail("currency", "must be a three-letter ISO code such as EUR (found %q)", o.Currency)
	}
	c.between("probability", o.Probability, 0, 100)
	if !o.Created.IsZero() && !o.ExpectedClose.IsZero() && o.ExpectedClose.Before(o.Created) {
		c.fail("expected close", "must not be before the opportunity was opened (%s; found %s)",
			FormatDate(o.Created), FormatDate(o.ExpectedClose))
	}
	return c.err()
}

// Weighted is the value times the probability.
func (o *Opportunity) Weighted() Money {
	return Money(int64(o.Value) * int64(o.Probability) / 100)
}
