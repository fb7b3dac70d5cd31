package chart

import (
	"fmt"
	"image/color"
	"math"
	"strings"

	"github.com/wcharczuk/go-chart/v2/drawing"

	"orchard/model"
)

// Colours of the map picture, from the shared palette.
var (
	mapPaper    = color.NRGBA{R: 0xff, G: 0xff, B: 0xff, A: 0xff}
	mapCard     = color.NRGBA{R: 0xf5, G: 0xf5, B: 0xf5, A: 0xff}
	mapTeamCard = color.NRGBA{R: 0xe3, G: 0xf0, B: 0xe4, A: 0xff}
)

// maxMapPixels caps the exported picture at 10 megapixels (a 40-person map still gets 2×).
const maxMapPixels = 10e6

// RelationshipMapPNG draws an account's relationship map as a PNG at the
// given scale (2 for a sharp slide), independent of any window. The
// customer-safe picture leaves out attitudes, coverage strengths and gaps.
func RelationshipMapPNG(p *model.Portfolio, accountID string, customerSafe bool, scale float64) ([]byte, error) {
	a := p.Account(accountID)
	if a == nil {
		return nil, fmt.Errorf("no account %s", accountID)
	}
	sc := p.MapScene(accountID)
	if customerSafe {
		sc = sc.ForCustomer(p, accountID)
	}
	if len(sc.Cards) == 0 {
		return nil, fmt.Errorf("%s has no stakeholders to draw", a.Name)
	}
	x0, y0, x1, y1 := sc.Bounds()
	const margin, titleH = 40.0, 60.0
	mw, mh := x1-x0+2*margin, y1-y0+2*margin+titleH
	// Very large maps are drawn at a smaller scale so the picture stays a
	// size slides and mail can carry.
	scale = math.Min(scale, math.Sqrt(maxMapPixels/(mw*mh)))
	pic, err := newPicture(mw, mh, scale)
	if err != nil {
		return nil, err
	}
	gc := pic.gc
	px := func(x float64) float64 { return (x - x0 + margin) * scale }
	py := func(y float64) float64 { return (y - y0 + margin + titleH) * scale }
	text := func(s string, x, y, size float64, c color.Color, maxW float64) {
		gc.SetFontSize(size * scale)
		gc.SetFillColor(dc(toNRGBA(c)))
		s = fitString(gc, s, maxW*scale)
		gc.FillStringAt(s, x, y)
	}
	title := a.Name + " — relationship map"
	if customerSafe {
		title += " (customer-safe)"
	}
	text(title, margin*scale, (margin/2+22)*scale, 22, Ink, x1-x0)

	index := map[string]model.SceneCard{}
	for _, c := range sc.Cards {
		index[c.ID] = c
	}
	cw, ch := float64(model.LayoutCardWidth), float64(model.LayoutCardHeight)
	center := func(c model.SceneCard) (float64, float64) { return px(c.X + cw/2), py(c.Y + ch/2) }
	for _, l := range sc.Lines {
		from, ok1 := index[l.From]
		to, ok2 := index[l.To]
		if !ok1 || !ok2 {
			continue
		}
		ax, ay := center(from)
		bx, by := center(to)
		ax, ay = model.ClipToBox(ax, ay, cw*scale/2, ch*scale/2, bx, by)
		bx, by = model.ClipToBox(bx, by, cw*scale/2, ch*scale/2, ax, ay)
		col, width, dash := lineLook(l)
		gc.SetStrokeColor(dc(col))
		gc.SetLineWidth(width * scale)
		if dash != nil {
			d := make([]float64, len(dash))
			for i, v := range dash {
				d[i] = v * scale
			}
			gc.SetLineDash(d, 0)
		} else {
			gc.SetLineDash(nil, 0)
		}
		gc.MoveTo(ax, ay)
		gc.LineTo(bx, by)
		gc.Stroke()
		if l.Kind == model.LineInfluence {
			arrowHead(gc, ax, ay, bx, by, (12+width)*scale, col)
		}
	}
	gc.SetLineDash(nil, 0)
	for _, c := range sc.Cards {
		x, y := px(c.X), py(c.Y)
		fill, stroke := mapCard, Grey
		if c.Member {
			fill = mapTeamCard
		} else if !customerSafe {
			switch {
			case c.Attitude > 0:
				stroke = Green
			case c.Attitude < 0:
				stroke = Red
			}
		}
		gc.SetFillColor(dc(fill))
		gc.SetStrokeColor(dc(stroke))
		gc.SetLineWidth(float64(1+max(int(c.Influence), 1)) * scale)
		gc.MoveTo(x, y)
		gc.LineTo(x+cw*scale, y)
		gc.LineTo(x+cw*scale, y+ch*scale)
		gc.LineTo(x, y+ch*scale)
		gc.Close()
		gc.FillStroke()
		pad := 8 * scale
		text(c.Name, x+pad, y+22*scale, 14, Ink, cw-16)
		text(c.Title, x+pad, y+40*scale, 11, Ink, cw-16)
		if c.Member {
			text("Our team", x+pad, y+58*scale, 10, Grey, cw-16)
			continue
		}
		text(strings.ReplaceAll(string(c.Role), "_", " ")+" · influence "+c.Influence.String(), x+pad, y+58*scale, 10, Grey, cw-16)
		if !customerSafe {
			// The chart font has no arrows; signs carry the meaning besides colour.
			word := "o neutral"
			if c.Attitude > 0 {
				word = "+ " + c.Attitude.String()
			} else if c.Attitude < 0 {
				word = "- " + c.Attitude.String()
			}
			text(word, x+pad, y+78*scale, 10, Ink, cw/2-10)
			cov := "covered: " + c.Coverage.String()
			if c.Coverage == model.StrengthNone {
				cov = "not covered"
			}
			if c.Gap {
				cov = "gap · " + cov
			}
			col := Ink
			if c.Gap {
				col = Red
			}
			text(cov, x+cw*scale/2, y+78*scale, 10, col, cw/2-10)
		}
	}
	return pic.png()
}

