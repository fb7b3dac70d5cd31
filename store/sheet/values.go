package sheet

import (
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"

	"orchard/model"
)

// isEmpty reports whether a cell holds nothing, or a placeholder for it.
func isEmpty(s string) bool {
	s = strings.TrimSpace(s)
	if len(s) > 4 { // longer than every placeholder: the common case, decided without lowering
		return false
	}
	switch strings.ToLower(s) {
	case "", "-", "–", "n/a", "na", "#n/a", "null", "none", "?":
		return true
	}
	return false
}

var moneyJunk = strings.NewReplacer("$", "", "€", "", "£", "", "¥", "", "EUR", "", "USD", "", "GBP", "", "CHF", "", "\u00a0", "", " ", "")

// parseAmount reads an amount as people write it: "$1,200,000",
// "1.200.000,00 €", "€ 1,2 Mio", "1.2M", "(5,000)", "3e6".
func parseAmount(s string) (float64, error) { return parseAmountIn(s, false) }

// decimalCommaSeen says whether a column's amounts show a comma as their
// decimal mark ("95.000,50", "1,5"), so "100.000" in it is a hundred thousand.
func decimalCommaSeen(values []string) bool {
	for _, v := range values {
		v = strings.TrimSpace(moneyJunk.Replace(v))
		dot, comma := strings.LastIndex(v, "."), strings.LastIndex(v, ",")
		if comma > dot && comma >= 0 && len(v)-comma-1 != 3 {
			return true
		}
		if dot >= 0 && comma > dot {
			return true
		}
	}
	return false
}

// parseAmountIn is parseAmount for a column whose decimal mark is known to
// be a comma when decimalComma is set.
func parseAmountIn(s string, decimalComma bool) (float64, error) {
	t := strings.TrimSpace(s)
	if isEmpty(t) {
		return 0, nil
	}
	neg := false
	if strings.HasPrefix(t, "(") && strings.HasSuffix(t, ")") {
		neg, t = true, t[1:len(t)-1]
	}
	mult := 1.0
	lower := strings.ToLower(t)
	for _, suf := range []struct {
		s string
		m float64
	}{{"mio", 1e6}, {"mrd", 1e9}, {"bn", 1e9}, {"m", 1e6}, {"k", 1e3}} {
		if strings.HasSuffix(lower, suf.s) {
			mult, t = suf.m, strings.TrimSpace(t[:len(t)-len(suf.s)])
			break
		}
	}
	t = moneyJunk.Replace(t)
	if strings.HasPrefix(t, "-") {
		neg, t = !neg, t[1:]
	}
	// Decide which of . and , is the decimal mark: the last one, unless it
	// is followed by exactly three digits and the other mark appears too.
	dot, comma := strings.LastIndex(t, "."), strings.LastIndex(t, ",")
	switch {
	case dot >= 0 && comma >= 0:
		if comma > dot {
			t = strings.ReplaceAll(strings.ReplaceAll(t, ".", ""), ",", ".")
		} else {
			t = strings.ReplaceAll(t, ",", "")
		}
	case comma >= 0:
		if strings.Count(t, ",") == 1 && len(t)-comma-1 != 3 {
			t = strings.ReplaceAll(t, ",", ".")
		} else {
			t = strings.ReplaceAll(t, ",", "")
		}
	case dot >= 0 && (strings.Count(t, ".") > 1 || decimalComma && len(t)-dot-1 == 3):
		t = strings.ReplaceAll(t, ".", "")
	}
	v, err := strconv.ParseFloat(t, 64)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
		return 0, fmt.Errorf("%q is not an amount (expected e.g. 1,200,000 or 1.200.000,00 €)", s)
	}
	if neg {
		v = -v
	}
	if v *= mult; math.Abs(v) >= 1e15 {
		return 0, fmt.Errorf("%q is too large for an amount (Orchard keeps amounts below 1,000,000,000,000,000)", s)
	}
	return v, nil
}

var excelEpoch = time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)

