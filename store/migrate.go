package store

import (
	"context"
	"fmt"
	"io/fs"
	"sort"
	"strconv"
	"strings"
	"time"
)

type migration struct {
	version int
	name    string
	sql     string
}

// migrationSource holds the numbered migration files; tests swap it to
// rehearse an upgrade.
var migrationSource fs.FS = migrationFiles

func migrations() []migration {
	entries, err := fs.ReadDir(migrationSource, "migrations")
	if err != nil {
		panic(err)
	}
	var out []migration
	for _, e := range entries {
		num, _, ok := strings.Cut(e.Name(), "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil {
			panic("store: migration file without a number: " + e.Name())
		}
		body, err := fs.ReadFile(migrationSource, "migrations/"+e.Name())
		if err != nil {
			panic(err)
		}
		out = append(out, migration{version: v, name: e.Name(), sql: string(body)})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].version < out[j].version })
	return out
}

// LatestVersion is the schema version this Orchard writes.
func LatestVersion() int {
	m := migrations()
	return m[len(m)-1].version
}

// migrate applies every migration newer than the file, each in its own
// transaction together with its record in schema_migrations.
func (s *Store) migrate(ctx context.Context) error {
	made := false
	if s.server {
		var err error
		if made, err = s.serverReady(ctx); err != nil {
			return err
		}
	}
	if !made { // a team workspace's people may not make tables, and need not
		if _, err := s.db.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
			version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied TEXT NOT NULL)`); err != nil {
			return fmt.Errorf("preparing migrations: %w", err)
		}
	}
	var current int
	if err := s.db.QueryRowContext(ctx, "SELECT COALESCE(MAX(version), 0) FROM schema_migrations").Scan(&current); err != nil {
		return fmt.Errorf("reading schema version: %w", err)
	}
	start := current
	if s.server && current > 0 && current < LatestVersion() {
		if err := s.ownsWorkspace(s.db, "upgrade it"); err != nil {
			return fmt.Errorf("the team workspace needs upgrading from schema version %d to %d, which its owner does by opening it once with this Orchard: %w", current, LatestVersion(), err)
		}
	}
	for _, m := range migrations() {
		if m.version <= current {
			continue
		}
		tx, err := s.db.BeginTx(ctx, nil)
		if err != nil {
			return fmt.Errorf("migration %s: %w", m.name, err)
		}
		body := m.sql
		if s.server {
			body = serverSQL(body)
		}
		if _, err := tx.ExecContext(ctx, body); err != nil {
			tx.Rollback()
			return fmt.Errorf("migration %s: %w", m.name, err)
		}
		if _, err := tx.ExecContext(ctx, "INSERT INTO schema_migrations(version, name, applied) VALUES (?, ?, ?)",
			m.version, m.name, time.Now().UTC().Format(time.RFC3339)); err != nil {
			tx.Rollback()
			return fmt.Errorf("migration %s: %w", m.name, err)
		}
		if err := tx.Commit(); err != nil {
			return fmt.Errorf("migration %s: %w", m.name, err)
		}
		current = m.version
	}
	s.version = current
	if s.server {
		if current != start {
			return s.secureAgain(ctx)
		}
		return nil
	}
	// Move the new header (application ID, schema) from the WAL into the
	// main file, so another process sniffing the file recognises it.
	if _, err := s.db.ExecContext(ctx, "PRAGMA wal_checkpoint(TRUNCATE)"); err != nil {
		return fmt.Errorf("checkpointing after migration: %w", err)
	}
	return nil
}
