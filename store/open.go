// Package store keeps a workspace in one SQLite file: it opens and checks the
// file, migrates its schema and reads and writes every model record.
package store

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"

	"orchard/model"

	_ "modernc.org/sqlite"
)

//go:embed migrations/*.sql
var migrationFiles embed.FS

// ErrReadOnly is returned by writes to a workspace opened for viewing only.
var ErrReadOnly = errors.New("the workspace is read-only: changes cannot be saved")

// Store is an open workspace file.
type Store struct {
	db       *sql.DB
	path     string
	readOnly bool
	version  int
	backup   string
	server   bool   // a team workspace on a PostgreSQL server (server.go)
	access   Access // who is signed in to it (team.go)
	author   string // who its writes are by (changes.go)
	raw      string // a team workspace's address as given, password and all, for its listening connection (listen.go)
}

// Path returns the workspace file's path.
func (s *Store) Path() string { return s.path }

// ReadOnly reports whether the file was opened for viewing only.
func (s *Store) ReadOnly() bool { return s.readOnly }

// SchemaVersion returns the schema version of the open file.
func (s *Store) SchemaVersion() int { return s.version }

// BackupPath returns the copy taken before migrating, or "" when none was needed.
func (s *Store) BackupPath() string { return s.backup }

// Close closes the database; WAL content is checkpointed into the file.
func (s *Store) Close() error { return s.db.Close() }

// How a connection may touch the file.
type access int

const (
	readWrite access = iota
	// readThroughLog reads the file together with its journal (-wal) without
	// writing either; SQLite may create or update the -shm index beside it.
	readThroughLog
	// readFileAlone reads the main file only, ignoring any journal; used to
	// compare the file with what its journal would make of it.
	readFileAlone
)

// busyWait is how long a connection waits for another process's write to
// finish before giving up with a "busy" error.
const busyWait = 10000

func dsn(path string, a access) string {
	u := url.URL{Scheme: "file", Opaque: (&url.URL{Path: filepath.ToSlash(path)}).EscapedPath()}
	q := url.Values{}
	switch a {
	case readFileAlone:
		q.Set("mode", "ro")
		q.Set("immutable", "1")
	case readThroughLog:
		q.Set("mode", "ro")
		q.Add("_pragma", fmt.Sprintf("busy_timeout(%d)", busyWait))
	default:
		q.Add("_pragma", "foreign_keys(1)")
		q.Add("_pragma", fmt.Sprintf("busy_timeout(%d)", busyWait))
		q.Add("_pragma", "journal_mode(WAL)")
		q.Add("_pragma", "synchronous(NORMAL)")
		q.Add("_pragma", "temp_store(MEMORY)") // statement journals stay in memory
		// Writes take the write lock when they begin; read-only transactions
		// (Load) begin deferred and never wait for a writer.
		q.Set("_txlock", "immediate")
	}
	u.RawQuery = q.Encode()
	return u.String()
}

// Create makes a new workspace file at path, filled by fill (which may be
// nil), and opens it. The file is built under a temporary name in the same
// folder and only then moved into place, so a crash leaves either nothing
// or a whole workspace. It refuses to overwrite an existing file.
func Create(path string, fill func(*Store) error) (*Store, error) {
	fail := func(err error) (*Store, error) {
		return nil, fmt.Errorf("cannot create workspace %s: %w", path, err)
	}
	if _, err := os.Lstat(path); err == nil {
		return fail(errors.New("a file with that name already exists"))
	}
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fail(err)
	}
	tmp, err := CreateTemp(dir, "."+filepath.Base(path), ".creating")
	if err != nil {
		return fail(err)
	}
	tmpPath := tmp.Name()
	tmp.Close()
	discard := func(err error) (*Store, error) {
		removeWithJournal(tmpPath)
		return fail(err)
	}
	db, err := sql.Open("sqlite", dsn(tmpPath, readWrite))
	if err != nil {
		return discard(err)
	}
	s := &Store{db: db, path: tmpPath}
	if err := s.migrate(context.Background()); err != nil {
		db.Close()
		return discard(err)
	}
	if fill != nil {
		if err := fill(s); err != nil {
			db.Close()
			return discard(err)
		}
	}
	// Closing the last connection writes the journal back and removes it.
	if err := db.Close(); err != nil {
		return discard(err)
	}
	if _, err := os.Stat(tmpPath + "-wal"); err == nil {
		return discard(errors.New("the new file's journal could not be written back"))
	}
	if err := moveIntoPlace(tmpPath, path); err != nil {
		return discard(err)
	}
	return Open(path)
}

