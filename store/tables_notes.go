package store

import (
	"fmt"

	"orchard/model"
)

// A note marked internal is kept apart from its record, in internal_notes
// (migration 11), so that on a team workspace row-level security can show
// it to the account's team and leaders only. The record's own column holds
// an empty note while the mark is set. In memory nothing differs.
type privateNote struct {
	column string                              // the record's note column
	get    func(e model.Entity) (string, bool) // the note and whether it is internal
	set    func(e model.Entity, note string)
	index  int // of column in the table's columns, set by register
}

// registerPrivateNotes marks the kinds with such a note; tables.go calls
// it once every table is registered.
func registerPrivateNotes() {
	notes := map[model.Kind]*privateNote{
		model.KindAccount: {column: "notes",
			get: func(e model.Entity) (string, bool) { a := e.(*model.Account); return a.Notes, a.NotesInternal },
			set: func(e model.Entity, n string) { e.(*model.Account).Notes = n }},
		model.KindStakeholder: {column: "notes",
			get: func(e model.Entity) (string, bool) { s := e.(*model.Stakeholder); return s.Notes, s.NotesInternal },
			set: func(e model.Entity, n string) { e.(*model.Stakeholder).Notes = n }},
		model.KindAction: {column: "notes",
			get: func(e model.Entity) (string, bool) { a := e.(*model.Action); return a.Notes, a.NotesInternal },
			set: func(e model.Entity, n string) { e.(*model.Action).Notes = n }},
		model.KindWhitespace: {column: "note",
			get: func(e model.Entity) (string, bool) { w := e.(*model.WhitespaceCell); return w.Note, w.NoteInternal },
			set: func(e model.Entity, n string) { e.(*model.WhitespaceCell).Note = n }},
	}
	for k, n := range notes {
		t := tables[k]
		n.index = -1
		for i, c := range t.columns {
			if c == n.column {
				n.index = i
			}
		}
		if n.index < 0 {
			panic("store: no column " + n.column + " in " + t.name)
		}
		t.private = n
		tables[k] = t
	}
}

// storedValues is what a record's row holds: its values, with an internal
// note left out.
func (t table) storedValues(e model.Entity) []any {
	v := t.values(e)
	if t.private != nil {
		if _, internal := t.private.get(e); internal {
			v[t.private.index] = ""
		}
	}
	return v
}

// putPrivateNote keeps internal_notes in step with a record just saved.
func putPrivateNote(q querier, t table, e model.Entity) error {
	note, internal := t.private.get(e)
	var err error
	if internal && note != "" {
		_, err = q.Exec(`INSERT INTO internal_notes (record_kind, record_id, account_id, notes) VALUES (?, ?, ?, ?)
			ON CONFLICT(record_kind, record_id) DO UPDATE SET notes = excluded.notes, account_id = excluded.account_id`,
			string(e.Kind()), e.EntityID(), model.AccountOf(e), note)
	} else {
		_, err = q.Exec("DELETE FROM internal_notes WHERE record_kind = ? AND record_id = ?", string(e.Kind()), e.EntityID())
	}
	if err != nil {
		return fmt.Errorf("saving the internal note of %s: %w", model.Describe(e), err)
	}
	return nil
}

// loadPrivateNotes puts each internal note back on its record. Where the
// reader may not see them (a team workspace, not on the account's team)
// there are no rows and the note stays empty.
func loadPrivateNotes(q querier, p *model.Portfolio, only filter) error {
	rows, err := q.Query("SELECT record_kind, record_id, notes FROM internal_notes"+only.where("record_id"), only.args...)
	if err != nil {
		return fmt.Errorf("reading internal notes: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var kind, id, note string
		if err := rows.Scan(&kind, &id, &note); err != nil {
			return fmt.Errorf("reading internal notes: %w", err)
		}
		t := tables[model.Kind(kind)]
		e := p.Get(model.Kind(kind), id)
		if t.private == nil || e == nil {
			continue
		}
		if _, internal := t.private.get(e); internal {
			t.private.set(e, note)
		}
	}
	return rows.Err()
}
