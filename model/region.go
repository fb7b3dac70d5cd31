package model

import (
	"fmt"
	"math"
	"strings"
	"sync/atomic"
	"time"

	"github.com/bojanz/currency"
)

// A Region is how numbers, money, percentages and dates read for the
// person at the screen: grouping and decimal marks, where the currency
// symbol goes and how negatives look come from CLDR (through
// github.com/bojanz/currency), month names and date order from a small
// table here. Without a region (the default, the command line's JSON,
// tests) Orchard writes one neutral style: 1,250,000.50 EUR and 2 Dec 2026.
type Region struct {
	id               string
	whole, cents     *currency.Formatter // money without and with cents
	plain, plainCent *currency.Formatter // the same numbers without a currency
	decimal, group   string
	dates            dateStyle
}

var region atomic.Pointer[Region]

// SetRegion sets the region everything is shown in ("de-DE", "de_DE.UTF-8",
// "fr", "ja-JP"); "", "C" or "POSIX" go back to the neutral style. It
// returns the region's name as used.
func SetRegion(id string) string {
	r := NewRegion(id)
	region.Store(r)
	if r == nil {
		return ""
	}
	return r.id
}

// CurrentRegion is the region set, or "" for the neutral style.
func CurrentRegion() string {
	if r := region.Load(); r != nil {
		return r.id
	}
	return ""
}

// NewRegionName is the name a locale name is used under ("de_DE.UTF-8"
// -> "de-DE"), or "" for the neutral style.
func NewRegionName(id string) string {
	if r := NewRegion(id); r != nil {
		return r.id
	}
	return ""
}

// NewRegion reads a locale name from the system or the user's setting;
// nil for the neutral style.
func NewRegion(id string) *Region {
	id = strings.TrimSpace(id)
	if i := strings.IndexAny(id, ".@"); i >= 0 {
		id = id[:i] // de_DE.UTF-8, sr_RS@latin
	}
	id = strings.ReplaceAll(id, "_", "-")
	if id == "" || id == "C" || id == "POSIX" {
		return nil
	}
	loc := currency.NewLocale(id)
	if loc.IsEmpty() {
		return nil
	}
	f := func(minDigits uint8, display currency.Display) *currency.Formatter {
		x := currency.NewFormatter(loc)
		x.MinDigits, x.MaxDigits, x.CurrencyDisplay = minDigits, 2, display
		return x
	}
	r := &Region{id: loc.String(), whole: f(0, currency.DisplaySymbol), cents: f(2, currency.DisplaySymbol),
		plain: f(0, currency.DisplayNone), plainCent: f(2, currency.DisplayNone)}
	// The marks, read off a formatted number.
	sample := r.plainCent.Format(mustAmount("1234567.89", "EUR"))
	digits := strings.Map(func(c rune) rune {
		if c >= '0' && c <= '9' {
			return -1
		}
		return c
	}, sample)
	if rs := []rune(digits); len(rs) > 0 {
		r.decimal = string(rs[len(rs)-1])
		if len(rs) > 1 {
			r.group = string(rs[0])
		}
	}
	r.dates = dateStyleOf(loc.Language, loc.Territory)
	return r
}

func mustAmount(n, code string) currency.Amount {
	a, err := currency.NewAmount(n, code)
	if err != nil {
		panic(err) // only ever called with literal amounts
	}
	return a
}

// amountOf is m as a currency amount; an unknown code is shown as the
// code after the number, as the neutral style does.
func (m Money) amountOf(code string) (currency.Amount, bool) {
	v := int64(m)
	sign := ""
	if v < 0 {
		sign, v = "-", -v
	}
	a, err := currency.NewAmount(fmt.Sprintf("%s%d.%02d", sign, v/100, v%100), code)
	return a, err == nil
}

// number is m in the region's marks, cents only when there are some.
func (r *Region) number(m Money) string {
	a, _ := m.amountOf("EUR")
	if m%100 == 0 {
		return r.plain.Format(a)
	}
	return r.plainCent.Format(a)
}

// money is m with its currency placed as the region places it.
func (r *Region) money(m Money, code string) string {
	a, ok := m.amountOf(code)
	if !ok {
		return r.number(m) + " " + code
	}
	if m%100 == 0 {
		return r.whole.Format(a)
	}
	return r.cents.Format(a)
}

