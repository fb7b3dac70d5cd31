package pack

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"os"
	"path"
	"strconv"
	"strings"
)

// A company's own template (.potx, or a .pptx whose slides are ignored)
// gives the deck its slide master, layouts, theme, fonts and pictures: the
// parts its masters reach through their relationships are copied as they
// are, and Orchard's slides are put on its layouts.

const (
	maxTemplateBytes = 64 << 20
	nsDrawing        = "http://schemas.openxmlformats.org/drawingml/2006/main"
	nsPresentation   = "http://schemas.openxmlformats.org/presentationml/2006/main"
	nsRelationships  = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
)

// CheckTemplate says whether a template can be used, and why not.
func CheckTemplate(file string) error {
	_, err := loadTemplate(file)
	return err
}

func loadTemplate(file string) (*deckTemplate, error) {
	refuse := func(why string, args ...any) error {
		return fmt.Errorf("the template %s cannot be used: %s; the built-in template is used instead", path.Base(strings.ReplaceAll(file, `\`, "/")), fmt.Sprintf(why, args...))
	}
	info, err := os.Stat(file)
	if err != nil {
		return nil, refuse("%v", err)
	}
	if info.Size() > maxTemplateBytes {
		return nil, refuse("it is %d MB, more than a template needs (%d MB at most)", info.Size()>>20, maxTemplateBytes>>20)
	}
	data, err := os.ReadFile(file)
	if err != nil {
		return nil, refuse("%v", err)
	}
	if bytes.HasPrefix(data, []byte{0xD0, 0xCF, 0x11, 0xE0}) {
		return nil, refuse("it is a PowerPoint 97–2003 file or a password-protected one; save it as .potx or .pptx without a password")
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, refuse("it is not a PowerPoint template or presentation (%v)", err)
	}
	files := map[string]*zip.File{}
	unpacked := uint64(0)
	for _, f := range zr.File {
		files[strings.TrimPrefix(f.Name, "/")] = f
		unpacked += f.UncompressedSize64
	}
	if unpacked > 4*maxTemplateBytes {
		return nil, refuse("it unpacks to more than %d MB", 4*maxTemplateBytes>>20)
	}
	read := func(name string) ([]byte, error) {
		f := files[name]
		if f == nil {
			return nil, fmt.Errorf("it lacks %s", name)
		}
		rc, err := f.Open()
		if err != nil {
			return nil, err
		}
		defer rc.Close()
		return io.ReadAll(io.LimitReader(rc, maxTemplateBytes))
	}
	types, err := read("[Content_Types].xml")
	if err != nil {
		return nil, refuse("%v", err)
	}
	defaults, overrides := contentTypes(types)
	root, err := rels(read, "")
	if err != nil {
		return nil, refuse("%v", err)
	}
	presName := ""
	for _, r := range root {
		if strings.HasSuffix(r.Type, "/officeDocument") {
			presName = r.Target
		}
	}
	pres, err := read(presName)
	if presName == "" || err != nil {
		return nil, refuse("it holds no presentation")
	}
	cx, cy, masterRels := presentationInfo(pres)
	if cx <= 0 || cy <= 0 {
		cx, cy = 12192000, 6858000
	}
	presRels, err := rels(read, presName)
	if err != nil {
		return nil, refuse("%v", err)
	}
	t := &deckTemplate{name: path.Base(file), parts: map[string][]byte{}, overrides: map[string]string{}, defaults: defaults, cx: cx, cy: cy}
	for _, m := range masterRels {
		for _, r := range presRels {
			if r.ID == m.rel {
				t.masters = append(t.masters, r.Target)
				t.masterIDs = append(t.masterIDs, m.id)
			}
		}
	}
	if len(t.masters) == 0 {
		return nil, refuse("it has no slide master")
	}
	// Copy every part the masters reach, and note the layouts.
	var layouts []string
	seen := map[string]bool{}
	var walk func(name string) error
	walk = func(name string) error {
		if seen[name] {
			return nil
		}
		seen[name] = true
		body, err := read(name)
		if err != nil {
			return err
		}
		t.parts[name] = body
		if ct, ok := overrides[name]; ok {
			t.overrides[name] = ct
			if strings.HasSuffix(ct, "slideLayout+xml") {
				layouts = append(layouts, name)
			}
		}
		rs, err := rels(read, name)
		if err != nil {
			return err
		}
		if len(rs) > 0 {
			relName := relsName(name)
			t.parts[relName], _ = read(relName)
		}
		for _, r := range rs {
			if r.External || strings.HasSuffix(r.Type, "/slide") || strings.HasSuffix(r.Type, "/notesSlide") {
				continue
			}
			if err := walk(r.Target); err != nil {
				return err
			}
		}
		return nil
	}
	for _, m := range t.masters {
		if err := walk(m); err != nil {
			return nil, refuse("it is damaged: %v", err)
		}
	}
	// The layouts: one with a centred title for the first slide, and one
	// with a title (and best nothing else) for the rest.
	type layoutInfo struct {
		name, kind string
		shapes     []phShape
	}
	var infos []layoutInfo
	for _, l := range layouts {
		kind, shapes := layoutShapes(t.parts[l])
		infos = append(infos, layoutInfo{l, kind, shapes})
	}
	has := func(li layoutInfo, ph string) bool {
		for _, s := range li.shapes {
			if s.ph == ph {
				return true
			}
		}
		return false
	}
	for _, want := range []string{"titleOnly", "obj", "tx", ""} {
		for _, li := range infos {
			if t.bodyLay == "" && (want == "" || li.kind == want) && has(li, "title") {
				t.bodyLay = li.name
			}
		}
	}
	if t.bodyLay == "" {
		return nil, refuse("none of its layouts has a title placeholder for the slide titles")
	}
	for _, li := range infos {
		if t.titleLay == "" && li.kind == "title" && (has(li, "ctrTitle") || has(li, "title")) {
			t.titleLay, t.titlePh, t.hasSub = li.name, "ctrTitle", has(li, "subTitle")
			if !has(li, "ctrTitle") {
				t.titlePh = "title"
			}
		}
	}
	if t.titleLay == "" {
		t.titleLay, t.titlePh = t.bodyLay, "title"
	}
	// Content goes under the body layout's title (or the master's).
	title, ok := phBox(t.parts[t.bodyLay], "title")
	if !ok {
		title, ok = phBox(t.parts[t.masters[0]], "title")
	}
	pw, ph := float64(cx)/emuPerPoint, float64(cy)/emuPerPoint
	g := geometry{pageW: pw, pageH: ph, left: pw * 0.05, w: pw * 0.9, top: ph * 0.21}
	if ok && title.w > pw*0.3 {
		g.left, g.w, g.top = title.x, title.w, title.y+title.h+10
	}
	if g.left < 0 || g.left+g.w > pw { // a box past the slide's edge: keep the content on the slide
		g.left, g.w = pw*0.05, pw*0.9
	}
	g.h = ph - 44 - g.top
	if g.h < ph*0.4 { // a title taking most of the slide: use the usual proportions
		g.top, g.h = ph*0.21, ph*0.7
	}
	t.g = g
	return t, nil
}

type relationship struct {
	ID, Type, Target string
	External         bool
}

func relsName(part string) string {
	dir, base := path.Split(part)
	return dir + "_rels/" + base + ".rels"
}

// rels reads a part's relationships ("" for the package's), targets made
// absolute part names.
func rels(read func(string) ([]byte, error), part string) ([]relationship, error) {
	name := "_rels/.rels"
	if part != "" {
		name = relsName(part)
	}
	body, err := read(name)
	if err != nil {
		if part != "" && strings.HasPrefix(err.Error(), "it lacks") {
			return nil, nil
		}
		return nil, err
	}
	var doc struct {
		Rels []struct {
			ID         string `xml:"Id,attr"`
			Type       string `xml:"Type,attr"`
			Target     string `xml:"Target,attr"`
			TargetMode string `xml:"TargetMode,attr"`
		} `xml:"Relationship"`
	}
	if err := xml.Unmarshal(body, &doc); err != nil {
		return nil, fmt.Errorf("%s: %v", name, err)
	}
	var out []relationship
	for _, r := range doc.Rels {
		rel := relationship{ID: r.ID, Type: r.Type, External: r.TargetMode == "External"}
		switch {
		case rel.External:
			rel.Target = r.Target
		case strings.HasPrefix(r.Target, "/"):
			rel.Target = strings.TrimPrefix(r.Target, "/")
		default:
			rel.Target = path.Clean(path.Join(path.Dir(part), r.Target))
		}
		out = append(out, rel)
	}
	return out, nil
}

func contentTypes(body []byte) (defaults, overrides map[string]string) {
	var doc struct {
		Defaults []struct {
			Ext  string `xml:"Extension,attr"`
			Type string `xml:"ContentType,attr"`
		} `xml:"Default"`
		Overrides []struct {
			Part string `xml:"PartName,attr"`
			Type string `xml:"ContentType,attr"`
		} `xml:"Override"`
	}
	_ = xml.Unmarshal(body, &doc)
	defaults, overrides = map[string]string{}, map[string]string{}
	for _, d := range doc.Defaults {
		defaults[strings.ToLower(d.Ext)] = d.Type
	}
	for _, o := range doc.Overrides {
		overrides[strings.TrimPrefix(o.Part, "/")] = o.Type
	}
	return defaults, overrides
}

// masterRef is a slide master as the presentation lists it.
type masterRef struct{ id, rel string }

func presentationInfo(body []byte) (cx, cy int64, masters []masterRef) {
	d := xml.NewDecoder(bytes.NewReader(body))
	for {
		tok, err := d.Token()
		if err != nil {
			return
		}
		se, ok := tok.(xml.StartElement)
		if !ok || se.Name.Space != nsPresentation {
			continue
		}
		switch se.Name.Local {
		case "sldSz":
			cx, cy = attrInt(se, "", "cx"), attrInt(se, "", "cy")
		case "sldMasterId":
			var m masterRef
			for _, a := range se.Attr {
				switch {
				case a.Name.Local == "id" && a.Name.Space == nsRelationships:
					m.rel = a.Value
				case a.Name.Local == "id" && a.Name.Space == "":
					if _, err := strconv.ParseUint(a.Value, 10, 32); err == nil {
						m.id = a.Value
					}
				}
			}
			masters = append(masters, m)
		}
	}
}

func attrInt(se xml.StartElement, space, local string) int64 {
	for _, a := range se.Attr {
		if a.Name.Local == local && a.Name.Space == space {
			v, _ := strconv.ParseInt(a.Value, 10, 64)
			return v
		}
	}
	return 0
}

// phShape is a placeholder of a layout or master, with its box in points
// when it has one.
type phShape struct {
	ph         string
	x, y, w, h float64
	hasBox     bool
}

// layoutShapes reads a layout's type and its placeholders.
func layoutShapes(body []byte) (kind string, shapes []phShape) {
	d := xml.NewDecoder(bytes.NewReader(body))
	var cur *phShape
	inXfrm := false
	for {
		tok, err := d.Token()
		if err != nil {
			return kind, shapes
		}
		switch se := tok.(type) {
		case xml.StartElement:
			switch {
			case se.Name.Local == "sldLayout" && se.Name.Space == nsPresentation:
				for _, a := range se.Attr {
					if a.Name.Local == "type" {
						kind = a.Value
					}
				}
			case se.Name.Local == "sp" && se.Name.Space == nsPresentation:
				cur = &phShape{}
			case cur != nil && se.Name.Local == "ph":
				cur.ph = "body" // a placeholder without a type is a body
				for _, a := range se.Attr {
					if a.Name.Local == "type" {
						cur.ph = a.Value
					}
				}
			case cur != nil && se.Name.Local == "xfrm":
				inXfrm = true
			case cur != nil && inXfrm && se.Name.Local == "off" && se.Name.Space == nsDrawing:
				cur.x, cur.y, cur.hasBox = float64(attrInt(se, "", "x"))/emuPerPoint, float64(attrInt(se, "", "y"))/emuPerPoint, true
			case cur != nil && inXfrm && se.Name.Local == "ext" && se.Name.Space == nsDrawing:
				cur.w, cur.h = float64(attrInt(se, "", "cx"))/emuPerPoint, float64(attrInt(se, "", "cy"))/emuPerPoint
			}
		case xml.EndElement:
			switch {
			case se.Name.Local == "xfrm":
				inXfrm = false
			case se.Name.Local == "sp" && se.Name.Space == nsPresentation && cur != nil:
				if cur.ph != "" {
					shapes = append(shapes, *cur)
				}
				cur = nil
			}
		}
	}
}

// phBox is the box of a part's placeholder of the given type.
func phBox(body []byte, ph string) (phShape, bool) {
	_, shapes := layoutShapes(body)
	for _, s := range shapes {
		if s.ph == ph && s.hasBox && s.w > 0 && s.h > 0 {
			return s, true
		}
	}
	return phShape{}, false
}