// parseDateCell reads a date as text or as an Excel serial number;
// day-first unless dayFirst is false.
func parseDateCell(s string, dayFirst bool) (time.Time, error) {
	t := strings.TrimSpace(s)
	if isEmpty(t) {
		return time.Time{}, nil
	}
	if n, err := strconv.ParseFloat(t, 64); err == nil && n > 1000 && n < 100000 {
		return excelEpoch.AddDate(0, 0, int(n)), nil
	}
	// A time after the date ("3/14/2026 9:30", "2026-03-14T09:30:00Z",
	// "1948-12-08 00:00:00.000") says nothing about the day.
	if i := strings.IndexAny(t, " T"); i >= 6 && i <= 10 && strings.Contains(t[i:], ":") {
		t = t[:i]
	}
	// "01-02-06" is how the spreadsheet library shows Excel's built-in short
	// date (month first, whatever the region), so it is read month first in
	// both lists; two-digit years otherwise follow the order.
	layouts := []string{"2006-01-02", "2006-01-02 15:04:05", "02/01/2006", "2/1/2006", "02.01.2006", "2.1.2006", "02-01-2006", "2 Jan 2006", "Jan 2, 2006",
		"01-02-06", "02/01/06", "2/1/06", "02.01.06", "2.1.06"}
	if !dayFirst {
		layouts = []string{"2006-01-02", "2006-01-02 15:04:05", "01/02/2006", "1/2/2006", "01-02-2006", "2 Jan 2006", "Jan 2, 2006",
			"01-02-06", "01/02/06", "1/2/06"}
	}
	for _, l := range layouts {
		if d, err := time.Parse(l, t); err == nil {
			if d.Year() < 1900 || d.Year() > 2200 {
				return time.Time{}, fmt.Errorf("%q is not a plausible date (its year is %d)", s, d.Year())
			}
			return d, nil
		}
	}
	if d, ok := namedMonthDate(s); ok {
		return d, nil
	}
	return time.Time{}, fmt.Errorf("%q is not a date (expected e.g. 2026-11-23 or 23/11/2026)", s)
}

// dayFirstColumn decides from the data whether a column's slash dates put
// the day first: a first part above 12 says yes, a second part above 12 no.
// It is ambiguous when there are such dates and every one reads either way.
func dayFirstColumn(values []string) (dayFirst, ambiguous bool) {
	seen := false
	for _, v := range values {
		// 03-04-26 is how the spreadsheet library shows Excel's built-in
		// short date: month first, never a question.
		if excelShortDate.MatchString(strings.TrimSpace(v)) {
			continue
		}
		parts := strings.FieldsFunc(strings.TrimSpace(v), func(r rune) bool { return r == '/' || r == '.' || r == '-' })
		if len(parts) != 3 || len(parts[0]) > 2 {
			continue
		}
		a, err1 := strconv.Atoi(parts[0])
		b, err2 := strconv.Atoi(parts[1])
		if err1 != nil || err2 != nil {
			continue
		}
		seen = true
		if a > 12 {
			return true, false
		}
		if b > 12 {
			return false, false
		}
	}
	return true, seen
}

// parseAttitude maps stance words to Orchard's scale.
func parseAttitude(s string) (model.Attitude, bool) {
	w := strings.ToLower(strings.TrimSpace(s))
	switch {
	case strings.Contains(w, "champion") || strings.Contains(w, "advocate") || strings.Contains(w, "sponsor"):
		return 2, true
	case strings.Contains(w, "support") || strings.Contains(w, "positive") || strings.Contains(w, "favour") || strings.Contains(w, "favor"):
		return 1, true
	case strings.Contains(w, "block") || strings.Contains(w, "oppos") || strings.Contains(w, "hostile") || strings.Contains(w, "enemy"):
		return -2, true
	case strings.Contains(w, "skeptic") || strings.Contains(w, "sceptic") || strings.Contains(w, "detract") || strings.Contains(w, "negative") || strings.Contains(w, "critic"):
		return -1, true
	case strings.Contains(w, "neutral") || strings.Contains(w, "indifferent") || strings.Contains(w, "unknown"):
		return 0, true
	}
	return 0, false
}

