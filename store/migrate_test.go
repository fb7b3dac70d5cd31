package store

import (
	"database/sql"
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
	s, err := Create(path, nil)
	if err != nil {
		t.Fatal(err)
	}
	acc := &model.Account{ID: "a1", Name: "Acme", Currency: "EUR", Revenue: 5_000_00}
	if err := s.Write(Batch{Puts: []model.Entity{acc}}); err != nil {
		t.Fatal(err)
	}
	s.Close()

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
	backup, err := sql.Open("sqlite", dsn(s.BackupPath(), readFileAlone))
	if err != nil {
		t.Fatalf("no backup was taken: %v", err)
	}
	defer backup.Close()
	var version, revenue int
	if err := backup.QueryRow("SELECT MAX(version) FROM schema_migrations").Scan(&version); err != nil || version != current {
		t.Errorf("the backup has schema version %d (%v), want the version before the upgrade, %d", version, err, current)
	}
	if err := backup.QueryRow("SELECT revenue FROM accounts WHERE id = 'a1'").Scan(&revenue); err != nil || revenue != 5_000_00 {
		t.Errorf("the backup lost the account: revenue %d, %v", revenue, err)
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

// TestUpgradeFromVersion1 opens a workspace written by the first release
// (schema 1, no position marks) and checks it is upgraded without loss.
func TestUpgradeFromVersion1(t *testing.T) {
	path := filepath.Join(t.TempDir(), "v1.orchard")
	v1 := fstest.MapFS{}
	for _, m := range migrations() {
		if m.version == 1 {
			v1["migrations/"+m.name] = &fstest.MapFile{Data: []byte(m.sql)}
		}
	}
	migrationSource = v1
	t.Cleanup(func() { migrationSource = migrationFiles })
	s, err := Create(path, nil)
	if err != nil {
		t.Fatal(err)
	}
	// Written as the first release wrote it: its columns only.
	if _, err := s.db.Exec("INSERT INTO accounts(id, name, currency, revenue) VALUES ('a1', 'Acme', 'EUR', 700000)"); err != nil {
		t.Fatal(err)
	}
	s.Close()
	migrationSource = migrationFiles

	s, err = Open(path)
	if err != nil {
		t.Fatalf("opening a version 1 workspace: %v", err)
	}
	defer s.Close()
	if s.SchemaVersion() != LatestVersion() || s.BackupPath() == "" {
		t.Errorf("version %d backup %q after upgrade", s.SchemaVersion(), s.BackupPath())
	}
	mark := &model.PositionMark{ID: "m1", AccountID: "a1", Date: parseDate("2025-12-01"), Label: "FY2025", X: 40, Y: 70}
	if err := s.Write(Batch{Puts: []model.Entity{mark}}); err != nil {
		t.Fatalf("the upgraded file cannot hold position marks: %v", err)
	}
	p, err := s.Load()
	if err != nil || p.Account("a1") == nil || len(p.Trail("a1")) != 1 {
		t.Errorf("after upgrade: %v, account %v, trail %v", err, p.Account("a1"), p.Trail("a1"))
	}
}

// A workspace of version 9 kept one source key per record in a column;
// the upgrade moves each into the table of external keys, its records
// unchanged.
func TestUpgradeMovesSourceKeysIntoTheirTable(t *testing.T) {
	path := filepath.Join(t.TempDir(), "v9.orchard")
	v9 := fstest.MapFS{}
	for _, m := range migrations() {
		if m.version <= 9 {
			v9["migrations/"+m.name] = &fstest.MapFile{Data: []byte(m.sql)}
		}
	}
	migrationSource = v9
	t.Cleanup(func() { migrationSource = migrationFiles })
	s, err := Create(path, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{
		"INSERT INTO accounts(id, name, currency, revenue, source_key) VALUES ('a1', 'Acme', 'EUR', 700000, '001A1')",
		"INSERT INTO accounts(id, name, currency, revenue) VALUES ('a2', 'Globex', 'EUR', 1000)",
		"INSERT INTO stakeholders(id, account_id, name, source_key) VALUES ('s1', 'a1', 'Ann Lee', '003C1')",
		"INSERT INTO team_members(id, name, function, source_key) VALUES ('m1', 'Kim Park', 'sales', 'E7')",
	} {
		if _, err := s.db.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	s.Close()
	migrationSource = migrationFiles

	s, err = Open(path)
	if err != nil {
		t.Fatalf("opening a version 9 workspace: %v", err)
	}
	defer s.Close()
	p, err := s.Load()
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"a1": "001A1", "s1": "003C1", "m1": "E7", "a2": ""}
	for id, key := range want {
		var e model.Entity
		for _, k := range []model.Kind{model.KindAccount, model.KindStakeholder, model.KindTeamMember} {
			if x := p.Get(k, id); x != nil {
				e = x
			}
		}
		if e == nil {
			t.Fatalf("record %s lost in the upgrade", id)
		}
		if got := p.KeyOf(e, "Imported"); got != key {
			t.Errorf("%s: key %q after the upgrade, want %q", model.Describe(e), got, key)
		}
	}
	if n := p.Count(model.KindExternalKey); n != 3 {
		t.Errorf("%d external keys, want 3", n)
	}
}