// Open opens an existing workspace. A file that is not an Orchard workspace,
// is damaged, or was made by a newer Orchard is refused and left untouched:
// every check reads the file together with its journal and writes nothing;
// only a file that passes is opened for writing, when SQLite completes any
// write the journal holds. A journal that does not belong to the file is
// refused by name. A file the user may not write is opened read-only.
// Before an older schema is upgraded, a copy of the file is taken beside it.
func Open(path string) (*Store, error) {
	if IsServerURL(path) {
		return openServer(path)
	}
	wal, err := readWAL(path)
	if err != nil {
		return nil, err
	}
	if err := sniff(path, wal); err != nil {
		return nil, err
	}
	version, err := probe(path, wal)
	if err != nil {
		return nil, err
	}
	latest := LatestVersion()
	if version > latest {
		return nil, fmt.Errorf("cannot open %s: it was saved by a newer Orchard (workspace schema version %d; this Orchard knows up to version %d). Update Orchard to open it", path, version, latest)
	}
	readOnly := !writable(path)
	if readOnly {
		if version < latest {
			return nil, fmt.Errorf("cannot open %s: it needs upgrading from schema version %d to %d, but the file is read-only", path, version, latest)
		}
		a := readFileAlone
		if wal.present {
			a = readThroughLog
		}
		db, err := sql.Open("sqlite", dsn(path, a))
		if err != nil {
			return nil, fmt.Errorf("cannot open %s: %w", path, err)
		}
		return &Store{db: db, path: path, readOnly: true, version: version}, nil
	}
	// Temporary files that crashed processes left beside the workspace.
	RemoveLeftovers(filepath.Dir(path))
	s := &Store{path: path, version: version}
	if version < latest {
		backup, err := copyBeforeUpgrade(path, version)
		if err != nil {
			return nil, fmt.Errorf("cannot open %s: taking a copy before upgrading failed: %w", path, err)
		}
		s.backup = backup
	}
	s.db, err = sql.Open("sqlite", dsn(path, readWrite))
	if err != nil {
		return nil, fmt.Errorf("cannot open %s: %w", path, err)
	}
	if version < latest {
		if err := s.migrate(context.Background()); err != nil {
			s.db.Close()
			return nil, fmt.Errorf("cannot open %s: %w", path, err)
		}
	}
	return s, nil
}

// probe reads the schema version through a read-only connection and checks
// the file's integrity, so that nothing is written to a file we then refuse.
// When the journal beside the file holds committed changes, it also checks
// that the journal belongs to this file: both must name the same file ID.
func probe(path string, wal walFile) (int, error) {
	a := readFileAlone
	if wal.present {
		a = readThroughLog
	}
	db, err := sql.Open("sqlite", dsn(path, a))
	if err != nil {
		return 0, fmt.Errorf("cannot open %s: %w", path, err)
	}
	defer db.Close()
	if wal.committed > 0 {
		// The file alone can be read when the journal was not half written
		// back; then the journal must name the same file, or must at least
		// be readable with it.
		withLog, logErr := fileID(db)
		if alone := fileIDAlone(path); alone != "" && (logErr != nil || withLog != "" && alone != withLog) {
			return 0, fmt.Errorf("cannot open %s: the journal file beside it, %s, belongs to another copy of the workspace (perhaps the file was replaced by a backup while the journal stayed). Orchard has changed neither file; move %s somewhere else and open the workspace again",
				path, wal.path, filepath.Base(wal.path))
		}
	}
	var check string
	if err := db.QueryRow("PRAGMA quick_check").Scan(&check); err != nil {
		return 0, fmt.Errorf("cannot open %s: the file is damaged (%v)%s", path, plainSQLError(err), walHint(wal))
	}
	if check != "ok" {
		return 0, fmt.Errorf("cannot open %s: the file is damaged (integrity check: %s)%s", path, check, walHint(wal))
	}
	var version int
	err = db.QueryRow("SELECT COALESCE(MAX(version), 0) FROM schema_migrations").Scan(&version)
	if err != nil {
		return 0, fmt.Errorf("cannot open %s: it is a SQLite database but not an Orchard workspace (no schema record: %v)", path, plainSQLError(err))
	}
	return version, nil
}

func walHint(wal walFile) string {
	if wal.committed == 0 {
		return ""
	}
	return fmt.Sprintf(" together with its journal %s; Orchard has changed neither file. If the workspace was replaced by a copy, move %s somewhere else and open it again",
		filepath.Base(wal.path), filepath.Base(wal.path))
}

// fileID reads the file's identity, or "" when the schema has none yet.
func fileID(db *sql.DB) (string, error) {
	var id string
	err := db.QueryRow("SELECT file_id FROM workspace_file WHERE id = 1").Scan(&id)
	if isNoSuchTable(err) {
		return "", nil
	}
	return id, err
}

