package sheet

import (
	"fmt"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"orchard/model"
)

// figures reads a revenue row: a period with an actual, a target, or both
// (in their own columns, or one amount with a column saying which).
func (im *importer) figures(sheet string, row int, c cells, col map[Field]string) bool {
	if isEmpty(c[FAccount]) && !isEmpty(c[FAgent]) {
		return im.memberTarget(sheet, row, c, col)
	}
	// A plan names the accounts it plans for; those the workspace does
	// not have yet are added, as a contact list's companies are.
	a := im.accountOrNamed(c)
	if a == nil {
		im.problem(sheet, row, orDefault(col[FAccount], "account"), c[FAccount], "an account that exists or is in this import (or choose the account to import into)")
		return false
	}
	if len(im.rowPeriods) > 0 {
		return im.wideFigures(sheet, row, a, c[FFigureKind])
	}
	period, ok := im.rowPeriod(sheet, row, c, col)
	if !ok {
		return false
	}
	type amount struct {
		field Field
		kind  model.FigureKind
	}
	var amounts []amount
	single := FRevenue
	if isEmpty(c[FRevenue]) {
		single = FAmount
	}
	if !isEmpty(c[single]) {
		kind := im.unlabelled
		if v := c[FFigureKind]; !isEmpty(v) {
			k, ok := parseFigureKind(v)
			if !ok {
				im.problem(sheet, row, col[FFigureKind], v, "target (plan, budget) or actual")
				return false
			}
			kind = k
		}
		amounts = append(amounts, amount{single, kind})
	}
	if !isEmpty(c[FTarget]) {
		amounts = append(amounts, amount{FTarget, model.FigureTarget})
	}
	if !isEmpty(c[FActual]) {
		amounts = append(amounts, amount{FActual, model.FigureActual})
	}
	if len(amounts) == 0 {
		im.problem(sheet, row, orDefault(col[FRevenue], orDefault(col[FActual], "revenue")), "", "a revenue amount")
		return false
	}
	var margin model.Money
	if v := c[FMargin]; !isEmpty(v) {
		m, err := im.amount(v)
		if err != nil {
			im.problem(sheet, row, col[FMargin], v, "a margin amount such as 120,000")
			return false
		}
		margin = model.MoneyFromMajor(m)
	}
	// Every amount is read before any is kept, so a row lands whole or not at all.
	var out []*model.PeriodFigure
	var befores []*model.PeriodFigure
	for _, am := range amounts {
		v, err := im.scaled(am.field, c[am.field])
		if err != nil {
			im.problem(sheet, row, col[am.field], c[am.field], "an amount such as 1,250,000")
			return false
		}
		before := im.existingFigure(a.ID, period, am.kind)
		f := &model.PeriodFigure{ID: model.NewID(), AccountID: a.ID, Period: period, FigureKind: am.kind}
		if before != nil {
			f = model.Clone(before).(*model.PeriodFigure)
		}
		f.Revenue = model.MoneyFromMajor(v)
		if am.kind == model.FigureActual || len(amounts) == 1 {
			f.Margin = margin
		}
		if err := f.Validate(); err != nil {
			im.problem(sheet, row, col[am.field], c[am.field], err.Error())
			return false
		}
		out, befores = append(out, f), append(befores, before)
	}
	im.keepFigures(out, befores)
	return true
}

// rowPeriod reads a figure row's period: one cell, or a quarter or month
// beside its year in a column of its own.
func (im *importer) rowPeriod(sheet string, row int, c cells, col map[Field]string) (string, bool) {
	period, err := parsePeriodIn(c[FPeriod], im.periodsDayFirst)
	if err != nil && !isEmpty(c[FYear]) {
		// "Quarter 1" or "März" beside its year in a column of its own.
		period, err = parsePeriodIn(withPeriodWords(c[FPeriod])+" "+strings.TrimSpace(c[FYear]), im.periodsDayFirst)
	}
	if err != nil && isEmpty(c[FPeriod]) && !isEmpty(c[FYear]) {
		period, err = parsePeriodIn(c[FYear], im.periodsDayFirst)
	}
	if err != nil {
		im.problem(sheet, row, orDefault(col[FPeriod], "period"), c[FPeriod], "a year, quarter or month such as 2026, 2026-Q1, Q1 2026, 2026-03 or Mar 2026")
		return "", false
	}
	return period, true
}

