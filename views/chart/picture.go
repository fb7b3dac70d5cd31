package chart

import (
	"bytes"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"math"

	gochart "github.com/wcharczuk/go-chart/v2"
	"github.com/wcharczuk/go-chart/v2/drawing"
)

// picture is a white raster canvas drawn in layout units times scale.
type picture struct {
	img   *image.RGBA
	gc    *drawing.RasterGraphicContext
	scale float64
}

func newPicture(w, h, scale float64) (*picture, error) {
	img := image.NewRGBA(image.Rect(0, 0, int(math.Ceil(w*scale)), int(math.Ceil(h*scale))))
	draw.Draw(img, img.Bounds(), &image.Uniform{mapPaper}, image.Point{}, draw.Src)
	gc, err := drawing.NewRasterGraphicContext(img)
	if err != nil {
		return nil, err
	}
	font, err := gochart.GetDefaultFont()
	if err != nil {
		return nil, err
	}
	gc.SetFont(font)
	gc.SetDPI(72)
	return &picture{img: img, gc: gc, scale: scale}, nil
}

// box fills and outlines a rectangle given in layout units.
func (p *picture) box(x, y, w, h float64, fill, stroke color.NRGBA, width float64) {
	s := p.scale
	p.gc.SetFillColor(dc(fill))
	p.gc.SetStrokeColor(dc(stroke))
	p.gc.SetLineWidth(width * s)
	p.gc.MoveTo(x*s, y*s)
	p.gc.LineTo((x+w)*s, y*s)
	p.gc.LineTo((x+w)*s, (y+h)*s)
	p.gc.LineTo(x*s, (y+h)*s)
	p.gc.Close()
	p.gc.FillStroke()
}

// text writes s with its baseline at (x, y), cut to fit maxW.
func (p *picture) text(s string, x, y, size float64, c color.NRGBA, maxW float64) {
	p.gc.SetFontSize(size * p.scale)
	p.gc.SetFillColor(dc(c))
	p.gc.FillStringAt(fitString(p.gc, s, maxW*p.scale), x*p.scale, y*p.scale)
}

func (p *picture) png() ([]byte, error) {
	var buf bytes.Buffer
	enc := png.Encoder{CompressionLevel: png.BestSpeed}
	if err := enc.Encode(&buf, p.img); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
