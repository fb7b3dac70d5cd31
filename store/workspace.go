package store

import (
	"encoding/json"
	"fmt"
	"strconv"

	"orchard/model"
)

// Load reads the whole workspace into memory.
func (s *Store) Load() (*model.Portfolio, error) {
	tx, err := s.db.Begin()
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", s.path, err)
	}
	defer tx.Rollback()
	p := model.NewPortfolio()
	if err := loadSettings(tx, &p.Settings); err != nil {
		return nil, err
	}
	for _, k := range model.Kinds {
		if err := loadKind(tx, p, k); err != nil {
			return nil, err
		}
	}
	if err := loadScores(tx, p); err != nil {
		return nil, err
	}
	if err := loadActionStakeholders(tx, p); err != nil {
		return nil, err
	}
	return p, nil
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
	if s.readOnly {
		return ErrReadOnly
	}
	tx, err := s.db.Begin()
	if err != nil {
		return fmt.Errorf("saving to %s: %w", s.path, err)
	}
	defer tx.Rollback()
	q := newPreparedTx(tx)
	defer q.close()
	for _, e := range b.Deletes {
		if err := deleteRecord(q, e.Kind(), e.EntityID()); err != nil {
			return err
		}
	}
	for _, e := range b.Puts {
		if err := putRecord(q, e); err != nil {
			return err
		}
	}
	if b.Settings != nil {
		if err := saveSettings(tx, *b.Settings); err != nil {
			return err
		}
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("saving to %s: %w", s.path, err)
	}
	return nil
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
