package pack

import (
	"bytes"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"strings"

	"golang.org/x/image/font"
	"golang.org/x/image/font/basicfont"
	"golang.org/x/image/math/fixed"
)

// internalLabel is printed on every picture of an internal pack.
const internalLabel = "INTERNAL - not for the customer"

// markInternal puts a red INTERNAL band across the top of a picture, so
// that one never passes for the customer's version; other files pass
// unchanged (the summary page carries its own banner).
func markInternal(name string, data []byte) []byte {
	switch {
	case strings.HasSuffix(name, ".svg"):
		band := `<rect x="0" y="0" width="100%" height="28" fill="#b71c1c"/>` +
			`<text x="10" y="20" fill="#ffffff" font-size="16" font-family="sans-serif" font-weight="bold">` + internalLabel + `</text>`
		if i := bytes.LastIndex(data, []byte("</svg>")); i >= 0 {
			return append(append(append([]byte{}, data[:i]...), band...), data[i:]...)
		}
	case strings.HasSuffix(name, ".png"):
		img, err := png.Decode(bytes.NewReader(data))
		if err != nil {
			return data
		}
		out := image.NewRGBA(img.Bounds())
		draw.Draw(out, out.Bounds(), img, img.Bounds().Min, draw.Src)
		b := out.Bounds()
		band := image.Rect(b.Min.X, b.Min.Y, b.Max.X, b.Min.Y+30)
		draw.Draw(out, band, image.NewUniform(color.RGBA{0xb7, 0x1c, 0x1c, 0xff}), image.Point{}, draw.Src)
		// The small bitmap font drawn twice its size, so it reads at a glance.
		text := image.NewRGBA(image.Rect(0, 0, len(internalLabel)*7+4, 15))
		d := &font.Drawer{Dst: text, Src: image.White, Face: basicfont.Face7x13, Dot: fixed.P(2, 11)}
		d.DrawString(internalLabel)
		for y := 0; y < text.Bounds().Dy(); y++ {
			for x := 0; x < text.Bounds().Dx(); x++ {
				if _, _, _, a := text.At(x, y).RGBA(); a > 0x8000 {
					for dy := 0; dy < 2; dy++ {
						for dx := 0; dx < 2; dx++ {
							out.Set(b.Min.X+10+2*x+dx, b.Min.Y+1+2*y+dy, color.White)
						}
					}
				}
			}
		}
		var buf bytes.Buffer
		if err := png.Encode(&buf, out); err == nil {
			return buf.Bytes()
		}
	}
	return data
}
