package sheet

import "testing"

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

func FuzzParsePeriod(f *testing.F) {
	for _, s := range []string{"2026", "Q1 2026", "Mar 2026", "03/2026", "46082", "2026-03-15", "x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		p, err := parsePeriod(s)
		if err == nil && !periodForm.MatchString(p) {
			t.Fatalf("parsePeriod(%q) = %q, not a year, quarter or month", s, p)
		}
	})
}

func TestPeriodHeader(t *testing.T) {
	for in, want := range map[string]string{
		"Jan 2026": "2026-01 actual", "Plan Q1 2026": "2026-Q1 target", "2025": "2025 actual", "Revenue 2025": "2025 actual",
		"Budget FY2026": "2026 target", "Q3 2026 actual": "2026-Q3 actual", "Ist März 2026": "2026-03 actual",
	} {
		p, k, ok := periodHeader(in)
		if got := p + " " + string(k); !ok || got != want {
			t.Errorf("periodHeader(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
	for _, h := range []string{"12", "46082", "Account", "Plan", "1850", "Employee Joining Date"} {
		if p, _, ok := periodHeader(h); ok {
			t.Errorf("periodHeader(%q) = %q; not a period header", h, p)
		}
	}
}
