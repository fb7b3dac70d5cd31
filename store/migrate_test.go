package store

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"orchard/model"
)

// TestUpgradeTakesCopyFirst rehearses the next release: a file made with the
// current schema is opened by an Orchard that knows one more migration.
func TestUpgradeTakesCopyFirst(t *testing.T) {
	path := filepath.Join(t.TempDir(), "old.orchard")
	s, err := Create(path)
	if err != nil {
		t.Fatal(err)
	}
	acc := &model.Account{ID: "a1", Name: "Acme", Currency: "EUR", Revenue: 5_000_00}
	if err := s.Write(Batch{Puts: []model.Entity{acc}}); err != nil {
		t.Fatal(err)
	}
	s.Close()
	old, _ := os.ReadFile(path)

	current := LatestVersion()
	next := fstest.MapFS{}
	for _, m := range migrations() {
		next["migrations/"+m.name] = &fstest.MapFile{Data: []byte(m.sql)}
	}
	next["migrations/999_add_tags.sql"] = &fstest.MapFile{Data: []byte("ALTER TABLE accounts ADD COLUMN tags TEXT NOT NULL DEFAULT '';")}
	migrationSource = next
	t.Cleanup(func() { migrationSource = migrationFiles })

	s, err = Open(path)
	if err != nil {
		t.Fatalf("upgrade failed: %v", err)
	}
	defer s.Close()
	if s.SchemaVersion() != 999 {
		t.Errorf("schema version after upgrade = %d, want 999", s.SchemaVersion())
	}
	if s.BackupPath() == "" || !strings.Contains(s.BackupPath(), "v"+strconv.Itoa(current)) {
		t.Fatalf("backup path %q should name the old version", s.BackupPath())
	}
	backup, err := os.ReadFile(s.BackupPath())
	if err != nil {
		t.Fatalf("no backup was taken: %v", err)
	}
	if string(backup) != string(old) {
		t.Error("the backup differs from the file before the upgrade")
	}
	p, err := s.Load()
	if err != nil || p.Account("a1") == nil || p.Account("a1").Revenue != 5_000_00 {
		t.Errorf("data lost in the upgrade: %v", err)
	}
	var tags string
	if err := s.db.QueryRow("SELECT tags FROM accounts WHERE id = 'a1'").Scan(&tags); err != nil {
		t.Errorf("the new migration did not run: %v", err)
	}
}
