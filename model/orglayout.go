package model

import "sort"

// Card and gap sizes of the org-chart layout, in map units.
const (
	LayoutCardWidth  = 190
	LayoutCardHeight = 92
	LayoutGapX       = 30
	LayoutGapY       = 70
)

// Stacked teams: how far reports are indented under their manager and
// the gap between them.
const (
	stackIndent = 24
	stackGap    = 14
)

func allLeaves(list []*Stakeholder, children map[string][]*Stakeholder) bool {
	for _, s := range list {
		if len(children[s.ID]) > 0 {
			return false
		}
	}
	return true
}

// Point is a position on the relationship map.
type Point struct{ X, Y float64 }

// OrgLayout places people as an org chart from their reports-to lines:
// each manager centred above their reports, trees side by side, children
// ordered by name. Returns the top-left corner of every card.
func OrgLayout(people []*Stakeholder) map[string]Point {
	byID := map[string]*Stakeholder{}
	for _, s := range people {
		byID[s.ID] = s
	}
	children := map[string][]*Stakeholder{}
	var roots []*Stakeholder
	for _, s := range people {
		if _, ok := byID[s.ReportsTo]; ok && s.ReportsTo != s.ID {
			children[s.ReportsTo] = append(children[s.ReportsTo], s)
		} else {
			roots = append(roots, s)
		}
	}
	byName := func(list []*Stakeholder) {
		sort.Slice(list, func(i, j int) bool {
			if list[i].Name != list[j].Name {
				return list[i].Name < list[j].Name
			}
			return list[i].ID < list[j].ID
		})
	}
	byName(roots)
	for _, c := range children {
		byName(c)
	}
	out := map[string]Point{}
	visiting := map[string]bool{}
	next := 0.0 // next free x for a leaf
	var place func(s *Stakeholder, depth int) float64
	place = func(s *Stakeholder, depth int) float64 {
		visiting[s.ID] = true
		if kids := children[s.ID]; len(kids) > 2 && allLeaves(kids, children) {
			// A team of individual contributors hangs below its manager as a
			// column, as org charts draw it, so wide teams stay narrow.
			x := next
			out[s.ID] = Point{X: x, Y: float64(depth) * (LayoutCardHeight + LayoutGapY)}
			for k, c := range kids {
				visiting[c.ID] = true
				out[c.ID] = Point{X: x + stackIndent, Y: float64(depth)*(LayoutCardHeight+LayoutGapY) + float64(k+1)*(LayoutCardHeight+stackGap)}
			}
			next = x + LayoutCardWidth + stackIndent + LayoutGapX
			return x
		}
		var xs []float64
		for _, c := range children[s.ID] {
			if !visiting[c.ID] { // a loop cannot stop the layout
				xs = append(xs, place(c, depth+1))
			}
		}
		x := next
		if len(xs) > 0 {
			x = (xs[0] + xs[len(xs)-1]) / 2
		} else {
			next += LayoutCardWidth + LayoutGapX
		}
		if x+LayoutCardWidth+LayoutGapX > next {
			next = x + LayoutCardWidth + LayoutGapX
		}
		out[s.ID] = Point{X: x, Y: float64(depth) * (LayoutCardHeight + LayoutGapY)}
		return x
	}
	for _, r := range roots {
		place(r, 0)
	}
	// People only reachable through a loop get their own place at the end.
	for _, s := range people {
		if _, ok := out[s.ID]; !ok {
			place(s, 0)
		}
	}
	return out
}
