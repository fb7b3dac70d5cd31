package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"orchard/model"
)

// ErrStale is returned by WriteIf when another process saved changes to
// the file after the caller last read it; nothing was written.
var ErrStale = errors.New("the workspace was changed by another program since it was read")

// Load reads the whole workspace into memory.
func (s *Store) Load() (*model.Portfolio, error) {
	p, _, err := s.Snapshot()
	return p, err
}

// Snapshot reads the whole workspace and the change count it reflects, in
// one read transaction. Reading never waits for another process's write.
func (s *Store) Snapshot() (*model.Portfolio, int64, error) {
	tx, err := s.db.BeginTx(context.Background(), s.readTx())
	if err != nil {
		return nil, 0, fmt.Errorf("reading %s: %w", s.path, busyError(err))
	}
	defer tx.Rollback()
	seq, err := changeSeq(tx)
	if err != nil {
		return nil, 0, fmt.Errorf("reading %s: %w", s.path, busyError(err))
	}
	p := model.NewPortfolio()
	if err := loadSettings(tx, &p.Settings); err != nil {
		return nil, 0, err
	}
	for _, k := range model.Kinds {
		if err := loadKind(tx, p, k, filter{}); err != nil {
			return nil, 0, err
		}
	}
	if err := loadScores(tx, p, filter{}); err != nil {
		return nil, 0, err
	}
	if err := loadActionStakeholders(tx, p, filter{}); err != nil {
		return nil, 0, err
	}
	if err := loadPrivateNotes(tx, p, filter{}); err != nil {
		return nil, 0, err
	}
	return p, seq, nil
}

// readTx is a read transaction that sees one moment throughout: a file's
// always does; on a server it takes repeatable read, as PostgreSQL's
// default shows each statement what was committed by then.
func (s *Store) readTx() *sql.TxOptions {
	if s.server {
		return &sql.TxOptions{ReadOnly: true, Isolation: sql.LevelRepeatableRead}
	}
	return &sql.TxOptions{ReadOnly: true}
}

// ChangeSeq returns the file's count of saved changes: it grows with every
// write by any process, so a process that remembers the count it last read
// can tell whether another has written since.
func (s *Store) ChangeSeq() (int64, error) {
	seq, err := changeSeq(s.db)
	if err != nil {
		return 0, fmt.Errorf("reading %s: %w", s.path, busyError(err))
	}
	return seq, nil
}

// changeSeq reads the count; a file older than schema version 7 has none
// and counts as 0 (it is only ever written after its upgrade, but a test
// may build one).
func changeSeq(q querier) (int64, error) {
	var seq int64
	err := q.QueryRow("SELECT change_seq FROM workspace_file WHERE id = 1").Scan(&seq)
	if isNoSuchTable(err) {
		return 0, nil
	}
	return seq, err
}

// busyError explains a write lock held elsewhere in words a person can act on.
func busyError(err error) error {
	if err != nil && (strings.Contains(err.Error(), "SQLITE_BUSY") || strings.Contains(err.Error(), "database is locked")) {
		return fmt.Errorf("another program kept the workspace busy for %d seconds (another Orchard importing into it, perhaps); nothing was saved, try again when it has finished: %w", busyWait/1000, err)
	}
	return err
}

// Batch is one transaction's worth of writes.
type Batch struct {
	Puts     []model.Entity
	Deletes  []model.Entity
	Settings *model.Settings
}

// Write applies a batch in one transaction: deletes, then puts, then
// settings. Either all of it is saved or none of it.
func (s *Store) Write(b Batch) error {
	_, err := s.write(b, -1, nil)
	return err
}

// WriteIf is Write for a batch computed from what the file held at change
// count seq: when another process has saved since, it writes nothing and
// returns ErrStale. It returns the new change count.
func (s *Store) WriteIf(b Batch, seq int64) (int64, error) {
	return s.write(b, seq, nil)
}

// WriteCaughtUp is WriteIf that, when another process has saved since seq,
// calls catchUp while holding the write lock, so that no one else can save
// meanwhile: catchUp reads the others' changes in and returns the batch to
// write after all, or an error to write nothing. Under contention it makes
// progress where WriteIf could be overtaken time after time.
func (s *Store) WriteCaughtUp(b Batch, seq int64, catchUp func() (Batch, error)) (int64, error) {
	return s.write(b, seq, catchUp)
}

