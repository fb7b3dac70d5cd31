package model_test

import (
	"testing"
	"time"

	"orchard/model"
)

// Money, numbers, percentages and dates read as each region writes them,
// and an amount typed the region's way reads back the same.
func TestRegionsFormatAndParse(t *testing.T) {
	t.Cleanup(func() { model.SetRegion("") })
	day := time.Date(2026, 12, 2, 0, 0, 0, 0, time.UTC)
	m := model.MoneyFromMajor(1234567.5)
	whole := model.MoneyFromMajor(-1250000)
	for _, c := range []struct {
		region               string
		money, whole, number string
		percent, short, date string
		typed                string
	}{
		{"", "1,234,567.50 EUR", "-1,250,000 EUR", "1,234,567.50", "+12.5 %", "1.2M", "2 Dec 2026", "1,234,567.50"},
		{"en-US", "€1,234,567.50", "-€1,250,000", "1,234,567.50", "+12.5 %", "1.2M", "Dec 2, 2026", "1,234,567.50"},
		{"de_DE.UTF-8", "1.234.567,50\u00a0€", "-1.250.000\u00a0€", "1.234.567,50", "+12,5 %", "1,2M", "2. Dez. 2026", "1.234.567,50"},
		{"fr-FR", "1\u202f234\u202f567,50\u00a0€", "-1\u202f250\u202f000\u00a0€", "1\u202f234\u202f567,50", "+12,5 %", "1,2M", "2 déc. 2026", "1 234 567,50"},
		{"en-IN", "€12,34,567.50", "-€12,50,000", "12,34,567.50", "+12.5 %", "1.2M", "2 Dec 2026", "12,34,567.50"},
		{"ja-JP", "€1,234,567.50", "-€1,250,000", "1,234,567.50", "+12.5 %", "1.2M", "2026年12月2日", "1,234,567.50"},
	} {
		model.SetRegion(c.region)
		got := []string{m.Format("EUR"), whole.Format("EUR"), m.String(), model.FormatPercent(12.5, 1, true), m.Short(), model.FormatDate(day)}
		want := []string{c.money, c.whole, c.number, c.percent, c.short, c.date}
		for i := range got {
			if got[i] != want[i] {
				t.Errorf("%q: %q, want %q", c.region, got[i], want[i])
			}
		}
		if back, err := model.ParseMoney(c.typed); err != nil || back != m {
			t.Errorf("%q: typing %q read %v (%v), want %v", c.region, c.typed, back, err, m)
		}
		if back, err := model.ParseMoney(m.String()); err != nil || back != m {
			t.Errorf("%q: its own %q read back as %v (%v)", c.region, m.String(), back, err)
		}
	}
}
