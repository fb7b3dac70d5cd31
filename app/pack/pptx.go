package pack

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"image"
	_ "image/png" // picture sizes
	"sort"
	"strings"
	"time"
)

// A .pptx is a zip of XML parts: the presentation lists its slide master
// and slides; each slide names its layout, which names its master, which
// names its theme; [Content_Types].xml says what each part is.

// deckTemplate is the master, layouts and theme the slides are put on.
type deckTemplate struct {
	name      string            // "built-in" or the template file's name
	parts     map[string][]byte // parts copied as they are, by name in the zip
	overrides map[string]string // part name → content type, for those parts
	defaults  map[string]string // extension → content type
	masters   []string          // slide master part names
	masterIDs []string          // their ids in the presentation, as the template numbered them
	titleLay  string            // layout part of the title slide
	bodyLay   string            // layout part of the other slides
	titlePh   string            // the title slide's title placeholder type
	hasSub    bool              // the title layout has a subtitle placeholder
	cx, cy    int64             // slide size in EMU
	g         geometry
}

// builtinTemplate is the template embedded in Orchard.
func builtinTemplate() *deckTemplate {
	t := &deckTemplate{name: "built-in", parts: map[string][]byte{}, overrides: map[string]string{},
		defaults: map[string]string{"rels": "application/vnd.openxmlformats-package.relationships+xml", "xml": "application/xml", "png": "image/png"},
		masters:  []string{"ppt/slideMasters/slideMaster1.xml"}, titleLay: "ppt/slideLayouts/slideLayout1.xml",
		bodyLay: fmt.Sprintf("ppt/slideLayouts/slideLayout%d.xml", builtinLayout), titlePh: "ctrTitle", hasSub: true,
		cx: 12192000, cy: 6858000, g: builtinGeometry}
	t.add("ppt/slideMasters/slideMaster1.xml", builtinMaster, ctBase+"slideMaster+xml")
	t.add("ppt/slideMasters/_rels/slideMaster1.xml.rels", builtinMasterRels, "")
	for i, l := range builtinLayouts {
		t.add(fmt.Sprintf("ppt/slideLayouts/slideLayout%d.xml", i+1), l, ctBase+"slideLayout+xml")
		t.add(fmt.Sprintf("ppt/slideLayouts/_rels/slideLayout%d.xml.rels", i+1), layoutRels, "")
	}
	t.add("ppt/theme/theme1.xml", builtinTheme, "application/vnd.openxmlformats-officedocument.theme+xml")
	return t
}

func (t *deckTemplate) add(name, body, contentType string) {
	t.parts[name] = []byte(body)
	if contentType != "" {
		t.overrides[name] = contentType
	}
}

// deckWriter holds what writing one deck needs.
type deckWriter struct {
	t        *deckTemplate
	internal bool
	scale    float64 // EMU per point on this template's slide
	media    int
}

