package sheet

import (
	"strings"

	"orchard/model"
)

// Rows of accounts and of our own team.

func (im *importer) account(sheet string, row int, c cells, col map[Field]string) bool {
	// In a list of companies and people together, a person is one of
	// their company's people, read once every company of the sheet is.
	if _, flagged := col[FIsCompany]; flagged && isPersonFlag(c[FIsCompany]) {
		im.personRows = append(im.personRows, deferredPerson{sheet: sheet, row: row, c: c, col: col, notes: im.rowNotes})
		return true
	}
	name := c[FAccount]
	if isEmpty(name) {
		name = c[FName]
	}
	if isEmpty(name) {
		im.problem(sheet, row, col[FAccount], "", "an account name")
		return false
	}
	// A key column finds the account it made before; without one, the
	// name does, unless that account came with another key (two customers
	// of one name in a CRM are two accounts).
	id := strings.TrimSpace(c[FID])
	before, _ := im.keyed(model.KindAccount, "", id).(*model.Account)
	if before == nil && id != "" {
		// An account another file only linked to, made under its key
		// until its own row came: this is that row, whatever the source.
		if a, ok := im.linked(model.KindAccount, "", id).(*model.Account); ok && a.Name == placeholderName(id) {
			before = a
		}
	}
	if before == nil {
		if byName := im.accounts[key(name)]; byName != nil && im.mayTakeKey(byName, id) {
			before = byName
		}
	}
	// Fields the file does not have, such as the objective, stay empty.
	a := &model.Account{ID: model.NewID(), Name: name, Currency: im.p.Settings.Rates.Base}
	if before != nil {
		a = model.Clone(before).(*model.Account)
		a.Name = name
	}
	if v := c[FIndustry]; !isEmpty(v) {
		a.Industry = v
	}
	if v := c[FRegion]; !isEmpty(v) {
		a.Region = v
	}
	if v := c[FOwner]; !isEmpty(v) {
		a.Owner = v
	}
	if before == nil || !isEmpty(c[FCurrency]) || !isEmpty(c[FRevenue]) {
		a.Currency = im.currencyOf(sheet, c, FRevenue, a.Currency, true)
	}
	if v := c[FRevenue]; !isEmpty(v) {
		amt, err := im.scaled(FRevenue, v)
		if err != nil || amt < 0 {
			im.problem(sheet, row, col[FRevenue], v, "a revenue of zero or more, e.g. 1,250,000")
			return false
		}
		a.Revenue = model.MoneyFromMajor(amt)
	}
	if v := c[FPotential]; !isEmpty(v) {
		if amt, err := im.scaled(FPotential, v); err == nil && amt >= 0 {
			a.Potential = model.MoneyFromMajor(amt)
		}
	}
	if v := c[FMargin]; !isEmpty(v) {
		pct, err := im.amount(strings.TrimSuffix(v, "%"))
		if err != nil || pct < -100 || pct > 100 {
			im.problem(sheet, row, col[FMargin], v, "a margin in per cent from -100 to 100")
			return false
		}
		a.MarginPct = pct
	}
	if v := c[FParent]; !isEmpty(v) {
		a.Notes = withNoteLines(a.Notes, "Subsidiary of: "+v)
	}
	if v := c[FNotes]; !isEmpty(v) && !strings.Contains(a.Notes, v) {
		a.Notes = strings.TrimSpace(v + "\n" + a.Notes)
	}
	a.Notes = withNoteLines(a.Notes, im.rowNotes)
	// The account's main contact is kept in its notes: the file of
	// contacts, imported with it or later, brings the person.
	if v := strings.TrimSpace(c[FContact]); !isEmpty(v) {
		line := "Primary contact: " + v
		if e := strings.TrimSpace(c[FContactEmail]); !isEmpty(e) {
			line += ", " + e
		}
		a.Notes = withNoteLines(a.Notes, line)
	}
	if err := a.Validate(); err != nil {
		im.problem(sheet, row, col[FAccount], name, err.Error())
		return false
	}
	im.accounts[key(name)] = a
	im.put(entityOrNil(before), a)
	im.keys.set(a, im.source, id)
	if im.described == nil {
		im.described = map[string]string{}
	}
	im.described[a.ID] = sheet
	return true
}

func (im *importer) member(sheet string, row int, c cells, col map[Field]string) bool {
	name := c[FAgent]
	if isEmpty(name) {
		name = personName(c)
	}
	if isEmpty(name) {
		im.problem(sheet, row, orDefault(col[FAgent], orDefault(col[FName], "name")), "", "a team member's name")
		return false
	}
	id := strings.TrimSpace(c[FID])
	before, _ := im.keyed(model.KindTeamMember, "", id).(*model.TeamMember)
	if before == nil {
		if byName := im.members[key(name)]; byName != nil && im.mayTakeKey(byName, id) {
			before = byName
		}
	}
	m := &model.TeamMember{ID: model.NewID(), Name: name, Function: model.FunctionSales}
	if before != nil {
		m = model.Clone(before).(*model.TeamMember)
	}
	if v := c[FTitle]; !isEmpty(v) {
		m.Title = v
	}
	if v := c[FEmail]; !isEmpty(v) {
		m.Email = v
	}
	if v := c[FManager]; !isEmpty(v) && m.Title == "" {
		m.Title = "Reports to " + v
	}
	im.members[key(name)] = m
	im.put(entityOrNil(before), m)
	im.keys.set(m, im.source, id)
	return true
}

// deferredPerson is a person row of a companies-and-people list.
type deferredPerson struct {
	sheet string
	row   int
	c     cells
	col   map[Field]string
	notes string // its "Header: value" lines for the notes
}

// isPersonFlag reads an "is a company" cell that says no.
func isPersonFlag(v string) bool {
	switch strings.ToLower(strings.TrimSpace(v)) {
	case "person", "individual", "contact", "einzelperson", "privatperson", "persona", "personne":
		return true
	}
	b, ok := parseBool(v)
	return ok && !b || isEmpty(v)
}

// companyPeople reads the people of a companies-and-people list into the
// companies named in their related-company column; a private person,
// with none, is reported rather than made an account (or put into one
// nobody chose).
func (im *importer) companyPeople() {
	people := im.personRows
	im.personRows = nil
	for _, d := range people {
		im.rowSheet, im.rowNum = d.sheet, d.row // merges name the person's own row
		company := strings.TrimSpace(d.c[FParent])
		if isEmpty(company) {
			// A person of no company is a private customer: an account of
			// their own, marked as a person so nobody takes it for a firm.
			c := cells{}
			for f, v := range d.c {
				if f != FIsCompany {
					c[f] = v
				}
			}
			im.rowNotes = strings.TrimSpace(d.notes + "\nPrivate person: in the file as a person with no company")
			col := map[Field]string{}
			for f, v := range d.col {
				if f != FIsCompany {
					col[f] = v
				}
			}
			if im.account(d.sheet, d.row, c, col) {
				im.privatePeople = append(im.privatePeople, strings.TrimSpace(d.c[FAccount]))
			} else {
				im.res.Skipped++
			}
			continue
		}
		c := cells{FAccount: company, FName: d.c[FAccount], FTitle: d.c[FTitle], FEmail: d.c[FEmail], FNotes: d.c[FNotes]}
		im.rowNotes = d.notes
		col := map[Field]string{FAccount: d.col[FParent], FName: d.col[FAccount]}
		if !im.stakeholder(d.sheet, d.row, c, col) {
			im.res.Skipped++
		}
	}
}
