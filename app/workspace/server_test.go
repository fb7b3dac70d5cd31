package workspace_test

import (
	"errors"
	"testing"
	"time"

	"orchard/app/workspace"
	"orchard/assets/sample"
	"orchard/internal/pgtest"
	"orchard/model"
	"orchard/store"
)

// Two people on one team workspace: an edit made against a record someone
// else changed meanwhile is refused and the newer record shown; an edit to
// another record goes through; neither loses the other's change.
func TestTeamWorkspaceLosesNoUpdate(t *testing.T) {
	url := pgtest.Start(t)
	st, err := store.Open(url)
	if err != nil {
		t.Fatal(err)
	}
	settings, records := sample.Build(time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC))
	if err := st.Write(store.Batch{Puts: records, Settings: &settings}); err != nil {
		t.Fatal(err)
	}
	st.Close()
	ann, err := workspace.Open(url)
	if err != nil {
		t.Fatal(err)
	}
	defer ann.Close()
	bo, err := workspace.Open(url)
	if err != nil {
		t.Fatal(err)
	}
	defer bo.Close()
	accounts := ann.Portfolio().Accounts()
	first, second := accounts[0].ID, accounts[1].ID

	a := model.Clone(ann.Portfolio().Account(first)).(*model.Account)
	a.Region = "Ann's region"
	if err := ann.Save(a); err != nil {
		t.Fatal(err)
	}
	b := model.Clone(bo.Portfolio().Account(first)).(*model.Account) // Bo still sees the old record
	b.Region = "Bo's region"
	if err := bo.Save(b); !errors.Is(err, workspace.ErrConflict) {
		t.Fatalf("Bo's edit of the record Ann changed: %v, want a conflict", err)
	}
	if got := bo.Portfolio().Account(first).Region; got != "Ann's region" {
		t.Errorf("after the conflict Bo sees %q, want Ann's change", got)
	}
	c := model.Clone(bo.Portfolio().Account(second)).(*model.Account)
	c.Region = "Bo's other region"
	if err := bo.Save(c); err != nil {
		t.Fatalf("Bo's edit of another record: %v", err)
	}
	if _, err := ann.Refresh(); err != nil {
		t.Fatal(err)
	}
	if ann.Portfolio().Account(first).Region != "Ann's region" || ann.Portfolio().Account(second).Region != "Bo's other region" {
		t.Error("one of the two changes was lost")
	}
}
