package store

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/binary"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"orchard/model"
)

// crashState builds a workspace at path as a process killed before its
// journal was written back leaves it: the main file as SQLite left it and
// a -wal holding every committed change. It copies the file and its journal
// while the writing connection is still open and has not checkpointed,
// which is exactly what a kill at that moment leaves on disk.
func crashState(t *testing.T, path string, accounts int, before func(db *sql.DB)) {
	t.Helper()
	live := filepath.Join(t.TempDir(), "live.orchard")
	u := dsn(live, readWrite) + "&_pragma=wal_autocheckpoint(0)"
	db, err := sql.Open("sqlite", u)
	if err != nil {
		t.Fatal(err)
	}
	db.SetMaxOpenConns(1)
	s := &Store{db: db, path: live}
	if err := s.migrate(context.Background()); err != nil {
		t.Fatal(err)
	}
	if before != nil {
		before(db)
	}
	var puts []model.Entity
	for i := range accounts {
		puts = append(puts, &model.Account{ID: fmt.Sprintf("a%05d", i), Name: fmt.Sprintf("Account %05d", i), Currency: "EUR", Revenue: model.Money(i) * 100})
	}
	if err := s.Write(Batch{Puts: puts}); err != nil {
		t.Fatal(err)
	}
	copyBytes(t, live, path)
	copyBytes(t, live+"-wal", path+"-wal")
	db.Close()
}

func copyBytes(t *testing.T, from, to string) {
	t.Helper()
	in, err := os.Open(from)
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	out, err := os.Create(to)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.Copy(out, in); err != nil {
		t.Fatal(err)
	}
	out.Close()
}

func hashOf(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		return "absent"
	}
	return fmt.Sprintf("%x", sha256.Sum256(b))
}

func accountCount(t *testing.T, s *Store) int {
	t.Helper()
	p, err := s.Load()
	if err != nil {
		t.Fatal(err)
	}
	return p.Count(model.KindAccount)
}

// A workspace whose every page is still in the journal (killed right after
// it was created, before the first write-back) opens with all it holds.
func TestHotJournalIsRecoveredNotRefused(t *testing.T) {
	path := filepath.Join(t.TempDir(), "w.orchard")
	crashState(t, path, 3000, nil)
	s, err := Open(path)
	if err != nil {
		t.Fatalf("a workspace with a hot journal was refused: %v", err)
	}
	defer s.Close()
	if n := accountCount(t, s); n != 3000 {
		t.Errorf("after recovery %d accounts, want 3000", n)
	}
}

// Killed during write-back: page 1 (with the new page count) has reached
// the file, the pages after it have not. The file alone looks truncated; with
// its journal it is whole.
func TestKilledDuringWriteBackIsRecovered(t *testing.T) {
	path := filepath.Join(t.TempDir(), "w.orchard")
	crashState(t, path, 3000, nil)
	w, err := readWAL(path)
	if err != nil || w.pageOne == nil {
		t.Fatalf("the journal should hold page 1: %v", err)
	}
	// Write back the newest page 1 whole, as a checkpoint does first.
	page := lastPageOne(t, path+"-wal", w.pageSize)
	f, err := os.OpenFile(path, os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	f.WriteAt(page, 0)
	f.Close()
	if err := sniff(path, walFile{}); err == nil || !strings.Contains(err.Error(), "truncated") {
		t.Fatalf("the file alone should look truncated, got %v", err)
	}
	s, err := Open(path)
	if err != nil {
		t.Fatalf("refused after a write-back was cut short: %v", err)
	}
	defer s.Close()
	if n := accountCount(t, s); n != 3000 {
		t.Errorf("after recovery %d accounts, want 3000", n)
	}
}

// lastPageOne returns the last image of page 1 in a journal.
func lastPageOne(t *testing.T, wal string, pageSize int) []byte {
	t.Helper()
	b, err := os.ReadFile(wal)
	if err != nil {
		t.Fatal(err)
	}
	var page []byte
	for off := walHeaderSize; off+walFrameHeaderSize+pageSize <= len(b); off += walFrameHeaderSize + pageSize {
		if binary.BigEndian.Uint32(b[off:]) == 1 {
			page = b[off+walFrameHeaderSize : off+walFrameHeaderSize+pageSize]
		}
	}
	return page
}

// The read-only view of a workspace with a hot journal shows what the
// journal holds, and changes neither file.
func TestReadOnlyViewReadsTheJournal(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "w.orchard")
	crashState(t, path, 500, nil)
	os.Chmod(path, 0o444)
	t.Cleanup(func() { os.Chmod(path, 0o644) })
	main, wal := hashOf(t, path), hashOf(t, path+"-wal")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if !s.ReadOnly() {
		t.Skip("the file is writable for this user (running as root): nothing to check")
	}
	if n := accountCount(t, s); n != 500 {
		t.Errorf("the read-only view shows %d accounts, want the 500 in the journal", n)
	}
	s.Close()
	if hashOf(t, path) != main || hashOf(t, path+"-wal") != wal {
		t.Error("viewing a read-only workspace changed it or its journal")
	}
}

