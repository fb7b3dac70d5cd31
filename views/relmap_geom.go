package views

import (
	"math"
	"orchard/model"

	"fyne.io/fyne/v2"
)

// clipToBox returns where the ray from the centre of a box (half sizes hw,
// hh) towards target leaves the box, so lines end at card borders.
func clipToBox(center fyne.Position, hw, hh float32, target fyne.Position) fyne.Position {
	x, y := model.ClipToBox(float64(center.X), float64(center.Y), float64(hw), float64(hh), float64(target.X), float64(target.Y))
	return fyne.NewPos(float32(x), float32(y))
}

// dashes splits a segment into dashes of length on with gaps off, filling
// dst (grown when too short) and returning how many it used.
func dashes(a, b fyne.Position, on, off float32, dst [][2]fyne.Position) ([][2]fyne.Position, int) {
	dx, dy := b.X-a.X, b.Y-a.Y
	length := float32(math.Hypot(float64(dx), float64(dy)))
	if length == 0 || on <= 0 {
		return dst, 0
	}
	ux, uy := dx/length, dy/length
	n := 0
	for t := float32(0); t < length; t += on + off {
		end := min(t+on, length)
		seg := [2]fyne.Position{{X: a.X + ux*t, Y: a.Y + uy*t}, {X: a.X + ux*end, Y: a.Y + uy*end}}
		if n < len(dst) {
			dst[n] = seg
		} else {
			dst = append(dst, seg)
		}
		n++
	}
	return dst, n
}

// distToSegment is how far p lies from the segment a–b.
func distToSegment(p, a, b fyne.Position) float32 {
	dx, dy := b.X-a.X, b.Y-a.Y
	l2 := dx*dx + dy*dy
	t := float32(0)
	if l2 > 0 {
		t = max(0, min(1, ((p.X-a.X)*dx+(p.Y-a.Y)*dy)/l2))
	}
	qx, qy := a.X+t*dx-p.X, a.Y+t*dy-p.Y
	return float32(math.Sqrt(float64(qx*qx + qy*qy)))
}

// headAngle is the rotation, in degrees clockwise, that points a triangle
// (drawn pointing up) from a towards b.
func headAngle(a, b fyne.Position) float32 {
	return float32(math.Atan2(float64(b.Y-a.Y), float64(b.X-a.X))*180/math.Pi) + 90
}
