package model

import (
	"reflect"
	"testing"
)

// What two people changed in one record is named in words, and one
// person's changes can be laid over the other's version.
func TestChangedFieldsAndWithFields(t *testing.T) {
	base := &Account{ID: "a", Name: "Acme", Revenue: 100, Owner: "Ann"}
	theirs := &Account{ID: "a", Name: "Acme", Revenue: 250, Owner: "Ann", Notes: "renewal"}
	mine := &Account{ID: "a", Name: "Acme Corp", Revenue: 100, Owner: "Ann"}
	if got := ChangedFields(base, theirs); !reflect.DeepEqual(got, []string{"Revenue", "Notes"}) {
		t.Errorf("their changes = %v", got)
	}
	if got := FieldLabels(ChangedFields(base, theirs)); got != "revenue and notes" {
		t.Errorf("their changes in words = %q", got)
	}
	if got := FieldLabels([]string{"PrevRevenue", "Placed", "PlaceX", "Owner"}); got != "previous revenue, position on the quadrant and owner" {
		t.Errorf("labels = %q", got)
	}
	merged := WithFields(theirs, mine, ChangedFields(base, mine)).(*Account)
	if merged.Name != "Acme Corp" || merged.Revenue != 250 || merged.Notes != "renewal" {
		t.Errorf("my name laid over their version = %+v", merged)
	}
	if theirs.Name != "Acme" {
		t.Error("WithFields changed the version it was laid over")
	}
	if got := ChangedFields(base, base); len(got) != 0 {
		t.Errorf("a record differs from itself in %v", got)
	}
	if got := ChangedFields(nil, &Goal{Title: "x"}); len(got) == 0 {
		t.Error("a new record names no fields")
	}
}
