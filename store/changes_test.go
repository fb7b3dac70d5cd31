package store_test

import (
	"testing"

	"orchard/model"
	"orchard/store"
)

// Every save raises the record's version and says who made it; a delete is
// counted too, so that a later edit against the record knows it went.
func TestWritesCountVersionsAndAuthors(t *testing.T) {
	path, _, _ := newSample(t)
	s, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	s.SetAuthor("Ann Lee")
	acc := &model.Account{ID: "a1", Name: "Acme", Currency: "EUR"} // not in the sample
	for i := 0; i < 2; i++ {
		if err := s.Write(store.Batch{Puts: []model.Entity{acc}}); err != nil {
			t.Fatal(err)
		}
	}
	c, err := s.LastChange(model.KindAccount, "a1")
	if err != nil || c.Version != 2 || c.By != "Ann Lee" || c.At.IsZero() || c.Deleted {
		t.Fatalf("after two saves: %+v, %v; want version 2 by Ann Lee", c, err)
	}
	s.SetAuthor("Dee Ray")
	if err := s.Write(store.Batch{Deletes: []model.Entity{acc}}); err != nil {
		t.Fatal(err)
	}
	if c, _ = s.LastChange(model.KindAccount, "a1"); c.Version != 3 || c.By != "Dee Ray" || !c.Deleted {
		t.Errorf("after the delete: %+v; want version 3, deleted by Dee Ray", c)
	}
	settings := model.DefaultSettings()
	if err := s.Write(store.Batch{Settings: &settings}); err != nil {
		t.Fatal(err)
	}
	if c, _ = s.LastChange(store.SettingsKind, "settings"); c.Version != 2 || c.By != "Dee Ray" {
		t.Errorf("the settings' version after the sample's and one change = %+v, want 2 by Dee Ray", c)
	}
	if c, _ = s.LastChange(model.KindGoal, "never-saved"); c.Version != 0 {
		t.Errorf("a record never saved has version %d", c.Version)
	}
}

// On a team workspace the versions name the signed-in person, and a
// manager's save of their own account counts although they cannot read
// other accounts' versions.
func TestServerVersionsNameTheSignedInPerson(t *testing.T) {
	ts := newTeamServer(t)
	ann := ts.open(t, "ann")
	p, err := ann.Load()
	if err != nil {
		t.Fatal(err)
	}
	acme := *p.Account("acme")
	acme.Revenue += 100
	if err := ann.Write(store.Batch{Puts: []model.Entity{&acme}}); err != nil {
		t.Fatal(err)
	}
	c, err := ts.owner.LastChange(model.KindAccount, "acme")
	if err != nil || c.By != "Ann Lee" || c.Version < 2 {
		t.Errorf("the owner reads Acme's last change as %+v, %v; want a second version by Ann Lee", c, err)
	}
	if c, err := ann.LastChange(model.KindAccount, "bolt"); err != nil || c.Version != 0 {
		t.Errorf("Ann reads Bolt's version as %+v, %v; want nothing", c, err)
	}
}
