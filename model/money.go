package model

import (
	"fmt"
	"strconv"
	"strings"
)

// MaxMajor is the largest amount, in whole units, Orchard accepts: far above
// any account's revenue, far below where minor units would overflow.
const MaxMajor = 1e15

// Money is an amount in minor units (cents) of the currency of the record
// that holds it. Integer arithmetic keeps sums exact.
type Money int64

// MoneyFromMajor converts whole currency units (as typed or imported) to Money.
func MoneyFromMajor(v float64) Money {
	if v < 0 {
		return Money(v*100 - 0.5)
	}
	return Money(v*100 + 0.5)
}

// Major returns the amount in whole currency units.
func (m Money) Major() float64 { return float64(m) / 100 }

// String formats the amount with thousands separators and no currency,
// dropping cents when they are zero: "1,250,000" or "99.50".
func (m Money) String() string {
	if r := region.Load(); r != nil {
		return r.number(m)
	}
	neg := m < 0
	if neg {
		m = -m
	}
	whole := groupThousands(strconv.FormatInt(int64(m/100), 10))
	s := whole
	if cents := int64(m % 100); cents != 0 {
		s = fmt.Sprintf("%s.%02d", whole, cents)
	}
	if neg {
		return "-" + s
	}
	return s
}

// Format returns the amount followed by its currency code: "1,250,000 EUR".
func (m Money) Format(currency string) string {
	if currency == "" {
		return m.String()
	}
	if r := region.Load(); r != nil {
		return r.money(m, currency)
	}
	return m.String() + " " + currency
}

// Short returns a compact amount for tight places: "1.3M", "480k".
func (m Money) Short() string {
	s := m.short()
	if r := region.Load(); r != nil && r.decimal != "" && r.decimal != "." {
		s = strings.Replace(s, ".", r.decimal, 1)
	}
	return s
}

func (m Money) short() string {
	v := m.Major()
	sign := ""
	if v < 0 {
		sign, v = "-", -v
	}
	switch {
	case v >= 1e9:
		return fmt.Sprintf("%s%.1fB", sign, v/1e9)
	case v >= 1e6:
		return fmt.Sprintf("%s%.1fM", sign, v/1e6)
	case v >= 1e3:
		return fmt.Sprintf("%s%.0fk", sign, v/1e3)
	}
	return fmt.Sprintf("%s%.0f", sign, v)
}

func groupThousands(digits string) string {
	if len(digits) <= 3 {
		return digits
	}
	var b strings.Builder
	lead := len(digits) % 3
	if lead > 0 {
		b.WriteString(digits[:lead])
	}
	for i := lead; i < len(digits); i += 3 {
		if b.Len() > 0 {
			b.WriteByte(',')
		}
		b.WriteString(digits[i : i+3])
	}
	return b.String()
}

// ParseMoney reads an amount a person typed: "1250000", "1,250,000.50",
// "1 250 000", "$1,100.04 ". It accepts a leading currency symbol and
// surrounding spaces; anything else is an error that says what was found.
func ParseMoney(s string) (Money, error) {
	t := strings.TrimSpace(s)
	if t == "" {
		return 0, nil
	}
	t = strings.TrimLeft(t, "$€£¥")
	t = strings.TrimSpace(t)
	neg := false
	if strings.HasPrefix(t, "-") || strings.HasPrefix(t, "\u2212") {
		neg, t = true, strings.TrimPrefix(strings.TrimPrefix(t, "-"), "\u2212")
	}
	if r := region.Load(); r != nil && r.decimal == "," {
		// Typed as the region writes it: 1.250.000,50 or 1 250 000,50.
		t = strings.NewReplacer(".", "", "\u202f", "", " ", "", "\u00a0", "", "'", "", "’", "").Replace(t)
		t = strings.Replace(t, ",", ".", 1)
	}
	t = strings.NewReplacer(",", "", " ", "", "\u00a0", "", "\u202f", "", "'", "", "’", "").Replace(t)
	v, err := strconv.ParseFloat(t, 64)
	if err != nil || v != v {
		return 0, fmt.Errorf("%q is not an amount (expected digits such as 1,250,000.50)", s)
	}
	if v > MaxMajor {
		return 0, fmt.Errorf("%q is too large (at most %s)", s, MoneyFromMajor(MaxMajor).String())
	}
	if neg {
		v = -v
	}
	return MoneyFromMajor(v), nil
}

// ValidCurrency reports whether code looks like an ISO 4217 code: three
// upper-case letters.
func ValidCurrency(code string) bool {
	if len(code) != 3 {
		return false
	}
	for _, r := range code {
		if r < 'A' || r > 'Z' {
			return false
		}
	}
	return true
}
