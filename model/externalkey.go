package model

// ExternalKey is a record's ID in a system it was imported from: a CRM
// export's Id column, a planning sheet's key column. A record may carry one
// key per source (its Salesforce ID and its HubSpot ID), so that links
// between the files of one export resolve and a re-import updates the
// record it made instead of adding another.
type ExternalKey struct {
	ID string
	// AccountID is the account the keyed record belongs to (the account
	// itself for an account's key, "" for a team member), so that the keys
	// go with the account.
	AccountID  string
	RecordKind Kind
	RecordID   string
	// Source names the system: "Salesforce", "Dynamics 365", "HubSpot",
	// or "file NAME" for a spreadsheet of no known system.
	Source string
	Key    string
}

// KeyedKinds are the kinds of record an external key may name.
var KeyedKinds = []Kind{KindAccount, KindTeamMember, KindStakeholder, KindOpportunity, KindAction}

func (k *ExternalKey) EntityID() string  { return k.ID }
func (k *ExternalKey) Kind() Kind        { return KindExternalKey }
func (k *ExternalKey) accountID() string { return k.AccountID }

func (k *ExternalKey) Validate() error {
	c := checker{record: "external key"}
	c.required("id", k.ID)
	c.required("record", k.RecordID)
	c.required("source", k.Source)
	c.required("key", k.Key)
	names := make([]string, len(KeyedKinds))
	for i, kk := range KeyedKinds {
		names[i] = string(kk)
	}
	c.oneOf("record kind", string(k.RecordKind), names)
	c.maxLen("source", k.Source, 200)
	c.maxLen("key", k.Key, 500)
	return c.err()
}

// KeysOf returns the external keys of a record, sorted by ID.
func (p *Portfolio) KeysOf(e Entity) []*ExternalKey {
	if e.Kind() == KindExternalKey {
		return nil
	}
	acc := AccountOf(e)
	var out []*ExternalKey
	for _, x := range p.OfAccount(KindExternalKey, acc) {
		if k := x.(*ExternalKey); k.RecordKind == e.Kind() && k.RecordID == e.EntityID() {
			out = append(out, k)
		}
	}
	return out
}

// KeyOf is a record's key in a source ("" for its key in any source, the
// first by source name), or "".
func (p *Portfolio) KeyOf(e Entity, source string) string {
	best := ""
	bestSource := ""
	for _, k := range p.KeysOf(e) {
		if k.Source == source {
			return k.Key
		}
		if source == "" && (best == "" || k.Source < bestSource) {
			best, bestSource = k.Key, k.Source
		}
	}
	return best
}
