package store_test

import (
	"crypto/sha256"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"orchard/assets/sample"
	"orchard/internal/pgtest"
	"orchard/model"
	"orchard/store"

	_ "modernc.org/sqlite"
)

var today = time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC)

func newSampleFile(t testing.TB) (string, model.Settings, []model.Entity) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "sample.orchard")
	s, err := store.Create(path, nil)
	if err != nil {
		t.Fatal(err)
	}
	return fill(t, s, path)
}

// newSample is newSampleFile on the suite's backend: a file, or a new
// database on a PostgreSQL server when test.sh runs the suite again with
// ORCHARD_TEST_BACKEND=postgres.
func newSample(t testing.TB) (string, model.Settings, []model.Entity) {
	t.Helper()
	if !onServer {
		return newSampleFile(t)
	}
	url := pgtest.Database(t)
	s, err := store.Open(url)
	if err != nil {
		t.Fatal(err)
	}
	return fill(t, s, url)
}

func fill(t testing.TB, s *store.Store, path string) (string, model.Settings, []model.Entity) {
	t.Helper()
	settings, records := sample.Build(today)
	if err := s.Write(store.Batch{Puts: records, Settings: &settings}); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	return path, settings, records
}

var onServer = os.Getenv("ORCHARD_TEST_BACKEND") == "postgres"

func TestMain(m *testing.M) {
	code := m.Run()
	pgtest.StopShared()
	os.Exit(code)
}

func TestEveryRecordSurvivesReopen(t *testing.T) {
	path, settings, records := newSample(t)
	s, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	p, err := s.Load()
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(p.Settings, settings) {
		t.Errorf("settings after reopen = %+v, want %+v", p.Settings, settings)
	}
	kinds := map[model.Kind]bool{}
	for _, want := range records {
		kinds[want.Kind()] = true
		got := p.Get(want.Kind(), want.EntityID())
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("%s after reopen:\n got %+v\nwant %+v", model.Describe(want), got, want)
		}
	}
	if len(kinds) != len(model.Kinds) {
		t.Errorf("the sample covers %d of %d record kinds; the round trip must test them all", len(kinds), len(model.Kinds))
	}
	if s.SchemaVersion() != store.LatestVersion() {
		t.Errorf("schema version %d, want %d", s.SchemaVersion(), store.LatestVersion())
	}
}

func TestWriteIsAllOrNothing(t *testing.T) {
	path, _, _ := newSample(t)
	s, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	before, _ := s.Load()
	good := &model.Account{ID: "new", Name: "Fresh", Currency: "EUR"}
	orphan := &model.Stakeholder{ID: "orphan", AccountID: "no-such-account", Name: "Nobody"}
	if err := s.Write(store.Batch{Puts: []model.Entity{good, orphan}}); err == nil {
		t.Fatal("a batch with a dangling reference was accepted")
	}
	after, _ := s.Load()
	if after.Get(model.KindAccount, "new") != nil {
		t.Error("the good half of a failed batch was saved")
	}
	if after.Count(model.KindAccount) != before.Count(model.KindAccount) {
		t.Error("account count changed after a failed batch")
	}
}

func TestDeleteAndRestoreTree(t *testing.T) {
	path, _, records := newSample(t)
	s, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	p, _ := s.Load()
	var planned *model.Account
	for _, a := range p.Accounts() {
		if a.Name == sample.PlannedAccounts[0] {
			planned = a
		}
	}
	tree := append(p.Dependents(planned), planned)
	if err := s.Write(store.Batch{Deletes: tree}); err != nil {
		t.Fatalf("deleting an account with its records: %v", err)
	}
	gone, _ := s.Load()
	if len(gone.OfAccount(model.KindAction, planned.ID)) != 0 {
		t.Fatal("actions of a deleted account remain")
	}
	// Restoring in reverse order (parents first) must also work.
	var restore []model.Entity
	for i := len(tree) - 1; i >= 0; i-- {
		restore = append(restore, tree[i])
	}
	if err := s.Write(store.Batch{Puts: restore}); err != nil {
		t.Fatalf("restoring: %v", err)
	}
	back, _ := s.Load()
	for _, r := range records {
		if !reflect.DeepEqual(back.Get(r.Kind(), r.EntityID()), r) {
			t.Fatalf("%s not restored exactly", model.Describe(r))
		}
	}
}

func fileHash(t *testing.T, path string) [32]byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return sha256.Sum256(b)
}

