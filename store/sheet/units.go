package sheet

import (
	"fmt"
	"regexp"
	"strings"

	"orchard/model"
)

// A header can say the unit of its amounts ("Revenue ($M)", "Umsatz in
// Tsd. €", "Budget (000s)") and their currency ("Revenue (USD)"); amounts
// are scaled by it and the choice is noted, never made silently.

var (
	millionsUnit  = regexp.MustCompile(`(?i)(\(\s*[$€£]?\s*(m|mm|mn|mio\.?|millions?)\s*\)|\bin\s+millions?\b|\b[$€£]\s?m\b|\bmio\.?\b|\bmillions?\b|\bmn\b)`)
	thousandsUnit = regexp.MustCompile(`(?i)(\(\s*[$€£]?\s*('?000s?|k|tsd\.?|thousands?)\s*\)|\bin\s+thousands?\b|\b[$€£]\s?k\b|\bk[$€£]|\btsd\.?|\btausend\b|\bthousands?\b|\bmilhares\b|\bmiles\b)`)
	currencyWord  = regexp.MustCompile(`\b([A-Z]{3})\b`)
)

// headerScale is what a header says its amounts are counted in: 1e6 for
// millions, 1e3 for thousands, else 1.
func headerScale(h string) float64 {
	switch {
	case millionsUnit.MatchString(h):
		return 1e6
	case thousandsUnit.MatchString(h):
		return 1e3
	}
	return 1
}

// textCurrency finds a currency a header or cell names: an ISO code
// written as a word, or a currency sign.
func textCurrency(s string) string {
	for _, m := range currencyWord.FindAllStringSubmatch(s, -1) {
		if model.ValidCurrency(m[1]) && knownCurrency[m[1]] {
			return m[1]
		}
	}
	switch {
	case strings.Contains(s, "€"):
		return "EUR"
	case strings.Contains(s, "£"):
		return "GBP"
	case strings.Contains(s, "¥"):
		return "JPY"
	case strings.Contains(s, "₫"):
		return "VND"
	case strings.Contains(s, "$"):
		return "USD"
	}
	return ""
}

// knownCurrency lists the ISO codes that a word in a header is taken for;
// other three capital letters (a department's initials) are not.
var knownCurrency = map[string]bool{"EUR": true, "USD": true, "GBP": true, "CHF": true, "JPY": true, "CNY": true, "CAD": true,
	"AUD": true, "SEK": true, "NOK": true, "DKK": true, "PLN": true, "CZK": true, "HUF": true, "INR": true, "BRL": true,
	"MXN": true, "ZAR": true, "SGD": true, "HKD": true, "NZD": true, "RUB": true, "TRY": true, "VND": true, "KRW": true}

// amountUnits reads, for a sheet's amount columns, the scale and
// currency their headers give, and notes them.
func (im *importer) amountUnits(sheetName string, headers []string, fields []Field) {
	im.scale, im.headerCurrency = map[Field]float64{}, ""
	for j, f := range fields {
		if j >= len(headers) {
			continue
		}
		switch f {
		case FRevenue, FAmount, FPotential, FTarget, FActual, FMargin:
		default:
			continue
		}
		if s := headerScale(headers[j]); s != 1 {
			im.scale[f] = s
			word := "millions"
			if s == 1e3 {
				word = "thousands"
			}
			im.res.Notes = append(im.res.Notes, fmt.Sprintf("Sheet %s: column %s counts in %s, so its amounts are multiplied by %s.",
				sheetName, headers[j], word, strings.TrimSuffix(fmt.Sprintf("%.0f", s), "")))
		}
		if c := textCurrency(headers[j]); c != "" && im.headerCurrency == "" {
			im.headerCurrency = c
		}
	}
}

// scaled reads an amount of field f in the unit its header gave.
func (im *importer) scaled(f Field, s string) (float64, error) {
	v, err := im.amount(s)
	if err != nil {
		return 0, err
	}
	if k, ok := im.scale[f]; ok {
		v *= k
	}
	return v, nil
}

// currencyOf decides a record's currency: its own currency column, else a
// sign or code in the amount, else the header's, else what the user gave
// (--currency), else the workspace's base currency, which is noted once
// per sheet when note is set (an opportunity without one takes its
// account's, which is no guess).
func (im *importer) currencyOf(sheetName string, c cells, amount Field, fallback string, note bool) string {
	if v := strings.ToUpper(strings.TrimSpace(c[FCurrency])); model.ValidCurrency(v) {
		return v
	}
	if v := textCurrency(c[amount]); v != "" {
		return v
	}
	if im.headerCurrency != "" {
		return im.headerCurrency
	}
	if im.o.Currency != "" {
		return im.o.Currency
	}
	if note && !isEmpty(c[amount]) && !im.currencyNoted[sheetName] {
		if im.currencyNoted == nil {
			im.currencyNoted = map[string]bool{}
		}
		im.currencyNoted[sheetName] = true
		im.res.Notes = append(im.res.Notes, fmt.Sprintf("Sheet %s gives no currency for its amounts; they are read as %s. If that is wrong, add a currency column, or import with --currency.", sheetName, fallback))
	}
	return fallback
}