// writePPTX writes the slides as a presentation on template t.
func writePPTX(slides []deckSlide, t *deckTemplate, internal bool, title string, today time.Time) ([]byte, error) {
	var buf bytes.Buffer
	z := zip.NewWriter(&buf)
	put := func(name string, data []byte) error {
		w, err := z.Create(name)
		if err != nil {
			return err
		}
		_, err = w.Write(data)
		return err
	}
	w := &deckWriter{t: t, internal: internal, scale: float64(t.cx) / t.g.pageW}
	overrides := map[string]string{}
	for k, v := range t.overrides {
		overrides[k] = v
	}
	names := make([]string, 0, len(t.parts))
	for n := range t.parts {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		if err := put(n, t.parts[n]); err != nil {
			return nil, err
		}
	}
	defaults := map[string]string{}
	for k, v := range t.defaults {
		defaults[k] = v
	}
	defaults["png"] = "image/png"
	var sldIDs, presRels strings.Builder
	rid := 1
	var masterIDs strings.Builder
	for i, m := range t.masters {
		fmt.Fprintf(&presRels, `<Relationship Id="rId%d" Type="%sslideMaster" Target="%s"/>`, rid, relBase, strings.TrimPrefix(m, "ppt/"))
		id := fmt.Sprint(2147483648 + i*1000)
		if i < len(t.masterIDs) && t.masterIDs[i] != "" {
			id = t.masterIDs[i] // the template's own: unique among its layouts' ids
		}
		fmt.Fprintf(&masterIDs, `<p:sldMasterId id="%s" r:id="rId%d"/>`, id, rid)
		rid++
	}
	for i, s := range slides {
		body, rels, err := w.slide(s, i+1, len(slides))
		if err != nil {
			return nil, err
		}
		for _, m := range rels.media {
			if err := put("ppt/media/"+m.name, m.data); err != nil {
				return nil, err
			}
		}
		name := fmt.Sprintf("ppt/slides/slide%d.xml", i+1)
		if err := put(name, body); err != nil {
			return nil, err
		}
		if err := put(fmt.Sprintf("ppt/slides/_rels/slide%d.xml.rels", i+1), rels.xml()); err != nil {
			return nil, err
		}
		overrides[name] = ctBase + "slide+xml"
		fmt.Fprintf(&presRels, `<Relationship Id="rId%d" Type="%sslide" Target="slides/slide%d.xml"/>`, rid, relBase, i+1)
		fmt.Fprintf(&sldIDs, `<p:sldId id="%d" r:id="rId%d"/>`, 256+i, rid)
		rid++
	}
	for _, part := range []struct{ name, body, kind string }{
		{"ppt/presProps.xml", presProps, "presProps"}, {"ppt/viewProps.xml", viewProps, "viewProps"}, {"ppt/tableStyles.xml", tableStyles, "tableStyles"},
	} {
		if err := put(part.name, []byte(part.body)); err != nil {
			return nil, err
		}
		overrides[part.name] = ctBase + part.kind + "+xml"
		fmt.Fprintf(&presRels, `<Relationship Id="rId%d" Type="%s%s" Target="%s"/>`, rid, relBase, part.kind, strings.TrimPrefix(part.name, "ppt/"))
		rid++
	}
	pres := xmlHeader + `<p:presentation ` + nsA + ` ` + nsR + ` ` + nsP + ` saveSubsetFonts="1">` +
		`<p:sldMasterIdLst>` + masterIDs.String() + `</p:sldMasterIdLst><p:sldIdLst>` + sldIDs.String() + `</p:sldIdLst>` +
		fmt.Sprintf(`<p:sldSz cx="%d" cy="%d"/><p:notesSz cx="6858000" cy="9144000"/></p:presentation>`, t.cx, t.cy)
	overrides["ppt/presentation.xml"] = ctBase + "presentation.main+xml"
	if err := put("ppt/presentation.xml", []byte(pres)); err != nil {
		return nil, err
	}
	if err := put("ppt/_rels/presentation.xml.rels", []byte(relsXML(presRels.String()))); err != nil {
		return nil, err
	}
	stamp := today.UTC().Format("2006-01-02T15:04:05Z")
	core := xmlHeader + `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
		`<dc:title>` + esc(title) + `</dc:title><dc:creator>Orchard</dc:creator>` +
		`<dcterms:created xsi:type="dcterms:W3CDTF">` + stamp + `</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">` + stamp + `</dcterms:modified></cp:coreProperties>`
	app := xmlHeader + `<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>Orchard</Application>` +
		fmt.Sprintf(`<Slides>%d</Slides></Properties>`, len(slides))
	overrides["docProps/core.xml"] = "application/vnd.openxmlformats-package.core-properties+xml"
	overrides["docProps/app.xml"] = "application/vnd.openxmlformats-officedocument.extended-properties+xml"
	if err := put("docProps/core.xml", []byte(core)); err != nil {
		return nil, err
	}
	if err := put("docProps/app.xml", []byte(app)); err != nil {
		return nil, err
	}
	if err := put("_rels/.rels", []byte(relsXML(
		`<Relationship Id="rId1" Type="`+relBase+`officeDocument" Target="ppt/presentation.xml"/>`+
			`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>`+
			`<Relationship Id="rId3" Type="`+relBase+`extended-properties" Target="docProps/app.xml"/>`))); err != nil {
		return nil, err
	}
	var ct strings.Builder
	ct.WriteString(xmlHeader + `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">`)
	for _, ext := range sortedKeys(defaults) {
		fmt.Fprintf(&ct, `<Default Extension="%s" ContentType="%s"/>`, esc(ext), esc(defaults[ext]))
	}
	for _, part := range sortedKeys(overrides) {
		fmt.Fprintf(&ct, `<Override PartName="/%s" ContentType="%s"/>`, esc(part), esc(overrides[part]))
	}
	ct.WriteString(`</Types>`)
	if err := put("[Content_Types].xml", []byte(ct.String())); err != nil {
		return nil, err
	}
	if err := z.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

func sortedKeys(m map[string]string) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func relsXML(body string) string {
	return xmlHeader + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` + body + `</Relationships>`
}

func esc(s string) string {
	var b strings.Builder
	xml.EscapeText(&b, []byte(s))
	return b.String()
}

type slideMedia struct {
	name string
	data []byte
}

type slideRels struct {
	layout string
	media  []slideMedia
}

func (r slideRels) xml() []byte {
	body := fmt.Sprintf(`<Relationship Id="rId1" Type="%sslideLayout" Target="../%s"/>`, relBase, strings.TrimPrefix(r.layout, "ppt/"))
	for i, m := range r.media {
		body += fmt.Sprintf(`<Relationship Id="rId%d" Type="%simage" Target="../media/%s"/>`, i+2, relBase, m.name)
	}
	return []byte(relsXML(body))
}

// slide writes one slide's XML and its relationships.
func (w *deckWriter) slide(s deckSlide, n, total int) ([]byte, slideRels, error) {
	g := w.t.g
	rels := slideRels{layout: w.t.bodyLay}
	var b strings.Builder
	id := 1
	next := func() int { id++; return id }
	b.WriteString(xmlHeader + `<p:sld ` + nsA + ` ` + nsR + ` ` + nsP + `><p:cSld><p:spTree>`)
	b.WriteString(`<p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr>` +
		`<p:grpSpPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/><a:chOff x="0" y="0"/><a:chExt cx="0" cy="0"/></a:xfrm></p:grpSpPr>`)
	if s.IsTitle {
		rels.layout = w.t.titleLay
		size := titleSize(s.Title, g.w, 40)
		w.placeholder(&b, next(), w.t.titlePh, "", []para{{text: s.Title, size: sizeIf(size < 40, size)}})
		var sub []para
		for _, l := range s.Lines {
			sub = append(sub, para{text: l})
		}
		if w.t.hasSub {
			w.placeholder(&b, next(), "subTitle", ` idx="1"`, sub)
		} else {
			w.textBox(&b, next(), "Subtitle", g.left, g.top, g.w, g.h, sub, 22)
		}
	} else {
		size := titleSize(s.Title, g.w, 32)
		w.placeholder(&b, next(), "title", "", []para{{text: s.Title, size: sizeIf(size < 32, size)}})
	}
	switch {
	case s.Table != nil:
		w.table(&b, next(), s.Table)
	case s.Picture != nil:
		cfg, _, err := image.DecodeConfig(bytes.NewReader(s.Picture))
		if err != nil {
			return nil, rels, fmt.Errorf("a picture for the slide %q: %w", s.Title, err)
		}
		w.media++
		m := slideMedia{name: fmt.Sprintf("image%d.png", w.media), data: s.Picture}
		rels.media = append(rels.media, m)
		// Fitted into the content area, keeping its shape, centred.
		pw, ph := g.w, g.w*float64(cfg.Height)/float64(cfg.Width)
		if ph > g.h {
			pw, ph = g.h*float64(cfg.Width)/float64(cfg.Height), g.h
		}
		x, y := g.left+(g.w-pw)/2, g.top+(g.h-ph)/2
		pid := next()
		fmt.Fprintf(&b, `<p:pic><p:nvPicPr><p:cNvPr id="%d" name="Picture %d" descr="%s"/><p:cNvPicPr><a:picLocks noChangeAspect="1"/></p:cNvPicPr><p:nvPr/></p:nvPicPr>`+
			`<p:blipFill><a:blip r:embed="rId%d"/><a:stretch><a:fillRect/></a:stretch></p:blipFill>`+
			`<p:spPr>%s<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></p:spPr></p:pic>`, pid, pid, esc(s.PicAlt), len(rels.media)+1, w.xfrm("a", x, y, pw, ph))
	case len(s.Bullets) > 0:
		var ps []para
		for _, t := range s.Bullets {
			ps = append(ps, para{text: t, bullet: true})
		}
		w.textBox(&b, next(), "Text", g.left, g.top, g.w, g.h, ps, bodySize)
	}
	// Footer: the slide's number, and INTERNAL on every slide of the
	// internal version.
	w.textBox(&b, next(), "Slide number", g.pageW-marginRight-120, g.pageH-34, 120, 22, []para{{text: fmt.Sprintf("%d / %d", n, total), right: true, color: "6D6D6D"}}, 11)
	if w.internal {
		w.textBox(&b, next(), "Internal", g.left, g.pageH-34, 420, 22, []para{{text: "INTERNAL — not for the customer", color: "B71C1C", bold: true}}, 12)
	}
	b.WriteString(`</p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sld>`)
	return []byte(b.String()), rels, nil
}

const marginRight = 48.0

func sizeIf(ok bool, size float64) float64 {
	if ok {
		return size
	}
	return 0
}

// para is one paragraph of a text box or placeholder.
type para struct {
	text   string
	size   float64 // points; 0 keeps the layout's
	bold   bool
	bullet bool
	right  bool
	color  string // RGB hex; "" keeps the layout's
}

func (w *deckWriter) emu(pt float64) int64 { return int64(pt * w.scale) }

func (w *deckWriter) xfrm(ns string, x, y, cx, cy float64) string {
	return fmt.Sprintf(`<%s:xfrm><a:off x="%d" y="%d"/><a:ext cx="%d" cy="%d"/></%s:xfrm>`, ns, w.emu(x), w.emu(y), w.emu(cx), w.emu(cy), ns)
}

func (w *deckWriter) placeholder(b *strings.Builder, id int, kind, idx string, ps []para) {
	fmt.Fprintf(b, `<p:sp><p:nvSpPr><p:cNvPr id="%d" name="%s %d"/><p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr><p:nvPr><p:ph type="%s"%s/></p:nvPr></p:nvSpPr><p:spPr/>`, id, kind, id, kind, idx)
	b.WriteString(`<p:txBody><a:bodyPr><a:normAutofit/></a:bodyPr><a:lstStyle/>`)
	writeParas(b, ps, 0)
	b.WriteString(`</p:txBody></p:sp>`)
}

func (w *deckWriter) textBox(b *strings.Builder, id int, name string, x, y, cx, cy float64, ps []para, size float64) {
	fmt.Fprintf(b, `<p:sp><p:nvSpPr><p:cNvPr id="%d" name="%s %d"/><p:cNvSpPr txBox="1"/><p:nvPr/></p:nvSpPr><p:spPr>%s<a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:noFill/></p:spPr>`, id, esc(name), id, w.xfrm("a", x, y, cx, cy))
	b.WriteString(`<p:txBody><a:bodyPr wrap="square" lIns="0" rIns="0" tIns="0" bIns="0" rtlCol="0"><a:normAutofit/></a:bodyPr><a:lstStyle/>`)
	writeParas(b, ps, size)
	b.WriteString(`</p:txBody></p:sp>`)
}

// writeParas writes paragraphs; a line break in a text starts a new one.
func writeParas(b *strings.Builder, ps []para, size float64) {
	if len(ps) == 0 {
		b.WriteString(`<a:p><a:endParaRPr lang="en-GB"/></a:p>`)
	}
	for _, p := range ps {
		for i, line := range strings.Split(p.text, "\n") {
			b.WriteString(`<a:p>`)
			var ppr strings.Builder
			if p.bullet && i == 0 {
				fmt.Fprintf(&ppr, ` marL="%d" indent="%d"`, int64(bulletIndent*emuPerPoint), -int64(bulletIndent*emuPerPoint))
			} else if p.bullet {
				fmt.Fprintf(&ppr, ` marL="%d" indent="0"`, int64(bulletIndent*emuPerPoint))
			}
			if p.right {
				ppr.WriteString(` algn="r"`)
			}
			b.WriteString(`<a:pPr` + ppr.String() + `>`)
			if p.bullet {
				fmt.Fprintf(b, `<a:spcBef><a:spcPts val="%d"/></a:spcBef>`, int(bulletGap*100))
				if i == 0 {
					b.WriteString(`<a:buFont typeface="Arial"/><a:buChar char="•"/>`)
				} else {
					b.WriteString(`<a:buNone/>`)
				}
			}
			b.WriteString(`</a:pPr>`)
			writeRun(b, line, p, size)
			b.WriteString(`</a:p>`)
		}
	}
}

func writeRun(b *strings.Builder, text string, p para, size float64) {
	attrs := ` lang="en-GB"`
	if p.size > 0 {
		size = p.size
	}
	if size > 0 {
		attrs += fmt.Sprintf(` sz="%d"`, int(size*100))
	}
	if p.bold {
		attrs += ` b="1"`
	}
	b.WriteString(`<a:r><a:rPr` + attrs)
	if p.color != "" {
		b.WriteString(`><a:solidFill><a:srgbClr val="` + p.color + `"/></a:solidFill></a:rPr>`)
	} else {
		b.WriteString(`/>`)
	}
	b.WriteString(`<a:t>` + esc(text) + `</a:t></a:r>`)
}

// table writes a native table: the header row in the theme's first
// accent colour, rows banded, thin rules between cells.
func (w *deckWriter) table(b *strings.Builder, id int, t *deckTable) {
	g := w.t.g
	height := t.rowHeight(t.Header, g.w)
	for _, r := range t.Rows {
		height += t.rowHeight(r, g.w)
	}
	fmt.Fprintf(b, `<p:graphicFrame><p:nvGraphicFramePr><p:cNvPr id="%d" name="Table %d"/><p:cNvGraphicFramePr><a:graphicFrameLocks noGrp="1"/></p:cNvGraphicFramePr><p:nvPr/></p:nvGraphicFramePr>%s`,
		id, id, w.xfrm("p", g.left, g.top, g.w, height))
	b.WriteString(`<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/table"><a:tbl><a:tblPr firstRow="1" bandRow="1"/><a:tblGrid>`)
	for _, f := range t.Widths {
		fmt.Fprintf(b, `<a:gridCol w="%d"/>`, w.emu(f*g.w))
	}
	b.WriteString(`</a:tblGrid>`)
	rule := `<a:solidFill><a:srgbClr val="BDBDBD"/></a:solidFill>`
	row := func(cells []string, header bool, band bool) {
		fmt.Fprintf(b, `<a:tr h="%d">`, w.emu(t.rowHeight(cells, g.w)))
		for i, c := range cells {
			p := para{text: c, bold: header, right: i < len(t.Right) && t.Right[i]}
			if header {
				p.color = "FFFFFF"
			}
			b.WriteString(`<a:tc><a:txBody><a:bodyPr/><a:lstStyle/>`)
			writeParas(b, []para{p}, tableSize)
			fmt.Fprintf(b, `</a:txBody><a:tcPr marL="%d" marR="%d" marT="%d" marB="%d">`, w.emu(cellPadX), w.emu(cellPadX), w.emu(cellPadY), w.emu(cellPadY))
			for _, side := range []string{"lnL", "lnR", "lnT", "lnB"} {
				fmt.Fprintf(b, `<a:%s w="6350">%s</a:%s>`, side, rule, side)
			}
			switch {
			case header:
				b.WriteString(`<a:solidFill><a:schemeClr val="accent1"/></a:solidFill>`)
			case band:
				b.WriteString(`<a:solidFill><a:srgbClr val="F5F5F5"/></a:solidFill>`)
			default:
				b.WriteString(`<a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill>`)
			}
			b.WriteString(`</a:tcPr></a:tc>`)
		}
		b.WriteString(`</a:tr>`)
	}
	row(t.Header, true, false)
	for i, r := range t.Rows {
		row(r, false, i%2 == 1)
	}
	b.WriteString(`</a:tbl></a:graphicData></a:graphic></p:graphicFrame>`)
}
