package chart

import (
	"fmt"
	"image/color"

	"orchard/model"
)

// Cell fills by state, light enough to read dark text on.
var cellFills = map[model.CellState]color.NRGBA{
	model.CellSold:        {R: 0xc8, G: 0xe6, B: 0xc9, A: 0xff},
	model.CellOpen:        {R: 0xbb, G: 0xde, B: 0xfb, A: 0xff},
	model.CellCompetitor:  {R: 0xff, G: 0xcd, B: 0xd2, A: 0xff},
	model.CellNotRelevant: {R: 0xee, G: 0xee, B: 0xee, A: 0xff},
	model.CellUnknown:     {R: 0xff, G: 0xff, B: 0xff, A: 0xff},
}

// cellWords says a state in words, so the picture does not rest on colour;
// a customer-safe picture leaves out what a sold cell earns us and whom we
// name as a competitor.
func cellWords(c *model.WhitespaceCell, safe bool) string {
	if c == nil {
		return "unknown"
	}
	switch c.State {
	case model.CellSold:
		if c.Revenue > 0 && !safe {
			return "sold " + c.Revenue.Short()
		}
		return "sold"
	case model.CellOpen:
		return "open opportunity"
	case model.CellCompetitor:
		if c.Competitor != "" && !safe {
			return "competitor: " + c.Competitor
		}
		return "competitor"
	case model.CellNotRelevant:
		return "not relevant"
	}
	return "unknown"
}

// WhitespacePNG draws an account's business unit × offering grid with its
// whitespace count, at the given scale. Cell notes are not drawn; a safe
// picture also leaves out revenue and competitors' names.
func WhitespacePNG(p *model.Portfolio, accountID string, safe bool, scale float64) ([]byte, error) {
	if safe {
		p = p.CustomerView(accountID, model.CustomerShare{})
	}
	a := p.Account(accountID)
	if a == nil {
		return nil, fmt.Errorf("no account %s", accountID)
	}
	g := p.WhitespaceGrid(accountID)
	if len(g.Units) == 0 {
		return nil, fmt.Errorf("%s has no business units on its whitespace map", a.Name)
	}
	const margin, titleH, headW, cellW, rowH = 30.0, 70.0, 170.0, 150.0, 44.0
	w := 2*margin + headW + cellW*float64(len(g.Offerings))
	h := 2*margin + titleH + rowH*float64(len(g.Units)+1)
	pic, err := newPicture(w, h, scale)
	if err != nil {
		return nil, err
	}
	pic.text(fmt.Sprintf("%s — whitespace: %d open or unknown cells", a.Name, g.Gaps), margin, margin+24, 20, Ink, w-2*margin)
	pic.text("Business units × our offerings; green sold, blue open opportunity, red competitor, grey not relevant", margin, margin+50, 12, Grey, w-2*margin)
	top := margin + titleH
	for j, o := range g.Offerings {
		title := o
		if g.Archived[o] {
			title += " (archived)"
		}
		pic.text(title, margin+headW+float64(j)*cellW+6, top+rowH-14, 13, Ink, cellW-12)
	}
	for i, u := range g.Units {
		y := top + rowH*float64(i+1)
		pic.text(u, margin, y+rowH/2+5, 13, Ink, headW-8)
		for j, o := range g.Offerings {
			c := g.Cells[[2]string{u, o}]
			state := model.CellUnknown
			if c != nil {
				state = c.State
			}
			x := margin + headW + float64(j)*cellW
			pic.box(x+2, y+2, cellW-4, rowH-4, cellFills[state], Grey, 1)
			pic.text(cellWords(c, safe), x+8, y+rowH/2+5, 12, Ink, cellW-16)
		}
	}
	return pic.png()
}
