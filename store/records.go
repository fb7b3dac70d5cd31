package store

import (
	"database/sql"
	"fmt"
	"reflect"
	"sort"
	"strings"

	"orchard/model"
)

// table describes how one kind of record maps onto its table.
type table struct {
	name    string
	columns []string // the first is always id
	values  func(e model.Entity) []any
	scan    func(rows *sql.Rows) (model.Entity, error)
	upsert  string       // the insert-or-update statement, made once
	private *privateNote // a note that may be marked internal (internal_notes.go)
}

var tables = map[model.Kind]table{}

func register(k model.Kind, t table) {
	t.upsert = t.upsertSQL()
	tables[k] = t
}

func (t table) upsertSQL() string {
	ph := strings.TrimSuffix(strings.Repeat("?, ", len(t.columns)), ", ")
	var set []string
	for _, c := range t.columns[1:] {
		set = append(set, c+" = excluded."+c)
	}
	return fmt.Sprintf("INSERT INTO %s (%s) VALUES (%s) ON CONFLICT(id) DO UPDATE SET %s",
		t.name, strings.Join(t.columns, ", "), ph, strings.Join(set, ", "))
}

func putRecord(q querier, e model.Entity) error {
	t, ok := tables[e.Kind()]
	if !ok {
		return fmt.Errorf("no table for %s", e.Kind())
	}
	if _, err := q.Exec(t.upsert, t.storedValues(e)...); err != nil {
		return fmt.Errorf("saving %s: %w", model.Describe(e), err)
	}
	if t.private != nil {
		if err := putPrivateNote(q, t, e); err != nil {
			return err
		}
	}
	if sc, ok := e.(*model.Scorecard); ok {
		return putScores(q, sc)
	}
	if a, ok := e.(*model.Action); ok {
		return putActionStakeholders(q, a)
	}
	return nil
}

func putActionStakeholders(q querier, a *model.Action) error {
	if _, err := q.Exec("DELETE FROM action_stakeholders WHERE action_id = ?", a.ID); err != nil {
		return fmt.Errorf("saving the people of %s: %w", model.Describe(a), err)
	}
	for _, s := range a.Stakeholders {
		if _, err := q.Exec("INSERT INTO action_stakeholders(action_id, stakeholder_id) VALUES (?, ?)", a.ID, s); err != nil {
			return fmt.Errorf("saving the people of %s: %w", model.Describe(a), err)
		}
	}
	return nil
}

// loadActionStakeholders fills each action's linked people, in name order.
func loadActionStakeholders(q querier, p *model.Portfolio, only filter) error {
	rows, err := q.Query(`SELECT l.action_id, l.stakeholder_id FROM action_stakeholders l
		JOIN stakeholders s ON s.id = l.stakeholder_id`+only.where("l.action_id")+` ORDER BY l.action_id, s.name, s.id`, only.args...)
	if err != nil {
		return fmt.Errorf("reading action stakeholders: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var a, s string
		if err := rows.Scan(&a, &s); err != nil {
			return fmt.Errorf("reading action stakeholders: %w", err)
		}
		if act, ok := p.Get(model.KindAction, a).(*model.Action); ok {
			act.Stakeholders = append(act.Stakeholders, s)
		}
	}
	return rows.Err()
}

func deleteRecord(q querier, k model.Kind, id string) error {
	t, ok := tables[k]
	if !ok {
		return fmt.Errorf("no table for %s", k)
	}
	if _, err := q.Exec("DELETE FROM "+t.name+" WHERE id = ?", id); err != nil {
		return fmt.Errorf("deleting %s %s: %w", k, id, err)
	}
	if t.private != nil {
		if _, err := q.Exec("DELETE FROM internal_notes WHERE record_kind = ? AND record_id = ?", string(k), id); err != nil {
			return fmt.Errorf("deleting %s %s: %w", k, id, err)
		}
	}
	return nil
}

func loadKind(q querier, p *model.Portfolio, k model.Kind, only filter) error {
	t := tables[k]
	rows, err := q.Query(fmt.Sprintf("SELECT %s FROM %s", strings.Join(t.columns, ", "), t.name)+only.where("id"), only.args...)
	if err != nil {
		return fmt.Errorf("reading %s: %w", t.name, err)
	}
	defer rows.Close()
	for rows.Next() {
		e, err := t.scan(rows)
		if err != nil {
			return fmt.Errorf("reading %s: %w", t.name, err)
		}
		p.Put(e)
	}
	return rows.Err()
}

func putScores(q querier, sc *model.Scorecard) error {
	if _, err := q.Exec("DELETE FROM scorecard_scores WHERE scorecard_id = ?", sc.ID); err != nil {
		return fmt.Errorf("saving scorecard scores: %w", err)
	}
	keys := make([]string, 0, len(sc.Scores))
	for k := range sc.Scores {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		if _, err := q.Exec("INSERT INTO scorecard_scores(scorecard_id, criterion, score) VALUES (?, ?, ?)", sc.ID, k, sc.Scores[k]); err != nil {
			return fmt.Errorf("saving scorecard score %q: %w", k, err)
		}
	}
	return nil
}

func loadScores(q querier, p *model.Portfolio, only filter) error {
	rows, err := q.Query("SELECT scorecard_id, criterion, score FROM scorecard_scores"+only.where("scorecard_id"), only.args...)
	if err != nil {
		return fmt.Errorf("reading scorecard scores: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id, crit string
		var score int
		if err := rows.Scan(&id, &crit, &score); err != nil {
			return fmt.Errorf("reading scorecard scores: %w", err)
		}
		if sc, ok := p.Get(model.KindScorecard, id).(*model.Scorecard); ok {
			sc.Scores[crit] = score
		}
	}
	return rows.Err()
}

// TableOf names the table that holds a kind of record.
func TableOf(k model.Kind) string { return tables[k].name }

// SameStored reports whether two versions of a record would be stored
// alike: what the file holds for a record is compared with what a process
// last read, to tell another process's change from no change.
func SameStored(a, b model.Entity) bool {
	if a == nil || b == nil {
		return a == nil && b == nil
	}
	t, ok := tables[a.Kind()]
	if !ok || a.Kind() != b.Kind() {
		return false
	}
	if !reflect.DeepEqual(t.values(a), t.values(b)) {
		return false
	}
	switch x := a.(type) {
	case *model.Scorecard:
		y := b.(*model.Scorecard)
		if len(x.Scores) != len(y.Scores) {
			return false
		}
		for k, v := range x.Scores {
			if w, ok := y.Scores[k]; !ok || w != v {
				return false
			}
		}
	case *model.Action:
		return sortedJoin(x.Stakeholders) == sortedJoin(b.(*model.Action).Stakeholders)
	}
	return true
}

func sortedJoin(ids []string) string {
	s := append([]string(nil), ids...)
	sort.Strings(s)
	return strings.Join(s, "\x00")
}
