package chart_test

import (
	"bytes"
	"image/png"
	"strings"
	"testing"

	"orchard/model"
	"orchard/views/chart"
)

func TestEveryChartRendersBothFormats(t *testing.T) {
	p := samplePortfolio()
	a := planned(p)
	labels := map[string]string{"quadrant": "Northwind Logistics", "pareto": "80 %", "revenue": "revenue",
		"actions": "Anna Berg", "impact": "expected", "scorecard": "Quality", "coverage": "economic"}
	for _, name := range chart.Names {
		t.Run(name, func(t *testing.T) {
			pngBytes, err := chart.Render(p, name, a.ID, chart.PNG, 900, 450, false)
			if err != nil {
				t.Fatal(err)
			}
			img, err := png.Decode(bytes.NewReader(pngBytes))
			if err != nil {
				t.Fatalf("not a PNG: %v", err)
			}
			if b := img.Bounds(); b.Dx() != 900 || b.Dy() != 450 {
				t.Errorf("size %v", b)
			}
			again, _ := chart.Render(p, name, a.ID, chart.PNG, 900, 450, false)
			if !bytes.Equal(pngBytes, again) {
				t.Error("the same data drew different bytes")
			}
			svg, err := chart.Render(p, name, a.ID, chart.SVG, 900, 450, false)
			if err != nil || !strings.HasPrefix(strings.TrimSpace(string(svg)), "<svg") {
				t.Fatalf("not SVG: %v", err)
			}
			if !strings.Contains(string(svg), labels[name]) {
				t.Errorf("the SVG lacks the label %q", labels[name])
			}
		})
	}
}

func TestChartsWithoutDataSaySo(t *testing.T) {
	p := samplePortfolio()
	var bare *model.Account
	for _, a := range p.Accounts() {
		if a.Name == "Halden Paper" {
			bare = a
		}
	}
	for _, name := range []string{"revenue", "actions", "impact", "scorecard", "coverage"} {
		svg, err := chart.Render(p, name, bare.ID, chart.SVG, 800, 400, false)
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if !strings.Contains(string(svg), "No data yet") {
			t.Errorf("%s for an account without data does not say 'No data yet'", name)
		}
	}
	if _, err := chart.Render(p, "bubbles", bare.ID, chart.PNG, 800, 400, false); err == nil {
		t.Error("an unknown chart name was accepted")
	}
}

func TestCustomerSafeCoverageHidesStrength(t *testing.T) {
	p := samplePortfolio()
	a := planned(p)
	safe, _ := chart.Render(p, "coverage", a.ID, chart.SVG, 900, 450, true)
	internal, _ := chart.Render(p, "coverage", a.ID, chart.SVG, 900, 450, false)
	if strings.Contains(string(safe), "trusted advisor") || !strings.Contains(string(internal), "trusted advisor") {
		t.Error("only the internal coverage chart may show relationship strengths")
	}
}

// BenchmarkChartPNG measures each chart drawn to PNG at 1400×700.
func BenchmarkChartPNG(b *testing.B) {
	p := samplePortfolio()
	a := planned(p)
	for _, name := range chart.Names {
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := chart.Render(p, name, a.ID, chart.PNG, 1400, 700, false); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// No chart hands the user the drawing library's error text: a chart whose
// labels do not fit draws a picture that says so in words.
func TestChartsNeverFailRaw(t *testing.T) {
	p := samplePortfolio()
	for _, a := range p.Accounts() {
		for _, n := range chart.Names {
			for _, size := range [][2]int{{480, 208}} {
				out, err := chart.Render(p, n, a.ID, chart.SVG, size[0], size[1], false)
				if err != nil {
					t.Fatalf("%s %s at %v: %v", a.Name, n, size, err)
				}
				if strings.Contains(string(out), "invalid canvas") {
					t.Errorf("%s %s at %v shows the library's error", a.Name, n, size)
				}
			}
		}
	}
}

// The Pareto's bars are named: the account names appear on its axis.
func TestParetoBarsAreNamed(t *testing.T) {
	p := samplePortfolio()
	svg, err := chart.Render(p, "pareto", "", chart.SVG, 1400, 700, false)
	if err != nil {
		t.Fatal(err)
	}
	named := 0
	for _, a := range p.Accounts() {
		short := a.Name
		if r := []rune(short); len(r) > 12 {
			short = string(r[:11])
		}
		if strings.Contains(string(svg), short) {
			named++
		}
	}
	if named < 8 {
		t.Errorf("only %d account names on the Pareto chart", named)
	}
}
