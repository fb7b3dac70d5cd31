package sheet

import (
	"strings"
	"time"

	"orchard/model"
)

// Rows of opportunities.

func (im *importer) opportunity(sheet string, row int, c cells, col map[Field]string, dayFirst bool) bool {
	a := im.accountOrNamed(c)
	if a == nil {
		im.problem(sheet, row, orDefault(col[FAccount], "account"), c[FAccount], "an account that exists or is in this import")
		return false
	}
	name := c[FName]
	if isEmpty(name) {
		name = c[FID]
	}
	if isEmpty(name) {
		name = strings.TrimSpace(c[FProduct] + " for " + a.Name)
	}
	id := strings.TrimSpace(c[FID])
	before, _ := im.match(model.KindOpportunity, a.ID, name, id).(*model.Opportunity)
	o := &model.Opportunity{ID: model.NewID(), AccountID: a.ID, Name: name, Currency: a.Currency, Created: im.o.Today}
	if before != nil {
		o = model.Clone(before).(*model.Opportunity)
	}
	if v := strings.ToUpper(strings.TrimSpace(c[FCurrency])); model.ValidCurrency(v) {
		o.Currency = v
	}
	if v := c[FProduct]; !isEmpty(v) {
		o.Offering = v
	}
	if v := c[FStage]; !isEmpty(v) {
		o.Stage = v
		switch strings.ToLower(v) {
		case "won", "closed won":
			o.Probability = 100
		case "lost", "closed lost":
			o.Probability = 0
		}
	}
	if v := c[FAmount]; !isEmpty(v) {
		o.Currency = im.currencyOf(sheet, c, FAmount, o.Currency, false)
		amt, err := im.scaled(FAmount, v)
		if err != nil || amt < 0 {
			im.problem(sheet, row, col[FAmount], v, "a value of zero or more")
			return false
		}
		o.Value = model.MoneyFromMajor(amt)
	}
	if v := c[FProbability]; !isEmpty(v) {
		pv, err := im.amount(strings.TrimSuffix(v, "%"))
		if err != nil || pv < 0 || pv > 100 {
			im.problem(sheet, row, col[FProbability], v, "a probability from 0 to 100 %")
			return false
		}
		o.Probability = int(pv + 0.5)
	}
	if v := c[FCloseDate]; !isEmpty(v) {
		d, period, err := parseDueCell(v, dayFirst)
		if err != nil {
			// The deal is kept; only its date is missing.
			im.problem(sheet, row, col[FCloseDate], v, "a date such as 2026-11-23 or a quarter such as Q3 2026 (the deal is kept without a close date)")
		} else {
			if period {
				im.notePeriodDates(sheet, col[FCloseDate], v, d)
			}
			o.ExpectedClose = d
			if !o.Created.IsZero() && d.Before(o.Created) {
				o.Created = time.Time{} // a deal closed in the past was opened before it closed
			}
		}
	}
	if err := o.Validate(); err != nil {
		im.problem(sheet, row, col[FName], name, err.Error())
		return false
	}
	im.put(entityOrNil(before), o)
	im.keys.set(o, im.source, id)
	return true
}
