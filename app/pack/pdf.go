package pack

import (
	"bytes"
	"fmt"
	"image"
	"strings"

	"codeberg.org/go-pdf/fpdf"
	"fyne.io/fyne/v2/theme"
)

// writePDF draws the slides as PDF pages of the slides' own size, with the
// toolkit's Noto Sans embedded (Latin, Greek and Cyrillic; other scripts
// fall back to the PDF viewer), page numbers, and INTERNAL on every page of
// the internal version.
func writePDF(slides []deckSlide, internal bool, title string) ([]byte, error) {
	g := builtinGeometry
	pdf := fpdf.NewCustom(&fpdf.InitType{UnitStr: "pt", Size: fpdf.SizeType{Wd: g.pageW, Ht: g.pageH}, OrientationStr: "P"})
	pdf.SetTitle(title, true)
	pdf.SetCreator("Orchard", true)
	pdf.SetAutoPageBreak(false, 0)
	pdf.SetMargins(0, 0, 0)
	pdf.SetCellMargin(0)
	pdf.AddUTF8FontFromBytes("Sans", "", theme.DefaultTextFont().Content())
	pdf.AddUTF8FontFromBytes("Sans", "B", theme.DefaultTextBoldFont().Content())
	green := [3]int{0x2E, 0x7D, 0x32}
	ink := [3]int{0x21, 0x21, 0x21}
	dark := [3]int{0x1B, 0x5E, 0x20}
	color := func(c [3]int) { pdf.SetTextColor(c[0], c[1], c[2]) }
	// text draws wrapped lines from the top of a box, returning the height used.
	text := func(x, y, w float64, s string, size float64, bold bool, align string) float64 {
		style := ""
		if bold {
			style = "B"
		}
		pdf.SetFont("Sans", style, size)
		lh := size * lineSpacing
		used := 0.0
		for _, para := range strings.Split(s, "\n") {
			for _, l := range pdf.SplitText(para, w) {
				pdf.SetXY(x, y+used)
				pdf.CellFormat(w, lh, l, "", 0, align, false, 0, "")
				used += lh
			}
		}
		return used
	}
	for i, s := range slides {
		pdf.AddPage()
		pdf.SetFillColor(green[0], green[1], green[2])
		pdf.Rect(0, 0, g.pageW, 12, "F")
		if s.IsTitle {
			color(dark)
			size := titleSize(s.Title, g.w, 40)
			h := float64(lines(s.Title, g.w, size)) * size * lineSpacing
			text(g.left, 260-h, g.w, s.Title, size, true, "L")
			y := 290.0
			color(ink)
			for _, l := range s.Lines {
				y += text(g.left, y, g.w, l, 22, false, "L") + 6
			}
		} else {
			color(dark)
			size := titleSize(s.Title, g.w, 32)
			h := float64(lines(s.Title, g.w, size)) * size * lineSpacing
			text(g.left, g.titleTop+g.titleH-h, g.w, s.Title, size, true, "L")
		}
		color(ink)
		switch {
		case s.Table != nil:
			pdfTable(pdf, s.Table, g)
		case s.Picture != nil:
			cfg, _, err := image.DecodeConfig(bytes.NewReader(s.Picture))
			if err != nil {
				return nil, fmt.Errorf("a picture for the page %q: %w", s.Title, err)
			}
			pw, ph := g.w, g.w*float64(cfg.Height)/float64(cfg.Width)
			if ph > g.h {
				pw, ph = g.h*float64(cfg.Width)/float64(cfg.Height), g.h
			}
			name := fmt.Sprintf("picture%d", i)
			opts := fpdf.ImageOptions{ImageType: "PNG"}
			pdf.RegisterImageOptionsReader(name, opts, bytes.NewReader(s.Picture))
			pdf.ImageOptions(name, g.left+(g.w-pw)/2, g.top+(g.h-ph)/2, pw, ph, false, opts, 0, "")
		case len(s.Bullets) > 0:
			y := g.top
			for _, b := range s.Bullets {
				y += bulletGap
				pdf.SetFont("Sans", "", bodySize)
				pdf.SetXY(g.left, y)
				pdf.CellFormat(bulletIndent, bodySize*lineSpacing, "•", "", 0, "L", false, 0, "")
				y += text(g.left+bulletIndent, y, g.w-bulletIndent, b, bodySize, false, "L")
			}
		}
		pdf.SetTextColor(0x6D, 0x6D, 0x6D)
		text(g.pageW-marginRight-120, g.pageH-34, 120, fmt.Sprintf("%d / %d", i+1, len(slides)), 11, false, "R")
		if internal {
			pdf.SetTextColor(0xB7, 0x1C, 0x1C)
			text(g.left, g.pageH-34, 420, "INTERNAL — not for the customer", 12, true, "L")
		}
	}
	var buf bytes.Buffer
	if err := pdf.Output(&buf); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// pdfTable draws a table as the deck does: a green header row, banded
// rows, thin rules, text wrapped in its cell.
func pdfTable(pdf *fpdf.Fpdf, t *deckTable, g geometry) {
	y := g.top
	row := func(cells []string, header, band bool) {
		h := t.rowHeight(cells, g.w)
		x := g.left
		for i, c := range cells {
			w := t.Widths[i] * g.w
			switch {
			case header:
				pdf.SetFillColor(0x2E, 0x7D, 0x32)
			case band:
				pdf.SetFillColor(0xF5, 0xF5, 0xF5)
			default:
				pdf.SetFillColor(0xFF, 0xFF, 0xFF)
			}
			pdf.SetDrawColor(0xBD, 0xBD, 0xBD)
			pdf.SetLineWidth(0.5)
			pdf.Rect(x, y, w, h, "FD")
			style := ""
			if header {
				style = "B"
				pdf.SetTextColor(0xFF, 0xFF, 0xFF)
			} else {
				pdf.SetTextColor(0x21, 0x21, 0x21)
			}
			pdf.SetFont("Sans", style, tableSize)
			align := "L"
			if i < len(t.Right) && t.Right[i] {
				align = "R"
			}
			ly := y + cellPadY
			for _, para := range strings.Split(c, "\n") {
				for _, l := range pdf.SplitText(para, w-2*cellPadX) {
					pdf.SetXY(x+cellPadX, ly)
					pdf.CellFormat(w-2*cellPadX, tableSize*lineSpacing, l, "", 0, align, false, 0, "")
					ly += tableSize * lineSpacing
				}
			}
			x += w
		}
		y += h
	}
	row(t.Header, true, false)
	for i, r := range t.Rows {
		row(r, false, i%2 == 1)
	}
}
