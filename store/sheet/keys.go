package sheet

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"unicode"

	"orchard/model"
)

// sourceKeys finds records by their IDs in the systems they came from
// (model.ExternalKey): a CRM export's Id column, and the AccountId, WhatId
// or ReportsToId columns of the files that link to it. A key is looked up
// in the sheet's own source first; a link also in any source where only
// one record of the kind has it (an account list saved by hand links to
// the same IDs as the CRM's contact export).
type sourceKeys struct {
	exact map[keyAt]string                    // a key in a source -> record ID
	any   map[keyAt][]string                  // a key in any source (source "") -> record IDs
	of    map[recordSource]*model.ExternalKey // a record's key in a source
	added []model.Entity                      // keys this import makes or changes, in order
	pos   map[recordSource]int                // index in added
}

// keyAt is a key of a kind of record, within its scope and source.
type keyAt struct {
	kind               model.Kind
	scope, source, key string
}

// recordSource is a record and a source of keys.
type recordSource struct {
	kind       model.Kind
	id, source string
}

func newSourceKeys(p *model.Portfolio) *sourceKeys {
	k := &sourceKeys{exact: map[keyAt]string{}, any: map[keyAt][]string{}, of: map[recordSource]*model.ExternalKey{}, pos: map[recordSource]int{}}
	for _, e := range p.All(model.KindExternalKey) {
		k.index(e.(*model.ExternalKey))
	}
	return k
}

// keyScope is what a key is unique within: the account, for people and
// actions (two customers' org charts may both number their people from
// 1); the whole workspace for the rest.
func keyScope(kind model.Kind, accountID string) string {
	if kind == model.KindStakeholder || kind == model.KindAction {
		return accountID
	}
	return ""
}

func (k *sourceKeys) index(x *model.ExternalKey) {
	scope := keyScope(x.RecordKind, x.AccountID)
	k.exact[keyAt{x.RecordKind, scope, x.Source, x.Key}] = x.RecordID
	anyKey := keyAt{x.RecordKind, scope, "", x.Key}
	if !slices.Contains(k.any[anyKey], x.RecordID) {
		k.any[anyKey] = append(k.any[anyKey], x.RecordID)
	}
	k.of[recordSource{x.RecordKind, x.RecordID, x.Source}] = x
}

// find returns the ID of the record of a kind (within an account, for
// people and actions) that has the key in the source; a link (anySource)
// also takes the one record of another source that has it: an account
// list saved by hand carries the same IDs the CRM's contact export links
// to. A record's own key is only ever looked up in its source, so that
// keys of two unrelated spreadsheets (both numbering from 1) never make
// one record of two.
func (k *sourceKeys) find(kind model.Kind, accountID, source, key string, anySource bool) string {
	if key == "" {
		return ""
	}
	if len(k.of) == 0 {
		return "" // no keys yet: nothing to look up
	}
	scope := keyScope(kind, accountID)
	if id, ok := k.exact[keyAt{kind, scope, source, key}]; ok {
		return id
	}
	if ids := k.any[keyAt{kind, scope, "", key}]; anySource && len(ids) == 1 {
		return ids[0]
	}
	return ""
}

// keyOf is a record's key in a source, or "".
func (k *sourceKeys) keyOf(e model.Entity, source string) string {
	if x := k.of[recordSource{e.Kind(), e.EntityID(), source}]; x != nil {
		return x.Key
	}
	return ""
}

// set gives a record its key in a source, remembering the key record to
// write when it is new or changed.
func (k *sourceKeys) set(e model.Entity, source, key string) {
	if key == "" || source == "" {
		return
	}
	rk := recordSource{e.Kind(), e.EntityID(), source}
	old := k.of[rk]
	if old != nil && old.Key == key && old.AccountID == model.AccountOf(e) {
		return
	}
	x := &model.ExternalKey{ID: model.NewID(), AccountID: model.AccountOf(e), RecordKind: e.Kind(), RecordID: e.EntityID(), Source: source, Key: key}
	if old != nil {
		x.ID = old.ID
	}
	k.index(x)
	if i, ok := k.pos[rk]; ok {
		k.added[i] = x
		return
	}
	k.pos[rk] = len(k.added)
	k.added = append(k.added, x)
}

// keyed finds the record a row's own key names, in the version this
// import last wrote.
func (im *importer) keyed(kind model.Kind, accountID, key string) model.Entity {
	return im.byKey(kind, accountID, key, false)
}

// linked finds the record a link cell's key names (an AccountId, a
// WhatId, a ReportsToId).
func (im *importer) linked(kind model.Kind, accountID, key string) model.Entity {
	return im.byKey(kind, accountID, key, true)
}

func (im *importer) byKey(kind model.Kind, accountID, key string, anySource bool) model.Entity {
	id := im.keys.find(kind, accountID, im.source, key, anySource)
	if id == "" {
		return nil
	}
	if w, ok := im.written[model.PendingKey(kind, id)]; ok {
		return w
	}
	return im.p.Get(kind, id)
}

