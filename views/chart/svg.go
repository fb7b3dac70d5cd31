package chart

import (
	"html"

	gochart "github.com/wcharczuk/go-chart/v2"
)

// svgRenderer is go-chart's SVG renderer with every text escaped: go-chart
// writes text into the SVG as it is, so an account named "Marlow & Finch"
// made the file invalid XML and one named "<script>…" put live script into
// a review pack.
type svgRenderer struct{ gochart.Renderer }

func (r svgRenderer) Text(body string, x, y int) {
	r.Renderer.Text(html.EscapeString(body), x, y)
}

// safeSVG provides svgRenderer; text is measured unescaped, as drawn.
func safeSVG(width, height int) (gochart.Renderer, error) {
	r, err := gochart.SVG(width, height)
	if err != nil {
		return nil, err
	}
	return svgRenderer{r}, nil
}
