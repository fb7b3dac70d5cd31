package sheet

import (
	"fmt"
	"strings"

	"orchard/model"
)

// Rows of the customer's people, the account each belongs to, and who
// reports to whom.

// accountFor finds the account a row belongs to: its own column, else the
// import's account.
// A link cell may hold another system's ID (Salesforce's AccountId) or a
// name; a row naming none goes to the default account.
func (im *importer) accountFor(c cells) *model.Account {
	v := strings.TrimSpace(c[FAccount])
	if isEmpty(v) {
		// A sheet without an account column is about one account; in a
		// sheet with one, a row that leaves it empty names none.
		if im.noAccountColumn {
			return im.defaultAccount()
		}
		return nil
	}
	if a := im.accountOf(v); a != nil {
		return a
	}
	return im.accounts[key(v)]
}

// accountOrNamed is accountFor that adds an account the row names by a
// name the workspace does not know yet.
func (im *importer) accountOrNamed(c cells) *model.Account {
	if a := im.accountFor(c); a != nil {
		return a
	}
	return im.namedAccount(strings.TrimSpace(c[FAccount]))
}

func (im *importer) stakeholder(sheet string, row int, c cells, col map[Field]string) bool {
	a := im.accountOrNamed(c)
	if a == nil {
		found := c[FAccount]
		im.problem(sheet, row, orDefault(col[FAccount], "account"), found, "an account that exists or is in this import (or choose the account to import into)")
		return false
	}
	raw := personName(c)
	name, title := splitNameRole(raw)
	if isEmpty(name) {
		// A register of roles without names: the row is labelled by its
		// team or role, never by a name made up.
		for _, f := range []Field{FDepartment, FTitle, FRole} {
			if v := strings.TrimSpace(c[f]); !isEmpty(v) {
				name = v
				im.unnamed++
				break
			}
		}
	}
	if isEmpty(name) {
		im.problem(sheet, row, orDefault(col[FName], "name"), raw, "a person's name")
		return false
	}
	// Within one file an ID column tells apart people who share a name.
	pk := a.ID + "/" + key(name)
	if id := c[FID]; !isEmpty(id) {
		pk = a.ID + "/id:" + id
	}
	before := im.people[pk] // this import's latest version of the person
	id := strings.TrimSpace(c[FID])
	if before == nil {
		before, _ = im.match(model.KindStakeholder, a.ID, name, id).(*model.Stakeholder)
	}
	s := &model.Stakeholder{ID: model.NewID(), AccountID: a.ID, Name: name}
	if before != nil {
		s = model.Clone(before).(*model.Stakeholder)
		s.Name = name
	}
	if title != "" {
		s.Title = title
	}
	if v := c[FTitle]; !isEmpty(v) {
		s.Title = v
	}
	if v := c[FDepartment]; !isEmpty(v) {
		s.Department = v
	}
	if v := c[FAttitude]; !isEmpty(v) {
		att, ok := parseAttitude(v)
		if !ok {
			im.problem(sheet, row, col[FAttitude], v, "a stance such as champion, supporter, neutral, sceptical or blocker")
		} else {
			s.Attitude = att
		}
	}
	if v := c[FInfluence]; !isEmpty(v) {
		if inf, ok := parseInfluence(v); ok {
			s.Influence = inf
		} else {
			im.problem(sheet, row, col[FInfluence], v, "high, medium, low or a score from 1 to 5")
		}
	}
	if v := c[FRole]; !isEmpty(v) {
		if role, ok := parseBuyingRole(v); ok {
			s.Role = role
		} else if s.Title == "" {
			s.Title = v // a role in the project, such as "Finance Manager", is what they do
		}
	}
	if v := c[FEmail]; !isEmpty(v) {
		s.Notes = withNoteLines(s.Notes, "Email: "+v)
	}
	if v := c[FNotes]; !isEmpty(v) && !strings.Contains(s.Notes, v) {
		s.Notes = strings.TrimSpace(v + "\n" + s.Notes)
	}
	s.Notes = withNoteLines(s.Notes, im.rowNotes)
	im.people[pk] = s
	if im.rowKeys != nil {
		im.rowKeys[row] = pk // for linking managers, without working the key out again
	}
	im.put(entityOrNil(before), s)
	im.keys.set(s, im.source, id)
	return true
}

// resolveManagers links reports-to by manager ID or by name within the
// account, refusing a link that would make a loop.
func (im *importer) resolveManagers(t Table, header int, fields []Field) {
	idCol, mgrIDCol, mgrCol, nameCol, firstCol, lastCol := -1, -1, -1, -1, -1, -1
	for j, f := range fields {
		switch f {
		case FID:
			idCol = j
		case FManagerID:
			mgrIDCol = j
		case FReportsTo:
			mgrCol = j
		case FName:
			nameCol = j
		case FFirstName:
			firstCol = j
		case FLastName:
			lastCol = j
		}
	}
	if (nameCol < 0 && firstCol < 0 && lastCol < 0 && idCol < 0) || (mgrIDCol < 0 && mgrCol < 0) {
		return
	}
	cell := func(r []string, j int) string {
		if j >= 0 && j < len(r) {
			return strings.TrimSpace(r[j])
		}
		return ""
	}
	byExt := make(map[string]*model.Stakeholder, len(t.Rows))
	extOf := make(map[string]string, len(t.Rows)) // stakeholder ID -> external ID
	// Each row's person, by the key they were filed under when read.
	data := t.Rows[header+1:]
	keys := make([]string, len(data))
	for i, r := range data {
		keys[i] = im.rowKeys[header+i+2]
		if s := im.people[keys[i]]; s != nil && idCol >= 0 {
			byExt[cell(r, idCol)] = s
			extOf[s.ID] = cell(r, idCol)
		}
	}
	// This import's latest version of a person, for walking up the
	// reporting lines.
	latest := func(id string) *model.Stakeholder {
		if w, ok := im.written[model.PendingKey(model.KindStakeholder, id)].(*model.Stakeholder); ok {
			return w
		}
		s, _ := im.p.Get(model.KindStakeholder, id).(*model.Stakeholder)
		return s
	}
	for i, r := range data {
		s := im.people[keys[i]]
		if s == nil {
			continue
		}
		var mgr *model.Stakeholder
		if id := cell(r, mgrIDCol); !isEmpty(id) {
			mgr = byExt[id]
			if mgr == nil {
				// A manager of an earlier import, or of another sheet.
				mgr, _ = im.linked(model.KindStakeholder, s.AccountID, id).(*model.Stakeholder)
			}
		} else if n := cell(r, mgrCol); !isEmpty(n) {
			name, _ := splitNameRole(n)
			mgr = im.people[s.AccountID+"/"+key(name)]
		}
		if mgr == nil || mgr.ID == s.ID {
			continue
		}
		// Walk up from the manager: reaching s would close a loop.
		loop := false
		for cur, n := mgr, 0; cur != nil && cur.ReportsTo != "" && n < 10000; n++ {
			if cur.ReportsTo == s.ID {
				loop = true
				break
			}
			cur = latest(cur.ReportsTo)
		}
		if loop {
			im.problem(t.Name, header+i+2, "reports to", mgr.Name, fmt.Sprintf("a manager who does not report to %s (that would make a loop)", s.Name))
			continue
		}
		if s.ReportsTo != mgr.ID {
			before := im.p.Get(model.KindStakeholder, s.ID)
			c := model.Clone(s).(*model.Stakeholder)
			c.ReportsTo = mgr.ID
			im.people[keys[i]] = c
			if ext, ok := extOf[c.ID]; ok {
				byExt[ext] = c
			}
			im.replace(before, c)
		}
	}
}
