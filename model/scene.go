package model

import "sort"

// LineKind is what a line on the relationship map stands for.
type LineKind int

const (
	LineReports   LineKind = iota // formal reporting, solid
	LineDotted                    // dotted-line reporting, dashed
	LineInfluence                 // who sways whom, an arrow
	LineConflict                  // who clashes with whom
	LineCoverage                  // our team member knows them
)

// SceneCard is one card on the relationship map, in map units.
type SceneCard struct {
	ID        string
	Member    bool // one of our team, drawn in the team lane
	X, Y      float64
	Name      string
	Title     string
	Role      BuyingRole
	Influence Influence
	Attitude  Attitude
	Coverage  Strength // best relationship we have with them
	Gap       bool     // a key person without a strong relationship
	Placed    bool     // position saved (else laid out for display)
}

// SceneLine joins two cards.
type SceneLine struct {
	Kind     LineKind
	From, To string // card IDs: for reporting lines From reports to To
	Strength int
	Ref      Entity // the record the line belongs to (stakeholder, link, coverage)
}

// Scene is everything the relationship map draws for one account.
type Scene struct {
	Cards []SceneCard
	Lines []SceneLine
}

// teamLaneGap separates our team's lane from the customer's org chart.
const teamLaneGap = 140

// MapScene lays out an account's relationship map: stakeholders where they
// were placed (or, if never placed, as an org chart beside the placed
// ones), our account team in a lane above, and every line between them.
func (p *Portfolio) MapScene(accountID string) Scene {
	people := p.Stakeholders(accountID)
	best := map[string]Strength{}
	var covs []*Coverage
	for _, e := range p.OfAccount(KindCoverage, accountID) {
		c := e.(*Coverage)
		covs = append(covs, c)
		best[c.StakeholderID] = max(best[c.StakeholderID], c.Strength)
	}
	var unplaced []*Stakeholder
	minX, minY, maxX := 0.0, 0.0, 0.0
	first := true
	for _, s := range people {
		if !s.Placed {
			unplaced = append(unplaced, s)
			continue
		}
		if first || s.MapX < minX {
			minX = s.MapX
		}
		if first || s.MapY < minY {
			minY = s.MapY
		}
		if first || s.MapX+LayoutCardWidth > maxX {
			maxX = s.MapX + LayoutCardWidth
		}
		first = false
	}
	auto := OrgLayout(unplaced)
	shift := 0.0
	if !first {
		shift = maxX + 2*LayoutGapX
	}
	var sc Scene
	for _, s := range people {
		c := SceneCard{ID: s.ID, X: s.MapX, Y: s.MapY, Name: s.Name, Title: s.Title, Role: s.Role,
			Influence: s.Influence, Attitude: s.Attitude, Coverage: best[s.ID], Placed: s.Placed,
			Gap: s.IsKey() && best[s.ID] < StrongCoverage}
		if !s.Placed {
			pt := auto[s.ID]
			c.X, c.Y = pt.X+shift, pt.Y+minY
		}
		sc.Cards = append(sc.Cards, c)
		if s.ReportsTo != "" {
			sc.Lines = append(sc.Lines, SceneLine{Kind: LineReports, From: s.ID, To: s.ReportsTo, Ref: s})
		}
		if s.DottedLine != "" {
			sc.Lines = append(sc.Lines, SceneLine{Kind: LineDotted, From: s.ID, To: s.DottedLine, Ref: s})
		}
	}
	for _, e := range p.OfAccount(KindInfluenceLink, accountID) {
		l := e.(*InfluenceLink)
		kind := LineInfluence
		if l.LinkKind == LinkConflicts {
			kind = LineConflict
		}
		sc.Lines = append(sc.Lines, SceneLine{Kind: kind, From: l.FromID, To: l.ToID, Strength: l.Strength, Ref: l})
	}
	// Our team: everyone assigned to the account, in a row above the chart.
	var team []*TeamMember
	for _, e := range p.OfAccount(KindTeamAssignment, accountID) {
		if m, ok := p.Get(KindTeamMember, e.(*TeamAssignment).MemberID).(*TeamMember); ok {
			team = append(team, m)
		}
	}
	sort.Slice(team, func(i, j int) bool { return team[i].Name < team[j].Name })
	top := 0.0
	for i, c := range sc.Cards {
		if i == 0 || c.Y < top {
			top = c.Y
		}
	}
	for i, m := range team {
		sc.Cards = append(sc.Cards, SceneCard{ID: m.ID, Member: true, Name: m.Name, Title: m.Title, Placed: true,
			X: float64(i) * (LayoutCardWidth + LayoutGapX), Y: top - LayoutCardHeight - teamLaneGap})
	}
	for _, c := range covs {
		sc.Lines = append(sc.Lines, SceneLine{Kind: LineCoverage, From: c.MemberID, To: c.StakeholderID, Strength: int(c.Strength), Ref: c})
	}
	return sc
}

