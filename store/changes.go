package store

import (
	"database/sql"
	"errors"
	"fmt"
	"os/user"
	"strings"
	"time"

	"orchard/model"
)

// RecordChange is a record's version and who saved it last.
type RecordChange struct {
	Version int64
	By      string // the person's name (a team workspace's login's, or the computer user's)
	At      time.Time
	Deleted bool
}

// SettingsKind names the workspace settings among the records' versions.
const SettingsKind model.Kind = "settings"

// SetAuthor names who this store's writes are by; by default the
// signed-in person on a team workspace, the computer's user on a file.
func (s *Store) SetAuthor(name string) { s.author = name }

// by is who this store's writes are by.
func (s *Store) by() string {
	if s.author != "" {
		return s.author
	}
	return s.defaultAuthor()
}

func (s *Store) defaultAuthor() string {
	if s.access.Name != "" {
		return s.access.Name
	}
	if s.access.Login != "" {
		return s.access.Login
	}
	if u, err := user.Current(); err == nil {
		if name := strings.TrimSpace(strings.Split(u.Name, ",")[0]); name != "" {
			return name
		}
		return u.Username
	}
	return "someone"
}

// LastChange returns a record's version and who saved it last; a record
// saved before versions were kept has version 0 and no name.
func (s *Store) LastChange(k model.Kind, id string) (RecordChange, error) {
	var c RecordChange
	var at string
	err := s.db.QueryRow("SELECT version, changed_by, changed_at, deleted FROM record_changes WHERE record_kind = ? AND record_id = ?",
		string(k), id).Scan(&c.Version, &c.By, &at, &c.Deleted)
	if errors.Is(err, sql.ErrNoRows) || isNoSuchTable(err) {
		return RecordChange{}, nil
	}
	if err != nil {
		return c, fmt.Errorf("reading who changed %s %s: %w", k, id, s.serverError(err))
	}
	c.At = parseStamp(at)
	return c, nil
}

// countChange raises a record's version in the same transaction as its
// write.
func (s *Store) countChange(q querier, k model.Kind, id, account string, deleted bool) error {
	_, err := q.Exec(`INSERT INTO record_changes (record_kind, record_id, account_id, version, changed_by, changed_at, deleted)
		VALUES (?, ?, ?, 1, ?, ?, ?)
		ON CONFLICT(record_kind, record_id) DO UPDATE SET version = record_changes.version + 1,
			changed_by = excluded.changed_by, changed_at = excluded.changed_at, deleted = excluded.deleted, account_id = excluded.account_id`,
		string(k), id, nullID(account), s.by(), stampText(time.Now().UTC()), boolInt(deleted))
	if isNoSuchTable(err) {
		return nil // a file being built at an older version in a test
	}
	return err
}