// memberTarget reads a row of a goals sheet: a team member's own revenue
// target for a period (a seller's quota). The person is found on the team
// by name, or added to it. A goal with no target is left out and counted.
func (im *importer) memberTarget(sheet string, row int, c cells, col map[Field]string) bool {
	field := FTarget
	for _, f := range []Field{FTarget, FRevenue, FAmount} {
		if _, ok := col[f]; ok {
			field = f
			break
		}
	}
	if isEmpty(c[field]) {
		im.blankGoals = append(im.blankGoals, row)
		im.res.Skipped++
		return true
	}
	period, ok := im.rowPeriod(sheet, row, c, col)
	if !ok {
		return false
	}
	v, err := im.scaled(field, c[field])
	if err != nil {
		im.problem(sheet, row, col[field], c[field], "an amount such as 1,250,000")
		return false
	}
	if im.rollups != nil && im.rollupChild != "" {
		im.rollups.sum[im.rollupChild] += v // as the file says it, like its roll-up
	}
	// A team member's targets are kept in the workspace's base currency,
	// converted at its exchange rates when the file uses another.
	rates := im.p.Settings.Rates
	if cur := im.currencyOf(sheet, c, field, rates.Base, true); cur != rates.Base {
		r, ok := rates.Between(cur, rates.Base)
		if !ok {
			im.problem(sheet, row, col[field], c[field], fmt.Sprintf("an exchange rate from %s to the workspace's %s (add it under Exchange rates…), or the amount in %s", cur, rates.Base, rates.Base))
			return false
		}
		v *= r
		if !im.currencyNoted["converted "+sheet] {
			if im.currencyNoted == nil {
				im.currencyNoted = map[string]bool{}
			}
			im.currencyNoted["converted "+sheet] = true
			im.res.Notes = append(im.res.Notes, fmt.Sprintf("Sheet %s: team members' targets in %s are converted to the workspace's %s at %.4g.", sheet, cur, rates.Base, r))
		}
	}
	name := strings.TrimSpace(c[FAgent])
	m := im.members[key(name)]
	if m == nil {
		m = &model.TeamMember{ID: model.NewID(), Name: name, Function: model.FunctionSales}
		im.members[key(name)] = m
		im.put(nil, m)
	}
	k := figureKey("member:"+m.ID, period, model.FigureTarget)
	before := im.figureIndex()[k]
	f := &model.PeriodFigure{ID: model.NewID(), MemberID: m.ID, Period: period, FigureKind: model.FigureTarget}
	if before != nil {
		f = model.Clone(before).(*model.PeriodFigure)
	}
	f.Revenue = model.MoneyFromMajor(v)
	if err := f.Validate(); err != nil {
		im.problem(sheet, row, col[field], c[field], err.Error())
		return false
	}
	im.figureIndex()[k] = f
	im.put(entityOrNil(before), f)
	return true
}

// rollupSums are a goals sheet's roll-up goals: what each says and what
// the goals under it add up to.
type rollupSums struct {
	stated, sum map[string]float64
	childOf     map[int]string
}

// rollupNotes says which goals were left out as roll-ups, and where a
// roll-up's target is not what its goals add up to.
func (im *importer) rollupNotes(sheet string, rollups map[int]string) {
	if n := len(im.blankGoals); n > 0 {
		im.res.Notes = append(im.res.Notes, fmt.Sprintf("Sheet %s: %d goals have no target (rows %s); they are left out.", sheet, n, joinInts(im.blankGoals, 10)))
		im.blankGoals = nil
	}
	if len(rollups) == 0 {
		return
	}
	var names []string
	for _, name := range rollups {
		names = append(names, name)
	}
	slices.Sort(names)
	im.res.Notes = append(im.res.Notes, fmt.Sprintf("Sheet %s: %d goals add up others named under them as their parent (%s); they are left out, so no target is counted twice.",
		sheet, len(names), strings.Join(names[:min(3, len(names))], ", ")+map[bool]string{true: ", …", false: ""}[len(names) > 3]))
	for _, name := range names {
		stated, sum := im.rollups.stated[name], im.rollups.sum[name]
		if _, ok := im.rollups.stated[name]; ok && math.Abs(stated-sum) > 0.005 {
			im.res.Notes = append(im.res.Notes, fmt.Sprintf("Sheet %s: %s says %s, but the goals under it add up to %s.",
				sheet, name, model.MoneyFromMajor(stated).String(), model.MoneyFromMajor(sum).String()))
		}
	}
}

