package model_test

import (
	"testing"

	"orchard/model"
)

func TestParseMoney(t *testing.T) {
	tests := []struct {
		in      string
		want    model.Money
		wantErr bool
	}{
		{"1250000", 125000000, false},
		{"1,250,000.50", 125000050, false},
		{"$1,100.04 ", 110004, false},
		{" 1 250 000 ", 125000000, false},
		{"-42.5", -4250, false},
		{"", 0, false},
		{"twelve", 0, true},
		{"1.2.3", 0, true},
	}
	for _, tt := range tests {
		got, err := model.ParseMoney(tt.in)
		if (err != nil) != tt.wantErr {
			t.Errorf("ParseMoney(%q) error = %v, want error %v", tt.in, err, tt.wantErr)
			continue
		}
		if got != tt.want {
			t.Errorf("ParseMoney(%q) = %d, want %d", tt.in, got, tt.want)
		}
	}
}

func TestMoneyFormat(t *testing.T) {
	tests := []struct {
		m        model.Money
		currency string
		want     string
	}{
		{125000000, "EUR", "1,250,000 EUR"},
		{9950, "", "99.50"},
		{-123456789, "USD", "-1,234,567.89 USD"},
		{0, "GBP", "0 GBP"},
		{100000, "", "1,000"},
	}
	for _, tt := range tests {
		if got := tt.m.Format(tt.currency); got != tt.want {
			t.Errorf("Money(%d).Format(%q) = %q, want %q", tt.m, tt.currency, got, tt.want)
		}
	}
	if got := model.Money(480_000_00).Short(); got != "480k" {
		t.Errorf("Short = %q, want 480k", got)
	}
	if got := model.Money(1_250_000_00).Short(); got != "1.2M" && got != "1.3M" {
		t.Errorf("Short = %q, want 1.2M or 1.3M", got)
	}
}

func FuzzParseMoney(f *testing.F) {
	for _, s := range []string{"1,250,000.50", "$1,100.04 ", "-3", "abc", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		m, err := model.ParseMoney(s)
		if err != nil {
			return
		}
		// Whatever parses must format and parse back to the same amount.
		back, err := model.ParseMoney(m.String())
		if err != nil {
			t.Fatalf("ParseMoney(%q) = %d formats as %q, which does not parse: %v", s, m, m.String(), err)
		}
		if back != m {
			t.Fatalf("round trip of %q: %d -> %q -> %d", s, m, m.String(), back)
		}
	})
}
