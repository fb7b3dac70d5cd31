package chart_test

import (
	"bytes"
	"fmt"
	"image/png"
	"strings"
	"testing"
	"time"

	"orchard/assets/sample"
	"orchard/model"
	"orchard/views/chart"
)

func samplePortfolio() *model.Portfolio {
	p := model.NewPortfolio()
	settings, records := sample.Build(time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC))
	p.Settings = settings
	for _, r := range records {
		p.Put(r)
	}
	return p
}

func planned(p *model.Portfolio) *model.Account {
	for _, a := range p.Accounts() {
		if a.Name == sample.PlannedAccounts[0] {
			return a
		}
	}
	return nil
}

func TestRevenueChart(t *testing.T) {
	p := samplePortfolio()
	a := planned(p)
	img, err := chart.RevenueVsTarget(p, a.ID, chart.PNG, 900, 360)
	if err != nil {
		t.Fatal(err)
	}
	decoded, err := png.Decode(bytes.NewReader(img))
	if err != nil {
		t.Fatalf("not a PNG: %v", err)
	}
	if b := decoded.Bounds(); b.Dx() != 900 || b.Dy() != 360 {
		t.Errorf("size %v, want 900×360", b)
	}
	again, _ := chart.RevenueVsTarget(p, a.ID, chart.PNG, 900, 360)
	if !bytes.Equal(img, again) {
		t.Error("the same data drew a different picture")
	}
	svg, err := chart.RevenueVsTarget(p, a.ID, chart.SVG, 900, 360)
	if err != nil || !strings.Contains(string(svg), "<svg") || !strings.Contains(string(svg), "Northwind Logistics") {
		t.Errorf("SVG missing or untitled: %v", err)
	}
	for _, other := range p.Accounts() {
		if other.Name == "Halden Paper" {
			if _, err := chart.RevenueVsTarget(p, other.ID, chart.PNG, 900, 360); err == nil || !strings.Contains(err.Error(), "Halden Paper") {
				t.Errorf("an account without figures should say so by name, got %v", err)
			}
		}
	}
}

func TestParetoChart(t *testing.T) {
	p := samplePortfolio()
	par := model.BuildPareto(p.Accounts(), "EUR", p.Settings.Rates)
	img, err := chart.ParetoChart(par, chart.PNG, 1000, 420)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := png.Decode(bytes.NewReader(img)); err != nil {
		t.Fatalf("not a PNG: %v", err)
	}
	head := chart.ParetoHeadline(par)
	want := fmt.Sprintf("%d of %d accounts", par.AccountsFor80, len(par.Rows))
	if !strings.Contains(head, want) || !strings.Contains(head, "80 %") || !strings.Contains(head, "EUR") {
		t.Errorf("headline %q should say %q, 80 %% and the currency", head, want)
	}
	one := model.BuildPareto(p.Accounts()[:1], "EUR", p.Settings.Rates)
	if _, err := chart.ParetoChart(one, chart.PNG, 1000, 420); err == nil {
		t.Error("a Pareto of one account should be refused with a reason")
	}
}