// accountOf resolves a link cell to an account: an account's key, or an
// opportunity's key (a task's WhatId may name either).
func (im *importer) accountOf(v string) *model.Account {
	if a, ok := im.linked(model.KindAccount, "", v).(*model.Account); ok {
		return a
	}
	if o, ok := im.linked(model.KindOpportunity, "", v).(*model.Opportunity); ok {
		if a, ok := im.written[model.PendingKey(model.KindAccount, o.AccountID)].(*model.Account); ok {
			return a
		}
		return im.p.Account(o.AccountID)
	}
	return nil
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
	// A workbook about one account (its overview sheet, an account plan's
	// form) names the account its other sheets are about.
	if a, sheet := im.describedAccount(); a != nil {
		if !im.describedNoted {
			im.describedNoted = true
			im.res.Notes = append(im.res.Notes, fmt.Sprintf("Rows that name no account go to %q, the account sheet %s describes; choose another account to import them into instead.", a.Name, sheet))
		}
		return a
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
	keyed := looksLikeID(name) && len(name) >= 6
	if keyed {
		a.Name = placeholderName(name)
	}
	if err := a.Validate(); err != nil {
		return nil
	}
	if keyed {
		im.keyedAccounts++
	} else {
		im.madeAccounts++
	}
	im.accounts[key(a.Name)] = a
	im.put(nil, a)
	if keyed {
		im.keys.set(a, im.source, name)
	}
	return a
}

// describedAccount is the one account the workbook's account sheets gave,
// in the version this import last wrote, and the sheet that gave it; nil
// when they gave none or several.
func (im *importer) describedAccount() (*model.Account, string) {
	if len(im.described) != 1 {
		return nil, ""
	}
	for id, sheet := range im.described {
		a, _ := im.written[model.PendingKey(model.KindAccount, id)].(*model.Account)
		return a, sheet
	}
	return nil, ""
}

// placeholderName names an account known only by a key until its own row
// gives its name.
func placeholderName(key string) string { return "Account " + key }

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
func (im *importer) match(k model.Kind, accountID, name, id string) model.Entity {
	var before model.Entity
	if id != "" {
		before = im.keyed(k, accountID, id)
	}
	if before == nil {
		before = im.existingNamed(k, accountID, name)
		if before != nil && !im.mayTakeKey(before, id) {
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

// mayTakeKey says whether a record found by its name may be the one a
// row with this key describes: it has no key in the sheet's source yet,
// or this one.
func (im *importer) mayTakeKey(e model.Entity, id string) bool {
	have := im.keys.keyOf(e, im.source)
	return id == "" || have == "" || have == id
}

// keySource names the system a sheet's keys come from, by the columns and
// values each vendor's export is documented to have; a sheet of no known
// system keys its records within its file ("file accounts.csv"), so that
// keys of two unrelated spreadsheets never meet.
func keySource(path string, headers []string, rows [][]string) string {
	h := make(map[string]bool, len(headers))
	dnm := false
	for _, x := range headers {
		h[normalise(x)] = true
		dnm = dnm || strings.HasPrefix(strings.ToLower(strings.TrimSpace(x)), "(do not modify)")
	}
	hasAny := func(names ...string) bool {
		for _, n := range names {
			if h[n] {
				return true
			}
		}
		return false
	}
	// Salesforce's data export names each file after its object.
	object := strings.ToLower(strings.TrimSuffix(filepath.Base(path), filepath.Ext(path)))
	switch {
	case dnm:
		return "Dynamics 365"
	case h["id"] && slices.Contains([]string{"account", "contact", "opportunity", "task", "event", "lead", "user", "case", "campaign", "opportunitycontactrole", "accountcontactrelation"}, object):
		return "Salesforce"
	case h["id"] && hasAny("isdeleted", "createdbyid", "lastmodifiedbyid", "systemmodstamp", "ownerid", "masterrecordid",
		"accountid", "recordtypeid", "reportstoid", "whatid", "whoid", "parentid"):
		return "Salesforce"
	case h["recordid"] && hasAny("createdate", "lifecyclestage", "contactowner", "companyowner", "dealowner", "associatedcompany",
		"lastactivitydate", "dealstage", "associatedcompanyids", "companydomainname"):
		return "HubSpot"
	case hasAny("organizationid", "personid", "dealid") && hasAny("dealtitle", "personname", "organizationname", "personorganization", "dealorganization"):
		return "Pipedrive"
	case h["issuekey"] || h["issueid"]:
		return "Jira"
	case h["cardid"] && hasAny("cardname", "listname", "boardname"):
		return "Trello"
	case h["taskid"] && hasAny("bucketname", "assignedto", "bucket"):
		return "Planner"
	case h["taskid"] && hasAny("sectioncolumn", "assigneeemail", "parenttask", "projects"):
		return "Asana"
	case hasAny("isacompany", "relatedcompany") || idValuesPrefixed(headers, rows, "__export__.", "base."):
		return "Odoo"
	case idValuesPrefixed(headers, rows, "zcrm_"):
		return "Zoho CRM"
	}
	return "file " + filepath.Base(path)
}

// idValuesPrefixed says whether an ID column's first values carry one of
// a system's prefixes (Odoo's "__export__.res_partner_12", Zoho's
// "zcrm_4876876000000412021").
func idValuesPrefixed(headers []string, rows [][]string, prefixes ...string) bool {
	for j, x := range headers {
		if n := normalise(x); n != "id" && n != "externalid" && n != "recordid" {
			continue
		}
		for i, r := range rows {
			if i == 20 {
				break
			}
			if j < len(r) {
				for _, p := range prefixes {
					if strings.HasPrefix(strings.TrimSpace(r[j]), p) {
						return true
					}
				}
			}
		}
	}
	return false
}