// parseInfluence reads high/medium/low or a 1–5 score.
func parseInfluence(s string) (model.Influence, bool) {
	w := strings.ToLower(strings.TrimSpace(s))
	if n, err := strconv.Atoi(strings.Fields(w + " x")[0]); err == nil {
		switch {
		case n >= 4:
			return model.InfluenceHigh, true
		case n == 3:
			return model.InfluenceMedium, true
		case n >= 1:
			return model.InfluenceLow, true
		}
	}
	if inf, ok := influenceWords[normalise(w)]; ok {
		return inf, true
	}
	switch {
	case strings.HasPrefix(w, "h"):
		return model.InfluenceHigh, true
	case strings.HasPrefix(w, "m"):
		return model.InfluenceMedium, true
	case strings.HasPrefix(w, "l"):
		return model.InfluenceLow, true
	}
	return 0, false
}

var bracketRole = regexp.MustCompile(`^\s*(.*?)\s*\(([^)]+)\)\s*$`)

// splitNameRole reads "Maria C (CFO)" as name and title.
func splitNameRole(s string) (name, title string) {
	s = strings.TrimSpace(s)
	if !strings.HasSuffix(s, ")") {
		return s, ""
	}
	if m := bracketRole.FindStringSubmatch(s); m != nil {
		return strings.TrimSpace(m[1]), strings.TrimSpace(m[2]) // also non-breaking spaces
	}
	return s, ""
}

// splitNames reads several names in one cell.
func splitNames(s string) []string {
	var out []string
	for _, p := range strings.FieldsFunc(s, func(r rune) bool { return r == ';' || r == '/' || r == '\n' }) {
		if p = strings.TrimSpace(p); p != "" && !isEmpty(p) {
			out = append(out, p)
		}
	}
	return out
}

// parseStatus maps status words to board columns.
func parseStatus(s string) (model.Status, bool) {
	w := strings.ToLower(strings.TrimSpace(s))
	if w == "" {
		return model.StatusPlanned, true
	}
	// Checked in order: "not implemented" before "implemented", the
	// Russian "неактуальный" (no longer relevant) before "актуальный".
	for _, c := range statusWords {
		for _, word := range c.words {
			if strings.Contains(w, word) {
				return c.status, true
			}
		}
	}
	return "", false
}

var statusWords = []struct {
	status model.Status
	words  []string
}{
	// Phrases that contain another status's word come first.
	{model.StatusPlanned, []string{"not started", "nicht begonnen", "non iniziat", "nao iniciad", "não iniciad", "nie rozpocz", "do zrobienia",
		"da fare", "a fazer", "por hacer"}},
	{model.StatusBlocked, []string{"waiting", "deferred", "wartet", "zurückgestellt", "in attesa", "aguardando", "wstrzym", "oczekuj"}},
	{model.StatusNotImplemented, []string{"not impl", "cancel", "rejected", "dropped", "abgebrochen", "verworfen", "annul", "abandonn",
		"geannuleerd", "cancelad", "неактуальн", "отмен"}},
	{model.StatusBlocked, []string{"block", "hold", "stuck", "blockiert", "bloqu", "geblokkeerd", "заблокир", "приостанов"}},
	{model.StatusDone, []string{"done", "complete", "closed", "finished", "resolved", "gotowe", "zakończ", "zamknięt", "concluí", "conclui",
		"completato", "chiuso", "fatto", "erledigt", "abgeschlossen", "fertig", "termin", "afgerond",
		"gereed", "hecho", "completad", "выполн", "заверш", "закрыт"}},
	{model.StatusInProgress, []string{"progress", "ongoing", "started", "active", "working on", "doing", "underway", "wip", "in arbeit", "w toku", "w trakcie", "in corso", "em andamento", "em curso", "bearbeitung", "laufend", "en cours", "bezig",
		"en curso", "en progreso", "актуальн", "в работе", "выполняется"}},
	{model.StatusPlanned, []string{"plan", "open", "new", "todo", "to do", "offen", "geplant", "prévu", "prevu", "à faire", "gepland",
		"pendiente", "backlog", "nowe", "otwarte", "aperto", "aberto", "запланир", "идентифиц", "нов"}},
}

