package model

// Clone returns a copy of a record that can be edited without touching the
// one held by the portfolio. Records held by a portfolio are never changed in
// place: a command replaces them, which is what lets undo keep the old one.
func Clone(e Entity) Entity {
	switch v := e.(type) {
	case *Account:
		c := *v
		return &c
	case *Stakeholder:
		c := *v
		return &c
	case *TeamMember:
		c := *v
		return &c
	case *TeamAssignment:
		c := *v
		return &c
	case *Coverage:
		c := *v
		return &c
	case *InfluenceLink:
		c := *v
		return &c
	case *Goal:
		c := *v
		return &c
	case *Initiative:
		c := *v
		return &c
	case *WhitespaceCell:
		c := *v
		return &c
	case *Opportunity:
		c := *v
		return &c
	case *Action:
		c := *v
		c.Stakeholders = append([]string(nil), v.Stakeholders...)
		return &c
	case *PeriodFigure:
		c := *v
		return &c
	case *Scorecard:
		c := *v
		c.Scores = make(map[string]int, len(v.Scores))
		for k, s := range v.Scores {
			c.Scores[k] = s
		}
		return &c
	case *ReviewMeeting:
		c := *v
		return &c
	case *Cycle:
		c := *v
		return &c
	case *PositionMark:
		c := *v
		return &c
	case *ExternalKey:
		c := *v
		return &c
	}
	panic("model: Clone of unknown record type")
}
