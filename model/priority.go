package model

// Priority ranks accounts First to Fourth; PriorityNone means "derive it".
type Priority int

const (
	PriorityNone Priority = iota
	PriorityFirst
	PrioritySecond
	PriorityThird
	PriorityFourth
)

func (p Priority) String() string {
	switch p {
	case PriorityFirst:
		return "First"
	case PrioritySecond:
		return "Second"
	case PriorityThird:
		return "Third"
	case PriorityFourth:
		return "Fourth"
	}
	return "—"
}

// Quadrant names the four quarters of the relationship/revenue chart.
type Quadrant int

const (
	QuadrantUnknown      Quadrant = iota
	QuadrantSweetSpot             // strong relationship, high value
	QuadrantDevelop               // weak relationship, high value
	QuadrantMaintain              // strong relationship, low value
	QuadrantDeprioritise          // weak relationship, low value
)

func (q Quadrant) String() string {
	switch q {
	case QuadrantSweetSpot:
		return "Strong / high (sweet spot)"
	case QuadrantDevelop:
		return "Weak / high"
	case QuadrantMaintain:
		return "Strong / low"
	case QuadrantDeprioritise:
		return "Weak / low"
	}
	return "Not assessed"
}

// QuadrantAt places a point (relationship x, value y, both 0–100); the
// midlines belong to the stronger side.
func QuadrantAt(x, y float64) Quadrant {
	strong, high := x >= 50, y >= 50
	switch {
	case strong && high:
		return QuadrantSweetSpot
	case high:
		return QuadrantDevelop
	case strong:
		return QuadrantMaintain
	}
	return QuadrantDeprioritise
}

// PriorityOf derives priority from the quadrant. High value outranks a strong
// relationship: a weak relationship with a high-value customer is worth
// building (Second) before a strong one with little upside is maintained
// (Third); weak/low is Fourth.
func PriorityOf(q Quadrant) Priority {
	switch q {
	case QuadrantSweetSpot:
		return PriorityFirst
	case QuadrantDevelop:
		return PrioritySecond
	case QuadrantMaintain:
		return PriorityThird
	case QuadrantDeprioritise:
		return PriorityFourth
	}
	return PriorityNone
}

// Position returns where the account sits on the quadrant: the manual
// placement when there is one, otherwise the scores. ok is false when the
// account is neither placed nor assessed on both axes.
func (a *Account) Position(w Weights) (x, y float64, ok bool) {
	if a.Placed {
		return a.PlaceX, a.PlaceY, true
	}
	x, okx := a.Answers.Score(AxisRelationship, w)
	y, oky := a.Answers.Score(AxisValue, w)
	return x, y, okx && oky
}

// EffectivePriority is the override when set, otherwise the derived priority.
func (a *Account) EffectivePriority(w Weights) Priority {
	if a.PriorityOverride != PriorityNone {
		return a.PriorityOverride
	}
	x, y, ok := a.Position(w)
	if !ok {
		return PriorityNone
	}
	return PriorityOf(QuadrantAt(x, y))
}

// Assessment is everything the scorecard says about one account.
type Assessment struct {
	Relationship    float64 // 0–100, valid when HasRelationship
	Value           float64 // 0–100, valid when HasValue
	HasRelationship bool
	HasValue        bool
	Quadrant        Quadrant // from the manual placement or the scores
	Derived         Priority // what the quadrant gives
	Priority        Priority // the override when set, else Derived
	Overridden      bool
}

// Assess scores an account with the workspace weights.
func (a *Account) Assess(w Weights) Assessment {
	var s Assessment
	s.Relationship, s.HasRelationship = a.Answers.Score(AxisRelationship, w)
	s.Value, s.HasValue = a.Answers.Score(AxisValue, w)
	if x, y, ok := a.Position(w); ok {
		s.Quadrant = QuadrantAt(x, y)
		s.Derived = PriorityOf(s.Quadrant)
	}
	s.Priority, s.Overridden = s.Derived, a.PriorityOverride != PriorityNone
	if s.Overridden {
		s.Priority = a.PriorityOverride
	}
	return s
}

// Code is the quadrant's stable name for files and the command line.
func (q Quadrant) Code() string {
	switch q {
	case QuadrantSweetSpot:
		return "strong-high"
	case QuadrantDevelop:
		return "weak-high"
	case QuadrantMaintain:
		return "strong-low"
	case QuadrantDeprioritise:
		return "weak-low"
	}
	return ""
}

// PriorityRule explains in a sentence how priority follows the quadrant.
const PriorityRule = "Priority follows the quadrant: strong relationship and high value is First (the sweet spot); " +
	"weak relationship and high value is Second (worth building the relationship); " +
	"strong relationship and low value is Third (maintain efficiently); weak and low is Fourth. " +
	"A priority set by hand overrides this and is marked as set."