// keepFigures puts a row's figures into the import.
func (im *importer) keepFigures(figs, befores []*model.PeriodFigure) {
	for i, f := range figs {
		im.figureIndex()[figureKey(f.AccountID, f.Period, f.FigureKind)] = f
		im.put(entityOrNil(befores[i]), f)
	}
}

func figureKey(accountID, period string, k model.FigureKind) string {
	return accountID + "/" + period + "/" + string(k)
}

// figureIndex lists period figures by account, period and kind: those in
// the workspace, then those this import adds.
func (im *importer) figureIndex() map[string]*model.PeriodFigure {
	if im.figs == nil {
		im.figs = map[string]*model.PeriodFigure{}
		for _, e := range im.p.All(model.KindFigure) {
			f := e.(*model.PeriodFigure)
			owner := f.AccountID
			if f.MemberID != "" {
				owner = "member:" + f.MemberID
			}
			im.figs[figureKey(owner, f.Period, f.FigureKind)] = f
		}
	}
	return im.figs
}

func (im *importer) existingFigure(accountID, period string, k model.FigureKind) *model.PeriodFigure {
	return im.figureIndex()[figureKey(accountID, period, k)]
}

// parseFigureKind reads a cell saying target or actual, in the words
// period headers use.
func parseFigureKind(s string) (model.FigureKind, bool) {
	switch w := normalise(s); {
	case slices.Contains(targetWords, w):
		return model.FigureTarget, true
	case slices.Contains(actualWords, w) || w == "achieved":
		return model.FigureActual, true
	}
	return "", false
}

var (
	yearOnly    = regexp.MustCompile(`^(?:fy\s*)?(\d{4})$`)
	yearQuarter = regexp.MustCompile(`^(\d{4})\s*[-/ ]?\s*q([1-4])$`)
	quarterYear = regexp.MustCompile(`^q([1-4])\s*[-/ ]?\s*(?:fy\s*)?(\d{4})$`)
	yearMonth   = regexp.MustCompile(`^(\d{4})[-/.](\d{1,2})$`)
	monthYear   = regexp.MustCompile(`^(\d{1,2})[-/.](\d{4})$`)
	namedMonth  = regexp.MustCompile(`^(\p{L}+)\.?[\s-]*(\d{4})$`)
	// namedMonthYY is a month with a two-digit year, as Excel shows a
	// date formatted mmm-yy: "Jan-26", "Sep '25".
	namedMonthYY = regexp.MustCompile(`^(\p{L}+)\.?[\s-]*'?(\d{2})$`)
	// monthNames are the months in the languages Orchard reads, folded
	// as headers are; a header's word is a month when it begins one of them
	// ("Mär", "Sept.", "październik"), never a word that merely shares its
	// first letters ("Marketing", "Outlook").
	monthNames = [12][]string{
		{"january", "januar", "janvier", "enero", "gennaio", "janeiro", "januari", "styczen", "январь", "января"},
		{"february", "februar", "fevrier", "febrero", "febbraio", "fevereiro", "februari", "luty", "lutego", "февраль", "февраля"},
		{"march", "marz", "mars", "marzo", "marco", "maart", "mrt", "marzec", "marca", "март", "марта"},
		{"april", "avril", "abril", "aprile", "kwiecien", "kwietnia", "апрель", "апреля"},
		{"may", "mai", "mayo", "maggio", "maio", "mei", "maj", "maja", "май", "мая"},
		{"june", "juni", "juin", "junio", "giugno", "junho", "czerwiec", "czerwca", "июнь", "июня"},
		{"july", "juli", "juillet", "julio", "luglio", "julho", "lipiec", "lipca", "июль", "июля"},
		{"august", "aout", "agosto", "augustus", "sierpien", "sierpnia", "август", "августа"},
		{"september", "septembre", "septiembre", "setiembre", "settembre", "setembro", "wrzesien", "wrzesnia", "сентябрь", "сентября"},
		{"october", "oktober", "octobre", "octubre", "ottobre", "outubro", "pazdziernik", "pazdziernika", "октябрь", "октября"},
		{"november", "novembre", "noviembre", "novembro", "listopad", "listopada", "ноябрь", "ноября"},
		{"december", "dezember", "decembre", "diciembre", "dicembre", "dezembro", "grudzien", "grudnia", "декабрь", "декабря"},
	}
)