// lineLook is a line's colour, width and dashes in the picture: its
// model.LineStyle in the charts' palette.
func lineLook(l model.SceneLine) (color.NRGBA, float64, []float64) {
	st := l.Style()
	var dash []float64
	if st.On > 0 {
		dash = []float64{st.On, st.Off}
	}
	switch st.Role {
	case model.RoleInfluence:
		return Blue, st.Width, dash
	case model.RoleConflict:
		return Red, st.Width, dash
	case model.RoleCoverage:
		c := Green
		c.A = 0xb0
		return c, st.Width, dash
	}
	return Grey, st.Width, dash
}

func arrowHead(gc *drawing.RasterGraphicContext, ax, ay, bx, by, size float64, c color.NRGBA) {
	ang := math.Atan2(by-ay, bx-ax)
	l, r := ang+math.Pi*5/6, ang-math.Pi*5/6
	gc.SetFillColor(dc(c))
	gc.MoveTo(bx, by)
	gc.LineTo(bx+size*math.Cos(l), by+size*math.Sin(l))
	gc.LineTo(bx+size*math.Cos(r), by+size*math.Sin(r))
	gc.Close()
	gc.Fill()
}

// fitString shortens s with an ellipsis to fit maxW pixels.
func fitString(gc *drawing.RasterGraphicContext, s string, maxW float64) string {
	width := func(t string) float64 {
		l, _, r, _, err := gc.GetStringBounds(t)
		if err != nil {
			return 0
		}
		return r - l
	}
	if width(s) <= maxW {
		return s
	}
	rs := []rune(s)
	lo, hi := 0, len(rs)-1 // longest prefix that fits, by halving
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if width(string(rs[:mid])+"…") <= maxW {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	if lo == 0 {
		return ""
	}
	return string(rs[:lo]) + "…"
}

func toNRGBA(c color.Color) color.NRGBA {
	return color.NRGBAModel.Convert(c).(color.NRGBA)
}