// fileIDAlone reads the identity from the main file without its journal, or
// "" when the file alone cannot be read (it was being written back).
func fileIDAlone(path string) string {
	db, err := sql.Open("sqlite", dsn(path, readFileAlone))
	if err != nil {
		return ""
	}
	defer db.Close()
	id, _ := fileID(db)
	return id
}

// writable reports whether Orchard may write the file: the user has not
// marked it read-only and the system lets us open it for writing.
func writable(path string) bool {
	info, err := os.Stat(path)
	if err != nil || info.Mode().Perm()&0o200 == 0 {
		return false
	}
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return false
	}
	f.Close()
	// WAL needs to create -wal and -shm files beside the workspace.
	tmp, err := CreateTemp(filepath.Dir(path), ".orchard-probe", "")
	if err != nil {
		return false
	}
	tmp.Close()
	os.Remove(tmp.Name())
	return true
}

// copyBeforeUpgrade writes a consistent copy of the file and its journal
// beside it, named for the version and the moment.
func copyBeforeUpgrade(path string, version int) (string, error) {
	db, err := sql.Open("sqlite", dsn(path, readThroughLog))
	if err != nil {
		return "", err
	}
	defer db.Close()
	dst, err := uniqueName(fmt.Sprintf("%s.v%d", path, version), ".bak")
	if err != nil {
		return "", err
	}
	if err := vacuumInto(db, dst); err != nil {
		os.Remove(dst)
		return "", err
	}
	return dst, nil
}

// SaveCopy writes a consistent copy of the workspace to path (which must not
// exist yet), for File ▸ Save a copy. The copy gets its own file ID. A team
// workspace's copy is a file holding what the signed-in person may read.
func (s *Store) SaveCopy(path string) error {
	if _, err := os.Lstat(path); err == nil {
		return fmt.Errorf("cannot save a copy to %s: the file already exists", path)
	}
	if s.server {
		return s.copyFromServer(path)
	}
	f, err := CreateTemp(filepath.Dir(path), "."+filepath.Base(path), ".partial")
	if err != nil {
		return fmt.Errorf("cannot save a copy to %s: %w", path, err)
	}
	tmp := f.Name()
	f.Close()
	if err := vacuumInto(s.db, tmp); err != nil {
		removeWithJournal(tmp)
		return fmt.Errorf("cannot save a copy to %s: %w", path, err)
	}
	if err := moveIntoPlace(tmp, path); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("cannot save a copy to %s: %w", path, err)
	}
	return nil
}

// copyFromServer reads the team workspace in one snapshot and writes it to
// a new file in one transaction; a failure leaves no file.
func (s *Store) copyFromServer(path string) error {
	p, _, err := s.Snapshot()
	if err != nil {
		return fmt.Errorf("cannot save a copy to %s: %w", path, err)
	}
	var puts []model.Entity
	for _, k := range model.Kinds {
		puts = append(puts, p.All(k)...)
	}
	settings := p.Settings
	c, err := Create(path, func(c *Store) error {
		return c.Write(Batch{Puts: puts, Settings: &settings})
	})
	if err != nil {
		return fmt.Errorf("cannot save a copy to %s: %w", path, err)
	}
	return c.Close()
}

// NewCopy writes a consistent copy of the workspace beside it, named
// NAME.TAG-STAMP.orchard (never an existing name, however many are taken in
// the same second), and returns the copy's path.
func (s *Store) NewCopy(tag string) (string, error) {
	if s.server {
		return "", nil // a server keeps its own backups
	}
	dst, err := uniqueName(strings.TrimSuffix(s.path, filepath.Ext(s.path))+"."+tag, filepath.Ext(s.path))
	if err != nil {
		return "", err
	}
	if err := vacuumInto(s.db, dst); err != nil {
		removeWithJournal(dst)
		return "", err
	}
	return dst, nil
}

// vacuumInto writes a consistent copy of db into dst (a new, empty file)
// and gives the copy a new file ID, so that a journal left beside the
// original is never taken for the copy's own.
func vacuumInto(db *sql.DB, dst string) error {
	if _, err := db.Exec("VACUUM INTO ?", dst); err != nil {
		return err
	}
	c, err := sql.Open("sqlite", dsn(dst, readWrite))
	if err != nil {
		return err
	}
	_, err = c.Exec("UPDATE workspace_file SET file_id = lower(hex(randomblob(16))) WHERE id = 1")
	if cerr := c.Close(); err == nil {
		err = cerr
	}
	if isNoSuchTable(err) {
		err = nil // an older schema, copied before its upgrade
	}
	return err
}