// parsePeriod reads a year, quarter or month in the forms spreadsheets use
// and gives Orchard's form: "2026", "2026-Q1" or "2026-03". A full date or
// an Excel date number gives its month.
func parsePeriod(s string) (string, error) { return parsePeriodIn(s, true) }

// parsePeriodIn is parsePeriod reading a date such as 03/04/2026 day first
// or month first.
func parsePeriodIn(s string, dayFirst bool) (string, error) {
	w := strings.ToLower(strings.TrimSpace(s))
	if m := yearOnly.FindStringSubmatch(w); m != nil {
		return m[1], nil
	}
	if m := yearQuarter.FindStringSubmatch(w); m != nil {
		return m[1] + "-Q" + m[2], nil
	}
	if m := quarterYear.FindStringSubmatch(w); m != nil {
		return m[2] + "-Q" + m[1], nil
	}
	month := func(y string, mo int) (string, error) {
		if mo < 1 || mo > 12 {
			return "", fmt.Errorf("%q has no month %d", s, mo)
		}
		return fmt.Sprintf("%s-%02d", y, mo), nil
	}
	if m := yearMonth.FindStringSubmatch(w); m != nil {
		mo, _ := strconv.Atoi(m[2])
		return month(m[1], mo)
	}
	if m := monthYear.FindStringSubmatch(w); m != nil {
		mo, _ := strconv.Atoi(m[1])
		return month(m[2], mo)
	}
	if m := namedMonth.FindStringSubmatch(w); m != nil {
		if mo := monthOf(m[1]); mo > 0 {
			return month(m[2], mo)
		}
	}
	if m := namedMonthYY.FindStringSubmatch(w); m != nil {
		if mo := monthOf(m[1]); mo > 0 {
			return month("20"+m[2], mo)
		}
	}
	if d, err := parseDateCell(s, dayFirst); err == nil && d.Year() >= 1990 && d.Year() <= 2200 {
		return d.Format("2006-01"), nil
	}
	return "", fmt.Errorf("%q is not a period", s)
}

// periodForm is what parsePeriod gives: the form Orchard stores.
var periodForm = regexp.MustCompile(`^\d{4}(-Q[1-4]|-(0[1-9]|1[0-2]))?$`)

// periodCell is one cell of a wide revenue sheet: the header names the
// period, the cell holds the amount.
type periodCell struct {
	header, value string
}

// wideFigures reads a row of a sheet with a column per period; a column
// saying Plan or Actual makes the row's figures that kind.
func (im *importer) wideFigures(sheet string, row int, a *model.Account, rowKind string) bool {
	unlabelled := im.unlabelled
	if !isEmpty(rowKind) {
		k, ok := parseFigureKind(rowKind)
		if !ok {
			im.problem(sheet, row, "target or actual", rowKind, "target (plan, budget) or actual")
			return false
		}
		unlabelled = k
	}
	var out, befores []*model.PeriodFigure
	for _, pc := range im.rowPeriods {
		if isEmpty(pc.value) {
			continue
		}
		period, kind, labelled, ok := labelledPeriodHeader(pc.header)
		if !labelled {
			kind = unlabelled
		}
		if !ok {
			im.problem(sheet, row, pc.header, pc.header, "a header naming a period, such as Jan 2026, Q1 2026 or Plan 2026")
			return false
		}
		v, err := im.amount(pc.value)
		if err != nil {
			im.problem(sheet, row, pc.header, pc.value, "an amount such as 1,250,000")
			return false
		}
		before := im.existingFigure(a.ID, period, kind)
		f := &model.PeriodFigure{ID: model.NewID(), AccountID: a.ID, Period: period, FigureKind: kind}
		if before != nil {
			f = model.Clone(before).(*model.PeriodFigure)
		}
		add := model.MoneyFromMajor(v)
		if fk := figureKey(a.ID, period, kind); im.lineAccount != nil && im.lineFigures[fk] {
			add += f.Revenue // a later line of the plan adds to the earlier ones
		} else if im.lineAccount != nil {
			im.lineFigures[fk] = true
		}
		f.Revenue = add
		out, befores = append(out, f), append(befores, before)
	}
	if len(out) == 0 {
		im.problem(sheet, row, "", "", "an amount in at least one period column")
		return false
	}
	im.keepFigures(out, befores)
	return true
}

