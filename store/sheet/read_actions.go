package sheet

import (
	"strings"

	"orchard/model"
)

// Rows of actions.

func (im *importer) action(sheet string, row int, c cells, col map[Field]string, dayFirst bool) bool {
	a := im.accountOrNamed(c)
	if a == nil {
		im.problem(sheet, row, orDefault(col[FAccount], "account"), c[FAccount], "an account that exists or is in this import (or choose the account to import into)")
		return false
	}
	title := c[FAction]
	if isEmpty(title) {
		title = c[FName]
	}
	// A list's bullet is not part of the title ("– Gather requirements").
	title = strings.TrimLeft(strings.TrimSpace(title), "-–—•*·▪► ")
	if isEmpty(title) {
		im.problem(sheet, row, col[FAction], "", "what the action is")
		return false
	}
	id := strings.TrimSpace(c[FID])
	before, _ := im.match(model.KindAction, a.ID, title, id).(*model.Action)
	x := &model.Action{ID: model.NewID(), AccountID: a.ID, Title: title, Status: model.StatusPlanned, Order: float64(len(im.list) + 1)}
	if before != nil {
		x = model.Clone(before).(*model.Action)
	}
	if v := c[FStatus]; !isEmpty(v) {
		st, ok := parseStatus(v)
		if !ok {
			im.problem(sheet, row, col[FStatus], v, "a status such as planned, in progress, blocked, done or not implemented")
		} else {
			x.Status = st
		}
	}
	if v := c[FDue]; !isEmpty(v) {
		d, period, err := parseDueCell(v, dayFirst)
		if err != nil {
			im.problem(sheet, row, col[FDue], v, "a date such as 2026-11-23 or a quarter such as Q3 2026 (the action is kept without a due date)")
		} else {
			if period {
				im.notePeriodDates(sheet, col[FDue], v, d)
			}
			x.Due = d
		}
	}
	if im.rowOwner != nil && isEmpty(c[FOwner]) {
		x.OwnerID = im.rowOwner.ID // the role a responsibility matrix names
	} else if v := c[FOwner]; !isEmpty(v) {
		names := splitNames(v)
		if m := im.members[key(names[0])]; m != nil {
			x.OwnerID = m.ID
		} else {
			x.Notes = withNoteLines(x.Notes, "Owner in the file: "+v)
		}
	}
	if v := c[FNotes]; !isEmpty(v) {
		x.Description = v
	}
	if v := c[FAgreed]; !isEmpty(v) {
		agreed, ok := parseBool(v)
		if !ok {
			im.problem(sheet, row, col[FAgreed], v, "yes or no (ja/nein, oui/non, x or ✓ also work)")
		} else {
			x.CustomerAgreed = agreed
		}
	}
	x.Notes = withNoteLines(x.Notes, im.rowNotes)
	im.put(entityOrNil(before), x)
	im.keys.set(x, im.source, id)
	return true
}
