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

// Version 11 keeps internal notes apart from their records: the upgrade
// moves them, the record's own column keeps none, and every later save
// keeps the two in step; in memory nothing differs.
func TestInternalNotesLiveApart(t *testing.T) {
	path := filepath.Join(t.TempDir(), "v10.orchard")
	v10 := fstest.MapFS{}
	for _, m := range migrations() {
		if m.version <= 10 {
			v10["migrations/"+m.name] = &fstest.MapFile{Data: []byte(m.sql)}
		}
	}
	migrationSource = v10
	t.Cleanup(func() { migrationSource = migrationFiles })
	s, err := Create(path, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{
		"INSERT INTO accounts(id, name, currency, notes, notes_internal) VALUES ('a1', 'Acme', 'EUR', 'Budget is frozen', 1)",
		"INSERT INTO accounts(id, name, currency, notes) VALUES ('a2', 'Globex', 'EUR', 'Met at the fair')",
		"INSERT INTO stakeholders(id, account_id, name, notes, notes_internal) VALUES ('s1', 'a1', 'Ann Lee', 'Leaving in spring', 1)",
	} {
		if _, err := s.db.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	s.Close()
	migrationSource = migrationFiles

	s, err = Open(path)
	if err != nil {
		t.Fatalf("opening a version 10 workspace: %v", err)
	}
	defer s.Close()
	raw := func(q string) string {
		t.Helper()
		var v string
		if err := s.db.QueryRow(q).Scan(&v); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
		return v
	}
	if got := raw("SELECT notes FROM accounts WHERE id = 'a1'"); got != "" {
		t.Errorf("the account's row still holds its internal note %q", got)
	}
	if got := raw("SELECT notes FROM internal_notes WHERE record_id = 's1'"); got != "Leaving in spring" {
		t.Errorf("the stakeholder's internal note moved as %q", got)
	}
	p, err := s.Load()
	if err != nil {
		t.Fatal(err)
	}
	if p.Account("a1").Notes != "Budget is frozen" || p.Account("a2").Notes != "Met at the fair" || p.Get(model.KindStakeholder, "s1").(*model.Stakeholder).Notes != "Leaving in spring" {
		t.Errorf("notes after the upgrade: %q %q %q", p.Account("a1").Notes, p.Account("a2").Notes, p.Get(model.KindStakeholder, "s1").(*model.Stakeholder).Notes)
	}
	// Marked shareable, the note goes back into its row and leaves no copy.
	a := model.Clone(p.Account("a1")).(*model.Account)
	a.NotesInternal = false
	g := model.Clone(p.Account("a2")).(*model.Account)
	g.NotesInternal, g.Notes = true, "Competitor is cheaper"
	if err := s.Write(Batch{Puts: []model.Entity{a, g}}); err != nil {
		t.Fatal(err)
	}
	if got := raw("SELECT notes FROM accounts WHERE id = 'a1'"); got != "Budget is frozen" {
		t.Errorf("a shared note's row holds %q", got)
	}
	if got := raw("SELECT count(*) FROM internal_notes WHERE record_id IN ('a1', 'a2')"); got != "1" {
		t.Errorf("%s internal notes for the two accounts, want Globex's one", got)
	}
	if got := raw("SELECT notes FROM accounts WHERE id = 'a2'"); got != "" {
		t.Errorf("a note made internal stays in its row: %q", got)
	}
	if err := s.Write(Batch{Deletes: []model.Entity{p.Get(model.KindStakeholder, "s1").(*model.Stakeholder)}}); err != nil {
		t.Fatal(err)
	}
	if got := raw("SELECT count(*) FROM internal_notes WHERE record_id = 's1'"); got != "0" {
		t.Error("a deleted stakeholder's internal note stays behind")
	}
	p, _ = s.Load()
	if p.Account("a2").Notes != "Competitor is cheaper" {
		t.Errorf("Globex's note reads back as %q", p.Account("a2").Notes)
	}
}
