package sheet

import (
	"strings"
	"testing"
)

func TestParsePeriod(t *testing.T) {
	for in, want := range map[string]string{
		"2026": "2026", "FY2026": "2026", "fy 2026": "2026",
		"2026-Q1": "2026-Q1", "2026 Q3": "2026-Q3", "Q2 2026": "2026-Q2", "q4/2026": "2026-Q4", "2026Q1": "2026-Q1",
		"2026-03": "2026-03", "2026/3": "2026-03", "03/2026": "2026-03", "3.2026": "2026-03",
		"Mar 2026": "2026-03", "March 2026": "2026-03", "März 2026": "2026-03", "mrt 2026": "2026-03",
		"juin 2026": "2026-06", "juillet 2026": "2026-07", "Dez. 2026": "2026-12", "dic-2026": "2026-12",
		"2026-03-15": "2026-03", "46082": "2026-03",
	} {
		got, err := parsePeriod(in)
		if err != nil || got != want {
			t.Errorf("parsePeriod(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	for _, bad := range []string{"", "next year", "2026-13", "13/2026", "Q5 2026", "Smarch 2026"} {
		if got, err := parsePeriod(bad); err == nil {
			t.Errorf("parsePeriod(%q) = %q, want an error", bad, got)
		}
	}
}

func TestDecimalCommaColumn(t *testing.T) {
	if !decimalCommaSeen([]string{"100.000", "95.000,50"}) || decimalCommaSeen([]string{"100.000", "1,200,000"}) {
		t.Error("a column with 95.000,50 uses a decimal comma; one with 1,200,000 does not")
	}
	if v, _ := parseAmountIn("100.000", true); v != 100000 {
		t.Errorf("100.000 in a decimal-comma column = %v, want 100000", v)
	}
	if v, _ := parseAmountIn("100.000", false); v != 100 {
		t.Errorf("100.000 elsewhere = %v, want 100", v)
	}
}

// FuzzValueParsers feeds one cell to every value parser: none may panic,
// and what each accepts must be something Orchard can store.
func FuzzValueParsers(f *testing.F) {
	for _, s := range []string{"2026", "Q1 2026", "Mar 2026", "03/2026", "46082", "2026-03-15", "31/12/2026", "x",
		"ja", "✓", "Maria C (CFO)", "Ana; Ben / Cy", "4 весьма вероятно", "champion", "High", "in Bearbeitung", "(5,000)"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if p, err := parsePeriod(s); err == nil && !periodForm.MatchString(p) {
			t.Fatalf("parsePeriod(%q) = %q, not a year, quarter or month", s, p)
		}
		for _, dayFirst := range []bool{true, false} {
			if d, err := parseDateCell(s, dayFirst); err == nil && !d.IsZero() && (d.Year() < 1900 || d.Year() > 2200) {
				t.Fatalf("parseDateCell(%q) = %v", s, d)
			}
		}
		if a, ok := parseAttitude(s); ok && (a < -2 || a > 2) {
			t.Fatalf("parseAttitude(%q) = %d, off the scale", s, a)
		}
		if i, ok := parseInfluence(s); ok && i.String() == "" {
			t.Fatalf("parseInfluence(%q) = %d, no such level", s, i)
		}
		if st, ok := parseStatus(s); ok && st.Label() == "" {
			t.Fatalf("parseStatus(%q) = %q, no such status", s, st)
		}
		_, _ = parseBool(s) // must not panic
		if name, _ := splitNameRole(s); strings.TrimSpace(name) != name {
			t.Fatalf("splitNameRole(%q) left spaces around %q", s, name)
		}
		for _, n := range splitNames(s) {
			if strings.TrimSpace(n) != n {
				t.Fatalf("splitNames(%q) gave %q", s, n)
			}
		}
		if p, _, ok := periodHeader(s); ok && !periodForm.MatchString(p) {
			t.Fatalf("periodHeader(%q) = %q", s, p)
		}
	})
}

// Month names head wide plans in every language Orchard reads.
func TestMonthNamesInManyLanguages(t *testing.T) {
	for h, want := range map[string]string{"juin 2026": "2026-06", "juillet 2026": "2026-07", "enero 2026": "2026-01",
		"gennaio 2026": "2026-01", "maggio 2026": "2026-05", "ottobre 2026": "2026-10", "outubro 2026": "2026-10",
		"styczeń 2026": "2026-01", "październik 2026": "2026-10", "grudzień 2026": "2026-12", "März 2026": "2026-03",
		"Okt 2026": "2026-10", "июнь 2026": "2026-06"} {
		if got, err := parsePeriod(h); err != nil || got != want {
			t.Errorf("%q: %q %v, want %s", h, got, err, want)
		}
	}
}

// A word that merely shares a month's first letters is no month: these
// headers name no period.
func TestWordsThatAreNotMonths(t *testing.T) {
	for _, h := range []string{"Marketing 2026", "Outlook 2026", "General 2026", "Lista 2026", "Style 2026", "Ju 2026"} {
		if p, err := parsePeriod(h); err == nil {
			t.Errorf("%q read as the period %s", h, p)
		}
	}
}