// refusedUntouched opens path expecting a refusal that names both the file
// and its journal, and checks that neither changed.
func refusedUntouched(t *testing.T, path, want string) {
	t.Helper()
	main, wal := hashOf(t, path), hashOf(t, path+"-wal")
	s, err := Open(path)
	if err == nil {
		defer s.Close()
		t.Fatalf("opened with a journal that is not its own (%d accounts)", accountCount(t, s))
	}
	for _, w := range []string{filepath.Base(path), filepath.Base(path) + "-wal", want} {
		if !strings.Contains(err.Error(), w) {
			t.Errorf("error %q should say %q", err, w)
		}
	}
	if hashOf(t, path) != main {
		t.Error("the refused workspace was changed")
	}
	if hashOf(t, path+"-wal") != wal {
		t.Error("the refused journal was changed")
	}
}

// A backup copy put back in place of a workspace whose journal stayed
// beside it: the journal is the old file's and is never replayed into the
// copy.
func TestStaleJournalBesideRestoredCopyIsRefused(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "w.orchard")
	var backup string
	crashState(t, path, 2000, func(db *sql.DB) {
		s := &Store{db: db, path: filepath.Join(dir, "live.orchard")}
		if err := s.Write(Batch{Puts: []model.Entity{&model.Account{ID: "first", Name: "First", Currency: "EUR"}}}); err != nil {
			t.Fatal(err)
		}
		var err error
		s.path = filepath.Join(dir, "w.orchard")
		backup, err = s.NewCopy("before-import")
		if err != nil {
			t.Fatal(err)
		}
	})
	if err := os.Rename(backup, path); err != nil {
		t.Fatal(err)
	}
	refusedUntouched(t, path, "another copy")
	// Once the stale journal is moved away, the restored copy opens as it was.
	os.Rename(path+"-wal", path+"-wal.old")
	os.Remove(path + "-shm")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if n := accountCount(t, s); n != 1 {
		t.Errorf("the restored copy holds %d accounts, want its 1", n)
	}
}

// A journal from another workspace, or from another program's database,
// placed beside an intact workspace is refused; the workspace keeps all it
// holds.
func TestForeignJournalIsRefused(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "w.orchard")
	s, err := Create(path, func(s *Store) error {
		return s.Write(Batch{Puts: []model.Entity{&model.Account{ID: "a", Name: "Mine", Currency: "EUR"}}})
	})
	if err != nil {
		t.Fatal(err)
	}
	s.Close()

	other := filepath.Join(dir, "other.orchard")
	crashState(t, other, 10, nil)
	copyBytes(t, other+"-wal", path+"-wal")
	refusedUntouched(t, path, "another copy")

	plain := filepath.Join(dir, "plain.db")
	db, _ := sql.Open("sqlite", "file:"+plain+"?_pragma=journal_mode(WAL)&_pragma=wal_autocheckpoint(0)")
	db.SetMaxOpenConns(1)
	db.Exec("CREATE TABLE notes(x TEXT)")
	db.Exec("INSERT INTO notes VALUES ('hello')")
	copyBytes(t, plain+"-wal", path+"-wal")
	db.Close()
	refusedUntouched(t, path, "another program")

	os.WriteFile(path+"-wal", []byte(strings.Repeat("not a journal ", 10)), 0o644)
	refusedUntouched(t, path, "not a SQLite journal")

	os.Remove(path + "-wal")
	os.Remove(path + "-shm")
	s, err = Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if n := accountCount(t, s); n != 1 {
		t.Errorf("the workspace holds %d accounts after the refusals, want 1", n)
	}
}