func TestBadFilesAreRefusedUnchanged(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	good, _, _ := newSampleFile(t)
	full, _ := os.ReadFile(good)

	otherDB := filepath.Join(dir, "other.sqlite")
	db, err := sql.Open("sqlite", otherDB)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec("CREATE TABLE notes(x TEXT); INSERT INTO notes VALUES ('hi')"); err != nil {
		t.Fatal(err)
	}
	db.Close()

	tests := []struct {
		name, path, want string
	}{
		{"text file", write("notes.orchard", []byte("Account plan for Acme\nCall the CFO\n")), "a text file"},
		{"xlsx workbook", write("plan.orchard", append([]byte("PK\x03\x04"), make([]byte, 200)...)), "ZIP archive"},
		{"empty file", write("empty.orchard", nil), "empty"},
		{"truncated workspace", write("cut.orchard", full[:len(full)/3]), "truncated"},
		{"another program's database", otherDB, "another program"},
		{"missing file", filepath.Join(dir, "nope.orchard"), "no such file"},
		{"folder", dir, "folder"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var before [32]byte
			info, statErr := os.Stat(tt.path)
			isFile := statErr == nil && !info.IsDir()
			if isFile {
				before = fileHash(t, tt.path)
			}
			s, err := store.Open(tt.path)
			if err == nil {
				s.Close()
				t.Fatal("Open accepted it")
			}
			if !strings.Contains(err.Error(), tt.want) || !strings.Contains(err.Error(), filepath.Base(tt.path)) {
				t.Errorf("error %q should name the file and say %q", err, tt.want)
			}
			if isFile && fileHash(t, tt.path) != before {
				t.Error("the refused file was changed")
			}
			for _, side := range []string{"-wal", "-shm"} {
				if _, err := os.Stat(tt.path + side); err == nil {
					t.Errorf("opening left a %s file beside it", side)
				}
			}
		})
	}
}

func TestNewerSchemaIsRefused(t *testing.T) {
	path, _, _ := newSampleFile(t)
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec("INSERT INTO schema_migrations(version, name, applied) VALUES (99, '099_future.sql', '2030-01-01T00:00:00Z')"); err != nil {
		t.Fatal(err)
	}
	db.Close()
	before := fileHash(t, path)
	_, err = store.Open(path)
	if err == nil {
		t.Fatal("a workspace from a newer Orchard was opened")
	}
	for _, want := range []string{"newer Orchard", "version 99", fmt.Sprintf("up to version %d", store.LatestVersion())} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q should say %q", err, want)
		}
	}
	if fileHash(t, path) != before {
		t.Error("the refused file was changed")
	}
}

func TestReadOnlyWorkspaceOpensForViewing(t *testing.T) {
	path, _, records := newSampleFile(t)
	if err := os.Chmod(path, 0o444); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(path, 0o644) })
	before := fileHash(t, path)
	s, err := store.Open(path)
	if err != nil {
		t.Fatalf("a read-only workspace should open for viewing: %v", err)
	}
	defer s.Close()
	if !s.ReadOnly() {
		t.Fatal("ReadOnly() = false for a read-only file")
	}
	p, err := s.Load()
	if err != nil || p.Count(model.KindAccount) == 0 {
		t.Fatalf("loading read-only workspace: %v, %d accounts", err, p.Count(model.KindAccount))
	}
	err = s.Write(store.Batch{Puts: []model.Entity{records[len(records)-1]}})
	if !errors.Is(err, store.ErrReadOnly) {
		t.Errorf("Write on read-only = %v, want ErrReadOnly", err)
	}
	if fileHash(t, path) != before {
		t.Error("the read-only file was changed")
	}
}

func TestCreateRefusesExistingFile(t *testing.T) {
	path, _, _ := newSampleFile(t)
	before := fileHash(t, path)
	if _, err := store.Create(path, nil); err == nil || !strings.Contains(err.Error(), "already exists") {
		t.Errorf("Create over an existing file = %v, want 'already exists'", err)
	}
	if fileHash(t, path) != before {
		t.Error("Create changed the existing file")
	}
}

func TestSaveCopy(t *testing.T) {
	path, _, records := newSample(t)
	s, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	copyPath := filepath.Join(t.TempDir(), "copy.orchard")
	if err := s.SaveCopy(copyPath); err != nil {
		t.Fatal(err)
	}
	c, err := store.Open(copyPath)
	if err != nil {
		t.Fatalf("the copy does not open: %v", err)
	}
	defer c.Close()
	p, _ := c.Load()
	total := 0
	for _, k := range model.Kinds {
		total += p.Count(k)
	}
	if total != len(records) {
		t.Errorf("copy holds %d records, want %d", total, len(records))
	}
}