// parseBool reads yes/no in the languages Orchard knows, and ticks.
func parseBool(s string) (bool, bool) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "yes", "y", "true", "1", "x", "✓", "✔", "ja", "j", "oui", "si", "sí", "agreed", "wahr", "vrai", "waar":
		return true, true
	case "no", "n", "false", "0", "nein", "non", "nee", "falsch", "faux", "onwaar", "":
		return false, true
	}
	return false, false
}

// parseBuyingRole reads a role cell that names a buying role, or a RACI
// word or letter; any other role is a job, not a buying role.
func parseBuyingRole(v string) (model.BuyingRole, bool) {
	switch strings.ToLower(strings.TrimSpace(v)) {
	case "accountable", "a", "decision maker", "decision-maker":
		return model.RoleDecisionMaker, true
	case "economic buyer":
		return model.RoleEconomicBuyer, true
	case "champion", "coach":
		return model.RoleChampion, true
	case "consulted", "c", "influencer":
		return model.RoleInfluencer, true
	case "responsible", "r", "technical buyer":
		return model.RoleTechnicalBuyer, true
	case "informed", "i", "user":
		return model.RoleUser, true
	case "gatekeeper", "blocker":
		return model.RoleGatekeeper, true
	}
	return "", false
}

// influenceWords are high, medium and low in the languages stakeholder
// registers are written in (folded as headers are), beyond the English
// initials h, m and l.
var influenceWords = map[string]model.Influence{
	"alta": model.InfluenceHigh, "alto": model.InfluenceHigh, "elevada": model.InfluenceHigh, "elevado": model.InfluenceHigh,
	"eleve": model.InfluenceHigh, "elevee": model.InfluenceHigh, "fort": model.InfluenceHigh, "forte": model.InfluenceHigh,
	"gross": model.InfluenceHigh, "groot": model.InfluenceHigh, "wysoki": model.InfluenceHigh, "wysoka": model.InfluenceHigh,
	"высокий": model.InfluenceHigh, "высокая": model.InfluenceHigh, "grande": model.InfluenceHigh,
	"moderate": model.InfluenceMedium, "moderado": model.InfluenceMedium, "moderada": model.InfluenceMedium,
	"gemiddeld": model.InfluenceMedium, "sredni": model.InfluenceMedium, "srednia": model.InfluenceMedium,
	"средний": model.InfluenceMedium, "средняя": model.InfluenceMedium,
	"baja": model.InfluenceLow, "bajo": model.InfluenceLow, "basso": model.InfluenceLow, "bassa": model.InfluenceLow,
	"baixo": model.InfluenceLow, "baixa": model.InfluenceLow, "faible": model.InfluenceLow, "bas": model.InfluenceLow,
	"basse": model.InfluenceLow, "niedrig": model.InfluenceLow, "gering": model.InfluenceLow, "klein": model.InfluenceLow,
	"niski": model.InfluenceLow, "niska": model.InfluenceLow, "низкий": model.InfluenceLow, "низкая": model.InfluenceLow,
}

// excelShortDate is Excel's built-in short date as the spreadsheet library
// writes it out: mm-dd-yy.
var excelShortDate = regexp.MustCompile(`^\d\d-\d\d-\d\d$`)

