// Package store keeps a workspace in one SQLite file: it opens and checks the
// file, migrates its schema and reads and writes every model record.
package store

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"time"

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

func dsn(path string, readOnly bool) string {
	u := url.URL{Scheme: "file", Opaque: (&url.URL{Path: filepath.ToSlash(path)}).EscapedPath()}
	q := url.Values{}
	if readOnly {
		// immutable: no locks and no -shm/-wal files beside a file we may not write.
		q.Set("mode", "ro")
		q.Set("immutable", "1")
	} else {
		q.Add("_pragma", "foreign_keys(1)")
		q.Add("_pragma", "busy_timeout(5000)")
		q.Add("_pragma", "journal_mode(WAL)")
		q.Add("_pragma", "synchronous(NORMAL)")
		q.Add("_pragma", "temp_store(MEMORY)") // statement journals stay in memory
		q.Set("_txlock", "immediate")
	}
	u.RawQuery = q.Encode()
	return u.String()
}

// Create makes a new, empty workspace file at path. It refuses to overwrite
// an existing file.
func Create(path string) (*Store, error) {
	if _, err := os.Stat(path); err == nil {
		return nil, fmt.Errorf("cannot create workspace %s: a file with that name already exists", path)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return nil, fmt.Errorf("cannot create workspace %s: %w", path, err)
	}
	db, err := sql.Open("sqlite", dsn(path, false))
	if err != nil {
		return nil, fmt.Errorf("cannot create workspace %s: %w", path, err)
	}
	s := &Store{db: db, path: path}
	if err := s.migrate(context.Background()); err != nil {
		db.Close()
		os.Remove(path)
		return nil, fmt.Errorf("cannot create workspace %s: %w", path, err)
	}
	return s, nil
}

// Open opens an existing workspace. A file that is not an Orchard workspace,
// is damaged, or was made by a newer Orchard is refused and left untouched.
// A file the user may not write is opened read-only. Before an older schema
// is upgraded, a copy of the file is taken beside it.
func Open(path string) (*Store, error) {
	if err := sniff(path); err != nil {
		return nil, err
	}
	version, err := probe(path)
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
		db, err := sql.Open("sqlite", dsn(path, true))
		if err != nil {
			return nil, fmt.Errorf("cannot open %s: %w", path, err)
		}
		return &Store{db: db, path: path, readOnly: true, version: version}, nil
	}
	s := &Store{path: path, version: version}
	if version < latest {
		s.backup = fmt.Sprintf("%s.v%d-%s.bak", path, version, time.Now().UTC().Format("20060102T150405"))
		if err := copyFile(path, s.backup); err != nil {
			return nil, fmt.Errorf("cannot open %s: taking a copy before upgrading failed: %w", path, err)
		}
	}
	s.db, err = sql.Open("sqlite", dsn(path, false))
	if err != nil {
		return nil, fmt.Errorf("cannot open %s: %w", path, err)
	}
	if err := s.migrate(context.Background()); err != nil {
		s.db.Close()
		return nil, fmt.Errorf("cannot open %s: %w", path, err)
	}
	return s, nil
}

// probe reads the schema version through a read-only connection and checks
// the file's integrity, so that nothing is written to a file we then refuse.
func probe(path string) (int, error) {
	db, err := sql.Open("sqlite", dsn(path, true))
	if err != nil {
		return 0, fmt.Errorf("cannot open %s: %w", path, err)
	}
	defer db.Close()
	var check string
	if err := db.QueryRow("PRAGMA quick_check").Scan(&check); err != nil {
		return 0, fmt.Errorf("cannot open %s: the file is damaged (%v)", path, err)
	}
	if check != "ok" {
		return 0, fmt.Errorf("cannot open %s: the file is damaged (integrity check: %s)", path, check)
	}
	var version int
	err = db.QueryRow("SELECT COALESCE(MAX(version), 0) FROM schema_migrations").Scan(&version)
	if err != nil {
		return 0, fmt.Errorf("cannot open %s: it is a SQLite database but not an Orchard workspace (no schema record: %v)", path, err)
	}
	return version, nil
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
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, ".orchard-probe-*")
	if err != nil {
		return false
	}
	tmp.Close()
	os.Remove(tmp.Name())
	return true
}

func copyFile(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

// SaveCopy writes a consistent copy of the workspace to path (which must not
// exist yet), for File ▸ Save a copy.
func (s *Store) SaveCopy(path string) error {
	if _, err := os.Stat(path); err == nil {
		return fmt.Errorf("cannot save a copy to %s: the file already exists", path)
	}
	if _, err := s.db.Exec("VACUUM INTO ?", path); err != nil {
		return fmt.Errorf("cannot save a copy to %s: %w", path, err)
	}
	return nil
}
