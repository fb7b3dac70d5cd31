package sheet

import (
	"fmt"
	"path/filepath"
	"strings"
	"unicode"

	"orchard/model"
)

// sourceKeys finds records by the ID they have in the system they came
// from (model's SourceKey): a CRM export's Id column, and the AccountId,
// WhatId or ReportsToId columns of the files that link to it.
type sourceKeys struct {
	accounts map[string]*model.Account
	people   map[string]*model.Stakeholder
	opps     map[string]*model.Opportunity
	actions  map[string]*model.Action
	members  map[string]*model.TeamMember
}

func newSourceKeys(p *model.Portfolio) *sourceKeys {
	k := &sourceKeys{accounts: map[string]*model.Account{}, people: map[string]*model.Stakeholder{},
		opps: map[string]*model.Opportunity{}, actions: map[string]*model.Action{}, members: map[string]*model.TeamMember{}}
	for _, kind := range []model.Kind{model.KindAccount, model.KindStakeholder, model.KindOpportunity, model.KindAction, model.KindTeamMember} {
		for _, e := range p.All(kind) {
			k.remember(e)
		}
	}
	return k
}

// remember indexes a record under its source key, if it has one.
func (k *sourceKeys) remember(e model.Entity) {
	switch v := e.(type) {
	case *model.Account:
		if v.SourceKey != "" {
			k.accounts[v.SourceKey] = v
		}
	case *model.Stakeholder:
		if v.SourceKey != "" {
			k.people[v.AccountID+"/"+v.SourceKey] = v
		}
	case *model.Opportunity:
		if v.SourceKey != "" {
			k.opps[v.SourceKey] = v
		}
	case *model.Action:
		if v.SourceKey != "" {
			k.actions[v.AccountID+"/"+v.SourceKey] = v
		}
	case *model.TeamMember:
		if v.SourceKey != "" {
			k.members[v.SourceKey] = v
		}
	}
}

// accountOf resolves a link cell to an account: an account's key, or an
// opportunity's key (a task's WhatId may name either).
func (im *importer) accountOf(v string) *model.Account {
	if a := im.keys.accounts[v]; a != nil {
		return im.latestAccount(a)
	}
	if o := im.keys.opps[v]; o != nil {
		if a, ok := im.written[model.PendingKey(model.KindAccount, o.AccountID)].(*model.Account); ok {
			return a
		}
		return im.p.Account(o.AccountID)
	}
	return nil
}

// latestAccount is the version of an account this import last wrote.
func (im *importer) latestAccount(a *model.Account) *model.Account {
	if w, ok := im.written[model.PendingKey(model.KindAccount, a.ID)].(*model.Account); ok {
		return w
	}
	return a
}

// FileAccountName names the account that rows naming none go to when the
// user chose none: the file's name in words ("org_chart-2026.csv" ->
// "Org chart 2026").
func FileAccountName(path string) string {
	base := strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
	words := strings.FieldsFunc(base, func(r rune) bool { return r == '_' || r == '-' || r == '.' || unicode.IsSpace(r) })
	name := strings.Join(words, " ")
	if name == "" {
		return "Imported"
	}
	r := []rune(name)
	r[0] = unicode.ToUpper(r[0])
	return string(r)
}

// defaultAccount is the account for rows that name none: the one the user
// chose, else one named after the file, made once (or found, when an
// earlier import made it).
func (im *importer) defaultAccount() *model.Account {
	if im.o.AccountID != "" {
		if a := im.p.Account(im.o.AccountID); a != nil {
			return a
		}
	}
	name := FileAccountName(im.path)
	if a := im.accounts[key(name)]; a != nil {
		return a
	}
	a := &model.Account{ID: model.NewID(), Name: name, Currency: im.p.Settings.Rates.Base}
	im.accounts[key(name)] = a
	im.put(nil, a)
	im.res.Notes = append(im.res.Notes, fmt.Sprintf("Rows that name no account go to a new account, %q, named after the file; choose an account to import them into instead.", name))
	return a
}

// namedAccount makes the account a row names when it is not in the
// workspace or the import yet: an opportunity export names its customers.
// A value that looks like another system's ID is not a name: nothing is
// made for it.
// A value that looks like another system's ID makes an account known by
// that key alone, named for it until the file of accounts is imported
// (which finds it by the key and gives it its name).
func (im *importer) namedAccount(name string) *model.Account {
	if isEmpty(name) {
		return nil
	}
	a := &model.Account{ID: model.NewID(), Name: name, Currency: im.p.Settings.Rates.Base}
	if looksLikeID(name) && len(name) >= 6 {
		a.Name, a.SourceKey = "Account "+name, name
		im.keyedAccounts++
	} else {
		im.madeAccounts++
	}
	if err := a.Validate(); err != nil {
		return nil
	}
	im.accounts[key(a.Name)] = a
	im.put(nil, a)
	return a
}

// personName is a row's person: the name column, else first and last
// names together.
func personName(c cells) string {
	if v := c[FName]; !isEmpty(v) {
		return v
	}
	return strings.TrimSpace(strings.TrimSpace(c[FFirstName]) + " " + strings.TrimSpace(c[FLastName]))
}

// match finds the record a row updates: the one its key names (keyed,
// found by the caller's index), else the one of its name in its account
// unless that one came with another key (two records of one name under
// two keys are two records), in the version this import last wrote.
func (im *importer) match(k model.Kind, keyed model.Entity, accountID, name, id string) model.Entity {
	before := keyed
	if id == "" {
		before = nil
	}
	if before == nil {
		before = im.existingNamed(k, accountID, name)
		if before != nil && id != "" && sourceKeyOf(before) != "" && sourceKeyOf(before) != id {
			before = nil
		}
	}
	if before != nil {
		if w, ok := im.written[model.PendingKey(k, before.EntityID())]; ok {
			before = w
		}
	}
	return before
}

// sourceKeyOf is a record's ID in the system it came from.
func sourceKeyOf(e model.Entity) string {
	switch v := e.(type) {
	case *model.Account:
		return v.SourceKey
	case *model.Stakeholder:
		return v.SourceKey
	case *model.Opportunity:
		return v.SourceKey
	case *model.Action:
		return v.SourceKey
	case *model.TeamMember:
		return v.SourceKey
	}
	return ""
}