// namedMonthDate reads a date whose month is a word, in any order and in
// the languages Orchard reads: Jira's "20/Dec/25", "20-Dec-2025",
// "December 20, 2025", "20. Dezember 2025", "20 déc. 2025", with or
// without a time after it. A month in words is never ambiguous; of the two
// numbers, the year is the one of four digits (or above 31), else the
// last.
func namedMonthDate(s string) (time.Time, bool) {
	var words, nums []string
	var cur []rune
	digits := false
	flush := func() {
		if len(cur) > 0 {
			if digits {
				nums = append(nums, string(cur))
			} else {
				words = append(words, string(cur))
			}
		}
		cur = cur[:0]
	}
	for _, r := range strings.TrimSpace(s) {
		if r == ':' {
			break // a time follows
		}
		isDigit := r >= '0' && r <= '9'
		if !isDigit && !unicode.IsLetter(r) {
			flush()
			continue
		}
		if len(cur) > 0 && isDigit != digits {
			flush()
		}
		digits = isDigit
		cur = append(cur, r)
	}
	flush()
	// A time cut at its colon leaves its hour behind: "20/Dec/25 10".
	if len(nums) == 3 && strings.Contains(s, ":") {
		nums = nums[:2]
	}
	if len(words) != 1 || len(nums) != 2 {
		return time.Time{}, false
	}
	mo := monthOf(words[0])
	if mo == 0 {
		return time.Time{}, false
	}
	a, errA := strconv.Atoi(nums[0])
	b, errB := strconv.Atoi(nums[1])
	if errA != nil || errB != nil {
		return time.Time{}, false
	}
	day, year := a, b
	if len(nums[0]) == 4 || a > 31 {
		day, year = b, a
	}
	if year < 100 && len(nums[0]) != 4 && len(nums[1]) <= 2 {
		year += 2000
		if year > time.Now().Year()+50 {
			year -= 100
		}
	}
	if day < 1 || day > 31 || year < 1900 || year > 2200 {
		return time.Time{}, false
	}
	d := time.Date(year, time.Month(mo), day, 0, 0, 0, 0, time.UTC)
	if d.Day() != day {
		return time.Time{}, false // 31 April
	}
	return d, true
}

// halfYear is a half year: "H2 2026", "2026 H1", "2H26".
var halfYear = regexp.MustCompile(`^(?:h([12])\s*[-/ ]?\s*(?:fy\s*)?(\d{4})|(\d{4})\s*[-/ ]?\s*h([12]))$`)

// parseDueCell reads a date by which something is due or expected to
// close: a date, or a period as pipelines and plans give them ("Q3 2026",
// "H2 2026", "Mar 2026", "2027"), which stands for its last day. period
// says whether it was a period.
func parseDueCell(s string, dayFirst bool) (d time.Time, period bool, err error) {
	d, err = parseDateCell(s, dayFirst)
	if err == nil {
		return d, false, nil
	}
	w := strings.ToLower(strings.TrimSpace(s))
	if m := halfYear.FindStringSubmatch(w); m != nil {
		h, y := m[1], m[2]
		if h == "" {
			h, y = m[4], m[3]
		}
		year, _ := strconv.Atoi(y)
		end := time.Date(year, 7, 0, 0, 0, 0, 0, time.UTC)
		if h == "2" {
			end = time.Date(year, 12, 31, 0, 0, 0, 0, time.UTC)
		}
		return end, true, nil
	}
	p, perr := parsePeriod(s)
	if perr != nil || !periodForm.MatchString(p) {
		return time.Time{}, false, err
	}
	year, _ := strconv.Atoi(p[:4])
	switch {
	case len(p) == 4:
		d = time.Date(year, 12, 31, 0, 0, 0, 0, time.UTC)
	case p[5] == 'Q':
		q := int(p[6] - '0')
		d = time.Date(year, time.Month(3*q+1), 0, 0, 0, 0, 0, time.UTC)
	default:
		mo, _ := strconv.Atoi(p[5:])
		d = time.Date(year, time.Month(mo+1), 0, 0, 0, 0, 0, time.UTC)
	}
	if year < 1900 || year > 2200 {
		return time.Time{}, false, err
	}
	return d, true, nil
}