// FormatPercent is v per cent with digits decimals, in the region's marks:
// "12.5 %" (neutral), "12,5 %" (de-DE).
func FormatPercent(v float64, digits int, plus bool) string {
	s := fmt.Sprintf("%.*f", digits, v)
	if plus && v >= 0 && !math.Signbit(v) {
		s = "+" + s
	}
	if r := region.Load(); r != nil && r.decimal != "" && r.decimal != "." {
		s = strings.Replace(s, ".", r.decimal, 1)
	}
	return s + " %"
}

// dateStyle is how one language writes a day: the order of its parts and
// its short month names.
type dateStyle struct {
	layout func(d, m, y int, month string) string
	months [12]string
}

var englishMonths = [12]string{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"}

// dayMonthYear writes "2 Dec 2026"; with a dot after the day for German.
func dayMonthYear(dot string) func(d, m, y int, month string) string {
	return func(d, _, y int, month string) string { return fmt.Sprintf("%d%s %s %d", d, dot, month, y) }
}

// dateStyles are the languages Orchard writes dates in; others take the
// neutral English style.
var dateStyles = map[string]dateStyle{
	"de": {dayMonthYear("."), [12]string{"Jan.", "Feb.", "März", "Apr.", "Mai", "Juni", "Juli", "Aug.", "Sept.", "Okt.", "Nov.", "Dez."}},
	"fr": {dayMonthYear(""), [12]string{"janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."}},
	"es": {dayMonthYear(""), [12]string{"ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sept", "oct", "nov", "dic"}},
	"it": {dayMonthYear(""), [12]string{"gen", "feb", "mar", "apr", "mag", "giu", "lug", "ago", "set", "ott", "nov", "dic"}},
	"pt": {dayMonthYear(""), [12]string{"jan.", "fev.", "mar.", "abr.", "mai.", "jun.", "jul.", "ago.", "set.", "out.", "nov.", "dez."}},
	"nl": {dayMonthYear(""), [12]string{"jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"}},
	"pl": {dayMonthYear(""), [12]string{"sty", "lut", "mar", "kwi", "maj", "cze", "lip", "sie", "wrz", "paź", "lis", "gru"}},
	"sv": {dayMonthYear(""), [12]string{"jan.", "feb.", "mars", "apr.", "maj", "juni", "juli", "aug.", "sep.", "okt.", "nov.", "dec."}},
	"da": {dayMonthYear("."), [12]string{"jan.", "feb.", "mar.", "apr.", "maj", "jun.", "jul.", "aug.", "sep.", "okt.", "nov.", "dec."}},
	"nb": {dayMonthYear("."), [12]string{"jan.", "feb.", "mar.", "apr.", "mai", "jun.", "jul.", "aug.", "sep.", "okt.", "nov.", "des."}},
	"fi": {dayMonthYear("."), [12]string{"tammik.", "helmik.", "maalisk.", "huhtik.", "toukok.", "kesäk.", "heinäk.", "elok.", "syysk.", "lokak.", "marrask.", "jouluk."}},
	"ja": {func(d, m, y int, _ string) string { return fmt.Sprintf("%d年%d月%d日", y, m, d) }, [12]string{}},
	"zh": {func(d, m, y int, _ string) string { return fmt.Sprintf("%d年%d月%d日", y, m, d) }, [12]string{}},
	"ko": {func(d, m, y int, _ string) string { return fmt.Sprintf("%d. %d. %d.", y, m, d) }, [12]string{}},
}

func dateStyleOf(language, territory string) dateStyle {
	if s, ok := dateStyles[language]; ok {
		return s
	}
	if language == "en" && (territory == "US" || territory == "") {
		return dateStyle{func(d, _, y int, month string) string { return fmt.Sprintf("%s %d, %d", month, d, y) }, englishMonths}
	}
	return dateStyle{dayMonthYear(""), englishMonths}
}

// FormatDate writes a day as the region does: "2 Dec 2026" (neutral,
// en-GB), "Dec 2, 2026" (en-US), "2. Dez. 2026" (de), "2026年12月2日" (ja).
func FormatDate(t time.Time) string {
	r := region.Load()
	if r == nil {
		return t.Format("2 Jan 2006")
	}
	return r.dates.layout(t.Day(), int(t.Month()), t.Year(), r.dates.months[t.Month()-1])
}

// FormatMonth writes a month and year: "Dec 2026", "Dez. 2026", "2026年12月".
func FormatMonth(t time.Time) string {
	r := region.Load()
	if r == nil {
		return t.Format("Jan 2006")
	}
	if r.dates.months[0] == "" {
		return fmt.Sprintf("%d年%d月", t.Year(), int(t.Month()))
	}
	return r.dates.months[t.Month()-1] + " " + fmt.Sprint(t.Year())
}