// Bounds returns the smallest box around every card, in map units.
func (s Scene) Bounds() (x0, y0, x1, y1 float64) {
	for i, c := range s.Cards {
		if i == 0 || c.X < x0 {
			x0 = c.X
		}
		if i == 0 || c.Y < y0 {
			y0 = c.Y
		}
		if i == 0 || c.X+LayoutCardWidth > x1 {
			x1 = c.X + LayoutCardWidth
		}
		if i == 0 || c.Y+LayoutCardHeight > y1 {
			y1 = c.Y + LayoutCardHeight
		}
	}
	return x0, y0, x1, y1
}

// ForCustomer is the scene as the customer of accountID may see it (see
// CustomerView): their people with names, titles and reporting lines, and
// the members of our team who work with them openly; no buying roles,
// influence, attitudes, coverage or gaps, and no influence, conflict or
// coverage lines. Cards keep their places, so the map does not jump.
func (s Scene) ForCustomer(p *Portfolio, accountID string) Scene {
	v := p.CustomerView(accountID, CustomerShare{})
	kept := map[string]bool{}
	var out Scene
	for _, c := range s.Cards {
		kind := KindStakeholder
		if c.Member {
			kind = KindTeamMember
		}
		if v.Get(kind, c.ID) == nil {
			continue
		}
		c.Role, c.Influence, c.Attitude, c.Coverage, c.Gap = "", InfluenceUnknown, 0, StrengthNone, false
		kept[c.ID] = true
		out.Cards = append(out.Cards, c)
	}
	for _, l := range s.Lines {
		if (l.Kind == LineReports || l.Kind == LineDotted) && kept[l.From] && kept[l.To] {
			out.Lines = append(out.Lines, l)
		}
	}
	return out
}

// LineRole is what a line's colour says: the same on screen and in the
// exported picture, each drawing it in its own palette.
type LineRole int

const (
	RoleOrgChart  LineRole = iota // reporting and dotted lines
	RoleInfluence                 // who sways whom
	RoleConflict                  // who is at odds
	RoleCoverage                  // who of ours knows whom
)

// LineStyle is how a line is drawn on every map: its colour's role, its
// width, and its dash pattern (On and Off, 0 for solid), in map units.
type LineStyle struct {
	Role           LineRole
	Width, On, Off float64
}

// Style is the line's look: influence and coverage grow with their strength.
func (l SceneLine) Style() LineStyle {
	switch l.Kind {
	case LineDotted:
		return LineStyle{Role: RoleOrgChart, Width: 2, On: 8, Off: 6}
	case LineInfluence:
		return LineStyle{Role: RoleInfluence, Width: 1.5 * float64(max(l.Strength, 1))}
	case LineConflict:
		return LineStyle{Role: RoleConflict, Width: 3, On: 4, Off: 4}
	case LineCoverage:
		return LineStyle{Role: RoleCoverage, Width: float64(max(l.Strength, 1))}
	}
	return LineStyle{Role: RoleOrgChart, Width: 2}
}

// ClipToBox is where the line from the centre (cx, cy) of a box of half
// sizes hw and hh towards (tx, ty) leaves the box: lines end at card
// borders.
func ClipToBox(cx, cy, hw, hh, tx, ty float64) (float64, float64) {
	dx, dy := tx-cx, ty-cy
	if dx == 0 && dy == 0 {
		return cx, cy
	}
	s := 1.0
	if dx != 0 {
		s = min(s, hw/abs(dx))
	}
	if dy != 0 {
		s = min(s, hh/abs(dy))
	}
	return cx + dx*s, cy + dy*s
}

func abs(v float64) float64 {
	if v < 0 {
		return -v
	}
	return v
}
