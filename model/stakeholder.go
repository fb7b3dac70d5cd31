package model

import "time"

// BuyingRole is a stakeholder's part in buying decisions.
type BuyingRole string

const (
	RoleDecisionMaker  BuyingRole = "decision_maker"
	RoleEconomicBuyer  BuyingRole = "economic_buyer"
	RoleTechnicalBuyer BuyingRole = "technical_buyer"
	RoleUser           BuyingRole = "user"
	RoleChampion       BuyingRole = "champion"
	RoleInfluencer     BuyingRole = "influencer"
	RoleGatekeeper     BuyingRole = "gatekeeper"
)

// BuyingRoles lists the roles in the order forms offer them.
var BuyingRoles = []BuyingRole{RoleDecisionMaker, RoleEconomicBuyer, RoleTechnicalBuyer, RoleUser, RoleChampion, RoleInfluencer, RoleGatekeeper}

// Influence is how much weight a stakeholder carries.
type Influence int

const (
	InfluenceUnknown Influence = iota
	InfluenceLow
	InfluenceMedium
	InfluenceHigh
)

func (i Influence) String() string {
	return [...]string{"unknown", "low", "medium", "high"}[i]
}

// Attitude is how a stakeholder feels about us, from -2 (strong detractor)
// to +2 (champion).
type Attitude int

func (a Attitude) String() string {
	switch a {
	case -2:
		return "strong detractor"
	case -1:
		return "detractor"
	case 0:
		return "neutral"
	case 1:
		return "supporter"
	case 2:
		return "champion"
	}
	return "unknown"
}

// Stakeholder is one person in the customer's organisation.
type Stakeholder struct {
	ID            string
	AccountID     string
	Name          string
	Title         string
	Department    string
	ReportsTo     string // stakeholder ID of the formal manager
	DottedLine    string // stakeholder ID of a dotted-line manager
	Role          BuyingRole
	Influence     Influence
	Attitude      Attitude
	Concerns      string
	Notes         string
	NotesInternal bool
	LastContact   time.Time
	// Position on the relationship map in map coordinates, when Placed.
	Placed bool
	MapX   float64
	MapY   float64
}

func (s *Stakeholder) EntityID() string { return s.ID }
func (s *Stakeholder) Kind() Kind       { return KindStakeholder }

func (s *Stakeholder) Validate() error {
	c := checker{record: "stakeholder"}
	c.required("id", s.ID)
	c.required("account", s.AccountID)
	c.required("name", s.Name)
	if s.Role != "" {
		names := make([]string, len(BuyingRoles))
		for i, r := range BuyingRoles {
			names[i] = string(r)
		}
		c.oneOf("buying role", string(s.Role), names)
	}
	c.between("influence", int(s.Influence), 0, 3)
	c.between("attitude", int(s.Attitude), -2, 2)
	if s.ReportsTo != "" && s.ReportsTo == s.ID {
		c.fail("reports to", "cannot be the stakeholder themself")
	}
	if s.DottedLine != "" && s.DottedLine == s.ID {
		c.fail("dotted-line manager", "cannot be the stakeholder themself")
	}
	return c.err()
}

// Function is a team member's function on our side.
type Function string

const (
	FunctionSales     Function = "sales"
	FunctionProduct   Function = "product"
	FunctionService   Function = "service"
	FunctionMarketing Function = "marketing"
	FunctionExecutive Function = "executive"
)

// Functions lists the functions in the order forms offer them.
var Functions = []Function{FunctionSales, FunctionProduct, FunctionService, FunctionMarketing, FunctionExecutive}

// TeamMember is a person on our side; members are shared by every account of
// the workspace.
type TeamMember struct {
	ID       string
	Name     string
	Function Function
	Email    string
	Title    string
}

func (m *TeamMember) EntityID() string { return m.ID }
func (m *TeamMember) Kind() Kind       { return KindTeamMember }

func (m *TeamMember) Validate() error {
	c := checker{record: "team member"}
	c.required("id", m.ID)
	c.required("name", m.Name)
	if m.Function != "" {
		names := make([]string, len(Functions))
		for i, f := range Functions {
			names[i] = string(f)
		}
		c.oneOf("function", string(m.Function), names)
	}
	return c.err()
}

// TeamAssignment puts a team member on an account's team with a
// responsibility (e.g. "Responsible: service delivery").
type TeamAssignment struct {
	ID             string
	AccountID      string
	MemberID       string
	Responsibility string // e.g. "Responsible: service delivery" (RACI)
	Internal       bool   // left out of customer-safe views
}

func (t *TeamAssignment) EntityID() string { return t.ID }
func (t *TeamAssignment) Kind() Kind       { return KindTeamAssignment }

func (t *TeamAssignment) Validate() error {
	c := checker{record: "team assignment"}
	c.required("id", t.ID)
	c.required("account", t.AccountID)
	c.required("team member", t.MemberID)
	return c.err()
}

// Strength is how strong a team member's relationship with a stakeholder is.
type Strength int

const (
	StrengthNone Strength = iota
	StrengthVendor
	StrengthCredible
	StrengthProblemSolver
	StrengthTrustedAdvisor
)

func (s Strength) String() string {
	return [...]string{"none", "vendor", "credible source", "problem solver", "trusted advisor"}[s]
}

// Coverage links a team member to a stakeholder they know.
type Coverage struct {
	ID            string
	AccountID     string
	MemberID      string
	StakeholderID string
	Strength      Strength
}

func (c *Coverage) EntityID() string { return c.ID }
func (c *Coverage) Kind() Kind       { return KindCoverage }

func (v *Coverage) Validate() error {
	c := checker{record: "coverage"}
	c.required("id", v.ID)
	c.required("account", v.AccountID)
	c.required("team member", v.MemberID)
	c.required("stakeholder", v.StakeholderID)
	c.between("strength", int(v.Strength), 1, 4)
	return c.err()
}

// LinkKind says what an informal line between two stakeholders means.
type LinkKind string

const (
	LinkInfluences LinkKind = "influences"
	LinkConflicts  LinkKind = "conflicts"
)

// InfluenceLink is an informal line from one stakeholder to another.
type InfluenceLink struct {
	ID        string
	AccountID string
	FromID    string
	ToID      string
	LinkKind  LinkKind
	Strength  int // 1 weak – 3 strong
}

func (l *InfluenceLink) EntityID() string { return l.ID }
func (l *InfluenceLink) Kind() Kind       { return KindInfluenceLink }

func (l *InfluenceLink) Validate() error {
	c := checker{record: "influence line"}
	c.required("id", l.ID)
	c.required("account", l.AccountID)
	c.required("from", l.FromID)
	c.required("to", l.ToID)
	if l.FromID != "" && l.FromID == l.ToID {
		c.fail("to", "must be another stakeholder than from")
	}
	c.oneOf("kind", string(l.LinkKind), []string{string(LinkInfluences), string(LinkConflicts)})
	c.between("strength", l.Strength, 1, 3)
	return c.err()
}