// targetWords mark a period header as a target ("Plan Q1 2026"); actual
// words are dropped ("Actual Jan 2026", "Ist 2026").
var (
	targetWords = []string{"target", "plan", "budget", "soll", "objectif", "doel", "objetivo", "forecast"}
	actualWords = []string{"actuals", "actual", "ist", "reel", "réel", "werkelijk", "real", "revenue", "umsatz"}
)

// periodHeader reads a header that names a period, with an optional word
// saying target or actual before or after it.
func periodHeader(h string) (period string, kind model.FigureKind, ok bool) {
	period, kind, _, ok = labelledPeriodHeader(h)
	return period, kind, ok
}

// labelledPeriodHeader is periodHeader that also says whether the header
// had a word for target or actual.
func labelledPeriodHeader(h string) (period string, kind model.FigureKind, labelled, ok bool) {
	w := strings.ToLower(strings.TrimSpace(h))
	kind = model.FigureActual
	strip := func(words []string) bool {
		for _, word := range words {
			for _, form := range []string{word + " ", " " + word} {
				if strings.HasPrefix(w, form) || strings.HasSuffix(w, form) {
					w = strings.TrimSpace(strings.Replace(w, strings.TrimSpace(form), "", 1))
					return true
				}
			}
		}
		return false
	}
	if strip(targetWords) {
		kind, labelled = model.FigureTarget, true
	} else {
		labelled = strip(actualWords)
	}
	// A bare number is a year only in a plausible range, so a column
	// numbered "1" or "12" is not taken for a period.
	if p, err := parsePeriod(w); err == nil {
		if y := p[:4]; y >= "1990" && y <= "2200" && !(len(w) <= 5 && strings.Trim(w, "0123456789") == "" && len(w) != 4) {
			return p, kind, labelled, true
		}
	}
	return "", "", false, false
}

// withPeriodWords shortens the words for a quarter to "Q": "Quarter 1",
// "Quartal 1", "1. Quartal", "Trimestre 1", "Kwartaal 1" -> "Q1".
func withPeriodWords(s string) string {
	w := strings.ToLower(strings.TrimSpace(s))
	for _, word := range []string{"quarter", "quartal", "trimestre", "kwartaal", "kwartał", "kwartal", "trimestr"} {
		if rest, ok := strings.CutPrefix(w, word); ok {
			return "q" + strings.TrimSpace(rest)
		}
		if rest, ok := strings.CutSuffix(w, word); ok {
			return "q" + strings.TrimSpace(strings.TrimRight(rest, ". "))
		}
	}
	return w
}

// monthOf gives the month (1–12) a word names, or 0: the word, three
// letters or more, must begin a month's name; "Ju" and "Jui" alone are
// not enough to tell June from July, so they count only when one month
// fits.
func monthOf(word string) int {
	w := normalise(strings.TrimSuffix(word, "."))
	if len([]rune(w)) < 3 {
		return 0
	}
	found := 0
	for i, names := range monthNames {
		for _, n := range names {
			if strings.HasPrefix(n, w) {
				if found != 0 && found != i+1 {
					return 0 // two months begin so
				}
				found = i + 1
			}
		}
	}
	return found
}
