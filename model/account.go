package model

import "time"

// Objective is the one account objective for a planning cycle.
type Objective string

const (
	ObjectiveRetention       Objective = "retention"
	ObjectiveGrowth          Objective = "revenue_growth"
	ObjectivePenetration     Objective = "vertical_penetration"
	ObjectiveDifferentiation Objective = "competitive_differentiation"
)

// Objectives lists the objectives in the order forms offer them.
var Objectives = []Objective{ObjectiveRetention, ObjectiveGrowth, ObjectivePenetration, ObjectiveDifferentiation}

// Label is the objective as a person reads it.
func (o Objective) Label() string {
	switch o {
	case ObjectiveRetention:
		return "Retention"
	case ObjectiveGrowth:
		return "Revenue growth"
	case ObjectivePenetration:
		return "Vertical penetration"
	case ObjectiveDifferentiation:
		return "Competitive differentiation"
	}
	return string(o)
}

// ObjectiveFromLabel maps a label back to its objective ("" when unknown).
func ObjectiveFromLabel(label string) Objective {
	for _, o := range Objectives {
		if o.Label() == label {
			return o
		}
	}
	return ""
}

// Outlook is how the customer's own business is expected to grow.
type Outlook string

const (
	OutlookDeclining Outlook = "declining"
	OutlookFlat      Outlook = "flat"
	OutlookGrowing   Outlook = "growing"
	OutlookStrong    Outlook = "strong_growth"
)

// Outlooks lists the growth outlooks from worst to best.
var Outlooks = []Outlook{OutlookDeclining, OutlookFlat, OutlookGrowing, OutlookStrong}

// Account is a customer company and its facts for the current cycle.
type Account struct {
	ID          string
	Name        string
	Industry    string
	Region      string
	Owner       string // the account manager
	Currency    string // ISO 4217
	Revenue     Money  // current annual revenue
	PrevRevenue Money  // previous year's revenue
	MarginPct   float64
	Potential   Money // estimated wallet
	Outlook     Outlook
	Objective   Objective
	Answers     Answers
	// PriorityOverride replaces the derived priority when not PriorityNone.
	PriorityOverride Priority
	// Manual placement on the quadrant, 0–100 on each axis, when Placed.
	Placed        bool
	PlaceX        float64
	PlaceY        float64
	Notes         string
	NotesInternal bool
	Updated       time.Time
}

func (a *Account) EntityID() string { return a.ID }
func (a *Account) Kind() Kind       { return KindAccount }

// Validate checks the account's own fields.
func (a *Account) Validate() error {
	c := checker{record: "account"}
	c.required("id", a.ID)
	c.required("name", a.Name)
	c.maxLen("name", a.Name, 200)
	if !ValidCurrency(a.Currency) {
		c.fail("currency", "must be a three-letter ISO code such as EUR (found %q)", a.Currency)
	}
	c.notNegative("revenue", a.Revenue)
	c.notNegative("previous revenue", a.PrevRevenue)
	c.notNegative("potential", a.Potential)
	if a.MarginPct < -100 || a.MarginPct > 100 {
		c.fail("margin", "must be between -100 %% and 100 %% (found %.1f)", a.MarginPct)
	}
	if a.Objective != "" {
		c.oneOf("objective", string(a.Objective), objectiveNames())
	}
	if a.Outlook != "" {
		c.oneOf("outlook", string(a.Outlook), outlookNames())
	}
	for q, v := range a.Answers {
		if v != 0 {
			c.between(Questions[q].Field, v, 1, 5)
		}
	}
	if a.PriorityOverride < PriorityNone || a.PriorityOverride > PriorityFourth {
		c.fail("priority", "must be First to Fourth or derived (found %d)", a.PriorityOverride)
	}
	if a.Placed && (a.PlaceX < 0 || a.PlaceX > 100 || a.PlaceY < 0 || a.PlaceY > 100) {
		c.fail("placement", "must lie inside the quadrant, 0–100 on each axis (found %.0f, %.0f)", a.PlaceX, a.PlaceY)
	}
	return c.err()
}

func objectiveNames() []string {
	out := make([]string, len(Objectives))
	for i, o := range Objectives {
		out[i] = string(o)
	}
	return out
}

func outlookNames() []string {
	out := make([]string, len(Outlooks))
	for i, o := range Outlooks {
		out[i] = string(o)
	}
	return out
}
