package store_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"orchard/internal/pgtest"
	"orchard/model"
	"orchard/store"
)

// A team workspace a newer Orchard has upgraded is refused with a message
// that says so, and left as it was.
func TestServerRefusesANewerSchema(t *testing.T) {
	srv := pgtest.New(t)
	s, err := store.Open(srv.URL)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	db := srv.DB(t)
	if _, err := db.Exec("INSERT INTO schema_migrations(version, name, applied) VALUES (99, '099_future.sql', '2030-01-01T00:00:00Z')"); err != nil {
		t.Fatal(err)
	}
	_, err = store.Open(srv.URL)
	if err == nil || !strings.Contains(err.Error(), "newer Orchard") || !strings.Contains(err.Error(), "version 99") {
		t.Fatalf("opening a newer team workspace: %v", err)
	}
	var n int
	if err := db.QueryRow("SELECT count(*) FROM schema_migrations WHERE version = 99").Scan(&n); err != nil || n != 1 {
		t.Errorf("the refused workspace was changed: %v, %d", err, n)
	}
}

// A connection dropped in the middle of saving an import leaves the team
// workspace as it was before the import, and says what happened.
func TestDroppedConnectionMidImportSavesNothing(t *testing.T) {
	srv := pgtest.New(t)
	s, err := store.Open(srv.URL)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	first := &model.Account{ID: "kept", Name: "Kept", Currency: "EUR"}
	if err := s.Write(store.Batch{Puts: []model.Entity{first}}); err != nil {
		t.Fatal(err)
	}
	var big []model.Entity
	for i := range 30000 {
		big = append(big, &model.Account{ID: fmt.Sprintf("imp-%d", i), Name: fmt.Sprintf("Imported %d", i), Currency: "EUR"})
	}
	done := make(chan error, 1)
	go func() { done <- s.Write(store.Batch{Puts: big}) }()
	admin := srv.DB(t)
	var err2 error
	deadline := time.Now().Add(20 * time.Second)
	cut := false
	for !cut && time.Now().Before(deadline) {
		// The import's connection, once it has written some of the rows.
		var n int
		err2 = admin.QueryRow(`SELECT count(*) FROM (SELECT pg_terminate_backend(pid) FROM pg_stat_activity
			WHERE datname = current_database() AND pid <> pg_backend_pid() AND state = 'active' AND query LIKE 'INSERT INTO record_changes%') x`).Scan(&n)
		cut = err2 == nil && n > 0
		if !cut {
			time.Sleep(5 * time.Millisecond)
		}
	}
	if !cut {
		t.Fatalf("the import's connection was never caught mid-save (%v)", err2)
	}
	err = <-done
	if err == nil {
		t.Fatal("the import whose connection was dropped reported success")
	}
	if !strings.Contains(err.Error(), "nothing was saved") {
		t.Errorf("the failed import says %q; it should say nothing was saved", err)
	}
	var count int
	if err := admin.QueryRow("SELECT count(*) FROM accounts").Scan(&count); err != nil || count != 1 {
		t.Errorf("after the dropped import the workspace holds %d accounts (%v), want the 1 from before", count, err)
	}
	// The store goes on working on a new connection.
	again := &model.Account{ID: "after", Name: "After", Currency: "EUR"}
	if err := s.Write(store.Batch{Puts: []model.Entity{again}}); err != nil {
		t.Errorf("saving after the dropped connection: %v", err)
	}
}
