package chart_test

import (
	"bytes"
	"encoding/xml"
	"io"
	"reflect"
	"strings"
	"testing"

	"orchard/model"
	"orchard/views/chart"
)

// hostile gives every name and title in the portfolio text that breaks
// XML or carries script, keeping names distinct.
func hostile(p *model.Portfolio) {
	for _, k := range model.Kinds {
		for _, e := range p.All(k) {
			v := reflect.ValueOf(e).Elem()
			for _, field := range []string{"Name", "Title", "Label"} {
				f := v.FieldByName(field)
				if f.IsValid() && f.Kind() == reflect.String && f.String() != "" {
					f.SetString(`<script>alert("x")</script> & ` + f.String() + ` ]]> "'`)
				}
			}
			p.Put(e)
		}
	}
}

// Every chart, drawn as SVG from names full of markup, is well-formed XML
// in which no name became an element.
func TestSVGChartsEscapeHostileNames(t *testing.T) {
	p := samplePortfolio()
	a := planned(p)
	hostile(p)
	for _, name := range chart.Names {
		t.Run(name, func(t *testing.T) {
			svg, err := chart.Render(p, name, a.ID, chart.SVG, 900, 450, false)
			if err != nil {
				t.Fatal(err)
			}
			dec := xml.NewDecoder(bytes.NewReader(svg))
			for {
				tok, err := dec.Token()
				if err == io.EOF {
					break
				}
				if err != nil {
					t.Fatalf("the SVG is not valid XML: %v", err)
				}
				if se, ok := tok.(xml.StartElement); ok && strings.EqualFold(se.Name.Local, "script") {
					t.Fatal("a name became a <script> element")
				}
			}
			if name != "pareto" && name != "quadrant" && !strings.Contains(string(svg), "&lt;script&gt;") {
				t.Error("the escaped names are missing from the chart")
			}
		})
	}
}