func (s *Store) write(b Batch, expect int64, catchUp func() (Batch, error)) (next int64, err error) {
	if s.server {
		defer func() {
			if lostConnection(err) {
				err = fmt.Errorf("the connection to the team server was lost while saving, so nothing was saved (the server undoes a save it did not finish): %w", err)
			}
		}()
	}
	if s.readOnly {
		return 0, ErrReadOnly
	}
	tx, err := s.db.Begin() // immediate: the write lock is taken here
	if err != nil {
		return 0, fmt.Errorf("saving to %s: %w", s.path, busyError(err))
	}
	defer tx.Rollback()
	if s.server {
		// Writers take turns on the change count, as SQLite's write lock
		// makes them in a file.
		if _, err := tx.Exec("SELECT change_seq FROM workspace_file WHERE id = 1 FOR UPDATE"); err != nil {
			return 0, s.refused(err, "save")
		}
	}
	seq, err := changeSeq(tx)
	if err != nil {
		return 0, fmt.Errorf("saving to %s: %w", s.path, err)
	}
	if expect >= 0 && seq != expect {
		if catchUp == nil {
			return seq, ErrStale
		}
		if b, err = catchUp(); err != nil {
			return seq, err
		}
	}
	if _, err := tx.Exec("UPDATE workspace_file SET change_seq = change_seq + 1 WHERE id = 1"); err != nil && !isNoSuchTable(err) {
		return 0, fmt.Errorf("saving to %s: %w", s.path, err)
	}
	q := newPreparedTx(tx)
	defer q.close()
	// A record's version is counted before it is deleted and after it is
	// saved, so that on a team workspace the account it belongs to is one
	// the writer may change at that moment.
	for _, e := range b.Deletes {
		if err := s.countChange(q, e.Kind(), e.EntityID(), model.AccountOf(e), true); err != nil {
			return 0, s.refused(err, "delete "+model.Describe(e))
		}
		if err := deleteRecord(q, e.Kind(), e.EntityID()); err != nil {
			return 0, s.refused(err, "delete "+model.Describe(e))
		}
	}
	for _, e := range b.Puts {
		if err := putRecord(q, e); err != nil {
			return 0, s.refused(err, "save "+model.Describe(e))
		}
		if err := s.countChange(q, e.Kind(), e.EntityID(), model.AccountOf(e), false); err != nil {
			return 0, s.refused(err, "save "+model.Describe(e))
		}
	}
	if b.Settings != nil {
		if err := saveSettings(tx, *b.Settings); err != nil {
			return 0, s.refused(err, "change the workspace settings")
		}
		if err := s.countChange(q, SettingsKind, "settings", "", false); err != nil {
			return 0, s.refused(err, "change the workspace settings")
		}
	}
	if s.server {
		// Everyone else's window hears of it when the transaction commits.
		if _, err := tx.Exec("SELECT pg_notify(?, ?)", changesChannel, noticeOf(b, seq+1, s.by())); err != nil {
			return 0, s.refused(err, "save")
		}
	}
	if err := tx.Commit(); err != nil {
		return 0, fmt.Errorf("saving to %s: %w", s.path, s.refused(busyError(err), "save"))
	}
	return seq + 1, nil
}

func saveSettings(q querier, st model.Settings) error {
	weights, _ := json.Marshal(st.Weights)
	offerings, _ := json.Marshal(st.Offerings)
	criteria, _ := json.Marshal(st.Criteria)
	rates, _ := json.Marshal(st.Rates)
	wip, _ := json.Marshal(st.WIP)
	health, _ := json.Marshal(st.HealthWeights)
	kv := map[string]string{
		"name":      st.Name,
		"sample":    strconv.FormatBool(st.Sample),
		"weights":   string(weights),
		"offerings": string(offerings),
		"criteria":  string(criteria),
		"rates":     string(rates),
		"wip":       string(wip),
		"health":    string(health),
		"at_risk":   strconv.Itoa(st.AtRisk),
	}
	for k, v := range kv {
		if _, err := q.Exec("INSERT INTO settings(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value", k, v); err != nil {
			return fmt.Errorf("saving setting %s: %w", k, err)
		}
	}
	return nil
}

func loadSettings(q querier, st *model.Settings) error {
	rows, err := q.Query("SELECT key, value FROM settings")
	if err != nil {
		return fmt.Errorf("reading settings: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var k, v string
		if err := rows.Scan(&k, &v); err != nil {
			return fmt.Errorf("reading settings: %w", err)
		}
		var perr error
		switch k {
		case "name":
			st.Name = v
		case "sample":
			st.Sample = v == "true"
		case "weights":
			perr = json.Unmarshal([]byte(v), &st.Weights)
		case "offerings":
			perr = json.Unmarshal([]byte(v), &st.Offerings)
		case "criteria":
			perr = json.Unmarshal([]byte(v), &st.Criteria)
		case "rates":
			perr = json.Unmarshal([]byte(v), &st.Rates)
		case "wip":
			perr = json.Unmarshal([]byte(v), &st.WIP)
		case "health":
			perr = json.Unmarshal([]byte(v), &st.HealthWeights)
		case "at_risk":
			st.AtRisk, perr = strconv.Atoi(v)
		}
		if perr != nil {
			return fmt.Errorf("reading setting %s: %q is not valid (%v)", k, v, perr)
		}
	}
	return rows.Err()
}
