package store_test

import (
	"errors"
	"reflect"
	"testing"

	"orchard/assets/sample"
	"orchard/internal/pgtest"
	"orchard/model"
	"orchard/store"
)

// Every record and the settings survive a team workspace on a server as
// they do a file, and a save made against an older change count is refused.
func TestEveryRecordSurvivesTheServer(t *testing.T) {
	url := pgtest.Start(t)
	s, err := store.Open(url)
	if err != nil {
		t.Fatal(err)
	}
	settings, records := sample.Build(today)
	if err := s.Write(store.Batch{Puts: records, Settings: &settings}); err != nil {
		t.Fatal(err)
	}
	s.Close()
	s, err = store.Open(url)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	p, seq, err := s.Snapshot()
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(p.Settings, settings) {
		t.Errorf("settings = %+v, want %+v", p.Settings, settings)
	}
	for _, want := range records {
		if got := p.Get(want.Kind(), want.EntityID()); !reflect.DeepEqual(got, want) {
			t.Fatalf("%s on the server:\n got %+v\nwant %+v", model.Describe(want), got, want)
		}
	}
	a := model.Clone(p.Accounts()[0]).(*model.Account)
	a.Revenue = 98_765_432_100_00 // beyond 32 bits in minor units
	if _, err := s.WriteIf(store.Batch{Puts: []model.Entity{a}}, seq); err != nil {
		t.Fatal(err)
	}
	if _, err := s.WriteIf(store.Batch{Puts: []model.Entity{a}}, seq); !errors.Is(err, store.ErrStale) {
		t.Errorf("a save against an older change count: %v, want ErrStale", err)
	}
	q, err := s.Load()
	if err != nil {
		t.Fatal(err)
	}
	if got := q.Account(a.ID).Revenue; got != a.Revenue {
		t.Errorf("revenue %v, want %v", got, a.Revenue)
	}
}
