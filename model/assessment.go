package model

// Question is one item of the assessment scorecard.
type Question int

const (
	QGrowing Question = iota // potential value
	QCurrentRevenue
	QFootprint
	QTrust // relationship strength
	QKeyStakeholders
	QStrategicFit
	QViewInOurIndustry
	QViewInTheirIndustry
	NumQuestions
)

// Axis says which quadrant axis a question feeds.
type Axis int

const (
	AxisValue Axis = iota
	AxisRelationship
)

// QuestionInfo describes a question for forms, storage and import.
type QuestionInfo struct {
	Field  string // stable storage name
	Axis   Axis
	Text   string
	Hint   string
	Weight float64 // default weight
}

// Questions holds the eight questions of the assessment. Strategic fit and
// trust/openness are the two criteria that predict success best, so they
// weigh most by default.
var Questions = [NumQuestions]QuestionInfo{
	QGrowing:             {"value_growing", AxisValue, "Is the customer's organisation and revenue growing?", "1 shrinking · 3 flat · 5 growing fast", 1},
	QCurrentRevenue:      {"value_current_revenue", AxisValue, "Are our current revenues with them strong?", "1 token spend · 5 one of our largest", 1},
	QFootprint:           {"value_footprint", AxisValue, "Are there opportunities to grow our footprint?", "1 saturated · 5 large whitespace", 1},
	QTrust:               {"rel_trust", AxisRelationship, "Level of trust and openness with the customer", "1 guarded · 5 they share plans with us", 3},
	QKeyStakeholders:     {"rel_key_stakeholders", AxisRelationship, "Strong relationships with key stakeholders?", "1 none · 5 several decision makers", 1},
	QStrategicFit:        {"rel_strategic_fit", AxisRelationship, "Strategic fit of the two companies", "1 poor fit · 5 we are core to their strategy", 3},
	QViewInOurIndustry:   {"rel_view_our_industry", AxisRelationship, "How the customer views us in our industry", "1 a commodity · 5 the leader", 1},
	QViewInTheirIndustry: {"rel_view_their_industry", AxisRelationship, "How the customer views us in its own industry", "1 outsider · 5 a specialist in their field", 1},
}

// Answers holds one account's answers, 1–5, or 0 for unknown.
type Answers [NumQuestions]int

// Weights holds the weight of each question; workspace settings override the
// defaults.
type Weights [NumQuestions]float64

// DefaultWeights returns the weights from Questions.
func DefaultWeights() Weights {
	var w Weights
	for i, q := range Questions {
		w[i] = q.Weight
	}
	return w
}

// Score returns the weighted score 0–100 of the answered questions on one
// axis, and false when none of them is answered.
func (a Answers) Score(axis Axis, w Weights) (float64, bool) {
	var sum, total float64
	for q, v := range a {
		if Questions[q].Axis != axis || v == 0 || w[q] <= 0 {
			continue
		}
		sum += w[q] * float64(v-1) / 4 * 100
		total += w[q]
	}
	if total == 0 {
		return 0, false
	}
	return sum / total, true
}
